"""Sentence-level event coding from trigger patterns and actor phrases.

For each trigger (a pattern hit) the coder finds the source and target among the sentence's actor
phrases using Arabic clause structure:

* active verbs: the subject right after the verb (VSO: "زار حفتر ...") or before it within the
  clause (SVO / topicalised: "... أن حفتر زار ..."); the target is the first phrase after the trigger
  governed by one of the pattern's prepositions (``مع``، ``ب``، ``على``، ``إلى`` …) or, for ``OBJ``,
  the first phrase with no preposition after the subject;
* passive verbs: the grammatical subject is the target; the source is introduced by ``من قبل``/``على يد``;
* nouns (masdars): the source is the subject of the light verb before them ("عقد X اجتماعًا مع Y") or
  their genitive ("زيارة حفتر إلى ..."); ``بين X و Y`` gives both roles;
* coordination ("X و Y") yields one event per conjunct.

Filters mark negation, modality (intent, future, condition, question) and background (dates long
before the article date). Each event gets a date (the sentence's time expression, else the article
date), a place (the sentence's place phrase, else the destination of a visit, else the dateline
city), the pattern that fired and a confidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from hadath.coding import cameo
from hadath.kb.kb import KnowledgeBase, phrase_key
from hadath.kb.schema import Pattern
from hadath.model import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    Mention,
    MentionKind,
    PlaceMention,
    PlaceRef,
    TimeExpr,
    Token,
)
from hadath.text.dates import parse_iso

NEGATORS = frozenset(["لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "دون", "بدون", "غير"])
NEGATING_VERBS = frozenset("نفى نفت ينفي تنفي نفوا نفي".replace("ى", "ي").split())
INTENT = frozenset(
    "يعتزم تعتزم يعتزمون اعتزام ينوي تنوي نيه يرغب ترغب مستعد مستعده استعداد استعدادها استعداده "
    "يسعى تسعى يريد تريد يخطط تخطط".replace("ى", "ي").split()
)
CONDITIONAL = frozenset(["اذا", "لو", "حال"])
FUTURE = frozenset(["سوف", "سيتم", "ستتم"])
FUTURE_KEYS = frozenset(["مقرر", "منتظر", "مرتقب", "متوقع", "يتوقع", "يرتقب", "ينتظر", "تقرر", "مزمع", "يعتزم", "تعتزم"])
CLAUSE_MARKERS = frozenset(
    ["ان", "انه", "انها", "انهم", "بان", "بانه", "لان", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث", "بينما", "فيما", "عندما", "بعدما", "قبلما", "كما", "لكن", "لكنه", "غير_ان", "قائلا", "مؤكدا", "مضيفا", "مشيرا", "موضحا", "معتبرا"]
)
CLAUSE_PUNCT = frozenset(".؛;:!؟?«»\"“”")
LIGHT_VERBS = frozenset(
    ["عقد", "عقدت", "عقدوا", "يعقد", "تعقد", "اجري", "اجرت", "اجروا", "يجري", "تجري", "بحث", "بحثت", "شن", "شنت", "شنوا", "يشن", "تشن", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "قام", "قامت", "قاموا", "يقوم", "تقوم", "نظم", "نظمت", "ينظم", "تنظم", "قدم", "قدمت", "يقدم", "تقدم", "وجه", "وجهت", "يوجه", "توجه", "بدا", "بدات", "يبدا", "تبدا", "واصل", "واصلت", "يواصل", "تواصل", "اطلق", "اطلقت", "يطلق", "تطلق"]
)
MOVEMENT_CODES = ("042", "043", "044")
SYMMETRIC_ROOTS = ("04", "05", "06", "19")
LOCATIVE = frozenset(["في", "ب", "داخل", "قرب", "عند", "قبالة", "قباله", "شمال", "جنوب", "شرق", "غرب", "وسط", "بالقرب"])
PREP_WORDS = {"الى": ("الى", "الي"), "على": ("على", "علي"), "مع": ("مع",), "ضد": ("ضد",), "في": ("في",),
              "من": ("من",), "عن": ("عن",), "بين": ("بين",), "تجاه": ("تجاه",), "امام": ("امام",), "لدى": ("لدى", "لدي")}
# nouns between a preposition and the real target: "غارات على مواقع تنظيم داعش"
TARGET_HEADS = frozenset(
    ["مواقع", "موقع", "مقرات", "مقر", "معاقل", "معقل", "اهداف", "اهدافا", "هدف", "تجمعات", "تجمع", "تحصينات", "مراكز", "مركز", "مخازن", "مخزن", "عناصر", "عنصر", "مسلحي", "مقاتلي", "معسكرات", "معسكر", "قواعد", "قاعده", "مناطق", "منطقه", "نقاط", "نقطه", "اوكار", "ثكنات", "ثكنه", "دوريه", "دوريات", "رتل", "ارتال", "عربات", "عربه", "سيارات", "سياره", "منازل", "منزل", "مواكب", "موكب", "تنظيم", "جماعه", "حركه", "حزب", "فصيل", "فصائل", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "قوات", "جيش", "مسلحي", "مقاتلين", "مسلحين", "انصار", "انصار", "عناصر"]
)


NUMERALS = frozenset(
    ["اثنين", "اثنان", "اثنتين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات", "مئات", "الاف", "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مئه", "مائه", "الف", "عده"]
)


ATTACK_NOUNS = frozenset(
    ["غاره", "غارات", "هجوم", "هجمات", "قصف", "تفجير", "تفجيرات", "انفجار", "اشتباكات", "اشتباك", "معارك", "معركه", "كمين", "عمليه", "ضربه", "ضربات", "مواجهات", "قتال"]
)
CAUSE_WORDS = frozenset(["في", "ب", "جراء", "اثر", "نتيجه", "خلال", "بسبب"])


def _killed_in_attack(toks: list[Token], tj: int) -> bool:
    """"... في غارة", "... جراء قصف": the killing verb reports casualties of an attack (passive reading)."""
    for k in range(tj, min(len(toks), tj + 10)):
        t = toks[k]
        if t.text in ".؛":
            return False
        if t.key in ATTACK_NOUNS and (t.prefix.lstrip("و")[:1] == "ب" or (k > 0 and toks[k - 1].norm in CAUSE_WORDS)):
            return True
    return False


@lru_cache(maxsize=8192)
def _padded_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """" key " strings of a pattern's requires/excludes words, computed once per word list."""
    return tuple(f" {k} " for k in (phrase_key(w) for w in words) if k)


