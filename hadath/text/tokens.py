"""Tokenisation with clitic segmentation.

Tokens keep character offsets into the original text. Each word is split into proclitics
(و ف ب ل ك س and the article ال, incl. لل/وال/بال/فال/كال), a stem and an enclitic pronoun
(ه ها هم هما هن ك كم نا ي). Which split is right is decided by a lexicon of known stems (the
dictionaries' words): a reading that leaves the word whole wins when the whole word is known
(بوتين، وزير، لبنان), otherwise the shortest segmentation whose stem is known (بطبرق → ب+طبرق).
Unknown words lose only an article-bearing prefix. A word written with a final ة or ى never ends in
a pronoun (وللمرة is و+لل+مرة, not مر+ه), and a number may carry a proclitic (و3 → و + 3).
Analyses are cached per raw token on the segmenter, so a corpus pays for each word form once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hadath.model import Token
from hadath.text.normalize import norm_word

# words: letters, digits, marks (diacritics are category Mn and not \w), tatweel, ZWNJ/ZWJ
TOKEN_RE = re.compile(
    r"(?P<skip>&#?[A-Za-z0-9]+;|(?<![A-Za-z])(?:nbsp|quot|amp|apos|lt|gt);)"
    r"|(?P<num>(?:(?<!\w)[وفبلك]{1,2})?[0-9٠-٩۰-۹]+(?:[.,٫٬/:][0-9٠-٩۰-۹]+)*)"
    r"|(?P<word>[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]+)"
    r"|(?P<punct>[^\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff])"
)

# the same pattern without groups, for findall()
_TOKEN_FLAT_RE = re.compile(re.sub(r"\(\?P<\w+>", "(?:", TOKEN_RE.pattern))

ARTICLE = "ال"
# proclitic strings (normalised), the ones carrying the article marked
_PROCLITICS: tuple[tuple[str, bool], ...] = (
    ("و", False), ("ف", False), ("ب", False), ("ل", False), ("ك", False),
    ("ال", True), ("وال", True), ("فال", True), ("بال", True), ("كال", True),
    ("لل", True), ("ولل", True), ("فلل", True),
    ("وب", False), ("ول", False), ("فب", False), ("فل", False), ("وك", False),
    ("س", False), ("وس", False), ("فس", False), ("لي", False),
)
_IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
# perfect verbs whose first radical is ل (normalised): their ل is never the preposition, even when the rest is
# a known stem (لقوا is not ل + قوا, لجأوا not ل + جاوا, لحق not ل + حق); a conjunction before them still splits
_L_INITIAL_VERBS: frozenset[str] = frozenset(
    f"{stem}{end}"
    for stems, ends in (
        (("لق", "لب", "لاق"), ("ي", "يت", "وا", "يا", "يتا", "ت")),  # defective: لقي لقوا، لبى لبوا، لاقى لاقت
        (("لحق", "لمح", "لزم", "لمس", "لبث", "لعب", "لفت", "لوح", "لاذ", "لجا", "لحظ", "لجم", "لطم", "لمع"),
         ("", "ت", "وا", "ا", "تا")),
        (("لجو",), ("وا",)),  # لجؤوا
    )
    for stem in stems
    for end in ends
)
ENCLITICS: tuple[str, ...] = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")
_ARTICLE_PREFIXES = tuple(p for p, art in _PROCLITICS if art)
_ARTICLES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")  # (strip_article's order: longest first)


def _by_letter(items: tuple[str, ...], last: bool = False) -> dict[str, tuple[str, ...]]:
    """The strings of ``items`` grouped by their first (or last) letter, each group in the order of ``items``.

    A word can only start with (end with) a string of the group of its own first (last) letter, so a loop over
    that group tests the same candidates in the same order as a loop over all of ``items``, minus the ones
    that cannot match (segmentation runs for every new word: ~20 ``startswith`` tests each saved)."""
    out: dict[str, tuple[str, ...]] = {}
    for x in items:
        c = x[-1] if last else x[0]
        out[c] = (*out.get(c, ()), x)
    return out


_PROCLITICS_BY_FIRST: dict[str, tuple[tuple[str, bool], ...]] = {
    c: tuple(pa for pa in _PROCLITICS if pa[0] in group)
    for c, group in _by_letter(tuple(p for p, _ in _PROCLITICS)).items()}
_ENCLITICS_BY_LAST = _by_letter(ENCLITICS, last=True)
_ARTICLE_PREFIXES_BY_FIRST = _by_letter(_ARTICLE_PREFIXES)
_ARTICLES_BY_FIRST = _by_letter(_ARTICLES)


def strip_article(w: str) -> str:
    """Remove a leading article (and its conjunction/preposition) from a normalised word."""
    for p in _ARTICLES_BY_FIRST.get(w[:1], ()):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p) :]
    return w


def key_of(phrase_word: str) -> str:
    """The dictionary key of a word written in a dictionary: normalised, article ال removed.

    Only the article is taken off dictionary words, which are written naturally: بالاو (Palau),
    فاليري and لبنان keep their first letters.
    """
    w = norm_word(phrase_word)
    if w.startswith("ال") and len(w) >= 4:
        return w[2:]
    return w


# a raw token's analysis: (norm, key, prefix, suffix, is_punct)
_Analysis = tuple[str, str, str, str, bool]
_CACHE_MAX = 500_000  # entries per word cache (a bound for long-running processes)
# the analysis of an HTML entity (&nbsp; &#39; ...), which gives no token (no real token has an empty norm with
# is_punct set: a punctuation token's norm is itself)
_SKIPPED: _Analysis = ("", "", "", "", True)


class Segmenter:
    """Clitic segmenter driven by a lexicon of known stem keys; results are cached per word."""

    __slots__ = ("lexicon", "_cache", "_closed_cache", "_tok_cache")

    def __init__(self, lexicon: Iterable[str] = ()) -> None:
        self.lexicon: frozenset[str] = frozenset(lexicon)
        self._cache: dict[str, tuple[str, str, str]] = {}
        self._closed_cache: dict[str, tuple[str, str, str]] = {}
        # raw token -> (norm, key, prefix, suffix, is_punct), or _SKIPPED for a skipped entity; filled by tokenize()
        self._tok_cache: dict[str, _Analysis] = {}

    def __getstate__(self) -> tuple[frozenset[str]]:
        return (self.lexicon,)

    def __setstate__(self, state: tuple[frozenset[str]]) -> None:
        self.lexicon = state[0]
        self._cache = {}
        self._closed_cache = {}
        self._tok_cache = {}

    def segment(self, norm: str, enclitics: bool = True) -> tuple[str, str, str]:
        """Split a normalised word into (prefix, key, suffix).

        ``enclitics=False`` when the written word ends in ة or ى: its final ه/ي (after normalisation)
        is then part of the stem, never a pronoun (وللمرة is و+لل+مرة, not مر+ه).
        """
        cache = self._cache if enclitics else self._closed_cache
        hit = cache.get(norm)
        if hit is not None:
            return hit
        res = self._segment(norm, enclitics)
        if len(cache) < _CACHE_MAX:
            cache[norm] = res
        return res

    def _segment(self, w: str, enclitics: bool = True) -> tuple[str, str, str]:
        lex = self.lexicon
        if not w or not w[0].isalpha() or w.isascii():
            return "", w, ""
        if w in lex or w in _L_INITIAL_VERBS:
            return "", w, ""
        first = w[0]
        if first in ("و", "ف") and w[1:] in _L_INITIAL_VERBS:
            return first, w[1:], ""
        # proclitics only, shortest first (of those starting with the word's first letter)
        for p, _art in _PROCLITICS_BY_FIRST.get(first, ()):
            if w.startswith(p) and len(w) - len(p) >= 2:
                stem = w[len(p) :]
                if p.endswith("س") and not stem.startswith(_IMPERFECT_PREFIXES):
                    continue
                if stem in lex:
                    return p, stem, ""
                s2 = strip_article(stem) if not _art else stem
                if s2 != stem and s2 in lex:
                    return p + stem[: len(stem) - len(s2)], s2, ""
        # enclitic pronoun, with or without proclitics
        for e in _ENCLITICS_BY_LAST.get(w[-1], ()) if enclitics else ():
            if w.endswith(e) and len(w) - len(e) >= 3:
                base = w[: -len(e)]
                cands = [("", base)] + [(p, base[len(p) :]) for p, _ in _PROCLITICS_BY_FIRST.get(base[0], ())
                                        if base.startswith(p)]
                for p, stem in cands:
                    if len(stem) < 2:
                        continue
                    # a feminine ending ة written ت before a pronoun: حكومته → حكومه
                    for s in (stem, stem[:-1] + "ه" if stem.endswith("ت") else None):
                        if s and s in lex:
                            return p, s, e
        # unknown: drop an article-bearing prefix only
        for p in _ARTICLE_PREFIXES_BY_FIRST.get(first, ()):
            if w.startswith(p) and len(w) - len(p) >= 2:
                return p, w[len(p) :], ""
        return "", w, ""


_PUNCT_KINDS = frozenset(("punct",))
# characters that end a whitespace-separated chunk as a token of their own after a run of letters ("قال،",
# "الحكومة."): each is a "punct" match of TOKEN_RE, no word, number, entity or invisible character, and not ";"
# (which can end an HTML entity)
_TRAILING_PUNCT = frozenset("،.,:؛\")»”؟!?")


def tokenize(text: str, segmenter: Segmenter | None = None, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise ``text[start:end]`` into :class:`Token` objects with offsets into ``text``."""
    seg = segmenter or Segmenter()
    cache = seg._tok_cache
    out: list[Token] = []
    append = out.append
    find = text.find
    findall = _TOKEN_FLAT_RE.findall
    new = Token.__new__
    pos = start
    # No token spans whitespace, so the text is cut at spaces first (str.split(" "), in C: a chunk's offset is
    # then known without a search) and a chunk is given to the regex only when it is not a plain word: ~88% of
    # chunks are all letters, one "word" match of TOKEN_RE, and ~7% letters and one final punctuation mark, two
    # matches. A chunk with other whitespace (a newline, a no-break space) goes to the regex, which skips
    # whitespace as str.split() does; two spaces in a row give an empty chunk.
    # (Tokens are made with Token.__new__ and their slots set here: calling Token() runs the dataclass __init__
    # in a frame of its own, ~1,000 instructions more per token, ~370 tokens per article)
    for chunk in text[start:len(text) if end is None else end].split(" "):
        s = pos
        e = s + len(chunk)
        pos = e + 1  # (after the space that ends the chunk)
        if chunk.isalpha():
            hit = cache.get(chunk)  # the analysis depends on the raw string only
            if hit is None:
                hit = _cached_word_analysis(chunk, seg, cache)
            t = new(Token)  # (a word: never a skipped entity)
            t.start = s
            t.end = e
            t.text = chunk
            t.norm, t.key, t.prefix, t.suffix, t.is_punct = hit
            append(t)
            continue
        if not chunk:
            continue
        last = chunk[-1]
        if last in _TRAILING_PUNCT and chunk[:-1].isalpha():
            word = chunk[:-1]
            hit = cache.get(word)
            if hit is None:
                hit = _cached_word_analysis(word, seg, cache)
            t = new(Token)
            t.start = s
            t.end = e - 1
            t.text = word
            t.norm, t.key, t.prefix, t.suffix, t.is_punct = hit
            append(t)
            hit = cache.get(last)
            if hit is None:
                hit = _cached_analysis(last, seg, cache)
            t = new(Token)
            t.start = e - 1
            t.end = e
            t.text = last
            t.norm, t.key, t.prefix, t.suffix, t.is_punct = hit
            append(t)
            continue
        p = s
        for raw in findall(text, s, e):
            ts = find(raw, p)
            p = ts + len(raw)
            hit = cache.get(raw)
            if hit is None:
                hit = _cached_analysis(raw, seg, cache)
            if hit != _SKIPPED:  # (by value: a compiled build may copy tuples)
                t = new(Token)
                t.start = ts
                t.end = p
                t.text = raw
                t.norm, t.key, t.prefix, t.suffix, t.is_punct = hit
                append(t)
    return out


