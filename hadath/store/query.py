"""Event and cluster queries: the filters of ``hadath events`` / ``hadath export`` turned into SQL.

Every filter is a WHERE clause over the ``events`` table (alias ``e``); cluster queries select the
clusters that have at least one event passing the filters. Arabic inputs (names, places, search text)
are normalised with :func:`hadath.text.normalize.norm_text`, exactly as the stored text was.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hadath.errors import HadathError
from hadath.store.store import Store
from hadath.text.normalize import norm_text


class QueryError(HadathError):
    """A filter value is malformed (bad date, bbox, sort key ...)."""

    code = "E031"


_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

EVENT_SORTS = {"date": "e.day", "confidence": "e.confidence", "goldstein": "e.goldstein", "mentions": "e.n_mentions",
               "cameo": "e.cameo", "id": "e.id"}
CLUSTER_SORTS = {"date": "c.date_first", "confidence": "c.confidence", "mentions": "c.num_mentions",
                 "sources": "c.num_sources", "articles": "c.num_articles", "cameo": "c.cameo", "id": "c.id",
                 "goldstein": "c.id"}


@dataclass
class EventFilter:
    """The filters shared by ``hadath events`` and ``hadath export``; None/empty means 'any'."""

    actor: list[str] = field(default_factory=list)
    role: str = "any"  # any | source | target (for --actor)
    actor_code: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)
    plover: list[str] = field(default_factory=list)
    quad: list[int] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    place: list[str] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    text: str | None = None
    min_confidence: float | None = None
    include_negated: bool = False


def split_values(values: list[str] | None) -> list[str]:
    """Values of a repeatable option, also split at commas: ``--cameo 18,19 --cameo 20``."""
    out: list[str] = []
    for v in values or []:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def parse_bbox(s: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` -> a tuple, checked."""
    if s is None:
        return None
    try:
        parts = [float(x) for x in s.split(",")]
    except ValueError:
        parts = []
    if len(parts) != 4:
        raise QueryError(f"--bbox {s!r}: expected min_lon,min_lat,max_lon,max_lat (four numbers)")
    x0, y0, x1, y1 = parts
    if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise QueryError(f"--bbox {s!r}: need -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90")
    return x0, y0, x1, y1


