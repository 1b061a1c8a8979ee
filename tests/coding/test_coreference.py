"""Definite descriptions: a bare definite noun ("الحركة"، "التنظيم"، "الوزارة"، "الرئيس") refers back to the
actor named earlier in the article with a head noun of the same kind (issue 5).

All sentences are invented for these tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from hadath import Article
from hadath.model import Document

D = "2021-05-03"  # a Monday


def _actor_of(doc: Document, surface: str, nth: int = -1) -> Any:
    """The actor mention whose text is ``surface`` (the last one by default), or None."""
    hits = [a for a in doc.actor_mentions if doc.text[a.start:a.end] == surface]
    return hits[nth] if hits else None


# (id, text, the bare noun, expected actor id or code)
RESOLVED = [
    ("movement", "رحبت حركة حماس بالمبادرة المصرية للتهدئة في قطاع غزة. وانتقدت الحركة الحكومة الإسرائيلية.",
     "الحركة", "pse-hamas"),
    ("organisation-by-dictionary-name", "تبنى داعش الهجوم على نقطة للشرطة في كركوك. وقال التنظيم في بيان إن "
     "ثلاثة من عناصره نفذوا الهجوم.", "التنظيم", "img-isis"),
    ("front-same-kind", "سيطرت جبهة النصرة على بلدة في ريف إدلب الجنوبي. وأعلن التنظيم أسر عشرة جنود.",
     "التنظيم", "syr-jabhat-al-nusra"),
    ("ministry", "أدانت وزارة الخارجية الروسية الهجوم على السفارة. وأضافت الوزارة أن موسكو ستطلب توضيحات.",
     "الوزارة", "RUSGOV"),
    ("president-role", "التقى الرئيس التركي رجب طيب أردوغان وزير الخارجية القطري في أنقرة. وانتقد الرئيس "
     "إسرائيل بشدة.", "الرئيس", "tur-recep-tayyip-erdogan"),
    # the very same head noun comes before a noun of the same kind: الجبهة is the front, not the movement
    ("same-noun-first", "اشتبكت جبهة النصرة مع حركة أحرار الشام في ريف إدلب. وقالت الحركة إن الجبهة بدأت القتال.",
     "الجبهة", "syr-jabhat-al-nusra"),
    # an organisation named inside a person's title is an antecedent too
    ("inside-title", "قال زعيم حزب الله حسن نصر الله في خطاب متلفز إن الحزب لن يسلم سلاحه.", "الحزب", "lbn-hezbollah"),
    ("minister-any-portfolio", "استقبل وزير الخارجية الروسي سيرغي لافروف نظيره التركي في موسكو. وانتقد الوزير "
     "إسرائيل بشدة.", "الوزير", "rus-sergei-lavrov"),
    ("time-word-after", "أصدرت منظمة العفو الدولية تقريرا عن السجون في المنطقة. وطالبت المنظمة الاثنين بالإفراج "
     "عن المعتقلين.", "المنظمة", "igo-amnesty-international"),
]


@pytest.mark.parametrize(("text", "noun", "expected"), [pytest.param(*c[1:], id=c[0]) for c in RESOLVED])
def test_bare_definite_resolves(nlp: Callable[[Article], Document], text: str, noun: str, expected: str) -> None:
    doc = nlp(Article(id="t", text=text, date=D))
    a = _actor_of(doc, noun)
    assert a is not None, f"{noun} is not an actor"
    assert (a.ref.id if "-" in expected else a.ref.code) == expected, a.ref


def test_event_with_anaphoric_source(code_text: Any) -> None:
    """The event of "وانتقدت الحركة ..." gets the movement as its source."""
    coded = code_text("رحبت حركة حماس بالمبادرة المصرية للتهدئة في قطاع غزة. وانتقدت الحركة الحكومة الإسرائيلية.")
    assert coded.find("11", "111", "pse-hamas", "ISRGOV"), coded.why()


NOT_RESOLVED = [
    # no antecedent at all
    ("no-antecedent", "وقالت الحركة في بيان إنها سترد على الاعتداء.", "الحركة"),
    # two different groups in the last sentences: ambiguous
    ("two-candidates", "تبادلت حركة حماس وحركة فتح الاتهامات بشأن تعثر المصالحة. وقالت الحركة إن الحوار توقف.",
     "الحركة"),
    ("two-ministers", "التقى وزير الخارجية الروسي سيرغي لافروف وزير الخارجية الأمريكي أنتوني بلينكن في جنيف. "
     "وقال الوزير إن اللقاء كان صريحا.", "الوزير"),
    # a nisba after the noun makes it a new phrase, not a reference back
    ("nisba-after", "رحبت حركة حماس بالمبادرة المصرية. وقال الجيش الإسرائيلي إنه قصف مواقع في غزة.", "الجيش"),
]


@pytest.mark.parametrize(("text", "noun"), [pytest.param(*c[1:], id=c[0]) for c in NOT_RESOLVED])
def test_bare_definite_left_alone(nlp: Callable[[Article], Document], text: str, noun: str) -> None:
    doc = nlp(Article(id="t", text=text, date=D))
    a = _actor_of(doc, noun)
    assert a is None or not a.ref.id, a.ref if a else None


def test_definite_adjective_blocks(nlp: Callable[[Article], Document]) -> None:
    """"الحركة الإسلامية" is another movement, not a reference back to Hamas."""
    doc = nlp(Article(id="t", text="رحبت حركة حماس بالمبادرة. وقالت الحركة الإسلامية في الداخل إنها تدعم الاتفاق.",
                      date=D))
    assert _actor_of(doc, "الحركة") is None
