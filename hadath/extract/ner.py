"""Named entities from the dictionaries plus patterns for names the dictionaries lack.

Dictionary mentions give typed spans (people → PER; organisations, parties, armed groups, IGOs and
media → ORG; states, capitals and gazetteer places → LOC). Patterns find unknown ones: a personal
title or role noun followed by name-like words ("الناشط الطلابي آرش صادقي"), organisation heads
followed by their complement ("وزارة ...", "حركة ...", "جامعة ..."), and place nouns followed by a
name ("مدينة ...", "محافظة ..."). Spans cover whole tokens (clitics included), as in ANERcorp.
"""

from __future__ import annotations

from hadath.kb.kb import KnowledgeBase, kb_memo
from hadath.model import Document, Entity, MentionKind, Token
from hadath.pipeline import KBStage, register_stage
from hadath.text.normalize import norm_word


def _words(text: str) -> frozenset[str]:
    """The normalised forms of the space-separated words (the sets below are compared with ``Token.norm``/``key``)."""
    return frozenset(norm_word(w) for w in text.split())


ORG_HEADS = _words(
    "وزاره حركه حزب جامعه شركه منظمه جمعيه نقابه وكاله هيئه مؤسسه موسسه بنك مصرف صحيفه جريده مجله قناه "
    "اذاعه جبهه جماعه تنظيم اتحاد لجنه مركز معهد مستشفي محكمه مجلس ائتلاف تحالف كتائب كتيبه لواء فيلق "
    "منتدي رابطه مفوضيه سلطه ديوان اكاديميه فريق نادي"
)
PLACE_HEADS = _words("مدينه محافظه قريه بلده منطقه ولايه اقليم قضاء ناحيه مخيم حي جزيره مديريه ميناء مطار")
PERSON_TITLES = _words(
    "السيد السيده الشيخ الدكتور الدكتوره المهندس الاستاذ الاستاذه الحاج الامير الاميره الملك الرئيس الوزير "
    "النائب اللواء العميد العقيد المقدم الرائد النقيب الجنرال المشير الفريق الناشط الناشطه الكاتب الكاتبه "
    "الصحفي الصحفيه المتحدث الزعيم القائد الامام الاب البابا القاضي المحامي السفير المدرب اللاعب الفنان "
    "الفنانه الشاعر المخرج الباحث الخبير المستشار الداعيه العلامه المطران"
)
STOP = _words(
    "في من الى على عن مع ان انه انها الذي التي الذين و او ثم قد لقد كان كانت هو هي امس اليوم غدا قال قالت "
    "اكد اكدت بعد قبل خلال حيث كما لكن بين منذ حتي عند لدي الي علي وقال وقالت واضاف واكد"
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
    return t.key not in _role_words(kb)


def _role_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of agents, nisbas and triggers: not parts of names."""
    memo = kb_memo(kb, "ner")
    got = memo.get("role_words")
    if got is None:
        from hadath.kb.kb import KIND_AGENT, KIND_NISBA, KIND_TRIGGER

        words: set[str] = set()
        for k, entries in kb.index.items():
            if any(kind in (KIND_AGENT, KIND_NISBA, KIND_TRIGGER) for kind, _ in entries):
                words.update(k.split())
        got = memo["role_words"] = frozenset(words)
    return got


def _name_lexicon(kb: KnowledgeBase) -> frozenset[str]:
    """Words that occur in person names of the KB (known given names and surnames)."""
    memo = kb_memo(kb, "ner")
    got = memo.get("name_lexicon")
    if got is None:
        from hadath.kb.kb import phrase_key

        words: set[str] = set()
        for a in kb.actors.values():
            if a.type == "person":
                for f in [a.name_ar, *a.aliases]:
                    words.update(phrase_key(f).split())
        got = memo["name_lexicon"] = frozenset(words)
    return got


def _lexicon_rows() -> list[tuple[str, str]]:
    """(form, type) rows of ``hadath/data/ner_names.tsv`` (given names, organisations)."""
    from hadath.kb.loader import DATA_DIR

    rows: list[tuple[str, str]] = []
    path = DATA_DIR / "ner_names.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return rows
    header = True
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if header:
            header = False
            continue
        if len(parts) >= 2 and parts[0].strip():
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


_LEX: dict[str, object] = {}


def _given_names() -> frozenset[str]:
    """Keys of common given names (Arabic and foreign in Arabic script)."""
    got = _LEX.get("given")
    if got is None:
        from hadath.kb.kb import phrase_key

        got = _LEX["given"] = frozenset(k for f, t in _lexicon_rows() if t == "given" for k in [phrase_key(f)] if k)
    return got  # type: ignore[return-value]


def _org_names() -> dict[tuple[str, ...], int]:
    """Well-known organisation names as token-key tuples (value: length)."""
    got = _LEX.get("org")
    if got is None:
        from hadath.kb.kb import phrase_key

        got = _LEX["org"] = {tuple(k.split()): len(k.split()) for f, t in _lexicon_rows() if t == "org"
                             for k in [phrase_key(f) if not f.isascii() else f.lower()] if k}
    return got  # type: ignore[return-value]


# given names that are also common words (على، عمر "age", حسن "good", أمين "secretary"): a name only
# when another name word follows
AMBIGUOUS_GIVEN = _words(
    "علي عمر حسن امين عادل كامل جميل جميله سعيد فريد رشيد مبارك نصر عزيز فارس صادق سالم شريف سام مالك وفاء ايمان "
    "حنان بشري ضياء باسم شعبان رمضان صباح مختار كمال توفيق عطيه صابر غالب خليفه عوض تركي هادي سليم صالح كريم "
    "سلطان نور بدر هدي ليون سلفادور يحيي جمال نبيل منير عامر"
)
SPEECH_VERBS = _words(
    "قال قالت وقال وقالت اضاف اضافت واضاف واضافت اكد اكدت واكد واكدت اوضح واوضح ذكر وذكر ذكرت صرح وصرح "
    "يقول تقول ويقول يؤكد ويؤكد يري ويري اعتبر واعتبر تابع وتابع سجله سجلها احرزه امتدح وامتدح"
)
# role nouns before a person's name in general news (sports, culture, scholarship), beyond PERSON_TITLES
MORE_TITLES = _words(
    "اللاعب الحارس المهاجم المدافع السائق النجم النجمه الممثل الممثله المطرب المطربه المغني المغنيه المستشرق "
    "المؤرخ الروائي الاديب المفكر المصور الرسام المخرج المنتج الملاكم البطل البطله المصارع العداء "
    "المدرب الكابتن زميله زميلها شقيقه شقيقها نظيره نظيرته مواطنه المتسابق المتسابقه المستشار الحاكم "
    "الفنان الفنانه البروفيسور الجنرال الاميرال"
)
# heads after which a team/company name follows and is tagged alone ("شركة Sony" → Sony, "لاعب برشلونة")
NAME_AFTER_HEADS = _words("شركه شركتي شركات فريق لاعب مدرب صحيفه مجله وكاله قناه مجموعه")
# organisation heads that belong to the name (نادي ...، اتحاد ...، حزب ...), followed by a name word
ORG_NAME_HEADS = _words("نادي اتحاد حزب حركه جماعه تنظيم جبهه جامعه منظمه مركز مؤسسه موسسه جمعيه")
STRONG_PLACE_HEADS = _words("مدينه محافظه قريه بلده ولايه اقليم قضاء ناحيه مخيم مديريه عاصمه")
# frequent words that never continue a name (written for the name patterns: function words, auxiliaries,
# pronoun forms, adverbs, weekdays and number words)
COMMON = _words(
    "نعم لا لم لن ما ليس ليست يزال تزال زال مازال ما زال كاد كادت يكاد كان كانت يكون تكون اصبح اصبحت صار "
    "فقط ايضا أيضا ايضًا حيث هل له لها لهم لنا لي منه منها منهم عليه عليها عليهم اليه اليها فيه فيها فيهم به بها بهم "
    "عنه عنها معه معها بين نحو حول ذلك تلك هذا هذه هذان هاتان هؤلاء هناك هنا كل بعض غير سوي مثل عده احد احدي اول "
    "اخر اخري جميع منذ امام خلف فوق تحت ضد دون لدي لكن بل اذا لو لما كما ثم او ام الذي التي الذين اللذين اللتين "
    "كذلك اما بينما عندما حين حينما بعدما قبلما انما سيما لاسيما جدا تماما ابدا دائما احيانا مجددا كثيرا قليلا "
    "اليوم امس غدا الان الآن صباح مساء ليله امس السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه "
    "واحد اثنان اثنين ثلاثه ثلاث اربعه اربع خمسه خمس سته ست سبعه سبع ثمانيه ثماني تسعه تسع عشره عشر مئه الف "
    "مليون عام عاما سنه سنوات شهر اشهر يوم ايام ساعه دقيقه المركز المصنف عالميا رقم"
)
CONNECTORS = _words("بن ابن بنت ابو ابي ال عبد دي دا دو فان فون لا ديل")
_LOCATIVE = _words("في من الى الي نحو قرب داخل عبر")


def _unknown(t: Token, kb: KnowledgeBase) -> bool:
    """A word no dictionary knows: not in the KB lexicon, not common, not a function word."""
    if t.is_punct or not t.norm or not t.norm[0].isalpha() or t.norm.isascii():
        return False
    if t.norm in STOP or t.key in STOP or t.norm in PERSON_TITLES or t.norm in MORE_TITLES:
        return False
    if t.norm in COMMON or t.key in COMMON:
        return False
    if t.key in kb.common or t.norm in kb.common or t.norm in SPEECH_VERBS:
        return False
    return t.key not in kb.lexicon and t.norm not in kb.lexicon and len(t.key) >= 2


def _name_word(t: Token, kb: KnowledgeBase, first: bool = False) -> bool:
    """Can this token continue (or, with ``first``, start) a personal name?"""
    if t.is_punct or t.norm in STOP or t.key in kb.nisba_of or t.norm in COMMON or t.key in COMMON:
        return False
    pre = t.prefix[:-2] if t.prefix.endswith("ال") else "ل" if t.prefix == "لل" else t.prefix
    if not first and pre.lstrip("و")[:1] in ("ب", "ل", "ف", "ك"):
        return False  # "للاشتباه", "بثلاثة": a preposition starts a new phrase
    if not first and t.norm == "الله":
        return True  # "خير الله", "عبد الله"
    if t.key in _given_names() or t.key in _name_lexicon(kb) or t.key in kb.bare_names:
        return t.key not in _role_words(kb) or t.key in _given_names()
    if "ال" in t.prefix:
        # an Arab family name with the article: a nisba-shaped word no dictionary knows (الكبيسي، العجلوني)
        base = t.norm[len(t.prefix):] if t.norm.startswith(t.prefix) else t.key
        return (not first and base.endswith(("ي", "ه", "ات")) and base not in kb.lexicon and base not in kb.common
                and base not in COMMON and not base.endswith("يه") and len(base) >= 3)
    if _unknown(t, kb):
        return first or not t.norm.endswith("يه")  # "رأسية", "مصداقية": adjectives and nouns, not names
    return False


def _strong_name_word(t: Token, kb: KnowledgeBase) -> bool:
    """A known given name or name word, or an Arab family name with the article."""
    if t.prefix.startswith("و") or t.is_punct:
        return False
    if t.key in _given_names() or t.key in _name_lexicon(kb):
        return t.key not in _role_words(kb)
    return "ال" in t.prefix and _name_word(t, kb)


def _after_given(t: Token, kb: KnowledgeBase) -> bool:
    """A surname right after a given name, even if it is also a dictionary word ("فرناندو جيل")."""
    return (not t.prefix and not t.is_punct and len(t.norm) >= 3 and t.norm not in COMMON and t.norm not in STOP
            and t.norm not in SPEECH_VERBS and t.key not in _role_words(kb) and t.key not in kb.nisba_of
            and not any(k in ("state", "place", "trigger") for k, _ in kb.index.get(t.key, [])))


def _name_span(toks: list[Token], i: int, end: int, kb: KnowledgeBase, max_len: int = 4,
               article_first: bool = False) -> int:
    """End of a personal name starting at token ``i`` (``i`` when there is none).

    ``article_first``: the first word may be an unknown family name with the article (after a verb:
    "امتدح الربيعي").
    """
    k = i
    while k < end and k - i < max_len:
        t = toks[k]
        if k > i and (t.prefix.startswith("و") or (t.norm.startswith("و") and t.norm not in _given_names())):
            break  # "وبورتاس": a coordinated second name is its own entity
        if k == i and t.norm in STOP and t.key in _given_names() and k + 1 < end and t.text.endswith("ي") \
                and _strong_name_word(toks[k + 1], kb):
            k += 1  # "علي السويدي": علي is also a spelling of على, so only before a sure name word
            continue
        if k == i and t.norm in STOP:
            break
        if t.norm in ("ال", "ال") and k > i and k + 1 < end and not toks[k + 1].is_punct:
            k += 2  # "آل ثاني", "آل خليفة"
            continue
        if t.norm in CONNECTORS and k + 1 < end and (_name_word(toks[k + 1], kb) or (
                "ال" in toks[k + 1].prefix and not toks[k + 1].is_punct and toks[k + 1].norm not in COMMON)):
            k += 2  # "أبو السكر", "بن عيد"
            continue
        if not _name_word(t, kb, first=k == i and not article_first) and not (
                k == i + 1 and toks[i].key in _given_names() and _after_given(t, kb)):
            break
        k += 1
    return k


def _coordinated(toks: list[Token], k: int, end: int, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Names coordinated after a name ending at ``k``: "فيسنت وبورتاس", "محمد أبو فارس وعلي أبو السكر"."""
    out: list[tuple[int, int]] = []
    while k < end and (toks[k].prefix.startswith("و") or toks[k].norm.startswith("و")) and (
            toks[k].key in _given_names() or toks[k].norm[1:] in _given_names() or _unknown(toks[k], kb)
            or toks[k].key in ("ابو", "ابن")):
        j = _name_span(toks, k, end, kb)
        if j == k:
            break
        out.append((k, j))
        k = j
    return out


def _misc_names() -> dict[tuple[str, ...], int]:
    """Currencies, religions, prizes and events (CoNLL MISC) as token-key tuples."""
    got = _LEX.get("misc")
    if got is None:
        from hadath.kb.kb import phrase_key

        got = _LEX["misc"] = {tuple(k.split()): len(k.split()) for f, t in _lexicon_rows() if t == "misc"
                              for k in [phrase_key(f)] if k}
    return got  # type: ignore[return-value]


def _org_lexicon_hits(toks: list[Token], a: int, b: int,
                      names: dict[tuple[str, ...], int] | None = None) -> list[tuple[int, int]]:
    orgs = _org_names() if names is None else names
    out: list[tuple[int, int]] = []
    i = a
    while i < b:
        hit = 0
        for n in (4, 3, 2, 1):
            if i + n <= b:
                keys = tuple(t.key if not t.norm.isascii() else t.text.lower() for t in toks[i:i + n])
                if keys in orgs:
                    hit = n
                    break
        if hit:
            out.append((i, i + hit))
            i += hit
        else:
            i += 1
    return out


def _gazetteer_loc_ok(toks: list[Token], m_start: int, m_end: int, place_ids: list[str], kb: KnowledgeBase) -> bool:
    """A gazetteer place is a LOC entity when it is a big or a multiword place, or sits after a locative."""
    if m_end - m_start > 1:
        return True
    t = toks[m_start]
    if t.suffix:
        return False  # "وأنه" is و+أن+ه, not the town of Van
    places = [kb.places[i] for i in place_ids if i in kb.places]
    if any(p.feature in ("country", "admin1", "region", "water") or p.population >= 150_000 for p in places):
        return True
    prev = toks[m_start - 1].norm if m_start > 0 else ""
    return t.prefix.lstrip("و")[:1] in ("ب",) or prev in _LOCATIVE or prev in PLACE_HEADS


def find_entities(doc: Document, kb: KnowledgeBase) -> list[Entity]:
    """Typed entity spans of the document, non-overlapping, longest first."""
    toks = doc.tokens
    cands: list[tuple[int, int, str, str]] = []  # token span, type, source
    places_at: dict[tuple[int, int], list[str]] = {}
    for m in doc.mentions:
        if m.kind == MentionKind.PLACE:
            places_at.setdefault((m.tok_start, m.tok_end), []).append(m.entry_id)
    for m in doc.mentions:
        typ: str | None = None
        if m.kind == MentionKind.ACTOR:
            a = kb.actors[m.entry_id]
            typ = "PER" if a.type == "person" else "ORG" if a.type in _ORG_TYPES else None
        elif m.kind == MentionKind.NAME:
            typ = "PER"
        elif m.kind == MentionKind.STATE:
            typ = "LOC"
        elif m.kind == MentionKind.PLACE:
            typ = "LOC" if _gazetteer_loc_ok(toks, m.tok_start, m.tok_end, places_at[(m.tok_start, m.tok_end)],
                                             kb) else None
        if typ:
            cands.append((m.tok_start, m.tok_end, typ, f"kb:{m.entry_id}"))
    given = _given_names()
    for s in doc.sentences:
        for x, y in _org_lexicon_hits(toks, s.tok_start, s.tok_end):
            cands.append((x, y, "ORG", "lexicon:org"))
        for x, y in _org_lexicon_hits(toks, s.tok_start, s.tok_end, _misc_names()):
            cands.append((x, y, "MISC", "lexicon:misc"))
        for i in range(s.tok_start, s.tok_end):
            t = toks[i]
            nxt = toks[i + 1] if i + 1 < s.tok_end else None
            # title / role noun + name: "الرئيس السوري بشار الأسد", "المستشرق الألماني ديتريش فيشر"
            if t.norm in PERSON_TITLES or t.norm in MORE_TITLES or (
                    t.prefix.endswith("ال") and ("ال" + t.key in PERSON_TITLES or "ال" + t.key in MORE_TITLES)):
                j = i + 1
                while j < s.tok_end and j - i <= 3 and toks[j].key in kb.nisba_of:
                    j += 1
                k = _name_span(toks, j, s.tok_end, kb)
                if k > j:
                    cands.append((j, k, "PER", "pattern:title+name"))
            # nationality + name: "الاسباني فرناندو جيل", "والأرجنتيني دييغو ميليتو"
            elif t.key in kb.nisba_of and nxt is not None and ("ال" in t.prefix or t.prefix.endswith("لل")):
                k = _name_span(toks, i + 1, s.tok_end, kb)
                if k > i + 1 and (toks[i + 1].key in given or k - i - 1 >= 2 or _unknown(toks[i + 1], kb)):
                    cands.append((i + 1, k, "PER", "pattern:nisba+name"))
                    cands.extend((a, b, "PER", "pattern:coordinated") for a, b in _coordinated(toks, k, s.tok_end, kb))
            # speech verb + unknown name: "قال دويسنبرج", "وأضاف أنوش أنصاري"
            elif t.norm in SPEECH_VERBS and nxt is not None and nxt.prefix in ("", "ال") and (
                    nxt.key in given or _unknown(nxt, kb)):
                k = _name_span(toks, i + 1, s.tok_end, kb, max_len=3, article_first=True)
                if k > i + 2 or (k == i + 2 and nxt.key not in AMBIGUOUS_GIVEN):
                    cands.append((i + 1, k, "PER", "pattern:verb+name"))
            # head noun + team/company name: "شركة Sony", "لاعب بيلباو", "فريق وليامز"
            if (t.key in NAME_AFTER_HEADS or t.norm in NAME_AFTER_HEADS) and nxt is not None:
                k = i + 1
                while k < s.tok_end and k - i <= 3 and (_unknown(toks[k], kb) or (
                        toks[k].text.isascii() and toks[k].text[:1].isupper())) and "ال" not in toks[k].prefix:
                    k += 1
                if k > i + 1:
                    cands.append((i + 1, k, "ORG", "pattern:head+name"))
            # organisation head + name word: "نادي رينشيمنتو", "اتحاد الرمثا", "مركز إينتسر"
            if t.key in ORG_NAME_HEADS and "ال" not in t.prefix and nxt is not None and _unknown(nxt, kb):
                k = i + 2
                while k < s.tok_end and k - i <= 3 and _unknown(toks[k], kb) and "ال" not in toks[k].prefix:
                    k += 1
                cands.append((i, k, "ORG", "pattern:org-head"))
            # "القاعدة" is al-Qaeda unless an adjective makes it a base ("القاعدة الجوية"); "قاعدة" alone is a base
            if t.key == "قاعده" and "ال" in t.prefix and not (nxt is not None and "ال" in nxt.prefix
                                                               and nxt.key.endswith(("يه", "ي"))):
                cands.append((i, i + 1, "ORG", "pattern:al-qaeda"))
            # championships and races: "بطولة أمريكا المفتوحة", "ماراثون باريس"
            if t.key in ("بطوله", "ماراثون", "رالي", "دوره") and nxt is not None and (
                    nxt.key in kb.countries or any(k in ("state", "place") for k, _ in kb.index.get(nxt.key, []))):
                k = i + 2
                if k < s.tok_end and toks[k].key in ("مفتوحه", "دوليه", "كبري"):
                    k += 1
                cands.append((i, k, "MISC", "pattern:event"))
            # place noun + name: "مدينة الصالحية", "قضاء الرويشد"
            if t.key in STRONG_PLACE_HEADS and "ال" not in t.prefix and nxt is not None and _unknown(nxt, kb):
                cands.append((i + 1, i + 2, "LOC", "pattern:place-noun"))
            # a given name starting an unknown name: "جورج هوفمان", "محمود العجلوني", "مايكل"
            if t.key in given and not (i > s.tok_start and toks[i - 1].key in given):
                k = _name_span(toks, i, s.tok_end, kb)
                if k == i:
                    k = i + 1
                if k - i >= 2 or (t.key not in AMBIGUOUS_GIVEN and t.key not in kb.common and t.norm not in COMMON):
                    cands.append((i, k, "PER", "pattern:given-name"))
                    cands.extend((a, b, "PER", "pattern:coordinated") for a, b in _coordinated(toks, k, s.tok_end, kb))
    chosen: list[tuple[int, int, str, str]] = []
    # dictionary people and organisations first, then pattern spans, then places; longer spans first
    prio = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}

    def rank(c: tuple[int, int, str, str]) -> tuple[int, int, int, int]:
        group = 0 if (c[3].startswith(("kb:", "lexicon:")) and c[2] != "LOC") else 1 if c[3].startswith("pattern:") else 2
        if c[3].startswith("kb:") and c[2] == "LOC" and c[1] - c[0] > 1:
            group = 0  # a multiword place name (الولايات المتحدة) is as sure as an actor
        return (group, -(c[1] - c[0]), prio[c[2]], c[0])

    for c in sorted(cands, key=rank):
        if any(c[0] < e and b < c[1] for b, e, _, _ in chosen):
            continue
        chosen.append(c)
    chosen.sort()
    return [Entity(toks[a].start, toks[b - 1].end, typ, doc.text[toks[a].start:toks[b - 1].end], src)
            for a, b, typ, src in chosen]


@register_stage("entities")
class EntityStage(KBStage):
    """Named entities (PER, LOC, ORG) from dictionary mentions and name patterns."""

    name = "entities"
    requires = ("mentions",)
    assigns = ("entities",)

    def process(self, doc: Document) -> None:
        doc.entities = find_entities(doc, self.kb)
