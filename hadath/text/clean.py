"""Boilerplate of scraped news: repeated titles, datelines and page furniture.

Nothing is removed from the text: the functions return spans that sentence splitting skips, plus the
dateline's city and agency (the city is a location hint for events).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hadath.model import Dateline, Span
from hadath.text.normalize import norm_text

AGENCIES: dict[str, str] = {
    # normalised form -> English name
    "رويترز": "Reuters", "ا ف ب": "AFP", "فرانس برس": "AFP", "وكاله فرانس برس": "AFP", "اف ب": "AFP",
    "ا ب": "AP", "اسوشيتد برس": "AP", "الاناضول": "Anadolu", "اناضول": "Anadolu", "وكالات": "agencies",
    "واس": "SPA", "وام": "WAM", "قنا": "QNA", "كونا": "KUNA", "بنا": "BNA", "سانا": "SANA", "وفا": "WAFA",
    "ومع": "MAP", "واج": "APS", "مينا": "MENA", "سبا": "Saba", "ارنا": "IRNA", "سبوتنيك": "Sputnik",
    "د ب ا": "dpa", "شينخوا": "Xinhua", "يو بي اي": "UPI", "الاناضول للانباء": "Anadolu",
    "بترا": "Petra", "العمانيه": "ONA", "وكاله الانباء الليبيه": "LANA", "لانا": "LANA",
    "الجزيره نت": "Al Jazeera", "المسلم": "Almoslim", "سبق": "Sabq", "عين اليوم": "Ain Alyoum",
    "متابعه": None, "خاص": None, "مراسلون": None, "ميدل ايست اونلاين": "Middle East Online",
}  # type: ignore[dict-item]

FURNITURE_LINE_RE = re.compile(
    r"^\s*(?:"
    r"تابعنا.*|تابعونا.*|مشاركه\s*:?.*|شارك(?:\s+\S+)?\s*:?|انت هنا|اقرا ايضا.*|اقرا المزيد.*|طباعه|ارسال|"
    r"(?:\.\.\.)?\s*المزيد|سمات\s.*|رابط الخبر.*|المصدر\s*:.*|تاريخ النشر.*|اخر تحديث.*|"
    r"شارك هذا المقال.*|حجم الخط.*|تعليقات?|اضف تعليق.*|كلمات مفتاحيه.*|الوسوم.*|"
    r"\d{1,2}\s*:\s*\d{2}\s*(?:ت\s*م|ص|م)?|"
    r"\d{1,2}\s+(?:محرم|صفر|ربيع الاول|ربيع الثاني|ربيع الاخر|جمادي الاولي|جمادي الاخره|جمادي الثانيه|"
    r"رجب|شعبان|رمضان|شوال|ذو القعده|ذو الحجه)\s+\d{4}(?:\s*ه)?"
    r")\s*$"
)
# a trailing tag line of some outlets: "سمات ..." at the end of the last paragraph
TRAILING_TAGS_RE = re.compile(r"\s(سمات|الوسوم|كلمات مفتاحية)\s[^.!؟\n]{0,300}\s*$")

_DATELINE_HEAD_RE = re.compile(
    r"^(?P<head>[^\n.!؟،,:\-–—]{2,40}?(?:\s*[-–—/]\s*[^\n.!؟،,:\-–—]{2,30}?){0,2})\s*(?P<sep>[-–—:/])\s*"
)
_PAREN_AGENCY_RE = re.compile(r"^(?P<city>[^\n.!؟،,:()\-–—]{2,30}?)\s*\((?P<ag>[^()\n]{2,25})\)\s*[-–—:]?\s*")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _agency(part: str) -> str | None | bool:
    """English agency name, None for a known furniture word, False when not an agency."""
    n = norm_text(part)
    if n in AGENCIES:
        return AGENCIES[n]
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
    if len(lines) >= 2 and norm_text(text[slice(*lines[0])]) == norm_text(text[slice(*lines[1])]):
        spans.append(Span(*lines[0]))
    # 2. page furniture lines
    for s, e in lines:
        if FURNITURE_LINE_RE.match(norm_text(text[s:e])) or FURNITURE_LINE_RE.match(text[s:e]):
            spans.append(Span(s, e))
    # 3. a dateline at the start of one of the first content lines
    skip = {(sp.start, sp.end) for sp in spans}
    for s, e in [ln for ln in lines if ln not in skip][:2]:
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


def _match_dateline(text: str, s: int, e: int, is_place: Callable[[str], bool]) -> Dateline | None:
    line = text[s:e]
    lead = len(line) - len(line.lstrip())
    body = line.lstrip()
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
                return Dateline(s + lead, e, parts[0], _agency(parts[-1]) or None)  # type: ignore[arg-type]
        return None
    parts = [p.strip() for p in re.split(r"\s*[-–—/]\s*", m.group("head")) if p.strip()]
    if any(len(p.split()) > 4 for p in parts):
        return None
    city = next((p for p in parts if is_place(p)), None)
    agency = next((a for a in (_agency(p) for p in parts) if a), None)
    known = city is not None or any(_agency(p) is not False for p in parts)
    end_at = s + lead + m.end()
    rest = text[end_at:e].strip()
    if not known:
        return None
    if m.group("sep") == ":" or not rest or city is not None or agency is not None:
        if not rest:
            end_at = e
        return Dateline(s + lead, end_at, city, agency)  # type: ignore[arg-type]
    return None
