"""The ``mentions`` and ``actors`` stages.

``mentions`` runs the KB matcher over each sentence and keeps, per kind layer, the longest
non-overlapping hits (entities and triggers separately). ``actors`` groups adjacent entity mentions
into actor phrases ("وزير الدفاع الروسي سيرغي شويغو", "القوات العراقية", "حاملة الطائرات الروسية")
and resolves each to an :class:`~hadath.model.ActorRef` with a date-valid code, and collects
geocoded place mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from hadath.extract.ner import _nameish
from hadath.kb.kb import (
    KIND_ACTOR,
    KIND_AGENT,
    KIND_METONYM,
    KIND_NISBA,
    KIND_PLACE,
    KIND_STATE,
    KIND_TRIGGER,
    PLACE_NOUNS,
    KnowledgeBase,
    phrase_key,
)
from hadath.kb.schema import ActorEntry, AgentEntry
from hadath.model import ActorMention, ActorRef, Document, Mention, MentionKind, PlaceMention, Token
from hadath.pipeline import register_stage
from hadath.text.stages import _KBStage

PREPOSITIONS = frozenset(
    ["مع", "الي", "الى", "على", "علي", "ضد", "من", "عن", "في", "لدى", "لدي", "بين", "عبر", "نحو", "حول", "تجاه", "امام", "بحق", "خلال", "ضمن", "عند", "بواسطه", "لصالح", "بشان", "داخل"]
)
AGENT_MARKERS = (("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("علي", "ايادي"), ("بواسطه",))
_AGENT_MARKER_ENDS = frozenset(m[-1] for m in AGENT_MARKERS)
LOCATIVE_PREPS = frozenset(["في", "ب", "داخل", "الى", "من", "قرب", "عند", "ل"])
_STOP_CHAIN = frozenset(["ان", "انه", "انها", "الذي", "التي", "الذين", "و", "او", "ثم", "قد", "لقد", "كان", "كانت"])
_NAME_INTRODUCERS = frozenset(["المدعو", "المدعوه", "المواطن", "المواطنه"])
GROUP_GLUE = frozenset(["،", ",", "(", ")", "«", "»", '"', "“", "”"])
_KIND_ENUM = {
    KIND_ACTOR: MentionKind.ACTOR, KIND_AGENT: MentionKind.AGENT, KIND_STATE: MentionKind.STATE,
    KIND_NISBA: MentionKind.NISBA, KIND_METONYM: MentionKind.STATE, KIND_PLACE: MentionKind.PLACE,
    KIND_TRIGGER: MentionKind.TRIGGER,
}


# a hit before it becomes a Mention: (tok_start, tok_end, kind, entry id), document token indices
_Hit = tuple[int, int, str, str]


def _select_longest(items: list[_Hit]) -> list[_Hit]:
    """Longest-first, non-overlapping; hits of other kinds on exactly the same span are kept too."""
    chosen: list[_Hit] = []
    spans: set[tuple[int, int]] = set()  # the chosen spans
    used: set[int] = set()  # the token positions they cover
    for m in sorted(items, key=lambda m: (m[0] - m[1], m[0])):
        a, b = m[0], m[1]
        if (a, b) in spans:
            chosen.append(m)
        elif used.isdisjoint(range(a, b)):
            chosen.append(m)
            spans.add((a, b))
            used.update(range(a, b))
    chosen.sort(key=lambda m: (m[0], m[1]))
    return chosen


@register_stage("mentions")
class MentionStage(_KBStage):
    """Dictionary mentions of actors, agents, states, places and event triggers."""

    name = "mentions"
    requires = ("tokens",)
    assigns = ("mentions",)

    def process(self, doc: Document) -> None:
        kb = self.kb
        index, weak_places, bare_names = kb.index, kb.weak_places, kb.bare_names
        tokens, text = doc.tokens, doc.text
        out: list[Mention] = []

        def mention(h: _Hit, si: int) -> Mention:
            a, b = h[0], h[1]
            start, end = tokens[a].start, tokens[b - 1].end
            return Mention(_KIND_ENUM[h[2]], a, b, start, end, text[start:end], h[3], si)

        for si, s in enumerate(doc.sentences):
            s0 = s.tok_start
            toks = tokens[s0:s.tok_end]
            ents: list[_Hit] = []
            trigs: list[_Hit] = []
            for i, j, key in kb.match_keys(toks):
                for kind, id_ in index[key]:
                    if (kind == KIND_PLACE and j - i == 1 and toks[i].key in weak_places
                            and (i == 0 or toks[i - 1].key not in PLACE_NOUNS)):
                        continue  # a common word (بيان، مدينة) is a place only after a place noun
                    if (kind == KIND_ACTOR and j - i == 1 and "ال" in toks[i].prefix
                            and toks[i].key in bare_names):
                        continue  # "حشد" the party is not "الحشد" the mobilisation
                    (trigs if kind == KIND_TRIGGER else ents).append((s0 + i, s0 + j, kind, id_))
            chosen = [mention(h, si) for h in _select_longest(ents)]
            chosen.extend(self._unknown_names(doc, s.tok_start, s.tok_end, si, chosen, trigs))
            chosen.sort(key=lambda m: (m.tok_start, m.tok_end))
            out.extend(chosen)
            # a trigger word inside a name is not an event: "الأمم" in "الأمم المتحدة", "التعاون" in "مجلس التعاون"
            named: dict[int, list[tuple[int, int]]] = {}  # token position -> the named spans covering it
            for m in chosen:
                if m.kind in (MentionKind.ACTOR, MentionKind.PLACE, MentionKind.STATE):
                    for k in range(m.tok_start, m.tok_end):
                        named.setdefault(k, []).append((m.tok_start, m.tok_end))
            if named:
                # inside a longer name: a name span covering its first token (a <= t[0] < b) that also holds its end
                trigs = [t for t in trigs if not any(t[1] <= b and (b - a) > (t[1] - t[0])
                                                     for a, b in named.get(t[0], ()))]
            out.extend(mention(h, si) for h in _select_longest(trigs))
        out.sort(key=lambda m: (m.tok_start, m.kind != MentionKind.TRIGGER))
        doc.mentions = out


    def _unknown_names(self, doc: Document, a: int, b: int, si: int, ents: list[Mention],
                       trigs: list[_Hit]) -> list[Mention]:
        """Names the dictionaries lack, after a role noun or المدعو: "الناشط الطلابي آرش صادقي"."""
        kb = self.kb
        toks = doc.tokens
        taken = {i for m in ents for i in range(m.tok_start, m.tok_end)}
        taken.update(i for t in trigs for i in range(t[0], t[1]))
        out: list[Mention] = []
        starts: list[int] = []
        for m in ents:
            if (m.kind == MentionKind.AGENT and _person_title(kb, m)) or (
                    m.kind == MentionKind.NISBA and starts and starts[-1] == m.tok_start):
                starts.append(m.tok_end)
        starts.extend([i + 1 for i in range(a, b) if toks[i].norm in _NAME_INTRODUCERS])
        for j in sorted(set(starts)):
            # skip a nationality right after the role noun: "الرئيس السوداني عمر البشير"
            while j < b and toks[j].key in kb.nisba_of:
                j += 1
            k = j
            while k < b and k - j < 4 and k not in taken and _nameish(toks[k], kb) and not toks[k].is_punct:
                k += 1
            if (k - j >= 2 and toks[j].prefix == "" and not any(t.prefix.startswith("و") for t in toks[j + 1:k])
                    and not toks[j].norm.startswith("ال")):
                out.append(Mention(MentionKind.NAME, j, k, toks[j].start, toks[k - 1].end,
                                   doc.text[toks[j].start:toks[k - 1].end], f"name:{doc.text[toks[j].start:toks[k - 1].end]}", si))
                taken.update(range(j, k))
        return out


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


@lru_cache(maxsize=4096)
def _person_role(name_en: str) -> bool:
    """True when an agent's English name is a person's role (president, minister, spokesman ...)."""
    return any(w in name_en.lower() for w in PERSON_ROLE_WORDS)


@dataclass
class _Group:
    mentions: list[Mention]
    conj: bool = False


def _prep_before(tokens: list[Token], i: int, sent_start: int) -> str:
    """The preposition governing the phrase starting at token ``i``."""
    t = tokens[i]
    if i - 1 >= sent_start:
        prev = tokens[i - 1].norm
        if prev in _AGENT_MARKER_ENDS:
            for agent in AGENT_MARKERS:
                n = len(agent)
                if i - n >= sent_start and tuple(tokens[i - n + k].norm for k in range(n)) == agent:
                    return "BY"
        if prev in PREPOSITIONS:
            return prev.replace("الي", "الى").replace("علي", "على")
    pre = t.prefix.lstrip("وف")
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
    for a in actors:
        if a.head == KIND_AGENT and a.role and not a.ref.id:
            ids = people.get((a.role, a.ref.country or ""), set())
            if len(ids) == 1:
                p = refs[next(iter(ids))]
                a.ref = ActorRef(p.name, p.name_en, p.code, p.id, p.type, p.country, list(a.ref.mentions))
                a.head = KIND_ACTOR


def _country_facts(kb: KnowledgeBase, doc: Document) -> tuple[set[str], str]:
    """:func:`_article_countries` and :func:`_dominant_country` in one pass over the mentions."""
    out: set[str] = set()
    counts: dict[str, int] = {}  # country -> states, nisbas and actors naming it (insertion order kept)
    countries, metonyms, actors, places = kb.countries, kb.metonyms, kb.actors, kb.places
    state, nisba, actor, place = MentionKind.STATE, MentionKind.NISBA, MentionKind.ACTOR, MentionKind.PLACE
    for m in doc.mentions:
        k = m.kind
        if k in (state, nisba):
            if m.entry_id in countries:
                out.add(m.entry_id)
                counts[m.entry_id] = counts.get(m.entry_id, 0) + 1
            elif m.entry_id in metonyms:
                out.add(metonyms[m.entry_id].code[:3])
        elif k == actor:
            c = actors[m.entry_id].country
            if c:
                out.add(c)
                counts[c] = counts.get(c, 0) + 1
        elif k == place:
            p = places.get(m.entry_id)
            if p and (p.feature in ("country", "admin1") or p.population >= 100_000):
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


def _two_heads(kb: KnowledgeBase, group: list[Mention], nxt: Mention) -> bool:
    """True when ``nxt`` starts a second noun phrase: state after state, person after person, and a role noun
    after a complete role + nationality phrase ("السلطات الروسية | زعيم المعارضة")."""
    if (nxt.kind == MentionKind.AGENT and group[-1].kind in (MentionKind.NISBA, MentionKind.STATE)
            and any(m.kind == MentionKind.AGENT for m in group) and not _is_title(kb, nxt.entry_id)):
        return True
    if nxt.kind == MentionKind.STATE and any(m.kind == MentionKind.STATE for m in group):
        return True
    if nxt.kind == MentionKind.NAME:
        return any(m.kind in (MentionKind.NAME, MentionKind.ACTOR) for m in group)
    if nxt.kind == MentionKind.ACTOR:
        nxt_person = kb.actors[nxt.entry_id].type == "person"
        for m in group:
            if m.kind == MentionKind.ACTOR:
                is_person = kb.actors[m.entry_id].type == "person"
                if is_person or not nxt_person:
                    return True  # person+person, org+org, person+org: two phrases
    if nxt.kind == MentionKind.ACTOR and any(m.kind == MentionKind.STATE for m in group):
        return not any(m.kind == MentionKind.AGENT for m in group)
    return False


class ActorResolver:
    """Turns groups of adjacent entity mentions into actor phrases with codes, per article."""

    def __init__(self, kb: KnowledgeBase, doc: Document) -> None:
        self.kb = kb
        self.doc = doc
        self.date = doc.article.date
        self.agent_country: dict[str, str] = {}  # agent id -> last country seen with it
        self.dominant = ""  # the article's main country, for role nouns without one (set by the stage)
        self.context: set[str] = set()  # every country the article mentions (for place disambiguation)

    def resolve_group(self, ms: list[Mention]) -> tuple[ActorRef, str] | None:
        kb = self.kb
        persons: list[ActorEntry] = []
        orgs: list[ActorEntry] = []
        agents: list[AgentEntry] = []
        country = ""
        metonym_code = ""
        generic_agent_span: set[tuple[int, int]] = {(m.tok_start, m.tok_end) for m in ms if m.kind == MentionKind.AGENT}
        for m in ms:
            if m.kind == MentionKind.ACTOR:
                a = kb.actors[m.entry_id]
                if (m.tok_start, m.tok_end) in generic_agent_span:
                    continue  # decided below, once the country is known
                (persons if a.type == "person" else orgs).append(a)
            elif m.kind == MentionKind.AGENT:
                if not any(g.id == m.entry_id for g in agents):
                    agents.append(kb.agents[m.entry_id])
            elif m.kind == MentionKind.NISBA or m.kind == MentionKind.STATE:
                if m.entry_id in kb.metonyms:
                    metonym_code = metonym_code or kb.metonyms[m.entry_id].code
                    country = country or kb.metonyms[m.entry_id].code[:3]
                else:
                    country = country or m.entry_id
            elif m.kind == MentionKind.PLACE:
                p = kb.places.get(m.entry_id)
                if p and not country:
                    country = p.country
        # an actor whose name is also a generic agent phrase (مجلس النواب): only when the country fits
        for m in ms:
            if m.kind == MentionKind.ACTOR and (m.tok_start, m.tok_end) in generic_agent_span:
                a = kb.actors[m.entry_id]
                if country and a.country == country:
                    (persons if a.type == "person" else orgs).append(a)
        surface = self.doc.text[ms[0].start:ms[-1].end]
        names = [m for m in ms if m.kind == MentionKind.NAME]
        if names and not persons:
            head = agents[0] if agents else None
            if head is not None and not head.full_code and not country:
                country = self.agent_country.get(head.id, "") or self.dominant
            name_code = (head.sector if head.full_code else (country + head.sector if country else None)) if head else (
                country or None)
            role = f" ({head.name_en})" if head else ""
            return (ActorRef(names[-1].text, None if not role else f"{names[-1].text}{role}", name_code, None, "person",
                             country or None, [surface]), KIND_ACTOR)
        if persons or orgs:
            a = persons[-1] if persons else orgs[0]
            ref = ActorRef(a.name_ar, a.name_en, a.code_on(self.date), a.id, a.type, a.country or None, [surface])
            return ref, KIND_ACTOR
        if agents:
            head = agents[0]
            if head.full_code:
                code: str | None = head.sector
            else:
                # a role phrase repeated without its nationality ("حاملة الطائرات") keeps the one it had
                role_key = phrase_key(self.doc.text[ms[0].start:ms[0].end])
                if not country:
                    country = self.agent_country.get(role_key, "") or self.dominant
                else:
                    self.agent_country[role_key] = country
                code = (country + head.sector) if country else None
            name_en = head.name_en
            if country and country in kb.countries and not head.full_code:
                name_en = f"{head.name_en} ({kb.countries[country].name_en})"
            return ActorRef(surface, name_en, code, None, "agent", country or None, [surface]), KIND_AGENT
        if metonym_code:
            mt = next(kb.metonyms[m.entry_id] for m in ms if m.entry_id in kb.metonyms)
            return ActorRef(surface, mt.name_en, metonym_code, None, "state", metonym_code[:3], [surface]), KIND_METONYM
        if country:
            c = kb.countries.get(country)
            kind = KIND_STATE if any(m.kind == MentionKind.STATE for m in ms) else KIND_NISBA
            return (ActorRef(c.names_ar[0] if c and c.names_ar else surface, c.name_en if c else None, country, None,
                             "state", country, [surface]), kind)
        return None


@register_stage("actors")
class ActorStage(_KBStage):
    """Actor phrases (with codes valid on the article date) and geocoded places."""

    name = "actors"
    requires = ("mentions",)
    assigns = ("actor_mentions", "place_mentions")

    def process(self, doc: Document) -> None:
        kb = self.kb
        res = ActorResolver(kb, doc)
        res.context, res.dominant = _country_facts(kb, doc)
        actors: list[ActorMention] = []
        places: list[PlaceMention] = []
        ents = [m for m in doc.mentions if m.kind != MentionKind.TRIGGER]
        trig_spans = [m for m in doc.mentions if m.kind == MentionKind.TRIGGER]
        toks = doc.tokens
        # group by sentence, then by adjacency
        i = 0
        while i < len(ents):
            m = ents[i]
            sent = doc.sentences[m.sentence]
            group = [m]
            j = i + 1
            while j < len(ents) and ents[j].sentence == m.sentence:
                nxt = ents[j]
                if nxt.tok_start == group[-1].tok_start and nxt.tok_end == group[-1].tok_end:
                    group.append(nxt)  # same span, another kind
                    j += 1
                    continue
                gap = toks[group[-1].tok_end:nxt.tok_start]
                if nxt.tok_start < group[-1].tok_end:
                    break
                if any(t.text not in GROUP_GLUE for t in gap):
                    words = [t for t in gap if t.text not in GROUP_GLUE]
                    # apposition after a role noun: "الطراد الكبير، حاملة الطائرات الروسية"
                    appos = (group[-1].kind == MentionKind.AGENT and len(words) <= 2
                             and all(t.prefix.endswith("ال") or t.prefix == "ال" for t in words)
                             and any(t.text in "،," for t in gap))
                    # a title's genitive chain before a name: "رئيس مكتبها السياسي خالد مشعل"
                    title_chain = (group[-1].kind == MentionKind.AGENT and nxt.kind == MentionKind.ACTOR
                                   and kb.actors[nxt.entry_id].type == "person" and len(gap) <= 3
                                   and not any(t.is_punct or t.norm in PREPOSITIONS or t.norm in _STOP_CHAIN
                                               for t in gap)
                                   and not any(tm.tok_start <= t_i < tm.tok_end for tm in trig_spans
                                               for t_i in range(group[-1].tok_end, nxt.tok_start)))
                    # an adjective between a role noun and its nationality: "زعماء سياسيين عراقيين"
                    adj = (group[-1].kind == MentionKind.AGENT and nxt.kind == MentionKind.NISBA and len(words) == 1
                           and not words[0].prefix and words[0].norm.endswith(("ين", "ون", "يه", "ي"))
                           and words[0].key not in kb.lexicon)
                    if not (appos or title_chain or adj):
                        break
                if _two_heads(kb, group, nxt):
                    break
                first = toks[nxt.tok_start]
                if first.prefix[:1] in ("و", "ف") or first.prefix.lstrip("وف")[:1] in ("ب", "ل", "ك"):
                    break
                if (nxt.kind == MentionKind.PLACE and not any(g.kind == MentionKind.AGENT for g in group)
                        and not any(k.kind in (MentionKind.STATE, MentionKind.NISBA) for k in ents[j:j + 3]
                                    if (k.tok_start, k.tok_end) == (nxt.tok_start, nxt.tok_end))):
                    break
                group.append(nxt)
                j += 1
            i = j
            self._emit(doc, res, group, sent.tok_start, actors, places)
        _resolve_roles(actors)
        doc.actor_mentions = actors
        doc.place_mentions = places

    def _emit(self, doc: Document, res: ActorResolver, group: list[Mention], sent_start: int,
              actors: list[ActorMention], places: list[PlaceMention]) -> None:
        kb = res.kb
        toks = doc.tokens
        kinds = {m.kind for m in group}
        prep = _prep_before(toks, group[0].tok_start, sent_start)
        # a place (optionally with its nisba: بطبرق الليبية) is a place, not an actor
        place_ms = [m for m in group if m.kind == MentionKind.PLACE]
        actorish = kinds & {MentionKind.ACTOR, MentionKind.AGENT, MentionKind.STATE}
        if place_ms and (not actorish or MentionKind.STATE in kinds or prep in LOCATIVE_PREPS):
            ids = [m.entry_id for m in place_ms if m.tok_start == place_ms[0].tok_start]
            p = kb.best_place(ids, res.context)
            if p:
                pm = place_ms[0]
                pref = p.to_ref()
                places.append(PlaceMention(pm.tok_start, pm.tok_end, pm.start, pm.end, pm.sentence, pref, prep))
            if not actorish:
                return
        got = res.resolve_group(group)
        if got is None:
            return
        ref, head = got
        first = toks[group[0].tok_start]
        role = next((m.entry_id for m in group if m.kind == MentionKind.AGENT), "")
        actors.append(ActorMention(group[0].tok_start, group[-1].tok_end, group[0].start, group[-1].end,
                                   group[0].sentence, ref, head, prep, conj=first.prefix[:1] == "و", role=role))
