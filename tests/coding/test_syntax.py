"""Clause-structure tests for the event coder: word order, masdars, passive, coordination, attribution,
relative clauses, negation, intention, dates, places and merging.

All sentences are invented for these tests. ``xfail(strict=True)`` marks a correct expectation the
coder does not meet yet; tests/coding/KNOWN_GAPS.md explains each one.
"""

from __future__ import annotations

from typing import Any

import pytest

D = "2021-05-03"  # a Monday


def xfail(reason: str) -> Any:
    """A strict xfail mark: the test must fail until the coder is fixed."""
    return pytest.mark.xfail(strict=True, reason=reason)


def event_case(cid: str, root: str, code: str | None, source: str, target: str, text: str,
               date: str = D, gap: str | None = None) -> Any:
    """A parametrised (root, code, source, target, text, date) case; ``gap`` makes it a strict xfail."""
    return pytest.param(root, code, source, target, text, date, id=cid, marks=[xfail(gap)] if gap else [])


def _check(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
           date: str) -> None:
    coded = code_text(text, date=date)
    assert coded.find(root, code, source, target), f"expected {code or root}: {source} -> {target}" + coded.why()


# ------------------------------------------------------------------------------------ word order
WORD_ORDER = [
    event_case("vso-receive", "04", "043", "dza-abdelmadjid-tebboune", "rus-sergei-lavrov",
               "استقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الروسي سيرغي لافروف في الجزائر العاصمة."),
    event_case("vso-criticize", "11", "111", "fra-emmanuel-macron", "tur-recep-tayyip-erdogan",
               "انتقد الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان بسبب سياسته في ليبيا."),
    event_case("svo-headline-receive", "04", "043", "dza-abdelmadjid-tebboune", "rus-sergei-lavrov",
               "الرئيس الجزائري عبد المجيد تبون يستقبل وزير الخارجية الروسي سيرغي لافروف."),
    event_case("svo-headline-criticize", "11", "111", "fra-emmanuel-macron", "tur-recep-tayyip-erdogan",
               "الرئيس الفرنسي إيمانويل ماكرون ينتقد الرئيس التركي رجب طيب أردوغان."),
    event_case("svo-headline-visit", "04", "042", "usa-antony-blinken", "EGY",
               "وزير الخارجية الأمريكي أنتوني بلينكن يزور القاهرة.", "2021-05-25"),
    event_case("svo-after-anna", "04", "040", "lby-abdul-hamid-dbeibah", "lby-khalid-al-mishri",
               "أكدت مصادر مطلعة أن رئيس الحكومة الليبية عبد الحميد الدبيبة التقى رئيس المجلس الأعلى للدولة "
               "خالد المشري في طرابلس."),
    event_case("svo-kana-qad", "04", "040", "tur-recep-tayyip-erdogan", "rus-vladimir-putin",
               "وكان الرئيس التركي رجب طيب أردوغان قد التقى الرئيس الروسي فلاديمير بوتين في سوتشي.", "2021-09-30"),
    event_case("vso-fem-verb-state", "16", "161", "DZA", "MAR",
               "أعلنت الجزائر قطع العلاقات الدبلوماسية مع المغرب.", "2021-08-24"),
]


@pytest.mark.parametrize("root,code,source,target,text,date", WORD_ORDER)
def test_word_order(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                    date: str) -> None:
    """VSO and SVO (headline, after أن, كان ... قد) give the same roles."""
    _check(code_text, root, code, source, target, text, date)


# ------------------------------------------------------------------------------------ masdar subject
MASDAR = [
    event_case("masdar-aqada-ijtima", "04", "040", "SAUGOV", "usa-antony-blinken",
               "عقد وزير الخارجية السعودي فيصل بن فرحان اجتماعا مع نظيره الأمريكي أنتوني بلينكن في واشنطن."),
    event_case("masdar-ajra-ittisal", "04", "041", "rus-vladimir-putin", "tur-recep-tayyip-erdogan",
               "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان."),
    event_case("masdar-ajra-mubahathat", "04", "040", "QATGOV", "irn-hassan-rouhani",
               "أجرى أمير قطر الشيخ تميم بن حمد آل ثاني مباحثات مع الرئيس الإيراني حسن روحاني في طهران.",
               "2020-01-12"),
    event_case("masdar-shanna-ghara", "19", "195", "sau-arab-coalition", "IMGHOU",
               "شنت طائرات التحالف بقيادة السعودية غارات على مواقع لجماعة الحوثي في صنعاء."),
    event_case("masdar-genitive-ziyara", "04", "042", "lby-khalifa-haftar", "EGY",
               "وتأتي زيارة المشير خليفة حفتر إلى القاهرة في إطار التنسيق بين الجانبين.", "2020-06-06"),
    event_case("masdar-press-conference", "04", "040", "irn-mohammad-javad-zarif", "IRQGOV",
               "عقد وزير الخارجية الإيراني محمد جواد ظريف مؤتمرا صحفيا مشتركا مع نظيره العراقي فؤاد حسين في بغداد."),
    event_case("masdar-qaddama-taziya", "01", "018", "fra-emmanuel-macron", "lbn-michel-aoun",
               "قدم الرئيس الفرنسي إيمانويل ماكرون تعازيه للرئيس اللبناني ميشال عون.", "2020-08-05"),
]


