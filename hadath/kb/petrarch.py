"""Import PETRARCH / TABARI actor and agent dictionaries into hadath's TSV formats.

PETRARCH users can bring their dictionaries: ``hadath kb import-petrarch ACTORS [--agents AGENTS] -o DIR``
writes ``DIR/actors/<name>.tsv`` and ``DIR/agents.tsv`` (formats: ``hadath/data/README.md``), and a
pipeline config with ``[kb] extra_dirs = ["DIR"]`` then uses them (entries with our ids override ours).

The formats read (TABARI manual, ch. 5; PETRARCH and UniversalPetrarch dictionaries):

Actors — blocks of a name line, optional ``+ALIAS`` lines and code lines::

    KHALIFA_HAFTAR_  # comment
    +HAFTAR_
        [LBYREB 110301-111031]
        [LBYMIL >140516]
    حماس  [PSEREB]

A name line may carry its code in brackets; ``_`` joins the words of a phrase. Code forms:
``[CODE]``, ``[CODE >DATE]`` (from), ``[CODE <DATE]`` (until), ``[CODE D1-D2]``; dates are
``YYMMDD`` (TABARI: years 00-49 are 20xx, 50-99 are 19xx) or ``YYYYMMDD``. Placeholder dates that some
dictionaries use for "unknown" (1800-01-01, 1970-01-01, 2200-01-01 and anything outside 1900..2100) and
ranges that end before they start keep only their valid side.

Agents — ``NOUN_PHRASE {PLURAL,...} [~SECTOR]`` lines (``[SECTOR~]`` also read); ``!SET! = ...``
substitution lines are skipped. A compound sector (``~GOVMIL``) keeps its first sector (hadath composes
country + one sector) and notes the full one.

hadath's actor rows need an English name and a type that PETRARCH files do not have: the English name is
a transliteration of the Arabic one (edit it afterwards), the type is guessed from the code and the
name's head noun (organisation heads such as حركة/وزارة/جيش → organisation; IGO/IMG codes → igo/armed
group; a bare state code → state; otherwise person). Blocks whose codes are all bare sectors
(``[MIL]``, ``[GOV]``) are generic role nouns and become agents. Lines without Arabic letters
(English dictionaries) are skipped: hadath matches Arabic text only.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hadath.errors import KBError
from hadath.kb import loader
from hadath.kb.kb import phrase_key
from hadath.kb.schema import CODE_RE
from hadath.text.normalize import ARABIC_LETTER_RE, norm_word

SECTORS = frozenset(
    "GOV MIL COP JUD LEG OPP REB CVL MED BUS EDU REL SPY LAB AGR HLH REF ELI UAF CRM NGO MNC PTY DEV ENV MUS "
    "RAD JEW CHR HIN BUD IGO IMG INS SEP MOD".split()
)
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "OPP": "opposition", "REB": "rebels", "CVL": "civilians", "MED": "media", "BUS": "business",
    "EDU": "education", "REL": "religious", "SPY": "intelligence", "LAB": "labour", "AGR": "agriculture",
    "HLH": "health", "REF": "refugees", "ELI": "elites", "UAF": "unidentified armed force", "CRM": "criminals",
    "NGO": "non-governmental organisation", "PTY": "political party", "DEV": "development",
    "ENV": "environment", "MUS": "Muslim", "RAD": "radicals", "JEW": "Jewish", "IGO": "international body",
}
ORG_HEADS = frozenset(
    "حركه حزب جبهه جماعه تنظيم منظمه وزاره مجلس جيش قوات قوه اتحاد جامعه هيئه لجنه وكاله شركه بنك مصرف "
    "صحيفه قناه اذاعه مركز معهد محكمه ائتلاف تحالف كتائب كتيبه لواء فيلق سراي سرايا حكومه برلمان ديوان "
    "جمعيه نقابه مؤسسه موسسه مفوضيه سلطه شرطه امن مخابرات اداره الامم".split()
)
_PLACEHOLDER_DATES = {"1800-01-01", "1970-01-01", "2200-01-01"}
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_TRANSLIT = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "و": "w", "ي": "y", "ى": "a", "ء": "", "ؤ": "w", "ئ": "y", "پ": "p", "چ": "ch", "ڤ": "v",
    "گ": "g", "ی": "y", "ک": "k",
}


@dataclass
class ImportReport:
    """What an import produced and what it skipped (``file:line: reason``)."""

    actors: int = 0
    agents: int = 0
    merged: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the command line."""
        return (f"{self.actors} actors, {self.agents} agents written ({self.merged} duplicate blocks merged, "
                f"{len(self.skipped)} entries skipped)")


