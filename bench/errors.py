"""Error analysis on events-dev: missed gold events, false positives and wrong places/dates.

    python bench/errors.py [--article ID] [--kind missed|fp|loc|date]
Runs `hadath code` on events-dev and matches its events to the gold ones as score.py does (bench/_shared.py
``match_events``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import core_first, hadath_code, load_scorer, match_events, need_shared  # noqa: E402


def _a(x: dict | None) -> str:
    if not x:
        return "-"
    return f"{x.get('name_en') or x.get('en') or x.get('name')}[{x.get('code')}]"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--article")
    ap.add_argument("--kind", choices=["missed", "fp", "loc", "date"], action="append")
    args = ap.parse_args()
    kinds = set(args.kind or ["missed", "fp", "loc", "date"])
    dev = need_shared("eval", "events-dev")
    sc = load_scorer()
    pred = {json.loads(x)["id"]: json.loads(x) for x in hadath_code([str(dev / "articles.jsonl")]).read_text().splitlines()}
    gold = sc.read_jsonl(str(dev / "gold.jsonl"))
    stats: Counter[str] = Counter()
    for aid, g in gold.items():
        if args.article and aid != args.article:
            continue
        sev = pred.get(aid, {}).get("events", [])
        pairs, unmatched_pred, _ = match_events(g["events"], sev, sc)
        matched = dict(pairs)
        for k in core_first(g["events"]):
            ge = g["events"][k]
            if k not in matched:
                if ge.get("core", True):
                    stats["missed"] += 1
                    if "missed" in kinds:
                        print(f"MISS {aid} {ge['cameo']} {_a(ge.get('source'))} -> {_a(ge.get('target'))} | {ge['evidence'][:120]}")
                continue
            se = sev[matched[k]]
            gl, sl = ge.get("location"), se.get("location") or {}
            if gl and gl.get("country") and (sl.get("country") or "") != gl["country"]:
                stats["loc"] += 1
                if "loc" in kinds:
                    print(f"LOC  {aid} {ge['cameo']} gold {gl.get('en')}/{gl['country']} pred {sl.get('name_en')}/{sl.get('country')}"
                          f" | {se['evidence'][:90]}")
            if ge.get("date") and se.get("date") != ge["date"]:
                stats["date"] += 1
                if "date" in kinds:
                    print(f"DATE {aid} {ge['cameo']} gold {ge['date']} ({ge.get('date_text')}) pred {se.get('date')} | {se['evidence'][:80]}")
        for j in unmatched_pred:
            se = sev[j]
            stats["fp"] += 1
            if "fp" in kinds:
                print(f"FP   {aid} {se['cameo']} {_a(se.get('source'))} -> {_a(se.get('target'))} [{se['rule']}:{se['trigger']}]"
                      f" {se['confidence']} | {se['evidence'][:100]}")
    print(dict(stats))


if __name__ == "__main__":
    main()
