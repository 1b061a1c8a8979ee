"""Actor resolution on the gold actors of ../shared/eval/events-dev: does hadath know the people and
organisations the gold names?

For every gold source/target actor, every alias that names a *specific* person or organisation is run
through the pipeline (clean-free stages up to ``actors``, with the article's date) twice: alone, and
inside its evidence sentence (when it occurs there); the headline rate takes the evidence sentence where
there is one (real use: names come with their sentence) and the alias alone otherwise. It counts as resolved when hadath links it to a
dictionary actor (an actor id: a bare unknown name proves nothing) whose Arabic name, English name or
date-valid code the scorer's ``actor_match`` accepts for that gold actor.

Which aliases are specific (judgement, written down): an alias is kept when, after dropping
  - the scorer's GENERIC words and function words,
  - personal titles (المشير، الجنرال، الشيخ ...),
  - words of hadath's role nouns (agents.tsv: وزير، الخارجية، قوات ...), country names and nisbas,
at least one word remains (a name: حفتر، غيراسيموف، حماس، الحوثي). Aliases that are only role nouns and
states ("وزير الدفاع الروسي", "القوات العراقية", "روسيا") are skipped, as are gold actors whose code is a
bare state (3 letters) — those are states acting as a whole, not specific actors — and pronoun-like
fragments of one or two letters.

    python bench/actors.py          # prints the rate and failures, writes bench/results/actors.json
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import load_scorer, need_shared, write_result  # noqa: E402

STAGES = ["noclean", "sentences", "tokens", "times", "mentions", "actors"]
TITLES = set(
    "السيد السيدة الشيخ الدكتور المهندس الحاج الأمير الملك المشير الجنرال اللواء العميد العقيد الفريق المقدم "
    "الرائد النقيب الإمام البابا سمو معالي فخامة جلالة سعادة دولة العاهل خادم الحرمين الشريفين ولي العهد "
    "نائب الأمين العام المبعوث الأممي الخاص المتحدث باسم الناطق".split()
)
FUNCTION_WORDS = set(
    "في من إلى الى على عن مع و أو ل ب التابعة التابع التابعين المدعومة المدعوم بقيادة باسم ما يعرف التي الذي الذين "
    "تلك ذلك هذه هذا هؤلاء بعض كل نحو أكثر أقل عشرات مئات آلاف ألفين اثنين اثنان ثلاث ثلاثة ثلاثين أربعة الأربعة "
    "آخرين آخرون أخرى كبار كبير مقربين المقربين هاربون هاربين أنصار عدد من تصفهم بأنهم ساندوا المحتلة زملائنا "
    "قادتنا نظيره نظيرته جانب الجانب "
    # descriptive words of long gold aliases ("الدول الكبرى التي بلورت الاتفاق ...")
    "الكبرى بلورت الاتفاق بعينها المتورطة مشاكل الجنوب تفرض حصارا عليها تقاتل يقودها محاولة الانقلاب الفاشلة "
    "المشتبه بهم بالمشاركة والإرهاب جرائم الحرب محققون تابعون السياسيين والاجتماعيين النشطاء مهاجما فدائياً "
    "قريتي الصحافيين الأفارقة مكتب منظر التيار الجهادي ركن العام الجديد القنصل صحيفة الحاكم تسمى الكردية "
    "الكردي الكرد ألفي خمسة أشخاص منافسة المحتجزين أحد الغرب مسؤولين يوجد مقرها شرق".split()
)
# group nouns that name a people, a camp or a party's members, not one organisation (judgement)
GROUP_WORDS = set("الأكراد أكراد العرب الجمهوريين الجمهوريون الديمقراطيين الديمقراطيون الوطنيون المتهمين متهم "
                  "المقاطعة البلدان الدول".split())


def _norm(sc: Any, w: str) -> str:
    return sc.norm_text(w)


def generic_words(sc: Any) -> set[str]:
    """Normalised words that alone never name a specific actor (see module docstring)."""
    from hadath.kb import get_kb

    kb = get_kb()
    words: set[str] = set(sc.GENERIC)
    for src in (TITLES, FUNCTION_WORDS, GROUP_WORDS):
        words.update(_norm(sc, w) for w in src)
    for g in kb.agents.values():
        for f in g.forms:
            words.update(sc.tokens(f))
    for c in kb.countries.values():
        for f in c.names_ar + c.adjectives:
            words.update(sc.tokens(f))
    for pl in kb.places.values():  # a place is where an actor is, not who it is
        for f in [pl.name_ar, *pl.aliases]:
            if len(sc.tokens(f)) == 1:
                words.update(sc.tokens(f))
    return words | {sc._strip(w) for w in words}


def is_specific(sc: Any, alias: str, generic: set[str]) -> bool:
    """True when the alias keeps a name word after dropping generic ones (clitic-insensitive)."""
    toks = sc.tokens(alias)
    rest = [t for t in toks if t not in generic and sc._strip(t) not in generic and len(t) > 2 and not t.isdigit()
            and not t.isascii()]
    return bool(rest)


def accepted(sc: Any, ref: Any, gold: dict[str, Any]) -> bool:
    """A dictionary actor the scorer accepts, or a metonym (الكرملين) with exactly the gold code."""
    if ref.id:
        return bool(sc.actor_match(sys_actor(ref), gold))
    g = (gold.get("code") or "").upper()
    # a metonym (الكرملين → RUSGOV) or a named group held as a full-code agent (الحوثيون → IMGHOU)
    return len(g) > 3 and (ref.code or "").upper() == g and (ref.type == "state" or g[:3] in ("IMG", "IGO"))


def sys_actor(ref: Any) -> dict[str, Any]:
    """The scorer's view of a resolved actor, without the surface mentions (they would match trivially)."""
    return {"name": ref.name, "name_en": ref.name_en, "code": ref.code}