@pytest.mark.parametrize("root,code,source,target,text,date", MASDAR)
def test_masdar_subject(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                        date: str) -> None:
    """The subject of the light verb (or the genitive) is the source of a masdar trigger."""
    _check(code_text, root, code, source, target, text, date)


# ------------------------------------------------------------------------------------ passive
PASSIVE = [
    event_case("passive-ala-yad", "17", "173", "isr-police", "PSE*",
               "اعتقل الناشط الفلسطيني محمد الكرد على يد الشرطة الإسرائيلية في القدس.", "2021-06-06"),
    event_case("passive-qutila-no-agent", "19", None, "NONE", "SYRMIL",
               "قُتل خمسة جنود سوريين في بادية حمص."),
    event_case("passive-qutila-isis-attack", "19", None, "IMGISIS", "SYRMIL",
               "قُتل خمسة جنود سوريين في هجوم لتنظيم داعش في بادية حمص."),
    event_case("passive-ughtila", "18", "186", "NONE", "IRQ*",
               "اغتيل الناشط العراقي إيهاب الوزني في كربلاء.", "2021-05-09"),
    event_case("passive-qutila-numeral-unvocalised", "19", None, "NONE", "IRQMIL",
               "قتل 5 جنود في غارة جوية على قاعدة للجيش العراقي.",
               gap="trigger missing: unvocalised 'قتل' followed by a numeral fires no 190 reading"),
    event_case("passive-ustuhdifa-convoy", "19", None, "NONE", "lby-fathi-bashagha",
               "استهدف موكب وزير الداخلية الليبي فتحي باشاغا بإطلاق نار قرب طرابلس.", "2021-02-21",
               gap="trigger missing: sentence-initial passive 'استهدف موكب X' fires no reading; the target is behind the head noun موكب"),
    event_case("passive-usiba-target", "19", None, "PSE*", "ISR*",
               "أصيب ثلاثة جنود إسرائيليين برصاص فلسطيني قرب نابلس."),
]


@pytest.mark.parametrize("root,code,source,target,text,date", PASSIVE)
def test_passive(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                 date: str) -> None:
    """Passive verbs: the grammatical subject is the target; على يد / من قبل give the source."""
    _check(code_text, root, code, source, target, text, date)


def test_passive_casualties_have_no_source(code_text: Any) -> None:
    """"قُتل 5 جنود في غارة": the killed soldiers are never the source of the killing."""
    coded = code_text("قُتل خمسة جنود سوريين في هجوم لتنظيم داعش في بادية حمص.")
    evs = [e for e in coded.events if e.cameo[:2] == "19"]
    assert evs, coded.why()
    assert all(not (e.source and e.source.code == "SYRMIL") for e in evs), coded.why()


# ------------------------------------------------------------------------------------ coordination
def _pairs(events: list[Any], root: str) -> set[tuple[str | None, str | None]]:
    return {((e.source.id or e.source.code) if e.source else None, (e.target.id or e.target.code) if e.target else None)
            for e in events if e.cameo[:2] == root}


def test_coordinated_objects_meet(code_text: Any) -> None:
    """"التقى بوتين X و Y": one 040 event per object."""
    coded = code_text("التقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان والرئيس الإيراني حسن روحاني "
                      "في طهران.", date="2018-09-07")
    pairs = _pairs(coded.events, "04")
    assert ("rus-vladimir-putin", "tur-recep-tayyip-erdogan") in pairs, coded.why()
    assert ("rus-vladimir-putin", "irn-hassan-rouhani") in pairs, coded.why()


