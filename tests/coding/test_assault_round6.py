"""Assault detection, round 6: attacks the coder read but scored too low, or did not read at all.

* "تم اغتصابها من قبل عدة جنود": تم/جرى + a violent verbal noun is an impersonal passive; with its agent named
  (من قبل، على يد) the agent is the perpetrator and the pronoun on the noun the victim, as told as a plain passive.
* "استهدف انتحاري ... فقتل 20 شخصا": a verb of result whose doer is the suicide bomber of the clause before it
  is a told attack, even though the bomber has no code.
* "أسفر انفجار سيارة مفخخة ... عن إصابة عشرة"، "أوقع هجوم بسيارة مفخخة ... سبعة قتلى": a bombing that is the
  subject of a result verb is the report of that attack and is coded even with no actor at all (not when the
  result verb follows a bombing that is the object of another verb: "نظم تفجيرات أدت إلى مقتل العشرات").
* "وتعرضت دورية أمريكية أمس لهجوم مسلح": the ل + attack noun is the complement of تعرض even with the subject
  and adverbials between them (no purpose); the subject of تعرض is the target.
* "قام من فيها بإطلاق صواريخ «كاتيوشا» في اتجاه شمال إسرائيل": a phrase governed by a direction word (باتجاه،
  في اتجاه، نحو، صوب) is where fire was aimed, its target, never its doer; an attack noun aimed so at a coded
  party is coded though its shooters are unnamed.
* "توفوا نتيجة التعذيب في السجون الإسرائيلية": the state a detention place belongs to by its nationality adjective
  is the perpetrator of torture in it, not its victim.
* "تعرض الإقليم لقصف صاروخي ...، أسفر عن سقوط خمسة قتلى": exposure to an attack followed by a result verb reports
  the attack even when what was hit is a place and nobody is named.
* "عملية اغتيال رئيس الوزراء اللبناني الأسبق رفيق الحريري": the genitive read as the object of a violent verbal
  noun is not its subject too (the victim is never the perpetrator).
* "وانفجرت خمس قذائف هاون قرب مقر رئيس الوزراء": shells or rockets that fell or exploded were fired by somebody,
  a shelling (194) with its gunners unnamed; the party near which they fell is the target, never the source.
* "أعدم التنظيم بدم بارد 300 من الأسرى": the verb forms of mass killing (أعدم/قتل بدم بارد، أعدموا جماعيا) are
  verbs (their subject the killer), not nouns.

Every sentence here was written for these tests (plausible, not real, news).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, actor_matches, violent

DATE = "2007-06-10"


# (text, code of the event, CAMEO code of the perpetrator named by the agent phrase)
IMPERSONAL_PASSIVE_WITH_AGENT = [
    ("وقالت الفتاة في مقابلة مع صحيفة محلية إنه تم اغتصابها من قبل ثلاثة جنود أمريكيين.", "1821", "USAMIL"),
    ("وأكد شقيقه أنه جرى تعذيبه على أيدي ضباط سوريين داخل السجن.", "1822", "SYRMIL"),
    ("وذكرت عائلة الصحفي أنه تم اختطافه من قبل مسلحي حركة طالبان قرب مدينة قندهار.", "181", "*TAL"),
]


@pytest.mark.parametrize(("text", "code", "source"), IMPERSONAL_PASSIVE_WITH_AGENT)
def test_impersonal_passive_with_agent(code_text: Callable[..., Coded], text: str, code: str, source: str) -> None:
    """"تم + verbal noun + من قبل X": X is the perpetrator, not the object of an active verb."""
    got = code_text(text, date=DATE)
    assert got.find(code[:2], code, source=source), got.why()


# تم + verbal noun without any agent, in a relative clause: a background state, not coded with a raised score
IMPERSONAL_PASSIVE_NO_AGENT = [
    "وأعلنت الشرطة أنها حررت الموظفة الأجنبية التي تم اختطافها في الشتاء الماضي.",
]


@pytest.mark.parametrize("text", IMPERSONAL_PASSIVE_NO_AGENT)
def test_impersonal_passive_without_agent(code_text: Callable[..., Coded], text: str) -> None:
    """Without its agent, "التي تم اختطافها" gets no credit: no abduction is coded."""
    got = code_text(text, date=DATE)
    assert not got.find("18", "181"), got.why()


# a suicide bomber targets a place, and the verb of result (ف) tells the casualties
BOMBER_THEN_RESULT = [
    "واستهدف مفجر انتحاري مركزا لتدريب الجنود في مدينة كويتا فقتل 18 شخصا.",
    "وفي حادث آخر استهدف انتحاري مقرا لقوات الأمن في بلدة بعقوبة فقتل 12 شخصا.",
]


@pytest.mark.parametrize("text", BOMBER_THEN_RESULT)
def test_bomber_then_result(code_text: Callable[..., Coded], text: str) -> None:
    """"استهدف مفجر انتحاري X فقتل N": the killing is coded, the bomber its source."""
    got = code_text(text, date=DATE)
    assert any(e.source is not None and "انتحاري" in e.source.name for e in violent(got)), got.why()


# a bombing as the subject of a result verb, with casualties but no actor phrase at all
RESULT_VERB_BOMBINGS = [
    "وفي الموصل، أسفر انفجار سيارة مفخخة قرب سوق شعبي عن إصابة خمسة عشر.",
    "وأوقع هجوم بسيارة مفخخة على موكب عرس في بعقوبة تسعة قتلى.",
    "وأسفر انفجار عبوة ناسفة على طريق رئيسي جنوب كركوك عن مقتل اثنين.",
]


@pytest.mark.parametrize("text", RESULT_VERB_BOMBINGS)
def test_result_verb_bombing(code_text: Callable[..., Coded], text: str) -> None:
    """"أسفر انفجار سيارة مفخخة عن إصابة عشرة": a bombing (183x) is coded without any actor."""
    got = code_text(text, date=DATE)
    assert got.find("18", "183"), got.why()


# the result verb after a bombing that is another verb's object, or a possible outcome: no bombing is told
NO_RESULT_VERB_BOMBINGS = [
    "ونظم الرجل في التسعينات تفجيرات أدت إلى مقتل العشرات.",
    "وقال الخبير إن انفجار سيارة مفخخة قد يؤدي إلى مقتل العشرات.",
]


@pytest.mark.parametrize("text", NO_RESULT_VERB_BOMBINGS)
def test_no_result_verb_bombing(code_text: Callable[..., Coded], text: str) -> None:
    """A bombing that is no result verb's subject in a told clause is not coded."""
    got = code_text(text, date=DATE)
    assert not got.find("18", "183"), got.why()