@dataclass
class ActorBlock:
    """One PETRARCH actor block: its name, aliases and dated codes (ISO dates, "" = open)."""

    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)
    comment: str = ""


@dataclass
class AgentLine:
    """One PETRARCH agent: its forms and sector."""

    forms: list[str]
    sector: str
    line: int
    raw_code: str


# ---------------------------------------------------------------- parsing


def _phrase(s: str) -> str:
    """``وزارة_دفاع_أميركي_`` → ``وزارة دفاع أميركي``; a detached one-letter proclitic joins its word."""
    words = [w for w in s.replace("_", " ").split() if w]
    out: list[str] = []
    for w in words:
        if out and len(out[-1]) == 1 and out[-1] in "لبوكف":
            out[-1] = out[-1] + w
        else:
            out.append(w)
    return " ".join(out)


def _date(s: str) -> str | None:
    """A TABARI date (YYMMDD or YYYYMMDD) as ISO, "" for a placeholder, None when malformed."""
    s = s.strip()
    if re.fullmatch(r"\d{6}", s):
        yy = int(s[:2])
        s = f"{2000 + yy if yy < 50 else 1900 + yy}{s[2:]}"
    if not re.fullmatch(r"\d{8}", s):
        return None
    iso = f"{s[:4]}-{s[4:6]}-{s[6:]}"
    try:
        _dt.date.fromisoformat(iso)
    except ValueError:
        return None
    if iso in _PLACEHOLDER_DATES or not ("1900" <= iso[:4] <= "2100"):
        return ""
    return iso


def parse_code(text: str) -> tuple[str, str, str] | str:
    """``LBYMIL >140516`` → ``("LBYMIL", "2014-05-16", "")``; a string is the reason it was not read."""
    t = text.strip().lstrip("~").rstrip("~").strip()
    m = re.fullmatch(r"([A-Za-z0-9]*)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?", t)
    if not m:
        return f"unreadable code [{text}]"
    code = m.group(1).upper()
    if not code:
        return f"code missing in [{text}]"
    if not CODE_RE.match(code):
        return f"malformed code {code!r}"
    start = end = ""
    if m.group(2):
        d = _date(m.group(3))
        if d is None:
            return f"malformed date in [{text}]"
        start, end = (d, "") if m.group(2) == ">" else ("", d)
    elif m.group(4):
        d1, d2 = _date(m.group(4)), _date(m.group(5))
        if d1 is None or d2 is None:
            return f"malformed date in [{text}]"
        start, end = d1, d2
        if start and end and end < start:
            end = ""  # a placeholder end before the start: open-ended
    return code, start, end


def parse_actors(path: Path, report: ImportReport) -> list[ActorBlock]:
    """Actor blocks of a PETRARCH/TABARI ``.actors`` file (lines it cannot use go to ``report.skipped``)."""
    blocks: list[ActorBlock] = []
    cur: ActorBlock | None = None
    for n, raw in enumerate(_lines(path), 1):
        line, _, comment = raw.partition("#")
        s = line.strip()
        if not s:
            continue
        if s.startswith("<") or s.startswith("!"):
            cur = None  # TABARI <...> sections and !SET! substitutions are not actors
            continue
        if s.startswith("["):
            if cur is None:
                report.skipped.append(f"{path.name}:{n}: code line outside an actor block")
                continue
            for c in _CODE_RE.findall(s):
                _add_code(cur, c, path, n, report)
            continue
        if s.startswith("+"):
            if cur is None:
                report.skipped.append(f"{path.name}:{n}: alias outside an actor block")
                continue
            alias = _phrase(_CODE_RE.sub("", s[1:]))
            if alias:
                cur.aliases.append(alias)
            continue
        name = _phrase(_CODE_RE.sub("", s))
        cur = ActorBlock(name, n, comment=comment.strip())
        blocks.append(cur)
        for c in _CODE_RE.findall(s):
            _add_code(cur, c, path, n, report)
    return blocks


def _add_code(block: ActorBlock, text: str, path: Path, n: int, report: ImportReport) -> None:
    got = parse_code(text)
    if isinstance(got, str):
        report.skipped.append(f"{path.name}:{n}: {block.name}: {got}")
    elif got not in block.codes:
        block.codes.append(got)