def test_coordinated_objects_receive(code_text: Any) -> None:
    """"استقبل السيسي المنفي والدبيبة": one 043 event per guest."""
    coded = code_text("استقبل الرئيس المصري عبد الفتاح السيسي رئيس المجلس الرئاسي الليبي محمد المنفي ورئيس الحكومة "
                      "عبد الحميد الدبيبة.", date="2021-04-12")
    pairs = _pairs(coded.events, "04")
    assert ("egy-abdel-fattah-al-sisi", "lby-mohamed-al-menfi") in pairs, coded.why()
    assert ("egy-abdel-fattah-al-sisi", "lby-abdul-hamid-dbeibah") in pairs, coded.why()


def test_coordinated_subjects_condemn(code_text: Any) -> None:
    """"أدانت مصر والأردن ...": one 111 event per condemning state."""
    coded = code_text("أدانت مصر والأردن اقتحام المستوطنين للمسجد الأقصى.")
    sources = {e.source.code for e in coded.events if e.cameo.startswith("111") and e.source}
    assert {"EGY", "JOR"} <= sources, coded.why()


def test_coordinated_subjects_sanction(code_text: Any) -> None:
    """"فرضت الولايات المتحدة وبريطانيا عقوبات على روسيا": two 163 events against RUS."""
    coded = code_text("فرضت الولايات المتحدة وبريطانيا عقوبات على روسيا.", date="2022-02-24")
    assert coded.find("16", "163", "USA", "RUS") and coded.find("16", "163", "GBR", "RUS"), coded.why()


@pytest.mark.xfail(strict=True, reason="target choice: 111.adana finds no target ('الهجوم على السفارة' has no "
                                       "coded party), so a condemnation of an attack is lost")
def test_coordinated_subjects_condemn_attack(code_text: Any) -> None:
    """"أدان الاتحاد الأوروبي والولايات المتحدة الهجوم": two 111 events, no 190 by the condemners."""
    coded = code_text("أدان الاتحاد الأوروبي والولايات المتحدة الهجوم على السفارة.")
    assert coded.find("11", "111", "IGOEU") and coded.find("11", "111", "USA"), coded.why()
    assert not coded.find("19", source="IGOEU|USA"), coded.why()


def test_coordinated_verbs_share_subject(code_text: Any) -> None:
    """"زار شويغو دمشق والتقى الأسد": both the visit and the meeting have Shoigu as source."""
    coded = code_text("قال بيان لوزارة الدفاع الروسية إن الوزير سيرغي شويغو زار دمشق والتقى الرئيس السوري بشار الأسد.",
                      date="2020-01-07")
    assert coded.find("04", "042", "rus-sergei-shoigu", "SYR"), coded.why()
    assert coded.find("04", "040", "rus-sergei-shoigu", "syr-bashar-al-assad"), coded.why()


# ------------------------------------------------------------------------------------ attribution
ATTRIBUTION = [
    event_case("attrib-bayan-inna", "04", "040", "rus-sergei-shoigu", "syr-bashar-al-assad",
               "قال بيان لوزارة الدفاع الروسية إن الوزير سيرغي شويغو زار دمشق والتقى الرئيس السوري بشار الأسد.",
               "2020-01-07"),
    event_case("attrib-agency-anna", "04", "043", "tun-kais-saied", "dza-ramtane-lamamra",
               "ذكرت وكالة الأنباء الرسمية أن الرئيس التونسي قيس سعيد استقبل وزير الخارجية الجزائري رمطان لعمامرة.",
               "2021-07-28"),
    event_case("attrib-observatory-bianna", "19", "195", "RUS*", "*",
               "أفاد المرصد السوري لحقوق الإنسان بأن طائرات روسية قصفت مواقع لهيئة تحرير الشام في إدلب."),
    event_case("attrib-ministry-accuses", "11", "112", "RUSGOV|RUSMIL", "USA",
               "اتهمت وزارة الدفاع الروسية الولايات المتحدة بتدريب مسلحين في قاعدة التنف."),
    event_case("attrib-ministry-accuses-iran", "11", "112", "irn-ministry-foreign-affairs", "USA",
               "اتهمت وزارة الخارجية الإيرانية الولايات المتحدة بزعزعة استقرار المنطقة."),
    event_case("attrib-army-annahu", "17", "173", "isr-idf", "PSE*",
               "أعلن الجيش الإسرائيلي أنه اعتقل ثلاثة فلسطينيين في جنين.",
               gap="resumptive subject: in 'أعلن الجيش أنه اعتقل' the active reading has no subject after the verb and the passive 173.utuqila wins (source None)"),
]


