"""Helpers for the coder tests: run one invented sentence through the bundled pipeline and match events.

Every sentence in tests/coding was written for these tests (plausible, not real, news); none is copied
from an evaluation corpus.

Actor specs used by the tests (``ActorSpec``):

* ``"*"``: not checked;
* ``"NONE"``: no actor, or an actor without a CAMEO code (an unknown perpetrator, "5 soldiers");
  it may be one of several alternatives (``"NONE|IMGISIS"``);
* a lower-case string with a dash (``"rus-sergei-lavrov"``): the knowledge-base id must be equal;
* anything else: an ``fnmatch`` pattern on the CAMEO code (``"RUSGOV"``, ``"ISR*"``); alternatives are
  separated by ``|`` (``"RUS|UKR"``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import pytest

from hadath import Article
from hadath.coding.coder import EventCoder
from hadath.model import ActorRef, Event

DEFAULT_DATE = "2021-05-03"  # a Monday
VIOLENT_ROOTS = ("18", "19", "20")  # PLOVER ASSAULT
HAPPENING_ROOTS = ("14", *VIOLENT_ROOTS)  # protest and violence


def actor_matches(ref: ActorRef | None, spec: str) -> bool:
    """True when ``ref`` satisfies the actor spec (see the module docstring)."""
    if spec == "*":
        return True
    for alt in spec.split("|"):
        if alt == "NONE":
            if ref is None or not ref.code:
                return True
        elif ref is None:
            continue
        elif alt.islower() and "-" in alt:
            if ref.id == alt:
                return True
        elif ref.code is not None and fnmatchcase(ref.code, alt):
            return True
    return False


def describe(events: list[Event]) -> str:
    """A compact, readable list of events for assertion messages."""
    if not events:
        return "  (no events)"
    rows = []
    for e in events:
        s, t = e.source, e.target
        rows.append(
            f"  {e.cameo} {s.code if s else None}/{s.id if s else None} -> "
            f"{t.code if t else None}/{t.id if t else None} date={e.date} "
            f"loc={e.location.name_en if e.location else None} neg={e.negated} "
            f"mod={e.modality} rule={e.rule}"
        )
    return "\n".join(rows)


def matching(events: list[Event], root: str, code: str | None = None, source: str = "*",
             target: str = "*") -> list[Event]:
    """Events of CAMEO ``root`` (and ``code`` as a prefix of the event code) with matching actors."""
    out = []
    for e in events:
        if e.cameo[:2] != root:
            continue
        if code is not None and not e.cameo.startswith(code):
            continue
        if actor_matches(e.source, source) and actor_matches(e.target, target):
            out.append(e)
    return out


@dataclass
class Coded:
    """The events coded from one text, with the text kept for messages."""

    text: str
    events: list[Event]

    def why(self) -> str:
        """The text and its events, for an assertion message."""
        return f"\n{self.text}\n{describe(self.events)}"

    def find(self, root: str, code: str | None = None, source: str = "*", target: str = "*") -> list[Event]:
        """See :func:`matching`."""
        return matching(self.events, root, code, source, target)

    def asserted(self) -> list[Event]:
        """Events that are neither negated nor hypothetical (the facts the article reports)."""
        return [e for e in self.events if not e.negated and e.modality is None]


@pytest.fixture(scope="session")
def code_text(nlp) -> Callable[..., Coded]:
    """``code_text(text, date=..., title=None)`` runs the pipeline on one invented article."""

    def run(text: str, date: str = DEFAULT_DATE, title: str | None = None) -> Coded:
        doc = nlp(Article(id="t", text=text, date=date, title=title))
        return Coded(text, list(doc.events))

    return run


def violent(got: Coded) -> list[Event]:
    """The events of roots 18-20 (PLOVER ASSAULT)."""
    return [e for r in VIOLENT_ROOTS for e in got.find(r)]


def event_case(cid: str, root: str, code: str | None, source: str, target: str, text: str) -> Any:
    """A parametrised positive case (``root, code, source, target, text``): an event of ``root`` (``code``
    prefix) with these actors; run it with :func:`expect_event`."""
    return pytest.param(root, code, source, target, text, id=cid)


def expect_event(code_text: Callable[..., Coded], root: str, code: str | None, source: str, target: str,
                 text: str, date: str = DEFAULT_DATE) -> None:
    """Code ``text`` and assert an event of ``root`` (``code`` as a prefix of its code) with these actors."""
    coded = code_text(text, date=date)
    assert coded.find(root, code, source, target), f"expected {code or root}: {source} -> {target}" + coded.why()


def expect_no_event(code_text: Callable[..., Coded], root: str, code: str | None, text: str,
                    date: str = DEFAULT_DATE) -> None:
    """Code ``text`` and assert no event of ``root`` (``code`` as a prefix of its code)."""
    coded = code_text(text, date=date)
    assert not coded.find(root, code), coded.why()


def expect_no_party(code_text: Callable[..., Coded], root: str, role: str, spec: str, text: str,
                    date: str = DEFAULT_DATE) -> None:
    """Code ``text`` and assert that no event of ``root`` has an actor matching ``spec`` as its ``role``
    (``"source"`` or ``"target"``)."""
    coded = code_text(text, date=date)
    assert not any(actor_matches(getattr(e, role), spec) for e in coded.events if e.cameo[:2] == root), coded.why()


def trace_reasons(nlp, text: str, roots: tuple[str, ...], date: str = DEFAULT_DATE) -> list[str]:  # noqa: ANN001
    """The reasons the coder traced for the triggers of ``roots`` in ``text`` that gave no event."""
    doc = nlp(Article(id="t", text=text, date=date))
    stage = next(st for st in nlp.stages if st.name == "events")
    coder = EventCoder(stage.kb, stage.coder_settings)
    coder.code(doc)
    return [why for m, why in coder.trace if stage.kb.patterns[m.entry_id].cameo[:2] in roots]
