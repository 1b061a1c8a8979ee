"""Precision pass: phrases that are not the trigger's second actor.

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

D = "2021-05-03"


def test_prep_phrase_of_another_states_noun_is_no_target(code_text: Any) -> None:
    """"... تأمين حدود الأردن مع العراق": the مع phrase after another state's name belongs to that noun phrase
    ("the border of Jordan with Iraq"), not to the meeting before it."""
    coded = code_text("قال البيت الأبيض إن الرئيس الأمريكي ونظيره الأردني اتفقا أثناء اتصال هاتفي على العمل معا "
                      "لتأمين حدود الأردن مع العراق.", date=D)
    assert not any(e.target is not None and e.target.code == "IRQ" and e.cameo[:2] == "04"
                   for e in coded.events), coded.why()


def test_meeting_partner_after_maa_still_target(code_text: Any) -> None:
    """The ordinary case keeps its target: "بحث X مع Y"."""
    coded = code_text("بحث وزير الخارجية المصري مع نظيره الأردني تطورات الأوضاع في غزة.", date=D)
    assert coded.find("04", None, "EGYGOV", "JORGOV"), coded.why()


def test_report_attribution_is_no_target(code_text: Any) -> None:
    """"... حسبما ذكرت وسائل إعلام روسية": the attribution is a clause of its own; the media reporting the arrest
    are not its target."""
    coded = code_text("واعتقل المعارض الروسي أليكسي نافالني فور وصوله إلى موقع الاحتجاج حسبما ذكرت وسائل إعلام "
                      "روسية.", date="2017-03-26")
    assert not any(e.target is not None and e.target.code == "RUSMED" for e in coded.events), coded.why()


def test_uncoded_conjunct_beside_coded_target(code_text: Any) -> None:
    """"مع رئيس الوزراء العراقي وقادة عسكريين": the uncoded conjunct adds no second event beside the coded party."""
    coded = code_text("التقى وزير الخارجية الفرنسي مع رئيس الوزراء العراقي وقادة عسكريين في بغداد.", date=D)
    assert coded.find("04", "040", "FRAGOV", "IRQGOV"), coded.why()
    assert not coded.find("04", "040", "FRAGOV", "NONE"), coded.why()


def test_joint_subjects_of_a_singular_verb_give_one_event(code_text: Any) -> None:
    """"اتفق X و Y على خطة": one joint act, coded once with the party named first as its source (no mirrored
    duplicate Y -> X)."""
    coded = code_text("وفي قمة عقدت في برلين اتفق الاتحاد الأوروبي وكندا على خطة مشتركة لمكافحة تهريب المخدرات.",
                      date=D)
    assert coded.find("05", "057", "IGOEU", "CAN"), coded.why()
    assert not coded.find("05", "057", "CAN", "IGOEU"), coded.why()
