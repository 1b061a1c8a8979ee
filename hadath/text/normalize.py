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

ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_SPACE_RE = re.compile(r"\s+")
_NONWORD_RE = re.compile(r"[^\w]+")


def strip_diacritics(s: str) -> str:
    """Remove Arabic diacritics and tatweel."""
    return DIACRITICS_RE.sub("", s)


def norm_word(word: str) -> str:
    """The matching form of one word (see module docstring)."""
    if not word:
        return word
    w = DIACRITICS_RE.sub("", word)
    w = w.translate(_CHAR_MAP)
    if w.isascii():
        return w.lower()
    return w.lower() if any("A" <= c <= "z" for c in w) else w


def norm_text(text: str) -> str:
    """The matching form of a phrase: words normalised, punctuation dropped, single spaces."""
    text = INVISIBLE_RE.sub("", html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    words = _NONWORD_RE.sub(" ", text).split()
    return " ".join(norm_word(w) for w in words)


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic letters (0..1); 0 for text without letters."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 0.0
    return len(ARABIC_LETTER_RE.findall(text)) / letters


def is_arabic(text: str, threshold: float = 0.5) -> bool:
    """True when most letters of ``text`` are Arabic."""
    return arabic_ratio(text) >= threshold


def clean_invisible(text: str) -> str:
    """Replace invisible/bidi characters by nothing and NBSP by space; lengths may change."""
    return INVISIBLE_RE.sub("", text.replace("\u00a0", " "))