@dataclass(frozen=True, slots=True)
class _KeySet:
    """The padded keys of a word list split for a fast test against a window of tokens: one-word keys as a set
    (" key " is a substring of " k1 k2 ... " exactly when it is one of the window's keys), phrases as strings."""

    words: frozenset[str]
    phrases: tuple[str, ...]

    def found(self, window: _Window) -> bool:
        """True when one of the keys occurs in the window (as ``" key " in window_string`` would say)."""
        if not self.words.isdisjoint(window[0]):
            return True
        # (most key sets have no phrase: no generator for them, this runs for every reading)
        return bool(self.phrases) and any(k in window[1] for k in self.phrases)


# a window of token keys: (the set of its keys, " k1 k2 ... ")
_Window = tuple[frozenset[str], str]


@lru_cache(maxsize=8192)
def _key_set(words: tuple[str, ...]) -> _KeySet:
    keys = _padded_keys(words)
    return _KeySet(frozenset(k[1:-1] for k in keys if " " not in k[1:-1]),
                   tuple(k for k in keys if " " in k[1:-1]))


_PREP_ALIASES = {"إلى": "الى", "على": "على", "عليه": "على"}
_PLACE_PREPS: dict[str, tuple[str, ...]] = {"04": ("الى", "ل", ""), "17": ("على", "ضد"), "18": ("على", "ضد", "في"),
                                            "19": ("على", "ضد"), "20": ("على", "ضد", "في")}


@dataclass(slots=True)
class _PatInfo:
    """What the coder needs of one pattern, computed once per pattern (not per trigger)."""

    requires: _KeySet | None
    excludes: _KeySet | None
    target_preps: tuple[str, ...]
    place_preps: tuple[str, ...] | None  # where a place stands for the target (movement and attacks)
    place_preps_obj: tuple[str, ...] | None  # the same while "OBJ" is among the target prepositions


def _pattern_info(p: Pattern) -> _PatInfo:
    target_preps = tuple(_PREP_ALIASES.get(w, w) for w in
                         (w.replace("الي", "الى").replace("علي", "على") for w in p.target))
    place_preps = _PLACE_PREPS.get(p.cameo[:2])
    place_preps_obj = place_preps
    if place_preps and p.cameo[:2] in ("18", "19", "20"):
        place_preps_obj = place_preps + ("",)  # "قصفت قوات المعارضة قريتي نبل والزهراء"
    return _PatInfo(_key_set(tuple(p.requires)) if p.requires else None,
                    _key_set(tuple(p.excludes)) if p.excludes else None, target_preps, place_preps,
                    place_preps_obj)


# per knowledge base: pattern id -> _PatInfo (filled lazily; a KB's patterns never change after compile)
_PAT_INFO: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, _PatInfo]] = weakref.WeakKeyDictionary()


@dataclass(slots=True)
class _Span:
    """What all readings (patterns) of one trigger span share, computed once per span.

    The window strings are filled at once (the requires/excludes checks need them); the clause and its
    actor phrases only when a reading gets past those checks (``ready``).
    """

    ti: int
    tj: int
    after: _Window  # the keys of the 10 tokens after the trigger
    before4_: _Window | None = None  # ... of the 4 tokens before it (see before4)
    before3_: _Window | None = None  # ... of the 3 tokens before it (see before3)
    ready: bool = False
    before: list[str] = field(default_factory=list)
    negated: bool = False
    intent: bool = False
    future: bool = False  # future marked without the pattern (س prefix, سوف ...)
    future_ctx: dict[bool, bool] = field(default_factory=dict)  # p.voice == "noun" -> _future_context
    conditional: bool = False
    question: bool = False
    left: int = 0
    right: int = 0
    actors: list[ActorMention] = field(default_factory=list)
    pre: list[tuple[int, int, ActorMention]] = field(default_factory=list)
    post: list[tuple[int, int, ActorMention]] = field(default_factory=list)
    pre_free: list[tuple[int, int, ActorMention]] = field(default_factory=list)

    def before4(self, toks: list[Token]) -> _Window:
        """The keys of the 4 tokens before the trigger (computed on first use)."""
        if self.before4_ is None:
            self.before4_ = _keys_window(toks, self.ti - 4, self.ti)
        return self.before4_

    def before3(self, toks: list[Token]) -> _Window:
        """The keys of the 3 tokens before the trigger (computed on first use)."""
        if self.before3_ is None:
            self.before3_ = _keys_window(toks, self.ti - 3, self.ti)
        return self.before3_


def _keys_window(toks: list[Token], a: int, b: int) -> _Window:
    """The keys of ``toks[a:b]`` (negative bounds clamp to 0) as a set and as " k1 k2 ... " (for phrases)."""
    keys = [t.key for t in toks[max(0, a):max(0, b)]]
    return frozenset(keys), " " + " ".join(keys) + " "


def _actor_evidence(sa: ActorMention | None, ta: ActorMention | None) -> float:
    """Confidence adjustment from how well the actors are identified (measured on events-dev: events whose
    source has no code were right 5% of the time, with a dictionary actor 57%)."""
    adj = 0.0
    if sa is not None:
        if not sa.ref.code:
            adj -= 0.15
        elif sa.ref.id:
            adj += 0.05
    if ta is not None:
        if not ta.ref.code:
            adj -= 0.1
        elif ta.ref.id:
            adj += 0.05
    return adj


