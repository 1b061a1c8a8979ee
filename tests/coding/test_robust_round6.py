"""Robustness of the round-6 irrealis and recall rules: sentences written against each rule, where it must not
drop a newly reported attack (a day of the report in the act's clause, the article's own year) and where it must
still drop an act known from before, or reach its near-variants (other persons of the verb).

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import VIOLENT_ROOTS, Coded, trace_reasons, violent

DATE = "2008-05-01"


# (text, the reason that must not drop it): attacks reported as new, whatever a round-6 rule of known acts would say
REPORTED = [
    # "الأخير" with the day of the report: the latest attack, just told
    ("وأعلنت حركة طالبان مسؤوليتها عن الهجوم الانتحاري الأخير على قاعدة للجيش الأفغاني أمس.", "a known act ('"),
    # (an adjective between the definite noun and the phrase of its target: the noun names its party)
    ("وتبنت حركة طالبان الهجوم الأخير على حاجز للشرطة الأفغانية صباح اليوم في قندهار.", "naming no party"),
    # a word of recalling far before, in another clause: the act after it is dated by the day
    ("وفي تذكير بهشاشة الوضع الأمني، أدى تفجير انتحاري أمس إلى مقتل عشرة أشخاص في سوق ببغداد.",
     "a known act recalled"),
    # a clause of time dated by the article's own year: what the article reports
    ("وحينما وصلت القافلة إلى المدينة في مايو 2008 هاجمها مسلحون وقتلوا سائقين اثنين.", "background (dated"),
    ("وعندما دخلت القوات الأمريكية مدينة الفلوجة في أبريل 2008 قصفت الطائرات الأمريكية أحياءها الشرقية.",
     "background (dated"),
]


@pytest.mark.parametrize(("text", "reason"), REPORTED, ids=range(len(REPORTED)))
def test_reported_attack_kept(nlp, code_text: Callable[..., Coded], text: str, reason: str) -> None:  # noqa: ANN001
    """The attack is coded, and no violent trigger of it is dropped for ``reason``."""
    got = code_text(text, date=DATE)
    assert violent(got), got.why()
    reasons = trace_reasons(nlp, text, VIOLENT_ROOTS, DATE)
    assert not any(reason in r for r in reasons), reasons


# (text, reason): acts the sentence does not report, still dropped by the rule of their kind
NOT_REPORTED = [
    # "الأخير" without a day: the fighting known from before
    ("وقال الوزير إن الهجوم الانتحاري الأخير على مقر المحافظة لن يثني الحكومة عن خططها.", "a known act ('"),
    # ... spelt without the hamza, and with ه for ة
    ("وقال الوزير ان الهجوم الانتحاري الاخير على مقر المحافظه لن يثني الحكومه عن خططها.", "a known act ('"),
    # a recalled act after another person of the verb ("تذكرنا") and "الى" without the hamza
    ("وتذكرنا هذه العملية باغتيال رئيس الوزراء الأسبق في العاصمة.", "a known act recalled"),
    ("وأعادت هذه الجريمة الى الأذهان اغتيال رئيس الوزراء الأسبق في العاصمة.", "a known act recalled"),
    # a habit with the perfect after "كثيرا ما"
    ("وكثيرا ما تعرض المعتقلون للتعذيب في سجون النظام.", "a habit"),
    # an aim after a conjoined imperfect of aiming
    ("وقالت الشرطة إن الخلية كانت تخطط وتستهدف اغتيال مسؤولين في الحكومة.", "an aim"),
    # a recalled act, dated by its year (not the day of the report)
    ("وأعاد الحادث إلى الأذهان اغتيال رئيس الوزراء في العاصمة قبل أعوام.", "a known act recalled"),
    # a clause of time dated by a year before the article's
    ("وعندما انسحبت القوات الإسرائيلية من لبنان في مايو 2000 قصفت المدفعية القرى الحدودية.", "background (dated"),
    # a habit, the verb in another person ("تتعرض")
    ("وغالبا ما تتعرض الدوريات الأمريكية لهجمات في هذه المنطقة.", "a habit"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_REPORTED, ids=range(len(NOT_REPORTED)))
def test_unreported_act_dropped(nlp, code_text: Callable[..., Coded], text: str, reason: str) -> None:  # noqa: ANN001
    """No assault is coded, and the rule of its kind is the one that drops it."""
    got = code_text(text, date=DATE)
    assert not violent(got), got.why()
    reasons = trace_reasons(nlp, text, VIOLENT_ROOTS, DATE)
    assert any(reason in r for r in reasons), reasons


# near-variants of exposure (تعرض + ل + attack noun): the dual feminine and the first person report an attack
EXPOSED = [
    "وقالت الشرطة إن سيارتين تابعتين للسفارة تعرضتا لهجوم مسلح أمس قرب الحدود.",
    "وقال ضابط في الجيش العراقي: تعرضنا لهجوم بقذائف الهاون أمس في القاعدة.",
]


@pytest.mark.parametrize("text", EXPOSED, ids=range(len(EXPOSED)))
def test_exposed_variants_not_purpose(nlp, text: str) -> None:  # noqa: ANN001
    """The ل of the attack noun after a person of تعرض is the verb's own, not a purpose."""
    reasons = trace_reasons(nlp, text, VIOLENT_ROOTS, DATE)
    assert not any("a purpose (ل + verbal noun)" in r for r in reasons), reasons


# a bombing that is the subject of a verb of result is reported, whatever recalling word stands far before it
RESULT_REPORTED = [
    "وفي تذكير بهشاشة الوضع الأمني، أدى تفجير انتحاري في سوق شعبية ببغداد إلى مقتل عشرة أشخاص.",
    "وفي تذكير بهشاشة الوضع الأمني، أسفر انفجار سيارة مفخخة في كركوك عن مقتل سبعة أشخاص.",
]


@pytest.mark.parametrize("text", RESULT_REPORTED, ids=range(len(RESULT_REPORTED)))
def test_result_subject_not_recalled(code_text: Callable[..., Coded], text: str) -> None:
    """The bombing (root 18) is coded."""
    got = code_text(text, date=DATE)
    assert got.find("18"), got.why()
