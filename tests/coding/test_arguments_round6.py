"""Argument choice, round 6: words taken as parties of violence that are none.

* a state named as where something is or happened ("المستوطنون في الضفة الغربية وإسرائيل"، "(120 كلم جنوب
  بغداد)") does not do the violence named after it; one governed by في through a direction or centre noun ("في
  جنوب شرقي أفغانستان"، "في قلب العاصمة") is no bare object either;
* the adjective of an attack noun ("هجمات انتحارية"، "هجوم مسلح") describes the attack, it names no party;
* a verb-shaped trigger right after a verb of justifying or evaluating is its object, a verbal noun ("فتوى تبرر
  قتل الأبرياء"): an act evaluated, not a report;
* "الأقصى" after a definite noun it qualifies ("الحد الأقصى"، "الشرق الأقصى") is an adjective, not the mosque;
* a place after a definite role phrase is not its genitive ("أغلقت القوات الأميركية مدينة الصدر"); a conjunct
  after a prepositional phrase shares its preposition ("عدوان على فلسطين وشعبها");
* a bomb that entered is no infiltration; a siege by protesters is part of the protest;
* the ل phrase after a victim's title is the title's genitive ("اغتيال صلاح شحادة القائد العام لكتائب القسام");
  a short doer verb left whole with its pronoun ("هجوم شنه مسلحون") names the attacker;
* casualties before a casualty verb are the victims of the attack noun after it, which is itself the subject
  of a violent verb right after it ("في هجوم مسلح استهدف دوريتهما"، "سيارة مفخخة وقتلت");
* clauses of result ("، مما دعا ...") and other acts' objects past a comma hold no party; the members named
  after بينهم are a part of the casualties; a counted part of a coded group stands for the group;
* a one-word metonym written with the article ("الاحتلال") is the common noun without it ("واحتلال").

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding.conftest import VIOLENT_ROOTS, actor_matches, expect_event

D = "2021-05-03"


NOT_A_PARTY = [
    # (role, actor spec, text): no violent event has this actor in this role
    pytest.param("source", "IRQ", "وقالت الشرطة إن عبوة ناسفة انفجرت بسيارة مدنية قادمة من مدينة الكوت (170 كلم"
                 " جنوب شرقي بغداد)، مما أسفر عن مقتل سبعة أشخاص.", id="distance-note-not-source"),
    pytest.param("target", "JOR", "وقال المسؤول إن اللاجئين في سورية والأردن تعرضوا للضرب على أيدي عصابات.",
                 id="locative-coordinated-not-passive-subject"),
    pytest.param("target", "NONE", "وأعلن التنظيم مسؤوليته عن مقتل العشرات من الجنود في هجمات انتحارية خلال"
                 " العام الماضي.", id="suicide-adjective-not-target"),
    # a state governed by في through place nouns is where it happened, not the object
    pytest.param("target", "AFG", "وقال المتحدث إن 40 عنصرا من طالبان قتلوا ليلة أمس في ضربات جوية في جنوب شرقي"
                 " أفغانستان.", id="chain-locative-not-object"),
    # the casualties before the verb are the victims of the attack noun after it, not its perpetrator
    pytest.param("source", "USA*", "وقالت الشرطة إن جنديا أمريكيا قتل وأصيب خمسة آخرون في هجوم انتحاري بمحافظة"
                 " ديالى شمال شرقي بغداد.", id="casualties-not-attack-source"),
    # the verb right after an attack noun describes that attack: the casualties before are not its subject
    pytest.param("source", "IRQ*", "وقال الضابط إن «شرطيا عراقيا قتل وأصيب آخر بجروح في هجوم مسلح استهدف دوريتهما"
                 " قرب كركوك».", id="attack-noun-is-verb-subject"),
    # the genitive of a noun with a clitic preposition is part of that phrase: no perpetrator of the strikes
    pytest.param("source", "SYR*", "وتمت أمس ضربات جوية متتالية لقواعد الدفاع الجوي السوري قرب العاصمة.",
                 id="clitic-pp-genitive-not-source"),
    # a car bomb right before the casualty verb is its subject: the forces named before are not its victims
    pytest.param("target", "USA*", "وعندما أغلقت القوات الأمريكية الحي وحدث اختراق أمني ودخلت سيارة مفخخة وقتلت"
                 " حوالي مائة عامل.", id="car-bomb-subject-not-passive"),
    # the object of another act after a comma is not this act's victim
    pytest.param("target", "USAEDU", "وشهدت المدينة ليلة أمس مقتل شرطي وإصابة آخرين، وحرق المدرسة الأميركية الخاصة.",
                 id="other-act-object-not-target"),
    # a metonym the dictionary writes with the article ("الاحتلال") is the common noun without it
    pytest.param("target", "ISRMIL", "وندد الكاتب بما تقوم به إسرائيل من تطهير عرقي، وتهجير، واحتلال، واستيطان"
                 " للأرض.", id="bare-articled-metonym"),
    # the party of a clause of result is not the attack's
    pytest.param("target", "ISRGOV", "وكان مستوطنون قد هاجموا أمس عدة قرى قرب نابلس، مما دعا رئيس الوزراء"
                 " الإسرائيلي إلى عقد اجتماع طارئ.", id="result-clause-party-not-target"),
    # the subject of a passive verb does not stand far past a comma, in the next clause
    pytest.param("target", "IRQGOV", "وقتل حوالي عشرين عاملا في انفجار بسوق شعبي أمس في المدينة، وعلى الفور أعلن"
                 " رئيس الوزراء العراقي حظر التجول.", id="passive-subject-not-next-clause"),
    # the ل phrase after the victim's title is that title's genitive: the masdar's genitive is still its object
    pytest.param("source", "IMGHAM", "وشهدت غزة أمس اغتيال صلاح شحادة القائد العام لكتائب عز الدين القسام بقنبلة"
                 " ألقتها طائرة.", id="role-genitive-victim-not-source"),
    pytest.param("source", "NONE", "وقال المتحدث إن هجوما مسلحا استهدف دورية للشرطة أمس، مما أدى إلى إصابة"
                 " ثلاثة عناصر.", id="armed-adjective-not-source"),
]


@pytest.mark.parametrize("role,spec,text", NOT_A_PARTY)
def test_not_a_party_of_violence(code_text: Any, role: str, spec: str, text: str) -> None:
    """No violent event has this actor in this role."""
    coded = code_text(text, date=D)
    got = [e for e in coded.events if e.cameo[:2] in VIOLENT_ROOTS and actor_matches(getattr(e, role), spec)
           and getattr(e, role) is not None]
    assert not got, coded.why()


NOT_VIOLENT = [
    # neither party of the violence named: the only candidate was a non-party word
    pytest.param("ويتحمل التنظيم مسؤولية مقتل المئات في هجمات انتحارية بعد سقوط النظام.",
                 id="only-adjective-candidate"),
    pytest.param("وقال الداعية إن وراء كل تفجير فتوى متشددة تبرر قتل الأبرياء.", id="justified-verbal-noun"),
    pytest.param("ويرى الحقوقيون أن القانون يبرر قتل المتظاهرين.", id="justified-verbal-noun-law"),
    # a bomb that went in is no infiltration or occupation by a party
    pytest.param("وتسللت أمس سيارتان مفخختان إلى المنطقة الخضراء، لكن الحراس اكتشفوهما.", id="bomb-infiltrated"),
    # a siege by a demonstration or its protesters is part of the protest
    pytest.param("وطوق المحتجون مقر الحكومة المحلية في البصرة أمس.", id="protesters-surround"),
    pytest.param("وقامت مظاهرة لأنصار الحركة أمس بمحاصرة مقر الحكومة المحلية في المدينة.", id="demonstration-besieges"),
    # the conjunct after a prepositional phrase shares its preposition: no subject of the attack noun
    pytest.param("واعتبر الكاتب أن الاستيطان عدوان على فلسطين وشعبها ومقدساتها.", id="prep-conjunct-not-subject"),
]


@pytest.mark.parametrize("text", NOT_VIOLENT)
def test_no_violence_from_non_party(code_text: Any, text: str) -> None:
    """No violent event is coded."""
    coded = code_text(text, date=D)
    assert not [e for e in coded.events if e.cameo[:2] in VIOLENT_ROOTS], coded.why()


STILL_CODED = [
    # (root, source spec, target spec, text): the same words keep their role where they are parties
    pytest.param("19", "*", "IRQ*|NONE", "وقالت الشرطة إن مسلحين هاجموا مسجدا جنوب بغداد أمس وأضرموا فيه النار.",
                 id="direction-place-still-target"),
    pytest.param("18", "NONE", "*", "وفجر انتحاري نفسه وسط تجمع للشرطة في مدينة الحلة أمس، مما أسفر عن مقتل"
                 " ثمانية عناصر.", id="suicide-bomber-noun-still-source"),
    pytest.param("19", "IMGISIS", "IRQ*", "وهاجم مسلحون من تنظيم داعش نقطة تفتيش للجيش العراقي في الموصل أمس.",
                 id="plural-gunmen-still-source"),
    pytest.param("18", "*", "IRQREF", "وقال المسؤول إن اللاجئين العراقيين في سورية والأردن تعرضوا للضرب على أيدي"
                 " عصابات.", id="people-before-locative-still-target"),
    # a place after a definite role phrase is not its genitive: the forces besiege the place (not "forces of")
    pytest.param("19", "USAMIL", "IRQ", "وحاصرت القوات الأميركية مدينة الصدر أمس بعد اشتباكات.",
                 id="place-after-definite-role-is-object"),
    # the doers of a relative verb too short for the segmenter ("شنه"), and the coded whole they belong to
    pytest.param("19", "SOM*", "*", "وقتل ثلاثة جنود أمس في هجوم شنه مسلحون صوماليون على ثكنة عسكرية جنوب مقديشو.",
                 id="unsplit-resumptive-doer"),
    pytest.param("19", "SOMREB", "*", "وقتل ثلاثة جنود أمس في هجوم شنه مسلحون من حركة الشباب على ثكنة عسكرية جنوب"
                 " مقديشو.", id="unsplit-resumptive-partitive-whole"),
    pytest.param("18", "ISR*", "IMGHAM", "ونفذت طائرة إسرائيلية أمس عملية اغتيال صلاح شحادة القائد العام لكتائب عز"
                 " الدين القسام في غزة.", id="role-genitive-victim-target"),
    pytest.param("18", "*", "IRQMIL", "وانفجرت قنبلة في سوق المدينة أمس، مما أسفر عن إصابة ثلاثة جنود عراقيين.",
                 id="casualties-of-result-clause-still-victims"),
    pytest.param("19", "USA", "SYR", "ووجهت الولايات المتحدة أمس ضربة صاروخية في الأراضي السورية ردا على الهجوم"
                 " الكيماوي.", id="strike-on-territory-still-target"),
    pytest.param("19", "ISRMIL", "*", "وقال إن الاحتلال قصف منازل في غزة أمس.", id="articled-metonym-kept"),
    # a counted part of a coded group after the verb: the group is the victim
    pytest.param("19", "IGONAT", "img-taliban|AFG*", "وأكد حلف شمال الأطلسي أنه قتل نحو 40 متمردا من طالبان في ولاية هلمند.",
                 id="counted-part-of-group-target"),
    pytest.param("19", "TUR", "IRQ", "وقصفت الطائرات التركية شمال العراق أمس.", id="direction-object-still-target"),
    pytest.param("19", "IRQCOP", "*", "وفرقت الشرطة العراقية المتظاهرين بالقوة وحاصرت مقر الحزب أمس.",
                 id="police-besiege-after-protesters-object"),
    pytest.param("19", "IRQMIL", "*", "وقام الجيش العراقي بمحاصرة البلدة أمس.", id="army-besieges"),
    pytest.param("19", "*", "IRQGOV", "وتسلل مسلحون إلى المنطقة الخضراء أمس.", id="gunmen-infiltrated"),
    pytest.param("19", "ISR*", "*", "واقتحم الجيش الإسرائيلي مخيم جنين في الضفة الغربية فجر أمس.",
                 id="locative-after-subject-kept"),
]


@pytest.mark.parametrize("root,source,target,text", STILL_CODED)
def test_parties_still_coded(code_text: Any, root: str, source: str, target: str, text: str) -> None:
    """The expected violent event is still coded."""
    expect_event(code_text, root, None, source, target, text, date=D)


ELATIVE = [
    # (text, whether the event is placed at the mosque): "الأقصى" after a definite noun it qualifies is an
    # adjective ("الحد الأقصى"، "الشرق الأقصى"), not Al-Aqsa
    pytest.param("وقتل مسلحون ثلاثة أشخاص في الشرق الأقصى أمس.", False, id="far-east-adjective"),
    pytest.param("وقال إن الخاطفين فجروا السيارة، وهذا الحد الأقصى لما يعرفه المحققون.", False,
                 id="maximum-adjective"),
    pytest.param("وقتل مسلحون ثلاثة أشخاص في باحات الأقصى أمس.", True, id="aqsa-after-construct-noun"),
]


@pytest.mark.parametrize("text,at_mosque", ELATIVE)
def test_elative_adjective_is_no_place(code_text: Any, text: str, at_mosque: bool) -> None:
    """The elative adjective neither locates an event nor stands for Palestine as its target."""
    coded = code_text(text, date=D)
    placed = [e for e in coded.events if e.location is not None and e.location.id == "pse-al-aqsa-mosque"]
    hit = [e for e in coded.events if actor_matches(e.target, "PSE") and e.target is not None]
    assert bool(placed) == at_mosque, coded.why()
    if not at_mosque:
        assert not hit, coded.why()


MEMBERS = [
    # (text, the casualties' word): the members named after بينهم are a part of the casualties, not the whole
    pytest.param("وقالت مصادر طبية إن «خمسة أشخاص، بينهم ثلاثة أطفال، قتلوا جراء غارة جوية أمريكية على القرية».",
                 "أشخاص", id="members-after-count"),
    pytest.param("وقال مصدر في الشرطة إن «سبعة أشخاص، بينهم طفلان، قتلوا جراء ضربة جوية أمريكية».", "أشخاص",
                 id="members-dual"),
]


@pytest.mark.parametrize("text,word", MEMBERS)
def test_casualties_not_their_members(code_text: Any, text: str, word: str) -> None:
    """The violent event's target is the whole of the casualties."""
    coded = code_text(text, date=D)
    got = [e for e in coded.events if e.cameo[:2] in VIOLENT_ROOTS and e.target is not None]
    assert got and all(word in e.target.name for e in got), coded.why()
