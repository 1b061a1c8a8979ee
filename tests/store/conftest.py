"""Store fixtures: every store test runs against SQLite and, when $HADATH_TEST_PG names a reachable server,
PostgreSQL (each test in its own schema). With HADATH_REQUIRE_PG=1 (CI) a missing server fails the tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from hadath.model import ActorRef, Article, Document, Event, PlaceRef
from hadath.store.db import scratch_schema

PG_URL = os.environ.get("HADATH_TEST_PG", "")
REQUIRE_PG = os.environ.get("HADATH_REQUIRE_PG", "") not in ("", "0")


def _pg_schema_url() -> Iterator[str]:
    if not PG_URL:
        if REQUIRE_PG:
            pytest.fail("HADATH_REQUIRE_PG is set but HADATH_TEST_PG names no server")
        pytest.skip("PostgreSQL tests need HADATH_TEST_PG=postgresql://... (set by .ci/run)")
    import psycopg

    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as e:
        if REQUIRE_PG:
            pytest.fail(f"HADATH_TEST_PG={PG_URL} is not reachable: {e}")
        pytest.skip(f"HADATH_TEST_PG={PG_URL} is not reachable")
    with scratch_schema(admin, PG_URL, "t_") as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database: an SQLite file or a PostgreSQL URL with its own schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        yield from _pg_schema_url()


@pytest.fixture
def store(db):
    from hadath.store import Store

    st = Store(db)
    yield st
    st.close()


# ---------------------------------------------------------------- hand-made documents (no coder involved)

def actor(id_: str | None, name: str, name_en: str | None = None, code: str | None = None,
          mentions: list[str] | None = None) -> ActorRef:
    return ActorRef(name=name, name_en=name_en, code=code, id=id_, country=code[:3] if code else None,
                    mentions=mentions or [name])


def place(id_: str | None, name: str, name_en: str, country: str | None, lat: float | None = None,
          lon: float | None = None) -> PlaceRef:
    return PlaceRef(name=name, name_en=name_en, country=country, lat=lat, lon=lon, id=id_, precision="city")


HAFTAR = actor("lby-khalifa-haftar", "خليفة حفتر", "Khalifa Haftar", "LBYMIL", ["المشير خليفة حفتر", "حفتر"])
GERASIMOV = actor("rus-valery-gerasimov", "فاليري غيراسيموف", "Valery Gerasimov", "RUSMIL", ["غيراسيموف"])
LAVROV = actor("rus-sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", "RUSGOV", ["لافروف"])
TURKEY = actor(None, "تركيا", "Turkey", "TUR")
GUNMEN = actor(None, "مسلحون مجهولون", None, None)
TOBRUK = place("lby-tobruk", "طبرق", "Tobruk", "LBY", 32.08, 23.96)
MOSCOW = place("rus-moscow", "موسكو", "Moscow", "RUS", 55.75, 37.62)
BENGHAZI = place("lby-benghazi", "بنغازي", "Benghazi", "LBY", 32.12, 20.07)
ANKARA = place("tur-ankara", "أنقرة", "Ankara", "TUR", 39.93, 32.86)

FACTS = {"040": ("CONSULT", 1, 1.0, "Consult, not specified below"), "042": ("CONSULT", 1, 1.9, "Make a visit"),
         "111": ("DISAPPROVE", 3, -2.0, "Criticize or denounce"), "190": ("ASSAULT", 4, -10.0, "Use conventional "
         "military force"), "057": ("AGREE", 1, 8.0, "Sign formal agreement"), "173": ("COERCE", 4, -5.0, "Arrest")}


def event(cameo: str, source: ActorRef | None, target: ActorRef | None, date: str | None, loc: PlaceRef | None,
          evidence: str, conf: float = 0.8, eid: str | None = None, negated: bool = False) -> Event:
    plover, quad, gold, name = FACTS[cameo]
    return Event(id=eid or uuid.uuid4().hex[:16], cameo=cameo, source=source, target=target, date=date, location=loc,
                 evidence=evidence, evidence_start=0, evidence_end=len(evidence), confidence=conf,
                 rule=f"{cameo}.test", trigger=evidence.split()[0], sentence=0, root=cameo[:2], quad_class=quad,
                 goldstein=gold, plover=plover, cameo_name=name, date_precision="day" if date else None,
                 negated=negated)


def doc(id_: str, text: str, events: list[Event], date: str | None = "2017-01-11", outlet: str | None = "Outlet A",
        title: str | None = None) -> Document:
    return Document(article=Article(id=id_, text=text, date=date, title=title, outlet=outlet), events=events)
