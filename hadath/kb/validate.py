"""Validation of dictionary files (``hadath kb validate``; run in the tests)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hadath.errors import KBError
from hadath.kb import loader
from hadath.kb.kb import _data_files, phrase_key
from hadath.kb.schema import CODE_RE, VOICE_ACTIVE, VOICES
from hadath.text.normalize import ARABIC_LETTER_RE

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
ACTOR_TYPES = {"person", "organisation", "armed_group", "party", "igo", "media", "tribe", "state"}
PLACE_FEATURES = {"country", "admin1", "admin2", "city", "town", "region", "water", "landmark", "site", "base",
                  "village", "district"}
CAMEO_RE = re.compile(r"^\d{2,4}$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class KBProblem:
    """One validation finding."""

    severity: str  # error | warning
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def _arabic(s: str) -> bool:
    return bool(ARABIC_LETTER_RE.search(s))


def validate(dirs: list[Path] | None = None) -> list[KBProblem]:
    """All problems of the dictionaries in ``dirs`` (default: the bundled data folder)."""
    folders = dirs or [loader.DATA_DIR]
    out: list[KBProblem] = []
    err = lambda w, m: out.append(KBProblem("error", w, m))  # noqa: E731
    warn = lambda w, m: out.append(KBProblem("warning", w, m))  # noqa: E731
    files = _data_files(folders)
    countries: set[str] = set()
    for kind, path in files:
        if kind == "countries":
            try:
                countries |= {c.iso3 for c in loader.load_countries(path)}
            except KBError as e:
                err(path.name, str(e))
    seen_ids: dict[str, str] = {}
    actor_forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, path in files:
        try:
            rows = list(loader.read_tsv(path, kind))
        except KBError as e:
            err(path.name, e.message)
            continue
        with open(path, encoding="utf-8") as f:
            head = f.read(400)
        if "# source:" not in head or "# date:" not in head:
            err(path.name, "header comments '# source:' and '# date:' missing")
        for r in rows:
            v, w = r.values, r.where()
            if kind == "actors":
                _id = v["id"]
                if not ID_RE.match(_id):
                    err(w, f"malformed id {_id!r}")
                if _id in seen_ids:
                    err(w, f"duplicate id {_id!r} (also {seen_ids[_id]})")
                seen_ids[_id] = w
                if v["type"] not in ACTOR_TYPES:
                    err(w, f"{_id}: unknown type {v['type']!r}")
                if not v["name_en"]:
                    err(w, f"{_id}: no English name")
                if not _arabic(v["name_ar"]):
                    err(w, f"{_id}: name_ar {v['name_ar']!r} has no Arabic letters")
                for al in v["aliases_ar"].split("|"):
                    if al.strip() and not _arabic(al):
                        err(w, f"{_id}: alias {al!r} has no Arabic letters")
                if v["country"] and v["country"] not in countries and countries:
                    err(w, f"{_id}: unknown country {v['country']!r}")
                try:
                    from hadath.kb.schema import parse_codes

                    parse_codes(v["codes"])
                except ValueError as e:
                    err(w, f"{_id}: {e}")
                for form in [v["name_ar"], *v["aliases_ar"].split("|")]:
                    k = phrase_key(form)
                    if k and _id not in [i for i, _ in actor_forms[k]]:
                        actor_forms[k].append((_id, v["codes"]))
            elif kind == "agents":
                if not ID_RE.match(v["id"]):
                    err(w, f"malformed agent id {v['id']!r}")
                if not CODE_RE.match(v["sector"]):
                    err(w, f"{v['id']}: malformed sector {v['sector']!r}")
                if not any(_arabic(f) for f in v["forms_ar"].split("|")):
                    err(w, f"{v['id']}: no Arabic forms")
            elif kind == "countries":
                if not ISO3_RE.match(v["iso3"]):
                    err(w, f"malformed ISO3 {v['iso3']!r}")
                if not _arabic(v["names_ar"]):
                    err(w, f"{v['iso3']}: no Arabic name")
            elif kind == "places":
                try:
                    lat, lon = float(v["lat"]), float(v["lon"])
                    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                        err(w, f"{v['id']}: coordinates out of range ({lat}, {lon})")
                except ValueError:
                    err(w, f"{v['id']}: coordinates missing or not numbers")
                if v["feature"] not in PLACE_FEATURES:
                    err(w, f"{v['id']}: unknown feature {v['feature']!r}")
                if not _arabic(v["name_ar"]):
                    err(w, f"{v['id']}: name_ar has no Arabic letters")
                if v["country"] and countries and v["country"] not in countries:
                    warn(w, f"{v['id']}: unknown country {v['country']!r}")
            elif kind == "patterns":
                if not CAMEO_RE.match(v["cameo"]):
                    err(w, f"{v['id']}: malformed CAMEO code {v['cameo']!r}")
                if (v["voice"] or VOICE_ACTIVE) not in VOICES:
                    err(w, f"{v['id']}: unknown voice {v['voice']!r}")
                if not any(_arabic(f) for f in v["forms_ar"].split("|")):
                    err(w, f"{v['id']}: no Arabic forms")
                if v["id"] in seen_ids:
                    err(w, f"duplicate pattern id {v['id']!r} (also {seen_ids[v['id']]})")
                seen_ids[v["id"]] = w
            elif kind == "metonyms" and not CODE_RE.match(v["code"]):
                err(w, f"malformed code {v['code']!r}")
    for form, ids in actor_forms.items():
        if len(ids) > 1:
            warn("actors", f"surface form {form!r} names {len(ids)} actors: {', '.join(i for i, _ in ids)} "
                           "(tie broken by date validity and country context)")
    return out
