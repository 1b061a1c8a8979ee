"""Test articles: the bundled example (written by the project) repeated with variations."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLE

CITIES = ["طرابلس", "مصراتة", "بنغازي", "سرت"]
DAYS = ["اليوم الإثنين", "اليوم الثلاثاء", "أمس الأحد", "اليوم الأربعاء"]
DATES = ["2021-05-03", "2021-06-14", "2020-11-02", "2022-01-10"]


def variant(i: int) -> dict[str, str]:
    """Article ``i``: the example with its city, day, paragraphs and date varied."""
    text = EXAMPLE.read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if p.strip()]
    if i % 3 == 1:
        paras = paras[:4] + paras[5:]  # drop the aid paragraph
    elif i % 3 == 2:
        paras = paras + paras[3:4]  # repeat the meeting
    body = "\n\n".join(paras).replace("اليوم الإثنين", DAYS[i % 4])
    if i % 4:
        body = body.replace("مقر المجلس بطرابلس", f"مقر المجلس في {CITIES[i % 4]}")
    return {"id": f"v{i:04d}", "date": DATES[i % 4], "title": paras[0], "outlet": "tests", "text": body}


def write_jsonl(path: Path, n: int, start: int = 0) -> Path:
    """Write ``n`` variant articles as JSON Lines."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + n):
            f.write(json.dumps(variant(i), ensure_ascii=False) + "\n")
    return path


def serialised(results) -> list[str]:
    """Coding results as comparable strings: problems as text, documents as sorted-key JSON."""
    from hadath.io.readers import Problem

    out = []
    for r in results:
        if isinstance(r, Problem):
            out.append(str(r))
        else:
            assert r.error is None, r.error
            out.append(json.dumps(r.doc.to_dict(), ensure_ascii=False, sort_keys=True))
    return out
