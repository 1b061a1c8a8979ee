"""The compiled knowledge base and its matcher.

All surface forms of all dictionaries (actors, agents, countries and their adjectives, metonyms,
places, event patterns) are turned into token-key phrases (normalised, article/proclitics removed:
see :mod:`hadath.text.tokens`) and compiled into one Aho-Corasick automaton over the space-joined
token keys of a sentence, so one pass finds every candidate; longest-match selection happens per
kind in the extraction stages. The compiled KB is pickled in a cache directory keyed by the data
files' sizes and modification times, so start-up stays well under a second.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

from hadath.kb import loader
from hadath.kb.schema import ActorEntry, AgentEntry, Country, Metonym, Pattern, Place, RoleHolder
from hadath.model import Token
from hadath.text.normalize import norm_word
from hadath.text.tokens import TOKEN_RE, Segmenter, key_of, tokenize

CACHE_VERSION = "16"
PLACE_NOUNS = frozenset(
    ["مدينه", "بلده", "قريه", "محافظه", "منطقه", "ولايه", "اقليم", "حي", "ناحيه", "قضاء", "مخيم", "مديريه", "بلديه", "مركز", "عاصمه", "جزيره", "ميناء"]
)

QUOTES = frozenset('"«»“”„‟\'‘’')
HYPHENS = frozenset("-‐‑–")
KIND_ACTOR = "actor"
KIND_AGENT = "agent"
KIND_STATE = "state"
KIND_NISBA = "nisba"
KIND_METONYM = "metonym"
KIND_PLACE = "place"
KIND_TRIGGER = "trigger"
KIND_ROLE = "role"  # a role phrase naming one person at a time; its holder depends on the date
# how likely a feature is meant by a name several places share (best_place; other features rank 1)
PLACE_RANK = {"country": 4, "admin1": 2, "city": 3, "region": 2, "water": 2}
ENTITY_KINDS = (KIND_ACTOR, KIND_AGENT, KIND_STATE, KIND_NISBA, KIND_METONYM, KIND_PLACE)


@lru_cache(maxsize=1 << 16)
def _verb_shaped(key: str) -> bool:
    """True when a one-word key can be a finite verb: not a noun in ة (ضربة، جمعة), not a تفعيل masdar (تحرير)."""
    if " " in key or key.endswith("ه"):
        return False
    return not (len(key) == 5 and key[0] == "ت" and key[3] == "ي")


@lru_cache(maxsize=1 << 16)
def phrase_key(phrase: str) -> str:
    """The match key of a dictionary phrase: its words' keys joined by single spaces.

    Memoised (a C-level LRU cache): the coder asks for the keys of the same pattern words for every
    trigger, hundreds of thousands of times per thousand articles.
    """
    words = [m.group() for m in TOKEN_RE.finditer(phrase) if m.lastgroup in ("word", "num")]
    return " ".join(k for k in (key_of(w) for w in words) if k)


PUNCT_PART = "|"  # a punctuation token's part for a KB with a one-character key word (no key is "|")
# the marks a match may pass over: quotation marks, and a hyphen written inside a name (see match_keys)
_MARKS = QUOTES | HYPHENS
# a word of a key that is one character other than a letter or digit (such as a punctuation token's text)
_ODD_KEY_WORD = re.compile(r"(?<!\S)[^\w\s](?!\S)")


def match_parts(tokens: Sequence[Token]) -> list[str]:
    """What :meth:`KnowledgeBase.match_keys` matches over: each token's key. A punctuation token's key is its
    text, one character that is no letter or digit, which no key of the dictionaries holds as a word: it is a
    barrier to the matcher (a KB with such a key word gets :data:`PUNCT_PART` in its place)."""
    # (the plain keys: ~4 bytecodes per token fewer than a test of is_punct, ~370 tokens per article)
    return [t.key for t in tokens]


def word_positions(words: list[str], wanted: frozenset[str] | set[str]) -> list[int]:
    """The positions in ``words`` (a sentence's or an article's token keys, say) of the words in ``wanted``, in
    increasing order. (C-level scans: the words present, then ``list.count`` and ``list.index`` for each of them:
    for words that are rare (one or two of them present) a third of a comprehension's cost; each word present costs
    two scans of the list.)"""
    out: list[int] = []
    for w in wanted.intersection(words):
        i = -1
        for _ in range(words.count(w)):
            i = words.index(w, i + 1)
            out.append(i)
    out.sort()
    return out


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary hit over tokens ``[start, end)`` of the sequence given to :meth:`KnowledgeBase.match`."""

    start: int
    end: int
    kind: str
    id: str


