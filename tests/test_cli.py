"""The CLI: formats, stdin, explain, kb find, and every bad-input case (one line, right exit code)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from tests.conftest import EXAMPLE

runner = CliRunner()

GOOD = "التقى وزير الخارجية الروسي سيرغي لافروف اليوم الاثنين في موسكو نظيره التركي مولود جاويش أوغلو."


def run(*args: str, input: bytes | str | None = None):
    return runner.invoke(app, list(args), input=input)


def _one_line_error(result, *needles: str) -> None:
    err = result.stderr.strip().splitlines()
    assert err, "expected an error line on stderr"
    assert "Traceback" not in result.stderr
    first = err[0]
    assert first.startswith("hadath: ")
    for n in needles:
        assert n in result.stderr


def test_code_example_jsonl_has_spec_fields():
    r = run("code", str(EXAMPLE), "--date", "2021-05-03")
    assert r.exit_code == 0, r.stderr
    rec = json.loads(r.stdout.strip().splitlines()[0])
    assert rec["id"] == "tripoli-visit" and rec["date"] == "2021-05-03"
    assert rec["events"], "the bundled example must produce events"
    for e in rec["events"]:
        for f in ("cameo", "source", "target", "date", "location", "evidence", "confidence", "rule", "plover",
                  "quad_class", "goldstein", "event_id"):
            assert f in e
        assert 0 <= e["confidence"] <= 1


@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_code_other_formats(fmt):
    r = run("code", str(EXAMPLE), "--date", "2021-05-03", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        data = json.loads(r.stdout)
        assert isinstance(data, list) and data[0]["id"] == "tripoli-visit"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert rows and rows[0]["article_id"] == "tripoli-visit" and rows[0]["cameo"]
    else:
        assert "cameo" in r.stdout and "events" in r.stdout


def test_code_reads_stdin_text_and_jsonl():
    r = run("code", "-", "--date", "2017-01-11", input=GOOD.encode())
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "stdin"
    line = json.dumps({"id": "a7", "date": "2017-01-11", "text": GOOD}, ensure_ascii=False)
    r = run("code", input=(line + "\n").encode())
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "a7"


def test_output_file_written_atomically(tmp_path):
    out = tmp_path / "out.jsonl"
    r = run("code", str(EXAMPLE), "--date", "2021-05-03", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "tripoli-visit"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- bad input


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    r = run("code", str(p))
    assert r.exit_code == 1
    _one_line_error(r, "empty.txt", "empty file")


def test_binary_file(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    r = run("code", str(p))
    assert r.exit_code == 1
    _one_line_error(r, "blob.txt", "binary")


def test_non_utf8_file(tmp_path):
    p = tmp_path / "cp1256.txt"
    p.write_bytes(GOOD.encode("cp1256", errors="replace"))
    r = run("code", str(p))
    assert r.exit_code == 1
    _one_line_error(r, "cp1256.txt", "not UTF-8")


def test_no_arabic(tmp_path):
    p = tmp_path / "english.txt"
    p.write_text("The minister met his counterpart in Moscow today.", encoding="utf-8")
    r = run("code", str(p))
    assert r.exit_code == 1
    _one_line_error(r, "english.txt", "no Arabic")


def test_jsonl_bad_lines_are_skipped_and_good_ones_coded(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok1", "date": "2017-01-11", "text": GOOD}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "notext", "date": "2017-01-11"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "num", "text": 42}),
        json.dumps({"id": "ok2", "text": GOOD}, ensure_ascii=False),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("code", str(p))
    assert r.exit_code == 1
    ids = [json.loads(x)["id"] for x in r.stdout.strip().splitlines()]
    assert ids == ["ok1", "ok2"]
    assert "mixed.jsonl:2: not JSON" in r.stderr
    assert 'mixed.jsonl:3: record has no "text" field' in r.stderr
    assert "mixed.jsonl:4: expected a JSON object" in r.stderr
    assert "mixed.jsonl:5:" in r.stderr
    assert "Traceback" not in r.stderr


def test_huge_file(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        chunk = (GOOD + "\n").encode() * 1000
        while f.tell() < 50_000_000:
            f.write(chunk)
    r = run("code", str(p))
    assert r.exit_code == 1
    _one_line_error(r, "huge.txt", "MB")


def test_missing_file_and_good_file_together(tmp_path):
    r = run("code", str(tmp_path / "nope.txt"), str(EXAMPLE), "--date", "2021-05-03")
    assert r.exit_code == 1
    assert "no such file" in r.stderr
    assert json.loads(r.stdout)["id"] == "tripoli-visit"


def test_usage_errors_exit_2(tmp_path):
    r = run("code", str(EXAMPLE), "--date", "11/01/2017")
    assert r.exit_code == 2
    _one_line_error(r, "--date")
    r = run("code", str(EXAMPLE), "--format", "xml")
    assert r.exit_code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\n")
    r = run("code", str(EXAMPLE), "--config", str(bad))
    assert r.exit_code == 2
    _one_line_error(r, "E001", "invalid TOML")


def test_explain_is_readable():
    r = run("explain", GOOD, "--date", "2017-01-11")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "tokens:" in out and "mentions:" in out and "triggers:" in out and "Events:" in out
    assert "لافروف" in out


def test_kb_find_composes_agent_and_country():
    r = run("kb", "find", "وزير الخارجية الروسي")
    assert r.exit_code == 0, r.stderr
    assert "RUSGOV" in r.stdout
    r = run("kb", "find", "حفتر")
    assert "Khalifa Haftar" in r.stdout and "LBYMIL" in r.stdout


def test_kb_find_unknown_phrase():
    r = run("kb", "find", "كلمةلاوجودلها")
    assert r.exit_code == 1
    _one_line_error(r, "not found")


def test_version():
    r = run("version")
    assert r.exit_code == 0 and r.stdout.startswith("hadath ")
