"""Casualty reports take their source from the attack that caused them.

"قتل 26 شخصا في غارات شنتها طائرات النظام": the passive killing has no agent of its own; the cause phrase after it
(في/جراء/نتيجة/إثر/خلال + attack noun) names the perpetrator (the source), the casualties are the target (or the
party the attack hit, when it is named), and the cause noun gives the code. All sentences are invented for these
tests.
"""

from __future__ import annotations

from collections.abc import Callable

from hadath import Article
from hadath.coding.coder import CoderSettings, EventCoder, _casualty_cause
from hadath.kb import get_kb
from tests.coding.conftest import Coded

D = "2021-05-03"

CodeText = Callable[..., Coded]


def _sourced(coded: Coded, root: str = "19") -> list[object]:
    return [e for e in coded.events if e.cameo[:2] == root and e.source is not None]


def test_relative_doer_verb_names_the_source(code_text: CodeText) -> None:
    """"في غارات شنتها طائرات روسية": the subject of the verb resuming the attack noun is the source; the killed
    civilians are the target and the air strike's code (195) replaces the generic 190."""
    coded = code_text("قتل سبعة مدنيين سوريين في غارات شنتها طائرات روسية على بلدة في ريف إدلب أمس.", date=D)
    hits = coded.find("19", "195", "RUS*", "SYRCVL")
    assert hits, coded.why()
    assert not coded.find("19", None, "NONE", "*"), coded.why()  # no source-less duplicate left


def test_genitive_of_the_shelling_is_the_source(code_text: CodeText) -> None:
    """"جراء قصف ميليشيا الحوثي": the genitive of the cause noun is its perpetrator, not the casualties' target."""
    coded = code_text("قتل ثلاثة مدنيين يمنيين جراء قصف ميليشيا الحوثي على حي سكني في مدينة تعز.", date=D)
    assert coded.find("19", None, "IMGHOU", "YEMCVL"), coded.why()
    assert not coded.find("19", None, "*", "IMGHOU"), coded.why()


def test_min_phrase_with_nationality_adjective(code_text: CodeText) -> None:
    """"نتيجة قصف من طائرات تركية": a من phrase (its head noun left outside the actor) gives the perpetrator."""
    coded = code_text("أصيب خمسة مدنيين عراقيين نتيجة قصف من طائرات تركية على قرية في محافظة دهوك.", date=D)
    assert coded.find("19", None, "TUR*", "IRQCVL"), coded.why()


def test_agent_after_head_noun_with_lam(code_text: CodeText) -> None:
    """"في هجوم لتنظيم داعش": the attacker after the ل-prefixed head noun."""
    coded = code_text("قتل أربعة جنود عراقيين في هجوم لتنظيم داعش قرب مدينة سامراء.", date=D)
    assert coded.find("19", None, "IMGISIS", "IRQMIL"), coded.why()


def test_attack_target_named_replaces_the_casualties(code_text: CodeText) -> None:
    """"... شنتها الطائرات التركية ضد مواقع لحزب العمال": the party the strike hit is the target."""
    coded = code_text("قتل ستة أشخاص في غارات شنتها الطائرات التركية ضد مواقع لحزب العمال الكردستاني شمالي "
                      "العراق.", date=D)
    assert coded.find("19", "195", "TUR*", "IMGPKK"), coded.why()
    assert not coded.find("19", None, "NONE", "*"), coded.why()


def test_clash_between_two_parties(code_text: CodeText) -> None:
    """"في اشتباكات بين الجيش الصومالي وحركة الشباب": the first party against the second."""
    coded = code_text("قتل أربعة جنود صوماليين في اشتباكات بين الجيش الصومالي وحركة الشباب في إقليم شبيلي "
                      "السفلى.", date=D)
    assert coded.find("19", "190", "SOMMIL", "SOMREB|IMG*"), coded.why()


def test_clash_with_a_party_opposes_it_to_the_casualties(code_text: CodeText) -> None:
    """"قتل 12 مسلحا في اشتباكات مع الشرطة": the police are the source, the gunmen the target."""
    coded = code_text("قتل 12 مسلحا في اشتباكات مع الشرطة المصرية في محافظة الإسماعيلية.", date=D)
    evs = _sourced(coded)
    assert evs and all(e.source.code == "EGYCOP" for e in evs), coded.why()  # type: ignore[attr-defined]
    assert not coded.find("19", None, "*", "EGYCOP"), coded.why()


def test_killed_leader_is_the_target_of_the_drone_strike(code_text: CodeText) -> None:
    """"قتل القيادي ... في غارة شنتها طائرة أمريكية من دون طيار": قُتل, not قَتل: the United States is the source
    (not the killed leader) and the drone strike gives 1952, though the span "في غارة" is vetoed by "طيار"."""
    coded = code_text("وقتل القيادي البارز في تنظيم القاعدة في غارة شنتها طائرة أمريكية من دون طيار في محافظة "
                      "مأرب.", date=D)
    assert coded.find("19", "1952", "USA*", "*"), coded.why()
    assert not coded.find("19", None, "*", "USA*"), coded.why()


