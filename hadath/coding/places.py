"""Which place mentions of a sentence say where an event happened.

A gazetteer hit is not always an event location. The coder (:meth:`EventCoder._place`) asks this module how
each place mention of a sentence is used:

* ``LOC``: a locative phrase, governed by a locative preposition directly ("في سوريا", "بطبرق") or through
  place nouns, directions and nationality adjectives ("في شمال العراق", "بمدينة طبرق", "في العاصمة الليبية
  طرابلس", "شمال بغداد", "بالقرب من الموصل"), or coordinated with one ("في سوريا والعراق");
* ``DEST``: the destination of a movement ("وصل إلى طبرق", "زيارة موسكو"); ``PLANNED`` when the movement has
  not happened (an invitation, a purpose or a future: "وجه له الدعوة لزيارة موسكو", "سيزور موسكو"), which is
  the place of that visit only, never of the other events of the sentence;
* ``BARE``: any other use (a subject, an object, a genitive);
* ``None``: not a place here: a nationality adjective that a country name variant happens to spell
  ("الحكومة التركية"), a name written without the article its place always has ("قريتين" is "two villages",
  not al-Qaryatayn), a place inside a longer actor phrase ("سفيرها في طهران").
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from hadath.kb.kb import PLACE_NOUNS, KnowledgeBase
from hadath.model import ActorMention, PlaceMention, Token

LOC = "loc"
DEST = "dest"
PLANNED = "planned"
BARE = "bare"

DIRECTIONS = frozenset(
    ["شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "شمالا", "جنوبا", "شرقا", "غربا"]
)
# nouns that can stand between a locative preposition and the place name ("في ريف حلب", "بمدينة طبرق")
PLACE_CHAIN = PLACE_NOUNS | DIRECTIONS | frozenset(
    ["مدن", "مدينتي", "بلدات", "بلدتي", "قري", "قريتي", "مناطق", "منطقتي", "محافظات", "محافظتي", "احياء", "حيي",
     "ريف", "ريفي", "ارياف", "محيط", "اطراف", "ضواحي", "ضاحيه", "قاعده", "مطار", "مرفا", "سواحل", "ساحل",
     "مياه", "اراضي", "اراض", "اجواء", "جزر", "شبه", "دوله", "دول", "اماره", "جمهوريه", "مملكه", "سلطنه",
     "مقاطعه"]
)
# words that make the following place (or place-noun chain) a location
LOCATIVE_WORDS = frozenset(["في", "داخل", "قرب", "عند", "قباله", "بالقرب", "وسط", "حول", "فوق"])
NEAR_WORDS = frozenset(["قرب", "بالقرب", "مقربه", "قريبا", "قريبه", "قريب", "بعيدا"])
# movement words whose object or الى-phrase is a destination
MOVEMENT_WORDS = frozenset(
    ["زياره", "زيارات", "زيارتين", "زار", "زارت", "زارا", "زاروا", "يزور", "تزور", "يزوران", "يزورون", "نزور",
     "جوله", "وصل", "وصلت", "وصلا", "وصلوا", "يصل", "تصل", "يصلون", "وصول", "توجه", "توجهت", "توجهوا", "يتوجه",
     "تتوجه", "عاد", "عادت", "عادوا", "يعود", "تعود", "عوده", "سافر", "سافرت", "يسافر", "تسافر", "قدوم", "انتقل",
     "انتقلت", "ينتقل", "تنتقل"]
)
INVITE_WORDS = frozenset(["دعوه", "دعوات", "دعا", "دعت", "دعاه", "دعاها", "يدعو", "تدعو", "ودعا", "ودعت"])
FUTURE_WORDS = frozenset(["سوف", "مقرر", "المقرر", "يعتزم", "تعتزم", "ينوي", "تنوي", "مرتقب", "المرتقب",
                          "المرتقبه", "مرتقبه", "المقبل", "المقبله", "القادم", "القادمه", "يخطط", "تخطط"])
# place names that are far more often ordinary words; a place only after a place noun ("مدينة وان", "ولاية معسكر"):
# و+أن / Van, المالية (financial) / Malé, المعسكر (the camp) / Mascara, الخبر (the news) / Khobar, المشهد (the
# scene) / Mashhad, العالية (high) / Aley, ساري (in force) / Sari, الوادي (the valley) / El Oued, العبور (the
# crossing) / Obour, علم (flag) / al-Alam, منزله (his house) / al-Manzala, الصعيد ("على الصعيد الدولي") / Upper Egypt
NEEDS_PLACE_NOUN = frozenset(["وان", "ماليه", "معسكر", "خبر", "مشهد", "عاليه", "ساري", "وادي", "عبور", "علم", "منزله",
                              "صعيد"])
PRONOUNS = frozenset(["ه", "ها", "هم", "هما", "هن", "كم", "كما"])
SIMPLE_PREPS = frozenset(["في", "الى", "الي", "على", "علي", "من", "ضد", "عن", "مع", "داخل", "قرب", "عند", "لدى",
                          "لدي", "نحو", "عبر", "بين"])

# the spelling of a preposition of SIMPLE_PREPS written with ي for ى (a table, not three str.replace per call: no
# other word of SIMPLE_PREPS contains these)
_PREP_SPELLING = {"الي": "الى", "علي": "على", "لدي": "لدى"}


def direct_prep(toks: list[Token], k: int) -> str:
    """The preposition written right before token ``k`` or cliticised on it ("" when none)."""
    if k > 0 and toks[k - 1].norm in SIMPLE_PREPS:
        norm = toks[k - 1].norm
        return _PREP_SPELLING.get(norm, norm)
    pre = toks[k].prefix.lstrip("وف")
    return pre[:1] if pre[:1] in ("ب", "ل", "ك") else ""


def _is_locative(toks: list[Token], k: int, kb: KnowledgeBase) -> bool:
    """True when the place starting at token ``k`` is governed by a locative word (see the module doc)."""
    prep = direct_prep(toks, k)
    if prep in ("في", "ب", "داخل", "قرب", "عند"):
        return True
    if k > 0 and toks[k - 1].norm in LOCATIVE_WORDS:
        return True
    if prep == "من" and k >= 2 and (toks[k - 2].key in NEAR_WORDS or toks[k - 2].norm in NEAR_WORDS):
        return True  # "بالقرب من الموصل"
    j = k - 1
    while j >= 0 and k - j <= 5:
        t = toks[j]
        if t.text in "،,«\"“":
            j -= 1
            continue
        chain = t.key in PLACE_CHAIN or t.norm in PLACE_CHAIN
        if not chain:
            if t.key in kb.nisba_of and t.prefix.lstrip("وف")[:1] not in ("ب", "ل"):
                j -= 1  # "العاصمة الليبية طرابلس": a nationality inside a chain of place nouns
                continue
            return False
        if t.key in DIRECTIONS and not t.prefix:
            return True  # "شمال بغداد", "جنوب غرب بغداد"
        if t.prefix.lstrip("وف")[:1] == "ب":
            return True  # "بمدينة طبرق", "بريف حلب"
        if j > 0 and toks[j - 1].norm in LOCATIVE_WORDS:
            return True
        j -= 1
    return False


# a noun of the middle of a place, inside a chain after a preposition ("في قلب العاصمة نيودلهي")
CENTRE_WORDS = frozenset(["قلب"])
CHAIN_PREPS = frozenset(["في", "داخل"])


def chain_locative(kb: KnowledgeBase, toks: list[Token], k: int) -> bool:
    """The place at token ``k`` is governed by a locative preposition through a chain of place nouns and
    nationality adjectives that names a part of it, a direction or its centre ("في جنوب شرقي أفغانستان"، "في
    قلب العاصمة نيودلهي"، "بشمال البلاد"): a location, never the bare object of a verb (unlike "شمال بغداد"
    after a noun, "قصفت شمال العراق", or a strike "في الأراضي السورية", which hits the state)."""
    j, chain, part = k - 1, 0, False
    while j >= 0 and k - j <= 5:
        t = toks[j]
        if t.key in PLACE_CHAIN or t.norm in PLACE_CHAIN or t.key in CENTRE_WORDS or (
                chain and t.key in kb.nisba_of):
            part = part or t.key in DIRECTIONS or t.key in CENTRE_WORDS
            if part and (t.prefix.lstrip("وف")[:1] == "ب" or (j > 0 and toks[j - 1].norm in CHAIN_PREPS)):
                return True
            chain += 1
            j -= 1
            continue
        return False
    return False


def _movement_forms(t: Token) -> tuple[bool, bool]:
    """(is a movement word, marked as not yet done: the purpose ل of "لزيارة" or the future س of "سيزور")."""
    return _movement_forms_of(t.key, t.norm, t.prefix.lstrip("وف")[:1] in ("ل", "س"))


@lru_cache(maxsize=1 << 16)
def _movement_forms_of(key: str, norm: str, planned_prefix: bool) -> tuple[bool, bool]:
    """:func:`_movement_forms` of a token's key and normalised form, memoised (a pure function of the word)."""
    for f in {key, norm}:
        stems = [(f, planned_prefix)]
        if f[:1] in ("ل", "س") and len(f) > 3:
            stems.append((f[1:], True))  # the tokenizer keeps "لزيارة", "سيزور" whole
        for stem, planned in list(stems):
            for pron in ("هما", "هم", "ها", "ه"):
                if stem.endswith(pron) and len(stem) - len(pron) >= 3:
                    base = stem[: -len(pron)]
                    stems.append((base[:-1] + "ه" if base.endswith("ت") else base, planned))  # زيارتهم
        for stem, planned in stems:
            if stem in MOVEMENT_WORDS:
                return True, planned
    return False, False


