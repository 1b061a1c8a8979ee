"""`hadath brief` on a store built from events-dev and the unlabelled corpus (../shared; skipped without it):
Markdown and self-contained HTML, the HTML rendered by headless Chromium with a screenshot kept as an artefact."""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from tests.briefs.conftest import ARTIFACTS
from tests.briefs.test_chromium import _browser, _png_size_and_ink
from tests.conftest import shared_path

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    pytest.importorskip("datasketch")
    dev = shared_path("eval", "events-dev", "articles.jsonl")
    unl = shared_path("corpus", "unlabelled.jsonl")
    db = str(tmp_path_factory.mktemp("brief-corpus") / "events.db")
    r = runner.invoke(app, ["ingest", str(dev), str(unl), "--db", db])
    assert r.exit_code in (0, 1), r.stderr
    return db


def test_brief_md_and_html_from_the_corpus_store(corpus_db, tmp_path):
    md = runner.invoke(app, ["brief", "--db", corpus_db, "--since", "2015-07-20", "--until", "2015-08-12",
                             "--format", "md"])
    assert md.exit_code == 0, md.stderr
    assert md.stdout.count("\n## ") >= 3  # several countries
    assert "Reported by:" in md.stdout and "None" not in md.stdout
    html = tmp_path / "brief.html"
    r = runner.invoke(app, ["brief", "--db", corpus_db, "--since", "2015-07-20", "--until", "2015-08-12",
                            "--format", "html", "-o", str(html)])
    assert r.exit_code == 0, r.stderr
    page = html.read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "<script src=" not in page and "http://" not in page.replace("http://www.w3.org", "")
    browser = _browser()
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "brief-corpus-chromium.png"
    if shot.exists():
        shot.unlink()
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
           "--window-size=1100,2600", f"--screenshot={shot}", html.resolve().as_uri()]
    subprocess.run(cmd, check=False, timeout=180, capture_output=True)
    assert shot.exists(), "chromium wrote no screenshot"
    w, h, ink = _png_size_and_ink(shot)
    assert (w, h) == (1100, 2600) and ink > 0.2
