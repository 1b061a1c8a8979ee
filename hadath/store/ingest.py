"""Ingest and recode: code articles with the pipeline and write them to the store in batches.

Each batch of articles is one transaction, so an interrupted run (Ctrl-C, SIGKILL, power cut) leaves
whole articles or none; re-running the same command skips what is stored and finishes the rest.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from hadath.errors import HadathError
from hadath.io.readers import Problem
from hadath.model import Article, Document
from hadath.store.store import Store, article_sha, dictionary_hash, outlet_key


@dataclass
class IngestReport:
    """Counts of one ingest or recode run."""

    run_id: int
    read: int = 0
    added: int = 0
    unchanged: int = 0
    problems: int = 0
    events: int = 0


def _kb_dirs(nlp: Any) -> Any:
    return (getattr(nlp, "config", {}) or {}).get("kb", {}).get("extra_dirs", ())


def ingest(store: Store, items: Iterable[Article | Problem], nlp: Callable[[Article], Document],
           inputs: list[str] | None = None, batch_size: int = 20,
           on_problem: Callable[[str], None] | None = None,
           on_batch: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Code and store articles; already stored ones (same normalised text and outlet) are skipped uncoded."""
    kb_hash = dictionary_hash(_kb_dirs(nlp))
    rep = IngestReport(run_id=store.begin_run("ingest", inputs or [], kb_hash))
    batch: list[Document] = []
    keys: set[tuple[str, str]] = set()

    def flush() -> None:
        if not batch:
            return
        res = store.add_documents(batch, rep.run_id, kb_hash)
        rep.added += res.added
        rep.unchanged += res.unchanged
        rep.events += res.events
        store.update_run(rep.run_id, n_added=res.added, n_unchanged=res.unchanged, n_events=res.events,
                         n_read=len(batch))
        batch.clear()
        keys.clear()
        if on_batch:
            on_batch(rep)

    status = "interrupted"
    try:
        for item in items:
            if isinstance(item, Problem):
                rep.problems += 1
                store.update_run(rep.run_id, n_problems=1)
                if on_problem:
                    on_problem(str(item))
                continue
            rep.read += 1
            key = (article_sha(item), outlet_key(item))
            if key in keys or store.has_article(item):
                rep.unchanged += 1
                store.update_run(rep.run_id, n_read=1, n_unchanged=1)
                continue
            try:
                doc = nlp(item)
            except HadathError as e:
                rep.problems += 1
                store.update_run(rep.run_id, n_problems=1)
                if on_problem:
                    on_problem(f"{item.id}: {e}")
                continue
            keys.add(key)
            batch.append(doc)
            if len(batch) >= batch_size:
                flush()
        flush()
        status = "done"
    finally:
        with contextlib.suppress(Exception):  # the connection may be gone; the run row then stays 'running'
            store.update_run(rep.run_id, status=status)
    return rep


def recode(store: Store, nlp: Callable[[Article], Document], everything: bool = False, batch_size: int = 20,
           on_batch: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Re-code stored articles whose dictionary hash differs from the current one (all with ``everything``)."""
    kb_hash = dictionary_hash(_kb_dirs(nlp))
    ids = store.stale_articles(kb_hash, everything)
    rep = IngestReport(run_id=store.begin_run("recode", [], kb_hash))
    status = "interrupted"
    try:
        for i in range(0, len(ids), batch_size):
            chunk = ids[i:i + batch_size]
            docs = [(aid, nlp(store.article(aid))) for aid in chunk]
            n_events = 0
            with store.b.transaction():
                for aid, doc in docs:
                    n_events += store.replace_events(aid, doc, kb_hash, rep.run_id)
            rep.read += len(chunk)
            rep.added += len(chunk)
            rep.events += n_events
            store.update_run(rep.run_id, n_read=len(chunk), n_added=len(chunk), n_events=n_events)
            if on_batch:
                on_batch(rep)
        status = "done"
    finally:
        with contextlib.suppress(Exception):
            store.update_run(rep.run_id, status=status)
    return rep
