"""``hadath explain``: a readable account of how the coder reads a sentence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hadath.coding.coder import INTENT_CODES, CoderSettings, EventCoder
from hadath.kb.kb import get_kb, phrase_key
from hadath.kb.schema import Pattern
from hadath.model import ActorRef, Article, Document, Event, Mention, MentionKind
from hadath.pipeline import Pipeline


def _who(e: Event) -> str:
    src = (e.source.name_en or e.source.name) if e.source else "-"
    tgt = (e.target.name_en or e.target.name) if e.target else "-"
    return f"{e.cameo} {src} -> {tgt} (rule {e.rule}, sentence {e.sentence + 1})"


def _key(a: ActorRef | None) -> str:
    """An actor's identity as the coder's merging sees it."""
    return "-" if a is None else a.id or a.code or phrase_key(a.name)


def _untraced_reason(doc: Document, settings: CoderSettings, m: Mention, p: Pattern,
                     rerun: Callable[..., list[Event]]) -> str:
    """Why trigger ``m`` (pattern ``p``) gave no event although the coder traced no reason for it.

    The coder traces the reasons it drops a reading inside one trigger; what happens after that (the choice
    between readings of one word, the thresholds, merging within the article) is found here by comparing the
    output with runs under relaxed settings (``rerun(**changes)``).
    """
    si = m.sentence

    def mine(events: list[Event]) -> list[Event]:
        return [e for e in events if e.rule == p.id and e.sentence == si]

    relaxed = {"min_confidence": 0.0, "min_probability": 0.0}
    for events in (doc.events, rerun(**relaxed)):
        rivals = [e for e in events if e.sentence == si and e.rule != p.id
                  and any(o.entry_id == e.rule and (o.tok_start, o.tok_end) == (m.tok_start, m.tok_end)
                          for o in doc.mentions if o.kind == MentionKind.TRIGGER)]
        if rivals:
            return f"another reading of the word won: {_who(rivals[0])}"
    # a reading that appears only with the threshold lowered fell below it; its score is checked when it is
    # mentioned once (with more mentions the score shown includes the corroboration bonus)
    if settings.min_confidence > 0:
        low = [e for e in mine(rerun(min_confidence=0.0, calibrate=False))
               if e.n_mentions > 1 or e.confidence < settings.min_confidence] or [
            e for e in mine(rerun(min_confidence=0.0, calibrate=False, subsume_partial=False))
            if e.n_mentions == 1 and e.confidence < settings.min_confidence]
        if low:
            score = f" {low[0].confidence:.2f}" if low[0].n_mentions == 1 else ""
            return f"rule score{score} is below min_confidence = {settings.min_confidence}"
    if settings.calibrate and settings.min_probability > 0:
        low = [e for e in mine(rerun(min_probability=0.0)) if e.confidence < settings.min_probability]
        if low:
            return f"calibrated probability {low[0].confidence:.2f} is below min_probability = {settings.min_probability}"
    if settings.subsume_partial:
        for e in mine(rerun(subsume_partial=False)):
            role = "source" if e.target is None else "target"
            hosts = [h for h in doc.events if h.source is not None and h.target is not None
                     and h.cameo[:2] == e.cameo[:2] and _key(getattr(h, role)) == _key(getattr(e, role))]
            if hosts:
                return f"it lacks a {'target' if role == 'source' else 'source'} and counts as a mention of {_who(hosts[0])}"
    # what is left: dropped while merging (the coder records no merges), or no event at all (source = target)
    roots = {p.cameo[:2], INTENT_CODES.get(p.cameo[:2], "")[:2]} - {""}
    sent_text = doc.sentences[si].text
    folded = [e for e in doc.events if e.cameo[:2] in roots and e.sentence != si and sent_text in e.other_evidence]
    if folded:
        return f"merged with an earlier mention of the same happening: {_who(folded[0])}"
    same = [e for e in doc.events if e.cameo[:2] in roots and e.sentence == si]
    if same:
        return f"no event of its own: probably the same happening as {_who(same[0])}"
    return "no event, and the coder recorded no reason (e.g. source and target are the same actor)"


def explain_text(nlp: Pipeline, text: str, date: str | None = None) -> str:
    """Run the pipeline on ``text`` and describe tokens, mentions, actors, triggers and events."""
    doc = nlp(Article(id="explain", text=text, date=date))
    stage = next((st for st in nlp.stages if st.name == "events"), None)
    kb = stage.kb if stage is not None else get_kb()  # type: ignore[attr-defined]
    # re-run the coder once, keeping its trace of why each trigger was (not) coded
    settings: CoderSettings = getattr(stage, "coder_settings", None) or CoderSettings()
    coder = EventCoder(kb, settings)
    coder.code(doc)
    why = {(m.tok_start, m.entry_id): r for m, r in coder.trace}
    reruns: dict[tuple[tuple[str, object], ...], list[Event]] = {}

    def rerun(**changes: object) -> list[Event]:
        """The coder's events with some settings changed (each variant run once)."""
        key = tuple(sorted(changes.items()))
        if key not in reruns:
            reruns[key] = EventCoder(kb, replace(settings, **changes), trace=False).code(doc)  # type: ignore[arg-type]
        return reruns[key]

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
                reason = why.get((m.tok_start, m.entry_id)) or _untraced_reason(doc, settings, m, p, rerun)
                w(f"    {m.text}: pattern {p.id} ({p.cameo}) not coded: {reason}")
        w("")
    w(f"Events: {len(doc.events)}")
    for e in doc.events:
        src = f"{e.source.name_en or e.source.name} [{e.source.code}]" if e.source else "-"
        tgt = f"{e.target.name_en or e.target.name} [{e.target.code}]" if e.target else "-"
        place = f" at {e.location.name_en or e.location.name}" if e.location else ""
        w(f"  {e.cameo} {e.cameo_name}: {src} -> {tgt}, {e.date or 'undated'}{place} (rule {e.rule}, conf {e.confidence:.2f})")
    return "\n".join(out) + "\n"