@pytest.mark.parametrize("root,code,source,target,text,date", ATTRIBUTION)
def test_attribution(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                     date: str) -> None:
    """The speaker of "قال/ذكر ... إن X فعل" is not the source; an accusing ministry is."""
    _check(code_text, root, code, source, target, text, date)


@pytest.mark.parametrize("text,speaker", [
    pytest.param("قال بيان لوزارة الدفاع الروسية إن الوزير سيرغي شويغو زار دمشق والتقى الرئيس السوري بشار الأسد.",
                 "rus-defence-ministry", id="ministry-statement"),
    pytest.param("أفاد المرصد السوري لحقوق الإنسان بأن طائرات روسية قصفت مواقع لهيئة تحرير الشام في إدلب.",
                 "syr-sohr", id="observatory"),
    pytest.param("ذكرت وكالة الأنباء السورية سانا أن الرئيس السوري بشار الأسد استقبل وزير الخارجية الإيراني "
                 "محمد جواد ظريف.", "syr-sana", id="news-agency"),
])
def test_reporter_is_never_source(code_text: Any, text: str, speaker: str) -> None:
    """The reporting body (a ministry statement, an observatory, a news agency) is not the source."""
    coded = code_text(text)
    assert coded.events, coded.why()
    for e in coded.events:
        assert not (e.source and e.source.id == speaker), coded.why()


# ------------------------------------------------------------------------------------ relative clauses
RELATIVE = [
    event_case("rel-meet-with-relative-arrival", "04", "040", "pse-mahmoud-abbas", "usa-antony-blinken",
               "التقى الرئيس الفلسطيني محمود عباس وزير الخارجية الأمريكي أنتوني بلينكن الذي وصل إلى رام الله أمس.",
               "2021-05-26"),
    event_case("rel-arrival-inside-relative", "04", "042", "usa-antony-blinken", "PSE*",
               "التقى الرئيس الفلسطيني محمود عباس وزير الخارجية الأمريكي أنتوني بلينكن الذي وصل إلى رام الله أمس.",
               "2021-05-26"),
    event_case("rel-subject-of-relative", "04", "040", "rus-sergei-lavrov", "syr-faisal-mekdad",
               "وقال وزير الخارجية الروسي سيرغي لافروف، الذي التقى نظيره السوري فيصل المقداد في موسكو، "
               "إن روسيا ستواصل دعم سوريا.", "2021-12-17"),
    event_case("rel-condemn-attack-launched-by", "11", "111", "igo-arab-league", "IMGHOU",
               "أدانت الجامعة العربية الهجوم الذي شنته جماعة الحوثي على مطار أبها.", "2021-02-10"),
    event_case("rel-attacker-in-relative", "19", "190", "IMGHOU", "SAU*",
               "أدانت الجامعة العربية الهجوم الذي شنته جماعة الحوثي على مطار أبها.", "2021-02-10",
               gap="target choice: 'مطار أبها' is only a place, so 190.hujum has no target (SAU expected)"),
    event_case("rel-guest-delegation", "04", "043", "egy-abdel-fattah-al-sisi", "USA*",
               "استقبل الرئيس المصري عبد الفتاح السيسي الوفد الأمريكي الذي يزور القاهرة حاليا."),
]


@pytest.mark.parametrize("root,code,source,target,text,date", RELATIVE)
def test_relative_clause(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                         date: str) -> None:
    """"X الذي فعل ...": X is the subject of the relative clause and keeps its role in the main clause."""
    _check(code_text, root, code, source, target, text, date)


# ------------------------------------------------------------------------------------ negation
NEGATED = [
    pytest.param("لم يلتق الرئيس الأمريكي جو بايدن الرئيس الروسي فلاديمير بوتين خلال القمة.", "04", id="lam"),
    pytest.param("لن يزور الرئيس الإسرائيلي إسحاق هرتسوغ الإمارات هذا الشهر.", "04", id="lan"),
    pytest.param("نفى وزير الخارجية السعودي فيصل بن فرحان أن يكون قد التقى مسؤولين إسرائيليين.", "04",
                 id="nafa-an-yakun"),
    pytest.param("لم تدن الحكومة السودانية الهجوم على المتظاهرين.", "11", id="lam-fem"),
    pytest.param("أكد الجيش الأردني أنه لم يقصف أي مواقع داخل سوريا.", "19", id="lam-in-complement"),
    pytest.param("نفت الحكومة الجزائرية أن تكون قد طردت السفير الفرنسي.", "17",
                 id="nafat-an-takun"),
    pytest.param("لم تفرض الولايات المتحدة أي عقوبات جديدة على تركيا.", "16", id="lam-sanctions",
                 marks=xfail("negation: 'لم تفرض' negates the light verb but the noun trigger 163.uqubat ('عقوبات') is "
                             "3 words later, outside the 2-word negation window")),
]


