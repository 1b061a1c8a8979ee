"""Argument choice, round 4: arguments the coder missed although it found the trigger. A quote mark that opens
right at the trigger ("عقد X “اجتماعا تنسيقيا” مع Y") quotes the name of the act and does not end the clause before
it (the subject stays in reach), and so does one opened mid-clause that the trigger is inside of ("إن X وY "تبادلا
الرسائل، وتعهدا ...""), unless a preposition, a speech verb or punctuation precedes the mark ("اتهم X بـ«اغتصاب ...»"). A verbal noun
with a possessive pronoun and no subject ("المرافقين لوزير الدفاع في زيارته إلى العراق") is the act of the last
party before it that agrees with the pronoun (ه a person; ها a state or an organisation; هم a group). The genitive
of a target head noun governed by a preposition ("هجوما على مواقع تنظيم داعش") takes the head's preposition.
"العمل مع X" is an interaction like "الحوار مع X": X is the partner. The nationality adjective of a noun governed by
a preposition of the trigger ("فتحت القاعدة للطائرات الأمريكية") is the party (not of a group noun: "بالحركة
الفلسطينية"), and never a free subject. After a speech verb, the pronoun of "أنه/أنها" is the verb's subject or,
with none named, the speaker it goes on with ("وأكدت تركيا أنها فتحت ..."، "وأضاف أنه حصل اتصال مع ..."). A
person named in full whose surname is also a given name ("برناردينو ليون") is meant by that word alone later
(extract stage), unless it stands before another name word. A phrase after an adjective of allegiance ("قوات جيش
الفتح التابعة للمعارضة") describes the party before it and is no argument; the ل genitive of a target head after an attack noun ("بقصف
أهداف لحزب العمال") is what was hit, not the attacker. Whom a speech verb addresses ("قال كارتر للصحفيين") is no target.

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding.conftest import event_case, expect_event, expect_no_party

D = "2021-05-03"


CASES = [
    # a quote mark opening at the trigger: the subject before it is still the source
    event_case("quoted-meeting-name", "04", "040", "egy-sameh-shoukry", "JOR*",
               "وعقد وزير الخارجية المصري سامح شكري “اجتماعا تنسيقيا” مع نظيره الأردني أيمن الصفدي في عمان."),
    event_case("quoted-talks-name", "04", "040", "FRAGOV", "DEUGOV",
               'وأجرى الرئيس الفرنسي إيمانويل ماكرون "محادثات معمقة" مع المستشارة الألمانية أنغيلا ميركل في برلين.'),
    # a quotation opened mid-clause keeps the subject before it for the verbs inside it
    event_case("quoted-predicate-dual-subject", "03", "030", "RUSGOV", "CHNGOV",
               'وقالت وكالة الأنباء الرسمية إن الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ "تبادلا التهاني'
               ' بالعام الجديد، وتعهدا بتعزيز التعاون بين البلدين".'),
    event_case("quoted-predicate-dual-subject-mirror", "03", "030", "CHNGOV", "RUSGOV",
               'وقالت وكالة الأنباء الرسمية إن الرئيس الروسي فلاديمير بوتين والرئيس الصيني شي جين بينغ "تبادلا التهاني'
               ' بالعام الجديد، وتعهدا بتعزيز التعاون بين البلدين".'),
    # a possessive pronoun on a verbal noun with no subject of its own: the last person named before it
    event_case("possessive-visit-last-person", "04", "042", "USAGOV", "JOR",
               "وأوضحت الوزارة في بيان وزع على الصحافيين المرافقين لوزير الخارجية الأمريكي أنتوني بلينكن في زيارته إلى"
               " الأردن، أن المحادثات كانت مثمرة."),
    # the genitive of a target head noun after the trigger's preposition is the target ("على مواقع X")
    event_case("head-genitive-attack", "19", None, "IRQMIL", "IMGAQ",
               "شنت القوات العراقية أمس هجوما على معاقل تنظيم القاعدة غرب الأنبار."),
    event_case("head-genitive-possessive-attack", "19", None, "TURMIL", "IMGISIS",
               "واصلت مقاتلات حربية تركية أمس، هجومها على مواقع تنظيم داعش في سورية."),
    # "العمل مع X": working with a party is an interaction whose partner is the target
    event_case("work-with-partner", "03", None, "FRAGOV", "DEU",
               "وفي تغريدة على موقع تويتر، تعهد الرئيس الفرنسي إيمانويل ماكرون بالعمل مع ألمانيا من أجل حل أزمة اللاجئين."),
    # the nationality adjective of a noun a preposition of the trigger governs names the party
    event_case("nisba-of-governed-noun-lam", "06", "062", "TUR", "USA",
               "وأكدت تركيا أمس أنها فتحت قاعدة إنجرليك الجوية للطائرات الأمريكية."),
    event_case("nisba-of-governed-noun-ba", "03", None, "YEM", "EGY",
               "وأكد الرئيس اليمني أن اليمن سيستعين بالخبرات المصرية في مختلف المجالات."),
    # "وأضاف أنه ...": the pronoun after the complementizer is the speaker the speech verb goes on with
    event_case("complementizer-pronoun-last-speaker", "04", "041", "FRAGOV", "USAGOV",
               "قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستواصل دعم لبنان. وأضاف أنه حصل اتصال مع الرئيس الأمريكي"
               " جو بايدن أمس."),
    # a surname that is also a given name ("برناردينو ليون") still names the person named in full before
    event_case("given-name-surname-later", "04", "040", "DZAGOV", "esp-bernardino-leon",
               "وصل المبعوث الأممي برناردينو ليون إلى الجزائر أمس. وعقد وزير الخارجية الجزائري رمطان لعمامرة اجتماعا مع"
               " ليون في العاصمة."),
    # the phrase after an adjective of allegiance ("التابعة للمعارضة") describes the subject: the target is after
    event_case("affiliation-not-target", "19", "194", "SYRREB", "SYRMIL",
               "شنت قوات جيش الفتح التابعة للمعارضة السورية قصفا مدفعيا على مواقع الجيش السوري في ريف إدلب."),
    # "قصف أهداف لحزب X": the ل genitive of a target head is what was hit, not the attacker
    event_case("lam-genitive-not-attacker", "19", None, "*", "IMGPKK",
               "وأعلن الجيش التركي أن مدفعيات القوات البرية قامت بقصف أهداف لحزب العمال الكردستاني في شمال العراق."),
    # only the noun right before the phrase is its head: "على موقع فيسبوك المتظاهرين" keeps the object bare
    event_case("head-genitive-not-across-name", "02", None, "BLROPP", "*",
               "ودعا زعيم المعارضة البيلاروسية في رسالة على موقع فيسبوك المتظاهرين إلى مواصلة الاحتجاج."),
]


@pytest.mark.parametrize("root,code,source,target,text", CASES)
def test_argument_round4(code_text: Any, root: str, code: str | None, source: str, target: str, text: str) -> None:
    """The expected event is coded with these roles."""
    expect_event(code_text, root, code, source, target, text, date=D)


NEGATIVE = [
    # (root, role, actor spec, text)
    # a quotation governed by a preposition is what is alleged: its subject is not the accuser before it
    pytest.param("18", "source", "NGO*", "واتهمت منظمة العفو الدولية الجيش العراقي بـ«قتل المدنيين» في الموصل.",
                 id="quote-after-preposition-not-accuser"),
    # "his" visit is a person's: a delegation (an agent) named before it is not its doer
    pytest.param("04", "source", "RUS*", "وقال مسؤولون للصحافيين المرافقين للوفد الروسي في زيارته إلى سوريا إن المحادثات مثمرة.",
                 id="possessive-not-agent"),
    # the nationality adjective of a group noun names the group, not its state
    pytest.param("19", "source", "IMGPKK",
                 "وأعلن الجيش التركي أن مدفعيات القوات البرية قامت بقصف أهداف لحزب العمال الكردستاني في شمال العراق.",
                 id="lam-genitive-not-attacker-source"),
    # whom a speaker addresses ("قال X للصحفيين") is no party of another act in the sentence
    pytest.param("04", "target", "*", "وقبيل الزيارة قال وزير الدفاع الأمريكي لويد أوستن للصحفيين إنه سيلتقي القادة"
                 " العسكريين في بغداد.", id="addressee-not-visited"),
    pytest.param("05", "target", "PSE", "وأشاد وزير الخارجية الروسي سيرغي لافروف بالحركة الفلسطينية.",
                 id="nisba-of-group-noun"),
    pytest.param("05", "target", "SYR", "ورحب وزير الخارجية الروسي سيرغي لافروف بالجماعات السورية المعارضة.",
                 id="nisba-of-group-noun-plural"),
]


@pytest.mark.parametrize("root,role,spec,text", NEGATIVE)
def test_argument_round4_not(code_text: Any, root: str, role: str, spec: str, text: str) -> None:
    """No event of this root has this actor in this role."""
    expect_no_party(code_text, root, role, spec, text, date=D)
