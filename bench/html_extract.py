"""Main-text extraction quality on Arabic news pages written by the project (tests/scale/data/pages).

    python bench/html_extract.py
For each extractor that is installed (trafilatura, readability-lxml, and the stdlib whole-page
baseline), word-level precision/recall/F1 of the extracted text against the page's gold article text,
plus whether the title and publication date were found. Writes bench/results/html-extract.json.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PAGES = ROOT / "tests" / "scale" / "data" / "pages"


def words(text: str) -> Counter[str]:
    """Bag of normalised words."""
    from hadath.text.normalize import norm_word

    return Counter(norm_word(w.strip(".,،:؛!?()\"'-")) for w in text.split() if w.strip(".,،:؛!?()\"'-"))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Word-level precision, recall, F1 (bags with counts)."""
    p, g = words(pred), words(gold)
    common = sum((p & g).values())
    prec = common / max(1, sum(p.values()))
    rec = common / max(1, sum(g.values()))
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def extractors() -> dict[str, Callable[[bytes], tuple[str, str | None, str | None]]]:
    """name -> (html bytes -> (text, title, date)) for the installed extractors."""
    from hadath.io.readers import html_fragment_text

    out: dict[str, Callable[[bytes], tuple[str, str | None, str | None]]] = {
        "stdlib-whole-page": lambda b: (html_fragment_text(b.decode("utf-8")), None, None)}
    try:
        import trafilatura

        def traf(b: bytes) -> tuple[str, str | None, str | None]:
            d = trafilatura.bare_extraction(b.decode("utf-8"), with_metadata=True, include_comments=False,
                                            include_tables=False)
            if d is None:
                return "", None, None
            d = d if isinstance(d, dict) else d.as_dict()
            return d.get("text") or "", d.get("title"), d.get("date")

        out["trafilatura"] = traf

        def traf_prec(b: bytes) -> tuple[str, str | None, str | None]:
            d = trafilatura.bare_extraction(b.decode("utf-8"), with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=True)
            if d is None:
                return "", None, None
            d = d if isinstance(d, dict) else d.as_dict()
            return d.get("text") or "", d.get("title"), d.get("date")

        out["trafilatura-precision"] = traf_prec
    except ImportError:
        pass
    try:
        from readability import Document

        def rdb(b: bytes) -> tuple[str, str | None, str | None]:
            doc = Document(b.decode("utf-8"))
            return html_fragment_text(doc.summary(html_partial=True)), doc.short_title(), None

        out["readability-lxml"] = rdb
    except ImportError:
        pass
    try:
        from hadath.scale.html import extract_article

        def ours(b: bytes) -> tuple[str, str | None, str | None]:
            page = extract_article(b)
            return (page.text, page.title, page.date) if page else ("", None, None)

        out["hadath.scale.html"] = ours
    except ImportError:
        pass
    return out


def main() -> None:
    pages = sorted(PAGES.glob("*.html"))
    results: dict[str, dict[str, object]] = {}
    for name, fn in extractors().items():
        rows = []
        t0 = time.perf_counter()
        for p in pages:
            html = p.read_bytes()
            gold = p.with_suffix(".txt").read_text(encoding="utf-8")
            text, title, date = fn(html)
            pr, rc, f1 = prf(text, gold)
            rows.append({"page": p.name, "precision": round(pr, 3), "recall": round(rc, 3), "f1": round(f1, 3),
                         "title": bool(title), "date": date})
        ms = (time.perf_counter() - t0) * 1000 / max(1, len(pages))
        mean = {k: round(sum(r[k] for r in rows) / len(rows), 3) for k in ("precision", "recall", "f1")}  # type: ignore[misc]
        results[name] = {"mean": mean, "ms_per_page": round(ms, 1), "pages": rows}
        print(f"{name:<24} P {mean['precision']:.3f}  R {mean['recall']:.3f}  F1 {mean['f1']:.3f}  "
              f"{ms:6.1f} ms/page  dates: {[r['date'] for r in rows]}")
    sys.path.insert(0, str(ROOT / "bench"))
    from _shared import write_result

    print(f"wrote {write_result('html-extract', results)}")


if __name__ == "__main__":
    main()