class KnowledgeBase:
    """Actors, agents, states, places and patterns, with one compiled matcher over all their forms."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorEntry] = {}
        self.agents: dict[str, AgentEntry] = {}
        self.countries: dict[str, Country] = {}
        self.metonyms: dict[str, Metonym] = {}
        self.places: dict[str, Place] = {}
        self.patterns: dict[str, Pattern] = {}
        self.roles: dict[str, list[RoleHolder]] = {}  # role phrase key -> its holders
        self.index: dict[str, list[tuple[str, str]]] = {}
        self.lexicon: frozenset[str] = frozenset()
        self.nisba_of: dict[str, str] = {}  # nisba key -> iso3
        self.sources: list[str] = []
        self.common: frozenset[str] = frozenset()  # keys too common to be a lone place or trigger
        self.weak_places: frozenset[str] = frozenset()  # place keys that need a place noun before them
        self.plain_ya_names: frozenset[str] = frozenset()  # one-word actor names written with ي, never ئ
        self.articled_names: frozenset[str] = frozenset()  # one-word actor names only ever written with ال
        self.bare_names: frozenset[str] = frozenset()  # one-word actor/state names never written with ال (حفتر، مالي)
        self.bare_places: frozenset[str] = frozenset()  # one-word place names never written with ال (مشهد، بنك)
        self.articled_places: frozenset[str] = frozenset()  # one-word place names always written with ال (الخرج)
        self._automaton: ahocorasick.Automaton | None = None
        self._punct_free = True  # no key word is one character other than a letter or digit (_build_automaton)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra_dirs: Sequence[str | Path] = (), use_cache: bool = True) -> KnowledgeBase:
        """Load the bundled dictionaries plus ``extra_dirs`` (later ones override earlier ids)."""
        dirs = [loader.DATA_DIR] + [Path(d) for d in extra_dirs]
        files = _data_files(dirs)
        cache = _cache_path(files) if use_cache else None
        if cache and cache.exists():
            try:
                with open(cache, "rb") as f:
                    kb = pickle.load(f)
                if isinstance(kb, KnowledgeBase):
                    return kb
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass
        kb = cls()
        for kind, path in files:
            kb._load_file(kind, path)
        kb.compile()
        if cache:
            _atomic_pickle(kb, cache)
        return kb

    def _load_file(self, kind: str, path: Path) -> None:
        self.sources.append(str(path))
        if kind == "actors":
            for a in loader.load_actors(path):
                self.actors[a.id] = a
        elif kind == "agents":
            for g in loader.load_agents(path):
                self.agents[g.id] = g
        elif kind == "countries":
            for c in loader.load_countries(path):
                self.countries[c.iso3] = c
        elif kind == "metonyms":
            for m in loader.load_metonyms(path):
                for form in m.form.split("|"):  # alternatives: الكرملين|الكريملين
                    if phrase_key(form):
                        self.metonyms[phrase_key(form)] = m
        elif kind == "places":
            for p in loader.load_places(path):
                self.places[p.id] = p
        elif kind == "patterns":
            for pt in loader.load_patterns(path):
                self.patterns[pt.id] = pt
        elif kind == "roles":
            for r in loader.load_roles(path):
                for form in r.forms:
                    if phrase_key(form):
                        self.roles.setdefault(phrase_key(form), []).append(r)
        elif kind == "common":
            self.common = self.common | {phrase_key(r.values["word"]) for r in loader.read_tsv(path, "common")}

    def compile(self) -> None:
        """Build the surface-form index, the lexicon and the automaton."""
        forms: list[tuple[str, str, str]] = []  # (form, kind, id)
        for a in self.actors.values():
            forms.extend((f, KIND_ACTOR, a.id) for f in [a.name_ar, *a.aliases])
        for g in self.agents.values():
            forms.extend((f, KIND_AGENT, g.id) for f in g.forms)
        for c in self.countries.values():
            forms.extend((f, KIND_STATE, c.iso3) for f in c.names_ar)
            forms.extend((f, KIND_NISBA, c.iso3) for f in with_duals(c.adjectives))
        metonym_keys = list(self.metonyms)
        # role phrases (الأمين العام لحزب الله) are keyed like trigger forms: their words are no name words
        role_forms = sorted({(f, KIND_ROLE, phrase_key(f)) for rs in self.roles.values() for r in rs for f in r.forms})
        place_forms = [(f, KIND_PLACE, p.id) for p in self.places.values() for f in [p.name_ar, *p.aliases]]
        trigger_forms = [(f, KIND_TRIGGER, pt.id) for pt in self.patterns.values() for f in pt.forms]
        # single-word keys: a dictionary word made of a proclitic + one of them is segmented (بطبرق → طبرق)
        single = {k for k in (phrase_key(f) for f, _, _ in forms + place_forms + trigger_forms) if k and " " not in k}
        single.update(k for k in metonym_keys if " " not in k)
        # every word of every form: "للأمم" in "الجمعية العامة للأمم المتحدة" is ل + ال + أمم
        vocab = single | {w for f, _, _ in forms + place_forms for w in phrase_key(f).split()}
        # stems seen with the article (اللجنة → لجنه) are words in their own right, never clitic + stem
        with_al = {key_of(m.group()) for f, _, _ in forms + place_forms for m in TOKEN_RE.finditer(f)
                   if m.lastgroup == "word" and norm_word(m.group()).startswith("ال")}

        # the words of actor, agent, state and place names (not of trigger forms)
        name_words = {w for f, _, _ in forms + place_forms for w in phrase_key(f).split()}

        def dkey(form: str) -> str:
            words = phrase_key(form).split()
            if len(words) <= 1:
                return " ".join(words)
            out = []
            for w in words:
                if w not in single and len(w) >= 4 and w[0] in "وفبلك":
                    rest = w[1:]
                    if rest in single:
                        w = rest  # بطبرق
                    elif w[0] in "لب" and len(rest) >= 3 and rest in name_words and w not in name_words:
                        w = rest  # "ترخيص لحزب": ل + a word of a name (حزب of حزب الله), kept whole it would stop
                        # the tokenizer from segmenting "لحزب الله" in text
                    elif rest.startswith("ال") and len(rest) >= 5 and rest[2:] in vocab and w not in with_al:
                        w = rest[2:]  # والجيش inside a phrase: و + ال + جيش
                    elif w.startswith("لل") and len(w) >= 5 and w[1:] in with_al:
                        w = w[1:]  # للجنة: ل + (ال)لجنة
                    elif w.startswith("لل") and len(w) >= 5 and w[2:] in vocab:
                        w = w[2:]  # للأمم: ل + (ا)ل + أمم
                out.append(w)
            return " ".join(out)

        index: dict[str, list[tuple[str, str]]] = defaultdict(list)

        def add(k: str, kind: str, id_: str) -> None:
            if k and (kind, id_) not in index[k]:
                index[k].append((kind, id_))

        bare: set[str] = set()
        with_article: set[str] = set()
        for f, kind, id_ in forms:
            k = dkey(f)
            add(k, kind, id_)
            if kind in (KIND_ACTOR, KIND_STATE) and " " not in k:
                (with_article if norm_word(f.strip()).startswith("ال") else bare).add(k)
        self.bare_names = frozenset(bare - with_article)
        # a one-word name written only with the article is not that word after a clitic without the article:
        # "فاسد" (corrupt) is not ف + الأسد
        self.articled_names = frozenset(with_article - bare)
        # one-word names spelled with ي and never with ئ: a word written with ئ is not them ("مناوئي", the
        # opponents of, is not مناوي)
        ya: set[str] = set()
        hamza_ya: set[str] = set()
        for f, kind, _id in forms:
            k = dkey(f)
            if kind == KIND_ACTOR and " " not in k and "ي" in k:
                (hamza_ya if "ئ" in f else ya).add(k)
        self.plain_ya_names = frozenset(ya - hamza_ya)
        for c in self.countries.values():
            for f in with_duals(c.adjectives):
                self.nisba_of.setdefault(phrase_key(f), c.iso3)
        for k in metonym_keys:
            add(k, KIND_METONYM, k)
        weak: set[str] = set()
        bare_place: set[str] = set()
        for f, kind, id_ in place_forms:
            k = dkey(f)
            p = self.places[id_]
            if p.feature != "country" and " " not in k and (k in self.common or len(k) <= 2):
                weak.add(k)
            if " " not in k:
                (with_article if norm_word(f.strip()).startswith("ال") else bare_place).add(k)
            add(k, kind, id_)
        self.weak_places = frozenset(weak)
        # a town named without the article is not the common noun with it: "المشهد" (the scene) is not Mashhad
        self.bare_places = frozenset(bare_place - with_article)
        # and one named with it is not the word without it: "خرج" (went out) is not الخرج, "كبيرة" not ك + البيرة
        self.articled_places = frozenset(with_article - bare_place - bare)
        for f, kind, id_ in role_forms:
            add(dkey(f), kind, id_)
        for f, kind, id_ in trigger_forms:
            k = dkey(f)
            if k in self.common and not (self.patterns[id_].requires and _verb_shaped(k)):
                # too common to be a trigger on its own; a verb form (أعلن، وقع، طلب) still is when its pattern
                # requires a companion word, which the coder checks ("وقعت مصر واليونان اتفاقية")
                continue
            add(k, kind, id_)
        words: set[str] = set()
        for k in index:
            words.update(w for w in k.split() if len(w) >= 2)
        for pt in self.patterns.values():
            for f in pt.requires + pt.excludes + pt.target:
                words.update(w for w in phrase_key(f).split() if len(w) >= 2)
        self.lexicon = frozenset(words)
        # second pass: a multi-word form is also indexed under the keys the tokenizer gives its own text, so
        # that "المجلس الأعلى للقوات المسلحة" or "فيصل الفايز" is found however the first pass segmented it
        # (every entry whose form has that key, not only the first one: 190 and 194 share "تعرضت لقصف")
        seg = Segmenter(self.lexicon)
        first_pass = frozenset(index)
        for f, kind, id_ in forms + place_forms + role_forms + trigger_forms:
            k2 = " ".join(t.key for t in tokenize(f, seg) if not t.is_punct)
            if " " in k2 and k2 not in first_pass and not (kind == KIND_TRIGGER and k2 in self.common):
                add(k2, kind, id_)
        self.index = dict(index)
        self._build_automaton()

    def _build_automaton(self) -> None:
        A = ahocorasick.Automaton()
        for k in self.index:
            A.add_word(f" {k} ", (k.count(" ") + 1, k))
        A.make_automaton()
        self._automaton = A
        # (the matcher's parts are the tokens' keys, punctuation's included; they are replaced by PUNCT_PART only
        # for a KB with a key word that a punctuation token could equal: none of the bundled dictionaries has one)
        self._punct_free = _ODD_KEY_WORD.search(" ".join(self.index)) is None

    def __getstate__(self) -> dict[str, object]:
        state = {s: getattr(self, s) for s in self.__dict__ if s not in ("_automaton", "_punct_free")}
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._automaton = None
        self._build_automaton()

    # ------------------------------------------------------------------ matching

    def match(self, tokens: Sequence[Token]) -> list[Match]:
        """Every dictionary hit over ``tokens`` (all kinds, overlapping; callers choose)."""
        index = self.index
        return [Match(i, j, kind, id_) for i, j, key in self.match_keys(tokens) for kind, id_ in index[key]]

    def match_keys(self, tokens: Sequence[Token], parts: list[str] | None = None) -> list[tuple[int, int, str]]:
        """The hits of :meth:`match` as ``(start, end, key)``, one per matched surface form: its entries are
        ``self.index[key]`` (no object per entry; the mentions stage's fast path). ``parts``:
        ``match_parts(tokens)``, when the caller has made it (the mentions stage makes it once per article)."""
        if not tokens:
            return []
        A = self._automaton
        assert A is not None
        # quotation marks are transparent (حكومة «الوفاق», تنظيم "داعش"), and so is a hyphen written inside a
        # name (كانغ كيونغ-هوا, ري يونغ-هو); other punctuation is a barrier
        if parts is None:
            parts = match_parts(tokens)
        kept: list[int] | None = None  # the positions of the parts kept, when a transparent mark was left out
        if not _MARKS.isdisjoint(parts):  # (a C-level test, then a visit of the marks only: no loop over tokens)
            last = len(tokens) - 1
            sub: list[str] = []  # the parts kept
            prev = 0  # the first position after the last mark left out
            for i in word_positions(parts, _MARKS):  # (a mark's part is the punctuation token's text)
                if parts[i] in HYPHENS and not (
                        0 < i < last and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start
                        and not tokens[i - 1].is_punct and not tokens[i + 1].is_punct):
                    continue  # a hyphen with a space or a mark beside it: a barrier
                if kept is None:
                    kept = []
                kept += range(prev, i)
                sub += parts[prev:i]
                prev = i + 1
            if kept is not None:
                kept += range(prev, len(parts))
                sub += parts[prev:]
                parts = sub
        if not self._punct_free:
            parts = [PUNCT_PART if tokens[k].is_punct else p
                     for k, p in zip(range(len(parts)) if kept is None else kept, parts, strict=True)]
        s = " " + " ".join(parts) + " "
        # a match ends at the space after its last part: the spaces before that one count the parts up to its end
        # (no key has a space inside a word, so every space of s is one part's). The matches come by their end,
        # so the spaces are counted on from the last match's end: each character of s is scanned once.
        count = s.count
        out: list[tuple[int, int, str]] = []
        end = 0  # the parts up to the last match's end
        last = 0  # the index in s of the last match's final space
        if kept is None:
            for end_idx, (ntok, key) in A.iter(s):
                if end_idx != last:
                    end += count(" ", last, end_idx)
                    last = end_idx
                out.append((end - ntok, end, key))
        else:
            for end_idx, (ntok, key) in A.iter(s):
                if end_idx != last:
                    end += count(" ", last, end_idx)
                    last = end_idx
                out.append((kept[end - ntok], kept[end - 1] + 1, key))
        return out

    def lookup(self, phrase: str) -> list[tuple[str, str]]:
        """Entries whose surface form equals ``phrase`` (after normalisation)."""
        return list(self.index.get(phrase_key(phrase), []))

    def role_holder(self, key: str, date: str | None) -> str | None:
        """The actor id of the holder of the role phrase ``key`` on ``date`` (None without a date or holder)."""
        if not date:
            return None
        ids = {r.actor for r in self.roles.get(key, ()) if r.held_on(date) and r.actor in self.actors}
        return next(iter(ids)) if len(ids) == 1 else None

    def ambiguous_forms(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Surface forms that map to more than one actor (the same kind), for review."""
        out = []
        for k, entries in self.index.items():
            actors = [e for e in entries if e[0] == KIND_ACTOR]
            if len(actors) > 1:
                out.append((k, actors))
        return sorted(out)

    # ------------------------------------------------------------------ helpers

    def best_place(self, ids: Iterable[str], context: frozenset[str] | set[str] | None = None) -> Place | None:
        """The most likely of several places sharing a name.

        With ``context`` (ISO3 codes of the countries the article mentions), a town of under 100,000 people
        counts only when its country is in the context (كابول is Kabul, not the Galilee village, in an
        Afghan story); places in context countries rank first, then countries, cities, then population.
        """
        rank = PLACE_RANK
        cands = [self.places[i] for i in ids if i in self.places]
        if context is not None:
            cands = [p for p in cands if p.country in context or p.feature not in ("town", "city", "village")
                     or p.population >= 100_000]
        if not cands:
            return None
        if len(cands) == 1:  # (most names are one place's: nothing to rank)
            return cands[0]
        ctx = context or set()
        return max(cands, key=lambda p: (p.country in ctx, rank.get(p.feature, 1), p.population))

    def stats(self) -> dict[str, int]:
        """Entry counts per dictionary."""
        return {
            "actors": len(self.actors), "agents": len(self.agents), "countries": len(self.countries),
            "metonyms": len(self.metonyms), "places": len(self.places), "patterns": len(self.patterns),
            "surface_forms": len(self.index), "lexicon": len(self.lexicon),
        }


def _data_files(dirs: Sequence[Path]) -> list[tuple[str, Path]]:
    files: list[tuple[str, Path]] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for name, kind in (("agents.tsv", "agents"), ("countries.tsv", "countries"), ("metonyms.tsv", "metonyms"),
                           ("places.tsv", "places"), ("common_words.tsv", "common"), ("roles.tsv", "roles")):
            if (d / name).is_file():
                files.append((kind, d / name))
        for sub, kind in (("actors", "actors"), ("patterns", "patterns")):
            if (d / sub).is_dir():
                files.extend((kind, p) for p in sorted((d / sub).glob("*.tsv")))
    return files


DUAL_ENDINGS = (("ية", ("يتان", "يتين")), ("ي", ("يان", "يين")))  # feminine first: its ending holds the masculine's


def with_duals(adjectives: Sequence[str]) -> list[str]:
    """The one-word nisba adjectives with their dual forms added ("جنديان أمريكيان"، "طائرتين روسيتين"):
    the dual is regular, so the country table lists only the singular and plural."""
    out = list(adjectives)
    for f in adjectives:
        if " " in f:
            continue
        for sg, duals in DUAL_ENDINGS:
            if f.endswith(sg):
                out.extend(f[: -len(sg)] + d for d in duals if f[: -len(sg)] + d not in out)
                break
    return out


def cache_dir() -> Path:
    """Where compiled KBs are cached (``$HADATH_CACHE`` or the user cache dir)."""
    base = os.environ.get("HADATH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "hadath"
    )
    return Path(base)


# the code that compiles a KB (its index keys follow the tokenizer): a change to it invalidates cached KBs
# even when CACHE_VERSION was not bumped
_COMPILER_FILES = (Path(__file__), Path(__file__).parent.parent / "text" / "tokens.py",
                   Path(__file__).parent.parent / "text" / "normalize.py")


def _cache_path(files: list[tuple[str, Path]]) -> Path | None:
    h = hashlib.sha1(CACHE_VERSION.encode())
    for kind, p in [*files, *(("code", f) for f in _COMPILER_FILES)]:
        try:
            st = p.stat()
        except OSError:
            return None
        h.update(f"{kind}|{p}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return cache_dir() / f"kb-{h.hexdigest()[:16]}.pkl"


def _atomic_pickle(obj: object, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache dir only costs start-up time


@lru_cache(maxsize=4)
def _get_kb(extra: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase.load(extra)


def get_kb(extra_dirs: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The process-wide KB for these extra dictionary folders (loaded once per process)."""
    if not extra_dirs:  # the common case, asked for by stages many times per article
        return _get_kb(())
    return _get_kb(tuple(str(d) for d in extra_dirs))


_MEMOS: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, dict[Any, Any]]] = weakref.WeakKeyDictionary()


def kb_memo(kb: KnowledgeBase, name: str) -> dict[Any, Any]:
    """The memo table ``name`` of tables derived from ``kb``: it lives as long as ``kb`` does. (Keyed by the object,
    not by ``id(kb)``: a freed KB's id can be reused by a KB loaded later, which would then read the first one's
    tables.)"""
    tables = _MEMOS.get(kb)
    if tables is None:
        tables = _MEMOS[kb] = {}
    got = tables.get(name)
    if got is None:
        got = tables[name] = {}
    return got

