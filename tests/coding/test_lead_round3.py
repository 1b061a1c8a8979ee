"""Third round (lead): intentions that govern the acts after them, topics of programmes.

All sentences are invented for these tests.
"""

from __future__ import annotations

from typing import Any

D = "2021-05-03"


def test_intention_noun_makes_following_acts_intentions(code_text: Any) -> None:
    """"أعلنت X وY نيتهما إرسال قوات ... وطرد Z": the acts are intended (03x/138), not done (07x/19x)."""
    coded = code_text("أعلنت فرنسا وبريطانيا نيتهما توفير غطاء جوي للقوات العراقية وطرد تنظيم داعش من المدينة.",
                      date=D)
    assert coded.find("13", "138", "FRA", "IMGISIS"), coded.why()
    assert not any(e.root in ("07", "19") for e in coded.events), coded.why()


def test_intention_noun_event_not_doubled(code_text: Any) -> None:
    """The intention noun itself adds no event whose target is the co-subject: "نيتهما" + an act after it."""
    coded = code_text("أعلنت فرنسا وبريطانيا نيتهما توفير غطاء جوي للقوات العراقية.", date=D)
    assert not any(e.source is not None and e.target is not None and {e.source.code, e.target.code} == {"FRA", "GBR"}
                   for e in coded.events), coded.why()


def test_intention_ends_at_clause_boundary(code_text: Any) -> None:
    """An intention noun before a comma does not govern a reported act in the next clause."""
    coded = code_text("وأكدت فرنسا عزمها، وقصفت الطائرات الفرنسية مواقع لتنظيم داعش في الرقة أمس.", date=D)
    assert coded.find("19", None, "FRA*", "IMGISIS"), coded.why()


def test_training_programme_is_a_topic(code_text: Any) -> None:
    """"ناقش الجانبان برامج تدريب الجيش": training discussed as a programme is not military aid given."""
    coded = code_text("وقال بيان صادر عن وزارة الدفاع الإيطالية إن الجانبين ناقشا برامج تدريب الجيش التونسي.",
                      date=D)
    assert not any(e.root == "07" for e in coded.events), coded.why()


def test_training_given_is_coded(code_text: Any) -> None:
    """The ordinary report keeps its code: "دربت القوات الإيطالية عناصر من الجيش التونسي" → 07."""
    coded = code_text("ودربت القوات الإيطالية مئات من عناصر الجيش التونسي على مكافحة الإرهاب العام الماضي.", date=D)
    assert coded.find("07", None, "ITA*", "TUN*"), coded.why()


def test_purpose_masdar_is_not_a_report(code_text: Any) -> None:
    """"تستعد القوات لحملة لاستعادة المدينة": the retaking is a purpose, not a happening (no 19x)."""
    coded = code_text("وتحشد القوات العراقية تعزيزات في الأنبار تمهيدا لحملة لاستعادة مدينة الفلوجة من تنظيم داعش.",
                      date=D)
    assert not any(e.root == "19" and e.target is not None and e.target.code == "IMGISIS" for e in coded.events), \
        coded.why()



def test_dual_parties_are_the_last_meeting(code_text: Any) -> None:
    """"وبحث الطرفان": the two parties are those of the meeting just reported (one happening, no new actors)."""
    coded = code_text("استقبل الرئيس التونسي قيس سعيد رئيس الوزراء الإيطالي في قصر قرطاج أمس. "
                      "وناقش الطرفان ملف الهجرة غير النظامية.", date=D)
    assert coded.find("04", None, "TUNGOV", "ITAGOV"), coded.why()
    assert all(e.source is not None and e.target is not None for e in coded.events if e.root == "04"), coded.why()


def test_dual_parties_without_meeting_stay_uncoded(code_text: Any) -> None:
    """Without an earlier meeting in the article, "الطرفان" names nobody: no 04 event with guessed parties."""
    coded = code_text("وناقش الطرفان ملف الهجرة غير النظامية في روما أمس.", date=D)
    assert not any(e.root == "04" and e.source is not None and e.source.code for e in coded.events), coded.why()



def test_meeting_does_not_leak_between_articles(nlp: Any) -> None:
    """One EventCoder coding two articles: the last meeting is per article, so the second article's "الطرفان"
    does not reach back into the first one."""
    from hadath import Article
    from hadath.coding.coder import EventCoder

    stage = next(s for s in nlp.stages if s.name == "events")
    coder = EventCoder(stage.kb, stage.coder_settings, trace=False)
    first = nlp(Article(id="a", text="التقى وزير الخارجية المصري نظيره الأردني في عمان أمس.", date=D))
    assert any(e.root == "04" for e in coder.code(first))
    second = nlp(Article(id="b", text="وناقش الطرفان ملف الهجرة غير النظامية في روما أمس.", date=D))
    assert not any(e.root == "04" and e.source is not None and e.source.code for e in coder.code(second))