def _movement(toks: list[Token], k: int, prep: str) -> tuple[int, bool] | None:
    """(index, planned) of the movement word whose destination the place at ``k`` is, if any."""
    if prep not in ("", "الى", "ل"):
        return None
    for j in range(k - 1, k - 7 if k > 6 else -1, -1):  # (a conditional, not max(): a builtin call)
        t = toks[j]
        if t.is_punct:
            return None
        is_move, purpose = _movement_forms(t)
        if is_move:
            window = toks[j - 4 if j > 4 else 0:j]
            before = {x.key for x in window} | {x.norm for x in window}
            planned = (purpose or t.prefix.endswith("س") or bool(before & INVITE_WORDS)
                       or bool(before & FUTURE_WORDS))
            return j, planned
        if j < k - 1 and t.norm in SIMPLE_PREPS:
            return None  # "زيارة الرئيس الصيني إلى ...": an actor may stand between, another phrase not
    return None


def _written_without_article(kb: KnowledgeBase, toks: list[Token], k: int, pm: PlaceMention) -> bool:
    """A place always named with the article (القريتين) written without it ("قريتين", two villages)."""
    p = kb.places.get(pm.ref.id or "")
    if p is None:
        return False
    if not p.name_ar.strip().startswith("ال"):  # (the name first, then the aliases: no list, no generator)
        return False
    for f in p.aliases:
        if not f.strip().startswith("ال"):
            return False
    pre = toks[k].prefix
    return "ال" not in pre and not pre.endswith("لل")


