"""Ingest with the real pipeline on both back ends: idempotent re-ingest, recode, the CLI commands, and an ingest
killed with SIGKILL half-way that a re-run finishes without duplicates."""

from __future__ import annotations

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
from hadath.io.readers import read_inputs
from hadath.store import Store
from hadath.store.ingest import ingest, recode
from tests.conftest import EXAMPLE

runner = CliRunner()
EXTRA = [
    "التقى وزير الخارجية الروسي سيرغي لافروف اليوم الاثنين في موسكو نظيره التركي مولود جاويش أوغلو.",
    "وقال لافروف إن المحادثات تناولت الأزمة السورية والوضع في ليبيا.",
]


def write_corpus(path: Path, n: int) -> Path:
    """n distinct articles (the bundled example, each with its own closing sentence) as JSON Lines."""
    base = EXAMPLE.read_text(encoding="utf-8")
    outlets = ["وكالة أ", "وكالة ب", "وكالة ج"]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = base + "\n" + EXTRA[i % 2] + f" وذكرت الوكالة أن عدد المشاركين بلغ {i + 3} وفود."
            f.write(json.dumps({"id": f"art-{i}", "date": "2021-05-03" if i % 3 else "2021-05-04",
                                "outlet": outlets[i % 3], "title": None, "text": text}, ensure_ascii=False) + "\n")
        f.write('{"id": "bad", "text": ""}\n')  # a bad record is reported, not stored
    return path


def table_counts(st: Store) -> dict[str, int]:
    return {k: v for k, v in st.counts().items() if k != "ingest_runs"}


def check_consistent(st: Store) -> None:
    """Every stored article is whole: its events, search rows and cluster aggregates agree."""
    b = st.b
    bad = b.query("SELECT a.id FROM articles a WHERE a.n_events <> (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id)")
    assert not bad, f"articles with missing events: {bad}"
    assert not b.query("SELECT id FROM events WHERE cluster_id IS NULL")
    assert b.scalar("SELECT COUNT(*) FROM event_records") == b.scalar("SELECT COUNT(*) FROM events")
    bad = b.query("SELECT c.id FROM event_clusters c WHERE c.num_events <> "
                  "(SELECT COUNT(*) FROM events e WHERE e.cluster_id = c.id)")
    assert not bad, f"clusters with wrong counts: {bad}"
    if st.kind == "sqlite":
        assert b.scalar("SELECT COUNT(*) FROM article_fts") == b.scalar("SELECT COUNT(*) FROM articles")
        assert b.scalar("SELECT COUNT(*) FROM evidence_fts") == b.scalar("SELECT COUNT(*) FROM events")
    else:
        assert b.scalar("SELECT COUNT(*) FROM articles WHERE text_norm IS NULL") == 0


