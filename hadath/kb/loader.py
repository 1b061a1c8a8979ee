"""Reading the TSV dictionary files (format: ``hadath/data/README.md``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import KBError
from hadath.kb.schema import (
    VOICE_ACTIVE,
    ActorEntry,
    AgentEntry,
    Country,
    Metonym,
    Pattern,
    Place,
    RoleHolder,
    parse_codes,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

COLUMNS: dict[str, list[str]] = {
    "actors": ["id", "type", "name_en", "name_ar", "aliases_ar", "country", "codes", "desc_en", "qid"],
    "agents": ["id", "forms_ar", "sector", "name_en", "note"],
    "countries": ["iso3", "iso2", "name_en", "names_ar", "adjectives_ar", "capital_en", "capital_ar", "lat", "lon"],
    "metonyms": ["form_ar", "code", "name_en", "note"],
    "places": ["id", "name_en", "name_ar", "aliases_ar", "feature", "country", "admin1", "lat", "lon", "population"],
    "patterns": ["id", "cameo", "forms_ar", "voice", "target", "requires", "excludes", "note"],
    "common": ["word"],
    "roles": ["form_ar", "actor", "start", "end", "note"],
}


@dataclass(slots=True)
class Row:
    """One data row with its provenance."""

    path: Path
    line: int
    values: dict[str, str]

    def where(self) -> str:
        """``file:line`` for messages."""
        return f"{self.path.name}:{self.line}"


def read_tsv(path: Path, kind: str) -> Iterator[Row]:
    """Rows of a dictionary file as dicts; raises :class:`KBError` naming file and line on bad rows."""
    cols = COLUMNS[kind]
    header: list[str] | None = None
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115 (closed by the with below; open errors reported)
    except OSError as e:
        raise KBError(f"{path}: cannot read ({e.strerror})") from None
    with fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if header is None:
                header = [p.strip() for p in parts]
                if header[: len(cols)] != cols:
                    raise KBError(f"{path.name}:{n}: header {header} is not {cols}")
                continue
            if len(parts) < len(cols):
                parts += [""] * (len(cols) - len(parts))
            if len(parts) > len(cols) and any(p.strip() for p in parts[len(cols):]):
                raise KBError(f"{path.name}:{n}: {len(parts)} columns, expected {len(cols)}")
            yield Row(path, n, {c: parts[i].strip() for i, c in enumerate(cols)})


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


def _float(s: str) -> float | None:
    try:
        return float(s) if s else None
    except ValueError:
        return None


def load_actors(path: Path) -> list[ActorEntry]:
    """Actor entries of one file."""
    out = []
    for r in read_tsv(path, "actors"):
        v = r.values
        try:
            codes = parse_codes(v["codes"])
        except ValueError as e:
            raise KBError(f"{r.where()}: {v['id']}: {e}") from None
        out.append(
            ActorEntry(v["id"], v["type"], v["name_en"], v["name_ar"], _split(v["aliases_ar"]), v["country"], codes,
                       v["desc_en"], v["qid"], r.where())
        )
    return out


def load_agents(path: Path) -> list[AgentEntry]:
    """Agent entries."""
    return [AgentEntry(r.values["id"], _split(r.values["forms_ar"]), r.values["sector"], r.values["name_en"],
                       r.values["note"]) for r in read_tsv(path, "agents")]


def load_countries(path: Path) -> list[Country]:
    """Countries."""
    return [
        Country(v["iso3"], v["iso2"], v["name_en"], _split(v["names_ar"]), _split(v["adjectives_ar"]), v["capital_en"],
                v["capital_ar"], _float(v["lat"]), _float(v["lon"]))
        for v in (r.values for r in read_tsv(path, "countries"))
    ]


def load_metonyms(path: Path) -> list[Metonym]:
    """Metonyms."""
    return [Metonym(v["form_ar"], v["code"], v["name_en"], v["note"]) for v in (r.values for r in read_tsv(path, "metonyms"))]


def load_places(path: Path) -> list[Place]:
    """Gazetteer entries (rows without coordinates are skipped)."""
    out = []
    for r in read_tsv(path, "places"):
        v = r.values
        lat, lon = _float(v["lat"]), _float(v["lon"])
        if lat is None or lon is None:
            continue
        try:
            pop = int(float(v["population"])) if v["population"] else 0
        except ValueError:
            pop = 0
        out.append(Place(v["id"], v["name_en"], v["name_ar"], _split(v["aliases_ar"]), v["feature"], v["country"],
                         v["admin1"], lat, lon, pop))
    return out


def load_roles(path: Path) -> list[RoleHolder]:
    """Role holders (a role phrase, the person holding it and when)."""
    return [RoleHolder(_split(v["form_ar"]), v["actor"], v["start"], v["end"], v["note"])
            for v in (r.values for r in read_tsv(path, "roles"))]


def load_patterns(path: Path) -> list[Pattern]:
    """Trigger patterns."""
    out = []
    for r in read_tsv(path, "patterns"):
        v = r.values
        out.append(Pattern(v["id"], v["cameo"], _split(v["forms_ar"]), v["voice"] or VOICE_ACTIVE, _split(v["target"]),
                           _split(v["requires"]), _split(v["excludes"]), v["note"]))
    return out
