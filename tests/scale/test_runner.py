"""The parallel runner: input order, bounded memory, same results as one process, KB loaded once per worker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hadath.io.readers import Problem
from hadath.model import Article
from hadath.scale import runner
from hadath.scale.runner import Outcome, code_items, ordered_map, pipeline_config
from tests.scale.corpus import serialised, variant


class FakeFuture:
    def __init__(self, value, log):
        self.value = value
        self.log = log
        self.finished = False

    def done(self):
        return self.finished

    def result(self):
        self.finished = True
        self.log.append(("result", self.value[0].article.id if self.value else None))
        return self.value


def articles(n):
    return [Article(id=f"a{i}", text="نص") for i in range(n)]


def test_ordered_map_keeps_input_order_and_bounds_inflight():
    log: list = []
    outstanding: list[FakeFuture] = []
    peak = [0]

    def submit(arts):
        f = FakeFuture([Outcome(a, None, "x") for a in arts], log)
        outstanding.append(f)
        peak[0] = max(peak[0], sum(not x.finished for x in outstanding))
        return f

    items: list = articles(10)
    items.insert(3, Problem("f:4", "bad"))
    items.append(Problem("f:12", "bad"))
    out = list(ordered_map(submit, iter(items), chunk_size=2, max_inflight=3))
    ids = [o.where if isinstance(o, Problem) else o.article.id for o in out]
    assert ids == ["a0", "a1", "a2", "f:4", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "f:12"]
    assert peak[0] <= 3


def test_ordered_map_reads_input_lazily():
    pulled = [0]

    def gen():
        for a in articles(1000):
            pulled[0] += 1
            yield a

    def submit(arts):
        f = FakeFuture([Outcome(a, None, "x") for a in arts], [])
        return f

    it = ordered_map(submit, gen(), chunk_size=5, max_inflight=4)
    next(it)
    assert pulled[0] <= 5 * 4 + 5  # only a few chunks ahead of the consumer, never the whole corpus


@pytest.fixture(scope="module")
def sample():
    return [Article(**variant(i)) for i in range(48)] + [Problem("x:1", "bad")] + [Article(**variant(100))]


def test_two_processes_equal_one(sample):
    one = serialised(code_items(iter(sample), workers=1))
    two = serialised(code_items(iter(sample), workers=2, chunk_size=4))
    assert len(one) == len(sample) and one == two
    assert sum(1 for line in one if '"cameo"' in line) > 40  # the sample does produce events


# Run in a fresh process, which has no thread: this one may hold some (the Dask and API tests), and forking a
# multi-threaded process can deadlock the child (Python 3.12+ warns). The runner then picks fork by itself.
_FORKING_POOL_CHECK = r"""
import json, multiprocessing, threading
import hadath.pipeline as hp
from hadath.model import Article
from hadath.scale import runner
from hadath.scale.runner import code_items
from tests.scale.corpus import serialised, variant

assert threading.active_count() == 1, threading.enumerate()
method = runner._start_method()
calls = []
orig = hp.Pipeline.warm_up

def counting(self):
    calls.append(len(multiprocessing.active_children()))
    orig(self)

hp.Pipeline.warm_up = counting
sample = [Article(**variant(i)) for i in range(24)]
two = serialised(code_items(iter(sample), workers=2, chunk_size=4))
warmups = list(calls)
one = serialised(code_items(iter(sample), workers=1))
print(json.dumps({"method": method, "warmups": warmups, "n": len(two), "same": one == two}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the runner forks on Linux only")
def test_a_forking_pool_warms_up_the_parent_pipeline_first():
    """With fork the parent warms its pipeline up once, before the workers exist (they inherit the tables)."""
    r = subprocess.run([sys.executable, "-c", _FORKING_POOL_CHECK], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parents[2], timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    res = json.loads(r.stdout.strip().splitlines()[-1])
    assert res["method"] == "fork"
    assert res["warmups"] == [0]  # once, and no worker process was running yet
    assert res["n"] == 24 and res["same"]


def test_small_input_is_coded_in_process(sample, monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a pool was started for three articles")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", no_pool)
    assert len(list(code_items(iter(sample[:3]), workers=4, chunk_size=16))) == 3


def test_worker_initializer_builds_the_pipeline_once(monkeypatch):
    calls = []
    cfg = pipeline_config(min_confidence=0.7)
    runner._PIPELINES.pop(runner._config_key(cfg), None)
    import hadath.pipeline as hp

    orig = hp.Pipeline.from_config

    def counting(c=None):
        calls.append(1)
        return orig(c)

    monkeypatch.setattr(hp.Pipeline, "from_config", staticmethod(counting))
    runner.init_worker(cfg)
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # init_worker ignores Ctrl-C in workers
    for i in range(3):
        runner.code_chunk([Article(**variant(i))])
    assert calls == [1]


def test_an_article_that_breaks_the_pipeline_is_reported_not_fatal():
    def boom(a):
        if a.id == "a1":
            raise ValueError("kaput")
        return runner.Document(article=a)

    outs = [runner.code_one(boom, a) for a in articles(3)]
    assert [o.error is None for o in outs] == [True, False, True]
    assert "internal error (ValueError: kaput)" in outs[1].error
