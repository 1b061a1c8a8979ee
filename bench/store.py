"""Event-store benchmark: ingest throughput (SQLite, PostgreSQL) and query latency on >= 100,000 events.

1. Corpus check: events-dev + the unlabelled corpus (../shared) ingested twice through the pipeline into a
   fresh SQLite file (and PostgreSQL) -> the row counts after both passes, articles/s with coding, and the
   event clusters reported by two or more outlets.
2. Store throughput: Documents synthesised by recombining the coded events (other actors, dates, places,
   outlets; a third of them re-reports of an earlier synthetic story by another outlet, so clusters form)
   written with Store.add_documents in batches -> articles/s and events/s without coding.
3. Query latency of the common filters (median of 5 runs, first 100 rows by date) on that store.

    python bench/store.py                         # SQLite; PostgreSQL too when $HADATH_TEST_PG is set
    python bench/store.py --events 20000 --pg postgresql://postgres@127.0.0.1:5432/hadath_bench

Writes bench/results/store.json. PostgreSQL runs in a fresh schema that is dropped at the end.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from hadath import load_pipeline  # noqa: E402
from hadath.io.readers import Problem, read_inputs  # noqa: E402
from hadath.model import Article, Document  # noqa: E402
from hadath.store import Store  # noqa: E402
from hadath.store.db import scratch_schema  # noqa: E402
from hadath.store.ingest import ingest  # noqa: E402
from hadath.store.query import EventFilter, parse_bbox, query_clusters, query_events  # noqa: E402

CORPUS = [SHARED / "eval" / "events-dev" / "articles.jsonl", SHARED / "corpus" / "unlabelled.jsonl"]
EXAMPLE = ROOT / "examples" / "tripoli-visit.txt"
OUTLETS = [f"Outlet {i:02d}" for i in range(40)]


@contextmanager
def pg_schema(url: str) -> Iterator[str]:
    """A fresh schema on the server, dropped afterwards; yields a URL whose search_path points at it."""
    import psycopg

    with scratch_schema(psycopg.connect(url, autocommit=True), url, "bench_") as scoped:
        yield scoped


def seed_documents(nlp: Any) -> list[Document]:
    """The coded real articles (or the bundled example when ../shared is absent)."""
    paths = [str(p) for p in CORPUS if p.exists()] or [str(EXAMPLE)]
    docs = [nlp(a) for a in read_inputs(paths, date="2021-05-03") if not isinstance(a, Problem)]
    return [d for d in docs if d.events]


def synthesise(seeds: list[Document], n_events: int, rng: random.Random) -> list[Document]:
    """Documents with at least ``n_events`` events recombined from the seed events."""
    events = [e for d in seeds for e in d.events]
    actors = [a for e in events for a in (e.source, e.target) if a is not None]
    places = [e.location for e in events if e.location is not None]
    sentences = [e.evidence for e in events if e.evidence]
    out: list[Document] = []
    total = 0
    day0 = 14610  # 2010-01-01 as days since 1970
    import datetime as dt

    while total < n_events:
        k = len(out)
        if out and rng.random() < 0.33:  # another outlet reports an earlier story
            prev = rng.choice(out[-200:])
            evs = [copy.copy(e) for e in prev.events]
            d = prev.article.date
        else:
            n = rng.randint(3, 12)
            d = (dt.date(1970, 1, 1) + dt.timedelta(days=day0 + rng.randrange(3650))).isoformat()
            evs = []
            for _ in range(n):
                e = copy.copy(rng.choice(events))
                e.source = rng.choice(actors) if rng.random() < 0.9 else None
                e.target = rng.choice(actors) if rng.random() < 0.7 else None
                e.location = rng.choice(places) if rng.random() < 0.8 else None
                e.date = (dt.date.fromisoformat(d) - dt.timedelta(days=rng.randrange(3))).isoformat()
                e.confidence = round(rng.uniform(0.5, 0.95), 2)
                evs.append(e)
        for i, e in enumerate(evs):
            e.id = f"{k:06d}{i:03d}"
        text = " ".join(rng.sample(sentences, min(len(sentences), 6))) + f" وذكر المصدر أن الرقم المرجعي {k}."
        out.append(Document(article=Article(id=f"syn-{k}", text=text, date=d, outlet=rng.choice(OUTLETS)),
                            events=evs))
        total += len(evs)
    return out


def corpus_check(db: str, nlp: Any) -> dict[str, Any]:
    """Ingest the real corpus twice; counts after each pass, throughput, multi-outlet clusters."""
    paths = [str(p) for p in CORPUS if p.exists()]
    if not paths:
        return {"skipped": "../shared not available"}
    res: dict[str, Any] = {"passes": []}
    with Store(db) as st:
        for _ in range(2):
            t = time.perf_counter()
            rep = ingest(st, read_inputs(paths), nlp)
            secs = time.perf_counter() - t
            c = st.counts()
            c.pop("ingest_runs")
            res["passes"].append({"added": rep.added, "unchanged": rep.unchanged, "seconds": round(secs, 2),
                                  "articles_per_s": round(rep.read / secs, 1), "counts": c})
        multi = [cl for cl in query_clusters(st, EventFilter(), sort="-sources") if cl["num_sources"] >= 2]
        res["multi_source_clusters"] = [
            {"cameo": cl["cameo"], "source": (cl["source"] or {}).get("name_en") or (cl["source"] or {}).get("name"),
             "target": (cl["target"] or {}).get("name_en") or (cl["target"] or {}).get("name"), "date": cl["date"],
             "num_sources": cl["num_sources"], "articles": sorted({m["article_id"] for m in cl["events"]})}
            for cl in multi]
        res["near_duplicate_pairs"] = [
            (r["doc_id"], r["dup_doc"], r["dup_similarity"]) for r in st.b.query(
                "SELECT a.doc_id, b.doc_id AS dup_doc, a.dup_similarity FROM articles a "
                "JOIN articles b ON b.id = a.dup_of ORDER BY a.id")]
    res["identical_after_second_pass"] = res["passes"][0]["counts"] == res["passes"][1]["counts"]
    return res


QUERIES: list[tuple[str, dict]] = [
    ("all, first 100 by date", {}),
    ("--actor id", {"actor": ["__ACTOR_ID__"]}),
    ("--actor Arabic name", {"actor": ["__ACTOR_AR__"]}),
    ("--actor-code", {"actor_code": ["__CODE__"]}),
    ("--country", {"country": ["__COUNTRY__"]}),
    ("--cameo root 19", {"cameo": ["19"]}),
    ("--plover ASSAULT", {"plover": ["ASSAULT"]}),
    ("--quad 4", {"quad": [4]}),
    ("--since/--until one month", {"since": "2015-07", "until": "2015-07"}),
    ("--place", {"place": ["__PLACE__"]}),
    ("--bbox Levant", {"bbox": parse_bbox("34,29,43,38")}),
    ("--text", {"text": "__WORD__"}),
    ("--min-confidence 0.9", {"min_confidence": 0.9}),
    ("--actor + --cameo + --since", {"actor": ["__ACTOR_ID__"], "cameo": ["04"], "since": "2014"}),
]


def query_latency(db: str, docs: list[Document]) -> dict:
    """Median latency (ms) of each common filter, events and clusters, first 100 rows."""
    ev = next(e for d in docs for e in d.events if e.source and e.source.id and e.location and e.source.code)
    assert ev.source is not None and ev.location is not None
    word = max(ev.evidence.split(), key=len)
    subs = {"__ACTOR_ID__": ev.source.id or "", "__ACTOR_AR__": ev.source.name, "__CODE__": (ev.source.code or "")[:6],
            "__COUNTRY__": ev.location.country or "SYR", "__PLACE__": ev.location.name_en or ev.location.name,
            "__WORD__": word}
    out: dict = {}
    with Store(db) as st:
        for name, kw in QUERIES:
            kw = json.loads(json.dumps(kw))
            for k, v in list(kw.items()):
                if isinstance(v, list):
                    kw[k] = [subs.get(x, x) if isinstance(x, str) else x for x in v]
                elif isinstance(v, str):
                    kw[k] = subs.get(v, v)
            if "bbox" in kw:
                kw["bbox"] = tuple(kw["bbox"])
            f = EventFilter(**kw)
            times, ctimes, n = [], [], 0
            for _ in range(5):
                t = time.perf_counter()
                n = len(query_events(st, f, sort="date", limit=100))
                times.append(time.perf_counter() - t)
                t = time.perf_counter()
                query_clusters(st, f, sort="date", limit=100, with_members=False)
                ctimes.append(time.perf_counter() - t)
            out[name] = {"events_ms": round(statistics.median(times) * 1000, 1),
                         "clusters_ms": round(statistics.median(ctimes) * 1000, 1), "rows": n}
    return out


def store_throughput(db: str, docs: list[Document], batch: int) -> dict:
    """Write synthetic documents in batches; articles/s and events/s."""
    n_ev = sum(len(d.events) for d in docs)
    with Store(db) as st:
        t = time.perf_counter()
        for i in range(0, len(docs), batch):
            st.add_documents(docs[i:i + batch])
        secs = time.perf_counter() - t
        c = st.counts()
    return {"articles": len(docs), "events": n_ev, "seconds": round(secs, 1),
            "articles_per_s": round(len(docs) / secs, 1), "events_per_s": round(n_ev / secs, 1),
            "clusters": c["event_clusters"], "near_duplicate_articles": c["near_duplicate_articles"]}


def main() -> None:
    """Run the benchmark and write bench/results/store.json."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events to store (default 100000)")
    ap.add_argument("--pg-events", type=int, default=None, help="synthetic events for PostgreSQL (default --events)")
    ap.add_argument("--pg", default=os.environ.get("HADATH_TEST_PG"), help="PostgreSQL URL (default $HADATH_TEST_PG)")
    ap.add_argument("--batch", type=int, default=200, help="articles per transaction")
    ap.add_argument("--no-corpus", action="store_true", help="skip the real-corpus ingest check")
    ap.add_argument("--backends", default="sqlite,postgresql", help="which back ends (comma-separated)")
    args = ap.parse_args()

    nlp = load_pipeline()
    rng = random.Random(7)
    results: dict[str, Any] = {"events_target": args.events}
    t = time.perf_counter()
    seeds = seed_documents(nlp)
    results["seed"] = {"articles": len(seeds), "events": sum(len(d.events) for d in seeds),
                       "coding_seconds": round(time.perf_counter() - t, 1)}
    docs = synthesise(seeds, args.events, rng)
    wanted = set(args.backends.split(","))
    backends: list[tuple[str, str | None]] = [("sqlite", None)] if "sqlite" in wanted else []
    if args.pg and "postgresql" in wanted:
        backends.append(("postgresql", args.pg))
    with tempfile.TemporaryDirectory() as tmp:
        for kind, url in backends:
            if kind == "sqlite":
                dbs = [str(Path(tmp) / "corpus.db"), str(Path(tmp) / "bench.db")]
                r: dict[str, Any] = {"corpus": {"skipped": "--no-corpus"} if args.no_corpus
                                     else corpus_check(dbs[0], nlp)}
                these = docs
                r["store"] = store_throughput(dbs[1], these, args.batch)
                r["queries"] = query_latency(dbs[1], these)
                r["file_mb"] = round(float(sum(p.stat().st_size for p in Path(tmp).glob("bench.db*")) / 1e6), 1)
            else:
                assert url is not None
                these = docs
                if args.pg_events and args.pg_events < args.events:
                    these, n = [], 0
                    for d in docs:
                        if n >= args.pg_events:
                            break
                        these.append(d)
                        n += len(d.events)
                r = {"corpus": {"skipped": "--no-corpus"}}
                if not args.no_corpus:
                    with pg_schema(url) as u1:
                        r["corpus"] = corpus_check(u1, nlp)
                with pg_schema(url) as u2:
                    r["store"] = store_throughput(u2, these, args.batch)
                    r["queries"] = query_latency(u2, these)
            results[kind] = r
            s = r["store"]
            print(f"\n== {kind}", flush=True)
            c = r["corpus"]
            if "passes" in c:
                p1, p2 = c["passes"]
                print(f"corpus ingest (coding + store): {p1['articles_per_s']} articles/s; second pass "
                      f"{p2['added']} added / {p2['unchanged']} unchanged; identical counts: "
                      f"{c['identical_after_second_pass']}; {p1['counts']}")
                print(f"clusters with >= 2 outlets: {len(c['multi_source_clusters'])}; near-duplicate articles: "
                      f"{c['near_duplicate_pairs']}")
            print(f"store only: {s['articles']} articles / {s['events']} events in {s['seconds']} s = "
                  f"{s['articles_per_s']} articles/s, {s['events_per_s']} events/s; {s['clusters']} clusters")
            for name, q in r["queries"].items():
                print(f"  {name:32s} events {q['events_ms']:7.1f} ms   clusters {q['clusters_ms']:7.1f} ms   "
                      f"({q['rows']} rows)")
    out = ROOT / "bench" / "results" / "store.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():  # keep the figures of back ends not run this time
        try:
            old = json.loads(out.read_text(encoding="utf-8"))
            results = {**{k: v for k, v in old.items() if k in ("sqlite", "postgresql")}, **results}
        except (OSError, ValueError):
            pass
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
