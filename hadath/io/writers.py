"""Output formats of ``hadath code``: jsonl (spec/OUTPUT.md), json, table, csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import IO, Any

from hadath.model import Document, Event


class OutputFormat(StrEnum):
    """Output formats."""

    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


CSV_COLUMNS = [
    "article_id", "event_id", "cameo", "cameo_name", "root", "plover", "quad_class", "goldstein",
    "source_name", "source_name_en", "source_code", "source_id", "target_name", "target_name_en", "target_code",
    "target_id", "date", "date_precision", "location_name", "location_name_en", "country", "lat", "lon",
    "negated", "modality", "background", "confidence", "rule", "trigger", "evidence",
]


def event_row(doc: Document, e: Event) -> dict[str, Any]:
    """A flat row for one event (the CSV columns)."""
    s, t, loc = e.source, e.target, e.location
    return {
        "article_id": doc.article.id, "event_id": e.id, "cameo": e.cameo, "cameo_name": e.cameo_name, "root": e.root,
        "plover": e.plover, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "source_name": s.name if s else "", "source_name_en": (s.name_en or "") if s else "",
        "source_code": (s.code or "") if s else "", "source_id": (s.id or "") if s else "",
        "target_name": t.name if t else "", "target_name_en": (t.name_en or "") if t else "",
        "target_code": (t.code or "") if t else "", "target_id": (t.id or "") if t else "",
        "date": e.date or "", "date_precision": e.date_precision or "",
        "location_name": loc.name if loc else "", "location_name_en": (loc.name_en or "") if loc else "",
        "country": (loc.country or "") if loc else "", "lat": loc.lat if loc else "", "lon": loc.lon if loc else "",
        "negated": e.negated, "modality": e.modality or "", "background": e.background,
        "confidence": round(e.confidence, 3), "rule": e.rule, "trigger": e.trigger, "evidence": e.evidence,
    }


# The encoder of render_jsonl, made once: json.dumps(..., ensure_ascii=False) builds a new JSONEncoder for every call.
# Its output is json.dumps's (the same separators, ensure_ascii=False); it skips the check for circular references,
# a dict of the ids of the containers being encoded (a record is a tree of fresh dicts and lists: no cycle):
# -6% of the instructions of rendering a record.
_JSONL_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def render_jsonl(doc: Document) -> str:
    """One document as its JSON Lines record (with the newline): ``json.dumps(doc.to_dict(), ensure_ascii=False)``."""
    return _JSONL_ENCODER.encode(doc.to_dict()) + "\n"


def render_json(doc: Document) -> str:
    """One document as an indented element of the JSON array (without the separator)."""
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2)


def render_csv(doc: Document) -> str:
    """The CSV rows of one document's events (no header)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    for e in doc.events:
        w.writerow(event_row(doc, e))
    return buf.getvalue()


# Per-document renderings, module-level functions so that ``hadath code --workers N`` can send them to the
# worker processes: a worker renders what it coded, and the parent only writes text (the table is rendered
# at the end, from documents).
RENDERERS: dict[str, Callable[[Document], str]] = {
    "jsonl": render_jsonl, "json": render_json, "csv": render_csv,
}


class Writer:
    """Streams documents to ``out`` in one format; call :meth:`close` at the end."""

    def __init__(self, out: IO[str], fmt: OutputFormat) -> None:
        self.out = out
        self.fmt = fmt
        self._n = 0
        self._rows: list[tuple[Document, Event]] = []
        if fmt == OutputFormat.csv:
            csv.DictWriter(out, fieldnames=CSV_COLUMNS).writeheader()  # (the rows: render_csv)
        elif fmt == OutputFormat.json:
            out.write("[")

    @property
    def render(self) -> Callable[[Document], str] | None:
        """The per-document rendering of this format (for :meth:`write_rendered`), None for the table."""
        return RENDERERS.get(self.fmt.value)

    def write(self, doc: Document) -> None:
        """Write one document."""
        render = self.render
        if render is not None:
            self.write_rendered(render(doc))
            return
        self._rows.extend((doc, e) for e in doc.events)
        self._n += 1

    def write_rendered(self, text: str) -> None:
        """Write one document already rendered by :attr:`render`."""
        if self.fmt == OutputFormat.json:
            self.out.write(("," if self._n else "") + "\n" + text)
        else:
            self.out.write(text)
        self._n += 1

    def close(self) -> None:
        """Finish the output (closing bracket, table rendering)."""
        if self.fmt == OutputFormat.json:
            self.out.write("\n]\n")
        elif self.fmt == OutputFormat.table:
            render_table(self._rows, self.out)
        self.out.flush()


def render_table(rows: Iterable[tuple[Document, Event]], out: IO[str]) -> None:
    """A readable table of events (rich)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col in ("article", "cameo", "event", "source", "target", "date", "place", "conf"):
        table.add_column(col, overflow="fold")
    n = 0
    for doc, e in rows:
        n += 1
        table.add_row(
            doc.article.id, e.cameo, e.cameo_name or "",
            _actor(e.source), _actor(e.target), e.date or "",
            (e.location.name_en or e.location.name) if e.location else "", f"{e.confidence:.2f}",
        )
    console = Console(file=out, width=160, force_terminal=False, color_system=None)
    console.print(table)
    console.print(f"{n} events")


def _actor(a: Any) -> str:
    if a is None:
        return "-"
    name = a.name_en or a.name
    return f"{name} [{a.code}]" if a.code else name
