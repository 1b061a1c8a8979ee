"""Protest and assault detection, round 3: violence or protest that is asked about, supposed, condemned or judged
rather than reported, and violence that is reported.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import HAPPENING_ROOTS, Coded, trace_reasons, violent

DATE = "2008-05-01"


# (text, what the sentence does with the violence)
NOT_REPORTED = [
    # a question: the strike is asked about, not reported
    ("فهل تقدم الولايات المتحدة على توجيه ضربة جوية إلى المنشآت النووية الإيرانية قبل نهاية العام؟", "question"),
    ("هل هاجمت القوات الحكومية أمس مواقع المتمردين في الشمال؟", "question"),
    # a supposition
    ("وقال الوزير إنه لو هاجمت القوات الحدود لردت بلاده بقوة.", "conditional"),
    # the object of a condemning verb, even when the word could be read as a verb
    ("ودان رئيس الحزب سمير الخوري خطف الصحفيين الأجنبيين في جنوب البلاد، معربا عن قلقه.", "condemned"),
    ("واستنكر وزير الخارجية الأردني قتل المدنيين في القرية الحدودية.", "condemned"),
    # the topic of an opinion introduced by أن
    ("واعتبر الرئيس الفلسطيني أن الهجوم الجوي الإسرائيلي على القطاع يجعل استئناف المفاوضات مستحيلا.", "opinion"),
    ("ويرى المحللون أن الهجوم الصاروخي على القاعدة العسكرية أربك حسابات الحكومة الأمنية.", "opinion"),
    # the casualties or the aim of an attack that dates or is conceded in another clause
    ("ودعا الوزير مواطنيه إلى مواصلة العمل في البلاد بعد الاعتداء الذي وقع أول من أمس شرق العاصمة، وأسفر عن مقتل "
     "مهندس أجنبي وسائقه.", "consequence"),
    ("وقال المتحدث إن الجيش لن يغير خطته بعد هجوم انتحاري على قافلة عسكرية أسفر عن مقتل أربعة جنود الأسبوع "
     "الماضي.", "consequence"),
    ("وتوترت العلاقات بين البلدين منذ الشهر الماضي إثر ضربة جوية أجنبية استهدفت مواقع للجيش قرب الحدود.",
     "consequence"),
    ("وقال الرئيس إن بلاده لن تسحب قواتها على الرغم من مقتل خمسة من جنودها أمس في هجوم قرب العاصمة.", "concession"),
    # not violence: an oil blockade (an embargo), a nervous breakdown
    ("وأعلن وزير الداخلية فرض حصار نفطي على البلاد المجاورة.", "embargo"),
    ("وقالت الوزارة إن المتهم مصاب بانهيار عصبي منذ أشهر.", "illness"),
    # history: the year that dates the clause stands more than a dozen words from the verb
    ("وظهر ذلك جليا خلال اجتياح الجيش للمدينة في صيف عام 1982، حين دمرت قواته بشكل منظم المكتبات ومراكز الأبحاث "
     "والتراث في المدينة وضواحيها، كما اغتالت العشرات من الكتاب والفنانين.", "history"),
    # kinds of acts, those who did an act, a further object of a governor that makes acts topics
    ("وكشفت الصحيفة عن مذكرات سرية تتيح أنواعا من التعذيب للمعتقلين في السجون العسكرية.", "kind"),
    ("وطالب النواب بمحاكمة من اغتالوا الصحفي المعارض أمام محكمة دولية.", "those who"),
    ("وتعقد الوضع في المنطقة بعد استيلاء الحركة على المدينة، وفرض حصار على القطاع.", "coordinated"),
    ("ورجحت واشنطن توجيه ضربات جوية وقصف بعض الأهداف في الأيام المقبلة.", "coordinated"),
    # knowledge about an act, a counterfactual, a metaphor, a total over years
    ("وقال الوزير إن رئيس المخابرات السابق يعلم الكثير عن اغتيال الزعيم المعارض.", "knowledge"),
    ("ولو كانت الحكومة تبحث عن ذريعة للحرب لكانت حادثة خطف الجنود الثلاثة ذريعة كافية.", "counterfactual"),
    ("وأضاف أن الحزب الحاكم صار رهينة للمؤسسة العسكرية في البلاد.", "metaphor"),
    ("وخلال السنوات الخمس الماضية تسببت القذائف التي أطلقت من القطاع في قتل عشرين مدنيا.", "total"),
    # responsibility laid on a party named across commas; control over factions is no occupation
    ("وحمّل الحزب في بيان أصدره أمس، قيادة الحركة وأنصارها، مسؤولية اعتداء مسلحين على مقر الجيش في المدينة.",
     "blame"),
    ("وقال إن الحركة قادرة على ضبط الأمن والسيطرة على جميع الفصائل المسلحة في القطاع.", "control"),
    # the sound of explosions or shooting heard
    ("وسمع أمس دوي انفجارات وإطلاق نار كثيف قرب مقر حكومة الولاية في هجوم يبدو أنه مرتبط بالانتخابات.", "sound"),
    ("وسمع دوي انفجار قوي، ولعلعة الرصاص في محيط السفارة الأمريكية خلال ساعات الفجر الأولى.", "sound"),
    ("وقال شهود إنهم سمعوا دوي انفجارات قوية قرب السفارة الأمريكية في العاصمة.", "sound"),
    # a road accident is no violence (the veto stays for accidents)
    ("قتل خمسة أشخاص أمس في حادث سير على الطريق السريع شمال العاصمة.", "accident"),
    # the imperfect: an ongoing war, a party described, a habit
    ("ويقاتل الجنود المتشددين في الجبال الشمالية.", "imperfect"),
    ("وقالت الشرطة إن عناصر موالية للتنظيم تقاتل القوات الحكومية على الحدود الشرقية.", "imperfect"),
    ("ويقتلون الأبرياء كل يوم في الأسواق ثم يدعون الدفاع عن الدين.", "imperfect"),
]


# what the coder's trace says about a trigger of each kind above (the rule that drops it)
REASONS = {
    "question": "question:",
    "conditional": "conditional:",
    "condemned": "object of",
    "opinion": "topic of the opinion",
    "consequence": "the consequence of an attack",
    "concession": "a concession",
    "embargo": "vetoed by",
    "illness": "vetoed by",
    "history": "background (dated by the year",
    "kind": "a kind of act",
    "those who": "a relative clause describing an entity",
    "coordinated": "a further object of",
    "knowledge": "topic of",
    "counterfactual": "hypothetical",
    "metaphor": "vetoed by",
    "total": "a total over years",
    "blame": "responsibility disputed",
    "control": "vetoed by",
    "sound": "a sound heard",
    "accident": "vetoed by",
    "imperfect": "an imperfect verb of violence",
}


@pytest.mark.parametrize(("text", "kind"), NOT_REPORTED, ids=[k for _, k in NOT_REPORTED])
def test_violence_not_reported_as_happening(nlp, code_text: Callable[..., Coded], text: str,  # noqa: ANN001
                                            kind: str) -> None:
    """Violence asked about, supposed, condemned, judged, totalled, heard or described is not coded as an assault,
    and the rule of its kind is the one that drops it (gsr rules)."""
    got = code_text(text, date=DATE)
    assert not violent(got), f"{kind}: {got.why()}"
    reasons = trace_reasons(nlp, text, HAPPENING_ROOTS, DATE)
    assert any(REASONS[kind] in r for r in reasons), f"{kind}: {reasons}"


REPORTED = [
    # the same attack asserted, not asked about
    "هاجمت القوات الحكومية أمس مواقع المتمردين في الشمال.",
    # a report after a speech verb and إن is no opinion
    "وقال المتحدث باسم الشرطة إن الهجوم الانتحاري أسفر عن مقتل تسعة أشخاص وإصابة 20 آخرين أمس.",
    # the casualties of an attack the sentence reports
    "وقالت الشرطة إن انفجار سيارة مفخخة في سوق شعبية أمس أسفر عن مقتل سبعة أشخاص.",
    # a masdar after the preposition من is no relative clause
    "فيما تمكن المقاتلون الأكراد من طرد تنظيم داعش من حي في جنوب مدينة الحسكة أمس.",
    # violent incidents, though "حوادث" heads them
    "قتل خمسة وعشرون شخصا أمس في حوادث عنف متفرقة في شمال البلاد.",
    # months are no span of years
    "وقتل 12 شخصا أمس في هجوم انتحاري على مركز للشرطة، وهو الأعنف خلال الأشهر الماضية.",
    # a headline reports in the present
    "إسرائيل تغتال ثلاثة ناشطين في غزة",
    # a plain report with its attacker
    "وقتل مسلحون أمس ثلاثة من رجال الشرطة في هجوم على حاجز أمني شمال بغداد.",
    # a statement verb followed by a report, not a condemnation
    "وذكرت مصادر أمنية أن مسلحين قتلوا أمس ثلاثة جنود في كمين قرب الحدود.",
]


@pytest.mark.parametrize("text", REPORTED)
def test_reported_violence_is_still_coded(code_text: Callable[..., Coded], text: str) -> None:
    """Reports of attacks keep their violent event next to the rules above."""
    got = code_text(text)
    assert violent(got), got.why()


CROWDS = [
    # the agency that reports the protest is not its source
    "وتجمع أمس نحو مائتي متظاهر في وسط العاصمة الأسترالية، داعين إلى وقف الحرب وهاتفين ضد الرئيس الأمريكي، حسب ما "
    "نقلت وكالة الصحافة الفرنسية.",
    # nor the nationality of the flags the crowd carries
    "وتوجه عشرات الآلاف من المتظاهرين حاملين الأعلام التركية إلى ساحة كبيرة في أنقرة أمس هاتفين ضد الحكومة.",
]


@pytest.mark.parametrize("text", CROWDS)
def test_the_crowd_is_the_source_of_its_protest(code_text: Callable[..., Coded], text: str) -> None:
    """A protest's source is the crowd the sentence names (protesters), not another party found near the trigger."""
    got = code_text(text)
    protests = got.find("14")
    assert protests, got.why()
    assert all(e.source is not None and "protesters" in (e.source.name_en or "") for e in protests), got.why()


