"""One English and one Arabic sentence per event, generated from the event's own fields.

No translation: the English comes from the actors' English names (``ActorRef.name_en``; for known
people the dictionary's ``desc_en``), the CAMEO template of the event's code, the geocoded place and
the resolved date; the Arabic from the Arabic names the coder found (``ActorRef.name``) with verb
agreement. Negation, modality (intent, future, conditional, question) and background events change
the sentence ("… said it intended to …", "… denied …", "… had met …"); an unknown source gives a
passive ("Three soldiers were killed in Saada").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.briefs.grammar import (
    ArabicNP,
    EnglishNP,
    agent_np,
    arabic_np,
    arabic_plural,
    capitalize_first,
    clean_ar_surface,
    clean_gloss,
    indefinite,
    inflect_vp,
    is_plural_np,
    join_clitics,
    strip_ar,
    with_case,
    with_the,
)
from hadath.briefs.templates import Template, TemplateError, fill, template_for
from hadath.model import ActorRef, Event, PlaceRef

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")
MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر")
DENIAL_WORDS = frozenset(["نفى", "نفت", "ينفي", "تنفي", "نفوا", "نفي", "ونفى", "ونفت"])
PLURAL_NAMED = frozenset(["houthis", "taliban", "forces", "brigades", "fighters", "rebels", "militants"])
ARABIC = re.compile("[\u0600-\u06ff]")
_YEARS = re.compile(r"\s*\((?:[^()]*\d{4}[^()]*)\)")
_GLOSS_COUNTRY = re.compile(r"^(.*)\s\(([^()]+)\)$")  # "official(s) (Iraq)": the gloss and its country


@dataclass(frozen=True, slots=True)
class Summary:
    """The two sentences of one event."""

    en: str
    ar: str


class Summarizer:
    """Builds summaries; ``kb`` (a :class:`~hadath.kb.KnowledgeBase`) adds roles of known people and
    country names (without it, names alone are used)."""

    def __init__(self, kb: Any = None) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ actors

    def english(self, ref: ActorRef | None, describe: bool = True, date: str | None = None) -> EnglishNP | None:
        """The English noun phrase of an actor (with the KB role of a known person)."""
        if ref is None:
            return None
        t = ref.type or ""
        name = (ref.name_en or "").strip()
        if t == "agent":
            gloss, country_name = name, None
            m = _GLOSS_COUNTRY.match(name)
            if m and ref.country and self._country_en(ref.country) == m.group(2):
                gloss, country_name = m.group(1), m.group(2)
            surface = clean_ar_surface(ref.name)
            words = surface.split()
            plural = arabic_plural(words[0]) if words else None
            if plural is False and "(s)" not in gloss and is_plural_np(gloss.split(" / ")[0]):
                plural = None  # a collective gloss ("civilians"): keep the gloss's own number
            definite = bool(words) and strip_ar(words[0]).startswith("ال")
            if not gloss:
                return EnglishNP("an unidentified group", False, "it")
            return agent_np(gloss, country_name, ref.country, plural, definite)
        if ARABIC.search(name):
            # an unknown named person: "اسم (role)" — the name has no English form; keep the role
            inner = name[name.index("(") + 1:name.rindex(")")] if "(" in name and name.rstrip().endswith(")") else ""
            gloss = clean_gloss(inner) if inner and not ARABIC.search(inner) else ""
            gloss = gloss.replace("(s)", "")  # (= re.sub(r"\(s\)", "", gloss))
            if not gloss:
                name = ""
            elif is_plural_np(gloss):
                return EnglishNP(f"a member of the {gloss}", False, "he")
            else:
                return EnglishNP(indefinite(gloss), False, "he")
        if not name:
            return EnglishNP("an unidentified actor" if t != "person" else "an unidentified person",
                             False, "he" if t == "person" else "it")
        if t == "person":
            desc = self._desc(ref.id, date) if describe else ""
            return EnglishNP(f"{name} ({desc})" if desc else name, False, "he")
        if t == "state":
            return EnglishNP(with_the(name), False, "it")
        plural = name.lower().split(" ")[-1] in PLURAL_NAMED
        return EnglishNP(with_the(name), plural, "they" if plural else "it")

    def arabic(self, ref: ActorRef | None) -> ArabicNP | None:
        """The Arabic noun phrase of an actor, with gender and number."""
        if ref is None:
            return None
        return arabic_np(ref.name or "", ref.type, ref.country)

    def _desc(self, actor_id: str | None, date: str | None = None) -> str:
        if not actor_id or self.kb is None:
            return ""
        a = self.kb.actors.get(actor_id)
        if a is None or not a.desc_en:
            return ""
        return pick_role(a.desc_en, date)

    def _country_en(self, iso3: str | None) -> str | None:
        if not iso3 or self.kb is None:
            return None
        c = self.kb.countries.get(iso3)
        return c.name_en if c else None

    def _country_ar(self, iso3: str | None) -> str | None:
        if not iso3 or self.kb is None:
            return None
        c = self.kb.countries.get(iso3)
        return c.names_ar[0] if c and c.names_ar else None

    # ------------------------------------------------------------------ place and time

    def place_en(self, loc: PlaceRef | None, target: ActorRef | None) -> str:
        """" in Tobruk, Libya" / " at the naval base" (empty when unknown or the same as the target)."""
        if loc is None or not loc.name_en or _same_place(loc, target):
            return ""
        name = with_the(loc.name_en)
        prep = "at" if loc.feature in ("site", "base", "landmark") else "in"
        country = self._country_en(loc.country)
        if loc.precision != "country" and loc.feature != "country" and country and country not in loc.name_en:
            name = f"{name}, {with_the(country)},"
        return f" {prep} {name}"

    def place_ar(self, loc: PlaceRef | None, target: ActorRef | None) -> str:
        """" في طبرق، ليبيا"."""
        if loc is None or not loc.name or _same_place(loc, target):
            return ""
        name = strip_ar(loc.name)
        country = self._country_ar(loc.country)
        if loc.precision != "country" and loc.feature != "country" and country and country not in name:
            name = f"{name}، {country}،"
        return f" في {name}"

    @staticmethod
    def date_en(date: str | None, precision: str | None) -> str:
        """" on 11 January 2017", " in January 2017", " in 2017"."""
        y, m, d = _ymd(date)
        if y is None:
            return ""
        if m is None or precision == "year":
            return f" in {y}"
        if d is None or precision == "month":
            return f" in {MONTHS_EN[m - 1]} {y}"
        if precision == "week":
            return f" in the week of {d} {MONTHS_EN[m - 1]} {y}"
        return f" on {d} {MONTHS_EN[m - 1]} {y}"

    @staticmethod
    def date_ar(date: str | None, precision: str | None) -> str:
        """" بتاريخ 11 يناير 2017"."""
        y, m, d = _ymd(date)
        if y is None:
            return ""
        if m is None or precision == "year":
            return f" عام {y}"
        if d is None or precision == "month":
            return f" في {MONTHS_AR[m - 1]} {y}"
        if precision == "week":
            return f" في الأسبوع الذي بدأ في {d} {MONTHS_AR[m - 1]} {y}"
        return f" بتاريخ {d} {MONTHS_AR[m - 1]} {y}"

    # ------------------------------------------------------------------ sentences

    def summarize(self, ev: Event) -> Summary:
        """Both summaries of ``ev``; raises :class:`TemplateError` when the code has no usable template."""
        tpl = template_for(ev.cameo)
        return Summary(self._english(ev, tpl), self._arabic(ev, tpl))

    def _english(self, ev: Event, tpl: Template) -> str:
        src = self.english(ev.source, date=ev.date)
        tgt = self.english(ev.target, describe=not (ev.source and ev.target and ev.source.id
                                                    and ev.source.id == ev.target.id), date=ev.date)
        tail = self.place_en(ev.location, ev.target) + self.date_en(ev.date, ev.date_precision)
        tail = tail.rstrip(",")
        if src is not None:
            slots = {"source": src.text, "target": tgt.text if tgt else None, "pron": src.pronoun,
                     "poss": src.possessive, "be": src.be}
            vp = fill(tpl.en, slots)
            s = src.text
            intent_code = tpl.en.startswith("say {pron} {be} ready")
            if ev.negated:
                out = f"{s} denied {inflect_vp(vp, 'ing')}" if _denial(ev) else f"{s} did not {vp}"
            elif ev.modality == "intent" and not intent_code:
                out = f"{s} said {src.pronoun} intended to {vp}"
            elif ev.modality == "future" and not intent_code:
                out = f"{s} said {src.pronoun} would {vp}"
            elif ev.modality == "conditional":
                out = f"{s} said {src.pronoun} could {vp} under certain conditions"
            elif ev.modality == "question":
                out = f"it was unclear whether {s} would {vp}"
            elif ev.background:
                out = f"{s} had {inflect_vp(vp, 'pp')}"
            else:
                out = f"{s} {inflect_vp(vp, 'past')}"
        elif tgt is not None and tpl.en_passive:
            be = tgt.be
            if ev.negated:
                be = f"{tgt.be} not"
            elif ev.modality in ("intent", "future", "conditional"):
                be = "would be" if ev.modality != "conditional" else "could be"
            elif ev.modality == "question":
                be = "would be"
            elif ev.background:
                be = "had been"
            out = fill(tpl.en_passive, {"target": tgt.text, "be": be})
            if ev.modality == "question":
                out = "it was unclear whether " + out
        else:
            unknown = EnglishNP("an unidentified party", False, "it")
            vp = fill(tpl.en, {"source": unknown.text, "target": tgt.text if tgt else None, "pron": "it",
                               "poss": "its", "be": "was"})
            if ev.negated:
                out = f"{unknown.text} did not {vp}"
            elif ev.background:
                out = f"{unknown.text} had {inflect_vp(vp, 'pp')}"
            else:
                out = f"{unknown.text} {inflect_vp(vp, 'past')}"
        return capitalize_first(_tidy_en(out + tail)) + "."

    def _arabic(self, ev: Event, tpl: Template) -> str:
        src = self.arabic(ev.source)
        tgt_np = self.arabic(ev.target)
        src = with_case(src, True) if src else None
        tgt = with_case(tgt_np, not src) if tgt_np else None
        tail = self.place_ar(ev.location, ev.target) + self.date_ar(ev.date, ev.date_precision)
        tail = tail.rstrip("،")
        tslot = tgt.text if tgt else None
        tgen = with_case(tgt_np, False) if tgt_np else None  # after a verbal noun: genitive
        masdar = fill(tpl.ar_masdar, {"target": tgen.text if tgen else None, "source": src.text if src else None})
        if src is not None:
            def agree(forms: list[str], np: ArabicNP = src) -> str:
                return np.verb(forms[0], forms[1], forms[2] if len(forms) > 2 else None)

            slots = {"source": src.text, "target": tslot, "suf": src.suffix}
            intent_code = "استعداد{suf}" in tpl.ar
            if ev.negated:
                if _denial(ev):
                    out = fill("{v:نفى|نفت} {source}", slots, agree) + " " + masdar
                else:
                    out = fill("{v:لم يقم|لم تقم} {source} ", slots, agree) + " ب+" + masdar
            elif ev.modality == "intent" and not intent_code:
                out = fill("{v:أعلن|أعلنت} {source} عزم{suf} على", slots, agree) + " " + masdar
            elif ev.modality == "future" and not intent_code:
                out = fill("{v:أعلن|أعلنت} {source} أن{suf} {v:سيقوم|ستقوم|سيقومون} ", slots, agree) + " ب+" + masdar
            elif ev.modality == "conditional":
                out = fill("{v:قال|قالت} {source} إن{suf} {v:قد يقوم|قد تقوم|قد يقومون} ", slots, agree) + " ب+" + masdar
            elif ev.modality == "question":
                out = fill("لم يتضح ما إذا {v:كان|كانت} {source} {v:سيقوم|ستقوم|سيقومون} ", slots, agree) + " ب+" + masdar
            else:
                out = fill(tpl.ar, slots, agree)
        elif tgt is not None and tpl.ar_passive and not ev.modality and not ev.negated:
            def agree_t(forms: list[str], np: ArabicNP = tgt) -> str:
                return np.verb(forms[0], forms[1], forms[2] if len(forms) > 2 else None)

            out = fill(tpl.ar_passive, {"target": tslot}, agree_t)
        else:
            lead = "أفادت تقارير بعدم " if ev.negated else "أفادت تقارير باحتمال " if ev.modality else "أفادت تقارير ب+"
            out = lead + masdar
        if ev.background:
            out = "في وقت سابق، " + out
        return _tidy_ar(join_clitics(out + tail)) + "."


_ROLE_RANGE = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})?")


def pick_role(desc: str, date: str | None) -> str:
    """The role of a KB description that held on ``date``.

    "Emergencies Minister (1994-2012); Defence Minister (2012-2024)" on 2017-01-11 → "Defence Minister";
    without dates, the first role. Years in parentheses are dropped.
    """
    return _pick_role(desc, int(date[:4]) if date and date[:4].isdigit() else None)


@lru_cache(maxsize=8192)
def _pick_role(desc: str, year: int | None) -> str:
    """:func:`pick_role` for the year of the date (all it depends on), memoised."""
    parts, depth, cur = [], 0, ""
    for ch in desc:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    roles = [p.strip() for p in parts if p.strip()]
    if not roles:
        return ""
    chosen = None
    dated = [(r, _ROLE_RANGE.search(r)) for r in roles]
    if year is not None:
        for r, m in dated:
            if m and int(m.group(1)) <= year and (not m.group(2) or year <= int(m.group(2))):
                chosen = r  # the latest matching role wins
    if chosen is None:
        chosen = next((r for r, m in dated if m), roles[0]) if year is None else roles[0]
        if year is not None and any(m for _, m in dated):
            # outside every range: the first role whose range starts after nothing matched -> keep the first
            chosen = roles[0]
    return _YEARS.sub("", chosen).strip().rstrip(".")


def _denial(ev: Event) -> bool:
    words = strip_ar(ev.evidence).split()
    trig = strip_ar(ev.trigger)
    try:
        i = words.index(trig)
    except ValueError:
        i = len(words)
    return any(w in DENIAL_WORDS for w in words[max(0, i - 8):i])


def _same_place(loc: PlaceRef, target: ActorRef | None) -> bool:
    if target is None:
        return False
    if target.name_en and loc.name_en and target.name_en == loc.name_en:
        return True
    if target.name and loc.name and strip_ar(target.name).strip() == strip_ar(loc.name).strip():
        return True
    return bool(target.type == "state" and loc.precision == "country" and loc.country
                and target.country == loc.country)


_YMD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_TA_PRONOUN = re.compile(r"ة(هم|ها|ه)(?=[\s.،]|$)")


@lru_cache(maxsize=4096)
def _ymd(date: str | None) -> tuple[int | None, int | None, int | None]:
    if not date:
        return None, None, None
    m = _YMD.match(date)
    if not m:
        return None, None, None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None
    d = int(m.group(3)) if m.group(3) and mo else None
    return y, mo, d


# _tidy_en and _tidy_ar tidy the spaces with str methods where that is exact: after the split/join every run of
# whitespace is one " ", so \s+ before a comma is " ,", and after that ",\s*," can only be ",," (each regex
# substitution is a scan of the sentence and a new string)
def _tidy_en(s: str) -> str:
    s = " ".join(s.split())  # (= re.sub(r"\s+", " ", s).strip())
    s = s.replace(" ,", ",").replace(" .", ".")  # (= re.sub(r"\s+([,.])", r"\1", s))
    return s.replace(",,", ",").rstrip(",")  # (= re.sub(r",\s*,", ",", s))


def _tidy_ar(s: str) -> str:
    s = " ".join(s.split())
    if "ةه" in s:  # (every match of _TA_PRONOUN contains it: skip the scan and the template expansion)
        s = _TA_PRONOUN.sub(r"ت\1", s)  # مسؤولية + هم → مسؤوليتهم
    s = s.replace(" ،", "،").replace(" .", ".")  # (= re.sub(r"\s+([،.])", r"\1", s))
    return s.replace("،،", "،").rstrip("،")  # (= re.sub(r"،\s*،", "،", s))


def summarize_event(ev: Event, kb: Any = None) -> Summary:
    """Convenience: the summaries of one event."""
    return Summarizer(kb).summarize(ev)


__all__ = ["Summarizer", "Summary", "TemplateError", "summarize_event"]
