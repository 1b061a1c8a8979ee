"""The API's thin adapter over the event store (``hadath.store``) and the pipeline.

The store's query module gives the filters (:class:`hadath.store.query.EventFilter`, ``build_where``) and the
record shapes (``event_record``, ``cluster_record``); this module adds what the HTTP API needs on top:
offset pagination with totals, the aggregates of the dashboard (timeline, actor network, map clusters,
stats), actor profiles with the knowledge base's dated codes, and article views with the character spans
of the pipeline's Document (actor, place and trigger mentions) for highlighting.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from hadath.errors import HadathError
from hadath.model import Article, Document
from hadath.store.query import (
    CLUSTER_SELECT,
    CLUSTER_SORTS,
    EVENT_SELECT,
    EVENT_SORTS,
    EventFilter,
    build_where,
    cluster_record,
    event_record,
    order_by,
    parse_sort,
    query_actors,
    store_stats,
)
from hadath.store.store import Store


class NotFound(HadathError):
    """The requested event, article or actor is not in the store."""

    code = "E041"


class BadRequest(HadathError):
    """A request parameter is malformed."""

    code = "E040"


def _guard(fn: Any) -> Any:
    """Turn driver errors caused by odd user input (FTS syntax, integer overflow, bad text) into BadRequest."""

    def wrap(*a: Any, **k: Any) -> Any:
        try:
            return fn(*a, **k)
        except (sqlite3.OperationalError, OverflowError, UnicodeError, ValueError) as e:
            if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
                raise
            raise BadRequest(f"the query cannot be run with these parameters ({e})") from None

    wrap.__doc__ = fn.__doc__
    wrap.__name__ = fn.__name__
    return wrap


@dataclass
class Page:
    """One page of results and the total number of matches."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    exact: bool = True

    def to_dict(self, key: str) -> dict[str, Any]:
        """``{"total", "total_exact", "limit", "offset", key: items}``."""
        return {"total": self.total, "total_exact": self.exact, "limit": self.limit, "offset": self.offset,
                key: self.items}


COUNT_CAP = 10_000


def count_matches(store: Store, table: str, where: str, params: list[Any], cap: int | None) -> tuple[int, bool]:
    """How many rows match, counted up to ``cap`` (None: exactly); returns (count, exact)."""
    if cap is None:
        return int(store.b.scalar(f"SELECT COUNT(*) FROM {table} WHERE {where}", params) or 0), True
    n = int(store.b.scalar(f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT {int(cap) + 1}) t",
                           params) or 0)
    return min(n, cap), n <= cap


