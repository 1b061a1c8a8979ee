"""Where events happen: the coder's choice of an event's place (hadath/coding/places.py and
``EventCoder._place`` / ``_target_place`` / ``_article_place``).

All sentences are invented for these tests (plausible news, invented facts).
"""

from __future__ import annotations

from typing import Any

from hadath.model import Event


def _countries(events: list[Event]) -> set[str | None]:
    return {e.location.country if e.location else None for e in events}


def test_locative_through_a_direction_noun(code_text: Any) -> None:
    """"في شمال العراق" is a locative phrase, nearer the target than "في سوريا"."""
    coded = code_text("شنت المقاتلات التركية غارات على مواقع لحزب العمال الكردستاني في شمال العراق بعد أسبوع "
                      "من عمليات مماثلة في سوريا.")
    evs = coded.find("19", None, "TUR*", "IMGPKK")
    assert evs and _countries(evs) == {"IRQ"}, coded.why()


def test_nationality_adjective_is_not_a_place(code_text: Any) -> None:
    """"الحكومة التركية" names a nationality, not the place of the strike."""
    coded = code_text("أكد مسؤول في الحكومة التركية أن الطائرات الحربية قصفت أمس مواقع لتنظيم داعش.")
    evs = coded.find("19")
    assert evs and all(e.location is None or e.location.country != "TUR" for e in evs), coded.why()


def test_planned_visit_is_not_the_meeting_place(code_text: Any) -> None:
    """"ووجه له الدعوة لزيارة موسكو": Moscow is where a future visit goes; the meeting is at the article's city."""
    coded = code_text("اجتمع وزير الخارجية الروسي سيرغي لافروف مع رئيس المكتب السياسي لحركة حماس إسماعيل هنية "
                      "اليوم ووجه له الدعوة لزيارة موسكو.\nويقيم هنية في الدوحة منذ سنوات.")
    evs = coded.find("04", "040", "rus-sergei-lavrov")
    assert evs and _countries(evs) == {"QAT"}, coded.why()


def test_future_visit_is_at_its_destination(code_text: Any) -> None:
    """"سيزور موسكو ... لبحث الأوضاع في ليبيا": the planned visit (036) is placed at Moscow, not at the topic."""
    coded = code_text("أعلنت الخارجية الروسية أن وزير الخارجية المصري سامح شكري سيزور موسكو الأسبوع المقبل "
                      "لبحث الأوضاع في ليبيا مع نظيره الروسي سيرغي لافروف.")
    evs = coded.find("03", "036")
    assert evs and _countries(evs) == {"RUS"}, coded.why()


def test_visit_to_several_states(code_text: Any) -> None:
    """A tour of several states: each visit event is placed in its own host state."""
    coded = code_text("وأكد وزير الخارجية الأمريكي أنتوني بلينكن دعم بلاده للمنطقة أثناء زيارته لدول المغرب العربي "
                      "تونس والجزائر والمغرب.", date="2022-03-30")
    evs = coded.find("04", "042")
    assert {e.target.code for e in evs if e.target} >= {"TUN", "DZA"}, coded.why()
    assert all(e.location is not None and e.target is not None and e.location.country == e.target.code
               for e in evs), coded.why()


def test_target_after_fi_is_the_place(code_text: Any) -> None:
    """"مهماتها القتالية في أفغانستان": the target introduced by في is where it happened, and "بقيادة الولايات
    المتحدة" (an actor's modifier) is not a place."""
    coded = code_text("وأنهت قوات حلف شمال الأطلسي بقيادة الولايات المتحدة مهماتها القتالية في أفغانستان.",
                      date="2014-12-28")
    evs = coded.find("08")
    assert evs and _countries(evs) == {"AFG"}, coded.why()


def test_lead_country_is_the_article_default(code_text: Any) -> None:
    """With no dateline and no city in the lead, the lead's locative country places sentences without one."""
    coded = code_text("حض وزير الخارجية الصيني وانغ يي نظيره الكوري الشمالي على وقف التجارب الصاروخية خلال "
                      "اجتماعهما في الفلبين.\nوسيجري وزير الخارجية الأمريكي لقاءات ثنائية مع نظيريه الروسي "
                      "والصيني.")
    later = [e for e in coded.events if e.sentence == 1]
    assert later and _countries(later) == {"PHL"}, coded.why()


def test_place_name_without_its_article(code_text: Any) -> None:
    """"قريتين" (two villages) is not the town القريتين."""
    coded = code_text("شنت طائرات النظام السوري يوم الثلاثاء غارات على مواقع لتنظيم داعش في قريتين قرب الحدود.")
    evs = coded.find("19")
    assert evs and all(e.location is None or e.location.name_en != "Al Qaryatayn" for e in evs), coded.why()


