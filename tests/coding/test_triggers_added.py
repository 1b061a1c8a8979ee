"""Trigger patterns added or repaired for issue 5 (events with no trigger of the right root).

Every sentence is invented for these tests (plausible news about real actors, not copied from any corpus).
Each group names the dictionary change it covers; each positive case failed before that change, and the
negative cases guard the precision of the new patterns.

Groups:

* proclitic shadowing: a requires/excludes word written with its conjunction (واعتقلت) entered the
  segmenter's lexicon and stopped "و + اعتقلت" from being split, so 173.itaqala never matched it;
* common verbs: أعلن، أطلق، رفع، دانت are ignored as single-word triggers (common_words.tsv), so the noun
  after the subject carries the event (مسؤوليته، سراح، العقوبات), or the form with its conjunction is listed
  (ودانت, which the segmenter leaves whole);
* verb-subject-object order: multi-word forms ("سحب قواتها", "حمل مسؤولية", "تسلم رسالة") do not match
  when the subject stands between the verb and its noun, so the noun is the trigger with the verb required;
* competing spans: a longer form of another root (063 "رحلت السلطات") hid the right reading on the
  same words.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, event_case, expect_event, expect_no_event

POSITIVE = [
    # proclitic shadowing (17.tsv 173.dahama requires)
    event_case("wa-itaqalat", "17", "173", "TURCOP", "*",
               "واعتقلت الشرطة التركية عشرات من أنصار فتح الله غولن في إسطنبول."),
    # 015 claim with the subject between أعلن and the noun (01.tsv 015.masuliya_aalana)
    event_case("claim-aalana-subject", "01", "015", "IMGISIS", "*",
               "وأعلن تنظيم داعش مسؤوليته عن التفجير الذي استهدف نقطة للجيش العراقي غرب الأنبار."),
    # 015 acknowledgement "اعترف X بمسؤوليته" (01.tsv 015.itarafa_bi requires)
    event_case("acknowledge-bimasuliyatihi", "01", "015", "USA*", "*",
               "واعترفت وزارة الدفاع الأمريكية بمسؤوليتها عن الغارة التي قتلت مدنيين في كابول."),
    # 012 "أبدى X تشاؤمه إزاء" (01.tsv 012.tashaama forms and target)
    event_case("pessimism-possessive", "01", "012", "IGOUNO", "YEM",
               "وأبدى المبعوث الأممي تشاؤمه بشأن فرص التهدئة مع اليمن."),
    # 040 "لقائه X" with a direct object (04.tsv 040.liqa_pron)
    event_case("liqa-pron-obj", "04", "040", "pse-mahmoud-abbas", "USAGOV",
               "وأكد الرئيس محمود عباس خلال لقائه وزير الخارجية الأمريكي في رام الله رفضه للاستيطان."),
    # 040 joint press conference (04.tsv 040.mutamar_mushtarak)
    event_case("joint-press-conference", "04", "040", "TURGOV", "RUSGOV",
               "وعقد وزير الخارجية التركي مؤتمرا صحفيا مشتركا مع نظيره الروسي في أنقرة."),
    # 041 a letter received from X (04.tsv 041.risala_min)
    event_case("letter-received-vso", "04", "041", "SAUGOV", "EGYGOV",
               "وتسلم الرئيس المصري رسالة خطية من العاهل السعودي تتعلق بالعلاقات الثنائية."),
    # 051 expressed support (05.tsv 051.daam_noun)
    event_case("support-noun", "05", "051", "FRAGOV", "IRQGOV",
               "وأعرب الرئيس الفرنسي عن دعمه للحكومة العراقية في حربها على الإرهاب."),
    # 0841 "أطلقت X سراح Y" (08.tsv 0841.sarah_req)
    event_case("release-sarah-vso", "08", "084", "ISR*", "PSE*",
               "وأطلقت إسرائيل سراح عشرين أسيرا فلسطينيا بموجب اتفاق التهدئة."),
    # 085 "رفعت X العقوبات عن Y" (08.tsv 085.uqubat_req)
    event_case("lift-sanctions-vso", "08", "085", "IGOEU", "MMR",
               "ورفع الاتحاد الأوروبي العقوبات عن ميانمار بعد الانتخابات."),
    # 0874 "سحبت X قواتها من Y" (08.tsv 0874.quwwat_sahb)
    event_case("withdraw-forces-vso", "08", "087", "FRA*", "MLI",
               "وسحبت فرنسا قواتها من مالي بعد تسع سنوات من التدخل العسكري."),
    # 111 "ودانت X": دانت is a common word (ignored alone) and "ودانت" is not split (11.tsv 111.adana)
    event_case("wa-danat", "11", "111", "EGY*", "ISR*",
               "ودانت مصر الهجوم الإسرائيلي على قطاع غزة."),
    # 111 a verbal attack named by وصف, written without the conjunction (11.tsv 111.hajama-kalami requires)
    event_case("hajama-wasafa", "11", "111", "tur-recep-tayyip-erdogan", "ISR*",
               "وهاجم الرئيس التركي رجب طيب أردوغان إسرائيل، إذ وصف سياستها في غزة بالإبادة."),
    # 112 "حملت X Y المسؤولية" (11.tsv 112.hammala-req)
    event_case("hold-responsible-vso", "11", "112", "PSEGOV", "ISR*",
               "وحملت الحكومة الفلسطينية إسرائيل المسؤولية الكاملة عن التصعيد في الضفة الغربية."),
    # 112 "ألقى X باللوم على Y" (11.tsv 112.alqa-req requires)
    event_case("blame-vso", "11", "112", "USAGOV", "CHN",
               "وألقى الرئيس الأمريكي باللوم على الصين في تفاقم الأزمة التجارية."),
    # 130 a promise of action against X is a threat (13.tsv 130.wad_did)
    event_case("promise-against", "13", "130", "tur-recep-tayyip-erdogan", "IMGPKK",
               "ووعد الرئيس التركي رجب طيب أردوغان باتخاذ إجراءات حاسمة ضد حزب العمال الكردستاني."),
    # 154 reservists called up (15.tsv 154.ihtiyat_req)
    event_case("reservists-vso", "15", "154", "KOR*", "*",
               "واستدعت كوريا الجنوبية جنود الاحتياط بعد التجربة الصاروخية الكورية الشمالية."),
    # 170 raid on premises (17.tsv 170.dahama_maqarr)
    event_case("raid-premises", "17", None, "EGYCOP", "*",
               "وداهمت الشرطة المصرية مقر حزب الوفد في القاهرة."),
    # 173 "أوقفت X متظاهرين" (17.tsv 173.awqafa_req)
    event_case("detain-awqafa", "17", "173", "TUN*", "*",
               "وأوقفت السلطات التونسية عشرات المحتجين في العاصمة."),
    # 174 deportation no longer hidden by 063 "رحلت السلطات" (06.tsv 063.tasleem_noun)
    event_case("deport-not-extradite", "17", "174", "TUR*", "SYR*",
               "ورحلت السلطات التركية مئات اللاجئين السوريين إلى الشمال السوري."),
]


@pytest.mark.parametrize("root,code,source,target,text", POSITIVE)
def test_added_trigger_codes_the_event(code_text: Callable[..., Coded], root: str, code: str | None,
                                       source: str, target: str, text: str) -> None:
    """The sentence yields an event of the expected root/code with the expected actors."""
    expect_event(code_text, root, code, source, target, text)


NEGATIVE = [
    # a call to lift sanctions is not a lifting
    pytest.param("08", "085", "ودعت روسيا إلى رفع العقوبات المفروضة على سوريا.", id="lift-sanctions-called-for"),
    # stopping aid is not a detention
    pytest.param("17", "173", "وأوقفت الحكومة الأردنية المساعدات المقدمة إلى اللاجئين.", id="awqafa-aid-not-arrest"),
    # support named inside an accusation is not praise
    pytest.param("05", "051", "واتهمت الولايات المتحدة إيران بمواصلة دعمها للحوثيين.", id="support-in-accusation"),
    # taking responsibility on oneself is not blaming anyone
    pytest.param("11", "112", "وحمل الوزير المصري على عاتقه مسؤولية ملف المياه.", id="responsibility-on-oneself"),
    # a demand to release prisoners is not a release
    pytest.param("08", "084", "وطالبت حماس إسرائيل بإطلاق سراح الأسرى الفلسطينيين.", id="release-demanded"),
    # a promise of aid is not a threat, even with ضد in the sentence
    pytest.param("13", "130", "ووعد الرئيس الأمريكي بتقديم مساعدات عسكرية لأوكرانيا ضد الغزو الروسي.", id="promise-aid-not-threat"),
    # a refusal to withdraw is not a withdrawal
    pytest.param("08", "087", "ورفضت تركيا سحب قواتها من شمال العراق.", id="withdraw-refused"),
]


@pytest.mark.parametrize("root,code,text", NEGATIVE)
def test_added_trigger_stays_silent(code_text: Callable[..., Coded], root: str, code: str, text: str) -> None:
    """The new patterns do not fire on these look-alike contexts."""
    expect_no_event(code_text, root, code, text)
