"""Actor phrases: where one phrase ends and the next begins (hadath/extract/stages.py).

In a VSO clause the object follows the subject with no word between them ("اتهمت حماس إسرائيل"), so the
phrase builder must end a phrase at the boundary between two complete names, states or role phrases, while
keeping a title with its holder's name ("ولي العهد السعودي الأمير محمد بن سلمان") and a nisba with its noun.
Every sentence here was written for these tests (invented facts about public figures).
"""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Article
from hadath.extract.stages import ActorStage
from hadath.model import Mention, MentionKind, Token

D = "2023-05-03"


def phrases(nlp: Any, text: str, date: str = D) -> list[tuple[str, str | None, str | None]]:
    """(surface, code, id) of every actor phrase of ``text``, in order."""
    doc = nlp(Article(id="t", text=text, date=date))
    return [(doc.text[a.start:a.end], a.ref.code, a.ref.id) for a in doc.actor_mentions]


def mentions(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    """(kind, surface, entry id) of the entity mentions of ``text``."""
    doc = nlp(Article(id="t", text=text, date=D))
    return [(m.kind.value, m.text, m.entry_id) for m in doc.mentions if m.kind != MentionKind.TRIGGER]


# (sentence, the surfaces of its actor phrases in order)
BOUNDARIES = [
    # a complete person's name, then a state: subject | object
    pytest.param("حذر الرئيس الإيراني إبراهيم رئيسي إسرائيل من أي مغامرة عسكرية.",
                 ["الرئيس الإيراني إبراهيم رئيسي", "إسرائيل"], id="person-state"),
    # an organisation, then a state
    pytest.param("اتهمت حركة حماس إسرائيل بخرق التهدئة في القطاع.",
                 ["حركة حماس", "إسرائيل"], id="org-state"),
    # an organisation, then a role phrase
    pytest.param("فرقت الشرطة التركية المتظاهرين بالغاز.",
                 ["الشرطة التركية", "المتظاهرين"], id="org-role"),
    # an organisation, then a person: no apposition between a body and a person
    pytest.param("اعتقلت الشرطة الإسرائيلية إسماعيل هنية في الخليل.",
                 ["الشرطة الإسرائيلية", "إسماعيل هنية"], id="org-person"),
    # a role + nationality phrase, then an organisation
    pytest.param("اتهمت الحكومة الليبية الجيش الوطني الليبي بخرق الهدنة.",
                 ["الحكومة الليبية", "الجيش الوطني الليبي"], id="role-nisba-org"),
    # a body (plural / collective role noun) is never in apposition with a person's title and name
    pytest.param("اعتقلت السلطات المصرية الناشط علاء عبد الفتاح مجددا.",
                 ["السلطات المصرية", "الناشط علاء عبد الفتاح"], id="collective-then-title-name"),
    # a definite role noun cannot govern a genitive: "زار وزير الخارجية لبنان" is subject | object
    pytest.param("زار وزير الخارجية لبنان لإجراء محادثات.",
                 ["وزير الخارجية", "لبنان"], id="definite-role-state"),
    # a state, then a role phrase
    pytest.param("استقبل الملك في الرباط رئيس الوزراء الإسباني.",
                 ["الملك", "الرباط", "رئيس الوزراء الإسباني"], id="state-role"),
    # a plural nisba after a name names people, not the name's nationality
    pytest.param("وعد الرئيس التونسي قيس سعيد التونسيين بانتخابات نزيهة.",
                 ["الرئيس التونسي قيس سعيد", "التونسيين"], id="person-plural-nisba"),
    # "counterpart" is always another person
    pytest.param("استقبل سامح شكري نظيره في القاهرة.",
                 ["سامح شكري", "نظيره", "القاهرة"], id="counterpart"),
    # a role noun of another country after a name is the object, not an apposition
    pytest.param("التقى بشار الأسد وزير الخارجية الإيراني في دمشق.",
                 ["بشار الأسد", "وزير الخارجية الإيراني", "دمشق"], id="person-foreign-role"),
    # a role noun followed by another name is that name's title
    pytest.param("استقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون.",
                 ["ولي العهد السعودي الأمير محمد بن سلمان", "الرئيس الفرنسي إيمانويل ماكرون"],
                 id="title-name-title-name"),
    # different case endings: subject | object ("the gunmen killed the civilians")
    pytest.param("قتل المسلحون المدنيين في القرية.", ["المسلحون", "المدنيين"], id="nominative-accusative"),
    # the same plural ending and article: an adjective of the role noun
    pytest.param("أطلقت قوات الأمن الرصاص على المحتجين المدنيين في الساحة.",
                 ["قوات الأمن", "المحتجين المدنيين"], id="agreeing-adjective"),
    # a verb between a role noun and a name is no title chain
    pytest.param("ذكر البيان أن وفدا يرأسه إسماعيل هنية زار القاهرة.",
                 ["وفدا", "إسماعيل هنية", "القاهرة"], id="no-chain-across-verb"),
]


@pytest.mark.parametrize("text,expected", BOUNDARIES)
def test_phrase_boundaries(nlp: Any, text: str, expected: list[str]) -> None:
    """Adjacent actor phrases are split at the boundary between two complete phrases."""
    got = [p[0] for p in phrases(nlp, text)]
    assert got == expected, got


KEPT = [
    # an apposition of the same country stays with the name
    pytest.param("التقى خليفة حفتر قائد الجيش الوطني الليبي السفير الأمريكي في بنغازي.",
                 "خليفة حفتر قائد الجيش الوطني الليبي", "lby-khalifa-haftar", id="apposition-same-country"),
    # a title between the role phrase and the name: one phrase, resolved to the person
    pytest.param("استقبل العاهل الأردني الملك عبد الله الثاني وفدا من الكونغرس.",
                 "العاهل الأردني الملك عبد الله الثاني", "jor-abdullah-ii", id="role-nisba-title-name"),
    # an honorific between the role phrase and the name
    pytest.param("التقى وزير الخارجية القطري الشيخ محمد بن عبد الرحمن آل ثاني نظيره الإيراني.",
                 "وزير الخارجية القطري الشيخ محمد بن عبد الرحمن آل ثاني", "qat-mohammed-bin-abdulrahman",
                 id="honorific-gap"),
    # the genitive of an indefinite role noun: "أمير قطر", "زعيم حزب الله"
    pytest.param("قال رئيس مجلس النواب اللبناني نبيه بري إن الحوار ضروري.",
                 "رئيس مجلس النواب اللبناني نبيه بري", "lbn-nabih-berri", id="genitive-chain"),
]


@pytest.mark.parametrize("text,surface,actor_id", KEPT)
def test_one_phrase(nlp: Any, text: str, surface: str, actor_id: str) -> None:
    """A title, an honorific or a same-country apposition stays in the named person's phrase."""
    got = phrases(nlp, text)
    assert got and got[0][0] == surface and got[0][2] == actor_id, got


def test_indefinite_role_governs_a_name(nlp: Any) -> None:
    """"إدارة جو بايدن" (the Biden administration) is one phrase: an indefinite collective noun and its genitive."""
    assert ("إدارة جو بايدن", "USAGOV", "usa-joe-biden") in phrases(nlp, "ندد الوزير بسياسات إدارة جو بايدن تجاه المنطقة.")


def test_nisba_then_the_state_it_names(nlp: Any) -> None:
    """"العاصمة الأردنية عمان": the nationality of an unknown noun and the capital it names stay together (Amman)."""
    got = phrases(nlp, "وصل الوفد إلى العاصمة الأردنية عمان.")
    assert got[-1][0] == "الأردنية عمان" and got[-1][1] == "JOR", got


def test_nationality_inside_a_dictionary_phrase(nlp: Any) -> None:
    """"قوات الاحتلال الإسرائيلي" (an actor that is also a generic role) takes the nisba inside it."""
    got = phrases(nlp, "صادرت قوات الاحتلال الإسرائيلي أراضي في الخليل.")
    assert got[0] == ("قوات الاحتلال الإسرائيلي", "ISRMIL", "isr-idf"), got


def test_surname_after_another_given_name(nlp: Any) -> None:
    """A known person's surname after a different given name is another person: "بلال أردوغان" is not
    Recep Tayyip Erdogan; "طيب أردوغان" still is."""
    got = phrases(nlp, "قال بلال أردوغان إن الشركة لم تخالف القانون.")
    assert got[0][0] == "بلال أردوغان" and got[0][2] is None, got
    got = phrases(nlp, "قال طيب أردوغان إن بلاده لن تتراجع.")
    assert got[0][2] == "tur-recep-tayyip-erdogan", got


def test_unknown_name_after_honorific(nlp: Any) -> None:
    """An unknown name after role + nationality + honorific is found, with a name that does not end on آل."""
    got = phrases(nlp, "التقى رئيس الوزراء الكويتي الشيخ سالم بن جابر آل صباح السفير البريطاني.")
    assert got[0][0] == "رئيس الوزراء الكويتي الشيخ سالم بن جابر آل صباح" and got[0][1] == "KWTGOV", got
    assert got[1][0] == "السفير البريطاني", got


def test_possessor_with_lam_gives_the_nationality(nlp: Any) -> None:
    """"نقطة تفتيش للجيش العراقي": an indefinite role noun takes the country of its لـ possessor."""
    got = phrases(nlp, "هاجم مسلحون نقطة تفتيش للجيش العراقي قرب كركوك.")
    assert ("نقطة تفتيش للجيش العراقي", "IRQCOP", None) in got, got


def test_accusative_nisba(nlp: Any) -> None:
    """The indefinite accusative nisba "لبنانيا" is a nisba of Lebanon."""
    assert ("nisba", "لبنانيا", "LBN") in mentions(nlp, "خطف مسلحون صحفيا لبنانيا في البقاع.")
    assert [p[1] for p in phrases(nlp, "خطف مسلحون صحفيا لبنانيا في البقاع.")][-1] == "LBNMED"


def test_preposition_amam_is_not_an_imam(nlp: Any) -> None:
    """"أمام" (in front of) is not the role noun "الإمام"; "إمام المسجد" still is."""
    got = mentions(nlp, "تظاهر المئات أمام السفارة الأمريكية في بغداد.")
    assert not any(e == "rel.imam" for _, _, e in got), got
    assert ("agent", "إمام المسجد", "rel.imam") in mentions(nlp, "قال إمام المسجد إن الصلاة أقيمت.")


def test_particle_bi_an_is_not_a_nisba(nlp: Any) -> None:
    """"بأن" (that) is not read as "ألبان" (Albanians)."""
    got = mentions(nlp, "صرح الوزير بأن الحكومة ستفتح المعبر.")
    assert not any(e == "ALB" for _, _, e in got), got


def test_letter_of_a_name_is_not_a_clitic(nlp: Any) -> None:
    """The ف of "فيصل" is part of the name, even where the word also reads ف + يصل."""
    stage = next(s for s in nlp.stages if isinstance(s, ActorStage))
    tok = Token(0, 4, "فيصل", "فيصل", "يصل", prefix="ف")
    m = Mention(MentionKind.ACTOR, 0, 3, 0, 14, "فيصل بن فرحان", "sau-faisal-bin-farhan")
    assert stage._clitic([tok], [m]) == ""
    other = Mention(MentionKind.ACTOR, 0, 1, 0, 4, "فيصل", "usa-joe-biden")
    assert stage._clitic([tok], [other]) == "ف"


EVENTS = [
    pytest.param("اتهمت حركة حماس إسرائيل بخرق التهدئة في القطاع.", "11", "pse-hamas", "ISR", id="accuse-hamas-israel"),
    pytest.param("استقبل ولي العهد السعودي الأمير محمد بن سلمان الرئيس الفرنسي إيمانويل ماكرون في جدة.", "04",
                 "sau-mohammed-bin-salman", "fra-emmanuel-macron", id="host-mbs-macron"),
    pytest.param("طالب الاتحاد الأفريقي إثيوبيا بضبط النفس.", "10", "igo-african-union", "ETH", id="demand-au-ethiopia"),
]


@pytest.mark.parametrize("text,root,source,target", EVENTS)
def test_vso_object_is_the_target(code_text: Any, text: str, root: str, source: str, target: str) -> None:
    """With the phrases split, the object right after the subject is the target."""
    coded = code_text(text, date=D)
    assert coded.find(root, None, source, target), coded.why()
