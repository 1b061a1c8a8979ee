"""The HTTP API and web dashboard (``pip install "hadath[api]"``; ``hadath serve``).

    from hadath.api import create_app
    app = create_app("events.db", token="s3cret")   # an ASGI app: uvicorn, TestClient ...
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See :func:`hadath.api.app.create_app` (imported lazily: FastAPI is an optional dependency)."""
    from hadath.api.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
