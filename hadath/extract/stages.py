"""The ``mentions`` and ``actors`` stages.

``mentions`` runs the KB matcher over each sentence and keeps, per kind layer, the longest
non-overlapping hits (entities and triggers separately). ``actors`` groups adjacent entity mentions
into actor phrases ("وزير الدفاع الروسي سيرغي شويغو", "القوات العراقية", "حاملة الطائرات الروسية")
and resolves each to an :class:`~hadath.model.ActorRef` with a date-valid code, and collects
geocoded place mentions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from hadath.extract.ner import (
    AMBIGUOUS_GIVEN,
    PERSON_TITLES,
    _given_names,
    _name_lexicon,
    _nameish,
    _role_words,
)
from hadath.kb.kb import (
    KIND_ACTOR,
    KIND_AGENT,
    KIND_METONYM,
    KIND_NISBA,
    KIND_PLACE,
    KIND_ROLE,
    KIND_STATE,
    KIND_TRIGGER,
    PLACE_NOUNS,
    KnowledgeBase,
    kb_memo,
    match_parts,
    phrase_key,
    word_positions,
)
from hadath.kb.schema import ActorEntry, AgentEntry, Metonym, Place
from hadath.model import (
    MK_ACTOR,
    MK_AGENT,
    MK_NAME,
    MK_NISBA,
    MK_PLACE,
    MK_STATE,
    MK_TRIGGER,
    ActorMention,
    ActorRef,
    Document,
    Mention,
    MentionKind,
    PlaceMention,
    Sentence,
    Token,
)
from hadath.pipeline import KBStage, register_stage
from hadath.text.normalize import norm_word
from hadath.text.tokens import Segmenter

PREPOSITIONS = frozenset(
    ["مع", "الي", "الى", "على", "علي", "ضد", "من", "عن", "في", "لدى", "لدي", "بين", "عبر", "نحو", "حول", "تجاه", "امام", "بحق", "خلال", "ضمن", "عند", "بواسطه", "لصالح", "بشان", "داخل"]
)
# particles that read like the stem of a nisba once a proclitic is removed (بأن = ب + أن ~ ألبان)
PARTICLES = frozenset(["بان", "فان", "لان", "وبان", "كان", "وان"])
AGENT_MARKERS = (("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("علي", "ايادي"), ("بواسطه",))
_AGENT_MARKER_ENDS = frozenset(m[-1] for m in AGENT_MARKERS)
_NORM_RULE_WORDS = PREPOSITIONS | PARTICLES  # the token norms on which a rule drops a one-word agent, state or nisba
LOCATIVE_PREPS = frozenset(["في", "ب", "داخل", "الى", "من", "قرب", "عند", "ل"])
_STOP_CHAIN = frozenset(["ان", "انه", "انها", "الذي", "التي", "الذين", "و", "او", "ثم", "قد", "لقد", "كان", "كانت"])
_NAME_INTRODUCERS = frozenset(["المدعو", "المدعوه", "المواطن", "المواطنه"])
# the kinds of the names inside which a trigger word is no event (mention kinds are MentionKind members: tested
# by identity and frozensets, not by == and tuples: CPython 3.11 does not specialise == on StrEnum members)
_NAMED_KINDS: frozenset[MentionKind] = frozenset({MK_ACTOR, MK_PLACE, MK_STATE})


def _possible_keys(norms: frozenset[str]) -> frozenset[str]:
    """Every key a token whose norm is one of ``norms`` can have, whatever the segmenter's lexicon: a segmenter
    gives a word itself, a key that depends on the word alone, or a member of its lexicon that it reaches from the
    word (a part of it, or one whose final ت is read ه); each word is segmented with no lexicon and with each such
    part as the whole lexicon. (For a C-level test of the article's keys before a scan of its norms.)"""
    out: set[str] = set()
    for w in norms:
        parts = {w[a:b] for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
        parts |= {p[:-1] + "ه" for p in parts if p.endswith("ت")}
        lexicons: list[frozenset[str]] = [frozenset()] + [frozenset([p]) for p in parts]
        for lexicon in lexicons:
            seg = Segmenter(lexicon)
            out.update(seg.segment(w, enclitics)[1] for enclitics in (True, False))
    return frozenset(out)


_INTRODUCER_KEYS = _possible_keys(_NAME_INTRODUCERS)  # (8 keys: مدعو، المدعو، مواطنه ...)
GROUP_GLUE = frozenset(["،", ",", "(", ")", "«", "»", '"', "“", "”"])
_KIND_ENUM = {
    KIND_ACTOR: MK_ACTOR, KIND_AGENT: MK_AGENT, KIND_STATE: MK_STATE,
    KIND_NISBA: MK_NISBA, KIND_METONYM: MK_STATE, KIND_PLACE: MK_PLACE,
    KIND_TRIGGER: MK_TRIGGER,
}


# a hit before it becomes a Mention: (tok_start, tok_end, kind, entry id), document token indices
_Hit = tuple[int, int, str, str]
# a matched span before its Mentions: (tok_start, tok_end, its (kind, entry id) entries), document token indices.
# (One item per span, not per entry: the entries of one span are chosen or dropped together.)
_Entries = Sequence[tuple[str, str]]
_SpanHit = tuple[int, int, _Entries]
# what the mentions stage does with a matched key: (its entity entries, its trigger entries, which context rules
# of MentionStage.process can drop one of them: _NO_RULE, _NORM_RULE, _ARTICLE_RULE or _ALL_RULES)
_Plan = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], int]
_NO_RULE = 0  # a phrase of several words, a metonym, a trigger, a name no key rule names: no rule applies
_NORM_RULE = 1  # a one-word role noun, state or nisba: only the rules on a preposition or particle (the token's norm)
_ARTICLE_RULE = 2  # a one-word name never written with the article (bare_names, bare_places): the rule on the
# article, and those on the norm
_ALL_RULES = 3  # a role phrase, or a one-word name another key rule names (weak or articled places, articled names ...)


class _Tables:
    """What the mentions and actors stages derive from one KB: the plan of each matched key (filled as keys are met),
    the keys of the accusative nisbas, and memos of names' words. The KB itself is held: the tables are valid for
    it only. (A list check, cheaper than kb_memo's weak dictionary for the memos read per mention.)"""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.plans: dict[str, _Plan] = {}
        self.person_titles: dict[tuple[str, str], bool] = {}  # a role noun's (entry id, text) -> _person_title
        self.first_words: dict[tuple[MentionKind, str], frozenset[str]] = {}  # see ActorStage._first_words
        # "عراقيا" -> IRQ: a nisba key ending in ي plus the alif of tanwīn (see MentionStage._accusative_nisbas)
        self.accusative: frozenset[str] = frozenset(n + "ا" for n, iso in kb.nisba_of.items()
                                                    if iso and n.endswith("ي") and len(n) >= 4)


_TABLES: list[_Tables] = []  # the tables of the KB last used


def _tables(kb: KnowledgeBase) -> _Tables:
    """The mentions stage's tables for ``kb``."""
    if not _TABLES or _TABLES[0].kb is not kb:
        _TABLES[:] = [_Tables(kb)]
    return _TABLES[0]


def _plan(tables: _Tables, key: str) -> _Plan:
    """The entries of a matched key split into entity and trigger entries, with the context rules of
    :meth:`MentionStage.process` that may drop one of them. Memoised per key: most keys need no rule, and their
    entries are then taken as they are."""
    kb = tables.kb
    entries = kb.index[key]
    rules = _NO_RULE
    if " " not in key:  # (every rule is about a one-word match)
        for kind, _ in entries:
            if kind == KIND_ROLE or (kind == KIND_PLACE and (key in kb.weak_places or key in kb.articled_places)) or (
                    kind == KIND_ACTOR and (key in kb.articled_names or key in kb.plain_ya_names)):
                rules = _ALL_RULES
            elif kind in (KIND_ACTOR, KIND_STATE, KIND_PLACE) and (
                    key in kb.bare_names or (kind == KIND_PLACE and key in kb.bare_places)):
                rules = max(rules, _ARTICLE_RULE)
            elif kind in (KIND_AGENT, KIND_STATE, KIND_NISBA):
                rules = max(rules, _NORM_RULE)
    elif any(kind == KIND_ROLE for kind, _ in entries):
        rules = _ALL_RULES
    plan = (tuple(e for e in entries if e[0] != KIND_TRIGGER), tuple(e for e in entries if e[0] == KIND_TRIGGER),
            rules)
    tables.plans[key] = plan
    return plan


def _select_longest(items: list[_SpanHit]) -> list[_SpanHit]:
    """Longest-first, non-overlapping spans (each with all its entries, of whatever kind)."""
    if len(items) < 2:
        return list(items)  # (most sentences have at most one trigger: nothing to sort or to overlap)
    end = 0
    for item in items:
        if item[0] < end:
            break
        end = item[1]
    else:
        return list(items)  # already by position and disjoint (about half the calls): every span is chosen
    chosen: list[_SpanHit] = []
    used: set[int] = set()  # the token positions of the chosen spans
    # longest first, then by position (a decorated sort: no key function called per item)
    for _, _, k in sorted([(a - b, a, k) for k, (a, b, _) in enumerate(items)]):
        m = items[k]
        a, b = m[0], m[1]
        if b - a == 1:  # (a one-word span, the most frequent: no range)
            if a not in used:
                chosen.append(m)
                used.add(a)
        elif used.isdisjoint(range(a, b)):
            chosen.append(m)
            used.update(range(a, b))
    chosen.sort()  # (by position: the chosen spans are disjoint, so their starts differ and decide)
    return chosen


_TOK_START = attrgetter("tok_start")
_START = attrgetter("start")
_TOK_END = attrgetter("tok_end")
_SENTENCE_TOK_START = attrgetter("sentence", "tok_start")  # (a C-level key: no lambda called per item)


def _tok_span(m: Mention) -> tuple[int, int]:
    return (m.tok_start, m.tok_end)


def _by_span(hits: list[_Hit]) -> list[_SpanHit]:
    """Per-entry hits (in span order: the entries of one span follow each other) grouped by span."""
    out: list[_SpanHit] = []
    entries: list[tuple[str, str]] = []
    for a, b, kind, id_ in hits:
        if not (out and out[-1][0] == a and out[-1][1] == b):
            entries = []
            out.append((a, b, entries))
        entries.append((kind, id_))
    return out


def _mentions(tokens: list[Token], text: str, spans: list[_SpanHit], si: int, out: list[Mention]) -> None:
    """The Mentions of the chosen spans, appended to ``out``."""
    # (each Mention is made with Mention.__new__ and its slots set here: calling Mention() runs the dataclass
    # __init__ in a frame of its own, ~900 instructions more per mention, ~190 mentions per article)
    new = Mention.__new__
    for a, b, entries in spans:
        start, end = tokens[a].start, tokens[b - 1].end
        surface = text[start:end]
        for kind, id_ in entries:
            m = new(Mention)
            m.kind = _KIND_ENUM[kind]
            m.tok_start = a
            m.tok_end = b
            m.start = start
            m.end = end
            m.text = surface
            m.entry_id = id_
            m.sentence = si
            out.append(m)


