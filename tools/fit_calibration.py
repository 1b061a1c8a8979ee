"""Fit the event-confidence calibration (hadath/data/calibration.tsv) on events-dev.

    python tools/fit_calibration.py [--check] [--l2 0.3] [--folds 5]

Runs the pipeline with ``calibrate = false`` on ../shared/eval/events-dev, labels each predicted event right or
wrong with the scorer's own matching (root + source + target, greedy, core gold first), fits an L2-regularised
logistic regression over ``hadath.coding.calibration.FEATURES`` and writes the weights. It prints the reliability
table in-sample and with article-level cross-validation (each fold's events scored by a model fitted without
that fold's articles), which is the honest estimate of how the calibration carries to new text.
``--check`` fits and reports without writing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _shared import load_scorer, match_events, need_shared  # noqa: E402

from hadath.coding.calibration import FEATURES, event_features  # noqa: E402
from hadath.kb import get_kb  # noqa: E402
from hadath.model import Article  # noqa: E402
from hadath.pipeline import Pipeline, load_config  # noqa: E402

OUT = ROOT / "hadath" / "data" / "calibration.tsv"


def labelled_events(pipe: Pipeline) -> list[tuple[str, dict[str, float], int]]:
    """(article id, features, 1 if the event matches a gold event else 0) for every predicted event."""
    sc = load_scorer()
    dev = need_shared("eval", "events-dev")
    gold = sc.read_jsonl(str(dev / "gold.jsonl"))
    rows: list[tuple[str, dict[str, float], int]] = []
    kb_patterns = get_kb().patterns
    for line in (dev / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        doc = pipe(Article(id=d["id"], text=d.get("text", ""), date=d.get("date"), title=d.get("title")))
        events = list(doc.events)
        sev = [e.to_dict() for e in events]
        unmatched = set(match_events(gold.get(d["id"], {}).get("events", []), sev, sc)[1])
        for j, e in enumerate(events):
            voice = kb_patterns[e.rule].voice if e.rule in kb_patterns else "active"
            rows.append((d["id"], event_features(e, voice), int(j not in unmatched)))
    return rows


def fit(rows: list[tuple[str, dict[str, float], int]], l2: float, steps: int = 3000, lr: float = 0.5) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent (the bias is not regularised)."""
    w = dict.fromkeys(FEATURES, 0.0)
    n = len(rows)
    for _ in range(steps):
        grad = dict.fromkeys(FEATURES, 0.0)
        for _, x, y in rows:
            z = sum(w[k] * v for k, v in x.items())
            err = 1.0 / (1.0 + math.exp(-z)) - y
            for k, v in x.items():
                grad[k] += err * v
        for k in FEATURES:
            reg = 0.0 if k == "bias" else l2 * w[k]
            w[k] -= lr * (grad[k] + reg) / n
    return w


def prob(w: dict[str, float], x: dict[str, float]) -> float:
    """The model's probability for features ``x``."""
    return 1.0 / (1.0 + math.exp(-sum(w.get(k, 0.0) * v for k, v in x.items())))


def reliability(scored: list[tuple[float, int]]) -> list[str]:
    """Lines of a reliability table (precision by predicted-probability bin)."""
    out = []
    for lo, hi in ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)):
        b = [y for p, y in scored if lo <= p < hi]
        prec = f"{sum(b) / len(b):.3f}" if b else "-"
        out.append(f"  [{lo:.1f},{min(hi, 1.0):.1f})  n={len(b):<4} right={prec}")
    hi8 = [y for p, y in scored if p >= 0.8]
    out.append(f"  p>=0.8: n={len(hi8)} precision={sum(hi8) / len(hi8):.3f}" if hi8 else "  p>=0.8: n=0")
    return out


def main() -> int:
    """Fit, report and (unless --check) write the calibration file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--l2", type=float, default=0.3)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    cfg = load_config(None)
    cfg.setdefault("stages", {}).setdefault("events", {}).update({"calibrate": False})
    rows = labelled_events(Pipeline.from_config(cfg))
    w = fit(rows, args.l2)
    print(f"{len(rows)} events, {sum(y for _, _, y in rows)} right; in-sample reliability:")
    print("\n".join(reliability([(prob(w, x), y) for _, x, y in rows])))
    arts = sorted({a for a, _, _ in rows})
    cv: list[tuple[float, int]] = []
    for k in range(args.folds):
        held = set(arts[k::args.folds])
        wk = fit([r for r in rows if r[0] not in held], args.l2)
        cv += [(prob(wk, x), y) for a, x, y in rows if a in held]
    print(f"{args.folds}-fold cross-validated (by article) reliability:")
    print("\n".join(reliability(cv)))
    if args.check:
        return 0
    lines = [
        "# source: hadath project, fitted by tools/fit_calibration.py on events-dev "
        f"({len(arts)} articles, {len(rows)} coded events; labels from score.py matching)",
        f"# date: {dt.date.today().isoformat()}",
        "# logistic weights over hadath.coding.calibration.FEATURES (absent = 0)",
        "feature\tweight",
        *(f"{k}\t{w[k]:.4f}" for k in FEATURES),
    ]
    tmp = OUT.with_suffix(".tsv.tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(OUT)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
