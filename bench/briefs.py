"""Summaries and briefs on ../shared/eval/events-dev: summary speed, template coverage, brief build times.

    python bench/briefs.py
Writes bench/results/briefs.json. Runs in well under a minute on 2 cores.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import need_shared, write_result  # noqa: E402

from hadath.model import Article  # noqa: E402
from hadath.pipeline import Pipeline, load_config  # noqa: E402


def main() -> None:
    dev = need_shared("eval", "events-dev") / "articles.jsonl"
    cfg = load_config(None)
    stages = [s for s in cfg["pipeline"]["stages"] if s != "summaries"]
    nlp = Pipeline.from_config({**cfg, "pipeline": {**cfg["pipeline"], "stages": stages}})
    docs = []
    for line in dev.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            docs.append(nlp(Article(id=str(r["id"]), text=r["text"], date=r.get("date"), outlet=r.get("outlet"))))
    from hadath.briefs.stage import SummaryStage

    stage = SummaryStage()
    stage(docs[0])  # load the dictionaries and templates once
    events = [e for d in docs for e in d.events]
    t0 = time.perf_counter()
    for d in docs:
        stage(d)
    t_sum = time.perf_counter() - t0
    failed = sum(1 for d in docs for w in d.warnings if w.startswith("summaries:"))
    coded = [d.to_dict() for d in docs]
    tmp = Path(__file__).resolve().parent / "results" / ".briefs-coded.jsonl"
    tmp.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in coded), encoding="utf-8")
    from hadath.briefs.cli import BriefFormat, build

    dates = sorted((e.date or d.article.date or "")[:10] for d in docs for e in d.events if (e.date or d.article.date))
    since, until = dates[0], dates[-1]
    times = {}
    sizes = {}
    for fmt in (BriefFormat.md, BriefFormat.html):
        t0 = time.perf_counter()
        out = build(tmp, None, since, until, None, fmt)
        times[fmt.value] = round(time.perf_counter() - t0, 2)
        sizes[fmt.value] = len(out.encode("utf-8") if isinstance(out, str) else out)
    tmp.unlink()
    res = {
        "articles": len(docs), "events": len(events), "summaries_failed": failed,
        "summary_ms_per_event": round(1000 * t_sum / max(1, len(events)), 3),
        "period": [since, until], "brief_seconds": times, "brief_bytes": sizes,
    }
    print(f"events-dev: {len(docs)} articles, {len(events)} events; summaries failed: {failed}")
    print(f"  summaries: {res['summary_ms_per_event']} ms/event")
    print(f"  brief {since}..{until}: md {times['md']} s ({sizes['md']} bytes), html {times['html']} s "
          f"({sizes['html']} bytes)")
    write_result("briefs", res)


if __name__ == "__main__":
    main()
