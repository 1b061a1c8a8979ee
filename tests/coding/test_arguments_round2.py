"""Argument choice, round 2: coordinated targets after "كل من", named members of a group ("من بينهم"), the
subject of a relative clause describing the evaluated act ("أدان الهجوم الذي شنته X"), the object of a verb
after حيث, "بلاده" (the speaker's country) as a target, the antecedent as the subject of a relative verb, a dual
possessive ("اجتماعهما") and a masdar governed by a preposition that is no light verb's object.

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.coding.conftest import actor_matches, event_case, expect_event

D = "2021-05-03"


CASES = [
    # "في كل من X و Y": the من of "كل من" is partitive; both conjuncts take the preposition before كل
    event_case("kull-min-prep-first", "05", "054", "MARGOV", "KEN",
               "أعلنت الحكومة المغربية افتتاح سفارتين جديدتين في كل من كينيا وتنزانيا."),
    event_case("kull-min-prep-second", "05", "054", "MARGOV", "TZA",
               "أعلنت الحكومة المغربية افتتاح سفارتين جديدتين في كل من كينيا وتنزانيا."),
    # "حث X كلا من Y و Z": a bare object
    event_case("kull-min-object-first", "02", None, "CHNGOV", "IND",
               "حث وزير الخارجية الصيني كلا من الهند وباكستان على ضبط النفس."),
    event_case("kull-min-object-second", "02", None, "CHNGOV", "PAK",
               "حث وزير الخارجية الصيني كلا من الهند وباكستان على ضبط النفس."),
    # "مسؤولين عراقيين بينهم رئيس الوزراء X": the named member is the party
    event_case("among-object", "04", "040", "USAGOV", "irq-mustafa-al-kadhimi",
               "التقى وزير الخارجية الأمريكي مسؤولين عراقيين بينهم رئيس الوزراء مصطفى الكاظمي في بغداد."),
    event_case("among-after-descriptor", "04", "040", "FRAGOV", "sen-macky-sall",
               "وعقد الرئيس الفرنسي اجتماعا مع قادة أفارقة، من بينهم الرئيس السنغالي ماكي سال، في باريس."),
    # a relative clause names the doer of the evaluated act
    event_case("relative-doer-condemn", "11", "111", "IGOAU", "SOMREB",
               "أدان الاتحاد الأفريقي الهجوم الذي نفذته حركة الشباب على قاعدة عسكرية في الصومال."),
    event_case("relative-doer-praise", "05", "051", "JORGOV", "EGY",
               "أشادت الحكومة الأردنية بالجهود التي تبذلها مصر لتثبيت التهدئة في غزة."),
    event_case("relative-doer-unsegmented-verb", "11", "111", "egy-al-azhar", "IMGISIS",
               "أدان الأزهر بشدة الهجوم الذي شنه تنظيم داعش على كنيسة في المنيا."),
    # "وصل X إلى Y حيث التقى Z": after حيث the main clause's subject goes on; Z is the object
    event_case("after-haythu-object", "04", "040", "rus-sergei-lavrov", "sau-mohammed-bin-salman",
               "وصل وزير الخارجية الروسي سيرغي لافروف إلى الرياض، حيث التقى ولي العهد السعودي الأمير محمد بن سلمان."),
    # "على بلاده": the state of the speaker
    event_case("home-country-of-speaker", "16", "163", "USA", "IRN",
               "قال وزير الخارجية الإيراني إن الولايات المتحدة فرضت عقوبات جديدة على بلاده."),
    # "X، الذي التقى Y": the antecedent is the subject of a relative verb without a resumptive pronoun
    event_case("relative-antecedent-subject", "04", "040", "usa-antony-blinken", "jor-ayman-safadi",
               "وقال وزير الخارجية الأمريكي أنتوني بلينكن، الذي التقى نظيره الأردني أيمن الصفدي في عمان، إن بلاده "
               "ملتزمة بأمن المنطقة."),
    # "في اجتماعهما": the dual possessive names the two parties of the sentence
    event_case("dual-possessive-meeting", "04", "040", "CHNGOV", "JPNGOV",
               "وحث وزير الخارجية الصيني وانغ يي نظيره الياباني في اجتماعهما أمس في طوكيو على التهدئة."),
    # "... بالتزامن مع استقبال X نظيره Y": a masdar after مع is not the object of an earlier light verb
    event_case("masdar-after-maa-own-genitive", "04", "043", "dza-abdelmadjid-tebboune", "tun-kais-saied",
               "وأجرت القوات الجزائرية مناورات عسكرية، بالتزامن مع استقبال الرئيس الجزائري عبد المجيد تبون نظيره "
               "التونسي قيس سعيد في الجزائر العاصمة."),
]


@pytest.mark.parametrize("root,code,source,target,text", CASES)
def test_argument_round2(code_text: Any, root: str, code: str | None, source: str, target: str, text: str) -> None:
    """The expected event is coded with these roles."""
    expect_event(code_text, root, code, source, target, text, date=D)


def test_relative_on_subject_is_not_target(code_text: Any) -> None:
    """"انتقدت الحكومة، التي يترأسها X، ...": a relative clause right after the subject describes the subject;
    its subject is not the party criticised."""
    coded = code_text("انتقدت الحكومة الليبية، التي يترأسها عبد الحميد الدبيبة، قرار البرلمان الأخير.", date=D)
    assert not any(actor_matches(e.target, "lby-abdul-hamid-dbeibah") for e in coded.events), coded.why()


def test_among_keeps_named_target(code_text: Any) -> None:
    """A target that is already a named actor is not replaced by a later "بينهم" phrase."""
    coded = code_text("التقى وزير الخارجية الأمريكي الرئيس العراقي برهم صالح في بغداد.", date=D)
    assert coded.find("04", "040", "USAGOV", "irq-barham-salih"), coded.why()


def test_after_haythu_dual_subject(code_text: Any) -> None:
    """"حيث التقى الوزيران": an uncoded phrase after the verb stays its subject (no object reading)."""
    coded = code_text("وصل وزير الخارجية الروسي إلى القاهرة حيث التقى الوزيران.", date=D)
    assert not coded.find("04", "040", "RUSGOV", "NONE"), coded.why()


def test_home_country_not_own_source(code_text: Any) -> None:
    """"بلاده" of the source itself is no target (a state does not act on itself)."""
    coded = code_text("قال الرئيس الإيراني إن حكومته ستفرض قيودا جديدة على بلاده.", date=D)
    assert not any(e.target is not None and e.target.code == "IRN" and e.source is not None
                   and (e.source.code or "").startswith("IRN") for e in coded.events), coded.why()


def test_relative_with_resumptive_preposition(code_text: Any) -> None:
    """"المدينة التي يسيطر عليها التنظيم": a resumptive pronoun on the preposition makes the antecedent the
    object; the phrase after the verb keeps the subject role."""
    coded = code_text("قصف الجيش العراقي مواقع لتنظيم داعش في الموصل التي يسيطر عليها التنظيم منذ عامين.", date=D)
    assert not any(e.source is not None and e.source.code == "IRQ" and e.cameo[:2] == "19" and e.rule.startswith("192")
                   for e in coded.events), coded.why()