@pytest.mark.parametrize("text,root", NEGATED)
def test_negation(code_text: Any, text: str, root: str) -> None:
    """لم / لن / نفى: no asserted event of that root."""
    coded = code_text(text)
    assert not [e for e in coded.asserted() if e.cameo[:2] == root], coded.why()


def test_deny_is_016_not_a_negated_meeting(code_text: Any) -> None:
    """"نفى X أن يكون قد التقى Y": the denial itself is a 016 by X."""
    coded = code_text("نفى وزير الخارجية السعودي فيصل بن فرحان أن يكون قد التقى مسؤولين إسرائيليين.")
    assert coded.find("01", "016", "SAUGOV"), coded.why()


# ------------------------------------------------------------------------------------ intention / future
FUTURE = [
    event_case("future-muqarrar-an", "03", "036", "usa-joe-biden", "rus-vladimir-putin",
               "من المقرر أن يعقد الرئيس الأمريكي جو بايدن اجتماعا مع الرئيس الروسي فلاديمير بوتين في جنيف.",
               "2021-06-10"),
    event_case("future-yatazim-ziyara", "03", "036", "rus-sergei-lavrov", "EGY",
               "يعتزم وزير الخارجية الروسي سيرغي لافروف زيارة القاهرة الشهر المقبل."),
    event_case("future-yutawaqqa", "03", "036", "tur-recep-tayyip-erdogan", "usa-joe-biden",
               "يتوقع أن يلتقي الرئيس التركي رجب طيب أردوغان بالرئيس الأمريكي جو بايدن على هامش قمة الناتو.",
               "2021-06-01"),
    event_case("future-sa-reported", "03", "036", "irq-mustafa-al-kadhimi", "USA",
               "قال المتحدث باسم الحكومة العراقية إن الكاظمي سيزور واشنطن الشهر المقبل.", "2021-06-20"),
    event_case("future-sa-aid", "03", "033", "ARE", "SDN",
               "ستقدم الإمارات مساعدات إنسانية إلى السودان."),
    event_case("future-sa-visit-vso", "03", "036", "fra-emmanuel-macron", "IRQ",
               "سيزور الرئيس الفرنسي إيمانويل ماكرون بغداد الأسبوع المقبل.", "2021-08-20"),
]


@pytest.mark.parametrize("root,code,source,target,text,date", FUTURE)
def test_intention_is_036(code_text: Any, root: str, code: str | None, source: str, target: str, text: str,
                          date: str) -> None:
    """"سيزور"، "من المقرر أن يعقد"، "يعتزم": an intention (036/033), not the act itself."""
    _check(code_text, root, code, source, target, text, date)


NOT_THE_ACT = [
    pytest.param("من المقرر أن يعقد الرئيس الأمريكي جو بايدن اجتماعا مع الرئيس الروسي فلاديمير بوتين في جنيف.",
                 "04", id="muqarrar-no-040"),
    pytest.param("يعتزم وزير الخارجية الروسي سيرغي لافروف زيارة القاهرة الشهر المقبل.", "04", id="yatazim-no-042"),
    pytest.param("ستقدم الإمارات مساعدات إنسانية إلى السودان.", "07", id="future-aid-no-073",
                 marks=xfail("wrong pattern: 073.nouns fires on 'مساعدات إنسانية' beside the future 0333: a promise is coded as aid given")),
    pytest.param("تعهد الاتحاد الأوروبي بتقديم مساعدات إنسانية بقيمة 100 مليون يورو للسودان.", "07",
                 id="pledge-no-073", marks=xfail("wrong pattern: 073.qaddama fires inside 'تعهد بتقديم': a pledge is coded as aid given")),
]


@pytest.mark.parametrize("text,root", NOT_THE_ACT)
def test_intention_is_not_the_act(code_text: Any, text: str, root: str) -> None:
    """A planned meeting or promised aid is not an asserted 04/07 event."""
    coded = code_text(text)
    assert not [e for e in coded.asserted() if e.cameo[:2] == root], coded.why()


