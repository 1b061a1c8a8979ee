"""The summary templates of ``hadath/data/templates.tsv``: one row per CAMEO code.

Columns:

- ``en``: an English verb phrase in the base form; its first word is the verb, inflected as needed
  ("meet[ {target}]" → "met Valery Gerasimov", "did not meet …", "had met …", "denied meeting …").
- ``en_passive``: an English clause with the target as subject, used when the source is unknown
  ("{target} {be} killed"), or ``-`` when the code has no natural passive.
- ``ar``: an Arabic verb-first clause ("{v:التقى|التقت} {source}[ {target}]"); ``{v:MASC|FEM}`` agrees
  with the source.
- ``ar_passive``: Arabic clause without a source, ``{v:…}`` agreeing with the target, or ``-``.
- ``ar_masdar``: an Arabic verbal-noun phrase ("قتل[ {target}]") for denials, intentions and reports.

Slots: ``{source}``, ``{target}``, ``{pron}`` (it/he/she/they), ``{poss}``, ``{be}`` (was/were),
``{suf}`` (Arabic attached pronoun ه/ها/هم). ``[…]`` is optional: dropped when a slot inside is empty;
``[A|B]`` gives B instead. ``ل+``/``ب+`` attach a proclitic to the next word (ل + الجيش → للجيش).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from hadath.errors import HadathError

DATA = Path(__file__).resolve().parent.parent / "data" / "templates.tsv"
COLUMNS = ("code", "en", "en_passive", "ar", "ar_passive", "ar_masdar")
HEADER = "\t".join(COLUMNS)
SLOTS = frozenset({"source", "target", "pron", "poss", "be", "suf"})


class TemplateError(HadathError):
    """A summary template is missing, malformed or cannot be filled."""

    code = "E030"


@dataclass(frozen=True, slots=True)
class Template:
    """The templates of one CAMEO code (``None`` where the file has ``-``)."""

    code: str
    en: str
    en_passive: str | None
    ar: str
    ar_passive: str | None
    ar_masdar: str


def load_templates(path: Path = DATA) -> dict[str, Template]:
    """Read a templates TSV (``# source:``/``# date:`` header comments, then the header row)."""
    out: dict[str, Template] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise TemplateError(f"{path}: cannot read templates ({e.strerror})") from None
    header: list[str] | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if header is None:
            header = parts
            if tuple(header) != COLUMNS:
                raise TemplateError(f"{path}:{n}: header must be {HEADER!r}")
            continue
        if len(parts) != len(COLUMNS):
            raise TemplateError(f"{path}:{n}: expected {len(COLUMNS)} columns, got {len(parts)}")
        code, en, enp, ar, arp, arm = (p.strip() for p in parts)
        if not re.fullmatch(r"\d{3,4}", code):
            raise TemplateError(f"{path}:{n}: malformed CAMEO code {code!r}")
        if code in out:
            raise TemplateError(f"{path}:{n}: duplicate code {code}")
        for col, text in zip(COLUMNS[1:], (en, enp, ar, arp, arm), strict=True):
            _check_syntax(text, f"{path}:{n} ({col})")
        out[code] = Template(code, en, None if enp == "-" else enp, ar, None if arp == "-" else arp, arm)
    return out


@lru_cache(maxsize=1)
def templates() -> dict[str, Template]:
    """The bundled templates (cached)."""
    return load_templates(DATA)


# template_for's answers, per CAMEO code (a few hundred codes at most)
_TEMPLATE_OF: dict[str, Template] = {}


def template_for(code: str) -> Template:
    """The template of ``code``, falling back to its 3-digit parent and root (``1951`` → ``195`` → ``190``)."""
    hit = _TEMPLATE_OF.get(code)
    if hit is not None:
        return hit
    tab = templates()
    for c in (code, code[:3], code[:2] + "0"):
        if c in tab:
            _TEMPLATE_OF[code] = tab[c]
            return tab[c]
    raise TemplateError(f"no summary template for CAMEO code {code!r}")


_SLOT = re.compile(r"\{(v:[^{}]*|[a-z_]+)\}")
_OPT = re.compile(r"\[([^\[\]]*)\]")
_SPACES = re.compile(r"\s+")


def _check_syntax(text: str, where: str) -> None:
    if text == "-":
        return
    if text.count("[") != text.count("]") or text.count("{") != text.count("}"):
        raise TemplateError(f"{where}: unbalanced brackets in {text!r}")
    for m in _SLOT.finditer(text):
        s = m.group(1)
        if not s.startswith("v:") and s not in SLOTS:
            raise TemplateError(f"{where}: unknown slot {{{s}}}")
        if s.startswith("v:") and len(s[2:].split("|")) not in (2, 3):
            raise TemplateError(f"{where}: {{{s}}} needs MASC|FEM[|PLURAL]")


def _split_alt(body: str) -> list[str]:
    """Split an optional group on ``|`` outside braces."""
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


def fill(text: str, slots: Mapping[str, str | None], verb: Callable[[list[str]], str] | None = None) -> str:
    """Fill a template: slots from ``slots`` (None/empty = missing), ``{v:…}`` through ``verb``.

    Raises :class:`TemplateError` for a required slot that is missing or unknown.
    """
    parts = _parsed(text)
    if parts is None or (verb is None and parts[1]):
        return _fill_slowly(text, slots, verb)
    out: list[str] = []
    append = out.append
    for piece in parts[0]:
        if isinstance(piece, str):
            append(piece)
        elif isinstance(piece, tuple):
            v = _slot_value(piece, slots, verb)
            if v is None:  # a required slot is missing: the error message comes from the original
                return _fill_slowly(text, slots, verb)
            append(v)
        else:
            lead, alts = piece.lead, piece.alts
            for i, alt in enumerate(alts):
                r = _render(alt, slots, verb)
                if r is not None:
                    if "{" in r:  # a value that looks like a slot: the original second pass would fill it
                        return _fill_slowly(text, slots, verb)
                    append(r if i == 0 or r.startswith(" ") else lead + r)
                    break
    return " ".join("".join(out).split())  # (the same as _SPACES.sub(" ", ...).strip())


# fill() runs ~12 times per event, so each template text is parsed once (_parsed) into pieces: literal strings,
# slots (a tuple: (_SLOT_MARK, name) or ("v", *forms)) and optional groups. Filling is then a loop over the pieces
# instead of two regex substitutions with a Python callback per slot.
_Piece = str | tuple[str, ...]
_SLOT_MARK = "="  # the first item of a named slot's piece (a verb slot's is "v")


@dataclass(frozen=True, slots=True)
class _Group:
    """An optional group ``[A|B]``: the leading whitespace of its first alternative, and the alternatives."""

    lead: str
    alts: tuple[tuple[_Piece, ...], ...]


def _slot_value(piece: tuple[str, ...], slots: Mapping[str, str | None],
                verb: Callable[[list[str]], str] | None) -> str | None:
    """The value of a slot piece: ``("=", name)`` from ``slots``, ``("v", forms...)`` through ``verb``."""
    if piece[0] == _SLOT_MARK:
        v = slots.get(piece[1])
        return v if v else None
    return verb(list(piece[1:])) if verb is not None else None


def _render(alt: tuple[_Piece, ...], slots: Mapping[str, str | None],
            verb: Callable[[list[str]], str] | None) -> str | None:
    """One alternative of an optional group, or None when one of its slots is missing."""
    out: list[str] = []
    for piece in alt:
        if isinstance(piece, str):
            out.append(piece)
        else:
            v = _slot_value(piece, slots, verb)
            if v is None:
                return None
            out.append(v)
    return "".join(out)


def _parse_pieces(seg: str) -> list[_Piece] | None:
    """The literal strings and slots of a template segment; None when it has a stray brace or an unknown slot."""
    out: list[_Piece] = []
    pos = 0
    for m in _SLOT.finditer(seg):
        lit = seg[pos:m.start()]
        if "{" in lit or "}" in lit:
            return None
        if lit:
            out.append(lit)
        name = m.group(1)
        if name.startswith("v:"):
            out.append(("v", *name[2:].split("|")))
        elif name in SLOTS:
            out.append((_SLOT_MARK, name))
        else:
            return None
        pos = m.end()
    lit = seg[pos:]
    if "{" in lit or "}" in lit:
        return None
    if lit:
        out.append(lit)
    return out


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[tuple[_Piece | _Group, ...], bool] | None:
    """``text`` parsed for :func:`fill`: (pieces, has a verb slot); None for a template the parse does not
    cover (a stray brace, an unknown slot), which :func:`_fill_slowly` fills."""
    pieces: list[_Piece | _Group] = []
    pos = 0
    for m in _OPT.finditer(text):
        lit = _parse_pieces(text[pos:m.start()])
        if lit is None:
            return None
        pieces.extend(lit)
        alts = _split_alt(m.group(1))
        lead = alts[0][: len(alts[0]) - len(alts[0].lstrip())]
        parsed = [_parse_pieces(a) for a in alts]
        if any(p is None for p in parsed):
            return None
        pieces.append(_Group(lead, tuple(tuple(p) for p in parsed if p is not None)))
        pos = m.end()
    lit = _parse_pieces(text[pos:])
    if lit is None:
        return None
    pieces.extend(lit)
    has_verb = "{v:" in text
    return tuple(pieces), has_verb


def _fill_slowly(text: str, slots: Mapping[str, str | None], verb: Callable[[list[str]], str] | None = None) -> str:
    """:func:`fill` by regex substitution: the reference behaviour, used for what the parsed form does not cover
    (missing required slots and their error, unknown slots, values that contain a slot)."""

    def slot_value(name: str) -> str | None:
        if name.startswith("v:"):
            if verb is None:
                raise TemplateError(f"template {text!r} has a verb slot but no agreement is given")
            return verb(name[2:].split("|"))
        if name not in SLOTS:
            raise TemplateError(f"unknown slot {{{name}}} in {text!r}")
        v = slots.get(name)
        return v if v else None

    def sub_all(seg: str, required: bool) -> str | None:
        missing = False

        def rep(m: re.Match[str]) -> str:
            nonlocal missing
            v = slot_value(m.group(1))
            if v is None:
                missing = True
                return ""
            return v

        out = _SLOT.sub(rep, seg)
        if missing:
            if required:
                names = [m.group(1) for m in _SLOT.finditer(seg) if slot_value(m.group(1)) is None]
                raise TemplateError(f"slot {{{names[0]}}} is required by {text!r}")
            return None
        return out

    def opt(m: re.Match[str]) -> str:
        alts = _split_alt(m.group(1))
        lead = alts[0][: len(alts[0]) - len(alts[0].lstrip())]
        for i, a in enumerate(alts):
            r = sub_all(a, required=False)
            if r is not None:
                return r if i == 0 or r.startswith(" ") else lead + r
        return ""

    body = _OPT.sub(opt, text)
    result = sub_all(body, required=True) or ""
    return _SPACES.sub(" ", result).strip()
