"""Time expressions of Arabic news, resolved against the article date.

Covers today/yesterday/tomorrow forms (اليوم، أمس، أول أمس، أمس الأول، غدا، صباح اليوم، الليلة),
weekdays (الأربعاء، يوم الأربعاء، الأربعاء الماضي/المقبل), relative spans (الأسبوع الماضي، الشهر
الماضي، قبل يومين، قبل 3 أيام، قبل أيام), explicit dates in the Gregorian month series (يناير),
the Levantine/Iraqi series (كانون الثاني), the Maghrebi series (جانفي، ماي، جويلية), numeric dates and
Hijri dates (25 شوال 1436 هـ, converted with hijridate). Each expression gets an ISO date (or None)
and a precision: day, week, month or year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from hadath.model import TimeExpr, Token

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    [
        "يناير|كانون الثاني|جانفي|يناyer",
        "فبراير|شباط|فيفري|فبرير",
        "مارس|اذار|مارث",
        "ابريل|نيسان|افريل|ابريل",
        "مايو|ايار|ماي|مايه",
        "يونيو|يونيه|حزيران|جوان",
        "يوليو|يوليه|تموز|جويليه|يوليوز",
        "اغسطس|اب|اوت|غشت|اغسطوس",
        "سبتمبر|ايلول|شتنبر",
        "اكتوبر|تشرين الاول|اكتوبر",
        "نوفمبر|تشرين الثاني|نونبر|نوفمبر",
        "ديسمبر|كانون الاول|دجنبر|دسمبر",
    ],
    1,
):
    for _m in _names.split("|"):
        if _m.isascii():
            continue
        MONTHS[_m] = _n

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "جمادي الاولي": 5, "جمادي الاول": 5,
    "جمادي الاخره": 6, "جمادي الثانيه": 6, "جمادي الاخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}

WEEKDAYS: dict[str, int] = {
    "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "يوم": 1, "يومين": 2, "يومان": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8,
    "تسعه": 9, "عشره": 10, "اسبوع": 7, "اسبوعين": 14,
}

_PROCLITIC = "(?:و|ف|ب|ل)?"  # optional proclitic on the first word
_P = r"(?:^|(?<=\s))" + _PROCLITIC  # (at the start or after whitespace)
# the number words of "قبل ثلاثة أيام" and the units of "قبل N ..." (normalised forms)
_NUMW = "بضعه|عده|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره"
_UNITS = "يومين|يومان|يوم|ايام|اسبوعين|اسبوعان|اسبوع|اسابيع|شهرين|شهران|شهر|اشهر|شهور"
# the words after "today" forms (صباح اليوم، حتى الآن), and the words of "last ..." (العام الماضي)
_TODAY = "اليوم|الليله|هذا الصباح|هذا المساء|الان|حاليا"
_BEFORE_YESTERDAY = "اول من امس|اول امس|امس الاول"
_LAST_WEEK = "(?:الاسبوع|الاسابيع) (?:الماضي|الفايت|المنصرم|الماضيه)"
_LAST_MONTH = "الشهر (?:الماضي|الفايت|المنصرم)"
_LAST_YEAR = "(?:العام|السنه) (?:الماضي|الماضيه|الفايت|الفايته|المنصرم|المنصرمه)"
# unit -> (days per unit, implied count, precision)
_UNIT_INFO: dict[str, tuple[int, int | None, str]] = {
    "يوم": (1, 1, "day"), "يومين": (1, 2, "day"), "يومان": (1, 2, "day"), "ايام": (1, None, "day"),
    "اسبوع": (7, 1, "week"), "اسبوعين": (7, 2, "week"), "اسبوعان": (7, 2, "week"), "اسابيع": (7, None, "week"),
    "شهر": (30, 1, "month"), "شهرين": (30, 2, "month"), "شهران": (30, 2, "month"), "اشهر": (30, None, "month"),
    "شهور": (30, None, "month"),
}
_WD = "ال(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_MON = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_HMON = "|".join(sorted((re.escape(m) for m in HIJRI_MONTHS), key=len, reverse=True))

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("hijri", re.compile(rf"{_P}(?P<d>\d{{1,2}}) (?P<m>{_HMON}) (?P<y>1[34]\d\d)(?: ?ه(?:ـ|جري|جريه)?)?(?=\s|$)")),
    ("dmy", re.compile(rf"{_P}(?:(?:يوم|في) )?(?P<d>\d{{1,2}}) (?:من )?(?P<m>{_MON})(?: ?/ ?(?:{_MON}))?(?: (?:عام |سنه )?(?P<y>(?:19|20)\d\d))?(?=\s|$)")),
    ("my", re.compile(rf"{_P}(?:شهر )?(?P<m>{_MON})(?: ?/ ?(?:{_MON}))? (?:عام |سنه |من عام )?(?P<y>(?:19|20)\d\d)(?=\s|$)")),
    ("numeric", re.compile(rf"{_P}(?P<d>\d{{1,2}})(?:[/.]| ?- ?)(?P<m>\d{{1,2}})(?:[/.]| ?- ?)(?P<y>(?:19|20)\d\d)(?=\s|$)")),
    ("iso", re.compile(rf"{_P}(?P<y>(?:19|20)\d\d) ?- ?(?P<m>\d{{1,2}}) ?- ?(?P<d>\d{{1,2}})(?=\s|$)")),
    ("day_of_month", re.compile(rf"{_P}(?P<d>\d{{1,2}}) (?:من )?(?:الجاري|الشهر الجاري)(?=\s|$)")),
    ("before_yesterday", re.compile(rf"{_P}(?:(?:صباح|مساء|ليل|ظهر|فجر|ليله) )?(?:{_BEFORE_YESTERDAY})(?: (?P<tw>{_WD}))?(?=\s|$)")),
    ("yesterday", re.compile(rf"{_P}(?:(?:يوم|صباح|مساء|ليل|ظهر|فجر|ليله|عصر) )?امس(?: (?P<tw>{_WD}))?(?=\s|$)")),
    ("after_tomorrow", re.compile(rf"{_P}بعد غد(?:ا)?(?: {_WD})?(?=\s|$)")),
    ("tomorrow", re.compile(rf"{_P}(?:(?:يوم|صباح|مساء) )?غدا?(?: {_WD})?(?=\s|$)")),
    ("today", re.compile(rf"{_P}(?:(?:صباح|مساء|ظهر|فجر|عصر|ظهيره|خلال|حتي) )?(?:{_TODAY})(?: (?P<tw>{_WD}))?(?=\s|$)")),
    ("weekday", re.compile(rf"{_P}(?:(?:يوم|صباح|مساء|ليل|ليله|فجر|ظهر|عصر) )?(?P<w>{_WD})(?: (?P<dir>الماضي|المقبل|القادم|الفايت|المنصرم))?(?=\s|$)")),
    ("last_week", re.compile(rf"{_P}{_LAST_WEEK}(?=\s|$)")),
    ("last_month", re.compile(rf"{_P}{_LAST_MONTH}(?=\s|$)")),
    ("last_year", re.compile(rf"{_P}{_LAST_YEAR}(?=\s|$)")),
    ("ago", re.compile(rf"{_P}(?:قبل|منذ) (?:(?P<n>\d{{1,2}}|{_NUMW}) )?(?P<u>{_UNITS})(?: قليله)?(?=\s|$)")),
]

_PRECISION = {
    "hijri": "day", "dmy": "day", "numeric": "day", "iso": "day", "day_of_month": "day", "before_yesterday": "day",
    "yesterday": "day", "after_tomorrow": "day", "tomorrow": "day", "today": "day", "weekday": "day",
    "my": "month", "last_week": "week", "last_month": "month", "last_year": "year", "ago": "day",
}


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolved date and its precision."""

    date: dt.date | None
    precision: str


