"""Normalisation for matching: norm_word, norm_text, arabic_ratio and friends."""

from __future__ import annotations

import pytest

from hadath.text.normalize import (
    arabic_ratio,
    clean_invisible,
    is_arabic,
    norm_text,
    norm_word,
    strip_diacritics,
)


@pytest.mark.parametrize(
    ("word", "norm"),
    [
        # diacritics: harakat, tanwin, shadda, sukun, superscript alef
        ("مُحَمَّدٌ", "محمد"),
        ("الرَّئِيسُ", "الرييس"),
        ("وَزِيرُ", "وزير"),
        ("الخَارِجِيَّةِ", "الخارجيه"),
        ("اجْتِمَاعًا", "اجتماعا"),
        ("مُؤْتَمَرٍ", "موتمر"),
        ("هٰذا", "هذا"),
        ("السَّلَامُ", "السلام"),
        # tatweel
        ("الـــرئيس", "الرييس"),
        ("مـصـر", "مصر"),
        ("هـ", "ه"),
        ("الحكومــة", "الحكومه"),
        # alef variants
        ("أحمد", "احمد"),
        ("إسرائيل", "اسراييل"),
        ("آلاف", "الاف"),
        ("ٱلله", "الله"),
        ("الأمم", "الامم"),
        ("الإمارات", "الامارات"),
        ("القرآن", "القران"),
        ("أُسامة", "اسامه"),
        # alef maqsura, ta marbuta, hamza seats
        ("مصطفى", "مصطفي"),
        ("إلى", "الي"),
        ("حكومة", "حكومه"),
        ("الجزيرة", "الجزيره"),
        ("مؤتمر", "موتمر"),
        ("رئيس", "رييس"),
        ("هيئة", "هييه"),
        # Arabic-Indic and Persian digits
        ("٢٠١٧", "2017"),
        ("٣٦", "36"),
        ("۱۳۹۶", "1396"),
        ("۴۵", "45"),
        ("٣٫٥", "3.5"),
        ("١٢٬٥٠٠", "12,500"),
        # Persian letters, presentation forms, Latin
        ("یک", "يك"),
        ("کرمان", "كرمان"),
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),
        ("Reuters", "reuters"),
        ("AFP", "afp"),
        ("iPhone", "iphone"),
        ("", ""),
    ],
)
def test_norm_word(word, norm):
    assert norm_word(word) == norm


@pytest.mark.parametrize("word", ["الرَّئِيسُ", "أحمد", "مصطفى", "الجزيرة", "٢٠١٧", "ﻻ", "Reuters", "إسرائيل", "هيئة", "الـــرئيس"])
def test_norm_word_is_idempotent(word):
    once = norm_word(word)
    assert norm_word(once) == once


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        # Arabic punctuation dropped
        ("قال، إن", "قال ان"),
        ("الأمن؛ والاستقرار", "الامن والاستقرار"),
        ("هل ستنجح المفاوضات؟", "هل ستنجح المفاوضات"),
        ("«الحرية والتغيير»", "الحريه والتغيير"),
        ("“أنصار الله”", "انصار الله"),
        ("(حماس)", "حماس"),
        ("وزير الخارجية: سنرد", "وزير الخارجيه سنرد"),
        ("حزب الله - لبنان", "حزب الله لبنان"),
        ("٪ ٢٥", "25"),
        # NBSP, zero-width and bidi controls
        ("مجلس\u00a0الأمن", "مجلس الامن"),
        ("مجلس\u200bالأمن", "مجلسالامن"),
        ("\u200fالرئيس\u200e", "الرييس"),
        ("\u202bوزارة الدفاع\u202c", "وزاره الدفاع"),
        ("\u2067بغداد\u2069", "بغداد"),
        ("\ufeffالقاهرة", "القاهره"),
        ("\u061cدمشق", "دمشق"),
        ("الأمم\u00adالمتحدة", "الاممالمتحده"),
        # HTML entities and their leftovers
        ("&nbsp;الرئيس", "الرييس"),
        ("الرئيس&nbsp;الأمريكي", "الرييس الامريكي"),
        ("&quot;داعش&quot;", "داعش"),
        ("quot;داعش", "داعش"),
        ("nbsp;بغداد", "بغداد"),
        ("AT&amp;T", "at t"),
        ("&#1605;&#1589;&#1585;", "مصر"),
        ("&lt;عاجل&gt;", "عاجل"),
        # whitespace collapsed, diacritics inside phrases
        ("مجلس   الأمن\n\tالدولي ", "مجلس الامن الدولي"),
        ("الأُمَمُ المُتَّحِدَة", "الامم المتحده"),
        ("وَزِيرُ الخَارِجِيَّةِ", "وزير الخارجيه"),
        ("الـــرئيس الـــروسي", "الرييس الروسي"),
        ("٣ قتلى و١٢ جريحا", "3 قتلي و12 جريحا"),
        ("", ""),
    ],
)
def test_norm_text(text, norm):
    assert norm_text(text) == norm


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("", 0.0),
        ("2017 - 12", 0.0),
        ("Reuters", 0.0),
        ("قال الرئيس", 1.0),
        ("مُحَمَّد", 1.0),
        ("ﻻ", 1.0),
        ("پیام", 1.0),
        ("قال abc", 0.5),
    ],
)
def test_arabic_ratio(text, ratio):
    assert arabic_ratio(text) == pytest.approx(ratio)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("أعلنت الحكومة العراقية اليوم", True), ("The Iraqi government announced", False),
     ("قالت Reuters إن الحكومة العراقية أعلنت", True), ("UN Security Council مجلس", False), ("", False)],
)
def test_is_arabic(text, expected):
    assert is_arabic(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("مُحَمَّدٌ", "محمد"), ("الـــرئيس", "الرئيس"), ("إِسْرَائِيلُ", "إسرائيل"), ("بدون تشكيل", "بدون تشكيل")],
)
def test_strip_diacritics_keeps_letters(text, expected):
    assert strip_diacritics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("مجلس\u00a0الأمن", "مجلس الأمن"), ("\u200fقال\u200e", "قال"), ("ب\u200bغداد", "بغداد"), ("\ufeffنص", "نص")],
)
def test_clean_invisible(text, expected):
    assert clean_invisible(text) == expected
