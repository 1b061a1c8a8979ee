"""Tokenisation with clitic segmentation, offsets into the original text, dictionary keys."""

from __future__ import annotations

import pickle
import re

import pytest

from hadath.text.normalize import norm_word
from hadath.text.tokens import Segmenter, key_of, strip_article, tokenize

# a small lexicon of stem keys, as the KB builds them (normalised, article removed)
LEX = Segmenter(
    ["بوتين", "وزير", "لبنان", "طبرق", "رييس", "حكومه", "جيش", "بلاد", "قاده", "عاصمه", "مدينه", "رياض", "قاهره",
     "موسكو", "سوريا", "ليبيا", "فرنسا", "بغداد", "وفد", "امن", "مجلس", "شعب", "اتفاق", "سفير", "مره", "مر", "لقاء",
     "وزاره", "خارجيه", "قوات", "حلب", "كتاب", "مصر", "اعلن", "يلتقي", "يبحث", "تلتقي", "نلتقي", "التقي", "مصطف",
     "قناه", "قن", "طبيب", "وطن", "ولايات", "فلسطين", "بيروت", "لجنه", "دعم", "رد", "حرب", "ملك"]
)


INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


class _Start:
    end = 0


class _End:
    def __init__(self, n: int) -> None:
        self.start = n


