"""Error analysis on events-dev: missed gold events, false positives and wrong places/dates.

    python bench/errors.py [--article ID] [--kind missed|fp|loc|date]
Reads bench/results/events-dev.pred.jsonl written by this script (runs `hadath code` first).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, hadath_code, need_shared  # noqa: E402


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


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
    sc = _scorer()
    pred = {json.loads(x)["id"]: json.loads(x) for x in hadath_code([str(dev / "articles.jsonl")]).read_text().splitlines()}
    gold = sc.read_jsonl(str(dev / "gold.jsonl"))
    stats: Counter[str] = Counter()
    for aid, g in gold.items():
        if args.article and aid != args.article:
            continue
        sev = pred.get(aid, {}).get("events", [])
        used: set[int] = set()
        for ge in sorted(g["events"], key=lambda e: not e.get("core", True)):
            c = [j for j, se in enumerate(sev) if j not in used and sc.root(se["cameo"]) == sc.root(ge["cameo"])
                 and sc.actor_match(se.get("source"), ge.get("source")) and sc.actor_match(se.get("target"), ge.get("target"))]
            if not c:
                if ge.get("core", True):
                    stats["missed"] += 1
                    if "missed" in kinds:
                        print(f"MISS {aid} {ge['cameo']} {_a(ge.get('source'))} -> {_a(ge.get('target'))} | {ge['evidence'][:120]}")
                continue
            j = c[0]
            used.add(j)
            se = sev[j]
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
        for j, se in enumerate(sev):
            if j not in used:
                stats["fp"] += 1
                if "fp" in kinds:
                    print(f"FP   {aid} {se['cameo']} {_a(se.get('source'))} -> {_a(se.get('target'))} [{se['rule']}:{se['trigger']}]"
                          f" {se['confidence']} | {se['evidence'][:100]}")
    print(dict(stats))


if __name__ == "__main__":
    main()