@_guard
def events_page(store: Store, f: EventFilter, sort: str = "date", limit: int = 50, offset: int = 0,
                exact: bool = False) -> Page:
    """Events passing ``f`` (records of :func:`hadath.store.query.event_record`), one page, with the total
    (counted up to 10,000 unless ``exact``; ``Page.exact`` says whether it is exact).

    Sorted like ``hadath events --sort`` (NULLs last). The page's row ids are found first, rows with the sort
    key and then rows without it, each in the order of the store's indexes (so SQLite can walk
    ``events(day)`` and stop after ``limit`` rows), and only those rows are read in full."""
    where, params = build_where(store, f)
    col, desc = parse_sort(sort, EVENT_SORTS, "sort")
    d = " DESC" if desc else ""
    total, is_exact = count_matches(store, "events e", where, params, None if exact else COUNT_CAP)
    if col == "e.id":
        ids = [int(r["id"]) for r in store.b.query(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY e.id{d} LIMIT {int(limit)} OFFSET {int(offset)}", params)]
    else:
        ids = [int(r["id"]) for r in store.b.query(
            f"SELECT e.id FROM events e WHERE {where} AND {col} IS NOT NULL ORDER BY {col}{d}, e.id{d} "
            f"LIMIT {int(limit)} OFFSET {int(offset)}", params)]
        if len(ids) < limit:
            off2 = 0
            if not ids:
                nn = int(store.b.scalar(f"SELECT COUNT(*) FROM events e WHERE {where} AND {col} IS NOT NULL",
                                        params) or 0)
                off2 = max(0, offset - nn)
            ids += [int(r["id"]) for r in store.b.query(
                f"SELECT e.id FROM events e WHERE {where} AND {col} IS NULL ORDER BY e.id{d} "
                f"LIMIT {int(limit - len(ids))} OFFSET {int(off2)}", params)]
    items: list[dict[str, Any]] = []
    if ids:
        rows = {int(r["row_id"]): r for r in store.b.query(
            f"{EVENT_SELECT} WHERE e.id IN ({','.join(str(i) for i in ids)})")}
        for i in ids:
            rec = event_record(rows[i])
            rec["row_id"] = i
            items.append(rec)
    if not is_exact and offset + len(items) > total:
        total = offset + len(items)
    return Page(items, total, limit, offset, is_exact)


@_guard
def clusters_page(store: Store, f: EventFilter, sort: str = "date", limit: int = 50, offset: int = 0,
                  with_members: bool = True, located: bool = False, exact: bool = False) -> Page:
    """Clusters with at least one event passing ``f`` (``located``: only those whose best event has coordinates)."""
    where, params = build_where(store, f)
    order = order_by(sort, CLUSTER_SORTS, "c.id", "sort")
    cond = f"c.id IN (SELECT e.cluster_id FROM events e WHERE {where})"
    if located:
        cond += " AND b.loc_lat IS NOT NULL AND b.loc_lon IS NOT NULL"
    total, is_exact = count_matches(store, "event_clusters c LEFT JOIN events b ON b.id = c.best_event", cond, params,
                                    None if exact else COUNT_CAP)
    rows = store.b.query(f"{CLUSTER_SELECT} WHERE {cond} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}",
                         params)
    items = [cluster_record(store, r, with_members) for r in rows]
    return Page(items, max(total, offset + len(items)), limit, offset, is_exact)


@_guard
def event_detail(store: Store, event_ref: str) -> dict[str, Any]:
    """One event by its row id (``123``) or ``ARTICLE_ID:EVENT_ID``: the record, evidence, every mention
    of its actors, its cluster and the other events of that cluster."""
    rows: list[dict[str, Any]] = []
    if event_ref.isdigit() and len(event_ref) < 19:
        rows = store.b.query(f"{EVENT_SELECT} WHERE e.id = ?", (int(event_ref),))
    if not rows and ":" in event_ref:
        doc_id, _, eid = event_ref.rpartition(":")
        rows = store.b.query(f"{EVENT_SELECT} WHERE a.doc_id = ? AND e.event_id = ? ORDER BY e.id LIMIT 1",
                             (doc_id, eid))
    if not rows:
        raise NotFound(f"event {event_ref!r} is not in the store (use its row_id or ARTICLE_ID:EVENT_ID)")
    r = rows[0]
    rec = event_record(r)
    rec["row_id"] = r["row_id"]
    rec["mentions"] = [{"role": m["role"], "actor_key": m["actor_key"], "surface": m["surface"]} for m in store.b.query(
        "SELECT role, actor_key, surface FROM mentions WHERE event_row = ? ORDER BY id", (r["row_id"],))]
    rec["cluster"] = None
    if r["cluster_id"] is not None:
        cl = store.b.query(f"{CLUSTER_SELECT} WHERE c.id = ?", (r["cluster_id"],))
        if cl:
            rec["cluster"] = cluster_record(store, cl[0], with_members=True)
    return rec


@_guard
def actors_page(store: Store, search: str | None, limit: int = 50, offset: int = 0,
                unresolved: bool | None = None) -> Page:
    """Actors (most active first) with event counts as source and target."""
    rows = query_actors(store, search, limit + offset, unresolved)
    total = len(rows) if len(rows) < limit + offset else int(store.b.scalar("SELECT COUNT(*) FROM actors") or 0)
    return Page([dict(r) for r in rows[offset:offset + limit]], total, limit, offset)


@_guard
def actor_profile(store: Store, key: str) -> dict[str, Any]:
    """An actor's profile: names (stored, dictionary aliases, surface forms), codes over time from the
    knowledge base, event counts by CAMEO root and year as source and target, and top partners."""
    rows = store.b.query("SELECT * FROM actors WHERE key = ? OR actor_id = ? ORDER BY (key = ?) DESC LIMIT 1",
                         (key, key, key))
    if not rows:
        raise NotFound(f"actor {key!r} is not in the store")
    a = rows[0]
    k = a["key"]
    prof: dict[str, Any] = {"key": k, "id": a["actor_id"], "name": a["name"], "name_en": a["name_en"],
                            "code": a["code"], "type": a["type"], "country": a["country"],
                            "resolved": bool(a["resolved"]), "aliases": [], "description": None, "codes": []}
    if a["actor_id"]:
        from hadath.kb import get_kb

        entry = get_kb().actors.get(a["actor_id"])
        if entry is not None:
            prof["aliases"] = list(entry.aliases)
            prof["description"] = entry.desc_en or None
            prof["codes"] = [{"code": c.code, "start": c.start or None, "end": c.end or None} for c in entry.codes]
            prof["name_en"] = prof["name_en"] or entry.name_en
    prof["surface_forms"] = [{"surface": r["surface"], "n": int(r["n"])} for r in store.b.query(
        "SELECT surface, COUNT(*) AS n FROM mentions WHERE actor_key = ? GROUP BY surface ORDER BY n DESC, surface "
        "LIMIT 30", (k,))]
    by_root: dict[str, dict[str, int]] = {}
    for role in ("source", "target"):
        for r in store.b.query(f"SELECT root, COUNT(*) AS n FROM events WHERE {role}_key = ? AND negated = 0 "
                               "GROUP BY root ORDER BY root", (k,)):
            by_root.setdefault(r["root"], {"source": 0, "target": 0})[role] = int(r["n"])
    prof["events_by_root"] = by_root
    years: dict[str, int] = {}
    for r in store.b.query("SELECT substr(day, 1, 4) AS y, COUNT(*) AS n FROM events WHERE (source_key = ? OR "
                           "target_key = ?) AND negated = 0 AND day IS NOT NULL GROUP BY substr(day, 1, 4) ORDER BY y",
                           (k, k)):
        years[r["y"]] = int(r["n"])
    prof["events_by_year"] = years
    prof["events_total"] = sum(v["source"] + v["target"] for v in by_root.values())
    partners: dict[str, dict[str, Any]] = {}
    for mine, other in (("source", "target"), ("target", "source")):
        for r in store.b.query(
                f"SELECT e.{other}_key AS k, MAX(e.{other}_name) AS name, MAX(e.{other}_name_en) AS name_en, "
                f"COUNT(*) AS n FROM events e WHERE e.{mine}_key = ? AND e.{other}_key <> '-' AND e.negated = 0 "
                f"GROUP BY e.{other}_key ORDER BY n DESC LIMIT 20", (k,)):
            p = partners.setdefault(r["k"], {"key": r["k"], "name": r["name"], "name_en": r["name_en"], "n": 0})
            p["n"] += int(r["n"])
    prof["partners"] = sorted(partners.values(), key=lambda p: (-p["n"], p["key"]))[:20]
    return prof


stats = store_stats  # GET /stats, the same as `hadath stats --json`


def _bucket_expr(bucket: str) -> str:
    return {"day": "e.day", "month": "substr(e.day, 1, 7)", "year": "substr(e.day, 1, 4)"}[bucket]


@_guard
def timeline(store: Store, f: EventFilter, by: str = "root", bucket: str = "auto") -> dict[str, Any]:
    """Event counts per day (or month/year) and CAMEO root or PLOVER type: ``{"bucket", "by", "series",
    "rows": [{"t", "key", "n"}]}``; ``auto`` picks days for spans up to ~3 years, else months."""
    if by not in ("root", "plover", "quad"):
        raise BadRequest(f"by {by!r}: expected root, plover or quad")
    if bucket not in ("auto", "day", "month", "year"):
        raise BadRequest(f"bucket {bucket!r}: expected auto, day, month or year")
    where, params = build_where(store, f)
    if bucket == "auto":
        rng = store.b.query(f"SELECT MIN(e.day) AS lo, MAX(e.day) AS hi FROM events e WHERE {where}", params)[0]
        bucket = "day"
        if rng["lo"] and rng["hi"] and int(rng["hi"][:4]) - int(rng["lo"][:4]) > 3:
            bucket = "month"
    col = {"root": "e.root", "plover": "e.plover", "quad": "e.quad_class"}[by]
    t = _bucket_expr(bucket)
    rows = store.b.query(f"SELECT {t} AS t, {col} AS k, COUNT(*) AS n FROM events e WHERE {where} AND e.day IS NOT NULL "
                         f"GROUP BY {t}, {col} ORDER BY t, k", params)
    out = [{"t": r["t"], "key": None if r["k"] is None else str(r["k"]), "n": int(r["n"])} for r in rows]
    totals: dict[str, int] = {}
    for r in out:
        totals[r["key"] or "-"] = totals.get(r["key"] or "-", 0) + r["n"]
    return {"bucket": bucket, "by": by, "series": sorted(totals, key=lambda k: (-totals[k], k)), "totals": totals,
            "rows": out}


@_guard
def network(store: Store, f: EventFilter, max_nodes: int = 40) -> dict[str, Any]:
    """Who acts on whom: nodes are actors (the ``max_nodes`` most active under ``f``), edges are
    source → target pairs weighted by events, with counts per quad class and a ``kind``:
    ``cooperation`` (quad 1-2 in the majority) or ``conflict``."""
    where, params = build_where(store, f)
    rows = store.b.query(
        "SELECT e.source_key AS s, e.target_key AS t, e.quad_class AS q, COUNT(*) AS n, MAX(e.source_name) AS sn, "
        "MAX(e.source_name_en) AS sne, MAX(e.source_code) AS sc, MAX(e.target_name) AS tn, "
        "MAX(e.target_name_en) AS tne, MAX(e.target_code) AS tc FROM events e "
        f"WHERE {where} AND e.source_key <> '-' AND e.target_key <> '-' AND e.source_key <> e.target_key "
        "GROUP BY e.source_key, e.target_key, e.quad_class", params)
    degree: dict[str, int] = {}
    names: dict[str, dict[str, Any]] = {}
    for r in rows:
        for k, nm, en, code in ((r["s"], r["sn"], r["sne"], r["sc"]), (r["t"], r["tn"], r["tne"], r["tc"])):
            degree[k] = degree.get(k, 0) + int(r["n"])
            names.setdefault(k, {"key": k, "name": nm, "name_en": en, "code": code})
    keep = set(sorted(degree, key=lambda k: (-degree[k], k))[:max_nodes])
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        if r["s"] not in keep or r["t"] not in keep:
            continue
        e = edges.setdefault((r["s"], r["t"]), {"source": r["s"], "target": r["t"], "weight": 0,
                                                "quad": {"1": 0, "2": 0, "3": 0, "4": 0}})
        e["weight"] += int(r["n"])
        if r["q"] is not None and str(r["q"]) in e["quad"]:
            e["quad"][str(r["q"])] += int(r["n"])
    for e in edges.values():
        coop = e["quad"]["1"] + e["quad"]["2"]
        e["kind"] = "cooperation" if coop >= e["weight"] - coop else "conflict"
    nodes = [{**names[k], "events": degree[k]} for k in sorted(keep, key=lambda k: (-degree[k], k))]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))}


