"""Assault detection, round 5 (irrealis): a violent word that does not report an attack that happened — the content
of a charge, a plan, a purpose, a habit, or a topic named by a crime or a further conjunct of one — is not coded as
an assault (gsr rules), while the same words reporting an attack still are.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import HAPPENING_ROOTS, Coded, trace_reasons, violent

DATE = "2008-05-01"


# (text, kind): violence that the sentence does not report as having happened
NOT_REPORTED = [
    # a crime named as a kind: "جرائم" before a verbal noun makes it a topic
    ("وقال التقرير إن جرائم اجتياح القرى الحدودية لن تسقط بالتقادم.", "crime head"),
    ("وتحدث الكاتب عن جرائم اختطاف الصحفيين في المنطقة خلال السنوات الماضية.", "crime head"),
    # a passive reading of a definite noun that names no party: an act known from before
    ("وقال شهود إن الخلاف بين العائلتين على قطعة أرض أفضى إلى القتل.", "definite noun"),
    ("وقالت منظمات حقوقية إن المعتقلين تعرضوا للضرب، وإن ذويهم يخشون الخطف.", "definite noun"),
    # the charge of an accusation, its accuser and accused between, across a comma, with a further conjunct
    ("وردت الشرطة على اتهامات وجهها حزب معارض لعناصرها، بقتل معتقلين وتعذيبهم في سجن المدينة.", "charge"),
    ("واتهمت الحكومة بعد اختفاء الضابط أجهزة استخبارات أجنبية بخطفه من منزله.", "charge"),
    # a plot: the imperfect of aiming after "كان", and the further conjuncts of its list
    ("وقال الادعاء إن الشبكة كانت تستهدف تفجير مبنى الوزارة، وضرب فنادق سياحية في العاصمة، واغتيال مسؤولين "
     "أمنيين.", "aim"),
    # a purpose: "بهدف"، "ليتمكنوا من" (ل + imperfect), and the conjunct after it
    ("وقال قائد الشرطة إن المسلحين خططوا لتفجير سيارات مفخخة بهدف إرباك قوات الأمن ليتمكنوا من شن هجوم واسع "
     "والسيطرة على المدينة.", "aim"),
    ("وأوضح المتحدث أن الحملة العسكرية تهدف إلى طرد المسلحين من الأحياء الشرقية.", "aim"),
    # the attack the casualties of a topic died in ("لمقتل ... في الهجوم")
    ("وتوعد الحزب بالثأر لمقتل ستة من عناصره في الهجوم الذي شنته الشرطة على مقره.", "conjunct"),
    # a habit: an adverb of habit with "ما", its verb and subject between
    ("وتقول المنظمة إن سكان القرى الحدودية كثيرا ما يتعرضون خلال الليل لهجمات المسلحين.", "habit"),
    # an act noun pointed back to by "الأخير"، "السابق": known from before
    ("وأكد الوزير أن اندلاع القتال الأخير بين الجيش والمسلحين في الشمال لن يؤثر على موعد الانتخابات.", "latest"),
    ("وقالت الشرطة إن الهجوم الانتحاري السابق على مقر المحافظة لم يمنع الموظفين من العودة إلى أعمالهم.",
     "latest"),
    # history: a clause of time opening the sentence is dated by a year, and so is the main clause after it
    ("وحينما اجتاحت القوات السوفياتية أفغانستان في ديسمبر 1979 سارعت واشنطن إلى تسليح الفصائل التي تمكنت لاحقا "
     "من طرد القوات السوفياتية من البلاد.", "history"),
    # a definite series: the kind of act, known
    ("ويرى المحلل أن الفراغ الأمني يعني استمرار مسلسل الاغتيالات في البلاد.", "kind"),
    # examples ("من قبيل"), the agent's "من قبل" between: a further object
    ("وتحدثت المعارضة عن تجاوزات من قبيل استعمال الرصاص الحي من قبل قوات الأمن وسقوط قتلى بين المحتجين.",
     "examples"),
    # what a party does or did, told in kind: "ما ... من" + a violent noun
    ("ودعا النائب إلى محاسبة المسؤولين لمنع تكرار ما ارتكبته الميليشيات من مجازر بحق المدنيين.", "what of"),
    # a known act recalled: "يذكرنا"، a name linked to an act ("ارتبط اسمه")
    ("وهذا الأسلوب يذكرنا بتبني جماعة مجهولة لعملية اغتيال رئيس الحكومة الأسبق.", "recalled"),
    ("وارتبط اسمه خلال توليه وزارة الدفاع باغتيال عدد من قادة الفصائل.", "recalled"),
    ("وأعاد المشهد إلى الأذهان اغتيال زعيم المعارضة في العاصمة.", "recalled"),
    # a further conjunct of a kind of act
    ("وقالت الناشطة إن اللاجئات يتعرضن في المخيمات لحوادث خطف وسوء معاملة على أيدي عصابات مسلحة.", "conjunct"),
]

REASONS = {
    "crime head": "topic, not a report",
    "definite noun": "a definite event noun naming no party",
    "charge": "the charge of an accusation",
    "aim": "an aim",
    "habit": "a habit",
    "recalled": "a known act recalled",
    "what of": "told in kind ('ما ... من')",
    "kind": "a kind of act",
    "examples": "a further object of 'قبيل'",
    "history": "background (dated by the year",
    "latest": "a known act ('",
    "conjunct": "shares the fate of an act not reported",
}


@pytest.mark.parametrize(("text", "kind"), NOT_REPORTED, ids=[f"{k}-{n}" for n, (_, k) in enumerate(NOT_REPORTED)])
def test_violence_not_reported(nlp, code_text: Callable[..., Coded], text: str, kind: str) -> None:  # noqa: ANN001
    """The violent word is not coded as an assault, and the rule of its kind is the one that drops it."""
    got = code_text(text, date=DATE)
    assert not violent(got), f"{kind}: {got.why()}"
    reasons = trace_reasons(nlp, text, HAPPENING_ROOTS, DATE)
    assert any(REASONS[kind] in r for r in reasons), f"{kind}: {reasons}"


# attacks the same constructions still report
REPORTED = [
    # a claim of responsibility reports the attack ("مسؤولية" is no topic head)
    "وأعلنت حركة طالبان مسؤولية خطف المهندسين الأجانب الأربعة في ولاية قندهار أمس.",
    # a definite noun with its party after it
    "وقتل ثلاثة جنود أمس في الهجوم على قاعدة للجيش شمال البلاد.",
    # a light verb after the accusation opens a clause that reports an attack
    "واتهم الوزير المعارضة بالتحريض، وقام مسلحون بقتل ثلاثة جنود أمس في المدينة.",
    # a bombing as the subject of "استهدف" (no "كان"): reported
    "واستهدف تفجير انتحاري مقر الشرطة في مدينة الموصل أمس، وأسفر عن مقتل خمسة من عناصرها.",
    # a verb after a comma opens a clause of its own (a nominative subject, a day): not a further conjunct
    "وطالب الوزير بوقف عمليات الخطف في المدينة، وقتل مسلحون أمس ثلاثة جنود في هجوم على حاجز للجيش.",
    # a verb of casualties beside a noun pointed back to by "الأخير"
    "وقتل ثلاثة جنود أمس في الهجوم الأخير على قاعدة للجيش شمال البلاد.",
    # a clause of time dated by the day, not by a year
    "وعندما وصلت القافلة إلى المدينة أمس قتل مسلحون سائقين اثنين من سائقيها.",
    # a speaker whose name is withheld ("اسمه" without a word of linking)
    "وقال مسؤول أمني رفض الكشف عن اسمه إن مسلحين قتلوا أمس ثلاثة جنود في هجوم على حاجز للجيش.",
    # a passive verb
    "وقُتل جنديان أمس في اشتباك مع مسلحين قرب الحدود.",
]


@pytest.mark.parametrize("text", REPORTED, ids=range(len(REPORTED)))
def test_violence_reported(code_text: Callable[..., Coded], text: str) -> None:
    """A reported attack is still coded as an assault."""
    got = code_text(text, date=DATE)
    assert violent(got), got.why()


# (text, a reason that must not drop the violent word): the agent's "من قبل" is no time that makes an act a topic
NOT_THE_REASON = [
    ("وقتل ثلاثة متظاهرين برصاص قوات الأمن من قبل قناصة، وسقوط قتلى آخرين في المدينة.", "topic of 'قبل'"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_THE_REASON, ids=range(len(NOT_THE_REASON)))
def test_not_dropped_for(nlp, text: str, reason: str) -> None:  # noqa: ANN001
    """The violent word is not dropped for ``reason``."""
    reasons = trace_reasons(nlp, text, HAPPENING_ROOTS, DATE)
    assert not any(reason in r for r in reasons), reasons