def _date_bound(s: str | None, opt: str, upper: bool) -> str | None:
    if s is None:
        return None
    if not _DATE_RE.match(s):
        raise QueryError(f"{opt} {s!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    if len(s) == 10:
        try:
            date.fromisoformat(s)
        except ValueError:
            raise QueryError(f"{opt} {s!r}: not a calendar date") from None
        return s
    if len(s) == 7 and not 1 <= int(s[5:7]) <= 12:
        raise QueryError(f"{opt} {s!r}: month must be 01..12")
    if not upper:
        return s + ("-01-01" if len(s) == 4 else "-01")
    if len(s) == 4:  # --until 2015 includes all of 2015
        return s + "-12-31"
    y, m = int(s[:4]), int(s[5:7])
    return f"{s}-{calendar.monthrange(y, m)[1]:02d}"


def _prefix_range(prefix: str) -> tuple[str, str]:
    """``[lo, hi)`` such that ``lo <= x < hi`` holds exactly for strings starting with ``prefix`` (index-friendly
    on both back ends, unlike LIKE)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _like_escape(s: str) -> str:
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def resolve_actor_keys(store: Store, q: str) -> set[str]:
    """Stored actor keys that ``q`` names: an id, an English or Arabic name, a surface form, or a KB alias."""
    b = store.b
    qn = norm_text(q)
    keys: set[str] = set()
    for r in b.query("SELECT key FROM actors WHERE key = ? OR actor_id = ? OR lower(name_en) = lower(?) OR name_norm = ?",
                     (q, q, q, qn)):
        keys.add(r["key"])
    if qn:
        keys.update(r["actor_key"] for r in b.query("SELECT DISTINCT actor_key FROM mentions WHERE surface_norm = ?", (qn,)))
    if not q.isascii():
        try:
            from hadath.kb import get_kb
            from hadath.kb.kb import KIND_ACTOR

            ids = [i for kind, i in get_kb().lookup(q) if kind == KIND_ACTOR]
        except (HadathError, ImportError):
            ids = []
        if ids:
            marks = ",".join("?" * len(ids))
            keys.update(r["key"] for r in b.query(f"SELECT key FROM actors WHERE actor_id IN ({marks})", ids))
    return keys


def resolve_place_keys(store: Store, q: str) -> set[str]:
    """Stored place keys that ``q`` names (id, English or Arabic name)."""
    return {r["key"] for r in store.b.query(
        "SELECT key FROM places WHERE key = ? OR place_id = ? OR lower(name_en) = lower(?) OR name_norm = ?",
        (q, q, q, norm_text(q)))}


def build_where(store: Store, f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters for a filter."""
    w: list[str] = []
    p: list[Any] = []

    def in_list(col: str, values: list[Any]) -> str:
        p.extend(values)
        return f"{col} IN ({','.join('?' * len(values))})"

    if not f.include_negated:
        w.append("e.negated = 0")
    for q in f.actor:
        keys = sorted(resolve_actor_keys(store, q))
        if not keys:
            w.append("1 = 0")
            continue
        cols = {"source": ["e.source_key"], "target": ["e.target_key"]}.get(f.role, ["e.source_key", "e.target_key"])
        w.append("(" + " OR ".join(in_list(c, keys) for c in cols) + ")")
    if f.actor_code:
        ors = []
        for code in f.actor_code:
            lo, hi = _prefix_range(code.upper())
            ors.append("(e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?)")
            p += [lo, hi, lo, hi]
        w.append("(" + " OR ".join(ors) + ")")
    if f.country:
        cs = [c.upper() for c in f.country]
        w.append("(" + " OR ".join([in_list("e.loc_country", cs), in_list("e.source_country", cs),
                                    in_list("e.target_country", cs)]) + ")")
    if f.cameo:
        ors = []
        for c in f.cameo:
            if not c.isdigit() or not 1 <= len(c) <= 4:
                raise QueryError(f"--cameo {c!r}: expected a CAMEO code or root (digits, e.g. 04, 042, 1823)")
            if len(c) == 1:
                c = "0" + c
            ors.append("(e.cameo >= ? AND e.cameo < ?)")
            p += list(_prefix_range(c))
        w.append("(" + " OR ".join(ors) + ")")
    if f.plover:
        w.append(in_list("upper(e.plover)", [x.upper() for x in f.plover]))
    if f.quad:
        for qc in f.quad:
            if qc not in (1, 2, 3, 4):
                raise QueryError(f"--quad {qc}: expected 1 (verbal cooperation) .. 4 (material conflict)")
        w.append(in_list("e.quad_class", list(f.quad)))
    since = _date_bound(f.since, "--since", upper=False)
    until = _date_bound(f.until, "--until", upper=True)
    if since:
        w.append("e.day >= ?")
        p.append(since)
    if until:
        w.append("e.day <= ?")
        p.append(until)
    for q in f.place:
        keys = sorted(resolve_place_keys(store, q))
        if not keys:
            w.append("1 = 0")
            continue
        w.append(in_list("e.place_key", keys))
    if f.bbox:
        x0, y0, x1, y1 = f.bbox
        w.append("e.loc_lon BETWEEN ? AND ? AND e.loc_lat BETWEEN ? AND ?")
        p += [x0, x1, y0, y1]
    if f.text is not None:
        qn = norm_text(f.text)
        if not qn:
            raise QueryError(f"--text {f.text!r}: no words to search for")
        if store.kind == "sqlite":
            phrase = '"' + qn.replace('"', " ") + '"'
            w.append("(e.id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ?) OR "
                     "e.article_id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))")
            p += [phrase, phrase]
        else:
            pat = "% " + _like_escape(qn) + " %"
            w.append("(e.evidence_norm LIKE ? ESCAPE '!' OR "
                     "e.article_id IN (SELECT id FROM articles WHERE text_norm LIKE ? ESCAPE '!'))")
            p += [pat, pat]
    if f.min_confidence is not None:
        w.append("e.confidence >= ?")
        p.append(f.min_confidence)
    return (" AND ".join(w) if w else "1 = 1"), p


def parse_sort(sort: str, table: dict[str, str], option: str = "--sort") -> tuple[str, bool]:
    """``-date`` -> (the column of ``date`` in ``table``, descending); an unknown key is a QueryError naming
    ``option`` (the CLI's ``--sort``, the API's ``sort``)."""
    key = sort.lstrip("-+")
    if key not in table:
        raise QueryError(f"{option} {sort!r}: expected one of {', '.join(table)} (prefix - for descending)")
    return table[key], sort.startswith("-")


def order_by(sort: str, table: dict[str, str], tiebreak: str, option: str = "--sort") -> str:
    """An ORDER BY clause for a ``date``/``-date`` style sort key, NULLs last in both directions, on both back
    ends (``hadath events --sort``, the API's ``sort``)."""
    col, desc = parse_sort(sort, table, option)
    d = " DESC" if desc else ""
    return f"({col} IS NULL), {col}{d}, {tiebreak}{d}"


def _page(idcol: str, src: str, where: str, params: list[Any], sort: str, table: dict[str, str], tiebreak: str,
          limit: int) -> tuple[str, list[Any]]:
    """A condition selecting the ids of the first ``limit`` rows in ``sort`` order (NULLs last).

    The rows with a value and those without are paged separately, so that each part can walk an index in
    order and stop early instead of sorting every match.
    """
    col, desc = parse_sort(sort, table)
    d, n = (" DESC" if desc else ""), int(limit)
    part1 = (f"SELECT * FROM (SELECT {idcol} AS pid FROM {src} WHERE ({where}) AND {col} IS NOT NULL "
             f"ORDER BY {col}{d}, {tiebreak}{d} LIMIT {n}) AS p1")
    part2 = (f"SELECT * FROM (SELECT {idcol} AS pid FROM {src} WHERE ({where}) AND {col} IS NULL "
             f"ORDER BY {tiebreak}{d} LIMIT {n}) AS p2")
    return f"{idcol} IN ({part1} UNION ALL {part2})", [*params, *params]


EVENT_SELECT = (
    "SELECT e.id AS row_id, r.record, e.cluster_id, e.day, a.doc_id, a.date AS article_date, a.outlet, a.url, a.title "
    "FROM events e JOIN event_records r ON r.event_row = e.id JOIN articles a ON a.id = e.article_id")


def event_record(r: dict[str, Any]) -> dict[str, Any]:
    """One stored event as a JSON record: the fields of spec/OUTPUT.md (Event.to_dict) plus its article."""
    rec = json.loads(r["record"])
    rec.update({"article_id": r["doc_id"], "article_date": r["article_date"], "outlet": r["outlet"],
                "url": r["url"], "cluster_id": r["cluster_id"]})
    return rec


def query_events(store: Store, f: EventFilter, sort: str = "date", limit: int | None = None) -> list[dict[str, Any]]:
    """Events passing ``f`` as JSON records (see :func:`event_record`)."""
    where, params = build_where(store, f)
    order = order_by(sort, EVENT_SORTS, "e.id")
    sql_limit = ""
    if limit:  # find the page's ids on narrow rows (index order), then fetch their records only
        where, params = _page("e.id", "events e", where, params, sort, EVENT_SORTS, "e.id", limit)
        sql_limit = f" LIMIT {int(limit)}"
    return [event_record(r) for r in store.b.query(f"{EVENT_SELECT} WHERE {where} ORDER BY {order}{sql_limit}",
                                                   params)]


CLUSTER_SELECT = (
    "SELECT c.id AS cluster_id, c.root, c.cameo, c.source_key, c.target_key, c.date_first, c.date_last, c.country, "
    "c.num_mentions, c.num_sources, c.num_articles, c.num_events, c.first_seen, c.last_seen, c.confidence, "
    "c.best_evidence, c.dup_cluster, br.record AS best_record, b.day AS best_day, ba.doc_id AS best_article, "
    "ba.url AS best_url, ba.outlet AS best_outlet, ba.coded_at AS added "
    "FROM event_clusters c LEFT JOIN events b ON b.id = c.best_event LEFT JOIN event_records br ON br.event_row = b.id "
    "LEFT JOIN articles ba ON ba.id = b.article_id")


def cluster_record(store: Store, r: dict[str, Any], with_members: bool = True) -> dict[str, Any]:
    """One cluster as a JSON record: identity, counts, dates, the best event's fields and its member events."""
    best = json.loads(r["best_record"]) if r["best_record"] else {}
    rec: dict[str, Any] = {
        "cluster_id": r["cluster_id"], "cameo": r["cameo"], "root": r["root"],
        "cameo_name": best.get("cameo_name"), "plover": best.get("plover"), "quad_class": best.get("quad_class"),
        "goldstein": best.get("goldstein"),
        "source": best.get("source"), "target": best.get("target"),
        "date": r["date_first"], "date_last": r["date_last"], "location": best.get("location"),
        "evidence": r["best_evidence"], "confidence": r["confidence"],
        "num_mentions": r["num_mentions"], "num_sources": r["num_sources"], "num_articles": r["num_articles"],
        "num_events": r["num_events"], "first_seen": r["first_seen"], "last_seen": r["last_seen"],
        "best_article": r["best_article"], "url": r["best_url"], "outlet": r["best_outlet"], "added": r["added"],
    }
    if with_members:
        rows = store.b.query("SELECT e.event_id, a.doc_id, a.outlet FROM events e JOIN articles a ON a.id = e.article_id "
                             "WHERE e.cluster_id = ? ORDER BY e.id", (r["cluster_id"],))
        rec["events"] = [{"event_id": m["event_id"], "article_id": m["doc_id"], "outlet": m["outlet"]} for m in rows]
    return rec


def query_clusters(store: Store, f: EventFilter, sort: str = "date", limit: int | None = None,
                   with_members: bool = True) -> list[dict[str, Any]]:
    """Clusters with at least one event passing ``f``."""
    where, params = build_where(store, f)
    order = order_by(sort, CLUSTER_SORTS, "c.id")
    cond = f"c.id IN (SELECT e.cluster_id FROM events e WHERE {where})"
    sql_limit = ""
    if limit:  # find the page's ids on narrow rows, then fetch their best events only
        cond, params = _page("c.id", "event_clusters c", cond, params, sort, CLUSTER_SORTS, "c.id", limit)
        sql_limit = f" LIMIT {int(limit)}"
    sql = f"{CLUSTER_SELECT} WHERE {cond} ORDER BY {order}{sql_limit}"
    return [cluster_record(store, r, with_members) for r in store.b.query(sql, params)]


def query_actors(store: Store, search: str | None = None, limit: int | None = None,
                 unresolved: bool | None = None) -> list[dict[str, Any]]:
    """Actors with their event counts as source and as target, most active first."""
    w: list[str] = []
    p: list[Any] = []
    if search:
        w.append("(k.key = ? OR lower(k.name_en) LIKE ? ESCAPE '!' OR k.name_norm LIKE ? ESCAPE '!' OR k.code = ?)")
        p += [search, "%" + _like_escape(search.lower()) + "%", "%" + _like_escape(norm_text(search)) + "%",
              search.upper()]
    if unresolved is not None:
        w.append("k.resolved = ?")
        p.append(0 if unresolved else 1)
    sql = ("SELECT * FROM (SELECT k.key, k.actor_id, k.name, k.name_en, k.code, k.type, k.country, k.resolved, "
           "(SELECT COUNT(*) FROM events e WHERE e.source_key = k.key) AS as_source, "
           "(SELECT COUNT(*) FROM events e WHERE e.target_key = k.key) AS as_target FROM actors k")
    if w:
        sql += " WHERE " + " AND ".join(w)
    sql += ") t ORDER BY (as_source + as_target) DESC, key"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.b.query(sql, p)


def store_stats(store: Store) -> dict[str, Any]:
    """Row counts, date range, top CAMEO roots, quad classes and outlets, the last ingest runs, the schema
    version: ``hadath stats`` and the API's ``GET /stats``."""
    b = store.b
    st: dict[str, Any] = {"database": store.kind, "schema_version": store.schema_version(), **store.counts()}
    st["multi_source_clusters"] = int(b.scalar("SELECT COUNT(*) FROM event_clusters WHERE num_sources >= 2") or 0)
    rng = b.query("SELECT MIN(day) AS lo, MAX(day) AS hi FROM events")[0]
    st["first_day"], st["last_day"] = rng["lo"], rng["hi"]
    st["roots"] = {r["root"]: int(r["n"]) for r in b.query(
        "SELECT root, COUNT(*) AS n FROM events GROUP BY root ORDER BY n DESC, root LIMIT 20")}
    st["quad_classes"] = {str(r["q"]): int(r["n"]) for r in b.query(
        "SELECT quad_class AS q, COUNT(*) AS n FROM events GROUP BY quad_class ORDER BY quad_class")}
    st["outlets"] = {(r["outlet"] or "(unknown)"): int(r["n"]) for r in b.query(
        "SELECT outlet, COUNT(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet LIMIT 20")}
    st["runs"] = b.query("SELECT id, command, started_at, finished_at, status, hadath_version, kb_hash, "
                         "n_read, n_added, n_unchanged, n_problems, n_events FROM ingest_runs ORDER BY id DESC LIMIT 5")
    return st