def test_ingest_twice_is_idempotent_and_recode_restores(db, nlp, tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    problems: list[str] = []
    with Store(db) as st:
        rep = ingest(st, read_inputs([str(corpus)]), nlp, batch_size=4, on_problem=problems.append)
        assert (rep.read, rep.added, rep.problems) == (6, 6, 1) and rep.events > 0
        assert problems and "empty text" in problems[0]
        first = table_counts(st)
        assert first["articles"] == 6 and first["events"] == rep.events
        rep2 = ingest(st, read_inputs([str(corpus)]), nlp)
        assert (rep2.added, rep2.unchanged, rep2.events) == (0, 6, 0)
        assert table_counts(st) == first
        # all six are near-duplicates of the first: linked in one article cluster, none dropped
        assert st.b.scalar("SELECT COUNT(DISTINCT dup_cluster) FROM articles") == 1
        # the same story from three outlets: clusters with three sources
        assert st.b.scalar("SELECT MAX(num_sources) FROM event_clusters") == 3
        runs = st.b.query("SELECT status, kb_hash, hadath_version FROM ingest_runs ORDER BY id")
        assert [r["status"] for r in runs] == ["done", "done"] and runs[0]["kb_hash"] and runs[0]["hadath_version"]
        # recode: one article marked as coded with older dictionaries
        st.b.execute("UPDATE articles SET kb_hash = 'old' WHERE doc_id = 'art-2'")
        rc = recode(st, nlp)
        assert rc.read == 1
        assert table_counts(st) == first
        assert recode(st, nlp).read == 0
        assert recode(st, nlp, everything=True).read == 6
        assert table_counts(st) == first
        check_consistent(st)


def test_cli_commands(db, tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    r = runner.invoke(app, ["ingest", str(corpus), "--db", db, "-q"])
    assert r.exit_code == 1, r.output  # the bad record
    assert "3 article(s) read: 3 added" in r.stdout and "empty text" in r.stderr
    r = runner.invoke(app, ["ingest", str(EXAMPLE), "--date", "2021-05-03", "--db", db, "-q"])
    assert r.exit_code == 0 and "1 added" in r.stdout, r.output
    r = runner.invoke(app, ["ingest", str(EXAMPLE), "--date", "2021-05-03", "--db", db, "-q"])
    assert r.exit_code == 0 and "0 added, 1 already stored" in r.stdout

    r = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--actor", "Hulusi Akar"])
    assert r.exit_code == 0, r.output
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert recs and all("tur-hulusi-akar" in (e["source"]["id"], (e["target"] or {}).get("id")) for e in recs)
    for k in ("cameo", "source", "target", "date", "location", "evidence", "confidence"):
        assert k in recs[0]
    r = runner.invoke(app, ["events", "--db", db, "--clusters", "--format", "csv", "--sort", "-sources"])
    assert r.exit_code == 0 and r.stdout.startswith("cluster_id,") and len(r.stdout.splitlines()) > 1
    r = runner.invoke(app, ["events", "--db", db, "--cameo", "04", "--text", "طرابلس", "--limit", "2"])
    assert r.exit_code == 0 and "2 events" in r.stdout
    r = runner.invoke(app, ["actors", "--db", db, "--format", "jsonl", "--search", "akar"])
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["actor_id"] == "tur-hulusi-akar"
    r = runner.invoke(app, ["stats", "--db", db, "--json"])
    st = json.loads(r.stdout)
    assert st["articles"] == 4 and st["schema_version"] >= 3 and st["runs"][0]["status"] == "done"
    assert sum(st["quad_classes"].values()) == sum(st["roots"].values())  # the same figures as GET /stats
    out = tmp_path / "g.csv"
    r = runner.invoke(app, ["export", "--db", db, "--schema", "gdelt", "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("GLOBALEVENTID,SQLDATE")
    r = runner.invoke(app, ["export", "--db", db, "--schema", "plover", "--format", "jsonl"])
    assert r.exit_code == 0 and json.loads(r.stdout.splitlines()[0])["language"] == "ar"
    r = runner.invoke(app, ["recode", "--db", db])
    assert r.exit_code == 0 and "0 article(s) re-coded" in r.stdout


@pytest.mark.parametrize("args", [
    ["events", "--bbox", "1,2"], ["events", "--since", "May"], ["events", "--sort", "colour"],
    ["export", "--format", "parquet"],
])
def test_cli_usage_errors_are_one_line(args, tmp_path):
    r = runner.invoke(app, [*args, "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("hadath: ") and "Traceback" not in r.output


def test_cli_unusable_database_is_one_line(tmp_path):
    r = runner.invoke(app, ["stats", "--db", str(tmp_path)])
    assert r.exit_code == 3 and "is a directory" in r.stderr and "Traceback" not in r.output
    r = runner.invoke(app, ["stats", "--db", "postgresql://u:secret@127.0.0.1:9/x"])
    assert r.exit_code == 3 and "cannot connect" in r.stderr and "secret" not in r.stderr


def _count(db: str) -> int:
    try:
        with Store(db) as st:
            return int(st.b.scalar("SELECT COUNT(*) FROM articles"))
    except Exception:  # noqa: BLE001 - the database may not exist yet
        return 0


def test_sigkill_mid_ingest_then_rerun_finishes_without_duplicates(db, nlp, tmp_path):
    n = 24
    corpus = write_corpus(tmp_path / "c.jsonl", n)
    env = dict(os.environ, HADATH_DB="")
    cmd = [sys.executable, "-c", "from hadath.cli import main; main()", "ingest", str(corpus), "--db", db,
           "--batch", "2", "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and _count(db) < 4:
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as st:
        done = table_counts(st)["articles"]
        assert 4 <= done < n
        check_consistent(st)
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr  # 1: the bad record
    assert f"{n - done} added, {done} already stored" in r.stdout
    # the same corpus ingested in one go, by the same command
    ref = str(tmp_path / "ref.db")
    subprocess.run([*cmd[:6], ref, *cmd[7:]], env=env, capture_output=True, text=True, timeout=300)
    with Store(ref) as s2:
        expected = table_counts(s2)
        ref_hash = s2.b.scalar("SELECT kb_hash FROM ingest_runs")
    with Store(db) as st:
        check_consistent(st)
        got = table_counts(st)
        assert got["articles"] == expected["articles"] == n
        assert st.b.scalar("SELECT COUNT(DISTINCT doc_id) FROM articles") == n
        runs = st.b.query("SELECT status, kb_hash FROM ingest_runs ORDER BY id")
        assert [r["status"] for r in runs] == ["running", "done"]  # the killed run never finished
        if {r["kb_hash"] for r in runs} == {ref_hash}:  # (unless someone edited the dictionaries meanwhile)
            assert got == expected


def test_config_store_db_is_used_by_ingest_and_recode(tmp_path):
    from hadath.pipeline import DEFAULT_CONFIG

    db = tmp_path / "from-config.db"
    cfg = tmp_path / "p.toml"
    cfg.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8") + f'\n[store]\ndb = "{db}"\n', encoding="utf-8")
    r = runner.invoke(app, ["ingest", str(EXAMPLE), "--date", "2021-05-03", "--config", str(cfg), "-q"])
    assert r.exit_code == 0, r.output
    assert db.exists()
    r = runner.invoke(app, ["recode", "--config", str(cfg)])
    assert r.exit_code == 0 and "0 article(s) re-coded" in r.stdout
