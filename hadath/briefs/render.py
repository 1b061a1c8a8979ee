"""Render a brief: Markdown, self-contained HTML (charts as base64 PNG, works offline) and PDF (weasyprint).

A brief lists the period's event clusters ranked by number of sources and Goldstein magnitude, grouped
by country and then by quad class; each item has its English summary, the outlets that reported it
and the Arabic evidence sentence. Two matplotlib charts go with it: a map (a point plot of the places,
on a grid of country centroids; no map tiles, so it works offline) and a timeline.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from hadath.briefs.clusters import QUAD_NAMES, BriefError, ClusterRecord

QUAD_COLOURS = {1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#de2d26", None: "#888888"}
UNKNOWN_COUNTRY = "—"


@dataclass
class Brief:
    """A brief: the period, the ranked clusters, the charts (PNG bytes) and country names."""

    since: str
    until: str
    clusters: list[ClusterRecord]
    country: str | None = None
    country_names: dict[str, str] = field(default_factory=dict)
    charts: dict[str, bytes] = field(default_factory=dict)
    per_group: int = 10
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        """"Event brief — 11 January 2017" or a period."""
        period = _fmt_day(self.since) if self.since == self.until else f"{_fmt_day(self.since)} – {_fmt_day(self.until)}"
        where = f" — {self.country_name(self.country)}" if self.country else ""
        return f"Event brief{where} — {period}"

    def country_name(self, iso3: str | None) -> str:
        """English name of a country code (the code itself when unknown)."""
        if not iso3:
            return "Unknown country"
        return self.country_names.get(iso3, iso3)

    def groups(self) -> list[tuple[str, list[tuple[int | None, list[ClusterRecord]]]]]:
        """Countries (most sources first), each with its quad classes (1..4) and ranked clusters."""
        by_country: dict[str, list[ClusterRecord]] = defaultdict(list)
        for c in self.clusters:
            by_country[c.country or UNKNOWN_COUNTRY].append(c)

        def weight(item: tuple[str, list[ClusterRecord]]) -> tuple[int, float, str]:
            cs = item[1]
            return (-sum(c.num_sources for c in cs), -max(c.magnitude for c in cs), item[0])

        out = []
        for iso, cs in sorted(by_country.items(), key=weight):
            quads: dict[int | None, list[ClusterRecord]] = defaultdict(list)
            for c in sorted(cs, key=ClusterRecord.sort_key):
                quads[c.quad_class].append(c)
            out.append((iso, sorted(quads.items(), key=lambda q: (q[0] is None, q[0] or 0))))
        return out


def _fmt_day(d: str) -> str:
    try:
        x = date.fromisoformat(d)
    except ValueError:
        return d
    return f"{x.day} {x.strftime('%B')} {x.year}"


# --------------------------------------------------------------------------------------------- charts

def _mpl() -> Any:
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def make_charts(brief: Brief, centroids: dict[str, tuple[float, float]]) -> None:
    """Draw the map and the timeline into ``brief.charts`` (PNG bytes); a note when matplotlib is missing."""
    plt = _mpl()
    if plt is None:
        brief.notes.append("charts left out: matplotlib is not installed (pip install 'hadath[briefs]')")
        return
    brief.charts["map"] = _map_png(plt, brief, centroids)
    brief.charts["timeline"] = _timeline_png(plt, brief)


def _png(plt: Any, fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _map_png(plt: Any, brief: Brief, centroids: dict[str, tuple[float, float]]) -> bytes:
    pts: list[tuple[float, float, ClusterRecord]] = []
    for c in brief.clusters:
        if c.lat is not None and c.lon is not None:
            pts.append((c.lon, c.lat, c))
        elif c.country and c.country in centroids:
            lat, lon = centroids[c.country]
            pts.append((lon, lat, c))
    fig, ax = plt.subplots(figsize=(7.2, 4.6))
    if pts:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, x1 = min(xs) - 6, max(xs) + 6
        y0, y1 = min(ys) - 4, max(ys) + 4
    else:
        x0, x1, y0, y1 = -20.0, 65.0, 5.0, 45.0
    # context: every country centroid in view (grey), the brief's countries labelled by ISO code
    present = {c.country for c in brief.clusters if c.country}
    view = [(iso, lat, lon) for iso, (lat, lon) in centroids.items() if x0 <= lon <= x1 and y0 <= lat <= y1]
    if view:
        ax.plot([v[2] for v in view], [v[1] for v in view], "s", ms=3, color="#cccccc", zorder=1)
    for iso, lat, lon in view:
        if iso in present:
            ax.annotate(iso, (lon, lat), fontsize=6, color="#888888", xytext=(2, 2), textcoords="offset points")
    by_quad: dict[int | None, list[tuple[float, float, ClusterRecord]]] = defaultdict(list)
    for p in pts:
        by_quad[p[2].quad_class].append(p)
    for q in sorted(by_quad, key=lambda x: (x is None, x or 0)):
        ps = by_quad[q]
        ax.scatter([p[0] for p in ps], [p[1] for p in ps], s=[30 + 40 * min(p[2].num_sources, 10) for p in ps],
                   color=QUAD_COLOURS.get(q, "#888888"), alpha=0.7, edgecolors="black", linewidths=0.4, zorder=3,
                   label=QUAD_NAMES.get(q or 0, "Unknown"))
    labelled: set[str] = set()
    for lon, lat, c in sorted(pts, key=lambda p: p[2].sort_key()):
        name = c.place_en or brief.country_name(c.country)
        if name and name not in labelled and len(labelled) < 20:  # the 20 most reported places
            labelled.add(name)
            ax.annotate(name, (lon, lat), fontsize=7, xytext=(4, -8), textcoords="offset points", zorder=4)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.grid(True, color="#eeeeee")
    ax.set_title("Where: event clusters by place (size = number of sources)", fontsize=9)
    if by_quad:
        ax.legend(fontsize=7, loc="upper right")
    return _png(plt, fig)


def _timeline_png(plt: Any, brief: Brief) -> bytes:
    counts: dict[str, Counter[int | None]] = defaultdict(Counter)
    for c in brief.clusters:
        if c.date:
            counts[c.date[:10]][c.quad_class] += 1
    days = sorted(counts)
    fig, ax = plt.subplots(figsize=(7.2, 2.6))
    bottom = [0] * len(days)
    for q in (1, 2, 3, 4, None):
        vals = [counts[d][q] for d in days]
        if any(vals):
            ax.bar(range(len(days)), vals, bottom=bottom, color=QUAD_COLOURS[q], label=QUAD_NAMES.get(q or 0, "Unknown"))
            bottom = [b + v for b, v in zip(bottom, vals, strict=True)]
    ax.set_xticks(range(len(days)))
    step = max(1, len(days) // 12)
    ax.set_xticklabels([d if i % step == 0 else "" for i, d in enumerate(days)], rotation=30, ha="right", fontsize=7)
    ax.set_ylabel("clusters")
    ax.set_title("When: event clusters per day by quad class", fontsize=9)
    if days:
        ax.legend(fontsize=7, ncols=2)
    ax.grid(True, axis="y", color="#eeeeee")
    return _png(plt, fig)


# ------------------------------------------------------------------------------------------- markdown

def _outlets(c: ClusterRecord) -> str:
    if c.outlets:
        return ", ".join(c.outlets)
    return f"{c.num_articles} article(s), outlet unknown"


def _meta(c: ClusterRecord) -> str:
    parts = [f"CAMEO {c.cameo} {c.cameo_name or ''}".strip(), f"Goldstein {c.goldstein:+.1f}" if c.goldstein is not None
             else "Goldstein n/a", f"{c.num_sources} source(s)", f"{c.num_mentions} mention(s)"]
    if c.date:
        parts.append(c.date if not c.date_last or c.date_last == c.date else f"{c.date}..{c.date_last}")
    return " · ".join(parts)


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (charts embedded as data-URI PNG images)."""
    out = [f"# {brief.title}", "",
           f"{len(brief.clusters)} event cluster(s), ranked by number of sources and Goldstein magnitude; "
           f"generated {brief.generated} by hadath.", ""]
    for n in brief.notes:
        out += [f"> {n}", ""]
    for key, alt in (("map", "Map of event clusters"), ("timeline", "Timeline of event clusters")):
        if key in brief.charts:
            out += [f"![{alt}](data:image/png;base64,{base64.b64encode(brief.charts[key]).decode()})", ""]
    if not brief.clusters:
        out += ["No events in this period.", ""]
    for iso, quads in brief.groups():
        out += [f"## {brief.country_name(iso if iso != UNKNOWN_COUNTRY else None)}", ""]
        for q, cs in quads:
            out += [f"### {QUAD_NAMES.get(q or 0, 'Unclassified')}", ""]
            for i, c in enumerate(cs[: brief.per_group], 1):
                out += [f"{i}. **{c.summary_en}**", f"   - {_meta(c)}", f"   - Reported by: {_outlets(c)}",
                        f"   - Arabic summary: {c.summary_ar}", f"   - Evidence: «{c.evidence.strip()}»", ""]
            if len(cs) > brief.per_group:
                out += [f"   … and {len(cs) - brief.per_group} more.", ""]
    return "\n".join(out).rstrip() + "\n"


