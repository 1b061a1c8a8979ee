"""Roots 17 (coerce) and 18 (assault): who arrested, captured or bombed whom. All sentences are invented for these
tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Coded

D = "2021-05-03"

CodeText = Callable[..., Coded]


def test_suicide_bombers_blew_themselves_up(code_text: CodeText) -> None:
    """"فجر انتحاريون أنفسهم": the reflexive object is the canonical suicide bombing, not a reason to drop it; the
    bombers' group after من is the source."""
    coded = code_text("وفجر انتحاريان من تنظيم داعش نفسيهما قرب حاجز للجيش العراقي في الأنبار.", date=D)
    assert coded.find("18", "1831", "IMGISIS", "*"), coded.why()


def test_suicide_bomber_of_a_country_yields_to_his_group(code_text: CodeText) -> None:
    """A suicide bomber coded only as unidentified armed men of a country (SYRUAF) is a part of the group named after
    من: "فجر انتحاري من جبهة النصرة نفسه" is the group's bombing."""
    coded = code_text("فجر انتحاري من جبهة النصرة نفسه في بلدة سورية قرب حلب.", date=D)
    assert coded.find("18", "1831", "IMGNUS", "*"), coded.why()


def test_what_a_car_bomb_aimed_at_is_no_perpetrator(code_text: CodeText) -> None:
    """"انفجرت سيارة مفخخة، مستهدفة قافلة بريطانية": the phrase after the aiming participle is the target of the
    bombing; with no perpetrator named the bombing noun is not coded with the convoy as its source."""
    coded = code_text("انفجرت سيارة مفخخة صباح اليوم، مستهدفة قافلة عسكرية بريطانية في جنوب أفغانستان.", date=D)
    assert not coded.find("18", None, "GBR*", "*"), coded.why()


def test_people_arrested_on_suspicion_of_a_group(code_text: CodeText) -> None:
    """"اعتقلت الشرطة 40 شخصا يشتبه في انتمائهم إلى تنظيم داعش": the people arrested are the group they are
    suspected of belonging to."""
    coded = code_text("اعتقلت الشرطة المصرية 40 شخصا يشتبه في انتمائهم إلى تنظيم داعش في القاهرة.", date=D)
    assert coded.find("17", "173", "EGY*", "IMGISIS"), coded.why()


def test_people_arrested_without_a_suspicion_stay_people(code_text: CodeText) -> None:
    """No word of suspicion or belonging: a group named later in the sentence is not the target."""
    coded = code_text("اعتقلت الشرطة المصرية 40 شخصا في القاهرة بعد يوم من هجوم لتنظيم داعش.", date=D)
    assert not coded.find("17", "173", "EGY*", "IMGISIS"), coded.why()


def test_what_an_air_force_blows_up_is_an_air_strike(code_text: CodeText) -> None:
    """"قام سلاح الجو بتفجير مخزن أسلحة للمسلحين": an air force striking a depot is 195, not a bombing (18)."""
    coded = code_text("وقال المتحدث إن سلاح الجو العراقي قام بتفجير مخزن أسلحة لتنظيم داعش في الموصل أمس.", date=D)
    assert not coded.find("18"), coded.why()


def test_a_victim_after_an_attack_noun_is_no_perpetrator(code_text: CodeText) -> None:
    """"بالهجوم الانتحاري في المدينة ومقتل جندي": the soldier after the casualty noun is a victim; the attack noun
    does not take him as its perpetrator."""
    coded = code_text("وبرر الوزير العملية العسكرية بالهجوم الانتحاري في المدينة ومقتل جندي تركي أمس.", date=D)
    assert not coded.find("18", None, "TUR*", "*"), coded.why()


def test_the_bombers_noun_is_the_same_assault_as_their_verb(code_text: CodeText) -> None:
    """"فجر انتحاريون من تنظيم داعش أنفسهم قرب حاجز للجيش": one suicide bombing, not a second one from the noun
    انتحاريون with no target."""
    coded = code_text("فجر انتحاريون من تنظيم داعش أنفسهم قرب حاجز للجيش العراقي في الأنبار أمس.", date=D)
    assert len([e for e in coded.events if e.cameo == "1831"]) <= 1, coded.why()


def test_survived_an_assassination_attempt(code_text: CodeText) -> None:
    """"نجا الوزير من محاولة اغتيال" (VSO, the subject between نجا and من): the survivor is the target of the attempt,
    not the one who tried."""
    coded = code_text("نجا وزير الداخلية الليبي من محاولة اغتيال في طرابلس مساء أمس.", date=D)
    assert coded.find("18", "185", "*", "LBY*"), coded.why()
    assert not coded.find("18", None, "LBY*", "*"), coded.why()


def test_exposed_to_an_assassination_attempt(code_text: CodeText) -> None:
    """"تعرض الوزير لمحاولة اغتيال": the purpose reading of ل + verbal noun does not apply after تعرض."""
    coded = code_text("تعرض محافظ البصرة لمحاولة اغتيال في البصرة مساء أمس.", date=D)
    assert coded.find("18", "185", "*", "IRQ*"), coded.why()
    assert not coded.find("18", None, "IRQ*", "*"), coded.why()


def test_casualties_of_a_targetless_assault_are_its_victims(code_text: CodeText) -> None:
    """"حريق متعمد نفذه متطرفون مما أسفر عن مقتل طفل": the doer of an attack noun is the subject of the resumptive
    verb after it (no relative pronoun); the casualties the same source caused are the victims of the assault (one
    18 event), not a separate 190."""
    coded = code_text("بعد يومين من حريق متعمد نفذه متطرفون يهود مما أسفر عن مقتل طفل فلسطيني أمس.", date=D)
    assert coded.find("18", None, "ISR*", "PSE*"), coded.why()
    assert not coded.find("19", None, "ISR*", "PSE*"), coded.why()
