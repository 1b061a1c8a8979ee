"""The calibrated confidence: file format, the model's direction, and the coder setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath import Article
from hadath.coding.calibration import (
    FEATURES,
    Calibration,
    default_calibration,
    event_features,
    read_calibration,
)
from hadath.coding.coder import CoderSettings, EventCoder
from hadath.errors import KBError
from hadath.kb import get_kb
from hadath.model import ActorRef, Event


def _event(conf: float, source: ActorRef | None, target: ActorRef | None, cameo: str = "040") -> Event:
    return Event("x", cameo, source, target, None, None, "", 0, 0, conf, "r", "t", 0)


PERSON = ActorRef("لافروف", "Sergei Lavrov", "RUSGOV", "rus-sergei-lavrov", "person", "RUS")
STATE = ActorRef("قطر", "Qatar", "QAT", None, "state", "QAT")


def test_bundled_weights_cover_known_features_only() -> None:
    cal = default_calibration()
    assert cal.weights, "calibration.tsv has no weights"
    assert set(cal.weights) <= set(FEATURES)


def test_probability_rises_with_rule_confidence() -> None:
    cal = default_calibration()
    lo, hi = cal.probability(_event(0.6, PERSON, STATE), "active"), cal.probability(_event(0.95, PERSON, STATE), "active")
    assert 0.0 < lo < hi < 1.0


def test_features_name_roles_and_root_group() -> None:
    f = event_features(_event(0.85, PERSON, None, cameo="190"), "noun")
    assert f["src_person"] == 1.0 and f["tgt_none"] == 1.0
    assert f["root_violence"] == 1.0 and f["voice_noun"] == 1.0
    assert abs(f["raw"] - 0.10) < 1e-9


def test_bad_calibration_file_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "cal.tsv"
    p.write_text("feature\tweight\nno_such_feature\t1.0\n", encoding="utf-8")
    with pytest.raises(KBError, match="known feature"):
        read_calibration(p)
    p.write_text("feature\tweight\nbias\tabc\n", encoding="utf-8")
    with pytest.raises(KBError, match="not a number"):
        read_calibration(p)


def test_calibrate_setting_switches_between_probability_and_rule_score(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره القطري في الدوحة اليوم."
    doc = nlp(Article(id="t", text=text, date="2021-05-03"))
    kb = get_kb()
    raw = EventCoder(kb, CoderSettings(min_confidence=0.6, calibrate=False)).code(doc)
    cal = EventCoder(kb, CoderSettings(min_confidence=0.6, calibrate=True)).code(doc)
    assert raw and cal and len(raw) == len(cal)
    expected = Calibration(default_calibration().weights).probability(raw[0], kb.patterns[raw[0].rule].voice)
    assert cal[0].confidence == pytest.approx(expected, abs=1e-3)
    assert cal[0].confidence != raw[0].confidence