# ----------------------------------------------------------------------------------------------- HTML

CSS = """
body{font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;
color:#222;line-height:1.45}
h1{font-size:1.5em;border-bottom:2px solid #444}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #bbb}
h3{font-size:1.05em;margin:1em 0 .4em}
.quad1{color:#2b8cbe}.quad2{color:#31a354}.quad3{color:#d16b0c}.quad4{color:#de2d26}
.item{margin:.5em 0 1em 0;padding:.4em .8em;border-left:4px solid #ccc;background:#fafafa;page-break-inside:avoid}
.item.q1{border-color:#2b8cbe}.item.q2{border-color:#31a354}.item.q3{border-color:#fd8d3c}.item.q4{border-color:#de2d26}
.en{font-weight:bold;margin:0 0 .2em 0}.meta{font-size:.85em;color:#555;margin:.1em 0}
.ar{font-family:"Noto Naskh Arabic","Amiri","Noto Sans Arabic","DejaVu Sans",serif;font-size:1.1em;text-align:right;
margin:.3em 0;unicode-bidi:isolate}
.ar.evidence{color:#333;border-right:3px solid #ddd;padding-right:.6em}
.charts img{max-width:100%;display:block;margin:.5em auto}.note{color:#a00}
footer{margin-top:2em;font-size:.8em;color:#777}
"""


