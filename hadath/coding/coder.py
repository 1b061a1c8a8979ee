"""Sentence-level event coding from trigger patterns and actor phrases.

For each trigger (a pattern hit) the coder finds the source and target among the sentence's actor
phrases using Arabic clause structure:

* active verbs: the subject right after the verb (VSO: "زار حفتر ...") or before it within the
  clause (SVO / topicalised: "... أن حفتر زار ..."); the target is the first phrase after the trigger
  governed by one of the pattern's prepositions (``مع``، ``ب``، ``على``، ``إلى`` …) or, for ``OBJ``,
  the first phrase with no preposition after the subject;
* passive verbs: the grammatical subject is the target; the source is introduced by ``من قبل``/``على يد``;
* nouns (masdars): the source is the subject of the light verb before them ("عقد X اجتماعًا مع Y") or
  their genitive ("زيارة حفتر إلى ..."); ``بين X و Y`` gives both roles;
* coordination ("X و Y") yields one event per conjunct.

Filters mark negation, modality (intent, future, condition, question) and background (dates long
before the article date). Each event gets a date (the sentence's time expression, else the article
date), a place (the sentence's place phrase, else the destination of a visit, else the dateline
city), the pattern that fired and a confidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import product
from operator import itemgetter
from typing import TypeVar

from hadath.coding import cameo
from hadath.coding.calibration import default_calibration
from hadath.coding.places import (
    BARE,
    DEST,
    LOC,
    PLANNED,
    chain_locative,
    direct_prep,
    movement_word,
    place_role,
    prefer_actor_country,
)
from hadath.kb.kb import KIND_TRIGGER, PLACE_NOUNS, KnowledgeBase, phrase_key, word_positions
from hadath.kb.schema import VOICE_ACTIVE, VOICE_NOUN, VOICE_PASSIVE, VOICE_SAID, Pattern
from hadath.model import (
    MK_ACTOR,
    MK_NISBA,
    MK_STATE,
    MK_TRIGGER,
    ActorMention,
    ActorRef,
    Document,
    Event,
    Mention,
    PlaceMention,
    PlaceRef,
    TimeExpr,
    Token,
)
from hadath.text.dates import WEEKDAYS, parse_iso
from hadath.text.normalize import norm_word

VIOLENT_ROOTS = ("18", "19", "20")  # the roots of violence (PLOVER ASSAULT in the gsr scorer)
NEGATORS = frozenset(["لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "دون", "بدون", "غير"])
NEGATING_VERBS = frozenset("نفى نفت ينفي تنفي نفوا نفي".replace("ى", "ي").split())
INTENT = frozenset(
    "يعتزم تعتزم يعتزمون اعتزام ينوي تنوي نيه يرغب ترغب مستعد مستعده استعداد استعدادها استعداده "
    "يسعى تسعى يريد تريد يخطط تخطط".replace("ى", "ي").split()
)
# intention nouns with a pronoun suffix, which the tokenizer leaves whole ("نيتهما لتوفير غطاء جوي ... وطرد")
INTENT_NOUNS = frozenset(
    "نيته نيتها نيتهم نيتهما نيتنا عزمه عزمها عزمهم عزمهما عزمنا اعتزامه اعتزامها اعتزامهم اعتزامهما يعتزمان "
    "تعتزمان ينويان تنويان ينوون".split()
)
INTENT_WINDOW = 8  # an intention noun governs the acts coordinated after it in its clause
CONDITIONAL = frozenset(["اذا", "لو", "حال"])
FUTURE = frozenset(["سوف", "سيتم", "ستتم"])
FUTURE_KEYS = frozenset(["مقرر", "منتظر", "مرتقب", "متوقع", "يتوقع", "يرتقب", "ينتظر", "تقرر", "مزمع", "يعتزم", "تعتزم"])
CLAUSE_MARKERS = frozenset(
    ["ان", "انه", "انها", "انهم", "بان", "بانه", "لان", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث", "بينما", "فيما", "عندما", "بعدما", "قبلما", "كما", "لكن", "لكنه", "غير_ان", "قائلا", "مؤكدا", "مضيفا", "مشيرا", "موضحا", "معتبرا"]
)
# words opening the attribution of a report (a clause of its own, after the event): "حسبما ذكرت الوكالة"
REPORT_MARKERS = frozenset(["حسبما", "وحسبما", "بحسبما"])
CLAUSE_PUNCT = frozenset(".؛;:!؟?«»\"“”")
LIGHT_VERBS = frozenset(
    ["عقد", "عقدت", "عقدوا", "يعقد", "تعقد", "اجري", "اجرت", "اجروا", "يجري", "تجري", "بحث", "بحثت", "شن", "شنت", "شنوا", "يشن", "تشن", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ", "قام", "قامت", "قاموا", "يقوم", "تقوم", "نظم", "نظمت", "ينظم", "تنظم", "قدم", "قدمت", "يقدم", "تقدم", "وجه", "وجهت", "يوجه", "توجه", "بدا", "بدات", "يبدا", "تبدا", "واصل", "واصلت", "يواصل", "تواصل", "اطلق", "اطلقت", "يطلق", "تطلق"]
)
MOVEMENT_CODES = ("042", "043", "044")
# reciprocal light verbs: "تبادل الجيشان القصف"، "تبادلت الأجهزة الأمنية الأردنية والعراقية معلومات": each party
# of the coordinated subject acts on the other
EXCHANGE_VERBS = frozenset(["تبادل", "تبادلت", "تبادلوا", "تبادلا", "يتبادل", "تتبادل", "يتبادلون", "يتبادلان", "تتبادلان"])
SYMMETRIC_ROOTS = ("04", "05", "06", "19")
# acts done together whatever the verb's form: "وقعت مصر واليونان اتفاقية"، "أجرت القوات المصرية والسعودية مناورات"
RECIPROCAL_CODES = ("040", "046", "057", "06")
# dual nouns standing for the two parties of the meeting just reported: "وبحث الطرفان"، "إن الجانبين ناقشا"
DUAL_PARTIES = frozenset(norm_word(w) for w in (
    "الطرفان الطرفين الجانبان الجانبين الزعيمان الزعيمين الرئيسان الرئيسين الوزيران الوزيرين المسؤولان "
    "المسؤولين الرجلان الرجلين").split())
# what a statement is about, whose genitive is the party it concerns: "رحب بخطوات الرئيس"، "انتقد تصريحات الوزير"
STANCE_HEADS = frozenset(
    ["قرار", "قرارات", "خطوه", "خطوات", "جهود", "جهد", "تصريحات", "تصريح", "موقف", "مواقف", "سياسه", "سياسات",
     "دور", "مبادره", "مبادرات", "اقتراح", "مقترح", "مقترحات", "دعوه", "اعلان", "بيان", "ممارسات", "تدخل",
     "تدخلات", "اجراءات", "تصرفات", "انتهاكات", "اعتداءات", "سلوك", "نهج", "خطه", "خطط", "مشروع", "برنامج",
     "استعداد", "التزام", "رغبه", "حرص", "اداء", "تعامل", "رد", "ردود", "اتهامات", "مزاعم", "ادعاءات",
     # blameworthy acts whose genitive is the one blamed: "أرجع سبب خسارتها إلى القرصنة الروسية"
     "قرصنه", "تورط", "عدوان", "تهديدات", "استفزازات", "جرائم", "افعال", "اعمال", "انشطه", "تحركات", "دعم",
     # what is welcomed or regretted of a party: "استبشر اليمنيون بعودة رئيس الحكومة"، "رحب بانتخاب الرئيس"
     "عوده", "انتخاب", "تعيين", "فوز"]
)
PREP_WORDS = {"الى": ("الى", "الي"), "على": ("على", "علي"), "مع": ("مع",), "ضد": ("ضد",), "في": ("في",),
              "من": ("من",), "عن": ("عن",), "بين": ("بين",), "تجاه": ("تجاه",), "امام": ("امام",), "لدى": ("لدى", "لدي")}
# nouns between a preposition and the real target: "غارات على مواقع تنظيم داعش"
TARGET_HEADS = frozenset(
    ["مواقع", "موقع", "مقرات", "مقر", "معاقل", "معقل", "اهداف", "اهدافا", "هدف", "تجمعات", "تجمع", "تحصينات", "مراكز", "مركز", "مخازن", "مخزن", "عناصر", "عنصر", "مسلحي", "مقاتلي", "معسكرات", "معسكر", "قواعد", "قاعده", "مناطق", "منطقه", "نقاط", "نقطه", "اوكار", "ثكنات", "ثكنه", "دوريه", "دوريات", "رتل", "ارتال", "عربات", "عربه", "سيارات", "سياره", "منازل", "منزل", "مواكب", "موكب", "تنظيم", "جماعه", "حركه", "حزب", "فصيل", "فصائل", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات", "قوات", "جيش", "مسلحي", "مقاتلين", "مسلحين", "انصار", "انصار", "عناصر"]
)
TARGET_OR_STANCE_HEADS = TARGET_HEADS | STANCE_HEADS  # the topic nouns of statements too (roots 01-13)


NUMERALS = frozenset(
    ["اثنين", "اثنان", "اثنتين", "ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره", "عشرات", "مئات", "الاف", "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مئه", "مائه", "الف", "عده"]
)


ATTACK_NOUNS = frozenset(
    ["غاره", "غارات", "هجوم", "هجمات", "قصف", "تفجير", "تفجيرات", "انفجار", "اشتباكات", "اشتباك", "معارك", "معركه", "كمين", "عمليه", "ضربه", "ضربات", "مواجهات", "قتال"]
)
# what introduces the attack that caused casualties: "قتل ... في غارة"، "جراء قصف"، "إثر هجوم"، "بانفجار"
CAUSE_WORDS = frozenset(["في", "ب", "جراء", "اثر", "نتيجه", "خلال", "بسبب", "بفعل"])


# weapons whose use kills: "قتل بعبوة ناسفة"، "أصيب بقذيفة"
WEAPON_NOUNS = frozenset(["عبوه", "عبوات", "عبوتين", "قذيفه", "قذائف", "صاروخ", "صواريخ", "رصاص", "رصاصه", "لغم",
                          "هجومين", "انفجارين", "تفجيرين", "غارتين", "قنبله", "قنابل", "متفجره", "متفجرات"])


ATTACK_OR_WEAPON_NOUNS = ATTACK_NOUNS | WEAPON_NOUNS


def _killed_in_attack(toks: list[Token], tj: int) -> bool:
    """"... في غارة", "... جراء قصف", "... بانفجار عبوة": the killing verb reports casualties of an attack
    (passive reading). The preposition ب may be left on the noun by the segmenter ("بانفجار")."""
    # (one set for the two noun lists; a token whose key is in neither counts only with no prefix and a form
    # beginning with ب, or وب: most tokens are skipped after two tests)
    nouns = ATTACK_OR_WEAPON_NOUNS
    for k in range(tj, tj + 10 if tj + 10 < len(toks) else len(toks)):
        t = toks[k]
        if t.text in ".؛":
            return False
        if t.key in nouns:
            if t.prefix.lstrip("و")[:1] == "ب" or (k > 0 and toks[k - 1].norm in CAUSE_WORDS):
                return True
        elif not t.prefix:
            norm = t.norm
            bare = norm[1:] if norm[:1] == "و" else norm
            if bare[:1] == "ب" and ((bare[:3] == "بال" and bare[3:] in nouns) or bare[1:] in nouns):
                return True  # the preposition ب left on the noun: "بانفجار"
    return False


ATTACK_SUBJECTS = frozenset(
    ["انفجار", "تفجير", "هجوم", "غاره", "قصف", "عبوه", "سياره", "قذيفه", "قذائف", "صاروخ", "انتحاري", "كمين", "اعتداء"])


# what an attack led to: "انفجرت سيارة مفخخة قرب السوق ما أسفر عن مقتل عشرة"، "أدى انفجار ... إلى مقتل ثمانية"
RESULT_VERBS = frozenset(norm_word(w) for w in "أسفر أسفرت يسفر تسفر أدى أدت يؤدي تؤدي أوقع أوقعت خلف خلفت مخلفا مخلفة".split())
# the explosion told by a verb: "سيارة مفخخة انفجرت ... ما أسفر عن"
EXPLODED = frozenset(norm_word(w) for w in "انفجرت انفجر تفجرت تفجر انفجرتا انفجار".split())
VIOLENCE_FRAMES = frozenset(norm_word(w) for w in "أعمال حوادث أحداث اعمال احداث".split())
VIOLENCE_WORDS = frozenset(norm_word(w) for w in "عنف العنف".split())  # "في أعمال عنف": the casualties' cause
FIRING = frozenset(norm_word(w) for w in "إطلاق اطلاق".split())
FIRE = frozenset(norm_word(w) for w in "نار النار الرصاص رصاص النيران نيران".split())
RESULT_REACH = 30  # tokens back from the casualties to the attack whose result they are, within the sentence


def _casualty_report(toks: list[Token], ti: int, tj: int, p: Pattern) -> bool:
    """Casualties reported with the attack that caused them: a passive killing or wounding verb or a casualty
    noun followed by the attack ("قتل 18 شخصا في انفجار سيارة مفخخة"), or the result of an attack named before it
    ("هجوم انتحاري ... أسفر عن مقتل 15 شخصا"). CAMEO codes such a report with an unknown attacker."""
    if p.cameo[:2] not in VIOLENT_ROOTS or p.voice == VOICE_NOUN:
        return False
    if p.voice == VOICE_PASSIVE and _killed_in_attack(toks, tj):
        return True
    # (loops, not any() over generators: a generator resumed by a C function enters the interpreter anew each time)
    if p.voice == VOICE_PASSIVE:
        for k in range(tj, tj + 6 if tj + 6 < len(toks) - 1 else len(toks) - 1):
            if _hits(toks[k], VIOLENCE_FRAMES) and _hits(toks[k + 1], VIOLENCE_WORDS):
                return True  # "قتل 58 شخصا ... في أعمال عنف متفرقة"
        for k in range(tj, tj + CAUSE_REACH if tj + CAUSE_REACH < len(toks) - 2 else len(toks) - 2):
            if toks[k].norm in CASUALTY_CAUSE_PREPS and _hits(toks[k + 1], FIRING) and _hits(toks[k + 2], FIRE):
                return True  # "أصيب ... بجروح خطرة إثر إطلاق نار عليه"
    window = _words_before(toks, ti + 1, RESULT_REACH)
    # a result verb ("أسفر عن"، "أدى إلى") before the casualties, on either side of the attack ("انفجرت سيارة ...
    # ما أسفر عن"، "أدى انفجار سيارة ... إلى مقتل")
    result = False
    for t in window:
        if _hits(t, RESULT_VERBS):
            result = True
            break
    for k in range(ti, ti - len(window), -1):
        t = toks[k]
        if k == ti or (k < ti - 8 and not result):
            continue
        if (t.key in ATTACK_SUBJECTS and t.prefix.lstrip("و")[:1] not in ("ب", "ل")) or (result and _hits(t, EXPLODED)):
            return True
    return False


# --------------------------------------------------------------- the cause of reported casualties
# "قتل 26 شخصا في غارات شنتها طائرات النظام"، "لقوا مصرعهم جراء قصف قوات النظام"، "أصيب 12 خلال اشتباكات بين
# الجيش وجماعات متطرفة": the attack named after a passive killing or wounding names its perpetrator
CASUALTY_CAUSE_PREPS = frozenset(["في", "جراء", "اثر", "نتيجه", "بسبب", "بفعل", "خلال", "عقب", "بعد", "اثناء"])
CLASH_NOUNS = frozenset(["اشتباكات", "اشتباك", "معارك", "معركه", "مواجهات", "مواجهه", "قتال", "اقتتال"])
CAUSE_NOUNS = ATTACK_NOUNS | WEAPON_NOUNS | CLASH_NOUNS | frozenset(
    ["اعتداء", "اعتداءات", "هجومين", "انفجارات", "غارتين", "ضربتين", "قصفها", "قصفه", "عمليات"])
# verbs resuming the attack noun in a relative clause without a pronoun of their own: "غارة شنتها طائرات ..."
DOER_VERBS = frozenset(["شن", "شنت", "شنوا", "شنا", "يشن", "تشن", "يشنون", "نفذ", "نفذت", "نفذوا", "ينفذ", "تنفذ",
                        "ينفذون", "ارتكب", "ارتكبت", "ارتكبوا", "يرتكب", "ترتكب", "قام", "قامت", "قاموا", "يقوم",
                        "تقوم", "اطلق", "اطلقت", "اطلقوا", "يطلق", "تطلق", "وجه", "وجهت", "وجهوا", "تبنى", "تبنت",
                        "تبنوا", "استهدف", "استهدفت"])
DOER_PRONOUN_PREPS = frozenset(["به", "بها", "بهم", "بهما"])  # "اعتداء قام به مسلحون"
# what the casualties' cause phrase may hold between the attack noun and its perpetrator: adjectives of the attack
# ("قصف جوي"، "غارة جوية"), and nothing that opens another phrase
CAUSE_GAP = 2
# the codes that say no more than "fighting" / "assault": a cause noun's own code is more specific
GENERIC_CASUALTY_CODES = ("190", "180", "200")
CAUSE_REACH = 16  # tokens after the attack noun searched for its perpetrator and its target
# the head nouns of a perpetrator left outside its actor phrase: "هجوم لتنظيم داعش"، "قصف قوات النظام"
AGENT_HEADS = frozenset(["تنظيم", "جماعه", "حركه", "حزب", "فصيل", "فصائل", "ميليشيا", "مليشيا", "ميليشيات",
                         "مليشيات", "قوات", "جيش", "مسلحي", "مقاتلي", "عناصر", "طايرات", "طايره", "مقاتلات",
                         "سلاح", "الطيران", "طيران"])
ANAPHORA_GAP = 4  # the most tokens between casualties and "في الغارة" that refers to the article's last attack
AIM_PREPS = frozenset(["على", "علي", "ضد"])  # what the attack hit: "غارات على مواقع التنظيم"


# a casualty form whose two words hold the count of the casualties between them: "لقي 40 شخصا مصرعهم"، "لقي سبعة
# أشخاص على الأقل حتفهم"، "سقط 12 قتيلا"
GAP_MAX = 5  # the most words between the two words of the form
GAP_FREE = frozenset(["على", "علي", "الاقل", "اقل"])  # "على الأقل": the only preposition a count phrase holds


_GAPPED: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list[tuple[frozenset[str], str]]]] = \
    weakref.WeakKeyDictionary()


def _gapped_table(kb: KnowledgeBase) -> dict[str, list[tuple[frozenset[str], str]]]:
    """First word -> (the second words, pattern id) of the two-word forms of the violent patterns (roots 18-20).
    The words of one pattern's forms combine freely: the verb agrees with a subject after it in the singular
    ("لقي 40 شخصا مصرعهم"), while the listed forms pair a plural verb with a plural possessive ("لقوا مصرعهم")."""
    table = _GAPPED.get(kb)
    if table is None:
        firsts: dict[str, set[str]] = {}
        seconds: dict[str, set[str]] = {}
        for p in kb.patterns.values():
            if p.cameo[:2] not in VIOLENT_ROOTS or p.voice != VOICE_PASSIVE:
                continue
            for f in p.forms:
                words = phrase_key(f).split()
                if len(words) == 2:
                    firsts.setdefault(p.id, set()).add(words[0])
                    seconds.setdefault(p.id, set()).add(words[1])
        table = {}
        for pid, fs in firsts.items():
            for w in fs:
                table.setdefault(w, []).append((frozenset(seconds[pid]), pid))
        _GAPPED[kb] = table
    return table


COUNT_WORDS = NUMERALS | frozenset(["احد", "اثنان", "سبعه", "ثمانيه", "عشرات", "مئات", "عشره"])


def _count_word(t: Token) -> bool:
    """A number or a number word: the count of casualties that opens the gap of a form ("لقي 40 شخصا مصرعهم")."""
    return t.norm[:1].isdigit() or t.key in COUNT_WORDS or t.norm in COUNT_WORDS


def _gapped_forms(kb: KnowledgeBase, doc: Document, by_sent: dict[int, _Sent] | None = None,
                  triggers: list[Mention] | None = None) -> list[Mention]:
    """Mentions of two-word violent trigger forms (roots 18-20) whose words stand apart, the casualties counted
    between them ("لقي 40 شخصا مصرعهم"): the matcher knows only the adjacent form ("لقوا مصرعهم"). Only the
    passive casualty forms, with a count right after the first word, at a word that is no trigger yet, and a bare
    second word (not "تعرض 14 شخصا للتعذيب", a statistic more often than a report). The mention
    covers the first word, so that the count phrase is the verb's subject (the target) after it. The gap holds
    words only: no punctuation, no clause marker, no preposition but that of "على الأقل". ``by_sent``: the
    coder's sentences (:func:`_sentences`), whose token keys are listed here once for the coder too; ``triggers``:
    the trigger mentions of ``doc`` (its mentions of kind MK_TRIGGER), when the caller has them."""
    table = _gapped_table(kb)
    firsts = frozenset(table)  # (~70 words)
    if by_sent is None:
        by_sent = _sentences(doc)
    out: list[Mention] = []
    covered: set[int] | None = None  # the token positions inside triggers (built at the first candidate)
    for si, s in enumerate(doc.sentences):
        sent = by_sent[si]
        keys = sent.keys
        if keys is None:
            keys = sent.keys = [t.key for t in sent.toks]
        if firsts.isdisjoint(keys):
            continue  # (most sentences have no first word of a form)
        toks = sent.toks
        # the positions of the first words, found by list methods (in C) rather than a test of every key
        for i in word_positions(keys, firsts):
            cands = table[keys[i]]
            if i + 1 >= len(toks) or not _count_word(toks[i + 1]):
                continue
            if covered is None:
                if triggers is None:
                    triggers = [m for m in doc.mentions if m.kind == MK_TRIGGER]
                covered = {k for m in triggers for k in range(m.tok_start, m.tok_end)}
            if s.tok_start + i in covered:
                continue
            t = toks[i]
            for j in range(i + 2, min(len(toks), i + 2 + GAP_MAX)):
                u = toks[j - 1]
                if u.is_punct or u.norm in CLAUSE_MARKERS or (u.norm in PREP_WORDS and u.norm not in GAP_FREE):
                    break
                pids = [pid for second, pid in cands if toks[j].key in second and not toks[j].prefix]
                if pids:
                    a = s.tok_start + i
                    out.extend(Mention(MK_TRIGGER, a, a + 1, t.start, t.end, t.text, pid, si) for pid in pids)
                    break
    return out


# words opening a time clause that may name the attack behind casualties reported before it
TIME_CLAUSE_WORDS = frozenset(["عندما", "حين", "حينما", "بعدما", "بعد", "اثر", "لدى", "لما"])


def _cause_key(t: Token) -> tuple[str, bool]:
    """The attack noun a token stands for (its key, or the word under an unsplit ب/بال) and whether it is
    governed by the clitic ب ("بانفجار"، "بقصف")."""
    if t.key in CAUSE_NOUNS:
        return t.key, t.prefix.lstrip("وف")[:1] == "ب"
    if not t.prefix:
        bare = t.norm[1:] if t.norm[:1] == "و" else t.norm
        for clitic in ("بال", "ب"):
            if bare.startswith(clitic) and bare[len(clitic):] in CAUSE_NOUNS:
                return bare[len(clitic):], True
    return "", False


def _casualty_cause(toks: list[Token], start: int, end: int) -> int | None:
    """Index of the attack noun that gives the cause of the casualties reported before ``start``: the first
    cause noun up to ``end`` governed by a causal or locative preposition ("في غارة"، "جراء قصف"، "نتيجة قصف"،
    "إثر انفجار"، "خلال اشتباكات") or by the clitic ب ("بانفجار عبوة"). None when the clause names no attack."""
    for k in range(start, end if end < len(toks) else len(toks)):
        t = toks[k]
        if t.text in ".؛:!؟?":
            return None
        if t.key not in CAUSE_NOUNS:
            # (past most words without the call: _cause_key finds no other noun but under an unsplit ب)
            norm = t.norm
            if t.prefix or (norm[1:2] if norm[:1] == "و" else norm[:1]) != "ب":
                continue
        key, clitic = _cause_key(t)
        if key and (clitic or (k > start and toks[k - 1].norm in CASUALTY_CAUSE_PREPS)):
            return k
    return None


def _attack_reported(toks: list[Token], ti: int, tj: int, right: int, p: Pattern) -> bool:
    """The clause of a violent trigger names the attack, not only its victims: the trigger itself ("تعرضت لهجوم")،
    a cause phrase after it ("قتل عراقيان في تفجير"), or an attack as the subject before it ("سقطت صواريخ ...
    فقتلت 32 متمردا"). Casualties reported bare ("قتل خمسة أشخاص") are often a count, not an event."""
    named = any(_cause_key(t)[0] or t.norm.lstrip("و").removeprefix("ل") in CAUSE_NOUNS for t in toks[ti:tj])
    return (named or _casualty_cause(toks, tj, right) is not None
            or _casualty_report(toks, ti, tj, p))


# short words ending in alif that are no indefinite accusative object
NOT_ACCUSATIVE = frozenset(["هذا", "كذا", "لذا", "اذا", "ايضا", "معا", "عمدا", "خطا", "جوا", "برا", "بحرا", "سابقا",
                            "لاحقا", "اخيرا", "مؤخرا", "حاليا", "فورا", "امس", "غدا", "ليلا", "نهارا", "صباحا",
                            "مساء", "ظهرا", "عصرا", "فجرا", "يوميا", "تقريبا", "اولا", "ثانيا"])


def _accusative_object(toks: list[Token], ti: int) -> bool:
    """"قال الحلف إنه قتل عددا من قادة الحركة في غارات"، "إن قواتها قتلت مسلحا خلال عملية": the object right
    after the killing verb is an indefinite accusative ("عددا"، "مسلحا"): the active قَتَل (its subject the
    pronoun or the phrase before it), even when a cause phrase follows (the passive has no accusative)."""
    if ti < 1 or ti + 1 >= len(toks) or toks[ti].prefix.lstrip("وف"):
        return False
    obj = toks[ti + 1]
    return (not obj.prefix and len(obj.norm) >= 3 and obj.norm.endswith("ا") and not obj.norm.endswith("وا")
            and obj.norm not in NOT_ACCUSATIVE)


def _subject_then_count(toks: list[Token], sp: _Span) -> bool:
    """"قتلت قوات الأمن عشرة مسلحين في اشتباكات ...": a phrase right after the killing verb followed by a counted
    noun is the subject of the active verb (VSO), the count its object: no casualty report of the cause phrase."""
    first = None
    for x in sp.post:  # (a loop, not next() over a generator)
        if not x[2].prep:
            first = x
            break
    return (first is not None and first[0] - sp.tj <= 1 and first[1] < len(toks)
            and (toks[first[1]].norm[:1].isdigit() or toks[first[1]].key in NUMERALS or toks[first[1]].norm in NUMERALS))


def _subject_before_object(toks: list[Token], sp: _Span) -> bool:
    """"إن قواته قتلت ثلاثة مسلحين في اشتباك": a phrase right before the killing verb (no preposition) and a
    count or a phrase right after it: subject, verb, object (SVO), the active قَتَل (the passive has no object)."""
    subj = next((x for x in sp.pre if x[1] == sp.ti and not x[2].prep and x[2].head != "nisba"), None)
    if subj is None or sp.tj >= len(toks):
        return False
    nxt = toks[sp.tj]
    return (nxt.norm[:1].isdigit() or nxt.key in NUMERALS or nxt.norm in NUMERALS
            or any(x[0] == sp.tj and not x[2].prep for x in sp.post))


def _unsplit_resumptive(t: Token) -> Token | None:
    """A verb of doing left whole with its resumptive pronoun ("شنه"، "شنها": the stem is too short for the
    segmenter), as a token with the pronoun split off; None when the word is no such verb."""
    if t.suffix or t.prefix:
        return None
    for pron in sorted(RESUMPTIVE, key=len, reverse=True):
        if t.norm.endswith(pron) and t.norm[: -len(pron)] in DOER_VERBS:
            return replace(t, key=t.norm[: -len(pron)], suffix=pron)
    return None


def _cause_roles(toks: list[Token], rel: list[tuple[int, int, ActorMention]], k: int, end: int
                 ) -> tuple[ActorMention | None, ActorMention | None, bool]:
    """The perpetrator of the attack named by the cause noun at ``k``, the party it hit, and whether that party
    replaces the casualties as the target.

    * a relative verb resuming the noun: "غارة شنتها طائرات النظام"، "اعتداء قام به مسلحون أكراد";
    * the genitive, a من or ل phrase, or a nationality adjective: "قصف قوات النظام"، "قصف من طائرات النظام"،
      "غارة للتحالف"، "غارات أمريكية";
    * clashes: "اشتباكات بين الجيش وجماعات متطرفة" (the first party against the second), "اشتباكات مع الشرطة"
      (the police against the casualties).
    The attack's own target ("... على مواقع لحزب العمال"، "ضد مواقع التنظيم") is the party it hit."""
    after = sorted((x for x in rel if k < x[0] < end), key=_START)
    key, _ = _cause_key(toks[k])
    if key in CLASH_NOUNS:
        for i, x in enumerate(after):
            if x[2].prep == "بين":
                # "اشتباكات في وسط المدينة بين قوات الحكومة التي ... ومقاتلين": the next conjunct is the other party
                other = next((y for y in after[i + 1:] if y[2].conj and not y[2].prep), None)
                if other is not None:
                    return x[2], other[2], True
            if x[2].prep == "مع" and x[0] - k <= 1 + CAUSE_GAP:
                return x[2], None, False
        return None, None, False
    agent: tuple[int, int, ActorMention] | None = None
    for v in range(k + 1, k + 2 + CAUSE_GAP if k + 2 + CAUSE_GAP < end else end):
        t = toks[v]
        if t.is_punct:
            break
        verb = t.key in DOER_VERBS or (t.suffix and t.norm[: -len(t.suffix)] in DOER_VERBS)
        if not verb and (short := _unsplit_resumptive(t)) is not None:
            verb, t = True, short  # "هجوم شنه مسلحون": a short verb the segmenter leaves with its pronoun
        if verb and t.suffix in RESUMPTIVE:
            at = v + 1
        elif verb and v + 1 < len(toks) and toks[v + 1].norm in DOER_PRONOUN_PREPS:
            at = v + 2
        else:
            continue
        agent = next((x for x in after if at <= x[0] <= at + 1 and not x[2].prep), None)
        break
    if agent is None and after:
        # the first phrase after the noun, past the adjectives of the attack ("قصف جوي"), a partitive من and the
        # head nouns left outside the phrase ("قصف من طائرات تركية"، "هجوم لتنظيم داعش"); a bare phrase after
        # another noun is that noun's genitive ("قصف مواقع داعش"), unless it is a nationality adjective
        x = after[0]
        gap = toks[k + 1:x[0]]
        if x[2].prep and gap and gap[-1].norm in PREP_WORDS.get(x[2].prep, (x[2].prep,)):
            gap = gap[:-1]  # the separate preposition of the phrase itself: "قصف من طائرات النظام"
        core = [g for g in gap if g.norm != "من" and g.key not in AGENT_HEADS
                and g.norm.removeprefix("ل") not in AGENT_HEADS]
        if (not any(g.is_punct or (g.norm in PREP_WORDS and g.norm != "من") for g in gap) and len(core) <= 1
                and x[2].prep in ("", "من", "ل") and (not core or x[2].head == "nisba" or x[2].prep)):
            agent = x
    if agent is None:
        return None, None, False
    aim = None
    first = next((i for i in range(agent[1], end if end < len(toks) else len(toks)) if toks[i].norm in AIM_PREPS), None)
    hit = None if first is None else next((x for x in after if x[0] > first and x[2] is not agent[2]), None)
    if first is not None and hit is not None and hit[0] - first <= 1 + CAUSE_GAP and all(
            t.key in TARGET_HEADS or t.norm in TARGET_HEADS or (t.norm[:1] == "ل" and t.norm[1:] in TARGET_HEADS)
            for t in toks[first + 1:hit[0]] if not t.is_punct):
        aim = hit[2]  # "... ضد مواقع لحزب العمال"، "على مواقع تنظيم داعش"
    return agent[2], aim, aim is not None


def _norm_words(words: str) -> frozenset[str]:
    """The normalised forms of space-separated words (for comparing with ``Token.norm``/``Token.key``)."""
    return frozenset(norm_word(w) for w in words.split())


PROTEST_PURPOSE = frozenset(["احتجاجا", "للاحتجاج", "تنديدا", "للتنديد", "للمطالبه", "مطالبين", "رفضا", "هاتفين",
                             "مرددين", "رافعين", "تضامنا"])
JOINED = _norm_words("خرج خرجت خرجوا يخرج يخرجون شارك شاركت شاركوا يشارك يشاركون سار ساروا")
# the crowd that protests, named as such: "تجمع المتظاهرون"، "هتف المحتجون"، "احتشد آلاف المعتصمين"
PROTESTERS = _norm_words(
    "متظاهر متظاهرون متظاهرين المتظاهرون المتظاهرين متظاهرة متظاهرات المتظاهرات محتج محتجون محتجين المحتجون "
    "المحتجين محتجة محتجات المحتجات معتصم معتصمون معتصمين المعتصمون المعتصمين مضربون مضربين المضربون المضربين")
CROWD_COUNTS = NUMERALS | _norm_words("مئات آلاف ألوف عشرات الآلاف المئات العشرات آلاف ألف مئة مائة حشود آلافا")
PROTESTERS_REACH = 4  # tokens around the trigger where the crowd is its subject ("وتجمع أمس مئات المتظاهرين")


PURPOSE_REACH = 8  # tokens after a protest trigger searched for its purpose word
# tokens after a protest trigger searched for a purpose that makes it a report ("تجمع مئات المتظاهرين أمام ...، مطالبين")
REPORT_PURPOSE_REACH = 14
PURPOSE_GAP = 3  # tokens between the purpose word and the party it names ("للمطالبة باستقالة رئيس الوزراء")
PURPOSE_PREPS = ("", "ب", "ل", "على", "ضد")


def _purpose_target(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int, right: int
                    ) -> ActorMention | None:
    """The coded party named in a protest's purpose phrase: "احتجاجا على قرار الحكومة"، "للمطالبة باستقالة رئيس
    الوزراء"، "تنديدا بالرئيس". The phrase follows the purpose word within :data:`PURPOSE_GAP` tokens, with no
    punctuation between them. None when the protest states no purpose or its purpose names no coded party."""
    for k in range(tj, min(right, tj + PURPOSE_REACH, len(toks))):
        t = toks[k]
        if t.text in CLAUSE_PUNCT:
            return None
        if t.key in PROTEST_PURPOSE or t.norm in PROTEST_PURPOSE:
            for x in post:
                if x[0] <= k:
                    continue
                if (x[0] - k > 1 + PURPOSE_GAP or any(g.is_punct for g in toks[k + 1:x[0]])):
                    return None
                if x[2].ref.code and x[2].prep in PURPOSE_PREPS:
                    return x[2]
            return None
    return None


COORD_PREPS = frozenset(["في", "من", "الي", "علي", "عن", "مع", "خلال", "عبر", "بين"])  # "وفي"، "ومن"، "وخلال"
WAR_NOUNS = frozenset(["حرب", "الحرب", "حربها", "حربه"])  # "الحرب على X"، "الحرب ضد X"
FIGHT_NOUNS = frozenset(["محاربة", "مكافحة", "قتال", "مواجهة"])  # "لمحاربة X"، "في مواجهة X"
WAR_REACH = 22  # tokens after a deployment trigger searched for the war it joins
WAR_STOP = frozenset(".؛;:!؟?")  # a quoted model name ("ف - 16") does not end the clause


def _war_enemy(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int
               ) -> ActorMention | None:
    """The coded enemy of the war a deployment joins: "نشر مقاتلات في قاعدة X للمشاركة في الحرب على Y"، "أرسل
    قوات لمحاربة Y". The enemy directly follows "الحرب على/ضد" or a fighting noun, in the same clause. None when
    the deployment names no such war."""
    for k in range(tj, min(tj + WAR_REACH, len(toks))):
        t = toks[k]
        if t.text in WAR_STOP:
            return None
        at: int | None = None
        if (t.key in WAR_NOUNS or t.norm in WAR_NOUNS) and k + 1 < len(toks) and toks[k + 1].norm in ("علي", "ضد"):
            at = k + 2
        elif t.key in FIGHT_NOUNS or t.norm.lstrip("ل") in FIGHT_NOUNS:
            at = k + 1
        if at is None:
            continue
        for x in post:
            if at - 1 <= x[0] <= at + 2 and x[2].ref.code:  # "تنظيم (داعش)"
                return x[2]
        return None
    return None


def _report_bonus(toks: list[Token], ti: int, tj: int, p: Pattern, sources: list[ActorMention],
                  targets: list[ActorMention]) -> float:
    """Confidence that the expected shape of a report restores.

    Casualties of a reported attack have an unknown attacker, not a missing one (+0.25, see
    :func:`_casualty_report`); a protest reported with its purpose ("تظاهر ... احتجاجا على"، "تجمعوا ... مطالبين
    بـ") is a report even when its protesters have no country code (+0.15), and so is one whose subject is the
    crowd of protesters it introduces ("تجمع مئات المتظاهرين"، "احتشد محتجون", +0.15; see :func:`_new_crowd`)."""
    if not sources and targets and _casualty_report(toks, ti, tj, p):
        return 0.25
    if p.cameo[:2] in VIOLENT_ROOTS and p.voice == VOICE_ACTIVE and sources and targets:
        for t in toks[tj:tj + 3]:  # (a loop, not any() over a generator)
            if t.text.isdigit() or _hits(t, NUMERALS):
                return 0.15  # "قتلت 11 مسلحا"، "خطفوا ما مجموعه 14 شخصا": counted victims of a reported act
    if p.cameo[:2] != "14":
        return 0.0
    purpose = False
    for t in _unbracketed(toks, tj, REPORT_PURPOSE_REACH):
        if t.text in ".؛:!؟":
            break
        purpose = purpose or t.key in PROTEST_PURPOSE or t.norm in PROTEST_PURPOSE
    # "خرج سكان الحي أمس في مظاهرة"، "شاركوا في مسيرة": the crowd went out in it
    joined = ti > 0 and toks[ti - 1].norm == "في" and any(_hits(t, JOINED) for t in _clause_before(toks, ti - 1, 6))
    crowd = _new_crowd_in(toks, max(0, ti - PROTESTERS_REACH), min(len(toks), tj + PROTESTERS_REACH))
    return 0.15 * purpose + 0.15 * crowd + 0.15 * joined


def _unbracketed(toks: list[Token], start: int, n: int) -> list[Token]:
    """Up to ``n`` tokens from ``start`` on, leaving out what parentheses enclose ("نزل آلاف الأشخاص (25 ألفا حسب
    المنظمين) إلى الشوارع للاحتجاج": the aside does not push the purpose out of reach)."""
    out: list[Token] = []
    depth = 0
    for t in toks[start:]:
        if len(out) >= n:
            break
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(t)
    return out


def _new_crowd(toks: list[Token], k: int) -> bool:
    """Token ``k`` introduces a crowd of protesters: indefinite ("متظاهرون") or counted ("مئات المتظاهرين"، "5000
    متظاهر"، "عشرات الآلاف من المتظاهرين"). The definite plural alone ("وهتف المتظاهرون") resumes protesters
    already reported: such a sentence describes a protest (its chants, its banners), it does not report one."""
    t = toks[k]
    if not _hits(t, PROTESTERS) or t.prefix.lstrip("و").startswith(("ب", "ل")):
        return False
    if not (t.prefix.endswith("ال") or t.norm.lstrip("و").startswith("ال")):
        return True
    prev = toks[k - 1] if k > 0 else None
    if prev is not None and prev.norm == "من" and k > 1:
        prev = toks[k - 2]  # a partitive: "عشرات الآلاف من المتظاهرين"، "المئات من المحتجين"
    return prev is not None and (prev.text.isdigit() or _hits(prev, CROWD_COUNTS))


# Governors that make a following violent or protest noun the topic of the clause (a charge, an inquiry, a
# trial, an anniversary, a condemnation, a reaction to it, its perpetrators' identity) rather than a happening
# the sentence reports: "بتهمة خطف"، "التحقيق في اغتيال"، "الذكرى الأولى لاغتيال"، "أدان الاعتداء".
TOPIC_GOVERNORS = _norm_words(
    "تهمة بتهمة التهمة تهم اتهام اتهامات اتهم اتهمت اتهموا يتهم تتهم متهم متهمة متهما متهمين متهمون المتهم "
    "المتهمة المتهمين المتهمون تحقيق التحقيق تحقيقات التحقيقات تحقيقه تحقيقها يحقق تحقق يحققون قضية القضية "
    "محاكمة المحاكمة محاكمات محاكمته محاكمتهم يحاكم ضلوع الضلوع ضلوعه ضلوعهم تورط التورط تورطه تورطهم متورط "
    "متورطا متورطين متورطون المتورطين ذكرى الذكرى وراء بتدبير تدبير "
    "ملابسات تفاصيل لجنة تعويض تعويضات لضحايا منفذي منفذو مرتكبي مرتكبو ردا رده ردها الرد رغم الرغم "
    "أيد أيدت أيدوا يؤيد تؤيد تأييد تأييدها تأييده معلقا معلقة تعليقا تعليقه تعليقها "
    # knowing about an act: "يعلم الكثير عن اغتيال"، "المعلومات حول الاغتيال"، "معرفة الحقيقة في اغتيال"
    "يعلم تعلم يعلمون يعرف تعرف يعرفون معرفة الحقيقة حقيقة معلومات المعلومات"
)
DURATIONS = _norm_words("عام عاما أعوام سنة سنوات سنتين عامين شهر شهرا أشهر شهرين يوم يوما أيام أسبوع أسابيع عقد عقود قرن")
TEMPORAL_FRAMES = _norm_words("خلال إبان أثناء منذ بعد بعيد عقب إثر قبل")
# a condemnation names a known act ("أدان خطف الصحفيين") unless a relative clause reports it ("دان القصف الذي شنته
# الطائرات التركية على ..."), which CAMEO codes
CONDEMNING = _norm_words(
    "أدان أدانت أدانوا يدين تدين دان دانت إدانة استنكر استنكرت استنكروا يستنكر تستنكر استنكار شجب شجبت يشجب "
    "ندد نددت يندد تندد تنديد"
)
# a possibility, a fear, a warning, a precaution or an exercise: the violence has not happened
HYPOTHETICAL = _norm_words(
    "يمكن يمكنه يمكنها يمكنهم يمكن ربما لعل شأن احتمال احتمالات إمكانية إمكان تفادي لتفادي تجنب لتجنب "
    "لمنع خشية الخشية مخاوف يخشى تخشى خوفا تحذير تحذيرات حذر حذرت يحذر تحذر محذرا للتدريب التدريب التدرب "
    "مناورات سيناريو سيناريوهات فرضية أنذر أنذرت ينذر تنذر إحباط لإحباط أحبط أحبطت أحبطوا يحبط تحبط "
    "فكرة مؤامرة التآمر بالتآمر مخطط مخططا مخططات تحذيرها تحذيره تحذيرهم حذروا يحذروا يحذرون رجح رجحت يرجح "
    "ترجح ترجيح ترجيحات المرجح لمح لمحت يلمح تلمح تلميح المعتقد يعتقد يعتقدون "
    "لكان لكانت لكانوا"  # the answer of a counterfactual: "لو ... لكانت حادثة خطف البحارة حجة"
    # rumours and allegations: "نفت الوزارة الشائعات عن مقتل"، "مزاعم قصف المدنيين"; what is impossible
    " إشاعات الإشاعات شائعات الشائعات مزاعم المزاعم ادعاءات الادعاءات يستحيل تستحيل مستحيل المستحيل استحالة"
)
# a call or demand for an act: the act is wanted, not done ("دعا إلى مقاطعة"، "طالبوا بتسيير مسيرات")
CALLS = _norm_words(
    "طالب طالبت طالبوا يطالب تطالب يطالبون مطالبا مطالبين مطالبة المطالبة دعا دعت دعوا يدعو تدعو يدعون داعيا "
    "داعية داعين دعوة دعوات الدعوة ناشد ناشدت يناشد"
)
# verbs of undergoing whose ل-phrase reports the act: "تعرضت القافلة لهجوم"، "يتعرضون للقصف"
EXPOSED_TO = _norm_words("تعرض تعرضت تعرضوا تعرضا تعرضتا تعرضن تعرضنا يتعرض تتعرض يتعرضون يتعرضن نتعرض تعرضه "
                         "تعرضها تعرضهم عرضة")
# adjectives after the noun: "هجوم محتمل"، "الهجوم المرتقب"
HYPOTHETICAL_AFTER = _norm_words("محتمل محتملة المحتمل المحتملة مرتقب مرتقبة المرتقب المرتقبة المزمع المزمعة المنتظر")
# threats and plans of violence: coded as a threat (138), not as the violence itself (CAMEO)
THREAT_WORDS = _norm_words(
    "هدد هددت هددوا يهدد تهدد يهددون تهديد تهديدات التهديد بالتهديد توعد توعدت توعدوا يتوعد تتوعد متوعدا "
    "لوح لوحت يلوح تلوح التلويح ملوحا يخطط تخطط يخططون خطط خططت خططوا خطة خططا مخطط مخططا تدرس يدرس "
    "يستعد تستعد يستعدون استعدادا استعدادات"
)
# abstract violent masdars: with the article and in a list or after a generic head they name a kind of act
GENERIC_VIOLENCE = _norm_words(
    "قتل خطف اختطاف تعذيب اغتصاب اغتيال اغتيالات اعتداءات تفجيرات تصفية ذبح عنف إرهاب اعتقال تهجير تفجير"
)
# plural heads of a kind of act: "عمليات خطف"، "حوادث اغتصاب"، "أعمال قتل"، "جرائم القتل"
PLURAL_HEADS = _norm_words("عمليات حوادث أعمال جرائم أساليب ممارسات حالات موجة سلسلة")
GENERIC_HEADS = PLURAL_HEADS | _norm_words("ظاهرة أسلوب سياسة مسلسل انتشار تصاعد استعمال استخدام ممارسة")
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_CLITIC_PAIRS = frozenset(c for c in _CLITICS if len(c) == 2)
_CLITIC_LETTERS = frozenset(c for c in _CLITICS if len(c) == 1)
ATTEMPT = _norm_words("محاولة محاولات تعمد")  # "بمحاولة قتل"، "بتعمد قصف": transparent to what governs them
RESPONSIBILITY = _norm_words("مسؤولية المسؤولية مسؤوليته مسؤوليتها مسؤوليتهم مسؤوليتهما")
# denying responsibility, or laying it on another: "نفى"، "عدم"، "حمّل"، "يحمل"
LAY_ON = _norm_words("حمل حملت حملوا يحمل تحمل محملا محملة تحميل")  # laying responsibility on another
DISCLAIM = NEGATING_VERBS | LAY_ON | _norm_words("عدم نفى نفت نفوا ينفي تنفي")
LAY_ON_REACH = 16  # tokens back from "مسؤولية" + act to the verb that lays it on someone
COUNT_HEADS = _norm_words("عدد أعداد حصيلة")  # the number of casualties, updated or discussed: a statistic
LIKE = _norm_words("مثل أمثال أنواع أنواعا نوع أشكال أشكالا صنوف ضروب")  # "مثل هذه المظاهرات": acts of a kind
WHO = _norm_words("من ومن")  # before a verb, the relative pronoun "who" (a preposition governs nouns only)
PLURAL_VERB_ENDINGS = ("وا", "ون")
CALL_REACH = 12  # tokens back (across commas) from a coordinated noun to the demand it is an object of


KIND_REACH = 2  # tokens after a verb to the "مثل" of its complement ("تشارك في مثل هذه المظاهرات")


def _kind_complement(toks: list[Token], tj: int) -> Token | None:
    """The "مثل" that makes a verb's complement a kind of act ("قوى سلام تشارك في مثل هذه المظاهرات"): the verb
    says what someone does in such acts, it reports none; None when there is none. Only "مثل" with a
    demonstrative: "ورددوا هتافات مثل «...»" lists the chants of a protest."""
    return next((u for k, u in enumerate(toks[tj:tj + KIND_REACH], tj) if _hits(u, LIKE)
                 and k + 1 < len(toks) and _hits(toks[k + 1], DEMONSTRATIVES)), None)


def _words_before(toks: list[Token], ti: int, n: int) -> list[Token]:
    """Up to ``n`` tokens before ``ti`` (nearest first), stopping at the end of a sentence or clause (not at commas)."""
    out: list[Token] = []
    for k in range(ti - 1, ti - 1 - n if ti > n else -1, -1):
        if toks[k].text in ".؛:!؟":
            break
        out.append(toks[k])
    return out
# the masdars of light verbs, which with ل / إلى state what an act is for: "لشن هجمات"، "لتوجيه ضربة عسكرية"،
# "للقيام بعمليات عسكرية"، "لتنفيذ سلسلة اعتداءات"، "لارتكاب أعمال قتل"
LIGHT_MASDARS = _norm_words("شن توجيه تنفيذ القيام قيام ارتكاب تسديد")
# words that date a clause by its year alone: "في عام 2003"، "منذ العام 2004"، "سنة 1982"، "في أغسطس 1990". News
# dates what it reports by the day ("أمس"، "الخميس"); a clause dated by a year tells history or background
YEAR_FRAMES = _norm_words("عام العام سنة السنة منذ في خلال")
MONTH_NAMES = _norm_words(
    "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط "
    "آذار نيسان أيار حزيران تموز آب أيلول تشرين")
YEAR_REACH = 16  # tokens on each side of the trigger searched for the year that dates its clause


def _token_forms(t: Token) -> tuple[str, ...]:
    """A token's normalised form, its key and its form without a conjunction or preposition clitic."""
    return _forms_of(t.norm, t.key)


@lru_cache(maxsize=1 << 16)
def _forms_of(norm: str, key: str) -> tuple[str, ...]:
    bare = _bare_form(norm)
    return (norm, key) if bare is None else (norm, key, bare)


@lru_cache(maxsize=1 << 16)
def _bare_form(norm: str) -> str | None:
    """The normalised form without its first conjunction or preposition clitic (3 letters must remain), or None."""
    # (the first of _CLITICS that fits, found by two set tests instead of a test per clitic: the two-letter ones
    # come first and begin with a one-letter one)
    if len(norm) < 4:
        return None
    if len(norm) >= 5 and norm[:2] in _CLITIC_PAIRS:
        return norm[2:]
    if norm[0] in _CLITIC_LETTERS:
        return norm[1:]
    return None


# normalised form -> its bare form (:func:`_bare_form`), NO_BARE when it has none: a plain dict read in _hits (faster
# than the lru_cache call), emptied when it grows past BARE_CACHE_MAX words
_BARE_OF: dict[str, str] = {}
BARE_CACHE_MAX = 1 << 17
NO_BARE = "\x00"  # in no word list: ``NO_BARE in words`` is False


def _hits(t: Token, words: frozenset[str]) -> bool:
    """One of the token's forms (:func:`_token_forms`) is in ``words``: the form and the key first, the bare
    form (cached per form) only when neither is (the hot path: ~1,000 calls per article, most of them misses)."""
    norm = t.norm
    if norm in words or t.key in words:
        return True
    bare = _BARE_OF.get(norm)
    if bare is None:
        if len(_BARE_OF) >= BARE_CACHE_MAX:
            _BARE_OF.clear()
        bare = _BARE_OF[norm] = _bare_form(norm) or NO_BARE
    return bare in words


# every text that _clause_before skips or stops at (the ``in`` tests of strings hold for their substrings too)
_QUOTE_OR_CLAUSE_MARK = CLAUSE_PUNCT | frozenset(s[i:j] for s in ("«»\"“”", "،,") for i in range(len(s) + 1)
                                                 for j in range(i, len(s) + 1))


def _clause_before(toks: list[Token], ti: int, n: int) -> list[Token]:
    """Up to ``n`` tokens before ``ti`` (nearest first), stopping at clause punctuation."""
    out: list[Token] = []
    if n <= 0 or ti <= 0:
        return out
    # (an iterator over the tokens before ti, nearest first: no index per token)
    for t in reversed(toks[:ti]):
        text = t.text
        if text in _QUOTE_OR_CLAUSE_MARK:  # (one set test for a word, most tokens; the two below for a mark)
            if text in "«»\"“”":
                continue  # quotes around a name ("لـ «القوات اللبنانية»") do not end the clause
            if text in CLAUSE_PUNCT or text in "،,":
                break
        out.append(t)
        if len(out) >= n:  # (tested after a token is taken, not before every token)
            break
    return out


def _noun_reading(toks: list[Token], ti: int, p: Pattern) -> bool:
    """The trigger is a noun (masdar): a noun pattern, a definite or preposition-prefixed word, or a word after
    a preposition or a temporal adverb ("في خطف"، "بخطف"، "الخطف"، "خلال غزو"): a verb can take none of these."""
    t = toks[ti]
    if p.voice == VOICE_NOUN or _masdar_like(t.key):
        return True
    pre = t.prefix.lstrip("وف")
    if pre[:1] in ("ب", "ل") or pre.endswith("ال"):
        return True
    bare = t.norm[1:] if t.norm[:1] in ("و", "ف") else t.norm
    if not t.prefix and bare[:1] in ("ب", "ل") and _masdar_like(bare[1:]):
        return True  # "بتنظيم" left unsegmented
    return ti > 0 and (toks[ti - 1].norm in ("في", "عن", "على", "علي", "الى", "الي", "حول")
                       or toks[ti - 1].norm in TEMPORAL_FRAMES)


_FIRST_WORDS: dict[str, frozenset[str]] = {}


def _first_words(p: Pattern) -> frozenset[str]:
    """The normalised first words of a pattern's forms ("لقوا" of "لقوا مصرعهم"): a ل that begins one of them is
    the word's own letter, not the preposition the segmenter may have split off ("ل+قوا")."""
    words = _FIRST_WORDS.get(p.id)
    if words is None:
        words = _FIRST_WORDS[p.id] = frozenset(norm_word(f.split()[0]) for f in p.forms if f.strip())
    return words


def _purpose_light(toks: list[Token], k: int) -> bool:
    """Token ``k`` is a light verb's masdar stating a purpose: with ل ("لشن"، "للقيام") or after إلى ("إلى شن")."""
    t = toks[k]
    pre = t.prefix.lstrip("وف")
    bare = t.norm[1:] if t.norm[:1] in ("و", "ف") else t.norm
    if pre.startswith("ل") and (t.key in LIGHT_MASDARS or "ال" + t.key in LIGHT_MASDARS):
        return True
    if not pre and bare[:1] == "ل" and (bare[1:] in LIGHT_MASDARS or bare[2:] in LIGHT_MASDARS):
        return True  # "لتوجيه" left unsegmented ("للقيام": ل + القيام)
    return t.key in LIGHT_MASDARS and k > 0 and toks[k - 1].norm in ("الى", "الي")


# words of purpose whose object is an act aimed at, not done: "بهدف السيطرة على المدينة"، "الرامية إلى طرد"،
# "ليتمكنوا من شن هجوم" (ل + imperfect: in order to)
PURPOSE_HEADS = _norm_words(
    "بهدف بغية سعيا يهدف تهدف يهدفون تهدفان هدفها هدفه هدفهم الهادفة الهادف الرامية الرامي ترمي يرمي يرمون "
    "ليتمكن ليتمكنوا لتتمكن ليتسنى الإعداد الاعداد التحضير")
# the imperfect of aiming, after "كان": "كانت الخلية تستهدف تفجير مقر البرلمان" (a plot; "استهدف تفجير انتحاري
# المقر" reports a bombing, the verbal noun its subject)
AIM_VERBS = _norm_words("يستهدف تستهدف يستهدفون يستهدفان تستهدفان")
AIM_PAST = _norm_words("كان كانت كانوا كانا كانتا")
AIM_LINKS = _norm_words("إلى الى من")  # "تهدف إلى"، "ليتمكنوا من"


def _clause_verb_cue(toks: list[Token], tj: int) -> bool:
    """A bare form after و ("وقتل") opens a clause of its own, a verb: right after it stand a day, a count or a
    nominative plural subject (DAY_WORDS, NUMERALS)."""
    for u in toks[tj:tj + VERB_CUE_REACH]:
        if u.is_punct:
            return False
        if _hits(u, DAY_WORDS) or u.text.isdigit() or u.key in NUMERALS or u.norm in NUMERALS:
            return True
        if u.norm.endswith("ون") and len(u.key) > 4:
            return True
    return False


# the words of a day or a time of day ("أمس"، "صباح اليوم")
DAY_WORDS = _norm_words("أمس امس اليوم الليلة صباح مساء فجر ظهر")
# words that date an act by the day of the report ("أمس"، "صباح اليوم"، "الخميس"): news tells what happened so,
# whatever points it back to a known act ("الهجوم الانتحاري الأخير ... أمس") or recalls one
REPORT_DAYS = DAY_WORDS | frozenset("ال" + w for w in WEEKDAYS)
REPORT_DAY_REACH = 10  # tokens after a violent noun (its adjectives, target and place) searched for its day
REPORT_DAY_BACK = 3  # tokens before it ("وأدى أمس تفجير ...")


def _reported_day(toks: list[Token], ti: int, tj: int) -> Token | None:
    """The word of the day of the report in the violent noun's own clause ("عن الهجوم الانتحاري الأخير على قاعدة
    للجيش أمس"، "أدى تفجير انتحاري أمس إلى"), or None: an act so dated is a happening reported, not a known one."""
    if not _word_index(toks).at(_W_REPORT_DAY):
        return None  # (no such word in the sentence)
    for u in toks[tj:tj + REPORT_DAY_REACH]:
        if u.text in CLAUSE_PUNCT or u.text in "،,":
            break
        if _hits(u, REPORT_DAYS):
            return u
    return next((u for u in _clause_before(toks, ti, REPORT_DAY_BACK) if _hits(u, REPORT_DAYS)), None)


# adverbs that with "ما" make the verb after them a habit: "غالبا ما تقوم بقتل"، "كثيرا ما يتعرضون للضرب"
HABITUAL_ADVERBS = _norm_words("غالبا عادة كثيرا دائما طالما")
HABIT_REACH = 6  # tokens back from a violent word to the "ما" of the habit (its light verb and subject between)


def _habitual(toks: list[Token], ti: int) -> str | None:
    """The adverb of habit before the violent word's clause ("وغالبا ما تقوم بقتل"، "عادة ما يتعرض المعتقلون
    للتعذيب"), or None: what is done as a rule is no happening."""
    if _word_index(toks).last_before(_W_HABITUAL, ti) < 0:
        return None  # (no adverb of habit before it)
    back = _clause_before(toks, ti, HABIT_REACH)
    for n, u in enumerate(back[:-1]):
        if u.norm == "ما" and _hits(back[n + 1], HABITUAL_ADVERBS):
            return back[n + 1].text
    return None


# adjectives that point a definite act noun back to one already known: "القتال الأخير"، "الهجوم السابق"
LATEST = _norm_words("الأخير الأخيرة الأخيرين الأخيرتين الأخيرات السابق السابقة")
LATEST_REACH = 2  # the adjective right after the noun, or after a first adjective ("الهجوم الانتحاري الأخير")


def _latest_act(toks: list[Token], tj: int) -> str | None:
    """The adjective that makes the definite act noun ending at ``tj`` refer back to a known act ("اندلاع القتال
    الأخير"، "التفجيرات الأخيرة"، "الهجوم الانتحاري السابق"), or None."""
    if not toks[tj - 1].prefix.lstrip("وفبل").endswith("ال"):
        return None
    for u in toks[tj:tj + LATEST_REACH]:
        if _hits(u, LATEST):
            return u.text
        if not u.prefix.endswith("ال"):
            return None
    return None


# conjunctions of time that open a sentence with the clause dating its main clause: "حينما احتل الجيش الكويت في
# أغسطس 1990 جمع الرئيس الدعم ..."
TIME_CONJUNCTIONS = _norm_words("حينما عندما لما حين حينها يوم بعدما")
TIME_OPENING_REACH = 2  # tokens from the start of the sentence to its conjunction of time ("و"، "ففي" before it)


def _dated_opening_clause(toks: list[Token], ti: int) -> str | None:
    """The year of a clause of time that opens the sentence, for a trigger after it ("حينما احتل الجيش العراقي الكويت
    في أغسطس 1990 جمع الرئيس بوش ... ما مكن من طرد القوات"): the main clause happened then too, so the whole
    sentence tells history; None when the sentence opens otherwise or its clause of time has no year."""
    if not _word_index(toks).at(_W_YEAR):
        return None  # (no year in the sentence)
    k = next((k for k in range(min(TIME_OPENING_REACH, len(toks))) if _hits(toks[k], TIME_CONJUNCTIONS)), None)
    if k is None or k >= ti or any(u.is_punct and u.text not in "،," for u in toks[:k]):
        return None
    return _dated_by_year(toks, k, k + 1)


WHAT_OF_REACH = 6  # tokens from the "من" before a violent noun back to the relative "ما" ("ما ارتكبه النظام من")


def _what_of(toks: list[Token], ti: int) -> bool:
    """The violent noun explains a relative "ما" ("كل ما يقوم به الاحتلال من تطهير عرقي"، "تكرار ما ارتكبه النظام
    السابق من فظائع"): what a party does or did, as a kind, no happening reported. The "ما" follows a word of its
    phrase ("كل"، "تكرار"); after a comma or "و" it would be a negation ("، ما قتل أحدا من ...")."""
    if ti < 3 or toks[ti - 1].norm != "من":
        return False
    for k in range(ti - 2, max(0, ti - 2 - WHAT_OF_REACH), -1):
        u = toks[k]
        if u.is_punct or u.norm in RELATIVES:
            return False
        if u.norm == "ما":
            prev = toks[k - 1]
            return not prev.is_punct and prev.norm not in ("و", "ف")
    return False


# words that recall a known act: "يذكرنا بتبني ... لعملية اغتيال"، "أعاد إلى الأذهان اغتيال"؛ "ارتبط اسمه باغتيال"
RECALLING = _norm_words("يذكرنا تذكرنا يذكرني تذكرني تذكير بتذكير الأذهان للأذهان")
NAME_LINKS = _norm_words("ارتبط ارتبطت يرتبط اقترن اقترنت يقترن")  # before "اسمه": a name linked to an act
LINKED_NAMES = _norm_words("اسمه اسمها اسمهم اسم")
RECALL_REACH = 14  # tokens back (across commas and brackets) from the act to the word that recalls it


def _recalled(toks: list[Token], ti: int) -> str | None:
    """The word that recalls the violent noun as an act known from before ("وهذا أسلوب يذكرنا بتبني «أبو عدس» ...
    لعملية اغتيال الحريري"، "أعاد إلى الأذهان اغتيال"، "وارتبط اسمه بشكل خاص في اغتيال"), or None."""
    if _word_index(toks).last_before(_W_RECALL, ti) < (ti - RECALL_REACH if ti > RECALL_REACH else 0):
        return None  # (no word of either kind within reach)
    back = _words_before(toks, ti, RECALL_REACH)
    for n, u in enumerate(back):
        if _hits(u, RECALLING):
            return u.text
        if _hits(u, LINKED_NAMES) and n + 1 < len(back) and _hits(back[n + 1], NAME_LINKS):
            return f"{back[n + 1].text} {u.text}"
    return None


def _agentive_qabl(before: list[Token]) -> bool:
    """The nearest word before is the "قبل" of "من قبل" (by: "من قبل قناصة"), an agent's mark, not a time."""
    return len(before) > 1 and before[0].norm == "قبل" and before[1].norm == "من"


def _aim_governor(toks: list[Token], ti: int) -> Token | None:
    """The word of purpose or aiming whose object is the verbal noun at ``ti`` ("بهدف السيطرة"، "تهدف إلى طرد"،
    "ليتمكنوا من شن هجوم"، "كانت تستهدف تفجير"), or None: the act is aimed at, not reported."""
    k = ti - 1
    if k > 0 and toks[k].norm in AIM_LINKS:
        k -= 1
    if k < 0:
        return None
    u = toks[k]
    if _hits(u, PURPOSE_HEADS):
        return u
    if _hits(u, AIM_VERBS) and any(_hits(w, AIM_PAST) for w in toks[max(0, k - 3):k]):
        return u
    return None


def _year_window(toks: list[Token], ti: int, tj: int) -> tuple[int, int]:
    """The tokens around a trigger searched for what dates or frames its clause: up to :data:`YEAR_REACH` tokens on
    each side, not past a sentence mark or a quotation mark."""
    marks = _word_index(toks).at(_W_SENT_MARK)
    i = bisect_left(marks, ti)
    # (the later and the earlier of two bounds by conditional expressions, not max()/min(): builtin calls)
    lo = marks[i - 1] + 1 if i else 0
    if ti - YEAR_REACH > lo:
        lo = ti - YEAR_REACH
    i = bisect_left(marks, tj, i)
    hi = marks[i] if i < len(marks) else len(toks)
    return lo, tj + YEAR_REACH if tj + YEAR_REACH < hi else hi


def _dated_by_year(toks: list[Token], ti: int, tj: int) -> str | None:
    """The year (1900-2029) that dates the trigger's clause ("ففي عام 2006 قتل"، "خطفوا منذ عام 2004"، "احتل الكويت
    في أغسطس 1990"), or None; a day before it ("25 سبتمبر 2005") makes it a full date, which the article's date
    judges instead."""
    years = _word_index(toks).at(_W_YEAR)
    if not years:
        return None
    lo, hi = _year_window(toks, ti, tj)
    for k in years[bisect_left(years, lo):]:
        if k >= hi:
            break
        if k == 0:
            continue
        w = toks[k].text
        m = k - 1
        if toks[m].text == ")":  # "في أبريل (نيسان) 2003": the month's other name in brackets
            while m > 0 and toks[m].text != "(" and k - m < 5:
                m -= 1
            m -= 1
        prev = toks[m] if m >= 0 else toks[k - 1]
        if _hits(prev, YEAR_FRAMES) or (_hits(prev, MONTH_NAMES) and not (m >= 1 and toks[m - 1].text.isdigit())):
            return w
    return None


# a rally for a party or a decision: "تظاهر المئات تأييدا لقرار"، "بجموع حاملة شعارات مؤيدة للسياسة"
# ("لصالح": "مسيرة لصالح الفقراء"، "تظاهرة لصالح الحكومة": a march in favour of a party or a cause)
SUPPORT_WORDS = _norm_words("تأييدا تأييد دعما مؤيدة مؤيدين مؤيدون المؤيدة المؤيدين المؤيدون مناصرة لصالح")
SUPPORT_REACH = 10  # tokens after a protest word (its subject and place between) searched for the support it expresses
CONTRAST_MARKERS = _norm_words("فيما وفيما بينما وبينما حين لكن ولكن")
# the right or the act of protesting in general: "التظاهر السلمي حق مشروع"
GENERIC_PROTEST = _norm_words("التظاهر")


def _support_rally(toks: list[Token], ti: int, tj: int, before: list[Token]) -> str | None:
    """Why a protest trigger is a rally in support or protest in general, or None.

    A gathering that backs a party or a decision ("تظاهر المئات تأييدا لقرار الإعدام"، "مسيرة مؤيدة للحكومة")
    demonstrates support, not dissent (gsr rules: PROTEST is dissent); the definite verbal noun "التظاهر" names the
    right or the act in general ("التظاهر السلمي حق يكفله القانون").
    """
    after: list[Token] = []
    for u in toks[tj:tj + SUPPORT_REACH]:
        if u.text in ".؛:!؟" or u.norm in CONTRAST_MARKERS:
            break  # "تظاهر الآلاف ضد الحكومة، فيما خرج مؤيدون لها": another clause, another crowd
        after.append(u)
    back = next((u for u in [*after, *before[:2]] if _hits(u, SUPPORT_WORDS)), None)
    if back is not None:
        return f"a rally in support ('{back.text}'), not dissent"
    if tj - ti == 1 and toks[ti].norm.lstrip("و") in GENERIC_PROTEST:
        return "protest in general, not a happening"
    return None


SOUNDS = _norm_words("دوي سمع سمعت سماع أصوات صوت لعلعة ولعلعة أزيز")  # the noise of explosions or shooting
SOUND_REACH = 3  # tokens before a violent word searched for the noise it is the sound of
# a span of years over which acts are totalled: "خلال السنوات الست الماضية"، "على مدى أعوام"، "منذ عقود"
PERIOD_FRAMES = _norm_words("خلال طوال مدى منذ طيلة")
YEARS_PLURAL = _norm_words("السنوات سنوات الأعوام أعوام العقود عقود السنين سنين")
PERIOD_GAP = 2  # words between the frame and the plural of years ("خلال الـ 5 سنوات")


def _period_frame(toks: list[Token], lo: int, hi: int, frame: int, periods: int, gap: int) -> Token | None:
    """The first token of ``lo``..``hi`` in the word class ``frame`` (a bit of :func:`_word_index`) that a word of
    the class ``periods`` follows within ``gap`` words ("خلال السنوات الست الماضية"، "منذ أكثر من ثمانية أشهر"), or
    None: the frame of a long period."""
    idx = _word_index(toks)
    bits, frames = idx.bits, idx.at(frame)
    end = len(toks)
    for k in frames[bisect_left(frames, lo):]:
        if k >= hi:
            break
        if any(bits[u] & periods for u in range(k + 1, min(end, k + 2 + gap))):
            return toks[k]
    return None


def _period_of_years(toks: list[Token], ti: int, tj: int) -> str | None:
    """The frame of a span of years in the trigger's clause ("وخلال السنوات الست الماضية ... تسببت في قتل 15
    مدنيا"), or None: acts counted over years are a total, not a happening."""
    if not _word_index(toks).at(_W_PERIOD_FRAME):
        return None
    lo, hi = _year_window(toks, ti, tj)
    frame = _period_frame(toks, lo, hi, _W_PERIOD_FRAME, _W_YEARS_PLURAL, PERIOD_GAP)
    return frame.text if frame is not None else None


def _chronology_entry(toks: list[Token], ti: int) -> bool:
    """The trigger follows a date heading a chronology entry ("* 25 سبتمبر 2005: ..."، "27 ديسمبر: اغتيال ..."):
    a list of past events, background to the article."""
    if _word_index(toks).last_before(_W_COLON, ti) < (ti - 11 if ti > 11 else 0):
        return False  # (no colon within reach)
    for k in range(ti - 1, ti - 12 if ti > 11 else -1, -1):
        if toks[k].text in ".؛!؟":
            return False
        if toks[k].text == ":" and k >= 2:
            before = toks[k - 5 if k > 5 else 0:k]
            return any(_hits(t, MONTH_NAMES) for t in before) and any(t.text.isdigit() for t in before)
    return False


@lru_cache(maxsize=1024)
def _year_of(date: str | None) -> int | None:
    """The year of an ISO date string (:func:`_article_year` by the article's date, memoised: once per reading)."""
    d = parse_iso(date)
    return d.year if d else None


def _article_year(doc: Document) -> int | None:
    """The year of the article's date, or None when it has none."""
    d = parse_iso(doc.article.date)
    return d.year if d else None


def _anniversary_before(toks: list[Token], ti: int) -> int | None:
    """The position of "مرور" within the 6 tokens before ``ti`` (the nearest), or None."""
    # (this and the next: loops in functions of their own, not generators in _not_reported, which would make its
    # ``toks`` a cell on each of its ~24 calls per article)
    for k in range(ti - 1, ti - 7 if ti > 6 else -1, -1):
        if toks[k].key == "مرور":
            return k
    return None


def _purpose_light_before(toks: list[Token], ti: int) -> int | None:
    """The position of a light verb's masdar of purpose within the 3 tokens before ``ti`` (the nearest), or None."""
    for k in range(ti - 1, ti - 4 if ti > 3 else -1, -1):
        if _purpose_light(toks, k):
            return k
    return None


def _not_reported(toks: list[Token], ti: int, tj: int, p: Pattern, now_year: int | None = None,
                  noun: bool | None = None) -> str | None:
    """Why a violent or protest trigger (roots 14, 18-20) does not report a happening, or None when it does.

    Event data codes violence and protest that a sentence reports as having happened (CAMEO). A noun governed
    by a charge, an inquiry, a trial, an anniversary or a condemnation ("بتهمة خطف"، "التحقيق في اغتيال"، "أدان
    الاعتداء") names a known act as a topic; a possibility, fear or exercise ("من شأن الهجوم"، "لتفادي ضربة"،
    "هجوم محتمل") is not an act; a definite abstract masdar in a list or after a generic head ("عمليات الخطف
    والقتل") names a kind of act. ``noun``: :func:`_noun_reading` of the trigger, when the caller has it.
    """
    if p.cameo[:2] not in HAPPENING_ROOTS:
        return None
    before = _clause_before(toks, ti, 6)
    if noun is None:
        noun = _noun_reading(toks, ti, p)
    if before and _hits(before[0], ATTEMPT) and len(before) > 1:
        before = before[1:]  # "متهمة بمحاولة قتل": the attempt is transparent to what governs it
        noun = True
    idx = _word_index(toks)  # (which word classes occur before the trigger at all: most rules need one)
    governed = idx.last_before(_W_TOPIC_GOVERNOR, ti) >= 0
    if noun or (governed and before and _hits(before[0], TOPIC_GOVERNORS)):  # "بتهمة خطف": a verb cannot follow a noun
        gov = next((t for t in before if _hits(t, TOPIC_GOVERNORS)), None) if governed else None
        if gov is None:  # "مرور 26 عاما على خطف": an anniversary ("مرور" alone is also traffic)
            k = _anniversary_before(toks, ti)
            if k is not None and any(u.key in DURATIONS or u.norm in DURATIONS for u in toks[k + 1:ti]):
                gov = toks[k]
        if gov is None and before and _hits(before[0], TEMPORAL_FRAMES) and not _agentive_qabl(before):
            gov = before[0]  # "خلال غزو العراق"، "بعد اغتيال الحريري": a known act dates another
        if gov is None and idx.last_before(_W_CONDEMNING, ti) >= 0 and not any(
                t.norm in RELATIVES for t in toks[tj:tj + 4]):
            gov = next((t for t in before if _hits(t, CONDEMNING)), None)
        if gov is not None:
            return f"topic of '{gov.text}', not a report"
    if (evaluated := _evaluated_act(toks, ti, tj, before, noun)) is not None:
        return evaluated
    if noun and (charged := _charged_act(toks, ti)) is not None:
        return charged  # (a noun form the pattern lists, "وتعذيبهم", is judged here)
    if (consequence := _topic_consequence(toks, ti, before)) is not None:
        return consequence
    if (coordinated := _coordinated_topic(toks, ti)) is not None:
        return coordinated
    if p.cameo[:2] != "14" and not noun and _imperfect_violence(toks, ti, p):
        return "an imperfect verb of violence: a habit or an ongoing state, not a happening"
    if (habit := _habitual(toks, ti)) is not None:
        return f"a habit ('{habit} ما'), not a happening"
    # dated by the day, or the subject of a verb of result ("أدى تفجير انتحاري إلى مقتل ..."): reported, not known
    today = (_reported_day(toks, ti, tj) or (toks[ti - 1] if _result_subject(toks, ti) else None)) if noun else None
    if noun and today is None and (latest := _latest_act(toks, tj)) is not None:
        return f"a known act ('{latest}'), not a report"
    if noun and today is None and _what_of(toks, ti):
        return "what a party does or did, told in kind ('ما ... من'), not a report"
    if noun and today is None and (recalled := _recalled(toks, ti)) is not None:
        return f"a known act recalled ('{recalled}'), not a report"
    t = toks[ti]
    if (noun and t.prefix.lstrip("وف").startswith("ل") and not (before and _hits(before[0], EXPOSED_TO))
            and _exposed_at(toks, ti) is None and t.norm.lstrip("وف") not in _first_words(p)):  # "لقوا مصرعهم": the ل is the verb's own
        # "حملة لاستعادة الرمادي"، "هجوما للسيطرة على المدينة": a purpose, not a happening ("تعرض لهجوم" is one)
        return "a purpose (ل + verbal noun), not a report"
    hyp = next((t for t in before[:4] if _hits(t, HYPOTHETICAL)), None) \
        if idx.last_before(_W_HYPOTHETICAL, ti) >= 0 else None
    if hyp is None and noun and idx.last_before(_W_CALLS, ti) >= 0:  # (a call before it)
        hyp = next((t for t in _clause_before(toks, ti, 8) if _hits(t, CALLS)), None)  # "طالبت ... بتسيير مسيرات"
        if hyp is None and toks[ti].norm[:1] == "و":
            # a demand's second object after a comma: "طالبوا بقطع العلاقات مع الدنمارك، ومقاطعة منتجاتها"
            hyp = next((t for t in _words_before(toks, ti, CALL_REACH) if _hits(t, CALLS)), None)
    if hyp is None and noun:
        # "هجوم محتمل"، "فإن الهجوم ربما لا يؤخر ..."
        hyp = next((t for t in toks[tj:tj + 3] if t.norm in HYPOTHETICAL_AFTER or t.key in HYPOTHETICAL_AFTER
                    or t.norm in HYPOTHETICAL), None)
    if hyp is not None:
        return f"hypothetical ('{hyp.text}')"
    # (the two words before the trigger tested one by one: no generator)
    if p.cameo[:2] != "14" and not noun and ((ti > 0 and toks[ti - 1].norm in RELATIVES) or (
            ti > 1 and toks[ti - 2].norm in RELATIVES) or (
            ti > 0 and toks[ti - 1].norm in WHO and not toks[ti].prefix and toks[ti].norm.endswith(PLURAL_VERB_ENDINGS))):
        # "بحق من اغتالوا الحريري": those who did it (a plural verb ending: "تمكن من طرد" governs a masdar)
        # "الرهائن الذين اختطفتهم الحركة"، "الحريري الذي اغتيل في 2005": background on an entity
        return "a relative clause describing an entity, not a report"
    resp = next((k for k, u in enumerate(before[:3]) if _hits(u, RESPONSIBILITY)), None) \
        if idx.last_before(_W_RESPONSIBILITY, ti) >= 0 else None
    if resp is not None:
        # "نفى مسؤوليته عن خطف"، "عدم مسؤولية حركته عن اختطاف"، "حمّل الحزب مسؤولية الاعتداء": responsibility
        # denied or laid on someone is a dispute about a known act (a claim, "أعلن مسؤوليته عن", reports it)
        deny = next((u for u in before[resp + 1:resp + 5] if _hits(u, DISCLAIM)), None)
        if deny is None and resp == 0:
            # "وحمّل التجمع في بيان له، حزب الله وحركة أمل، مسؤولية الاعتداء": the one blamed stands between,
            # across commas
            deny = next((u for u in _words_before(toks, ti, LAY_ON_REACH) if _hits(u, LAY_ON)), None)
        if deny is not None:
            return f"responsibility disputed ('{deny.text}'), not a report"
    if before and _hits(before[0], COUNT_HEADS):
        return f"a count ('{before[0].text}'), not a report"  # "ارتفاع عدد القتلى"، "حول عدد الضحايا"
    like = next((u for u in before[:3] if _hits(u, LIKE)), None) if idx.last_before(_W_LIKE, ti) >= 0 else None
    if like is not None and noun:
        return f"a kind of act ('{like.text}'), not a happening"  # "في مثل هذه المظاهرات"، "لمثل هذه الحادثة"
    if p.cameo[:2] == "14" and not noun and (like := _kind_complement(toks, tj)) is not None:
        return f"a kind of protest ('{like.text}'), not a happening"  # "تشارك في مثل هذه المظاهرات"
    year = _dated_by_year(toks, ti, tj) or _dated_opening_clause(toks, ti)
    if year is not None and not (now_year is not None and int(year) >= now_year):
        # (the article's own year dates what it reports: "حينما وصلت القافلة في مايو 2008" in a 2008 article)
        return f"background (dated by the year {year})"
    if _chronology_entry(toks, ti):
        return "background (an entry of a chronology)"
    if p.cameo[:2] == "14" and (backing := _support_rally(toks, ti, tj, before)) is not None:
        return backing
    heard = next((u for u in [toks[ti], *_clause_before(toks, ti, SOUND_REACH)] if _hits(u, SOUNDS)), None) \
        if idx.last_before(_W_SOUNDS, ti + 1) >= 0 else None  # (a sound word up to the trigger)
    if heard is not None:
        # "وسمع دوي انفجار قوي، ولعلعة الرصاص"، "سمع دوي انفجارات": a sound heard, not an attack reported
        return f"a sound heard ('{heard.text}'), not a report"
    if (period := _period_of_years(toks, ti, tj)) is not None:
        return f"a total over years ('{period}'), not a happening"
    if p.cameo[:2] != "14" and (far := _so_far(toks, ti, tj)) is not None:
        return f"a record so far ('{far}'), not a happening"
    t = toks[ti]
    if tj - ti == 2 and _hits(toks[ti + 1], GENERIC_VIOLENCE) and (
            _hits(t, PLURAL_HEADS) or (_hits(t, GENERIC_HEADS) and toks[ti + 1].prefix.endswith("ال"))):
        # the head inside the trigger: "بعمليات اغتصاب"، "مسلسل الاغتيالات" (a definite series: the kind, known)
        return "a kind of act, not a happening"
    if _hits(t, GENERIC_VIOLENCE):
        # "عمليات خطف وقتل"، "حوادث اغتصاب"، "بجرائم القتل" (a verb never follows these heads)
        k = ti - 1
        while k > 0 and toks[k].norm[:1] == "و" and _hits(toks[k], GENERIC_VIOLENCE) and toks[k + 1].norm[:1] == "و":
            k -= 1
        while k > 0 and _hits(toks[k], GENERIC_VIOLENCE) and toks[k + 1].norm[:1] == "و":
            k -= 1  # the first conjunct of "خطف وقتل"
        if k >= 0 and _hits(toks[k], PLURAL_HEADS):
            return "a kind of act, not a happening"
    if noun:
        light = _purpose_light_before(toks, ti)
        if light is not None:
            return f"a purpose ('{toks[light].text}'), not a report"
    if (aim := _aim_governor(toks, ti)) is not None:  # (only a verbal noun follows these: "بهدف ضرب")
        return f"an aim ('{aim.text}'), not a report"
    if tj - ti == 1 and t.key in GENERIC_VIOLENCE and t.prefix.lstrip("وفبل").endswith("ال"):
        prev_generic = ti > 0 and _hits(toks[ti - 1], GENERIC_HEADS)
        listed = any(u.key in GENERIC_VIOLENCE and u.prefix.lstrip("وفبل").endswith("ال")
                     for u in toks[max(0, ti - 2):ti] + toks[tj:tj + 2])
        if prev_generic or listed:
            return "a kind of act, not a happening"
    return None


# verbs of opinion: "اعتبر أن الهجوم ... يجعل"، "يرى أن العمليات العسكرية لا تشكل": the act after أن is what the
# opinion is about, not a report of it ("قال إن الهجوم أسفر عن ..." reports)
OPINION_VERBS = _norm_words(
    "اعتبر اعتبرت اعتبروا يعتبر تعتبر يعتبرون معتبرا معتبرة رأى رأت رأوا يرى ترى يرون رائيا وصف وصفت يصف تصف")
OPINION_REACH = 5  # tokens from أن back to the opinion verb (its subject may stand between)
COMPLEMENTIZER_WORDS = _norm_words("أن إن ان بأن")
CONDEMN_REACH = 10  # tokens back from a violent word to the condemning verb whose object it is


def _evaluated_act(toks: list[Token], ti: int, tj: int, before: list[Token], noun: bool) -> str | None:
    """Why a violent or protest trigger is the act a condemnation or an opinion is about, or None.

    A condemning verb's object names a known act even when the word could be read as a verb ("ودان جعجع خطف
    زياد"; a verb cannot stand as another verb's object); a definite act noun right after the أن of an opinion verb
    is the topic of the opinion ("واعتبر أن الهجوم الجوي على غزة يجعل ..."). A relative clause after the trigger
    reports the act ("دان القصف الذي شنته الطائرات"), as in _not_reported.
    """
    condemned = not noun and _word_index(toks).last_before(_W_CONDEMNING, ti) >= 0  # (a condemning word before)
    opinion = bool(noun and before and toks[ti].prefix.lstrip("و").endswith("ال") and before[0].norm in COMPLEMENTIZER_WORDS)
    if not (condemned or opinion) or any(t.norm in RELATIVES for t in toks[tj:tj + 4]):
        return None
    if condemned:
        for t in _clause_before(toks, ti, CONDEMN_REACH):  # the condemner's name may stand between
            if t.norm in RELATIVES or t.norm in COMPLEMENTIZER_WORDS:
                break
            if _hits(t, CONDEMNING):
                return f"object of '{t.text}', not a report"
    if opinion:
        op = next((t for t in before[1:1 + OPINION_REACH] if _hits(t, OPINION_VERBS)), None)
        if op is not None:
            return f"topic of the opinion '{op.text}', not a report"
    return None


# attack nouns whose casualties or aim a later clause of the sentence tells ("بعد الاعتداء الذي ... وأسفر عن مقتل")
TOPIC_ATTACK_NOUNS = _norm_words(
    "هجوم الهجوم هجمات الهجمات اعتداء الاعتداء اعتداءات الاعتداءات تفجير التفجير تفجيرات التفجيرات انفجار "
    "الانفجار انفجارات الانفجارات غارة الغارة غارات الغارات ضربة الضربة ضربات الضربات قصف القصف عملية العملية "
    "كمين الكمين")
# what links a clause to the attack noun before it: a relative pronoun, or a verb or participle of result
RESULT_LINKS = RESULT_VERBS | _norm_words(
    "الذي التي الذين اللذين اللتين والذي والتي مسفرا مسفرة مؤديا موقعا موقعة استهدف استهدفت مستهدفا مستهدفة")
# "على الرغم من مقتل"، "رغم مقتل": a concession names a known act
CONCESSIVE = _norm_words("رغم الرغم")
CONSEQUENCE_REACH = 14  # tokens back from a violent trigger to the attack noun whose consequence it tells
ATTACK_GOVERNOR_REACH = 4  # tokens before the attack noun searched for what makes it a topic


def _topic_consequence(toks: list[Token], ti: int, before: list[Token]) -> str | None:
    """Why a violent trigger tells the consequence or the aim of an attack that is itself a topic, or None.

    An attack noun that dates, is condemned by or is conceded in a clause ("بعد الاعتداء الذي وقع أمس وأسفر عن
    مقتل مهندس"، "تدين الهجوم على غزة والذي أسفر عن قتل"، "إثر ضربة جوية استهدفت متمردين") is background; so are the
    casualties and the target its relative or result clause tells. A concession ("على الرغم من مقتل ثلاثة جنود")
    names a known act too.
    """
    conceded = before[:1] if before and before[0].norm != "من" else before[1:2]  # "الرغم من"
    if conceded and _hits(conceded[0], CONCESSIVE):
        return f"a concession ('{conceded[0].text}'), not a report"
    # the nearest attack noun or sentence mark within CONSEQUENCE_REACH tokens before the trigger decides
    idx = _word_index(toks)
    bits, marks = idx.bits, idx.at(_W_STOP | _W_TOPIC_ATTACK)
    i = bisect_left(marks, ti)
    if i == 0 or marks[i - 1] < ti - CONSEQUENCE_REACH:
        return None
    k = marks[i - 1]
    if bits[k] & _W_STOP:
        return None
    # "أسفر عن مقتل": the trigger itself may be the verb of result, or a word from the attack noun on
    if ti - k > 3 and not any(bits[u] & _W_RESULT_LINK for u in range(k, ti + 1)):
        return None  # an attack noun the trigger's clause does not describe
    gov = next((u for u in _clause_before(toks, k, ATTACK_GOVERNOR_REACH)
                if _hits(u, TEMPORAL_FRAMES) or _hits(u, CONDEMNING)), None)
    if gov is None:
        return None
    return f"the consequence of an attack that is a topic of '{gov.text}', not a report"


FIRST_CONJUNCT_REACH = 2  # tokens after a governor in which its first (verbal-noun) object stands


def _coordinated_topic(toks: list[Token], ti: int) -> str | None:
    """Why a trigger joined by و is a further object of a governor that makes acts topics, or None.

    "بعد استيلاء الحركة على المدينة، وفرض حصار على القطاع"، "ورجحت واشنطن توجيه ضربات جوية وقصف بعض الأهداف":
    the first conjunct is a verbal noun right after a temporal frame, a word of possibility or a condemnation; the
    act after و shares its government, so it is a topic as the first one is.
    """
    if toks[ti].norm[:1] != "و":
        return None
    if _word_index(toks).last_before(_W_COORD_GOV, ti) < (ti - CALL_REACH if ti > CALL_REACH else 0):
        return None  # (no governor within reach)
    for idx, u in enumerate(_words_before(toks, ti, CALL_REACH)):
        if u.norm in RELATIVES:
            return None
        k = ti - 1 - idx
        after_min = k > 0 and toks[k - 1].norm == "من"
        if u.norm == "قبل" and after_min:
            continue  # "من قبل قوات الأمن": the agent, not a time
        if (_hits(u, TEMPORAL_FRAMES) or _hits(u, HYPOTHETICAL) or _hits(u, CONDEMNING)
                or (u.norm == "قبيل" and after_min)):  # "من قبيل استعمال العنف ... وسقوط قتلى": examples
            if any(_masdar_like(v.key) for v in toks[k + 1:k + 1 + FIRST_CONJUNCT_REACH]):
                return f"a further object of '{u.text}', not a report"
            return None
    return None


# the agents of a crowd in the street: who protests when the sentence names them
CROWD_ROLES = frozenset(["cvl.protesters", "cvl.crowds", "cvl.rioters", "lab.strikers"])
CROWD_PREPS = ("", "من")  # the subject, or the whole of a quantity ("عشرات الآلاف من المتظاهرين")


def _protesting_crowd(toks: list[Token], rel: list[tuple[int, int, ActorMention]], sources: list[ActorMention],
                      ti: int) -> ActorMention | None:
    """The crowd of protesters that is the source of a protest trigger, when the source found is another party.

    A protest is the act of the crowd the sentence names ("تجمع نحو مائة متظاهر ... هاتفين"، "توجه عشرات الآلاف
    من المتظاهرين حاملين الأعلام التركية"), not of a state in a slogan, a flag's nationality or the agency that
    reports it. The crowd nearest the trigger, before it if there is one, without a preposition other than a
    quantity's من; None when the source is already a crowd or a party before the crowd (an organiser: "نظم الحزب
    مظاهرة"). Only a source found is replaced: a protest without one stays as the coder found it (gsr-dev: giving
    the crowd to source-less protests kept weak readings that were mostly wrong).
    """
    crowds = [x for x in rel if x[2].role in CROWD_ROLES and x[2].prep in CROWD_PREPS]
    if not crowds or any(a.role in CROWD_ROLES for a in sources):
        return None
    before = [x for x in crowds if x[1] <= ti]
    crowd = before[-1] if before else crowds[0]
    if sources and sources[0].tok_start >= 0 and any(
            x[2] is sources[0] and x[1] <= crowd[0] and x[1] <= ti and x[2].head != "nisba" for x in rel):
        return None  # the source stands before the crowd and the trigger: an organiser or the crowd's own name
    return crowd[2]


HEADLINE_REACH = 2  # tokens before a headline's present verb ("إسرائيل تغتال 5 من ..."): its subject only


def _imperfect_violence(toks: list[Token], ti: int, p: Pattern) -> bool:
    """The violent trigger is an imperfect verb ("يقتلون"، "تقاتل"، "ويقاتل الجنود ... منذ شهور"; not a future:
    س and سوف make it one) outside a headline.

    News tells what happened in the perfect; the imperfect of violence describes a habit, an ongoing war or a party
    ("عناصر موالية لطالبان تقاتل القوات"). A headline reports in the present ("إسرائيل تغتال 5 من ..."): a verb
    right after the first word or two of the text, with no conjunction, is kept.
    """
    t = toks[ti]
    if t.prefix.endswith("س"):
        return False
    w = t.norm[1:] if t.norm[:1] in ("و", "ف") and len(t.norm) > 3 else t.norm
    forms = _first_words(p)
    if not (w[:1] == "ي" or (w[:1] == "ت" and "ي" + w[1:] in forms)) or w not in forms:
        return False
    headline = ti <= HEADLINE_REACH and t.norm == w and not any(u.is_punct for u in toks[:ti])
    return not headline


@lru_cache(maxsize=8192)
def _padded_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """" key " strings of a pattern's requires/excludes words, computed once per word list."""
    return tuple(f" {k} " for k in (phrase_key(w) for w in words) if k)


@dataclass(frozen=True, slots=True)
class _KeySet:
    """The padded keys of a word list split for a fast test against a window of tokens: one-word keys as a set
    (" key " is a substring of " k1 k2 ... " exactly when it is one of the window's keys), phrases as strings."""

    words: frozenset[str]
    phrases: tuple[str, ...]

    def found(self, window: _Window) -> bool:
        """True when one of the keys occurs in the window (as ``" key " in window_string`` would say)."""
        if not self.words.isdisjoint(window[0]):
            return True
        # (most key sets have no phrase: no generator for them, this runs for every reading; the generator is in
        # _phrase_in, so that ``found`` has no cell variable to make on each call)
        return bool(self.phrases) and _phrase_in(self.phrases, window[1])


def _phrase_in(phrases: tuple[str, ...], text: str) -> bool:
    """True when one of the padded phrase keys ``phrases`` occurs in the window string ``text``."""
    return any(k in text for k in phrases)  # (few patterns have phrases: a generator here costs the others nothing)


# the key that orders parties (start, end, phrase) by their start: C-level, where a lambda is a call per item
_START = itemgetter(0)

# a window of token keys: (the set of its keys, " k1 k2 ... ")
_Window = tuple[frozenset[str], str]


@lru_cache(maxsize=8192)
def _key_set(words: tuple[str, ...]) -> _KeySet:
    keys = _padded_keys(words)
    return _KeySet(frozenset(k[1:-1] for k in keys if " " not in k[1:-1]),
                   tuple(k for k in keys if " " in k[1:-1]))


_PREP_ALIASES = {"إلى": "الى", "على": "على", "عليه": "على"}
_PLACE_PREPS: dict[str, tuple[str, ...]] = {"04": ("الى", "ل", ""), "07": ("الى", "ل"), "17": ("على", "ضد"),
                                            "18": ("على", "ضد", "في"), "19": ("على", "ضد"), "20": ("على", "ضد", "في")}


@dataclass(slots=True)
class _PatInfo:
    """What the coder needs of one pattern, computed once per pattern (not per trigger)."""

    requires: _KeySet | None
    excludes: _KeySet | None
    target_preps: tuple[str, ...]
    place_preps: tuple[str, ...] | None  # where a place stands for the target (movement and attacks)
    place_preps_obj: tuple[str, ...] | None  # the same while "OBJ" is among the target prepositions
    # the pattern's CAMEO root and the root tests _code_trigger makes (once here: a slice per test was a new
    # string each time, dozens per reading)
    root: str
    violent: bool  # root in VIOLENT_ROOTS
    happening: bool  # root in HAPPENING_ROOTS
    # the code-prefix tests _code_reading makes of every reading that gets to them (once here, not a str.startswith
    # call per reading: a method call that parses its arguments)
    blockade: bool  # 191: a blockade
    visit: bool  # MOVEMENT_CODES[0] (042): a visit
    torture: bool  # TORTURE_CODE
    host_state: bool  # 042 or 036: a visit or a meeting, whose host is the state the target is
    posture: bool  # 15: a show of force


def _pattern_info(p: Pattern) -> _PatInfo:
    target_preps = tuple(_PREP_ALIASES.get(w, w) for w in
                         (w.replace("الي", "الى").replace("علي", "على") for w in p.target))
    place_preps = _PLACE_PREPS.get(p.cameo[:2])
    place_preps_obj = place_preps
    if place_preps and p.cameo[:2] in VIOLENT_ROOTS:
        place_preps_obj = place_preps + ("",)  # "قصفت قوات المعارضة قريتي نبل والزهراء"
    return _PatInfo(_key_set(tuple(p.requires)) if p.requires else None,
                    _key_set(tuple(p.excludes)) if p.excludes else None, target_preps, place_preps,
                    place_preps_obj, p.cameo[:2], p.cameo[:2] in VIOLENT_ROOTS, p.cameo[:2] in HAPPENING_ROOTS,
                    p.cameo.startswith("191"), p.cameo.startswith(MOVEMENT_CODES[0]), p.cameo.startswith(TORTURE_CODE),
                    p.cameo.startswith(("042", "036")), p.cameo.startswith("15"))


# per knowledge base: pattern id -> _PatInfo (filled lazily; a KB's patterns never change after compile)
_PAT_INFO: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, _PatInfo]] = weakref.WeakKeyDictionary()


# what EventCoder.code tests of the patterns of one trigger span: the patterns, whether one of them is passive, one
# of them of roots 17-20 (a use of force) and one of them of a happening root (HAPPENING_ROOTS)
_SpanPatterns = tuple[tuple[Pattern, ...], bool, bool, bool]
# per knowledge base: the pattern ids of a span's mentions -> _SpanPatterns (filled lazily; a few hundred lists, those
# of the KB's trigger keys)
_SPAN_PATTERNS: weakref.WeakKeyDictionary[KnowledgeBase, dict[tuple[str, ...], _SpanPatterns]] = \
    weakref.WeakKeyDictionary()


def _span_patterns(patterns: dict[str, Pattern], ids: tuple[str, ...]) -> _SpanPatterns:
    """The patterns ``ids`` of one trigger span and what :meth:`EventCoder.code` tests of them (see _SpanPatterns)."""
    pats = tuple(patterns[pid] for pid in ids)
    return (pats, any(pt.voice == VOICE_PASSIVE for pt in pats), any(pt.cameo[:2] >= "17" for pt in pats),
            _any_happening(pats))


def _any_happening(pats: tuple[Pattern, ...]) -> bool:
    """One of ``pats`` is of a happening root (HAPPENING_ROOTS: violence and protest)."""
    return any(pt.cameo[:2] in HAPPENING_ROOTS for pt in pats)


@dataclass(slots=True)
class _Span:
    """What all readings (patterns) of one trigger span share, computed once per span.

    The window strings are filled at once (the requires/excludes checks need them); the clause and its
    actor phrases only when a reading gets past those checks (``ready``).
    """

    ti: int
    tj: int
    after: _Window  # the keys of the 10 tokens after the trigger
    before_clause_: _Window | None = None  # ... of the clause words before it (see before_clause)
    before3_: _Window | None = None  # ... of the 3 tokens before it (see before3)
    ready: bool = False
    # the fields below are set by EventCoder._ready, before any reading uses them (no default: most spans never get
    # that far, and seven empty containers per span showed in the instruction counts)
    before: list[str] = field(init=False)
    negated: bool = field(init=False)
    intent: bool = field(init=False)
    future: bool = field(init=False)  # future marked without the pattern (س prefix, سوف ...)
    future_ctx: dict[tuple[bool, bool], bool] = field(init=False)  # (noun?, violent?) -> _future_context
    conditional: bool = field(init=False)
    question: bool = field(init=False)
    left: int = field(init=False)
    right: int = field(init=False)
    rel: list[tuple[int, int, ActorMention]] = field(init=False)
    pre: list[tuple[int, int, ActorMention]] = field(init=False)
    post: list[tuple[int, int, ActorMention]] = field(init=False)
    pre_free: list[tuple[int, int, ActorMention]] = field(init=False)
    attack_adjective: bool = field(init=False)  # a phrase of rel is the adjective of an attack noun (_attack_adjective)

    def before_clause(self, toks: list[Token]) -> _Window:
        """The keys of up to 8 tokens before the trigger within its clause (not across punctuation), where a
        pattern's companion word may stand: "أسلحة نوعية ومعدات اتصالات حديثة ومتطورة أرسلتها روسيا"."""
        if self.before_clause_ is None:
            # (one pass back over at most 8 tokens, collecting their keys: no index arithmetic per token, no second
            # slice; the requires test of ~19 spans per article builds this window)
            keys: list[str] = []
            ti = self.ti
            for t in reversed(toks[ti - 8 if ti > 8 else 0:ti]):
                if t.text in CLAUSE_PUNCT:
                    break
                keys.append(t.key)
            keys.reverse()
            self.before_clause_ = _window(keys)
        return self.before_clause_

    def before3(self, keys: list[str]) -> _Window:
        """The keys of the 3 tokens before the trigger (computed on first use), from the sentence's ``keys``."""
        if self.before3_ is None:
            ti = self.ti
            self.before3_ = _window(keys[ti - 3 if ti > 3 else 0:ti])  # (a slice: no list of the tokens' keys)
        return self.before3_


_NEW_SPAN = _Span.__new__


def _window(keys: list[str]) -> _Window:
    """Token keys as a window: a set, and " k1 k2 ... " (for phrases)."""
    return frozenset(keys), " " + " ".join(keys) + " "


def _keys_window(toks: list[Token], a: int, b: int) -> _Window:
    """The keys of ``toks[a:b]`` (negative bounds clamp to 0) as a window (:func:`_window`)."""
    return _window([t.key for t in toks[(a if a > 0 else 0):(b if b > 0 else 0)]])


def _window_of(windows: dict[tuple[int, int], _Window], toks: list[Token], a: int, b: int) -> _Window:
    """:func:`_keys_window` of ``toks[a:b]``, kept in ``windows`` (a table local to one call)."""
    w = windows.get((a, b))
    if w is None:
        w = windows[(a, b)] = _keys_window(toks, a, b)
    return w


# incidents that are violence though their head word is one of an accident's ("قتل 40 شخصا في حوادث عنف متفرقة")
VIOLENT_INCIDENTS = tuple(f" {phrase_key(w)} " for w in (
    "حوادث عنف", "حادث عنف", "حوادث العنف", "حادث إرهابي", "حادث ارهابي", "حوادث إرهابية", "حادث أمني"))


INCIDENT_HEAD_KEYS = frozenset(ph.split()[0] for ph in VIOLENT_INCIDENTS)  # حادث، حوادث


def _violent_incidents_out(w: _Window, p: Pattern) -> _Window:
    """The window of a violent trigger without the phrases of violent incidents, whose head (حادث، حوادث) vetoes
    a violent reading as an accident; unchanged for other roots or when no such phrase occurs."""
    if p.cameo[:2] not in VIOLENT_ROOTS or INCIDENT_HEAD_KEYS.isdisjoint(w[0]) or not _phrase_in(
            VIOLENT_INCIDENTS, w[1]):
        return w  # (no phrase without its head word among the window's keys: one set test for most windows)
    text = w[1]
    for ph in VIOLENT_INCIDENTS:
        text = text.replace(ph, " ")
    return frozenset(text.split()), text


def _actor_evidence(sa: ActorMention | None, ta: ActorMention | None) -> float:
    """Confidence adjustment from how well the actors are identified (measured on events-dev: events whose
    source has no code were right 5% of the time, with a dictionary actor 57%)."""
    adj = 0.0
    if sa is not None:
        if not sa.ref.code:
            adj -= UNCODED_SOURCE_PENALTY
        elif sa.ref.id:
            adj += 0.05
    if ta is not None:
        if not ta.ref.code:
            adj -= 0.1
        elif ta.ref.id:
            adj += 0.05
    return adj


# the people a protest form may take in with its verb ("خرج آلاف ..."، "نزل المئات ..."): its subject
SWALLOWED_ROLES = CROWD_ROLES | frozenset(["cvl.people", "cvl.residents", "cvl.citizens", "edu.students"])


def _swallowed_crowd(actors: list[ActorMention], start: int, ti: int, tj: int) -> ActorMention | None:
    """The subject of a protest trigger whose form ends inside it ("نزل آلاف" of "نزل آلاف الأشخاص إلى الشوارع"):
    a phrase of people that starts inside the trigger and goes on after it, or None. (Phrases overlapping the
    trigger are no candidates for its roles otherwise.)"""
    return next((a for a in actors if ti < a.tok_start - start < tj < a.tok_end - start and not a.prep
                 and a.role in SWALLOWED_ROLES), None)


def _crowd_credit(code: str, sa: ActorMention | None, toks: list[Token], start: int) -> float:
    """What :func:`_actor_evidence` takes from an uncoded source, given back when the source of a protest is a
    crowd the sentence introduces ("وتجمع مئات المتظاهرين أمام مبنى المحافظة"، "احتشد متظاهرون"، "نزل آلاف
    الأشخاص"): the crowd is the party a protest report names, identified by its role, not a phrase the dictionaries failed
    to resolve. The definite plural alone ("وهتف المتظاهرون") resumes a crowd already reported (see
    :func:`_new_crowd`) and gets nothing back."""
    if sa is None or code[:2] != "14" or sa.ref.code or sa.role not in SWALLOWED_ROLES or sa.tok_start < 0:
        return 0.0
    a, b = max(0, sa.tok_start - start), min(len(toks), sa.tok_end - start)
    if not _new_crowd_in(toks, a, b) and not (
            b > a and (toks[a].text.isdigit() or _hits(toks[a], CROWD_COUNTS))):
        return 0.0  # (or a counted crowd of people: "آلاف الأشخاص"، "مئات الطلاب")
    return -_actor_evidence(sa, None)


UNCODED_SOURCE_PENALTY = 0.15  # what _actor_evidence takes from a source without a code


def _borrowed_crowd_code(doc: Document, code: str, sa: ActorMention | None, toks: list[Token], start: int) -> float:
    """The penalty of an uncoded source for a resumed crowd ("ورددوا هتافات" after "ورفع المتظاهرون") whose code
    the resolver took from the article's main country or an earlier phrase, not from a nationality of its own:
    that crowd is no better identified than the uncoded one (0.0 otherwise; "المتظاهرون الأتراك" keeps its
    code's confidence)."""
    if sa is None or code[:2] != "14" or not sa.ref.code or sa.role not in CROWD_ROLES or sa.tok_start < 0:
        return 0.0
    a, b = max(0, sa.tok_start - start), min(len(toks), sa.tok_end - start)
    if _new_crowd_in(toks, a, b) or _own_code_word(doc, sa):
        return 0.0
    return UNCODED_SOURCE_PENALTY


_OWN_CODE_KINDS = (MK_STATE, MK_NISBA, MK_ACTOR)  # mentions that give a phrase a code of its own


def _own_code_word(doc: Document, sa: ActorMention) -> bool:
    """A state, nisba or dictionary actor mention of the document lies within the phrase ``sa``."""
    return any(m.kind in _OWN_CODE_KINDS and sa.tok_start <= m.tok_start < sa.tok_end for m in doc.mentions)


def _new_crowd_in(toks: list[Token], a: int, b: int) -> bool:
    """One of tokens ``a`` … ``b - 1`` introduces a crowd of protesters (_new_crowd)."""
    return any(_new_crowd(toks, k) for k in range(a, b))


def _masdar_like(key: str) -> bool:
    """Verbal-noun templates of the derived forms (never the shape of their perfect or imperfect verbs):
    تفعيل (تدريب)، مفاعلة (مشاركه)، إفعال (اطلاق)، افتعال (اعتقال، اتفاق)، انفعال، استفعال (استهداف)."""
    n = len(key)  # (the templates by length: one length test for most keys, not six)
    if n == 5:
        return ((key[0] == "ت" and key[3] == "ي")  # تفعيل
                or (key[0] == "ا" and key[3] == "ا"))  # افعال / افتعال of assimilated roots (اتفاق)
    if n == 6:
        return ((key[0] == "م" and key[2] == "ا" and key[-1] == "ه")  # مفاعله
                or (key[0] == "ا" and key[4] == "ا" and key[2] in "تطد")  # افتعال
                or (key.startswith("ان") and key[4] == "ا"))  # انفعال
    return n == 7 and key.startswith("است") and key[5] == "ا"  # استفعال


def _numeral_before(toks: list[Token], i: int) -> bool:
    """True when the token before ``i`` is a number ("26 شخصا"، "ستة أشخاص")."""
    if i <= 0:
        return False
    t = toks[i - 1]
    return t.norm[:1].isdigit() or t.key in NUMERALS or t.norm in NUMERALS


def _resumptive_subject(toks: list[Token], tj: int, post: list[tuple[int, int, ActorMention]]
                        ) -> tuple[int, int, ActorMention] | None:
    """"غارات (التي) شنتها طائرات النظام": the subject of a light verb that resumes the noun."""
    k = tj
    if k < len(toks) and toks[k].norm in ("التي", "الذي"):
        k += 1
    if k < len(toks) and toks[k].suffix in ("ها", "ه", "هما", "هم") and (
            toks[k].key in LIGHT_VERBS or toks[k].norm[: -len(toks[k].suffix)] in LIGHT_VERBS):
        for x in post:
            if x[0] in (k + 1, k + 2) and not x[2].prep:
                return x
    return None


def _first_prep_at(toks: list[Token], start: int, end: int, prep: str) -> int | None:
    """Index of the first token from ``start`` that is (or carries) the preposition ``prep``."""
    words = PREP_WORDS.get(prep)
    for i in range(start, end if end < len(toks) else len(toks)):
        t = toks[i]
        if words and t.norm in words:
            return i
        if not words and t.prefix.lstrip("وف")[:1] == prep:
            return i
    return None


# the heads that make an event noun after them a topic ("ذكرى اغتيال"، "جرائم اجتياح"), normalised ("جرائم" matched no
# token before). Not "مسؤولية": a claim reports the act ("تبنت مسؤولية تفجير"), and a disputed one is judged by
# _not_reported
FRAME_NOUNS = frozenset(norm_word(w) for w in
    ["ذكري", "ذكرى", "حول", "قضيه", "قضايا", "سياسه", "مكافحه", "منع", "ادانه", "تحقيق", "تحقيقات", "ملف", "ملفات", "بشان", "تهمه", "تهم", "خطر", "مخاطر", "موجه", "ظاهره", "جرائم", "جريمه", "ضحايا", "حالات", "حاله", "احتمال", "امكانيه", "مخطط", "مخططات", "تهديد", "تهديدات", "وقف", "انهاء", "ضد", "مناهضه", "رفض", "لرفض", "استنكار", "تنديد", "عقوبه", "عقوبات", "قانون", "مشروع", "تاريخ", "ثقافه", "برنامج", "برامج"])
RECEIVE_VERBS = frozenset(["تلقي", "تلقت", "يتلقي", "تتلقي", "تلقوا", "تسلم", "تسلمت", "يتسلم", "تتسلم", "استلم", "استلمت"])
PRECISION_ORDER = {"site": 0, "city": 1, "region": 2, "country": 3}
RELATIVES = frozenset(["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"])
PREPOSITIONS_IMPLICIT = frozenset(["في", "على", "علي", "الى", "الي", "مع", "من", "عن", "ب", "ل", "امس", "اليوم", "خلال", "بعد", "قبل", "ان", "انه", "انها", "بان"])
# what an intention to do a thing is coded as (CAMEO practice: "سيزور" is 036, not 042)
# the roots of protest and violence (14, 18-20), coded only for acts that happened: dropped under the moods below
# (see _code_trigger) and when not reported (_not_reported); their fates are shared by their further conjuncts
# (see EventCoder._conjunct_fate)
HAPPENING_ROOTS = ("14", *VIOLENT_ROOTS)
# moods under which a violent or protest trigger reports nothing that happened (see _code_trigger)
UNREAL_MODALITIES = ("question", "conditional")
FATE_SEEN, FATE_CODED, FATE_UNREPORTED = "seen", "coded", "unreported"
CONJUNCT_REACH = 12  # tokens back (across the commas of a list) from a further conjunct to the first
CIRCUMSTANCE_REACH = 6  # tokens back from "في" + attack noun to the casualties it tells the circumstance of
VERB_ENDINGS = ("ت", "وا", "تا", "ا", "ن")  # the subject endings of a perfect verb ("وقتلت"، "وقتلوا")
# tokens after a bare form searched for what follows a verb opening a clause of its own, never a verbal noun's
# object: a day ("وقتل الجيش أمس")، a count ("وقتل 5 جنود") or a subject in the nominative plural ("وقتل مسلحون")
VERB_CUE_REACH = 3
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "18": "138", "19": "138", "20": "138"}


@dataclass
class CoderSettings:
    """Tunable coder settings (``[stages.events]`` in the pipeline config)."""

    min_confidence: float = 0.0
    require_actor: bool = True  # drop events with neither source nor target
    keep_negated: bool = False
    statements: bool = False  # code bare 010 statements
    require_target: bool = True  # drop events without a target (except the roots below)
    targetless_roots: tuple[str, ...] = ("015", "016", "14", "15", "18", "19", "20")  # code prefixes
    require_source: bool = True  # drop events without a source (except the roots below)
    sourceless_roots: tuple[str, ...] = ("14", "15", "18", "19", "20")  # casualties and protests by unnamed people
    window: int = 12  # tokens searched for an argument on each side
    bare_noun_penalty: float = 0.1  # a masdar with neither a light verb nor a genitive subject is weak evidence
    unanchored_penalty: float = 0.15  # violent/protest events in a sentence with no time or place
    victims_only_penalty: float = 0.0  # violence reported only through its victims (0: keep them, passive)
    background_days: int = 30
    calibrate: bool = True  # confidence = calibrated probability (hadath/data/calibration.tsv), not the rule score
    min_probability: float = 0.0  # drop calibrated events below this probability
    # drop generic casualty reports (190/180/200) with no perpetrator whose clause names no attack either ("قتل خمسة
    # أشخاص" alone). Off: CAMEO codes casualties with an unknown attacker (tests/coding/test_syntax.py). On, measured:
    # gsr-dev ASSAULT F1 0.418 -> 0.433 (difficult-no false positives 0.33 -> 0.29) but events-dev F1 0.430 -> 0.428
    # (source-less gold casualties lost); dropping every casualty report without a source instead costs gsr-dev
    # ASSAULT recall 0.65 -> 0.27
    violence_needs_attack: bool = False
    subsume_partial: bool = True  # an event missing a role folds into a complete one of the same root sharing the other
    extra: dict[str, object] = field(default_factory=dict)


@dataclass
class _Sent:
    idx: int
    toks: list[Token]
    start: int  # doc token index of the sentence start
    actors: list[ActorMention]
    places: list[PlaceMention]
    times: list[TimeExpr]
    roles: list[tuple[PlaceMention, str | None]] | None = None  # the place roles, computed once (_place_roles)
    trigger_toks: frozenset[int] | None = None  # doc token indices inside triggers (see _is_trigger)
    rel: list[tuple[int, int, ActorMention]] | None = None  # the actors with sentence-relative spans (see _ready)
    keys: list[str] | None = None  # the tokens' keys (see _span)



_NEW_SENT = _Sent.__new__


def _sentences(doc: Document) -> dict[int, _Sent]:
    """The coder's view of each sentence of ``doc`` by index: its tokens and the actor, place and time mentions
    in it."""
    # (each _Sent made with _Sent.__new__ and its slots set here, as _Sent(i, toks, start, [], [], []) would: the
    # dataclass __init__ runs a frame of its own)
    by_sent: dict[int, _Sent] = {}
    tokens = doc.tokens
    for i, s in enumerate(doc.sentences):
        sent = by_sent[i] = _NEW_SENT(_Sent)
        sent.idx = i
        sent.toks = tokens[s.tok_start:s.tok_end]
        sent.start = s.tok_start
        sent.actors = []
        sent.places = []
        sent.times = []
        sent.roles = sent.trigger_toks = sent.rel = sent.keys = None
    for am in doc.actor_mentions:
        by_sent[am.sentence].actors.append(am)
    for pm in doc.place_mentions:
        by_sent[pm.sentence].places.append(pm)
    for t in doc.times:
        if t.sentence in by_sent:
            by_sent[t.sentence].times.append(t)
    return by_sent

def _word_in(toks: list[Token], a: int, b: int, words: frozenset[str]) -> bool:
    """The key or the normalised form of a token of ``toks[a:b]`` is in ``words`` (a loop: no generator)."""
    for t in toks[a:b]:  # noqa: SIM110 (a slice, no index per token: its callers' bounds are in the sentence)
        if t.key in words or t.norm in words:
            return True
    return False


def _key_in(toks: list[Token], a: int, b: int, words: frozenset[str]) -> bool:
    """The key of a token of ``toks[a:b]`` is in ``words`` (a loop: no generator)."""
    for t in toks[a:b]:  # noqa: SIM110 (a slice, no index per token: its callers' bounds are within the sentence)
        if t.key in words:
            return True
    return False


def _attack_agent(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int
                  ) -> tuple[int, int, ActorMention] | None:
    """The perpetrator of an attack noun ending at ``tj``: its nationality adjective ("غارات أمريكية"، "قصف روسي")
    or else the coded ل phrase right after it ("غارة جوية لقوات التحالف"، "بغارة للتحالف"), not a ل genitive of a
    head noun ("قصف أهداف لحزب العمال": the target); None without one."""
    for x in post:
        if x[0] == tj and not x[2].prep and x[2].head == "nisba":
            return x
    for x in post:
        if x[2].prep == "ل" and x[0] - tj <= 1 and x[2].ref.code and _lam_genitive(toks, tj, x[0]) is None:
            return x
    return None


def _located_state(kb: KnowledgeBase, toks: list[Token], post: list[tuple[int, int, ActorMention]]) -> bool:
    """A bare state phrase after the trigger is governed by في through place nouns (:func:`chain_locative`)."""
    for x in post:  # noqa: SIM110 (a loop, not any() over a generator: every violent reading)
        if not x[2].prep and x[2].ref.type == "state" and chain_locative(kb, toks, x[0]):
            return True
    return False


def _commas_only(toks: list[Token], a: int, b: int) -> bool:
    """No punctuation but commas in ``toks[a:b]`` (a loop: no generator)."""
    for k in range(a, b):
        t = toks[k]
        if t.is_punct and t.text not in "،,":
            return False
    return True


def _all_commas(toks: list[Token], a: int, b: int) -> bool:
    """Every token of ``toks[a:b]`` is a comma (True for none)."""
    for k in range(a, b):  # noqa: SIM110 (a loop, not all() over a generator: run for every conjunct)
        if toks[k].text not in "،,":
            return False
    return True


def _conj_chain(doc: Document, sent: _Sent, start_list: list[tuple[int, int, ActorMention]], first: ActorMention
                ) -> list[ActorMention]:
    """``first`` and the phrases coordinated with it after it in ``start_list`` (sentence-relative spans, in
    order): "X، Y وZ" (conjunction clitic) or "X و Y" (a detached و between the two), with the preposition of
    ``first`` or none. (A module function, not a closure made for every reading.)"""
    toks = sent.toks
    out = [first]
    idx = 0
    while start_list[idx][2] is not first:  # (IndexError if it is not there, as next() raised StopIteration)
        idx += 1
    prev_end = start_list[idx][1]
    for s, e, a in start_list[idx + 1:]:
        if a.prep and a.prep != first.prep:
            break
        # "X، Y وZ" (conj clitic) or "X و Y" (a detached و between the two); ``gap`` is toks[prev_end:s]
        ok = a.conj and _all_commas(toks, prev_end, s)
        if not ok:
            n = s - prev_end
            ok = n > 0 and toks[s - 1].norm == "و" and _all_commas(toks, prev_end, s - 1)
            # "ماكين وليندسي غراهام والديمقراطية إيمي كلوبوشار": و on a descriptor before the next name
            ok = ok or (n == 1 and toks[prev_end].prefix.startswith("وال") and not a.prep
                        and not _is_trigger(doc, sent, prev_end))
        if not ok:
            break
        out.append(a)
        prev_end = e
    return out


class EventCoder:
    """Codes the events of one :class:`Document` (needs mentions, actor phrases and times)."""

    def __init__(self, kb: KnowledgeBase, settings: CoderSettings | None = None, trace: bool = True) -> None:
        self.kb = kb
        self.s = settings or CoderSettings()
        self._tracing = trace  # False: don't record why triggers were not coded (the pipeline stage)
        pinfo = _PAT_INFO.get(kb)
        if pinfo is None:
            pinfo = _PAT_INFO[kb] = {}
        self._pinfo = pinfo
        spans = _SPAN_PATTERNS.get(kb)
        if spans is None:
            spans = _SPAN_PATTERNS[kb] = {}
        self._span_patterns = spans
        self._spans: dict[tuple[int, int], _Span] = {}
        self._doc_date: str | None = None  # the lead's date, per article (set by code)
        self._doc_place: PlaceRef | None = None  # the article's default place, per article (set by code)
        self._last_meeting: tuple[ActorRef | None, ActorRef | None] | None = None
        # events read from an intention noun before an act (per article), by id; the events are kept here so
        # that an id cannot be reused by a later event (a reading that loses to another one is freed)
        self._intent_heads: dict[int, Event] = {}
        # what became of each violent or protest trigger of the article, by its document token position (see
        # _conjunct_fate): FATE_SEEN, FATE_CODED, FATE_UNREPORTED or a modality ("intent", "future")
        self._fate: dict[int, str] = {}
        self._last_attack: Event | None = None  # the article's last violent event with a perpetrator
        # document token positions of the violent verbs of time clauses that gave casualties their source
        self._told_attacks: set[int] = set()
        self._last_accusation: Event | None = None  # the article's last accusation or criticism (root 11/12)
        self.trace: list[tuple[Mention, str]] = []  # (trigger, why it produced no event), for `explain`

    # ------------------------------------------------------------------ public

    def code(self, doc: Document) -> list[Event]:
        """All events of the document, merged within the article (one per happening)."""
        self._spans.clear()
        self._intent_heads.clear()
        self._last_meeting = None  # (per article)
        self._doc_date = self._lead_date(doc)
        by_sent = _sentences(doc)
        # (the sentences' place roles computed here are reused when their triggers are coded)
        self._doc_place = self._article_place(doc, by_sent)
        self._last_attack = None
        self._told_attacks.clear()
        self._fate.clear()
        self._last_accusation = None
        events: list[Event] = []
        last_subject: ActorRef | None = None
        subject_sent = -1  # the sentence whose first subject last_subject holds (if it has one)
        trig = [m for m in doc.mentions if m.kind == MK_TRIGGER]
        gapped = _gapped_forms(self.kb, doc, by_sent, trig)
        if gapped:
            trig = sorted(trig + gapped, key=lambda m: (m.tok_start, m.tok_end))
        patterns = self.kb.patterns
        span_patterns = self._span_patterns
        n_trig = len(trig)
        i = 0
        # (plain loops below, not any() over generators or tuples built per test: ~40 spans and ~110 readings per
        # article)
        while i < n_trig:
            # all patterns sharing one trigger span are readings of one word: keep the best reading
            first = trig[i]
            a, b = first.tok_start, first.tok_end
            j = i + 1
            while j < n_trig and trig[j].tok_start == a and trig[j].tok_end == b:
                j += 1
            sent = by_sent[first.sentence]
            trig_sub = trig[i:j]
            # the span's patterns and what code() tests of them, once per list of patterns (a KB's key)
            ids = tuple([m.entry_id for m in trig_sub])
            got = span_patterns.get(ids)
            if got is None:
                got = span_patterns[ids] = _span_patterns(patterns, ids)
            pats, has_passive, passive_force, violent_span = got
            sp = self._span(sent, first)  # shared by the readings: one span
            # (an attack named after the word makes only a violent word passive: "اتهمت واشنطن موسكو بالتدخل في
            # العملية الديمقراطية" stays active)
            if has_passive and passive_force and not self._vso_count(sent, sp) and not (
                    _accusative_object(sent.toks, a - sent.start)) and (
                    _killed_in_attack(sent.toks, b - sent.start) or self._named_cause(sent, first)):
                # "قتل زعيم التنظيم في غارة أمريكية": قُتل, the passive reading
                pats_m = [(m, pt) for m, pt in zip(trig_sub, pats, strict=False) if pt.voice != VOICE_ACTIVE]
                if pats_m:
                    trig_sub, pats = [m for m, _ in pats_m], tuple([pt for _, pt in pats_m])
                    violent_span = _any_happening(pats)
            if violent_span:
                self._fate[a] = FATE_SEEN
            readings: list[tuple[list[Event], str]] = []
            for m, pt in zip(trig_sub, pats, strict=False):
                evs = self._code_trigger(doc, sent, m, pt, last_subject, sp)
                if evs:
                    readings.append((evs, pt.voice))
            if violent_span and readings:
                modal = {e.modality for r in readings for e in r[0]}
                modality = modal.pop() if len(modal) == 1 else None
                self._fate[a] = modality if modality in ("intent", "future") else FATE_CODED
            if readings and a in self._told_attacks and all(
                    e.cameo[:2] in VIOLENT_ROOTS for r in readings for e in r[0]):
                # "وقتل 7 جنود عندما اقتحم مسلحون ...": the attack is the casualties' event, coded with them
                if self._tracing:
                    self.trace.extend((m, "the attack of the casualties reported before it (coded with them)")
                                      for m in trig_sub)
                readings = []
            if readings:
                # (one reading, most spans: no score to compute)
                chosen = readings[0][0] if len(readings) == 1 else \
                    max(readings, key=lambda r: _reading_score(r[0], r[1], has_passive))[0]
                events.extend(chosen)
                for e in chosen:
                    if e.cameo[:2] in VIOLENT_ROOTS and e.source is not None:
                        self._last_attack = e
                    if e.cameo[:2] in ("11", "12") and e.source is not None and e.target is not None:
                        self._last_accusation = e
                    if (e.cameo[:3] in ("040", "041", "043", "044", "046") and e.target is not None
                            and e.source is not None and e.target.type != "state"):
                        self._last_meeting = (e.source, e.target)
            i = j
            if sent.idx != subject_sent:  # (the sentence's first subject is the same for each of its spans)
                subject_sent = sent.idx
                subj = self._first_subject(sent)
                if subj is not None:
                    last_subject = subj
        events = self._drop_intent_heads(events)
        out = self._merge(doc, [e for e in events if e.confidence >= self.s.min_confidence])
        if self.s.calibrate:
            cal = default_calibration()
            for e in out:
                pat = self.kb.patterns.get(e.rule)
                e.confidence = round(cal.probability(e, pat.voice if pat else VOICE_ACTIVE), 3)
            out = [e for e in out if e.confidence >= self.s.min_probability]
        return out

    # ------------------------------------------------------------------ one trigger

    def _first_subject(self, sent: _Sent) -> ActorRef | None:
        """The sentence's first coded phrase without a preposition, with its text offsets (an antecedent)."""
        for a in sent.actors:
            if not a.prep and a.ref.code:
                ref = _copy(a.ref)
                ref.start, ref.end = a.start, a.end
                return ref
        return None

    def _span(self, sent: _Sent, m: Mention) -> _Span:
        """The shared context of the trigger span of ``m`` (the window strings; the rest on demand)."""
        k = (m.tok_start, m.tok_end)
        sp = self._spans.get(k)
        if sp is None:
            ti, tj = m.tok_start - sent.start, m.tok_end - sent.start  # trigger span, sentence-relative
            if sent.keys is None:  # (once per sentence)
                sent.keys = [t.key for t in sent.toks]
            # (as _keys_window(sent.toks, tj, tj + 10), from the sentence's keys; _Span.__new__ and the slots of its
            # init fields set here, as _Span(ti, tj, after) would: ~40 spans per article, and the dataclass __init__
            # runs a frame of its own)
            sp = self._spans[k] = _NEW_SPAN(_Span)
            sp.ti = ti
            sp.tj = tj
            sp.after = _window(sent.keys[tj:tj + 10])
            sp.before_clause_ = sp.before3_ = None
            sp.ready = False
        return sp

    @staticmethod
    def _resumed_speaker(toks: list[Token], sent: _Sent, ti: int, cand: tuple[int, int, ActorMention],
                         p: Pattern) -> ActorMention | None:
        """The speaker a verb after a reported clause goes on with: "قال X إن Y ...، وV" where V (roots 01-13)
        is a perfect masculine singular verb with و right after the comma and Y, the clause's subject, cannot be
        its subject (a state, feminine, or a plural); None otherwise."""
        t = toks[ti]
        if (p.cameo[:2] >= "14" or ti < 1 or toks[ti - 1].text not in "،," or t.prefix[:1] != "و"
                or t.key.endswith(("ت", "تا", "وا", "ا")) or t.key[:1] == "ن"):
            return None
        c = cand[2]
        plural = toks[cand[1] - 1].key.endswith(("ين", "ون", "ات"))
        # (a ت-initial verb may be a feminine imperfect, "وتدين", which a state does agree with)
        if not (plural or (c.ref.type == "state" and t.key[:1] != "ت")):
            return None
        rep = _reporter(toks, sent, cand[0])
        if rep is None or rep[0] is None or not rep[0].ref.code or rep[1] >= cand[0]:
            return None
        return rep[0]

    @staticmethod
    def _stance_object(toks: list[Token], start: int, at: int, preps: tuple[str, ...] | list[str]) -> bool:
        """A pattern preposition governs a topic noun (STANCE_HEADS) right before the phrase at ``at``.

        "بخطوات الرئيس"، "على تصريحات الوزير": the clitic or the separate preposition, then the topic noun, then the
        party. (The clitic is stripped here too: the tokenizer splits only clitics of words its lexicon knows.)
        """
        if at - 1 < (start if start > 0 else 0):
            return False
        head = toks[at - 1]
        form = head.norm[1:] if head.norm[:1] in ("و", "ف") and len(head.norm) > 4 else head.norm
        for prep in preps:
            if prep == "OBJ":
                continue
            if len(prep) == 1 and form.startswith(prep):
                bare = form[1:]
                bare = bare[2:] if bare.startswith("ال") else bare
                if bare in STANCE_HEADS or head.key in STANCE_HEADS:
                    return True
            if (head.key in STANCE_HEADS or head.norm in STANCE_HEADS) and at - 2 >= start and \
                    toks[at - 2].norm in PREP_WORDS.get(prep, (prep,)):
                return True
        return False

    def _ready(self, sent: _Sent, sp: _Span) -> None:
        """Fill the pattern-independent filters, the clause window and its actor phrases of a span."""
        toks = sent.toks
        ti, tj = sp.ti, sp.tj
        sp.ready = True
        sp.future_ctx = {}
        # (the scans of the clause window look up the sentence's word classes: see _word_index)
        idx = _word_index(toks)
        bits = idx.bits
        # (the 3 words before the trigger read one by one: a comprehension is a call, on every span that gets here)
        before = sp.before = [toks[ti - 3].norm, toks[ti - 2].norm, toks[ti - 1].norm] if ti >= 3 else [
            t.norm for t in toks[:ti]]
        sp.negated = not NEGATORS.isdisjoint(before[-2:]) or not NEGATING_VERBS.isdisjoint(before)
        # (the 5 words before the trigger include ``before``, its last 3; the bounds of the windows below are
        # conditional expressions, not max()/min(): a call of those builtins parses its arguments, ~10 times the cost)
        sp.intent = idx.last_before(_W_INTENT, ti) >= (ti - 5 if ti > 5 else 0)
        if not sp.intent:
            # an intention noun before the trigger, nearer than the clause's start (a mark, a comma or a marker)
            k = idx.last_before(_W_CLAUSE_COMMA | _W_MARKER | _W_INTENT_NOUN, ti)
            sp.intent = k >= (ti - INTENT_WINDOW if ti > INTENT_WINDOW else 0) and not bits[k] & (
                _W_CLAUSE_COMMA | _W_MARKER)
        sp.future = toks[ti].prefix.endswith("س") or not FUTURE.isdisjoint(before)
        sp.conditional = not CONDITIONAL.isdisjoint(before)
        sp.question = bool(toks) and toks[-1].text in "؟?"
        # clause window: back to a clause marker or a mark (not an opening quote), forward to a mark (not a quote)
        # or a clause or report marker after the trigger
        left = ti - self.s.window
        if left < 0:
            left = 0
        stops = idx.at(_W_MARKER | _W_PUNCT)
        for n in range(bisect_left(stops, ti) - 1, -1, -1):
            k = stops[n]
            if k < left:
                break
            if bits[k] & _W_MARKER or not _opening_quote(toks, k, ti):
                left = k + 1
                break
        right = tj + self.s.window + 8
        if right > len(toks):
            right = len(toks)
        stops = idx.at(_W_RIGHT_PUNCT | _W_RIGHT_MARKER)
        for k in stops[bisect_left(stops, tj):]:
            if k >= right:
                break
            if k > tj or bits[k] & _W_RIGHT_PUNCT:
                right = k
                break
        sp.left, sp.right = left, right
        if sent.rel is None:  # (once per sentence)
            sent.rel = _relative_spans(sent.actors, sent.start)
        # the phrases not overlapping the trigger, and those of them in the clause before and after it (one loop,
        # not four comprehensions; the tuples of rel themselves: no new tuple per phrase). Most triggers overlap no
        # phrase: their span shares the sentence's list (never changed), made anew only for those that do
        overlap = False
        adjective = False  # (an agent phrase that is an attack's adjective: found in this loop, not one per reading)
        ntoks = len(toks)
        pre: list[tuple[int, int, ActorMention]] = []
        post: list[tuple[int, int, ActorMention]] = []
        pre_free: list[tuple[int, int, ActorMention]] = []
        for x in sent.rel:
            x0, x1, am = x
            if x0 < tj and x1 > ti:
                overlap = True
                continue
            # (the call only for a one-word agent phrase whose key is an adjective agent: most agent phrases are not)
            if (am.head == "agent" and not adjective and x1 - x0 == 1 and 0 < x0 < ntoks
                    and toks[x0].key in ADJECTIVE_AGENTS
                    and _attack_adjective(toks, x0, am)):
                adjective = True
            if left <= x0 and x1 <= ti:
                pre.append(x)
                # "وفي الدوحة من المقرر أن ...": a place after a preposition with و is no subject either
                if not am.prep and not (x0 > 0 and toks[x0 - 1].norm[:1] in ("و", "ف")
                                        and toks[x0 - 1].norm[1:] in COORD_PREPS):
                    pre_free.append(x)
            if tj <= x0 < right:
                post.append(x)
        sp.rel = _parties_outside(sent.rel, ti, tj) if overlap else sent.rel
        sp.pre, sp.post, sp.pre_free, sp.attack_adjective = pre, post, pre_free, adjective

    def _code_trigger(self, doc: Document, sent: _Sent, m: Mention, p: Pattern,
                      last_subject: ActorRef | None, sp: _Span | None = None) -> list[Event]:
        """The events of one reading (pattern ``p``) of the trigger ``m``: none when the pattern's companion words
        are missing or vetoed (most readings), else those of :meth:`_code_reading`."""
        pi = self._pinfo.get(p.id)
        if pi is None:
            pi = self._pinfo[p.id] = _pattern_info(p)
        if sp is None:
            sp = self._span(sent, m)
        # (what a demand asks for follows it: "قصف ... مطالبا بفتح تحقيق" is no demand to stop the shelling)
        # (most readings end here: the window after the trigger is tested inline, without a method call, and the
        # clause window before it is made only when that fails; a pattern with requires has ``pi.requires``)
        req = pi.requires
        # (no generator here: a name a generator reads would be a cell, made at every call)
        if req is not None and req.words.isdisjoint(sp.after[0]) and not (
                req.phrases and _phrase_in(req.phrases, sp.after[1])) and (
                pi.root == "10" or (req.words.isdisjoint((bc := sp.before_clause_ or sp.before_clause(sent.toks))[0])
                                 and not (req.phrases and _phrase_in(req.phrases, bc[1])))):
            if self._tracing:
                self.trace.append((m, f"pattern {p.id} needs one of {'|'.join(p.requires)} nearby"))
            return []
        violent = pi.violent
        exc = pi.excludes
        # (sent.keys: made by _span, which made sp)
        if exc is not None and (exc.found(_violent_incidents_out(sp.after, p) if violent else sp.after) or exc.found(
                _violent_incidents_out(sp.before3(sent.keys or []), p) if violent else sp.before3(sent.keys or []))):
            if self._tracing:
                self.trace.append((m, f"pattern {p.id} vetoed by one of {'|'.join(p.excludes)}"))
            return []
        # (the rest in a method of its own, ~130 locals that ~3 of 4 readings, ending above, do not set up; it holds no
        # comprehension, whose outer variables would be cells made and freed on every call: tests/test_hot_path.py)
        return self._code_reading(doc, sent, m, p, last_subject, sp, pi)

    def _code_reading(self, doc: Document, sent: _Sent, m: Mention, p: Pattern,
                      last_subject: ActorRef | None, sp: _Span, pi: _PatInfo) -> list[Event]:
        """The events of a reading that passed its pattern's requires and excludes tests (see _code_trigger)."""
        root, violent, happening = pi.root, pi.violent, pi.happening
        toks = sent.toks
        ti, tj = sp.ti, sp.tj
        trig_tok = toks[ti]  # (the trigger's first token: read by dozens of tests below)
        if not sp.ready:
            self._ready(sent, sp)
        fate = self._conjunct_fate(sent, sp, p) if happening else None
        if fate is not None:  # (no fate, no change: most readings)
            sp.intent = sp.intent or fate == "intent"  # "تعتزم قصف المواقع وتدمير الجسور": intended too
            sp.future = sp.future or fate == "future"
        # filters
        negated = sp.negated
        if negated and not self.s.keep_negated:
            if self._tracing:
                self.trace.append((m, "negated (" + " ".join(sp.before) + ")"))
            return []
        modality = None
        if sp.intent:
            modality = "intent"
        elif sp.future or self._future_ctx(sp, toks, p, violent):
            modality = "future"
        elif sp.conditional:
            modality = "conditional"
        elif sp.question:
            modality = "question"
        if modality in UNREAL_MODALITIES and happening:
            # "أو بضربة جوية إسرائيلية على المفاعل؟"، "لو هاجمت ...": violence or protest asked about or supposed
            # has not happened (gsr rules); other roots keep the event with its modality
            if self._tracing:
                self.trace.append((m, f"{modality}: violence or protest that has not happened"))
            return []
        left, right = sp.left, sp.right
        # (the word before the clause window, the start of several scans: a conditional, not max(), a builtin call)
        left1 = left - 1 if left > 0 else 0
        rel = sp.rel
        pre, post = sp.pre, sp.post
        pre_free = sp.pre_free
        if violent and (loc := self._locative_parties(sent, pi.target_preps)):
            # "وقال إن المستوطنين في الضفة الغربية وإسرائيل هاجموا ..."، "(550 كلم جنوب بغداد)": a state named as
            # where something is or happened does not do the violence named after it (as its target it stands
            # for the state where the violence happened: "هاجموا مسجدا جنوب بغداد")
            pre = _parties_not_in(pre, loc)
            pre_free = _parties_not_in(pre_free, loc)
        if violent and (stop := _result_clause_at(toks, tj, sp.right)) is not None:
            # "هاجموا قرى قرب نابلس، مما دعا أولمرت إلى ...": the result clause has its own parties
            post = _parties_before(post, stop)
        if violent and _located_state(self.kb, toks, post):
            # "قتلوا في ضربات جوية في جنوب شرقي أفغانستان"، "في قلب العاصمة نيودلهي": a state governed by في
            # through place nouns is where it happened, never the bare object
            post = _unlocated_parties(self.kb, toks, post)
        # (a property of the span, found in _ready's loop over the sentence's phrases)
        if sp.attack_adjective:
            # "مقتل المئات في هجمات انتحارية"، "هجوم مسلح": the adjective of an attack noun names no party
            rel = _no_attack_adjectives(toks, rel)
            pre = _no_attack_adjectives(toks, pre)
            post = _no_attack_adjectives(toks, post)
            pre_free = _no_attack_adjectives(toks, pre_free)
        sources: list[ActorMention] = []
        targets: list[ActorMention] = []
        conf = 0.85
        voice = p.voice
        target_preps = pi.target_preps
        agent_passive = False  # "تم اغتصابها من قبل ضباط": an impersonal passive with its agent (see below)

        impersonal = tj - ti == 1 and violent and _impersonal_passive(toks, ti)
        if voice == VOICE_ACTIVE and tj - ti == 1 and _masdar_like(trig_tok.key) and not trig_tok.prefix.endswith("س"):
            voice = VOICE_NOUN  # "تدريب الجيش": a verbal noun listed among a verb's forms
        elif (voice == VOICE_ACTIVE and tj - ti == 1 and violent
              and (trig_tok.prefix.endswith("ب") or (ti > 0 and toks[ti - 1].norm in CAUSE_WORDS))):
            voice = VOICE_NOUN  # "في قصف روسي"، "بقصف": a preposition governs a noun, never a verb
        elif voice == VOICE_ACTIVE and impersonal:
            voice = VOICE_NOUN  # "تم اغتصابها من قبل ضباط": تم + verbal noun is a passive, its agent after من قبل
        # "وتعرضت دورية أمريكية أمس لهجوم مسلح": the verb تعرض governs the attack noun (see _exposed_at)
        exposed_at = _exposed_at(toks, ti) if voice == VOICE_NOUN and violent else None
        if voice == VOICE_NOUN and impersonal:
            # (with its agent named, تم is the light verb of a told act and the pronoun on the noun its victim)
            agent_passive = _agent_phrase(toks, rel, tj, right) is not None
        if voice == VOICE_NOUN and ti > 0 and (toks[ti - 1].key in FRAME_NOUNS or toks[ti - 1].norm in FRAME_NOUNS):
            # "ذكرى اغتيال"، "مكافحة التفجيرات"، "قضية خطف": the event is a topic, not reported
            return self._unreported(sent, sp, m, p, f"topic, not a report ({toks[ti - 1].text} ...)")
        if (not happening and voice == VOICE_NOUN and tj - ti == 1
                and trig_tok.prefix.lstrip("وف").startswith("ل") and not (ti > 0 and _hits(toks[ti - 1], EXPOSED_TO))):
            # "وجه الدعوة لزيارة موسكو"، "استجابة لدعوة الرئيس": a purpose or a complement, not a report
            if self._tracing:
                self.trace.append((m, "a purpose (ل + verbal noun), not a report"))
            return []
        # (the word read as a noun: computed once for the tests below and the rules that take it)
        noun_read = _noun_reading(toks, ti, p)
        # (a passive form read as a definite noun too: "أفضت إلى القتل" is no قُتل)
        as_noun = voice == VOICE_NOUN or (voice in VERB_VOICES and noun_read
                                      and trig_tok.norm.lstrip("وف") not in _first_words(p))
        if as_noun and (known := _known_act(toks, ti, tj, sp.post) or _judged_act(toks, ti, tj)) is not None:
            # (a property of the noun itself, not of what governs it: its conjuncts do not share it)
            if self._tracing:
                self.trace.append((m, known))
            return []
        if as_noun and (charged := _charged_act(toks, ti) if root not in ("11", "12") else None) is not None:
            return self._unreported(sent, sp, m, p, charged)
        if root == "19" and voice == VOICE_ACTIVE and (entered := _bomb_entered(toks, ti, tj)) is not None:
            if self._tracing:
                self.trace.append((m, entered))
            return []
        if pi.blockade and (blockade := _crowd_blockade(toks, ti, tj)) is not None:
            if self._tracing:
                self.trace.append((m, blockade))
            return []
        if voice in VERB_VOICES and (judged := _justified_masdar(toks, ti)) is not None:
            if self._tracing:
                self.trace.append((m, judged))
            return []
        if (past := _background(toks, ti) or _demanded_act(toks, ti, p, noun_read)
                or _discussed_act(toks, ti, p, noun_read) or _aimed_act(toks, ti, p, noun_read)
                or _vox_pop(toks, sp.rel, ti, p)) is not None:
            return self._unreported(sent, sp, m, p, past)
        if (unreported := _not_reported(toks, ti, tj, p, _year_of(doc.article.date), noun_read)) is not None:  # violence/protest as a topic (gsr rules)
            return self._unreported(sent, sp, m, p, unreported)
        if fate == FATE_UNREPORTED:  # "حوادث اغتصاب وسوء معاملة"، "لمقتل 9 من عناصره في الهجوم": as the first
            return self._unreported(sent, sp, m, p, "shares the fate of an act not reported before it (its further "
                                    "conjunct, or the attack its casualties died in), not a report",
                                    noun=True)
        if (voice == VOICE_NOUN and trig_tok.prefix.endswith("ال") and trig_tok.key.endswith("ات")
                and root in ("18", "19", "20", "14", "17")):
            conf -= 0.15  # a definite plural ("الاغتيالات") is usually generic
        subj_post: tuple[int, int, ActorMention] | None = None
        cause_victims = False  # the phrase before a casualty verb is the victims of the attack noun (trigger)
        # "الزيارتين اللتين قام بهما كل من X للمغرب، وY لرواندا": each doer named after the relative with its own
        # destination (see _visit_doers)
        doer_pairs = _visit_doers(toks, sp.post, tj) if pi.visit and voice == VOICE_NOUN \
            else []
        next_tok = toks[tj] if tj < len(toks) else None
        if voice == VOICE_SAID:
            # an evaluation coded from what a reported statement says (see _said_roles)
            said = _said_roles(doc, toks, sent, sp, p, last_subject)
            if said is None:
                if self._tracing:
                    self.trace.append((m, "an evaluative word outside reported speech (no speaker)"))
                return []
            sources, targets, adj = said
            conf += adj
        elif voice == VOICE_PASSIVE:
            # (not the agent of a later trigger: "اتهم جهات بالفساد، لافتا إلى إحالة مسؤولين من قبل المدعي العام")
            by = _agent_parties(doc, sent, post + pre, tj, root < "17")
            if not by and not p.target and not violent:
                # "تلقى اتصالا هاتفيا من X": the receiver is the subject, the giver comes with من
                # (not for violence: "قتلت القوات 11 مسلحا من تنظيم القاعدة" has a partitive من)
                by = [x for x in post if x[2].prep == "من"]
            if by:
                sources = [by[0][2]]
                if by[0][2].prep == "من" and by[0] in post:
                    # "حصلت على مساعدة من إيران وتركيا": every conjunct of the من phrase is a giver, not the
                    # later ones the object
                    sources = _conj_chain(doc, sent, post, by[0][2])
            elif root in ("11", "12", "13") and (spk := _speaker(toks, sent, ti)) is not None:
                # "قال متحدث باسم البيت الأبيض إن بوتين متورط في الهجمات": the speaker accuses the subject
                sources = [spk]
                conf -= 0.05
            # not the nationality adjective of a later attack noun ("قتل عناصر ... في غارات أمريكية")
            objs = _passive_objects(doc, sent, post, tj, sources, violent)
            free = _parties_but(pre_free, sources)
            if free and tj - ti > 1 and toks[tj - 1].norm in PREDICATE_PREPS:
                # "إن الحكومة السورية والروس مسؤولان عن مجزرة المدنيين": after a predicate's preposition stands
                # the act, not the party; the party is the subject before the predicate
                targets = _conj_chain(doc, sent, pre, free[0][2])
            elif objs:
                targets = _conj_chain(doc, sent, post, objs[0][2])
            elif pre_free and not (violent and _attack_noun_subject(toks, pre_free, ti)):
                # SVO passive: the nearest free phrase before the verb is its subject ("... فإن التنظيم يقف وراء");
                # not past an attack noun right before the verb, its subject ("ودخلت سيارة مفخخة وقتلت ...")
                free = _parties_but(pre_free, sources[:1])
                # "ثمانية أشخاص، بينهم طفلان، قتلوا": the members named after بينهم are a part of the subject
                free = _no_member_phrases(toks, free) or free
                if free:
                    targets = [free[-1][2]]
        else:
            near = _near_objects(toks, post, tj, violent)
            resumptive = _resumptive_subject(toks, tj, post)
            receive = voice == VOICE_NOUN and _word_in(toks, left1, ti, RECEIVE_VERBS)
            if receive:
                # "تلقى السيسي اتصالا هاتفيا من ترامب": the caller is the source, the receiver the target
                givers = [x for x in post if x[2].prep == "من"]
                if givers and pre_free:
                    sources, targets = [givers[0][2]], [pre_free[0][2]]
            participle = voice == VOICE_ACTIVE and _participle(trig_tok)
            # the perpetrator of an attack noun: its nationality adjective ("غارات أمريكية"، "قصف روسي") or the ل
            # phrase right after it ("غارة جوية لقوات التحالف"، "بغارة للتحالف"); the casualties before
            # "في/جراء غارات ..." are its victims ("قتل قياديون في القاعدة في غارات أمريكية")
            # (looked for only where it is read)
            if not sources and voice == VOICE_NOUN and violent and (
                    attack_agent := _attack_agent(toks, post, tj)) is not None:
                subj_post = attack_agent
                sources = [attack_agent[2]]
                conf -= 0.05
                caused = trig_tok.prefix.endswith("ب") or (ti > 0 and toks[ti - 1].norm in CAUSE_WORDS)
                if caused and pre_free and not _same_actor(pre_free[-1][2].ref, sources[0].ref):
                    targets = [pre_free[-1][2]]
            statement_at = _first_statement_subject(toks, ti if ti < 3 else 3) \
                if participle else (tj if voice == VOICE_ACTIVE and _statement_subject(toks, tj) else None)
            # (read only for a participle)
            main = _free_parties_before(sorted(rel, key=_START), ti) if participle else []
            if statement_at is not None and participle and main and main[0][0] < statement_at:
                statement_at = None  # "اتهم الوزير البيان ...": a named subject comes first
            # "ألح على الحكومة"، "يتحتم على سيشنز": the trigger ends in its own preposition and the phrase it governs
            # follows at once; no subject stands between verb and preposition, so it is before the verb (or the
            # speaker's, for an impersonal modal), never the phrase after
            trigger_prep = _TRIGGER_PREPS.get(toks[tj - 1].norm) if tj - ti > 1 else None
            prep_obj = _party_at(post, tj, trigger_prep) if trigger_prep \
                and voice == VOICE_ACTIVE and "OBJ" in target_preps and trigger_prep not in target_preps else None
            if sources:
                pass
            elif prep_obj is not None:
                if pre_free:
                    sources = _conj_chain(doc, sent, pre, pre_free[0][2])
                    conf -= 0.05
                elif (spk := _speaker(toks, sent, ti)) is not None and spk is not prep_obj[2]:
                    sources = [spk]
                    conf -= 0.05
                targets = _conj_chain(doc, sent, post, prep_obj[2])
                subj_post = prep_obj
            elif statement_at is not None:
                # "واتهم البيان القوات الأمريكية ..."، "..., مطالبا الحكومة": the statement is the subject, its
                # author the source; the phrase after it is the object
                author = _statement_author(doc, sent.idx, statement_at)
                if author is not None:
                    sources = [ActorMention(-1, -1, -1, -1, sent.idx, author, "implicit")]
                    conf -= 0.1
                else:
                    if self._tracing:
                        self.trace.append((m, "the subject is a statement whose author is not named"))
                    return []
            elif participle:
                # "..., مطالبا الحكومة بفتح تحقيق"، "مستهدفة دورية": a circumstantial participle takes its subject
                # from the main clause before it; the phrase after it is its object
                if main:
                    sources = _conj_chain(doc, sent, sorted(rel, key=_START), main[0][2])
                    conf -= 0.1
                elif last_subject is not None and last_subject.start < trig_tok.start:
                    sources = [ActorMention(-1, -1, -1, -1, sent.idx, last_subject, "implicit")]
                    conf -= 0.25
            elif voice == VOICE_NOUN and resumptive is not None:
                sources = [resumptive[2]]
                subj_post = resumptive
            elif voice == VOICE_NOUN:
                gen = _genitives_at(post, tj)
                # (not when a separate preposition governs the masdar: "شنت الطائرات غارات، بالتزامن مع استقبال
                # الرئيس ترامب نظيره": the light verb's object is another noun; the masdar has its own genitive)
                light = (not (ti > 0 and toks[ti - 1].norm in GOVERNING_WORDS) and (
                    _word_in(toks, left1, ti, LIGHT_VERBS)
                    or _key_in(toks, left1, ti, EXCHANGE_VERBS))) or _achieved(toks, ti) or agent_passive \
                    or exposed_at is not None or _shells_fell(toks, ti, p)
                if pre_free and light:
                    sources = _conj_chain(doc, sent, pre, pre_free[0][2])
                    # "يعقد بوتين مع آبي محادثات": the co-participant fronted before the verbal noun
                    fronted = _fronted_parties(toks, pre, pre_free[0][0], target_preps)
                    if fronted:
                        targets = _conj_chain(doc, sent, pre, fronted[0][2])
                elif gen and "OBJ" in target_preps and (second := _next_free(post, gen[0], toks)) is not None:
                    # "استقبال الرئيس ترامب نظيره الصيني": genitive subject, then the masdar's object
                    subj_post = gen[0]
                    sources = _conj_chain(doc, sent, post, gen[0][2])
                    targets = _conj_chain(doc, sent, post, second[2])
                elif gen and "OBJ" in target_preps and not _prep_target_after(post, gen[0], target_preps,
                                                                                root >= "17"):
                    # a transitive masdar's genitive is its object: "تدريب الجيش الليبي", "اعتقال نافالني"
                    # (unless a prepositional target follows: "زيارة الرئيس الصيني إلى الولايات المتحدة")
                    targets = _conj_chain(doc, sent, post, gen[0][2])
                    subj_post = gen[0]
                    if pre_free:
                        sources = _conj_chain(doc, sent, pre, pre_free[0][2])
                        conf -= 0.1
                elif gen:
                    subj_post = gen[0]
                    sources = _conj_chain(doc, sent, post, gen[0][2])
                elif (pre_free and violent
                      and _casualties_before_cause(doc, sent, pre_free[-1], ti, self.kb.patterns)):
                    # "جنديا أميركيا قتل وأصيب 10 آخرون في هجوم انتحاري": the phrase before the casualty verb
                    # is the attack's victims, not its perpetrator (whom the phrases after it do not name either)
                    targets = [pre_free[-1][2]]
                    cause_victims = True
                elif pre_free:
                    sources = _conj_chain(doc, sent, pre, pre_free[0][2])
                    conf -= 0.15
                if not light and not gen:
                    conf -= self.s.bare_noun_penalty
            elif pre_free and (resumed := self._resumed_speaker(toks, sent, ti, pre_free[0], p)) is not None:
                # "قال كيري إن مصر دفعت ثمنا باهظا، وأدان اغتيال ...": after the reported clause, a masculine
                # singular verb with و that cannot agree with that clause's subject goes on with the speaker
                sources = [resumed]
                conf -= 0.1
            elif pre_free and violent and _attack_noun_subject(toks, pre_free, ti):
                # "قتل جندي في هجوم مسلح استهدف دوريته": the verb describes the attack noun right before it, its
                # subject; the phrases before that are no doers of it
                pass
            elif pre_free:
                # SVO / topicalised subject after a complementizer: "... أن حفتر زار ..."
                sources = _conj_chain(doc, sent, pre, pre_free[0][2])
                conf -= 0.05
            elif voice == VOICE_ACTIVE and (rel_ante := _relative_antecedent(toks, rel, ti)) is not None:
                # "لافروف، الذي التقى نظيره السوري": a relative verb with no resumptive pronoun has the antecedent
                # as its subject; the phrase after the verb is its object
                sources = [rel_ante]
                conf -= 0.05
            elif (voice == VOICE_ACTIVE and near and root < "13" and ti >= 1 and toks[ti - 1].norm in RELATIVES
                  and not trig_tok.suffix and not trig_tok.norm.endswith(("ه", "ها", "هم", "هما"))
                  and not any(t.norm in RESUMPTIVE_PREPS for t in toks[ti + 1:ti + 4])):
                # "البيان الصادر عن اتحاد الصحافيين الذي ساند نقابة X": the subject of a relative verb is its
                # antecedent (here no coded party); the phrase after the verb is its object, never its subject
                targets = _conj_chain(doc, sent, post, near[0][2])
                subj_post = near[0]
            elif near and _numeral_before(toks, near[0][0]) and root in ("18", "19", "20", "17"):
                # "قتل 26 شخصا في غارات ...": a counted NP after the verb is its (passive) object (the coded whole
                # of a counted part: "قتل 150 متمردا من طالبان")
                targets = [_partitive_whole(post, near[0], toks) or near[0][2]]
                subj_post = near[0]
                conf -= 0.1
            elif not near and "OBJ" not in target_preps and (
                    first_free := _first_ungoverned(toks, post, tj)) is not None:
                # an intransitive verb's subject after adverbials: "شارك في اللقاء، بحسب مصادر، ... عقيلة صالح"
                # (not the nationality adjective of a governed noun: "فتحت القاعدة للطائرات الأمريكية")
                subj_post = first_free
                sources = _conj_chain(doc, sent, post, first_free[2])
                conf -= 0.1
            elif near:
                free_post = [x for x in post if not x[2].prep]
                earlier = [x[2] for x in _free_parties_before(rel, left)]
                # "وصل لافروف إلى الرياض حيث التقى ولي العهد": after حيث the subject of the main clause goes on
                after_where = ti > 0 and toks[ti - 1].norm in ("حيث", "وحيث")
                # "..., كما اتهم جهات مسؤولة بالفساد": a verb after كما goes on with the clause's subject too
                also = ti > 0 and toks[ti - 1].norm in ("كما", "وكما") and not trig_tok.key.startswith("ت")
                coordinated = (trig_tok.prefix[:1] in ("و", "ف") or after_where or also) and "OBJ" in target_preps
                if also:  # its object ends at the comma: "كما اتهم X بالفساد، لافتا إلى إحالة مسؤولين"
                    comma = _next_comma(toks, tj)
                    free_post = _parties_before(free_post, comma)
                if coordinated and earlier and len(free_post) == 1 and (not after_where or free_post[0][2].ref.code):
                    # "سيطر التنظيم على بلدات وأعدم أجانب": the NP after the second verb is its object
                    sources = [earlier[0]]
                    conf -= 0.1
                else:
                    subj_post = near[0]
                    sources = _conj_chain(doc, sent, post, near[0][2])
            if voice == VOICE_NOUN and not sources and violent:
                # "حريق عمدي نفذه متطرفون"، "هجوم شنه مسلحون": an attack noun described by a relative clause without
                # a relative pronoun (indefinite antecedent) whose resumptive verb of doing has the doer as subject
                performer = _performed_by(toks, rel, tj)
                if performer is not None:
                    sources = [performer[2]]
            if voice == VOICE_NOUN and not sources:
                # "اشتباكات بين X و Y"
                btw = _between_parties(post, tj)
                if btw:
                    chain = _conj_chain(doc, sent, post, btw[0][2])
                    if len(chain) >= 2:
                        sources, targets = [chain[0]], chain[1:]
            if not sources and near and voice == VOICE_NOUN and not trig_tok.suffix and not cause_victims and not (
                    p.cameo.startswith(ACTS_ON_PERSONS) and p.voice == VOICE_NOUN and _is_one_of(near[0][2], targets)):
                # (not the genitive already read as the object of an act on a person: "عملية اغتيال رئيس الوزراء
                # اللبناني رفيق الحريري"; an attack's genitive may be its doer: "قصف طيران التحالف مواقع ...")
                if violent and voice != VOICE_ACTIVE and (_aimed_at(toks, tj, near[0][0])
                                                          or _victim_between(toks, tj, near[0][0])
                                                          or _shells_fell(toks, ti, p)):
                    # "انفجرت سيارة مفخخة، مستهدفة دورية أمريكية": the phrase after the aiming word is what the
                    # attack hit, never its perpetrator
                    targets = targets or [near[0][2]]
                else:
                    subj_post = near[0]
                    sources = _conj_chain(doc, sent, post, near[0][2])
            if not sources and left > 0 and toks[left - 1].norm in RELATIVES:
                # "غيراسيموف الذي وصل إلى طبرق": the antecedent of the relative pronoun (not a ل genitive: in "الحليف
                # الوحيد لكوريا الشمالية الذي ..." the relative is on the head noun before it)
                ante = _antecedents(rel, left)
                if ante:
                    sources = [ante[-1]]
                    conf -= 0.1
            if (not sources and not targets and root in SYMMETRIC_ROOTS and self._last_meeting is not None
                    and ((next_tok is not None and next_tok.norm.lstrip("و") in DUAL_PARTIES)
                         or (ti > 0 and toks[ti - 1].norm in DUAL_PARTIES))):
                # "وبحث الطرفان ..."، "إن الجانبين ناقشا ...": the two parties of the meeting just reported
                prev_src, prev_tgt = self._last_meeting
                if prev_src is not None and prev_tgt is not None:
                    sources = [ActorMention(-1, -1, -1, -1, sent.idx, prev_src, "anaphora")]
                    targets = [ActorMention(-1, -1, -1, -1, sent.idx, prev_tgt, "anaphora")]
                    conf -= 0.1
            if (voice == VOICE_NOUN and (trig_tok.suffix == "هما" or toks[tj - 1].norm.endswith("هما"))
                    and trig_tok.norm.lstrip("و") not in INTENT_NOUNS and root not in ("03", "04", "05", "06")):
                # "لاستقبال ظريف والمعلم خلال زيارتهما": "their (two)" visit is the act of the last pair named,
                # not of the clause's subject
                pair = _last_pair(sorted(rel, key=_START), ti)
                if pair is not None and not (_is_one_of(pair[0], sources) or _is_one_of(pair[1], sources)):
                    sources = list(pair)
                    subj_post = None
                    conf -= 0.1
            if (not sources and voice == VOICE_NOUN and root < "14"
                    and (poss := _possessive(toks, ti, tj)) is not None
                    and (owner := _possessor(rel, ti, poss, targets)) is not None):
                # "المرافقين لوزير الدفاع الأمريكي في زيارته إلى العراق": "his" visit is the last party named
                # before the noun that agrees with the pronoun
                sources = [owner]
                conf -= 0.1
            if (not sources and (root < "14" or _told_own_violence(p, voice)) and left > 0
                    and toks[left - 1].norm in PRONOUN_COMPLEMENTIZERS
                    and (teller := _pronoun_teller(doc, toks, sent, left - 1)) is not None
                    and not _same_as_any(teller.ref, targets)):
                # "وأكدت تركيا أنها فتحت القاعدة"، "وأضاف أنه حصل اتصال مع أوباما": the pronoun after the
                # complementizer is the one who says it
                sources = [teller]
                conf -= 0.1
            # (tested only where it is read: no source yet and an antecedent)
            if (not sources and last_subject is not None and (
                    bool(trig_tok.suffix) or next_tok is None or next_tok.is_punct
                    or next_tok.norm in PREPOSITIONS_IMPLICIT or next_tok.norm in CLAUSE_MARKERS
                    or _time_starts_at(sent.times, next_tok.start)) and (voice != VOICE_NOUN or trig_tok.suffix)
                    and last_subject.start < trig_tok.start):  # an antecedent precedes its pronoun
                # implicit (pronoun) subject: the last subject of the article
                sources = [ActorMention(-1, -1, -1, -1, sent.idx, last_subject, "implicit")]
                conf -= 0.25
            if sources and sources[0].conj and sources[0].tok_start >= 0:
                # the subject found is the tail of a coordination ("... جون ماكين وليندسي غراهام"): take it whole
                allrel = sorted(rel, key=_START)
                k = _index_of_phrase(allrel, sources[0])
                while k > 0 and allrel[k][2].conj and not allrel[k - 1][2].prep and all(
                        t.text in "،," for t in toks[allrel[k - 1][1]:allrel[k][0]]):
                    k -= 1
                if allrel and allrel[k][2] is not sources[0]:
                    sources = _conj_chain(doc, sent, allrel, allrel[k][2])
            # (the segmenter leaves the pronoun on a trigger form it lists, "اجتماعه"; the surface keeps ة apart)
            if voice == VOICE_NOUN and (trig_tok.suffix in ("ه", "ها") or toks[tj - 1].text.endswith(("ه", "ها"))) \
                    and (quoted := _quoted_party(toks, rel, ti)) is not None and not _is_one_of(quoted, targets):
                # "نسبت الوكالة إلى حفتر قوله، لدى اجتماعه مع ...": "his" meeting is the quoted party's
                sources = [quoted]
            if (not targets and sources and root in ("03", "04") and voice != VOICE_NOUN
                    and (convener := _meeting_host(toks, rel, ti, tj)) is not None
                    and not _same_as_any(convener.ref, sources)):
                # "اجتماع كيري مع لافروف الذي سيشارك فيه الجبير": the one joining the meeting meets its host
                targets = [convener]
            obj_pronoun = voice != VOICE_NOUN and trig_tok.suffix in ("ه", "ها", "هم", "هما", "هن", "ك", "كم")
            if not targets:
                after_subj = post if subj_post is None else _parties_from(post, subj_post[1])
                if obj_pronoun:
                    target_preps = tuple(t for t in target_preps if t != "OBJ")
                skip = set(map(id, sources))  # (C-level: no comprehension's call)
                start_at = subj_post[1] if subj_post is not None else tj
                seen_preps: set[str] = set()
                for x in after_subj:
                    a = x[2]
                    if id(a) in skip or (sources and root >= "15" and _part_of(a.ref, sources[0].ref)):
                        continue
                    if _affiliation(toks, x[0]):
                        continue  # "قوات جيش الفتح التابع للمعارضة": the phrase describes a party, it is none
                    if a.prep == "ل" and _addressee(toks, rel, x[0]):
                        continue  # "قال كارتر للصحفيين": whom a speaker addresses is no party of the act
                    aprep, at = a.prep, x[0]
                    if aprep == "ل" and (lam_gen := _lam_genitive(toks, start_at, at)) is not None:
                        # "غارات على مواقع لتنظيم داعش"، "قصفت أهدافا لتنظيم داعش": ل after a head noun is a
                        # genitive; the phrase takes the government of the head
                        aprep, at = lam_gen
                    if not aprep and (head_gen := _head_genitive(toks, start_at, at)) is not None \
                            and head_gen[0] in target_preps:
                        # "هجوما على مواقع تنظيم داعش": the genitive of a target head noun takes the head's
                        # preposition
                        aprep, at = head_gen
                    if not aprep and a.head == "nisba" and (nis := _nisba_government(toks, start_at, at)) is not None \
                            and nis[0] in target_preps:
                        # "فتحت قاعدة إنجرليك للطائرات الأمريكية": the nationality adjective of the noun a
                        # preposition of the trigger governs names the party (the noun's state)
                        aprep, at = nis
                    if aprep == "من" and (kull := _kull_min(toks, at)) is not None:
                        # "في كل من قطر وغانا"، "حث كلا من واشنطن وسيول": the من of "كل من" is partitive; the
                        # phrase takes the government of "كل"
                        aprep, at = kull
                    if root >= "17" and "على" in target_preps and aprep in ("", "نحو") \
                            and _toward(toks, start_at, at):
                        # "أطلق الجنود النار نحو المتظاهرين"، "باتجاه"، "صوب": the party fire was aimed at is the
                        # target, as with على
                        targets = _conj_chain(doc, sent, post, a)
                        break
                    if aprep and aprep in target_preps and aprep not in seen_preps:
                        # only the first phrase governed by this preposition ("غارات على عدة محاور ..." has no actor)
                        first = _first_prep_at(toks, start_at, right, aprep)
                        if first is not None and first > tj and _state_noun_ending(rel, first, tj, skip):
                            # "اتفقا على ... تأمين حدود تركيا مع سوريا": the phrase after another state's name
                            # belongs to that noun phrase, not to the trigger
                            seen_preps.add(aprep)
                            continue
                        heads = TARGET_HEADS if root >= "14" else TARGET_OR_STANCE_HEADS
                        if first is not None and first <= at and at - first <= 4 and _heads_only(
                                toks[first:at], heads, PREP_WORDS.get(aprep, ())):
                            targets = _conj_chain(doc, sent, post, a)
                            break
                        seen_preps.add(aprep)
                    elif not aprep and "OBJ" in target_preps:
                        targets = _conj_chain(doc, sent, post, _partitive_whole(post, x, toks) or a)
                        break
                    elif (a.prep in ("في", "من", "ل") and "OBJ" in target_preps and root >= "17"
                          and _member_object(toks, start_at, x[0])):
                        # "اعتقلت الشرطة قياديا في تنظيم داعش": the uncoded member stands for the group
                        targets = _conj_chain(doc, sent, post, a)
                        break
                    elif (a.prep == "من" and "OBJ" in target_preps and sources
                          and _quantity_object(toks, start_at, x[0])):
                        # "درب مئات من عناصر الجيش": the whole of a quantity is the object
                        targets = _conj_chain(doc, sent, post, a)
                        break
                    elif (a.prep == "مع" and "OBJ" in target_preps and root < "14"
                          and _interaction_object(toks, start_at, x[0])):
                        # "رفض الحوار مع حركة النهضة": the partner of the interaction masdar that is the object
                        targets = _conj_chain(doc, sent, post, a)
                        break
                    elif not a.prep and root < "14" and self._stance_object(toks, start_at, x[0], target_preps):
                        # "رحب بخطوات الرئيس المصري": the party is the genitive of the topic noun after the preposition
                        targets = _conj_chain(doc, sent, post, a)
                        break
            if (not targets and sources and voice == VOICE_NOUN and root in ("03", "04", "05", "06")
                    and (trig_tok.suffix == "هما" or toks[tj - 1].norm.endswith("هما"))
                    and trig_tok.norm.lstrip("و") not in INTENT_NOUNS):  # "نيتهما": their own intention
                # "حث وانغ يي نظيره الياباني في اجتماعهما": "their (two)" meeting: the other of the last two parties
                other = _others_before(rel, ti, sources[0].ref)
                if other:
                    targets = [other[-1]]
                    conf -= 0.05
            if (voice == VOICE_NOUN and root in ("03", "04", "05", "06")
                    and (trig_tok.suffix == "هما" or toks[tj - 1].norm.endswith("هما"))
                    and trig_tok.norm.lstrip("و") not in INTENT_NOUNS):
                # "حض وانغ يي نظيره ري يونغ-هو في اجتماعهما ... على الالتزام بقرارات الأمم المتحدة": "their (two)"
                # meeting is between the last two parties named before it, whatever phrase follows
                two = _coded_subjects_before(sorted(rel, key=_START), ti)
                if len(two) >= 2 and not _same_actor(two[-2].ref, two[-1].ref):
                    sources, targets = [two[-2]], [two[-1]]
            if (not targets and sources and p.cameo.startswith(DENIAL_CODES) and next_tok is not None
                    and next_tok.norm in DENIED_CLAIMS and (acc := self._last_accusation) is not None
                    and acc.sentence in (sent.idx, sent.idx - 1) and acc.source is not None and acc.target is not None
                    and (acc.target.country or (acc.target.code or "")[:3])
                    == (sources[0].ref.country or (sources[0].ref.code or "")[:3])):
                # "اتهمت الولايات المتحدة روسيا بالتدخل ...، لكن الكرملين ينفي ذلك": the denial answers the accuser
                targets = [ActorMention(-1, -1, -1, -1, sent.idx, acc.source, "anaphora")]
                conf -= 0.05
            if not targets and sources and sources[0].tok_start >= 0:
                # "قال الوزير الإيراني إن واشنطن فرضت عقوبات على بلاده": "his country" is the state of the speaker
                home = self._home_country(toks, sent, ti, subj_post[1] if subj_post is not None else tj, right,
                                          target_preps, sources)
                if home is not None:
                    targets = [home]
                    conf -= 0.1
            if not targets and sources and root in ("05", "11", "12"):
                # "أدان الهجوم الذي شنته جماعة الحوثي"، "أشاد بالجهود التي تبذلها مصر": the evaluated act is
                # described by a relative clause whose subject (after the resumptive verb) is the party evaluated
                start_at = subj_post[1] if subj_post is not None else tj
                doer = _relative_doer(toks, rel, start_at, sources)
                if doer is not None:
                    targets = _conj_chain(doc, sent, sorted(rel, key=_START), doer)
                    conf -= 0.05
            if (not targets and sources and subj_post is not None and voice == VOICE_ACTIVE
                    and root in ("06", "07", "08") and {"الى", "ل"} & set(target_preps)):
                # "سلمت تركيا العراق عشرة مطلوبين": a giving verb's first bare object, right after its subject,
                # is the recipient (the double-object construction of سلّم، منح، أعطى)
                recip = _recipients(post, sources, subj_post[1])
                if recip:
                    targets = [recip[0][2]]
                    conf -= 0.05
        if len(sources) == 1 and _unnamed_attacker(sources[0].ref) and voice == VOICE_ACTIVE and violent:
            # "اقتحم مسلحون من تنظيم داعش نقطة تفتيش": the uncoded attackers are a part of the coded whole after من
            part = _party_of(rel, sources[0])
            whole = None if part is None else _partitive_whole(sorted(rel, key=_START), part, toks)
            if whole is not None:
                sources = [whole]
                targets = _all_but(targets, whole)
        if doer_pairs:
            sources = [sa for sa, _ in doer_pairs if sa is not None]
            targets = [ta for _, ta in doer_pairs if ta is not None]
        if (voice == VOICE_NOUN and root == "18" and sources and sources[0].tok_end - sent.start <= ti
                and any(t.norm.lstrip("و") in SURVIVAL_VERBS for t in toks[left1:ti])):
            # "نجا الوزير من محاولة اغتيال"، "تعرض الوزير لمحاولة اغتيال": who survived or suffered the attack
            # named after him is its target, not its perpetrator
            targets, sources = sources, []
        if root == "17" and len(targets) == 1 and targets[0].role in SUSPECT_ROLES:
            # "اعتقلت الشرطة 300 شخص يشتبه في انتمائهم لداعش ومتشددين أكراد": the people arrested are coded by
            # the group they are suspected of belonging to
            ordered = sorted(rel, key=_START)
            group = _suspected_group(ordered, targets[0], toks)
            if group is not None:
                targets = _conj_chain(doc, sent, ordered, group)
        cause_code: str | None = None
        cause_place: PlaceRef | None = None  # the place of the attack a definite noun refers to ("في الغارة")
        # casualties with no agent of their own: the attack that caused them names it ("قتل 26 شخصا في غارات شنتها
        # طائرات النظام"); as confident as the report of casualties with an unknown attacker (see _report_bonus)
        if (not sources and violent and p.voice != VOICE_NOUN
                and (cause := self._casualty_roles(doc, sent, sp, targets)) is not None):
            sources, targets, cause_code, cause_place = cause
        if (len(sources) == 1 and not sources[0].ref.code and sources[0].tok_start >= 0 and root < "14"
                and doc.tokens[sources[0].tok_start].norm.lstrip("و") in DUAL_PARTIES
                and (dual := _dual_antecedents(doc, sent.idx, sources[0].tok_start)) is not None
                and not _any_same_actor(dual, targets)):
            # "وكان الوزيران التقيا ... مع نظيرهما الأمريكي": "the two ministers" are the last two people named
            sources = _anaphora(dual, sent.idx)
            conf -= 0.1
        # "مع مسؤولين عراقيين من بينهم رئيس الوزراء": the named member of a generic group is the party
        if targets and (named := _named_member(toks, rel, targets)) is not None:
            # (of "مع قادة أمريكيين وزعماء عراقيين من بينهم X" the member is of the last conjunct only)
            targets = targets[:-1] + _conj_chain(doc, sent, sorted(rel, key=_START), named)
        if sources and (named := _named_member(toks, rel, sources)) is not None:
            sources = _conj_chain(doc, sent, sorted(rel, key=_START), named)
        # a visit's destination place stands for the host state ("وصل إلى طبرق"), so does an aid convoy's
        place: PlaceRef | None = None
        place_preps = pi.place_preps_obj if "OBJ" in target_preps else pi.place_preps
        if not targets and place_preps and (root != "04" or pi.visit):
            dest = _destinations(self.kb, sent, tj, right, place_preps)
            if dest and dest[0].ref.country:
                pr = dest[0].ref
                c = self.kb.countries.get(pr.country or "")
                targets = [ActorMention(-1, -1, dest[0].start, dest[0].end, sent.idx,
                                        ActorRef(pr.name, c.name_en if c else pr.name_en, pr.country, None, "state",
                                                 pr.country, [pr.name]), "place")]
                place = pr
        if (not targets and sources and root == "04" and self._last_meeting is not None
                and any(t.prefix.endswith("ال") for t in toks[ti:tj])):
            # "وشارك في اللقاء ... عقيلة صالح": the meeting already reported; its other party is the target
            prev_src, prev_tgt = self._last_meeting
            if prev_tgt is not None and not _same_actor(prev_tgt, sources[0].ref):
                targets = [ActorMention(-1, -1, -1, -1, sent.idx, prev_tgt, "anaphora")]
                conf -= 0.1
        if root == "15" and sources and (foe := _war_enemy(toks, post, tj)) is not None \
                and not _same_actor(foe.ref, sources[0].ref):
            # "نشر مقاتلات في قاعدة إنجرليك للمشاركة في الحرب على تنظيم داعش": a force is deployed against the
            # enemy its purpose names, not the host of its base
            targets = [foe]
        if not targets and root == "14" and sources and (aim := _purpose_target(toks, post, tj, right)):
            # "انضم آلاف إلى مظاهرات ... للمطالبة باستقالة رئيس الوزراء": the party the protest's purpose names
            targets = [aim]
        pairs: list[tuple[ActorMention | None, ActorMention | None]] = []
        # (the tests below only where two named sources of a symmetric root can pair: most readings have one)
        if len(sources) >= 2 and root in SYMMETRIC_ROOTS + ("03",) and sources[0].tok_start >= 0:
            # "اتفقا"، "التقوا": a dual or plural verb ("نيتهما" is a noun with a dual pronoun: their own intention)
            dual_verb = (p.voice in VERB_VOICES and trig_tok.key.endswith(("ا", "وا"))
                         and trig_tok.norm.lstrip("و") not in INTENT_NOUNS)
            joint = dual_verb and all(t.type == "state" for t in (x.ref for x in targets))
            mutual = (dual_verb or (p.voice == VOICE_NOUN and root in ("04", "19"))
                      or p.cameo.startswith(RECIPROCAL_CODES)
                      or (p.voice == VOICE_NOUN and _key_in(toks, left1, ti, EXCHANGE_VERBS)))
        else:
            joint = mutual = False
        if (not targets or joint) and mutual:
            # "أوباما ونظيره التركي أردوغان اتفقا أثناء اتصال هاتفي": each with the other (a dual verb makes
            # the two subjects the parties even when a country is named later: "اتفقا على ... في سوريا")
            # "أوباما ونظيره التركي أردوغان اتفقا أثناء اتصال هاتفي": each with the other, once (a joint act is
            # one event: the party named first is its source, the other its target; no mirrored duplicate)
            pairs = _pairs_of(sources)
            if violent or _key_in(toks, left1, ti, EXCHANGE_VERBS):
                # "تبادلت X و Y إطلاق النار"، "X و Y اشتبكا": a reciprocal act of force is each one's act on the
                # other (not a dual verb of cooperation: "أوباما وأردوغان اتفقا" is one joint act, once)
                pairs += [(b, a) for a, b in pairs]
        if not targets and not pairs and sources and root in PRONOUN_OBJECT_ROOTS and (
                ref := _pronoun_object(toks, rel, ti, tj, target_preps, sources)) is not None:
            # "العقوبات الكندية المفروضة عليها"، "دعوة وجهها له X": the pronoun on the preposition stands for the party named
            # before (not one on the verb: "ها" there stands as often for a thing, "القمة التي تستضيفها")
            targets = [ref]
            conf -= 0.05
        if root == "14" and sources and (crowd := _protesting_crowd(toks, rel, sources, ti)) is not None:
            # "وتجمع نحو مائة متظاهر ... وهاتفين «...»، حسب وكالة الصحافة الفرنسية": the crowd protests (as
            # confident as with the party it replaces: a crowd has no code of its own without a country). A
            # resumed crowd ("ورددوا هتافات معادية لإيران" after "وسار المتظاهرون") takes nothing from a party
            # that was no source (the state its slogans name): it is as weak as any uncoded source
            if (credit := _crowd_credit(p.cameo, crowd, toks, sent.start)) > 0:
                conf += _actor_evidence(sources[0], None) - _actor_evidence(crowd, None) - credit
            sources = [crowd]
            targets = _all_but(targets, crowd)
        if root == "14" and not sources and (swallowed := _swallowed_crowd(sent.actors, sent.start, ti, tj)):
            # "نزل آلاف الأشخاص إلى الشوارع": the trigger form took in the head of its own subject
            sources = [swallowed]
        exposed = None
        if exposed_at is not None and (exposed := _exposed_subject(toks, rel, exposed_at, ti)) is not None:
            # "وتعرضت دورية أمريكية أمس لهجوم مسلح": the one exposed to the attack is its target; only a party
            # right after the attack noun may be its perpetrator ("لهجوم إسرائيلي"، or an agent phrase below)
            targets = [exposed]
            sources = _phrases_right_after(sources, rel, tj)
        if violent and voice != VOICE_ACTIVE and (
                agent := _agent_phrase(toks, rel, tj, right)) is not None and not _is_one_of(agent, sources):
            # "تم اغتصابها من قبل عدة ضباط"، "اغتيل على يد مسلحين": the agent phrase names the perpetrator
            sources = [agent]
            targets = _all_but(targets, agent)
        if violent and _passive_masdar(toks, ti, tj) and (
                obj := _passive_noun_object(toks, rel, tj, right)) is not None and (
                not targets or _is_one_of(obj, sources)):
            # "تم قصف مواقع حزب الله من قبل الطائرات الإسرائيلية"، "جرى اغتيال القيادي في حركة الجهاد": the
            # genitive of the verbal noun of an impersonal passive is its object, never its doer
            targets = _conj_chain(doc, sent, post, obj) if _party_of(post, obj) is not None else [obj]
            sources = _phrases_but(sources, targets)
        if pi.torture and not sources and (jailer := _jailer(toks, rel, tj, right)) is not None:
            # "توفوا نتيجة التعذيب في السجون الإسرائيلية": the state whose prisons they are tortures in them
            sources = [jailer]
            targets = _all_but(targets, jailer)
        if violent and len(sources) == 1 and (
                owner := _forces_owner(toks, rel, sources[0], targets)) is not None:
            # "وأعلن الجيش الأمريكي أن قواته قتلت مسلحا": "its" forces are those of the party named before them
            sources = [owner]
        if (violent and voice == VOICE_ACTIVE and len(sources) == 1
                and (bomber := _sequel_perpetrator(toks, rel, ti, sources[0])) is not None):
            # "استهدف مفجر انتحاري مركزا لتدريب أفراد الشرطة فقتل 15 شخصا": the verb of result goes on with the
            # attacker of the clause before it, not with the victims named in its object
            sources = [bomber]
            targets = _all_but(targets, bomber)
        if violent and voice == VOICE_ACTIVE and _result_of_attacker(toks, rel, ti, sources):
            conf += UNCODED_SOURCE_PENALTY  # (the attacker of a told attack, no misread party: see _actor_evidence)
        if (violent and sources
                and _all_plain_after(sources, sent.start + tj)
                and (bomber := _perpetrator_over(sent.actors, sent.start + ti, sent.start + tj)) is not None
                and not _is_one_of(bomber, sources)):
            # "واستهدف مهاجم انتحاري حافلة تقل موظفين": the trigger is the attacker's own noun, the phrases after
            # it are what it hit (not "انتحاريون من التنظيم المتشدد": armed, the whole they belong to)
            sources, targets = [bomber], sources + _phrases_but(_all_but(targets, bomber), sources)
        outcome = not sources and not modality and _attack_outcome(toks, ti, tj, p)
        # "تعرض الإقليم لقصف صاروخي ... أسفر عن سقوط خمسة قتلى": a place hit, the attack told with its outcome
        exposed_outcome = (not sources and not modality and violent
                           and _exposed_outcome(toks, ti, tj, p))
        outcome = outcome or exposed_outcome
        if not sources and not targets and self.s.require_actor and not (
                outcome and (_result_subject(toks, ti) or exposed_outcome)) and not _shells_fell(toks, ti, p):
            # (a bombing that is the subject of a result verb is told for itself, actors or none: "أسفر انفجار
            # سيارة ملغومة في وسط المدينة عن إصابة عشرة"؛ see _result_subject)
            if self._tracing:
                self.trace.append((m, "no source or target actor found in the clause"))
            return []
        if not targets and not pairs and self.s.require_target and not p.cameo.startswith(self.s.targetless_roots):
            if self._tracing:
                self.trace.append((m, "no target found (set require_target = false to code it)"))
            return []
        if (not sources and self.s.violence_needs_attack and p.cameo in GENERIC_CASUALTY_CODES and p.voice != VOICE_NOUN
                and not _attack_reported(toks, ti, tj, right, p)):
            # (a specific act says what happened even without its doer: "اغتيل الناشط"، "اختطف صحفي")
            if self._tracing:
                self.trace.append((m, "victims with neither an attacker nor an attack named (set violence_needs_attack"
                                      " = false to code them)"))
            return []
        if not sources and self.s.require_source and not p.cameo.startswith(self.s.sourceless_roots):
            # an accusation, a criticism, a visit ... with nobody doing it is not codable (CAMEO needs a source);
            # mostly an ambiguous passive reading of an active verb whose object was not found
            self.trace.append((m, "no source found (set require_source = false to code it)"))
            return []
        if p.cameo == "010" and not self.s.statements:
            if self._tracing:
                self.trace.append((m, "bare statement 010 (set statements = true to code it)"))
            return []
        code = cause_code or p.cameo
        if code[:2] == "18" and sources and _air_force(sources[0]):
            # "قام سلاح الجو بتفجير مخزن ذخيرة": what an air force blows up it strikes from the air (195), not
            # the unconventional violence of a bomber (18)
            code = "195"
        if modality in ("intent", "future") and code[:2] in INTENT_CODES:
            code = INTENT_CODES[code[:2]]
        if not sources:
            conf -= 0.25
            if violent:
                conf -= self.s.victims_only_penalty  # "قتل 5 أشخاص" alone: casualties, attacker unknown
            if voice == VOICE_NOUN and violent and not outcome and exposed is None \
                    and not _fired_toward(toks, rel, tj, targets) and not _shells_fell(toks, ti, p):
                if self._tracing:
                    self.trace.append((m, "a violent-event noun without its perpetrator (مقتل X) is not coded alone"))
                return []
        # a state described in a relative clause ("المناطق التي يسيطر عليها التنظيم") is not an event
        # (tested here, where it counts: most readings end before)
        if (ti > 0 and toks[ti - 1].norm in RELATIVES and p.voice in VERB_VOICES
                and trig_tok.norm[:1] in ("ي", "ت") and not trig_tok.prefix):
            conf -= 0.2
        if (happening and not sent.times and not sent.places and not outcome
                and not (root != "14" and _generic_place(toks))):
            # (a bombing told with its outcome is a report wherever and whenever it was: see _attack_outcome)
            conf -= self.s.unanchored_penalty  # neither when nor where: more often a mention than a report
        if (violent and sources and sources[0].ref.id is None
                and (sources[0].ref.code or "").endswith(VICTIM_SECTORS)):
            conf -= 0.3  # "ستة أشخاص" are the casualties, not the attackers
        if p.target and not targets and not (agent_passive and trig_tok.norm.endswith(OBJECT_PRONOUNS)):
            conf -= 0.15  # (not "تم اغتصابها": the pronoun is the object, a party with no code)
        if modality and not (modality == "intent" and code != p.cameo):
            conf -= 0.1  # (an intention coded as such, 03x/138, is a statement that happened)
        if not modality:  # casualties of a reported attack, a crowd protesting (gsr rules)
            conf += _report_bonus(toks, ti, tj, p, sources, targets)
            if outcome:
                conf += OUTCOME_BONUS  # a bombing with its outcome is a report, its bomber unknown
        # time, place
        date, precision, background = self._date(doc, sent, ti)
        if place is None:
            place = cause_place or self._place(sent, ti, tj, sources, targets, p.cameo)
        if pi.host_state and targets and targets[0].ref.type == "state":
            host = (targets[0].ref.code or "")[:3]
            if host and (place is None or place.country != host):
                # a visit happens in the host country when nothing more precise is said
                place = self._host_place(sent, targets[0]) or place
        if not targets and pi.posture and place and place.country:
            src_country = sources[0].ref.country if sources else None
            if place.country != src_country:
                c = self.kb.countries.get(place.country)
                targets = [ActorMention(-1, -1, -1, -1, sent.idx, ActorRef(
                    c.names_ar[0] if c and c.names_ar else place.country, c.name_en if c else None, place.country,
                    None, "state", place.country, [place.name]), "place")]
        events: list[Event] = []
        if (sources and targets and not pairs and targets[0].tok_start >= 0
                and _all_same_actor(sources, targets)):
            # the subject was also taken as the object ("اغتال مسلحون مجهولون العالم ... فخري زاده"): the next free
            # phrase after it is the object
            after = targets[-1].tok_end - sent.start
            later = _other_objects_from(post, after, sources)
            if later:
                targets = [later[0]]
        if root >= "17" and sources and (not _any_coded(targets) or (root == "17" and all(
                t.ref.id is None and (t.ref.code or "").endswith("CVL") for t in targets))):
            # (a counted "300 شخص" coded as the civilians of the country is no party either)
            # "اعتقلت الشرطة 300 شخص يشتبه في أنهم ينتمون لداعش": the group the people belong to is the target
            group = _belonging_group(toks, rel, tj, tj + BELONGING_REACH)
            if group is not None:
                targets = [t for t in _conj_chain(doc, sent, sorted(rel, key=_START), group) if t.ref.code] or [group]
        if len(targets) == 1 and targets[0].ref.id is None and targets[0].tok_start >= 0:
            # "مع مساعدة وزير الخارجية الأمريكي لشؤون الشرق الأوسط، آن باترسون": the named person in apposition
            # after the comma is the party the title describes
            named = _apposed_name(toks, post, targets[0])
            if named is not None:
                targets = [named]
        if len(targets) > 1 and _any_coded(targets):
            # "مع قادة عسكريين وزعماء عراقيين": an uncoded conjunct beside a coded one adds no party
            targets = [t for t in targets if t.ref.code]
        if not pairs and len(sources) >= 2 and targets and {id(t) for t in targets} <= {id(a) for a in sources}:
            # one coordination read as both roles ("لمطالب مصر والسعودية والإمارات"): joint sources, no target
            targets = []
        s_list: list[ActorMention | None] = list(sources) or [None]
        t_list: list[ActorMention | None] = list(targets) or [None]
        trig_text = doc.text[m.start:m.end]
        sent_obj = doc.sentences[sent.idx]
        combos = pairs or doer_pairs or list(product(s_list, t_list))
        info = cameo.info(code)
        for sa, ta in combos:
            if sa is not None and ta is not None and _same_actor(sa.ref, ta.ref):
                continue
            score = (conf + _actor_evidence(sa, ta) + _crowd_credit(code, sa, toks, sent.start)
                 - _borrowed_crowd_code(doc, code, sa, toks, sent.start))
            # (clamped to [0.05, 0.99] as max(0.05, min(0.99, score)) did, without two builtin calls)
            score = score if score < 0.99 else 0.99
            score = score if score > 0.05 else 0.05
            events.append(Event(
                id="", cameo=code, source=_copy(sa.ref) if sa else None, target=_copy(ta.ref) if ta else None,
                date=date, location=self._target_place(sent, ta, place, code), evidence=sent_obj.text,
                evidence_start=sent_obj.start,
                evidence_end=sent_obj.end, confidence=score,
                rule=p.id, trigger=trig_text, sentence=sent.idx, root=info.root, quad_class=info.quad_class,
                goldstein=info.goldstein, plover=info.plover, cameo_name=info.name, date_precision=precision,
                negated=negated, modality=modality, background=background,
            ))
        if (root == "03" and events and trig_tok.norm.lstrip("و") in INTENT_NOUNS
                and _trigger_within(doc, sent, tj, tj + 2 if tj + 2 < len(toks) else len(toks))):
            # "أعلنتا نيتهما توفير غطاء جوي": when the act after the intention noun is coded (as an intention),
            # this reading is redundant (and its target is a guess) — see _drop_intent_heads
            self._mark_intent_heads(events)
        return events

    def _unreported(self, sent: _Sent, sp: _Span, m: Mention, p: Pattern, why: str, noun: bool = False) -> list[Event]:
        """No event for a trigger that names an act not reported as having happened (a topic, a charge, a kind, a
        purpose...): trace ``why`` and record the fate of a verbal noun for its further conjuncts (see
        _conjunct_fate). ``noun``: the trigger is known to be a noun (a conjunct of one); otherwise its reading, or
        the word of aiming that governs it ("ليتمكنوا من شن هجوم"), says so."""
        if self._tracing:
            self.trace.append((m, why))
        if self._fate.get(sent.start + sp.ti) == FATE_SEEN and (
                noun or _noun_reading(sent.toks, sp.ti, p) or _aim_governor(sent.toks, sp.ti) is not None):
            self._fate[sent.start + sp.ti] = FATE_UNREPORTED
        return []

    def _conjunct_fate(self, sent: _Sent, sp: _Span, p: Pattern) -> str | None:
        """The fate of the first conjunct of a violent verbal noun joined by و ("حوادث اغتصاب وسوء معاملة"، "كانت
        تستهدف تفجير المقر، وضرب مواقع سياحية، واغتيال شخصيات"), which the further conjunct shares: FATE_UNREPORTED
        or a modality, or None when the trigger is no such conjunct or the nearest violent trigger before it in its
        clause was coded (or dropped for another reason). Commas may stand between the conjuncts of a list; a clause
        marker, a relative or a sentence mark ends the search. An attack noun after "في" shares the fate of the
        casualties just before it ("بالثأر لمقتل 9 من عناصره في الهجوم الذي ..."): they died in it."""
        toks, ti = sent.toks, sp.ti
        # (a bare form after و, "وضرب"، "واغتيال", may be a verb: a noun when the first conjunct's fate is a noun's;
        # not one inflected as a verb: "وقتلت"، "وقتلوا")
        t = toks[ti]
        # "لمقتل 9 من عناصره في الهجوم الذي ...": the attack the casualties died in is their happening
        circumstance = ti > 0 and toks[ti - 1].norm == "في" and _noun_reading(toks, ti, p)
        if not t.norm.startswith("و") and not circumstance:
            return None
        if not _noun_reading(toks, ti, p) and ((t.norm.endswith(VERB_ENDINGS) and not t.norm.endswith("ات"))
                                               or _clause_verb_cue(toks, sp.tj)):
            return None
        reach = CIRCUMSTANCE_REACH if circumstance and not t.norm.startswith("و") else CONJUNCT_REACH
        for k in range(ti - 1, ti - 1 - reach if ti > reach else -1, -1):
            u = toks[k]
            if u.text in ".؛:!؟«»\"“”" or u.norm in CLAUSE_MARKERS:
                return None
            fate = self._fate.get(sent.start + k)
            if fate is not None:
                return None if fate in (FATE_SEEN, FATE_CODED) else fate
        return None

    def _mark_intent_heads(self, events: list[Event]) -> None:
        """Record ``events`` as read from an intention noun before a coded act (see ``_drop_intent_heads``).

        The events themselves are held, not only their ids: the readings of a word that lose to another reading
        are freed, and a later event may then get the same id (when it is, CPython and a mypyc build drop
        different events).
        """
        self._intent_heads.update((id(e), e) for e in events)

    def _drop_intent_heads(self, events: list[Event]) -> list[Event]:
        """Drop the events of an intention noun ("عزمها"، "نيتهما") whose following act was coded as an
        intention of the same source in the same sentence: that act says what is intended, and to whom."""
        if not self._intent_heads:
            return events
        acts = {(e.sentence, _actor_key(e.source)) for e in events
                if e.modality == "intent" and id(e) not in self._intent_heads}
        out = [e for e in events if id(e) not in self._intent_heads or (e.sentence, _actor_key(e.source)) not in acts]
        self._intent_heads.clear()
        return out

    def _casualty_roles(self, doc: Document, sent: _Sent, sp: _Span, casualties: list[ActorMention]
                        ) -> tuple[list[ActorMention], list[ActorMention], str | None, PlaceRef | None] | None:
        """Source, target and code of casualties reported with the attack that caused them.

        The perpetrator named in the cause phrase after the trigger (:func:`_cause_roles`) is the source; the
        target is the party the attack hit when it is named ("في غارات شنتها الطائرات التركية ضد مواقع لحزب
        العمال"), the second party of a clash, else the casualties before the cause phrase. A definite attack noun
        with no perpetrator ("قتلوا في الغارة") refers to the article's last attack: its roles are taken, so that
        the report is folded into it. The code is the cause noun's own when one of its patterns applies ("غارة"
        195, "قصف مدفعي" 194, "تفجير انتحاري" 1831); the place is that of the attack referred to, if any. None when
        the clause names no attack or no perpetrator."""
        toks = sent.toks
        if _subject_then_count(toks, sp):
            return None
        k = _casualty_cause(toks, sp.tj, sp.right)
        if k is None:
            return self._time_clause_roles(doc, sent, sp, casualties)
        agent, aim, replace = _cause_roles(toks, sp.rel, k, min(len(toks), k + CAUSE_REACH))
        victims = [a for a in casualties if a.tok_start < 0 or a.tok_start - sent.start < k]
        if not victims and sp.pre_free:
            # "63 شخصا لقوا مصرعهم جراء قصف قوات النظام": the subject before the verb (not the members named
            # after بينهم: "خمسة أشخاص، بينهم ثلاثة أطفال، قتلوا")
            free = [x for x in sp.pre_free if not _member_phrase(toks, x[0])] or sp.pre_free
            victims = [free[-1][2]]
        if agent is not None and not agent.ref.code and (part := next((x for x in sp.rel if x[2] is agent), None)):
            # "في هجوم شنه مسلحون من حركة الشباب": the uncoded attackers are a part of the coded whole after من
            agent = _partitive_whole(sorted(sp.rel, key=_START), part, toks) or agent
        if agent is not None and not agent.ref.code:
            # "في هجوم انتحاري"، "هجوم نفذه مسلحون": an unidentified attacker is no source (nor a casualty)
            return ([], victims, self._cause_code(doc, sent, k), None) if victims else None
        if agent is None:
            # (only a definite noun right after the casualties, under a separate preposition: "قتلوا في الغارة")
            last = self._last_attack
            if (last is None or last.source is None or not last.source.code or k - sp.tj > ANAPHORA_GAP
                    or not toks[k].prefix.lstrip("وف").startswith("ال") or toks[k - 1].norm not in CASUALTY_CAUSE_PREPS):
                return None
            src = [ActorMention(-1, -1, -1, -1, sent.idx, last.source, "anaphora")]
            tgt = [ActorMention(-1, -1, -1, -1, sent.idx, last.target, "anaphora")] if last.target else victims
            return src, tgt, last.cameo, last.location
        # (an uncoded place the attack hit, "على نقطة تفتيش", does not replace the casualties)
        hit = [aim] if replace and aim is not None and aim.ref.code else victims
        return [agent], hit, self._cause_code(doc, sent, k), None

    def _vso_count(self, sent: _Sent, sp: _Span) -> bool:
        """"قتلت القوات العراقية عشرة مسلحين في غارة": a subject right after the verb, then the count of its
        victims: the active قَتَل (VSO), even when a cause phrase follows (see :func:`_subject_then_count`)."""
        if not sp.ready:
            self._ready(sent, sp)
        return _subject_then_count(sent.toks, sp) or _subject_before_object(sent.toks, sp)

    def _time_clause_roles(self, doc: Document, sent: _Sent, sp: _Span, casualties: list[ActorMention]
                           ) -> tuple[list[ActorMention], list[ActorMention], str | None, PlaceRef | None] | None:
        """"وقتل 7 جنود عندما اقتحم مسلحون من تنظيم داعش نقطة تفتيش": a time clause right after the casualty
        clause (عندما، حين، حينما، بعدما، بعد أن، إثر) whose verb is an active violent trigger names the attacker:
        its subject (the coded whole of a counted part, "مسلحون من تنظيم داعش") is the source, the casualties the
        target, the verb's pattern the code. None when there is no such clause or its subject is not coded."""
        toks = sent.toks
        at = None
        for k in range(sp.tj, sp.right + 1 if sp.right + 1 < len(toks) else len(toks)):  # (a loop, not next() over a generator)
            if toks[k].text in CLAUSE_PUNCT or toks[k].norm.lstrip("و") in TIME_CLAUSE_WORDS:
                at = k
                break
        if at is None or toks[at].text in CLAUSE_PUNCT or not casualties:
            return None
        v = at + 1
        if v < len(toks) and toks[v].norm in ("ان", "ما"):
            v += 1  # "بعد أن"
        pats = [self.kb.patterns[m.entry_id] for m in doc.mentions
                if m.kind == MK_TRIGGER and m.tok_start == sent.start + v and m.entry_id in self.kb.patterns]
        pats = [p for p in pats if p.cameo[:2] in VIOLENT_ROOTS and p.voice == VOICE_ACTIVE]
        if not pats:
            return None
        after = sorted((x for x in sp.rel if x[0] > v), key=_START)
        if not after or after[0][0] - v > 1 or after[0][2].prep:
            return None
        subject = after[0][2] if after[0][2].ref.code else _partitive_whole(after, after[0], toks)
        if subject is None or not subject.ref.code or any(_same_actor(subject.ref, c.ref) for c in casualties):
            return None
        code = max((p.cameo for p in pats), key=lambda c: (len(c), c not in GENERIC_CASUALTY_CODES))
        self._told_attacks.add(sent.start + v)  # the time clause's own event is this happening
        return [subject], casualties, code, None

    def _named_cause(self, sent: _Sent, m: Mention) -> bool:
        """The clause of the trigger ``m`` goes on with an attack whose perpetrator is a coded actor ("قتل زعيم
        التنظيم ... في غارة شنتها طائرة أمريكية"): the killing verb is the passive قُتل, its perpetrator that
        actor."""
        sp = self._span(sent, m)
        if not sp.ready:
            self._ready(sent, sp)
        k = _casualty_cause(sent.toks, sp.tj, sp.right)
        if k is None or _subject_then_count(sent.toks, sp):
            return False
        agent = _cause_roles(sent.toks, sp.rel, k, min(len(sent.toks), k + CAUSE_REACH))[0]
        return agent is not None and bool(agent.ref.code)

    def _cause_code(self, doc: Document, sent: _Sent, k: int) -> str | None:
        """The most specific violent code of the patterns that apply to the cause noun at sentence token ``k``:
        those of the trigger spans over it and those of the noun alone (a longer span may have been vetoed:
        "في غارة" is not 195 before "من دون طيار", the noun "غارة" there is 1952)."""
        toks = sent.toks
        spans = [(self.kb.patterns[m.entry_id], m.tok_start - sent.start, m.tok_end - sent.start) for m in doc.mentions
                 if m.kind == MK_TRIGGER and m.sentence == sent.idx
                 and m.tok_start - sent.start <= k < m.tok_end - sent.start]
        spans += [(self.kb.patterns[pid], k, k + 1) for kind, pid in self.kb.index.get(toks[k].key, ())
                  if kind == KIND_TRIGGER and pid in self.kb.patterns]
        best: str | None = None
        windows: dict[tuple[int, int], _Window] = {}  # (start, end) -> its keys, once per call (spans repeat)
        for p, ti, tj in spans:
            if p.cameo[:2] not in VIOLENT_ROOTS:
                continue
            pi = self._pinfo.get(p.id)
            if pi is None:
                pi = self._pinfo[p.id] = _pattern_info(p)
            after = _window_of(windows, toks, tj, tj + 10)
            if p.requires and not (pi.requires is not None and (pi.requires.found(after) or pi.requires.found(
                    _window_of(windows, toks, ti - 8, ti)))):
                continue
            if pi.excludes is not None and (pi.excludes.found(after)
                                            or pi.excludes.found(_window_of(windows, toks, ti - 3, ti))):
                continue
            if best is None or (len(p.cameo), p.cameo not in GENERIC_CASUALTY_CODES) > (
                    len(best), best not in GENERIC_CASUALTY_CODES):
                best = p.cameo
        return best

    def _home_country(self, toks: list[Token], sent: _Sent, ti: int, start: int, end: int,
                      target_preps: tuple[str, ...], sources: list[ActorMention]) -> ActorMention | None:
        """"على بلاده"، "لبلادها" governed by one of the pattern's target prepositions (or a bare object) between
        ``start`` and ``end``: the state of the one who speaks ("قال X إن ...") or, without a speaker, of the
        sentence's first subject before the trigger; None when that is the source's own state or unknown."""
        for k in range(start, end if end < len(toks) else len(toks)):
            t = toks[k]
            if "بل" not in t.norm:
                continue  # (every HOME_WORDS form has it: the quick way past most words)
            base, clitic = t.norm, ""
            if base[:1] in ("و", "ف") and base[1:].startswith(("بلاد", "لبلاد", "ببلاد", "بلد")):
                base = base[1:]
            if base[:1] in ("ب", "ل") and base[1:].startswith(("بلاد", "بلد")):
                clitic, base = base[0], base[1:]
            if base not in HOME_WORDS:
                continue
            if clitic:
                gov = clitic
            else:
                prev = toks[k - 1].norm if k > start else ""
                gov = _preposition_of(prev)
            if not (gov in target_preps or (not gov and "OBJ" in target_preps)):
                return None
            ante = _speaker(toks, sent, ti)
            if ante is None:
                ante = _first_other_subject(sent.actors, sent.start, sent.start + ti, sources)
            country = ante.ref.country or (ante.ref.code or "")[:3] if ante is not None else ""
            own = sources[0].ref.country or (sources[0].ref.code or "")[:3]
            c = self.kb.countries.get(country) if country else None
            if c is None or country == own:
                return None
            return ActorMention(-1, -1, t.start, t.end, sent.idx, ActorRef(
                c.names_ar[0] if c.names_ar else country, c.name_en, country, None, "state", country, [t.text]),
                "anaphora")
        return None

    def _future_ctx(self, sp: _Span, toks: list[Token], p: Pattern, violent: bool) -> bool:
        """:meth:`_future_context` once per span and kind of pattern (it asks whether ``p`` is a noun and violent:
        ``violent``, the pattern's root in VIOLENT_ROOTS, as the caller has it)."""
        kind = (p.voice == VOICE_NOUN, violent)
        got = sp.future_ctx.get(kind)
        if got is None:
            got = sp.future_ctx[kind] = self._future_context(toks, sp.ti, p, violent)
        return got

    def _future_context(self, toks: list[Token], ti: int, p: Pattern, violent: bool | None = None) -> bool:
        """"من المقرر أن يعقد X اجتماعا", "سيعقد X اجتماعا", "هدد باغتيال": a planned or threatened event (scanned
        back to the clause start)."""
        if violent is None:
            violent = p.cameo[:2] in VIOLENT_ROOTS
        lo = ti - (12 if violent else 8)  # a threat's subject can be long: "هدد وزير ...، ليبرمان، باغتيال"
        if lo < 0:  # (a test, not max(): a builtin call)
            lo = 0
        # (only the tokens of the word classes tested below can decide: those before the trigger, nearest first)
        idx = _word_index(toks)
        bits, cues = idx.bits, idx.at(_W_FUTURE_CUES)
        for n in range(bisect_left(cues, ti) - 1, -1, -1):
            k = cues[n]
            if k < lo:
                break
            b = bits[k]
            if b & (_W_STOP | _W_SAID):  # a sentence mark, or "قال": another clause
                break
            if k >= ti - 8 and b & _W_FUTURE_KEY:
                return True
            if violent and (k >= ti - 5 or toks[ti].norm.lstrip("و")[:1] == "ب") and b & _W_THREAT:
                return True  # "هدد باغتيال"، "يخططون لشن هجمات": a threat or a plan (138), not the violence
            if k >= ti - 8 and p.voice == VOICE_NOUN and b & _W_LIGHT and toks[k].prefix.endswith("س"):
                return True  # "سيعقد ... اجتماعا"
        return False

    # ------------------------------------------------------------------ time and place

    def _date(self, doc: Document, sent: _Sent, ti: int) -> tuple[str | None, str | None, bool]:
        art = doc.article.date
        ref = parse_iso(art)
        if sent.times:
            t = _nearest_time(sent.times, sent.toks[ti].start)
            if t.date:
                d = parse_iso(t.date)
                bg = bool(ref and d and (ref - d) > dt.timedelta(days=self.s.background_days))
                return t.date, t.precision, bg
            if t.precision in ("week", "month"):
                return None, t.precision, False
        if self._doc_date is not None:
            return self._doc_date, "day", False
        if ref is not None:
            return ref.isoformat(), "day" if art and len(art) >= 10 else "month", False
        return None, None, False

    def _lead_date(self, doc: Document) -> str | None:
        """The date of the article's lead (its first day-precision time expression in the first sentences):
        news reports events of the lead's day unless a sentence says otherwise."""
        for t in doc.times:
            if t.sentence > 2:
                break
            if t.date and t.precision == "day":
                return t.date
        return None

    def _place_roles(self, sent: _Sent) -> list[tuple[PlaceMention, str | None]]:
        """Each place mention of the sentence with its role (:func:`hadath.coding.places.place_role`), computed
        once per sentence."""
        if sent.roles is not None:
            return sent.roles
        out: list[tuple[PlaceMention, str | None]] = []
        sent.roles = out
        prev: PlaceMention | None = None
        prev_role: str | None = None
        countries = {a.ref.country for a in sent.actors if a.ref.country and a.head != "place"}
        for pm in sent.places:
            if countries and pm.ref.country not in countries:  # (else prefer_actor_country keeps pm: no surface)
                k = pm.tok_start - sent.start
                surface = " ".join(t.text for t in sent.toks[k:pm.tok_end - sent.start])
                pm = prefer_actor_country(self.kb, pm, surface, countries)
            role = place_role(self.kb, sent.toks, sent.start, pm, sent.actors, prev_role, prev)
            out.append((pm, role))
            prev, prev_role = pm, role
        return out

    def _locative_parties(self, sent: _Sent, target_preps: tuple[str, ...]) -> frozenset[int]:
        """The ids of the sentence's state mentions that are the place of a locative phrase ("في سورية ولبنان"،
        "شمال بغداد"، "في جنوب شرقي أفغانستان"; see :func:`hadath.coding.places.place_role`): where something
        is or happened, not who did it or suffered it. Not one governed by a preposition of the pattern's targets
        ("توغلت القوات في الأراضي السورية" names the state entered)."""
        starts: set[int] = set()
        for pm, role in self._place_roles(sent):  # (a loop: a comprehension is a call, on every violent reading)
            if role == LOC:
                starts.add(pm.tok_start)
        if not starts:
            return frozenset()
        return _state_ids_at(sent.actors, starts, target_preps)

    def _place(self, sent: _Sent, ti: int, tj: int, sources: list[ActorMention], targets: list[ActorMention],
               code: str) -> PlaceRef | None:
        """Where the event happened: a locative phrase of the sentence (for a visit, its destination), else the
        article's default place (:meth:`_article_place`).

        Not a place of the event: a nationality, a place inside an actor phrase or standing for an actor
        ("بقيادة الولايات المتحدة"), the destination of a visit that has not happened ("دعاه لزيارة موسكو")
        unless the event is that visit."""
        roles = self._place_roles(sent)
        if not roles:
            return self._doc_place  # (what every branch below comes to without a place in the sentence)
        visit = code.startswith(("042", "043", "036"))
        if visit and not any(a.head == "place" for a in targets):  # (not a movement)
            dest = _visit_place(sent, roles, ti, tj, targets)
            if dest is not None:
                return dest
        same = {(a.tok_start, a.tok_end): a for a in sent.actors}
        src_ids = set(map(id, sources))  # (C-level: no comprehension's call)
        tgt_ids = set(map(id, targets))
        force = code[:2] in ("15", "17", "18", "19", "20")
        loc: list[PlaceMention] = []
        second: list[PlaceMention] = []
        bare: list[PlaceMention] = []
        for pm, role in roles:
            actor = same.get((pm.tok_start, pm.tok_end))
            prep = direct_prep(sent.toks, pm.tok_start - sent.start)
            if role == LOC:
                if actor is not None and (id(actor) in src_ids or (id(actor) in tgt_ids and prep in ("ب", "ل"))):
                    continue  # "أشاد الوزير بقطر": the target, not a location
                loc.append(pm)
            elif role == DEST:
                second.append(pm)  # "وصل إلى طرابلس حيث التقى ...": the meeting is at the destination
            elif role == BARE:
                if actor is not None and id(actor) in tgt_ids and force and prep in ("على", "ضد", ""):
                    second.append(pm)  # "قصفت الطائرات غزة": the attacked place
                elif actor is None and pm.prep in ("", "الى", "من") and pm.ref.country:
                    bare.append(pm)
        if loc or second or bare:
            return _best_place(loc, second, bare, sent.start + ti)
        return self._doc_place

    def _target_place(self, sent: _Sent, ta: ActorMention | None, place: PlaceRef | None,
                      code: str) -> PlaceRef | None:
        """The place of the event with target ``ta`` when it differs from the trigger's ``place``: a visit to
        one of several states happens in that state ("زيارتهم لدول البلطيق استونيا ولاتفيا"); a target that
        is itself a locative phrase ("العمليات التي تنفذها تركيا في سوريا والعراق") or is followed by one
        ("مواقع لحزب العمال الكردستاني في شمال العراق") is where that event happened."""
        if ta is None or ta.tok_start < 0:
            if place is not None and place.precision == "country" and code[:2] in ("03", "04", "05"):
                return self._capital_of(place) or place
            return place
        host = (ta.ref.code or "")[:3] if ta.ref.type == "state" else ""
        if code.startswith(("042", "036")) and host and (place is None or place.country != host):
            return self._host_place(sent, ta) or place
        if place is not None and place.precision == "country" and code[:2] in ("03", "04", "05"):
            # "لقاؤه المقرر في الجزائر", "زيارته للكويت": talks and visits happen in the capital
            place = self._capital_of(place) or place
        roles = self._place_roles(sent)
        if not roles:
            return place  # (no locative phrase of its own in a sentence without places)
        return _own_place(sent, roles, ta, place, code)

    def _host_place(self, sent: _Sent, ta: ActorMention) -> PlaceRef | None:
        """Where a visit to the state ``ta`` happens when the sentence says no more: the capital when the state
        is named by a name its capital shares ("زار الجزائر", "الكويت"), else the country itself (its centre,
        country precision)."""
        host = (ta.ref.code or "")[:3]
        c = self.kb.countries.get(host)
        if c is None:
            return None
        said = {phrase_key(m) for m in ta.ref.mentions}
        if ta.tok_start >= 0:
            said.add(" ".join(t.key for t in sent.toks[ta.tok_start - sent.start:ta.tok_end - sent.start]))
        if c.lat is not None and said & {phrase_key(f) for f in c.capital_ar.split("|") if f}:
            return PlaceRef(c.capital_ar.split("|")[0], c.capital_en or c.name_en, host, c.lat, c.lon,
                            None, None, "city", "city")
        for name in c.names_ar:
            ids = [i for kind, i in self.kb.lookup(name) if kind == "place"]
            country = [self.kb.places[i] for i in ids if i in self.kb.places and self.kb.places[i].feature == "country"
                       and self.kb.places[i].country == host]
            if country:
                return country[0].to_ref("country")
        if c.lat is not None:
            return PlaceRef(c.capital_ar.split("|")[0] or c.names_ar[0], c.capital_en or c.name_en, host, c.lat,
                            c.lon, None, None, "city", "country")
        return None

    def _capital_of(self, place: PlaceRef) -> PlaceRef | None:
        """The capital of the country ``place`` when the country's name is also its capital's (الجزائر، الكويت،
        تونس، جيبوتي), else None."""
        c = self.kb.countries.get(place.country or "")
        if c is None or c.lat is None or phrase_key(place.name) not in {
                phrase_key(f) for f in c.capital_ar.split("|") if f}:
            return None
        return PlaceRef(c.capital_ar.split("|")[0], c.capital_en or c.name_en, c.iso3, c.lat, c.lon, None, None,
                        "city", "city")

    def _article_place(self, doc: Document, by_sent: dict[int, _Sent]) -> PlaceRef | None:
        """The place of events whose sentence names none: the dateline city, else the lead's first locative city,
        else the lead's first locative place (a region, a country), else the country most often named as a
        place where things happen (once per article). Nationalities, places inside actor phrases and the
        destinations of planned visits do not count. ``by_sent`` holds the coder's sentences (:func:`_sentences`;
        the place roles computed here stay on them for coding)."""
        dl = doc.dateline
        if dl and dl.city:
            hits = self.kb.lookup(dl.city)
            p = self.kb.best_place([i for k, i in hits if k == "place"])
            if p:
                return p.to_ref("city")
        scene: list[PlaceMention] = []
        located: set[int] = set()  # ids of the scene mentions that are locative phrases or destinations
        for si in range(len(doc.sentences)):
            sent = by_sent[si]
            if not sent.places:
                continue
            for pm, role in self._place_roles(sent):
                if role in (LOC, DEST) or (role == BARE and pm.prep == "الى"):
                    scene.append(pm)
                    if role in (LOC, DEST):
                        located.add(id(pm))
        lead = [pm for pm in scene if pm.sentence <= 2]
        city = [pm for pm in lead if pm.ref.precision in ("site", "city")]
        if city:
            return city[0].ref
        lead = [pm for pm in lead if id(pm) in located]  # not "إضافة إلى مصر"
        if lead and lead[0].ref.country:
            # a city of the lead's country named later as a scene refines it ("في الفلبين" ... "في مانيلا")
            first = lead[0].ref
            refine = [pm for pm in scene if pm.ref.country == first.country and pm.ref.precision in ("site", "city")]
            return refine[0].ref if refine and first.precision == "country" else first
        scene = [pm for pm in scene if pm.ref.country]
        if not scene:
            return None
        top, n = Counter(pm.ref.country for pm in scene).most_common(1)[0]
        if n < 2:
            return None
        return min((pm for pm in scene if pm.ref.country == top),
                   key=lambda pm: PRECISION_ORDER.get(pm.ref.precision or "", 4)).ref

    # ------------------------------------------------------------------ merging

    def _merge(self, doc: Document, events: list[Event]) -> list[Event]:
        # within one sentence, two triggers of the same root from the same source are one happening
        # ("سلم ... شحنة من الأدوية"): keep the events of the best trigger
        # (only when the targets are the same party or country: different targets are different events)
        best_trigger: dict[tuple[int, str, str, str], tuple[float, str]] = {}

        def tkey(e: Event) -> str:
            return (e.target.country or e.target.code or "?") if e.target else "-"

        for e in events:
            k = (e.sentence, _happening(e.cameo), _actor_key(e.source), tkey(e))
            cand = (e.confidence + 0.01 * len(e.cameo), f"{e.rule}|{e.trigger}")
            if k not in best_trigger or cand > best_trigger[k]:
                best_trigger[k] = cand
        events = [e for e in events
                  if best_trigger[(e.sentence, _happening(e.cameo), _actor_key(e.source), tkey(e))][1] == f"{e.rule}|{e.trigger}"
                  or e.source is None]
        # "حريق عمدي نفذه متطرفون مما أسفر عن مقتل رضيع": the casualties (190) that the same source caused in the
        # sentence of an assault (18) with no target or the same one are its victims: one assault
        folded: set[int] = set()
        for e in events:
            if e.cameo[:2] == "18" and e.source is not None:
                cas = next((c for c in events if c.sentence == e.sentence and c.rule == "190.awda-hayat"
                            and c.target is not None and id(c) not in folded
                            and _actor_key(c.source) == _actor_key(e.source)
                            and (e.target is None or _actor_key(e.target) == _actor_key(c.target))), None)
                if cas is not None:
                    e.target = cas.target
                    folded.add(id(cas))
        events = [e for e in events if id(e) not in folded]
        # casualties ("قتل 26 شخصا") reported with the attack that caused them are the same happening
        attacked = {e.sentence for e in events if e.cameo[:2] in VIOLENT_ROOTS and e.source is not None}
        events = [e for e in events if not (e.source is None and e.cameo[:2] in VIOLENT_ROOTS
                                            and e.sentence in attacked)]
        # "قتل أربعة فلسطينيين وأصيب أكثر من ثلاثين": the killed and the wounded of one sentence, with no attacker
        # named, are the casualties of one happening: the first of them stands for it
        events = _one_casualty_report(events)
        # "فجر انتحاريون من التنظيم أنفسهم": the bombers' noun, coded alone with no target, is the same assault
        # as the complete event of the same code in its sentence
        complete = {(e.sentence, e.cameo) for e in events if e.cameo[:2] == "18" and e.source and e.target}
        events = [e for e in events
                  if not (e.cameo[:2] == "18" and e.target is None and (e.sentence, e.cameo) in complete)]
        merged: dict[tuple[str, str, str, str], Event] = {}
        order: list[tuple[str, str, str, str]] = []
        for e in events:
            # violence in two places is two happenings, even between the same parties ("قتل 5 مدنيين في حماة
            # جراء غارات روسية ... كما قتل 3 في حمص جراء غارات روسية")
            key = (e.cameo[:2], _actor_key(e.source), _actor_key(e.target),
                   (e.location.name if e.location else "") if e.cameo[:2] in VIOLENT_ROOTS else "")
            old = merged.get(key)
            if old is None:
                merged[key] = e
                order.append(key)
                continue
            old.n_mentions += 1
            old.other_evidence.append(e.evidence)
            if e.confidence > old.confidence + 0.05 or (len(e.cameo) > len(old.cameo) and e.confidence >= old.confidence):
                e.n_mentions, e.other_evidence = old.n_mentions, old.other_evidence
                if old.location and not e.location:
                    e.location = old.location
                merged[key] = e
            elif e.location and not old.location:
                old.location = e.location
        out = [merged[k] for k in order]
        if self.s.subsume_partial:
            out = _subsume_partial(out)
        for e in out:
            # corroboration across sentences raises confidence
            if e.n_mentions > 1:
                e.confidence = min(0.99, e.confidence + 0.05 * (e.n_mentions - 1))
            basis = f"{doc.article.id}|{e.cameo}|{_actor_key(e.source)}|{_actor_key(e.target)}|{e.evidence_start}"
            e.id = hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]
        return out


# separate prepositions and temporal adverbs before a masdar: it is not the object of a light verb before them
GOVERNING_WORDS = frozenset(["مع", "خلال", "بعد", "قبل", "اثناء", "عقب", "منذ", "حول", "عن", "اثر", "لدى", "لدي",
                             "بعيد", "ابان"])
RESUMPTIVE_PREPS = frozenset(["عليه", "عليها", "عليهم", "فيه", "فيها", "منه", "منها", "اليه", "اليها", "له", "لها",
                              "به", "بها", "معه", "معها", "ضده", "ضدها"])


# Helpers of EventCoder's place and argument methods (functions of their own, so that the methods, called for most
# full readings, hold no comprehension: see _code_reading's helpers)
def _preposition_of(word: str) -> str:
    """The preposition (a key of PREP_WORDS) whose forms include ``word``, or ""."""
    for pr, words in PREP_WORDS.items():
        if word in words:
            return pr
    return ""


def _first_other_subject(phrases: list[ActorMention], start: int, end: int, sources: list[ActorMention]
                         ) -> ActorMention | None:
    """The first phrase without a preposition that ends from document token ``start`` to ``end`` and is none of
    ``sources``, or None."""
    for a in phrases:
        if start <= a.tok_end <= end and not a.prep and not _is_one_of(a, sources):
            return a
    return None


def _nearest_time(times: list[TimeExpr], at: int) -> TimeExpr:
    """The first of ``times`` (not empty) nearest character ``at``."""
    best = times[0]
    gap = abs(best.start - at)
    for t in times:  # (as min() with a key, without the lambda's cell)
        d = abs(t.start - at)
        if d < gap:
            best, gap = t, d
    return best


def _state_ids_at(phrases: list[ActorMention], starts: set[int], target_preps: tuple[str, ...]) -> frozenset[int]:
    """The ids of the state phrases that begin at one of ``starts``, not governed by one of ``target_preps``."""
    ids: set[int] = set()
    for a in phrases:  # (a loop, not frozenset() over a generator)
        if a.tok_start in starts and a.ref.type == "state" and not (a.prep and a.prep in target_preps):
            ids.add(id(a))
    return frozenset(ids)


def _visit_place(sent: _Sent, roles: list[tuple[PlaceMention, str | None]], ti: int, tj: int,
                 targets: list[ActorMention]) -> PlaceRef | None:
    """The place of a visit: the visited capital that is a target ("وصل إلى الدوحة": both host and place), else
    the destination of the visit word ("سيزور ظريف قطر"، "أثناء زيارتهم لدول البلطيق استونيا"), or None."""
    dest = [pm for pm, r in roles if r is not None and pm.prep == "الى"
            and tj <= pm.tok_start - sent.start <= tj + 6
            and any(a.tok_start <= pm.tok_start < a.tok_end for a in targets)]
    if dest:
        return dest[0].ref
    own = [pm for pm, r in roles if r in (DEST, PLANNED)
           and ti <= (movement_word(sent.toks, pm.tok_start - sent.start) or -1) < tj]
    return own[0].ref if own else None


def _best_place(loc: list[PlaceMention], second: list[PlaceMention], bare: list[PlaceMention], at: int) -> PlaceRef:
    """The place of an event whose trigger begins at document token ``at``, from the sentence's locative phrases
    ``loc``, else its destinations and attacked places ``second``, else its bare place names ``bare`` (one of
    them not empty)."""
    if loc:
        # the locative phrase nearest the trigger; ties: the more precise place
        return min(loc, key=lambda pm: (abs(pm.tok_start - at) // 8,
                                        PRECISION_ORDER.get(pm.ref.precision or "", 4))).ref
    if second:
        return min(second, key=lambda pm: abs(pm.tok_start - at)).ref
    return min(bare, key=lambda pm: (PRECISION_ORDER.get(pm.ref.precision or "", 4), abs(pm.tok_start - at))).ref


def _own_place(sent: _Sent, roles: list[tuple[PlaceMention, str | None]], ta: ActorMention, place: PlaceRef | None,
               code: str) -> PlaceRef | None:
    """The place of the event with target ``ta`` (see EventCoder._target_place): a locative phrase that is the
    target or, for force, follows it in its clause, when it names another country than ``place``."""
    own = [pm for pm, role in roles if role == LOC and pm.tok_start == ta.tok_start]
    if not own and code[:2] in ("15", "17", "18", "19", "20"):
        # the force was used where the target is: "غارات على مواقع لحزب العمال في شمال العراق"
        own = [pm for pm, role in roles if role == LOC and 0 <= pm.tok_start - ta.tok_end <= 6
               and not any(t.text in CLAUSE_PUNCT for t in sent.toks[ta.tok_end - sent.start:pm.tok_start - sent.start])]
    if own and own[0].ref.country and (place is None or own[0].ref.country != place.country):
        return own[0].ref
    return place


def _role_genitive(head: tuple[int, int, ActorMention], x: tuple[int, int, ActorMention]) -> bool:
    """The ل phrase ``x`` right after a phrase ending in a role noun is that role's genitive ("اغتيال صلاح
    شحادة القائد العام لكتائب القسام"، "اعتقال الأمين العام لحزب ..."): it belongs to the phrase, it is no
    prepositional target of the trigger."""
    return x[2].prep == "ل" and x[0] == head[1] and bool(head[2].role)


RESULT_WORDS = frozenset(["مما", "ومما"])  # "..., مما أدى/دعا/أسفر ...": a clause of result


def _result_clause_at(toks: list[Token], tj: int, right: int) -> int | None:
    """Where a clause of result ("، مما دعا ...") begins after the trigger, within its window; None if none. (Not
    one telling the act's casualties, "مما أسفر عن إصابة ثلاثة أشخاص": those are its victims.)"""
    # (a loop, not next() over a generator: every violent reading; its end by a conditional, not min(), a builtin call)
    for k in range(tj, right if right < len(toks) else len(toks)):
        if toks[k].norm in RESULT_WORDS:
            return None if k + 1 < len(toks) and _hits(toks[k + 1], RESULT_LINKS) else k
    return None


def _casualties_before_cause(doc: Document, sent: _Sent, x: tuple[int, int, ActorMention], ti: int,
                             patterns: dict[str, Pattern]) -> bool:
    """The attack noun at ``ti`` is governed by a causal or locative preposition ("في هجوم"، "جراء قصف"،
    "بانفجار") and a violent trigger (the casualty verb) stands between the phrase ``x`` and it: the phrase is
    the casualties of the attack."""
    toks = sent.toks
    t = toks[ti]
    if not (t.prefix.lstrip("و").startswith("ب") or (ti > 0 and toks[ti - 1].norm in CASUALTY_CAUSE_PREPS)):
        return False
    lo, hi, si = sent.start + x[1], sent.start + ti - 1, sent.idx
    for m in doc.mentions:  # noqa: SIM110 (a loop, not any() over a generator: it runs over all the mentions)
        if (m.kind == MK_TRIGGER and m.sentence == si and lo <= m.tok_start < hi
                and (pt := patterns.get(m.entry_id)) is not None and pt.cameo[:2] in VIOLENT_ROOTS):
            return True
    return False


ATTACK_SUBJECT_REACH = 3  # tokens before a violent verb searched for the attack noun that is its subject


def _attack_noun_subject(toks: list[Token], pre_free: list[tuple[int, int, ActorMention]], ti: int) -> bool:
    """An attack noun (with its adjectives) stands right before the violent verb, after the last free phrase
    ("... في هجوم مسلح استهدف"، "انفجار عبوة ناسفة استهدف"): the verb describes that attack, whose subject it
    is; the free phrase before is not."""
    last = pre_free[-1][1]
    for k in range(ti - 1, ti - 1 - ATTACK_SUBJECT_REACH if ti - ATTACK_SUBJECT_REACH > last else last - 1, -1):
        t = toks[k]
        if t.is_punct:
            return False
        if t.key in ATTACK_SUBJECTS or t.norm.lstrip("و") in ATTACK_SUBJECTS:
            # (a vehicle only as a car bomb: "سيارة مفخخة"; "أصاب صاروخ السيارة" names what was hit)
            return t.key not in VEHICLE_NOUNS or (k + 1 < len(toks) and _hits(toks[k + 1], BOMB_ADJECTIVES))
    return False


VEHICLE_NOUNS = frozenset(["سياره", "سيارات", "شاحنه", "حافله", "دراجه"])


MEMBER_MARKERS = frozenset(["بينهم", "بينها", "بينهن", "بينهما", "منهم", "منهن", "وبينهم", "ومنهم"])


def _member_phrase(toks: list[Token], k: int) -> bool:
    """The phrase at ``k`` names some members of the one before ("بينهم طفلان"، "منهم ثلاثة جنود")."""
    if k > 1 and _numeral_before(toks, k):
        k -= 1  # past the count: "بينهم ثلاثة أطفال"
    return k > 0 and toks[k - 1].norm in MEMBER_MARKERS


def _clitic_pp_genitive(toks: list[Token], tj: int, k: int) -> bool:
    """The phrase at ``k`` is the genitive of a noun after the trigger that carries a clitic preposition ("ضربات
    جوية لقواعد الدفاع الجوي"، "بمساعدة الجيش"): part of that prepositional phrase, no bare subject or object."""
    if k - 1 < tj:
        return False
    t = toks[k - 1]
    return not t.is_punct and t.prefix.lstrip("وف")[:1] in ("ب", "ل", "ك") and len(t.key) >= 3


def _prep_conjunct(post: list[tuple[int, int, ActorMention]], x: tuple[int, int, ActorMention]) -> bool:
    """The phrase is a conjunct with و right after a prepositional phrase ("عدوان على فلسطين وشعبها"): it shares
    that preposition, so it is no bare subject or object of the trigger."""
    return x[2].conj and any(e == x[0] and a.prep for _s, e, a in post)


# attack nouns an adjective of doing may describe ("هجوم انتحاري"، "هجمات انتحارية"، "هجوم مسلح")
ADJECTIVE_HEADS = frozenset(
    ["هجوم", "هجمات", "هجومين", "عمليه", "عمليات", "عمليتين", "تفجير", "تفجيرات", "اعتداء", "اعتداءات", "غاره",
     "غارات", "ضربه", "ضربات", "هجمه", "كمين", "سطو", "اقتحام", "تمرد", "عصيان", "حمله", "مواجهات", "اشتباكات",
     "اشتباك", "انفجار", "انفجارات"]
)
# the agent words whose singular forms are also adjectives: suicide (bomber), armed (man)
ADJECTIVE_AGENTS = frozenset(["انتحاري", "انتحاريه", "مسلح", "مسلحه"])


def _attack_adjective(toks: list[Token], k: int, a: ActorMention) -> bool:
    """True when the actor phrase at sentence token ``k`` is a single agent word that is the adjective of the
    attack noun right before it ("في هجمات انتحارية"، "الهجوم الانتحاري"، "هجوم مسلح"): it describes the
    attack, it names no party. (A plural after the noun is its genitive, the attackers: "هجوم مسلحين"; so is a
    definite word after an indefinite noun: "هجوم الانتحاري".)"""
    if a.head != "agent" or a.tok_end - a.tok_start != 1 or k < 1 or k >= len(toks):
        return False
    t, head = toks[k], toks[k - 1]
    if t.key not in ADJECTIVE_AGENTS or t.prefix.lstrip("وف") not in ("", "ال"):
        return False
    return head.key in ADJECTIVE_HEADS and ("ال" in head.prefix) == (t.prefix.lstrip("وف") == "ال")


def _relative_antecedent(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int) -> ActorMention | None:
    """The coded actor phrase a relative pronoun right before the verb ``ti`` refers to, when that phrase is the
    verb's subject: "لافروف، الذي التقى نظيره"، "الوفد الذي يزور القاهرة". Not when a resumptive pronoun on the
    verb or on a preposition after it makes the antecedent an object ("الهجوم الذي شنته"، "المناطق التي يسيطر
    عليها"), or None."""
    if ti < 2 or toks[ti - 1].norm not in RELATIVES or toks[ti].suffix:
        return None
    if any(t.norm in RESUMPTIVE_PREPS for t in toks[ti + 1:ti + 4]):
        return None
    end = ti - 1
    if toks[end - 1].text in "،,":
        end -= 1
    ante = next((a for _, e, a in rel if e == end), None)
    return ante if ante is not None and ante.ref.code and ante.tok_start >= 0 else None


# "his/her/their country": a possessive referring back to an actor (see EventCoder._home_country)
HOME_WORDS = frozenset(["بلاده", "بلادها", "بلادهم", "بلده", "بلدها", "بلدهم"])
RESUMPTIVE = frozenset(["ه", "ها", "هم", "هما", "هن"])


def _relative_doer(toks: list[Token], rel: list[tuple[int, int, ActorMention]], start: int,
                   sources: list[ActorMention]) -> ActorMention | None:
    """The subject of a relative clause describing the object noun after ``start``: "الهجوم الذي شنته جماعة
    الحوثي"، "بالجهود التي تبذلها مصر". The object is one to three words with no actor phrase; the relative
    pronoun is followed by a verb carrying the resumptive object pronoun, then the subject (no preposition)."""
    for k in range(start, start + 4 if start + 4 < len(toks) - 2 else len(toks) - 2):
        t = toks[k]
        if t.is_punct:
            return None
        if t.norm not in RELATIVES:
            continue
        if k == start:
            return None  # "انتقدت الحكومة، التي يترأسها الثني، ...": the clause describes the subject
        v = toks[k + 1]
        resumptive = v.suffix in RESUMPTIVE or (not v.suffix and (  # "تبذلها"، "شنه" left unsegmented
            (len(v.norm) >= 5 and v.norm.endswith(("ها", "هم", "هما", "ته", "وه")))
            or v.norm[:-1] in LIGHT_VERBS or v.norm[:-2] in LIGHT_VERBS))
        if any(start <= s < k for s, _, _ in rel) or not resumptive:
            return None
        doer = next((a for s, _, a in rel if s == k + 2 and not a.prep), None) or _nisba_doer(toks, rel, k + 2)
        if doer is None or not doer.ref.code or any(_same_actor(doer.ref, x.ref) for x in sources):
            return None
        return doer
    return None


def _nisba_doer(toks: list[Token], rel: list[tuple[int, int, ActorMention]], k: int) -> ActorMention | None:
    """The party named by the nationality adjective of a plain noun subject at ``k`` ("الذي شنته الطائرات
    التركية"، "التي ترتكبها القوات الإسرائيلية"): the noun itself is no actor phrase nor a preposition, and
    the adjective follows it at once. None otherwise."""
    if k + 1 >= len(toks) or toks[k].is_punct or toks[k].prefix not in ("", "ال") or any(s <= k < e for s, e, _ in rel):
        return None
    return next((a for s, _, a in rel if s == k + 1 and a.head == "nisba" and not a.prep and not a.conj), None)


AMONG = frozenset(["بينهم", "بينها", "بينهما", "منهم", "منها", "ومنهم", "ومنها", "وبينهم", "وبينها"])


def _named_member(toks: list[Token], rel: list[tuple[int, int, ActorMention]],
                  group: list[ActorMention]) -> ActorMention | None:
    """"قادة عسكريون وزعماء سياسيون، من بينهم رئيس الوزراء حيدر العبادي": the named actor introduced by "(من)
    بينهم"/"منهم" right after a group of unnamed members (no actor id), or None. CAMEO codes the named party."""
    last = group[-1]
    if last.tok_start < 0:
        return None
    for g in group:  # (loops, not generators: run twice for every reading)
        if g.ref.id:
            return None
    k = None
    for _, e, a in rel:
        if a is last:
            k = e
            break
    if k is None:
        return None
    limit = k + 5  # "قادة أفارقة، من بينهم": a descriptor or two and a comma may come between
    for t in toks[k:limit + 2]:  # (a loop over a slice: no list of forms, no index)
        if t.norm in AMONG:
            break
    else:
        return None  # (the scan below can end on no other word: a quick way out)
    # (a nationality adjective is a descriptor: "وزعماء سياسيين عراقيين من بينهم ...")
    starts = {s for s, _, a in rel if a.head != "nisba" or a.prep or a.conj}
    while k < min(len(toks), limit) and toks[k].norm not in AMONG and toks[k].norm not in ("من", "ومن"):
        t = toks[k]
        if k in starts or (t.is_punct and t.text not in "،,") or t.norm in CLAUSE_MARKERS:
            return None
        k += 1
    if k < len(toks) and toks[k].norm in ("من", "ومن"):
        k += 1
    if k >= len(toks) or toks[k].norm not in AMONG:
        return None
    k += 1
    for s, _, a in rel:  # (a loop: a generator would make ``k`` a cell of this function)
        if s == k and not a.prep:
            return a if a.ref.code else None
    return None


# "كل من X و Y"، "عدد من النشطاء"، "العديد من الدول": a quantifier whose من phrase is its partitive complement
KULL = frozenset(["كل", "كلا", "كلتا", "كلي", "كلتي", "عدد", "عددا", "العديد", "عديد"])


def _kull_min(toks: list[Token], at: int) -> tuple[str, int] | None:
    """The government of a phrase at ``at`` introduced by "كل من" ("في كل من X و Y"، "كلا من X و Y"): the
    preposition before "كل" (a separate word or a clitic; "" for a bare object) and the index of "كل", or None
    when the phrase does not follow "كل من"."""
    if at < 2 or toks[at - 1].norm != "من":
        return None
    k = toks[at - 2]
    if k.key not in KULL and k.norm not in KULL:
        bare = k.norm[1:] if k.norm[:1] in ("ب", "ل") else ""
        if bare not in KULL:
            return None
        return k.norm[0], at - 2  # "بكل من"، "لكل من" left unsegmented
    pre = k.prefix.lstrip("وف")
    if pre[:1] in ("ب", "ل"):
        return pre[0], at - 2
    if at >= 3:
        before = toks[at - 3].norm
        for prep, words in PREP_WORDS.items():
            if before in words:
                return prep, at - 3
    return "", at - 2


def _partitive_whole(post: list[tuple[int, int, ActorMention]], part: tuple[int, int, ActorMention],
                     toks: list[Token]) -> ActorMention | None:
    """"11 مسلحا من تنظيم القاعدة": an uncoded counted noun is a part of the coded whole after من."""
    if not _unnamed_attacker(part[2].ref):
        return None
    for x in post:
        if x[0] >= part[1]:
            if x[2].prep == "من" and x[0] - part[1] <= 2 and x[2].ref.code:
                return x[2]
            return None
    return None


AIM_WORDS = ("مستهدف", "استهدف", "يستهدف", "تستهدف", "استهدفت")


def _aimed_at(toks: list[Token], start: int, k: int) -> bool:
    """Whether a word of aiming ("مستهدفة"، "استهدفت") stands between an attack noun (ending at ``start``) and the
    phrase at ``k``: that phrase is the attack's target."""
    return any(t.norm.lstrip("و").startswith(AIM_WORDS) or t.key.startswith(AIM_WORDS) for t in toks[start:k])


SURVIVAL_VERBS = frozenset(["نجا", "نجت", "نجوا", "ينجو", "تنجو", "تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض"])
AIR_ROLES = frozenset(["mil.air-force", "mil.warplanes"])
SUSPECT_ROLES = frozenset(["cvl.people", "crm.suspects"])
SUSPECT_WORDS = ("يشتبه", "للاشتباه", "الاشتباه", "بالاشتباه", "اشتباه", "ينتمون", "ينتمي", "انتمائهم", "بانتمائهم",
                 "لانتمائهم", "المنتمين", "بتهمة", "بتهم")


def _suspected_group(ordered: list[tuple[int, int, ActorMention]], people: ActorMention,
                     toks: list[Token]) -> ActorMention | None:
    """The coded group that generic people are suspected of belonging to: the first coded phrase after a word of
    suspicion or belonging ("يشتبه"، "للاشتباه في انتمائهم"، "بتهمة الانتماء") within a few words of them."""
    at = next((x for x in ordered if x[2] is people), None)
    if at is None:
        return None
    cue = next((k for k in range(at[1], min(at[1] + 8, len(toks)))
                if toks[k].norm.lstrip("و").startswith(SUSPECT_WORDS) or toks[k].key.startswith(SUSPECT_WORDS)), None)
    if cue is None or any(t.is_punct and t.text not in "،," for t in toks[at[1]:cue]):
        return None
    for x in ordered:
        if x[0] > cue:
            if x[0] - cue > 6 or any(t.is_punct for t in toks[cue:x[0]]):
                return None
            if x[2].ref.code and x[2].ref.type != "state" and x[2].role not in SUSPECT_ROLES:
                return x[2]
    return None


def _air_force(a: ActorMention) -> bool:
    """An air force or warplanes: the agent ("سلاح الجو") or a named one ("سلاح الجو العراقي", irq-iraqi-air-force)."""
    return a.role in AIR_ROLES or (a.ref.id or "").endswith("-air-force")


VICTIM_NOUNS = frozenset(["مقتل", "ومقتل", "مصرع", "ومصرع", "اصابه", "واصابه", "اغتيال", "واغتيال", "جرح", "وجرح"])


def _victim_between(toks: list[Token], start: int, k: int) -> bool:
    """Whether a casualty noun stands between an attack noun (ending at ``start``) and the phrase at ``k``:
    "بالهجوم الانتحاري في سروج ومقتل جندي تركي": the soldier is a victim, not the attack's perpetrator."""
    return any(t.norm in VICTIM_NOUNS or t.key in VICTIM_NOUNS for t in toks[start:k])


HEDGES = ("من يشتبه انهم", "من يعتقد انهم", "من يشتبه في انهم", "من يعتقد انه", "من يشتبه انه")


def _performed_by(toks: list[Token], post: list[tuple[int, int, ActorMention]],
                  tj: int) -> tuple[int, int, ActorMention] | None:
    """The subject of a verb of doing with a resumptive pronoun right after an attack noun ("حريق عمدي نفذه
    متطرفون"، "هجوم شنه مسلحون"), past a hedge ("نفذه من يشتبه أنهم متطرفون"); None if there is none."""
    k = tj
    if k < len(toks) and toks[k].is_punct:
        return None
    if k >= len(toks):
        return None
    verb = toks[k] if toks[k].suffix else (_unsplit_resumptive(toks[k]) or toks[k])  # "شنه"
    if verb.suffix not in RESUMPTIVE or verb.key not in LIGHT_VERBS:
        return None
    k += 1
    for hedge in HEDGES:
        words = hedge.split()
        if [t.norm for t in toks[k:k + len(words)]] == words:
            k += len(words)
            break
    x = next((x for x in post if x[0] == k), None)
    if x is None or x[2].prep:
        return None
    if not x[2].ref.code:  # "نفذه مسلحون من تنظيم داعش": the coded whole of the doers
        whole = _partitive_whole(post, x, toks)
        return None if whole is None else next((y for y in post if y[2] is whole), None)
    return x


def _unnamed_attacker(ref: ActorRef) -> bool:
    """An actor with no code, or one whose code only says unidentified armed men of a country ("انتحاري" in a
    Syrian town is SYRUAF): the group named after it ("انتحاري من تنظيم داعش") wins."""
    return not ref.code or (len(ref.code) == 6 and ref.code.endswith("UAF"))


def _next_free(post: list[tuple[int, int, ActorMention]], first: tuple[int, int, ActorMention],
               toks: list[Token]) -> tuple[int, int, ActorMention] | None:
    """The phrase right after ``first`` with no preposition and nothing but a comma between (a second object)."""
    for x in post:
        if x[0] >= first[1]:
            gap = toks[first[1]:x[0]]
            if not x[2].prep and not x[2].conj and all(t.text in "،," for t in gap) and len(gap) <= 1:
                return x
            return None
    return None


def _participle(t: Token) -> bool:
    """An active participle used as a circumstantial (حال): "مطالبا"، "محذرة"، "مستهدفين"، "متهما".

    Finite verbs of roots beginning with م ("منع"، "منعوا"، "مولت") are told apart by their endings.
    """
    k = t.key
    if t.prefix.strip("وف") or len(k) < 5 or not k.startswith("م"):
        return False
    if k.endswith(("وا", "ت", "تا", "ن")):
        return False
    return k.endswith(("ا", "ه", "ين", "ون", "ي"))


DOER_WORDS = frozenset(["قام", "قامت", "قاموا", "اجري", "اجرت", "اجروا", "اجراها", "اجراهما"])
DEST_PREPS = frozenset(["ل", "الى"])


def _visit_doers(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int
                 ) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """The visits of a visit noun described by a relative clause naming their doers ("الزيارة التي قام بها X
    إلى Y"، "الزيارتين اللتين قام بهما كل من X للمغرب، وZ لرواندا"): ``(doer, destination)`` for each doer
    (a phrase without ل/إلى) with the first ل/إلى phrase after it; empty when the noun has no such clause."""
    k = tj
    if k < len(toks) and toks[k].norm in RELATIVES:
        k += 1
    else:
        return []
    if not (k + 1 < len(toks) and toks[k].norm in DOER_WORDS and toks[k + 1].norm in DOER_PRONOUN_PREPS):
        return []
    k += 2
    if k + 1 < len(toks) and toks[k].norm in ("كل", "كلا") and toks[k + 1].norm == "من":
        k += 2
    out: list[tuple[ActorMention | None, ActorMention | None]] = []
    doer: ActorMention | None = None
    for s, _e, a in sorted(post, key=_START):
        if s < k:
            continue
        if a.prep in DEST_PREPS:
            if doer is not None and a.ref.code:
                out.append((doer, a))
            doer = None
        elif a.ref.code and (not a.prep or (a.prep == "من" and s == k)):
            doer = a
    return out if all(not _same_actor(d.ref, t.ref) for d, t in out if d and t) else []


DUAL_BACK = 2  # sentences searched back for the two people a dual noun ("الوزيران") refers to


def _dual_antecedents(doc: Document, si: int, before: int) -> tuple[ActorRef, ActorRef] | None:
    """The two people "الوزيران"، "الرئيسان" (a dual noun at document token ``before`` of sentence ``si``)
    refer to: the last two different coded people named before it in this sentence, else in the nearest one of
    the DUAL_BACK sentences before that names two; None when no sentence does."""
    for k in range(si, max(-1, si - 1 - DUAL_BACK), -1):
        people: list[ActorRef] = []
        for a in doc.actor_mentions:
            if (a.sentence != k or a.tok_start < 0 or (k == si and a.tok_start >= before)
                    or a.ref.type != "person" or not a.ref.code):
                continue
            people = [p for p in people if not _same_actor(p, a.ref)] + [a.ref]
        if len(people) >= 2:
            return people[-2], people[-1]
    return None


DENIAL_CODES = ("016",)  # denials
# what a denial denies when it answers an accusation just reported ("ينفي ذلك"، "نفت هذه الاتهامات")
DENIED_CLAIMS = frozenset(norm_word(w) for w in "ذلك هذا هذه تلك الاتهام الاتهامات الاتهامين المزاعم التهم التهمة".split())
# a trigger's own last word read as the preposition of the phrase after it ("ألح على"، "سخر من")
_TRIGGER_PREPS = {"على": "على", "علي": "على", "من": "من", "عن": "عن", "في": "في", "مع": "مع", "الى": "الى",
                  "الي": "الى"}
# the preposition closing a predicate trigger ("مسؤول عن"، "متورط في"): what follows is the act, not the party
PREDICATE_PREPS = frozenset(["عن", "في", "وراء"])
# nouns of a document that can be the subject of a verb of saying or accusing ("اتهم البيان القوات ...")
STATEMENT_NOUNS = frozenset(norm_word(w) for w in "بيان تقرير رسالة بلاغ مذكرة وثيقة".split())
STATEMENT_BACK = 6  # sentences searched back for the author of "البيان"
AUTHOR_REACH = 9  # tokens between "أصدر" and "بيانا" (the author's name between them)
AUTHOR_VERBS = frozenset(norm_word(w) for w in "أصدر أصدرت أصدروا نشر نشرت نشروا أذاع أذاعت وزع وزعت".split())


def _statement_subject(toks: list[Token], at: int) -> bool:
    """Token ``at`` is "البيان"، "التقرير" (definite: a document named before) standing as a clause's subject."""
    if not 0 <= at < len(toks):
        return False
    t = toks[at]
    return t.key in STATEMENT_NOUNS and t.prefix.lstrip("وف") == "ال"


def _statement_author(doc: Document, si: int, before: int) -> ActorRef | None:
    """Who issued the statement "البيان" refers to: the genitive of the latest "بيان X" (quotation marks allowed
    between), or the subject of "أصدر X بيانا", in sentence ``si`` before token ``before`` or in the
    STATEMENT_BACK sentences before it; None when no author is named."""
    for k in range(si, max(-1, si - 1 - STATEMENT_BACK), -1):
        s = doc.sentences[k]
        toks = doc.tokens[s.tok_start:s.tok_end]
        end = before if k == si else len(toks)
        spans = sorted((a.tok_start - s.tok_start, a.tok_end - s.tok_start, a) for a in doc.actor_mentions
                       if a.sentence == k and a.tok_start >= s.tok_start and a.ref.code)
        found: ActorRef | None = None
        for c in range(end):
            if toks[c].key not in STATEMENT_NOUNS and toks[c].key[:-1] not in STATEMENT_NOUNS:  # "بيانا"
                continue
            n = c + 1
            while n < end and toks[n].text in QUOTE_OPENERS | {"»", "”"}:
                n += 1
            gen = [a for st, _, a in spans if st == n and not a.prep]
            if gen and not toks[c].prefix.endswith("ال") and not toks[c].suffix:
                found = gen[0].ref
                continue
            verb = next((v for v in range(c - 1, max(-1, c - AUTHOR_REACH), -1) if _said_verb(toks[v], AUTHOR_VERBS)),
                        None)
            if verb is not None:
                subj = [a for st, e, a in spans if verb < st and e <= c and not a.prep]
                if subj:
                    found = subj[0].ref
        if found is not None:
            return found
    return None

def _happening(code: str) -> str:
    """The kind of happening two triggers of one sentence must share to be one event: the root, except that a
    visit (042/043) and a meeting (040/041/044/046) in "زار دمشق والتقى الأسد" are two events."""
    if code[:2] == "04":
        return "04v" if code[:3] in MOVEMENT_CODES[:2] else "04m"
    return code[:2]


INTERACTION_NOUNS = frozenset(["حوار", "تفاوض", "مفاوضات", "محادثات", "لقاء", "اجتماع", "تعاون", "تطبيع", "مصالحه",
                               "تنسيق", "تواصل", "اتصال", "اتصالات", "علاقات", "شراكه", "تحالف", "هدنه", "تهدئه",
                               "عمل"])


SAYING_NOUNS = frozenset(["قوله", "قولها", "تاكيده", "تاكيدها", "تصريحه", "تصريحها"])
QUOTE_REACH = 6  # tokens between "قوله" and the possessed noun ("قوله، لدى اجتماعه")


def _quoted_party(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int) -> ActorMention | None:
    """The party a report quotes ("نقلت الوكالة عن X قوله"، "نسبت الوكالة إلى X قوله"), when "قوله" comes just
    before the noun at ``ti`` that carries a possessive pronoun ("لدى اجتماعه"): the owner of that pronoun. None
    otherwise."""
    for k in range(ti - 1, max(-1, ti - 1 - QUOTE_REACH), -1):
        t = toks[k]
        if t.text in CLAUSE_PUNCT:
            return None
        if t.norm in SAYING_NOUNS:
            return next((a for _s, e, a in rel if e == k and a.prep in ("عن", "الى") and a.ref.code), None)
    return None


MEETING_NOUNS = frozenset(["اجتماع", "لقاء", "محادثات", "مفاوضات", "قمه", "مباحثات"])


def _meeting_host(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int, tj: int
                  ) -> ActorMention | None:
    """The first party of the meeting a relative clause after it joins: "اجتماع كيري مع لافروف الذي سيشارك فيه
    X" -> كيري (the meeting noun's coded genitive). None unless the verb follows a relative pronoun and a
    resumptive "فيه/فيها" follows the verb."""
    if ti < 1 or toks[ti - 1].norm not in RELATIVES or tj >= len(toks) or toks[tj].norm not in ("فيه", "فيها"):
        return None
    for k in range(ti - 2, max(0, ti - 12) - 1, -1):  # (the relative pronoun starts the trigger's clause)
        t = toks[k]
        if t.text in CLAUSE_PUNCT:
            return None
        if t.key in MEETING_NOUNS or t.norm.lstrip("و") in MEETING_NOUNS:
            return next((a for s, _e, a in rel if s == k + 1 and a.ref.code and not a.prep), None)
    return None


def _interaction_object(toks: list[Token], start: int, at: int) -> bool:
    """The words between the subject (or verb) end ``start`` and the مع phrase at ``at`` are an interaction masdar
    ("الحوار"، "المفاوضات المباشرة") whose partner that phrase is."""
    words = [t for t in toks[start:at] if not t.is_punct and t.norm != "مع"]
    return 1 <= len(words) <= 2 and (words[0].key in INTERACTION_NOUNS or words[0].norm in INTERACTION_NOUNS)


MEMBER_NOUNS = frozenset(["قيادي", "قياديا", "قياديين", "قادة", "عنصر", "عنصرا", "عناصر", "عضو", "عضوا", "اعضاء",
                          "مسلح", "مسلحا", "مسلحين", "مقاتل", "مقاتلا", "مقاتلين", "ناشط", "ناشطا", "ناشطين",
                          "زعيم", "امير", "اميرا", "مسؤول", "مسؤولا", "مسؤولين", "منتسبي", "انصار"])
# quantities before a partitive من: "مئات من عناصر الجيش"، "عددا من النشطاء" (the phrase after من is the object)
QUANTITY_NOUNS = _norm_words("مئات عشرات آلاف المئات العشرات الآلاف عدد عددا بعض مجموعة مجموعات دفعة دفعات")


def _member_object(toks: list[Token], start: int, at: int) -> bool:
    """The words between the verb's subject end ``start`` and the phrase at ``at`` are an uncoded member noun
    (with an optional number and the preposition): "قياديا في"، "20 عنصرا من"، "ثلاثة أعضاء في"."""
    words = [t for t in toks[start:at] if not t.is_punct and t.norm not in ("في", "من")]
    if words and (words[0].text.isdigit() or _numeral_before(toks, start + 1)):
        words = words[1:]
    return len(words) == 1 and (words[0].norm in MEMBER_NOUNS or words[0].key in MEMBER_NOUNS)


def _quantity_object(toks: list[Token], start: int, at: int) -> bool:
    """The only word between the subject end ``start`` and the من phrase at ``at`` is a quantity noun:
    "درب مئات من عناصر الجيش"، "التقى عددا من النشطاء"."""
    words = [t for t in toks[start:at] if not t.is_punct and t.norm != "من"]
    return len(words) == 1 and (words[0].norm in QUANTITY_NOUNS or words[0].key in QUANTITY_NOUNS)


# words saying that people belong to a group: "ينتمون لداعش"، "بتهمة الانتماء إلى جماعة الإخوان"
BELONGING = _norm_words(
    "ينتمون ينتمي تنتمي ينتميان انتمائهم انتمائه انتمائها الانتماء بالانتماء المنتمين المنتمي منتمين منتمون "
    "ينتسبون ينتسب المنتسبين انتسابهم التابعين تابعين")
BELONGING_PREPS = ("ل", "الى", "")
BELONGING_REACH = 15  # tokens after the trigger (the belonging clause follows the object: "... ضد من يشتبه في أنهم")


def _belonging_group(toks: list[Token], post: list[tuple[int, int, ActorMention]], start: int, end: int
                     ) -> ActorMention | None:
    """The coded group named after a belonging word between ``start`` and ``end`` ("... يشتبه في أنهم ينتمون
    لداعش" → the Islamic State), or None."""
    k = None
    for i in range(start, end if end < len(toks) else len(toks)):
        if toks[i].text in CLAUSE_PUNCT:
            return None
        if _hits(toks[i], BELONGING):
            k = i
            break
    if k is None:
        return None
    for s, _e, a in sorted(post, key=_START):
        if s <= k:
            continue
        if s - k > 2:
            return None
        return a if a.ref.code and a.prep in BELONGING_PREPS else None
    return None


_PREP_OF_WORD = {w: prep for prep, words in PREP_WORDS.items() for w in words}


def _lam_genitive(toks: list[Token], start: int, at: int) -> tuple[str, int] | None:
    """For a ل phrase at ``at`` right after a target head noun (one adjective may come between: "مواقع مفترضة
    لتنظيم داعش"), the head's own government and position: ("على", h) for "على مواقع لـ…", ("", h) for a bare
    object "أهدافا لـ…". None when no head noun precedes."""
    for h in (at - 1, at - 2):
        if h < start or h < 0:
            return None
        t = toks[h]
        if t.key in TARGET_HEADS or t.norm in TARGET_HEADS or t.norm.lstrip("و") in TARGET_HEADS:
            pre = t.prefix.lstrip("وف")
            if pre[:1] in ("ب", "ل"):
                return None  # "بمواقع"، "لمواقع": not a target government the patterns name
            if h - 1 >= start and (prep := _PREP_OF_WORD.get(toks[h - 1].norm)):
                return prep, h
            return "", h
    return None


def _last_pair(rel: list[tuple[int, int, ActorMention]], ti: int) -> tuple[ActorMention, ActorMention] | None:
    """The last two actors joined by و before token ``ti`` ("ظريف والمعلم"), or None."""
    before = [x for x in rel if x[1] <= ti]
    for k in range(len(before) - 1, 0, -1):
        a, b = before[k - 1], before[k]
        if b[2].conj and b[0] - a[1] <= 1 and not b[2].prep and a[2].ref.code and b[2].ref.code:
            return a[2], b[2]
    return None


APPOSITION_GAP = 5  # words between a title and the comma before its name ("لشؤون الشرق الأوسط")


def _apposed_name(toks: list[Token], post: list[tuple[int, int, ActorMention]], title: ActorMention
                  ) -> ActorMention | None:
    """The named person after a comma that closes the title phrase ``title``: "مساعدة وزير الخارجية الأمريكي
    لشؤون الشرق الأوسط، آن باترسون". None when another phrase, a preposition or a clause word comes between."""
    x = _party_of(post, title)
    if x is None:
        return None
    end = x[1]
    for s, e, a in sorted(post, key=_START):
        if s < end:
            continue
        # the comma may fall inside the name's phrase when the chunker took the words before it along
        comma = next((k for k in range(end, e) if toks[k].text in "،,"), None)
        # (a preposition on the words the chunker took along before the comma is theirs, not the name's)
        if (a.ref.type == "person" and a.ref.id is not None and comma is not None
                and ((not a.prep and not a.conj) or s < comma)
                and comma - end <= APPOSITION_GAP
                and not any(t.text in CLAUSE_PUNCT or t.norm in CLAUSE_MARKERS for t in toks[end:comma])
                and _same_country(a.ref, title.ref)):
            return a
        return None
    return None


def _same_country(a: ActorRef, b: ActorRef) -> bool:
    """Both actors belong to the same country (or the title has none)."""
    return not b.country or not a.country or a.country == b.country


def _is_trigger(doc: Document, sent: _Sent, k: int) -> bool:
    """Token ``k`` of the sentence is (part of) a trigger: "والتقى" is a verb, not a descriptor."""
    if sent.trigger_toks is None:
        # (a loop, not frozenset() over a generator; the sentence test first: most mentions are in other sentences)
        si = sent.idx
        inside: set[int] = set()
        for m in doc.mentions:
            if m.sentence == si and m.kind == MK_TRIGGER:
                inside.update(range(m.tok_start, m.tok_end))
        sent.trigger_toks = frozenset(inside)
    return sent.start + k in sent.trigger_toks


SPEECH_VERBS = frozenset(norm_word(w) for w in (
    "قال قالت قالوا يقول تقول أكد أكدت أكدوا يؤكد تؤكد أضاف أضافت يضيف تضيف أوضح أوضحت يوضح توضح ذكر ذكرت "
    "يذكر تذكر اعتبر اعتبرت اعتبروا يعتبر تعتبر رأى رأت يرى ترى صرح صرحت يصرح أعلن أعلنت يعلن تعلن زعم زعمت "
    "يزعم تزعم أشار أشارت يشير تشير لفت لفتت كشف كشفت يكشف تكشف قائلا قائلة قائلين مضيفا مضيفة مؤكدا مؤكدة "
    "معتبرا معتبرة").split())
COMPLEMENTIZERS = frozenset(["ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "فان", "فانه", "فانها"])
ACCORDING_TO = frozenset(["بحسب", "حسب", "وبحسب", "وحسب", "وفقا", "ووفقا"])


def _speaker(toks: list[Token], sent: _Sent, ti: int) -> ActorMention | None:
    """Who reports the clause of token ``ti``: "قال X إن ..." / "X قال إن ..." / "بحسب X، ...".

    Used as the source of an evaluation whose grammatical subject is its target (a passive accusation,
    "يقف وراء"، "متورط"): the speaker is the one accusing.
    """
    spans = [(a.tok_start - sent.start, a.tok_end - sent.start, a) for a in sent.actors if a.tok_start >= 0]
    for c in range(ti - 1, -1, -1):
        t = toks[c]
        if t.norm in ACCORDING_TO or t.key in ACCORDING_TO:
            after = [a for s, _, a in spans if c < s <= c + 3 and s < ti]
            return after[0] if after else None
        if t.norm not in COMPLEMENTIZERS and t.key not in COMPLEMENTIZERS:
            continue
        verb = next((k for k in range(c - 1, max(-1, c - 12), -1)
                     if toks[k].norm in SPEECH_VERBS or toks[k].key in SPEECH_VERBS), None)
        if verb is None:
            continue  # "بحسب X فإن ...": the attribution may come before the complementizer
        between = [a for s, e, a in spans if verb < s and e <= c and not a.prep]
        if between:
            return between[0]
        before = [a for s, e, a in spans if e <= verb and not a.prep]
        return before[-1] if before else None
    return None


# verbs whose object is the thing described: "وصف X الهجوم بأنه ..." (its party is the one evaluated)
DESCRIBE_VERBS = frozenset(norm_word(w) for w in "وصف وصفت وصفوا يصف تصف واصفا واصفة".split())
# verbs that open a reported statement or an evaluation ("وصف X الهجوم بأنه ..."، "نقلت الوكالة عن الوزير قوله: ...")
SAID_VERBS = SPEECH_VERBS | DESCRIBE_VERBS | frozenset(norm_word(w) for w in (
    "قوله قولها قولهم شدد شددت يشدد تشدد مشددا مشددة اتهم اتهمت متهما متهمة").split())
# speech participles after a main clause: their subject is the main clause's ("..., قائلا: ...")
SAID_PARTICIPLES = frozenset(norm_word(w) for w in (
    "قائلا قائلة قائلين مضيفا مضيفة مؤكدا مؤكدة معتبرا معتبرة واصفا واصفة مشددا مشددة متهما متهمة").split())
QUOTE_OPENERS = frozenset([":", "«", '"', "“"])
SAID_REACH = 25  # tokens between the opener of a reported clause and an evaluative word in it
SAID_VERB_REACH = 12  # tokens between the speech verb and the opener (the speaker's name, a place, a time)
SAID_OF_REACH = 3  # tokens between an evaluative word and the party it qualifies ("الموقف العدائي الواضح لإيران")
SAID_BACK = 4  # sentences searched back for the speaker of a speech verb with a pronoun subject
SAID_OF_PREPS = ("", "ل")  # the qualified party: a genitive or an adjective (nisba), or after لـ


def _said_verb(t: Token, verbs: frozenset[str]) -> bool:
    """Token ``t`` is one of ``verbs``, with or without a conjunction the tokenizer left on it ("واضاف")."""
    return t.norm in verbs or t.key in verbs or (t.norm[:1] in ("و", "ف") and t.norm[1:] in verbs)


def _reporter(toks: list[Token], sent: _Sent, ti: int) -> tuple[ActorMention | None, int, int] | None:
    """The reporting clause that governs token ``ti``: ``(speaker, opener, verb)``, or None outside reported
    speech.

    The opener is the complementizer or the colon/quotation mark after a speech verb ("قال X إن ..."،
    "X قال إن ..."، "ووصف X الهجوم بأنه ..."، "نقلت الوكالة عن X قوله: «...»"). The speaker is the free phrase
    between the verb and the opener, else the last phrase before the verb (free or after عن); None when
    the verb has no named subject (a pronoun: the caller may take the article's last subject).
    """
    spans = [(a.tok_start - sent.start, a.tok_end - sent.start, a) for a in sent.actors if a.tok_start >= 0]
    for c in range(ti - 1, ti - SAID_REACH if ti > SAID_REACH - 1 else -1, -1):
        t = toks[c]
        if t.is_punct and t.text not in QUOTE_OPENERS and t.text not in "،,»”":
            return None  # another part of the sentence (after "؛", a parenthesis ...): not this report
        if not (t.norm in COMPLEMENTIZERS or t.key in COMPLEMENTIZERS or t.text in QUOTE_OPENERS):
            continue
        verb = next((k for k in range(c - 1, c - SAID_VERB_REACH if c > SAID_VERB_REACH - 1 else -1, -1) if _said_verb(toks[k], SAID_VERBS)),
                    None)
        if verb is None:
            continue
        between = [a for s, e, a in spans if verb < s and e <= c and not a.prep]
        if between:
            return between[0], c, verb
        before = [a for s, e, a in spans if e <= verb and (not a.prep or a.prep == "عن")]
        if _said_verb(toks[verb], SAID_PARTICIPLES):
            # "وأضاف كيري أن ...، قائلا: ...": a circumstantial participle's subject is the main clause's
            return (before[0] if before else None), c, verb
        return (before[-1] if before else None), c, verb
    return None


def _last_speaker(doc: Document, si: int) -> ActorMention | None:
    """The speaker a speech verb with a pronoun subject continues ("وقال “...”"، "وأضاف أن ..."): of the named
    subjects of speech verbs in the SAID_BACK sentences before sentence ``si``, the most often quoted one (a
    tie goes to the latest): the article's principal speaker, not a party quoted once in between."""
    seen: list[ActorMention] = []  # latest first
    for k in range(si - 1, max(-1, si - 1 - SAID_BACK), -1):
        s = doc.sentences[k]
        toks = doc.tokens[s.tok_start:s.tok_end]
        for a in doc.actor_mentions:
            if a.sentence != k or a.prep or not a.ref.code or a.tok_start < s.tok_start:
                continue
            at = a.tok_start - s.tok_start
            if at > 0 and _said_verb(toks[at - 1], SPEECH_VERBS):  # "وقال نصر الله": the subject right after
                seen.append(a)
                break  # one speaker per sentence: the first
    if not seen:
        return None
    counts = Counter(_actor_key(a.ref) for a in seen)
    return max(seen, key=lambda a: counts[_actor_key(a.ref)])  # (max keeps the first, the latest, of a tie)


def _said_roles(doc: Document, toks: list[Token], sent: _Sent, sp: _Span, p: Pattern,
                last_subject: ActorRef | None) -> tuple[list[ActorMention], list[ActorMention], float] | None:
    """Source and target of an evaluative word in reported speech, and a confidence adjustment.

    "قالت البحرين إن التصريحات تعكس الموقف العدائي لإيران": the speaker evaluates the party the word
    qualifies. The pattern's target column says where that party stands: ``OF`` right after the word (its
    genitive, its nationality adjective, after لـ or a preposition the column names: "العدائي لإيران"،
    "الإرهاب الصهيوني"، "نثق في مصر") or as the subject of a
    relative clause on it ("إرهاب الدولة الذي تمارسه حكومة نتنياهو"); ``SUBJ`` the subject of the reported
    clause, before the word ("إن الولايات المتحدة الشيطان الأكبر"). None outside reported speech.
    """
    ti, tj = sp.ti, sp.tj
    rep = _reporter(toks, sent, ti)
    if rep is None:
        return None
    speaker, opener, verb = rep
    adj = -0.05
    if any(t.norm in CONDITIONAL for t in toks[verb + 1:ti]):
        return [], [], adj  # "قال إنه إذا صدقت التقارير فإن ...": an evaluation under a condition is no event
    if speaker is not None:
        if not speaker.ref.code:
            return [], [], adj  # "متحدث باسم الوزارة": an evaluation by nobody identified is not coded
        sources = [speaker]
    elif not (verb + 1 >= opener or toks[verb + 1].is_punct or toks[verb + 1].norm in PREPOSITIONS_IMPLICIT):
        return [], [], adj  # "وقال كارتر إن ...": a subject is named but not known; no pronoun to resolve
    elif (prev := _last_speaker(doc, sent.idx)) is not None:
        # "وقال “...”": the pronoun subject of the speech verb is the speaker of the statements before
        sources = [ActorMention(-1, -1, -1, -1, sent.idx, prev.ref, "implicit")]
        adj -= 0.1
    elif last_subject is not None and last_subject.start < toks[ti].start:
        # "وقال إن ...": the pronoun subject of the speech verb is the article's last subject
        sources = [ActorMention(-1, -1, -1, -1, sent.idx, last_subject, "implicit")]
        adj -= 0.2
    else:
        return [], [], adj
    src = sources[0].ref
    targets: list[ActorMention] = []
    if "OF" in p.target:
        after = [x for x in sorted(sp.rel, key=_START) if x[0] >= tj]
        for k, (s, e, a) in enumerate(after):
            if s - tj > SAID_OF_REACH or any(t.is_punct for t in toks[tj:s]):
                break
            if (a.prep or "") in SAID_OF_PREPS or a.head == "nisba" or (a.prep and a.prep in p.target):
                while a.head == "nisba" and k + 1 < len(after) and after[k + 1][0] == e \
                        and after[k + 1][2].head == "nisba":
                    # "بالدعم المالي الإيراني": of stacked adjectives the nationality comes last (المالي: financial)
                    k += 1
                    e, a = after[k][1], after[k][2]
                if a.ref.code and not _same_actor(a.ref, src):
                    targets = [a]
            break  # (another preposition governs the victim or the topic: "عدوان على سوريا")
        if not targets:
            doer = _relative_doer(toks, sp.rel, tj, sources)
            if doer is not None:
                targets = [doer]
    if not targets and "SUBJ" in p.target:
        subj = [a for s, e, a in sp.pre if s > opener and not a.prep and a.ref.code and not _same_actor(a.ref, src)]
        if not subj and _said_verb(toks[verb], DESCRIBE_VERBS):
            # "وصفت كوريا الشمالية الضربة الأمريكية بأنها عمل عدواني": the party of the object described
            subj = [a for s, e, a in sorted(sp.rel, key=_START) if verb < s and e <= opener and not a.prep
                    and a.ref.code and not _same_actor(a.ref, src) and a is not speaker]
        if subj:
            targets = [subj[0]]
            adj -= 0.05
    return sources, targets, adj


def _part_of(a: ActorRef, source: ActorRef) -> bool:
    """``a`` is an unnamed part of the source's own side (same full code, one of them generic).

    "شنت طائرات سلاح الجو الليبي غارات ... الجيش": an actor does not use force against a generic body with its
    own code; such a phrase is an apposition or a genitive of the source, and the real target comes later in
    the clause. Used for roots 15-20 only (a minister does meet "his" commanders). Two named actors stay possible.
    """
    return bool(a.code) and a.code == source.code and len(a.code or "") > 3 and (a.id is None or source.id is None)


def _fold(into: Event, e: Event) -> None:
    """Count ``e`` as another mention of the happening ``into``."""
    into.n_mentions += e.n_mentions
    into.other_evidence.append(e.evidence)
    into.other_evidence.extend(e.other_evidence)
    if e.location and not into.location:
        into.location = e.location


def _subsume_partial(events: list[Event]) -> list[Event]:
    """Fold an event missing a role into a complete one of the same root with the same actor in the other role.

    "شنت طائرات سلاح الجو غارات" (source only) next to "غارات سلاح الجو على مواقع التنظيم" in the same
    article is one happening reported twice: the incomplete record adds a mention, not an event. The shared
    actor must be the same (folding a generic "the army" into a named unit of the same code was measured: it
    merged distinct happenings on events-dev as often as duplicates).
    """
    complete = [e for e in events if e.source is not None and e.target is not None]
    out: list[Event] = []
    for e in events:
        # the one role an incomplete event fills
        present = "source" if e.target is None else "target"
        actor = getattr(e, present) if (e.source is None) != (e.target is None) else None
        same_sentence = False
        if actor is None and e.source is not None and e.target is not None and not e.source.code:
            # "قتل ستة أشخاص في غارات شنتها الطائرات التركية ضد مواقع لحزب العمال": an uncoded source beside
            # a coded one for the same target in the same sentence is a misread of that happening
            present, actor, same_sentence = "target", e.target, True
        host = None if actor is None else next(
            (c for c in complete if c.cameo[:2] == e.cameo[:2] and c is not e
             and (not same_sentence or (c.sentence == e.sentence and c.source is not None and c.source.code))
             and _actor_key(getattr(c, present)) == _actor_key(actor)), None)
        if host is None:
            out.append(e)
        else:
            _fold(host, e)
    return out


VICTIM_SECTORS = ("CVL", "REF", "LAB", "EDU", "HLH", "MED")


VERB_VOICES = (VOICE_ACTIVE, VOICE_PASSIVE)  # the voices of verb patterns (``p.voice in VERB_VOICES``)


def _reading_score(evs: list[Event], voice: str, has_passive: bool) -> tuple[int, float, int]:
    """Rank alternative readings of one trigger: complete events, then confidence, then specific codes.

    Unvocalised قتل is قَتَل or قُتِل: when a passive reading exists, an active reading whose "subject" is a
    civilian-type victim ("ستة أشخاص قتلوا") loses to it.
    """
    best = max(evs, key=lambda e: e.confidence)
    complete = max((e.source is not None) + (e.target is not None) for e in evs)
    if voice == VOICE_ACTIVE and has_passive and any(
            e.source is not None and (e.source.code or "").endswith(VICTIM_SECTORS) for e in evs):
        complete -= 2
    return complete, best.confidence, len(best.cameo)


def _actor_key(a: ActorRef | None) -> str:
    if a is None:
        return "-"
    return a.id or a.code or phrase_key(a.name)


# Small tests over a reading's parties, functions of their own so that EventCoder._code_reading holds fewer
# comprehensions: a variable that a comprehension or generator reads is a cell, made and freed on every call of
# the function that holds it (~30 calls per article), whether or not the comprehension runs.
def _parties_before(parties: list[tuple[int, int, ActorMention]], end: int) -> list[tuple[int, int, ActorMention]]:
    """The parties (position, end, phrase) of ``parties`` that begin before token ``end``."""
    return [x for x in parties if x[0] < end]


def _is_one_of(a: ActorMention, phrases: list[ActorMention]) -> bool:
    """``a`` is one of ``phrases`` (the same object)."""
    for x in phrases:  # noqa: SIM110 (a loop, not any() over a generator, which a C function resumes: dearer)
        if a is x:
            return True
    return False


def _any_coded(phrases: list[ActorMention]) -> bool:
    """One of ``phrases`` has an actor code."""
    for x in phrases:  # noqa: SIM110 (as _is_one_of)
        if x.ref.code:
            return True
    return False


def _same_as_any(ref: ActorRef, phrases: list[ActorMention]) -> bool:
    """One of ``phrases`` names the actor ``ref`` names (_same_actor)."""
    for x in phrases:  # noqa: SIM110 (as _is_one_of)
        if _same_actor(ref, x.ref):
            return True
    return False


def _all_but(phrases: list[ActorMention], a: ActorMention) -> list[ActorMention]:
    """``phrases`` without ``a`` (the same object)."""
    return [x for x in phrases if x is not a]


def _time_starts_at(times: list[TimeExpr], start: int) -> bool:
    """One of ``times`` begins at character ``start``."""
    for t in times:  # noqa: SIM110 (as _is_one_of)
        if t.start == start:
            return True
    return False


# More tests and filters of EventCoder._code_reading over its parties (sentence-relative (start, end, phrase)
# triples) and phrases, as above: _code_reading holds no comprehension or generator at all (29 cells before, none
# now: −1.1% of the instructions per article). The hot ones loop instead of holding a comprehension of their own,
# which would make their arguments cells.
def _parties_not_in(parties: list[tuple[int, int, ActorMention]], ids: frozenset[int]
                    ) -> list[tuple[int, int, ActorMention]]:
    """The parties whose phrase's ``id`` is not in ``ids``."""
    return [x for x in parties if id(x[2]) not in ids]


def _unlocated_parties(kb: KnowledgeBase, toks: list[Token], parties: list[tuple[int, int, ActorMention]]
                       ) -> list[tuple[int, int, ActorMention]]:
    """The parties without the bare states governed by في through place nouns (chain_locative)."""
    return [x for x in parties if x[2].prep or x[2].ref.type != "state" or not chain_locative(kb, toks, x[0])]


def _no_attack_adjectives(toks: list[Token], parties: list[tuple[int, int, ActorMention]]
                          ) -> list[tuple[int, int, ActorMention]]:
    """The parties that are not the adjective of an attack noun (_attack_adjective)."""
    return [x for x in parties if not _attack_adjective(toks, x[0], x[2])]


def _trigger_within(doc: Document, sent: _Sent, a: int, b: int) -> bool:
    """One of the sentence's tokens ``a`` … ``b - 1`` is (part of) a trigger."""
    return any(_is_trigger(doc, sent, k) for k in range(a, b))


def _agent_parties(doc: Document, sent: _Sent, parties: list[tuple[int, int, ActorMention]], tj: int,
                   not_past_trigger: bool) -> list[tuple[int, int, ActorMention]]:
    """The agent phrases ("من قبل"، "على يد") among ``parties``; with ``not_past_trigger``, none after another
    trigger that follows the trigger (ending at ``tj``)."""
    return [x for x in parties if x[2].prep == "BY"
            and not (not_past_trigger and x[0] >= tj and _trigger_within(doc, sent, tj, x[0]))]


def _passive_objects(doc: Document, sent: _Sent, post: list[tuple[int, int, ActorMention]], tj: int,
                     sources: list[ActorMention], violent: bool) -> list[tuple[int, int, ActorMention]]:
    """The bare parties after a passive trigger that may be its object: not a source, not the nationality
    adjective of a later trigger, and for violence not in the next clause or the object of another act."""
    toks = sent.toks
    return [x for x in post if not x[2].prep and x[2].prep != "BY" and not _is_one_of(x[2], sources)
            and not (x[2].head == "nisba" and x[0] > tj and _is_trigger(doc, sent, x[0] - 1))
            and not (violent and (_next_clause(toks, tj, x[0]) or _other_act_object(doc, sent, tj, x[0])))]


def _parties_but(parties: list[tuple[int, int, ActorMention]], phrases: list[ActorMention]
                 ) -> list[tuple[int, int, ActorMention]]:
    """The parties whose phrase is none of ``phrases`` (the same objects)."""
    return [x for x in parties if not _is_one_of(x[2], phrases)]


def _no_member_phrases(toks: list[Token], parties: list[tuple[int, int, ActorMention]]
                       ) -> list[tuple[int, int, ActorMention]]:
    """The parties that are not members named after بينهم (_member_phrase)."""
    return [x for x in parties if not _member_phrase(toks, x[0])]


def _near_objects(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int, violent: bool
                  ) -> list[tuple[int, int, ActorMention]]:
    """The bare parties within 4 tokens after the trigger (ending at ``tj``), past commas only, that are its
    subject or object: not a governed nisba, not a conjunct of a prepositional phrase, and for violence not after
    a direction word or a clitic preposition's genitive."""
    out: list[tuple[int, int, ActorMention]] = []
    for x in post:  # (a loop: a comprehension here would make its arguments cells; ~28 calls per article)
        k = x[0]
        if (k - tj <= 4 and not x[2].prep and not _governed_nisba(toks, tj, x) and _commas_only(toks, tj, k)
                and not _prep_conjunct(post, x)
                and not (violent and (_toward(toks, tj, k) or _clitic_pp_genitive(toks, tj, k)))):
            out.append(x)
    return out


def _first_statement_subject(toks: list[Token], n: int) -> int | None:
    """The first of the sentence's first ``n`` tokens that is a statement subject (_statement_subject), or None."""
    for k in range(n):
        if _statement_subject(toks, k):
            return k
    return None


def _free_parties_before(parties: list[tuple[int, int, ActorMention]], end: int
                         ) -> list[tuple[int, int, ActorMention]]:
    """The parties without a preposition that end by token ``end``."""
    return [x for x in parties if x[1] <= end and not x[2].prep]


def _party_at(parties: list[tuple[int, int, ActorMention]], at: int, prep: str
              ) -> tuple[int, int, ActorMention] | None:
    """The first party that begins at token ``at`` with the preposition ``prep``, or None."""
    for x in parties:
        if x[0] == at and x[2].prep == prep:
            return x
    return None


def _genitives_at(parties: list[tuple[int, int, ActorMention]], at: int) -> list[tuple[int, int, ActorMention]]:
    """The parties without a preposition that begin at token ``at``."""
    out: list[tuple[int, int, ActorMention]] = []
    for x in parties:  # (a loop: a comprehension here would make ``at`` a cell)
        if x[0] == at and not x[2].prep:
            out.append(x)
    return out


def _fronted_parties(toks: list[Token], pre: list[tuple[int, int, ActorMention]], after: int,
                     preps: tuple[str, ...]) -> list[tuple[int, int, ActorMention]]:
    """The parties of ``pre`` after token ``after`` governed by one of ``preps`` (not an affiliation)."""
    return [x for x in pre if x[2].prep and x[2].prep in preps and x[0] > after and not _affiliation(toks, x[0])]


def _prep_target_after(post: list[tuple[int, int, ActorMention]], gen: tuple[int, int, ActorMention],
                       preps: tuple[str, ...], roles: bool) -> bool:
    """A party of ``post`` other than the genitive ``gen`` is governed by one of ``preps`` (with ``roles``, not one
    that is the genitive's role noun: _role_genitive)."""
    for x in post:
        if x is gen or (roles and _role_genitive(gen, x)):
            continue
        if x[2].prep and x[2].prep in preps:
            return True
    return False


def _first_ungoverned(toks: list[Token], post: list[tuple[int, int, ActorMention]], tj: int
                      ) -> tuple[int, int, ActorMention] | None:
    """The first party of ``post`` without a preposition that is no governed nisba (_governed_nisba), or None."""
    for x in post:
        if not x[2].prep and not _governed_nisba(toks, tj, x):
            return x
    return None


def _next_comma(toks: list[Token], start: int) -> int:
    """The position of the first comma at or after ``start``, or the sentence's length."""
    for k in range(start, len(toks)):
        if toks[k].text in "،,":
            return k
    return len(toks)


def _relative_spans(phrases: list[ActorMention], start: int) -> list[tuple[int, int, ActorMention]]:
    """The phrases as parties: their spans relative to the sentence start ``start``."""
    return [(a.tok_start - start, a.tok_end - start, a) for a in phrases]


def _between_parties(post: list[tuple[int, int, ActorMention]], tj: int) -> list[tuple[int, int, ActorMention]]:
    """The parties with بين within 2 tokens after the trigger (ending at ``tj``)."""
    return [x for x in post if x[2].prep == "بين" and x[0] - tj <= 2]


def _antecedents(parties: list[tuple[int, int, ActorMention]], left: int) -> list[ActorMention]:
    """The phrases of the parties that end one or two tokens before token ``left`` (the relative pronoun is at
    ``left - 1``), not a ل genitive."""
    return [x[2] for x in parties if x[1] in (left - 1, left - 2) and x[2].prep != "ل"]


def _index_of_phrase(parties: list[tuple[int, int, ActorMention]], a: ActorMention) -> int:
    """The index of the party whose phrase is ``a`` (the same object), 0 when none is."""
    for i, x in enumerate(parties):
        if x[2] is a:
            return i
    return 0


def _parties_outside(parties: list[tuple[int, int, ActorMention]], ti: int, tj: int
                     ) -> list[tuple[int, int, ActorMention]]:
    """The parties that do not overlap the trigger span ``ti`` … ``tj``."""
    return [x for x in parties if not (x[0] < tj and x[1] > ti)]


def _parties_from(parties: list[tuple[int, int, ActorMention]], start: int) -> list[tuple[int, int, ActorMention]]:
    """The parties that begin at or after token ``start``."""
    return [x for x in parties if x[0] >= start]


def _state_noun_ending(rel: list[tuple[int, int, ActorMention]], end: int, tj: int, skip: set[int]) -> bool:
    """A bare state's name (no nisba, no place, not in ``skip``) after the trigger (ending at ``tj``) ends at
    token ``end``."""
    for s, e, b in rel:
        if (e == end and s > tj and id(b) not in skip and b.head not in ("nisba", "place") and not b.prep
                and b.ref.type == "state"):
            return True
    return False


def _heads_only(toks: list[Token], heads: frozenset[str], preps: tuple[str, ...] | frozenset[str]) -> bool:
    """Every token of ``toks`` but punctuation is a head noun of ``heads`` (by key or form) or one of ``preps``."""
    for t in toks:
        if not t.is_punct and not (t.key in heads or t.norm in heads or t.norm in preps):
            return False
    return True


def _others_before(rel: list[tuple[int, int, ActorMention]], end: int, ref: ActorRef) -> list[ActorMention]:
    """The coded phrases of the text that end by token ``end`` and name another actor than ``ref``."""
    return [a for _, e, a in rel if e <= end and a.ref.code and a.tok_start >= 0 and not _same_actor(a.ref, ref)]


def _coded_subjects_before(rel: list[tuple[int, int, ActorMention]], end: int) -> list[ActorMention]:
    """The coded phrases of the text without a preposition that end by token ``end``."""
    return [a for _, e, a in rel if e <= end and not a.prep and a.ref.code and a.tok_start >= 0]


def _recipients(post: list[tuple[int, int, ActorMention]], sources: list[ActorMention], subj_end: int
                ) -> list[tuple[int, int, ActorMention]]:
    """The bare, unconjoined states of ``post`` right after the subject: after the last party of ``post`` that is a
    source, else at token ``subj_end``."""
    ends = [x[1] for x in post if _is_one_of(x[2], sources)]
    end = max(ends) if ends else subj_end
    return [x for x in post if x[0] == end and not x[2].prep and not x[2].conj and x[2].ref.type == "state"]


def _party_of(parties: list[tuple[int, int, ActorMention]], a: ActorMention) -> tuple[int, int, ActorMention] | None:
    """The party whose phrase is ``a`` (the same object), or None."""
    for x in parties:
        if x[2] is a:
            return x
    return None


def _any_same_actor(refs: tuple[ActorRef, ...], phrases: list[ActorMention]) -> bool:
    """One of ``refs`` names the actor one of ``phrases`` names (_same_actor)."""
    return any(_same_actor(a, t.ref) for a in refs for t in phrases)


def _anaphora(refs: tuple[ActorRef, ...], si: int) -> list[ActorMention]:
    """Anaphoric phrases of sentence ``si`` for the actors ``refs``."""
    return [ActorMention(-1, -1, -1, -1, si, a, "anaphora") for a in refs]


def _destinations(kb: KnowledgeBase, sent: _Sent, tj: int, right: int, preps: tuple[str, ...]) -> list[PlaceMention]:
    """The places within 6 tokens after the trigger (ending at ``tj``) and before ``right`` governed by one of
    ``preps`` that are real places (place_role)."""
    start = sent.start
    return [pm for pm in sent.places if tj <= pm.tok_start - start < right and pm.prep in preps
            and (pm.tok_start - start - tj) <= 6
            and place_role(kb, sent.toks, start, pm, sent.actors) is not None]  # not a false place hit


def _pairs_of(phrases: list[ActorMention]) -> list[tuple[ActorMention | None, ActorMention | None]]:
    """Each pair of ``phrases``, in order, once."""
    return [(a, b) for i, a in enumerate(phrases) for b in phrases[i + 1:]]


def _phrases_right_after(phrases: list[ActorMention], rel: list[tuple[int, int, ActorMention]], tj: int
                         ) -> list[ActorMention]:
    """The phrases that are a party of ``rel`` beginning right after the trigger (at ``tj`` or ``tj + 1``)."""
    return [a for a in phrases if any(x[2] is a and tj <= x[0] <= tj + 1 for x in rel)]


def _phrases_but(phrases: list[ActorMention], others: list[ActorMention]) -> list[ActorMention]:
    """``phrases`` without any of ``others`` (the same objects)."""
    return [a for a in phrases if not _is_one_of(a, others)]


def _all_plain_after(phrases: list[ActorMention], start: int) -> bool:
    """Every phrase begins at or after document token ``start``, without من and no perpetrator's role."""
    for a in phrases:
        if a.tok_start < start or a.prep == "من" or a.role.startswith(PERPETRATOR_ROLES):
            return False
    return True


def _perpetrator_over(phrases: list[ActorMention], start: int, end: int) -> ActorMention | None:
    """The first phrase without a preposition whose role is a perpetrator's and which spans document tokens
    ``start`` … ``end``, or None."""
    for a in phrases:
        if a.tok_start <= start and a.tok_end >= end and not a.prep and a.role.startswith(PERPETRATOR_ROLES):
            return a
    return None


def _all_same_actor(sources: list[ActorMention], targets: list[ActorMention]) -> bool:
    """Every source names the actor of every target (_same_actor)."""
    for sa in sources:  # (loops, as _is_one_of)
        for ta in targets:
            if not _same_actor(sa.ref, ta.ref):
                return False
    return True


def _other_objects_from(post: list[tuple[int, int, ActorMention]], start: int, sources: list[ActorMention]
                        ) -> list[ActorMention]:
    """The phrases of ``post`` without a preposition from token ``start`` on that name none of the sources' actors."""
    return [x[2] for x in post if x[0] >= start and not x[2].prep and not _same_as_any(x[2].ref, sources)]


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.id and b.id:
        return a.id == b.id
    if a.code and a.code == b.code and len(a.code) == 3:
        return True  # a state acting on itself ("هادي ... إلى القاهرة" misread as Egypt → Egypt)
    return phrase_key(a.name) == phrase_key(b.name)


def _copy(a: ActorRef) -> ActorRef:
    """A copy of ``a`` with a list of mentions of its own. (Made with ``ActorRef.__new__`` and its nine slots set
    here: the dataclass ``__init__`` runs a frame of its own, ~1,000 instructions more, ~30 copies per article.)"""
    ref = _NEW_ACTOR_REF(ActorRef)
    ref.name = a.name
    ref.name_en = a.name_en
    ref.code = a.code
    ref.id = a.id
    ref.type = a.type
    ref.country = a.country
    ref.mentions = list(a.mentions)
    ref.start = a.start
    ref.end = a.end
    return ref


_NEW_ACTOR_REF = ActorRef.__new__


# ---------------------------------------------------------------- arguments (round 4)

QUOTE_MARKS = frozenset("«\"“")


def _opening_quote(toks: list[Token], k: int, ti: int) -> bool:
    """The quote mark at ``k`` opens a quotation that the trigger at ``ti`` is inside of, within the clause: "عقد
    الوزراء “اجتماعا تنسيقيا”" quotes the name of the act, "إن X وY "تبادلا الرسائل، وتعهدا بتعزيز ..."" the
    predicate; the clause (and its subject) goes on before the mark."""
    if k == 0 or toks[k].text not in QUOTE_MARKS:
        return False
    before = toks[k - 1]
    # (not after a preposition: "اتهمت قوات عراقية بـ«اغتصاب ...»" quotes what is alleged, an act of its own; nor
    # after a speech verb or a colon: "وقال: «...»" opens the speaker's own words)
    if before.text.endswith("ـ") or before.norm in QUOTE_GOVERNORS or before.is_punct or _said_verb(before, SAID_VERBS):
        return False
    if k == ti - 1:
        return True
    if toks[k].text in SYMMETRIC_QUOTES:
        symmetric = 0
        for t in toks[:k]:  # (a loop, not sum() over a generator; only for a symmetric mark)
            if t.text in SYMMETRIC_QUOTES:
                symmetric += 1
        if symmetric % 2:
            return False  # a closing mark
    return not any(t.text in QUOTE_CLOSERS for t in toks[k + 1:ti])


SYMMETRIC_QUOTES = frozenset(['"'])
QUOTE_CLOSERS = frozenset(['"', "»", "”"])


# prepositions and verbs of saying whose complement a quotation can be (the quote is then no name of an act)
QUOTE_GOVERNORS = frozenset(["ب", "ل", "في", "على", "علي", "من", "عن", "الى", "الي", "مع", "ان", "بان"])


# the kinds of party a pronoun can stand for: "ه" (a man, a masculine body), "ها" (a state, an organisation),
# "هم"/"هما" (people, a group, two parties)
PRONOUN_TYPES: dict[str, frozenset[str]] = {
    "ه": frozenset(["person"]),
    "ها": frozenset(["state", "igo", "organisation"]),
    "هم": frozenset(["agent", "armed_group", "party"]),
}


def _possessive(toks: list[Token], ti: int, tj: int) -> str | None:
    """The possessive pronoun ending the verbal noun of a trigger span ("زيارته"، "اجتماعها"): the segmenter's
    suffix, or the surface ending the segmenter left on a form its lexicon lists (ة is kept apart from ه)."""
    t = toks[tj - 1]
    if t.suffix in PRONOUN_TYPES:
        return t.suffix
    for suf in ("هم", "ها", "ه"):
        if t.text.endswith(suf) and len(t.text) > len(suf) + 2:
            return suf
    return None


# role nouns of those who attack (a perpetrator)
PERPETRATOR_ROLES = ("uaf.", "reb.", "mil.")


def _sequel_perpetrator(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int,
                        source: ActorMention) -> ActorMention | None:
    """"استهدف مفجر انتحاري مركزا لتدريب أفراد الشرطة فقتل 15 شخصا": a violent verb of result (ف) whose
    source is an uncoded noun that is no perpetrator (part of the previous verb's object) goes on with the
    perpetrator noun (a subject, no preposition) named before it in the sentence; None otherwise."""
    if not toks[ti].prefix.startswith("ف") or source.ref.code or source.role.startswith(PERPETRATOR_ROLES):
        return None
    at = next((s for s, _e, a in rel if a is source), None)
    if at is None or at > ti:
        return None
    return next((a for s, _e, a in sorted(rel, key=_START)
                 if s < at and not a.prep and a.role.startswith(PERPETRATOR_ROLES)), None)


def _forces_owner(toks: list[Token], rel: list[tuple[int, int, ActorMention]], source: ActorMention,
                  targets: list[ActorMention]) -> ActorMention | None:
    """"أعلن الجيش الأمريكي أن قواته قتلت ..."، "قالت بريطانيا إن طائراتها قصفت ...": an uncoded armed noun
    with a possessive pronoun belongs to the last coded party named before it in the sentence (not a
    nationality adjective, not the target); None when the source is coded, has no pronoun, or has no owner."""
    if source.ref.code:
        return None
    at = next(((s, e) for s, e, a in rel if a is source), None)
    if at is None or at[1] - at[0] != 1 or toks[at[0]].norm.lstrip("و") in PRONOUN_COMPLEMENTIZERS:
        return None
    t = toks[at[0]]
    if t.suffix not in PRONOUN_TYPES and not any(t.text.endswith(x) for x in ("اته", "اتها", "اتهم")):
        return None
    for s, _e, a in sorted(rel, key=_START, reverse=True):
        if s >= at[0] or not a.ref.code or a.head == "nisba":
            continue
        if any(a is b or _same_actor(a.ref, b.ref) for b in targets):
            return None
        return a
    return None


def _possessor(rel: list[tuple[int, int, ActorMention]], ti: int, suffix: str, targets: list[ActorMention]
               ) -> ActorMention | None:
    """The party a possessive pronoun on the verbal noun at ``ti`` refers to: the last coded phrase of the
    sentence before the noun, of a kind the pronoun agrees with (any preposition: "المرافقين لوزير الدفاع في
    زيارته"), that is not already the target; None when there is none."""
    kinds = PRONOUN_TYPES.get(suffix)
    if kinds is None:
        return None
    for _, e, a in sorted(rel, key=_START, reverse=True):
        if e > ti or not a.ref.code or a.head == "nisba" or a.ref.type not in kinds:
            continue
        if any(a is b or _same_actor(a.ref, b.ref) for b in targets):
            continue
        return a
    return None


# roots whose target may be a pronoun on the trigger's preposition (not protests nor violence, whose pronouns
# more often stand for victims or places named earlier; 15 and 18-20 code without a target anyway)
PRONOUN_OBJECT_ROOTS = ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "16", "17")
# a preposition carrying a pronoun, left whole by the segmenter ("معه"، "عليهم"، "اليها"): norm -> (prep, pronoun)
PREP_PRONOUNS: dict[str, tuple[str, str]] = {
    stem + suf: (prep, suf)
    for prep, stem in (("مع", "مع"), ("على", "علي"), ("الى", "الي"), ("ل", "ل"), ("ب", "ب"), ("ضد", "ضد"),
                       ("من", "من"), ("عن", "عن"))
    for suf in ("ه", "ها", "هم", "هما")
}
PRONOUN_OBJECT_REACH = 3  # words after the trigger (its subject not counted) searched for the pronoun


def _pronoun_object(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int, tj: int,
                    target_preps: tuple[str, ...], sources: list[ActorMention]) -> ActorMention | None:
    """The party a pronoun on one of the trigger's target prepositions right after it (or after its subject)
    stands for ("وبحث معه"، "فرضت عليهم عقوبات"، "دعوة وجهها له X"): the last coded phrase before the trigger
    and before a source named before it, that the pronoun agrees with and that is neither the source nor of
    its country. None when there is no such pronoun or party, or when the source is named further on than
    right after the pronoun (then it is a guess: "وبحث معه سبل دعم القضية الفلسطينية")."""
    k, seen, passed = tj, 0, tj
    source_ids = {id(x) for x in sources}  # (the sources' identities, for this call only)
    # (the scan starts at tj: a phrase that neither starts there or later nor ends after it is left out once)
    later = _parties_past(rel, tj)
    while k < len(toks) and seen < PRONOUN_OBJECT_REACH:
        t = toks[k]
        # the subject may come between ("وفرض الاتحاد الأوروبي عليها"), with the parties joined to it
        # ("العقوبات الأمريكية والكندية عليها"): their words are passed over
        own = None
        inside = False  # (some phrase covers token k)
        for b, e, a in later:  # (one loop for both tests, not two generators per token)
            if b == k and own is None and (id(a) in source_ids or (a.conj and k == passed)):
                own = e
            if b <= k < e:
                inside = True
        if own is not None:
            k = passed = own
            continue
        if t.is_punct or inside:
            return None
        hit = PREP_PRONOUNS.get(t.norm) or (PREP_PRONOUNS.get(t.norm[1:]) if t.norm.startswith("و") else None)
        if hit is not None:
            if hit[0] not in target_preps or hit[1] not in PRONOUN_TYPES:
                return None
            return _pronoun_antecedent(rel, ti, k, PRONOUN_TYPES[hit[1]], sources)
        k, seen = k + 1, seen + 1
    return None


def _parties_past(rel: list[tuple[int, int, ActorMention]], tj: int) -> list[tuple[int, int, ActorMention]]:
    """The parties that start at token ``tj`` or later or end after it."""
    out: list[tuple[int, int, ActorMention]] = []
    for x in rel:  # (a loop: a comprehension would make ``tj`` a cell of this function)
        if x[0] >= tj or x[1] > tj:
            out.append(x)
    return out


def _pronoun_antecedent(rel: list[tuple[int, int, ActorMention]], ti: int, k: int, kinds: frozenset[str],
                        sources: list[ActorMention]) -> ActorMention | None:
    """The party the pronoun of kind ``kinds`` on the preposition at token ``k`` stands for (see _pronoun_object):
    None when a source is named after the pronoun."""
    if any(b > k + 1 and _is_one_of(a, sources) for b, _, a in rel):
        return None
    # a party named after a source before the trigger may be the real doer ("وتطالب الحكومة السودانية
    # بدعم، وقد وعد الاتحاد الأوروبي بتقديم مساعدات لها"); one of the source's country is not whom the
    # pronoun means ("وقال ظريف إن طهران لن تتفاوض معه")
    first = min((b for b, _, a in rel if _is_one_of(a, sources)), default=ti)
    return next((a for b, e, a in sorted(rel, key=_START, reverse=True)
                 if e <= min(ti, first) and a.ref.code and a.head != "nisba" and a.ref.type in kinds
                 and not any(_same_actor(a.ref, x.ref) or (a.ref.country or "-") == x.ref.country
                             for x in sources)), None)


def _head_genitive(toks: list[Token], start: int, at: int) -> tuple[str, int] | None:
    """For a phrase with no preposition at ``at`` that is the genitive of the target head noun right before it,
    itself governed by a preposition ("على مواقع تنظيم داعش"), that preposition and the head's position; None
    otherwise (the ل genitive, "على مواقع لتنظيم داعش", is :func:`_lam_genitive`'s)."""
    h = at - 1
    if h - 1 < (start if start > 0 else 0):
        return None
    t = toks[h]
    if not (t.key in TARGET_HEADS or t.norm in TARGET_HEADS) or t.prefix.lstrip("وف") or t.prefix.endswith("ال"):
        return None  # "بمواقع"، "المواقع": no head of a genitive the patterns name
    prep = _PREP_OF_WORD.get(toks[h - 1].norm)
    return (prep, h) if prep else None


def _nisba_government(toks: list[Token], start: int, at: int) -> tuple[str, int] | None:
    """For a nationality adjective at ``at`` on the noun right before it, the preposition governing that noun
    (its clitic, "للطائرات الأمريكية"، "بالخبرات المصرية", or the word before it, "على المواقع السورية") and the
    noun's position; None otherwise."""
    h = at - 1
    if h < (start if start > 0 else 0) or toks[h].is_punct or toks[h].key in GROUP_NOUNS:
        return None  # (a group noun: "بالحركة الفلسطينية" is a movement, not the state)
    clitic = toks[h].prefix.lstrip("وف")[:1]
    if clitic in ("ب", "ل"):
        return clitic, h
    if h - 1 >= (start if start > 0 else 0) and (prep := _PREP_OF_WORD.get(toks[h - 1].norm)):
        return prep, h
    return None


# nouns of a group or force whose nationality adjective names the group, not its state
GROUP_NOUNS = frozenset(["حركه", "جماعه", "تنظيم", "حزب", "فصيل", "فصائل", "ميليشيا", "مليشيا", "ميليشيات", "مليشيات",
                         "معارضه", "جبهه", "حركات", "جماعات", "تنظيمات", "احزاب"])


def _governed_nisba(toks: list[Token], start: int, x: tuple[int, int, ActorMention]) -> bool:
    """The phrase ``x`` is a nationality adjective on a noun a preposition governs ("للطائرات الأمريكية"): no
    free phrase (subject or object) of its own."""
    return x[2].head == "nisba" and _nisba_government(toks, start, x[0]) is not None


# complementizers carrying a subject pronoun ("أنه"، "أنها"): the clause after it is about its antecedent
PRONOUN_COMPLEMENTIZERS = frozenset(["انه", "انها", "بانه", "بانها", "انهم", "بانهم"])


def _pronoun_teller(doc: Document, toks: list[Token], sent: _Sent, c: int) -> ActorMention | None:
    """The antecedent of the pronoun of the complementizer at ``c`` after a speech verb: the verb's subject
    named in the sentence ("وأكدت تركيا أنها ...") or, for a speech verb with no named subject ("وأضاف أنه ..."),
    the speaker it continues (:func:`_last_speaker`). None when no speech verb governs the complementizer."""
    verb = next((k for k in range(c - 1, max(-1, c - SAID_VERB_REACH), -1) if _said_verb(toks[k], SPEECH_VERBS)),
                None)
    if verb is None:
        return None
    spans = [(a.tok_start - sent.start, a.tok_end - sent.start, a) for a in sent.actors if a.tok_start >= 0]
    named = [a for s, e, a in spans if verb < s and e <= c and not a.prep and a.head != "nisba"]
    if named:
        return named[0] if named[0].ref.code else None
    if any(e <= verb and not a.prep for s, e, a in spans):
        return None  # "X قال إنه": a subject before the verb is for the general rules
    return _last_speaker(doc, sent.idx)


# adjectives of allegiance: the phrase after them says whose a party is ("التابع للمعارضة"، "الموالية للحكومة")
AFFILIATION_WORDS = frozenset(norm_word(w) for w in (
    "التابع التابعة التابعين التابعون تابع تابعة الموالي الموالية الموالين الموالون موال موالية المحسوب "
    "المحسوبة المحسوبين المقرب المقربة المقربين المدعوم المدعومة المدعومين المنتمي المنتمية المنتمين").split())


def _affiliation(toks: list[Token], at: int) -> bool:
    """The phrase at ``at`` follows an adjective of allegiance: it describes the party before it, it is no
    argument of the trigger."""
    return at > 0 and (toks[at - 1].norm in AFFILIATION_WORDS or toks[at - 1].norm.lstrip("و") in AFFILIATION_WORDS)


def _addressee(toks: list[Token], rel: list[tuple[int, int, ActorMention]], at: int) -> bool:
    """The ل phrase at ``at`` is whom a speech verb addresses: right after the verb ("قال للصحفيين") or after the
    verb's subject right after it ("قال كارتر للصحفيين")."""
    if at > 0 and _said_verb(toks[at - 1], SPEECH_VERBS):
        return True
    subj = next((s for s, e, a in rel if e == at and not a.prep), None)
    return subj is not None and subj > 0 and _said_verb(toks[subj - 1], SPEECH_VERBS)


# demonstratives before a definite noun: "هذه الدعوة"، "هذا الوصف"، "تلك الزيارة" point back to a known act
DEMONSTRATIVES = _norm_words("هذا هذه ذلك تلك هذان هاتان هذين هاتين هؤلاء أولئك")
# the words that attach a party to an event noun: "الزيارة إلى موسكو"، "الاجتماع مع"، "الهجوم على"، "التصدي لـ"
ATTACHING_PREPS = _norm_words("إلى الى على علي مع بين ضد من عن لدى")
KNOWN_ACT_ADJECTIVES = 2  # definite adjectives between an event noun and the phrase of its party


def _known_act(toks: list[Token], ti: int, tj: int, post: list[tuple[int, int, ActorMention]]) -> str | None:
    """Why a definite event noun refers back to an act already known rather than reporting one, or None.

    News reports a new act with a verb or an indefinite noun ("زار"، "شنت غارات"، "خلال زيارة لم يعلن عنها");
    the definite noun refers back to it. A demonstrative before it ("هذه الدعوة"، "هذا الوصف") says so at once;
    a definite noun that names no party of its own, neither with a nationality adjective, a genitive, nor a
    preposition phrase right after it ("تجيء الزيارة في وقت ..."، "وقبيل الزيارة قال كارتر"), is the article's
    earlier act, which takes its parties from there, not from the other phrases of its clause.
    """
    t = toks[ti]
    if tj - ti != 1 or not t.prefix.lstrip("وف").lstrip("بل").endswith("ال"):
        return None
    if ti > 0 and _hits(toks[ti - 1], DEMONSTRATIVES):
        return f"a known act ('{toks[ti - 1].text} {t.text}'), not a report"
    # (the rest in a function of its own: its generators would make cells of this one's variables on every call)
    return _names_no_party(toks, tj, post)


def _names_no_party(toks: list[Token], tj: int, post: list[tuple[int, int, ActorMention]]) -> str | None:
    """Why a definite event noun ending at ``tj`` names no party of its own (see _known_act), or None."""
    if any(s == tj or (s == tj + 1 and (toks[tj].norm in ATTACHING_PREPS or toks[tj].norm in RELATIVES))
           for s, _e, _a in post):
        return None  # "الزيارة الروسية"، "الزيارة إلى موسكو"، "الاجتماع مع الوزير"
    if tj < len(toks) and (toks[tj].prefix.lstrip("و").startswith("ل") or toks[tj].norm in RELATIVES
                           or toks[tj].norm in ATTACHING_PREPS):
        return None  # "التصدي للميليشيات"، "التوصل إلى اتفاق"، "الزيارتين اللتين قام بهما"
    k = tj  # past its definite adjectives: "الهجوم الانتحاري الأخير على قاعدة"، "الزيارة الأخيرة إلى موسكو"
    while k < (tj + KNOWN_ACT_ADJECTIVES if tj + KNOWN_ACT_ADJECTIVES < len(toks) else len(toks)) and toks[k].prefix.endswith("ال") \
            and not any(s == k for s, _e, _a in post):
        k += 1
    if k > tj and k < len(toks) and (toks[k].norm in ATTACHING_PREPS or toks[k].norm in RELATIVES) \
            and any(s == k + 1 for s, _e, _a in post):
        return None
    return "a definite event noun naming no party (an act known from before), not a report"


# verbs that evaluate or place an act named as their subject or object: "وتعد الغارات أقوى تحرك"، "اعتبرت الحكومة
# الهجوم عملا إرهابيا"، "تأتي الزيارة في وقت ..."
EVALUATING_VERBS = _norm_words("تعتبر يعتبر اعتبر اعتبرت اعتبروا برر بررت يبرر تبرر")  # with their own subject first
EVALUATING_BEFORE = EVALUATING_VERBS | _norm_words("تعد يعد تأتي يأتي تجيء يجيء جاءت جاء")
# verbs that say what an act named as their subject means: "مقتل السوداني يدل على ..."، "الهجوم يأتي بعد ..."
MEANING_AFTER = _norm_words("يدل تدل يعكس تعكس يمثل تمثل يشكل تشكل يعني تعني يكشف تكشف يؤكد تؤكد يثبت تثبت "
                            "يأتي تأتي جاء جاءت")


def _judged_act(toks: list[Token], ti: int, tj: int) -> str | None:
    """Why an event noun is the subject or object of an evaluation ("وتعد الغارات الأمريكية أقوى تحرك"، "مقتل
    السوداني يدل على جهود ...") rather than a report of the act, or None: the sentence says what a known act
    means or where it stands, and the act itself was reported before."""
    # (only a definite act: "وتأتي زيارة حفتر إلى القاهرة في إطار ..." may be the visit's only report)
    before = _clause_before(toks, ti, 3) if toks[ti].prefix.lstrip("وف").endswith("ال") else []
    # the verb right before its subject ("وتعد الغارات")، or before its own subject and then the act as its
    # object ("اعتبرت الحكومة الهجوم"): no preposition or adverb between ("وتأتي التصريحات عشية زيارة" is none)
    for n, t in enumerate(before):
        if _hits(t, EVALUATING_BEFORE):
            if n == 0 or (_hits(t, EVALUATING_VERBS) and not any(
                    u.prefix.lstrip("و")[:1] in ("ب", "ل") or u.norm in GOVERNING_WORDS or u.norm in TEMPORAL_FRAMES
                    or u.norm in RELATIVES for u in before[:n])):
                return f"an act evaluated ('{t.text}'), not a report"
            break
    for t in toks[tj:tj + 4]:
        if t.is_punct or t.norm in RELATIVES:
            break
        if _hits(t, MEANING_AFTER):
            return f"an act evaluated ('{t.text}'), not a report"
    return None


# verbs of entering a place: their subject went in ("دخلت القوات المدينة"، "تسلل مسلحون إلى")
ENTRY_VERBS = _norm_words("دخل دخلت دخلوا يدخل تدخل تسلل تسللت تسللوا يتسلل تتسلل يتسللون توغل توغلت توغلوا "
                          "اجتاز اجتازت عبر عبرت عبروا")
# the adjectives of a bomb carried by a vehicle or a person ("سيارة مفخخة"، "عبوة ناسفة"، "شاحنة ملغومة")
BOMB_ADJECTIVES = _norm_words("مفخخة مفخخات مفخخ مفخختين مفخختان ملغومة ملغومات ملغومتين ملغومتان ناسفة ناسفتين ناسفتان")
BOMB_SUBJECT_REACH = 5  # tokens after the verb searched for its subject


def _bomb_entered(toks: list[Token], ti: int, tj: int) -> str | None:
    """Why a verb of entering whose subject right after it is a bomb ("تسللت أمس ثلاث سيارات مفخخة إلى المنطقة"،
    "ودخلت سيارة مفخخة الحي") is no occupation or infiltration by a party, or None. The bomb's own attack is
    told by the bombing words, not by its way in."""
    if tj - ti != 1 or toks[ti].norm.lstrip("وف") not in ENTRY_VERBS:
        return None
    for k in range(tj, min(len(toks), tj + BOMB_SUBJECT_REACH)):
        t = toks[k]
        if t.is_punct or t.norm in PREP_WORDS or (t.prefix and k > tj and t.prefix[:1] in ("و", "ف")):
            return None
        if _hits(t, BOMB_ADJECTIVES):
            return f"a bomb entered ('{toks[ti].text} ... {t.text}'): no occupation or infiltration by a party"
    return None


PASSIVE_SUBJECT_REACH = 6  # tokens after a passive verb within which its subject may stand past a comma


def _next_clause(toks: list[Token], tj: int, at: int) -> bool:
    """The phrase at ``at`` stands past a comma, far after the passive verb ending at ``tj`` ("وقتلت حوالي مائة
    عامل، على الفور أصدر رئيس الوزراء ..."): it belongs to the next clause, not to the verb."""
    if at - tj <= PASSIVE_SUBJECT_REACH:
        return False
    for t in toks[tj:at]:  # noqa: SIM110 (a loop, not any() over a generator)
        if t.text in "،,":
            return True
    return False


# a protest or its crowd as the doer of a light verb ("قامت مظاهرة بمحاصرة"، "قام المتظاهرون بتطويق")
PROTEST_DOERS = _norm_words("مظاهرة مظاهرات تظاهرة تظاهرات مسيرة مسيرات المظاهرة المظاهرات التظاهرة المسيرة "
                            "متظاهرون متظاهرين المتظاهرون المتظاهرين محتجون محتجين المحتجون المحتجين")
CROWD_DOER_REACH = 4  # tokens before a blockade trigger searched for its doer


def _crowd_blockade(toks: list[Token], ti: int, tj: int) -> str | None:
    """Why a siege or blockade done by a demonstration or its protesters ("وقامت مظاهرة لحماس بمحاصرة منزل
    ..."، "وطوق المحتجون مبنى البلدية") is no military blockade (it is part of the protest), or None."""
    # the subject: right after the verb ("وطوق المحتجون")، right before it ("المحتجون حاصروا") or after the light
    # verb whose masdar the trigger is ("وقامت مظاهرة لحماس بمحاصرة"); not the object of another verb before
    # ("فرقت الشرطة المتظاهرين وحاصرت المقر")
    subject = toks[tj:tj + 1] + (toks[max(0, ti - 1):ti] if not toks[ti].prefix.startswith("و") else [])
    before = _clause_before(toks, ti, CROWD_DOER_REACH)
    for n, t in enumerate(before):
        if n + 1 < len(before) and before[n + 1].norm.lstrip("و") in PROTEST_LIGHT_VERBS:
            subject.append(t)
    for t in subject:
        if _hits(t, PROTEST_DOERS):
            return f"a blockade by protesters ('{t.text}'), part of the protest, not force"
    return None


PROTEST_LIGHT_VERBS = frozenset(["قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون"])


def _other_act_object(doc: Document, sent: _Sent, tj: int, at: int) -> bool:
    """The phrase at ``at`` is the genitive or object of another trigger right before it, past a comma after the
    trigger ending at ``tj`` ("مقتل شرطي وإصابة آخرين، وحرق المدرسة الأميركية"): that act's, not this one's."""
    return (at - 1 > tj and _is_trigger(doc, sent, at - 1)
            and any(t.text in "،," for t in sent.toks[tj:at - 1]))


def _justified_masdar(toks: list[Token], ti: int) -> str | None:
    """Why a verb-shaped trigger right after a verb of evaluating or justifying is that verb's object, a verbal
    noun ("فتوى تبرر قتل الأبرياء"، "اعتبر قتل المدنيين جريمة"), or None: a finite verb cannot follow them
    directly, so the act is what is evaluated, not a report."""
    if ti == 0 or toks[ti].prefix:
        return None
    t = toks[ti - 1]
    if _hits(t, EVALUATING_VERBS) and not t.suffix:
        return f"an act evaluated ('{t.text} {toks[ti].text}', a verbal noun), not a report"
    return None


# words of accusing: the ب phrase after their object is the charge ("متهما إياها بتهديد كل صحفي")
ACCUSING = _norm_words("اتهم اتهمت اتهموا يتهم تتهم يتهمون متهما متهمة اتهام اتهامه اتهامها اتهامهم "
                       "اتهامات الاتهامات المتهم المتهمة المتهمين المتهمون متهمين متهمون")
CHARGE_REACH = 5  # tokens back from the charge to the accusing word (its object between)
# across commas, when what stands between is the accused and the accuser: "اتهامات وجهها التيار للشرطة، بقتل"،
# "اتهمت بعد اختفائه الاستخبارات الأميركية والموساد بخطفه"
CHARGE_FAR_REACH = 10
CHARGE_CONJ_REACH = 4  # tokens back from a charge's further conjunct ("بقتل طفلين وتعذيبهما") to its first


def _charge_conjunct_before(toks: list[Token], ti: int) -> int | None:
    """The nearest token before ``ti`` within CHARGE_CONJ_REACH with a ب clitic, or a mark or comma, or None."""
    for k in range(ti - 1, max(-1, ti - 1 - CHARGE_CONJ_REACH), -1):
        t = toks[k]
        if t.prefix.lstrip("و").startswith("ب") or t.text in CLAUSE_PUNCT or t.text in "،,":
            return k
    return None


def _charged_act(toks: list[Token], ti: int) -> str | None:
    """Why a ب + verbal noun after a word of accusing is the charge of the accusation (coded as the accusation,
    111/112), not a happening of its own ("هاجم النقابة متهما إياها بتهديد الصحفيين"), or None. A further conjunct
    of the charge ("بقتل طفلين وتعذيبهما") is part of it; the accusing word may stand across a comma when no light
    verb ("قام مسلحون بقتل") or clause marker comes between."""
    t = toks[ti]
    if not t.prefix.lstrip("وف").startswith("ب"):
        if not t.norm.startswith("و"):
            return None
        # the first conjunct: the nearest ب + noun before, within the phrase
        first = _charge_conjunct_before(toks, ti)
        if first is None or toks[first].is_punct:
            return None
        ti = first
    back = _clause_before(toks, ti, CHARGE_REACH)
    if back and _hits(back[0], ATTEMPT):
        back = back[1:]  # "بمحاولة تهديد"
    acc = next((u for u in back if _hits(u, ACCUSING)), None)
    if acc is None:
        for u in _words_before(toks, ti, CHARGE_FAR_REACH):
            if u.norm in CLAUSE_MARKERS or u.norm.lstrip("وف") in LIGHT_VERBS or u.text in "«»\"“”()":
                break
            if _hits(u, ACCUSING):
                acc = u
                break
    return f"the charge of an accusation ('{acc.text}'), not a report" if acc is not None else None


SINCE = _norm_words("منذ")
CAMPAIGN_NOUNS = _norm_words("قتال حرب حملة معركة مواجهة مواجهات")  # long-running fights named with their owner
LONG_PERIODS = _norm_words("أعوام سنوات سنين عقود عقد أشهر شهور العام السنة الأعوام السنوات الأشهر الشهور عامين سنتين")
RUNNING_FRAMES = frozenset(["مدار", "طوال"])  # "على مدار العام"، "طوال أشهر" (the token's form itself)
PERIOD_REACH = 10  # tokens after the trigger searched for the long period its clause spans
LONG_PERIOD_GAP = 3  # words between a frame of a long period and its period ("منذ أكثر من ثمانية أشهر")


def _background(toks: list[Token], ti: int) -> str | None:
    """Why a trigger of any root tells background rather than news, or None: an act that starts the period the
    sentence speaks of ("منذ أن عزل الجيش الرئيس"، "منذ الإطاحة بالقذافي") happened before it, and was news then."""
    idx = _word_index(toks)
    since = idx.at(_W_SINCE_RUN)  # (both tests below need such a word: before the trigger, or after it)
    if since and since[0] < ti:
        before = _clause_before(toks, ti, 2)
        if before and (_hits(before[0], SINCE) or (len(before) > 1 and _hits(before[1], SINCE)
                                                   and before[0].norm in ("ان", "أن"))):
            return "background (the start of a period, 'منذ'), not a report"
    t = toks[ti]
    if ti > 0 and toks[ti - 1].norm in ("في", "فى") and t.suffix and t.key in CAMPAIGN_NOUNS:
        # "تدعم القوات العراقية في قتالها لمسلحي التنظيم": its own campaign frames what the clause reports
        return f"the frame of a campaign ('في {t.text}'), not a happening"
    # "حملة عسكرية موسعة منذ سنوات"، "تم إبرامها منذ أكثر من ثمانية أشهر"، "التقى سفراء 25 دولة على مدار العام":
    # an act that has gone on, or was done, over months or years is a state or a tally, not a happening
    if not since or since[-1] <= ti:
        return None
    # (the window ends at the first clause mark or comma after the trigger, as far as PERIOD_REACH)
    ends = idx.at(_W_CLAUSE_COMMA)
    i = bisect_left(ends, ti + 1)
    hi = min(len(toks), ti + PERIOD_REACH, ends[i] if i < len(ends) else len(toks))
    frame = _period_frame(toks, ti + 1, hi, _W_SINCE_RUN, _W_LONG_PERIOD, LONG_PERIOD_GAP)
    if frame is not None:
        return f"a state or tally over a long period ('{frame.text}'), not a happening"
    return None


def _one_casualty_report(events: list[Event]) -> list[Event]:
    """Keep one of the events of a sentence that report casualties (roots 18-20) with no attacker named ("قتل
    أربعة فلسطينيين وأصيب أكثر من ثلاثين بجراح"): the killed and the wounded of one report are one happening."""
    seen: set[int] = set()
    out: list[Event] = []
    for e in events:
        if e.source is None and e.cameo[:2] in VIOLENT_ROOTS:
            if e.sentence in seen:
                continue
            seen.add(e.sentence)
        out.append(e)
    return out


# words of demanding or requesting, and of what an agreement or a plan contains ("باتفاق على دعم مصري يتمثل في
# إرسال قوات"، "خطة تتضمن انسحاب القوات"): the acts they govern have not happened
REQUESTS = CALLS | _norm_words("طلب طلبت طلبوا يطلب تطلب يتمثل تتمثل يتضمن تتضمن تضمنت تضمن")
REQUEST_REACH = 8  # tokens back from a verbal noun to the demand or request it is the object of


def _demanded_act(toks: list[Token], ti: int, p: Pattern, noun: bool) -> str | None:
    """Why a verbal noun is what a demand or request asks for ("طلب الرئيس خلال اللقاء زيارة القوات البحرية إلى
    عدن"، "طالبت الحكومة بإرسال قوات"), not an act that happened, or None (roots 02, 03 and 10, the appeal, intent
    or demand itself, and 14, 18-20, judged by _not_reported, excluded). ``noun``: :func:`_noun_reading` of the
    trigger."""
    if not noun or p.cameo[:2] in ("02", "03", "10", "14", "18", "19", "20") or _word_index(toks).last_before(
            _W_REQUESTS, ti) < 0:
        return None  # (not a noun, or no word of requesting before it)
    for u in _clause_before(toks, ti, REQUEST_REACH):
        if _hits(u, REQUESTS):
            return f"what a demand asks for ('{u.text}'), not a report"
    return None


# verbs of discussing or examining, and the heads of a topic: their object is a topic ("ناقشا تعميق تعاونهما في
# القتال ضد التنظيم"، "يبحث الفلسطينيون مسألة التوجه إلى مجلس الأمن"، "سيفحص التحقيق الاتصالات بين ...")
DISCUSSING = _norm_words("ناقش ناقشت ناقشا ناقشوا يناقش تناقش يناقشون مناقشة لمناقشة بحث بحثت بحثا بحثوا يبحث تبحث "
                         "يبحثون لبحث تناول تناولت تناولا يتناول تتناول")
# the heads of a topic, and verbs of examining, whose object is never a meeting that acts
TOPIC_HEADS = _norm_words("مسألة المسألة قضية ملف فحص يفحص سيفحص تفحص ستفحص")
DISCUSS_REACH = 8  # tokens back from a verbal noun to the verb of discussing (and its subject and partner)
TOPIC_OR_DISCUSSING = TOPIC_HEADS | DISCUSSING


def _discussed_act(toks: list[Token], ti: int, p: Pattern, noun: bool) -> str | None:
    """Why a verbal noun is the topic of a discussion or inquiry ("ناقش الزعيمان تعميق تعاونهما في القتال ضد
    التنظيم"، "يبحث الفلسطينيون مسألة التوجه إلى مجلس الأمن") rather than an act that happened, or None. A
    meeting noun right after the verb is its subject ("بحث اجتماع الوزراء الأزمة"), not its topic. ``noun``:
    :func:`_noun_reading` of the trigger."""
    if not noun or ti == 0 or _word_index(toks).last_before(_W_DISCUSS, ti) < 0:
        return None  # (not a noun, or no word of discussing or topic before it)
    back = _clause_before(toks, ti, DISCUSS_REACH)
    for n, u in enumerate(back):
        if not _hits(u, TOPIC_OR_DISCUSSING):
            continue  # (one test of the union for most words, not two)
        if _hits(u, TOPIC_HEADS) or (_hits(u, DISCUSSING) and (n > 0 or p.cameo[:2] != "04")):
            return f"the topic of a discussion ('{u.text}'), not a report"
    return None


# the words after which على + verbal noun reports the act itself: "أقدم المسلح على قتل ..."، "العمل جار على التصدي"
COMMITTING = _norm_words("أقدم أقدمت أقدموا يقدم تقدم يقدمون جار جاري جارية يجري تجري")


def _aimed_act(toks: list[Token], ti: int, p: Pattern, noun: bool) -> str | None:
    """Why a verbal noun right after the separate preposition على is what its clause aims at, agrees on, insists
    on or competes for ("تتصارع حكومتان على السيطرة على البلاد"، "وافق على زيارة القاهرة"، "اتفقا على إرسال
    قوات"), not an act reported, or None ("أقدم المسلح على قتل" reports it). Roots 14 and 18-20 are judged by
    _not_reported. ``noun``: :func:`_noun_reading` of the trigger."""
    if p.voice == VOICE_SAID or ti < 2 or toks[ti - 1].norm not in ("على", "علي"):
        return None
    if not noun or any(_hits(u, COMMITTING) for u in _clause_before(toks, ti - 1, 4)):
        return None
    return "what the clause aims or agrees on (على + verbal noun), not a report"


VOX_REACH = 6  # tokens between a speech verb and the colon or quote that opens what a speaker says


def _vox_pop(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int, p: Pattern) -> str | None:
    """Why a trigger inside the quoted words of an ordinary person ("وقال المواطنون اليمنيون: «هذه الخطوة ستدعم
    المقاومة»"، "وقال محمد عبدالله: «نبارك عودة رئيس الوزراء»") is an opinion, not a political event, or None. The
    speaker is the phrase between the speech verb and the colon or quote: civilians, or a name no dictionary or
    role word codes. Violence and protest (roots 14, 18-20), which witnesses report, are kept."""
    if p.cameo[:2] in HAPPENING_ROOTS or p.voice == VOICE_SAID:
        return None
    opener = _word_index(toks).last_before(_W_QUOTE_OPENER, ti)
    if opener <= 0:
        return None
    # (the rest in a function of its own: its generators would make cells of this one's variables on every call)
    return _quoted_speaker(toks, rel, opener)


def _quoted_speaker(toks: list[Token], rel: list[tuple[int, int, ActorMention]], opener: int) -> str | None:
    """Why the quoted words that open at token ``opener`` are an ordinary person's opinion (see _vox_pop), or
    None."""
    verb = None
    for k in range(opener - 1, opener - 1 - VOX_REACH if opener > VOX_REACH else -1, -1):  # (a loop, not next() over a generator)
        if toks[k].norm in SPEECH_VERBS or toks[k].key in SPEECH_VERBS:
            verb = k
            break
    if verb is None or opener - verb < 2 or any(
            t.norm in COMPLEMENTIZERS or t.key in COMPLEMENTIZERS for t in toks[verb + 1:opener]):
        return None  # "مؤكدا أن «...»": the speaker is the clause's subject, before the verb
    speakers = [a for s, e, a in rel if verb < s and e <= opener and not a.prep]
    if speakers and all((a.ref.code or "").endswith("CVL") for a in speakers):
        return "the quoted opinion of ordinary people, not an event"
    if not speakers and not any(a for s, e, a in rel if verb < s < opener) and opener - verb <= 3:
        return "the quoted opinion of an uncoded person, not an event"
    return None


# --------------------------------------------------------------- an attack reported by its means and its outcome
# the codes of attacks named by their means (bombings: suicide attacks, car bombs, roadside bombs, time bombs), whose
# noun says what happened even when nobody claims it: "انفجرت عبوة ناسفة ... وأصابت سائقها"
MEANS_ATTACK_CODES = ("183",)
# what an attack did, after its noun in the same clause: a result verb ("أسفر عن"، "أدى إلى"، "أوقع") or the
# casualties and the aim themselves ("مقتل"، "إصابة"، "قتلى"، "جرحى"، "استهدف")
ATTACK_OUTCOMES = _norm_words(
    "مقتل إصابة اصابة قتلى قتيلا قتيلين جرحى جريحا ضحايا استشهاد مصرع سقوط قتل أصاب أصابت أصيب قتلت جرح "
    "استهدف استهدفت مستهدفا مستهدفة ودمرت دمرت دمر")
OUTCOME_REACH = 20  # tokens after an attack noun searched for its outcome, within the clause
OUTCOME_STOP = frozenset(".؛:!؟?")
GENERIC_QUANTIFIERS = _norm_words("كل أي أية")  # "كل هجوم"، "أي تفجير": a kind of attack, not one
OUTCOME_BONUS = 0.25  # as much as casualties reported with their attack (see _report_bonus)


# nouns of a settlement or a region that anchor a report in a place even unnamed: "في العاصمة"، "في المدينة"
# (the place nouns of the KB but for sites, offices and the districts that need their name)
GENERIC_PLACE_NOUNS = PLACE_NOUNS - frozenset(["مخيم", "مركز", "ميناء", "جزيره", "بلديه", "ناحيه", "قضاء", "مديريه"])


GENERIC_PLACE_PREPS = frozenset(["في", "وسط"])


def _generic_place(toks: list[Token]) -> bool:
    """The clause names where it happened without a name the gazetteer knows: في + a settlement noun
    ("خلال عمليات في العاصمة"، "في وسط المدينة"; violence only: an unanchored protest stays penalised)."""
    for k in range(1, len(toks)):  # noqa: SIM110 (a loop, not any() over a generator: it runs over the sentence)
        t = toks[k]
        if t.key in GENERIC_PLACE_NOUNS and t.prefix.endswith("ال") and toks[k - 1].key in GENERIC_PLACE_PREPS:
            return True
    return False


def _attack_outcome(toks: list[Token], ti: int, tj: int, p: Pattern) -> bool:
    """A bombing named by its means reports an attack when the same clause tells what it did: "هجوم انتحاري بسيارة
    مفخخة استهدف نقطة تفتيش ... وأدى إلى مقتل 15"، "أسفر انفجار سيارة ملغومة ... عن إصابة عشرة". CAMEO codes such
    an attack with an unknown perpetrator. The noun must be indefinite (a definite one resumes an attack told
    before: "وأسفر الانفجار عن ...") and not a topic or a threat (those are filtered before)."""
    if not p.cameo.startswith(MEANS_ATTACK_CODES) or p.voice != VOICE_NOUN:
        return False
    head = toks[ti]
    if head.prefix.lstrip("و").endswith("ال") or head.norm.lstrip("و").startswith("ال"):
        return False
    before = _words_before(toks, ti, 4)
    if before and _hits(before[0], GENERIC_QUANTIFIERS):
        return False  # "خلف كل عملية انتحارية": every attack, none in particular
    if any(_hits(t, RESULT_VERBS) for t in before):
        return True  # "أسفر انفجار سيارة ملغومة ... عن"، "أوقع هجوم بسيارة مفخخة ... سبعة قتلى"
    for k in range(tj, min(len(toks), tj + OUTCOME_REACH)):
        t = toks[k]
        if t.text in OUTCOME_STOP:
            return False
        if _hits(t, RESULT_VERBS) or _hits(t, ATTACK_OUTCOMES):
            return True
    return False


def _told_own_violence(p: Pattern, voice: str) -> bool:
    """An active violent verb after a speaker's complementizer pronoun tells the speaker's own act: "وأكد حلف
    شمال الأطلسي أنه قتل نحو 150 متمردا" (the alliance killed them; see :func:`_pronoun_teller`)."""
    return p.cameo[:2] in VIOLENT_ROOTS and voice == VOICE_ACTIVE


# verbs of achieving an act named by the masdar after them: "نجح الجيش في قتل العشرات"، "تمكنت الشرطة من اعتقال"
ACHIEVING_VERBS = _norm_words("نجح نجحت نجحوا ينجح تنجح تمكن تمكنت تمكنوا يتمكن تتمكن استطاع استطاعت استطاعوا")
ACHIEVING_PREPS = _norm_words("في من")
ACHIEVING_REACH = 4  # tokens before the preposition searched for the verb ("نجحت قوات الأمن العراقية في")


def _achieved(toks: list[Token], ti: int) -> bool:
    """The masdar at ``ti`` is what a verb of achieving says its subject did, as a light verb does: "الجيش نجح في
    قتل العشرات"، "تمكنت القوات من تدمير" (the preposition just before the masdar, the verb a few words before it
    in the same clause; the verb directly before a masdar, "استطاع الجيش صد الهجوم", is left to the general
    rules)."""
    if ti < 2 or toks[ti - 1].norm not in ACHIEVING_PREPS:
        return False
    for t in _clause_before(toks, ti - 1, ACHIEVING_REACH):
        if t.norm.lstrip("و") in ACHIEVING_VERBS or t.key in ACHIEVING_VERBS:
            return True
    return False


# "so far", "to date": a violent act counted up to now is a record, not a happening ("اعتدى القراصنة حتى الآن على
# سفن من عشر دول")
SO_FAR_HEADS = _norm_words("حتى لحد لغاية الى إلى")
SO_FAR_NOWS = _norm_words("الآن الان اليوم الساعة")
SO_FAR_REACH = 4  # tokens on each side of the trigger searched for "حتى الآن"


def _so_far(toks: list[Token], ti: int, tj: int) -> str | None:
    """"حتى الآن"، "لحد الآن"، "حتى اليوم" next to a violent trigger, in its clause: the words, or None."""
    # (bounds by conditional expressions, not max()/min(): builtin calls)
    lo = ti - SO_FAR_REACH if ti > SO_FAR_REACH else 0
    hi = tj + SO_FAR_REACH if tj + SO_FAR_REACH < len(toks) - 1 else len(toks) - 1
    idx = _word_index(toks)
    bits, heads = idx.bits, idx.at(_W_SO_FAR_HEAD)
    for k in heads[bisect_left(heads, lo):]:
        if k >= hi:
            break
        # (the words first: the clause test makes a generator, and the words are rarely there)
        if not bits[k + 1] & _W_SO_FAR_NOW:
            continue
        if ti <= k < tj or any(t.text in CLAUSE_PUNCT for t in toks[min(k, ti):max(k, tj)]):
            continue
        return f"{toks[k].text} {toks[k + 1].text}"
    return None


# the phrases naming the doer of a passive act: "من قبل X"، "على يد X"، "على أيدي X"، "بيد X"
AGENT_MARKERS = frozenset((norm_word(a), norm_word(b)) for a, b in (
    ("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"), ("على", "يد"), ("على", "أيدي")))
AGENT_FIRST = frozenset(a for a, _ in AGENT_MARKERS)  # (tested before a pair is made)
AGENT_SINGLE = _norm_words("بيد بأيدي")
AGENT_SINGLE_HOSTS = frozenset(c + w for c in _CLITICS for w in AGENT_SINGLE)  # the forms whose bare form may be one
AGENT_GAP = 2  # words allowed between the marker and the phrase ("من قبل عدة ضباط"، "على أيدي عناصر من حركة")


def _agent_phrase(toks: list[Token], rel: list[tuple[int, int, ActorMention]], tj: int, right: int
                  ) -> ActorMention | None:
    """The party an agent phrase after a passive or nominal violent trigger names as its doer, in the trigger's
    clause: "تم اغتصابها من قبل عدة ضباط عراقيين"، "قتل على يد مسلحين مجهولين". None without one."""
    n = len(toks)
    for k in range(tj, right if right < n else n):
        t = toks[k]
        if t.text in CLAUSE_PUNCT:
            return None
        norm = t.norm
        if norm in AGENT_FIRST and k + 1 < n and (norm, toks[k + 1].norm) in AGENT_MARKERS:
            at = k + 2
        # (as _hits(t, AGENT_SINGLE), without its call for the words that are no form of one: a bare form in
        # AGENT_SINGLE needs a form in AGENT_SINGLE_HOSTS)
        elif norm in AGENT_SINGLE or t.key in AGENT_SINGLE or (norm in AGENT_SINGLE_HOSTS and _hits(t, AGENT_SINGLE)):
            at = k + 1
        else:
            continue
        return next((x[2] for x in sorted(rel, key=_START) if at <= x[0] <= at + AGENT_GAP
                     and x[2].tok_start >= 0), None)
    return None


IMPERSONAL_PASSIVE = _norm_words("تم يتم جرى يجري")  # "تم اعتقاله"، "جرى اغتياله": the passive of a verbal noun
OBJECT_PRONOUNS = tuple(sorted(RESUMPTIVE))  # a pronoun on a verbal noun: its object ("اغتصابها")


def _impersonal_passive(toks: list[Token], ti: int) -> bool:
    """Whether the trigger at ti is the verbal noun of an impersonal passive ("تم اغتصابها"، "جرى اغتياله"): the
    light verb تم/جرى right before it, so the word is a noun whose doer comes in an agent phrase, not a verb whose
    object follows."""
    return ti > 0 and _hits(toks[ti - 1], IMPERSONAL_PASSIVE) and not toks[ti].prefix


PASSIVE_OBJECT_HEAD_GAP = 2  # target head nouns between a passive verbal noun and its party ("تم قصف مواقع حزب الله")


def _passive_masdar(toks: list[Token], ti: int, tj: int) -> bool:
    """Whether the trigger ti..tj is the verbal noun of an impersonal passive, on its own after تم/جرى ("تم
    قصف") or with the light verb in its form ("تم اغتيال"), with no object pronoun on it ("تم اغتياله")."""
    if tj - ti == 1:
        light = _impersonal_passive(toks, ti)
    else:
        light = tj - ti == 2 and _hits(toks[ti], IMPERSONAL_PASSIVE) and not toks[ti + 1].prefix
    return light and not toks[tj - 1].suffix


def _passive_noun_object(toks: list[Token], rel: list[tuple[int, int, ActorMention]], tj: int, right: int
                         ) -> ActorMention | None:
    """The party the verbal noun of an impersonal passive ending at tj governs as its object: the first phrase
    after it, a genitive right after it or after target head nouns ("تم قصف مواقع حزب الله")، or an uncoded
    member's group ("جرى اغتيال القيادي في حركة الجهاد"). None when that first phrase is another (an agent
    phrase, a place, another clause)."""
    for s, _e, a in sorted(rel, key=_START):
        if s < tj or a.tok_start < 0:
            continue
        gap = toks[tj:s]
        if s >= right or a.prep == "BY" or any(t.text in CLAUSE_PUNCT or t.text in "،," for t in gap):
            return None
        if not a.prep and len(gap) <= PASSIVE_OBJECT_HEAD_GAP and all(
                t.key in TARGET_HEADS or t.norm in TARGET_HEADS for t in gap):
            return a
        if a.prep in ("في", "من") and _member_object(toks, tj, s):
            return a
        return None
    return None


UNNAMED_ATTACKER_ROLES = ("uaf.",)  # suicide bombers, gunmen, attackers: perpetrators CAMEO leaves without a code


def _result_of_attacker(toks: list[Token], rel: list[tuple[int, int, ActorMention]], ti: int,
                        sources: list[ActorMention]) -> bool:
    """Whether the violent verb at ti is a verb of result (ف) going on with an unnamed attacker named before it
    ("استهدف مفجر انتحاري مركزا للشرطة فقتل 29 شخصا"): the attacker has no code, but it is no misread party."""
    if len(sources) != 1 or not toks[ti].prefix.startswith("ف"):
        return False
    a = sources[0]
    return (not a.ref.code and a.role.startswith(UNNAMED_ATTACKER_ROLES)
            and any(x[2] is a and x[1] <= ti for x in rel))


ATTACK_HEADS = _norm_words("هجوم انفجار تفجير اعتداء هجمات انفجارات تفجيرات")  # "هجوم بسيارة مفخخة"
RESULT_SUBJECT_GAP = 2  # words between a result verb and the means of its attack ("أوقع هجوم بسيارة مفخخة")


def _result_subject(toks: list[Token], ti: int) -> bool:
    """Whether the attack noun at ti is the subject of a result verb right before it ("أسفر انفجار سيارة ملغومة عن
    إصابة عشرة"، "أوقع هجوم بسيارة مفخخة سبعة قتلى"): the sentence is the report of that attack, which CAMEO codes
    even when neither its perpetrator nor a coded victim is named. (Not a result verb after the noun: "نظم تفجيرات
    أدت إلى مقتل مئات" tells a career, the noun is an object there.)"""
    if ti > 0 and _hits(toks[ti - 1], RESULT_VERBS):
        return True
    # "أوقع هجوم بسيارة مفخخة ...": the head attack noun stands between the verb and the means named by the trigger
    for v in range(ti - 2, ti - 2 - RESULT_SUBJECT_GAP if ti - 1 > RESULT_SUBJECT_GAP else -1, -1):
        if _hits(toks[v], RESULT_VERBS):
            return _hits(toks[v + 1], ATTACK_HEADS) and not any(t.is_punct for t in toks[v + 1:ti])
    return False


EXPOSED_VERBS = EXPOSED_TO - _norm_words("تعرضه تعرضها تعرضهم عرضة")  # its verbs (not "عرضة": liable to)
EXPOSED_REACH = 16  # tokens between تعرض and the ل of its attack noun (its subject and adverbials, commas between)


def _exposed_at(toks: list[Token], ti: int) -> int | None:
    """The position of the verb تعرض whose ل complement is the attack noun at ti, with its subject and adverbials
    between them ("وتعرضت دورية أمريكية أمس لهجوم مسلح"، "تعرض مقر الحزب، ليلة أمس، لاعتداء"); None when
    there is none in the clause (a ل + verbal noun alone is a purpose: "هجوما للسيطرة على المدينة"). The verb
    right before the noun is left to the listed forms ("تعرض لهجوم"، "تعرضت للاختطاف")."""
    if not toks[ti].prefix.lstrip("وف").startswith("ل"):
        return None
    for k in range(ti - 2, max(-1, ti - 1 - EXPOSED_REACH), -1):  # (the verb right before: listed forms)
        t = toks[k]
        if t.text in CLAUSE_PUNCT or t.norm in CLAUSE_MARKERS:
            return None
        if _hits(t, EXPOSED_VERBS):
            return k
        if k < ti - 1 and t.prefix.lstrip("وف").startswith("ل") and _masdar_like(t.key):
            return None  # another ل + verbal noun stands between: "تعرض لانتقادات لاستخدامه القوة"
    return None


def _exposed_subject(toks: list[Token], rel: list[tuple[int, int, ActorMention]], k: int, ti: int
                     ) -> ActorMention | None:
    """The subject of تعرض at k: the first party after it with no preposition (or a ل genitive of its head noun,
    "دورية للجيش الأمريكي") before the attack noun at ti, else the party right before the verb ("إن السفارة
    تعرضت"); None when none is named."""
    for s, _e, a in sorted(rel, key=_START):
        if k < s < ti and a.tok_start >= 0 and (not a.prep or (a.prep == "ل" and _lam_genitive(toks, k + 1, s))):
            return a
    return next((a for s, e, a in sorted(rel, key=lambda x: -x[0]) if e <= k and k - e <= 1 and not a.prep
                 and a.tok_start >= 0), None)


TOWARD_WORDS = _norm_words("اتجاه باتجاه نحو صوب")  # "أطلقوا صواريخ في اتجاه إسرائيل": where fire was aimed
NAME_QUOTES = QUOTE_MARKS | QUOTE_CLOSERS  # around a name ("صواريخ «كاتيوشا»"): no clause boundary
TOWARD_REACH = 3  # tokens between the direction word and the party ("في اتجاه شمال إسرائيل")


def _fired_toward(toks: list[Token], rel: list[tuple[int, int, ActorMention]], tj: int,
                  targets: list[ActorMention]) -> bool:
    """Whether the attack noun ending at tj was aimed toward a coded party by a direction word ("قام مسلحون
    بإطلاق ثلاثة صواريخ «كاتيوشا» في اتجاه شمال إسرائيل"): a report of fire at that party, its shooters unnamed."""
    if not targets or not targets[0].ref.code:
        return False
    s = next((x[0] for x in rel if x[2] is targets[0]), None)
    if s is None or s < tj:
        return False
    return _toward(toks, tj, s)


def _toward(toks: list[Token], start: int, at: int) -> bool:
    """Whether the phrase at ``at`` is governed by a direction word ("باتجاه إسرائيل"، "في اتجاه شمال إسرائيل"،
    "نحو"، "صوب") after ``start``, in the same clause: where fire was aimed, never who fired."""
    gap = toks[start:at]
    for t in gap:  # (loops, not any() over generators: a call per violent near phrase)
        if (t.text in CLAUSE_PUNCT and t.text not in NAME_QUOTES) or t.text in "،,":
            return False
    for t in gap[-TOWARD_REACH:]:  # noqa: SIM110
        if _hits(t, TOWARD_WORDS):
            return True
    return False


TORTURE_CODE = "1822"
DETENTION_PLACES = _norm_words("سجن سجون السجن السجون معتقل معتقلات المعتقل المعتقلات زنازين الزنازين احتجاز الاحتجاز")


def _jailer(toks: list[Token], rel: list[tuple[int, int, ActorMention]], tj: int, right: int) -> ActorMention | None:
    """The state a detention place after a torture trigger belongs to by its nationality adjective ("نتيجة
    التعذيب في السجون الإسرائيلية"، "تعذيب المعتقلين في سجن أمريكي"): the jailer, the perpetrator of torture in
    it. None without one in the clause."""
    for s, _e, a in sorted(rel, key=_START):
        if s < tj or s >= right or any(t.text in CLAUSE_PUNCT for t in toks[tj:s]):
            continue
        if a.head == "nisba" and a.ref.type == "state" and s > 0 and _hits(toks[s - 1], DETENTION_PLACES):
            return a
    return None


def _exposed_outcome(toks: list[Token], ti: int, tj: int, p: Pattern) -> bool:
    """Whether a passive form of exposure to an attack ("تعرض لقصف صاروخي"، "تعرضت لهجوم") is followed in its
    sentence by a result verb ("، أسفر عن سقوط خمسة قتلى"): the attack is reported by its outcome, whatever was
    hit (a place, "تعرض الإقليم الحدودي لقصف") and whoever did it."""
    if not ((p.voice == VOICE_PASSIVE and _hits(toks[ti], EXPOSED_VERBS)) or _exposed_at(toks, ti) is not None):
        return False  # (or the attack noun of a تعرض with words between: "تعرض الحي الشرقي لقصف صاروخي")
    for k in range(tj, min(len(toks), tj + OUTCOME_REACH)):
        if toks[k].text in OUTCOME_STOP:
            return False
        if _hits(toks[k], RESULT_VERBS):
            return True
    return False


# acts done to a person, whose verbal noun's genitive is always the victim ("اغتيال الوزير"، "اختطاف صحفي"،
# "إعدام أسرى"): abduction, assassination (attempt), sexual assault, torture, killing by hand
ACTS_ON_PERSONS = ("181", "185", "186", "1821", "1822", "1823")


SHELL_CODE = "194"
FEMININE_COUNTS = _norm_words("ثلاث أربع خمس ست سبع ثماني تسع عشر")  # "خمس قذائف": the count of a plural
FELL_VERBS = _norm_words("انفجرت انفجر سقطت سقط تساقطت انهالت")  # "وانفجرت خمس قذائف هاون في موقع ..."


def _shells_fell(toks: list[Token], ti: int, p: Pattern) -> bool:
    """Whether the shells or rockets named at ti (194) are the subject of a verb of falling or exploding before
    them, a count between at most ("وانفجرت خمس قذائف هاون قرب مقر رئيس الوزراء"، "سقطت ثلاثة صواريخ على ..."):
    artillery is always fired by somebody, so this reports a shelling with its gunners unnamed."""
    if not p.cameo.startswith(SHELL_CODE) or p.voice != VOICE_NOUN:
        return False
    for k in range(ti - 1, max(-1, ti - 3), -1):
        if _hits(toks[k], FELL_VERBS):
            return True
        if not (_count_word(toks[k]) or _hits(toks[k], FEMININE_COUNTS)):
            return False
    return False


# ------------------------------------------------------------------ per-sentence word classes
# The rules that scan a window of tokens around each reading (the year and period of its clause, the attack whose
# consequence it tells, a future or a threat before it) look the words of their classes up in an index made once
# per sentence: each token's classes as bits, and for a class the sorted positions of its tokens. A token's bits are
# computed once per word form (its text, its normalised form and its key, each cached on its own).
_W_SENT_MARK = 1 << 0  # text in YEAR_WINDOW_MARKS: the ends of the year window
_W_CLAUSE_COMMA = 1 << 1  # text in CLAUSE_PUNCT or a comma: the end of _background's period window
_W_STOP = 1 << 2  # text in SENTENCE_STOPS
_W_YEAR = 1 << 3  # a year 1900-2029 written in digits
_W_SINCE_RUN = 1 << 4  # SINCE, or a form in RUNNING_FRAMES
_W_LONG_PERIOD = 1 << 5  # LONG_PERIODS
_W_PERIOD_FRAME = 1 << 6  # PERIOD_FRAMES
_W_YEARS_PLURAL = 1 << 7  # YEARS_PLURAL
_W_RESULT_LINK = 1 << 8  # RESULT_LINKS: the form, the form without و/ف, or the key
_W_TOPIC_ATTACK = 1 << 9  # TOPIC_ATTACK_NOUNS
_W_SAID = 1 << 10  # a form in SAID_STOPS
_W_FUTURE_KEY = 1 << 11  # FUTURE_KEYS: the key or the form
_W_THREAT = 1 << 12  # THREAT_WORDS
_W_LIGHT = 1 << 13  # LIGHT_VERBS: the key, or the form past a two-letter prefix ("سي" + "عقد")
_W_PUNCT = 1 << 14  # text in CLAUSE_PUNCT
_W_RIGHT_PUNCT = 1 << 15  # text in CLAUSE_PUNCT but no quotation mark: the end of a clause window after a trigger
_W_MARKER = 1 << 16  # a form in CLAUSE_MARKERS
_W_RIGHT_MARKER = 1 << 17  # a form in CLAUSE_MARKERS but "كما", or in REPORT_MARKERS
_W_INTENT = 1 << 18  # a form in INTENT
_W_INTENT_NOUN = 1 << 19  # a form in INTENT_NOUNS, or one with و
_W_CONDEMNING = 1 << 20  # CONDEMNING
_W_HABITUAL = 1 << 21  # HABITUAL_ADVERBS
_W_RECALL = 1 << 22  # RECALLING or LINKED_NAMES
_W_CALLS = 1 << 23  # CALLS
_W_SOUNDS = 1 << 24  # SOUNDS
_W_SO_FAR_HEAD = 1 << 25  # SO_FAR_HEADS
_W_SO_FAR_NOW = 1 << 26  # SO_FAR_NOWS
_W_DISCUSS = 1 << 27  # DISCUSSING or TOPIC_HEADS
_W_REQUESTS = 1 << 28  # REQUESTS
_W_QUOTE_OPENER = 1 << 29  # text in QUOTE_OPENERS
_W_REPORT_DAY = 1 << 30  # REPORT_DAYS
_W_COORD_GOV = 1 << 31  # TEMPORAL_FRAMES, HYPOTHETICAL or CONDEMNING, or the form "قبيل" (see _coordinated_topic)
_W_COLON = 1 << 32  # the text ":"
_W_HYPOTHETICAL = 1 << 33  # HYPOTHETICAL
_W_RESPONSIBILITY = 1 << 34  # RESPONSIBILITY
_W_LIKE = 1 << 35  # LIKE
_W_TOPIC_GOVERNOR = 1 << 36  # TOPIC_GOVERNORS
_W_FUTURE_CUES = _W_STOP | _W_SAID | _W_FUTURE_KEY | _W_THREAT | _W_LIGHT  # what _future_context acts on
# (strings, not sets: the scans they replace tested ``text in "..."``)
YEAR_WINDOW_MARKS = ".؛:!؟«»\"“”"  # the year window does not cross a sentence mark or a quote
SENTENCE_STOPS = ".؛:!؟"
QUOTE_CHARS = "«»\"“”"  # quotation marks: they do not end the clause after a trigger
SAID_STOPS = frozenset(["قال", "قالت", "واضاف", "واضافت"])  # a future word before these is another clause's
# the word classes tested with _hits (the form, the key or the bare form), by bit
_HIT_CLASSES: tuple[tuple[int, frozenset[str]], ...] = (
    (_W_SINCE_RUN, SINCE), (_W_LONG_PERIOD, LONG_PERIODS), (_W_PERIOD_FRAME, PERIOD_FRAMES),
    (_W_YEARS_PLURAL, YEARS_PLURAL), (_W_TOPIC_ATTACK, TOPIC_ATTACK_NOUNS), (_W_THREAT, THREAT_WORDS),
    (_W_CONDEMNING, CONDEMNING), (_W_HABITUAL, HABITUAL_ADVERBS), (_W_RECALL, RECALLING | LINKED_NAMES),
    (_W_CALLS, CALLS), (_W_SOUNDS, SOUNDS), (_W_SO_FAR_HEAD, SO_FAR_HEADS), (_W_SO_FAR_NOW, SO_FAR_NOWS),
    (_W_DISCUSS, DISCUSSING | TOPIC_HEADS), (_W_REQUESTS, REQUESTS), (_W_REPORT_DAY, REPORT_DAYS),
    (_W_COORD_GOV, TEMPORAL_FRAMES | HYPOTHETICAL | CONDEMNING), (_W_HYPOTHETICAL, HYPOTHETICAL),
    (_W_RESPONSIBILITY, RESPONSIBILITY), (_W_LIKE, LIKE), (_W_TOPIC_GOVERNOR, TOPIC_GOVERNORS))


def _class_bits_of_words(classes: tuple[tuple[int, frozenset[str]], ...]) -> dict[str, int]:
    """Each word of the class sets -> the bits of the classes it is in (one dict read instead of a test per class)."""
    table: dict[str, int] = {}
    for bit, words in classes:
        for w in words:
            table[w] = table.get(w, 0) | bit
    return table


_HIT_CLASS_BITS = _class_bits_of_words(_HIT_CLASSES)
# the classes _norm_bits gives a normalised form by exact membership (besides _HIT_CLASSES)
_NORM_CLASS_BITS = _class_bits_of_words((
    (_W_SINCE_RUN, RUNNING_FRAMES), (_W_RESULT_LINK, RESULT_LINKS), (_W_SAID, SAID_STOPS),
    (_W_FUTURE_KEY, FUTURE_KEYS), (_W_MARKER, CLAUSE_MARKERS), (_W_RIGHT_MARKER, CLAUSE_MARKERS - {"كما"}),
    (_W_RIGHT_MARKER, REPORT_MARKERS), (_W_INTENT, INTENT), (_W_COORD_GOV, frozenset(["قبيل"])),
    (_W_INTENT_NOUN, INTENT_NOUNS)))
# the classes _key_bits gives a key by exact membership (besides _HIT_CLASSES)
_KEY_CLASS_BITS = _class_bits_of_words((
    (_W_RESULT_LINK, RESULT_LINKS), (_W_FUTURE_KEY, FUTURE_KEYS), (_W_LIGHT, LIGHT_VERBS)))
_CLASS_CACHE_MAX = 1 << 17  # word forms per cache before it is emptied (a bound for long-running processes)
_TEXT_BITS: dict[str, int] = {}
_TOKEN_BITS: dict[str, tuple[str, str, int]] = {}  # text -> (form, key, the token's classes)
_NORM_BITS: dict[str, int] = {}
_KEY_BITS: dict[str, int] = {}
_V = TypeVar("_V")


def _remember(table: dict[str, _V], key: str, value: _V) -> _V:
    """Store ``value`` under ``key`` in one of the word-class caches (emptied first when it holds
    :data:`_CLASS_CACHE_MAX` forms) and return it."""
    if len(table) >= _CLASS_CACHE_MAX:
        table.clear()
    table[key] = value
    return value


def _token_bits(t: Token) -> tuple[str, str, int]:
    """The classes of a token (see :func:`_word_index`), cached by its text with the form and key it had."""
    tb = _TEXT_BITS.get(t.text)
    nb = _NORM_BITS.get(t.norm)
    kb = _KEY_BITS.get(t.key)
    e = (t.norm, t.key, (_text_bits(t.text) if tb is None else tb) | (_norm_bits(t.norm) if nb is None else nb)
         | (_key_bits(t.key) if kb is None else kb))
    return _remember(_TOKEN_BITS, t.text, e)


def _text_bits(text: str) -> int:
    """The classes a token's text puts it in (punctuation, a year), cached per text."""
    # (the punctuation classes read from a table of every text in one: see _punct_bits)
    bits = _TEXT_CLASS_BITS.get(text, 0)
    if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") and int(text) < 2030:
        bits |= _W_YEAR
    return _remember(_TEXT_BITS, text, bits)


def _punct_bits(text: str) -> int:
    """The punctuation classes of a token's text (the string classes are tested as substrings, as ``in`` does)."""
    bits = 0
    if text in YEAR_WINDOW_MARKS:
        bits |= _W_SENT_MARK
    if text in CLAUSE_PUNCT or text in "،,":
        bits |= _W_CLAUSE_COMMA
    if text in SENTENCE_STOPS:
        bits |= _W_STOP
    if text in QUOTE_OPENERS:
        bits |= _W_QUOTE_OPENER
    if text == ":":
        bits |= _W_COLON
    if text in CLAUSE_PUNCT:
        bits |= _W_PUNCT
        if text not in QUOTE_CHARS:
            bits |= _W_RIGHT_PUNCT
    return bits


def _substrings(s: str) -> set[str]:
    """Every substring of ``s``, the empty one included (what ``x in s`` is true of)."""
    return {s[i:j] for i in range(len(s) + 1) for j in range(i, len(s) + 1)}


# text -> its punctuation classes (_punct_bits), for every text in one of them: all other texts are in none
_TEXT_CLASS_BITS = {text: b for text in (_substrings(YEAR_WINDOW_MARKS) | _substrings("،,") | _substrings(SENTENCE_STOPS)
                                         | CLAUSE_PUNCT | QUOTE_OPENERS | {":"}) if (b := _punct_bits(text))}


def _norm_bits(norm: str) -> int:
    """The classes a token's normalised form (or its bare form, see :func:`_hits`) puts it in, cached per form."""
    bare = _bare_form(norm)
    hit_bits = _HIT_CLASS_BITS
    bits = hit_bits.get(norm, 0) | _NORM_CLASS_BITS.get(norm, 0)
    if bare is not None:
        bits |= hit_bits.get(bare, 0)
    if norm.lstrip("وف") in RESULT_LINKS:
        bits |= _W_RESULT_LINK
    if norm[2:] in LIGHT_VERBS:
        bits |= _W_LIGHT
    if norm.lstrip("و") in INTENT_NOUNS:
        bits |= _W_INTENT_NOUN
    return _remember(_NORM_BITS, norm, bits)


def _key_bits(key: str) -> int:
    """The classes a token's key puts it in, cached per key."""
    bits = _HIT_CLASS_BITS.get(key, 0) | _KEY_CLASS_BITS.get(key, 0)
    return _remember(_KEY_BITS, key, bits)


@dataclass(slots=True)
class _WordIndex:
    """The word classes of one sentence's tokens (see :func:`_word_index`)."""

    toks: list[Token]  # (held: the index is found again by the identity of this list)
    bits: list[int]  # each token's classes
    classed: list[int]  # the positions of the tokens in any class (most tokens are in none)
    positions: dict[int, list[int]]  # a class (bit) -> the sorted positions of its tokens (filled on first use)
    present: int  # the classes of all the tokens together (most classes asked about are in no token of a sentence)

    def at(self, bit: int) -> list[int]:
        """The sorted positions of the tokens in any of the classes of ``bit`` (not to be changed: shared)."""
        if not self.present & bit:
            return _NO_POSITIONS  # (half of the questions: no list to make and keep)
        got = self.positions.get(bit)
        if got is None:
            got = self.positions[bit] = _positions_in(self.classed, self.bits, bit)
        return got

    def last_before(self, bit: int, at: int) -> int:
        """The position of the last token before ``at`` in any of the classes of ``bit``, or -1."""
        if not self.present & bit:
            return -1
        got = self.positions.get(bit)
        if got is None:
            got = self.at(bit)
        i = bisect_left(got, at)
        return got[i - 1] if i else -1


def _positions_in(classed: list[int], bits: list[int], bit: int) -> list[int]:
    """The positions in ``classed`` whose token is in any of the classes of ``bit`` (see _WordIndex.at).

    (A function of its own, not a comprehension inside ``at``: the variables a comprehension reads are cells,
    made and freed on every call of the function that holds them, even when it returns before it; ``at`` is
    called ~170 times per article and mostly answers from its dict.)"""
    return [k for k in classed if bits[k] & bit]


_NEW_INDEX = _WordIndex.__new__
_NO_POSITIONS: list[int] = []  # what _WordIndex.at answers for a class no token of the sentence is in (never changed)
# the index of the sentence last asked about (the readings of a sentence are coded one after another)
_LAST_INDEX: list[_WordIndex] = []


def _word_index(toks: list[Token]) -> _WordIndex:
    """The word classes of ``toks`` (a sentence's tokens), made once for consecutive calls on the same list."""
    if _LAST_INDEX:
        idx = _LAST_INDEX[0]
        if idx.toks is toks and len(idx.bits) == len(toks):
            return idx
    # (one lookup by the raw text: the tokenizer analyses a text once, so its form and key are the same strings
    # each time; a token whose form or key differs, or a new text, is looked up by its three strings. The loop is
    # written for the instruction count, ~344 tokens per article: a list of zeros in which only the ~22% of tokens
    # in a class are set, rather than an append per token; a counter rather than enumerate's tuples. A dict
    # subscript in a try block instead of dict.get saved ~100 instructions per token more once every text had been
    # seen, but a new text then raises KeyError, ~1,700 instructions: +0.1 M per article with the words of 30
    # articles seen, ~59 new texts per article)
    get_bits = _TOKEN_BITS.get
    bits = [0] * len(toks)
    classed: list[int] = []
    present = 0
    k = -1
    for t in toks:
        k += 1
        e = get_bits(t.text)
        if e is None or e[0] != t.norm or e[1] != t.key:
            e = _token_bits(t)
        if e[2]:
            b = bits[k] = e[2]
            classed.append(k)
            present |= b
    # (_WordIndex.__new__ and its slots set here, as _WordIndex(toks, bits, classed, {}, present) would)
    idx = _NEW_INDEX(_WordIndex)
    idx.toks = toks
    idx.bits = bits
    idx.classed = classed
    idx.positions = {}
    idx.present = present
    if _LAST_INDEX:
        _LAST_INDEX[0] = idx
    else:
        _LAST_INDEX.append(idx)
    return idx
