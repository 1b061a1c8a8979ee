"""Throughput, memory and scaling of `hadath code` (the hadath.scale runner), plus a profile of the hot path.

    python bench/throughput.py            # a few minutes on 2 cores
    python bench/throughput.py --full     # full pipeline at 1k, 10k and 100k articles (hours on 2 cores)
    python bench/throughput.py --sizes 1000,10000 --workers 2

Input: the real articles of ../shared (events-dev and corpus/unlabelled) repeated with light variation
(paragraph order shuffled after the first, ids and dates changed), streamed from a generated temp JSONL
file. Every measurement runs the runner behind `hadath code` in a fresh process; wall and CPU time exclude
start-up (reported separately; CPU time includes the worker processes); peak RSS is that of the largest
single process, the driver (its VmHWM) or a worker (getrusage of its children). Figures:

- articles/s per core (code only; and code+store when hadath.store exists), also normalised to
  300-word articles (words/s / 300)
- peak RSS
- scaling: seconds per 1,000 articles at several corpus sizes (constant = linear time); the quick run
  does 1k with the full pipeline and 10k/100k with a minimal pipeline (tokenising only) to show that
  the reader/runner/writer stay linear and flat in memory
- 1 vs 2 workers: parallel efficiency = T1 / (2 * T2), the median of --rounds alternated pairs of runs
- the floor: CPU ms per article (1 worker, same articles) of the runner with only its first stages
  (read and write; + sentence split; + tokenise; + clean, split, tokenise), beside the full pipeline and
  the 1 ms per article that 1,000 articles/s per core allows
- sentences per article, and sentences/s per core against PETRARCH-2's published figures (~250
  sentences/s for its coder on pre-parsed text; 2-5 sentences/s for the CoreNLP parse it needs)
- a cProfile of the hot path: the top functions by own time and the time per stage

Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ROOT, need_shared, write_result  # noqa: E402

sys.path.insert(0, str(ROOT))


def base_articles() -> list[dict[str, Any]]:
    """The real articles of ../shared (events-dev, then the unlabelled corpus)."""
    out: list[dict[str, Any]] = []
    for parts in (("eval", "events-dev", "articles.jsonl"), ("corpus", "unlabelled.jsonl")):
        p = need_shared(*parts)
        with open(p, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def variant(base: dict[str, Any], i: int) -> dict[str, Any]:
    """Article ``i``: ``base`` with a new id, its paragraphs after the first shuffled, its date moved."""
    import datetime as dt

    rng = random.Random(i)
    paras = [p for p in base["text"].split("\n") if p.strip()]
    head, rest = paras[:1], paras[1:]
    rng.shuffle(rest)
    date = base.get("date")
    if date:
        with contextlib.suppress(ValueError):
            date = (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=i % 365)).isoformat()
    return {"id": f"b{i:06d}", "date": date, "title": base.get("title"), "outlet": base.get("outlet"),
            "text": "\n".join(head + rest)}


def generate(path: Path, n: int, bases: list[dict[str, Any]]) -> tuple[int, int]:
    """Write ``n`` varied articles to ``path`` (streamed); return (articles, words)."""
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            rec = variant(bases[i % len(bases)], i)
            words += len(rec["text"].split())
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return n, words


DRIVER = r"""
import json, resource, sys, time
def cpu():
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
t0 = time.perf_counter()
from hadath.cli import _pipeline
from hadath.io.readers import Problem, read_inputs
from hadath.io.writers import OutputFormat, Writer
from hadath.scale.runner import code_items, register_pipeline
src, out, workers, config = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
nlp = _pipeline(config)
cfg = register_pipeline(nlp)
startup = time.perf_counter() - t0
t1 = time.perf_counter()
c1 = cpu()
n = ev = bad = 0
with open(out, "w", encoding="utf-8") as f:
    w = Writer(f, OutputFormat.jsonl)
    for r in code_items(read_inputs([src]), cfg, workers=workers, render=w.render):  # as hadath code does
        if isinstance(r, Problem) or r.error is not None:
            bad += 1
            continue
        w.write_rendered(r.out)
        n += 1
        ev += r.n_events
    w.close()
