"""The typed document model.

An :class:`Article` goes in; the pipeline fills a :class:`Document` with sentences, tokens, mentions,
time expressions and events. Every offset (``start``/``end``) is a character offset into the
original, unnormalised ``Article.text`` (end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(slots=True)
class Article:
    """One input article. ``date`` is the ISO publication date that relative dates resolve against."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Span:
    """A character span of the original text."""

    start: int
    end: int


@dataclass(slots=True)
class Token:
    """A whitespace/punctuation token with its clitic analysis.

    ``norm`` is the normalised surface form; ``key`` the stem used for dictionary matching (proclitics,
    the article and, where the lexicon says so, an enclitic pronoun removed); ``prefix``/``suffix`` are
    the removed clitics in normalised form.
    """

    start: int
    end: int
    text: str
    norm: str
    key: str
    prefix: str = ""
    suffix: str = ""
    is_punct: bool = False


@dataclass(slots=True)
class Sentence:
    """A sentence: its character span and its token range ``[tok_start, tok_end)``."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str


class MentionKind(StrEnum):
    """What a dictionary mention refers to."""

    ACTOR = "actor"  # a specific person or organisation from the actor dictionary
    AGENT = "agent"  # a generic role noun (وزير الخارجية، القوات)
    STATE = "state"  # a country name or metonym acting as a state (روسيا، موسكو، الكرملين)
    NISBA = "nisba"  # a country adjective (الروسي، الليبية)
    PLACE = "place"  # a gazetteer entry
    TRIGGER = "trigger"  # an event pattern
    NAME = "name"  # an unknown person/organisation found by patterns


# The members as module constants, for hot loops: reading ``MentionKind.ACTOR`` goes through the __getattr__ hook
# of the Enum metaclass (~0.2 µs a read, ten times a module global), and the pipeline reads them thousands of times
# per article.
MK_ACTOR, MK_AGENT, MK_STATE, MK_NISBA = MentionKind.ACTOR, MentionKind.AGENT, MentionKind.STATE, MentionKind.NISBA
MK_PLACE, MK_TRIGGER, MK_NAME = MentionKind.PLACE, MentionKind.TRIGGER, MentionKind.NAME


@dataclass(slots=True)
class Mention:
    """A dictionary match over tokens ``[tok_start, tok_end)`` of the document."""

    kind: MentionKind
    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    entry_id: str
    sentence: int = -1


@dataclass(slots=True)
class ActorRef:
    """A resolved (or unresolved) actor filling an event role; field names follow spec/OUTPUT.md."""

    name: str
    name_en: str | None = None
    code: str | None = None
    id: str | None = None
    type: str | None = None
    country: str | None = None
    mentions: list[str] = field(default_factory=list)
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: spec fields first, then hadath's own."""
        return {
            "name": self.name,
            "name_en": self.name_en,
            "code": self.code,
            "mentions": list(self.mentions),
            "id": self.id,
            "type": self.type,
            "country": self.country,
        }


@dataclass(slots=True)
class PlaceRef:
    """A geocoded place."""

    name: str
    name_en: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    id: str | None = None
    admin1: str | None = None
    feature: str | None = None
    precision: str | None = None  # site | city | region | country

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: spec fields first, then hadath's own."""
        return {
            "name": self.name,
            "name_en": self.name_en,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "id": self.id,
            "admin1": self.admin1,
            "feature": self.feature,
            "precision": self.precision,
        }


@dataclass(slots=True)
class TimeExpr:
    """A time expression resolved against the article date."""

    start: int
    end: int
    text: str
    date: str | None
    precision: str  # day | week | month | year
    sentence: int = -1


@dataclass(slots=True)
class Event:
    """One coded event. ``to_dict`` gives the JSON Lines record of spec/OUTPUT.md plus extra fields."""

    id: str
    cameo: str
    source: ActorRef | None
    target: ActorRef | None
    date: str | None
    location: PlaceRef | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    rule: str
    trigger: str
    sentence: int
    root: str = ""
    quad_class: int | None = None
    goldstein: float | None = None
    plover: str | None = None
    cameo_name: str | None = None
    date_precision: str | None = None
    negated: bool = False
    modality: str | None = None  # None | intent | future | conditional | question
    background: bool = False
    reported: bool = False
    n_mentions: int = 1
    other_evidence: list[str] = field(default_factory=list)
    summary_en: str | None = None  # one English sentence built from the fields (no translation)
    summary_ar: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the fields of spec/OUTPUT.md first, then hadath's own."""
        return {
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "event_id": self.id,
            "root": self.root,
            "cameo_name": self.cameo_name,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date_precision": self.date_precision,
            "negated": self.negated,
            "modality": self.modality,
            "background": self.background,
            "reported": self.reported,
            "rule": self.rule,
            "trigger": self.trigger,
            "evidence_span": [self.evidence_start, self.evidence_end],
            "n_mentions": self.n_mentions,
            "summary_en": self.summary_en,
            "summary_ar": self.summary_ar,
        }


@dataclass(slots=True)
class ActorMention:
    """A phrase of the text that refers to an actor (a person, organisation, composed agent or state).

    ``prep`` is the preposition governing the phrase (a separate word like مع or a clitic like ب),
    ``head`` the kind of the entry that decided the identity (actor, agent, state, nisba, metonym).
    """

    tok_start: int
    tok_end: int
    start: int
    end: int
    sentence: int
    ref: ActorRef
    head: str
    prep: str = ""
    conj: bool = False  # starts with the conjunction و (coordination)
    role: str = ""  # the agent id of the phrase's role noun, if any (وزير الدفاع → mil.minister-defence)


@dataclass(slots=True)
class PlaceMention:
    """A geocoded place mentioned in a sentence, with its governing preposition."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    sentence: int
    ref: PlaceRef
    prep: str = ""


@dataclass(slots=True)
class Entity:
    """A named entity span (for ``hadath entities``): type PER, LOC or ORG."""

    start: int
    end: int
    type: str
    text: str
    source: str = ""  # "kb:<id>" or the pattern that found it

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of spec/OUTPUT.md (task ner)."""
        return {"start": self.start, "end": self.end, "type": self.type, "text": self.text, "source": self.source}


@dataclass(slots=True)
class Dateline:
    """A news dateline ("الرباط - رويترز"): its span, city and agency."""

    start: int
    end: int
    city: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class Document:
    """The container every pipeline stage reads and writes."""

    article: Article
    boilerplate: list[Span] = field(default_factory=list)
    dateline: Dateline | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    assigned: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The original article text."""
        return self.article.text

    def sentence_tokens(self, i: int) -> list[Token]:
        """The tokens of sentence ``i``."""
        s = self.sentences[i]
        return self.tokens[s.tok_start : s.tok_end]

    def to_dict(self) -> dict[str, Any]:
        """The output record of spec/OUTPUT.md: ``{"id", "events": [...]}`` plus article metadata."""
        a = self.article
        return {
            "id": a.id,
            "date": a.date,
            "title": a.title,
            "outlet": a.outlet,
            "events": [e.to_dict() for e in self.events],
        }
