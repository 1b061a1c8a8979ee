"""Helpers for benchmarks: where ../shared is, running the scorer, writing JSON results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "bench" / "results"


def need_shared(*parts: str) -> Path:
    """Path inside ../shared, or exit cleanly (status 0) with a message when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        print(f"skipped: {p} not found (benchmarks need ../shared)")
        sys.exit(0)
    return p


def score(task: str, gold: Path, pred: Path) -> dict[str, Any]:
    """Run ../shared/eval/score.py and return its JSON."""
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), task, "--gold", str(gold), "--pred",
                          str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def hadath_code(inputs: list[str], extra: list[str] | None = None) -> Path:
    """Run ``hadath code`` (the CLI) on inputs; return the JSONL output file."""
    fd, out = tempfile.mkstemp(suffix=".jsonl", prefix="hadath-bench-")
    os.close(fd)
    cmd = [sys.executable, "-m", "hadath.cli", "code", *inputs, "--format", "jsonl", "--output", out, *(extra or [])]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"hadath code failed ({r.returncode}): {r.stderr.strip()}")
    return Path(out)


def write_result(name: str, data: dict[str, Any]) -> Path:
    """Write ``bench/results/<name>.json`` atomically."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def load_scorer() -> Any:
    """../shared/eval/score.py as a module (for per-event matching in analyses)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("hadath_bench_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def core_first(gold_events: list[dict[str, Any]]) -> list[int]:
    """Indices of the gold events in the scorer's matching order: core events first, otherwise as given."""
    return sorted(range(len(gold_events)), key=lambda k: not gold_events[k].get("core", True))


def match_events(gold_events: list[dict[str, Any]], pred_events: list[dict[str, Any]],
                 sc: Any) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Match one article's predicted events to its gold events exactly as ``score.py events`` does.

    Greedy, gold events in :func:`core_first` order; a gold event takes the first unused predicted event with the
    same CAMEO root whose source and target pass ``sc.actor_match``, preferring one with the same full code; each
    predicted event is matched at most once. ``sc`` is the scorer module (:func:`load_scorer`).
    Returns ``(pairs, unmatched_pred, unmatched_gold)``: ``(gold index, predicted index)`` pairs in matching order,
    the unmatched predicted indices in order, and the unmatched gold indices in matching order.
    """
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    unmatched_gold: list[int] = []
    for k in core_first(gold_events):
        ge = gold_events[k]
        cands = [j for j, se in enumerate(pred_events) if j not in used and sc.root(se.get("cameo")) == sc.root(ge["cameo"])
                 and sc.actor_match(se.get("source"), ge.get("source")) and sc.actor_match(se.get("target"), ge.get("target"))]
        if not cands:
            unmatched_gold.append(k)
            continue
        cands.sort(key=lambda j: str(pred_events[j].get("cameo")) != str(ge["cameo"]))
        used.add(cands[0])
        pairs.append((k, cands[0]))
    return pairs, [j for j in range(len(pred_events)) if j not in used], unmatched_gold


def matched_flags(gold_path: Path, pred_path: Path) -> list[tuple[float, bool]]:
    """(confidence, matched) for every predicted event, matching as score.py does."""
    sc = load_scorer()
    gold = sc.read_jsonl(str(gold_path))
    pred = sc.read_jsonl(str(pred_path))
    out: list[tuple[float, bool]] = []
    for aid, g in gold.items():
        sev = (pred.get(aid) or {}).get("events") or []
        unmatched = set(match_events(g.get("events") or [], sev, sc)[1])
        out.extend((float(se.get("confidence") or 0), j not in unmatched) for j, se in enumerate(sev))
    return out


def reliability(flags: list[tuple[float, bool]], edges: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[dict[str, Any]]:
    """Precision of predicted events per confidence bin (the reliability table)."""
    rows = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        xs = [m for c, m in flags if lo <= c < hi]
        rows.append({"bin": f"[{lo:.1f},{min(hi, 1.0):.1f})", "n": len(xs),
                     "precision": round(sum(xs) / len(xs), 3) if xs else None})
    return rows
