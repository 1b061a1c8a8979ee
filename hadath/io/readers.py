"""Reading articles from .txt, .jsonl, directories and stdin, reporting bad input without stopping.

Readers yield :class:`~hadath.model.Article` objects and :class:`Problem` records; a problem names the
input (file, or file:line) and says what is wrong in one line. Good records are always yielded.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from hadath.errors import InputError
from hadath.model import Article
from hadath.text.dates import parse_iso
from hadath.text.normalize import arabic_share_below

MAX_ARTICLE_BYTES = 2_000_000  # one article larger than this is not a news article
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
GZ_JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".tsv")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
#: the readers ``--reader`` can name; ``auto`` is the default choice by extension
READERS = ("txt", "jsonl", "csv", "feed", "warc")
_SUFFIX_READERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (GZ_JSONL_SUFFIXES, "jsonl"), (WARC_SUFFIXES, "warc"), (JSONL_SUFFIXES, "jsonl"), (CSV_SUFFIXES, "csv"),
    (FEED_SUFFIXES, "feed"), (TEXT_SUFFIXES, "txt"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """A bad input: where (``file`` or ``file:line``) and what."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


Item = Article | Problem


def check_article(a: Article, where: str, min_arabic: float = 0.3) -> Problem | None:
    """Why ``a`` cannot be coded, or None (``min_arabic``: least share of Arabic letters)."""
    if not a.text or not a.text.strip():
        return Problem(where, "empty text")
    if len(a.text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        return Problem(where, f"text is {len(a.text.encode('utf-8')) / 1e6:.1f} MB, over the "
                              f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for one article")
    if "\x00" in a.text[:10000]:
        return Problem(where, "binary content (NUL bytes), not text")
    if min_arabic > 0 and arabic_share_below(a.text[:20000], min_arabic):
        return Problem(where, "no Arabic text (less than 30% of letters are Arabic)")
    if a.date is not None and parse_iso(a.date) is None:
        return Problem(where, f"date {a.date!r} is not YYYY-MM-DD")
    return None


def _decode(data: bytes, where: str) -> str | Problem:
    if b"\x00" in data[:8192]:
        return Problem(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Problem(where, f"not UTF-8 (invalid byte 0x{data[e.start]:02x} at offset {e.start}); "
                              "convert it with iconv -f cp1256 -t utf-8")


def read_text_file(path: Path, date: str | None = None, article_id: str | None = None) -> Iterator[Item]:
    """One article from a plain-text file."""
    where = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield Problem(where, "empty file")
            return
        if size > MAX_ARTICLE_BYTES:
            yield Problem(where, f"file is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit "
                                 "for one article (use .jsonl for many articles)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield Problem(where, f"cannot read ({e.strerror})")
        return
    text = _decode(data, where)
    if isinstance(text, Problem):
        yield text
        return
    yield from _text_article(text, where, date, article_id or path.stem)


def _text_article(text: str, where: str, date: str | None, article_id: str) -> Iterator[Item]:
    a = Article(id=article_id, text=text, date=date)
    prob = check_article(a, where)
    yield prob if prob else a


def record_to_article(obj: object, where: str, default_id: str) -> Item:
    """An article from one JSON record of the input format of spec/OUTPUT.md, or a problem."""
    if not isinstance(obj, dict):
        return Problem(where, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return Problem(where, 'record has no "text" field')
    if not isinstance(text, str):
        return Problem(where, f'"text" is {type(text).__name__}, not a string')

    def opt(k: str) -> str | None:
        v = obj.get(k)
        return None if v is None else str(v)

    a = Article(id=str(obj.get("id", default_id)), text=text, date=opt("date"), title=opt("title"),
                outlet=opt("outlet"), url=opt("url"))
    return check_article(a, where) or a


def read_jsonl_stream(fh: IO[bytes], name: str) -> Iterator[Item]:
    """Articles from a JSON Lines byte stream, one problem per bad line."""
    stem = Path(name).stem  # (the default ids: once, not per line)
    for n, raw in enumerate(fh, 1):
        where = f"{name}:{n}"
        if not raw.strip():
            continue
        if len(raw) > MAX_ARTICLE_BYTES * 2:
            yield Problem(where, f"line is {len(raw) / 1e6:.1f} MB, over the limit")
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            yield Problem(where, f"not UTF-8 (invalid byte at column {e.start})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(where, f"not JSON ({e.msg} at column {e.colno})")
            continue
        yield record_to_article(obj, where, f"{stem}-{n}")


def read_jsonl_file(path: Path) -> Iterator[Item]:
    """Articles from a .jsonl file (streamed: memory stays flat)."""
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed by the with block below; open errors are a Problem)
    except OSError as e:
        yield Problem(str(path), f"cannot read ({e.strerror})")
        return
    with fh:
        head = fh.read(8192)
        if not head.strip():
            yield Problem(str(path), "empty file")
            return
        if b"\x00" in head:
            yield Problem(str(path), "binary file (NUL bytes), not JSON Lines")
            return
        fh.seek(0)
        if path.suffix == ".json" and head.lstrip().startswith(b"["):
            try:
                data = json.load(fh)
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield Problem(str(path), f"not JSON ({e})")
                return
            for i, obj in enumerate(data if isinstance(data, list) else [data], 1):
                yield record_to_article(obj, f"{path}[{i}]", f"{path.stem}-{i}")
            return
        yield from read_jsonl_stream(fh, str(path))


def read_stdin(fh: IO[bytes], date: str | None = None) -> Iterator[Item]:
    """Stdin: JSON Lines when the first character is ``{``, else one plain-text article."""
    data = fh.read(8192)
    if not data.strip():
        yield Problem("<stdin>", "empty input")
        return
    if data.lstrip().startswith(b"{"):
        import io

        rest = fh.read()
        yield from read_jsonl_stream(io.BytesIO(data + rest), "<stdin>")
        return
    rest = fh.read(MAX_ARTICLE_BYTES + 1)
    text = _decode(data + rest, "<stdin>")
    if isinstance(text, Problem):
        yield text
        return
    yield from _text_article(text, "<stdin>", date, "stdin")


def read_inputs(paths: list[str], date: str | None = None, stdin: IO[bytes] | None = None,
                min_arabic: float = 0.3, reader: str | None = None, text_column: str = "text") -> Iterator[Item]:
    """Articles and problems from paths (files, directories, ``-`` for stdin), in order, streamed.

    ``min_arabic`` is the least share of Arabic letters an article needs (0 accepts any text).
    ``reader`` forces one reader (see :data:`READERS`) for every file instead of choosing by extension;
    ``text_column`` is the CSV column holding the article text.
    """
    if reader is not None and reader not in READERS:
        raise InputError(f"unknown reader {reader!r} (known: {', '.join(READERS)})")
    for item in _read_inputs(paths, date, stdin, reader, text_column):
        if isinstance(item, Problem) and min_arabic < 0.3 and item.message.startswith("no Arabic text"):
            continue
        yield item


def _read_inputs(paths: list[str], date: str | None, stdin: IO[bytes] | None, reader: str | None = None,
                 text_column: str = "text") -> Iterator[Item]:
    for p in paths:
        if p == "-":
            if stdin is None:
                yield Problem("<stdin>", "no standard input")
                continue
            yield from read_stdin(stdin, date)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
                           and (reader is not None or reader_for(f) is not None))
            if not files:
                yield Problem(p, "directory has no .txt, .jsonl(.gz), .csv, feed or WARC files")
            for f in files:
                yield from _read_file(f, date, reader, text_column)
        elif path.exists():
            yield from _read_file(path, date, reader, text_column)
        else:
            yield Problem(p, "no such file or directory")


def reader_for(path: Path) -> str | None:
    """The reader chosen for a file by its extension (see :data:`READERS`), or None for unknown ones."""
    name = path.name.lower()
    for suffixes, reader in _SUFFIX_READERS:
        if name.endswith(suffixes):
            return reader
    return None


def _read_file(path: Path, date: str | None, reader: str | None = None, text_column: str = "text") -> Iterator[Item]:
    kind = reader or reader_for(path) or "txt"
    if kind == "jsonl":
        if path.name.lower().endswith(".gz"):
            yield from read_jsonl_gz_file(path)
        else:
            yield from read_jsonl_file(path)
    elif kind == "csv":
        yield from read_csv_file(path, text_column=text_column)
    elif kind == "feed":
        yield from read_feed_file(path)
    elif kind == "warc":
        yield from read_warc_file(path)
    else:
        yield from read_text_file(path, date)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write a file so that readers see the old or the new content, never a half-written one."""
    import tempfile

    p = Path(path)
    fd, tmp = tempfile.mkstemp(dir=p.parent if str(p.parent) else ".", prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, p)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- more input formats (hadath.scale)
# The readers below stream: memory holds one record at a time, whatever the size of the file.


def read_jsonl_gz_file(path: Path) -> Iterator[Item]:
    """Articles from a gzip-compressed JSON Lines file (streamed)."""
    import gzip
    import zlib

    try:
        fh = gzip.open(path, "rb")  # noqa: SIM115 - closed below
        head = fh.peek(1) if hasattr(fh, "peek") else b""
    except (OSError, EOFError, zlib.error) as e:
        yield Problem(str(path), f"cannot read as gzip ({e})")
        return
    with fh:
        if not head:
            yield Problem(str(path), "empty file")
            return
        try:
            yield from read_jsonl_stream(fh, str(path))  # type: ignore[arg-type]
        except (OSError, EOFError, zlib.error) as e:
            yield Problem(str(path), f"truncated or corrupt gzip data ({e}); the records before it were read")


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO date/datetime or an RFC 822 date (RSS ``pubDate``); others unchanged."""
    if value is None:
        return None
    v = value.strip()
    if not v:
        return None
    if len(v) >= 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit() and (len(v) == 10 or v[10] in "T :"):
        return v[:10]
    if any(c.isalpha() for c in v[:4]) or "," in v or (len(v) > 10 and v[2] == " "):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(v).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return v
    return v


CSV_META_COLUMNS = ("id", "date", "title", "outlet", "url")


def read_csv_file(path: Path, text_column: str = "text") -> Iterator[Item]:
    """Articles from a CSV (or TSV) file with a header row: the text in ``text_column``, and the
    ``id``, ``date``, ``title``, ``outlet`` and ``url`` columns when present (streamed)."""
    import csv
    import sys

    csv.field_size_limit(min(sys.maxsize, MAX_ARTICLE_BYTES * 2))
    where = str(path)
    try:
        fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as e:
        yield Problem(where, f"cannot read ({e.strerror})")
        return
    with fh:
        try:
            reader = csv.DictReader(fh, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
            columns = reader.fieldnames
        except UnicodeDecodeError as e:
            yield Problem(where, f"not UTF-8 (invalid byte at offset {e.start} of the header)")
            return
        except csv.Error as e:
            yield Problem(where, f"not CSV ({e})")
            return
        if not columns:
            yield Problem(where, "empty file")
            return
        if text_column not in columns:
            yield Problem(where, f"no column {text_column!r} (columns: {', '.join(c for c in columns if c)}); "
                                 "name the text column with --text-column")
            return
        n = 1
        while True:
            n += 1  # the line number of the record's first line (the header is line 1)
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError as e:
                yield Problem(f"{where}:{n}", f"not UTF-8 (invalid byte 0x{e.object[e.start]:02x}); reading stopped")
                return
            except csv.Error as e:
                yield Problem(f"{where}:{n}", f"bad CSV record ({e})")
                continue
            n = max(n, reader.line_num)
            rec: dict[str, object] = {"text": row.get(text_column)}
            for c in CSV_META_COLUMNS:
                v = row.get(c)
                if v:
                    rec[c] = normalise_date(v) if c == "date" else v
            yield record_to_article(rec, f"{where}:{n}", f"{path.stem}-{reader.line_num}")


class _HTMLText:
    """Plain text of an HTML fragment (stdlib ``html.parser``): block elements become line breaks,
    scripts and styles are dropped."""

    BLOCK = frozenset(("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
                       "article", "blockquote", "header", "footer"))
    SKIP = frozenset(("script", "style", "noscript", "template"))

    @classmethod
    def text(cls, fragment: str) -> str:
        from html.parser import HTMLParser

        parts: list[str] = []
        skip = [0]

        class P(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                if tag in cls.SKIP:
                    skip[0] += 1
                elif tag in cls.BLOCK:
                    parts.append("\n")

            def handle_endtag(self, tag: str) -> None:
                if tag in cls.SKIP:
                    skip[0] = max(0, skip[0] - 1)
                elif tag in cls.BLOCK:
                    parts.append("\n")

            def handle_data(self, data: str) -> None:
                if not skip[0]:
                    parts.append(data)

        p = P(convert_charrefs=True)
        p.feed(fragment)
        p.close()
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        return "\n".join(line for line in lines if line)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment such as an RSS ``description`` (no network, stdlib only)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    return _HTMLText.text(fragment)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag


def read_feed_file(path: Path) -> Iterator[Item]:
    """Articles from a saved RSS 2.0, RSS 1.0/RDF or Atom feed (``xml.etree`` iterparse, streamed): one
    per ``item``/``entry``, the text from ``content:encoded``, ``content`` or ``description``/``summary``
    (HTML turned into plain text), the outlet from the channel's or feed's title."""
    import xml.etree.ElementTree as ET

    where = str(path)
    try:
        if path.stat().st_size == 0:
            yield Problem(where, "empty file")
            return
        events = ET.iterparse(str(path), events=("start", "end"))
    except OSError as e:
        yield Problem(where, f"cannot read ({e.strerror})")
        return
    outlet: str | None = None
    depth_item = -1
    depth = 0
    n = 0
    seen_root = False
    try:
        for ev, el in events:
            tag = _local(el.tag)
            if ev == "start":
                if not seen_root:
                    seen_root = True
                    if tag not in ("rss", "feed", "RDF", "channel"):
                        yield Problem(where, f"not an RSS or Atom feed (root element <{tag}>)")
                        return
                if tag in ("item", "entry") and depth_item < 0:
                    depth_item = depth
                depth += 1
                continue
            depth -= 1
            if depth_item < 0 and tag == "title" and outlet is None and (el.text or "").strip():
                outlet = (el.text or "").strip()  # the channel's (feed's) own title comes before its items
            elif tag in ("item", "entry") and depth == depth_item:
                depth_item = -1
                n += 1
                yield _feed_article(el, f"{where}:{tag}[{n}]", f"{path.stem}-{n}", outlet)
                el.clear()
    except ET.ParseError as e:
        yield Problem(where, f"not well-formed XML ({e}); the items before it were read")
    except UnicodeDecodeError as e:
        yield Problem(where, f"bad encoding ({e.reason})")
    if seen_root and n == 0:
        yield Problem(where, "feed has no items")


def _feed_article(el: object, where: str, default_id: str, outlet: str | None) -> Item:
    fields: dict[str, str] = {}
    link: str | None = None
    for child in el:  # type: ignore[attr-defined]
        tag = _local(child.tag)
        if tag == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate" and link is None:
                link = href
            elif (child.text or "").strip() and link is None:
                link = (child.text or "").strip()
            continue
        if tag == "content" and child.get("type") == "xhtml":
            from xml.etree.ElementTree import tostring

            fields.setdefault("content", "".join(tostring(c, encoding="unicode") for c in child))
            continue
        if child.text and tag not in fields:
            fields[tag] = child.text
    body = fields.get("encoded") or fields.get("content") or fields.get("description") or fields.get("summary")
    rec: dict[str, object] = {
        "id": fields.get("guid") or fields.get("id") or link or default_id,
        "text": html_fragment_text(body) if body is not None else None,
        "title": html_fragment_text(fields["title"]) if fields.get("title") else None,
        "date": normalise_date(fields.get("pubDate") or fields.get("published") or fields.get("date")
                               or fields.get("updated")),
        "outlet": outlet,
        "url": link,
    }
    return record_to_article({k: v for k, v in rec.items() if v is not None}, where, default_id)


def read_warc_file(path: Path) -> Iterator[Item]:
    """Articles from a WARC (or ARC) file, plain or gzipped: every HTML ``response`` record, its main text
    extracted with :func:`hadath.scale.html.extract_article` (needs the ``warc`` extra: warcio and
    trafilatura). Streamed record by record."""
    where = str(path)
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield Problem(where, "reading WARC files needs the warc extra: pip install 'hadath[warc]'")
        return
    from hadath.scale.html import extract_article

    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        yield Problem(where, f"cannot read ({e.strerror})")
        return
    n = 0
    with fh:
        try:
            for rec in ArchiveIterator(fh, arc2warc=True):
                if rec.rec_type != "response":
                    continue
                n += 1
                uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
                rid = where + ":" + (uri or str(n))
                ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                status = rec.http_headers.get_statuscode() if rec.http_headers else "200"
                if status and not str(status).startswith("2"):
                    continue
                data = rec.content_stream().read(MAX_ARTICLE_BYTES * 5 + 1)
                if len(data) > MAX_ARTICLE_BYTES * 5:
                    yield Problem(rid, "HTML page over 10 MB, skipped")
                    continue
                page = extract_article(data, url=uri or None)
                if page is None:
                    yield Problem(rid, "no article text found in the page")
                    continue
                crawl_date = normalise_date(rec.rec_headers.get_header("WARC-Date"))
                rec_id = rec.rec_headers.get_header("WARC-Record-ID") or f"{path.stem}-{n}"
                yield record_to_article({"id": uri or rec_id.strip("<>"), "text": page.text, "title": page.title,
                                         "date": page.date or crawl_date, "outlet": page.sitename, "url": uri or None},
                                        rid, f"{path.stem}-{n}")
        except ArchiveLoadFailed as e:
            yield Problem(where, f"not a WARC file ({str(e).splitlines()[0][:200]})")
        except (OSError, EOFError) as e:
            yield Problem(where, f"truncated or corrupt WARC ({e}); the records before it were read")
    if n == 0:
        yield Problem(where, "WARC file has no response records")

