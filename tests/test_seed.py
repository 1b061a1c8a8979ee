"""End to end: the seed article (../shared) and the bundled example (always)."""

from __future__ import annotations

import importlib.util
import json

from hadath.model import Article
from tests.conftest import EXAMPLE, SHARED, shared_path


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_seed_core_events_found_with_tobruk_and_date(nlp):
    seed = shared_path("seed", "000_489a01e6ae37d6d1.txt")
    gold_path = shared_path("eval", "events-dev", "gold.jsonl")
    gold = next(json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if json.loads(x)["id"] == "seed")
    sc = _scorer()
    doc = nlp(Article(id="seed", text=seed.read_text(encoding="utf-8"), date="2017-01-11"))
    pred = {"seed": {"id": "seed", "events": [e.to_dict() for e in doc.events]}}
    res = sc.score_events({"seed": gold}, pred)
    assert res["events"]["gold_core_found"] == 7, res["events"]  # all core events (issue 2 asks >= 6)
    assert res["events"]["pred"] - res["events"]["pred_matched"] <= 3, "at most 3 false positives on the seed"
    meeting = [e for e in doc.events if e.cameo == "040" and e.source and e.source.id == "lby-khalifa-haftar"]
    assert meeting, "the Haftar-Gerasimov meeting"
    m = meeting[0]
    assert m.date == "2017-01-11"
    assert m.location is not None and m.location.name_en == "Tobruk"
    assert abs(m.location.lat - 32.08) < 0.1 and abs(m.location.lon - 23.96) < 0.1
    assert m.target is not None and m.target.code == "RUSMIL"


def test_bundled_example_reads_like_an_analyst_would(nlp):
    text = EXAMPLE.read_text(encoding="utf-8")
    doc = nlp(Article(id="ex", text=text, date="2021-05-03"))
    by_code = {(e.cameo, e.source.id if e.source else None) for e in doc.events}
    assert ("042", "tur-hulusi-akar") in by_code  # the visit to Tripoli
    meet = [e for e in doc.events if e.cameo == "040"]
    assert meet and meet[0].source and meet[0].source.id == "tur-hulusi-akar"
    assert meet[0].target and meet[0].target.id == "lby-mohamed-al-menfi"
    assert meet[0].location and meet[0].location.name_en == "Tripoli" and meet[0].location.country == "LBY"
    aid = [e for e in doc.events if e.cameo == "073"]
    assert aid and aid[0].source and aid[0].source.code == "TURCVL" and aid[0].location.name_en == "Misratah"
    drill = [e for e in doc.events if e.cameo.startswith("15")]
    assert drill and drill[0].source and drill[0].source.code == "TURMIL"
    assert drill[0].date == "2021-05-02"  # "أمس الأحد"
    # the dateline "طرابلس - وكالات" is boilerplate, not a sentence
    assert not any(s.text.startswith("طرابلس - وكالات") for s in doc.sentences)
    assert doc.dateline is not None and doc.dateline.agency == "agencies"
