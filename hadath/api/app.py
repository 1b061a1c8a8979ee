"""The HTTP API and dashboard of hadath (FastAPI): ``create_app(db)`` → an ASGI app; ``hadath serve`` runs it.

JSON endpoints: ``POST /code``, ``POST /ingest``, ``GET /events``, ``/events/{id}``, ``/clusters``, ``/actors``,
``/actors/{key}``, ``/articles/{id}``, ``/stats``, ``/export`` (OpenAPI schema at ``/openapi.json``, docs at
``/docs``). Dashboard pages: ``/map``, ``/timeline``, ``/network``, ``/search``, ``/paste`` and the HTML views of
``/events``, ``/events/{id}``, ``/clusters``, ``/actors``, ``/actors/{key}``, ``/articles/{id}``, ``/stats``.
Every page has a JSON twin: the same URL with ``.json`` appended to the path, or ``Accept: application/json``;
a URL is served as HTML only when the client asks for ``text/html`` (a browser). Filters live in the query
string, with the names of ``hadath events`` options (``actor``, ``role``, ``actor_code``, ``country``,
``cameo``, ``plover``, ``quad``, ``since``, ``until``, ``place``, ``bbox``, ``text``, ``min_confidence``,
``include_negated``), plus ``sort``, ``limit`` and ``offset``.

Errors are JSON ``{"error": {"code", "message"}}`` with a 4xx status for anything the client caused.
"""

from __future__ import annotations

import json
import math
import secrets
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from hadath import __version__
from hadath.api import service
from hadath.errors import HadathError
from hadath.store.query import EventFilter, QueryError, parse_bbox, split_values
from hadath.store.store import Store

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_BODY = 2_000_000
MAX_LIMIT = 1000
MAX_OFFSET = 10**9

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


class ApiError(Exception):
    """An error answered with ``status`` and a JSON body ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error_body(status: int, code: str, message: str, details: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": {"status": status, "code": code, "message": message}}
    if details is not None:
        body["error"]["details"] = details
    return JSONResponse(body, status_code=status)


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class EdgeMiddleware:
    """ASGI middleware: request bodies over ``max_body`` bytes → 413; a path ending in ``.json`` is served as
    the JSON twin of the path without it (``scope["state"]["want_json"]``)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path.endswith(".json") and path not in ("/openapi.json",) and not path.startswith("/static/"):
            scope = dict(scope)
            scope["path"] = path[:-5] or "/"
            scope["raw_path"] = scope["path"].encode()
            scope.setdefault("state", {})["want_json"] = True
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    await _send_error(send, 400, "E040", "Content-Length is not a number")
                    return
                if n > self.max_body:
                    await _send_error(send, 413, "E042", f"request body is {n} bytes, over the limit of "
                                                         f"{self.max_body} bytes")
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise ApiError(413, "E042", f"request body is over the limit of {self.max_body} bytes")
            return msg

        await self.app(scope, limited, send)


def want_html(request: Request) -> bool:
    """True when the client asked for HTML (``Accept`` prefers text/html) and not for the ``.json`` twin."""
    if getattr(request.state, "want_json", False):
        return False
    accept = request.headers.get("accept", "")
    if "text/html" not in accept:
        return False
    j = accept.find("application/json")
    return j < 0 or accept.find("text/html") < j


def _clean_str(v: str | None, name: str) -> str | None:
    if v is None:
        return None
    if "\x00" in v:
        raise ApiError(400, "E040", f"{name}: NUL characters are not allowed")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(400, "E040", f"{name}: not valid Unicode text") from None
    return v


def _clean_list(vs: list[str] | None, name: str) -> list[str]:
    return [x for x in (_clean_str(v, name) for v in vs or []) if x is not None]


