"""Sentence splitting for Arabic news.

Boundaries: . ! ? ؟ (with closing quotes/brackets kept in the sentence), paragraph and line breaks
(news lines often carry no final punctuation), and a period glued to the next word
("بالمنطقة.ويقدم"). Not boundaries: abbreviations (د. م. ق.م أ.), decimals (3.5), ellipses
inside a line, and a period inside a quotation that goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hadath.model import Span

# (?:[.!?؟]+|…)[\"'”»’)\]]* written to begin with one character class: the regex engine then scans the line for
# that class in a tight loop instead of trying a full match at every position (3-4x faster; the same matches)
_BOUNDARY_RE = re.compile(r"[.!?؟…](?:(?<=…)|[.!?؟]*)[\"'”»’)\]]*")
_ABBREV = frozenset(
    ["د", "م", "ق", "ه", "أ", "ا", "ج", "ص", "ت", "س", "ب", "ك", "ع", "ش", "ن", "ر", "ف", "ط", "ح", "خ", "ل",
     "Dr", "Mr", "Mrs", "St", "No", "U.S", "ق.م", "ص.ب", "إلخ", "الخ"]
)
_BULLET_RE = re.compile(r"^\s*(?:[-•*▪●◦·]|\d{1,2}[-.)])\s+", re.M)
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"
_QUOTE_RE = re.compile("[«“»”]")
_CLOSE_QUOTE_RE = re.compile("[»”]")
# a character for which str.isalnum() is true: \w is exactly isalnum() or "_" (sre's Unicode word class)
_ALNUM_RE = re.compile(r"[^\W_]")


def _is_boundary(text: str, m: re.Match[str], line_end: int) -> bool:
    s, e = m.span()
    punct = m.group()
    if punct.startswith("...") or punct.startswith("…"):
        # an ellipsis ends a sentence only at the end of the line
        return text[e:line_end].strip() == ""
    if punct.startswith("."):
        before = _WORD_BEFORE_RE.search(text, max(0, s - 12), s)
        w = before.group(1) if before else ""
        if w in _ABBREV or (len(w) == 1 and w.isalpha()):
            return False
        if s > 0 and text[s - 1].isdigit() and e < len(text) and text[e:e + 1].isdigit():
            return False  # 3.5
    while e < line_end and text[e] in _INVISIBLE:  # "المتحدة.\u200f وقال"
        e += 1
    nxt = text[e:e + 1]
    return nxt == "" or nxt.isspace() or e >= line_end or (punct.startswith(".") and nxt.isalpha())


def _inside_quote(text: str, start: int, pos: int, line_end: int) -> bool:
    """True when ``pos`` lies inside a «...» or “...” quotation that closes later on the line."""
    depth = 0
    for m in _QUOTE_RE.finditer(text, start, pos):
        if m.group() in _OPEN_QUOTES:
            depth += 1
        elif depth:
            depth -= 1
    if not depth:
        return False
    return _CLOSE_QUOTE_RE.search(text, pos, line_end) is not None


def split_sentences(text: str, skip: Iterable[Span] = ()) -> list[Span]:
    """Sentence spans of ``text``, leaving out the ``skip`` spans (boilerplate)."""
    regions: list[tuple[int, int]] = []
    pos = 0
    for sp in sorted(skip, key=lambda x: x.start):
        if sp.start > pos:
            regions.append((pos, sp.start))
        pos = max(pos, sp.end)
    if pos < len(text):
        regions.append((pos, len(text)))
    out: list[Span] = []
    for rs, re_ in regions:
        ls = rs
        while ls < re_:
            le = text.find("\n", ls, re_)
            le = re_ if le < 0 else le
            _split_line(text, ls, le, out)
            ls = le + 1
    return out


def _split_line(text: str, ls: int, le: int, out: list[Span]) -> None:
    b = _BULLET_RE.match(text, ls, le)
    start = b.end() if b else ls
    line = text[start:le]
    quotes = "«" in line or "“" in line
    for m in _BOUNDARY_RE.finditer(text, start, le):
        if _is_boundary(text, m, le):
            if quotes and m.group()[-1] not in _CLOSE_QUOTES and _inside_quote(text, start, m.start(), le):
                continue  # a period inside a quotation that goes on
            _emit(text, start, m.end(), out)
            start = m.end()
    _emit(text, start, le, out)


def _emit(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    if e > s and _ALNUM_RE.search(text, s, e):  # (a C-level scan, not a generator over the characters)
        out.append(Span(s, e))
