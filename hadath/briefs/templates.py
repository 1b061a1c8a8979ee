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
    plan = _PLANS.get(text)
    if plan is None:
        plan = _plan(text)
    if plan is _NO_PLAN or (verb is None and plan.verbs):
        return _fill_slowly(text, slots, verb)
    # which of the template's named slots have a value: the key of the format string that fills it
    mask = 0
    bit = 1
    for name in plan.names:
        if slots.get(name):
            mask |= bit
        bit <<= 1
    fmt = plan.formats.get(mask)
    if fmt is None:
        fmt = _format_for(plan, mask)
    if fmt is _SLOW:  # a required slot is missing: the error message comes from the original
        return _fill_slowly(text, slots, verb)
    if verb is not None and plan.verbs:  # (a template with verb slots has a verb here: tested above)
        values: list[str] = []
        for forms in plan.verbs:  # (a loop, not a comprehension: no cell variables in fill)
            values.append(verb(list(forms)))
        out = fmt.format(*values, **slots)
    else:
        out = fmt.format_map(slots)
    if "{" in out:  # a value that looks like a slot: the original second pass may fill it
        return _fill_slowly(text, slots, verb)
    return " ".join(out.split())  # (the same as _SPACES.sub(" ", ...).strip())


# fill() runs ~20 times per article (~3 per event), so each template text is parsed once (_parsed) into pieces:
# literal strings, slots (a tuple: (_SLOT_MARK, name) or ("v", *forms)) and optional groups. Those give one
# ``str.format`` string per set of slots that have a value (_format_for, made once per template and set): filling is
# then one C-level format call instead of two regex substitutions with a Python callback per slot, or a loop over the
# pieces (half of the summaries stage's bytecodes were in that loop).
_Piece = str | tuple[str, ...]
_SLOT_MARK = "="  # the first item of a named slot's piece (a verb slot's is "v")


@dataclass(frozen=True, slots=True)
class _Group:
    """An optional group ``[A|B]``: the leading whitespace of its first alternative, and the alternatives."""

    lead: str
    alts: tuple[tuple[_Piece, ...], ...]


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


def _parsed(text: str) -> tuple[_Piece | _Group, ...] | None:
    """``text`` parsed for :func:`fill` into pieces (parsed once per text: :func:`_plan` keeps the result); None for
    a template the parse does not cover (a stray brace, an unknown slot), which :func:`_fill_slowly` fills. A
    literal piece never holds a brace."""
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
    return tuple(pieces)


@dataclass(slots=True)
class _Plan:
    """How :func:`fill` fills one template text: its named slots (in order of first use), its verb slots' forms,
    and a ``str.format`` string per set of named slots that have a value (``formats``, by a bit mask over
    ``names``; :data:`_SLOW` where a required slot is missing), made on first use."""

    parsed: tuple[_Piece | _Group, ...]
    names: tuple[str, ...]
    verbs: tuple[tuple[str, ...], ...]
    formats: dict[int, str]


# template text -> its plan, or _NO_PLAN for a text the parse does not cover (a few hundred texts: the templates and
# the fixed texts of summarize.py; emptied when it holds _PLANS_MAX, a bound for callers that fill texts of their own)
_PLANS: dict[str, _Plan] = {}
_PLANS_MAX = 4096
_NO_PLAN = _Plan((), (), (), {})
_SLOW = "\x00"  # the format "string" of a set of slots that leaves a required slot empty (no template holds a NUL)


def _plan(text: str) -> _Plan:
    """The plan of ``text`` (see :class:`_Plan`), kept in :data:`_PLANS`."""
    parsed = _parsed(text)
    if parsed is None:
        plan = _NO_PLAN
    else:
        names: list[str] = []
        verbs: list[tuple[str, ...]] = []
        for piece in _slot_pieces(parsed):
            if piece[0] == _SLOT_MARK:
                if piece[1] not in names:
                    names.append(piece[1])
            else:
                verbs.append(piece[1:])
        plan = _Plan(parsed, tuple(names), tuple(verbs), {})
    if len(_PLANS) >= _PLANS_MAX:
        _PLANS.clear()
    _PLANS[text] = plan
    return plan


def _slot_pieces(pieces: tuple[_Piece | _Group, ...]) -> list[tuple[str, ...]]:
    """The slot pieces of a parsed template, in text order (those of every alternative of a group)."""
    out: list[tuple[str, ...]] = []
    for piece in pieces:
        if isinstance(piece, tuple):
            out.append(piece)
        elif isinstance(piece, _Group):
            for alt in piece.alts:
                out.extend(p for p in alt if isinstance(p, tuple))
    return out


def _format_for(plan: _Plan, mask: int) -> str:
    """The ``str.format`` string that fills ``plan``'s template when the named slots of ``mask`` (bits in the order of
    ``plan.names``) have a value and the others have none: the literal text, ``{name}`` for a named slot, ``{0}``,
    ``{1}`` ... for the verb slots in order; an optional group gives its first alternative whose slots all have a
    value, after the group's leading whitespace when it is not the first one (:func:`fill` collapses whitespace, so
    this is what the parsed pieces gave). :data:`_SLOW` when a required slot has no value. Kept in ``plan.formats``."""
    present = {name for k, name in enumerate(plan.names) if mask >> k & 1}
    verb_no = 0
    out: list[str] = []
    fmt: str | None = None
    for piece in plan.parsed:
        if isinstance(piece, str):  # (no literal holds a brace, see _parsed: nothing to escape)
            out.append(piece)
        elif isinstance(piece, tuple):
            if piece[0] == _SLOT_MARK and piece[1] not in present:
                fmt = _SLOW
                break
            out.append(_field(piece, verb_no))
            verb_no += piece[0] != _SLOT_MARK
        else:
            group_start = verb_no
            for i, alt in enumerate(piece.alts):
                if all(p[1] in present for p in alt if isinstance(p, tuple) and p[0] == _SLOT_MARK):
                    if i:
                        out.append(piece.lead)
                    n = verb_no
                    for p in alt:
                        if isinstance(p, str):
                            out.append(p)
                        else:
                            out.append(_field(p, n))
                            n += p[0] != _SLOT_MARK
                    break
                verb_no += _verb_count(alt)
            verb_no = group_start + sum(_verb_count(alt) for alt in piece.alts)
    if fmt is None:
        fmt = "".join(out)
    plan.formats[mask] = fmt
    return fmt


def _verb_count(alt: tuple[_Piece, ...]) -> int:
    """The number of verb slots in an alternative of an optional group."""
    return sum(1 for p in alt if isinstance(p, tuple) and p[0] != _SLOT_MARK)


def _field(piece: tuple[str, ...], verb_no: int) -> str:
    """The ``str.format`` field of a slot piece: ``{name}``, or ``{n}`` for the ``n``-th verb slot."""
    return "{" + (piece[1] if piece[0] == _SLOT_MARK else str(verb_no)) + "}"


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
