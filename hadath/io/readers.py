"""Reading articles from .txt, .jsonl, directories and stdin, reporting bad input without stopping.

Readers yield :class:`~hadath.model.Article` objects and :class:`Problem` records; a problem names the
input (file, or file:line) and says what is wrong in one line. Good records are always yielded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from hadath.model import Article
from hadath.text.dates import parse_iso
from hadath.text.normalize import arabic_ratio

MAX_ARTICLE_BYTES = 2_000_000  # one article larger than this is not a news article
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


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
    if arabic_ratio(a.text[:20000]) < min_arabic and min_arabic > 0:
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
        yield record_to_article(obj, where, f"{Path(name).stem}-{n}")


def read_jsonl_file(path: Path) -> Iterator[Item]:
    """Articles from a .jsonl file (streamed: memory stays flat)."""
    try:
        fh = open(path, "rb")
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
                min_arabic: float = 0.3) -> Iterator[Item]:
    """Articles and problems from paths (files, directories, ``-`` for stdin), in order.

    ``min_arabic`` is the least share of Arabic letters an article needs (0 accepts any text).
    """
    for item in _read_inputs(paths, date, stdin):
        if isinstance(item, Problem) and min_arabic < 0.3 and item.message.startswith("no Arabic text"):
            continue
        yield item


def _read_inputs(paths: list[str], date: str | None, stdin: IO[bytes] | None) -> Iterator[Item]:
    for p in paths:
        if p == "-":
            if stdin is None:
                yield Problem("<stdin>", "no standard input")
                continue
            yield from read_stdin(stdin, date)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES + JSONL_SUFFIXES)
            if not files:
                yield Problem(p, "directory has no .txt or .jsonl files")
            for f in files:
                yield from _read_file(f, date)
        elif path.exists():
            yield from _read_file(path, date)
        else:
            yield Problem(p, "no such file or directory")


def _read_file(path: Path, date: str | None) -> Iterator[Item]:
    if path.suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
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
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