def _elative_adjective(toks: list[Token], k: int, actors: list[ActorMention], sent_start: int) -> bool:
    """A one-word place name with the article that is an elative adjective (أفعل of a weak root: "الأقصى") right
    after a definite noun it qualifies ("الحد الأقصى"، "الشرق الأقصى"، "الطرف الأقصى"): an adjective, not the
    place. Not after a place noun ("المسجد الأقصى" is matched whole anyway; a direction with the article is the
    noun qualified: "الشرق الأقصى" is the Far East) nor after an actor phrase, whose
    object the name may be ("اقتحم المستوطنون الأقصى")."""
    t = toks[k]
    if not (k > 0 and t.prefix.lstrip("وف") == "ال" and len(t.key) == 4 and t.key[0] == "ا" and t.text.endswith("ى")):
        return False
    prev = toks[k - 1]
    if not prev.prefix.lstrip("وف").endswith("ال") or prev.key in PLACE_NOUNS or prev.norm in PLACE_NOUNS:
        return False
    return not _inside_actor(actors, sent_start + k - 1)


def _inside_actor(actors: list[ActorMention], at: int) -> bool:
    """Document token ``at`` lies inside one of ``actors`` (a function of its own: a generator in
    _elative_adjective would make ``at`` a cell of it, made on every call)."""
    return any(a.tok_start <= at < a.tok_end for a in actors)


