"""``hadath brief``: Markdown and self-contained HTML from coded JSONL and from the store; PDF; bad usage."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.briefs.clusters import clusters_from_jsonl
from hadath.cli import app
from tests.briefs.conftest import AID, ARTIFACTS, KILLED, MEET

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def one_line_error(r, code: int, *needles: str) -> None:
    assert r.exit_code == code, (r.exit_code, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert lines and "Traceback" not in r.stderr
    assert any(line.startswith("hadath: ") or "Error" in line for line in lines)
    for n in needles:
        assert n in r.stderr


def test_clusters_rank_by_sources_then_goldstein(coded_jsonl):
    cs = clusters_from_jsonl(coded_jsonl, "2017-01-11", "2017-01-12")
    assert [c.cameo for c in cs][:1] == ["040"]  # three outlets
    meet = cs[0]
    assert meet.num_sources == 3 and meet.outlets == ["Outlet A", "Outlet B", "Outlet C"]
    assert meet.summary_en.startswith("Khalifa Haftar (Commander of the Libyan National Army) met Valery Gerasimov")
    rest = cs[1:]
    assert [c.cameo for c in rest] == sorted([c.cameo for c in rest], key=lambda x: -abs(
        {"195": -10.0, "1823": -10.0, "0332": 5.2}.get(x, 0)))  # one source each: Goldstein magnitude decides
    assert all(c.date in ("2017-01-11", "2017-01-12") for c in cs)  # the 2016 event is outside the period


def test_country_filter(coded_jsonl):
    cs = clusters_from_jsonl(coded_jsonl, "2017-01-11", "2017-01-12", country="YEM")
    assert [c.cameo for c in cs] == ["1823"]
    assert cs[0].summary_en == "Yemeni soldiers were killed in Saada, Yemen, on 12 January 2017."


def test_markdown_brief(coded_jsonl, tmp_path):
    out = tmp_path / "brief.md"
    r = run("brief", "--from", str(coded_jsonl), "--since", "2017-01-11", "--until", "2017-01-12", "-o", str(out))
    assert r.exit_code == 0, r.stderr
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Event brief — 11 January 2017 – 12 January 2017")
    assert "## Libya" in md and "## Yemen" in md
    assert md.index("## Libya") < md.index("## Yemen")  # more sources first
    assert "### Verbal cooperation" in md and "### Material conflict" in md
    assert "Reported by: Outlet A, Outlet B, Outlet C" in md
    assert MEET in md and KILLED in md and AID in md
    assert "Yemeni soldiers were killed in Saada, Yemen, on 12 January 2017." in md
    assert md.count("](data:image/png;base64,") == 2
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "brief.md").write_text(md, encoding="utf-8")


def test_markdown_to_stdout_for_one_day(coded_jsonl):
    r = run("brief", "--from", str(coded_jsonl), "--date", "2017-01-12")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("# Event brief — 12 January 2017")
    assert "## Yemen" in r.stdout and "## Libya" not in r.stdout


def test_html_is_self_contained(coded_jsonl, tmp_path):
    out = tmp_path / "brief.html"
    r = run("brief", "--from", str(coded_jsonl), "--since", "2017-01-11", "--until", "2017-01-12", "--format", "html",
            "-o", str(out))
    assert r.exit_code == 0, r.stderr
    h = out.read_text(encoding="utf-8")
    assert h.startswith("<!DOCTYPE html>") and h.rstrip().endswith("</html>")
    # nothing fetched from outside: no external src/href, no @import, no url(http
    assert not re.search(r"""(src|href)\s*=\s*["'](?!data:|#)""", h)
    assert "http://" not in h and "https://" not in h and "@import" not in h
    imgs = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', h)
    assert len(imgs) == 2 and all(base64.b64decode(i)[:8] == b"\x89PNG\r\n\x1a\n" for i in imgs)
    ar_spans = re.findall(r'<p class="ar[^"]*" dir="rtl" lang="ar">([^<]*)</p>', h)
    assert len(ar_spans) == 2 * 4  # summary + evidence per cluster
    assert any("التقى خليفة حفتر فاليري غيراسيموف" in s for s in ar_spans)
    assert all(re.search("[\u0600-\u06ff]", s) for s in ar_spans)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "brief.html").write_text(h, encoding="utf-8")


def test_empty_period(coded_jsonl):
    r = run("brief", "--from", str(coded_jsonl), "--date", "2001-01-01")
    assert r.exit_code == 0, r.stderr
    assert "No events in this period." in r.stdout


@pytest.mark.parametrize("args,needle", [
    ((), "--date"),
    (("--date", "2017-1-11"), "YYYY-MM-DD"),
    (("--date", "2017-01-11", "--since", "2017-01-10"), "not both"),
    (("--since", "2017-01-11"), "--until"),
    (("--since", "2017-01-12", "--until", "2017-01-11"), "after"),
    (("--date", "2017-01-11", "--country", "Libya"), "ISO3"),
    (("--date", "2017-01-11", "--format", "docx"), "docx"),
])
def test_usage_errors(coded_jsonl, args, needle):
    r = run("brief", "--from", str(coded_jsonl), *args)
    one_line_error(r, 2, needle)


def test_unreadable_inputs(tmp_path):
    one_line_error(run("brief", "--from", str(tmp_path / "nope.jsonl"), "--date", "2017-01-11"), 3, "cannot read")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "events": []}\nnot json\n', encoding="utf-8")
    one_line_error(run("brief", "--from", str(bad), "--date", "2017-01-11"), 3, "bad.jsonl:2")


def test_missing_store_is_an_error_not_a_new_file(tmp_path):
    db = tmp_path / "none.db"
    one_line_error(run("brief", "--db", str(db), "--date", "2017-01-11"), 3, "no event store")
    assert not db.exists()


def test_brief_from_the_store(tmp_path, nlp):
    pytest.importorskip("datasketch")
    from hadath.model import Article
    from hadath.store import Store
    from tests.conftest import EXAMPLE

    doc = nlp(Article(id="tripoli-visit", text=EXAMPLE.read_text(encoding="utf-8"), date="2021-05-03",
                      outlet="Example Wire"))
    assert doc.events
    db = str(tmp_path / "events.db")
    with Store(db) as st:
        st.add_documents([doc])
    r = run("brief", "--db", db, "--date", "2021-05-03", "--format", "md")
    assert r.exit_code == 0, r.stderr
    assert "Reported by: Example Wire" in r.stdout
    assert "Hulusi Akar (" in r.stdout  # summaries built from the stored records, with the KB role
    assert r.stdout.count("## Turkey") + r.stdout.count("## Libya") >= 1


def test_pdf(coded_jsonl, tmp_path):
    out = tmp_path / "brief.pdf"
    r = run("brief", "--from", str(coded_jsonl), "--since", "2017-01-11", "--until", "2017-01-12", "--format", "pdf",
            "-o", str(out))
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        one_line_error(r, 3, "weasyprint")
        return
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 10_000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(out, ARTIFACTS / "brief.pdf")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(out), str(ARTIFACTS / "brief-pdf")],
                       check=True, timeout=120)
        assert (ARTIFACTS / "brief-pdf-1.png").exists()


def test_pdf_needs_an_output_file(coded_jsonl):
    pytest.importorskip("weasyprint")
    one_line_error(run("brief", "--from", str(coded_jsonl), "--date", "2017-01-11", "--format", "pdf"), 3, "-o FILE")


def test_artifacts_dir_is_ignored_or_exists():
    assert Path(ARTIFACTS).parent.name == "tests"