# ------------------------------------------------------------------------------------ dates
DATES = [
    pytest.param("التقى الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي أنتوني بلينكن أمس في القاهرة.",
                 "2021-05-26", "04", "2021-05-25", id="ams"),
    pytest.param("استقبل الرئيس المصري عبد الفتاح السيسي اليوم الأربعاء وزير الخارجية الأمريكي أنتوني بلينكن "
                 "في القاهرة.", "2021-05-26", "04", "2021-05-26", id="alyawm-weekday"),
    pytest.param("زار وزير الخارجية الإيراني محمد جواد ظريف بغداد الأحد الماضي.", D, "04", "2021-05-02",
                 id="weekday-madi"),
    pytest.param("التقى رئيس الوزراء العراقي مصطفى الكاظمي الرئيس الفرنسي إيمانويل ماكرون الخميس الماضي في باريس.",
                 D, "04", "2021-04-29", id="thursday-madi"),
    pytest.param("استقبل الملك الأردني عبد الله الثاني في 12 أبريل الماضي رئيس الوزراء الفلسطيني محمد اشتية.",
                 D, "04", "2021-04-12", id="day-month-madi"),
    pytest.param("زار رئيس الوزراء الإسرائيلي بنيامين نتنياهو سلطنة عمان في 26 أكتوبر 2018.", D, "04",
                 "2018-10-26", id="full-date"),
    pytest.param("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو.", D, "04",
                 D, id="no-date-article-date"),
]


@pytest.mark.parametrize("text,article_date,root,expected", DATES)
def test_event_date(code_text: Any, text: str, article_date: str, root: str, expected: str) -> None:
    """Relative dates resolve against the article date; without one the article date is used."""
    coded = code_text(text, date=article_date)
    evs = [e for e in coded.events if e.cameo[:2] == root]
    assert evs, coded.why()
    assert {e.date for e in evs} == {expected}, coded.why()


def test_old_date_is_background(code_text: Any) -> None:
    """An event dated years before the article is flagged as background."""
    coded = code_text("زار رئيس الوزراء الإسرائيلي بنيامين نتنياهو سلطنة عمان في 26 أكتوبر 2018.")
    evs = [e for e in coded.events if e.cameo[:2] == "04"]
    assert evs and all(e.background for e in evs), coded.why()


def test_recent_date_is_not_background(code_text: Any) -> None:
    """"أمس" is news, not background."""
    coded = code_text("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو أمس.")
    evs = [e for e in coded.events if e.cameo[:2] == "04"]
    assert evs and not any(e.background for e in evs), coded.why()


# ------------------------------------------------------------------------------------ places
def _loc(code_text: Any, text: str, root: str, date: str = D) -> tuple[Any, Any]:
    coded = code_text(text, date=date)
    evs = [e for e in coded.events if e.cameo[:2] == root]
    assert evs, coded.why()
    return evs[0].location, coded


def test_place_naval_base_in_tobruk(code_text: Any) -> None:
    """"في القاعدة البحرية بمدينة طبرق" → Tobruk with coordinates."""
    loc, coded = _loc(code_text, "التقى المشير خليفة حفتر قائد القوات الأمريكية في أفريقيا في القاعدة البحرية "
                                 "بمدينة طبرق.", "04", "2019-06-10")
    assert loc is not None and loc.name_en == "Tobruk", coded.why()
    assert loc.lat == pytest.approx(32.08, abs=0.2) and loc.lon == pytest.approx(23.96, abs=0.2), coded.why()


def test_place_tobruk_simple(code_text: Any) -> None:
    """"في مدينة طبرق" → Tobruk, Libya, with coordinates."""
    loc, coded = _loc(code_text, "التقى رئيس مجلس النواب الليبي عقيلة صالح السفير الأمريكي ريتشارد نورلاند في مدينة طبرق.",
                      "04", "2021-03-02")
    assert loc is not None and loc.name_en == "Tobruk" and loc.country == "LBY", coded.why()
    assert loc.lat == pytest.approx(32.08, abs=0.2), coded.why()


def test_place_city_with_coordinates(code_text: Any) -> None:
    """"في مدينة سبها جنوب ليبيا" → Sabha with coordinates."""
    loc, coded = _loc(code_text, "اشتبكت قوات الجيش الوطني الليبي مع مسلحين في مدينة سبها جنوب ليبيا.", "19")
    assert loc is not None and loc.name_en == "Sabha" and loc.country == "LBY", coded.why()
    assert loc.lat == pytest.approx(27.04, abs=0.2) and loc.lon == pytest.approx(14.43, abs=0.2), coded.why()


def test_place_in_capital(code_text: Any) -> None:
    """"في الجزائر العاصمة" → Algiers."""
    loc, coded = _loc(code_text, "استقبل الرئيس الجزائري عبد المجيد تبون وزير الخارجية الروسي سيرغي لافروف في "
                                 "الجزائر العاصمة.", "04")
    assert loc is not None and loc.name_en == "Algiers", coded.why()


