"""Named entities from the dictionaries plus patterns for names the dictionaries lack.

Dictionary mentions give typed spans (people → PER; organisations, parties, armed groups, IGOs and
media → ORG; states, capitals and gazetteer places → LOC). Patterns find unknown ones: a personal
title or role noun followed by name-like words ("الناشط الطلابي آرش صادقي"), organisation heads
followed by their complement ("وزارة ...", "حركة ...", "جامعة ..."), and place nouns followed by a
name ("مدينة ...", "محافظة ..."). Spans cover whole tokens (clitics included), as in ANERcorp.
"""

from __future__ import annotations

from hadath.kb.kb import KnowledgeBase
from hadath.model import Document, Entity, MentionKind, Token
from hadath.pipeline import register_stage
from hadath.text.stages import _KBStage

ORG_HEADS = frozenset(
    "وزاره حركه حزب جامعه شركه منظمه جمعيه نقابه وكاله هيئه مؤسسه موسسه بنك مصرف صحيفه جريده مجله قناه "
    "اذاعه جبهه جماعه تنظيم اتحاد لجنه مركز معهد مستشفي محكمه مجلس ائتلاف تحالف كتائب كتيبه لواء فيلق "
    "منتدي رابطه مفوضيه سلطه ديوان اكاديميه فريق نادي".split()
)
PLACE_HEADS = frozenset("مدينه محافظه قريه بلده منطقه ولايه اقليم قضاء ناحيه مخيم حي جزيره مديريه ميناء مطار".split())
PERSON_TITLES = frozenset(
    "السيد السيده الشيخ الدكتور الدكتوره المهندس الاستاذ الاستاذه الحاج الامير الاميره الملك الرئيس الوزير "
    "النائب اللواء العميد العقيد المقدم الرائد النقيب الجنرال المشير الفريق الناشط الناشطه الكاتب الكاتبه "
    "الصحفي الصحفيه المتحدث الزعيم القائد الامام الاب البابا القاضي المحامي السفير المدرب اللاعب الفنان "
    "الفنانه الشاعر المخرج الباحث الخبير المستشار الداعيه العلامه المطران".split()
)
STOP = frozenset(
    "في من الى على عن مع ان انه انها الذي التي الذين و او ثم قد لقد كان كانت هو هي امس اليوم غدا قال قالت "
    "اكد اكدت بعد قبل خلال حيث كما لكن بين منذ حتي عند لدي الي علي وقال وقالت واضاف واكد".split()
)
_KIND_TYPE = {MentionKind.STATE: "LOC", MentionKind.PLACE: "LOC"}
_ORG_TYPES = {"organisation", "armed_group", "party", "igo", "media", "tribe", "state"}


def _nameish(t: Token, kb: KnowledgeBase) -> bool:
    """Could this token be part of an unknown name?"""
    if t.is_punct or not t.norm or t.norm[0].isdigit() or not t.norm[0].isalpha():
        return False
    if t.norm in STOP or t.norm in PERSON_TITLES:
        return False
    if t.key in _name_lexicon(kb) or t.key in kb.bare_names:
        return True
    if t.key in kb.common or t.norm in kb.common:
        return False
    return not (t.key in _role_words(kb))


_ROLE: dict[int, frozenset[str]] = {}


