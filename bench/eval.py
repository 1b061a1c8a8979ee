"""Event accuracy on ../shared/eval/events-dev: runs `hadath code`, scores with score.py events.

    python bench/eval.py            # all of events-dev, plus the seed article alone
Writes bench/results/events-dev.json.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import hadath_code, matched_flags, need_shared, reliability, score, write_result  # noqa: E402


def main() -> None:
    dev = need_shared("eval", "events-dev")
    t0 = time.perf_counter()
    pred = hadath_code([str(dev / "articles.jsonl")])
    elapsed = time.perf_counter() - t0
    full = score("events", dev / "gold.jsonl", pred)
    # the seed article alone, from the .txt as a user would run it
    seed_gold = Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with open(dev / "gold.jsonl", encoding="utf-8") as f:
        seed_gold.write_text(next(line for line in f if json.loads(line)["id"] == "seed"), encoding="utf-8")
    seed_txt = need_shared("seed", "000_489a01e6ae37d6d1.txt")
    seed_pred = hadath_code([str(seed_txt)], ["--date", "2017-01-11"])
    lines = seed_pred.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[0])
    rec["id"] = "seed"
    seed_pred.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    seed = score("events", seed_gold, seed_pred)
    ev, sv = full["events"], seed["events"]
    print(f"events-dev ({full['articles']} articles, {elapsed:.1f} s incl. start-up)")
    print(f"  event P/R/F1      {ev['precision']:.3f} / {ev['recall']:.3f} / {ev['f1']:.3f}"
          f"   (pred {ev['pred']}, matched {ev['pred_matched']}, gold core {ev['gold_core']}, found {ev['gold_core_found']})")
    print(f"  macro F1          {full['macro_f1']:.3f}   recall with one actor {full['recall_one_actor']:.3f}")
    print(f"  exact code        {full['matched_exact_code']:.3f}")
    print(f"  date accuracy     {full['date_accuracy']}  (n={full['date_n']})")
    print(f"  location country  {full['location_country_accuracy']}  (n={full['location_n']}), "
          f"within 50 km {full['location_within_50km']}")
    print("  by root: " + "  ".join(f"{r}:{v['found']}/{v['gold_core']}({v['pred']})" for r, v in full["by_root"].items()))
    print(f"seed: P/R/F1 {sv['precision']:.3f} / {sv['recall']:.3f} / {sv['f1']:.3f} "
          f"(found {sv['gold_core_found']}/{sv['gold_core']} core, {sv['pred']} predicted); "
          f"date acc {seed['date_accuracy']}, location within 50 km {seed['location_within_50km']}")
    rel = reliability(matched_flags(dev / "gold.jsonl", pred))
    print("reliability (precision of predicted events by confidence):")
    for r in rel:
        print(f"  {r['bin']:<11} n={r['n']:<4} precision={r['precision']}")
    hi = [r for r in rel if r["bin"].startswith(("[0.8", "[0.9"))]
    n_hi = sum(r["n"] for r in hi)
    p_hi = sum((r["precision"] or 0) * r["n"] for r in hi) / n_hi if n_hi else None
    print(f"  events with confidence >= 0.8: n={n_hi}, precision={p_hi if p_hi is None else round(p_hi, 3)}")
    path = write_result("events-dev", {"events_dev": full, "seed": seed, "seconds": round(elapsed, 2),
                                       "reliability": rel, "precision_conf_ge_0_8": p_hi})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
