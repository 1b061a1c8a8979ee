"""Protest and assault detection, round 2: crowds that introduce a protest, and violence dated by a past year.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath import Article
from hadath.coding.coder import _not_reported
from tests.coding.conftest import Coded, violent


@pytest.mark.parametrize("text", [
    "وتجمع أمس مئات المتظاهرين الغاضبين في ساحة المدينة وأغلقوا الطرق الرئيسية.",
    "واحتشد آلاف المحتجين أمام مبنى البرلمان في العاصمة، مطالبين الحكومة بخفض أسعار الخبز.",
    # the crowd between the verb and the streets
    "وفي العاصمة نزل آلاف العمال أمس إلى الشوارع للاحتجاج على خفض الأجور.",
    # the crowd went out in a demonstration
    "وخرج أمس سكان القرية في مظاهرة احتجاجا على قرار إغلاق المدرسة الوحيدة فيها.",
])
def test_a_crowd_introduced_as_protesters_is_a_protest(code_text: Callable[..., Coded], text: str) -> None:
    """A gathering whose crowd is introduced (counted or indefinite) reports a protest (root 14)."""
    got = code_text(text)
    assert got.find("14"), got.why()


@pytest.mark.parametrize("text", [
    "ففي عام 2006 قتل آلاف المدنيين في العاصمة في أعمال عنف طائفية.",
    "وكان الجيش قد احتل المدينة في أغسطس 1990 قبل أن ينسحب منها.",
    "وقال التقرير إن 40 صحافيا خطفوا في البلاد منذ عام 2004.",
    "وكان الجندي قد أصيب يوم دخول القوات الأجنبية المدينة في أبريل (نيسان) 2003 بطلقة من دبابة.",
    # an entry of a chronology
    "* 14 مارس (آذار) 2005: مقتل ثلاثة صحافيين في انفجار عبوة ناسفة في العاصمة.",
])
def test_violence_dated_by_a_past_year_is_background(code_text: Callable[..., Coded], text: str) -> None:
    """A clause dated by a year alone ("في عام 2006"، "في أغسطس 1990") tells history, not a happening."""
    got = code_text(text)
    assert not violent(got), got.why()


def test_violence_dated_by_the_day_is_reported(code_text: Callable[..., Coded]) -> None:
    """A full date with the year ("في 12 مارس 2008") is judged by the article's date, not dropped as history."""
    got = code_text("وقتل مسلحون خمسة من رجال الشرطة في هجوم على مركز للشرطة في 12 مارس 2008.", date="2008-03-13")
    assert violent(got), got.why()


@pytest.mark.parametrize("text", [
    "وقالت الشرطة إن سيارة مفخخة انفجرت قرب سوق شعبية في وسط المدينة ما أسفر عن مقتل سبعة أشخاص وإصابة 20 آخرين.",
    "وأعلنت مصادر أمنية أن عبوة ناسفة انفجرت صباح أمس على جانب طريق رئيسي مما أدى إلى إصابة ستة مدنيين.",
    "كما أدى انفجار عبوة ناسفة مزروعة على جانب طريق رئيسي في شمال المدينة إلى مقتل خمسة أشخاص.",
    "قتل 30 شخصا وأصيب عشرات آخرون أمس في أعمال عنف متفرقة في البلاد.",
    "كما أصيب مدير مكتب محافظ المدينة أحمد سالم العبيدي بجروح خطرة في الساقين إثر إطلاق نار عليه أمام منزله.",
])
def test_casualties_resulting_from_an_explosion_are_an_attack(code_text: Callable[..., Coded], text: str) -> None:
    """Casualties that an explosion told earlier in the sentence resulted in ("ما أسفر عن") are coded (unknown
    attacker)."""
    got = code_text(text)
    assert violent(got), got.why()


@pytest.mark.parametrize("text", [
    "وقالت المنظمة إن المنطقة تشهد منذ أشهر عمليات خطف وقتل للمدنيين.",
    "واتهم التقرير عناصر الميليشيا بالتورط في حوادث اغتصاب في المخيمات.",
])
def test_a_kind_of_act_after_a_plural_head_is_not_a_happening(code_text: Callable[..., Coded], text: str) -> None:
    """A violent masdar after a plural head ("عمليات خطف"، "حوادث اغتصاب") names a kind of act."""
    got = code_text(text)
    assert not violent(got), got.why()


