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
