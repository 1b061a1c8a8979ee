"""Boilerplate of scraped news: repeated titles, datelines and page furniture.

Nothing is removed from the text: the functions return spans that sentence splitting skips, plus the
dateline's city and agency (the city is a location hint for events).

Datelines are looked for on the first three content lines: a whole line ("عين اليوم – بغداد",
"الرباط - رويترز", "غزة - صفا"), a head before the prose ("سبق- وكالات:", "الرباط - رويترز - قال",
"القاهرة (رويترز) -", "موسكو ـ (أ ف ب):") or a dated one ("بيروت 25 شوال 1436 هـ الموافق 10 أغسطس
2015 م واس"). Furniture lines are short (at most 300 characters) and recognised on their normalised form.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from hadath.model import Dateline, Span
from hadath.text.normalize import _NORM_CACHE, norm_text, norm_word, text_words

AGENCIES: dict[str, str | None] = {
    # normalised form -> English name
    "رويترز": "Reuters", "ا ف ب": "AFP", "فرانس برس": "AFP", "وكاله فرانس برس": "AFP", "اف ب": "AFP",
    "ا ب": "AP", "اسوشيتد برس": "AP", "الاناضول": "Anadolu", "اناضول": "Anadolu", "وكالات": "agencies",
    "واس": "SPA", "وام": "WAM", "قنا": "QNA", "كونا": "KUNA", "بنا": "BNA", "سانا": "SANA", "وفا": "WAFA",
    "ومع": "MAP", "واج": "APS", "مينا": "MENA", "سبا": "Saba", "ارنا": "IRNA", "سبوتنيك": "Sputnik",
    "د ب ا": "dpa", "شينخوا": "Xinhua", "يو بي اي": "UPI", "الاناضول للانباء": "Anadolu",
    "بترا": "Petra", "العمانيه": "ONA", "وكاله الانباء الليبيه": "LANA", "لانا": "LANA",
    "الجزيره نت": "Al Jazeera", "المسلم": "Almoslim", "سبق": "Sabq", "عين اليوم": "Ain Alyoum",
    "متابعه": None, "خاص": None, "مراسلون": None, "ميدل ايست اونلاين": "Middle East Online",
    "ا ش ا": "MENA", "معا": "Maan", "قدس برس": "Quds Press",
    "العربيه نت": "Al Arabiya", "سكاي نيوز عربيه": "Sky News Arabia", "بي بي سي": "BBC", "صفا": "Safa",
}

# outlets that sign their own reports in quotes ("لندن - «الشرق الأوسط»"); unquoted, these are just words
QUOTED_OUTLETS: dict[str, str] = {
    "الشرق الاوسط": "Asharq Al-Awsat", "الحياه": "Al-Hayat", "القدس العربي": "Al-Quds Al-Arabi",
    "العربي الجديد": "Al-Araby Al-Jadeed", "الجزيره": "Al Jazeera", "عكاظ": "Okaz", "الوطن": "Al-Watan",
}

FURNITURE_LINE_RE = re.compile(
    r"^\s*(?:"
    r"تابعنا.*|تابعونا.*|مشاركه\s*:?.*|شارك(?:\s+\S+)?\s*:?|انت هنا|اقرا ايضا.*|اقرا المزيد.*|طباعه|ارسال|"
    r"(?:\.\.\.)?\s*المزيد|سمات\s.*|رابط الخبر.*|المصدر\s*:.*|تاريخ النشر.*|اخر تحديث.*|"
    r"شارك هذا المقال.*|حجم الخط.*|تعليقات?|اضف تعليق.*|كلمات مفتاحيه.*|الوسوم.*|الرييسيه|انتهي|"
    r"\d{1,2}\s*:\s*\d{2}\s*(?:ت\s*م|ص|م)?|"
    r"\d{1,2}\s+(?:محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاخره|جمادي الثانيه|"
    r"رجب|شعبان|رمضان|شوال|ذو القعده|ذو الحجه)\s+\d{4}(?:\s*ه)?"
    r")\s*$"
)
# the open-ended alternatives of FURNITURE_LINE_RE, matched on the head of a longer line
_FURNITURE_OPEN_RE = re.compile(
    r"^\s*(?:تابعنا|تابعونا|مشاركه|اقرا ايضا|اقرا المزيد|سمات\s|رابط الخبر|المصدر\s*:|تاريخ النشر|اخر تحديث|"
    r"شارك هذا المقال|حجم الخط|اضف تعليق|كلمات مفتاحيه|الوسوم)"
)
_SHORT_LINE = 40
# What the normalised form of a line must begin with for FURNITURE_LINE_RE (or _FURNITURE_OPEN_RE) to match it: the
# first word of one of its alternatives (keep in step with them), or a digit (\d: str.isdecimal). A normalised text
# has no punctuation, so "... المزيد" is "المزيد". find_boilerplate normalises only the lines whose first word
# passes this test (~1 in 20): the other lines cannot match.
_FURNITURE_HEADS = ("تابعنا", "تابعونا", "مشاركه", "شارك", "انت", "اقرا", "طباعه", "ارسال", "المزيد", "سمات", "رابط",
                    "المصدر", "تاريخ", "اخر", "حجم", "تعليق", "اضف", "كلمات", "الوسوم", "الرييسيه", "انتهي")
# a trailing tag line of some outlets: "سمات ..." at the end of the last paragraph
TRAILING_TAGS_RE = re.compile(r"\s(سمات|الوسوم|كلمات مفتاحية)\s[^.!؟\n]{0,300}\s*$")

_DATELINE_HEAD_RE = re.compile(
    r"^(?P<head>[^\n.!؟،,:\-–—]{2,40}?(?:\s*[-–—/]\s*[^\n.!؟،,:\-–—]{2,30}?){0,2})\s*(?P<sep>[-–—:/])\s*"
)
# a dateline of the Saudi Press Agency kind: "بيروت 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس",
# matched on the normalised words of the line (see _match_dated_dateline)
_HMONTHS = (r"محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاول|جمادي الاخره|جمادي الثانيه|"
            r"جمادي الاخر|رجب|شعبان|رمضان|شوال|ذو القعده|ذي القعده|ذو الحجه|ذي الحجه")
_GMONTHS = (r"يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|نوفمبر|ديسمبر|كانون الثاني|شباط|اذار|"
            r"نيسان|ايار|حزيران|تموز|اب|ايلول|تشرين الاول|تشرين الثاني|كانون الاول|جانفي|فيفري|افريل|ماي|جوان|"
            r"جويليه|اوت|يونيه|يوليه|يوليوز|غشت|شتنبر|نونبر|دجنبر")
_DATED_RE = re.compile(
    rf"^(?P<city>\S+(?: \S+)?) (?:(?P<hd>\d{{1,2}} (?:{_HMONTHS}) \d{{4}}(?: ه(?:جريه)?)?)"
    rf"(?: (?:الموافق|الموافق ل|الموافق لـ) \d{{1,2}} (?:{_GMONTHS}) \d{{4}}(?: م(?:يلاديه)?)?)?"
    rf"|\d{{1,2}} (?:{_GMONTHS}) \d{{4}}(?: م)?)(?P<ag>(?: \S+){{0,3}}?)(?: [-–—:/])?$"
)
_DATED_QUICK_RE = re.compile(r"\S+(?:\s+\S+)?\s+[0-9٠-٩۰-۹]")
_LINE_WORD_RE = re.compile(r"[^\s\-–—:/()]+|[\-–—:/]")
# a tatweel used as a dash between spaces ("موسكو ـ أ ف ب"), replaced by "-" of the same length
_TATWEEL_DASH_RE = re.compile(r"(?<=\s)ـ+(?=\s)")
_QUOTED_RE = re.compile(r"^[«\"“(]([^«»\"“”()]{2,30})[»\"”)]$")
_SEP_SPLIT_RE = re.compile(r"\s*[-–—/:]\s*")
_LEAD_CHARS = " \t\r\u00a0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u061c"
_FURNITURE_MAX = 300  # a longer line is prose, whatever its first word
_PAREN_AGENCY_RE = re.compile(r"^(?P<city>[^\n.!؟،,:()\-–—]{2,30}?)\s*\((?P<ag>[^()\n]{2,25})\)\s*[-–—:]?\s*")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _agency(part: str) -> str | None | Literal[False]:
    """English agency name, None for a known furniture word, False when not an agency."""
    n = norm_text(part)
    if n in AGENCIES:
        return AGENCIES[n]
    if n in QUOTED_OUTLETS and _QUOTED_RE.match(part.strip()):
        return QUOTED_OUTLETS[n]
    return False


def find_boilerplate(
    text: str, title: str | None = None, is_place: Callable[[str], bool] | None = None
) -> tuple[list[Span], Dateline | None]:
    """Spans of ``text`` that are not article prose, and the dateline if there is one."""
    spans: list[Span] = []
    dateline: Dateline | None = None
    place = is_place or (lambda _s: False)
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()]
    # 1. a title repeated as the first line: keep the second copy as the headline
    if len(lines) >= 2 and _same_line(text[slice(*lines[0])], text[slice(*lines[1])]):
        spans.append(Span(*lines[0]))
    # 2. page furniture lines
    for s, e in lines:
        n = e - s
        if n > _FURNITURE_MAX:
            continue
        if n > _SHORT_LINE:
            # only the open-ended furniture lines ("اقرأ أيضا: ...") can be this long: their head decides
            # (a line is normalised only when its first word can begin a furniture line: _may_be_furniture)
            head = text[s:s + _SHORT_LINE]
            if ((_may_be_furniture(head) and _FURNITURE_OPEN_RE.match(norm_text(head)))
                    or FURNITURE_LINE_RE.match(text[s:e])):
                spans.append(Span(s, e))
            continue
        line = text[s:e]
        if (_may_be_furniture(line) and FURNITURE_LINE_RE.match(norm_text(line))) or FURNITURE_LINE_RE.match(line):
            spans.append(Span(s, e))
    # 3. a dateline at the start of one of the first content lines (after a title and a subtitle)
    skip = {(sp.start, sp.end) for sp in spans}
    for s, e in [ln for ln in lines if ln not in skip][:3]:
        dl = _match_dateline(text, s, e, place)
        if dl:
            dateline = dl
            spans.append(Span(dl.start, dl.end))
            break
    # 4. trailing tag lists ("سمات ...")
    for s, e in lines[-1:]:
        m = TRAILING_TAGS_RE.search(text, s, e)
        if m:
            spans.append(Span(m.start() + 1, e))
    spans.sort(key=lambda sp: sp.start)
    return spans, dateline


def _may_be_furniture(line: str) -> bool:
    """Whether ``norm_text(line)`` may match FURNITURE_LINE_RE or _FURNITURE_OPEN_RE: its first word (the first
    word of the line that does not normalise to "") begins with one of _FURNITURE_HEADS or a digit."""
    get = _NORM_CACHE.get
    for w in text_words(line):
        n = get(w) or norm_word(w)
        if n:
            return n.startswith(_FURNITURE_HEADS) or n[0].isdecimal()
    return False


def _same_line(a: str, b: str) -> bool:
    """Two lines that read the same once normalised (a title and its copy)."""
    a, b = a.strip(), b.strip()
    if a == b:
        return True
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 2:  # normalising only removes marks and punctuation
        return False
    # norm_text(a) == norm_text(b), compared word by word: most pairs differ in their number of words or early on
    wa, wb = text_words(a), text_words(b)
    if len(wa) != len(wb):
        return False
    return all(x == y or norm_word(x) == norm_word(y) for x, y in zip(wa, wb, strict=True))


def _match_dated_dateline(body: str, is_place: Callable[[str], bool]) -> tuple[int, str, str | None] | None:
    """A "city date [agency]" dateline at the start of ``body``: (end offset in body, city, agency)."""
    if not _DATED_QUICK_RE.match(body):
        return None
    words = [(m.start(), m.end(), norm_text(m.group()) or m.group()) for m in _LINE_WORD_RE.finditer(body[:200])]
    if len(words) < 4 or not words[1][2][:1].isdigit() and not words[2][2][:1].isdigit():
        return None
    # try the longest prefix of words that reads as a dated dateline (the rest of the line is prose)
    for n in range(min(len(words), 16), 3, -1):
        joined = " ".join(w[2] for w in words[:n])
        m = _DATED_RE.match(joined)
        if not m:
            continue
        city_n = len(m.group("city").split())
        city = body[words[0][0]:words[city_n - 1][1]]
        if not is_place(city):
            continue
        ag_words = m.group("ag").split()
        agency: str | None = None
        if ag_words:
            a = _agency(" ".join(ag_words))
            if a is False:
                continue  # prose after the date, not an agency: try a shorter prefix
            agency = a or None
        return words[n - 1][1], city, agency
    return None


def _whole_line_dateline(body: str, is_place: Callable[[str], bool]) -> tuple[str | None, str | None] | None:
    """A line that is nothing but a dateline ("عين اليوم – بغداد", "الرباط - رويترز", "غزة - صفا")."""
    if len(body.split()) > 8 or re.search(r"[.!؟?،,]", body):
        return None
    parts = [p.strip() for p in _SEP_SPLIT_RE.split(body.strip()) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
        return None
    kinds = []
    quoted: dict[str, str] = {}
    for p in parts:
        a = _agency(p)
        if a is False and _QUOTED_RE.match(p):  # "لندن - «الشرق الأوسط»": an outlet named in quotes
            quoted[p] = _QUOTED_RE.match(p).group(1).strip()  # type: ignore[union-attr]
            a = None
        kinds.append("agency" if a is not False else "place" if is_place(p) else "unknown")
    places = [p for p, k in zip(parts, kinds, strict=True) if k == "place"]
    agencies = [p for p, k in zip(parts, kinds, strict=True) if k == "agency"]
    unknown = [p for p, k in zip(parts, kinds, strict=True) if k == "unknown"]
    if agencies:
        # a reporter's name may lead ("عبدالحكيم شار- سبق- متابعة"); anything else must be known
        if len(unknown) > 1 or (unknown and kinds[0] != "unknown"):
            return None
    elif not (len(places) == 1 and len(parts) == 2 and kinds[0] == "place" and len(unknown[0].split()) == 1):
        return None  # "غزة - صفا" (an agency we do not know) but not "روسيا - تركيا"
    agency: str | None = next((a for a in (_agency(p) or quoted.get(p) for p in agencies) if a), None)
    if agency is None and not agencies and unknown:
        agency = unknown[0]
    return (places[0] if places else None), agency


def _match_dateline(text: str, s: int, e: int, is_place: Callable[[str], bool]) -> Dateline | None:
    line = text[s:e]
    lead = len(line) - len(line.lstrip(_LEAD_CHARS))
    body = line[lead:]
    if "ـ" in body:  # (the lookbehind of _TATWEEL_DASH_RE makes the engine try every position: test first)
        body = _TATWEEL_DASH_RE.sub(lambda m: "-" * len(m.group()), body)
    whole = _whole_line_dateline(body, is_place)
    if whole is not None:
        return Dateline(s + lead, s + len(line.rstrip(_LEAD_CHARS)), whole[0], whole[1])
    dated = _match_dated_dateline(body, is_place)
    if dated is not None:
        d_end, d_city, d_agency = dated
        gap = re.match(r"\s*[-–—:/]?\s*", body[d_end:])
        return Dateline(s + lead, s + lead + d_end + (gap.end() if gap else 0), d_city, d_agency)
    m = _PAREN_AGENCY_RE.match(body)
    if m and (is_place(m.group("city")) or _agency(m.group("ag")) is not False):
        ag = _agency(m.group("ag"))
        return Dateline(s + lead, s + lead + m.end(), m.group("city").strip(), ag or m.group("ag").strip())
    m = _DATELINE_HEAD_RE.match(body)
    whole_line = len(body.split()) <= 12 and not re.search(r"[.!؟]\s*$", body)
    if not m:
        if whole_line and len(body.split()) <= 10:
            parts = body.split()
            if parts and is_place(parts[0]) and (_agency(parts[-1]) is not False or any(c.isdigit() for c in body)):
                return Dateline(s + lead, e, parts[0], _agency(parts[-1]) or None)
        return None
    parts = [p.strip() for p in re.split(r"\s*[-–—/]\s*", m.group("head")) if p.strip()]
    if any(len(p.split()) > 4 for p in parts):
        return None
    city = next((p for p in parts if is_place(p)), None)
    agency = next((a for a in (_agency(p) for p in parts) if a), None)
    known = city is not None or any(_agency(p) is not False for p in parts)
    end_at = s + lead + m.end()
    if not known:
        return None
    if m.group("sep") != ":":
        while True:  # further known parts: "عين اليوم – بغداد – قال ..."
            nxt = re.match(r"([^\n.!؟،,:\-–—/]{2,30}?)\s*([-–—:/])\s*", body[end_at - s - lead:])
            if not nxt or len(nxt.group(1).split()) > 4:
                break
            part = nxt.group(1).strip()
            if is_place(part):
                city = city or part
            elif (ag := _agency(part)) is not False:
                agency = agency or ag
            else:
                break
            end_at += nxt.end()
            if nxt.group(2) == ":":
                break
    rest = text[end_at:e].strip()
    if rest and len(rest.split()) < 3 and not re.search(r"[.!؟?]$", rest):
        return None  # "روسيا - تركيا": a title, not a dateline followed by prose
    if m.group("sep") == ":" or not rest or city is not None or agency is not None:
        if not rest:
            end_at = e
        return Dateline(s + lead, end_at, city, agency)
    return None
