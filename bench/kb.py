"""Knowledge-base costs: load time (cold compile, warm from the on-disk cache), matcher throughput over real
news text, and the memory the loaded KB holds.

    python bench/kb.py      # prints the figures, writes bench/results/kb.json

Throughput is the ``mentions`` stage (the Aho-Corasick matcher plus longest-match selection) over the
tokenised texts of ../shared/corpus/unlabelled.jsonl and ../shared/eval/events-dev/articles.jsonl, in MB of
UTF-8 text per second; tokenising is done first and not counted. Memory is the tracemalloc peak of a cold
load and the resident-set growth of loading the cached KB in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import ROOT, need_shared, write_result  # noqa: E402

_RSS_PROBE = """
import os, sys, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
import hadath.kb.kb as K
before = rss()
t = time.perf_counter()
kb = K.KnowledgeBase.load()
secs = time.perf_counter() - t
print(rss() - before, secs, len(kb.index))
"""


def _texts() -> list[str]:
    out: list[str] = []
    for parts in (("corpus", "unlabelled.jsonl"), ("eval", "events-dev", "articles.jsonl")):
        p = need_shared(*parts)
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                t = json.loads(line).get("text")
                if isinstance(t, str) and t.strip():
                    out.append(t)
    return out


def _fresh_process_load(cache: str) -> tuple[int, float]:
    env = dict(os.environ, HADATH_CACHE=cache, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", _RSS_PROBE], capture_output=True, text=True, env=env, check=True)
    rss, secs, _ = r.stdout.split()
    return int(rss), float(secs)


def main() -> None:
    texts = _texts()
    from hadath.kb.kb import KnowledgeBase

    cache = tempfile.mkdtemp(prefix="hadath-kb-bench-")
    os.environ["HADATH_CACHE"] = cache
    # cold: parse every TSV and compile the automaton (no cache); then once more under tracemalloc for the
    # allocation peak (tracemalloc slows Python down several times, so it is not timed)
    t0 = time.perf_counter()
    KnowledgeBase.load(use_cache=False)
    cold = time.perf_counter() - t0
    tracemalloc.start()
    KnowledgeBase.load(use_cache=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    t0 = time.perf_counter()
    kb = KnowledgeBase.load()  # compiles once more and writes the cache
    first = time.perf_counter() - t0
    # warm: from the cache in fresh processes (what a CLI run pays), and its resident-set growth
    runs = [_fresh_process_load(cache) for _ in range(3)]
    warm = min(s for _, s in runs)
    rss = min(r for r, _ in runs)
    cache_bytes = sum(p.stat().st_size for p in Path(cache).glob("*.pkl"))

    from hadath.model import Article
    from hadath.pipeline import Pipeline

    pre = Pipeline.from_config({"pipeline": {"stages": ["clean", "sentences", "tokens"]}})
    from hadath.extract.stages import MentionStage

    mentions = MentionStage()
    docs = [pre(Article(id=str(i), text=t)) for i, t in enumerate(texts)]
    nbytes = sum(len(d.text.encode("utf-8")) for d in docs)
    ntoks = sum(len(d.tokens) for d in docs)
    mentions(docs[0])  # warm the process-wide KB
    best = float("inf")
    n_mentions = 0
    for _ in range(3):
        t0 = time.perf_counter()
        n_mentions = 0
        for d in docs:
            mentions(d)
            n_mentions += len(d.mentions)
        best = min(best, time.perf_counter() - t0)
    t0 = time.perf_counter()
    n_hits = sum(len(kb.match(d.tokens[s.tok_start:s.tok_end])) for d in docs for s in d.sentences)
    raw = time.perf_counter() - t0
    res: dict[str, Any] = {
        "entries": kb.stats(),
        "load_cold_compile_s": round(cold, 3),
        "load_compile_and_write_cache_s": round(first, 3),
        "load_warm_from_cache_s": round(warm, 3),
        "cache_file_mb": round(cache_bytes / 1e6, 2),
        "memory_cold_load_tracemalloc_peak_mb": round(peak / 1e6, 1),
        "memory_warm_load_rss_delta_mb": round(rss / 1e6, 1),
        "texts": len(docs), "text_mb": round(nbytes / 1e6, 3), "tokens": ntoks,
        "mentions_stage_s": round(best, 3), "mentions_stage_mb_per_s": round(nbytes / 1e6 / best, 2),
        "mentions_stage_tokens_per_s": round(ntoks / best), "mentions": n_mentions,
        "matcher_only_s": round(raw, 3), "matcher_only_mb_per_s": round(nbytes / 1e6 / raw, 2), "matcher_hits": n_hits,
    }
    print(f"KB: {res['entries']['actors']} actors, {res['entries']['surface_forms']} surface forms")
    print(f"  load: cold compile {cold:.2f} s; warm from cache {warm:.3f} s (fresh process; cache file "
          f"{res['cache_file_mb']} MB)")
    print(f"  memory: cold-load tracemalloc peak {res['memory_cold_load_tracemalloc_peak_mb']} MB; "
          f"warm-load RSS growth {res['memory_warm_load_rss_delta_mb']} MB")
    print(f"  mentions stage: {len(docs)} texts, {nbytes / 1e6:.2f} MB, {ntoks} tokens in {best:.3f} s = "
          f"{res['mentions_stage_mb_per_s']} MB/s ({res['mentions_stage_tokens_per_s']} tokens/s)")
    print(f"  matcher alone (kb.match): {raw:.3f} s = {res['matcher_only_mb_per_s']} MB/s, {n_hits} raw hits")
    print(f"wrote {write_result('kb', res)}")


if __name__ == "__main__":
    main()
