"""The text stages on every article of ../shared (events-dev and the unlabelled corpus).

No article may crash clean → sentences → tokens, tokens must point into the original text, and no
sentence may be a dateline or page furniture: not the detected dateline (or a sentence starting with
it), not an agency/city head the detector missed, not a furniture word on its own, not a tag list.
The data is evaluation material outside the project: the test skips cleanly when it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hadath.model import Article, Document
from hadath.text.clean import AGENCIES
from hadath.text.normalize import norm_text

SHARED = Path(__file__).resolve().parent.parents[1].parent / "shared"
FILES = {
    "events-dev": ("eval", "events-dev", "articles.jsonl"),
    "unlabelled": ("corpus", "unlabelled.jsonl"),
}
STAGES = ("clean", "sentences", "tokens")

# furniture words and lines on their own (normalised), written independently of clean.py's regex
FURNITURE = {
    "تابعنا", "تابعونا", "مشاركه", "شارك", "شارك الخبر", "انت هنا", "اقرا ايضا", "اقرا المزيد", "المزيد", "طباعه",
    "ارسال", "الرييسيه", "انتهي", "تعليقات", "تعليق", "اضف تعليق", "حجم الخط", "رابط الخبر", "الوسوم", "سمات",
}
_FURNITURE_HEAD_RE = re.compile(r"^(?:تابعنا|تابعونا|اقرا ايضا|اقرا المزيد|رابط الخبر|كلمات مفتاحيه|الوسوم)\b")
_CLOCK_RE = re.compile(r"^\d{1,2}\s*:\s*\d{2}(?:\s*(?:ت\s*م|م|ص))?$")
# "<agency> -", "<agency>:" or "<city> - <agency>" at the start of a sentence: a dateline the detector missed
_AGENCY_HEAD_RE = re.compile(r"^\s*(?P<a>[^\s\-–—:()]+(?:\s+[^\s\-–—:()]+){0,2})\s*(?:[-–—:]|\()")
_CITY_AGENCY_RE = re.compile(
    r"^\s*[^\s\-–—:/()]+(?:\s+[^\s\-–—:/()]+)?\s*[-–—/ـ]\s*\(?(?P<a>[^\s\-–—:()]+(?:\s+[^\s\-–—:()]+){0,2})\)?\s*(?:[-–—:]|$)"
)
_AGENCY_NAMES = {k for k in AGENCIES if len(k) >= 3}


def _articles(name: str) -> list[dict]:
    path = SHARED.joinpath(*FILES[name])
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is evaluation data outside the project)")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def stages():
    from hadath import load_pipeline

    by_name = {s.name: s for s in load_pipeline().stages}
    return [by_name[n] for n in STAGES]


@pytest.fixture(scope="module")
def is_place():
    from hadath.text.stages import CleanStage

    return CleanStage()._is_place


def _problems(rec: dict, stages, is_place) -> list[str]:
    art = Article(id=str(rec.get("id")), text=rec.get("text") or "", date=rec.get("date"), title=rec.get("title"))
    doc = Document(article=art)
    for st in stages:
        doc = st(doc)
    text = doc.text
    out: list[str] = []
    for t in doc.tokens:
        if text[t.start:t.end] != t.text:
            out.append(f"token {t.text!r} does not round-trip at {t.start}")
    dl_norm = ""
    if doc.dateline is not None:
        dl_norm = norm_text(text[doc.dateline.start:doc.dateline.end])
    sents = doc.sentences
    for i, s in enumerate(sents):
        if text[s.start:s.end] != s.text or s.text != s.text.strip():
            out.append(f"sentence {i} is not a trimmed span of the text")
        n = norm_text(s.text)
        if dl_norm and (n == dl_norm or n.startswith(dl_norm + " ")):
            out.append(f"sentence {i} is or starts with the dateline: {s.text[:60]!r}")
        if n in FURNITURE or _FURNITURE_HEAD_RE.match(n) or _CLOCK_RE.match(s.text.strip()):
            out.append(f"sentence {i} is page furniture: {s.text[:60]!r}")
        if n in _AGENCY_NAMES:
            out.append(f"sentence {i} is an agency name on its own: {s.text!r}")
        words = n.split()
        if i < 3 and 0 < len(words) <= 2 and is_place(s.text):
            out.append(f"sentence {i} is a city left over from a dateline: {s.text!r}")
        if (len(words) <= 16 and words and is_place(s.text.split()[0]) and words[-1] in _AGENCY_NAMES
                and not re.search(r"[.!؟?]$", s.text)):
            out.append(f"sentence {i} is a city ... agency dateline: {s.text[:60]!r}")
        for rx in (_AGENCY_HEAD_RE, _CITY_AGENCY_RE):
            m = rx.match(s.text)
            if m and norm_text(m.group("a")) in _AGENCY_NAMES:
                out.append(f"sentence {i} starts with a dateline: {s.text[:60]!r}")
                break
    if sents and norm_text(sents[-1].text).startswith("سمات "):
        out.append(f"the last sentence is a tag list: {sents[-1].text[:60]!r}")
    return out


@pytest.mark.parametrize("name", sorted(FILES))
def test_text_stages_on_shared_articles(name, stages, is_place):
    articles = _articles(name)
    assert articles
    problems = []
    for rec in articles:
        try:
            found = _problems(rec, stages, is_place)
        except Exception as e:  # noqa: BLE001 - a crash is a finding, reported with the article id
            found = [f"crashed: {type(e).__name__}: {e}"]
        problems.extend(f"{rec.get('id')}: {p}" for p in found)
    assert not problems, "\n".join(problems[:40])


def test_shared_datelines_are_found():
    """The corpus has agency datelines at the top of some articles: each is found, with its city."""
    from hadath import load_pipeline

    nlp = {s.name: s for s in load_pipeline().stages}
    found = 0
    for name in sorted(FILES):
        for rec in _articles(name):
            head = (rec.get("text") or "").lstrip()[:40]
            if not re.match(r"(?:عين اليوم|سبق)\s*[-–—]", head):
                continue
            doc = nlp["clean"](Document(article=Article(id=str(rec["id"]), text=rec["text"], date=rec.get("date"))))
            assert doc.dateline is not None, rec["id"]
            assert doc.dateline.agency in ("Ain Alyoum", "Sabq"), (rec["id"], doc.dateline)
            if head.startswith("عين اليوم"):
                assert doc.dateline.city, (rec["id"], doc.dateline)
            found += 1
    assert found > 0