def _e(s: str | None) -> str:
    return html.escape(s or "", quote=True)


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML file (inline CSS, base64 charts, no external resources)."""
    h = ["<!DOCTYPE html>", '<html lang="en" dir="ltr">', "<head>", '<meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{_e(brief.title)}</title>",
         f"<style>{CSS}</style>", "</head>", "<body>", f"<h1>{_e(brief.title)}</h1>",
         f"<p>{len(brief.clusters)} event cluster(s), ranked by number of sources and Goldstein magnitude.</p>"]
    for n in brief.notes:
        h.append(f'<p class="note">{_e(n)}</p>')
    if brief.charts:
        h.append('<div class="charts">')
        for key, alt in (("map", "Map of event clusters"), ("timeline", "Timeline of event clusters")):
            if key in brief.charts:
                b64 = base64.b64encode(brief.charts[key]).decode()
                h.append(f'<img alt="{alt}" src="data:image/png;base64,{b64}">')
        h.append("</div>")
    if not brief.clusters:
        h.append("<p>No events in this period.</p>")
    for iso, quads in brief.groups():
        h.append(f"<section><h2>{_e(brief.country_name(iso if iso != UNKNOWN_COUNTRY else None))}</h2>")
        for q, cs in quads:
            h.append(f'<h3 class="quad{q or 0}">{_e(QUAD_NAMES.get(q or 0, "Unclassified"))}</h3>')
            for c in cs[: brief.per_group]:
                h.append(f'<div class="item q{q or 0}">')
                h.append(f'<p class="en">{_e(c.summary_en)}</p>')
                h.append(f'<p class="meta">{_e(_meta(c))}</p>')
                h.append(f'<p class="meta">Reported by: {_e(_outlets(c))}</p>')
                h.append(f'<p class="ar" dir="rtl" lang="ar">{_e(c.summary_ar)}</p>')
                h.append(f'<p class="ar evidence" dir="rtl" lang="ar">«{_e(c.evidence.strip())}»</p>')
                h.append("</div>")
            if len(cs) > brief.per_group:
                h.append(f'<p class="meta">… and {len(cs) - brief.per_group} more.</p>')
        h.append("</section>")
    h += [f"<footer>Generated {_e(brief.generated)} by hadath from coded Arabic news; summaries are built from "
          "the coded fields (no machine translation).</footer>", "</body>", "</html>"]
    return "\n".join(h) + "\n"


# ------------------------------------------------------------------------------------------------ PDF

def render_pdf(brief: Brief) -> bytes:
    """The HTML brief printed to PDF with weasyprint; :class:`BriefError` when weasyprint is unavailable."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:
        raise BriefError(f"--format pdf needs weasyprint (pip install weasyprint) and its system libraries: {e}") from None
    return bytes(HTML(string=render_html(brief)).write_pdf())


def write_output(data: str | bytes, path: Path | None, stdout: Any) -> None:
    """Write atomically to ``path``, or to ``stdout`` (text only)."""
    from hadath.io.readers import atomic_write_text

    if path is None:
        if isinstance(data, bytes):
            raise BriefError("--format pdf needs -o FILE")
        stdout.write(data)
        return
    if isinstance(data, str):
        atomic_write_text(path, data)
        return
    import os
    import tempfile

    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as e:
        raise BriefError(f"{path}: cannot write ({e.strerror})") from None