def _cached_analysis(raw: str, seg: Segmenter, cache: dict[str, _Analysis]) -> _Analysis:
    """:func:`_analyse_token` of a raw token seen for the first time, stored in the segmenter's token cache."""
    return _store(cache, raw, _analyse_token(raw, seg))


def _cached_word_analysis(word: str, seg: Segmenter, cache: dict[str, _Analysis]) -> _Analysis:
    """:func:`_cached_analysis` of a word of letters only (``word.isalpha()``), which is always one "word" match
    of TOKEN_RE (no digit, ``&``, ``;``, mark or ZWNJ/ZWJ is a letter): the regex that tells the kind of a
    token is not needed (~10% of the first analysis of a word)."""
    norm = norm_word(word)
    pre, key, suf = seg.segment(norm, enclitics=not _closed(word))
    return _store(cache, word, (norm, key, pre, suf, False))


def _store(cache: dict[str, _Analysis], raw: str, hit: _Analysis) -> _Analysis:
    """Keep ``hit`` as the analysis of ``raw`` in the token cache (emptied first when full) and return it."""
    if len(cache) >= _CACHE_MAX:
        cache.clear()
    cache[raw] = hit
    return hit


def _analyse_token(raw: str, seg: Segmenter) -> _Analysis:
    """(norm, key, prefix, suffix, is_punct) of one raw token, :data:`_SKIPPED` for an HTML entity."""
    m = TOKEN_RE.match(raw)
    kind = m.lastgroup if m else "punct"
    if kind == "skip":
        return _SKIPPED
    if kind == "punct":
        return (raw, raw, "", "", True)
    norm, pre, key, suf = _analyse(raw, kind, seg)
    return (norm, key, pre, suf, False)