def _masdar_like(key: str) -> bool:
    """Verbal-noun templates of the derived forms (never the shape of their perfect or imperfect verbs):
    تفعيل (تدريب)، مفاعلة (مشاركه)، إفعال (اطلاق)، افتعال (اعتقال، اتفاق)، انفعال، استفعال (استهداف)."""
    n = len(key)
    if n == 5 and key[0] == "ت" and key[3] == "ي":
        return True  # تفعيل
    if n == 6 and key[0] == "م" and key[2] == "ا" and key[-1] == "ه":
        return True  # مفاعله
    if n == 5 and key[0] == "ا" and key[3] == "ا":
        return True  # افعال / افتعال of assimilated roots (اتفاق)
    if n == 6 and key[0] == "ا" and key[4] == "ا" and key[2] in "تطد":
        return True  # افتعال
    if n == 6 and key.startswith("ان") and key[4] == "ا":
        return True  # انفعال
    return n == 7 and key.startswith("است") and key[5] == "ا"  # استفعال


def _numeral_before(toks: list[Token], i: int) -> bool:
    """True when the token before ``i`` is a number ("26 شخصا"، "ستة أشخاص")."""
    if i <= 0:
        return False
    t = toks[i - 1]
    return t.norm[:1].isdigit() or t.key in NUMERALS or t.norm in NUMERALS


def _resumptive_subject(toks: list[Token], tj: int, post: list[tuple[int, int, ActorMention]]
                        ) -> tuple[int, int, ActorMention] | None:
    """"غارات (التي) شنتها طائرات النظام": the subject of a light verb that resumes the noun."""
    k = tj
    if k < len(toks) and toks[k].norm in ("التي", "الذي"):
        k += 1
    if k < len(toks) and toks[k].suffix in ("ها", "ه", "هما", "هم") and (
            toks[k].key in LIGHT_VERBS or toks[k].norm[: -len(toks[k].suffix)] in LIGHT_VERBS):
        for x in post:
            if x[0] in (k + 1, k + 2) and not x[2].prep:
                return x
    return None


def _first_prep_at(toks: list[Token], start: int, end: int, prep: str) -> int | None:
    """Index of the first token from ``start`` that is (or carries) the preposition ``prep``."""
    words = PREP_WORDS.get(prep)
    for i in range(start, min(end, len(toks))):
        t = toks[i]
        if words and t.norm in words:
            return i
        if not words and t.prefix.lstrip("وف")[:1] == prep:
            return i
    return None


FRAME_NOUNS = frozenset(
    ["ذكري", "ذكرى", "حول", "قضيه", "قضايا", "سياسه", "مكافحه", "منع", "ادانه", "تحقيق", "تحقيقات", "ملف", "ملفات", "بشان", "تهمه", "تهم", "خطر", "مخاطر", "موجه", "ظاهره", "جرائم", "جريمه", "مسؤوليه", "ضحايا", "حالات", "حاله", "احتمال", "امكانيه", "مخطط", "مخططات", "تهديد", "تهديدات", "وقف", "انهاء", "ضد", "مناهضه", "رفض", "لرفض", "استنكار", "تنديد", "عقوبه", "عقوبات", "قانون", "مشروع", "تاريخ", "ثقافه"]
)
RECEIVE_VERBS = frozenset(["تلقي", "تلقت", "يتلقي", "تتلقي", "تلقوا", "تسلم", "تسلمت", "يتسلم", "تتسلم", "استلم", "استلمت"])
PRECISION_ORDER = {"site": 0, "city": 1, "region": 2, "country": 3}
RELATIVES = frozenset(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"])
PREPOSITIONS_IMPLICIT = frozenset(["في", "على", "علي", "الى", "الي", "مع", "من", "عن", "ب", "ل", "امس", "اليوم", "خلال", "بعد", "قبل", "ان", "انه", "انها", "بان"])
# what an intention to do a thing is coded as (CAMEO practice: "سيزور" is 036, not 042)
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "18": "138", "19": "138", "20": "138"}


@dataclass
class CoderSettings:
    """Tunable coder settings (``[stages.events]`` in the pipeline config)."""

    min_confidence: float = 0.0
    require_actor: bool = True  # drop events with neither source nor target
    keep_negated: bool = False
    statements: bool = False  # code bare 010 statements
    require_target: bool = True  # drop events without a target (except the roots below)
    targetless_roots: tuple[str, ...] = ("015", "016", "14", "15", "18", "19", "20")  # code prefixes
    window: int = 12  # tokens searched for an argument on each side
    bare_noun_penalty: float = 0.1  # a masdar with neither a light verb nor a genitive subject is weak evidence
    unanchored_penalty: float = 0.15  # violent/protest events in a sentence with no time or place
    victims_only_penalty: float = 0.0  # violence reported only through its victims (0: keep them, passive)
    background_days: int = 30
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class _Sent:
    idx: int
    toks: list[Token]
    start: int  # doc token index of the sentence start
    actors: list[ActorMention]
    places: list[PlaceMention]
    times: list[TimeExpr]


