"""Main text of a news web page (for WARC input), offline.

trafilatura (``favor_precision=True``) is used when installed: on the project's Arabic test pages
(``bench/html_extract.py``) it had the best word-level F1 (0.970, against 0.951 for readability-lxml and
0.637 for the whole page's text) and it also finds the publication date. readability-lxml is the
fallback when only it is installed. Neither touches the network when given the HTML.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """What was extracted from one page."""

    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD publication date found in the page's metadata
    sitename: str | None = None


def available_extractor() -> str | None:
    """The name of the extractor that :func:`extract_article` will use, or None when none is installed."""
    try:
        import trafilatura  # noqa: F401

        return "trafilatura"
    except ImportError:
        pass
    try:
        import readability  # noqa: F401

        return "readability-lxml"
    except ImportError:
        return None


def extract_article(html: bytes | str, url: str | None = None) -> Page | None:
    """The article of an HTML page (text, title, date, site name), or None when no main text is found.

    Raises ImportError when neither trafilatura nor readability-lxml is installed.
    """
    name = available_extractor()
    if name == "trafilatura":
        return _trafilatura(html, url)
    if name == "readability-lxml":
        return _readability(html)
    raise ImportError("HTML extraction needs trafilatura (pip install 'hadath[warc]')")


def _trafilatura(html: bytes | str, url: str | None) -> Page | None:
    import trafilatura

    try:
        d = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, favor_precision=True)
    except (ValueError, TypeError):  # undecodable or empty documents
        return None
    if d is None:
        return None
    rec = d if isinstance(d, dict) else d.as_dict()
    text = (rec.get("text") or "").strip()
    if not text:
        return None
    date = rec.get("date")
    return Page(text=text, title=rec.get("title") or None,
                date=date[:10] if isinstance(date, str) and len(date) >= 10 else None,
                sitename=rec.get("sitename") or None)


def _readability(html: bytes | str) -> Page | None:
    from readability import Document

    from hadath.io.readers import html_fragment_text

    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    try:
        doc = Document(html)
        text = html_fragment_text(doc.summary(html_partial=True)).strip()
        title = doc.short_title() or None
    except (ValueError, TypeError):
        return None
    return Page(text=text, title=title) if text else None