def parse_agents(path: Path, report: ImportReport) -> list[AgentLine]:
    """Agents of a PETRARCH ``agents`` file."""
    out: list[AgentLine] = []
    for n, raw in enumerate(_lines(path), 1):
        s = raw.partition("#")[0].strip()
        if not s or s.startswith("!") or s.startswith("<"):
            continue
        codes = _CODE_RE.findall(s)
        if len(codes) != 1:
            report.skipped.append(f"{path.name}:{n}: no [~SECTOR] code")
            continue
        raw_code = codes[0].strip()
        code = raw_code.replace("~", "").strip().upper()
        if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", code):
            report.skipped.append(f"{path.name}:{n}: malformed agent code [{raw_code}]")
            continue
        body = _CODE_RE.sub("", s)
        plurals: list[str] = []
        pm = re.search(r"\{([^}]*)\}", body)
        if pm:
            plurals = [_phrase(p) for p in re.split(r"[,\s]+(?=\S)", pm.group(1)) if _phrase(p)]
            body = body[: pm.start()] + body[pm.end():]
        forms = [f for f in [_phrase(body), *plurals] if f]
        if not forms:
            report.skipped.append(f"{path.name}:{n}: empty agent")
            continue
        out.append(AgentLine(forms, code[:3], n, raw_code))
    return out


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as e:
        raise KBError(f"{path}: cannot read ({e.strerror})") from None
    except UnicodeDecodeError:
        raise KBError(f"{path}: not UTF-8 text") from None


# ---------------------------------------------------------------- conversion