class EventCoder:
    """Codes the events of one :class:`Document` (needs mentions, actor phrases and times)."""

    def __init__(self, kb: KnowledgeBase, settings: CoderSettings | None = None, trace: bool = True) -> None:
        self.kb = kb
        self.s = settings or CoderSettings()
        self._tracing = trace  # False: don't record why triggers were not coded (the pipeline stage)
        pinfo = _PAT_INFO.get(kb)
        if pinfo is None:
            pinfo = _PAT_INFO[kb] = {}
        self._pinfo = pinfo
        self._spans: dict[tuple[int, int], _Span] = {}
        self._doc_date: str | None = None  # the lead's date, per article (set by code)
        self._doc_place: PlaceRef | None = None  # the article's default place, per article (set by code)
        self._last_meeting: tuple[ActorRef | None, ActorRef | None] | None = None
        self.trace: list[tuple[Mention, str]] = []  # (trigger, why it produced no event), for `explain`

    # ------------------------------------------------------------------ public

    def code(self, doc: Document) -> list[Event]:
        """All events of the document, merged within the article (one per happening)."""
        self._spans.clear()
        self._doc_date = self._lead_date(doc)
        self._doc_place = self._article_place(doc)
        events: list[Event] = []
        by_sent: dict[int, _Sent] = {}
        for i, s in enumerate(doc.sentences):
            by_sent[i] = _Sent(i, doc.tokens[s.tok_start:s.tok_end], s.tok_start, [], [], [])
        for am in doc.actor_mentions:
            by_sent[am.sentence].actors.append(am)
        for pm in doc.place_mentions:
            by_sent[pm.sentence].places.append(pm)
        for t in doc.times:
            if t.sentence in by_sent:
                by_sent[t.sentence].times.append(t)
        last_subject: ActorRef | None = None
        trig = [m for m in doc.mentions if m.kind == MentionKind.TRIGGER]
        i = 0
        while i < len(trig):
            # all patterns sharing one trigger span are readings of one word: keep the best reading
            j = i
            while j < len(trig) and (trig[j].tok_start, trig[j].tok_end) == (trig[i].tok_start, trig[i].tok_end):
                j += 1
            sent = by_sent[trig[i].sentence]
            pats = [self.kb.patterns[m.entry_id] for m in trig[i:j]]
            has_passive = any(pt.voice == "passive" for pt in pats)
            if has_passive and _killed_in_attack(sent.toks, trig[i].tok_end - sent.start):
                # "قتل زعيم التنظيم في غارة أمريكية": قُتل, the passive reading
                pats_m = [(m, pt) for m, pt in zip(trig[i:j], pats, strict=False) if pt.voice != "active"]
                if pats_m:
                    trig_sub, pats = [m for m, _ in pats_m], [pt for _, pt in pats_m]
                else:
                    trig_sub = list(trig[i:j])
            else:
                trig_sub = list(trig[i:j])
            sp = self._span(sent, trig[i])  # shared by the readings: one span
            readings = [(self._code_trigger(doc, sent, m, pt, last_subject, sp), pt.voice)
                        for m, pt in zip(trig_sub, pats, strict=False)]
            readings = [r for r in readings if r[0]]
            if readings:
                chosen = max(readings, key=lambda r: _reading_score(r[0], r[1], has_passive))[0]
                events.extend(chosen)
                for e in chosen:
                    if (e.cameo[:3] in ("040", "041", "043", "044", "046") and e.target is not None
                            and e.source is not None and e.target.type != "state"):
                        self._last_meeting = (e.source, e.target)
            i = j
            subj = self._first_subject(sent)
            if subj is not None:
                last_subject = subj
        return self._merge(doc, [e for e in events if e.confidence >= self.s.min_confidence])

    # ------------------------------------------------------------------ one trigger

    def _first_subject(self, sent: _Sent) -> ActorRef | None:
        for a in sent.actors:
            if not a.prep and a.ref.code:
                return a.ref
        return None

    def _span(self, sent: _Sent, m: Mention) -> _Span:
        """The shared context of the trigger span of ``m`` (the window strings; the rest on demand)."""
        k = (m.tok_start, m.tok_end)
        sp = self._spans.get(k)
        if sp is None:
            toks = sent.toks
            ti, tj = m.tok_start - sent.start, m.tok_end - sent.start  # trigger span, sentence-relative
            sp = self._spans[k] = _Span(ti, tj, _keys_window(toks, tj, tj + 10))
        return sp

    def _ready(self, sent: _Sent, sp: _Span) -> None:
        """Fill the pattern-independent filters, the clause window and its actor phrases of a span."""
        toks = sent.toks
        ti, tj = sp.ti, sp.tj
        sp.ready = True
        before = sp.before = [t.norm for t in toks[max(0, ti - 3):ti]]
        sp.negated = not NEGATORS.isdisjoint(before[-2:]) or not NEGATING_VERBS.isdisjoint(before)
        # (the 5 words before the trigger include ``before``, its last 3)
        sp.intent = not INTENT.isdisjoint([t.norm for t in toks[max(0, ti - 5):ti]])
        sp.future = toks[ti].prefix.endswith("س") or not FUTURE.isdisjoint(before)
        sp.conditional = not CONDITIONAL.isdisjoint(before)
        sp.question = bool(toks) and toks[-1].text in "؟?"
        # clause window
        left = ti
        while left > 0 and ti - left < self.s.window:
            t = toks[left - 1]
            if t.norm in CLAUSE_MARKERS or t.text in CLAUSE_PUNCT:
                break
            left -= 1
        right = tj
        while right < len(toks) and right - tj < self.s.window + 8:
            t = toks[right]
            if t.text in CLAUSE_PUNCT and t.text not in "«»\"“”":
                break
            if right > tj and t.norm in CLAUSE_MARKERS and t.norm not in ("كما",):
                break
            right += 1
        sp.left, sp.right = left, right
        actors = sp.actors = [a for a in sent.actors
                              if not (a.tok_start - sent.start < tj and a.tok_end - sent.start > ti)]  # not overlapping trigger
        rel = [(a.tok_start - sent.start, a.tok_end - sent.start, a) for a in actors]
        sp.pre = [(s, e, a) for s, e, a in rel if left <= s and e <= ti]
        sp.post = [(s, e, a) for s, e, a in rel if tj <= s < right]
        sp.pre_free = [x for x in sp.pre if not x[2].prep]

    def _code_trigger(self, doc: Document, sent: _Sent, m: Mention, p: Pattern,
                      last_subject: ActorRef | None, sp: _Span | None = None) -> list[Event]:
        pi = self._pinfo.get(p.id)
        if pi is None:
            pi = self._pinfo[p.id] = _pattern_info(p)
        if sp is None:
            sp = self._span(sent, m)
        if p.requires and not (pi.requires is not None and (pi.requires.found(sp.after)
                                                            or pi.requires.found(sp.before4(sent.toks)))):
            if self._tracing:
                self.trace.append((m, f"pattern {p.id} needs one of {'|'.join(p.requires)} nearby"))
            return []
        if pi.excludes is not None and (pi.excludes.found(sp.after) or pi.excludes.found(sp.before3(sent.toks))):
            if self._tracing:
                self.trace.append((m, f"pattern {p.id} vetoed by one of {'|'.join(p.excludes)}"))
            return []
        toks = sent.toks
        ti, tj = sp.ti, sp.tj
        if not sp.ready:
            self._ready(sent, sp)
        # filters
        negated = sp.negated
        if negated and not self.s.keep_negated:
            if self._tracing:
                self.trace.append((m, "negated (" + " ".join(sp.before) + ")"))
            return []
        modality = None
        if sp.intent:
            modality = "intent"
        elif sp.future or self._future_ctx(sp, toks, p):
            modality = "future"
        elif sp.conditional:
            modality = "conditional"
        elif sp.question:
            modality = "question"
        # a state described in a relative clause ("المناطق التي يسيطر عليها التنظيم") is not an event
        relative_state = (ti > 0 and toks[ti - 1].norm in RELATIVES and voice_is_verb(p)
                          and toks[ti].norm[:1] in ("ي", "ت") and not toks[ti].prefix)
        left, right = sp.left, sp.right
        actors = sp.actors
        pre, post = sp.pre, sp.post
        sources: list[ActorMention] = []
        targets: list[ActorMention] = []
        conf = 0.85
        voice = p.voice
        target_preps = pi.target_preps

        def conj_chain(start_list: list[tuple[int, int, ActorMention]], first: ActorMention) -> list[ActorMention]:
            out = [first]
            idx = next(i for i, x in enumerate(start_list) if x[2] is first)
            prev_end = start_list[idx][1]
            for s, e, a in start_list[idx + 1:]:
                gap = toks[prev_end:s]
                if a.conj and all(t.text in "،," for t in gap) and (not a.prep or a.prep == first.prep):
                    out.append(a)
                    prev_end = e
                else:
                    break
            return out

        if voice == "active" and tj - ti == 1 and _masdar_like(toks[ti].key) and not toks[ti].prefix.endswith("س"):
            voice = "noun"  # "تدريب الجيش": a verbal noun listed among a verb's forms
        if voice == "noun" and ti > 0 and (toks[ti - 1].key in FRAME_NOUNS or toks[ti - 1].norm in FRAME_NOUNS):
            # "ذكرى اغتيال"، "مكافحة التفجيرات"، "قضية خطف": the event is a topic, not reported
            if self._tracing:
                self.trace.append((m, f"topic, not a report ({toks[ti - 1].text} ...)"))
            return []
        if (voice == "noun" and toks[ti].prefix.endswith("ال") and toks[ti].key.endswith("ات")
                and p.cameo[:2] in ("18", "19", "20", "14", "17")):
            conf -= 0.15  # a definite plural ("الاغتيالات") is usually generic
        subj_post: tuple[int, int, ActorMention] | None = None
        pre_free = sp.pre_free
        next_tok = toks[tj] if tj < len(toks) else None
        if voice == "passive":
            by = [x for x in post + pre if x[2].prep == "BY"]
            if not by and not p.target:
                # "تلقى اتصالا هاتفيا من X": the receiver is the subject, the giver comes with من
                by = [x for x in post if x[2].prep == "من"]
            if by:
                sources = [by[0][2]]
            objs = [x for x in post if not x[2].prep and x[2].prep != "BY"]
            if objs:
                targets = conj_chain(post, objs[0][2])
            elif pre_free:
                targets = [pre_free[0][2]]
        else:
            near = [x for x in post if x[0] - tj <= 4 and not x[2].prep
                    and all(not t.is_punct or t.text in "،," for t in toks[tj:x[0]])]
            resumptive = _resumptive_subject(toks, tj, post)
            receive = voice == "noun" and any(t.key in RECEIVE_VERBS or t.norm in RECEIVE_VERBS
                                               for t in toks[max(left - 1, 0):ti])
            if receive:
                # "تلقى السيسي اتصالا هاتفيا من ترامب": the caller is the source, the receiver the target
                givers = [x for x in post if x[2].prep == "من"]
                if givers and pre_free:
                    sources, targets = [givers[0][2]], [pre_free[0][2]]
            if sources:
                pass
            elif voice == "noun" and resumptive is not None:
                sources = [resumptive[2]]
                subj_post = resumptive
            elif voice == "noun":
                gen = [x for x in post if x[0] == tj and not x[2].prep]
                light = any(t.norm in LIGHT_VERBS or t.key in LIGHT_VERBS for t in toks[max(left - 1, 0):ti])
                if pre_free and light:
                    sources = conj_chain(pre, pre_free[0][2])
                elif gen and "OBJ" in target_preps:
                    # a transitive masdar's genitive is its object: "تدريب الجيش الليبي", "اعتقال نافالني"
                    targets = conj_chain(post, gen[0][2])
                    subj_post = gen[0]
                    if pre_free:
                        sources = conj_chain(pre, pre_free[0][2])
                        conf -= 0.1
                elif gen:
                    subj_post = gen[0]
                    sources = conj_chain(post, gen[0][2])
                elif pre_free:
                    sources = conj_chain(pre, pre_free[0][2])
                    conf -= 0.15
                if not light and not gen:
                    conf -= self.s.bare_noun_penalty
            elif pre_free:
                # SVO / topicalised subject after a complementizer: "... أن حفتر زار ..."
                sources = conj_chain(pre, pre_free[0][2])
                conf -= 0.05
            elif near and _numeral_before(toks, near[0][0]) and p.cameo[:2] in ("18", "19", "20", "17"):
                # "قتل 26 شخصا في غارات ...": a counted NP after the verb is its (passive) object
                targets = [near[0][2]]
                subj_post = near[0]
                conf -= 0.1
            elif not near and "OBJ" not in target_preps and any(not x[2].prep for x in post):
                # an intransitive verb's subject after adverbials: "شارك في اللقاء، بحسب مصادر، ... عقيلة صالح"
                first_free = next(x for x in post if not x[2].prep)
                subj_post = first_free
                sources = conj_chain(post, first_free[2])
                conf -= 0.1
            elif near:
                free_post = [x for x in post if not x[2].prep]
                earlier = [a for a in actors if a.tok_end - sent.start <= left and not a.prep]
                coordinated = toks[ti].prefix[:1] in ("و", "ف") and "OBJ" in target_preps
                if coordinated and earlier and len(free_post) == 1:
                    # "سيطر التنظيم على بلدات وأعدم أجانب": the NP after the second verb is its object
                    sources = [earlier[0]]
                    conf -= 0.1
                else:
                    subj_post = near[0]
                    sources = conj_chain(post, near[0][2])
            if voice == "noun" and not sources:
                # "اشتباكات بين X و Y"
                btw = [x for x in post if x[2].prep == "بين" and x[0] - tj <= 2]
                if btw:
                    chain = conj_chain(post, btw[0][2])
                    if len(chain) >= 2:
                        sources, targets = [chain[0]], chain[1:]
            if not sources and near and voice == "noun" and not toks[ti].suffix:
                subj_post = near[0]
                sources = conj_chain(post, near[0][2])
            if not sources and left > 0 and toks[left - 1].norm in RELATIVES:
                # "غيراسيموف الذي وصل إلى طبرق": the antecedent of the relative pronoun
                ante = [a for a in actors if a.tok_end - sent.start in (left - 1, left - 2)]
                if ante:
                    sources = [ante[-1]]
                    conf -= 0.1
            implicit_ok = bool(toks[ti].suffix) or next_tok is None or next_tok.is_punct or next_tok.norm in PREPOSITIONS_IMPLICIT \
                or next_tok.norm in CLAUSE_MARKERS or any(t.start == next_tok.start for t in sent.times)
            if not sources and last_subject is not None and implicit_ok and (voice != "noun" or toks[ti].suffix):
                # implicit (pronoun) subject: the last subject of the article
                sources = [ActorMention(-1, -1, -1, -1, sent.idx, last_subject, "implicit")]
                conf -= 0.25
            obj_pronoun = voice != "noun" and toks[ti].suffix in ("ه", "ها", "هم", "هما", "هن", "ك", "كم")
            if not targets:
                after_subj = [x for x in post if subj_post is None or x[0] >= subj_post[1]]
                if obj_pronoun:
                    target_preps = tuple(t for t in target_preps if t != "OBJ")
                skip = {id(a) for a in sources}
                start_at = subj_post[1] if subj_post is not None else tj
                seen_preps: set[str] = set()
                for x in after_subj:
                    a = x[2]
                    if id(a) in skip:
                        continue
                    if a.prep and a.prep in target_preps and a.prep not in seen_preps:
                        # only the first phrase governed by this preposition ("غارات على عدة محاور ..." has no actor)
                        first = _first_prep_at(toks, start_at, right, a.prep)
                        if first is not None and first <= x[0] and x[0] - first <= 4 and all(
                                t.key in TARGET_HEADS or t.norm in TARGET_HEADS or t.norm in PREP_WORDS.get(a.prep, ())
                                for t in toks[first:x[0]] if not t.is_punct):
                            targets = conj_chain(post, a)
                            break
                        seen_preps.add(a.prep)
                    elif not a.prep and "OBJ" in target_preps:
                        targets = conj_chain(post, a)
                        break
        # a visit's destination place stands for the host state ("وصل إلى طبرق")
        place: PlaceRef | None = None
        place_preps = pi.place_preps_obj if "OBJ" in target_preps else pi.place_preps
        if not targets and place_preps and (p.cameo[:2] != "04" or p.cameo.startswith(MOVEMENT_CODES[0])):
            dest = [pm for pm in sent.places if tj <= pm.tok_start - sent.start < right and pm.prep in place_preps
                    and (pm.tok_start - sent.start - tj) <= 6]
            if dest and dest[0].ref.country:
                pr = dest[0].ref
                c = self.kb.countries.get(pr.country or "")
                targets = [ActorMention(-1, -1, dest[0].start, dest[0].end, sent.idx,
                                        ActorRef(pr.name, c.name_en if c else pr.name_en, pr.country, None, "state",
                                                 pr.country, [pr.name]), "place")]
                place = pr
        if (not targets and sources and p.cameo[:2] == "04" and self._last_meeting is not None
                and any(t.prefix.endswith("ال") for t in toks[ti:tj])):
            # "وشارك في اللقاء ... عقيلة صالح": the meeting already reported; its other party is the target
            prev_src, prev_tgt = self._last_meeting
            if prev_tgt is not None and not _same_actor(prev_tgt, sources[0].ref):
                targets = [ActorMention(-1, -1, -1, -1, sent.idx, prev_tgt, "anaphora")]
                conf -= 0.1
        if not targets and len(sources) >= 2 and p.cameo[:2] in SYMMETRIC_ROOTS and sources[0].tok_start >= 0:
            # "أوباما ونظيره التركي أردوغان اتفقا أثناء اتصال هاتفي": each with the other
            pairs: list[tuple[ActorMention | None, ActorMention | None]] = [
                (a, b) for a in sources for b in sources if a is not b]
        else:
            pairs = []
        if not sources and not targets and self.s.require_actor:
            if self._tracing:
                self.trace.append((m, "no source or target actor found in the clause"))
            return []
        if not targets and self.s.require_target and not p.cameo.startswith(self.s.targetless_roots):
            if self._tracing:
                self.trace.append((m, "no target found (set require_target = false to code it)"))
            return []
        if p.cameo == "010" and not self.s.statements:
            if self._tracing:
                self.trace.append((m, "bare statement 010 (set statements = true to code it)"))
            return []
        code = p.cameo
        if modality in ("intent", "future") and code[:2] in INTENT_CODES:
            code = INTENT_CODES[code[:2]]
        if not sources:
            conf -= 0.25
            if p.cameo[:2] in ("18", "19", "20"):
                conf -= self.s.victims_only_penalty  # "قتل 5 أشخاص" alone: casualties, attacker unknown
            if voice == "noun" and p.cameo[:2] in ("18", "19", "20"):
                if self._tracing:
                    self.trace.append((m, "a violent-event noun without its perpetrator (مقتل X) is not coded alone"))
                return []
        if relative_state:
            conf -= 0.2
        if p.cameo[:2] in ("14", "18", "19", "20") and not sent.times and not sent.places:
            conf -= self.s.unanchored_penalty  # neither when nor where: more often a mention than a report
        if (p.cameo[:2] in ("18", "19", "20") and sources and sources[0].ref.id is None
                and (sources[0].ref.code or "").endswith(VICTIM_SECTORS)):
            conf -= 0.3  # "ستة أشخاص" are the casualties, not the attackers
        if p.target and not targets:
            conf -= 0.15
        if modality:
            conf -= 0.1
        # time, place
        date, precision, background = self._date(doc, sent, ti)
        if place is None:
            place = self._place(sent, ti, tj, sources, targets, p.cameo.startswith(("042", "043", "036")))
        if p.cameo.startswith(("042", "036")) and targets and targets[0].ref.type == "state":
            host = (targets[0].ref.code or "")[:3]
            if host and (place is None or place.country != host):
                # a visit happens in the host country: its capital when nothing more precise is said
                c = self.kb.countries.get(host)
                if c is not None and c.lat is not None:
                    place = PlaceRef(c.capital_ar or c.names_ar[0], c.capital_en or c.name_en, host, c.lat, c.lon,
                                     None, None, "city", "country")
        if not targets and p.cameo.startswith("15") and place and place.country:
            src_country = sources[0].ref.country if sources else None
            if place.country != src_country:
                c = self.kb.countries.get(place.country)
                targets = [ActorMention(-1, -1, -1, -1, sent.idx, ActorRef(
                    c.names_ar[0] if c and c.names_ar else place.country, c.name_en if c else None, place.country,
                    None, "state", place.country, [place.name]), "place")]
        events: list[Event] = []
        s_list: list[ActorMention | None] = list(sources) or [None]
        t_list: list[ActorMention | None] = list(targets) or [None]
        trig_text = doc.text[m.start:m.end]
        sent_obj = doc.sentences[sent.idx]
        combos = pairs or [(sa, ta) for sa in s_list for ta in t_list]
        info = cameo.info(code)
        for sa, ta in combos:
            if sa is not None and ta is not None and _same_actor(sa.ref, ta.ref):
                continue
            events.append(Event(
                id="", cameo=code, source=_copy(sa.ref) if sa else None, target=_copy(ta.ref) if ta else None,
                date=date, location=place, evidence=sent_obj.text, evidence_start=sent_obj.start,
                evidence_end=sent_obj.end, confidence=max(0.05, min(0.99, conf + _actor_evidence(sa, ta))),
                rule=p.id, trigger=trig_text, sentence=sent.idx, root=info.root, quad_class=info.quad_class,
                goldstein=info.goldstein, plover=info.plover, cameo_name=info.name, date_precision=precision,
                negated=negated, modality=modality, background=background,
            ))
        return events

    def _future_ctx(self, sp: _Span, toks: list[Token], p: Pattern) -> bool:
        """:meth:`_future_context` once per span and kind of pattern (it only asks whether ``p`` is a noun)."""
        noun = p.voice == "noun"
        got = sp.future_ctx.get(noun)
        if got is None:
            got = sp.future_ctx[noun] = self._future_context(toks, sp.ti, p)
        return got

    def _future_context(self, toks: list[Token], ti: int, p: Pattern) -> bool:
        """"من المقرر أن يعقد X اجتماعا", "سيعقد X اجتماعا": a planned event (scanned back to the clause start)."""
        lo = max(0, ti - 8)
        for k in range(ti - 1, lo - 1, -1):
            t = toks[k]
            if t.text in ".؛:!؟" or t.norm in ("قال", "قالت", "واضاف", "واضافت"):
                break
            if t.key in FUTURE_KEYS or t.norm in FUTURE_KEYS:
                return True
            if p.voice == "noun" and t.prefix.endswith("س") and (t.key in LIGHT_VERBS or t.norm[2:] in LIGHT_VERBS):
                return True  # "سيعقد ... اجتماعا"
        return False

    # ------------------------------------------------------------------ time and place

    def _date(self, doc: Document, sent: _Sent, ti: int) -> tuple[str | None, str | None, bool]:
        art = doc.article.date
        ref = parse_iso(art)
        if sent.times:
            t = min(sent.times, key=lambda t: abs(t.start - sent.toks[ti].start))
            if t.date:
                d = parse_iso(t.date)
                bg = bool(ref and d and (ref - d) > dt.timedelta(days=self.s.background_days))
                return t.date, t.precision, bg
            if t.precision in ("week", "month"):
                return None, t.precision, False
        if self._doc_date is not None:
            return self._doc_date, "day", False
        if ref is not None:
            return ref.isoformat(), "day" if art and len(art) >= 10 else "month", False
        return None, None, False

    def _lead_date(self, doc: Document) -> str | None:
        """The date of the article's lead (its first day-precision time expression in the first sentences):
        news reports events of the lead's day unless a sentence says otherwise."""
        for t in doc.times:
            if t.sentence > 2:
                break
            if t.date and t.precision == "day":
                return t.date
        return None

    def _place(self, sent: _Sent, ti: int, tj: int, sources: list[ActorMention], targets: list[ActorMention],
               visit: bool) -> PlaceRef | None:
        """Where the event happened: a locative phrase of the sentence (for a visit, its destination), else the
        article's default place (:meth:`_article_place`)."""
        movement = any(a.head == "place" for a in targets)
        actor_spans = [(a.tok_start, a.tok_end) for a in sources + targets if a.tok_start >= 0]
        if not movement:
            # "وصل إلى الدوحة": the visited capital is both the host (target) and the place
            dest = [pm for pm in sent.places if pm.prep == "الى" and tj <= pm.tok_start - sent.start <= tj + 6
                    and any(a.tok_start <= pm.tok_start < a.tok_end for a in targets)]
            if dest and visit:
                return dest[0].ref

        def is_actor(pm: PlaceMention) -> bool:
            return any(pm.tok_start < e and s < pm.tok_end for s, e in actor_spans)

        locative = [pm for pm in sent.places if pm.prep in LOCATIVE and not is_actor(pm)]
        if locative:
            # the locative phrase nearest the trigger; ties: the more precise place
            best = min(locative, key=lambda pm: (abs(pm.tok_start - sent.start - ti) // 8,
                                                 PRECISION_ORDER.get(pm.ref.precision or "", 4)))
            return best.ref
        bare = [pm for pm in sent.places if pm.prep in ("", "الى", "من") and not is_actor(pm)]
        if bare:
            return min(bare, key=lambda pm: (PRECISION_ORDER.get(pm.ref.precision or "", 4),
                                             abs(pm.tok_start - sent.start - ti))).ref
        return self._doc_place

    def _article_place(self, doc: Document) -> PlaceRef | None:
        """The place of events whose sentence names none: the dateline city, else the lead's city, else the
        country most often named as a place where things happen (once per article)."""
        dl = doc.dateline
        if dl and dl.city:
            hits = self.kb.lookup(dl.city)
            p = self.kb.best_place([i for k, i in hits if k == "place"])
            if p:
                return p.to_ref("city")
        lead = [pm for pm in doc.place_mentions if pm.sentence <= 2 and pm.ref.precision in ("site", "city")
                and (pm.prep in LOCATIVE or pm.prep == "الى")]
        if lead:
            return lead[0].ref
        scene = [pm for pm in doc.place_mentions if (pm.prep in LOCATIVE or pm.prep == "الى") and pm.ref.country]
        if not scene:
            return None
        top, n = Counter(pm.ref.country for pm in scene).most_common(1)[0]
        if n < 2:
            return None
        return min((pm for pm in scene if pm.ref.country == top),
                   key=lambda pm: PRECISION_ORDER.get(pm.ref.precision or "", 4)).ref

    # ------------------------------------------------------------------ merging

    def _merge(self, doc: Document, events: list[Event]) -> list[Event]:
        # within one sentence, two triggers of the same root from the same source are one happening
        # ("سلم ... شحنة من الأدوية"): keep the events of the best trigger
        # (only when the targets are the same party or country: different targets are different events)
        best_trigger: dict[tuple[int, str, str, str], tuple[float, str]] = {}

        def tkey(e: Event) -> str:
            return (e.target.country or e.target.code or "?") if e.target else "-"

        for e in events:
            k = (e.sentence, e.cameo[:2], _actor_key(e.source), tkey(e))
            cand = (e.confidence + 0.01 * len(e.cameo), f"{e.rule}|{e.trigger}")
            if k not in best_trigger or cand > best_trigger[k]:
                best_trigger[k] = cand
        events = [e for e in events
                  if best_trigger[(e.sentence, e.cameo[:2], _actor_key(e.source), tkey(e))][1] == f"{e.rule}|{e.trigger}"
                  or e.source is None]
        # casualties ("قتل 26 شخصا") reported with the attack that caused them are the same happening
        attacked = {e.sentence for e in events if e.cameo[:2] in ("18", "19", "20") and e.source is not None}
        events = [e for e in events if not (e.source is None and e.cameo[:2] in ("18", "19", "20")
                                            and e.sentence in attacked)]
        merged: dict[tuple[str, str, str], Event] = {}
        order: list[tuple[str, str, str]] = []
        for e in events:
            key = (e.cameo[:2], _actor_key(e.source), _actor_key(e.target))
            old = merged.get(key)
            if old is None:
                merged[key] = e
                order.append(key)
                continue
            old.n_mentions += 1
            old.other_evidence.append(e.evidence)
            if e.confidence > old.confidence + 0.05 or (len(e.cameo) > len(old.cameo) and e.confidence >= old.confidence):
                e.n_mentions, e.other_evidence = old.n_mentions, old.other_evidence
                if old.location and not e.location:
                    e.location = old.location
                merged[key] = e
            elif e.location and not old.location:
                old.location = e.location
        out = [merged[k] for k in order]
        for e in out:
            # corroboration across sentences raises confidence
            if e.n_mentions > 1:
                e.confidence = min(0.99, e.confidence + 0.05 * (e.n_mentions - 1))
            basis = f"{doc.article.id}|{e.cameo}|{_actor_key(e.source)}|{_actor_key(e.target)}|{e.evidence_start}"
            e.id = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return out