@_guard
def search(store: Store, q: str, limit: int = 20) -> dict[str, Any]:
    """Actors whose Arabic or English name, alias, id or code matches ``q``, places it names, articles whose
    title contains it, and events whose evidence or article contains it (normalised Arabic)."""
    from hadath.store.query import resolve_actor_keys, resolve_place_keys
    from hadath.text.normalize import norm_text

    q = q.strip()
    if not q:
        raise BadRequest("q: empty search")
    actors = [dict(r) for r in query_actors(store, q, limit)]
    seen = {a["key"] for a in actors}
    extra = sorted(resolve_actor_keys(store, q) - seen)[:limit]
    if extra:
        marks = ",".join("?" * len(extra))
        for r in store.b.query(f"SELECT key, actor_id, name, name_en, code, type, country, resolved FROM actors "
                               f"WHERE key IN ({marks})", extra):
            actors.append({**r, "as_source": None, "as_target": None})
    pkeys = sorted(resolve_place_keys(store, q)) or [""]
    places = store.b.query(f"SELECT key, place_id, name, name_en, country, lat, lon FROM places WHERE key IN "
                           f"({','.join('?' * len(pkeys))})", pkeys)
    like = "%" + q.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
    articles = store.b.query("SELECT doc_id, title, date, outlet, n_events FROM articles WHERE lower(title) LIKE ? "
                             "ESCAPE '!' OR doc_id = ? ORDER BY date DESC, id LIMIT ?", (like, q, limit))
    events: dict[str, Any] = {"total": 0, "events": []}
    if norm_text(q):
        events = events_page(store, EventFilter(text=q), sort="-date", limit=limit).to_dict("events")
    return {"q": q, "actors": actors[:limit], "places": places, "articles": articles, "events": events}


