"""Exports of the store: a GDELT-2.0-like event table (one row per event cluster) and PLOVER-like JSON
records (one per coded event). Every field is documented in docs/EXPORT.md.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hadath.errors import HadathError
from hadath.store.query import EventFilter, query_clusters, query_events
from hadath.store.store import Store

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1NameAr", "Actor1ID", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2NameAr", "Actor2ID", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
    "PLOVER", "Confidence", "FirstSeen", "LastSeen", "DateLast", "Evidence",
]

PLOVER_FIELDS = [
    "event_id", "event_date", "event_type", "event_mode", "event_text", "story_date", "story_id",
    "source", "source_actor", "source_actor_en", "source_agent", "source_id",
    "target", "target_actor", "target_actor_en", "target_agent", "target_id",
    "country", "location", "cameo", "quad_class", "goldstein", "confidence", "publisher", "url", "language",
    "cluster_id", "num_sources", "num_mentions", "coder",
]

SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "LEG", "JUD", "MED", "BUS", "EDU", "REL", "SPY", "IGO",
           "NGO", "HLH", "ELI", "LAB", "AGR", "CRM", "REF", "UAF", "IMG", "MOD", "RAD", "SEP", "INS", "ENV", "DEV")


class ExportError(HadathError):
    """The export cannot be written (unknown format/schema, parquet without pyarrow)."""

    code = "E032"


def _sector(code: str | None) -> str | None:
    if not code:
        return None
    rest = code[3:] if len(code) > 3 else ""
    for i in range(0, len(rest), 3):
        if rest[i:i + 3] in SECTORS:
            return rest[i:i + 3]
    return code[:3] if code[:3] in SECTORS else None


def _geo_type(loc: dict[str, Any] | None) -> int | None:
    if not loc:
        return None
    prec = loc.get("precision") or loc.get("feature")
    if prec == "country":
        return 1
    if prec in ("region", "admin1"):
        return 5
    return 4  # a city or site (GDELT: WORLDCITY)


def _fraction(d: str) -> float:
    y, m, day = int(d[:4]), int(d[5:7]), int(d[8:10])
    return round(y + ((m - 1) * 30 + day) / 365.0, 4)


def gdelt_row(c: dict[str, Any]) -> dict[str, Any]:
    """One GDELT-2.0-like row from a cluster record (:func:`hadath.store.query.cluster_record`)."""
    d = c["date"] or ""
    row: dict[str, Any] = {k: None for k in GDELT_COLUMNS}
    row.update({
        "GLOBALEVENTID": c["cluster_id"],
        "SQLDATE": d.replace("-", "") if d else None,
        "MonthYear": d[:7].replace("-", "") if d else None,
        "Year": d[:4] if d else None,
        "FractionDate": _fraction(d) if d else None,
        "IsRootEvent": None,
        "EventCode": c["cameo"], "EventBaseCode": (c["cameo"] or "")[:3] or None, "EventRootCode": c["root"],
        "QuadClass": c["quad_class"], "GoldsteinScale": c["goldstein"],
        "NumMentions": c["num_mentions"], "NumSources": c["num_sources"], "NumArticles": c["num_articles"],
        "AvgTone": None,
        "DATEADDED": (c["added"] or "").replace("-", "").replace(":", "").replace("T", "").replace("Z", "") or None,
        "SOURCEURL": c["url"] or (f"{c['outlet'] or 'unknown'}#{c['best_article']}" if c["best_article"] else None),
        "PLOVER": c["plover"], "Confidence": c["confidence"], "FirstSeen": c["first_seen"],
        "LastSeen": c["last_seen"], "DateLast": c["date_last"], "Evidence": c["evidence"],
    })
    for n, role in ((1, "source"), (2, "target")):
        a = c.get(role)
        if not a:
            continue
        code = a.get("code")
        row[f"Actor{n}Code"] = code
        row[f"Actor{n}Name"] = a.get("name_en") or a.get("name")
        row[f"Actor{n}NameAr"] = a.get("name")
        row[f"Actor{n}ID"] = a.get("id")
        row[f"Actor{n}CountryCode"] = a.get("country") or (code[:3] if code and code[:3] not in SECTORS else None)
        row[f"Actor{n}Type1Code"] = _sector(code)
    loc = c.get("location")
    if loc:
        row.update({
            "ActionGeo_Type": _geo_type(loc),
            "ActionGeo_FullName": ", ".join(x for x in (loc.get("name_en") or loc.get("name"), loc.get("country")) if x),
            "ActionGeo_CountryCode": loc.get("country"), "ActionGeo_ADM1Code": loc.get("admin1"),
            "ActionGeo_Lat": loc.get("lat"), "ActionGeo_Long": loc.get("lon"), "ActionGeo_FeatureID": loc.get("id"),
        })
    return row


def plover_record(e: dict[str, Any], clusters: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """One PLOVER-like record from an event record (:func:`hadath.store.query.event_record`)."""
    from hadath import __version__

    s, t, loc = e.get("source") or {}, e.get("target") or {}, e.get("location")
    c = clusters.get(e.get("cluster_id") or -1, {})
    return {
        "event_id": f"{e['article_id']}:{e['event_id']}",
        "event_date": e.get("date"),
        "event_type": e.get("plover"),
        "event_mode": e.get("modality") or "",
        "event_text": e.get("evidence"),
        "story_date": e.get("article_date"),
        "story_id": e["article_id"],
        "source": s.get("code"), "source_actor": s.get("name"), "source_actor_en": s.get("name_en"),
        "source_agent": _sector(s.get("code")), "source_id": s.get("id"),
        "target": t.get("code"), "target_actor": t.get("name"), "target_actor_en": t.get("name_en"),
        "target_agent": _sector(t.get("code")), "target_id": t.get("id"),
        "country": (loc or {}).get("country"),
        "location": loc,
        "cameo": e.get("cameo"), "quad_class": e.get("quad_class"), "goldstein": e.get("goldstein"),
        "confidence": e.get("confidence"),
        "publisher": e.get("outlet"), "url": e.get("url"), "language": "ar",
        "cluster_id": e.get("cluster_id"), "num_sources": c.get("num_sources"), "num_mentions": c.get("num_mentions"),
        "coder": f"hadath {__version__} ({e.get('rule')})",
    }


def export_records(store: Store, schema: str, f: EventFilter) -> tuple[list[str], list[dict[str, Any]]]:
    """The column names and records of an export."""
    if schema == "gdelt":
        return GDELT_COLUMNS, [gdelt_row(c) for c in query_clusters(store, f, sort="date", with_members=False)]
    if schema == "plover":
        clusters = {int(r["id"]): r for r in store.b.query(
            "SELECT id, num_sources, num_mentions FROM event_clusters")}
        return PLOVER_FIELDS, [plover_record(e, clusters) for e in query_events(store, f, sort="date")]
    raise ExportError(f"--schema {schema!r}: expected gdelt or plover")


def render(columns: list[str], records: list[dict[str, Any]], fmt: str) -> str:
    """CSV (nested values as JSON) or JSON Lines text."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in records:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else
                            ("" if v is None else v)) for k, v in r.items()})
        return buf.getvalue()
    raise ExportError(f"--format {fmt!r}: expected csv, jsonl or parquet")


def write_parquet(columns: list[str], records: list[dict[str, Any]], path: str) -> None:
    """Write a Parquet file (needs pyarrow); nested values are stored as JSON strings."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("--format parquet needs pyarrow, which is not installed (pip install pyarrow); "
                          "use --format csv or jsonl") from None
    import os
    import tempfile

    data = {k: [json.dumps(r.get(k), ensure_ascii=False) if isinstance(r.get(k), dict | list) else r.get(k)
                for r in records] for k in columns}
    table = pa.table(data)
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".hadath-", suffix=".parquet.tmp")
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