# (text, the CAMEO code of the target: the subject of تعرض, with words between it and the attack noun)
EXPOSED_TO_ATTACK = [
    ("وتعرضت دورية أمريكية صباح أمس لهجوم مسلح قرب مدينة سامراء.", "USA*"),
    ("وتعرضت قوات الشرطة العراقية لهجوم مسلح عند حاجز تفتيش قرب مدينة الحلة أمس.", "IRQCOP"),
    ("وتعرضت السفارة الأمريكية في بغداد، فجر اليوم، لهجوم صاروخي.", "USA*"),
]


@pytest.mark.parametrize(("text", "target"), EXPOSED_TO_ATTACK)
def test_exposed_to_attack(code_text: Callable[..., Coded], text: str, target: str) -> None:
    """"تعرض X ... لهجوم": an attack on X is coded (the subject of تعرض is the target, never the source)."""
    got = code_text(text, date=DATE)
    assert [e for e in violent(got) if e.target is not None and actor_matches(e.target, target)
            and not actor_matches(e.source, target)], got.why()


# ل + attack noun with no تعرض governing it is a purpose, not a report
ATTACK_AS_PURPOSE = [
    "وحشد الجيش السوري قواته قرب مدينة حلب لهجوم مرتقب على مواقع المعارضة.",
]


@pytest.mark.parametrize("text", ATTACK_AS_PURPOSE)
def test_attack_as_purpose(code_text: Callable[..., Coded], text: str) -> None:
    """"حشد قواته لهجوم": no attack is coded."""
    got = code_text(text, date=DATE)
    assert not violent(got), got.why()


# fire aimed by a direction word at a coded party, the shooters unnamed
FIRED_TOWARD = [
    "وقام من كانوا في الشاحنة بإطلاق أربعة صواريخ «غراد» في اتجاه شمال إسرائيل قبل أن يفروا.",
    "وقالت قوات الطوارئ الدولية إن صاروخا أطلق باتجاه إسرائيل من بستان قرب بلدة الناقورة.",
]


@pytest.mark.parametrize("text", FIRED_TOWARD)
def test_fired_toward(code_text: Callable[..., Coded], text: str) -> None:
    """"بإطلاق صواريخ في اتجاه إسرائيل": rocket fire (194) on Israel, never by Israel."""
    got = code_text(text, date=DATE)
    assert got.find("19", "194", target="ISR"), got.why()
    assert not [e for e in violent(got) if e.source is not None and e.source.code == "ISR"], got.why()


# (text, the jailer state: the source of the torture)
TORTURE_IN_PRISONS = [
    ("وقال محامي المعتقلين إن ثلاثة منهم توفوا تحت التعذيب في السجون السورية خلال الشهر الماضي.", "SYR"),
    ("وأكد المعتقل المفرج عنه أنه تعرض للتعذيب في سجن أمريكي قرب بغداد.", "USA"),
]


@pytest.mark.parametrize(("text", "jailer"), TORTURE_IN_PRISONS)
def test_torture_in_prisons(code_text: Callable[..., Coded], text: str, jailer: str) -> None:
    """"التعذيب في السجون السورية": Syria tortures (1822 with Syria as the source)."""
    got = code_text(text, date=DATE)
    assert got.find("18", "1822", source=jailer), got.why()
    assert not got.find("18", "1822", target=jailer), got.why()


# exposure to an attack, reported with its outcome; no party named
EXPOSED_WITH_OUTCOME = [
    "وكانت البلدة الحدودية قد تعرضت لقصف مدفعي مساء الثلاثاء، أسفر عن سقوط ثلاثة قتلى.",
    "وتعرض الحي الشرقي من المدينة لقصف صاروخي عنيف فجر اليوم أسفر عن إصابة عشرة أشخاص بجروح.",
]