@pytest.mark.parametrize("text,root,forbidden", [
    pytest.param("انتقد وزير الخارجية الفرنسي جان إيف لودريان السياسة التركية في شرق المتوسط.", "11",
                 {"FRA", "TUR"}, id="lodrian"),
    pytest.param("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.", "04",
                 {"RUS", "TUR"}, id="phone-call"),
    pytest.param("انتقد الرئيس الفرنسي إيمانويل ماكرون الرئيس التركي رجب طيب أردوغان.", "11",
                 {"FRA", "TUR"}, id="criticize"),
])
def test_nationality_adjective_is_never_the_location(code_text: Any, text: str, root: str,
                                                     forbidden: set[str]) -> None:
    """"الفرنسي"، "التركي" describe an actor: they never become a country-level location."""
    loc, coded = _loc(code_text, text, root)
    assert loc is None or not (loc.precision == "country" and loc.country in forbidden), coded.why()


def test_place_amman_not_oman(code_text: Any) -> None:
    """"الملك الأردني ... في عمان" → Amman, Jordan."""
    loc, coded = _loc(code_text, "التقى الملك الأردني عبد الله الثاني رئيس الوزراء العراقي مصطفى الكاظمي في عمان.", "04")
    assert loc is not None and loc.country == "JOR", coded.why()


def test_place_no_false_gazetteer_hit(code_text: Any) -> None:
    """"منحة مالية" is not a place."""
    coded = code_text("أعلنت قطر عزمها تقديم منحة مالية لدعم الجيش اللبناني.")
    assert coded.events, coded.why()
    assert all(e.location is None or e.location.country != "MDV" for e in coded.events), coded.why()


def test_place_no_false_gazetteer_hit_izmit(code_text: Any) -> None:
    """"في أزمته الاقتصادية" is not a place."""
    coded = code_text("ناشد رئيس الوزراء اللبناني نجيب ميقاتي الدول العربية مساعدة لبنان في أزمته الاقتصادية.")
    assert coded.events, coded.why()
    assert all(e.location is None or e.location.country != "TUR" for e in coded.events), coded.why()


@pytest.mark.xfail(strict=True, reason="target choice: 042.wasala finds no target; 'المصرية القاهرة' after "
                                       "'إلى العاصمة' is not taken as the destination")
def test_place_arrival_capital_apposition(code_text: Any) -> None:
    """"وصل لافروف إلى العاصمة المصرية القاهرة" → 042 to EGY at Cairo."""
    coded = code_text("وصل وزير الخارجية الروسي سيرغي لافروف إلى العاصمة المصرية القاهرة.")
    evs = coded.find("04", "042", "rus-sergei-lavrov", "EGY")
    assert evs and evs[0].location is not None and evs[0].location.name_en == "Cairo", coded.why()


# ------------------------------------------------------------------------------------ merging
def test_headline_and_lead_merge(code_text: Any) -> None:
    """The same reception in the headline and the lead is one event."""
    text = ("السيسي يستقبل ماكرون في القاهرة\n"
            "استقبل الرئيس المصري عبد الفتاح السيسي اليوم الاثنين في القاهرة الرئيس الفرنسي إيمانويل ماكرون، "
            "وبحث الجانبان العلاقات الثنائية.")
    coded = code_text(text)
    evs = [e for e in coded.events if e.cameo[:2] == "04"]
    assert len(evs) == 1, coded.why()
    assert evs[0].source and evs[0].source.id == "egy-abdel-fattah-al-sisi", coded.why()
    assert evs[0].target and evs[0].target.id == "fra-emmanuel-macron", coded.why()


def test_headline_and_lead_merge_meeting(code_text: Any) -> None:
    """"لافروف يلتقي أوغلو" + the lead: one 040 event with the full names resolved."""
    text = ("لافروف يلتقي أوغلو في موسكو\n"
            "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو اليوم.")
    coded = code_text(text)
    evs = [e for e in coded.events if e.cameo[:2] == "04"]
    assert len(evs) == 1, coded.why()
    assert evs[0].target and evs[0].target.id == "tur-mevlut-cavusoglu", coded.why()


