"""Realistic actors and events for the summary tests (written for the tests; not from any corpus)."""

from __future__ import annotations

from hadath.model import ActorRef, Event, PlaceRef

HAFTAR = ActorRef("خليفة حفتر", "Khalifa Haftar", "LBYMIL", "lby-khalifa-haftar", "person", "LBY")
GERASIMOV = ActorRef("فاليري غيراسيموف", "Valery Gerasimov", "RUSMIL", "rus-valery-gerasimov", "person", "RUS")
RUSSIA = ActorRef("روسيا", "Russia", "RUS", None, "state", "RUS")
IRAQ = ActorRef("العراق", "Iraq", "IRQ", None, "state", "IRQ")
LIBYA = ActorRef("ليبيا", "Libya", "LBY", None, "state", "LBY")
TURKISH_JETS = ActorRef("المقاتلات التركية", "warplanes / military aviation (Turkey)", "TURMIL", None, "agent", "TUR")
SOLDIERS = ActorRef("جنود", "soldier(s) / servicemen (Yemen)", "YEMMIL", None, "agent", "YEM")
OFFICIALS = ActorRef("مسؤولون عراقيون", "official(s) (Iraq)", "IRQGOV", None, "agent", "IRQ")
ARMY = ActorRef("الجيش الليبي", "army (Libya)", "LBYMIL", None, "agent", "LBY")
HOUTHIS = ActorRef("الحوثيين", "the Houthis (Ansar Allah)", "IMGHOU", None, "agent", None)
UN = ActorRef("الأمم المتحدة", "United Nations", "IGOUNO", "igo-united-nations", "igo", None)
MERKEL = ActorRef("أنغيلا ميركل", "Angela Merkel", "DEUGOV", None, "person", "DEU")

TOBRUK_BASE = PlaceRef("القاعدة البحرية في طبرق", "the naval base in Tobruk", "LBY", 32.08, 23.96, None, None, "base",
                       "site")
TOBRUK = PlaceRef("طبرق", "Tobruk", "LBY", 32.0836, 23.9764, "lby-tobruk", None, "city", "city")
SAADA = PlaceRef("صعدة", "Saada", "YEM", 16.94, 43.76, "yem-saada", None, "city", "city")
SYRIA_PLACE = PlaceRef("سوريا", "Syria", "SYR", 35.0, 38.0, "syr", None, "country", "country")

ROLE_PAIRS = [
    (HAFTAR, GERASIMOV),
    (TURKISH_JETS, HOUTHIS),
    (RUSSIA, LIBYA),
    (OFFICIALS, UN),
    (MERKEL, IRAQ),
    (ARMY, SOLDIERS),
]


def event(cameo: str, source: ActorRef | None, target: ActorRef | None, *, date: str | None = "2017-01-11",
          place: PlaceRef | None = TOBRUK, evidence: str = "", trigger: str = "", negated: bool = False,
          modality: str | None = None, background: bool = False, precision: str | None = "day") -> Event:
    """An event with the fields the summaries read."""
    return Event(id="t", cameo=cameo, source=source, target=target, date=date, location=place, evidence=evidence,
                 evidence_start=0, evidence_end=len(evidence), confidence=0.9, rule=f"{cameo}.test",
                 trigger=trigger, sentence=0, date_precision=precision, negated=negated, modality=modality,
                 background=background)
