"""Entity recognition F1 on ../shared/eval/ner-dev/anercorp-dev.conll (score.py ner), per type.

    python bench/ner.py      # writes bench/results/ner-dev.json
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, need_shared, score, write_result  # noqa: E402


def main() -> None:
    gold = need_shared("eval", "ner-dev", "anercorp-dev.conll")
    inputs = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "ner-inputs", "--gold", str(gold)],
                            capture_output=True, text=True, check=True).stdout
    fd, inp = tempfile.mkstemp(suffix=".jsonl")
    os.close(fd)
    Path(inp).write_text(inputs, encoding="utf-8")
    out = inp.replace(".jsonl", ".pred.jsonl")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "hadath.cli", "entities", inp, "-o", out], capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        sys.exit(r.stderr)
    res = score("ner", gold, Path(out))
    t = res["typed"]
    print(f"ANERcorp dev ({res['sentences']} sentences, {secs:.1f} s): typed P/R/F1 {t['precision']:.3f} / "
          f"{t['recall']:.3f} / {t['f1']:.3f}; untyped F1 {res['untyped']['f1']:.3f}")
    for typ, v in res["by_type"].items():
        print(f"  {typ:<5} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  (gold {v['gold']}, pred {v['pred']})")
    print(f"wrote {write_result('ner-dev', {'anercorp_dev': res, 'seconds': round(secs, 2)})}")


if __name__ == "__main__":
    main()