def test_apposed_name_after_title_is_the_target(code_text: Any) -> None:
    """"مع مساعدة وزير الخارجية الأمريكي لشؤون أفريقيا، مولي في": the person named after the comma is the
    party the title describes (not the generic title)."""
    coded = code_text("وبحث وزير الخارجية المصري سامح شكري مع المبعوث الأمريكي الخاص للقرن الأفريقي، جيفري "
                      "فيلتمان، تطورات الأوضاع في السودان.", date=D)
    assert coded.find("04", None, "egy-sameh-shoukry", "usa-jeffrey-feltman"), coded.why()


def test_name_after_comma_of_other_country_is_not_apposed(code_text: Any) -> None:
    """A name of another country after the comma starts a new phrase, it does not rename the title."""
    coded = code_text("والتقى وزير الخارجية المصري مع السفير الأمريكي، وعبد الفتاح السيسي في القاهرة.", date=D)
    assert not any(e.target is not None and e.target.id == "egy-abdel-fattah-al-sisi" and e.source is not None
                   and e.source.code == "EGYGOV" and e.root == "04" and e.target.code != "EGYGOV"
                   for e in coded.events), coded.why()


def test_arrested_people_belonging_to_group(code_text: Any) -> None:
    """"اعتقلت الشرطة 40 شخصا يشتبه في أنهم ينتمون لتنظيم داعش": the group is the target of the arrest."""
    coded = code_text("وقالت وزارة الداخلية إن الشرطة التركية اعتقلت 40 شخصا في إسطنبول يشتبه في أنهم ينتمون "
                      "لتنظيم داعش.", date=D)
    assert coded.find("17", None, "TURCOP", "IMGISIS"), coded.why()


def test_arrested_people_without_group_stay_people(code_text: Any) -> None:
    """No belonging word: the people arrested stay the target (no group pulled in from elsewhere)."""
    coded = code_text("اعتقلت الشرطة التركية 40 شخصا في إسطنبول بعد هجوم تبناه تنظيم داعش.", date=D)
    assert not coded.find("17", None, "TURCOP", "IMGISIS"), coded.why()


def test_lam_phrase_after_attack_noun_is_the_attacker(code_text: Any) -> None:
    """"غارة جوية لقوات التحالف": the ل phrase right after an attack noun names who struck."""
    coded = code_text("وقالت مصادر محلية إن غارة جوية لقوات التحالف الدولي أدت إلى مقتل قيادي في تنظيم داعش.", date=D)
    assert any(e.root == "19" and e.source is not None and e.source.code == "USAMIL" for e in coded.events), coded.why()


def test_coordination_is_not_source_and_target_at_once(code_text: Any) -> None:
    """"لمطالب مصر والسعودية والإمارات": one coordination is not both roles (no mirrored pairs among its members)."""
    coded = code_text("وقال الوزير إن الحل مرهون بالاستجابة لمطالب مصر والسعودية والإمارات.", date=D)
    assert not any(e.source is not None and e.target is not None
                   and {e.source.code, e.target.code} <= {"EGY", "SAU", "ARE"} for e in coded.events), coded.why()


def test_purpose_lam_masdar_not_coded(code_text: Any) -> None:
    """"وجه الدعوة لزيارة موسكو": the visit is the purpose of an invitation, not a visit made."""
    coded = code_text("ووجه وزير الخارجية الروسي الدعوة لقيادة الحركة لزيارة موسكو في الشهر المقبل.", date=D)
    assert not any(e.cameo.startswith("042") for e in coded.events), coded.why()


def test_bare_country_name_is_not_its_homograph_with_article(code_text: Any) -> None:
    """"الدعم المالي الإيراني": المالي (financial) is not Mali, whose name never takes the article."""
    coded = code_text("وقال الأمين العام لحزب الله حسن نصر الله إن الحزب فخور بالدعم المالي الإيراني.", date=D)
    assert not any(a is not None and a.code == "MLI" for e in coded.events for a in (e.source, e.target)), coded.why()
    from hadath.kb.kb import get_kb

    assert "مالي" in get_kb().bare_names


def test_dual_possessive_visit_is_the_pairs(code_text: Any) -> None:
    """"يستقبل الأسد ظريف ولافروف خلال زيارتهما": "their (two)" visit is made by the pair, not by the host."""
    coded = code_text("استقبل الرئيس السوري بشار الأسد وزير الخارجية الإيراني محمد جواد ظريف ونظيره الروسي سيرغي "
                      "لافروف خلال زيارتهما إلى دمشق أمس.", date=D)
    visits = [e for e in coded.events if e.cameo.startswith(("042", "036")) and e.rule.startswith("042")]
    assert visits and {e.source.code for e in visits if e.source} <= {"IRNGOV", "RUSGOV"}, coded.why()
