"""The letter-indexed clitic tables of the segmenter (seventh speed pass) test the same candidates in the same order
as the plain lists they replace, and the word analysis keeps its results."""

from __future__ import annotations

import pytest

from hadath.text import tokens as T
from hadath.text.normalize import norm_word
from hadath.text.tokens import Segmenter, strip_article, tokenize


def _plain_order(items: tuple[str, ...], word: str, last: bool = False) -> list[str]:
    return [x for x in items if (word.endswith(x) if last else word.startswith(x))]


@pytest.mark.parametrize("word", ["والحكومة", "فللمرة", "بالمدينة", "كالعادة", "لليمن", "وسيلتقي", "ليقول",
                                  "سيعقد", "الجيش", "ولبنان", "فبحث", "وكأن", "مدرسة"])
def test_proclitic_groups_keep_order(word: str) -> None:
    """Only the proclitics of the word's first letter, in the order of ``_PROCLITICS``."""
    w = norm_word(word)
    got = [p for p, _ in T._PROCLITICS_BY_FIRST.get(w[0], ()) if w.startswith(p)]
    assert got == _plain_order(tuple(p for p, _ in T._PROCLITICS), w)


@pytest.mark.parametrize("word", ["حكومتهما", "لقائكما", "بيتهم", "عليهن", "بلادها", "منكم", "بينكن", "أرضنا",
                                  "كتابه", "لك", "وزيري", "الوزير"])
def test_enclitic_groups_keep_order(word: str) -> None:
    w = norm_word(word)
    assert list(T._ENCLITICS_BY_LAST.get(w[-1], ())) == [e for e in T.ENCLITICS if e[-1] == w[-1]]
    got = [e for e in T._ENCLITICS_BY_LAST.get(w[-1], ()) if w.endswith(e)]
    assert got == _plain_order(T.ENCLITICS, w, last=True)


@pytest.mark.parametrize(("word", "expected"), [
    ("والحكومة", "حكومه"), ("وللمرة", "مره"), ("الجيش", "جيش"), ("بالقاهرة", "قاهره"), ("ال", "ال"), ("لبنان", "لبنان"),
])
def test_strip_article(word: str, expected: str) -> None:
    assert strip_article(norm_word(word)) == expected


LEX = Segmenter(["حكومه", "مدرس", "مدرسه", "قاهره", "جيش", "وزير", "قال"])


@pytest.mark.parametrize(("text", "keys"), [
    # a word ending in ة (with or without a final mark) never loses a final ه as a pronoun
    ("المدرسةُ", ["مدرسه"]),
    ("مدرسةٌ", ["مدرسه"]),
    ("وحكومتها", ["حكومه"]),
    ("وقال وزيره إن الجيش دخل القاهرة", ["قال", "وزير", "ان", "جيش", "دخل", "قاهره"]),
])
def test_word_keys(text: str, keys: list[str]) -> None:
    assert [t.key for t in tokenize(text, LEX)] == keys
