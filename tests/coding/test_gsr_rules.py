"""Protest and assault detection: what a sentence reports as having happened vs what it only talks about.

Event data codes the violence or protest a sentence reports as a fact (CAMEO). A charge, an inquiry, an
anniversary or a condemnation names an act as a topic; a possibility or an exercise is no act; a threat is
coded as a threat (138); casualties of a reported attack are coded with an unknown attacker. Every sentence
here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, violent


@pytest.mark.parametrize("text", [
    # a charge
    "وتحاكم محكمة في روما عشرة ضباط أمريكيين بتهمة خطف إمام مصري في ميلانو.",
    # an inquiry
    "وأعلنت الشرطة الفرنسية أنها فتحت تحقيقا في اغتيال رجل أعمال جزائري في مرسيليا.",
    # anniversaries
    "وأحيا آلاف اللبنانيين في بيروت أمس الذكرى الثالثة لاغتيال رئيس الوزراء.",
    "وأصدرت السفارة الإيرانية في بيروت أمس بيانا بمناسبة مرور عشرين عاما على خطف أربعة دبلوماسيين إيرانيين.",
    # a condemnation of a known act
    "وأدانت جامعة الدول العربية بشدة اغتيال الصحفي اليمني في عدن أمس.",
    # the perpetrators' identity
    "وقال المتحدث إن جماعة مسلحة تقف وراء خطف المهندسين الأتراك في بغداد.",
])
def test_violence_as_a_topic_is_not_a_report(code_text: Callable[..., Coded], text: str) -> None:
    """A violent noun governed by a charge, an inquiry, an anniversary or a condemnation is not coded."""
    got = code_text(text)
    assert not violent(got), got.why()


@pytest.mark.parametrize("text", [
    "وقال المحلل إن من شأن هجوم إسرائيلي على المنشآت الإيرانية أن يشعل حربا في المنطقة.",
    "وقال الجيش إن الهجوم الأمريكي المحتمل على إيران قد يؤدي إلى ارتفاع أسعار النفط.",
    "ونفذ سلاح الجو الإسرائيلي أمس مناورات للتدريب على ضربة جوية ضد المنشآت النووية الإيرانية.",
    # a foiled act
    "وقالت إسرائيل أمس إنها نجحت في إحباط عملية فلسطينية لخطف جنود إسرائيليين قرب غزة.",
])
def test_hypothetical_violence_is_not_coded(code_text: Callable[..., Coded], text: str) -> None:
    """A possible, feared or rehearsed attack has not happened."""
    got = code_text(text)
    assert not violent(got), got.why()


def test_a_threat_of_assassination_is_a_threat(code_text: Callable[..., Coded]) -> None:
    """"هدد باغتيال": CAMEO 138 (threaten with force), not 186."""
    got = code_text("وهدد وزير الدفاع الإسرائيلي أمس باغتيال قادة حركة حماس في غزة.")
    assert not violent(got), got.why()
    assert got.find("13", "138"), got.why()


def test_a_threat_with_a_long_subject_is_still_a_threat(code_text: Callable[..., Coded]) -> None:
    """"هدد وزير ...، ليبرمان، باغتيال": the threat verb is far from the threatened act."""
    got = code_text("وهدد وزير الشؤون الاستراتيجية في الحكومة الإسرائيلية أمس، أفيغدور ليبرمان، باغتيال قادة حماس.")
    assert not violent(got), got.why()


def test_a_list_of_abstract_crimes_is_not_an_event(code_text: Callable[..., Coded]) -> None:
    """"عمليات الخطف والقتل": a kind of act, not a happening."""
    got = code_text("وتصاعدت في بغداد عمليات الخطف والقتل خلال الأشهر الماضية بحسب مصادر أمنية عراقية.")
    assert not violent(got), got.why()


@pytest.mark.parametrize("text", [
    "قتل سبعة أشخاص وأصيب عشرون آخرون بجروح في انفجار سيارة مفخخة في سوق شعبي.",
    "وقال مصدر في الشرطة إن شرطيين قتلا بانفجار عبوة ناسفة استهدفت دوريتهما.",
])
def test_casualties_of_a_reported_attack_are_coded(code_text: Callable[..., Coded], text: str) -> None:
    """Casualties with the attack that caused them: an event with an unknown attacker (no place or time)."""
    got = code_text(text)
    assert violent(got), got.why()


def test_ma_asfara_is_not_a_negation(code_text: Callable[..., Coded]) -> None:
    """"ما أسفر عن مقتل": ما is the relative "which", not a negator."""
    # (a shell, not a bomb: a bombing with its outcome is coded as the bombing, see test_assault_round4.py)
    got = code_text("وسقطت قذيفة قرب حافلة للركاب في الموصل، ما أسفر عن مقتل أربعة مدنيين.")
    assert [e for e in violent(got) if e.rule == "190.awda-hayat"], got.why()


@pytest.mark.parametrize("text, root", [
    ("وتحدث الكاتب عن تقاطع المصالح بين واشنطن وطهران في العراق.", "14"),
    ("وأعلنت الشرطة الهندية اعتقال ثلاثة رجال في مدينة حيدر آباد أمس.", "20"),
    ("وتحدث الوزير العراقي أمس عن الانفجار المالي في موازنة العراق.", "18"),
    ("وشن زعيم المعارضة المصرية هجوما شديدا على الحكومة أمس بسبب ارتفاع الأسعار.", "19"),
])
def test_other_senses_of_trigger_words(code_text: Callable[..., Coded], text: str, root: str) -> None:
    """تقاطع المصالح (intersect), حيدر آباد (a city), الانفجار المالي (a boom), هجوم شديد (criticism)."""
    got = code_text(text)
    assert not got.find(root), got.why()


def test_a_relative_clause_gives_background(code_text: Callable[..., Coded]) -> None:
    """"الرهائن الذين اختطفتهم الحركة": the kidnapping describes the hostages, it is not what is reported."""
    got = code_text("وأصبح وضع الرهائن الكوريين الذين اختطفتهم حركة طالبان خطيرا أمس.")
    assert not got.find("18", "181"), got.why()


def test_a_known_attack_dating_another_event(code_text: Callable[..., Coded]) -> None:
    """"خلال غزو العراق": the invasion dates what the sentence reports."""
    got = code_text("وعمل الصحفي مراسلا لوكالة أنباء فرنسية خلال غزو العراق.")
    assert not violent(got), got.why()


def test_a_call_for_a_protest_is_not_a_protest(code_text: Callable[..., Coded]) -> None:
    """"طالبت الحركة أنصارها بتنظيم مسيرات": a protest called for has not happened."""
    got = code_text("وطالبت حركة فتح أنصارها في الضفة الغربية بتنظيم مسيرات احتجاجية ضد حركة حماس.")
    assert not got.find("14"), got.why()


def test_a_plan_of_attack_is_a_threat(code_text: Callable[..., Coded]) -> None:
    """"يخططون لشن هجمات": coded as 138 (intent to use force), not as the attack."""
    got = code_text("وقال مسؤولون أمريكيون إن قادة الجيش الأمريكي يخططون لشن غارات جوية على مواقع تنظيم القاعدة في اليمن.")
    assert not violent(got), got.why()


def test_a_condemned_attack_reported_in_a_relative_clause_is_coded(code_text: Callable[..., Coded]) -> None:
    """"دانت الغارة التي شنتها الطائرات": the relative clause reports the attack as a fact (CAMEO)."""
    got = code_text("ودانت الحكومة السورية أمس الغارة الجوية التي شنتها الطائرات الإسرائيلية على مواقع الجيش السوري قرب دمشق.")
    assert violent(got), got.why()


def test_a_protest_with_its_purpose_is_reported(code_text: Callable[..., Coded]) -> None:
    """A gathering of protesters with no country code, reported with its purpose ("احتجاجا على")."""
    got = code_text("وتجمع مئات المتظاهرين أمس أمام مقر محافظة البصرة احتجاجا على انقطاع الكهرباء.")
    assert got.find("14"), got.why()


def test_a_gathering_of_protesters_is_a_protest(code_text: Callable[..., Coded]) -> None:
    """"تجمع المحتجون أمام السفارة": a gathering whose participants are protesters is a demonstration (141)."""
    got = code_text("وتجمع المحتجون الأردنيون أمس أمام السفارة الإسرائيلية في عمان.")
    assert got.find("14", "141", source="JOR*"), got.why()


def test_killed_dual_is_read_as_passive(code_text: Callable[..., Coded]) -> None:
    """"شرطيين قتلا بانفجار": the dual قُتلا with the attack after it reports two casualties."""
    got = code_text("وقال مصدر في الشرطة إن شرطيين قتلا بانفجار عبوة ناسفة استهدفت دوريتهما.")
    assert [e for e in violent(got) if e.rule == "190.qutila"], got.why()