def _by_sentence(doc: Document, positions: list[int]) -> list[tuple[int, Sentence, int]]:
    """(sentence index, sentence, position) for each of the increasing token ``positions`` that lies in a sentence,
    in order: what a loop over every token of every sentence would meet at them. (The per-article scans for rare
    words list their positions first, in one pass, and visit only those.)"""
    out: list[tuple[int, Sentence, int]] = []
    k, n = 0, len(positions)
    if not n:
        return out
    for si, s in enumerate(doc.sentences):
        while k < n and positions[k] < s.tok_start:
            k += 1
        while k < n and positions[k] < s.tok_end:
            out.append((si, s, positions[k]))
            k += 1
        if k == n:
            break
    return out


@register_stage("mentions")
class MentionStage(KBStage):
    """Dictionary mentions of actors, agents, states, places and event triggers."""

    name = "mentions"
    requires = ("tokens",)
    assigns = ("mentions",)

    def warm_up(self) -> None:
        """Build the KB-derived tables: the stage's plans and the name lexicons of unknown-name finding."""
        kb = self.kb
        _tables(kb)
        _name_lexicon(kb)
        _role_words(kb)

    def process(self, doc: Document) -> None:
        kb = self.kb
        tables = _tables(kb)
        plans = tables.plans
        tokens, text = doc.tokens, doc.text
        out: list[Mention] = []  # the entity mentions, in sentence order
        trig_out: list[Mention] = []  # the trigger mentions
        # what the matcher matches over, made once for the article (each sentence's is a slice of it); its words
        # are the tokens' keys, and the scans for rare keys below read them
        parts = match_parts(tokens)
        # the name introducers, found in one pass over the article (the loop below visits only these)
        # (a C-level test of the keys first: most articles have no introducer; then the norms by a comprehension,
        # not by map(attrgetter), which costs twice as much per token on slotted objects)
        accusative = tables.accusative  # (the keys of the accusative nisbas, looked for per sentence below)
        introducers = [] if _INTRODUCER_KEYS.isdisjoint(parts) else [
            i for i, t in enumerate(tokens) if t.norm in _NAME_INTRODUCERS]

        for si, s in enumerate(doc.sentences):
            s0 = s.tok_start
            toks = tokens[s0:s.tok_end]
            ents: list[_SpanHit] = []
            trigs: list[_SpanHit] = []
            roles: set[_Hit] = set()  # the holders of role phrases (as actor hits)
            sparts = parts[s0:s.tok_end]
            for i, j, key in kb.match_keys(toks, sparts):
                plan = plans.get(key)
                if plan is None:
                    plan = _plan(tables, key)
                e_list: _Entries
                t_list: _Entries
                e_list, t_list, rules = plan
                if rules != _NO_RULE and (rules == _ALL_RULES or toks[i].norm in _NORM_RULE_WORDS or (
                        rules == _ARTICLE_RULE and "ال" in toks[i].prefix)):
                    e_list, t_list = self._kept(kb, doc, toks, s0, i, j, key, roles)
                if e_list:
                    ents.append((s0 + i, s0 + j, e_list))
                if t_list:
                    trigs.append((s0 + i, s0 + j, t_list))
            if roles:
                ents = _by_span(self._role_holders([(a, b, k, e) for a, b, es in ents for k, e in es], roles))
            found: list[Mention] = []
            _mentions(tokens, text, _select_longest(ents), si, found)
            taken = {i for m in found for i in range(m.tok_start, m.tok_end)}
            # does a trigger start on a token of these mentions? (the test of triggers inside names below is needed
            # only then: the names it reads are among them; asked now, before other positions join ``taken``)
            in_name = False
            for t in trigs:
                if t[0] in taken:
                    in_name = True
                    break
            chosen = self._other_bearers(kb, doc, s0, found, taken)
            n_chosen = len(chosen) if chosen is found else -1  # (-1: a name replaced a mention, perhaps out of order)
            # (the rare accusative nisbas, by a C-level test of the sentence's keys: see word_positions)
            if not accusative.isdisjoint(sparts):
                nisbas = self._accusative_nisbas(kb, doc, [s0 + i for i in word_positions(sparts, accusative)], si,
                                                 taken)
                if nisbas:
                    chosen.extend(nisbas)
                    taken.update(m.tok_start for m in nisbas)
            names = self._unknown_names(kb, doc, s.tok_start, s.tok_end, si, chosen, trigs, taken,
                                        [i + 1 for i in introducers if s0 <= i < s.tok_end])
            if len(chosen) != n_chosen or names:  # (else still in the order of _select_longest)
                chosen.extend(names)
                chosen.sort(key=_tok_span)
            out.extend(chosen)
            # a trigger word inside a name is not an event: "الأمم" in "الأمم المتحدة", "التعاون" in "مجلس التعاون"
            named: dict[int, list[tuple[int, int]]] = {}  # a trigger's first position -> the named spans covering it
            if in_name:
                trig_starts = {t[0] for t in trigs}  # (the only positions asked about below)
                for m in chosen:
                    if m.kind in _NAMED_KINDS:
                        for k in range(m.tok_start, m.tok_end):
                            if k in trig_starts:
                                named.setdefault(k, []).append((m.tok_start, m.tok_end))
            if named:
                # inside a longer name: a name span covering its first token (a <= t[0] < b) that also holds its end
                trigs = [t for t in trigs if t[0] not in named or not any(t[1] <= b and (b - a) > (t[1] - t[0])
                                                                         for a, b in named[t[0]])]
            _mentions(tokens, text, _select_longest(trigs), si, trig_out)
        out.extend(self._surnames(doc, out, trig_out, parts))
        # by position, a trigger before the names on the same token: the triggers first, then a stable sort by
        # position (by a C-level key: no tuple per mention)
        trig_out.extend(out)
        trig_out.sort(key=_TOK_START)
        doc.mentions = trig_out

    @staticmethod
    def _kept(kb: KnowledgeBase, doc: Document, toks: list[Token], s0: int, i: int, j: int, key: str,
              roles: set[_Hit]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The entity and trigger entries of the match ``[i, j)`` of ``key`` that the context rules keep (sentence
        token indices; a role phrase gives its holder on the article date, recorded in ``roles``)."""
        ents: list[tuple[str, str]] = []
        trigs: list[tuple[str, str]] = []
        one = j - i == 1  # (every rule below but the role's is about a one-word match)
        t = toks[i]
        tkey, prefix = t.key, t.prefix
        for kind, id_ in kb.index[key]:
            if one:
                if (kind == KIND_PLACE and tkey in kb.weak_places
                        and (i == 0 or toks[i - 1].key not in PLACE_NOUNS)):
                    continue  # a common word (بيان، مدينة) is a place only after a place noun
                if (kind in (KIND_ACTOR, KIND_STATE, KIND_PLACE) and "ال" in prefix
                        and (tkey in kb.bare_names or (kind == KIND_PLACE and tkey in kb.bare_places))):
                    continue  # "حشد" the party is not "الحشد" the mobilisation; "مالي" is not "المالي"
                if (kind == KIND_PLACE and tkey in kb.articled_places
                        and not prefix.endswith(("ال", "لل"))):
                    continue  # the verb "خرج" is not the town "الخرج"
                if (kind == KIND_ACTOR and tkey in kb.articled_names
                        and prefix and not prefix.endswith(("ال", "لل"))):
                    continue  # "فاسد" (corrupt) is not ف + "الأسد": a clitic without the article
                if kind == KIND_ACTOR and "ئ" in t.text and tkey in kb.plain_ya_names:
                    continue  # "مناوئي" (the opponents of) is not "مناوي" (Minnawi)
                if kind == KIND_AGENT and t.norm in PREPOSITIONS and not t.text.startswith("إ"):
                    continue  # the preposition "أمام" (in front of) is not "الإمام" (the imam)
                if kind in (KIND_NISBA, KIND_STATE) and t.norm in PARTICLES:
                    continue  # the particle "بأن" (that) is not "ألبان" (Albanians)
            if kind == KIND_ROLE:
                # "الأمين العام لحزب الله": the person holding the role on the article date
                holder = kb.role_holder(id_, doc.article.date)
                if holder is not None:
                    ents.append((KIND_ACTOR, holder))
                    roles.add((s0 + i, s0 + j, KIND_ACTOR, holder))
                continue
            (trigs if kind == KIND_TRIGGER else ents).append((kind, id_))
        return ents, trigs

    def _role_holders(self, ents: list[_Hit], role_hits: set[_Hit]) -> list[_Hit]:
        """The holder of a role phrase stands for it, not the generic role noun of the same words ("الأمين العام
        للأمم المتحدة" is the Secretary-General of the day); but a role phrase followed by a person's name ("الأمين
        العام لحزب الله حسن نصر الله") keeps its generic reading, to make one phrase with the name."""
        kb = self.kb
        persons_at = {h[0] for h in ents if h[2] == KIND_ACTOR and h not in role_hits
                      and kb.actors[h[3]].type == "person"}
        dropped = {h for h in role_hits if h[1] in persons_at}
        kept = {(h[0], h[1]) for h in role_hits - dropped}
        return [h for h in ents if h not in dropped and not (h[2] == KIND_AGENT and (h[0], h[1]) in kept)]

    def _surnames(self, doc: Document, mentions: list[Mention], triggers: list[Mention],
                  keys: list[str]) -> list[Mention]:
        """A dictionary person named in full ("وزير الدفاع الأميركي أشتون كارتر") is meant by the surname alone
        later in the article ("وقال كارتر"), though the dictionary lists no such alias. The surname is the last
        word of the full name as written; it must be a word of no other kind (not a common word, a given name,
        a preposition or another entry's form), name one person only in the article, and stand alone (no
        dictionary mention or trigger on it, no given name before it). ``mentions``: the entity mentions, in
        order; ``triggers``: the trigger mentions; ``keys``: the tokens' keys (``match_parts``)."""
        kb = self.kb
        toks = doc.tokens
        full: list[tuple[int, str, str]] = []  # (token after the full name, surname key, actor id)
        for m in mentions:
            if (m.kind is MK_ACTOR and m.tok_end - m.tok_start >= 2 and m.entry_id in kb.actors
                    and kb.actors[m.entry_id].type == "person"):
                t = toks[m.tok_end - 1]
                if (not t.suffix and len(t.key) >= 3 and t.key not in kb.common and t.key not in kb.index
                        and (t.key not in _given_names() or _given_surname(toks, m))
                        and t.norm not in PREPOSITIONS and not t.key.isascii()):
                    full.append((m.tok_end, t.key, m.entry_id))
        if not full:
            return []
        people: dict[str, set[str]] = {}
        for _, key, id_ in full:
            people.setdefault(key, set()).add(id_)
        first = {key: min(e for e, k, _ in full if k == key) for key in people}
        cands = _by_sentence(doc, word_positions(keys, set(people)))
        if not cands:
            return []
        covered: set[int] | None = None  # the positions of the mentions, made for the first word that passes the
        # other tests (most surnames are not met again)
        out: list[Mention] = []
        for si, s, i in cands:
            t = toks[i]
            ids = people[t.key]
            if len(ids) != 1 or i < first[t.key] or t.suffix or t.is_punct or "ال" in t.prefix:
                continue
            if covered is None:
                covered = {k for ms in (mentions, triggers) for m in ms for k in range(m.tok_start, m.tok_end)}
            if i in covered:
                continue
            if i > s.tok_start and toks[i - 1].key in _given_names() and not toks[i - 1].prefix:
                continue  # another bearer of the surname: "جيمي كارتر"
            if t.key in _given_names() and i + 1 < s.tok_end and _name_word(kb, toks[i + 1]):
                continue  # a given name that is also the surname, here before a surname: another person
            out.append(Mention(MK_ACTOR, i, i + 1, t.start, t.end, t.text, next(iter(ids)), si))
        return out


    def _other_bearers(self, kb: KnowledgeBase, doc: Document, a: int, ents: list[Mention],
                       taken: set[int]) -> list[Mention]:
        """A known person's surname after a different given name is another person: "زياد غندور" is not
        "إبراهيم غندور", "إيفانكا ترامب" is not Donald Trump. The two words become an unknown name.
        (``kb`` is the stage's, passed in: the property costs a lookup per sentence.) ``taken``: the positions of
        ``ents``, to which the given names are added. Returns ``ents`` itself when there is no such name."""
        toks = doc.tokens
        out: list[Mention] | None = None  # (None: no name so far, the mentions are ents[:k])
        given: list[int] = []
        for k, m in enumerate(ents):
            i = m.tok_start
            if (m.kind is MK_ACTOR and m.tok_end - i == 1 and i - 1 >= a and i - 1 not in taken
                    and kb.actors[m.entry_id].type == "person"):
                g = toks[i - 1]
                if (not g.prefix and not g.is_punct and g.key in _given_names() and g.key not in AMBIGUOUS_GIVEN
                        and g.key not in self._name_words(m.entry_id)):
                    text = doc.text[g.start:toks[i].end]
                    if out is None:
                        out = ents[:k]
                    out.append(Mention(MK_NAME, i - 1, i + 1, g.start, toks[i].end, text, f"name:{text}",
                                       m.sentence))
                    given.append(i - 1)
                    continue
            if out is not None:
                out.append(m)
        taken.update(given)
        return ents if out is None else out

    def _name_words(self, actor_id: str) -> frozenset[str]:
        """The keys of every word of a dictionary actor's names."""
        memo = kb_memo(self.kb, "name_words")
        got = memo.get(actor_id)
        if got is None:
            a = self.kb.actors[actor_id]
            got = memo[actor_id] = frozenset(w for f in [a.name_ar, *a.aliases] for w in phrase_key(f).split())
        return got

    def _accusative_nisbas(self, kb: KnowledgeBase, doc: Document, cands: list[int], si: int,
                           taken: set[int]) -> list[Mention]:
        """Nisbas in the indefinite accusative, written with the alif of tanwīn ("صحفيا عراقيا", "جنديا
        تركيا"), which the adjective lists give only as عراقي/تركي. A word that is itself an entity (سوريا،
        روسيا: ``taken``, the positions of the sentence's mentions) keeps its own reading. ``cands``: the
        sentence's words whose key is such a form (:class:`_Tables`)."""
        toks = doc.tokens
        out: list[Mention] = []
        for i in cands:
            t = toks[i]
            if i in taken or t.is_punct or "ال" in t.prefix or not t.key.endswith("يا") or len(t.key) < 5:
                continue
            iso = kb.nisba_of.get(t.key[:-1])
            if iso:
                out.append(Mention(MK_NISBA, i, i + 1, t.start, t.end, t.text, iso, si))
        return out

    def _unknown_names(self, kb: KnowledgeBase, doc: Document, a: int, b: int, si: int, ents: list[Mention],
                       trigs: list[_SpanHit], taken: set[int], introduced: list[int]) -> list[Mention]:
        """Names the dictionaries lack, after a role noun or المدعو: "الناشط الطلابي آرش صادقي". ``taken``: the
        positions of the mentions ``ents`` (updated here when the sentence has a role noun or an introducer);
        ``introduced``: the positions after the sentence's words of ``_NAME_INTRODUCERS``."""
        toks = doc.tokens
        titles = _tables(kb).person_titles
        out: list[Mention] = []
        starts: list[int] = []
        for m in ents:
            title = titles.get((m.entry_id, m.text)) if m.kind is MK_AGENT else False
            if title is None:
                title = titles[(m.entry_id, m.text)] = _person_title(kb, m)
            if title or (
                    m.kind is MK_NISBA and starts and starts[-1] == m.tok_start):
                starts.append(m.tok_end)
        starts.extend(introduced)
        if not starts:
            return out  # (no role noun or introducer: most sentences)
        for t in trigs:
            taken.update(range(t[0], t[1]))
        for j in sorted(set(starts)):
            # skip a nationality and an honorific right after the role noun: "الرئيس السوداني عمر البشير",
            # "رئيس الوزراء القطري الشيخ عبد الله بن ناصر"
            while j < b and (toks[j].key in kb.nisba_of or (toks[j].norm in PERSON_TITLES and j + 1 < b
                                                              and toks[j + 1].norm not in PERSON_TITLES)):
                j += 1
            k = j
            while k < b and k - j < 4 and k not in taken and _nameish(toks[k], kb) and not toks[k].is_punct:
                k += 1
            # a name never ends on a connector: "عبد الله بن خليفة آل ثاني"
            if (k - j == 4 and toks[k - 1].norm in NAME_CONNECTORS and k < b and k not in taken
                    and _nameish(toks[k], kb) and not toks[k].is_punct):
                k += 1
            if (k - j >= 2 and toks[j].prefix == "" and not any(t.prefix.startswith("و") for t in toks[j + 1:k])
                    and not toks[j].norm.startswith("ال")):
                out.append(Mention(MK_NAME, j, k, toks[j].start, toks[k - 1].end,
                                   doc.text[toks[j].start:toks[k - 1].end], f"name:{doc.text[toks[j].start:toks[k - 1].end]}", si))
                taken.update(range(j, k))
        return out


NAME_CONNECTORS = frozenset(["بن", "ابن", "بنت", "ال", "ابو", "ام", "عبد"])
PERSON_ROLE_WORDS = ("president", "minister", "king", "emir", "prince", "sultan", "spokes", "ambassador", "envoy",
                     "commander", "chief", "general", "colonel", "brigadier", "marshal", "admiral", "leader", "speaker",
                     "judge", "imam", "sheikh", "activist", "journalist", "director", "governor", "secretary", "deputy",
                     "adviser", "mayor", "head", "consul", "prosecutor", "mufti", "cleric", "officer", "representative")


def _person_title(kb: KnowledgeBase, m: Mention) -> bool:
    """A singular role noun that can stand before a person's name ("المتحدث باسم الجيش X"), not a plural group."""
    g = kb.agents.get(m.entry_id)
    if g is None:
        return False
    surface = m.text.split()[0] if m.text else ""
    if surface.endswith(("ون", "ين", "ات")) and not surface.endswith(("يين",)):
        return False
    return _person_role(g.name_en)


# sets of mention kinds, named once (a set display of module globals is built anew at each test); the kinds of a
# mention are MentionKind members, compared by identity below (``is``: no rich comparison of two strings)
_STATE_NISBA: frozenset[MentionKind] = frozenset({MK_STATE, MK_NISBA})
_STATE_NISBA_ACTOR: frozenset[MentionKind] = frozenset({MK_STATE, MK_NISBA, MK_ACTOR})
_NAMING_KINDS: frozenset[MentionKind] = frozenset({MK_STATE, MK_NISBA, MK_ACTOR, MK_AGENT})
_NISBA_PLACE: frozenset[MentionKind] = frozenset({MK_NISBA, MK_PLACE})
_NAME_ACTOR: frozenset[MentionKind] = frozenset({MK_NAME, MK_ACTOR})
_PLACE_ONLY: frozenset[MentionKind] = frozenset({MK_PLACE})


@lru_cache(maxsize=4096)
def _person_role(name_en: str) -> bool:
    """True when an agent's English name is a person's role (president, minister, spokesman ...)."""
    return any(w in name_en.lower() for w in PERSON_ROLE_WORDS)


@dataclass
class _Group:
    mentions: list[Mention]
    conj: bool = False


def _prep_of(word: str) -> str:
    """The preposition a word before a phrase is (spelled الى، على), or "": a preposition, or و/ف + one (not ومن)."""
    if word[:1] in ("و", "ف") and word[1:] in PREPOSITIONS and word[1:] not in ("من",):
        word = word[1:]
    return word.replace("الي", "الى").replace("علي", "على") if word in PREPOSITIONS else ""


# every word _prep_of names a preposition for (the only ones: a preposition, with و or ف or without), for
# _prep_before's test of the word before each phrase
_PREP_WORDS: dict[str, str] = {w: _prep_of(w) for p in PREPOSITIONS for w in (p, "و" + p, "ف" + p) if _prep_of(w)}


def _norms_before(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    """The normalised forms of the ``n`` tokens before token ``i``.

    (A function of its own so that _prep_before, called for every entity group, holds no comprehension: the
    variables a comprehension reads are cells, made and freed on every call of the function that holds it.)"""
    return tuple([t.norm for t in tokens[i - n:i]])


def _prep_before(tokens: list[Token], i: int, sent_start: int, clitic: str | None = None) -> str:
    """The preposition governing the phrase starting at token ``i``; ``clitic`` overrides the token's
    proclitics (when a letter of them belongs to a name)."""
    t = tokens[i]
    if i - 1 >= sent_start:
        prev = tokens[i - 1].norm
        if prev in _AGENT_MARKER_ENDS:
            for agent in AGENT_MARKERS:
                if i - len(agent) >= sent_start and _norms_before(tokens, i, len(agent)) == agent:
                    return "BY"
        prep = _PREP_WORDS.get(prev)
        if prep is not None:
            return prep
    pre = (t.prefix if clitic is None else clitic).lstrip("وف")
    if pre[:1] in ("ب", "ل", "ك"):
        return pre[:1]
    return ""


def _resolve_roles(actors: list[ActorMention]) -> None:
    """A role phrase without a name ("وزير الدفاع التركي") is the person named with that role elsewhere
    in the article ("وزير الدفاع التركي خلوصي أكار"), when exactly one person has it."""
    people: dict[tuple[str, str], set[str]] = {}
    refs: dict[str, ActorRef] = {}
    for a in actors:
        if a.role and a.ref.id and a.ref.type == "person":
            people.setdefault((a.role, a.ref.country or ""), set()).add(a.ref.id)
            refs[a.ref.id] = a.ref
    if not people:
        return  # (no person named with a role: no role phrase can take one)
    for a in actors:
        if a.head == KIND_AGENT and a.role and not a.ref.id:
            ids = people.get((a.role, a.ref.country or ""))
            if ids is not None and len(ids) == 1:
                p = refs[next(iter(ids))]
                a.ref = ActorRef(p.name, p.name_en, p.code, p.id, p.type, p.country, list(a.ref.mentions))
                a.head = KIND_ACTOR


# bare definite nouns that refer back to an actor named earlier ("حركة حماس ... وقالت الحركة"): the noun's key
# -> its kind; a noun refers to an antecedent whose head noun is of the same kind
ANAPHORIC_HEADS: dict[str, str] = {
    "حركه": "group", "تنظيم": "group", "جماعه": "group", "جبهه": "group", "حزب": "group", "كتايب": "group",
    "وزاره": "ministry", "منظمه": "organisation", "وكاله": "agency", "بعثه": "mission", "نقابه": "union",
    "برلمان": "parliament", "جيش": "army",
}
# role nouns that refer back to the last person named with that role ("الرئيس" -> the last president, by
# the role's agent id); those marked True also take any person whose phrase starts with the noun ("الوزير" ->
# the last "وزير ..." named, whatever his portfolio)
ANAPHORIC_ROLES: dict[str, bool] = {"رييس": False, "وزير": True}
_ANAPHORIC_KEYS = frozenset(ANAPHORIC_HEADS) | frozenset(ANAPHORIC_ROLES)
_ANAPHOR_WINDOW = 3  # sentences before the anaphor in which a second candidate makes it ambiguous


def _positions_of(toks: list[Token], found: list[Token]) -> list[int]:
    """The positions in ``toks`` of the tokens ``found`` among them (in text order), by bisection on their character
    offsets. (A scan of every token for a few rare words lists the tokens, not their positions: ``enumerate`` would
    make a new int for every token past the 256th.)"""
    out: list[int] = []
    for t in found:
        i = bisect_left(toks, t.start, key=_START)
        while toks[i] is not t:  # (tokens with the same start: none from the tokenizer)
            i += 1
        out.append(i)
    return out


def _definite(t: Token) -> bool:
    """The token carries the article (ال، or لل after the preposition لـ)."""
    return t.prefix.endswith("ال") or t.prefix.endswith("لل")


def _identity(ref: ActorRef) -> tuple[str | None, ...]:
    """What makes two resolved actors the same actor."""
    return (ref.id,) if ref.id else (ref.code, ref.name_en)


def _resolve_definites(kb: KnowledgeBase, doc: Document, actors: list[ActorMention],
                       ents: list[Mention] | None = None) -> None:
    """A bare definite noun (with the article, without a nisba, an adjective or a name after it) refers
    back to the most recent compatible actor named earlier in the article: "حركة حماس ... وقالت الحركة",
    "وزارة الخارجية الروسية ... وأضافت الوزارة", "الرئيس التركي رجب طيب أردوغان ... وقال الرئيس".
    Compatible: an antecedent headed by a noun of the same kind (حركة/تنظيم/جبهة ...), or named in the
    dictionary with that very noun (داعش: "تنظيم الدولة"); for a role noun, the person named with that role.
    Without an antecedent, or with two different ones in the last few sentences, nothing changes. ``ents``: the
    article's mentions other than triggers, when the caller has them."""
    toks = doc.tokens
    # (one pass finds the candidate words; the tables below are built only for an article that has one)
    cands = _by_sentence(doc, _positions_of(toks, [t for t in toks if t.key in _ANAPHORIC_KEYS and _definite(t)]))
    if not cands:
        return
    # the positions the loop below asks about: each candidate and the word after it
    asked = {i for _, _, i in cands} | {i + 1 for _, _, i in cands}
    taken: dict[int, list[Mention]] = {}  # token position (of those asked about) -> the entity mentions covering it
    if ents is None:
        ents = [m for m in doc.mentions if m.kind is not MK_TRIGGER]
    for m in ents:
        start, end = m.tok_start, m.tok_end
        if end - start == 1:  # (most mentions are one word: no range)
            if start in asked:
                taken.setdefault(start, []).append(m)
            continue
        for k in range(start, end):
            if k in asked:
                taken.setdefault(k, []).append(m)
    time_toks: set[int] = set()
    for tx in doc.times:  # (tokens are in text order: a time's tokens are a slice found by bisection)
        time_toks.update(range(bisect_left(toks, tx.start, key=_START), bisect_left(toks, tx.end, key=_START)))
    by_start = {(a.tok_start, a.tok_end): a for a in actors}
    # the antecedents, built at the first word that needs them (before any reference below changes: the
    # first change follows the first antecedent found)
    pool: list[ActorMention] | None = None
    added: list[ActorMention] = []
    for si, s, i in cands:
        t = toks[i]
        existing = by_start.get((i, i + 1))
        if i in taken and not _sole_agent(taken[i], existing is not None, i):
            continue  # part of a longer name or phrase
        if existing is not None and (existing.head != KIND_AGENT or existing.ref.id):
            continue
        if i + 1 < s.tok_end and not _bare_after(kb, toks[i + 1], taken.get(i + 1, []), i + 1 in time_toks):
            continue  # "الحركة الإسلامية", "الجيش السوري", "الرئيس السابق"
        if pool is None:
            pool = actors + _embedded(kb, doc, actors, ents)
            pool.sort(key=_TOK_END)
        ante = _antecedent(kb, toks, pool, t.key, existing.role if existing else "", i, si)
        if ante is None:
            continue
        surface = doc.text[t.start:t.end]
        r = ante.ref
        ref = ActorRef(r.name, r.name_en, r.code, r.id, r.type, r.country, [surface])
        if existing is not None:
            existing.ref, existing.head = ref, ante.head
        else:
            added.append(ActorMention(i, i + 1, t.start, t.end, si, ref, ante.head,
                                      _prep_before(toks, i, s.tok_start), conj=t.prefix.startswith("و")))
    if added:
        actors.extend(added)
        actors.sort(key=_SENTENCE_TOK_START)


def _surname_key(kb: KnowledgeBase, t: Token) -> str:
    """The key of the last word of a full name when it can stand for the person alone: a word of no other kind
    (not a common word, a given name, a preposition or a dictionary form), else ""."""
    if (t.suffix or len(t.key) < 3 or t.key in kb.common or t.key in kb.index or t.key in _given_names()
            or t.norm in PREPOSITIONS or t.key.isascii()):
        return ""
    return t.key


def _unknown_surnames(kb: KnowledgeBase, doc: Document, actors: list[ActorMention],
                      ents: list[Mention] | None = None) -> None:
    """A person the dictionaries lack, named in full after a role noun ("الناشط الحقوقي سامر دعبول"), is meant
    by the surname alone later in the article ("وأضاف دعبول"): the surname takes the full name's actor. The
    surname must name one person in the article and stand alone (no mention on it, no given name before it).
    ``ents``: the article's mentions other than triggers, when the caller has them."""
    toks = doc.tokens
    names = [m for m in (doc.mentions if ents is None else ents) if m.kind is MK_NAME and m.tok_end - m.tok_start >= 2]
    if not names:
        return
    refs: dict[str, list[tuple[int, ActorRef]]] = {}  # surname key -> (end of the full name, its actor)
    for a in actors:
        if a.ref.type != "person" or a.ref.id:
            continue
        for m in names:
            if a.tok_start <= m.tok_start and m.tok_end == a.tok_end:
                key = _surname_key(kb, toks[m.tok_end - 1])
                if key:
                    refs.setdefault(key, []).append((m.tok_end, a.ref))
    if not refs:
        return
    covered: set[int] | None = None  # the positions under a mention (built at the first word that needs it)
    added: list[ActorMention] = []
    # (the words of a surname only, found in one pass, in the order of a loop over the sentences: word_positions
    # would pay two C-level scans of the article per surname)
    for si, s, i in _by_sentence(doc, _positions_of(toks, [t for t in toks if t.key in refs])):
        t = toks[i]
        got = refs[t.key]
        if (len({r.name for _, r in got}) != 1 or i < min(e for e, _ in got)
                or t.suffix or t.is_punct or "ال" in t.prefix):
            continue
        if covered is None:
            covered = {k for m in doc.mentions for k in range(m.tok_start, m.tok_end)}
        if i in covered:
            continue
        if i > s.tok_start and toks[i - 1].key in _given_names() and not toks[i - 1].prefix:
            continue  # another bearer of the surname
        r = got[0][1]
        ref = ActorRef(r.name, r.name_en, r.code, None, r.type, r.country, [t.text])
        added.append(ActorMention(i, i + 1, t.start, t.end, si, ref, KIND_ACTOR, _prep_before(toks, i, s.tok_start),
                                  conj=t.prefix.startswith("و")))
    if added:
        actors.extend(added)
        actors.sort(key=_SENTENCE_TOK_START)


def _embedded(kb: KnowledgeBase, doc: Document, actors: list[ActorMention],
              ents: list[Mention] | None = None) -> list[ActorMention]:
    """Organisations named inside an actor phrase that resolved to someone else ("زعيم حزب الله حسن نصر
    الله" names Hezbollah too), as antecedents only. ``ents``: the article's mentions other than triggers, when the
    caller has them."""
    out: list[ActorMention] = []
    date = doc.article.date
    at = {k: a for a in actors for k in range(a.tok_start, a.tok_end)}  # token position -> its actor phrase
    for m in doc.mentions if ents is None else ents:
        if m.kind is not MK_ACTOR:
            continue
        a = at.get(m.tok_start)
        if a is not None and m.tok_end <= a.tok_end and m.entry_id != a.ref.id and m.entry_id in kb.actors:
            e = kb.actors[m.entry_id]
            if e.type != "person":
                ref = ActorRef(e.name_ar, e.name_en, e.code_on(date), e.id, e.type, e.country or None, [m.text])
                out.append(ActorMention(m.tok_start, m.tok_end, m.start, m.end, m.sentence, ref, KIND_ACTOR))
    return out


def _bare_after(kb: KnowledgeBase, nxt: Token, named: list[Mention], time: bool) -> bool:
    """The word after a definite noun leaves it bare: not a nisba or a definite adjective. A time word
    (الاثنين) or another actor starting there ("وانتقدت الحركة الحكومة") is a new phrase."""
    if nxt.is_punct or time:
        return True
    if nxt.key in kb.nisba_of:
        return False
    if named:
        kinds = {m.kind for m in named}
        return MK_NISBA not in kinds and kinds != _PLACE_ONLY
    return not _definite(nxt)


def _antecedent(kb: KnowledgeBase, toks: list[Token], actors: list[ActorMention], key: str, role: str,
                i: int, si: int) -> ActorMention | None:
    """The most recent compatible actor before token ``i``, or None when there is none or when two
    different ones compete within the last few sentences. Actors headed by the very same noun come
    before those headed by a noun of the same kind ("الكتائب" is the last كتائب, not the last تنظيم)."""
    same: list[ActorMention] = []
    kin: list[ActorMention] = []
    kind = ANAPHORIC_HEADS.get(key)  # (a head noun's kind; a role noun's is not asked for)
    for a in actors:
        if a.tok_end > i:
            break
        if not a.ref.code or (a.tok_end - a.tok_start < 2 and not a.ref.id):
            continue  # itself bare or without a code
        if key in ANAPHORIC_ROLES:
            if a.ref.type == "person" and a.ref.id and (
                    (role and a.role == role) or (ANAPHORIC_ROLES[key] and toks[a.tok_start].key == key)):
                same.append(a)
            continue
        # the phrase is headed by such a noun and is one phrase ("الجيش (مجلس السيادة" is not the army),
        # or the dictionary names the actor with such a noun (داعش: "تنظيم الدولة")
        # (loops, not generators: a phrase is a few words, an actor's head words one or two)
        head_words = _head_words(kb, a.ref.id) if a.ref.id and a.ref.id in kb.actors else _NO_WORDS
        one_phrase = True
        for k in range(a.tok_start + 1, a.tok_end):
            if toks[k].is_punct or toks[k].prefix.startswith("و"):
                one_phrase = False
                break
        first = toks[a.tok_start].key if one_phrase else ""
        if key in head_words or (one_phrase and first == key):
            same.append(a)
        elif one_phrase and ANAPHORIC_HEADS.get(first) == kind:
            kin.append(a)
        else:
            for h in head_words:
                if ANAPHORIC_HEADS.get(h) == kind:
                    kin.append(a)
                    break
    cands = same or kin
    if not cands:
        return None
    near = {_identity(a.ref) for a in cands if a.sentence >= si - _ANAPHOR_WINDOW}
    if len(near) > 1:
        return None
    return cands[-1]


_NO_WORDS: frozenset[str] = frozenset()


def _head_words(kb: KnowledgeBase, actor_id: str) -> frozenset[str]:
    """The keys of the first words of a dictionary actor's names ("تنظيم الدولة" -> تنظيم)."""
    memo = kb_memo(kb, "head_words")
    got = memo.get(actor_id)
    if got is None:
        a = kb.actors[actor_id]
        got = memo[actor_id] = frozenset(phrase_key(f).split()[0] for f in [a.name_ar, *a.aliases]
                                           if phrase_key(f).split())
    return got


# metonyms that name their state only in an article about that state's conflict: "الاحتلال" alone is Israel's in
# news about Israel and Palestine, the US-led forces' in an Iraq-war article (key -> the countries that must be
# mentioned otherwise)
CONTEXT_METONYMS: dict[str, frozenset[str]] = {"احتلال": frozenset({"ISR", "PSE"})}
# every country a context metonym may need (an actor of another country needs no _context_alias test)
_CONTEXT_COUNTRIES: frozenset[str] = frozenset().union(*CONTEXT_METONYMS.values())


def _context_alias(kb: KnowledgeBase, doc: Document, m: Mention) -> frozenset[str] | None:
    """The countries an actor mention needs the article to name, when its name says whose it is only through a
    context metonym: "قوات الاحتلال"، "جيش الاحتلال"، "سلطات الاحتلال" are Israel's in news about Israel and
    Palestine but the US-led forces' in an Iraq-war article. None for any other mention, and for a name that also
    writes the nationality ("قوات الاحتلال الإسرائيلي"، "جيش الاحتلال الصهيوني")."""
    if m.kind is not MK_ACTOR:
        return None
    toks = doc.tokens[m.tok_start:m.tok_end]
    need: frozenset[str] | None = None
    for t in toks:  # (a loop, not a generator: ~20 calls per article)
        if t.key in CONTEXT_METONYMS:
            need = CONTEXT_METONYMS[t.key]
            break
    if need is None or kb.actors[m.entry_id].country not in need:
        return None
    if any(t.key in kb.nisba_of or (t.key in kb.metonyms and t.key not in CONTEXT_METONYMS) for t in toks):
        return None
    return need


def _country_facts(kb: KnowledgeBase, doc: Document, places_in: set[str] | None = None,
                   ents: list[Mention] | None = None) -> tuple[set[str], str]:
    """:func:`_article_countries` and :func:`_dominant_country` in one pass over the mentions; ``places_in``, when
    given, receives the countries of every place the article names, however small. ``ents``: the article's
    mentions other than triggers, when the caller has them (triggers name no country)."""
    out: set[str] = set()
    counts: dict[str, int] = {}  # country -> states, nisbas and actors naming it (insertion order kept)
    countries, metonyms, actors, places = kb.countries, kb.metonyms, kb.actors, kb.places
    state, nisba, actor, place = MK_STATE, MK_NISBA, MK_ACTOR, MK_PLACE
    for m in doc.mentions if ents is None else ents:
        k = m.kind
        if k is state or k is nisba:
            if m.entry_id in countries:
                out.add(m.entry_id)
                counts[m.entry_id] = counts.get(m.entry_id, 0) + 1
            elif m.entry_id in metonyms and m.entry_id not in CONTEXT_METONYMS:
                out.add(metonyms[m.entry_id].code[:3])
        elif k is actor:
            c = actors[m.entry_id].country
            if c and (c not in _CONTEXT_COUNTRIES or _context_alias(kb, doc, m) is None):
                # ("قوات الاحتلال" does not name Israel by itself)
                out.add(c)
                counts[c] = counts.get(c, 0) + 1
        elif k is place:
            p = places.get(m.entry_id)
            if p:
                if places_in is not None and p.country:
                    places_in.add(p.country)
                if p.feature in ("country", "admin1") or p.population >= 100_000:
                    out.add(p.country)
    dominant = ""
    if counts:
        top, n = max(counts.items(), key=lambda kv: kv[1])  # the first of the most named, as Counter.most_common
        if n >= 3 and n / sum(counts.values()) >= 0.4:
            dominant = top
    return out, dominant


def _article_countries(kb: KnowledgeBase, doc: Document) -> set[str]:
    """ISO3 codes of every state, nationality and known actor's country the article mentions."""
    return _country_facts(kb, doc)[0]


def _dominant_country(kb: KnowledgeBase, doc: Document) -> str:
    """The country most mentioned in the article (states, nisbas, actors), if it clearly dominates."""
    return _country_facts(kb, doc)[1]


def _is_title(kb: KnowledgeBase, agent_id: str) -> bool:
    """Ranks and honorifics that stand before a name (المشير، اللواء، الشيخ) rather than roles."""
    g = kb.agents.get(agent_id)
    return bool(g and ("rank" in g.name_en or agent_id in TITLE_AGENTS))


TITLE_AGENTS = frozenset(["mil.field-marshal", "mil.general-rank", "mil.major-general", "mil.brigadier", "mil.colonel",
                          "mil.admiral", "mil.junior-officer-rank", "rel.imam"])


# ------------------------------------------------------------------ phrase boundaries
#
# An actor phrase is a role noun with its genitive complement and nationality, optionally followed by a
# person's name ("وزير الخارجية الروسي سيرغي لافروف", "زعيم حزب الله حسن نصر الله", "أمير قطر الشيخ تميم"),
# or a complete name (a person, an organisation, a state) with its nationality. In a VSO clause the object
# follows the subject with no word between them ("اتهمت الولايات المتحدة روسيا", "هدد حزب الله إسرائيل",
# "اعتقلت السلطات السعودية الداعية سلمان العودة"), so the builder must end a phrase where a complete
# phrase is followed by something that cannot continue it. The rules below work on *spans*: all the
# mentions on the same tokens ("السعودية" is a state, a nisba and a place at once).

# head nouns of bodies and groups: never in apposition with one person's name
COLLECTIVE_HEADS = frozenset(["سلطات", "سلطه", "حكومه", "وزاره", "قوات", "شرطه", "جيش", "اجهزه", "جهاز", "اداره",
                              "سفاره", "وفد", "محكمه", "نيابه", "نظام", "مجلس", "برلمان", "قياده", "اجهزه", "جماعه"])
# role nouns that name a different person from the preceding name ("التقى لافروف نظيره")
NEVER_APPOSITION = frozenset(["gov.counterpart"])


def _spans(ms: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by identical token span, in order."""
    out: list[list[Mention]] = []
    for m in ms:
        if out and out[-1][0].tok_start == m.tok_start and out[-1][0].tok_end == m.tok_end:
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _kinds(span: list[Mention]) -> set[MentionKind]:
    """The kinds of the mentions of a span. (A loop, not a set comprehension, which is a call of its own: a span
    has one to four mentions.)"""
    out: set[MentionKind] = set()
    for m in span:
        out.add(m.kind)
    return out


def _named_actor(kb: KnowledgeBase, span: list[Mention]) -> ActorEntry | None:
    """The dictionary actor a span names, unless the same words are also a generic role (مجلس النواب)."""
    actor: Mention | None = None  # (a loop, not any() and next(): ~100 calls per article)
    for m in span:
        if m.kind is MK_AGENT:
            return None
        if actor is None and m.kind is MK_ACTOR:
            actor = m
    return kb.actors[actor.entry_id] if actor is not None else None


_UNKNOWN_NAME = "unknown name"  # what _complete_name says of a span with an unknown name (no actor type)


def _complete_name(kb: KnowledgeBase, span: list[Mention]) -> str | None:
    """The complete name a span holds: :data:`_UNKNOWN_NAME` when it has an unknown name, else the type of the
    dictionary actor it names (as :func:`_named_actor`: not when the same words are also a generic role), else
    None. (One loop: _is_person and _is_org ask this a few hundred times per article.)"""
    actor: Mention | None = None
    agent = False
    for m in span:
        k = m.kind
        if k is MK_NAME:
            return _UNKNOWN_NAME
        if k is MK_AGENT:
            agent = True
        elif actor is None and k is MK_ACTOR:
            actor = m
    return None if agent or actor is None else kb.actors[actor.entry_id].type


def _is_person(kb: KnowledgeBase, span: list[Mention]) -> bool:
    """A person's name: a dictionary person or an unknown name found after a title."""
    name = _complete_name(kb, span)
    return name == _UNKNOWN_NAME or name == "person"


def _is_org(kb: KnowledgeBase, span: list[Mention]) -> bool:
    """The complete name of an organisation, party, armed group, IGO or medium."""
    name = _complete_name(kb, span)
    return name is not None and name != _UNKNOWN_NAME and name != "person"


def _role(kb: KnowledgeBase, span: list[Mention]) -> Mention | None:
    """The role-noun mention of a span, when the span is not a complete name (an unknown name, or a dictionary
    actor without a role noun on the same words): its first role noun, unless an unknown name is there too."""
    role: Mention | None = None
    for m in span:
        k = m.kind
        if k is MK_NAME:
            return None
        if role is None and k is MK_AGENT:
            role = m
    return role


def _country_of(kb: KnowledgeBase, span: list[Mention]) -> str:
    """The ISO3 country a span names or implies (state, nisba, metonym, a dictionary actor's country)."""
    for m in span:
        if m.kind in _STATE_NISBA:
            if m.entry_id in kb.countries:
                return m.entry_id
            if m.entry_id in kb.metonyms:
                return kb.metonyms[m.entry_id].code[:3]
    a = _named_actor(kb, span)
    return a.country if a is not None else ""


def _countries_of(kb: KnowledgeBase, span: list[Mention]) -> set[str]:
    """Every country a state span may name ("عمان": Oman, or Amman for Jordan)."""
    out = set()
    for m in span:
        if m.kind in _STATE_NISBA:
            if m.entry_id in kb.countries:
                out.add(m.entry_id)
            elif m.entry_id in kb.metonyms:
                out.add(kb.metonyms[m.entry_id].code[:3])
    return out


def _phrase_country(kb: KnowledgeBase, spans: list[list[Mention]]) -> str:
    """The phrase's country: its first state or nisba, else its organisation's country."""
    for sp in spans:
        if _kinds(sp) & _STATE_NISBA:
            c = _country_of(kb, sp)
            if c:
                return c
    return next((c for sp in spans if _is_org(kb, sp) for c in [_country_of(kb, sp)] if c), "")


def _closed(toks: list[Token], m: Mention) -> bool:
    """A role noun that cannot govern a following genitive: its last word is definite (article or pronoun
    suffix: "وزير الخارجية", "نظيره") or a sound plural that kept its nūn ("مسلحون مجهولون")."""
    t = toks[m.tok_end - 1]
    if "ال" in t.prefix or t.prefix.endswith("لل") or t.suffix:
        return True
    n = t.norm
    return (n.endswith("ون") and len(n) >= 5) or (n.endswith("ين") and len(n) >= 6)


def _definite_end(toks: list[Token], group: list[Mention]) -> bool:
    """The phrase ends in a definite word (article or possessive pronoun: "القوات الأميركية"، "قواته"), which
    governs no genitive after it."""
    t = toks[group[-1].tok_end - 1]
    return "ال" in t.prefix or t.prefix.endswith("لل") or bool(t.suffix)


def _collective(toks: list[Token], m: Mention) -> bool:
    """A role noun naming a body or a group (السلطات، الحكومة، المسلحون): never followed by one person's name."""
    first, last = toks[m.tok_start], toks[m.tok_end - 1]
    heads = [first]
    if m.tok_end - m.tok_start == 2 and ("ال" in first.prefix) == ("ال" in last.prefix):
        heads.append(last)  # an adjective agreeing with the head: "مسلحون مجهولون", "النواب الديمقراطيون"
    for i, t in enumerate(heads):
        key = t.norm[2:] if t.norm.startswith("ال") else t.norm
        if i == 0 and (key in COLLECTIVE_HEADS or t.key in COLLECTIVE_HEADS):
            return True
        if key.endswith(("ون", "ات")) and len(key) >= 5 or key.endswith("ين") and len(key) >= 6:
            return True
    return False


def _plural_nisba(toks: list[Token], span: list[Mention]) -> bool:
    """A nisba in the masculine plural (الليبيين، المصريون): people, not an adjective of a preceding name."""
    n = toks[span[0].tok_end - 1].norm
    return n.endswith(("يين", "يون", "ين", "ون")) and len(n) >= 6


def _agrees(toks: list[Token], noun: Mention, nxt: Mention) -> bool:
    """A one-word role noun after a plural role noun, with the same article and the same plural ending, is
    an adjective of it ("المتظاهرين المدنيين", "المسلحين الأجانب"); a different case ending marks a new
    phrase ("قتل المسلحون المدنيين")."""
    if nxt.tok_end - nxt.tok_start != 1:
        return False
    a, b = toks[noun.tok_end - 1], toks[nxt.tok_start]
    if ("ال" in a.prefix) != ("ال" in b.prefix) or b.prefix not in ("", "ال"):
        return False
    return any(a.norm.endswith(e) and b.norm.endswith(e) for e in ("ين", "ون", "ات"))


def _compatible(a: str, b: str) -> bool:
    """Two countries that may describe the same actor (either unknown, or equal)."""
    return not a or not b or a == b


def _ahead(kb: KnowledgeBase, spans: list[list[Mention]]) -> tuple[bool, str]:
    """Of the spans that follow a role noun (contiguous, up to the first name): whether a person's name comes,
    and the country they give (the role's nationality or else the person's)."""
    country = ""
    for sp in spans:
        if _is_person(kb, sp):
            return True, country or _country_of(kb, sp)
        if not country and _kinds(sp) & _STATE_NISBA_ACTOR:
            country = _country_of(kb, sp)
        if not (_kinds(sp) & _NAMING_KINDS):
            break
    return False, country


def _new_phrase(kb: KnowledgeBase, toks: list[Token], group: list[Mention], nxt: list[Mention],
                ents: list[Mention], after: int) -> bool:
    """True when the span ``nxt`` starts a new actor phrase after ``group`` (both adjacent, no word between).

    ``ents[after:]`` are the mentions after ``nxt``: their contiguous spans (:func:`_following`) show whether a role
    noun leads to a name. (They are gathered only where a rule asks: most boundaries are decided before.)
    """
    spans = _spans(group)
    last_person = -1  # (the index of the last person's span: a loop, not a list of them)
    for k, sp in enumerate(spans):
        if _is_person(kb, sp):
            last_person = k
    if last_person < 0:
        return _after_role(kb, toks, spans, nxt, ents, after, "")
    if _is_person(kb, nxt):
        return True  # a second name: "عبد الله الثاني | مصطفى الكاظمي"
    p = spans[last_person]
    holder = _country_of(kb, p) or _phrase_country(kb, spans[:last_person])
    tail = spans[last_person + 1:]
    if tail:  # an apposition after the name: "خليفة حفتر قائد الجيش الوطني الليبي"
        return _after_role(kb, toks, tail, nxt, ents, after, holder)
    if _is_org(kb, nxt):
        return True  # "هدد بوتين | حلف الناتو"
    kinds = _kinds(nxt)
    if MK_STATE in kinds:
        return True  # "هدد بوتين | أوكرانيا", "توعد الحوثي | السعودية"
    if MK_NISBA in kinds:
        return _plural_nisba(toks, nxt)  # "وعد الدبيبة | الليبيين"
    role = _role(kb, nxt)
    if role is not None:
        return not _apposition(kb, role, ents, after, holder)
    return False


def _apposition(kb: KnowledgeBase, role: Mention, ents: list[Mention], after: int, holder: str) -> bool:
    """A singular role noun after a person's name describes him ("محمد المنفي رئيس المجلس الرئاسي") unless it
    leads to another name or another country ("التقى حفتر | قائد القوات الأمريكية"). ``ents[after:]``: the
    mentions after the role noun."""
    if role.entry_id in NEVER_APPOSITION or not (_person_title(kb, role) or _is_title(kb, role.entry_id)):
        return False
    person, country = _ahead(kb, _following(ents, after))
    return not person and _compatible(country, holder)


def _title_of_name(kb: KnowledgeBase, toks: list[Token], spans: list[list[Mention]], role: Mention,
                   ents: list[Mention], after: int, holder: str) -> bool:
    """A title between a role phrase and its holder's name: "العاهل الأردني الملك عبد الله الثاني",
    "قائد الجيش الليبي المشير خليفة حفتر". The phrase must be headed by a singular role noun and the name
    (with its own nationality, if any) must fit the phrase's country. ``ents[after:]``: the mentions after the
    title."""
    head = _role(kb, spans[0])
    if head is None or _collective(toks, head) or role.entry_id in NEVER_APPOSITION:
        return False
    if not (_person_title(kb, role) or _is_title(kb, role.entry_id)):
        return False
    person, country = _ahead(kb, _following(ents, after))
    if not person:
        return False
    return _compatible(country, holder or _phrase_country(kb, spans))


def _after_role(kb: KnowledgeBase, toks: list[Token], spans: list[list[Mention]], nxt: list[Mention],
                ents: list[Mention], after: int, holder: str) -> bool:
    """The boundary rules for a phrase without a person's name yet (a role, a state, an organisation).
    ``ents[after:]``: the mentions after ``nxt``."""
    last = spans[-1]
    lk = _kinds(last)
    nk = _kinds(nxt)
    head = _role(kb, spans[0])
    last_role = _role(kb, last)
    open_role = last_role is not None and not _closed(toks, last_role)  # "رئيس", "زعيم", "أمير": a genitive follows
    if MK_PLACE in lk and not lk & _NAMING_KINDS:
        return MK_STATE in nk and any(MK_STATE in _kinds(sp) for sp in spans)
    nxt_name = _complete_name(kb, nxt)  # (read once: _is_person and _is_org of nxt)
    if nxt_name == _UNKNOWN_NAME or nxt_name == "person":
        if open_role:
            return False  # a genitive: "حكومة سلام فياض", "إدارة بايدن", "رئيس أركان الجيش X"
        if head is None:
            # a state or an organisation followed by a name: two phrases ("اعتقلت الشرطة الإسرائيلية | منى الكرد")
            return any(_is_org(kb, sp) or MK_STATE in _kinds(sp) for sp in spans)
        if _collective(toks, head):
            return True  # "اعتقلت السلطات السعودية | الداعية سلمان العودة"
        country = _country_of(kb, nxt)
        return not _compatible(country, holder or _phrase_country(kb, spans))
    if nxt_name is not None:  # (neither an unknown name nor a person, tested above: an organisation)
        return not open_role  # "زعيم حزب الله" continues; "الحكومة الإثيوبية | جبهة تحرير تيغراي" does not
    if MK_STATE in nk:
        if MK_NISBA in nk and (last_role is not None or _is_org(kb, last)) and MK_NISBA not in lk:
            # a nisba adjective of the noun: "السلطات السعودية", "شركة أرامكو السعودية"
            return _is_org(kb, last) and not _compatible(_country_of(kb, last), _country_of(kb, nxt))
        if all(_kinds(sp) <= _NISBA_PLACE for sp in spans) and MK_NISBA in lk:
            # a nationality whose noun the dictionaries lack, then the state it names: "العاصمة المصرية القاهرة"
            return _country_of(kb, last) not in _countries_of(kb, nxt)
        return not open_role  # "أمير قطر" continues; "زار رئيس الوزراء | لبنان", "حزب الله | إسرائيل" do not
    role = _role(kb, nxt)
    if role is not None:
        if open_role:
            return False  # a genitive chain of role nouns: "رئيس الوفد"
        if last_role is not None and _agrees(toks, last_role, role):
            return False  # an adjective agreeing with the role noun: "المتظاهرين المدنيين"
        if _title_of_name(kb, toks, spans, role, ents, after, holder):
            return False
        # a rank after a role and nationality, its name not in the dictionary, continues the phrase
        return not (_is_title(kb, role.entry_id) and head is not None and not _ahead(kb, _following(ents, after))[0]
                    and bool(lk & _STATE_NISBA))
    if MK_NISBA in nk and _is_org(kb, last) and MK_NISBA not in lk:
        return not _compatible(_country_of(kb, last), _country_of(kb, nxt))  # "حزب الله اللبناني"
    return False


def _two_heads(kb: KnowledgeBase, group: list[Mention], nxt: Mention) -> bool:
    """Across a comma (an apposition or a list): True when ``nxt`` starts a second noun phrase: state after
    state, person after person, and a role noun after a complete role + nationality phrase."""
    if (nxt.kind is MK_AGENT and group[-1].kind in _STATE_NISBA
            and any(m.kind is MK_AGENT for m in group) and not _is_title(kb, nxt.entry_id)):
        return True
    if nxt.kind is MK_STATE and any(m.kind is MK_STATE for m in group):
        return True
    if nxt.kind is MK_NAME:
        return any(m.kind in _NAME_ACTOR for m in group)
    if nxt.kind is MK_ACTOR:
        nxt_person = kb.actors[nxt.entry_id].type == "person"
        for m in group:
            if m.kind is MK_ACTOR:
                is_person = kb.actors[m.entry_id].type == "person"
                if is_person or not nxt_person:
                    return True  # person+person, org+org, person+org: two phrases
    if nxt.kind is MK_ACTOR and any(m.kind is MK_STATE for m in group):
        return not any(m.kind is MK_AGENT for m in group)
    return False


def _possessed(kb: KnowledgeBase, toks: list[Token], group: list[Mention]) -> bool:
    """A phrase that is a bare indefinite role noun ("نقطة تفتيش", "مستشار"), which a following لـ-phrase can
    complete as its possessor."""
    spans = _spans(group)
    if len(spans) != 1:
        return False
    role = _role(kb, spans[0])
    return role is not None and not _closed(toks, role) and not toks[role.tok_start].prefix


def _possessive_lam(kb: KnowledgeBase, toks: list[Token], group: list[Mention], nxt: list[Mention],
                    clitic: str) -> bool:
    """An indefinite role noun and its possessor introduced by لـ + article: "نقطة تفتيش للجيش الأفغاني" (a
    checkpoint of the Afghan army), "مستشار للرئيس الأمريكي". The possessor is a role noun or an organisation
    (not a person, not a state: "قدم مساعدات لروسيا")."""
    if not clitic.startswith("ل") or not toks[nxt[0].tok_start].norm.startswith("لل"):
        return False
    return _possessed(kb, toks, group) and (_role(kb, nxt) is not None or _is_org(kb, nxt))


def _following(ents: list[Mention], j: int, limit: int = 6) -> list[list[Mention]]:
    """The spans of ``ents`` from index ``j`` on that follow each other with no word between (same sentence)."""
    out: list[list[Mention]] = []
    end = min(len(ents), j + 3 * limit)  # (the spans of ents[j:end], grouped as _spans does, as far as needed)
    k = j
    while k < end:
        m = ents[k]
        sp = [m]
        k += 1
        while k < end and ents[k].tok_start == m.tok_start and ents[k].tok_end == m.tok_end:
            sp.append(ents[k])
            k += 1
        if out and (m.sentence != out[-1][0].sentence or m.tok_start != out[-1][0].tok_end):
            break
        out.append(sp)
        if len(out) >= limit:
            break
    return out


def _honorific_chain(kb: KnowledgeBase, toks: list[Token], group: list[Mention], nxt: list[Mention]) -> bool:
    """A role phrase, an honorific (الشيخ، الدكتور) and the holder's name: "أمير قطر الشيخ تميم بن حمد",
    "رئيس الوزراء القطري الشيخ عبد الله بن ناصر". The phrase is headed by a singular role noun, has no name
    yet, and its country (if any) is the name's."""
    spans = _spans(group)
    head = _role(kb, spans[0])
    if head is None or _collective(toks, head) or not _is_person(kb, nxt):
        return False
    if any(_is_person(kb, sp) for sp in spans):
        return False
    return _compatible(_phrase_country(kb, spans), _country_of(kb, nxt))


_NEW_ACTOR_REF = ActorRef.__new__
_NEW_ACTOR_MENTION = ActorMention.__new__


def _first_metonym(kb: KnowledgeBase, ms: list[Mention]) -> Metonym:
    """The metonym entry of the first mention of ``ms`` that names one (resolve_group has made sure one does).

    (A function of its own so that resolve_group holds no generator: see _norms_before.)"""
    metonyms = kb.metonyms
    for m in ms:  # (a loop: next() over a generator re-enters it from C and closes it by throwing GeneratorExit)
        if m.entry_id in metonyms:
            return metonyms[m.entry_id]
    raise StopIteration  # (as next() did; never reached)


class ActorResolver:
    """Turns groups of adjacent entity mentions into actor phrases with codes, per article."""

    def __init__(self, kb: KnowledgeBase, doc: Document) -> None:
        self.kb = kb
        self.doc = doc
        self.text = doc.article.text  # (Document.text is a property: read once)
        self.date = doc.article.date
        self.agent_country: dict[str, str] = {}  # agent id -> last country seen with it
        self.dominant = ""  # the article's main country, for role nouns without one (set by the stage)
        self.context: set[str] = set()  # every country the article mentions (for place disambiguation)
        self.places_in: set[str] = set()  # the countries of every place the article names, however small
        self.codes: dict[str, tuple[str | None]] = {}  # actor id -> (its code on the article date,)
        self.best_places: dict[tuple[str, ...], tuple[Place | None]] = {}  # place ids -> (kb.best_place in context,)

    def resolve_group(self, ms: list[Mention]) -> tuple[ActorRef, str] | None:
        """The actor a group of adjacent mentions names, with the kind of the entry that decided it, or None."""
        kb = self.kb
        persons: list[ActorEntry] = []
        orgs: list[ActorEntry] = []
        agents: list[AgentEntry] = []
        country = ""
        metonym_code = ""
        # (one pass over the group, loops rather than comprehensions and generators: a group is one or two
        # mentions, mostly; the actor mentions are taken after it, once the generic agent spans are known)
        actor_ms: list[Mention] = []
        generic_agent_span: set[tuple[int, int]] | None = None
        last_name: Mention | None = None  # the last unknown name
        for m in ms:
            k = m.kind
            if k is MK_ACTOR:
                actor_ms.append(m)
            elif k is MK_AGENT:
                if generic_agent_span is None:
                    generic_agent_span = {(m.tok_start, m.tok_end)}
                else:
                    generic_agent_span.add((m.tok_start, m.tok_end))
                for g in agents:
                    if g.id == m.entry_id:
                        break
                else:
                    agents.append(kb.agents[m.entry_id])
            elif k in _STATE_NISBA:
                if m.entry_id in CONTEXT_METONYMS and not CONTEXT_METONYMS[m.entry_id] & (self.context | self.places_in):
                    continue  # "قيادة الاحتلال" in an article that names neither Israel nor Palestine
                mt = kb.metonyms.get(m.entry_id)
                if mt is not None:
                    if _bare_articled_metonym(kb, self.doc.tokens, m):
                        continue  # "تطهير عرقي، وتهجير، واحتلال": an occupation, not "the occupation"
                    metonym_code = metonym_code or mt.code
                    country = country or mt.code[:3]
                else:
                    country = country or m.entry_id
            elif k is MK_PLACE:
                if not country:
                    p = kb.places.get(m.entry_id)
                    if p:
                        country = p.country
            elif k is MK_NAME:
                last_name = m
        generic: list[Mention] | None = None  # actors whose name is also a generic agent phrase (مجلس النواب)
        for m in actor_ms:
            a = kb.actors[m.entry_id]
            if generic_agent_span is not None and (m.tok_start, m.tok_end) in generic_agent_span:
                if generic is None:
                    generic = [m]
                else:
                    generic.append(m)
                continue  # decided below, once the country is known
            if a.country in _CONTEXT_COUNTRIES:
                need = _context_alias(kb, self.doc, m)
                if need is not None and not need & (self.context | self.places_in):
                    continue  # "قوات الاحتلال" in an Iraq-war article: not Israel's army
            (persons if a.type == "person" else orgs).append(a)
        # (the country is read below only by the generic actors, an unknown name without a dictionary person, and
        # a group without a dictionary actor)
        if not country and (generic is not None or not persons and (last_name is not None or not orgs)):
            # a nationality inside a dictionary phrase: "قوات الاحتلال الإسرائيلي"
            toks = self.doc.tokens
            nisba_of = kb.nisba_of
            found = False
            for m in ms:
                if m.kind is MK_ACTOR or m.kind is MK_AGENT:
                    for i in range(m.tok_start, m.tok_end):
                        if toks[i].key in nisba_of:
                            country, found = nisba_of[toks[i].key], True
                            break
                    if found:
                        break
        # an actor whose name is also a generic agent phrase: only when the country fits
        if generic is not None:
            for m in generic:
                a = kb.actors[m.entry_id]
                if country and a.country == country:
                    (persons if a.type == "person" else orgs).append(a)
        surface = self.text[ms[0].start:ms[-1].end]
        if last_name is not None and not persons:
            head = agents[0] if agents else None
            if head is not None and not head.full_code and not country:
                country = self.agent_country.get(head.id, "") or self.dominant
            name_code = (head.sector if head.full_code else (country + head.sector if country else None)) if head else (
                country or None)
            role = f" ({head.name_en})" if head else ""
            return (ActorRef(last_name.text, None if not role else f"{last_name.text}{role}", name_code, None, "person",
                             country or None, [surface]), KIND_ACTOR)
        if persons or orgs:
            a = persons[-1] if persons else orgs[0]
            code_on = self.codes.get(a.id)
            if code_on is None:
                code_on = self.codes[a.id] = (a.code_on(self.date),)
            # (ActorRef.__new__ and its slots set here: the dataclass __init__ costs ~1,000 instructions more, and
            # this is the most frequent phrase)
            ref = _NEW_ACTOR_REF(ActorRef)
            ref.name = a.name_ar
            ref.name_en = a.name_en
            ref.code = code_on[0]
            ref.id = a.id
            ref.type = a.type
            ref.country = a.country or None
            ref.mentions = [surface]
            ref.start = ref.end = -1
            return ref, KIND_ACTOR
        if agents:
            head = agents[0]
            full_code = head.full_code  # (a property: read once)
            if full_code:
                code: str | None = head.sector
            else:
                # a role phrase repeated without its nationality ("حاملة الطائرات") keeps the one it had
                role_key = phrase_key(self.text[ms[0].start:ms[0].end])
                if not country:
                    country = self.agent_country.get(role_key, "") or self.dominant
                else:
                    self.agent_country[role_key] = country
                code = (country + head.sector) if country else None
            name_en = head.name_en
            if country and country in kb.countries and not full_code:
                name_en = f"{head.name_en} ({kb.countries[country].name_en})"
            return ActorRef(surface, name_en, code, None, "agent", country or None, [surface]), KIND_AGENT
        if metonym_code:
            mt = _first_metonym(kb, ms)
            return ActorRef(surface, mt.name_en, metonym_code, None, "state", metonym_code[:3], [surface]), KIND_METONYM
        if country:
            c = kb.countries.get(country)
            kind = KIND_NISBA
            for m in ms:
                if m.kind is MK_STATE:
                    kind = KIND_STATE
                    break
            return (ActorRef(c.names_ar[0] if c and c.names_ar else surface, c.name_en if c else None, country, None,
                             "state", country, [surface]), kind)
        return None




@register_stage("actors")
class ActorStage(KBStage):
    """Actor phrases (with codes valid on the article date) and geocoded places."""

    name = "actors"
    requires = ("mentions",)
    assigns = ("actor_mentions", "place_mentions")

    def process(self, doc: Document) -> None:
        kb = self.kb
        res = ActorResolver(kb, doc)
        actors: list[ActorMention] = []
        places: list[PlaceMention] = []
        # the entity mentions (the triggers are most of the mentions: the helpers below that look at entities only
        # are given ents; one rule, below, reads the triggers from doc.mentions)
        ents = [m for m in doc.mentions if m.kind is not MK_TRIGGER]
        n_ents = len(ents)
        res.context, res.dominant = _country_facts(kb, doc, res.places_in, ents)
        toks = doc.tokens
        # group by sentence, then by adjacency
        i = 0
        while i < n_ents:
            m = ents[i]
            sent = doc.sentences[m.sentence]
            group = [m]
            last = m  # (group[-1])
            j = i + 1
            while j < n_ents and ents[j].sentence == m.sentence:
                nxt = ents[j]
                if nxt.tok_start == last.tok_start and nxt.tok_end == last.tok_end:
                    group.append(nxt)  # same span, another kind
                    last = nxt
                    j += 1
                    continue
                if nxt.tok_start < last.tok_end:
                    break
                gap = toks[last.tok_end:nxt.tok_start]
                appos = False
                if len(gap) <= 3:
                    words = [t for t in gap if t.text not in GROUP_GLUE] if gap else gap  # (adjacent phrases: none)
                else:
                    # (a longer gap: the rules below ask only whether it has one word, or two at most, other than
                    # glue, so the words are listed up to a third)
                    words = []
                    for t in gap:
                        if t.text not in GROUP_GLUE:
                            words.append(t)
                            if len(words) > 2:
                                break
                if words:
                    # apposition after a role noun: "الطراد الكبير، حاملة الطائرات الروسية"
                    appos = (last.kind is MK_AGENT and len(words) <= 2
                             and _all_articled(words) and _has_text_in(gap, "،,"))
                    # a title's genitive chain before a name: "رئيس مكتبها السياسي خالد مشعل"
                    title_chain = (last.kind is MK_AGENT and nxt.kind is MK_ACTOR
                                   and kb.actors[nxt.entry_id].type == "person" and len(gap) <= 3
                                   and _chain_words(gap)
                                   and not _trigger_over(doc.mentions, last.tok_end, nxt.tok_start))
                    # an honorific between a role phrase and the name: "أمير قطر الشيخ تميم بن حمد"
                    honorific = (len(gap) <= 2 and _all_titles(gap)
                                 and _honorific_chain(kb, toks, group, _span_from(ents, j)))
                    # an adjective between a role noun and its nationality: "زعماء سياسيين عراقيين"
                    adj = (last.kind is MK_AGENT and nxt.kind is MK_NISBA and len(words) == 1
                           and not words[0].prefix and words[0].norm.endswith(("ين", "ون", "يه", "ي"))
                           and words[0].key not in kb.lexicon)
                    # a possessor the dictionaries miss, with its nationality: "نقطة تفتيش للجيش الأفغاني"
                    possessor = (len(gap) == 1 and nxt.kind is MK_NISBA and gap[0].norm.startswith("لل")
                                 and len(gap[0].norm) >= 5 and _possessed(kb, toks, group))
                    if not (appos or title_chain or honorific or adj or possessor):
                        break
                nxt_span = _span_from(ents, j)  # (after the gap test, which ends most phrases)
                if gap and _has_text_in(gap, "،,()"):
                    # across a comma the phrases are appositions or list items: "عضو اللجنة التنفيذية، أحمد مجدلاني،"
                    if _two_heads(kb, group, nxt):
                        break
                elif not appos and _new_phrase(kb, toks, group, nxt_span, ents, j + len(nxt_span)):
                    break
                clitic = self._clitic(toks, nxt_span, kb) if toks[nxt.tok_start].prefix else ""
                if clitic[:1] in ("و", "ف", "ب", "ل", "ك") and not (not gap and _possessive_lam(kb, toks, group, nxt_span, clitic)):
                    break
                if (nxt.kind is MK_PLACE
                        and (not any(g.kind is MK_AGENT for g in group) or _definite_end(toks, group))
                        and not any(k.kind in _STATE_NISBA for k in ents[j:j + 3]
                                    if (k.tok_start, k.tok_end) == (nxt.tok_start, nxt.tok_end))):
                    # (a place is the genitive of a role noun only when that noun can govern one: "شرطة
                    # الناصرية"، not "أغلقت القوات الأميركية مدينة الصدر")
                    break
                group.append(nxt)
                last = nxt
                j += 1
            i = j
            self._emit(doc, res, group, sent.tok_start, actors, places)
        _resolve_roles(actors)
        _resolve_definites(kb, doc, actors, ents)
        _unknown_surnames(kb, doc, actors, ents)
        doc.actor_mentions = actors
        doc.place_mentions = places

    def _clitic(self, toks: list[Token], span: list[Mention], kb: KnowledgeBase | None = None) -> str:
        """The proclitics of the span's first word, less letters that belong to the name itself: the ف of
        "فيصل بن فرحان" is not the conjunction, although the word also reads ف + يصل. Only the mentions on the
        span of ``span[0]`` count (``span`` may be a whole group: the others are skipped). (``kb``: the stage's,
        when the caller has it at hand.)"""
        m0 = span[0]
        t = toks[m0.tok_start]
        if not t.prefix:
            return ""
        if kb is None:
            kb = self.kb
        memo = _tables(kb).first_words
        start, end = m0.tok_start, m0.tok_end
        for m in span:
            if m.tok_start != start or m.tok_end != end:
                continue
            got = memo.get((m.kind, m.entry_id))
            if got is None:
                got = self._first_words(m, kb)
            if t.norm in got:
                return ""
        return t.prefix

    @staticmethod
    def _first_words(m: Mention, kb: KnowledgeBase) -> frozenset[str]:
        """The normalised first words of the dictionary forms of a name mention (actors, states, places)."""
        memo = _tables(kb).first_words
        key = (m.kind, m.entry_id)  # (the kind itself: its .value is a Python-level property)
        got = memo.get(key)
        if got is None:
            forms: list[str] = []
            if m.kind is MK_ACTOR and m.entry_id in kb.actors:
                a = kb.actors[m.entry_id]
                forms = [a.name_ar, *a.aliases]
            elif m.kind is MK_PLACE and m.entry_id in kb.places:
                p = kb.places[m.entry_id]
                forms = [p.name_ar, *p.aliases]
            elif m.kind is MK_STATE and m.entry_id in kb.countries:
                forms = list(kb.countries[m.entry_id].names_ar)
            got = frozenset(norm_word(f.split()[0]) for f in forms if f.split())
            memo[key] = got
        return got

    def _emit(self, doc: Document, res: ActorResolver, group: list[Mention], sent_start: int,
              actors: list[ActorMention], places: list[PlaceMention]) -> None:
        kb = res.kb
        toks = doc.tokens
        # the group's kinds and its first role noun, in one loop (a group is one or two mentions, mostly)
        has_place = actorish = has_state = has_role = False
        role = ""
        for m in group:
            k = m.kind
            if k is MK_PLACE:
                has_place = True
            elif k is MK_ACTOR:
                actorish = True
            elif k is MK_AGENT:
                actorish = True
                if not has_role:
                    has_role, role = True, m.entry_id
            elif k is MK_STATE:
                actorish = has_state = True
        g0 = group[0]
        # (no clitic on the first word: _clitic's own first test, without the call)
        clitic = "" if not toks[g0.tok_start].prefix else self._clitic(toks, group, kb)
        prep = _prep_before(toks, g0.tok_start, sent_start, clitic)
        # a place (optionally with its nisba: بطبرق الليبية) is a place, not an actor
        if has_place and (not actorish or has_state or prep in LOCATIVE_PREPS):
            pm, ids = _first_places(group)
            best = res.best_places.get(ids)
            if best is None:
                best = res.best_places[ids] = (kb.best_place(ids, res.context),)
            p = best[0]
            if p:
                pref = p.to_ref()
                places.append(PlaceMention(pm.tok_start, pm.tok_end, pm.start, pm.end, pm.sentence, pref, prep))
            if not actorish:
                return
        got = res.resolve_group(group)
        if got is None:
            return
        # (made with ActorMention.__new__, its slots set here: the dataclass __init__ with keyword arguments costs
        # ~2,500 instructions more, ~45 phrases per article)
        last = group[-1]
        am = _NEW_ACTOR_MENTION(ActorMention)
        am.tok_start = g0.tok_start
        am.tok_end = last.tok_end
        am.start = g0.start
        am.end = last.end
        am.sentence = g0.sentence
        am.ref, am.head = got
        am.prep = prep
        am.conj = clitic[:1] == "و"
        am.role = role
        actors.append(am)


# (_first_places is a function of its own so that ActorStage._emit, called for every entity group, stays short; it
# and _span_from use loops rather than comprehensions: a group or a span is one to three mentions, mostly, and a
# comprehension is a call of its own)
def _trigger_over(mentions: list[Mention], start: int, end: int) -> bool:
    """A trigger mention covers one of the tokens ``[start, end)``. (A loop over the mentions: the test was a
    generator that made a range of the gap for every mention of the article.)"""
    if start >= end:
        return False
    for tm in mentions:
        if tm.kind is MK_TRIGGER and tm.tok_start < end and tm.tok_end > start and tm.tok_start < tm.tok_end:
            return True
    return False


# (the gap tests of ActorStage.process and _resolve_definites are loops in functions of their own: any()/all() over
# a generator resume it from C at each item and, stopping early, close it by throwing GeneratorExit, ~1,200
# instructions; they run ~25 times per article)
def _has_text_in(gap: list[Token], chars: str) -> bool:
    """A token of ``gap`` whose text is in ``chars`` (a substring test, as ``t.text in chars``)."""
    for t in gap:  # noqa: SIM110 (a loop, not any()/all() over a generator)
        if t.text in chars:
            return True
    return False


def _all_articled(words: list[Token]) -> bool:
    """Every word of ``words`` has the bare article as its prefix."""
    for t in words:  # noqa: SIM110 (a loop, not any()/all() over a generator)
        if t.prefix != "ال":
            return False
    return True


def _all_titles(gap: list[Token]) -> bool:
    """Every token of ``gap`` is an honorific (PERSON_TITLES)."""
    for t in gap:  # noqa: SIM110 (a loop, not any()/all() over a generator)
        if t.norm not in PERSON_TITLES:
            return False
    return True


def _chain_words(gap: list[Token]) -> bool:
    """The tokens of ``gap`` can continue a title's genitive chain: no punctuation, preposition or stop word, and
    nouns and adjectives only (definite, or with a possessive pronoun), not verbs ("وفدا يقوده مشعل أطلع لافروف")."""
    for t in gap:
        if t.is_punct or t.norm in PREPOSITIONS or t.norm in _STOP_CHAIN or not ("ال" in t.prefix or t.suffix):
            return False
    return True


def _sole_agent(covering: list[Mention], existing: bool, i: int) -> bool:
    """The mentions ``covering`` position ``i`` are all the one-word role noun there (which has an actor
    mention when ``existing``): no longer name or phrase holds the word."""
    if not existing:
        return False
    for m in covering:  # noqa: SIM110 (a loop, not any()/all() over a generator)
        if m.kind is not MK_AGENT or m.tok_start != i or m.tok_end != i + 1:
            return False
    return True


def _first_places(group: list[Mention]) -> tuple[Mention, tuple[str, ...]]:
    """The first place mention of ``group`` (which has one) and the ids of the place mentions on its start."""
    pm: Mention | None = None
    ids: list[str] = []
    for m in group:
        if m.kind is MK_PLACE and (pm is None or m.tok_start == pm.tok_start):
            if pm is None:
                pm = m
            ids.append(m.entry_id)
    assert pm is not None
    return pm, tuple(ids)


def _span_from(ents: list[Mention], j: int) -> list[Mention]:
    """The mentions among ``ents[j:j + 4]`` on the span of ``ents[j]`` (a span has at most four kinds)."""
    nxt = ents[j]
    start, end = nxt.tok_start, nxt.tok_end
    out = [nxt]
    for e in ents[j + 1:j + 4]:
        if e.tok_start == start and e.tok_end == end:
            out.append(e)
    return out


def _bare_articled_metonym(kb: KnowledgeBase, toks: list[Token], m: Mention) -> bool:
    """A one-word metonym the dictionary writes with the article ("الاحتلال"، "الكنيست") found without it
    ("واحتلال"): the common noun, not the body it stands for."""
    mt = kb.metonyms.get(m.entry_id)
    if mt is None or m.tok_end - m.tok_start != 1 or not mt.form.strip().startswith("ال") or " " in mt.form.strip():
        return False
    pre = toks[m.tok_start].prefix
    return "ال" not in pre and not pre.endswith("لل")


def _given_surname(toks: list[Token], m: Mention) -> bool:
    """The last word of a full name is a given name used as a surname ("برناردينو ليون"), not the second part of a
    compound given name or a father's name ("عبد الله"، "بن علي"، "أبو بكر")."""
    return toks[m.tok_end - 2].key not in NAME_PARTICLES


NAME_PARTICLES = frozenset(["عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ام", "ال"])


def _name_word(kb: KnowledgeBase, t: Token) -> bool:
    """A word of a KB person's name (a given name or a surname)."""
    return not t.is_punct and t.key in _name_lexicon(kb)
