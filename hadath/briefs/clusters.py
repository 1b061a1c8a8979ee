"""What a brief is built from: event clusters (one real-world happening reported by one or more outlets).

:class:`ClusterRecord` is the brief builder's own small interface. Two adapters fill it:

- :func:`clusters_from_documents` / :func:`clusters_from_jsonl`: straight from ``hadath code`` JSON
  Lines output (one record per article), grouping events of the same CAMEO root, source, target,
  country and day;
- :func:`clusters_from_store`: from the event store (:mod:`hadath.store`), whose clusters already merge
  events across articles and outlets.

Events without summaries (coded before the ``summaries`` stage existed) get them here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.briefs.summarize import Summarizer
from hadath.briefs.templates import TemplateError
from hadath.errors import HadathError
from hadath.kb import get_kb
from hadath.model import ActorRef, Event, PlaceRef

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


class BriefError(HadathError):
    """A brief cannot be built (unreadable input, bad period, missing renderer)."""

    code = "E040"


@dataclass
class ClusterRecord:
    """One event cluster as the brief shows it."""

    cluster_id: str
    cameo: str
    cameo_name: str | None
    quad_class: int | None
    goldstein: float | None
    date: str | None
    date_last: str | None
    country: str | None  # ISO3 of the place, else of the source/target
    lat: float | None
    lon: float | None
    place_en: str | None
    summary_en: str
    summary_ar: str
    evidence: str  # the Arabic sentence of the best event
    outlets: list[str] = field(default_factory=list)
    num_sources: int = 1
    num_articles: int = 1
    num_mentions: int = 1
    confidence: float = 0.0
    articles: list[str] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    background: bool = False

    @property
    def magnitude(self) -> float:
        """|Goldstein|: how strongly the event moves relations."""
        return abs(self.goldstein or 0.0)

    def sort_key(self) -> tuple[float, float, float, float, str]:
        """Rank: most sources first, then Goldstein magnitude, mentions, confidence."""
        return (-self.num_sources, -self.magnitude, -self.num_mentions, -self.confidence, self.cluster_id)

    def countries(self) -> set[str]:
        """Every country the cluster touches (place, source, target)."""
        return {c for c in (self.country,) if c}


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an :class:`~hadath.model.Event` from its JSON form (``Event.to_dict()``)."""

    def actor(a: dict[str, Any] | None) -> ActorRef | None:
        if not a:
            return None
        return ActorRef(a.get("name") or "", a.get("name_en"), a.get("code"), a.get("id"), a.get("type"),
                        a.get("country"), list(a.get("mentions") or []))

    loc = d.get("location")
    place = (PlaceRef(loc.get("name") or "", loc.get("name_en"), loc.get("country"), loc.get("lat"), loc.get("lon"),
                      loc.get("id"), loc.get("admin1"), loc.get("feature"), loc.get("precision"))
             if loc else None)
    span = d.get("evidence_span") or [0, 0]
    return Event(
        id=str(d.get("event_id") or ""), cameo=str(d.get("cameo") or ""), source=actor(d.get("source")),
        target=actor(d.get("target")), date=d.get("date"), location=place, evidence=d.get("evidence") or "",
        evidence_start=int(span[0]), evidence_end=int(span[1]), confidence=float(d.get("confidence") or 0.0),
        rule=d.get("rule") or "", trigger=d.get("trigger") or "", sentence=-1, root=d.get("root") or "",
        quad_class=d.get("quad_class"), goldstein=d.get("goldstein"), plover=d.get("plover"),
        cameo_name=d.get("cameo_name"), date_precision=d.get("date_precision"), negated=bool(d.get("negated")),
        modality=d.get("modality"), background=bool(d.get("background")), reported=bool(d.get("reported")),
        n_mentions=int(d.get("n_mentions") or 1), summary_en=d.get("summary_en"), summary_ar=d.get("summary_ar"),
    )


def _actor_key(a: ActorRef | None) -> str:
    if a is None:
        return "-"
    return a.id or (f"code:{a.code}" if a.code else f"name:{a.name}")


def _country(ev: Event) -> str | None:
    if ev.location and ev.location.country:
        return ev.location.country
    for a in (ev.source, ev.target):
        if a and a.country:
            return a.country
    return None


def _summaries(ev: Event, summarizer: Summarizer) -> tuple[str, str]:
    if ev.summary_en and ev.summary_ar:
        return ev.summary_en, ev.summary_ar
    try:
        s = summarizer.summarize(ev)
    except TemplateError:
        return ev.cameo_name or ev.cameo, ev.evidence
    return s.en, s.ar