def test_attackers_are_never_the_casualties(code_text: CodeText) -> None:
    """"وأصيب عشرة آخرون ... جراء غارات شنتها طائرات النظام": the free phrase after the verb belongs to the cause
    phrase; the regime's aircraft are not the wounded."""
    coded = code_text("وأصيب عشرة مدنيين آخرون في مدينة حلب جراء غارات شنتها طائرات النظام السوري على الأحياء "
                      "الشرقية.", date=D)
    assert coded.find("19", "195", "SYRMIL", "*"), coded.why()
    assert not coded.find("19", None, "*", "SYRMIL"), coded.why()


def test_subject_before_the_verb_stays_the_target(code_text: CodeText) -> None:
    """"أفاد ... بأن 40 شخصا قتلوا جراء قصف قوات النظام": the casualties before the verb are the target when the
    phrase after the verb is the cause's perpetrator."""
    coded = code_text("وأفاد المرصد بأن أربعة أشخاص قتلوا جراء قصف قوات النظام السوري على بلدات ريف إدلب.",
                      date=D)
    hits = coded.find("19", None, "SYRMIL", "*")
    assert hits and all(e.target is not None and e.target.name == "أشخاص" for e in hits), coded.why()


def test_definite_attack_noun_refers_to_the_article_attack(code_text: CodeText) -> None:
    """"قتلوا في الغارات" after a reported air strike: the same happening, folded into it (no source-less event)."""
    coded = code_text("شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش قرب مدينة الرقة السورية. "
                      "وقال ناشطون إن عشرة مسلحين قتلوا في الغارات.", date=D)
    strikes = coded.find("19", None, "USA*", "IMGISIS")
    assert len(strikes) == 1 and strikes[0].n_mentions >= 2, coded.why()
    assert not coded.find("19", None, "NONE", "*"), coded.why()


def test_unknown_attacker_stays_source_less(code_text: CodeText) -> None:
    """An unidentified attacker ("مسلحون مجهولون") is no source, nor one of the casualties."""
    coded = code_text("قتل ثلاثة جنود عراقيين في هجوم نفذه مسلحون مجهولون على نقطة تفتيش قرب مدينة بعقوبة.",
                      date=D)
    evs = [e for e in coded.events if e.cameo[:2] == "19"]
    assert evs, coded.why()
    assert all(not (e.source and e.source.code) for e in evs), coded.why()


def test_cause_phrase_needs_a_governing_preposition() -> None:
    """The attack noun must be governed by a causal or locative preposition (or the clitic ب)."""
    from hadath.model import Token

    def toks(words: list[str]) -> list[Token]:
        out, at = [], 0
        for w in words:
            out.append(Token(text=w, start=at, end=at + len(w), norm=w, key=w))
            at += len(w) + 1
        return out

    assert _casualty_cause(toks(["قتل", "خمسه", "جراء", "قصف", "القوات"]), 1, 5) == 3
    assert _casualty_cause(toks(["قتل", "خمسه", "قصف", "القوات"]), 1, 4) is None


def test_bare_casualties_dropped_only_with_the_setting(nlp) -> None:  # type: ignore[no-untyped-def]
    """``violence_needs_attack``: casualties with neither attacker nor attack go; those of a named attack stay."""
    bare = nlp(Article(id="t", text="قتل خمسة جنود سوريين في بادية حمص.", date=D))
    attack = nlp(Article(id="t", text="قتل خمسة جنود سوريين في هجوم انتحاري في بادية حمص.", date=D))
    on = CoderSettings(violence_needs_attack=True)
    assert [e for e in EventCoder(get_kb(), CoderSettings()).code(bare) if e.cameo[:2] == "19"]
    assert not [e for e in EventCoder(get_kb(), on).code(bare) if e.cameo[:2] in ("18", "19", "20")]
    assert [e for e in EventCoder(get_kb(), on).code(attack) if e.cameo[:2] in ("18", "19", "20")]


def test_casualties_in_two_places_are_two_happenings(code_text: CodeText) -> None:
    """The same attacker and victims in two towns: two air strikes, not one event with two mentions."""
    coded = code_text("قتل خمسة مدنيين سوريين في مدينة حماة جراء غارات شنتها طائرات روسية. "
                      "كما قتل ثلاثة مدنيين سوريين في مدينة حمص جراء غارات شنتها طائرات روسية.", date=D)
    strikes = coded.find("19", None, "RUS*", "SYRCVL")
    assert len(strikes) == 2, coded.why()
    assert len({e.location.name for e in strikes if e.location}) == 2, coded.why()


def test_active_verb_with_counted_object_takes_no_cause_source(code_text: CodeText) -> None:
    """"قتلت قوات الأمن العراقية عشرة مسلحين في اشتباكات مع عناصر داعش": VSO, the security forces did the killing;
    the clash partner is not made the attacker of the security forces."""
    coded = code_text("قتلت قوات الأمن العراقية عشرة مسلحين في اشتباكات مع عناصر تنظيم داعش في محافظة الأنبار.",
                      date=D)
    assert not coded.find("19", None, "IMGISIS", "IRQ*"), coded.why()
