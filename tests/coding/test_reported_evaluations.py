"""Statements coded from what they say (sentences invented for these tests).

* gapped stance masdars (hadath/data/patterns/stances.tsv): "أعرب وزير الخارجية X عن امتنانه لـ Y": the
  expression verb and the evaluative masdar are split by the subject; the masdar codes the event when an
  expression verb stands before it in its clause;
* evaluative words in reported speech (voice "said", hadath/data/patterns/said.tsv): "قالت البحرين إن ...
  الموقف العدائي لإيران": the speaker is the source, the party the word qualifies the target; outside
  reported speech the same words are not coded.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Coded

Code = Callable[..., Coded]


def _plain(got: Coded, root: str, code: str | None = None, source: str = "*", target: str = "*") -> list:
    return [e for e in got.find(root, code=code, source=source, target=target)
            if not e.negated and e.modality is None]


# --- gapped stance masdars ------------------------------------------------------------------------------

def test_gratitude_split_by_the_subject(code_text: Code) -> None:
    got = code_text("وأعرب وزير الخارجية الفرنسي عن امتنانه للسلطات الجزائرية لاستضافة الاجتماع.")
    assert got.find("05", code="051", source="FRA*", target="DZA*"), got.why()


def test_concern_split_by_the_subject(code_text: Code) -> None:
    got = code_text("وأعرب الرئيس الأمريكي جو بايدن عن قلقه العميق من التجارب الصاروخية لكوريا الشمالية.")
    assert got.find("01", code="012", source="USA*", target="PRK*"), got.why()


def test_solidarity_split_by_the_subject(code_text: Code) -> None:
    got = code_text("وعبرت وزارة الخارجية القطرية عن تضامنها الكامل مع الأردن في مواجهة الإرهاب.")
    assert got.find("01", code="018", source="QAT*", target="JOR*"), got.why()


def test_bare_masdar_without_an_expression_verb_is_not_a_stance(code_text: Code) -> None:
    """"في تقديره" (in his estimation) is no appreciation: no أعرب/عبر/أبدى before it."""
    got = code_text("وقال الوزير الأردني إن الأزمة في تقديره ستطول مع استمرار الحرب في سوريا.")
    assert not got.find("05", code="051"), got.why()


# --- evaluative words in reported speech ------------------------------------------------------------------

def test_hostile_stance_of_the_party_after_the_word(code_text: Code) -> None:
    got = code_text("وقالت الكويت في بيان إن التصريحات تعكس الموقف العدائي لإيران تجاه دول الخليج.")
    assert got.find("11", source="KWT", target="IRN"), got.why()


def test_label_of_the_reported_subject(code_text: Code) -> None:
    got = code_text("وقال المرشد الإيراني علي خامنئي إن الولايات المتحدة هي الشيطان الأكبر.")
    assert got.find("11", code="111", source="IRN*", target="USA"), got.why()


def test_label_in_a_quotation_after_qawluhu(code_text: Code) -> None:
    got = code_text("ونقلت وكالة الأنباء السورية عن وزير الخارجية السوري قوله: \"القصف الإسرائيلي على دمشق عمل "
                    "عدواني سافر\".")
    assert got.find("11", code="111", source="SYR*", target="ISR"), got.why()


def test_role_praised_in_a_statement(code_text: Code) -> None:
    got = code_text("وقال وزير الخارجية الأمريكي إن مصر تلعب دورا محوريا في استقرار المنطقة.")
    assert got.find("05", code="051", source="USA*", target="EGY"), got.why()


def test_stacked_adjectives_take_the_nationality(code_text: Code) -> None:
    """"بالدعم العسكري الروسي": of the adjectives after the noun the nationality names the party."""
    got = code_text("وقال الرئيس السوري بشار الأسد إن الجيش فخور بالدعم العسكري الروسي في الحرب على الإرهاب.")
    assert got.find("05", code="051", source="SYR*", target="RUS"), got.why()


def test_pronoun_speaker_continues_the_quoted_speaker(code_text: Code) -> None:
    got = code_text("وقال الرئيس الإيراني حسن روحاني إن بلاده لن تتفاوض تحت الضغط. "
                    "وقال: \"الولايات المتحدة الشيطان الأكبر\".")
    assert got.find("11", code="111", source="IRN*", target="USA"), got.why()


def test_evaluative_word_in_narration_is_not_coded(code_text: Code) -> None:
    """The journalist's own words: nobody is quoted, nobody evaluates."""
    got = code_text("وتصاعد الموقف العدائي لإيران تجاه جيرانها خلال العام الماضي.")
    assert not got.find("11"), got.why()