wall = time.perf_counter() - t1
status = {}
try:
    with open("/proc/self/status") as st:
        status = {l.split(":")[0]: int(l.split()[1]) / 1024 for l in st if l.startswith(("VmRSS:", "VmHWM:"))}
except OSError:
    pass
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker (forked from here)
print(json.dumps({"startup_s": startup, "wall_s": wall, "cpu_s": cpu() - c1, "articles": n, "events": ev, "bad": bad,
                  "parent_rss_end_mb": status.get("VmRSS"), "parent_peak_rss_mb": status.get("VmHWM"),
                  "worker_peak_rss_mb": kids or None}))
"""


def measure(src: Path, workers: int, config: Path | None = None) -> dict[str, Any]:
    """Run the driver in a fresh process; add CPU seconds and peak RSS from wait4."""
    fd, out = tempfile.mkstemp(suffix=".jsonl", prefix="hadath-tp-")
    os.close(fd)
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(src), out, str(workers), str(config or "")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(ROOT))
    stdout = proc.stdout.read()  # type: ignore[union-attr]
    stderr = proc.stderr.read()  # type: ignore[union-attr]
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    os.unlink(out)
    if proc.returncode != 0:
        sys.exit(f"driver failed: {stderr.decode()[-2000:]}")
    res = json.loads(stdout.decode().strip().splitlines()[-1])
    res["cpu_total_s"] = ru.ru_utime + ru.ru_stime  # incl. start-up and the worker processes
    # The peak RSS of the largest single process, the driver or a worker, as the driver reads it. Not wait4's
    # ru_maxrss: Linux carries a process's high-water mark across exec, so that figure is at least the size of
    # this (benchmark) process when it started the driver, ~160 MB after the profile and store parts.
    peaks = [v for v in (res.get("parent_peak_rss_mb"), res.get("worker_peak_rss_mb")) if v]
    res["peak_rss_mb"] = round(max(peaks) if peaks else ru.ru_maxrss / 1024, 1)
    res["workers"] = workers
    res["articles_per_s"] = res["articles"] / res["wall_s"] if res["wall_s"] else None
    return res


FLOOR_STAGES: dict[str, list[str]] = {
    "read + write": ["noclean"],
    "+ sentence split": ["noclean", "sentences"],
    "+ tokenise": ["noclean", "sentences", "tokens"],
    "clean + split + tokenise": ["clean", "sentences", "tokens"],
}
PETRARCH2_CODER_SENTENCES_PER_S = 250.0  # PETRARCH-2 on parsed text, as the scale issue quotes it
CORENLP_PARSE_SENTENCES_PER_S = (2.0, 5.0)  # the constituency parse PETRARCH-2 needs first


def stages_config(path: Path, stages: list[str]) -> Path:
    """Write a pipeline config that runs only ``stages`` to ``path``; return ``path``."""
    path.write_text("[pipeline]\nstages = " + json.dumps(stages) + "\n", encoding="utf-8")
    return path


def sentences_per_article(src: Path) -> float:
    """Mean sentences per article of ``src`` as hadath splits them (the clean and sentences stages)."""
    from hadath import Article, load_pipeline

    nlp = load_pipeline({"pipeline": {"stages": ["clean", "sentences"]}})
    n = s = 0
    with open(src, encoding="utf-8") as f:
        for line in f:
            doc = nlp(Article(**json.loads(line)))
            n += 1
            s += len(doc.sentences)
    return s / n if n else 0.0


def floor(src: Path, tmp: Path) -> list[dict[str, Any]]:
    """CPU ms per article of the runner over ``src`` (1 worker) with only the first stages of the pipeline."""
    rows = []
    for name, stages in FLOOR_STAGES.items():
        r = measure(src, 1, stages_config(tmp / "floor.toml", stages))
        rows.append({"pipeline": name, "stages": stages, "articles": r["articles"],
                     "cpu_ms_per_article": round(r["cpu_s"] / r["articles"] * 1000, 3),
                     "articles_per_s_per_core": round(r["articles"] / r["cpu_s"], 1)})
    return rows


def profile(bases: list[dict[str, Any]], n: int) -> dict[str, Any]:
    """cProfile of the pipeline in this process over ``n`` varied articles; per-stage seconds too."""
    from hadath import Article, load_pipeline
    from hadath.model import Document

    nlp = load_pipeline()
    arts = [Article(**{k: v for k, v in variant(bases[i % len(bases)], i).items()}) for i in range(n)]
    nlp(arts[0])  # warm caches like a long run
    stage_s: dict[str, float] = {}
    t0 = time.perf_counter()
    for a in arts:
        d = Document(article=a)
        for st in nlp.stages:
            t = time.perf_counter()
            d = st(d)
            stage_s[st.name] = stage_s.get(st.name, 0.0) + time.perf_counter() - t
    plain = time.perf_counter() - t0
    by_time = sorted(stage_s.items(), key=lambda kv: -kv[1])
    pr = cProfile.Profile()
    pr.enable()
    for a in arts:
        nlp(a)
    pr.disable()
    stats = pstats.Stats(pr, stream=io.StringIO())
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for (file, line, fn), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{Path(file).parent.name}/{Path(file).name}:{line}({fn})", "calls": nc,
                     "own_s": round(tt, 3), "cum_s": round(ct, 3), "own_share": round(tt / total, 3)})
    rows.sort(key=lambda r: -r["own_s"])
    return {"articles": n, "seconds_unprofiled": round(plain, 2), "articles_per_s_unprofiled": round(n / plain, 1),
            "stage_seconds": {k: round(v, 3) for k, v in by_time},
            "stage_share": {k: round(v / sum(stage_s.values()), 3) for k, v in by_time},
            "top_own_time": rows[:15]}


def code_and_store(bases: list[dict[str, Any]], n: int) -> dict[str, Any] | None:
    """Articles/s for coding then storing in SQLite (in this process), when hadath.store exists."""
    try:
        from hadath.store import Store
    except ImportError:
        return None
    from hadath import Article, load_pipeline

    nlp = load_pipeline()
    arts = [Article(**variant(bases[i % len(bases)], i)) for i in range(n)]
    nlp(arts[0])
    with tempfile.TemporaryDirectory() as d:
        # warm the store up like a long run: its first batch imports the near-duplicate index's libraries
        # (datasketch, which loads scipy), ~0.6-1 s, a third of the store time of 300 articles otherwise
        warm = Store(str(Path(d) / "warm.db"))
        warm.add_documents([nlp(Article(**variant(bases[0], n)))])
        warm.close()
        st = Store(str(Path(d) / "bench.db"))
        t_code = t_store = 0.0
        batch = []
        for a in arts:
            t = time.perf_counter()
            batch.append(nlp(a))
            t_code += time.perf_counter() - t
            if len(batch) == 20:
                t = time.perf_counter()
                st.add_documents(batch)
                t_store += time.perf_counter() - t
                batch = []
        if batch:
            t = time.perf_counter()
            st.add_documents(batch)
            t_store += time.perf_counter() - t
        counts = st.counts()
        st.close()
    return {"articles": n, "code_s": round(t_code, 2), "store_s": round(t_store, 2),
            "articles_per_s_code_only": round(n / t_code, 1), "articles_per_s_code_and_store": round(n / (t_code + t_store), 1),
            "store_share": round(t_store / (t_code + t_store), 3), "stored": counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--full", action="store_true", help="full pipeline at 1k, 10k and 100k articles")
    ap.add_argument("--sizes", help="comma-separated corpus sizes for the full-pipeline scaling table")
    ap.add_argument("--workers", type=int, default=2, help="workers for the scaling runs (default 2)")
    ap.add_argument("--efficiency-n", type=int, default=2400, help="articles for the 1-vs-2-workers runs")
    ap.add_argument("--rounds", type=int, default=3, help="alternated pairs of 1- and 2-worker runs (default 3; the median pair counts)")
    ap.add_argument("--profile-n", type=int, default=100, help="articles to profile")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: profile,store,efficiency,floor,scaling,minimal (floor runs only with efficiency, whose full-pipeline figure it sits beside)")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    bases = base_articles()
    words = [len(b["text"].split()) for b in bases]
    mean_words = sum(words) / len(words)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([1000, 10000, 100000] if args.full else [1000])
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    result: dict[str, Any] = {"cores": os.cpu_count(), "loadavg_at_start": load, "base_articles": len(bases),
                              "mean_words_per_article": round(mean_words, 1)}
    print(f"{len(bases)} real articles, {mean_words:.0f} words on average; {os.cpu_count()} cores; "
          f"load average at start {load}")
    tmp = Path(tempfile.mkdtemp(prefix="hadath-bench-"))
    try:
        if "profile" not in skip:
            pr = profile(bases, args.profile_n)
            result["profile"] = pr
            print(f"\nprofile ({pr['articles']} articles in-process, {pr['articles_per_s_unprofiled']} articles/s "
                  "unprofiled)")
            print("  stage share: " + ", ".join(f"{k} {v:.0%}" for k, v in pr["stage_share"].items()))
            for r in pr["top_own_time"][:10]:
                print(f"  {r['own_share']:6.1%} own  {r['cum_s']:7.2f}s cum  {r['calls']:>8}  {r['function']}")
        if "store" not in skip:
            cs = code_and_store(bases, min(300, args.efficiency_n))
            result["code_and_store"] = cs
            if cs:
                print(f"\ncode+store ({cs['articles']} articles, SQLite): {cs['articles_per_s_code_and_store']} articles/s "
                      f"(code only {cs['articles_per_s_code_only']}; storing is {cs['store_share']:.0%} of the time)")
            else:
                print("\ncode+store: skipped (hadath.store not installed)")
        if "efficiency" not in skip:
            src = tmp / "eff.jsonl"
            n, w = generate(src, args.efficiency_n, bases)
            # 1 and 2 workers alternated, in pairs: this virtual machine's speed drifts between runs (the CPU time of
            # the same work varies by up to 1.3x), so each pair gives T1/(2*T2) and the median pair counts
            ones: list[dict[str, Any]] = []
            twos: list[dict[str, Any]] = []
            for _ in range(max(1, args.rounds)):
                ones.append(measure(src, 1))
                twos.append(measure(src, 2))
            effs = [a["wall_s"] / (2 * b["wall_s"]) for a, b in zip(ones, twos, strict=True)]
            mid = sorted(range(len(effs)), key=effs.__getitem__)[(len(effs) - 1) // 2]
            r1, r2, eff = ones[mid], twos[mid], effs[mid]
            rates = [r["articles"] / r["cpu_s"] for r in ones]  # articles/s per core of each 1-worker run
            per_core = statistics.median(rates)
            per_core_300w = statistics.median(w / r["cpu_s"] / 300 for r in ones)
            result["efficiency"] = {"articles": n, "words": w, "rounds": len(ones),
                                    "wall_s_one": [round(r["wall_s"], 2) for r in ones],
                                    "wall_s_two": [round(r["wall_s"], 2) for r in twos],
                                    "per_round_efficiency": [round(e, 3) for e in effs],
                                    "per_round_articles_per_s_per_core": [round(x, 1) for x in rates],
                                    "one": r1, "two": r2, "parallel_efficiency": round(eff, 3),
                                    "cpu_overhead_two_vs_one": round(r2["cpu_s"] / r1["cpu_s"], 3),
                                    "articles_per_s_per_core": round(per_core, 1),
                                    "articles_300w_per_s_per_core": round(per_core_300w, 1)}
            print(f"\n1 vs 2 workers ({n} articles, full pipeline; {len(ones)} alternated pairs, the median pair shown; "
                  "per-pair efficiency " + ", ".join(f"{x:.2f}" for x in effs) + "; 1-worker articles/s per core "
                  + ", ".join(f"{x:.1f}" for x in rates) + ")")
            for r in (r1, r2):
                print(f"  {r['workers']} worker(s): {r['wall_s']:7.1f} s wall, {r['articles_per_s']:6.1f} articles/s, "
                      f"{r['cpu_s']:6.1f} s CPU, peak RSS {r['peak_rss_mb']} MB, start-up {r['startup_s']:.1f} s")
            print(f"  parallel efficiency T1/(2*T2) = {eff:.2f} (median pair); per core {per_core:.1f} articles/s "
                  f"= {per_core_300w:.1f} 300-word articles/s (CPU time, median of the 1-worker runs)")
            spa = sentences_per_article(src)
            sps = spa * per_core
            result["sentences"] = {"per_article": round(spa, 2), "per_s_per_core": round(sps, 1),
                                   "x_petrarch2_coder": round(sps / PETRARCH2_CODER_SENTENCES_PER_S, 1),
                                   "x_corenlp_parse_plus_petrarch2": [round(sps / v, 0)
                                                                      for v in CORENLP_PARSE_SENTENCES_PER_S]}
            lo, hi = CORENLP_PARSE_SENTENCES_PER_S
            print(f"  {spa:.1f} sentences per article: {sps:.0f} sentences/s per core = "
                  f"{sps / PETRARCH2_CODER_SENTENCES_PER_S:.1f}x PETRARCH-2's coder alone (~250/s, parsed text), "
                  f"{sps / hi:.0f}-{sps / lo:.0f}x its pipeline with the CoreNLP parse ({lo:.0f}-{hi:.0f} sentences/s)")
            if "floor" not in skip:
                rows = floor(src, tmp)
                result["floor"] = {"rows": rows, "full_cpu_ms_per_article": round(1000 / per_core, 3),
                                   "budget_ms_per_article_at_1000_per_s": 1.0}
                print("\nthe floor: CPU ms per article with only the first stages (1 worker, same articles); "
                      "1,000 articles/s per core allows 1.000 ms")
                for fr in rows:
                    print(f"  {fr['pipeline']:<26} {fr['cpu_ms_per_article']:7.3f} ms  "
                          f"{fr['articles_per_s_per_core']:8.1f} articles/s")
                print(f"  {'full pipeline':<26} {1000 / per_core:7.3f} ms  {per_core:8.1f} articles/s")
        if "scaling" not in skip:
            rows = []
            for n in sizes:
                src = tmp / f"s{n}.jsonl"
                _, w = generate(src, n, bases)
                r = measure(src, args.workers)
                src.unlink()
                r["s_per_1k"] = round(r["wall_s"] / n * 1000, 2)
                r["cpu_s_per_1k"] = round(r["cpu_s"] / n * 1000, 2)
                rows.append(r)
                print(f"  full pipeline {n:>7} articles, {args.workers} workers: {r['wall_s']:8.1f} s, "
                      f"{r['s_per_1k']:6.2f} s/1k wall, {r['cpu_s_per_1k']:6.2f} CPU-s/1k, "
                      f"{r['articles_per_s']:6.1f} articles/s, peak RSS {r['peak_rss_mb']} MB")
            result["scaling_full"] = rows
        if "minimal" not in skip:
            cfg = stages_config(tmp / "minimal.toml", FLOOR_STAGES["+ tokenise"])
            rows = []
            print("\nrunner scaling, minimal pipeline (read, split, tokenise, write)")
            for n in (1000, 10000, 100000):
                src = tmp / f"m{n}.jsonl"
                generate(src, n, bases)
                r = measure(src, args.workers, cfg)
                src.unlink()
                r["s_per_1k"] = round(r["wall_s"] / n * 1000, 3)
                r["cpu_s_per_1k"] = round(r["cpu_s"] / n * 1000, 3)
                rows.append(r)
                print(f"  {n:>7} articles: {r['wall_s']:7.1f} s, {r['s_per_1k']:6.3f} s/1k wall, "
                      f"{r['cpu_s_per_1k']:6.3f} CPU-s/1k, peak RSS {r['peak_rss_mb']} MB")
            result["scaling_minimal"] = rows
    finally:
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()
    with contextlib.suppress(OSError):
        result["loadavg_at_end"] = os.getloadavg()
    print(f"\nwrote {write_result('throughput', result)}")


if __name__ == "__main__":
    main()
