"""Typed records of the dictionary files (formats in ``hadath/data/README.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hadath.model import PlaceRef  # (at module level: an import inside to_ref ran for every place mention)

CODE_RE = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class CodePeriod:
    """An actor code valid from ``start`` to ``end`` (ISO strings, either may be empty = open)."""

    code: str
    start: str = ""
    end: str = ""

    def valid_on(self, date: str | None) -> bool:
        """True if ``date`` (ISO) lies in the period; an unknown date matches every period."""
        if not date:
            return True
        d = date[:10]
        if self.start and d < _pad(self.start, low=True):
            return False
        return not (self.end and d > _pad(self.end, low=False))

    def __str__(self) -> str:
        if not self.start and not self.end:
            return self.code
        return f"{self.code}@{self.start}..{self.end}"


def _pad(d: str, low: bool) -> str:
    if len(d) == 4:
        return d + ("-01-01" if low else "-12-31")
    if len(d) == 7:
        return d + ("-01" if low else "-31")
    return d


def parse_codes(field_: str) -> list[CodePeriod]:
    """Parse ``CODE@START..END;CODE2`` into periods; raises ValueError on malformed parts."""
    out: list[CodePeriod] = []
    for part in field_.split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, rng = part.partition("@")
        code = code.strip()
        if not CODE_RE.match(code):
            raise ValueError(f"malformed code {code!r}")
        start = end = ""
        if rng:
            if ".." not in rng:
                raise ValueError(f"malformed range {rng!r} (want START..END)")
            start, end = (x.strip() for x in rng.split("..", 1))
            for d in (start, end):
                if d and not DATE_RE.match(d):
                    raise ValueError(f"malformed date {d!r}")
            if start and end and _pad(start, True) > _pad(end, False):
                raise ValueError(f"range {rng!r} ends before it starts")
        out.append(CodePeriod(code, start, end))
    return out


@dataclass(slots=True)
class ActorEntry:
    """A specific person or organisation."""

    id: str
    type: str
    name_en: str
    name_ar: str
    aliases: list[str]
    country: str
    codes: list[CodePeriod]
    desc_en: str = ""
    qid: str = ""
    source: str = ""

    def code_on(self, date: str | None) -> str | None:
        """The actor's code on ``date``: the period containing it, else the nearest one, else country."""
        if not self.codes:
            return self.country or None
        valid = [c for c in self.codes if c.valid_on(date)]
        if valid:
            # the most specific (latest-starting) period that contains the date
            return max(valid, key=lambda c: c.start).code
        if date:
            before = [c for c in self.codes if c.end and c.end[:10] < date[:10]]
            if before:
                return max(before, key=lambda c: c.end).code
        return self.codes[0].code


@dataclass(slots=True)
class AgentEntry:
    """A generic role noun/phrase with its sector code."""

    id: str
    forms: list[str]
    sector: str
    name_en: str
    note: str = ""

    @property
    def full_code(self) -> bool:
        """True when the sector is a complete code (IMGHOU) rather than a suffix to compose (GOV)."""
        return len(self.sector) > 3


@dataclass(slots=True)
class Country:
    """A state with its Arabic names, nisba adjectives and capital."""

    iso3: str
    iso2: str
    name_en: str
    names_ar: list[str]
    adjectives: list[str]
    capital_en: str
    capital_ar: str
    lat: float | None
    lon: float | None


@dataclass(slots=True)
class RoleHolder:
    """A role phrase naming one person at a time ("الأمين العام لحزب الله"), with one holder and the period."""

    forms: list[str]
    actor: str
    start: str = ""  # YYYY[-MM[-DD]], empty = open
    end: str = ""
    note: str = ""

    def held_on(self, date: str) -> bool:
        """True when the holder held the role on ``date`` (``YYYY-MM-DD``; a partial bound covers its period)."""
        d = date[:10]
        return (not self.start or d >= self.start) and (not self.end or d[:len(self.end)] <= self.end)


@dataclass(slots=True)
class Metonym:
    """A word standing for a state or body (البيت الأبيض → USAGOV)."""

    form: str
    code: str
    name_en: str
    note: str = ""


@dataclass(slots=True)
class Place:
    """A gazetteer entry."""

    id: str
    name_en: str
    name_ar: str
    aliases: list[str]
    feature: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int = 0

    def to_ref(self, precision: str | None = None) -> PlaceRef:
        """The :class:`~hadath.model.PlaceRef` of this entry; ``precision`` defaults to the feature's."""
        return PlaceRef(self.name_ar, self.name_en, self.country or None, self.lat, self.lon, self.id,
                        self.admin1 or None, self.feature, precision or FEATURE_PRECISION.get(self.feature, "city"))


# how precisely a gazetteer feature locates an event
FEATURE_PRECISION = {"country": "country", "admin1": "region", "region": "region", "water": "region",
                     "landmark": "site", "site": "site", "base": "site"}


# a pattern's voice (the "voice" column of hadath/data/patterns/*.tsv): how its trigger word takes its parties
VOICE_ACTIVE = "active"
VOICE_PASSIVE = "passive"
VOICE_NOUN = "noun"  # a verbal noun (masdar) or another event noun
VOICE_SAID = "said"  # an evaluative word, coded only inside reported speech (hadath/data/patterns/said.tsv)
VOICES = frozenset({VOICE_ACTIVE, VOICE_PASSIVE, VOICE_NOUN, VOICE_SAID})


@dataclass(slots=True)
class Pattern:
    """An event trigger pattern."""

    id: str
    cameo: str
    forms: list[str]
    voice: str
    target: list[str]
    requires: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    note: str = ""
