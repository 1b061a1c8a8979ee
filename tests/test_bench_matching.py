"""bench/_shared.py ``match_events`` pairs events exactly as ../shared/eval/score.py counts them."""

from __future__ import annotations

import random
import sys
from typing import Any

from tests.conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT / "bench"))
from _shared import load_scorer, match_events  # noqa: E402


def _as_pred(ge: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A predicted event from a gold one, sometimes with another code of the same root or a lost target."""
    code = str(ge["cameo"])
    if rng.random() < 0.3:
        code = code[:2] + "0"  # same root, other full code: the scorer prefers the exact code
    role = {k: {"code": ge[k].get("code"), "name": ge[k].get("en")} for k in ("source", "target") if ge.get(k)}
    if rng.random() < 0.2:
        role.pop("target", None)
    return {"cameo": code, **role, "confidence": 0.5}


def test_match_events_counts_as_the_scorer() -> None:
    gold_path = shared_path("eval", "events-dev", "gold.jsonl")
    sc = load_scorer()
    gold = sc.read_jsonl(str(gold_path))
    rng = random.Random(7)
    pred: dict[str, dict[str, Any]] = {}
    for aid, g in gold.items():
        events = [_as_pred(ge, rng) for ge in g.get("events") or [] if rng.random() < 0.8]
        rng.shuffle(events)
        pred[aid] = {"id": aid, "events": events}
    scored = sc.score_events(gold, pred)
    want = scored["events"]
    matched = core_found = exact = 0
    for aid, g in gold.items():
        gev = g.get("events") or []
        pairs, unmatched_pred, unmatched_gold = match_events(gev, pred[aid]["events"], sc)
        assert len(pairs) + len(unmatched_pred) == len(pred[aid]["events"])
        assert len(pairs) + len(unmatched_gold) == len(gev)
        matched += len(pairs)
        core_found += sum(1 for k, _ in pairs if gev[k].get("core", True))
        exact += sum(1 for k, j in pairs if str(pred[aid]["events"][j]["cameo"]) == str(gev[k]["cameo"]))
    assert matched == want["pred_matched"] > 0
    assert core_found == want["gold_core_found"]
    assert round(exact / matched, 4) == scored["matched_exact_code"]  # the same full code is preferred
