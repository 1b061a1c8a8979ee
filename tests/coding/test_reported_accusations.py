"""Accusations in reported speech without an accusation verb (sentences invented for these tests).

"قال X إن Y متورط في ..." / "أكد X أن Y مسؤول عن ...": the predicate after the accused subject is a passive-voice
pattern of root 11; the coder makes the speaker its source and the grammatical subject its target.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Coded

Code = Callable[..., Coded]


def _accusations(got: Coded, code: str = "112") -> list:
    return [e for e in got.find("11", code=code) if not e.negated and e.modality is None]


# --- 112.tawarrut: متورط / ضالع / متواطئ في ---------------------------------------------------------

def test_implicated_in_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال وزير الخارجية الأمريكي إن إيران متورطة في الهجمات على ناقلات النفط.")
    assert got.find("11", code="112", source="USAGOV", target="IRN"), got.why()


def test_complicit_in_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال الرئيس الأمريكي إن حزب الله ضالع في تفجير المرفأ.")
    assert got.find("11", code="112", source="USAGOV", target="IMGHEZ"), got.why()


def test_arresting_the_implicated_is_no_accusation_of_the_police(code_text: Code) -> None:
    """"اعتقلت الشرطة المتورطين": the oblique plural is the noun "those implicated", not a predicate."""
    got = code_text("قال وزير الداخلية المصري إن الشرطة اعتقلت المتورطين في التفجير.")
    assert not got.find("11", code="112"), got.why()


def test_denied_involvement_is_no_accusation(code_text: Code) -> None:
    got = code_text("قال وزير الخارجية الإيراني إن إيران ليست متورطة في الهجوم.")
    assert not _accusations(got), got.why()


# --- 112.tawarrata: تورط / تورطوا في (verb) -------------------------------------------------------

def test_got_involved_verb_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("أكد وزير الداخلية العراقي أن تنظيم داعش تورط في تفجير السيارة المفخخة.")
    assert got.find("11", code="112", source="IRQ*", target="IMGISIS"), got.why()


def test_involvement_without_a_speaker_is_not_coded(code_text: Code) -> None:
    """No reporting clause: nobody accuses, the sentence narrates."""
    got = code_text("تورط تنظيم داعش في تفجير السيارة المفخخة العام الماضي.")
    assert not got.find("11", code="112"), got.why()


# --- 112.yaqif-wara: more forms of "be behind" ---------------------------------------------------

def test_plural_stand_behind_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال رئيس الوزراء الباكستاني إن حركة طالبان وقفوا وراء الهجوم على المدرسة.")
    assert got.find("11", code="112", source="PAK*", target="*"), got.why()


# --- 112.masul-an: مسؤول عن + a wrongdoing -----------------------------------------------------------

def test_responsible_for_an_attack_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال وزير الدفاع الأمريكي إن تنظيم داعش مسؤول عن التفجير الذي استهدف السوق.")
    assert got.find("11", code="112", source="USAMIL", target="IMGISIS"), got.why()


def test_she_is_the_one_responsible_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قالت الحكومة الإسرائيلية إن حماس هي المسؤولة عن الهجوم.")
    assert got.find("11", code="112", source="ISR*", target="IMGHAM"), got.why()


def test_responsible_for_a_duty_is_no_accusation(code_text: Code) -> None:
    got = code_text("قال وزير الداخلية الأردني إن الحكومة مسؤولة عن حماية المدنيين في كل المحافظات.")
    assert not got.find("11", code="112"), got.why()
    got = code_text("قال الرئيس الفرنسي إن فرنسا مسؤولة عن مكافحة الإرهاب في منطقة الساحل.")
    assert not got.find("11", code="112"), got.why()


def test_official_in_charge_is_a_title_not_an_accusation(code_text: Code) -> None:
    got = code_text("وقال المسؤول عن الملف الأمني في الحكومة العراقية إن الوزير سيزور عمان الأسبوع المقبل.")
    assert not got.find("11", code="112"), got.why()
    got = code_text("قال وزير الخارجية البريطاني إن على روسيا محاسبة المسؤولين عن الهجوم.")
    assert not got.find("11", code="112", target="RUS"), got.why()


# --- 112.daam-irhab: يدعم / يمول / ترعى الإرهاب -------------------------------------------------------

def test_supports_terrorism_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال وزير الخارجية السعودي إن قطر تدعم الإرهاب في المنطقة.")
    assert got.find("11", code="112", source="SAU*", target="QAT"), got.why()
    got = code_text("قال وزير الخارجية الإسرائيلي إن إيران تمول الإرهاب في المنطقة.")
    assert got.find("11", code="112", source="ISR*", target="IRN"), got.why()


def test_denying_support_for_terrorism_is_no_accusation(code_text: Code) -> None:
    got = code_text("قال وزير الخارجية القطري إن بلاده لا تدعم الإرهاب.")
    assert not _accusations(got), got.why()


# --- 1124.irtakaba: ارتكب جرائم / مجازر ----------------------------------------------------------------

def test_committed_war_crimes_is_an_accusation_of_war_crimes(code_text: Code) -> None:
    got = code_text("أكد رئيس الوزراء العراقي أن تنظيم داعش ارتكب جرائم حرب بحق المدنيين في الموصل.")
    assert got.find("11", code="1124", source="IRQ*", target="IMGISIS"), got.why()


def test_committed_financial_crimes_is_not_war_crimes(code_text: Code) -> None:
    got = code_text("قال النائب العام المصري إن الوزير السابق ارتكب جرائم فساد مالية.")
    assert not got.find("11", code="1124"), got.why()


def test_bears_full_responsibility_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال الرئيس الفلسطيني إن إسرائيل تتحمل المسؤولية الكاملة عن التصعيد في غزة.")
    assert got.find("11", code="112", source="PSE*", target="ISR"), got.why()


def test_bearing_the_duty_to_protect_is_no_accusation(code_text: Code) -> None:
    got = code_text("قال رئيس الوزراء الأردني إن الحكومة تتحمل مسؤولية حماية المواطنين.")
    assert not got.find("11", code="112"), got.why()


# --- 112.tadakhkhul: تتدخل في الشؤون الداخلية / في شؤوننا --------------------------------------------

def test_interferes_in_internal_affairs_names_the_speaker_as_accuser(code_text: Code) -> None:
    got = code_text("قال وزير الخارجية البحريني إن إيران تتدخل في الشؤون الداخلية لدول الخليج.")
    assert got.find("11", code="112", source="BHR*", target="IRN"), got.why()
    got = code_text("قال وزير الخارجية التركي إن إيران تتدخل في الشؤون الداخلية العراقية.")
    assert got.find("11", code="112", source="TUR*", target="IRN"), got.why()


def test_rejecting_interference_in_principle_is_no_accusation(code_text: Code) -> None:
    """"ترفض التدخل في الشؤون الداخلية": the masdar of a non-interference statement accuses nobody."""
    got = code_text("أكد وزير الخارجية المصري أن بلاده ترفض التدخل في الشؤون الداخلية للدول.")
    assert not got.find("11", code="112"), got.why()
