"""Fixtures for the brief tests: a small 'hadath code' JSONL file written from test events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.coding.cameo import info
from tests.briefs.helpers import (
    GERASIMOV,
    HAFTAR,
    LIBYA,
    RUSSIA,
    SAADA,
    SOLDIERS,
    TOBRUK,
    TURKISH_JETS,
    event,
)

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _ev(cameo: str, *args, evidence: str, **kw) -> dict:
    e = event(cameo, *args, evidence=evidence, **kw)
    i = info(cameo)
    e.quad_class, e.goldstein, e.cameo_name, e.plover, e.root = i.quad_class, i.goldstein, i.name, i.plover, i.root
    e.id = f"{cameo}-{abs(hash(evidence)) % 10_000}"
    return e.to_dict()


MEET = "التقى المشير خليفة حفتر رئيس الأركان الروسي فاليري غيراسيموف في طبرق."
STRIKE = "وقصفت المقاتلات التركية مواقع في ليبيا."
KILLED = "وقتل ثلاثة جنود في غارة جوية على صعدة."
AID = "وأعلنت روسيا استعدادها لتقديم مساعدات عسكرية إلى ليبيا."


def docs() -> list[dict]:
    meet = _ev("040", HAFTAR, GERASIMOV, place=TOBRUK, evidence=MEET)
    strike = _ev("195", TURKISH_JETS, LIBYA, place=TOBRUK, evidence=STRIKE)
    killed = _ev("1823", None, SOLDIERS, place=SAADA, date="2017-01-12", evidence=KILLED)
    aid = _ev("0332", RUSSIA, LIBYA, place=None, evidence=AID)
    old = _ev("040", HAFTAR, GERASIMOV, place=TOBRUK, date="2016-05-01", evidence=MEET)
    return [
        {"id": "a1", "date": "2017-01-11", "title": None, "outlet": "Outlet A", "events": [meet, strike, aid]},
        {"id": "a2", "date": "2017-01-11", "title": None, "outlet": "Outlet B", "events": [meet]},
        {"id": "a3", "date": "2017-01-11", "title": None, "outlet": "Outlet C", "events": [meet, old]},
        {"id": "a4", "date": "2017-01-12", "title": None, "outlet": "Outlet B", "events": [killed]},
    ]


@pytest.fixture()
def coded_jsonl(tmp_path: Path) -> Path:
    p = tmp_path / "coded.jsonl"
    p.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs()), encoding="utf-8")
    return p
