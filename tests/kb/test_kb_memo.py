"""kb_memo: tables derived from a KB live exactly as long as that KB (not keyed by id(), which a later KB may reuse)."""

from __future__ import annotations

import gc

from hadath.kb import kb as kbmod
from hadath.kb.kb import KnowledgeBase, kb_memo


def _bare_kb() -> KnowledgeBase:
    return object.__new__(KnowledgeBase)  # (an empty instance: the memo needs only its identity)


def test_same_kb_and_name_give_the_same_table() -> None:
    kb = _bare_kb()
    t = kb_memo(kb, "words")
    t["x"] = frozenset({"a"})
    assert kb_memo(kb, "words") is t
    assert kb_memo(kb, "heads") is not t
    assert kb_memo(_bare_kb(), "words") == {}


def test_tables_of_a_freed_kb_are_dropped_and_never_read_by_a_new_one() -> None:
    before = len(kbmod._MEMOS)
    for _ in range(50):  # freed and reallocated: CPython often reuses the address, so id() would repeat
        kb = _bare_kb()
        assert kb_memo(kb, "words") == {}, "a new KB read the tables of a freed one"
        kb_memo(kb, "words")["stale"] = frozenset({"old"})
        del kb
        gc.collect()
    assert len(kbmod._MEMOS) == before