NOT_DISSENT = [
    # a rally in support of a decision
    ("وفي المدينة تظاهر المئات من السكان وسط الساحة الرئيسية تأييدا لقرار المحكمة العليا.", "a rally in support"),
    # the right to protest, in general
    # (a definite التظاهر naming no party is also dropped, first, as an act named without a party)
    ("وقال المحافظ إن التظاهر السلمي حق مشروع يكفله الدستور لكل المواطنين.",
     ("protest in general", "a definite event noun naming no party")),
]


@pytest.mark.parametrize(("text", "reason"), NOT_DISSENT, ids=["support", "general"])
def test_support_and_protest_in_general_are_not_dissent(nlp, code_text: Callable[..., Coded], text: str,  # noqa: ANN001
                                                        reason: str | tuple[str, ...]) -> None:
    """A rally backing a decision and the right to demonstrate are not protests that happened (PROTEST is dissent)."""
    got = code_text(text, date=DATE)
    assert not got.find("14"), got.why()
    wanted = (reason,) if isinstance(reason, str) else reason
    reasons = trace_reasons(nlp, text, HAPPENING_ROOTS, DATE)
    assert any(w in r for w in wanted for r in reasons), reasons


def test_supporters_in_another_clause_leave_the_protest(code_text: Callable[..., Coded]) -> None:
    """Supporters who came out in another clause ("فيما خرج مؤيدون") do not make the protest a rally in support."""
    got = code_text("وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان احتجاجا على رفع الرسوم، فيما خرج مؤيدون للحكومة في ساحة "
                    "أخرى.", date=DATE)
    assert got.find("14"), got.why()


def test_a_distant_purpose_still_makes_the_protest_a_report(code_text: Callable[..., Coded]) -> None:
    """The purpose word that makes a gathering a protest report may stand a dozen words after the trigger
    (REPORT_PURPOSE_REACH): the crowd, the place and the time come between."""
    got = code_text("وتجمع المتظاهرون صباح أمس أمام مقر المحافظة في وسط المدينة القديمة، مطالبين الحكومة "
                    "بإطلاق سراح المعتقلين.", date=DATE)
    assert got.find("14"), got.why()