# the marks a word may end with after its last letter (diacritics, tatweel, ZWNJ/ZWJ)
_FINAL_MARKS = "".join(chr(c) for a, b in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6ED),
                                           (0x640, 0x640), (0x200C, 0x200D)) for c in range(a, b + 1))


def _analyse(raw: str, kind: str | None, seg: Segmenter) -> tuple[str, str, str, str]:
    """(norm, prefix, key, suffix) of one word or number token."""
    norm = norm_word(raw.replace("\u200c", "").replace("\u200d", "") if "\u200c" in raw or "\u200d" in raw else raw)
    if kind == "num":
        # a number with a proclitic glued on (و3، ب15): the key is the number
        i = 0
        while i < len(norm) and not norm[i].isdigit():
            i += 1
        return norm, norm[:i], norm[i:], ""
    pre, key, suf = seg.segment(norm, enclitics=not _closed(raw))
    return norm, pre, key, suf


def _closed(raw: str) -> bool:
    """The word is written with a final ة or ى (after any final marks): its last letter is no pronoun."""
    # (the last character that is no mark: rstrip, not a regex search, which would try every position; and only
    # when the word ends with a mark, rare in news text)
    last = raw[-1:]
    if last in _FINAL_MARKS:
        last = raw.rstrip(_FINAL_MARKS)[-1:]
    return last in ("ة", "ى")
