"""Protest detection, round 4: crowds of protesters with no nationality as the source of the protest they make,
protest forms and the vetoes that blocked them, and protests that are mentioned rather than reported.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath import Article
from hadath.coding.coder import _new_crowd
from tests.coding.conftest import Coded, trace_reasons

DATE = "2008-05-01"
PROTEST = ("14",)


# a crowd the sentence introduces (indefinite, or counted) protests, though it has no country of its own
NEW_CROWDS = [
    "وتجمع مئات المتظاهرين أمام مبنى البلدية وسط المدينة، مطالبين المجلس بالتراجع عن قرار هدم السوق القديمة.",
    "ووقعت اشتباكات عندما احتشد متظاهرون أمام المحكمة، وبدأوا في رمي الزجاجات على رجال الشرطة.",
    "واحتشد عشرات المحتجين أمام مقر الشركة مطالبين بصرف رواتبهم المتأخرة.",
]


@pytest.mark.parametrize("text", NEW_CROWDS)
def test_a_new_crowd_is_the_source_of_its_protest(code_text: Callable[..., Coded], text: str) -> None:
    """A protest whose only party is the crowd it introduces is coded (the crowd is its source)."""
    got = code_text(text, date=DATE)
    protests = got.find("14")
    assert protests, got.why()
    assert any(e.source is not None and "protesters" in (e.source.name_en or "") for e in protests), got.why()


# the protest form takes in the head of its subject ("نزل آلاف" of "نزل آلاف الأشخاص")
SWALLOWED = [
    "وفي العاصمة نزل آلاف الأشخاص (30 ألفا حسب المنظمين) إلى الشوارع للاحتجاج على رفع أسعار الخبز.",
    "وخرج آلاف الطلاب إلى الشوارع أمس احتجاجا على إغلاق الجامعة.",
]


@pytest.mark.parametrize("text", SWALLOWED)
def test_the_subject_inside_a_protest_form(code_text: Callable[..., Coded], text: str) -> None:
    """The people whose count the trigger form ends with are the protest's source, not the crowd of another
    clause or no one."""
    got = code_text(text, date=DATE)
    protests = got.find("14")
    assert protests, got.why()
    assert all(e.source is not None and "protesters" not in (e.source.name_en or "") for e in protests), got.why()


# the definite plural alone resumes protesters already reported: the sentence describes that protest
RESUMED_CROWDS = [
    "وهتف المتظاهرون «لا للغلاء».",
    # nor does the state its slogans name lend it a source's confidence
    "وسار المتظاهرون وهم يحملون نعوشا رمزية ويرفعون صور الرئيس المصري السابق، في الشوارع ورددوا هتافات معادية "
    "للولايات المتحدة وإسرائيل.",
    "وسار المتظاهرون وهم يرفعون صور الرئيس العراقي الراحل، في بغداد ورددوا هتافات معادية لإيران والولايات المتحدة.",
]


@pytest.mark.parametrize("text", RESUMED_CROWDS)
def test_a_resumed_crowd_alone_reports_no_protest(code_text: Callable[..., Coded], text: str) -> None:
    """"وهتف المتظاهرون ..." with nothing else says what a protest already reported did."""
    got = code_text(text, date=DATE)
    assert not got.find("14"), got.why()


# protests mentioned, not reported: a march in favour of a cause, and what people do in such protests
NOT_REPORTED = [
    ("وشارك أكثر من ألف متظاهر أمس في مسيرة لصالح العمال العاطلين عن العمل.", "a rally in support"),
    ("وقال المتحدث إن هذه الأوامر موجهة ضد منظمات حقوقية أجنبية تشارك في مثل هذه المظاهرات.", "a kind of protest"),
    ("وأضاف أن الطلاب يشاركون في مثل تلك المسيرات دون علم أهلهم.", "a kind of protest"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_REPORTED, ids=["in-favour", "such-protests", "such-marches"])
def test_protest_mentioned_not_reported(nlp, code_text: Callable[..., Coded], text: str,  # noqa: ANN001
                                        reason: str) -> None:
    """A march in favour of a cause ("لصالح") is no dissent; taking part "in such protests" names a kind of act."""
    got = code_text(text, date=DATE)
    assert not got.find("14"), got.why()
    reasons = trace_reasons(nlp, text, PROTEST, DATE)
    assert any(reason in r for r in reasons), reasons


# chants "such as" a slogan are a protest's own chants, not a kind of act
def test_chants_such_as_are_examples(nlp) -> None:  # noqa: ANN001
    text = "وتجمع مئات المتظاهرين أمس أمام السفارة ورددوا هتافات مثل «لا للحرب»."
    reasons = trace_reasons(nlp, text, PROTEST, DATE)
    assert not any("a kind of protest" in r for r in reasons), reasons


# a resumed crowd whose country the resolver took from the article (Turkey, named three times here), not from a
# nationality of its own, is no better identified than an uncoded one
def test_a_borrowed_country_gives_a_resumed_crowd_no_confidence(code_text: Callable[..., Coded]) -> None:
    got = code_text("وحمل المتظاهرون الذين ارتدوا قمصانا عليها العلم التركي أعلاما تركية كبيرة ورددوا هتافات مثل "
                    "«تركيا لن تقسم» و«لا للتدخل الأجنبي في أنقرة».", date=DATE)
    assert not got.find("14"), got.why()


@pytest.mark.parametrize(("text", "word", "new"), [
    ("وتجمع عشرات الآلاف من المتظاهرين في الساحة.", "المتظاهرين", True),
    ("وتجمع المئات من المحتجين أمام الوزارة.", "المحتجين", True),
    ("واحتشد متظاهرون أمام الوزارة.", "متظاهرون", True),
    ("وهتف المتظاهرون ضد الوزير.", "المتظاهرون", False),
    ("وطالب عدد من المتظاهرين بالإفراج عن المعتقلين.", "المتظاهرين", False),
], ids=["partitive-count", "partitive-hundreds", "indefinite", "resumed", "some-of"])
def test_new_crowd(nlp, text: str, word: str, new: bool) -> None:  # noqa: ANN001
    """A count before a partitive من introduces a crowd as a count before the noun does."""
    doc = nlp(Article(id="t", text=text, date=DATE))
    k = next(i for i, t in enumerate(doc.tokens) if t.text == word)
    assert _new_crowd(doc.tokens, k) is new