def seg(word: str, segmenter: Segmenter = LEX) -> tuple[str, str, str]:
    t = tokenize(word, segmenter)
    assert len(t) == 1, t
    return t[0].prefix, t[0].key, t[0].suffix


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # single proclitics
        ("وبوتين", ("و", "بوتين", "")),
        ("فالجيش", ("فال", "جيش", "")),
        ("بطبرق", ("ب", "طبرق", "")),
        ("لبغداد", ("ل", "بغداد", "")),
        ("كوزير", ("ك", "وزير", "")),
        ("سيلتقي", ("س", "يلتقي", "")),
        ("وسيبحث", ("وس", "يبحث", "")),
        ("فستلتقي", ("فس", "تلتقي", "")),
        ("ولبنان", ("و", "لبنان", "")),
        ("فسوريا", ("ف", "سوريا", "")),
        ("بموسكو", ("ب", "موسكو", "")),
        ("وبحلب", ("وب", "حلب", "")),
        ("ولفرنسا", ("ول", "فرنسا", "")),
        ("فبمصر", ("فب", "مصر", "")),
        # the article and its combinations
        ("الرئيس", ("ال", "رييس", "")),
        ("للرئيس", ("لل", "رييس", "")),
        ("والحكومة", ("وال", "حكومه", "")),
        ("بالعاصمة", ("بال", "عاصمه", "")),
        ("فالحكومة", ("فال", "حكومه", "")),
        ("كالعاصمة", ("كال", "عاصمه", "")),
        ("وللجيش", ("ولل", "جيش", "")),
        ("فللشعب", ("فلل", "شعب", "")),
        ("والرياض", ("وال", "رياض", "")),
        ("بالقاهرة", ("بال", "قاهره", "")),
        ("وبالمدينة", ("وبال", "مدينه", "")),
        ("للجنة", ("ل", "لجنه", "")),  # ل + اللجنة: the stem keeps its own lam
        # enclitic pronouns
        ("حكومته", ("", "حكومه", "ه")),
        ("حكومتها", ("", "حكومه", "ها")),
        ("قادتهم", ("", "قاده", "هم")),
        ("وفدهما", ("", "وفد", "هما")),
        ("قواتهن", ("", "قوات", "هن")),
        ("بلادك", ("", "بلاد", "ك")),
        ("بلادكم", ("", "بلاد", "كم")),
        ("بلادنا", ("", "بلاد", "نا")),
        ("كتابي", ("", "كتاب", "ي")),
        ("وبلادنا", ("و", "بلاد", "نا")),
        ("لحكومته", ("ل", "حكومه", "ه")),
        ("ووزيرها", ("و", "وزير", "ها")),
        ("وسفيرهم", ("و", "سفير", "هم")),
        ("وطنه", ("", "وطن", "ه")),
        # the ambiguity that matters: a known whole word keeps its first letter
        ("بوتين", ("", "بوتين", "")),
        ("وزير", ("", "وزير", "")),
        ("لبنان", ("", "لبنان", "")),
        ("ليبيا", ("", "ليبيا", "")),
        ("فرنسا", ("", "فرنسا", "")),
        ("كتاب", ("", "كتاب", "")),
        ("بيروت", ("", "بيروت", "")),
        ("ولايات", ("", "ولايات", "")),
        ("فلسطين", ("", "فلسطين", "")),
        ("وطن", ("", "وطن", "")),
        ("ملك", ("", "ملك", "")),
        # a final ة or ى is part of the stem, never a pronoun (مرة is not مر+ه)
        ("وللمرة", ("ولل", "مره", "")),
        ("المرة", ("ال", "مره", "")),
        ("قناة", ("", "قناه", "")),
        ("مصطفى", ("", "مصطفي", "")),
        # unknown words lose only an article-bearing prefix
        ("البرلمان", ("ال", "برلمان", "")),
        ("والمعارضة", ("وال", "معارضه", "")),
        ("وصل", ("", "وصل", "")),
        ("بريطانيا", ("", "بريطانيا", "")),
        ("كبير", ("", "كبير", "")),
        ("فيينا", ("", "فيينا", "")),
        # diacritics and tatweel do not get in the way
        ("وَالحُكُومَةُ", ("وال", "حكومه", "")),
        ("الـــرئيس", ("ال", "رييس", "")),
        ("بِطَبَرْق", ("ب", "طبرق", "")),
        ("حُكُومَتُهُ", ("", "حكومه", "ه")),
    ],
)
def test_clitic_segmentation(word, expected):
    assert seg(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("بوتين", ("", "بوتين", "")), ("وبوتين", ("و", "بوتين", "")), ("وزير", ("", "وزير", "")),
     ("لوزير", ("ل", "وزير", "")), ("لبنان", ("", "لبنان", "")), ("ولبنان", ("و", "لبنان", "")),
     ("بطبرق", ("ب", "طبرق", "")), ("ببغداد", ("ب", "بغداد", "")), ("وموسكو", ("و", "موسكو", "")),
     ("لفرنسا", ("ل", "فرنسا", "")), ("ليبيا", ("", "ليبيا", "")), ("للرئيس", ("لل", "رييس", "")),
     ("والحكومة", ("وال", "حكومه", "")), ("حكومته", ("", "حكومه", "ه")), ("وللمرة", ("ولل", "مره", ""))],
)
def test_segmentation_with_the_kb_lexicon(kb, word, expected):
    assert seg(word, Segmenter(kb.lexicon)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس الروسي فلاديمير بوتين، إن بلاده لن تتراجع.",
        "قال الرئيس\u00a0الروسي فلاديمير\u00a0بوتين،\u00a0إن بلاده لن تتراجع.",
        "\u00a0\u00a0وصل الوفد\u00a0إلى بغداد\u00a0\u00a0",
        "\u200fقال\u200e الرئيس \u202bاللبناني\u202c",
        "وَصَلَ الرَّئِيسُ إلى بيروتَ أمسِ",
        "الـــرئيس الـــروسي يصل إلى دمشق",
        "&nbsp;التقى الوزير&quot;نظيره&quot; quot;اليوم",
        "بلغ عدد القتلى ٢٥ شخصا في ٣/٥/٢٠١٧ و3.5% من السكان",
        "«الحرية» “السلام” (حماس) [داعش] - التحالف: 5+1",
        "التقى\u200cالوزير ب\u200dالسفير",
        "وقال: «لن نتراجع»؛ وأضاف؟ نعم!",
        "قالت وكالة Reuters إن e-mail الوزارة info@gov.example لا يعمل https://example.com/a?b=1",
        "ﻻ تراجع عن ﻹصلاح",
        "سبق- وكالات:\u00a0قرر الأمن الفلسطيني\u00a0ملاحقة المستوطنين.\u00a0\n\u00a0وحسب الوكالة",
        "",
    ],
)
def test_offsets_round_trip(text):
    toks = tokenize(text, LEX)
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.text.strip() == t.text and t.text
    assert all(a.end <= b.start for a, b in zip(toks, toks[1:], strict=False))
    # nothing but whitespace, invisible characters and HTML entities falls between tokens
    gaps = [text[a.end:b.start] for a, b in zip([None, *toks], [*toks, None], strict=True)
            for a, b in [(a or _Start(), b or _End(len(text)))]]
    left = re.sub(r"&#?[A-Za-z0-9]+;|(?:nbsp|quot|amp|apos|lt|gt);", "", "".join(gaps))
    assert all(c.isspace() or c in INVISIBLE for c in left), repr(left)