@lru_cache(maxsize=4096)
def parse_iso(s: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``) to a date; None when missing or malformed."""
    if not s:
        return None
    s = s.strip()
    for fmt, n in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(s[:n], fmt).date()
        except ValueError:
            continue
    return None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve(kind: str, g: dict[str, str | None], ref: dt.date | None) -> Resolved:
    """Resolve one matched expression against the reference (article) date."""
    prec = _PRECISION[kind]
    if kind == "hijri":
        from hijridate import Hijri

        try:
            dg = Hijri(int(g["y"] or 0), HIJRI_MONTHS[g["m"] or ""], int(g["d"] or 0)).to_gregorian()
            return Resolved(dt.date(dg.year, dg.month, dg.day), prec)
        except (ValueError, OverflowError, KeyError):
            return Resolved(None, prec)
    if kind in ("dmy", "my", "numeric", "iso"):
        m = MONTHS.get(g["m"] or "") if kind in ("dmy", "my") else int(g["m"] or 0)
        if not m:
            return Resolved(None, prec)
        y_s, d_s = g.get("y"), g.get("d")
        y = int(y_s) if y_s else None
        if y is None:
            if ref is None:
                return Resolved(None, prec)
            y = ref.year if m <= ref.month + 1 else ref.year - 1  # "11 يناير" in a December article: last year
        return Resolved(_safe(y, m, int(d_s) if d_s else 1), prec)
    if ref is None:
        return Resolved(None, prec)
    if kind == "day_of_month":
        return Resolved(_safe(ref.year, ref.month, int(g["d"] or 0)), prec)
    delta = {"before_yesterday": -2, "yesterday": -1, "after_tomorrow": 2, "tomorrow": 1, "today": 0}
    if kind in delta:
        day = ref + dt.timedelta(days=delta[kind])
        wd_name = _trailing_weekday(g)
        if wd_name is not None and delta[kind] <= 0:
            # "اليوم الاثنين" in a paper dated Tuesday: the weekday wins (published the next morning)
            wd = WEEKDAYS[wd_name]
            back = (day.weekday() - wd) % 7
            if back <= 2:
                day = day - dt.timedelta(days=back)
        return Resolved(day, prec)
    if kind == "weekday":
        wd = WEEKDAYS[(g["w"] or "")[2:]]
        direction = g.get("dir")
        if direction in ("المقبل", "القادم"):
            days = (wd - ref.weekday()) % 7 or 7
            return Resolved(ref + dt.timedelta(days=days), prec)
        days = (ref.weekday() - wd) % 7
        if direction and days == 0:
            days = 7
        return Resolved(ref - dt.timedelta(days=days), prec)
    if kind == "last_week":
        return Resolved(ref - dt.timedelta(days=7), prec)
    if kind == "last_month":
        first = ref.replace(day=1) - dt.timedelta(days=1)
        return Resolved(first.replace(day=1), prec)
    if kind == "last_year":
        return Resolved(dt.date(ref.year - 1, 1, 1), prec)
    if kind == "ago":
        per, implied, unit_prec = _UNIT_INFO.get(g["u"] or "", (1, None, "day"))
        n = g.get("n")
        count = int(n) if n and n.isdigit() else NUMBER_WORDS.get(n or "") if n else implied
        if not count:  # قبل أيام، قبل بضعة أيام، قبل أسابيع: a vague span
            return Resolved(None, "week" if per == 1 else "month")
        return Resolved(ref - dt.timedelta(days=count * per), unit_prec)
    return Resolved(None, prec)


def _trailing_weekday(g: dict[str, str | None]) -> str | None:
    """The weekday name captured after today/yesterday forms, if any."""
    w = g.get("tw")
    return w[2:] if w else None


def _cue_words() -> frozenset[str]:
    """Every word that can start or anchor a time expression (a cheap pre-filter for find_times)."""
    words = {"اليوم", "يوم", "امس", "غدا", "غد", "الليله", "الان", "حاليا", "الاسبوع", "الاسابيع", "الشهر", "العام",
             "السنه", "قبل", "منذ", "صباح", "مساء", "هذا", "الجاري", "اول", "بعد", "ظهر", "فجر", "ليل", "عصر", "ظهيره"}
    for w in list(MONTHS) + list(HIJRI_MONTHS):
        words.update(w.split())
    for w in WEEKDAYS:
        words.update({w, "ال" + w})
    out = set()
    for w in words:
        out.add(w)
        out.add(w[2:] if w.startswith("ال") else w)
    return frozenset(out)


_CUES = _cue_words()

_DIGIT_RE = re.compile(r"\d")
_PROCLITIC_LETTERS = frozenset("وفبل")  # the proclitics of _P


def _rule_anchors() -> dict[str, frozenset[str] | None]:
    """Per rule, the words one of which every match contains as a whole token (bare or after one proclitic
    of ``_P``); None: the rule needs a digit instead. A rule none of whose anchors occurs cannot match, so
    find_times skips it (a cheap set test instead of a regex scan of the sentence)."""
    months = frozenset(m.split()[0] for m in MONTHS)
    return {
        "hijri": frozenset(m.split()[0] for m in HIJRI_MONTHS), "dmy": months, "my": months,
        "numeric": None, "iso": None, "day_of_month": None,
        "before_yesterday": frozenset(["امس"]), "yesterday": frozenset(["امس"]),
        "after_tomorrow": frozenset(["غد", "غدا"]), "tomorrow": frozenset(["غد", "غدا"]),
        "today": frozenset(["اليوم", "الليله", "هذا", "الان", "حاليا"]),
        "weekday": frozenset("ال" + w for w in WEEKDAYS),
        "last_week": frozenset(["الاسبوع", "الاسابيع"]), "last_month": frozenset(["الشهر"]),
        "last_year": frozenset(["العام", "السنه"]), "ago": frozenset(["قبل", "منذ"]),
    }


_ANCHORS = _rule_anchors()
assert all(a in _CUES for anchors in _ANCHORS.values() if anchors for a in anchors)  # (find_times relies on it)


def _expanding(pattern: str) -> tuple[str, ...]:
    """The strings a regex of literal alternatives (``a|b``, ``(?:a|b) (?:c|d)``) matches, each once."""
    if "(" not in pattern:
        return tuple(pattern.split("|"))
    out = [""]
    for part in re.split(r"(\(\?:[^()]*\))", pattern):
        alts = part[3:-1].split("|") if part.startswith("(?:") else [part]
        out = [x + a for x in out for a in alts]
    return tuple(out)


def _needles(alternatives: tuple[str, ...]) -> tuple[str, ...]:
    """The alternatives that contain no other one: a text contains one of ``alternatives`` only if it contains
    one of these (يومين contains يوم)."""
    return tuple(a for a in alternatives if not any(b != a and b in a for b in alternatives))


def _rule_needles() -> dict[str, tuple[str, ...]]:
    """Per rule (where it helps), strings one of which occurs in the joined sentence whenever the rule matches:
    a rule's regex scans the whole sentence, a test ``needle in joined`` costs almost nothing. The digit rules
    run on every sentence with a number, but a numeric date needs a separator, and "8 من الشهر الجاري" its
    word; the cue words هذا، قبل، منذ، العام are frequent, the expressions they begin much less so."""
    return {
        "numeric": ("/", ".", "-"), "iso": ("-",), "day_of_month": ("الجاري",),
        "before_yesterday": _needles(_expanding(_BEFORE_YESTERDAY)), "today": _needles(_expanding(_TODAY)),
        "ago": _needles(_expanding(_UNITS)), "last_week": _needles(_expanding(_LAST_WEEK)),
        "last_month": _needles(_expanding(_LAST_MONTH)), "last_year": _needles(_expanding(_LAST_YEAR)),
    }


def _with_proclitics(words: frozenset[str]) -> frozenset[str]:
    """``words``, each also with one proclitic of ``_P`` in front (وأمس، بالأمس is not one: ال is no proclitic)."""
    return words | frozenset(p + w for p in _PROCLITIC_LETTERS for w in words)


_NEEDLES = _rule_needles()
# Every rule begins with _P: the start of the text or a position after whitespace. find_times scans " " + the
# sentence (its words joined by single spaces) with each rule's pattern led by a literal " " instead of that
# assertion: a regex that begins with a literal gets the engine's fast scan for that character, where the
# assertion made it try a full match at every position (~20% of find_times). A match at index s of the sentence
# is then the match at index s of the spaced text (the space before it and the same words), one character longer.
_SPACE_LED: dict[str, re.Pattern[str]] = {}
for _kind, _rx in _RULES:
    assert _rx.pattern.startswith(_P), _kind
    _SPACE_LED[_kind] = re.compile(" " + _PROCLITIC + _rx.pattern[len(_P):])
# (kind, space-led regex, the rule's anchors with their proclitic forms or None for a digit rule, needles or ())
_RULES_GATED: list[tuple[str, re.Pattern[str], frozenset[str] | None, tuple[str, ...]]] = [
    (kind, _SPACE_LED[kind], None if _ANCHORS[kind] is None else _with_proclitics(_ANCHORS[kind] or frozenset()),
     _NEEDLES.get(kind, ())) for kind, rx in _RULES]
_ANY_ANCHOR = frozenset().union(*(a for _, _, a, _ in _RULES_GATED if a is not None))
# the rules each anchor word lets run, and the digit rules, as bit masks over _RULES_GATED: a sentence ORs the
# masks of the few anchors it has instead of testing every rule's anchors
_ANCHOR_MASK: dict[str, int] = {}
for _i, _rule in enumerate(_RULES_GATED):
    for _w in _rule[2] or ():
        _ANCHOR_MASK[_w] = _ANCHOR_MASK.get(_w, 0) | (1 << _i)
_DIGIT_MASK = sum(1 << i for i, (_, _, anchors, _) in enumerate(_RULES_GATED) if anchors is None)
# Per anchored rule, the most whole words a match can have before its anchor word (the optional words of the
# regex before it: "يوم 12 من يناير", "صباح أول من أمس"). Every match contains an anchor word, so none starts
# before the word that many words ahead of the sentence's first anchor word of the rule: its regex scan
# begins there (a regex scan costs at every character, and lookbehind still sees the text before it).
_LEAD_WORDS: dict[str, int] = {
    "hijri": 1, "dmy": 3, "my": 1, "before_yesterday": 3, "yesterday": 1, "after_tomorrow": 1, "tomorrow": 1,
    "today": 1, "weekday": 1, "last_week": 0, "last_month": 0, "last_year": 0, "ago": 0,
}
assert set(_LEAD_WORDS) == {kind for kind, _, anchors, _ in _RULES_GATED if anchors is not None}
_Rule = tuple[str, re.Pattern[str], tuple[str, ...], frozenset[str] | None, int]
_RULES_BY_MASK: dict[int, list[_Rule]] = {}


def _rules_of(mask: int) -> list[_Rule]:
    """The rules of ``mask`` (kind, regex, needles, anchors, lead words), in the order of _RULES (memoised per
    mask)."""
    rules = _RULES_BY_MASK.get(mask)
    if rules is None:
        rules = _RULES_BY_MASK[mask] = [(kind, rx, needles, anchors, _LEAD_WORDS.get(kind, 0))
                                        for i, (kind, rx, anchors, needles) in enumerate(_RULES_GATED)
                                        if mask >> i & 1]
    return rules


# The words (normalised tokens) seen so far with and without a digit: whether a sentence has a digit is then two
# C-level set tests over its words instead of a regex scan of every character (~15% of find_times before).
_DIGIT_WORDS: set[str] = set()
_NO_DIGIT_WORDS: set[str] = set()
_MAX_SEEN_WORDS = 200_000  # both sets are emptied when they grow past this (a bound on memory)


def _has_digit(parts: list[str]) -> bool:
    """Whether a word of ``parts`` contains a decimal digit (``\\d``), memoised per word."""
    if not _DIGIT_WORDS.isdisjoint(parts):
        return True
    if _NO_DIGIT_WORDS.issuperset(parts):
        return False
    if len(_NO_DIGIT_WORDS) + len(_DIGIT_WORDS) > _MAX_SEEN_WORDS:
        _DIGIT_WORDS.clear()
        _NO_DIGIT_WORDS.clear()
    found = False
    for w in parts:
        if w not in _NO_DIGIT_WORDS:
            if _DIGIT_RE.search(w) is None:
                _NO_DIGIT_WORDS.add(w)
            else:
                _DIGIT_WORDS.add(w)
                found = True
    return found


def _word_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens time rules read: the words, and the date separators "/" and "-"."""
    return [t for t in tokens if not t.is_punct or t.text in "/-"]