def test_common_word_is_not_a_town(code_text: Any) -> None:
    """"المعسكر" (the camp) is not Mascara, Algeria."""
    coded = code_text("هاجم مسلحون من تنظيم داعش المعسكر التابع للجيش العراقي فجر اليوم.")
    evs = coded.find("19")
    assert evs and all(e.location is None or e.location.country != "DZA" for e in evs), coded.why()


def test_coordinated_locatives_per_target(code_text: Any) -> None:
    """"تنفذها تركيا في سوريا والعراق": each target state is the place of its own event."""
    coded = code_text("قال وزير الدفاع التركي إن العمليات العسكرية التي تنفذها تركيا في سوريا والعراق مستمرة.",
                      date="2019-10-20")
    evs = coded.find("19", None, "TUR*")
    assert evs, coded.why()
    assert all(e.target is None or e.location is not None and e.location.country == e.target.code
               for e in evs), coded.why()
    assert any(e.location is not None and e.location.country == "SYR" for e in evs), coded.why()


def test_quoted_newspaper_is_not_a_place(code_text: Any) -> None:
    """"لـ«الشرق الأوسط»" is a newspaper: the meeting is at the article's city, not in the Middle East."""
    coded = code_text("وقال وزير الخارجية اليمني لـ«الشرق الأوسط» إن الرئيس اليمني التقى الرئيس المصري أمس.\n"
                      "وكان الرئيس اليمني قد وصل إلى القاهرة يوم الأحد.")
    evs = coded.find("04", "040")
    assert evs and all(e.location is None or e.location.name_en != "Middle East" for e in evs), coded.why()


def test_north_waziristan_is_in_the_gazetteer(code_text: Any) -> None:
    """"في شمال وزيرستان" is geocoded (Pakistan, region)."""
    coded = code_text("شن الجيش الباكستاني هجوما واسعا على مسلحي حركة طالبان في شمال وزيرستان.")
    evs = coded.find("19")
    assert evs and all(e.location is not None and e.location.name_en == "North Waziristan" for e in evs), coded.why()


def test_country_level_event_at_the_country_centre(code_text: Any) -> None:
    """"في سوريا" alone is placed at Syria's centre (east of Hama), not at a western town."""
    coded = code_text("شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش في سوريا.")
    evs = coded.find("19")
    assert evs and all(e.location is not None and e.location.country == "SYR" for e in evs), coded.why()
    assert all(e.location is not None and e.location.lon is not None and e.location.lon > 38.0
               for e in evs), coded.why()


def test_visit_to_a_state_is_placed_in_that_state(code_text: Any) -> None:
    """A visit to a state named by its country name is placed at the country (its centre), not at the capital."""
    coded = code_text("زار وزير الخارجية الأمريكي أنتوني بلينكن المغرب أمس.", date="2022-03-30")
    evs = coded.find("04", "042", "usa-antony-blinken", "MAR")
    assert evs and all(e.location is not None and e.location.country == "MAR" and e.location.precision == "country"
                       and e.location.lat is not None and e.location.lat < 33.5 for e in evs), coded.why()  # not Rabat


def test_talks_in_a_capital_named_like_its_country(code_text: Any) -> None:
    """"في الجزائر" for talks is Algiers: the country and its capital share the name."""
    coded = code_text("التقى وزير الخارجية الروسي سيرغي لافروف نظيره الجزائري رمطان لعمامرة في الجزائر.",
                      date="2022-05-10")
    evs = coded.find("04", None, "rus-sergei-lavrov")
    assert evs and all(e.location is not None and e.location.name_en == "Algiers" for e in evs), coded.why()


def test_lead_country_refined_by_a_later_city(code_text: Any) -> None:
    """A city of the lead's country named later as a scene ("في العاصمة الفلبينية، مانيلا") refines the default."""
    coded = code_text("حض وزير الخارجية الصيني وانغ يي نظيره الكوري الشمالي على وقف التجارب الصاروخية خلال "
                      "اجتماعهما في الفلبين.\nوسيجري وزير الخارجية الأمريكي لقاءات ثنائية مع نظيريه الروسي "
                      "والصيني.\nويشارك الوزراء في منتدى إقليمي يعقد في العاصمة الفلبينية، مانيلا.")
    later = [e for e in coded.events if e.sentence == 1]
    assert later and all(e.location is not None and e.location.name_en == "Manila" for e in later), coded.why()


def test_quoted_town_after_a_place_noun(code_text: Any) -> None:
    """A quoted name after a place noun ("في بلدة «عين عيسى»") is still a place."""
    coded = code_text("شنت طائرات التحالف الدولي غارات على مواقع لتنظيم داعش في بلدة «عين عيسى» شمالي الرقة.")
    evs = coded.find("19")
    assert evs and all(e.location is not None and e.location.name_en == "Ain Issa" for e in evs), coded.why()
