"""The events of an intention noun ("نيتهما") are dropped by identity, not by a reusable ``id()``.

A reading of a word that loses to another reading is freed; a later event can then get its ``id()``. When the
dropped events were remembered by ``id()`` alone, a later act could be dropped in its place, and CPython and a
mypyc build (which allocate differently) disagreed. Every sentence here was written for these tests.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest

from hadath.coding.coder import EventCoder
from hadath.model import ActorRef, Event
from tests.coding.conftest import Coded, describe

DATE = "2015-08-20"


def _event(cameo: str, source: str, modality: str | None, rule: str = "r") -> Event:
    """A minimal event of sentence 0 with a state source."""
    return Event(id="", cameo=cameo, source=ActorRef(source, source, source, None, "state", None, [], 0, 0),
                 target=None, date=None, location=None, evidence="", evidence_start=0, evidence_end=0,
                 confidence=0.8, rule=rule, trigger="", sentence=0, modality=modality)


@pytest.mark.parametrize("rounds", [1, 5, 20])
def test_a_freed_head_reading_does_not_drop_a_later_act(kb, rounds: int) -> None:  # noqa: ANN001
    """A head event that was freed (its reading lost) cannot make a later act of another source disappear."""
    coder = EventCoder(kb)
    for _ in range(rounds):
        coder._mark_intent_heads([_event("0332", "FRA", "intent", rule="0332.azm")])
    gc.collect()
    acts = [_event("138", "DEU", "intent") for _ in range(rounds)]
    kept = coder._drop_intent_heads(acts)
    assert [id(e) for e in kept] == [id(e) for e in acts], describe(kept)


def test_a_head_is_dropped_when_its_act_is_coded(kb) -> None:  # noqa: ANN001
    """The intention noun's own event goes when the act after it is coded as an intention of the same source."""
    coder = EventCoder(kb)
    head = _event("0332", "FRA", "intent", rule="0332.azm")
    act = _event("033", "FRA", "intent")
    coder._mark_intent_heads([head])
    assert coder._drop_intent_heads([head, act]) == [act]


# "X وY أعلنتا نيتهما A وB": each conjunct intends each act
JOINT_INTENTIONS = [
    ("أعلنت فرنسا وألمانيا الأسبوع الماضي نيتهما لتقديم مساعدات للاجئين وطرد المسلحين من المنطقة الحدودية.",
     ["FRA", "DEU"]),
]


@pytest.mark.parametrize(("text", "sources"), JOINT_INTENTIONS)
def test_every_conjunct_keeps_its_intended_acts(code_text: Callable[..., Coded], text: str,
                                                sources: list[str]) -> None:
    """No event of a coordinated subject disappears: the intended acts are coded for each conjunct alike."""
    got = code_text(text, date=DATE)
    per_source = {s: sorted({e.cameo for e in got.events if e.source and e.source.code == s}) for s in sources}
    assert all(per_source[s] for s in sources), describe(got.events)
    assert len({tuple(v) for v in per_source.values()}) == 1, describe(got.events)
