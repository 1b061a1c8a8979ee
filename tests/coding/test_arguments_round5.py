"""Argument choice, round 5: arguments the coder missed although it found the trigger. The subject of a relative
clause describing the evaluated act may be a plain noun with a nationality adjective ("أدانت X القصف الذي شنته
الطائرات التركية"): the adjective names the doer, who is the target of the evaluation.

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding.conftest import actor_matches

D = "2021-05-03"


def _case(cid: str, root: str, code: str | None, source: str, target: str, text: str) -> Any:
    return pytest.param(root, code, source, target, text, id=cid)


CASES = [
    # the doer of the evaluated act is named by the nationality adjective of the relative clause's subject
    _case("relative-nisba-doer-condemn", "11", "111", "IRQ*", "TUR",
          "ودانت الحكومة العراقية أمس القصف الجوي الذي شنته الطائرات التركية على قرى في شمال البلاد."),
    _case("relative-nisba-doer-praise", "05", None, "LBN*", "FRA",
          "وأشاد رئيس الوزراء اللبناني بالمساعدات التي قدمتها الفرق الفرنسية للمتضررين من الانفجار."),
]


@pytest.mark.parametrize("root,code,source,target,text", CASES)
def test_argument_round5(code_text: Any, root: str, code: str | None, source: str, target: str, text: str) -> None:
    """The expected event is coded with these roles."""
    coded = code_text(text, date=D)
    assert coded.find(root, code, source, target), f"expected {code or root}: {source} -> {target}" + coded.why()


NEGATIVE = [
    # (root, role, actor spec, text)
    # a preposition on the noun after the resumptive verb: the adjective is not the doer's
    pytest.param("11", "target", "TUR", "ودانت الحكومة العراقية الهجوم الذي شنه مسلحون بالأسلحة التركية على قرية.",
                 id="relative-nisba-governed-not-doer"),
]


@pytest.mark.parametrize("root,role,spec,text", NEGATIVE)
def test_argument_round5_not(code_text: Any, root: str, role: str, spec: str, text: str) -> None:
    """No event of this root has this actor in this role."""
    coded = code_text(text, date=D)
    assert not any(actor_matches(getattr(e, role), spec) for e in coded.events if e.cameo[:2] == root), coded.why()
