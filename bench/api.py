"""API benchmark: latency of ``GET /events`` with the common filters on a 100,000-event store (p50/p95).

The store is synthesised with the event-store benchmark's recombination (``bench/store.py``: coded real
articles from ../shared, or the bundled example when absent, recombined into new articles with other actors,
dates, places and outlets) and written with ``Store.add_documents``. Requests go through the full ASGI app
(routing, validation, the store adapter, JSON encoding) in process with Starlette's TestClient, so the
figures are server-side latency without network; ``--http`` also times real HTTP requests to uvicorn on
127.0.0.1.

    python bench/api.py                          # 100,000 events, 30 requests per query
    python bench/api.py --events 20000 --keep /tmp/api-bench.db   # keep (or reuse) the synthetic store

Writes bench/results/api.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hadath import load_pipeline  # noqa: E402
from hadath.store import Store  # noqa: E402


def _bench_store() -> Any:
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build(db: str, n_events: int) -> dict[str, Any]:
    """Synthesise and write ``n_events`` events (bench/store.py's recombination)."""
    bs = _bench_store()
    nlp = load_pipeline()
    t = time.perf_counter()
    seeds = bs.seed_documents(nlp)
    docs = bs.synthesise(seeds, n_events, random.Random(7))
    res = bs.store_throughput(db, docs, 500)
    res["synthesis_seconds"] = round(time.perf_counter() - t - res["seconds"], 1)
    return res


def queries(db: str) -> list[tuple[str, dict[str, Any]]]:
    """The common filters, with an actor, code, country and place that occur in the store."""
    with Store(db) as st:
        r = st.b.query("SELECT source_id, source_name, source_code, loc_country, loc_name_en, evidence FROM events "
                       "WHERE source_id IS NOT NULL AND loc_country IS NOT NULL AND loc_name_en IS NOT NULL "
                       "ORDER BY id LIMIT 1")[0]
        span = st.b.query("SELECT MIN(day) AS lo FROM events")[0]["lo"] or "2015-01-01"
    word = max((r["evidence"] or "هجوم").split(), key=len)
    month = span[:7]
    return [
        ("no filter (first 50 by date)", {}),
        ("newest first", {"sort": "-date"}),
        ("actor id", {"actor": r["source_id"]}),
        ("actor Arabic name", {"actor": r["source_name"]}),
        ("actor_code", {"actor_code": (r["source_code"] or "SYR")[:3]}),
        ("country", {"country": r["loc_country"]}),
        ("cameo root 19", {"cameo": "19"}),
        ("plover ASSAULT", {"plover": "ASSAULT"}),
        ("quad 4, by confidence", {"quad": 4, "sort": "-confidence"}),
        ("since/until one month", {"since": month, "until": month}),
        ("place", {"place": r["loc_name_en"]}),
        ("bbox Levant", {"bbox": "34,29,43,38"}),
        ("text", {"text": word}),
        ("min_confidence 0.9", {"min_confidence": 0.9}),
        ("actor + cameo + since", {"actor": r["source_id"], "cameo": "04", "since": span[:4]}),
        ("page 100 (offset 5000)", {"offset": 5000}),
        ("limit 1000", {"limit": 1000}),
    ]


def pct(xs: list[float], q: float) -> float:
    """The q-quantile (nearest rank) in ms."""
    s = sorted(xs)
    return round(s[min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))] * 1000, 1)


def time_requests(get: Any, qs: list[tuple[str, dict[str, Any]]], n: int) -> dict[str, Any]:
    """p50/p95 of ``n`` requests per query (after one warm-up request)."""
    out: dict[str, Any] = {}
    for name, params in qs:
        r = get("/events", params)
        assert r.status_code == 200, (name, r.status_code, r.text[:200])
        total = r.json()["total"]
        times = []
        for _ in range(n):
            t = time.perf_counter()
            r = get("/events", params)
            r.json()
            times.append(time.perf_counter() - t)
        out[name] = {"p50_ms": pct(times, 0.5), "p95_ms": pct(times, 0.95), "total": total,
                     "rows": len(r.json()["events"])}
        print(f"  {name:32s} p50 {out[name]['p50_ms']:7.1f} ms  p95 {out[name]['p95_ms']:7.1f} ms  "
              f"({out[name]['rows']} of {total})")
    return out


def main() -> None:
    """Build (or reuse) the store, time the queries, write bench/results/api.json."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000, help="synthetic events (default 100000)")
    ap.add_argument("--requests", type=int, default=30, help="timed requests per query (default 30)")
    ap.add_argument("--keep", default=None, help="store file to keep, or to reuse when it exists")
    ap.add_argument("--http", action="store_true", help="also time real HTTP requests to uvicorn on 127.0.0.1")
    args = ap.parse_args()

    from fastapi.testclient import TestClient

    from hadath.api.app import create_app

    tmp = None
    db = args.keep
    res: dict[str, Any] = {"events_target": args.events, "requests_per_query": args.requests,
                           "cpus": os.cpu_count()}
    if db is None:
        tmp = tempfile.TemporaryDirectory()
        db = os.path.join(tmp.name, "api-bench.db")
    if not os.path.exists(db):
        print(f"building a {args.events}-event store in {db} ...")
        res["build"] = build(db, args.events)
        print(f"  {res['build']}")
    with Store(db) as st:
        res["store"] = st.counts()
    print(f"store: {res['store']['events']} events, {res['store']['event_clusters']} clusters")
    qs = queries(db)
    app = create_app(db)
    with TestClient(app) as c:
        print("GET /events in process (ASGI, no network):")
        res["in_process"] = time_requests(lambda p, q: c.get(p, params=q), qs, args.requests)
    if args.http:
        import httpx
        import uvicorn

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        th = threading.Thread(target=server.run, daemon=True)
        th.start()
        while not server.started:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as hc:
            print("GET /events over HTTP (uvicorn, loopback):")
            res["http"] = time_requests(lambda p, q: hc.get(p, params=q), qs, args.requests)
        server.should_exit = True
        th.join(10)
    p50s = [v["p50_ms"] for v in res["in_process"].values()]
    res["summary"] = {"median_of_p50_ms": round(statistics.median(p50s), 1),
                      "worst_p95_ms": max(v["p95_ms"] for v in res["in_process"].values())}
    print(f"summary: {res['summary']}")
    out = ROOT / "bench" / "results" / "api.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
