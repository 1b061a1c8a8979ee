"""``hadath serve``: the HTTP API and dashboard over an event store (needs ``pip install "hadath[api]"``)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from hadath.errors import ExitCode


def register(app: typer.Typer) -> None:
    """Add ``hadath serve`` to the CLI."""

    @app.command()
    def serve(
        db: Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL "
                                                            "(default: $HADATH_DB or ~/.local/share/hadath/hadath.db)")] = None,
        host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=0, max=65535, help="port")] = 8000,
        token: Annotated[str | None, typer.Option(help="token required by write endpoints (POST /code?store=true, "
                                                       "POST /ingest); default $HADATH_API_TOKEN")] = None,
        max_body: Annotated[int, typer.Option("--max-body", min=1, help="largest request body in bytes")] = 2_000_000,
        cors_origin: Annotated[list[str] | None, typer.Option("--cors-origin", help="allow cross-origin requests "
                                                                                    "from this origin (repeatable; "
                                                                                    "CORS is off by default)")] = None,
        log_level: Annotated[str, typer.Option(help="uvicorn log level")] = "info",
    ) -> None:
        """Serve the JSON API (OpenAPI at /docs) and the dashboard (map, timeline, network, articles, search)."""
        from hadath.cli import Env

        try:
            import uvicorn

            from hadath.api.app import create_app
        except ImportError as e:
            Env().error(f"hadath serve needs the API extra ({e.name} is missing): pip install \"hadath[api]\"")
            raise typer.Exit(int(ExitCode.USAGE)) from None
        from hadath.errors import HadathError
        from hadath.store import Store

        tok = token or os.environ.get("HADATH_API_TOKEN") or None
        if host not in ("127.0.0.1", "localhost", "::1") and tok is None:
            Env().error(f"warning: listening on {host} without --token: anyone who can reach it can write to the store")
        try:
            Store(db).close()  # fail early, with one line, when the store cannot be opened
        except HadathError as e:
            Env().error(str(e))
            raise typer.Exit(int(ExitCode.FAILED)) from None
        web = create_app(db, token=tok, max_body=max_body, cors_origins=list(cors_origin or []))
        uvicorn.run(web, host=host, port=port, log_level=log_level)


__all__ = ["register"]
