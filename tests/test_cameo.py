"""The CAMEO codebook table (hadath/data/cameo.tsv) and the facts hadath.coding.cameo derives from it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from hadath.coding import cameo

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "hadath" / "data" / "cameo.tsv"
PATTERNS = ROOT / "hadath" / "data" / "patterns"
PLOVER_REF = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "cameo" / "CAMEO2PLOVER-2021.txt"

CODE_RE = re.compile(r"^\d{2,4}$")
# Cooperation-root codes that carry a negative Goldstein score in the standard CAMEO mapping:
# declining comment, pessimistic comments and appeals for reform / to yield.
NEGATIVE_COOPERATION = ("011", "012", "024", "025")


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def table() -> list[dict[str, str]]:
    return _rows(TABLE)


def test_header_and_columns(table):
    head = TABLE.read_text(encoding="utf-8").splitlines()
    assert head[0].startswith("# source:")
    assert re.match(r"^# date: \d{4}-\d{2}-\d{2}$", head[1])
    assert list(table[0]) == ["code", "name_en", "goldstein", "description"]
    for r in table:
        assert None not in r and all(v is not None for v in r.values()), r


def test_codes_well_formed_sorted_unique(table):
    codes = [r["code"] for r in table]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)
    for c in codes:
        assert CODE_RE.match(c), c
        assert 1 <= int(c[:2]) <= 20, c
        assert c[:2] + "0" in codes, f"{c}: root {c[:2]} has no x0 code"
        if len(c) == 4:
            assert c[:3] in codes, f"{c}: parent {c[:3]} missing"
    assert {c[:2] for c in codes} == {f"{i:02d}" for i in range(1, 21)}
    assert len(codes) > 250


def test_names_descriptions_goldstein(table):
    for r in table:
        assert r["name_en"].strip(), r
        assert r["description"].strip(), r
        g = float(r["goldstein"])
        assert -10.0 <= g <= 10.0, r


def test_goldstein_sign_by_root(table):
    for r in table:
        c, g = r["code"], float(r["goldstein"])
        root = int(c[:2])
        if root <= 8 and not c.startswith(NEGATIVE_COOPERATION):
            assert g >= 0, r
        if root >= 9:
            assert g <= 0, r


@pytest.mark.parametrize("code,name,gold", [
    ("010", "Make statement, not specified below", 0.0),
    ("040", None, 1.0), ("041", "Discuss by telephone", 1.0), ("042", "Make a visit", 1.9),
    ("043", "Host a visit", 2.8), ("044", "Meet at a 'third' location", 2.5), ("046", None, 7.0),
    ("057", None, 8.0), ("073", None, 7.4), ("111", None, -2.0), ("112", None, -2.0),
    ("173", "Arrest, detain, or charge with legal action", -5.0), ("183", None, -10.0),
    ("190", "Use conventional military force, not specified below", -10.0),
    ("193", "Fight with small arms and light weapons", -10.0),
    ("195", "Employ aerial weapons, not specified below", -10.0), ("200", None, -10.0),
])
def test_known_values(code, name, gold):
    i = cameo.info(code)
    assert i.goldstein == gold
    if name:
        assert i.name == name


def test_module_reads_table(table):
    codes = [r["code"] for r in table]
    assert cameo.all_codes() == sorted(codes)
    for r in table:
        i = cameo.info(r["code"])
        assert i.code == r["code"] and i.root == r["code"][:2]
        assert i.name == r["name_en"]
        assert i.goldstein == float(r["goldstein"])
        assert i.quad_class == cameo.quad_class(r["code"][:2])
        assert i.plover == cameo.plover_type(r["code"])
    # a 4-digit code absent from the table falls back to its 3-digit parent
    assert cameo.info("0459").goldstein == cameo.info("045").goldstein


def test_quad_classes():
    assert [cameo.quad_class(f"{i:02d}") for i in range(1, 21)] == [1] * 5 + [2] * 3 + [3] * 5 + [4] * 7


def test_plover_types_cover_table(table):
    for r in table:
        p = cameo.plover_type(r["code"])
        if r["code"].startswith("01"):
            assert p is None
        else:
            assert p, r


def test_pattern_codes_in_table(table):
    codes = {r["code"] for r in table}
    used: dict[str, list[str]] = {}
    for f in sorted(PATTERNS.glob("*.tsv")):
        for r in _rows(f):
            used.setdefault(r["cameo"].strip(), []).append(f"{f.name}:{r['id']}")
    assert used
    missing = {c: ids[:3] for c, ids in sorted(used.items()) if c not in codes}
    assert not missing, f"pattern CAMEO codes missing from cameo.tsv: {missing}"


def _plover_reference() -> dict[str, str]:
    """code -> PLOVER type from the CAMEO2PLOVER table (2-digit codes listed with different types dropped)."""
    seen: dict[str, set[str]] = {}
    line_re = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z_]+)")
    for ln in PLOVER_REF.read_text(encoding="utf-8").splitlines():
        m = line_re.match(ln.split("#", 1)[0])
        if m:
            seen.setdefault(m.group(1), set()).add(m.group(2))
    out = {}
    for code, types in seen.items():
        if len(types) > 1:
            # a root listed under two types (08: CONCEDE / RETREAT) defers to its 3-4 digit lines
            assert len(code) == 2, f"{code} listed with conflicting types {types}"
            continue
        out[code] = types.pop()
    return out


def test_plover_matches_reference():
    if not PLOVER_REF.exists():
        pytest.skip(f"{PLOVER_REF} not available (../shared is evaluation data outside the project)")
    ref = _plover_reference()
    assert len(ref) > 100
    wrong = {c: (t, cameo.plover_type(c)) for c, t in sorted(ref.items()) if cameo.plover_type(c) != t}
    assert not wrong, f"code: (reference, hadath) disagreements: {wrong}"