def test_negated_evaluation_is_not_coded(code_text: Code) -> None:
    got = code_text("وقال وزير الخارجية التركي إن الخطوة ليست عملا عدوانيا ضد اليونان.")
    assert not _plain(got, "11", code="111"), got.why()


def test_victim_after_another_preposition_is_not_the_target(code_text: Code) -> None:
    """"عدوان سافر على سوريا": the party after على is the victim, not the one evaluated."""
    got = code_text("وقال المتحدث باسم الخارجية الروسية إن ما جرى عدوان سافر على سوريا.")
    assert not got.find("11", target="SYR"), got.why()


def test_participle_speaker_is_the_main_subject(code_text: Code) -> None:
    """"وأضاف X أن ...، قائلا: «...»": the subject of قائلا is X, not the last country named before it."""
    got = code_text("وأضاف وزير الخارجية البريطاني أن الأردن شريك مهم، قائلا: \"نثق كل الثقة في الأردن\".")
    assert got.find("05", code="051", source="GBR*", target="JOR"), got.why()
    assert not got.find("05", code="051", source="JOR"), got.why()


def test_described_object_holds_the_party(code_text: Code) -> None:
    """"وصفت X الضربة الأمريكية بأنها عمل عدواني": the party of the thing described is evaluated."""
    got = code_text("ووصفت إيران الضربة الأمريكية على مطار بغداد بأنها عمل إرهابي.")
    assert got.find("11", code="111", source="IRN", target="USA"), got.why()


def test_uncoded_speaker_is_not_a_source(code_text: Code) -> None:
    """"متحدث" with no institution or country is nobody identified: no event rather than an uncoded source."""
    got = code_text("وقال متحدث إن الولايات المتحدة هي الشيطان الأكبر.")
    assert not got.find("11", code="111", source="NONE"), got.why()


def test_interference_of_the_party_after_the_word(code_text: Code) -> None:
    got = code_text("وقالت وزارة الخارجية البحرينية في بيان إن التدخل الإيراني في شؤون المملكة مرفوض.")
    assert got.find("11", code="112", source="BHR*", target="IRN"), got.why()


def test_rapid_intervention_forces_are_no_interference(code_text: Code) -> None:
    got = code_text("وقال وزير الداخلية العراقي إن قوات التدخل السريع الأمريكية وصلت إلى بغداد.")
    assert not got.find("11", code="112"), got.why()


def test_practices_of_the_party_in_a_quotation(code_text: Code) -> None:
    got = code_text("وقالت الحكومة اليمنية في بيان إن \"ممارسات إيران في دعم الحوثيين أصبحت واضحة\".")
    assert got.find("11", code="112", source="YEM*", target="IRN"), got.why()


def test_conditional_evaluation_is_not_coded(code_text: Code) -> None:
    got = code_text("وقال السيناتور الأمريكي إنه إذا صحت التقارير فإن التدخل الروسي في الانتخابات خطير.")
    assert not got.find("11", code="112", target="RUS"), got.why()


def test_unknown_named_speaker_is_not_replaced_by_an_earlier_subject(code_text: Code) -> None:
    """"وقال فلانوفيتش إن ...": a subject is named (not in the dictionaries): no pronoun to resolve, no event
    with the previous sentence's subject as the source."""
    got = code_text("وصل الرئيس التركي رجب طيب أردوغان إلى الدوحة. "
                    "وقال زاخاروفيتشنكو إن قطر تلعب دورا محوريا في المنطقة.")
    assert not got.find("05", code="051", source="TUR*"), got.why()


def test_efforts_praised_through_a_relative_clause(code_text: Code) -> None:
    got = code_text("وقال وزير الدفاع الأمريكي إن العملية تدل على الجهود التي يبذلها الجيش العراقي في مكافحة الإرهاب.")
    assert got.find("05", code="051", source="USA*", target="IRQ*"), got.why()