def place_role(kb: KnowledgeBase, toks: list[Token], sent_start: int, pm: PlaceMention,
               actors: list[ActorMention], prev_role: str | None = None,
               prev: PlaceMention | None = None) -> str | None:
    """How the place mention ``pm`` is used in its sentence: ``LOC``, ``DEST``, ``PLANNED``, ``BARE`` or ``None``
    (not a place here). ``prev``/``prev_role`` are the sentence's previous place mention and its role, for
    coordination ("في سوريا والعراق")."""
    k = pm.tok_start - sent_start
    if k < 0 or k >= len(toks):
        return None
    span = pm.tok_end - pm.tok_start
    for a in actors:  # (a loop, not any() over a generator: every place mention of a sentence with triggers)
        if a.tok_start <= pm.tok_start and pm.tok_end <= a.tok_end and a.tok_end - a.tok_start > span:
            return None  # inside a longer actor phrase: "مسؤول في الحكومة التركية", "سفيرها في طهران"
    if _written_without_article(kb, toks, k, pm):
        return None
    if span == 1 and toks[k].suffix in PRONOUNS:
        return None  # a place name takes no possessive pronoun: "في أزمته" is "in its crisis", not İzmit
    if span == 1 and (toks[k].key in NEEDS_PLACE_NOUN or toks[k].norm in NEEDS_PLACE_NOUN) and not (
            k > 0 and toks[k - 1].key in PLACE_NOUNS):
        return None
    if span == 1 and _elative_adjective(toks, k, actors, sent_start):
        return None
    end = pm.tok_end - sent_start
    if (k > 0 and toks[k - 1].text in "«\"“" and end < len(toks) and toks[end].text in "»\"”"
            and not (k > 1 and (toks[k - 2].key in PLACE_NOUNS or toks[k - 2].norm in LOCATIVE_WORDS))):
        return None  # a quoted name: a newspaper (لـ«الشرق الأوسط»), an operation (عملية «درع الفرات»); not "بلدة «عين عيسى»"
    locative = _is_locative(toks, k, kb)
    t = toks[k]
    if (not locative and prev is not None and prev_role == LOC and t.prefix[:1] == "و"
            and all(x.text in "،," for x in toks[prev.tok_end - sent_start:k])):
        locative = True  # "في سوريا والعراق"
    if span == 1 and t.key in kb.nisba_of and kb.nisba_of[t.key] == pm.ref.country and not locative:
        return None  # "الحكومة التركية": a nationality, though تركية is also written for Turkey
    if locative:
        return LOC
    mv = _movement(toks, k, direct_prep(toks, k))
    if mv is not None:
        return PLANNED if mv[1] else DEST
    return BARE


def movement_word(toks: list[Token], k: int) -> int | None:
    """Index of the movement word governing the destination at token ``k`` (see :func:`place_role`)."""
    mv = _movement(toks, k, direct_prep(toks, k))
    return mv[0] if mv is not None else None


def prefer_actor_country(kb: KnowledgeBase, pm: PlaceMention, surface: str, countries: set[str]) -> PlaceMention:
    """The reading of an ambiguous place name in a country of the sentence's actors: "عمان" with a Jordanian
    host is Amman, not Oman. ``pm`` itself when its reading already fits, or no single other reading does."""
    if not countries or pm.ref.country in countries:
        return pm
    others = [kb.places[i] for kind, i in kb.lookup(surface) if kind == "place" and i in kb.places
              and i != pm.ref.id and kb.places[i].country in countries]
    if len({p.country for p in others}) != 1:
        return pm
    best = max(others, key=lambda p: p.population)
    return replace(pm, ref=best.to_ref())