# (تعرض with a long subject and two adverbials before its attack noun, and an outcome)
EXPOSED_FAR_WITH_OUTCOME = [
    "وتعرضت عدة مواقع للجيش اللبناني خلال الأيام الأخيرة، وفي مناطق متفرقة من الشمال والجنوب، لاعتداءات متكررة "
    "أسفرت عن إصابة ثلاثة جنود بجروح.",
]


@pytest.mark.parametrize("text", EXPOSED_FAR_WITH_OUTCOME)
def test_exposed_far_with_outcome(code_text: Callable[..., Coded], text: str) -> None:
    """"تعرضت مواقع للجيش ...، ...، لاعتداءات أسفرت عن إصابة": the attacks (180) are coded."""
    got = code_text(text, date=DATE)
    assert got.find("18", "180"), got.why()


@pytest.mark.parametrize("text", EXPOSED_WITH_OUTCOME)
def test_exposed_with_outcome(code_text: Callable[..., Coded], text: str) -> None:
    """"تعرضت البلدة لقصف مدفعي، أسفر عن سقوط ثلاثة قتلى": the shelling (194) is coded."""
    got = code_text(text, date=DATE)
    assert got.find("19", "194"), got.why()


# exposure without an outcome nor a party: a mention, not coded
EXPOSED_WITHOUT_OUTCOME = [
    "وكانت المنطقة قد تعرضت لقصف صاروخي في وقت سابق.",
]


@pytest.mark.parametrize("text", EXPOSED_WITHOUT_OUTCOME)
def test_exposed_without_outcome(code_text: Callable[..., Coded], text: str) -> None:
    """"تعرضت المنطقة لقصف صاروخي" alone: nothing is coded."""
    got = code_text(text, date=DATE)
    assert not violent(got), got.why()


# (text, the victim's code, which must not be the perpetrator's)
GENITIVE_VICTIM = [
    ("وقد نفذت عملية اغتيال رئيس الوزراء اللبناني الأسبق رفيق الحريري في وسط بيروت.", "LBNGOV"),
    ("وجرت أمس عملية اغتيال وزير الصناعة اللبناني بيار الجميل في ضاحية بيروت الشمالية.", "LBNGOV"),
]


@pytest.mark.parametrize(("text", "victim"), GENITIVE_VICTIM)
def test_genitive_victim_not_source(code_text: Callable[..., Coded], text: str, victim: str) -> None:
    """"عملية اغتيال رئيس الوزراء": the prime minister is killed, not the killer."""
    got = code_text(text, date=DATE)
    assert not [e for e in violent(got) if e.source is not None and e.source.code == victim], got.why()


# (text, the killer's code) — mass killing told by a verb
MASS_KILLING_VERBS = [
    ("وقالت الحكومة العراقية إن تنظيم داعش أعدم بدم بارد 300 من سكان القرية.", "IMGISIS"),
    ("وأفاد شهود بأن مقاتلي حركة الشباب أعدموا جماعيا عشرات الأسرى قرب مدينة كيسمايو أمس.", "SOMREB"),
]


@pytest.mark.parametrize(("text", "source"), MASS_KILLING_VERBS)
def test_mass_killing_verbs(code_text: Callable[..., Coded], text: str, source: str) -> None:
    """"أعدم بدم بارد": a mass killing (202) whose subject is the source."""
    got = code_text(text, date=DATE)
    assert got.find("20", "202", source=source), got.why()


# an attack noun's genitive may be its doer: the air force bombs (the rule above is for acts on persons only)
GENITIVE_DOER = [
    ("وقصف طيران التحالف بقيادة السعودية صباح اليوم مواقع في محافظة صعدة شمال اليمن.", "SAUMIL"),
]


@pytest.mark.parametrize(("text", "doer"), GENITIVE_DOER)
def test_genitive_doer_kept(code_text: Callable[..., Coded], text: str, doer: str) -> None:
    """"قصف طيران التحالف مواقع": the coalition's aviation is the source of the air strike."""
    got = code_text(text, date=DATE)
    assert got.find("19", "195", source=doer), got.why()


# (text, the code of the party the shells fell near: the target)
SHELLS_FELL = [
    ("وانفجرت خمس قذائف هاون قرب مقر رئيس الوزراء الصومالي في مقديشو صباح اليوم.", "SOMGOV"),
    ("وسقطت ثلاث قذائف هاون قرب مقر البرلمان الصومالي في مقديشو صباح اليوم.", "SOMLEG"),
]


@pytest.mark.parametrize(("text", "target"), SHELLS_FELL)
def test_shells_fell(code_text: Callable[..., Coded], text: str, target: str) -> None:
    """"وانفجرت خمس قذائف هاون قرب مقر رئيس الوزراء": a shelling (194) of that party, by nobody named."""
    got = code_text(text, date=DATE)
    assert got.find("19", "194", target=target), got.why()
    assert not [e for e in violent(got) if e.source is not None and e.source.code == target], got.why()
