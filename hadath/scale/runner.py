"""Coding a stream of articles with several processes (or a Dask cluster), in input order, in bounded memory.

The input is read lazily and cut into chunks of ``chunk_size`` articles; at most ``max_inflight`` chunks
are being coded at any time (by default four per worker), so memory holds a few hundred articles
whatever the size of the corpus, and results are handed back in input order. Each worker process builds
its pipeline once, in the pool's initializer (the compiled knowledge base is loaded once per process by
:func:`hadath.kb.get_kb`; with the ``fork`` start method the workers even share the parent's copy).

    from hadath.scale import code_items
    for out in code_items(read_inputs(["corpus.jsonl"]), workers=4):
        ...  # a Problem (bad input) or an Outcome (article, document or error), in input order
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from hadath.errors import HadathError
from hadath.io.readers import Item, Problem
from hadath.model import Article, Document

DEFAULT_CHUNK = 16  # articles per task: ~0.1-0.5 s of work, so task overhead stays negligible


@dataclass(slots=True)
class Outcome:
    """The result of coding one article: the document, or the one-line reason it failed.

    With ``code_items(render=...)`` a coded article comes as ``out``, the document rendered by the worker
    (``doc`` is then None); ``n_events`` is the number of its events either way."""

    article: Article
    doc: Document | None
    error: str | None = None
    out: str | None = None
    n_events: int = 0


Render = Callable[[Document], str]
# The article an outcome holds on its way back from a worker: the parent puts its own copy of the article
# back (ordered_map), so the text does not travel twice. One shared object, pickled once per chunk.
_DETACHED = Article(id="", text="")


Result = Problem | Outcome


class _Future(Protocol):
    def result(self) -> Any: ...

    def done(self) -> bool: ...


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def pipeline_config(config: str | Path | dict[str, Any] | None = None,
                    min_confidence: float | None = None) -> dict[str, Any]:
    """The pipeline config dict (the bundled one for None) with ``min_confidence`` applied: what workers get."""
    import copy

    from hadath.pipeline import load_config

    cfg = copy.deepcopy(load_config(config))
    if min_confidence is not None:
        cfg.setdefault("stages", {}).setdefault("events", {})["min_confidence"] = min_confidence
    return cfg


# ---------------------------------------------------------------- the work of one process

_PIPELINES: dict[str, Any] = {}


def _config_key(cfg: dict[str, Any]) -> str:
    return json.dumps(cfg, sort_keys=True, default=str)


def worker_pipeline(cfg: dict[str, Any]) -> Any:
    """The pipeline for ``cfg`` in this process, built once (the KB inside it is loaded once per process)."""
    key = _config_key(cfg)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        from hadath.pipeline import DEFAULT_CONFIG, Pipeline, load_config, load_pipeline

        nlp = load_pipeline() if cfg == load_config(DEFAULT_CONFIG) else Pipeline.from_config(cfg)
        from hadath.kb import get_kb

        get_kb(cfg.get("kb", {}).get("extra_dirs", ()))
        _PIPELINES[key] = nlp
        _freeze_loaded()
    return nlp


def register_pipeline(nlp: Any) -> dict[str, Any]:
    """Make an already built pipeline this process's pipeline for its config (no second build); returns
    the config dict, which is what workers are given."""
    cfg: dict[str, Any] = nlp.config
    _PIPELINES[_config_key(cfg)] = nlp
    _freeze_loaded()
    return cfg


# net new container objects between two young collections of the cyclic GC (Python's default is 700)
GC_YOUNG_THRESHOLD = 10_000


def _freeze_loaded() -> None:
    """Prepare the cyclic garbage collector for a long run of articles.

    Every object alive now (the pipeline and its knowledge base, loaded once per process and kept to the end) is
    moved out of the collector's reach (:func:`gc.freeze`): each full collection during a run traversed them all
    again, some 3-4% of the CPU time of a 600-article run. Reference counting still frees them; only cycles among
    them would never be collected, and they live as long as the process anyway. (With ``fork`` the workers also
    stop touching, and so copying, the parent's pages of them.) The young generation is collected after
    :data:`GC_YOUNG_THRESHOLD` net allocations instead of 700: coding an article keeps thousands of small objects
    alive for a moment, which at 700 made ~1.4 young collections per article, another ~2-3% of the CPU time
    (1.3% of the instructions); the extra memory is a few MB at most."""
    gc.freeze()
    young, mid, old = gc.get_threshold()
    if 0 < young < GC_YOUNG_THRESHOLD:  # (0: collection disabled by the caller; left as it is)
        gc.set_threshold(GC_YOUNG_THRESHOLD, mid, old)


_WORKER_CFG: dict[str, Any] = {}


def init_worker(cfg: dict[str, Any]) -> None:
    """Pool initializer: build the pipeline (and load the KB) once in this worker process."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled by the parent, which stops the pool
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER_CFG.clear()
    _WORKER_CFG.update(cfg)
    worker_pipeline(cfg)


def slim(doc: Document, article: Article | None = None) -> Document:
    """The part of a document that output needs (article, events, dateline, warnings), cheap to pickle;
    ``article``: the article it holds instead of the document's own (a placeholder, see :func:`code_chunk`)."""
    return Document(article=doc.article if article is None else article, dateline=doc.dateline, events=doc.events,
                    warnings=doc.warnings)


def code_one(nlp: Callable[[Article], Document], article: Article) -> Outcome:
    """Code one article; an error becomes a one-line message instead of stopping the run."""
    try:
        doc = nlp(article)
        return Outcome(article, doc, n_events=len(doc.events))
    except HadathError as e:
        return Outcome(article, None, str(e))
    except Exception as e:  # noqa: BLE001 - one bad article must not stop a corpus run
        return Outcome(article, None, f"internal error ({type(e).__name__}: {e}); please report it")


def code_chunk(chunk: list[Article], cfg: dict[str, Any] | None = None, render: Render | None = None,
               detach: bool = False) -> list[Outcome]:
    """Code a chunk of articles with this process's pipeline (in a worker process or a Dask worker).

    ``render``: each document is rendered here (``Outcome.out``) instead of sent back as objects, which the
    parent would have to unpickle and render itself. ``detach``: the outcomes (and slim documents) hold a
    placeholder instead of the article, for :func:`ordered_map` to put the parent's own article back."""
    nlp = worker_pipeline(cfg if cfg is not None else _WORKER_CFG)
    out = []
    for a in chunk:
        o = code_one(nlp, a)
        doc = o.doc
        art = _DETACHED if detach else a
        if doc is None:
            out.append(Outcome(art, None, o.error))
        elif render is not None:
            out.append(Outcome(art, None, None, render(doc), o.n_events))
        else:
            out.append(Outcome(art, slim(doc, art), None, None, o.n_events))
    return out


def code_chunk_detached(chunk: list[Article], cfg: dict[str, Any] | None = None,
                        render: Render | None = None) -> list[Outcome]:
    """:func:`code_chunk` with ``detach``: the task a pool or Dask worker runs for :func:`ordered_map`."""
    return code_chunk(chunk, cfg, render, True)


# ---------------------------------------------------------------- ordering and bounded submission


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def ordered_map(submit: Callable[[list[Article]], _Future], items: Iterable[Item], chunk_size: int,
                max_inflight: int) -> Iterator[Result]:
    """Submit chunks of articles with ``submit`` (at most ``max_inflight`` outstanding) and yield problems
    and outcomes in input order as soon as the head of the queue is done."""
    pending: deque[tuple[list[Problem | int], list[Article], _Future | None]] = deque()

    def emit(entry: tuple[list[Problem | int], list[Article], _Future | None]) -> Iterator[Result]:
        layout, arts, fut = entry
        outs: list[Outcome] = fut.result() if fut is not None else []
        for slot in layout:
            if isinstance(slot, int):
                o = outs[slot]
                o.article = art = arts[slot]  # the parent's own copy (a worker may send a placeholder)
                if o.doc is not None:
                    o.doc.article = art
                yield o
            else:
                yield slot

    def ready() -> bool:
        head = pending[0][2]
        return head is None or head.done()

    for chunk in _chunks(items, chunk_size):
        layout: list[Problem | int] = []
        arts: list[Article] = []
        for it in chunk:
            if isinstance(it, Problem):
                layout.append(it)
            else:
                layout.append(len(arts))
                arts.append(it)
        pending.append((layout, arts, submit(arts) if arts else None))
        while pending and (ready() or len(pending) >= max_inflight):
            yield from emit(pending.popleft())
    while pending:
        yield from emit(pending.popleft())


class _Done:
    """A finished 'future' for in-process work."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value

    def done(self) -> bool:
        return True


def _start_method() -> str:
    """``fork`` on Linux while this process has no other threads (workers then share the loaded KB),
    else ``spawn`` (each worker loads the KB from its on-disk cache once)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def code_items(items: Iterable[Item], config: dict[str, Any] | None = None, workers: int = 1,
               chunk_size: int = DEFAULT_CHUNK, max_inflight: int | None = None, engine: str = "local",
               scheduler: str | None = None, render: Render | None = None) -> Iterator[Result]:
    """Code a stream of articles and problems; yield problems and outcomes in input order.

    ``workers``: processes (``local``) or, for ``engine="dask"`` without a ``scheduler`` address, the
    workers of a local Dask cluster; 1 codes in this process. ``config`` is a pipeline config dict
    (:func:`pipeline_config`). With several workers the first ``workers * chunk_size`` items are read
    first, and a smaller input is coded in this process (no pool start-up for a handful of articles).
    ``render`` (a module-level function, so that it can be sent to the workers): each coded document is
    rendered where it was coded and comes as ``Outcome.out`` (``doc`` None), cheaper to send back than the
    document's objects.
    """
    cfg = config if config is not None else pipeline_config()
    if engine == "dask" or scheduler:
        from hadath.scale.dask_engine import dask_code_items

        yield from dask_code_items(items, cfg, scheduler=scheduler, workers=workers, chunk_size=chunk_size,
                                   max_inflight=max_inflight, render=render)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    it = iter(items)
    if workers > 1:
        head = list(islice(it, workers * chunk_size))
        if len(head) < workers * chunk_size:
            workers = 1  # the whole input is small: no pool
        it = _chain(head, it)
    if workers <= 1:
        nlp = worker_pipeline(cfg)
        for item in it:
            if isinstance(item, Problem):
                yield item
                continue
            o = code_one(nlp, item)
            if render is not None and o.doc is not None:
                o.out = render(o.doc)
                o.doc = None
            yield o
        return
    from concurrent.futures import ProcessPoolExecutor

    method = _start_method()
    if method == "fork":
        # built and warmed up here once (the KB and every table derived from it): the forked workers inherit
        # them instead of each building its own on its first articles
        worker_pipeline(cfg).warm_up()
        _freeze_loaded()
    ctx = multiprocessing.get_context(method)
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=(cfg,))
    try:
        yield from ordered_map(lambda arts: ex.submit(code_chunk_detached, arts, None, render), it, chunk_size,
                               max_inflight or workers * 4)
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest
