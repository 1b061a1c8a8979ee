"""The hot functions of `hadath code` hold no cell variables (docs/performance.md, "Tenth pass").

A local variable that a comprehension, generator or lambda reads is a *cell* in CPython: the function makes and frees
each of its cells on every call, even when it returns at its first test. The functions below are called tens to
hundreds of times per article and mostly return early, so a comprehension added to one of them costs every call; put
it in a small function of its own instead. (In a mypyc build the compiled functions have no ``__code__``: skipped.)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hadath.coding.coder import EventCoder, _copy, _KeySet, _sentences, _Span, _word_index, _WordIndex
from hadath.extract.stages import ActorResolver, ActorStage, _prep_before
from hadath.kb import get_kb
from hadath.model import Article, Document
from hadath.pipeline import load_pipeline

HOT: dict[str, Callable[..., Any]] = {
    "EventCoder._code_trigger": EventCoder._code_trigger,
    # 42 cells before the tenth pass, 29 after, none since its tests moved into functions of their own (~28 calls
    # per article, ~200 instructions per cell and call)
    "EventCoder._code_reading": EventCoder._code_reading,
    "_WordIndex.at": _WordIndex.at,
    "_KeySet.found": _KeySet.found,
    "_prep_before": _prep_before,
    "ActorStage._emit": ActorStage._emit,
    "ActorResolver.resolve_group": ActorResolver.resolve_group,
}


@pytest.mark.parametrize("name", sorted(HOT))
def test_a_hot_function_holds_no_cell_variable(name: str) -> None:
    code = getattr(HOT[name], "__code__", None)
    if code is None:
        pytest.skip("compiled (mypyc) build")
    assert code.co_cellvars == (), f"{name} makes cells on every call: {code.co_cellvars}"



# Objects made with ``Cls.__new__`` and their slots set one by one in a hot constructor (the dataclass ``__init__``
# runs a frame of its own): a field added to the class must be set there too, or the object lacks it. These tests
# code the bundled example and check that every field of each such object is set.

def _unset_fields(obj: object, skip: frozenset[str] = frozenset()) -> list[str]:
    return [f.name for f in dataclasses.fields(obj)  # type: ignore[arg-type]
            if f.name not in skip and not hasattr(obj, f.name)]


@pytest.fixture(scope="module")
def example_doc() -> Document:
    text = (Path(__file__).parents[1] / "examples" / "tripoli-visit.txt").read_text(encoding="utf-8")
    return load_pipeline()(Article(id="example", text=text, date="2021-05-03"))


def test_tokens_mentions_and_actors_made_with_new_have_every_field(example_doc: Document) -> None:
    doc = example_doc
    assert doc.tokens and doc.mentions and doc.actor_mentions and doc.events
    objs: list[object] = [*doc.tokens, *doc.mentions, *doc.actor_mentions, *(am.ref for am in doc.actor_mentions)]
    objs += [r for e in doc.events for r in (e.source, e.target) if r is not None]
    for obj in objs:
        assert _unset_fields(obj) == [], type(obj).__name__


def test_the_coders_own_objects_made_with_new_have_every_field(example_doc: Document) -> None:
    doc = example_doc
    coder = EventCoder(get_kb())
    coder.code(doc)
    spans = list(coder._spans.values())
    assert spans and any(sp.ready for sp in spans)
    # a span's init=False fields are filled by EventCoder._ready, only for the spans a reading gets that far with
    later = frozenset(f.name for f in dataclasses.fields(_Span) if not f.init)
    for sp in spans:
        assert _unset_fields(sp, frozenset() if sp.ready else later) == []
    sents = _sentences(doc)
    assert sents and all(_unset_fields(s) == [] for s in sents.values())
    idx = _word_index(sents[0].toks)
    assert _unset_fields(idx) == []
    ref = next(am.ref for am in doc.actor_mentions)
    twin = _copy(ref)
    assert twin == ref and twin.mentions is not ref.mentions
