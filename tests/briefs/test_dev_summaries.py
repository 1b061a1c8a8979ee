"""On the events-dev articles (../shared, skipped when absent) every coded event gets clean summaries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hadath.model import Article
from hadath.pipeline import Pipeline, load_config

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "events-dev" / "articles.jsonl"
BAD = re.compile(r"None|\{|\}|\[|\]|\+|\s[,.]|,,|\.\.")


@pytest.fixture(scope="module")
def nlp_with_summaries() -> Pipeline:
    cfg = load_config(None)
    stages = list(cfg["pipeline"]["stages"])
    if "summaries" not in stages:
        stages.append("summaries")
    return Pipeline.from_config({**cfg, "pipeline": {**cfg["pipeline"], "stages": stages}})


def test_every_dev_event_has_clean_summaries(nlp_with_summaries):
    if not DEV.exists():
        pytest.skip(f"{DEV} not available (../shared is evaluation data outside the project)")
    n_events = 0
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        doc = nlp_with_summaries(Article(id=str(rec["id"]), text=rec["text"], date=rec.get("date"),
                                         title=rec.get("title"), outlet=rec.get("outlet")))
        assert not [w for w in doc.warnings if w.startswith("summaries:")], doc.warnings
        for ev in doc.events:
            n_events += 1
            assert ev.summary_en and ev.summary_ar, ev
            for s in (ev.summary_en, ev.summary_ar):
                assert not BAD.search(s), s
                assert s.endswith(".")
            assert ev.summary_en[0].isupper() and not re.search("[\u0600-\u06ff]", ev.summary_en), ev.summary_en
            assert re.search("[\u0600-\u06ff]", ev.summary_ar)
            d = ev.to_dict()
            assert d["summary_en"] == ev.summary_en and d["summary_ar"] == ev.summary_ar
    assert n_events > 100
