"""Assault detection, round 5: who did the violence when the clause hides it.

* "قال X إنه قتل عددا من ... في هجمات": the pronoun on the complementizer is the subject of the active verb,
  even when a cause phrase ("في هجمات"، "في غارة") follows (its accusative object rules out the passive).
* "أعلن الجيش الأمريكي أن قواته قتلت ...": an uncoded armed noun with a possessive pronoun belongs to the party
  named before it.
* "استهدف مهاجم انتحاري حافلة تقل موظفين ..."، "... فقتل 15 شخصا": the suicide bomber named by the trigger
  itself (or as the subject of the clause a verb of result goes on with) is the source, not the victims.
* "... خلال عمليات في العاصمة": a settlement noun after في anchors a violent report in a place, as a name would.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, violent

DATE = "2008-05-01"


# (text, the code of the speaker that says it killed, in an attack named after the verb)
SPEAKER_KILLED_IN_ATTACKS = [
    ("وقال الجيش الأمريكي إنه قتل عددا من قادة القاعدة في هجمات جوية في محافظة الأنبار.", "USAMIL"),
    ("وأعلن حلف شمال الأطلسي أنه قتل قياديا بارزا في حركة طالبان في غارة جوية بولاية قندهار أمس.", "IGONAT"),
    ("وقالت القوات الفرنسية إنها قتلت عددا من المسلحين في قصف على مواقعهم شمال مالي.", "FRAMIL"),
]


@pytest.mark.parametrize(("text", "source"), SPEAKER_KILLED_IN_ATTACKS)
def test_speaker_killed_in_attacks(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"X قال إنه قتل عددا ... في هجمات": the speaker is the killer, not the victims' unknown attacker."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and e.source.code == source for e in violent(got)), got.why()


# the passive stays passive: no accusative object after the verb (ضمير الشأن)
PASSIVE_AFTER_PRONOUN = [
    "وقالت الشرطة إنه قتل ثلاثة أشخاص في انفجار سيارة مفخخة في سوق المدينة أمس.",
]


@pytest.mark.parametrize("text", PASSIVE_AFTER_PRONOUN)
def test_speaker_is_not_the_killer_without_an_object(code_text: Callable[..., Coded], text: str) -> None:
    """"قالت الشرطة إنه قُتل ثلاثة أشخاص في انفجار": the police report the casualties, they did not kill."""
    got = code_text(text, date=DATE)
    assert violent(got) and all(e.source is None for e in violent(got)), got.why()


# (text, the code of the party whose forces, aircraft or soldiers did it)
POSSESSED_FORCES = [
    ("وأعلنت وزارة الدفاع البريطانية أمس أن قواتها قتلت مسلحا خلال عملية في ولاية هلمند.", "GBRMIL"),
    ("وقال الجيش الأمريكي في بيان أمس إن قواته قتلت ثلاثة مسلحين في اشتباك قرب بعقوبة.", "USAMIL"),
]


@pytest.mark.parametrize(("text", "source"), POSSESSED_FORCES)
def test_possessed_forces_belong_to_the_party_named_before(code_text: Callable[..., Coded], text: str,
                                                           source: str) -> None:
    """"قواته قتلت ...": "its" forces are those of the speaker named before them."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and e.source.code == source for e in violent(got)), got.why()


# (text, the perpetrator noun that must be the source)
BOMBER_SOURCES = [
    ("واستهدف مهاجم انتحاري حافلة تقل موظفين حكوميين في كابول أمس فقتل ثمانية منهم.", "مهاجم انتحاري"),
    ("وفي واقعة أخرى استهدف مفجر انتحاري مقرا لتدريب أفراد الشرطة في مدينة بيشاور أمس فقتل 15 شخصا.",
     "مفجر انتحاري"),
]


@pytest.mark.parametrize(("text", "bomber"), BOMBER_SOURCES)
def test_bomber_is_the_source(code_text: Callable[..., Coded], text: str, bomber: str) -> None:
    """The bomber noun is the attacker, not the employees or the police trainees it hit."""
    got = code_text(text, date=DATE)
    events = violent(got)
    assert events and all(e.source is not None and e.source.name == bomber for e in events), got.why()


# a coded party named before the bomber noun stays the source
CODED_BEFORE_BOMBER = [
    ("ونفذ تنظيم الدولة الإسلامية تفجيرين انتحاريين في قريتين قرب مدينة الحسكة أمس.", "IMGISIS"),
]


@pytest.mark.parametrize(("text", "source"), CODED_BEFORE_BOMBER)
def test_coded_party_before_bomber_noun_stays(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"نفذ التنظيم تفجيرين انتحاريين": the organisation did it, the trigger's bomber noun does not replace it."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and (e.source.code or "").startswith(source) for e in violent(got)), got.why()


# (the violent report with an unnamed place, the same report without it)
GENERIC_PLACE_PAIRS = [
    ("وقال الجيش العراقي إن قواته قتلت ثلاثة مسلحين في اشتباك في وسط المدينة.",
     "وقال الجيش العراقي إن قواته قتلت ثلاثة مسلحين في اشتباك."),
    ("وقالت وزارة الدفاع الأفغانية إن قواتها قتلت قياديا في حركة طالبان خلال مداهمة في الإقليم.",
     "وقالت وزارة الدفاع الأفغانية إن قواتها قتلت قياديا في حركة طالبان خلال مداهمة."),
]


@pytest.mark.parametrize(("anchored", "bare"), GENERIC_PLACE_PAIRS)
def test_generic_place_anchors_a_violent_report(code_text: Callable[..., Coded], anchored: str, bare: str) -> None:
    """"في العاصمة"، "في وسط المدينة" say where it happened: no penalty of an unanchored mention."""
    with_place, without = violent(code_text(anchored, date=DATE)), violent(code_text(bare, date=DATE))
    assert with_place and without, (with_place, without)
    assert max(e.confidence for e in with_place) > max(e.confidence for e in without)


def test_generic_place_makes_the_report(code_text: Callable[..., Coded]) -> None:
    """"قتلت مسلحا خلال عمليات في العاصمة" is coded; without the place it stays below the threshold."""
    assert violent(code_text("وأعلن الجيش الأمريكي أن قواته قتلت مسلحا خلال عمليات في العاصمة.", date=DATE))
    assert not violent(code_text("وأعلن الجيش الأمريكي أن قواته قتلت مسلحا خلال عمليات دهم.", date=DATE))
