"""``hadath explain``: a readable account of how the coder reads a sentence."""

from __future__ import annotations

from hadath.coding.coder import EventCoder
from hadath.kb.kb import get_kb
from hadath.model import Article, MentionKind
from hadath.pipeline import Pipeline


def explain_text(nlp: Pipeline, text: str, date: str | None = None) -> str:
    """Run the pipeline on ``text`` and describe tokens, mentions, actors, triggers and events."""
    doc = nlp(Article(id="explain", text=text, date=date))
    stage = next((st for st in nlp.stages if st.name == "events"), None)
    kb = stage.kb if stage is not None else get_kb()  # type: ignore[attr-defined]
    # re-run the coder once, keeping its trace of why each trigger was (not) coded
    coder = EventCoder(kb, getattr(stage, "coder_settings", None))
    coder.code(doc)
    why = {(m.tok_start, m.entry_id): r for m, r in coder.trace}
    out: list[str] = []
    w = out.append
    for si, s in enumerate(doc.sentences):
        w(f"Sentence {si + 1}: {s.text}")
        w("  tokens:")
        for t in doc.tokens[s.tok_start:s.tok_end]:
            if t.is_punct:
                continue
            seg = (f"{t.prefix}+" if t.prefix else "") + t.key + (f"+{t.suffix}" if t.suffix else "")
            w(f"    {t.text:<16} {seg}")
        ms = [m for m in doc.mentions if m.sentence == si]
        w("  mentions:")
        for m in ms:
            if m.kind == MentionKind.TRIGGER:
                continue
            w(f"    [{m.kind.value}] {m.text} -> {m.entry_id}")
        w("  actors:")
        for a in doc.actor_mentions:
            if a.sentence == si:
                prep = f" (after {a.prep})" if a.prep else ""
                w(f"    {doc.text[a.start:a.end]} => {a.ref.name_en or a.ref.name} [{a.ref.code or 'no code'}]{prep}")
        for pm in doc.place_mentions:
            if pm.sentence == si:
                w(f"    place: {pm.ref.name} => {pm.ref.name_en} ({pm.ref.country}, {pm.ref.lat}, {pm.ref.lon})")
        for tx in doc.times:
            if tx.sentence == si:
                w(f"    time: {tx.text} => {tx.date} ({tx.precision})")
        w("  triggers:")
        for m in ms:
            if m.kind != MentionKind.TRIGGER:
                continue
            p = kb.patterns[m.entry_id]
            evs = [e for e in doc.events if e.rule == p.id and e.sentence == si]
            if evs:
                for e in evs:
                    src = (e.source.name_en or e.source.name) if e.source else "-"
                    tgt = (e.target.name_en or e.target.name) if e.target else "-"
                    w(f"    {m.text}: pattern {p.id} ({p.cameo} {e.cameo_name}) -> {src} -> {tgt}"
                      f" conf={e.confidence:.2f}")
            else:
                reason = why.get((m.tok_start, m.entry_id),
                                 "another reading of the word won, or the event was merged with another mention of "
                                 "the same happening or fell below min_confidence")
                w(f"    {m.text}: pattern {p.id} ({p.cameo}) not coded: {reason}")
        w("")
    w(f"Events: {len(doc.events)}")
    for e in doc.events:
        src = f"{e.source.name_en or e.source.name} [{e.source.code}]" if e.source else "-"
        tgt = f"{e.target.name_en or e.target.name} [{e.target.code}]" if e.target else "-"
        place = f" at {e.location.name_en or e.location.name}" if e.location else ""
        w(f"  {e.cameo} {e.cameo_name}: {src} -> {tgt}, {e.date or 'undated'}{place} (rule {e.rule}, conf {e.confidence:.2f})")
    return "\n".join(out) + "\n"
