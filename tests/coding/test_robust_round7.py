"""Robustness round 7: fire aimed by a direction word (نحو، باتجاه، صوب) and the actors of an impersonal passive
(تم/جرى + verbal noun), and the dual of a nationality adjective.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.kb.kb import with_duals
from tests.coding.conftest import VIOLENT_ROOTS, Coded, event_case, expect_event

# fire aimed at a party by a direction word: the party is the target, as with على
FIRE_TOWARD = [
    event_case("nahw-protesters", "17", "175", "ISRMIL", "PSE*",
               "وأطلق الجنود الإسرائيليون النار نحو المتظاهرين الفلسطينيين قرب الحاجز."),
    event_case("bittijah-protesters", "17", "175", "ISRMIL", "PSE*",
               "وأطلق الجنود الإسرائيليون النار باتجاه المتظاهرين الفلسطينيين عند السياج."),
    event_case("sawb-police", "17", "175", "EGYCOP", "*",
               "وفتحت الشرطة المصرية النار صوب المحتجين في ميدان المحطة."),
    event_case("bittijah-positions", "19", "193", "ISRMIL", "IMGHEZ",
               "وأطلق الجنود الإسرائيليون النار باتجاه مواقع حزب الله في الجنوب."),
    event_case("nahw-border-state", "19", "193", "TURMIL", "SYR",
               "وأطلقت القوات التركية النار نحو الحدود السورية صباح اليوم."),
]


@pytest.mark.parametrize(("root", "code", "source", "target", "text"), FIRE_TOWARD)
def test_fire_toward_target(code_text: Callable[..., Coded], root: str, code: str | None, source: str,
                            target: str, text: str) -> None:
    """The party a direction word names after an open-fire verb is its target."""
    expect_event(code_text, root, code, source, target, text)


# the direction word in another clause (after a comma): where someone else went, not where fire was aimed
FIRE_TOWARD_OTHER_CLAUSE = [
    "وأطلق الجنود الإسرائيليون النار في الهواء، وفر المتظاهرون الفلسطينيون نحو الأزقة.",
    "وأطلقت الشرطة المصرية النار في الهواء، ثم توجه وزير الداخلية نحو مقر الحكومة.",
]


@pytest.mark.parametrize("text", FIRE_TOWARD_OTHER_CLAUSE)
def test_fire_toward_other_clause(code_text: Callable[..., Coded], text: str) -> None:
    """A direction word past a clause boundary names no target of the fire."""
    got = code_text(text)
    assert not [e for e in got.events if e.cameo[:2] in ("17", "19") and e.target is not None
                and e.target.code and e.target.code[:3] in ("PSE", "EGY")], got.why()


# an impersonal passive (تم/جرى + verbal noun): the genitive after the noun is its object, the agent phrase its doer
PASSIVE_MASDAR = [
    event_case("qasf-positions-agent", "19", "195", "ISR*", "IMGHEZ",
               "وتم قصف مواقع حزب الله من قبل الطائرات الإسرائيلية فجر اليوم."),
    event_case("ightiyal-member-agent", "18", "186", "ISRMIL", "IMGPIJ",
               "وقد تم اغتيال القيادي في حركة الجهاد الإسلامي على يد القوات الإسرائيلية أمس."),
    event_case("ightiyal-jara-member", "18", "186", "ISRMIL", "IMGHAM",
               "وجرى اغتيال قيادي في حركة حماس على أيدي القوات الإسرائيلية في رفح."),
    event_case("qasf-yatim-headquarters", "19", "195", "RUS*", "IMGISI*|IMG*",
               "ويتم قصف مقرات تنظيم داعش من قبل الطائرات الروسية كل ليلة."),
]


@pytest.mark.parametrize(("root", "code", "source", "target", "text"), PASSIVE_MASDAR)
def test_passive_masdar_roles(code_text: Callable[..., Coded], root: str, code: str | None, source: str,
                              target: str, text: str) -> None:
    """The object of the verbal noun is the target, the agent phrase the source."""
    expect_event(code_text, root, code, source, target, text)


# (text, party): near-variants where that party must never be the doer of the passive act
PASSIVE_NOT_SOURCE = [
    ("وتم قصف مواقع حزب الله فجر اليوم.", "IMGHEZ"),
    ("وجرى اغتيال القيادي في حركة الجهاد الإسلامي في غزة أمس.", "IMGPIJ"),
    ("وتم قصف مواقع حزب الله من قبل الطائرات الإسرائيلية فجر اليوم.", "IMGHEZ"),
]


@pytest.mark.parametrize(("text", "party"), PASSIVE_NOT_SOURCE)
def test_passive_masdar_object_not_source(code_text: Callable[..., Coded], text: str, party: str) -> None:
    """The object of an impersonal passive is never coded as the one who acted."""
    got = code_text(text)
    assert not [e for e in got.events if e.cameo[:2] in VIOLENT_ROOTS and e.source is not None
                and e.source.code == party], got.why()


# the dual of a nationality adjective ("جنديان أمريكيان") names the victims' country like its singular and plural
DUAL_NISBA = [
    event_case("dual-masc-nom", "19", "190", "*", "USAMIL",
               "وقتل جنديان أمريكيان أمس، وجرح ثلاثة آخرون في هجوم بعبوة ناسفة."),
    event_case("dual-masc-police", "19", "190", "*", "IRQCOP",
               "وأصيب شرطيان عراقيان في انفجار عبوة ناسفة ببغداد صباح اليوم."),
]


@pytest.mark.parametrize(("root", "code", "source", "target", "text"), DUAL_NISBA)
def test_dual_nisba_victims(code_text: Callable[..., Coded], root: str, code: str | None, source: str,
                            target: str, text: str) -> None:
    """The victims named with a dual nationality adjective are coded with their country."""
    expect_event(code_text, root, code, source, target, text)


@pytest.mark.parametrize(("adjectives", "added", "absent"), [
    (["أمريكي", "أمريكية", "أمريكيون"], ["أمريكيان", "أمريكيتان", "أمريكيتين", "أمريكيين"], []),
    (["كوري شمالي"], [], ["كوري شماليان"]),  # several words: no dual is made
    (["أمريكان"], [], ["أمريكانيان"]),  # no nisba ending
])
def test_with_duals(adjectives: list[str], added: list[str], absent: list[str]) -> None:
    """Dual forms are added to one-word nisbas only, each once."""
    out = with_duals(adjectives)
    assert out[: len(adjectives)] == adjectives
    assert all(f in out for f in added), out
    assert not any(f in out for f in absent), out
    assert len(out) == len(set(out)), out