def event_filter(
    actor: Annotated[list[str] | None, Query(description="actor id, English or Arabic name or alias "
                                                         "(repeatable: all must match)")] = None,
    role: Annotated[str, Query(pattern="^(any|source|target)$", description="the role `actor` must fill")] = "any",
    actor_code: Annotated[list[str] | None, Query(description="source or target actor code prefix (LBY, LBYMIL)")] = None,
    country: Annotated[list[str] | None, Query(description="ISO3 of the location or either actor")] = None,
    cameo: Annotated[list[str] | None, Query(description="CAMEO code or root prefix (04, 042, 18,19)")] = None,
    plover: Annotated[list[str] | None, Query(description="PLOVER type (ASSAULT, CONSULT ...)")] = None,
    quad: Annotated[list[int] | None, Query(description="quad class 1-4")] = None,
    since: Annotated[str | None, Query(description="first day YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(description="last day YYYY[-MM[-DD]], inclusive")] = None,
    place: Annotated[list[str] | None, Query(description="location by id, English or Arabic name")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    text: Annotated[str | None, Query(description="a phrase in the evidence or the article")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="least confidence")] = None,
    include_negated: Annotated[bool, Query(description="also negated events")] = False,
) -> EventFilter:
    """The filters of ``hadath events`` from the query string (the same names, snake_case)."""
    try:
        return EventFilter(
            actor=_clean_list(actor, "actor"), role=role, actor_code=split_values(_clean_list(actor_code, "actor_code")),
            country=split_values(_clean_list(country, "country")), cameo=split_values(_clean_list(cameo, "cameo")),
            plover=split_values(_clean_list(plover, "plover")), quad=list(quad or []),
            since=_clean_str(since, "since") or None, until=_clean_str(until, "until") or None,
            place=_clean_list(place, "place"), bbox=parse_bbox(_clean_str(bbox, "bbox") or None),
            text=_clean_str(text, "text") if text else None, min_confidence=min_confidence,
            include_negated=include_negated)
    except QueryError as e:
        raise ApiError(400, e.code, e.message.lstrip("-")) from None


Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Exact = Annotated[bool, Query(description="count every match (default: totals are counted up to 10,000)")]
Sort = Annotated[str, Query(max_length=20, description="date, confidence, goldstein, mentions, cameo, id; -KEY descends")]


class State:
    """What the app shares between requests: the database name, one store per thread, the pipeline."""

    def __init__(self, db: str | None, token: str | None, nlp: Any = None) -> None:
        self.db = db
        self.token = token or None
        self.coder = service.Coder(nlp)
        self._local = threading.local()
        self.write_lock = threading.Lock()
        self._stores: list[Store] = []
        self._stores_lock = threading.Lock()
        self._writer: Store | None = None

    def store(self) -> Store:
        """This thread's store connection (opened on first use)."""
        st = getattr(self._local, "store", None)
        if st is None:
            try:
                st = Store(self.db)
            except HadathError as e:
                raise ApiError(503, e.code, f"the event store cannot be opened: {e.message}") from None
            self._local.store = st
            with self._stores_lock:
                self._stores.append(st)
        return st

    def writer(self) -> Store:
        """The one store used for writes (call with ``write_lock`` held)."""
        if self._writer is None:
            try:
                self._writer = Store(self.db)
            except HadathError as e:
                raise ApiError(503, e.code, f"the event store cannot be opened: {e.message}") from None
        return self._writer

    def close(self) -> None:
        """Close every connection."""
        with self._stores_lock:
            for st in self._stores:
                st.close()
            self._stores.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def _finite(obj: Any) -> Any:
    """JSON-safe values (NaN/inf → null)."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def create_app(db: str | None = None, token: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               cors_origins: list[str] | None = None, nlp: Any = None) -> FastAPI:
    """The ASGI app over the store ``db`` (SQLite path or PostgreSQL URL; default as ``hadath events``).

    ``token``: write endpoints need ``Authorization: Bearer TOKEN``; ``max_body``: request body limit in bytes;
    ``cors_origins``: allowed origins (CORS is off when empty); ``nlp``: a pipeline (default ``load_pipeline()``).
    """
    state = State(db, token, nlp)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(title="hadath", version=__version__, lifespan=lifespan,
                  description="Arabic news → CAMEO/PLOVER events: coding, the event store, and a dashboard.")
    app.state.hadath = state
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, quad_names=QUAD_NAMES)
    templates.env.filters["tojson_ar"] = lambda v: service.json_dumps(_finite(v)).replace("</", "<\\/")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    # ------------------------------------------------------------------ errors

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error_body(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errs = [{"loc": list(e.get("loc", [])), "msg": e.get("msg")} for e in exc.errors()]
        msg = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc']}: {e['msg']}" for e in errs)
        return _error_body(422, "E040", msg or "invalid request", errs)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error_body(exc.status_code, "E04" + ("4" if exc.status_code == 404 else "0"), str(exc.detail))

    @app.exception_handler(service.NotFound)
    async def _nf(request: Request, exc: service.NotFound) -> Response:
        if want_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": 404, "message": exc.message, "title": "404",
                                        "data": {"error": {"status": 404, "code": exc.code, "message": exc.message}},
                                        "path": request.url.path, "query": str(request.url.query)}, status_code=404)
        return _error_body(404, exc.code, exc.message)

    @app.exception_handler(HadathError)
    async def _hadath(request: Request, exc: HadathError) -> JSONResponse:
        return _error_body(400, exc.code, exc.message.lstrip("-"))

    @app.exception_handler(Exception)
    async def _server(request: Request, exc: Exception) -> JSONResponse:
        return _error_body(500, "E050", f"internal error ({type(exc).__name__})")

    # ------------------------------------------------------------------ helpers

    def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        if want_html(request):
            ctx = {"data": data, "query": str(request.url.query), "path": request.url.path, **extra}
            return templates.TemplateResponse(request, template, ctx)
        return JSONResponse(_finite(data))

    def check_token(request: Request) -> None:
        if state.token is None:
            return
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-hadath-token", "")
        if not given or not secrets.compare_digest(given.encode(), state.token.encode()):
            raise ApiError(401, "E043", "this endpoint needs a token: Authorization: Bearer TOKEN")

    async def json_body(request: Request) -> Any:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ("application/json", "application/x-ndjson", "application/jsonl"):
            raise ApiError(415, "E042", f"Content-Type {ctype or '(none)'!r}: expected application/json")
        raw = await request.body()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ApiError(400, "E040", "request body is not UTF-8") from None
        if ctype != "application/json":
            out = []
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        out.append(json.loads(line))
                    except json.JSONDecodeError as e:
                        raise ApiError(400, "E040", f"line {n}: not JSON ({e.msg})") from None
            return out
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise ApiError(400, "E040", f"request body is not JSON ({e.msg} at line {e.lineno} column {e.colno})") from None

    def to_article(obj: Any, where: str) -> Any:
        from hadath.io.readers import Problem, record_to_article

        if isinstance(obj, dict):
            for k in ("id", "date", "title", "outlet", "url"):
                v = obj.get(k)
                if v is not None and not isinstance(v, str | int | float):
                    raise ApiError(422, "E010", f"{where}: {k!r} must be a string")
            for k in ("id", "date", "title", "outlet", "url", "text"):
                if isinstance(obj.get(k), str):
                    _clean_str(obj[k], k)
        item = record_to_article(obj, where, "api")
        if isinstance(item, Problem):
            raise ApiError(422, "E010", str(item))
        return item

    # ------------------------------------------------------------------ API: coding

    article_schema = {
        "type": "object", "required": ["text"],
        "properties": {"id": {"type": "string"}, "date": {"type": ["string", "null"], "format": "date"},
                       "title": {"type": ["string", "null"]}, "outlet": {"type": ["string", "null"]},
                       "url": {"type": ["string", "null"]}, "text": {"type": "string"}},
    }

    @app.post("/code", tags=["coding"], openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": article_schema}}}})
    async def code(request: Request,
                   store: Annotated[bool, Query(description="also store the coded article (needs the token)")] = False,
                   annotate: Annotated[bool, Query(description="add `annotations`: character spans of actors, "
                                                             "places, triggers and evidence")] = False) -> JSONResponse:
        """Code one article (`{"id", "date", "title", "outlet", "text"}`, spec/OUTPUT.md) into the output object
        of `hadath code --format jsonl`; `store=true` also writes it to the event store."""
        if store:
            check_token(request)
        obj = await json_body(request)
        if not isinstance(obj, dict):
            raise ApiError(422, "E010", "expected one JSON object (an article), got " + type(obj).__name__)
        art = to_article(obj, "body")
        from starlette.concurrency import run_in_threadpool

        doc = await run_in_threadpool(state.coder, art)
        out = doc.to_dict()
        if annotate:
            out["annotations"] = service.doc_annotations(doc)
        if store:
            def write() -> dict[str, Any]:
                from hadath.store.ingest import _kb_dirs
                from hadath.store.store import dictionary_hash

                with state.write_lock:
                    w = state.writer()
                    res = w.add_documents([doc], None, dictionary_hash(_kb_dirs(state.coder.nlp)))
                return {"added": res.added, "unchanged": res.unchanged, "events": res.events}

            out["stored"] = await run_in_threadpool(write)
        return JSONResponse(_finite(out))

    @app.post("/ingest", tags=["coding"], openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "array", "items": article_schema}},
        "application/x-ndjson": {"schema": {"type": "string"}}}}})
    async def ingest(request: Request) -> JSONResponse:
        """Code and store articles (a JSON array, or JSON Lines with `Content-Type: application/x-ndjson`),
        like `hadath ingest`; needs the token when one is configured. Bad records are reported, not stored."""
        check_token(request)
        obj = await json_body(request)
        if isinstance(obj, dict):
            obj = [obj]
        if not isinstance(obj, list):
            raise ApiError(422, "E010", "expected a JSON array of articles")
        from hadath.io.readers import Problem, record_to_article

        def one(i: int, o: Any) -> Any:
            try:
                if isinstance(o, dict):
                    for k in ("id", "date", "title", "outlet", "url", "text"):
                        if isinstance(o.get(k), str):
                            _clean_str(o[k], k)
            except ApiError as e:
                return Problem(f"[{i}]", e.message)
            return record_to_article(o, f"[{i}]", f"api-{i}")

        items: list[Any] = [one(i, o) for i, o in enumerate(obj)]
        problems: list[str] = []

        def run() -> dict[str, Any]:
            from hadath.store.ingest import ingest as do_ingest

            with state.write_lock:
                rep = do_ingest(state.writer(), items, state.coder, inputs=["api"], on_problem=problems.append)
            return {"run_id": rep.run_id, "read": rep.read, "added": rep.added, "unchanged": rep.unchanged,
                    "problems": rep.problems, "events": rep.events, "messages": problems}

        if not items:
            return JSONResponse({"read": 0, "added": 0, "unchanged": 0, "problems": 0, "events": 0, "messages": []})
        from starlette.concurrency import run_in_threadpool

        return JSONResponse(await run_in_threadpool(run))

    # ------------------------------------------------------------------ API + pages: reading

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> Response:
        if want_html(request):
            return RedirectResponse("/map", status_code=303)
        return JSONResponse({"name": "hadath", "version": __version__, "docs": "/docs", "openapi": "/openapi.json",
                             "endpoints": ["/code", "/ingest", "/events", "/events/{id}", "/clusters", "/actors",
                                           "/actors/{key}", "/articles/{id}", "/stats", "/export", "/timeline",
                                           "/network", "/map", "/search"]})

    @app.get("/events", tags=["events"])
    def events(request: Request, f: Filters, sort: Sort = "date", limit: Limit = 50, offset: Offset = 0,
               exact: Exact = False) -> Response:
        """Coded events passing the filters (the fields of spec/OUTPUT.md plus article and cluster), paginated;
        `total` is counted up to 10,000 unless `exact=true` (`total_exact` says which)."""
        data = service.events_page(state.store(), f, sort, limit, offset, exact).to_dict("events")
        return page(request, "events.html", data, title="الأحداث · Events")

    @app.get("/events/{event_id}", tags=["events"])
    def event(request: Request, event_id: str) -> Response:
        """One event by row id or `ARTICLE_ID:EVENT_ID`: evidence, every mention of its actors, its cluster."""
        data = service.event_detail(state.store(), _clean_str(event_id, "id") or "")
        return page(request, "event.html", data, title=f"Event {event_id}")

    @app.get("/clusters", tags=["events"])
    def clusters(request: Request, f: Filters, sort: Sort = "-sources", limit: Limit = 50, offset: Offset = 0,
                 located: Annotated[bool, Query(description="only clusters with coordinates")] = False,
                 exact: Exact = False) -> Response:
        """Real-world events (clusters of coded events across articles and outlets) passing the filters."""
        data = service.clusters_page(state.store(), f, sort, limit, offset, located=located,
                                     exact=exact).to_dict("clusters")
        return page(request, "clusters.html", data, title="Clusters")

    @app.get("/actors", tags=["actors"])
    def actors(request: Request, search: Annotated[str | None, Query(max_length=200)] = None,
               unresolved: bool | None = None, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Actors in the store with their event counts, most active first."""
        data = service.actors_page(state.store(), _clean_str(search, "search") or None, limit, offset,
                                   unresolved).to_dict("actors")
        return page(request, "actors.html", data, title="Actors")

    @app.get("/actors/{key:path}", tags=["actors"])
    def actor(request: Request, key: str) -> Response:
        """An actor's profile: names, dated codes from the dictionaries, event counts by root and year, partners."""
        data = service.actor_profile(state.store(), _clean_str(key, "key") or "")
        return page(request, "actor.html", data, title=data.get("name_en") or data.get("name") or key)

    @app.get("/articles/{article_id:path}", tags=["articles"])
    def article(request: Request, article_id: str) -> Response:
        """A stored article: text, events (with rule and confidence) and highlight spans of actors, places and
        triggers."""
        data = service.article_view(state.store(), _clean_str(article_id, "id") or "", state.coder)
        return page(request, "article.html", data, title=data.get("title") or article_id)

    @app.get("/stats", tags=["store"])
    def stats(request: Request) -> Response:
        """Row counts, date range, top CAMEO roots and outlets, last ingest runs."""
        return page(request, "stats.html", service.stats(state.store()), title="Stats")

    @app.get("/export", tags=["store"])
    def export(f: Filters,
               schema: Annotated[str, Query(pattern="^(gdelt|plover)$")] = "gdelt",
               format: Annotated[str, Query(pattern="^(csv|jsonl)$")] = "csv") -> Response:
        """The store as a GDELT-2.0-like table (one row per cluster) or PLOVER-like records, CSV or JSON Lines
        (as `hadath export`)."""
        from hadath.store.export import export_records, render

        try:
            cols, recs = export_records(state.store(), schema, f)
        except (ValueError, OverflowError) as e:
            raise ApiError(400, "E040", f"the export cannot be run with these parameters ({e})") from None
        body = render(cols, recs, format)
        media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson; charset=utf-8"
        return Response(body, media_type=media,
                        headers={"content-disposition": f'attachment; filename="hadath-{schema}.{format}"'})

    @app.get("/timeline", tags=["dashboard"])
    def timeline(request: Request, f: Filters,
                 by: Annotated[str, Query(pattern="^(root|plover|quad)$")] = "root",
                 bucket: Annotated[str, Query(pattern="^(auto|day|month|year)$")] = "auto") -> Response:
        """Event counts per day/month/year and CAMEO root (or PLOVER type, quad class) under the filters."""
        return page(request, "timeline.html", service.timeline(state.store(), f, by, bucket), title="Timeline")

    @app.get("/network", tags=["dashboard"])
    def network(request: Request, f: Filters,
                nodes: Annotated[int, Query(ge=2, le=200, description="most active actors kept")] = 40) -> Response:
        """Who acts on whom: actors as nodes, source → target edges weighted by events, cooperation/conflict."""
        return page(request, "network.html", service.network(state.store(), f, nodes), title="Network")

    @app.get("/map", tags=["dashboard"])
    def map_page(request: Request, f: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> Response:
        """Event clusters with coordinates (most sources first) for the map; HTML draws them over the base map."""
        data = service.clusters_page(state.store(), f, "-sources", limit, 0, with_members=False,
                                     located=True).to_dict("clusters")
        return page(request, "map.html", data, title="الخريطة · Map")

    @app.get("/search", tags=["dashboard"])
    def search(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Response:
        """Actors (Arabic or English names, aliases, ids, codes), places, article titles and evidence text."""
        qs = (_clean_str(q, "q") or "").strip()
        if not qs:
            if want_html(request):
                return page(request, "search.html", {"q": "", "actors": [], "places": [], "articles": [],
                                                     "events": {"total": 0, "events": []}}, title="Search")
            raise ApiError(400, "E040", "q: give something to search for")
        return page(request, "search.html", service.search(state.store(), qs, limit), title=f"Search: {qs}")

    @app.get("/paste", tags=["dashboard"])
    def paste(request: Request) -> Response:
        """The paste-an-article page (it posts to /code); its JSON twin describes that endpoint."""
        return page(request, "paste.html", {"endpoint": "/code", "method": "POST", "annotate": True,
                                            "body": {"id": "...", "date": "YYYY-MM-DD", "text": "..."}},
                    title="لصق مقال · Paste an article")

    app.add_middleware(_EdgeFactory, max_body=max_body)
    return app


class _EdgeFactory(EdgeMiddleware):
    """EdgeMiddleware in the form ``app.add_middleware`` expects (keyword arguments)."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        super().__init__(app, max_body)
