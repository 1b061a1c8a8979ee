"""``hadath kb find``: look up a name or phrase as the coder would resolve it."""

from __future__ import annotations

from hadath.kb.kb import KIND_AGENT, KIND_METONYM, KIND_NISBA, KIND_PLACE, KIND_STATE, KIND_TRIGGER, get_kb
from hadath.model import Article


def find(phrase: str, date: str | None = None) -> list[str]:
    """Human-readable lines describing every entry ``phrase`` resolves to (Arabic or English/id)."""
    kb = get_kb()
    lines: list[str] = []
    q = phrase.strip()
    # English name or id
    if q.isascii():
        ql = q.lower()
        for a in kb.actors.values():
            if ql == a.id or ql in a.name_en.lower():
                lines.append(_actor_line(a.id, date))
        for c in kb.countries.values():
            if ql in (c.iso3.lower(), c.name_en.lower()):
                lines.append(f"state\t{c.iso3}\t{c.name_en}\t{'|'.join(c.names_ar)}")
        return lines[:50]
    # the whole phrase through the pipeline's actor resolution (agent + country composition)
    from hadath.pipeline import load_pipeline

    doc = load_pipeline()(Article(id="kb-find", text=q, date=date))
    for am in doc.actor_mentions:
        r = am.ref
        if r.id:
            lines.append(_actor_line(r.id, date, surface=doc.text[am.start:am.end]))
        else:
            lines.append(f"{am.head}\t{r.code or '-'}\t{r.name_en or ''}\t{r.name}")
    for pm in doc.place_mentions:
        p = pm.ref
        lines.append(f"place\t{p.id}\t{p.name_en}\t{p.name}\t{p.country}\t{p.lat},{p.lon}\t{p.feature}")
    for kind, id_ in kb.lookup(q):
        if kind == KIND_TRIGGER:
            pt = kb.patterns[id_]
            lines.append(f"pattern\t{pt.id}\t{pt.cameo}\t{pt.note}")
        elif kind == KIND_PLACE and not any(id_ in ln for ln in lines):
            p2 = kb.places[id_]
            lines.append(f"place\t{p2.id}\t{p2.name_en}\t{p2.name_ar}\t{p2.country}\t{p2.lat},{p2.lon}\t{p2.feature}")
        elif kind == KIND_AGENT and not lines:
            g = kb.agents[id_]
            lines.append(f"agent\t{g.id}\t{g.sector}\t{g.name_en}")
        elif kind in (KIND_STATE, KIND_NISBA, KIND_METONYM) and not lines:
            lines.append(f"{kind}\t{id_}")
    return list(dict.fromkeys(lines))


def _actor_line(actor_id: str, date: str | None, surface: str = "") -> str:
    a = get_kb().actors[actor_id]
    codes = ";".join(str(c) for c in a.codes)
    now = a.code_on(date)
    extra = f"\tas '{surface}'" if surface else ""
    return f"actor\t{a.id}\t{a.name_en}\t{a.name_ar}\t{a.type}\t{now or '-'}\t{codes}{extra}"