def _role_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of agents, nisbas and triggers: not parts of names."""
    got = _ROLE.get(id(kb))
    if got is None:
        from hadath.kb.kb import KIND_AGENT, KIND_NISBA, KIND_TRIGGER

        words: set[str] = set()
        for k, entries in kb.index.items():
            if any(kind in (KIND_AGENT, KIND_NISBA, KIND_TRIGGER) for kind, _ in entries):
                words.update(k.split())
        got = _ROLE[id(kb)] = frozenset(words)
    return got


_NAME_LEX: dict[int, frozenset[str]] = {}


def _name_lexicon(kb: KnowledgeBase) -> frozenset[str]:
    """Words that occur in person names of the KB (known given names and surnames)."""
    got = _NAME_LEX.get(id(kb))
    if got is None:
        from hadath.kb.kb import phrase_key

        words: set[str] = set()
        for a in kb.actors.values():
            if a.type == "person":
                for f in [a.name_ar, *a.aliases]:
                    words.update(phrase_key(f).split())
        got = _NAME_LEX[id(kb)] = frozenset(words)
    return got


def find_entities(doc: Document, kb: KnowledgeBase) -> list[Entity]:
    """Typed entity spans of the document, non-overlapping, longest first."""
    toks = doc.tokens
    cands: list[tuple[int, int, str, str]] = []  # token span, type, source
    for m in doc.mentions:
        typ: str | None = None
        if m.kind == MentionKind.ACTOR:
            a = kb.actors[m.entry_id]
            typ = "PER" if a.type == "person" else "ORG" if a.type in _ORG_TYPES else None
        elif m.kind == MentionKind.NAME:
            typ = "PER"
        elif m.kind in _KIND_TYPE:
            typ = "LOC"
        elif m.kind == MentionKind.STATE or (m.kind == MentionKind.STATE and m.entry_id in kb.metonyms):
            typ = "LOC"
        if typ:
            cands.append((m.tok_start, m.tok_end, typ, f"kb:{m.entry_id}"))
    for s in doc.sentences:
        for i in range(s.tok_start, s.tok_end):
            t = toks[i]
            base = t.norm if not t.prefix.startswith(("و", "ب", "ل", "ف", "ك")) else t.key
            # title + unknown name
            if t.norm in PERSON_TITLES or (t.prefix.endswith("ال") and "ال" + t.key in PERSON_TITLES):
                j = i + 1
                # skip a nisba / role words right after the title ("الرئيس السوري بشار الأسد")
                while j < s.tok_end and j - i <= 3 and toks[j].key in kb.nisba_of:
                    j += 1
                k = j
                while k < s.tok_end and k - j < 4 and _nameish(toks[k], kb):
                    k += 1
                if k > j:
                    cands.append((j, k, "PER", "pattern:title+name"))
            elif t.key in kb.nisba_of and i + 1 < s.tok_end and _nameish(toks[i + 1], kb) \
                    and toks[i + 1].key not in kb.lexicon:
                # "الاسباني فرناندو جيل": a nationality before an unknown name
                k = i + 1
                while k < s.tok_end and k - i <= 3 and _nameish(toks[k], kb) and toks[k].key not in kb.nisba_of:
                    k += 1
                cands.append((i + 1, k, "PER", "pattern:nisba+name"))
            elif t.key in ORG_HEADS or base in ORG_HEADS:
                k = i + 1
                while (k < s.tok_end and k - i < 5 and not toks[k].is_punct and toks[k].norm not in STOP
                       and toks[k].norm not in PERSON_TITLES and not toks[k].prefix.startswith("و")):
                    k += 1
                if k > i + 1:
                    cands.append((i, k, "ORG", "pattern:org-head"))
            elif t.key in PLACE_HEADS and i + 1 < s.tok_end and _nameish(toks[i + 1], kb):
                cands.append((i + 1, i + 2, "LOC", "pattern:place-noun"))
    chosen: list[tuple[int, int, str, str]] = []
    # dictionary hits first, then longer pattern spans
    prio = {"PER": 0, "ORG": 1, "LOC": 2}
    for c in sorted(cands, key=lambda c: (not c[3].startswith("kb:"), -(c[1] - c[0]), prio[c[2]], c[0])):
        if any(c[0] < e and b < c[1] for b, e, _, _ in chosen):
            continue
        chosen.append(c)
    chosen.sort()
    return [Entity(toks[a].start, toks[b - 1].end, typ, doc.text[toks[a].start:toks[b - 1].end], src)
            for a, b, typ, src in chosen]


@register_stage("entities")
class EntityStage(_KBStage):
    """Named entities (PER, LOC, ORG) from dictionary mentions and name patterns."""

    name = "entities"
    requires = ("mentions",)
    assigns = ("entities",)

    def process(self, doc: Document) -> None:
        doc.entities = find_entities(doc, self.kb)