def _in_period(date: str | None, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if not date:
        return False
    d = date[:10]
    return not ((since and d < since) or (until and d > until))


def clusters_from_documents(docs: Iterable[dict[str, Any]], since: str | None = None, until: str | None = None,
                            country: str | None = None, kb: Any = None) -> list[ClusterRecord]:
    """Cluster the events of ``hadath code`` records (``{"id", "date", "outlet", "events": [...]}``).

    Events of the same CAMEO root, source, target, country and date are one cluster; its best event
    (highest confidence, then most mentions) gives the summary and evidence. Negated events are left out.
    """
    summarizer = Summarizer(kb if kb is not None else get_kb())
    groups: dict[tuple[str, str, str, str, str], list[tuple[Event, dict[str, Any]]]] = {}
    for doc in docs:
        for d in doc.get("events") or []:
            ev = event_from_dict(d)
            if ev.negated or not ev.cameo:
                continue
            if not ev.date and doc.get("date"):
                ev.date, ev.date_precision = str(doc["date"])[:10], "day"  # undated: the article's date
            if not _in_period(ev.date, since, until):
                continue
            c = _country(ev)
            if country and country not in {c, ev.source and ev.source.country, ev.target and ev.target.country}:
                continue
            key = (ev.cameo[:2], _actor_key(ev.source), _actor_key(ev.target), c or "", (ev.date or "")[:10])
            groups.setdefault(key, []).append((ev, doc))
    out: list[ClusterRecord] = []
    for key, members in groups.items():
        best, _ = max(members, key=lambda m: (m[0].confidence, m[0].n_mentions, -len(m[0].evidence)))
        outlets = sorted({(doc.get("outlet") or "").strip() for _, doc in members} - {""})
        articles = sorted({str(doc.get("id")) for _, doc in members})
        n_sources = len(outlets) or len(articles)
        en, ar = _summaries(best, summarizer)
        loc = best.location
        dates = sorted(e.date[:10] for e, _ in members if e.date)
        out.append(ClusterRecord(
            cluster_id="|".join(key) + f"|{best.id}", cameo=best.cameo, cameo_name=best.cameo_name,
            quad_class=best.quad_class, goldstein=best.goldstein, date=dates[0] if dates else None,
            date_last=dates[-1] if dates else None, country=key[3] or None,
            lat=loc.lat if loc else None, lon=loc.lon if loc else None, place_en=loc.name_en if loc else None,
            summary_en=en, summary_ar=ar, evidence=best.evidence, outlets=outlets, num_sources=n_sources,
            num_articles=len(articles), num_mentions=sum(e.n_mentions for e, _ in members),
            confidence=best.confidence, articles=articles, negated=best.negated, modality=best.modality,
            background=best.background,
        ))
    out.sort(key=ClusterRecord.sort_key)
    return out


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a ``hadath code`` JSONL file; a malformed line is a :class:`BriefError`."""
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise BriefError(f"{path}:{n}: not JSON ({e.msg})") from None
                if not isinstance(rec, dict) or not isinstance(rec.get("events", []), list):
                    raise BriefError(f"{path}:{n}: not a 'hadath code' record (needs an 'events' list)")
                yield rec
    except OSError as e:
        raise BriefError(f"{path}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError:
        raise BriefError(f"{path}: not UTF-8 text") from None


def clusters_from_jsonl(path: Path, since: str | None = None, until: str | None = None,
                        country: str | None = None, kb: Any = None) -> list[ClusterRecord]:
    """Clusters straight from a ``hadath code`` JSONL file (no store needed)."""
    return clusters_from_documents(read_jsonl(path), since, until, country, kb)


def clusters_from_store(db: str | None, since: str | None, until: str | None, country: str | None = None,
                        kb: Any = None) -> list[ClusterRecord]:
    """Clusters of the event store with at least one event in the period (and country)."""
    try:
        from hadath.store import Store
        from hadath.store.query import EventFilter, query_clusters
    except ImportError as e:
        raise BriefError(f"the event store is not available ({e}); use --from FILE.jsonl") from None

    from hadath.store import default_db

    target = db or default_db()
    if "://" not in target and not Path(target).exists():
        raise BriefError(f"{target}: no event store there (run 'hadath ingest' first, or use --from FILE.jsonl)")
    summarizer = Summarizer(kb if kb is not None else get_kb())
    f = EventFilter(since=since, until=until, country=[country] if country else [])
    out: list[ClusterRecord] = []
    with Store(db) as st:
        for r in query_clusters(st, f, sort="sources"):
            rec = dict(r)
            rec.setdefault("event_id", str(r.get("cluster_id")))
            rec["evidence"] = r.get("evidence") or ""
            ev = event_from_dict(rec)
            en, ar = _summaries(ev, summarizer)
            members = r.get("events") or []
            outlets = sorted({(m.get("outlet") or "").strip() for m in members} - {""})
            loc = ev.location
            out.append(ClusterRecord(
                cluster_id=str(r["cluster_id"]), cameo=ev.cameo, cameo_name=ev.cameo_name, quad_class=ev.quad_class,
                goldstein=ev.goldstein, date=r.get("date"), date_last=r.get("date_last"),
                country=(loc.country if loc and loc.country else r.get("country") or _country(ev)),
                lat=loc.lat if loc else None, lon=loc.lon if loc else None, place_en=loc.name_en if loc else None,
                summary_en=en, summary_ar=ar, evidence=ev.evidence, outlets=outlets,
                num_sources=int(r.get("num_sources") or len(outlets) or 1),
                num_articles=int(r.get("num_articles") or 1), num_mentions=int(r.get("num_mentions") or 1),
                confidence=float(r.get("confidence") or 0.0),
                articles=sorted({str(m.get("article_id")) for m in members}),
            ))
    out.sort(key=ClusterRecord.sort_key)
    return out

