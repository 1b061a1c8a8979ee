"""``hadath brief``: a daily (or period) digest of the coded events, as Markdown, HTML or PDF."""

from __future__ import annotations

from datetime import date as _date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hadath.errors import ExitCode, HadathError


class BriefFormat(StrEnum):
    """Output formats of ``hadath brief``."""

    md = "md"
    html = "html"
    pdf = "pdf"


def _day(value: str | None, opt: str) -> str | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        _date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: expected YYYY-MM-DD", param_hint=opt) from None
    return value


def register(app: typer.Typer) -> None:
    """Add the ``brief`` command to the ``hadath`` app."""

    @app.command()
    def brief(
        db: Annotated[str | None, typer.Option("--db", help="event store: SQLite file or postgresql:// URL "
                                               "(default: $HADATH_DB or ~/.local/share/hadath/hadath.db)")] = None,
        from_file: Annotated[Path | None, typer.Option("--from", help="build from 'hadath code' JSONL output "
                                                       "instead of the store")] = None,
        day: Annotated[str | None, typer.Option("--date", help="the day YYYY-MM-DD")] = None,
        since: Annotated[str | None, typer.Option(help="first day YYYY-MM-DD (with --until)")] = None,
        until: Annotated[str | None, typer.Option(help="last day YYYY-MM-DD (with --since)")] = None,
        country: Annotated[str | None, typer.Option(help="only events in/of this country (ISO3, e.g. LBY)")] = None,
        fmt: Annotated[BriefFormat, typer.Option("--format", "-f", help="md, html (self-contained) or pdf")] = BriefFormat.md,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="write here (atomically)")] = None,
        per_group: Annotated[int, typer.Option(help="at most this many clusters per country and quad class")] = 10,
    ) -> None:
        """Digest of a day's (or period's) event clusters: ranked by sources and Goldstein magnitude, grouped by
        country and quad class, with English summaries, outlets, Arabic evidence, a map and a timeline."""
        from hadath.cli import _env

        env = _env()

        def fail(msg: str, code: ExitCode = ExitCode.USAGE) -> None:
            env.error(msg)
            raise typer.Exit(int(code))

        day_ = _day(day, "--date")
        since_ = _day(since, "--since")
        until_ = _day(until, "--until")
        if day_ and (since_ or until_):
            fail("brief: give --date or --since/--until, not both")
        if day_:
            since_ = until_ = day_
        if not since_ or not until_:
            fail("brief: give --date YYYY-MM-DD, or both --since and --until")
        assert since_ is not None and until_ is not None
        if since_ > until_:
            fail(f"brief: --since {since_} is after --until {until_}")
        iso = country.strip().upper() if country else None
        if iso is not None and (len(iso) != 3 or not iso.isalpha()):
            fail(f"brief: --country {country!r}: expected an ISO3 code like LBY")
        if from_file is not None and db is not None:
            fail("brief: give --db or --from, not both")
        if per_group < 1:
            fail("brief: --per-group must be at least 1")

        try:
            text_or_bytes = build(from_file, db, since_, until_, iso, fmt, per_group)
            from hadath.briefs.render import write_output

            write_output(text_or_bytes, output, env.stdout)
        except HadathError as e:
            fail(f"brief: {e}", ExitCode.FAILED)
        except OSError as e:
            fail(f"brief: {output}: cannot write ({e.strerror})", ExitCode.FAILED)


def build(from_file: Path | None, db: str | None, since: str, until: str, country: str | None,
          fmt: BriefFormat, per_group: int = 10) -> str | bytes:
    """Build and render a brief (the command's work, callable from Python)."""
    from hadath.briefs.clusters import clusters_from_jsonl, clusters_from_store
    from hadath.briefs.render import Brief, make_charts, render_html, render_markdown, render_pdf
    from hadath.kb import get_kb

    kb = get_kb()
    if from_file is not None:
        clusters = clusters_from_jsonl(from_file, since, until, country, kb)
    else:
        clusters = clusters_from_store(db, since, until, country, kb)
    names = {iso: c.name_en for iso, c in kb.countries.items()}
    centroids = {iso: (c.lat, c.lon) for iso, c in kb.countries.items() if c.lat is not None and c.lon is not None}
    b = Brief(since, until, clusters, country, names, per_group=per_group)
    make_charts(b, centroids)
    if fmt == BriefFormat.md:
        return render_markdown(b)
    if fmt == BriefFormat.html:
        return render_html(b)
    return render_pdf(b)