def test_title_repeated_in_body_merges(code_text: Any) -> None:
    """A title repeated as the first line of the body and the lead describe one call."""
    title = "بوتين يجري اتصالا هاتفيا مع أردوغان"
    coded = code_text(title + "\nأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان "
                      "بحثا خلاله الوضع في سوريا.", title=title)
    evs = [e for e in coded.events if e.cameo[:2] == "04"]
    assert len(evs) == 1, coded.why()


def test_two_different_meetings_do_not_merge(code_text: Any) -> None:
    """Two meetings with different guests in one article stay two events."""
    text = ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو.\n"
            "وفي وقت لاحق التقى لافروف وزير الخارجية الإيراني محمد جواد ظريف.")
    coded = code_text(text)
    targets = {e.target.id for e in coded.events if e.cameo[:2] == "04" and e.target}
    assert {"tur-mevlut-cavusoglu", "irn-mohammad-javad-zarif"} <= targets, coded.why()


# ------------------------------------------------------------------------------------ spurious events
SPURIOUS = [
    pytest.param("تظاهر آلاف المغاربة في الرباط احتجاجا على التطبيع مع إسرائيل.", "05", "2020-12-14",
                 id="protest-against-normalisation"),
    pytest.param("علقت الولايات المتحدة المساعدات العسكرية لمصر.", "07", "2013-10-09",
                 id="suspended-aid", marks=xfail("wrong pattern: 072.nouns fires on the suspended aid")),
    pytest.param("أدان الأزهر الشريف الهجوم الإرهابي على كنيسة في مدينة نيس الفرنسية.", "18", "2020-10-29",
                 id="condemner-is-not-attacker"),
    pytest.param("قدم الرئيس الفرنسي إيمانويل ماكرون تعازيه للرئيس اللبناني ميشال عون في ضحايا انفجار مرفأ بيروت.",
                 "19", "2020-08-05", id="condolence-victims",
                 marks=xfail("wrong pattern: 190.maqtal fires on 'ضحايا' inside a condolence message (target LBN)")),
    pytest.param("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان.", "19", D,
                 id="phone-call-no-violence"),
]


@pytest.mark.parametrize("text,root,date", SPURIOUS)
def test_no_spurious_event(code_text: Any, text: str, root: str, date: str) -> None:
    """A word of another root mentioned inside the event does not add an event of that root."""
    coded = code_text(text, date=date)
    assert not [e for e in coded.asserted() if e.cameo[:2] == root], coded.why()


# ------------------------------------------------------------------------------------ actor resolution
ACTORS = [
    pytest.param("قدم أمير قطر الشيخ تميم بن حمد آل ثاني التعازي للرئيس المصري عبد الفتاح السيسي.", "qat-tamim-bin-hamad",
                 "2021-03-27", id="tamim-full-name"),
    pytest.param("عقد وزير الخارجية السعودي فيصل بن فرحان اجتماعا مع نظيره الأمريكي أنتوني بلينكن في واشنطن.",
                 "sau-faisal-bin-farhan", D, id="faisal-bin-farhan"),
    pytest.param("التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي مولود جاويش أوغلو في موسكو.",
                 "rus-sergei-lavrov", D, id="lavrov"),
    pytest.param("قال بيان لوزارة الدفاع الروسية إن الوزير سيرغي شويغو زار دمشق.", "rus-sergei-shoigu", "2020-01-07",
                 id="shoigu"),
]


@pytest.mark.parametrize("text,actor_id,date", ACTORS)
def test_source_resolves_to_kb_person(code_text: Any, text: str, actor_id: str, date: str) -> None:
    """A title followed by a name resolves to the named person, not the generic title."""
    coded = code_text(text, date=date)
    assert any(e.source and e.source.id == actor_id for e in coded.events), coded.why()


BENNETT = [
    pytest.param("2020-02-01", "ISRMIL", id="defence-minister-2020"),
    pytest.param("2021-12-13", "ISRGOV", id="prime-minister-2021"),
    pytest.param("2021-05-03", "ISROPP|ISRLEG", id="opposition-may-2021",
                 marks=xfail("actor dictionary gap: Bennett has no role for 2020-05-17..2021-06-13 (opposition leader); "
                             "the coder falls back to ISRMIL")),
]


@pytest.mark.parametrize("date,expected", BENNETT)
def test_actor_code_depends_on_date(code_text: Any, date: str, expected: str) -> None:
    """Bennett is coded by his role on the event date (defence minister, opposition, prime minister)."""
    coded = code_text("زار نفتالي بينيت الإمارات.", date=date)
    evs = coded.find("04", "042", "isr-naftali-bennett")
    assert evs and evs[0].source is not None and evs[0].source.code in expected.split("|"), coded.why()