@pytest.mark.parametrize("text", [
    "وقال الوزير إن بلاده لن تتحالف مع أي دولة لتوجيه ضربة عسكرية ضد إيران.",
    "وذكرت الصحيفة أن قادة عسكريين يعدون خطة لشن هجمات جوية على مواقع المتمردين.",
])
def test_an_attack_as_the_purpose_of_a_light_verb_is_not_a_report(code_text: Callable[..., Coded], text: str) -> None:
    """"لتوجيه ضربة"، "لشن هجمات": the attack is what something is for, not a happening."""
    got = code_text(text)
    assert not violent(got), got.why()


@pytest.mark.parametrize("text", [
    "وقالت محامية الطبيب المتهم بمحاولة قتل جنود أجانب إن موكلها بريء.",
    "وكتبت الصحيفة في افتتاحيتها، معلقة على مقتل الزعيم المعارض، أن البلاد تواجه أزمة.",
])
def test_violence_as_the_topic_of_a_charge_or_a_comment(code_text: Callable[..., Coded], text: str) -> None:
    """"متهم بمحاولة قتل"، "معلقة على مقتل": the act is what a charge or a comment is about."""
    got = code_text(text)
    assert not violent(got), got.why()


@pytest.mark.parametrize(("text", "word", "rule"), [
    ("وطالب المحتجون بقطع العلاقات مع الدولة المجاورة، ومقاطعة منتجاتها.", "ومقاطعة", "143.muqataa"),
    ("وقال وزير الداخلية إن الشرطة لن تتسامح مع مثل هذه المظاهرات في العاصمة.", "المظاهرات", "141.muzahara"),
])
def test_demanded_or_generic_protest_is_not_reported(nlp, text: str, word: str, rule: str) -> None:  # noqa: ANN001
    """A demand's second object after a comma ("طالبوا بقطع ...، ومقاطعة") and acts of a kind ("مثل هذه
    المظاهرات") are not protests that happened (:func:`_not_reported`)."""
    doc = nlp(Article(id="t", text=text, date="2008-05-01"))
    toks = doc.tokens
    ti = next(k for k, t in enumerate(toks) if t.text == word)
    stage = next(st for st in nlp.stages if st.name == "events")
    assert _not_reported(toks, ti, ti + 1, stage.kb.patterns[rule]) is not None


@pytest.mark.parametrize("text", [
    "وقال مسؤول عسكري إن قادة من التنظيم من المعتقد أنهم أصيبوا في غارة جوية قرب الحدود أمس.",
    "ونقلت الإذاعة عن النائب السابقة تحذيرها من حدوث اغتيال سياسي آخر في البلاد.",
    "وكان موقع إخباري إيراني قد لمح الى خطف ضابط إيراني من قبل الاستخبارات الإسرائيلية.",
])
def test_a_belief_a_warning_or_a_hint_is_not_a_report(code_text: Callable[..., Coded], text: str) -> None:
    """"من المعتقد أنهم أصيبوا"، "تحذيرها من حدوث اغتيال"، "لمح إلى خطف": the act is not reported as a fact."""
    got = code_text(text)
    assert not violent(got), got.why()


def test_a_count_of_casualties_is_a_statistic(code_text: Callable[..., Coded]) -> None:
    """"حول عدد الضحايا": the number of the dead, discussed or updated, is not a report of casualties."""
    got = code_text("وقالت الممثلة إنها لا تصدق ما ذكرته الصحف حول عدد الضحايا في تفجيرات لندن.")
    assert not [e for e in violent(got) if e.rule == "190.maqtal"], got.why()


@pytest.mark.parametrize("text", [
    "وذكرت الشرطة أن المسلحين خطفوا أمس ثمانية أشخاص من ركاب حافلة قرب مدينة الموصل.",
])
def test_counted_victims_of_a_named_attacker_are_reported(code_text: Callable[..., Coded], text: str) -> None:
    """An active violent verb with its attacker and counted victims ("خطفوا أمس ثمانية أشخاص") is a report."""
    got = code_text(text)
    assert violent(got), got.why()


def test_denied_responsibility_is_not_a_report(code_text: Callable[..., Coded]) -> None:
    """"أكد عدم مسؤولية حركته عن اختطاف": a denial of responsibility is a dispute about an act, not its report."""
    got = code_text("وأكد متحدث باسم حركة طالبان أمس عدم مسؤولية حركته عن اختطاف الدبلوماسي الهندي في كابل.")
    assert not violent(got), got.why()
