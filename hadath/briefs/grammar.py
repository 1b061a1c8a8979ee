"""Small English and Arabic grammar helpers for the event summaries.

English: verb inflection (past, past participle, -ing, 3rd person), articles for proper names, clean
noun phrases from the agent glosses of ``agents.tsv`` ("official(s) (Iraq)" → "Iraqi officials"),
number agreement. Arabic: the gender and number of an actor's Arabic name (for verb agreement and
attached pronouns) and proclitic joining (ل + الجيش → للجيش). Heuristic by design: no models, no
translation, only the fields the coder already produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# ---------------------------------------------------------------------------------------------- English

IRREGULAR: dict[str, tuple[str, str]] = {  # base -> (past, past participle)
    "be": ("was", "been"), "begin": ("began", "begun"), "bring": ("brought", "brought"),
    "build": ("built", "built"), "buy": ("bought", "bought"), "catch": ("caught", "caught"),
    "come": ("came", "come"), "cut": ("cut", "cut"), "do": ("did", "done"), "drive": ("drove", "driven"),
    "fight": ("fought", "fought"), "find": ("found", "found"), "flee": ("fled", "fled"),
    "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"), "give": ("gave", "given"),
    "go": ("went", "gone"), "have": ("had", "had"), "hit": ("hit", "hit"), "hold": ("held", "held"),
    "keep": ("kept", "kept"), "lead": ("led", "led"), "leave": ("left", "left"), "let": ("let", "let"),
    "lose": ("lost", "lost"), "make": ("made", "made"), "meet": ("met", "met"), "put": ("put", "put"),
    "run": ("ran", "run"), "say": ("said", "said"), "seek": ("sought", "sought"), "sell": ("sold", "sold"),
    "send": ("sent", "sent"), "set": ("set", "set"), "shoot": ("shot", "shot"), "shut": ("shut", "shut"),
    "speak": ("spoke", "spoken"), "spend": ("spent", "spent"), "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"), "take": ("took", "taken"), "teach": ("taught", "taught"),
    "tell": ("told", "told"), "think": ("thought", "thought"), "throw": ("threw", "thrown"),
    "undertake": ("undertook", "undertaken"), "win": ("won", "won"), "withdraw": ("withdrew", "withdrawn"),
    "overthrow": ("overthrew", "overthrown"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "lay": ("laid", "laid"), "pay": ("paid", "paid"), "show": ("showed", "shown"),
}
DOUBLE_FINAL = frozenset(
    ["ban", "bar", "plan", "stop", "drop", "ship", "grip", "rob", "shop", "hit", "cut", "shut", "set", "put", "let", "run", "begin", "expel", "compel", "control", "patrol", "submit", "commit", "admit", "occur", "refer", "rebel"]
)


def past(verb: str) -> str:
    """Simple past of an English verb ("meet" → "met", "visit" → "visited")."""
    if verb in IRREGULAR:
        return IRREGULAR[verb][0]
    if verb in DOUBLE_FINAL:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def past_participle(verb: str) -> str:
    """Past participle ("strike" → "struck", "take" → "taken")."""
    if verb in IRREGULAR:
        return IRREGULAR[verb][1]
    return past(verb)


def gerund(verb: str) -> str:
    """-ing form ("meet" → "meeting", "make" → "making", "ban" → "banning")."""
    if verb == "be":
        return "being"
    if verb in DOUBLE_FINAL:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    return verb + "ing"


def inflect_vp(vp: str, form: str) -> str:
    """Inflect the first word (the verb) of a base-form verb phrase: ``past``, ``pp``, ``ing`` or ``base``.

    An adverb before the verb ("sexually assault", "violently repress") is skipped.
    """
    words = vp.split(" ")
    i = 1 if len(words) > 1 and words[0].endswith("ly") and words[0] not in ("rally", "apply") else 0
    fn = {"past": past, "pp": past_participle, "ing": gerund}.get(form)
    if fn is not None:
        words[i] = fn(words[i])
    return " ".join(words)


IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children",
                     "serviceman": "servicemen", "gunman": "gunmen", "chief": "chiefs", "staff": "staff",
                     "police": "police", "family": "families", "militia": "militias", "authority": "authorities",
                     "embassy": "embassies", "agency": "agencies", "party": "parties", "body": "bodies",
                     "secretary": "secretaries", "attorney": "attorneys", "navy": "navies", "army": "armies",
                     "judiciary": "judiciary", "presidency": "presidency", "court": "courts"}
NOT_PLURAL = frozenset(
    ["news", "affairs", "congress", "press", "hamas", "isis", "police?", "bus", "gas", "lens", "series", "species", "analysis", "crisis", "basis", "emirates?", "netherlands?", "philippines?", "united", "nations"]
)
PLURAL_WORDS = frozenset(
    ["police", "people", "forces", "authorities", "houthis", "taliban", "civilians", "residents", "citizens", "protesters", "activists", "rebels", "militants", "gunmen", "fighters", "troops", "soldiers", "servicemen", "women", "men", "children", "crowds", "separatists", "insurgents", "putschists", "revolutionaries", "factions", "mercenaries", "extremists", "jihadists", "terrorists", "reservists", "conscripts", "cadets", "cadres", "members", "legislators", "delegates"]
)


@lru_cache(maxsize=8192)
def pluralize(noun_phrase: str) -> str:
    """Plural of an English noun phrase: its head noun (before ' of ', ' in ', ',', ' and ') gets the plural."""
    m = re.search(r"\s(of|in|for|to|and)\s|,", noun_phrase)
    head_part = noun_phrase[: m.start()] if m else noun_phrase
    rest = noun_phrase[m.start():] if m else ""
    words = head_part.split(" ")
    w = words[-1]
    low = w.lower()
    if low in IRREGULAR_PLURALS:
        p = IRREGULAR_PLURALS[low]
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        p = w if low in PLURAL_WORDS or low.endswith("s") and _looks_plural(low) else w + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = w[:-1] + "ies"
    else:
        p = w + "s"
    words[-1] = p
    return " ".join(words) + rest


def _looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in NOT_PLURAL


@lru_cache(maxsize=8192)
def is_plural_np(noun_phrase: str) -> bool:
    """Whether an English noun phrase is plural (head noun, or a coordination with 'and')."""
    np = re.sub(r"\([^)]*\)", "", noun_phrase).strip()
    if re.search(r"\band\b", np) and not re.search(r"\b(of|for)\b.*\band\b", np):
        return True
    m = re.search(r"\s(of|in|for|to)\s|,", np)
    head = (np[: m.start()] if m else np).split(" ")[-1].lower().strip(".")
    if head in PLURAL_WORDS:
        return True
    if head in IRREGULAR_PLURALS.values() and head not in IRREGULAR_PLURALS:
        return True
    return _looks_plural(head)


THE_WORDS = frozenset(
    ["ministry", "force", "forces", "army", "council", "guard", "bank", "authority", "agency", "front", "movement", "party", "organisation", "organization", "league", "union", "nations", "brotherhood", "committee", "court", "cabinet", "state", "coalition", "commission", "assembly", "parliament", "office", "corps", "crescent", "cross", "brigades", "government", "administration", "kingdom", "republic", "federation", "alliance", "emirates", "states", "islands", "netherlands", "philippines", "strip", "bank", "gulf", "sea", "ocean", "strait", "river", "canal", "desert", "peninsula", "houthis", "taliban", "kremlin", "pentagon", "vatican", "palace", "house", "presidency", "directorate", "service", "services", "police", "navy", "mission", "secretariat", "senate", "congress", "knesset", "duma", "zone", "bahamas", "maldives", "comoros", "gambia", "sahara", "region", "valley", "mountains", "hills", "heights", "middle", "province", "corporation", "company", "institute", "university", "agency"]
)
NO_THE_START = ("al-", "al ", "el-", "the ", "ad-", "ash-", "an-", "as-", "ar-", "az-", "at-")


@lru_cache(maxsize=8192)
def needs_the(name: str) -> bool:
    """Whether a proper name takes "the" in running English text ("the United States", "the Taliban")."""
    low = name.lower().strip()
    if not low or low.startswith(NO_THE_START) or "'s " in low:
        return False
    words = re.findall(r"[a-z]+", low)
    return any(w in THE_WORDS for w in words)


def with_the(name: str) -> str:
    """``name`` with "the" when it needs one."""
    return f"the {name}" if needs_the(name) else name


def indefinite(np: str) -> str:
    """"a"/"an" + a singular noun phrase."""
    first = np.split(" ")[0].lower()
    an = first[:1] in "aeio" or (first[:1] == "u" and not first.startswith(("uni", "use", "usu"))) or first in (
        "hour", "honest", "heir")
    return ("an " if an else "a ") + np


def capitalize_first(s: str) -> str:
    """Upper-case the first letter of a sentence, leaving the rest."""
    if s[:1].isalpha():  # (most sentences: no loop)
        return s[0].upper() + s[1:]
    for i, ch in enumerate(s):
        if ch.isalpha():
            return s[:i] + ch.upper() + s[i + 1:]
    return s


DEMONYMS = {
    "AFG": "Afghan", "ARE": "Emirati", "ARM": "Armenian", "AZE": "Azerbaijani", "BHR": "Bahraini",
    "BEL": "Belgian", "BGD": "Bangladeshi", "BRA": "Brazilian", "CAN": "Canadian", "CHE": "Swiss",
    "CHN": "Chinese", "DEU": "German", "DJI": "Djiboutian", "DZA": "Algerian", "EGY": "Egyptian",
    "ERI": "Eritrean", "ESP": "Spanish", "ETH": "Ethiopian", "FRA": "French", "GBR": "British",
    "GRC": "Greek", "IND": "Indian", "IRN": "Iranian", "IRQ": "Iraqi", "ISR": "Israeli", "ITA": "Italian",
    "JOR": "Jordanian", "JPN": "Japanese", "KEN": "Kenyan", "KWT": "Kuwaiti", "LBN": "Lebanese",
    "LBY": "Libyan", "MAR": "Moroccan", "MLI": "Malian", "MRT": "Mauritanian", "NER": "Nigerien",
    "NGA": "Nigerian", "NLD": "Dutch", "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani",
    "POL": "Polish", "PSE": "Palestinian", "QAT": "Qatari", "RUS": "Russian", "SAU": "Saudi",
    "SDN": "Sudanese", "SOM": "Somali", "SSD": "South Sudanese", "SWE": "Swedish", "SYR": "Syrian",
    "TCD": "Chadian", "TUN": "Tunisian", "TUR": "Turkish", "UKR": "Ukrainian", "USA": "US",
    "YEM": "Yemeni", "CYP": "Cypriot", "GEO": "Georgian", "KAZ": "Kazakh", "IDN": "Indonesian",
    "MYS": "Malaysian", "AUS": "Australian", "AUT": "Austrian", "DNK": "Danish", "FIN": "Finnish",
    "HUN": "Hungarian", "IRL": "Irish", "KOR": "South Korean", "PRK": "North Korean", "PRT": "Portuguese",
    "ROU": "Romanian", "SRB": "Serbian", "UZB": "Uzbek", "VEN": "Venezuelan", "ZAF": "South African",
    "CMR": "Cameroonian", "UGA": "Ugandan", "TZA": "Tanzanian", "SEN": "Senegalese", "MEX": "Mexican",
    "ARG": "Argentine", "CUB": "Cuban", "BLR": "Belarusian", "TKM": "Turkmen", "TJK": "Tajik",
    "AZE_": "Azerbaijani",
}

_ALT_ADJ = re.compile(r"(al|ial|ian|ic|ary|ive|ign|ish|ese|ior|ern|ing|ed|ary)$")
_ALT_WORDS = frozenset(["security", "police", "military", "government", "state", "foreign", "interim", "deputy", "chief", "local", "republican", "presidential", "ruling", "criminal"])


@lru_cache(maxsize=8192)
def clean_gloss(gloss: str) -> str:
    """A readable noun phrase from an agent gloss: notes in parentheses dropped, first alternative kept.

    "security / police checkpoint" → "security checkpoint"; "warship(s) / naval vessels" → "warship(s)";
    "deputy / assistant minister, undersecretary" → "deputy minister".
    """
    g = re.sub(r"\((?!s\))[^()]*\)", "", gloss)  # parenthetical notes, keeping the plural marker "(s)"
    g = re.sub(r"\s+", " ", g).strip()
    alts = [a.strip() for a in g.split(" / ") if a.strip()]
    if not alts:
        return gloss.strip()
    first = alts[0]
    if (len(alts) > 1 and " " not in first and " " in alts[-1]
            and (first.lower() in _ALT_WORDS or _ALT_ADJ.search(first.lower()))):
        first = first + " " + alts[-1].split(" ", 1)[1]
    first = first.split(",")[0].strip()
    return first


@dataclass(frozen=True, slots=True)
class EnglishNP:
    """An English noun phrase for an actor, with what agreement needs."""

    text: str
    plural: bool = False
    pronoun: str = "it"  # it | he | she | they

    @property
    def be(self) -> str:
        """was/were."""
        return "were" if self.plural else "was"

    @property
    def possessive(self) -> str:
        """its/his/her/their."""
        return {"it": "its", "he": "his", "she": "her", "they": "their"}[self.pronoun]


@lru_cache(maxsize=8192)
def agent_np(gloss: str, country_name: str | None, iso3: str | None, plural: bool | None, definite: bool) -> EnglishNP:
    """An English noun phrase for a generic agent.

    ``gloss`` is the agent's English gloss (country suffix removed), ``plural`` the number read from the
    Arabic surface (None when unknown), ``definite`` whether the Arabic phrase is definite.
    """
    g = clean_gloss(gloss)
    explicit_the = g.lower().startswith("the ")
    if explicit_the:
        definite, g = True, g[4:]
    countable_marker = "(s)" in g
    if plural is None:
        plural = is_plural_np(g.replace("(s)", ""))
    if countable_marker:
        g = re.sub(r"(\w+)\(s\)", lambda m: pluralize(m.group(1)) if plural else m.group(1), g)
    elif plural and not is_plural_np(g):
        g = pluralize(g)
    elif not plural and is_plural_np(g):
        plural = True  # the gloss is a plural noun ("civilians", "armed forces"): keep it plural
    dem = DEMONYMS.get(iso3 or "")
    if dem:
        core = f"{dem} {g}"
    elif country_name:
        core = f"{g} of {with_the(country_name)}" if not plural else f"{g} from {with_the(country_name)}"
    else:
        core = g
    if plural and not explicit_the:
        text = core
    elif definite or dem or country_name:
        text = "the " + core
    else:
        text = indefinite(core)
    return EnglishNP(text, plural, "they" if plural else "it")


# ----------------------------------------------------------------------------------------------- Arabic

MASC_NAMES_IN_TA = frozenset(
    ["حمزة", "أسامة", "اسامة", "طلحة", "عبيدة", "معاوية", "قتيبة", "عكرمة", "عروة", "ضمرة", "جبلة", "حذيفة", "عطية", "خليفة", "قدامة", "سلامة", "مسلمة", "رفاعة", "ثعلبة", "عبادة", "زائدة"]
)
FEMALE_NAMES = frozenset(
    ["مريم", "زينب", "هند", "سعاد", "نوال", "أمل", "امل", "هيفاء", "سناء", "رشا", "ريم", "دينا", "منى", "ليلى", "سلمى", "نجلاء", "كوثر", "نور", "هدى", "رغد", "ميركل", "ماي", "تيريزا", "هيلاري", "كامالا", "نانسي", "أنغيلا", "انغيلا", "أورسولا", "اورسولا", "كاثرين", "كاترين", "جورجيا", "ميلوني"]
)
MASC_STATES = frozenset(["IRQ", "LBN", "JOR", "SDN", "YEM", "MAR", "BHR", "SOM", "SSD"])
MASC_HEADS = frozenset(
    ["الكرملين", "البيت", "البنتاغون", "البنتاجون", "الكونغرس", "الكونجرس", "الإليزيه", "الاليزيه", "الكنيست", "قصر", "مقر", "الفاتيكان", "العراق", "لبنان", "الأردن", "الاردن", "السودان", "اليمن", "المغرب", "البحرين", "الصومال"]
)
FEM_BROKEN_PLURALS = frozenset(
    ["صحف", "الصحف", "وسائل", "قوات", "الأمم", "الامم", "الولايات", "الدول", "دول", "جماعات", "فصائل", "ميليشيات", "مليشيات", "كتائب", "سلطات", "السلطات", "طائرات", "مقاتلات", "عناصر", "بوارج", "سفن", "مدرعات", "دبابات", "وحدات", "أجهزة", "اجهزة"]
)
HUMAN_BROKEN_PLURALS = frozenset(
    ["جنود", "ضباط", "وزراء", "نواب", "قادة", "زعماء", "سكان", "أطفال", "اطفال", "رجال", "أفراد", "افراد", "أسرى", "اسرى", "أشخاص", "اشخاص", "شبان", "طلاب", "عمال", "مسلحين", "مسلحون", "متظاهرين", "متظاهرون", "محتجين", "محتجون", "أجانب", "اجانب", "ركاب", "سفراء", "دبلوماسيين", "مواطنين", "مواطنون", "نشطاء", "ناشطين", "ناشطون", "شهود", "مقاتلين", "مقاتلون", "متشددين", "متشددون", "متشددي", "مسلحي", "مقاتلي", "مسؤولين", "مسؤولون", "مسؤولو", "مسئولين", "أعضاء", "اعضاء", "علماء", "مدنيين", "مدنيون", "عسكريين", "عسكريون", "إرهابيين", "ارهابيين", "انتحاريين", "ضحايا", "قتلى", "جرحى", "مصابين", "معتقلين", "معتقلون", "لاجئين", "لاجئون", "مهاجرين", "نازحين", "نازحون", "حوثيين", "الحوثيون", "الحوثيين", "صحفيين", "صحفيون", "شرطيين", "محامين", "قضاة", "خبراء", "مستشارين"]
)
SINGULAR_IN_N = frozenset(["فلسطين", "الصين", "اليمين", "البحرين", "حسين", "ياسين", "أمين", "امين", "دين", "لبنان", "سودان", "عثمان", "رمضان", "سلطان", "إيران", "ايران", "عمان", "اليابان", "البرلمان", "الديوان", "الطيران"])


# the Arabic diacritics (U+064B-U+0652) and the tatweel (U+0640), as a str.translate table that deletes them: one C
# call, cheaper than a regex substitution (strip_ar runs ~4 times per event)
_AR_DIACRITICS_DEL = dict.fromkeys([*range(0x064B, 0x0653), 0x0640])


def strip_ar(s: str) -> str:
    """Drop Arabic diacritics and tatweel."""
    return s.translate(_AR_DIACRITICS_DEL)


@lru_cache(maxsize=8192)
def _bare(word: str) -> str:
    w = strip_ar(word)
    for p in ("وال", "فال", "بال", "كال", "لل"):
        if w.startswith(p) and len(w) > len(p) + 2:
            return "ال" + w[len(p):] if p != "لل" else "ال" + w[2:]
    return w


def _unprefixed(word: str) -> str:
    w = _bare(word)
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


@dataclass(frozen=True, slots=True)
class ArabicNP:
    """An Arabic noun phrase for an actor, with its gender and number."""

    text: str
    feminine: bool = False
    plural: bool = False  # a human plural (verb after it is plural; attached pronoun هم)

    @property
    def suffix(self) -> str:
        """The attached pronoun (ه، ها، هم)."""
        return "هم" if self.plural and not self.feminine else "ها" if self.feminine else "ه"

    def verb(self, masc: str, fem: str, plural: str | None = None) -> str:
        """The verb form agreeing with this actor (``plural`` for a verb after a human plural subject)."""
        if plural is not None and self.plural and not self.feminine:
            return plural
        return fem if self.feminine else masc


@lru_cache(maxsize=8192)
def clean_ar_surface(surface: str) -> str:
    """An Arabic actor phrase cut at punctuation/quotes, with a leading ل/ب/و on an article word undone."""
    s = re.split(r"[،,؛;:\"“”«»()\[\]]", surface.replace("\xa0", " "))[0].strip() or surface.strip()
    words = s.split()
    if words:
        w = strip_ar(words[0])
        if w[:3] in ("وال", "فال", "بال", "كال") or w.startswith("لل"):
            words[0] = _bare(words[0])
        elif w[:1] in "لبو" and len(w) >= 6 and (w[1:] in HUMAN_BROKEN_PLURALS or w[1:] in FEM_BROKEN_PLURALS
                                                   or w.endswith(("ات", "ون", "يين"))):
            words[0] = w[1:]
    return " ".join(words)


def with_case(np: ArabicNP, nominative: bool) -> ArabicNP:
    """A sound masculine plural head in the case of its position: subject ون/و, object or after a
    preposition ين/ي (الانتحاريين → الانتحاريون as a subject)."""
    if not np.plural or np.feminine or not np.text:  # most phrases: no lookup in the cache (its key hashes
        return np                                     # the dataclass through a Python-level __hash__)
    return _with_case(np, nominative)


@lru_cache(maxsize=8192)
def _with_case(np: ArabicNP, nominative: bool) -> ArabicNP:
    """:func:`with_case` of a masculine plural phrase (memoised)."""
    words = np.text.split()
    w = words[0]
    if nominative:
        if w.endswith("ين") and not w.endswith("يين") and len(_unprefixed(w)) >= 5 and w[-3] not in "ا" or w.endswith("يين"):
            w = w[:-2] + "ون"
        elif len(words) > 1 and w.endswith("ي") and _unprefixed(w + "ن") in HUMAN_BROKEN_PLURALS:
            w = w[:-1] + "و"
    else:
        if w.endswith("ون") and len(_unprefixed(w)) >= 5:
            w = w[:-2] + "ين"
        elif len(words) > 1 and w.endswith("و") and _unprefixed(w[:-1] + "ين") in HUMAN_BROKEN_PLURALS:
            w = w[:-1] + "ي"
    return ArabicNP(" ".join([w, *words[1:]]), np.feminine, np.plural)


@lru_cache(maxsize=8192)
def arabic_plural(word: str) -> bool:
    """Whether an Arabic head word is a plural (sound plural endings, known broken plurals)."""
    w = _bare(word)
    u = _unprefixed(word)
    if w in HUMAN_BROKEN_PLURALS or u in HUMAN_BROKEN_PLURALS or w in FEM_BROKEN_PLURALS or u in FEM_BROKEN_PLURALS:
        return True
    if w in SINGULAR_IN_N or u in SINGULAR_IN_N:
        return False
    if len(u) >= 5 and (u.endswith("ون") or u.endswith("يين") or u.endswith("ين") and u[-3] in "يتر"):
        return True
    return len(u) >= 5 and u.endswith("ات")


@lru_cache(maxsize=8192)
def arabic_np(name: str, actor_type: str | None, country: str | None) -> ArabicNP:
    """Gender and number of an actor's Arabic name, for agreement.

    Persons: feminine for female given names and a first word in ة (not a male name like حمزة).
    States: feminine except the masculine country names (العراق، لبنان، الأردن، السودان، اليمن، المغرب …)
    and masculine metonyms (الكرملين، البيت الأبيض). Others: by the head noun — ة or a non-human plural
    (قوات، الأمم) is feminine; a human plural (جنود، الحوثيون) is a masculine plural.
    """
    text = clean_ar_surface(name) if actor_type not in ("person",) else strip_ar(name).strip()
    words = text.split()
    head = words[0] if words else ""
    hb = _bare(head)
    hu = _unprefixed(head)
    if actor_type == "person":
        fem = (hb in FEMALE_NAMES) or (hb.endswith("ة") and hb not in MASC_NAMES_IN_TA)
        return ArabicNP(text, fem, False)
    if actor_type == "state":
        if hb in MASC_HEADS or hu in MASC_HEADS or (country in MASC_STATES and len(words) == 1
                                                    and not hb.endswith("ة")):
            return ArabicNP(text, False, False)
        return ArabicNP(text, True, False)
    if hb in FEM_BROKEN_PLURALS or hu in FEM_BROKEN_PLURALS:
        return ArabicNP(text, True, False)
    if hb in HUMAN_BROKEN_PLURALS or hu in HUMAN_BROKEN_PLURALS:
        return ArabicNP(text, False, True)
    if hb.endswith(("ة", "تان", "تين")) or hb.endswith("ات") and len(hu) >= 5:
        return ArabicNP(text, True, False)
    if arabic_plural(head):
        return ArabicNP(text, False, True)
    return ArabicNP(text, False, False)


_CLITIC = re.compile(r"(?<![\w\u0600-\u06FF])([لبك])\+\s*(\S+)")


def join_clitics(s: str) -> str:
    """Attach the proclitics written ``ل+`` / ``ب+`` in templates: ل + الجيش → للجيش, ب + روسيا → بروسيا."""

    if "+" not in s:  # nothing to join (most sentences): skip the regex scan
        return s
    return _CLITIC.sub(_join_clitic, s)


def _join_clitic(m: re.Match[str]) -> str:
    clitic, word = m.group(1), m.group(2)
    if clitic == "ل" and word.startswith("ال"):
        return "لل" + word[2:]
    return clitic + word
