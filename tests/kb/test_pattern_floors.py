"""Issue 5's floors on the trigger lexicon: >= 1,500 patterns, >= 150 distinct CAMEO codes, every root 01-20."""

from __future__ import annotations

from collections import Counter

from hadath.kb import get_kb

MIN_PATTERNS = 1500
MIN_CODES = 150
ROOTS = {f"{r:02d}" for r in range(1, 21)}


def test_pattern_count_floor() -> None:
    assert len(get_kb().patterns) >= MIN_PATTERNS


def test_distinct_code_floor() -> None:
    codes = {p.cameo for p in get_kb().patterns.values()}
    assert len(codes) >= MIN_CODES


def test_every_root_has_verb_and_noun_patterns() -> None:
    voices: Counter[tuple[str, bool]] = Counter(
        (p.cameo[:2], p.voice == "noun") for p in get_kb().patterns.values())
    assert {r for r, _ in voices} == ROOTS
    no_verb = sorted(r for r in ROOTS if not voices[(r, False)])
    no_noun = sorted(r for r in ROOTS if not voices[(r, True)])
    assert not no_verb and not no_noun, f"roots without verb forms {no_verb} or verbal nouns {no_noun}"
