"""Coder gaps closed by issue 5: one invented sentence per behaviour change (see tests/coding/conftest.py).

Every sentence here was written for these tests (plausible, invented news); none is copied from an
evaluation corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

D = "2021-05-03"


@pytest.mark.parametrize(("code", "source", "target", "text"), [
    # a common verb (وقع، طلب، أطلق) is a trigger when its pattern's companion word follows
    pytest.param("057", "TUR", "AZE", "وقعت تركيا وأذربيجان اتفاقية للتعاون في مجال الطاقة.", id="waqqaa-joint-subject"),
    pytest.param("02", "JOR*", "IGOEU", "طلب وزير الخارجية الأردني من الاتحاد الأوروبي زيادة الدعم للاجئين.",
                 id="talaba-min"),
])
def test_common_verb_trigger_with_requires(code_text: Any, code: str, source: str, target: str, text: str) -> None:
    """A verb form listed in common_words.tsv still triggers a pattern whose ``requires`` word is near."""
    coded = code_text(text, date=D)
    assert coded.find(code[:2], code if len(code) == 3 else None, source, target), coded.why()


def test_common_noun_is_not_a_trigger(code_text: Any) -> None:
    """Only verb-shaped common forms are let through: the masdar تحرير of a liberation battle is no 192 event."""
    coded = code_text("شارك الجيش العراقي في معارك تحرير مدينة الموصل من تنظيم داعش.", date=D)
    assert not coded.find("19", "192", "*", "*"), coded.why()


def test_aid_destination_place_stands_for_its_country(code_text: Any) -> None:
    """Aid sent "إلى قطاع غزة": the destination place stands for its country as the recipient."""
    coded = code_text("أرسلت الكويت شحنة مساعدات طبية إلى قطاع غزة.", date=D)
    assert coded.find("07", "073", "KWT", "PSE*"), coded.why()


def test_giving_verb_first_bare_object_is_recipient(code_text: Any) -> None:
    """"سلّم X Y المطلوبين": the bare object right after the subject of a giving verb is the recipient."""
    coded = code_text("سلمت الأردن العراق خمسة مطلوبين بتهم تهريب.", date=D)
    assert coded.find("06", "063", "JOR*", "IRQ"), coded.why()


def test_nationality_of_attack_noun_is_perpetrator(code_text: Any) -> None:
    """"في غارات أمريكية": the nisba of the attack noun is the attacker, the casualties before it the victims."""
    coded = code_text("قتل مسلحو تنظيم داعش في غارات فرنسية شمال مالي.", date=D)
    assert coded.find("19", None, "FRA*", "IMGISIS"), coded.why()
    assert not coded.find("19", None, "IMGISIS", "FRA*"), coded.why()


def test_nationality_of_attack_noun_is_not_the_passive_object(code_text: Any) -> None:
    """"قُتل عناصر ... في غارات أمريكية": the nisba after the attack noun is not the object of the passive verb."""
    coded = code_text("قتل عناصر من حركة الشباب في غارات أمريكية.", date=D)
    assert not coded.find("19", None, "*", "USA*"), coded.why()


def test_attack_word_after_preposition_is_a_noun(code_text: Any) -> None:
    """"في قصف روسي": a form after a preposition is the verbal noun, so the casualties are not the attackers."""
    coded = code_text("أصيب ستة مدنيين في قصف روسي على ريف إدلب.", date=D)
    assert coded.find("19", None, "RUS*", "*"), coded.why()
    assert not coded.find("19", None, "*", "RUS*"), coded.why()


def test_exchange_verb_makes_coordinated_subjects_parties(code_text: Any) -> None:
    """"تبادلت X و Y إطلاق النار": a reciprocal light verb (تبادل) makes each conjunct act on the other."""
    coded = code_text("تبادلت القوات الهندية والباكستانية إطلاق النار على الحدود في كشمير.", date=D)
    assert coded.find("19", None, "IND*", "PAK*"), coded.why()
    assert coded.find("19", None, "PAK*", "IND*"), coded.why()


def test_partner_of_interaction_masdar_object_is_target(code_text: Any) -> None:
    """"رفض الحوار مع X": the مع phrase of the interaction noun that is the verb's object is the target."""
    coded = code_text("رفض رئيس الوزراء الإثيوبي آبي أحمد المفاوضات مع جبهة تحرير تيغراي.", date=D)
    assert coded.find("12", "125", "ETHGOV", "ETHREB"), coded.why()


def test_requires_word_several_words_before_trigger(code_text: Any) -> None:
    """A pattern's companion word may stand up to 8 words before the trigger in its clause ("أسلحة ... أرسلتها")."""
    coded = code_text("وقالت الوزارة إن أسلحة نوعية ومعدات اتصالات حديثة ومتطورة أرسلتها روسيا إلى سوريا.", date=D)
    assert coded.find("07", "072", "RUS", "SYR"), coded.why()


def test_uncoded_member_object_stands_for_its_group(code_text: Any) -> None:
    """"اعتقل X قياديا في Y": the member noun is uncoded, so the group after في/من is the target."""
    coded = code_text("اعتقلت قوات الأمن المصرية قياديا في جماعة الإخوان المسلمين بمحافظة الجيزة.", date=D)
    assert coded.find("17", "173", "EGY*", "EGYOPP"), coded.why()
