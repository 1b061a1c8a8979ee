"""Casualty reports, round 2: gapped casualty forms, perpetrators named in a time clause or a claim of
responsibility, and the choice between readings and merged events. All sentences are invented for these tests."""

from __future__ import annotations

from collections.abc import Callable

from tests.coding.conftest import Coded

D = "2021-05-03"

CodeText = Callable[..., Coded]


def test_count_between_the_words_of_a_casualty_form(code_text: CodeText) -> None:
    """"لقي 40 شخصا مصرعهم": the count stands between لقي and مصرعهم (the verb singular before its plural subject);
    the form fires, and the cause phrase after it names the perpetrator."""
    coded = code_text("ولقي 40 شخصا مصرعهم جراء قصف قوات النظام السوري على مدينة حلب أمس.", date=D)
    assert coded.find("19", None, "SYRMIL", "*"), coded.why()
    assert any(e.rule == "190.qutila" for e in coded.events), coded.why()


def test_count_and_at_least_between_the_words(code_text: CodeText) -> None:
    """"لقي سبعة أشخاص على الأقل حتفهم في غارة شنتها طائرات روسية": "على الأقل" may stand in the gap."""
    coded = code_text("ولقي سبعة أشخاص على الأقل حتفهم في غارة جوية شنتها طائرات روسية على إدلب.", date=D)
    assert coded.find("19", "195", "RUS*", "*"), coded.why()


def test_a_statistic_of_torture_is_no_gapped_form(code_text: CodeText) -> None:
    """"تعرض 14 شخصا للتعذيب": the second word of the form carries a preposition; no gapped form is read."""
    coded = code_text("وسجلت المنظمة في تقريرها السنوي تعرض 14 شخصا للتعذيب خلال العام الماضي.", date=D)
    assert not coded.find("18", "1822"), coded.why()


def test_vso_subject_then_count_stays_active_before_a_cause_phrase(code_text: CodeText) -> None:
    """"قتلت القوات العراقية عشرة مسلحين من تنظيم داعش في غارة": the phrase after the verb, then a count, is the
    subject of the active verb; the cause phrase after it does not force the passive reading."""
    coded = code_text("قتلت القوات العراقية عشرة مسلحين من تنظيم داعش في غارة جوية على مواقعهم قرب الموصل.", date=D)
    assert coded.find("19", None, "IRQ*", "*"), coded.why()
    assert not coded.find("19", None, "NONE", "IRQ*"), coded.why()


def test_protest_target_from_its_purpose(code_text: CodeText) -> None:
    """"للمطالبة باستقالة وزير الداخلية": the party named in the purpose of a protest is its target."""
    coded = code_text("وخرج آلاف المتظاهرين المصريين في مظاهرات حاشدة في القاهرة للمطالبة باستقالة رئيس الوزراء "
                      "المصري.", date=D)
    assert coded.find("14", None, "*", "EGYGOV"), coded.why()


def test_lam_of_laqu_is_no_purpose_preposition(code_text: CodeText) -> None:
    """"لقوا مصرعهم": the segmenter may split ل off "لقوا"; the ل is the verb's own, not a purpose ("لـ + masdar")."""
    coded = code_text("وأفادت الشبكة بأن 63 شخصا لقوا مصرعهم جراء قصف قوات النظام السوري العديد من المدن.", date=D)
    assert coded.find("19", None, "SYRMIL", "*"), coded.why()


def test_attacker_of_a_time_clause_is_the_source_of_the_casualties(code_text: CodeText) -> None:
    """"وقتل 7 جنود عندما اقتحم مسلحون من تنظيم داعش نقطة تفتيش": the subject of the violent verb of the time clause
    (the coded whole of the counted militants) is the source of the killing, the soldiers its target."""
    coded = code_text("وقتل 7 جنود ليبيين أمس، عندما اقتحم متشددون من تنظيم داعش نقطة تفتيش خارج مدينة أجدابيا.",
                      date=D)
    assert coded.find("19", None, "IMGISIS", "LBYMIL"), coded.why()
    assert len(coded.find("19")) == 1, coded.why()  # the storming is the killing's happening, not another event


def test_time_clause_without_a_violent_verb_names_no_source(code_text: CodeText) -> None:
    """"قتل 5 جنود عندما وصل الوزير": the verb of the time clause is no attack; its subject is not the killer."""
    coded = code_text("وقتل خمسة جنود عراقيين أمس عندما وصل وزير الدفاع الأمريكي إلى بغداد.", date=D)
    assert not coded.find("19", None, "USA*", "*"), coded.why()


def test_demand_takes_its_required_word_after_the_trigger(code_text: CodeText) -> None:
    """"قصف ... مطالبا الحكومة بفتح تحقيق": the shelling before the demand is not what is demanded (no 1056, "demand
    a ceasefire"); the investigation after it is (101)."""
    coded = code_text("وأصدرت كتائب حزب الله بيانا اتهم القوات الأمريكية بتعمد قصف مواقع الحشد، مطالبا الحكومة "
                      "العراقية بفتح تحقيق في الحادث.", date=D)
    assert not coded.find("10", "1056"), coded.why()
    assert coded.find("10", "101"), coded.why()


def test_attackers_from_a_named_group_are_that_group(code_text: CodeText) -> None:
    """"اقتحم متشددون من تنظيم داعش نقطة تفتيش": the uncoded subject is a part of the coded whole after من, which is
    the source (not the target)."""
    coded = code_text("واقتحم متشددون من تنظيم داعش نقطة تفتيش للجيش الليبي قرب مدينة أجدابيا.", date=D)
    assert coded.find("19", None, "IMGISIS", "*"), coded.why()
    assert not coded.find("19", None, "*", "IMGISIS"), coded.why()