@_guard
def article_rows(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Stored articles with this id (ids may repeat across outlets), oldest row first."""
    return store.b.query("SELECT id, doc_id, outlet, url, date, title, text, dup_of, dup_cluster, n_events, coded_at, "
                         "kb_hash FROM articles WHERE doc_id = ? ORDER BY id", (doc_id,))


def doc_annotations(doc: Document) -> dict[str, Any]:
    """Character spans of a coded Document for highlighting: actor phrases, places, dictionary mentions,
    trigger words and evidence spans of each event (offsets into the original text, end exclusive)."""
    actors = [{"start": m.start, "end": m.end, "text": doc.text[m.start:m.end], "name": m.ref.name,
               "name_en": m.ref.name_en, "code": m.ref.code, "id": m.ref.id} for m in doc.actor_mentions]
    places = [{"start": m.start, "end": m.end, "text": doc.text[m.start:m.end], "name": m.ref.name,
               "name_en": m.ref.name_en, "country": m.ref.country} for m in doc.place_mentions]
    mentions = [{"start": m.start, "end": m.end, "kind": getattr(m.kind, "value", str(m.kind)), "entry": m.entry_id}
                for m in doc.mentions]
    return {"actors": actors, "places": places, "mentions": mentions,
            "events": event_spans(doc.text, [e.to_dict() for e in doc.events])}


def event_spans(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per event (records of spec/OUTPUT.md): its evidence span and its trigger's span inside the evidence."""
    out = []
    for i, e in enumerate(events):
        span = e.get("evidence_span") or [None, None]
        s, t = span[0], span[1]
        if not isinstance(s, int) or not isinstance(t, int) or not 0 <= s <= t <= len(text):
            ev = e.get("evidence") or ""
            s = text.find(ev) if ev else -1
            t = s + len(ev) if s >= 0 else -1
        trig = e.get("trigger") or ""
        ts = text.find(trig, s, t) if trig and s >= 0 else -1
        out.append({"index": i, "event_id": e.get("event_id"), "evidence": [s, t] if s >= 0 else None,
                    "trigger": [ts, ts + len(trig)] if ts >= 0 else None})
    return out


class Coder:
    """The pipeline, loaded once and shared by the threads of the server (calls are serialised)."""

    def __init__(self, nlp: Any = None) -> None:
        self._nlp = nlp
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> Document:
        """Code one article."""
        with self._lock:
            if self._nlp is None:
                from hadath import load_pipeline

                self._nlp = load_pipeline()
            return self._nlp(article)

    @property
    def nlp(self) -> Any:
        """The pipeline (loaded on first use)."""
        with self._lock:
            if self._nlp is None:
                from hadath import load_pipeline

                self._nlp = load_pipeline()
            return self._nlp


def article_view(store: Store, doc_id: str, coder: Coder) -> dict[str, Any]:
    """A stored article with its stored events and the highlight spans of a fresh run of the pipeline."""
    rows = article_rows(store, doc_id)
    if not rows:
        raise NotFound(f"article {doc_id!r} is not in the store")
    a = rows[0]
    evs = store.b.query(f"{EVENT_SELECT} WHERE e.article_id = ? ORDER BY e.evidence_start, e.id", (a["id"],))
    events = []
    for r in evs:
        rec = event_record(r)
        rec["row_id"] = r["row_id"]
        events.append(rec)
    art = Article(id=a["doc_id"], text=a["text"], date=a["date"], title=a["title"], outlet=a["outlet"], url=a["url"])
    try:
        doc = coder(art)
        ann = doc_annotations(doc)
    except HadathError:
        ann = {"actors": [], "places": [], "mentions": [], "events": []}
    ann["events"] = event_spans(a["text"], events)
    return {"id": a["doc_id"], "row_id": a["id"], "date": a["date"], "title": a["title"], "outlet": a["outlet"],
            "url": a["url"], "text": a["text"], "dup_of": a["dup_of"], "coded_at": a["coded_at"],
            "kb_hash": a["kb_hash"], "others": [{"row_id": r["id"], "outlet": r["outlet"]} for r in rows[1:]],
            "events": events, "annotations": ann}


def json_dumps(obj: Any) -> str:
    """Compact JSON with Arabic kept as is."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
