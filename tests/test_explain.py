"""``hadath explain``: the reason given for a trigger that produced no event is the real one."""

from __future__ import annotations

import re

import pytest

from hadath.explain import explain_text
from hadath.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


def _reasons(nlp, text: str) -> dict[str, str]:
    """pattern id -> the "not coded" reason, for the triggers of ``text``."""
    out = explain_text(nlp, text, "2021-05-03")
    return {m.group(1): m.group(2) for m in re.finditer(r"pattern (\S+) \(\d+\) not coded: (.*)", out)}


def test_low_score_is_reported_as_below_min_confidence(nlp):
    # the attack noun without its own source scores below the pipeline's min_confidence = 0.6
    r = _reasons(nlp, "قتل مسلحون خمسة جنود في هجوم على حاجز للجيش في سيناء.")
    assert r["190.hujum"].startswith("rule score 0.") and "below min_confidence = 0.6" in r["190.hujum"]


def test_losing_reading_names_the_reading_that_won(nlp):
    r = _reasons(nlp, "أعدم تنظيم داعش عشرة أشخاص في الموصل أمس.")
    assert r["1823.udima"].startswith("another reading of the word won: 1823 ") and "rule 1823.adama" in r["1823.udima"]


def test_repeated_mention_is_reported_as_merged(nlp):
    r = _reasons(nlp, "التقى الرئيس المصري نظيره الفرنسي في باريس. وكان الرئيس المصري قد اجتمع بالرئيس الفرنسي أمس.")
    assert r["040.ijtama"].startswith("merged with an earlier mention of the same happening: 040 ")
    assert "sentence 1)" in r["040.ijtama"]


def test_no_reason_is_not_dressed_up_as_a_merge(nlp):
    # nothing in this article is merged: no explanation may say so
    r = _reasons(nlp, "قتل مسلحون خمسة جنود في هجوم على حاجز للجيش في سيناء.")
    assert not any("merged" in why for why in r.values())
