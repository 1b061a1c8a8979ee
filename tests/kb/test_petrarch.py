"""``hadath kb import-petrarch``: PETRARCH/TABARI actor and agent dictionaries into hadath TSV folders,
and user dictionary folders (``[kb] extra_dirs``) that override bundled actors and add new ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath.cli import app
from hadath.kb import loader
from hadath.kb.kb import KnowledgeBase
from hadath.kb.petrarch import ImportReport, import_petrarch, parse_actors, parse_agents, parse_code
from hadath.kb.validate import validate
from hadath.model import Article
from hadath.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
UP_AR = SHARED / "reference" / "universalpetrarch-arabic"
runner = CliRunner()

# a synthetic dictionary in PETRARCH format, written for this test (people and dates are invented)
ACTORS = """\
# a comment line
زيد_بن_عمرو_الفلاني_  # invented minister
+الفلاني_
+زيد_الفلاني_
\t[XYZ_PLACEHOLDER]
\t[LBYGOV 150101-180630]
\t[LBYELI >180701]
جبهة_التحرير_الوهمية_  [LBYREB]
سالم_الوهمي_
\t[LBYMIL >140516]
\t[RUSGOV 120501-180507]
منظمة_الوهم_الدولية_ [IGOXYZ]
قوات_خاصة_  [MIL]
NOT_ARABIC_  [USAGOV]
بلا_رمز_
"""
AGENTS = """\
# LAST UPDATED: test
!PERSON! = رجل, امرأة
حارس_حدود {حراس_حدود,حرس_حدود} [~MIL]
متمرد_وهمي [~REB]
وزير_وهمي [~GOVMIL]
مراقب_وهمي [IGO~]
كلمة_بلا_رمز
"""


@pytest.fixture()
def synthetic(tmp_path: Path) -> tuple[Path, Path]:
    a, g = tmp_path / "test.actors.txt", tmp_path / "test.agents.txt"
    a.write_text(ACTORS, encoding="utf-8")
    g.write_text(AGENTS, encoding="utf-8")
    return a, g


@pytest.mark.parametrize("text,want", [
    ("LBYMIL >140516", ("LBYMIL", "2014-05-16", "")),
    ("LBYMIL > 20140516", ("LBYMIL", "2014-05-16", "")),
    ("RUSGOV 120501-180507", ("RUSGOV", "2012-05-01", "2018-05-07")),
    ("USRARM <900823", ("USRARM", "", "1990-08-23")),
    ("PSECVLELI 19840502-18000101", ("PSECVLELI", "1984-05-02", "")),  # placeholder end: open
    ("IGO 20090331-19700101", ("IGO", "2009-03-31", "")),  # ends before it starts: open
    ("~REB", ("REB", "", "")),
    ("PSE", ("PSE", "", "")),
])
def test_parse_code(text: str, want: tuple[str, str, str]) -> None:
    assert parse_code(text) == want


@pytest.mark.parametrize("text", ["", " >22000101", "IMG?", "LBY 1995051", "LBYGOV 150101-1806"])
def test_parse_code_rejects(text: str) -> None:
    assert isinstance(parse_code(text), str)


def test_parse_synthetic_blocks(synthetic: tuple[Path, Path]) -> None:
    rep = ImportReport()
    blocks = {b.name: b for b in parse_actors(synthetic[0], rep)}
    zaid = blocks["زيد بن عمرو الفلاني"]
    assert zaid.aliases == ["الفلاني", "زيد الفلاني"]
    assert zaid.codes == [("LBYGOV", "2015-01-01", "2018-06-30"), ("LBYELI", "2018-07-01", "")]
    assert blocks["سالم الوهمي"].codes == [("LBYMIL", "2014-05-16", ""), ("RUSGOV", "2012-05-01", "2018-05-07")]
    assert blocks["بلا رمز"].codes == []
    assert any("XYZ_PLACEHOLDER" in s for s in rep.skipped)
    agents = parse_agents(synthetic[1], rep)
    by_first = {a.forms[0]: a for a in agents}
    assert by_first["حارس حدود"].forms == ["حارس حدود", "حراس حدود", "حرس حدود"]
    assert by_first["حارس حدود"].sector == "MIL"
    assert by_first["وزير وهمي"].sector == "GOV" and by_first["وزير وهمي"].raw_code == "~GOVMIL"
    assert by_first["مراقب وهمي"].sector == "IGO"
    assert "كلمة بلا رمز" not in by_first and "!PERSON!" not in by_first


def test_import_synthetic(synthetic: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "dict"
    rep = import_petrarch(synthetic[0], out, synthetic[1])
    rows = {r.values["name_ar"]: r.values for r in loader.read_tsv(out / "actors" / "test-actors.tsv", "actors")}
    head = (out / "actors" / "test-actors.tsv").read_text(encoding="utf-8").splitlines()[:2]
    assert head[0].startswith("# source:") and "test.actors.txt" in head[0] and head[1].startswith("# date: ")
    z = rows["زيد بن عمرو الفلاني"]
    assert z["codes"] == "LBYGOV@2015-01-01..2018-06-30;LBYELI@2018-07-01.."
    assert z["country"] == "LBY" and z["type"] == "person" and z["id"].startswith("lby-")
    assert z["aliases_ar"] == "الفلاني|زيد الفلاني"
    assert rows["جبهة التحرير الوهمية"]["type"] == "organisation"
    assert rows["منظمة الوهم الدولية"]["type"] == "igo" and rows["منظمة الوهم الدولية"]["country"] == ""
    assert "NOT_ARABIC" not in " ".join(rows) and "بلا رمز" not in rows
    assert "قوات خاصة" not in rows  # a bare sector: an agent
    agents = {r.values["forms_ar"].split("|")[0]: r.values for r in loader.read_tsv(out / "agents.tsv", "agents")}
    assert agents["قوات خاصة"]["sector"] == "MIL"
    assert agents["حارس حدود"]["forms_ar"] == "حارس حدود|حراس حدود|حرس حدود"
    assert "GOVMIL" in agents["وزير وهمي"]["note"]
    assert rep.actors == 4 and rep.agents == 5
    assert not [p for p in validate([out]) if p.severity == "error"]
    # the imported folder works as extra_dirs, with date-dependent codes
    kb = KnowledgeBase.load([out], use_cache=False)
    zid = z["id"]
    assert kb.actors[zid].code_on("2016-05-01") == "LBYGOV"
    assert kb.actors[zid].code_on("2019-05-01") == "LBYELI"
    assert ("actor", zid) in kb.lookup("زيد الفلاني")


def test_cli_import_and_errors(synthetic: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "cli"
    r = runner.invoke(app, ["kb", "import-petrarch", str(synthetic[0]), "--agents", str(synthetic[1]), "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    assert "4 actors, 5 agents" in r.stdout
    assert "skipped" in r.stderr and "Traceback" not in r.stderr
    assert (out / "agents.tsv").is_file() and not list(out.rglob("*.tmp"))
    r = runner.invoke(app, ["kb", "import-petrarch", str(tmp_path / "missing.txt"), "-o", str(out)])
    assert r.exit_code == 2 and r.stderr.startswith("hadath: ") and "not found" in r.stderr
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9_ [FRA]\n".encode("latin-1"))
    r = runner.invoke(app, ["kb", "import-petrarch", str(bad), "-o", str(out)])
    assert r.exit_code == 3 and "not UTF-8" in r.stderr and "Traceback" not in r.stderr


def test_import_universalpetrarch_arabic(tmp_path: Path) -> None:
    actors, agents = UP_AR / "actor_dict_ar_v4.txt", UP_AR / "agents.all.ar_v3.txt"
    if not actors.is_file() or not agents.is_file():
        pytest.skip(f"{UP_AR} not available (../shared reference data)")
    out = tmp_path / "up"
    rep = import_petrarch(actors, out, agents)
    assert rep.actors >= 3000 and rep.agents >= 1000
    assert len(rep.skipped) < 100  # only the malformed lines ([IMG?], 7-digit dates)
    errors = [p for p in validate([out]) if p.severity == "error"]
    assert not errors, errors[:5]
    kb = KnowledgeBase.load([out], use_cache=False)
    # a block with date-restricted codes: Nouri al-Maliki was prime minister (GOV) in 2012
    hits = [i for k, i in kb.lookup("نوري المالكي") if k == "actor" and i.startswith("irq-")]
    assert hits
    assert any(kb.actors[i].code_on("2012-06-01") == "IRQGOV" for i in hits)
    assert len(kb.actors) > 4000  # bundled plus imported


USER_TSV = """\
# source: test user dictionary
# date: 2026-11-29
id\ttype\tname_en\tname_ar\taliases_ar\tcountry\tcodes\tdesc_en\tqid
lby-khalifa-haftar\tperson\tKhalifa Haftar (user)\tخليفة حفتر\tحفتر\tLBY\tLBYUSR\tuser override\t
lby-zaid-test\tperson\tZaid Testname\tزيد التجريبي\t\tLBY\tLBYGOV\tinvented for a test\t
"""


def test_user_folder_in_pipeline_config_overrides_and_adds(tmp_path: Path) -> None:
    d = tmp_path / "mydict"
    (d / "actors").mkdir(parents=True)
    (d / "actors" / "mine.tsv").write_text(USER_TSV, encoding="utf-8")
    cfg = {"pipeline": {"stages": ["noclean", "sentences", "tokens", "times", "mentions", "actors"]},
           "kb": {"extra_dirs": [str(d)]}}
    nlp = Pipeline.from_config(cfg)
    doc = nlp(Article(id="t", text="التقى المشير خليفة حفتر زيد التجريبي في بنغازي.", date="2020-01-01"))
    refs = {a.ref.id: a.ref for a in doc.actor_mentions if a.ref.id}
    assert refs["lby-khalifa-haftar"].name_en == "Khalifa Haftar (user)"
    assert refs["lby-khalifa-haftar"].code == "LBYUSR"
    assert refs["lby-zaid-test"].code == "LBYGOV"
    # the bundled pipeline is untouched
    from hadath import load_pipeline

    doc2 = load_pipeline()(Article(id="t", text="التقى المشير خليفة حفتر زيد التجريبي في بنغازي.", date="2020-01-01"))
    refs2 = {a.ref.id: a.ref for a in doc2.actor_mentions if a.ref.id}
    assert refs2["lby-khalifa-haftar"].code == "LBYMIL" and "lby-zaid-test" not in refs2
