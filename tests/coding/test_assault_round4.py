"""Assault detection, round 4: attacks reported without a known perpetrator.

A bombing named by its means ("هجوم انتحاري"، "سيارة مفخخة"، "عبوة ناسفة") is a report of an attack when its
clause tells what it did (its casualties, its aim): CAMEO codes it with an unknown attacker.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from hadath.coding.coder import _attack_outcome
from tests.coding.conftest import Coded, violent

DATE = "2008-05-01"


# a bombing with its outcome, nobody named as its perpetrator
REPORTED_BOMBINGS = [
    "وقال مسؤول في الشرطة إن هجوما انتحاريا بسيارة مفخخة استهدف حاجزا للجيش قرب الرمادي أمس وأدى إلى مقتل ستة جنود.",
    "وأسفر انفجار سيارة مفخخة قرب مركز للشرطة في بعقوبة أمس عن إصابة سبعة أشخاص.",
    # neither a time nor a place: the outcome alone makes it a report
    "وأكد مصدر أمني أن هجوما انتحاريا بسيارة مفخخة استهدف حاجزا للشرطة وأدى إلى مقتل ثمانية أشخاص.",
    "وذكر متحدث باسم القوات الدولية أن تفجيرا انتحاريا استهدف أمس دورية للقوات الكندية في قندهار من دون إصابات.",
]

# the same words where no attack is reported: a definite noun resuming an attack, a threat, a topic
NOT_REPORTED = [
    # the attack was told before: the definite noun only resumes it
    "وأوضح المتحدث أن الانفجار أسفر عن أضرار مادية في المبنى.",
    # a bombing that is planned or prevented
    "وقالت الشرطة إنها أحبطت هجوما انتحاريا بسيارة مفخخة كان يستهدف مقر المحافظة.",
    # every attack, none in particular (and "خلف" is "behind", not "left behind")
    "وقال الشيخ إن خلف كل هجوم انتحاري بسيارة مفخخة فتوى متطرفة تبرر قتل الأبرياء.",
    # a question
    "فهل يستهدف هجوم انتحاري جديد مقار الشرطة في المدينة؟",
]


@pytest.mark.parametrize("text", REPORTED_BOMBINGS)
def test_bombing_with_its_outcome_is_coded(code_text: Callable[..., Coded], text: str) -> None:
    """A bombing named by its means with its outcome is an attack with an unknown perpetrator."""
    got = code_text(text, date=DATE)
    assert violent(got), got.why()


@pytest.mark.parametrize("text", NOT_REPORTED)
def test_bombing_not_reported_is_not_coded(code_text: Callable[..., Coded], text: str) -> None:
    """A resumed, prevented or questioned bombing reports no attack."""
    got = code_text(text, date=DATE)
    assert not violent(got), got.why()


# (tokens of a clause, index of the attack noun, its end, whether the clause tells the attack's outcome)
OUTCOMES = [
    ("هجوم انتحاري أسفر عن مقتل عشرة", True),
    ("أسفر هجوم انتحاري عن مقتل عشرة", True),
    ("هجوم انتحاري في المدينة . وقال الوزير إن مقتل", False),
    ("الهجوم الانتحاري أسفر عن مقتل عشرة", False),
    ("كل هجوم انتحاري أسفر عن مقتل عشرة", False),
]


@pytest.mark.parametrize(("text", "expected"), OUTCOMES)
def test_attack_outcome(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    """The outcome is looked for in the noun's clause, and only for an indefinite noun."""
    from hadath import Article

    doc = nlp(Article(id="t", text=text, date=DATE))
    toks = doc.tokens
    ti = next(k for k, t in enumerate(toks) if "هجوم" in t.text)
    pat = next(p for p in _patterns() if p.id == "1831.intihari")
    assert _attack_outcome(toks, ti, ti + 2, pat) is expected


def _patterns():  # type: ignore[no-untyped-def]
    from hadath.kb import get_kb

    return get_kb(()).patterns.values()


# (text, the code of the party that says it killed: the speaker of "أنه/أنها" before an active violent verb)
TOLD_OWN_VIOLENCE = [
    ("وأكد حلف شمال الأطلسي أنه قتل نحو أربعين متمردا من طالبان في ولاية قندهار أمس.", "IGONAT"),
    ("وقال الجيش الأمريكي إنه قتل ثمانية مسلحين خلال عمليات في بغداد أمس.", "USAMIL"),
    ("وأكدت القوات الفرنسية أنها قتلت عشرات المسلحين في شمال مالي.", "FRAMIL"),
]


@pytest.mark.parametrize(("text", "source"), TOLD_OWN_VIOLENCE)
def test_speaker_of_its_own_violence_is_the_source(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"X قال إنه قتل ...": the speaker is the killer."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and e.source.code == source for e in violent(got)), got.why()


# (text, the code of the party that achieved the act: a verb of achieving before في/من and the masdar)
ACHIEVED_VIOLENCE = [
    # (no time or place: the penalty of a bare verbal noun would drop them)
    ("وقال المتحدث إن الجيش الباكستاني نجح في قتل العشرات من المسلحين الأجانب.", "PAKMIL"),
    ("وأضاف أن القوات الأمريكية تمكنت من قتل العشرات من المسلحين الأجانب.", "USAMIL"),
]


@pytest.mark.parametrize(("text", "source"), ACHIEVED_VIOLENCE)
def test_achieved_violence_is_its_subjects_act(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"نجح الجيش في قتل ..."، "تمكنت القوات من قتل ...": the subject of the verb of achieving did the act."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and e.source.code == source for e in violent(got)), got.why()


# (text, whether a violent event is coded): acts counted "so far" are a record, not a happening
SO_FAR = [
    ("وقد خطف القراصنة الصوماليون حتى الآن أكثر من ثلاثين سفينة في خليج عدن.", False),
    ("وقتلت القوات الحكومية لحد الآن مئات المدنيين في الإقليم بحسب المنظمة.", False),
    ("وخطف القراصنة الصوماليون أمس سفينة يونانية في خليج عدن.", True),
]


@pytest.mark.parametrize(("text", "coded"), SO_FAR)
def test_violence_counted_so_far_is_a_record(code_text: Callable[..., Coded], text: str, coded: bool) -> None:
    """"حتى الآن"، "لحد الآن" beside a violent verb: a tally up to now, not an act that happened."""
    got = code_text(text, date=DATE)
    assert bool(violent(got)) is coded, got.why()


# (text, a word of the English name of the doer an agent phrase names after a passive or nominal violent trigger)
AGENT_PHRASES = [
    ("وقتل ثلاثة مدنيين على أيدي عناصر من حركة طالبان في ولاية هلمند أمس.", "Taliban"),
    ("واغتيل الصحفي العراقي على يد مسلحين مجهولين في بغداد أمس.", "unidentified"),
]


@pytest.mark.parametrize(("text", "source"), AGENT_PHRASES)
def test_agent_phrase_names_the_perpetrator(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"على يد X"، "على أيدي X"، "من قبل X": X did it (the source), it is not the victim."""
    got = code_text(text, date=DATE)
    evs = violent(got)
    assert evs and all(e.source is not None and source in (e.source.name_en or "") for e in evs), got.why()