def find_times(tokens: list[Token], article_date: str | None, sentence: int = -1) -> list[TimeExpr]:
    """Time expressions over ``tokens`` (one sentence), longest first, non-overlapping."""
    # the words' forms first: the word tokens themselves (_word_tokens) are needed only when a rule matched
    # (few sentences); the same test as _word_tokens, inline in the comprehension (every sentence)
    parts = [t.norm for t in tokens if not t.is_punct or t.text in "/-"]
    if not parts:
        return []
    # The words a rule's match could be anchored on are each token and each token less a proclitic: the anchors
    # hold both forms, so the tokens' own forms are enough. A rule none of whose anchors occurs cannot match
    # (nor a digit rule without a digit), and a sentence needs a time word (_CUES) or a number to be looked at.
    anchors = _ANY_ANCHOR.intersection(parts)
    joined = " ".join(parts)
    digit = _has_digit(parts)  # (= _DIGIT_RE.search(joined) is not None)
    if not anchors:
        if not digit:
            return []  # no rule can match (most sentences)
        # only the digit rules can: the sentence must have a cue word or a word that begins with a digit
        # (every anchor is a cue word, so a sentence with an anchor has one)
        if (_CUES.isdisjoint(parts) and _CUES.isdisjoint([t.key for t in _word_tokens(tokens)])
                and _CUES.isdisjoint([w[1:] for w in parts]) and not any(map(str.isdigit, [w[:1] for w in parts]))):
            return []
    ref = parse_iso(article_date)
    found: list[tuple[int, int, str, re.Match[str]]] = []
    mask = _DIGIT_MASK if digit else 0
    for w in anchors:
        mask |= _ANCHOR_MASK[w]
    spaced = " " + joined  # (what the space-led regexes scan: see _SPACE_LED)
    for kind, rx, needles, rule_anchors, lead in _rules_of(mask):
        if needles:
            for needle in needles:
                if needle in joined:
                    break
            else:
                continue
        pos = 0
        if rule_anchors is not None:
            i = 0
            for w in parts:  # i: the first anchor word of the rule (the sentence has one)
                if w in rule_anchors:
                    break
                i += 1
            if i > lead:  # the start of word i - lead in joined
                pos = len(" ".join(parts[:i - lead])) + 1
        for m in rx.finditer(spaced, pos):  # (pos: a word's start in joined, its space's in spaced)
            found.append((m.start(), m.end() - 1, kind, m))
    if not found:
        return []
    words = _word_tokens(tokens)
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    starts: list[int] = []
    pos = 0
    for w in parts:
        starts.append(pos)
        pos += len(w) + 1
    out: list[TimeExpr] = []
    last_end = -1
    for s, e, kind, m in found:
        if s < last_end:
            continue
        i = bisect.bisect_right(starts, s) - 1
        j = bisect.bisect_left(starts, e) - 1
        if i < 0 or j < i:
            continue
        r = resolve(kind, m.groupdict(), ref)
        t0, t1 = words[i], words[j]
        out.append(
            TimeExpr(t0.start, t1.end, "", r.date.isoformat() if r.date else None, r.precision, sentence)
        )
        last_end = e
    return out
