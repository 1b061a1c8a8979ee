"""Trigger dictionary fixes of issue 5, round 2 (requires/excludes lists that blocked the right root).

Every sentence is invented for these tests (plausible news, not copied from any corpus). Each positive
case failed before its change; the negative cases guard precision.

Groups:

* clitic shadowing, ctx-only words: a requires/excludes word written with a proclitic (لحماية, بمعلومات,
  بالسلاح, للعدوان ...) enters the segmenter's lexicon and keeps that exact token unsplit, so every other
  pattern that needs the bare word (حماية, معلومات, سلاح, عدوان) missed it. Such words, when no form
  or actor name needs them, are now written bare in the lists of patterns/*.tsv;
* clitic shadowing, form-borne words: where a trigger form keeps the proclitic word in the lexicon
  (بالمدفعية, بالهاون, بالفساد, بالانتقام, بالرد ...), the lists that name the bare word now also name the
  proclitic form, so "قصف ... بالمدفعية" is 194, "اتهم ... بالفساد" 1121 and "توعد ... بالانتقام" 138;
* shelling companions: 194.qasafa-madfaiya also accepts مدفعيا/صاروخيا/قذائف/صواريخ (and 190.qasafa /
  190.qusifa exclude them, so the generic 190 reading does not double the event);
* 192 "السيطرة على": crowds and riots (الاحتجاجات, المظاهرات, الشغب) are not territory, and rivals that
  "تتنافس على السيطرة" have seized nothing yet.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.coding.conftest import Coded, event_case, expect_event, expect_no_event

POSITIVE = [
    # form-borne clitic word: 194 requires بالمدفعية (19.tsv)
    event_case("shell-bil-madfaiya", "19", "194", "SYRMIL", "*",
               "وقصف الجيش السوري بلدة كفرنبل بالمدفعية الثقيلة."),
    # form-borne clitic word: 194 requires بالهاون (19.tsv)
    event_case("shell-bil-hawun", "19", "194", "SYRMIL", "*",
               "وقصف الجيش السوري أحياء المدينة بالهاون."),
    # shelling companions: صاروخيا (19.tsv 194.qasafa-madfaiya requires)
    event_case("shell-sarukhiyan", "19", "194", "TURMIL", "IMGPKK",
               "وقصف الجيش التركي مواقع حزب العمال الكردستاني صاروخيا في شمال العراق."),
    # form-borne clitic word: 1121 requires بالفساد (11.tsv)
    event_case("accuse-bil-fasad", "11", "1121", "IRQLEG", "*",
               "واتهم البرلمان العراقي وزير الكهرباء بالفساد."),
    # form-borne clitic word: 138 requires بالانتقام (13.tsv 138.tawaada)
    event_case("threaten-bil-intiqam", "13", "138", "IRNMIL", "ISR",
               "وتوعد الحرس الثوري الإيراني إسرائيل بالانتقام."),
]


@pytest.mark.parametrize("root,code,source,target,text", POSITIVE)
def test_round2_trigger_codes_the_event(code_text: Callable[..., Coded], root: str, code: str | None,
                                        source: str, target: str, text: str) -> None:
    expect_event(code_text, root, code, source, target, text)


NEGATIVE = [
    # 192: controlling protests is not occupying territory (19.tsv 192.saytara excludes)
    pytest.param("19", "192", "وانتشرت الشرطة الروسية بأعداد كبيرة للسيطرة على الاحتجاجات في موسكو.",
                 id="saytara-ihtijajat"),
    # 192: rivals competing for control have not seized anything (19.tsv 192.saytara excludes)
    pytest.param("19", "192", "وتتنافس الحكومتان على السيطرة على العاصمة الليبية طرابلس.", id="saytara-tanafus"),
    # 194 shelling is not also coded as generic 190 (19.tsv 190.qasafa excludes)
    pytest.param("19", "190", "وقصف الجيش التركي مواقع حزب العمال الكردستاني صاروخيا في شمال العراق.",
                 id="qasafa-no-190"),
]


@pytest.mark.parametrize("root,code,text", NEGATIVE)
def test_round2_trigger_stays_silent(code_text: Callable[..., Coded], root: str, code: str, text: str) -> None:
    expect_no_event(code_text, root, code, text)


def test_ctx_only_clitic_words_do_not_shadow_bare_words() -> None:
    """No requires/excludes word is a proclitic + a word another list needs, unless a form or name keeps it."""
    from hadath.kb.kb import get_kb, phrase_key
    from hadath.text.tokens import _PROCLITICS, strip_article

    kb = get_kb()
    needed: set[str] = set()
    ctx: set[str] = set()
    for p in kb.patterns.values():
        for f in p.requires + p.excludes:
            ks = phrase_key(f).split()
            needed.update(ks)
            ctx.update(ks)
    indexed: set[str] = set()
    for k in kb.index:
        indexed.update(k.split())
    bad = []
    for w in ctx - indexed - {"بالوان"}:  # ألوان, not ب + ال + وان
        for pr, art in _PROCLITICS:
            if pr in ("ل", "لل", "ب", "بال") and w.startswith(pr) and len(w) - len(pr) >= 3:
                stem = w[len(pr):]
                if stem in needed or (not art and strip_article(stem) in needed):
                    bad.append(w)
    assert not sorted(set(bad)), sorted(set(bad))
