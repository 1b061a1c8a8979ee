"""`hadath code` at scale: --workers, --resume after an interruption, progress lines, new readers."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from hadath.scale.output import done_ids, partial_path
from hadath.scale.progress import Progress, count_inputs
from tests.scale.corpus import write_jsonl

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("corpus") / "c.jsonl", 40)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "one.jsonl"
    r = run("code", str(corpus), "-j", "1", "-o", str(out), "--no-progress")
    assert r.exit_code == 0, r.stderr
    return out.read_text(encoding="utf-8")


def test_workers_give_the_same_output_in_input_order(corpus, reference, tmp_path):
    out = tmp_path / "two.jsonl"
    r = run("code", str(corpus), "-j", "2", "--chunk-size", "3", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert out.read_text(encoding="utf-8") == reference
    assert [json.loads(x)["id"] for x in reference.splitlines()] == [f"v{i:04d}" for i in range(40)]
    assert not partial_path(out).exists()


def test_resume_continues_a_partial_output(corpus, reference, tmp_path):
    out = tmp_path / "r.jsonl"
    lines = reference.splitlines(keepends=True)
    partial_path(out).write_text("".join(lines[:15]) + lines[15][:50], encoding="utf-8")  # cut mid-record
    r = run("code", str(corpus), "-o", str(out), "--resume", "-j", "2", "--chunk-size", "4")
    assert r.exit_code == 0, r.stderr
    assert "15 article(s) already in" in r.stderr
    assert out.read_text(encoding="utf-8") == reference
    assert not partial_path(out).exists()
    # resuming a finished output codes nothing new and leaves it as it was
    r = run("code", str(corpus), "-o", str(out), "--resume", "-j", "1")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8") == reference


def test_resume_counts_repeated_ids(tmp_path):
    src = tmp_path / "dup.jsonl"
    rec = json.loads(write_jsonl(tmp_path / "one.jsonl", 1).read_text(encoding="utf-8"))
    src.write_text((json.dumps(rec, ensure_ascii=False) + "\n") * 3, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = run("code", str(src), "-o", str(out), "-j", "1")
    assert r.exit_code == 0
    full = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.unlink()
    partial_path(out).write_text(full[0], encoding="utf-8")
    r = run("code", str(src), "-o", str(out), "--resume", "-j", "1")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8") == "".join(full)


def test_done_ids_drops_a_half_written_line(tmp_path):
    p = tmp_path / "x.partial"
    p.write_text('{"id": "a", "events": []}\n{"id": "b", "events": []}\n{"id": "c", "ev', encoding="utf-8")
    assert dict(done_ids(p)) == {"a": 1, "b": 1}
    assert p.read_text(encoding="utf-8").endswith('"events": []}\n')


def test_resume_usage_errors(corpus, tmp_path):
    r = run("code", str(corpus), "--resume")
    assert r.exit_code == 2 and "--resume needs --output" in r.stderr
    r = run("code", str(corpus), "--resume", "-o", str(tmp_path / "x.csv"), "-f", "csv")
    assert r.exit_code == 2
    r = run("code", str(corpus), "-j", "-1")
    assert r.exit_code == 2 and "Traceback" not in r.stderr
    r = run("code", str(corpus), "--reader", "pdf")
    assert r.exit_code == 2


def test_sigterm_keeps_partial_output_and_resume_finishes_it(tmp_path, reference):
    src = write_jsonl(tmp_path / "big.jsonl", 200)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "hadath.cli", "code", str(src), "-o", str(out), "-j", "1", "--chunk-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(ROOT))
    part = partial_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not part.exists() or part.stat().st_size < 8_000):
        time.sleep(0.1)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be interrupted")
    assert proc.returncode == 130, err.decode()
    assert "--resume" in err.decode() and "Traceback" not in err.decode()
    assert part.exists() and not out.exists()
    n_done = sum(done_ids(part).values())
    assert 0 < n_done < 200
    r = subprocess.run(cmd + ["--resume"], capture_output=True, env=env, cwd=str(ROOT), timeout=600)
    assert r.returncode == 0, r.stderr.decode()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["id"] for x in lines] == [f"v{i:04d}" for i in range(200)]
    assert lines[:40] == reference.splitlines()  # the same records as an uninterrupted run


def test_progress_log_lines_and_counts(corpus):
    buf = io.StringIO()
    p = Progress(buf, total=10, tty=False, interval=0.0)
    p.update(4, 7)
    p.update(skipped=1)
    p.close()
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("hadath: 4 articles (") and "7 events" in lines[0] and "ETA" in lines[0]
    assert "1 skipped" in lines[1]
    assert count_inputs([str(corpus)]) == 40
    assert count_inputs(["-"]) is None
    p = Progress(io.StringIO(), enabled=False)
    p.update(1, 1)
    assert p.articles == 1


def test_progress_bar_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    out = Tty()
    p = Progress(out, total=3)
    p.update(2, 5)
    p.close()
    assert "2/3" in out.getvalue() and "events/s" in out.getvalue()


def test_csv_input_with_text_column(tmp_path):
    from tests.scale.corpus import variant

    p = tmp_path / "in.csv"
    import csv

    with open(p, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "date", "body"])
        for i in range(3):
            v = variant(i)
            w.writerow([v["id"], v["date"], v["text"]])
    r = run("code", str(p), "--text-column", "body", "-j", "1")
    assert r.exit_code == 0, r.stderr
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in recs] == ["v0000", "v0001", "v0002"] and all(x["events"] for x in recs)


def test_a_dying_worker_is_one_line_and_keeps_the_partial_output(tmp_path):
    import os as _os

    from hadath.pipeline import BaseStage, register_stage

    @register_stage("test_die_on_v0050")
    class Die(BaseStage):
        name = "test_die_on_v0050"
        requires = ("sentences",)

        def process(self, doc):
            if doc.article.id == "v0050":
                _os._exit(9)  # like the kernel's OOM killer

    cfg = tmp_path / "die.toml"
    cfg.write_text('[pipeline]\nstages = ["noclean", "sentences", "test_die_on_v0050"]\n', encoding="utf-8")
    src = write_jsonl(tmp_path / "c.jsonl", 80)
    out = tmp_path / "o.jsonl"
    r = run("code", str(src), "--config", str(cfg), "-j", "2", "--chunk-size", "4", "-o", str(out))
    assert r.exit_code == 3, r.stderr
    assert "a worker process died" in r.stderr and "--resume" in r.stderr and "Traceback" not in r.stderr
    assert partial_path(out).exists() and not out.exists()
