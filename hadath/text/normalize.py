"""Normalisation for matching. Never applied to the stored text: offsets stay on the original.

``norm_word`` maps a word to its matching form: diacritics and tatweel removed, alef variants to
bare alef, ى→ي, ة→ه, ؤ→و, ئ→ي, Arabic-Indic and Persian digits to ASCII, Latin lower-cased.
``norm_text`` does the same for a whole string and collapses whitespace (for keys and search).
"""

from __future__ import annotations

import html
import re
import unicodedata

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel
DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# invisible characters: zero-width, bidi controls, BOM, soft hyphen
INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad\u061c]")

_CHAR_MAP: dict[int, str] = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ؤ"): "و",
    ord("ئ"): "ي",
    ord("ی"): "ي",  # Persian yeh
    ord("ک"): "ك",  # Persian kaf
    ord("ـ"): "",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _CHAR_MAP[ord(_d)] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _CHAR_MAP[ord(_d)] = str(_i)
_CHAR_MAP[ord("٫")] = "."  # Arabic decimal separator: ٣٫٥ → 3.5
_CHAR_MAP[ord("٬")] = ","  # Arabic thousands separator
# the diacritics deleted and _CHAR_MAP applied in one ``str.translate`` (norm_word): the same as removing them
# first, since no _CHAR_MAP key is a diacritic (tatweel, in both, maps to "" either way) and no value contains one
_WORD_MAP: dict[int, str | None] = {c: None for a, b in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670),
                                                          (0x6D6, 0x6ED), (0x640, 0x640)) for c in range(a, b + 1)}
_WORD_MAP.update(_CHAR_MAP)

# Arabic letters, incl. the presentation forms of old PDFs and web pages (ﻻ، ﻹ، ﷲ)
ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")
# everything but those letters (to count them without a list of one-letter strings)
_NON_ARABIC_LETTERS_RE = re.compile("[^\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+")
# presentation forms: NFKC turns them back into ordinary letters (ﻻ → لا)
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
# an HTML entity whose "&" got lost on the way (quot; nbsp;), as the tokenizer also skips them
_ENTITY_LEFTOVER_RE = re.compile(r"(?<![A-Za-z])(?:nbsp|quot|amp|apos|lt|gt);")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+")
_LATIN_RE = re.compile("[A-z]")  # the same range as "A" <= c <= "z"
_NORM_CACHE: dict[str, str] = {}
_NORM_CACHE_MAX = 300_000


def strip_diacritics(s: str) -> str:
    """Remove Arabic diacritics and tatweel."""
    return DIACRITICS_RE.sub("", s)


def norm_word(word: str) -> str:
    """The matching form of one word (see module docstring). Results are cached."""
    hit = _NORM_CACHE.get(word)
    if hit is not None:
        return hit
    if not word:
        return word
    w = word
    if _PRESENTATION_RE.search(w):
        w = unicodedata.normalize("NFKC", w)
    w = w.translate(_WORD_MAP)  # (DIACRITICS_RE removed, then _CHAR_MAP)
    if w.isascii() or _LATIN_RE.search(w):
        w = w.lower()
    if len(_NORM_CACHE) >= _NORM_CACHE_MAX:
        _NORM_CACHE.clear()
    _NORM_CACHE[word] = w
    return w


def text_words(text: str) -> list[str]:
    """The words of ``text`` as :func:`norm_text` splits it, before :func:`norm_word` is applied to each.

    ``norm_text(text) == " ".join(map(norm_word, text_words(text)))``; no word, normalised or not, contains a
    space, so two texts have the same ``norm_text`` exactly when their words normalise pairwise to the same
    forms (which :func:`hadath.text.clean` tests word by word, stopping at the first difference)."""
    if "&" in text:
        text = html.unescape(text)
    text = INVISIBLE_RE.sub("", text)
    if ";" in text:
        text = _ENTITY_LEFTOVER_RE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text)
    # diacritics are marks (not \w): take them off before splitting, or الأُمَمُ falls apart
    text = DIACRITICS_RE.sub("", text)
    # the runs of \w: the same words as re.sub(r"[^\w]+", " ", text).split() (no \w character is whitespace), in one
    # C-level pass instead of two
    return _WORD_RE.findall(text)


def norm_text(text: str) -> str:
    """The matching form of a phrase: words normalised, punctuation dropped, single spaces."""
    # the cache read inline, norm_word only on a miss (or for a word whose form is ""): no call per known word
    get = _NORM_CACHE.get
    return " ".join([get(w) or norm_word(w) for w in text_words(text)])


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic letters (0..1); 0 for text without letters."""
    letters = sum(map(str.isalpha, text))  # (a C-level loop: this runs on every input article)
    if not letters:
        return 0.0
    return len(_NON_ARABIC_LETTERS_RE.sub("", text)) / letters  # what is left: the Arabic letters


# the most frequent letters of Arabic text, most frequent first (each one a letter to str.isalpha and of
# ARABIC_LETTER_RE)
_FREQUENT_ARABIC_LETTERS = "اليمونهرتبعد"


def arabic_share_below(text: str, threshold: float) -> bool:
    """``arabic_ratio(text) < threshold``, mostly without counting the letters.

    A text has no more letters than characters, so the share of a few frequent Arabic letters among all its
    characters is a lower bound of the ratio: once that reaches ``threshold`` (after two or three
    ``str.count`` calls in nearly every article), the letters need not be counted one by one
    (``str.isalpha`` per character, the costly part of :func:`arabic_ratio`, which runs on every input
    article)."""
    n = len(text)
    frequent = 0
    for c in _FREQUENT_ARABIC_LETTERS:
        frequent += text.count(c)
        if frequent and frequent / n >= threshold:
            return False
    return arabic_ratio(text) < threshold


def is_arabic(text: str, threshold: float = 0.5) -> bool:
    """True when most letters of ``text`` are Arabic."""
    return arabic_ratio(text) >= threshold


def clean_invisible(text: str) -> str:
    """Replace invisible/bidi characters by nothing and NBSP by space; lengths may change."""
    return INVISIBLE_RE.sub("", text.replace("\u00a0", " "))
