"""PROTEST/ASSAULT detection on ../shared/eval/gsr-dev (1,812 sentences), scored with score.py gsr.

    python bench/gsr.py      # writes bench/results/gsr-dev.json
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import hadath_code, need_shared, score, write_result  # noqa: E402


def main() -> None:
    dev = need_shared("eval", "gsr-dev")
    t0 = time.perf_counter()
    pred = hadath_code([str(dev / "sentences.jsonl")])
    secs = time.perf_counter() - t0
    res = score("gsr", dev / "gold.jsonl", pred)
    print(f"gsr-dev ({res['sentences']} sentences, {secs:.1f} s)")
    for t in ("PROTEST", "ASSAULT"):
        r = res[t]
        print(f"  {t:<8} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"difficult-no FP rate {r['difficult_no_false_positive_rate']}  "
              f"source acc {r['source_accuracy_when_detected']} (n={r['source_n']})  "
              f"target acc {r['target_accuracy_when_detected']} (n={r['target_n']})")
    print(f"wrote {write_result('gsr-dev', {'gsr_dev': res, 'seconds': round(secs, 2)})}")


if __name__ == "__main__":
    main()