@pytest.mark.parametrize(
    ("text", "start", "end", "first", "last"),
    [("قال الرئيس الروسي إن بلاده لن تتراجع", 4, 18, "الرئيس", "الروسي"),
     ("الجملة الأولى. الجملة الثانية.", 15, 30, "الجملة", "."),
     ("\u00a0وصل\u00a0الوفد\u00a0", 0, None, "وصل", "الوفد")],
)
def test_tokenize_a_slice_keeps_offsets_into_the_whole_text(text, start, end, first, last):
    toks = tokenize(text, LEX, start, end)
    assert toks[0].text == first and toks[-1].text == last
    assert all(text[t.start:t.end] == t.text and t.start >= start for t in toks)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [("قال، إن", [("قال", False), ("،", True), ("إن", False)]),
     ("هل؟", [("هل", False), ("؟", True)]),
     ("«لا»", [("«", True), ("لا", False), ("»", True)]),
     ("“نعم”؛", [("“", True), ("نعم", False), ("”", True), ("؛", True)]),
     ("&quot;داعش&quot;", [("داعش", False)]),
     ("nbsp;بغداد", [("بغداد", False)]),
     ("&#1605;", [])],
)
def test_punctuation_and_entities(text, kinds):
    assert [(t.text, t.is_punct) for t in tokenize(text, LEX)] == kinds


@pytest.mark.parametrize(
    ("text", "norm", "key", "prefix"),
    [("٢٥", "25", "25", ""), ("3.5", "3.5", "3.5", ""), ("٣٫٥", "3.5", "3.5", ""), ("١٥/٣/٢٠١٦", "15/3/2016", "15/3/2016", ""),
     ("و3", "و3", "3", "و"), ("و40", "و40", "40", "و"), ("ب15", "ب15", "15", "ب"), ("وب٢٠", "وب20", "20", "وب"),
     ("10:30", "10:30", "10:30", ""), ("۱۳۹۶", "1396", "1396", "")],
)
def test_numbers(text, norm, key, prefix):
    (t,) = tokenize(text, LEX)
    assert (t.norm, t.key, t.prefix) == (norm, key, prefix)


def test_token_fields():
    (t,) = tokenize("ولرئيسها", LEX)
    assert (t.text, t.norm, t.prefix, t.key, t.suffix, t.is_punct) == ("ولرئيسها", "ولرييسها", "ول", "رييس", "ها", False)


@pytest.mark.parametrize(
    ("word", "key"),
    [("الرئيس", "رييس"), ("بوتين", "بوتين"), ("لبنان", "لبنان"), ("بالاو", "بالاو"), ("فاليري", "فاليري"),
     ("الأمم", "امم"), ("القاهرة", "قاهره"), ("الهند", "هند"), ("ال", "ال"), ("الى", "الي"), ("أبو", "ابو")],
)
def test_key_of(word, key):
    assert key_of(word) == key


@pytest.mark.parametrize(
    ("word", "stripped"),
    [("الرييس", "رييس"), ("والحكومه", "حكومه"), ("فالجيش", "جيش"), ("بالعاصمه", "عاصمه"), ("كالعاده", "عاده"),
     ("للرييس", "رييس"), ("وللجيش", "جيش"), ("فللشعب", "شعب"), ("الي", "الي"), ("بوتين", "بوتين"), ("ال", "ال")],
)
def test_strip_article(word, stripped):
    assert strip_article(word) == stripped


def test_the_same_word_is_analysed_the_same_way_everywhere():
    text = "وللمرة الأولى يلتقي الوفد بالوفد. وللمرة الثانية"
    toks = [t for t in tokenize(text, LEX) if t.text == "وللمرة"]
    assert len(toks) == 2 and {(t.prefix, t.key, t.suffix) for t in toks} == {("ولل", "مره", "")}


def test_segmenter_pickles_without_its_caches():
    s = Segmenter(["بوتين"])
    tokenize("وبوتين حكومته", s)
    s2 = pickle.loads(pickle.dumps(s))
    assert s2.lexicon == s.lexicon
    assert seg("وبوتين", s2) == ("و", "بوتين", "")


@pytest.mark.parametrize("word", ["وبوتين", "للرئيس", "حكومته", "وَالحُكُومَةُ", "الـــرئيس", "ب15"])
def test_norm_is_norm_word_of_the_surface(word):
    (t,) = tokenize(word, LEX)
    assert t.norm == norm_word(word)
