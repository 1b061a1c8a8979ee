"""Trigger lexicon, round 4: general verb and noun forms of lexemes that had none, or were read by another entry.

Every sentence is invented for these tests (plausible news about real actors, not copied from any corpus).
Each case names the dictionary change it covers; each positive case failed before that change, and the
negative cases guard the precision of the added forms.

Groups:

* new lexemes: blaming by attribution (112.arjaa-sabab: أرجع / عزا سبب X إلى Y), raising questions with the
  subject between verb and object (111.athara-vso: أثارت المنظمة تساؤلات بشأن ...);
* wider companions: a vow of "the response" (130.taahhada-radd: تعهد باتخاذ الرد المناسب);
* forms another entry took: a withdrawal (0874) written "انسحبت من" was read only as leaving a treaty
  (160), "تفجرت" (exploded) is the same event as "انفجرت" for vehicle bombs and IEDs;
* common words that are verbs too: "دان" (condemned) and "هنأ" (congratulated, read هنا "here") are not
  indexed alone, so each has a reading that requires what is condemned or congratulated after it;
* forms that held their own subject ("أحرق المتظاهرون"، "أغلق المحتجون"، "أضرب المعلمون") left the coder no
  source; the verb alone now requires the protesters after it, as a VSO reading (145.adrama-vso,
  145.iqtaham-muhtajjun, 144.qataa-vso, 144.manaa-vso), and other VSO readings were added where only the
  contiguous verb+object form existed (183.alqa-qunbula-vso، 190.asqata-vso، 144.itarat-vso، 182.itada-vso،
  180.adrama-vso);
* the same for the attacking arm of 19x forms ("قصفت المدفعية"، "قصفت الطائرات"، "أغارت المقاتلات"، "أطلقت دبابة"،
  "دخلت القوات") and of the court in 116 ("قضت المحكمة"): the source came from elsewhere in the sentence (a Hamas target coded as the attacker); the
  single-verb readings that already required those words now read them;
* topic nouns of a statement whose genitive is the party concerned (coder STANCE_HEADS: القرصنة الروسية،
  عودة السفير، انتخاب الرئيس).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, event_case, expect_event, expect_no_event

POSITIVE = [
    # 112.arjaa-sabab: أرجع سبب X إلى Y (Y's act is blamed)
    event_case("arjaa-sabab", "11", "112", "IRNGOV", "ISR",
               "وأرجع وزير الخارجية الإيراني سبب تعثر المفاوضات إلى التدخل الإسرائيلي."),
    event_case("arjaat-asbab", "11", "112", "LBYGOV", "TUR",
               "وأرجعت الحكومة الليبية أسباب الأزمة إلى التدخل التركي في شؤون البلاد."),
    # STANCE_HEADS: the blamed act is a noun with the party as its adjective
    event_case("arjaa-qarsana", "11", "112", "USAGOV", "RUS",
               "وأرجع وزير الخارجية الأمريكي سبب تعطل مواقع الوزارة إلى القرصنة الروسية."),
    # 111.athara-vso: the subject stands between the verb and "تساؤلات"
    event_case("athara-vso", "11", "111", "NGO", "EGY*",
               "وأثارت منظمة العفو الدولية تساؤلات بشأن ممارسات الشرطة المصرية في سيناء."),
    # 130.taahhada-radd: "الرد" with the article, after باتخاذ
    event_case("taahhada-al-radd", "13", "130", "USAGOV", "RUS",
               "وتعهد الرئيس الأمريكي جو بايدن باتخاذ الرد المناسب على الاستفزازات الروسية."),
    # 111.adana-req: bare "دان" is a common word (not indexed alone); it is read with the condemned act after it
    event_case("dana-bishidda", "11", "111", "FRAGOV", "RUS",
               "دان الرئيس الفرنسي بشدة الهجوم الروسي على مدينة خاركيف الأوكرانية."),
    event_case("fima-danat", "11", "111", "IRQGOV", "TUR",
               "فيما دانت قيادة إقليم كردستان العراق أمس القصف الجوي التركي على مواقع حزب العمال."),
    # 051.hannaa-req: "هنأ" reads as the common word "هنا" (here); it is read with what is congratulated after it
    event_case("hannaa-bifawz", "05", "051", "JORGOV", "TUNGOV",
               "وهنأ الملك الأردني عبد الله الثاني الرئيس التونسي قيس سعيد بفوزه في الانتخابات الرئاسية."),
    # STANCE_HEADS: the return / election / appointment of a party is what is welcomed
    event_case("rahhaba-bi-awdat", "05", "051", "PSEGOV", "JORGOV",
               "ورحب الرئيس الفلسطيني محمود عباس بعودة السفير الأردني إلى رام الله."),
    event_case("rahhaba-bi-intikhab", "05", "051", "AREGOV", "LBN*",
               "ورحب وزير الخارجية الإماراتي بانتخاب الرئيس اللبناني جوزاف عون."),
    # protest forms holding their own subject ("أحرق المتظاهرون") left the coder no source: the verb alone now
    # requires the protesters after it (145.adrama-vso, 145.iqtaham-muhtajjun, 144.qataa-vso, 144.manaa-vso)
    event_case("ahraqa-mutazahirun", "14", "145", "IRQCVL", "*",
               "وأحرق المتظاهرون العراقيون مقر حزب الدعوة في البصرة."),
    event_case("adrama-muhtajjun", "14", "145", "IRQCVL", "*",
               "وأضرم محتجون عراقيون غاضبون النار في مقر حزب الدعوة في البصرة."),
    event_case("iqtahama-mutazahirun", "14", "145", "IRQCVL", "*",
               "واقتحم المتظاهرون العراقيون مبنى البرلمان في بغداد."),
    event_case("qataa-turuq-vso", "14", "144", "IRQCVL", "*",
               "وقطع المحتجون العراقيون الطرق الرئيسية في الناصرية احتجاجا على نقص الكهرباء."),
    event_case("aghlaqa-tariq-vso", "14", "144", "DZACVL", "*",
               "وأغلق المحتجون الجزائريون الطريق السريع في العاصمة."),
    event_case("hasara-mutazahirun", "14", "144", "SDNCVL", "*",
               "وحاصر المتظاهرون السودانيون مقر قيادة الجيش في الخرطوم."),
    # 144.itarat-vso: burning tyres with the subject between verb and object
    event_case("ahraqa-itarat-vso", "14", "144", "LBNCVL", "*",
               "وأحرق المتظاهرون اللبنانيون الإطارات أمام مقر الحكومة في بيروت."),
    # 183.alqa-qunbula-vso: a thrown bomb, the subject between verb and object
    event_case("alqa-qunbula-vso", "18", "183", "*", "IRQ*",
               "وألقى مسلحون مجهولون قنبلة على دورية للشرطة العراقية في البصرة."),
    # 190.asqata-vso: an aircraft shot down, the subject between verb and object
    event_case("asqata-taira-vso", "19", "190", "SYRMIL", "ISR",
               "وأسقطت الدفاعات الجوية السورية طائرة إسرائيلية فوق الجولان."),
    # 174.tard-noun ("طرد السفير") held the expelled diplomat inside the trigger: 174.tarada-diblomasi reads it now
    event_case("tard-safir", "17", "174", "BOLGOV", "ISRGOV",
               "وقررت الحكومة البوليفية أمس طرد السفير الإسرائيلي من لاباز."),
    # 182.itada-vso: beating, the subject between verb and "بالضرب" (180.itada hands it off)
    event_case("itada-bildarb", "18", "182", "IRNCOP", "*",
               "واعتدت الشرطة الإيرانية بالضرب على الطالبة الإيرانية في طهران أمس."),
    # 114.istadaa-safir-ihtijaj ("استدعت السفير") held the summoned envoy inside the trigger; 114.istadaa-req reads it
    event_case("istadaat-safir", "11", "114", "JORGOV", "ISRGOV",
               "وكانت وزارة الخارجية الأردنية قد استدعت السفير الإسرائيلي في عمان أمس."),
    # 154.arsala-vso: troops sent, the subject between verb and object
    event_case("arsalat-quwwat-vso", "15", "154", "TUR", "LBY",
               "وأرسلت تركيا قوات إلى ليبيا لدعم حكومة الوفاق."),
    # 180.dahs: "دهس جنود" held the run-over soldiers inside the trigger
    event_case("dahs-junud", "18", "180", "PSE", "ISRMIL",
               "وأقدم فلسطيني أمس على دهس جنود إسرائيليين قرب الخليل."),
    # 143.idrab-impf: the imperfect of أضرب (go on strike) is written as the imperfect of ضرب (hit)
    event_case("yudribu-an-al-amal", "14", "143", "JOREDU", "*",
               "ويضرب المعلمون الأردنيون عن العمل منذ أسبوعين للمطالبة بزيادة الرواتب."),
    # attack forms that held the attacking arm ("قصفت المدفعية"، "أغارت المقاتلات"، "دخلت القوات") took the source
    # from elsewhere in the sentence; the verb alone now reads it (194.qasafa-madfaiya, 195.qasafa-jawwi,
    # 195.aghara, 192.tawaghghul-fixed)
    event_case("qasafat-madfaiya", "19", "194", "TURMIL", "IMGYPG",
               "وقصفت المدفعية التركية أمس مواقع لوحدات حماية الشعب الكردية في عفرين."),
    event_case("qasafat-tairat", "19", "195", "RUSMIL", "SYR*",
               "وقصفت الطائرات الروسية أمس مواقع المعارضة السورية في إدلب."),
    event_case("aghara-muqatilat", "19", "195", "ISRMIL", "*",
               "وأغارت المقاتلات الإسرائيلية أمس على مواقع لحركة حماس في غزة."),
    event_case("dakhalat-quwwat", "19", "192", "IRQMIL", "*",
               "ودخلت القوات العراقية أمس مدينة الفلوجة بعد معارك عنيفة مع تنظيم داعش."),
    # 116.hakama: "قضت المحكمة" held the court (the source) inside the trigger
    event_case("qadat-mahkama", "11", "116", "EGYJUD", "EGYOPP",
               "وقضت المحكمة المصرية أمس بسجن الناشط علاء عبد الفتاح خمس سنوات."),
    # 040.ijtama_wafd ("التقى وفدا") held the delegation inside the trigger: 040.iltaqa / 043.istaqbala read it
    event_case("iltaqa-wafdan", "04", "040", "EGYGOV", "IMGHAM",
               "وكان الرئيس المصري قد التقى وفدا من حركة حماس في القاهرة أمس."),
    event_case("istaqbala-wafdan", "04", None, "EGYGOV", "USAGOV",
               "وكان الرئيس المصري قد استقبل وفدا أمريكيا في القاهرة أمس."),
    # 1833.infijar-ubwa: تفجرت (exploded), as انفجرت
    event_case("tafajjarat-ubwa", "18", "1833", "SOMREB", "*",
               "وتفجرت عبوة ناسفة زرعها مسلحو حركة الشباب في موكب للجيش الصومالي قرب مقديشو."),
]


@pytest.mark.parametrize("root,code,source,target,text", POSITIVE)
def test_round4_trigger_codes_the_event(code_text: Callable[..., Coded], root: str, code: str | None,
                                        source: str, target: str, text: str) -> None:
    expect_event(code_text, root, code, source, target, text)


NEGATIVE = [
    # rising prices are blamed on no party (112.arjaa-sabab excludes)
    pytest.param("11", "112", "وأرجع الخبراء المصريون سبب ارتفاع الأسعار إلى تراجع إنتاج النفط في السعودية.",
                 id="arjaa-prices"),
    # the history of a city is "attributed" to an era
    pytest.param("11", "112", "ويرجع تاريخ المدينة إلى العصر الروماني بحسب وزارة الثقافة المصرية.",
                 id="yarjiu-tarikh"),
    # admiration raised by a film is no criticism (111.athara-vso requires questions or doubts)
    pytest.param("11", "111", "وأثار الفيلم المصري الجديد إعجاب النقاد الفرنسيين في مهرجان القاهرة.",
                 id="athara-ijab"),
    # answering letters is no threat (130.taahhada-radd excludes)
    pytest.param("13", "130", "وتعهد وزير الخارجية المصري بالرد على الرسائل التي تلقاها من نظيره السوداني.",
                 id="taahhada-radd-letters"),
    # allegiance is no condemnation (111.adana-req excludes)
    pytest.param("11", "111", "وقال المؤرخ إن المدينة دانت له بالولاء بعد سقوط الحكم العثماني في سوريا.",
                 id="danat-lahu-bil-wala"),
    # "وهنا" (and here) is no congratulation
    pytest.param("05", "051", "وهنا أكد وزير الخارجية المصري أن بلاده ترفض التدخل الإيراني في اليمن.",
                 id="huna-here"),
    # security forces closing a road are no protesters (144.qataa-vso excludes)
    pytest.param("14", "144", "وقطعت القوات الإسرائيلية الطريق المؤدي إلى قرية النبي صالح.", id="qataat-quwwat-tariq"),
    # "قطع الطريق على" (forestall) is no road block
    pytest.param("14", "144", "وقال الوزير إن الاتفاق يقطع الطريق على أي محاولة لتقسيم ليبيا.", id="qataa-tariq-ala"),
    # police storming a sit-in is no protest (145.iqtaham-muhtajjun excludes)
    pytest.param("14", "145", "واقتحمت الشرطة المصرية ساحة الاعتصام وفرقت المحتجين.", id="iqtaham-shurta"),
    # dropping charges is no shoot-down (190.asqata-vso excludes)
    pytest.param("19", "190", "وأسقطت المحكمة الأمريكية التهم الموجهة إلى الرئيس الأفغاني السابق.", id="asqata-tuham"),
    # tear gas thrown by the police is no bombing (183.alqa-qunbula-vso excludes)
    pytest.param("18", "183", "وألقت الشرطة التركية قنابل الغاز المسيل للدموع على المتظاهرين في إسطنبول.",
                 id="alqa-qanabil-ghaz"),
    # aid sent is no deployment (154.arsala-vso excludes)
    pytest.param("15", "154", "وأرسلت الإمارات مساعدات إنسانية وقوافل إغاثة إلى السودان.", id="arsalat-musaadat"),
    # "تضرب بعرض الحائط" (disregards) is no strike (143.idrab-impf requires strike words)
    pytest.param("14", "143", "وقال الوزير إن الحكومة الإسرائيلية تضرب بعرض الحائط كل القرارات الدولية.",
                 id="tadribu-bi-ard-al-hait"),
    # an agreement entering into force is no invasion (192.tawaghghul-fixed excludes)
    pytest.param("19", "192", "ودخل الاتفاق بين الجيش السوداني وقوات الدعم السريع حيز التنفيذ أمس.", id="dakhala-hayyiz"),
    # aid convoys entering Gaza are no invasion
    pytest.param("19", "192", "ودخلت قوافل المساعدات الأممية إلى غزة عبر معبر رفح.", id="dakhalat-qawafil"),
    # leaving a treaty is still 160, not a military withdrawal (0874.insahaba excludes الاتفاق)
    pytest.param("08", "0874", "وأعلنت الولايات المتحدة انسحابها من الاتفاق النووي مع إيران.",
                 id="insahaba-treaty"),
]


@pytest.mark.parametrize("root,code,text", NEGATIVE)
def test_round4_trigger_stays_silent(code_text: Callable[..., Coded], root: str, code: str, text: str) -> None:
    expect_no_event(code_text, root, code, text)


def test_withdrawal_with_min_is_read_both_ways() -> None:
    """"انسحبت من" is a form of the military withdrawal (0874) as well as of leaving a treaty (160)."""
    from hadath.kb.kb import get_kb

    kb = get_kb()
    assert "انسحبت من" in kb.patterns["0874.insahaba"].forms
    assert "انسحبت من" in kb.patterns["160.insahaba-munazzama"].forms


# words that are the subject (or object) actor of the verb before them: a form ending in one of them holds that
# actor inside the trigger span, where the coder cannot take it as source or target
SWALLOWED_ACTORS = ("وفدا", "وفد", "المتظاهرون", "المحتجون", "المعتصمون", "المدفعية", "الدبابات", "الطائرات", "المقاتلات",
                    "البوارج", "القوات", "الجيش", "المحكمة", "السفير")


@pytest.mark.parametrize("root", ["04", "11", "14", "17", "19"])
def test_no_verb_form_holds_its_subject(root: str) -> None:
    """No verb+subject (or verb+object) form in these roots: the verb alone reads the sentence, requiring the subject word."""
    from hadath.kb.kb import get_kb, phrase_key

    keys = {phrase_key(w) for w in SWALLOWED_ACTORS}
    bad = [(p.id, f) for p in get_kb().patterns.values() if p.cameo.startswith(root) and p.voice != "noun"
           for f in p.forms if len(f.split()) == 2 and phrase_key(f.split()[1]) in keys]
    assert not bad, bad
