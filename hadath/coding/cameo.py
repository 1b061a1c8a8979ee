"""CAMEO code facts: names, Goldstein scores, quad classes and PLOVER event types.

Names and Goldstein scores come from ``hadath/data/cameo.tsv`` (code-level), falling back to the root.
Quad classes follow GDELT's convention (1 verbal cooperation: roots 01-05; 2 material cooperation:
06-08; 3 verbal conflict: 09-13; 4 material conflict: 14-20). PLOVER types follow the published
CAMEO→PLOVER mapping (roots 08x split into CONCEDE 080-083 and RETREAT 084-087; root 01 has none; a few
codes leave their root: 163 sanctions, 191 blockade and 192 occupation are COERCE, 1712 destroying property and
175 violent repression are ASSAULT).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "cameo.tsv"

ROOT_NAMES = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}
ROOT_GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
}
ROOT_PLOVER = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
PLOVER_OVERRIDES = {"084": "RETREAT", "085": "RETREAT", "086": "RETREAT", "087": "RETREAT", "0813": "RETREAT",
                    "0814": "RETREAT",
                    # codes whose PLOVER type differs from their CAMEO root's
                    "163": "COERCE", "1712": "ASSAULT", "175": "ASSAULT", "191": "COERCE", "192": "COERCE"}


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """Facts about one CAMEO code."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None


def quad_class(root: str) -> int:
    """GDELT quad class of a CAMEO root (1..4)."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def plover_type(code: str) -> str | None:
    """PLOVER event type of a CAMEO code (None for root 01 statements)."""
    for n in (4, 3):
        if code[:n] in PLOVER_OVERRIDES and len(code) >= n:
            return PLOVER_OVERRIDES[code[:n]]
    return ROOT_PLOVER.get(code[:2])


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    try:
        with open(DATA, encoding="utf-8") as f:
            header = None
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if header is None:
                    header = parts
                    continue
                try:
                    out[parts[0].strip()] = (parts[1].strip(), float(parts[2]))
                except (IndexError, ValueError):
                    continue
    except OSError:
        pass
    return out


def all_codes() -> list[str]:
    """Every CAMEO code known to the table (roots when the table is absent)."""
    return sorted(_table()) or sorted(c + "0" for c in ROOT_NAMES)


@lru_cache(maxsize=2048)
def info(code: str) -> CameoInfo:
    """Facts for ``code`` (a 2-4 digit string)."""
    root = code[:2]
    tab = _table()
    name, gold = tab.get(code) or tab.get(code[:3]) or (ROOT_NAMES.get(root, ""), ROOT_GOLDSTEIN.get(root, 0.0))
    return CameoInfo(code, root, name, gold, quad_class(root), plover_type(code))