VICTIM_SECTORS = ("CVL", "REF", "LAB", "EDU", "HLH", "MED")


def voice_is_verb(p: Pattern) -> bool:
    """True for verb patterns (active or passive)."""
    return p.voice in ("active", "passive")


def _reading_score(evs: list[Event], voice: str, has_passive: bool) -> tuple[int, float, int]:
    """Rank alternative readings of one trigger: complete events, then confidence, then specific codes.

    Unvocalised قتل is قَتَل or قُتِل: when a passive reading exists, an active reading whose "subject" is a
    civilian-type victim ("ستة أشخاص قتلوا") loses to it.
    """
    best = max(evs, key=lambda e: e.confidence)
    complete = max((e.source is not None) + (e.target is not None) for e in evs)
    if voice == "active" and has_passive and any(
            e.source is not None and (e.source.code or "").endswith(VICTIM_SECTORS) for e in evs):
        complete -= 2
    return complete, best.confidence, len(best.cameo)


def _actor_key(a: ActorRef | None) -> str:
    if a is None:
        return "-"
    return a.id or a.code or phrase_key(a.name)


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.id and b.id:
        return a.id == b.id
    if a.code and a.code == b.code and len(a.code) == 3:
        return True  # a state acting on itself ("هادي ... إلى القاهرة" misread as Egypt → Egypt)
    return phrase_key(a.name) == phrase_key(b.name)


def _copy(a: ActorRef) -> ActorRef:
    return ActorRef(a.name, a.name_en, a.code, a.id, a.type, a.country, list(a.mentions), a.start, a.end)
