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


def matched_flags(gold_path: Path, pred_path: Path) -> list[tuple[float, bool]]:
    """(confidence, matched) for every predicted event, matching as score.py does."""
    sc = load_scorer()
    gold = sc.read_jsonl(str(gold_path))
    pred = sc.read_jsonl(str(pred_path))
    out: list[tuple[float, bool]] = []
    for aid, g in gold.items():
        sev = (pred.get(aid) or {}).get("events") or []
        used: set[int] = set()
        for ge in sorted(g.get("events") or [], key=lambda e: not e.get("core", True)):
            c = [j for j, se in enumerate(sev) if j not in used and sc.root(se.get("cameo")) == sc.root(ge["cameo"])
                 and sc.actor_match(se.get("source"), ge.get("source")) and sc.actor_match(se.get("target"), ge.get("target"))]
            if c:
                c.sort(key=lambda j: str(sev[j].get("cameo")) != str(ge["cameo"]))
                used.add(c[0])
        out.extend((float(se.get("confidence") or 0), j in used) for j, se in enumerate(sev))
    return out


def reliability(flags: list[tuple[float, bool]], edges: tuple[float, ...] = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[dict[str, Any]]:
    """Precision of predicted events per confidence bin (the reliability table)."""
    rows = []
    for lo, hi in zip(edges, edges[1:], strict=False):
        xs = [m for c, m in flags if lo <= c < hi]
        rows.append({"bin": f"[{lo:.1f},{min(hi, 1.0):.1f})", "n": len(xs),
                     "precision": round(sum(xs) / len(xs), 3) if xs else None})
    return rows
