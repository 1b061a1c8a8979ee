"""The document model and its JSON form."""

from __future__ import annotations

import json

from hadath.model import ActorRef, Article, Document, Event, PlaceRef

SPEC_EVENT_FIELDS = ["cameo", "source", "target", "date", "location", "evidence", "confidence"]
SPEC_ACTOR_FIELDS = ["name", "name_en", "code", "mentions"]
SPEC_PLACE_FIELDS = ["name", "name_en", "country", "lat", "lon"]


def _event() -> Event:
    return Event(
        id="e1", cameo="040", source=ActorRef("خليفة حفتر", "Khalifa Haftar", "LBYMIL", mentions=["حفتر"]),
        target=None, date="2017-01-11", location=PlaceRef("طبرق", "Tobruk", "LBY", 32.08, 23.96),
        evidence="...", evidence_start=0, evidence_end=3, confidence=0.9, rule="040.x", trigger="اجتماع", sentence=0,
    )


def test_event_dict_has_every_spec_field_first():
    d = _event().to_dict()
    assert list(d)[: len(SPEC_EVENT_FIELDS)] == SPEC_EVENT_FIELDS
    assert list(d["source"])[:4] == SPEC_ACTOR_FIELDS
    assert list(d["location"])[:5] == SPEC_PLACE_FIELDS
    assert d["target"] is None
    assert d["rule"] == "040.x" and d["event_id"] == "e1"


def test_document_dict_is_json_with_id_and_events():
    doc = Document(article=Article(id="a1", text="نص", date="2017-01-11"))
    doc.events.append(_event())
    line = json.dumps(doc.to_dict(), ensure_ascii=False)
    back = json.loads(line)
    assert back["id"] == "a1"
    assert back["events"][0]["source"]["code"] == "LBYMIL"


def test_models_are_picklable():
    import pickle

    doc = Document(article=Article(id="a1", text="نص"))
    doc.events.append(_event())
    assert pickle.loads(pickle.dumps(doc)).events[0].cameo == "040"