def transliterate(ar: str) -> str:
    """A rough Latin rendering of an Arabic name (for ids and placeholder English names)."""
    out = []
    for ch in ar:
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and (ch.isalnum() or ch in " -"):
            out.append(ch.lower())
        elif ch.isspace():
            out.append(" ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60] or "x"


def _arabic(s: str) -> bool:
    return bool(ARABIC_LETTER_RE.search(s))


def _guess_type(name: str, codes: list[str], countries: set[str]) -> str:
    words = [norm_word(w) for w in name.split()]
    heads = {w[2:] if w.startswith("ال") else w for w in words}
    if heads & ORG_HEADS:
        if all(c.startswith("IGO") for c in codes):
            return "igo"
        if all(c.startswith("IMG") for c in codes):
            return "armed_group"
        return "organisation"
    if codes and all(c in countries for c in codes):
        return "state"
    if all(c.startswith("IGO") for c in codes):
        return "igo"
    if all(c.startswith("IMG") for c in codes):
        return "armed_group"
    if any(c[3:6] in ("REB", "PTY") for c in codes) and len(words) <= 2 and not any(c[3:6] == "GOV" for c in codes):
        return "organisation"
    return "person"


def _country(codes: list[str], countries: set[str]) -> str:
    for c in codes:
        if c[:3] in countries:
            return c[:3]
    return ""


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").strip()


def convert_actors(blocks: Iterable[ActorBlock], source: str, countries: set[str],
                   report: ImportReport) -> tuple[list[list[str]], list[AgentLine]]:
    """Actor rows (hadath columns) and the blocks that are really generic agents."""
    merged: dict[str, ActorBlock] = {}
    order: list[str] = []
    for b in blocks:
        if not _arabic(b.name):
            report.skipped.append(f"{source}:{b.line}: {b.name!r}: no Arabic letters")
            continue
        key = phrase_key(b.name) or b.name
        if key in merged:
            m = merged[key]
            m.aliases += [a for a in b.aliases if a not in m.aliases]
            m.codes += [c for c in b.codes if c not in m.codes]
            report.merged += 1
        else:
            merged[key] = ActorBlock(b.name, b.line, list(b.aliases), list(b.codes), b.comment)
            order.append(key)
    rows: list[list[str]] = []
    agents: list[AgentLine] = []
    used_ids: set[str] = set()
    for key in order:
        b = merged[key]
        if not b.codes:
            report.skipped.append(f"{source}:{b.line}: {b.name}: no code")
            continue
        codes = [c for c, _, _ in b.codes]
        if all(c in SECTORS and c not in countries for c in codes):
            agents.append(AgentLine([b.name, *b.aliases], codes[0], b.line, codes[0]))
            continue
        country = _country(codes, countries)
        prefix = country.lower() or ("igo" if codes[0].startswith("IGO") else
                                     "img" if codes[0].startswith("IMG") else "xxx")
        latin = transliterate(b.name)
        base = f"{prefix}-{_slug(latin)}"
        aid, k = base, 2
        while aid in used_ids:
            aid, k = f"{base}-{k}", k + 1
        used_ids.add(aid)
        periods = sorted(b.codes, key=lambda c: (c[1], c[2]))
        code_field = ";".join(c if not (s or e) else f"{c}@{s}..{e}" for c, s, e in periods)
        aliases = [_clean(a) for a in dict.fromkeys(b.aliases) if _arabic(a) and a != b.name]
        desc = f"imported from PETRARCH dictionary {source}:{b.line}" + (f" ({_clean(b.comment)})" if b.comment else "")
        rows.append([aid, _guess_type(b.name, codes, countries), latin.title() or aid, _clean(b.name),
                     "|".join(aliases), country, code_field, desc, ""])
    return rows, agents


def convert_agents(lines: Iterable[AgentLine], source: str, report: ImportReport) -> list[list[str]]:
    """Agent rows (hadath columns); lines with the same sector and first form are merged."""
    merged: dict[tuple[str, str], tuple[list[str], AgentLine]] = {}
    for a in lines:
        forms = [_clean(f) for f in a.forms if _arabic(f)]
        if not forms:
            report.skipped.append(f"{source}:{a.line}: no Arabic letters")
            continue
        key = (phrase_key(forms[0]) or forms[0], a.sector)
        if key in merged:
            merged[key][0].extend(f for f in forms if f not in merged[key][0])
            report.merged += 1
        else:
            merged[key] = (forms, a)
    rows: list[list[str]] = []
    used: set[str] = set()
    for (_, sector), (forms, a) in merged.items():
        base = f"pet.{sector.lower()}.{_slug(transliterate(forms[0]))}"
        aid, k = base, 2
        while aid in used:
            aid, k = f"{base}-{k}", k + 1
        used.add(aid)
        name = f"{SECTOR_NAMES.get(sector, sector)}: {forms[0]}"
        note = f"imported from PETRARCH {source}:{a.line}" + (f" (code ~{a.raw_code.strip('~')})"
                                                               if a.raw_code.strip("~") != sector else "")
        rows.append([aid, "|".join(dict.fromkeys(forms)), sector, name, note])
    return rows


def _tsv(rows: list[list[str]], cols: list[str], source: str) -> str:
    head = [f"# source: imported from PETRARCH dictionary {source} by `hadath kb import-petrarch`"
            " (English names are transliterations; types are guessed: review before use)",
            f"# date: {_dt.date.today().isoformat()}", "\t".join(cols)]
    return "\n".join(head + ["\t".join(r) for r in rows]) + "\n"


def import_petrarch(actors_file: Path, out_dir: Path, agents_file: Path | None = None) -> ImportReport:
    """Convert PETRARCH actor (and agent) dictionaries into a hadath dictionary folder ``out_dir``.

    Writes ``out_dir/actors/<actors file stem>.tsv`` and, when there are agents (from ``agents_file`` or
    from actor blocks that carry only a sector code), ``out_dir/agents.tsv``; each file is written
    atomically. Raises :class:`KBError` for unreadable inputs or an unwritable output folder.
    """
    from hadath.io.readers import atomic_write_text

    report = ImportReport()
    countries = {c.iso3 for c in loader.load_countries(loader.DATA_DIR / "countries.tsv")}
    blocks = parse_actors(actors_file, report)
    actor_rows, generic = convert_actors(blocks, actors_file.name, countries, report)
    agent_lines = list(generic)
    if agents_file is not None:
        agent_lines += parse_agents(agents_file, report)
    agent_rows = convert_agents(agent_lines, agents_file.name if agents_file else actors_file.name, report)
    try:
        (out_dir / "actors").mkdir(parents=True, exist_ok=True)
        stem = _slug(actors_file.stem) or "petrarch"
        p = out_dir / "actors" / f"{stem}.tsv"
        atomic_write_text(p, _tsv(actor_rows, loader.COLUMNS["actors"], actors_file.name))
        report.files.append(p)
        if agent_rows:
            p = out_dir / "agents.tsv"
            src = agents_file.name if agents_file else actors_file.name
            atomic_write_text(p, _tsv(agent_rows, loader.COLUMNS["agents"], src))
            report.files.append(p)
    except OSError as e:
        raise KBError(f"{out_dir}: cannot write ({e.strerror})") from None
    report.actors, report.agents = len(actor_rows), len(agent_rows)
    return report