def resolve(nlp: Any, text: str, date: str | None, span: tuple[int, int] | None) -> list[Any]:
    """Actor refs hadath finds over ``span`` of ``text`` (the whole text when None)."""
    from hadath.model import Article

    doc = nlp(Article(id="a", text=text, date=date))
    if span is None:
        return [a.ref for a in doc.actor_mentions]
    s, e = span
    return [a.ref for a in doc.actor_mentions if a.start < e and s < a.end]


def main() -> None:
    gold_path = need_shared("eval", "events-dev", "gold.jsonl")
    sc = load_scorer()
    from hadath.pipeline import Pipeline

    nlp = Pipeline.from_config({"pipeline": {"stages": STAGES}})
    generic = generic_words(sc)
    dates: dict[str, str | None] = {}
    arts = gold_path.parent / "articles.jsonl"
    if arts.is_file():
        for line in arts.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                dates[a["id"]] = a.get("date")
    items: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    skipped_generic: set[str] = set()
    skipped_state = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        for ev in art.get("events") or []:
            for role in ("source", "target"):
                g = ev.get(role)
                if not g:
                    continue
                if len((g.get("code") or "").strip()) == 3:
                    skipped_state += 1
                    continue
                for alias in g.get("aliases") or []:
                    alias = " ".join(alias.split())
                    if not is_specific(sc, alias, generic):
                        skipped_generic.add(alias)
                        continue
                    key = (alias, g.get("en") or "", g.get("code"))
                    it = items.setdefault(key, {"alias": alias, "gold": {"en": g.get("en"), "code": g.get("code"),
                                                                        "aliases": g.get("aliases")},
                                                "date": art.get("pub_date") or dates.get(art["id"]) or ev.get("date"), "evidence": None,
                                                "article": art["id"]})
                    evd = ev.get("evidence") or ""
                    if it["evidence"] is None and alias in evd:
                        it["evidence"] = evd
    t0 = time.perf_counter()
    rows = []
    for it in items.values():
        gold = it["gold"]
        alone = resolve(nlp, it["alias"], it["date"], None)
        ok_alone = any(accepted(sc, r, gold) for r in alone)
        ok_ctx = None
        ctx: list[Any] = []
        if it["evidence"]:
            s = it["evidence"].index(it["alias"])
            ctx = resolve(nlp, it["evidence"], it["date"], (s, s + len(it["alias"])))
            ok_ctx = any(accepted(sc, r, gold) for r in ctx)
        rows.append({
            "alias": it["alias"], "gold_en": gold["en"], "gold_code": gold["code"], "date": it["date"],
            "article": it["article"], "alone": ok_alone, "in_context": ok_ctx,
            "got_alone": [f"{r.name_en or r.name} [{r.code}]{'' if r.id else ' (no id)'}" for r in alone],
            "got_context": [f"{r.name_en or r.name} [{r.code}]{'' if r.id else ' (no id)'}" for r in ctx],
        })
    secs = time.perf_counter() - t0
    n = len(rows)
    for r in rows:
        r["resolved"] = bool(r["in_context"]) if r["in_context"] is not None else r["alone"]
    resolved = sum(r["resolved"] for r in rows)
    alone_ok = sum(r["alone"] for r in rows)
    with_ctx = [r for r in rows if r["in_context"] is not None]
    ctx_ok = sum(bool(r["in_context"]) for r in with_ctx)
    print(f"events-dev gold actors: {n} specific aliases ({len(skipped_generic)} generic aliases and "
          f"{skipped_state} state-coded actors skipped), {secs:.1f} s")
    print(f"  resolved (in its evidence sentence, else alone): {resolved}/{n} = {resolved / max(n, 1):.3f}")
    print(f"  resolved in evidence:  {ctx_ok}/{len(with_ctx)} = {ctx_ok / max(len(with_ctx), 1):.3f}")
    print(f"  resolved alone:        {alone_ok}/{n} = {alone_ok / max(n, 1):.3f}  (a bare surname such as "
          "آبي or كارتر needs its sentence's context)")
    fails = [r for r in rows if not r["resolved"]]
    if fails:
        print("failures (alias | gold | alone -> ... | in evidence -> ...):")
        for r in fails:
            print(f"  {r['alias']} | {r['gold_en']} [{r['gold_code']}] {r['date']} | "
                  f"{'ok' if r['alone'] else r['got_alone'] or '-'} | "
                  f"{'ok' if r['in_context'] else ('n/a' if r['in_context'] is None else r['got_context'] or '-')}")
    res = {
        "specific_aliases": n, "skipped_generic_aliases": len(skipped_generic), "skipped_state_actors": skipped_state,
        "resolved": round(resolved / max(n, 1), 4), "resolved_in_evidence": round(ctx_ok / max(len(with_ctx), 1), 4),
        "aliases_in_evidence": len(with_ctx), "resolved_alone": round(alone_ok / max(n, 1), 4),
        "seconds": round(secs, 2), "failures": fails, "skipped_generic_examples": sorted(skipped_generic)[:60],
    }
    print(f"wrote {write_result('actors', res)}")


if __name__ == "__main__":
    main()
