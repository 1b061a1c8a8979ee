"""Event summaries: a template for every CAMEO code the patterns produce, and grammar in the sensitive cases."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hadath.briefs.summarize import Summarizer, pick_role
from hadath.briefs.templates import TemplateError, fill, load_templates, templates
from hadath.kb import get_kb
from tests.briefs.helpers import (
    ARMY,
    GERASIMOV,
    HAFTAR,
    HOUTHIS,
    IRAQ,
    LIBYA,
    MERKEL,
    OFFICIALS,
    ROLE_PAIRS,
    RUSSIA,
    SAADA,
    SOLDIERS,
    SYRIA_PLACE,
    TOBRUK_BASE,
    TURKISH_JETS,
    UN,
    event,
)

PATTERNS = Path(__file__).resolve().parents[2] / "hadath" / "data" / "patterns"


def pattern_codes() -> list[str]:
    codes: set[str] = set()
    for f in sorted(PATTERNS.glob("*.tsv")):
        header = None
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if header is None:
                header = parts
                continue
            codes.add(parts[header.index("cameo")].strip())
    return sorted(codes)


CODES = pattern_codes()
BAD = re.compile(r"None|\{|\}|\[|\]|\+|\s[,.]|,,|\.\.|\s{2}")


@pytest.fixture(scope="module")
def summ() -> Summarizer:
    return Summarizer(get_kb())


def _clean(s: str) -> None:
    assert not BAD.search(s), s
    assert s.endswith("."), s


def test_every_pattern_code_has_its_own_template():
    assert len(CODES) > 200
    missing = [c for c in CODES if c not in templates()]
    assert not missing, f"CAMEO codes of the pattern files without a template: {missing}"


@pytest.mark.parametrize("code", CODES)
def test_every_code_renders_cleanly(summ, code):
    variants = [event(code, s, t) for s, t in ROLE_PAIRS]
    variants += [
        event(code, RUSSIA, None),  # no target
        event(code, None, SOLDIERS, place=SAADA),  # unknown source
        event(code, None, None, place=SAADA),  # neither
        event(code, HAFTAR, LIBYA, negated=True),
        event(code, RUSSIA, LIBYA, modality="intent"),
        event(code, RUSSIA, LIBYA, modality="future"),
        event(code, RUSSIA, LIBYA, modality="conditional"),
        event(code, RUSSIA, LIBYA, modality="question"),
        event(code, HAFTAR, GERASIMOV, background=True),
        event(code, HOUTHIS, None, date=None, place=None),
    ]
    for ev in variants:
        s = summ.summarize(ev)
        _clean(s.en)
        _clean(s.ar)
        assert s.en[0].isupper(), s.en
        assert re.search("[\u0600-\u06ff]", s.ar) and not re.search("[A-Za-z]", s.ar), s.ar


def test_the_seed_sentence(summ):
    s = summ.summarize(event("040", HAFTAR, GERASIMOV, place=TOBRUK_BASE))
    assert s.en == ("Khalifa Haftar (Commander of the Libyan National Army) met Valery Gerasimov (Chief of the "
                    "General Staff of the Russian Armed Forces) at the naval base in Tobruk, Libya, on 11 January 2017.")
    assert s.ar.startswith("التقى خليفة حفتر فاليري غيراسيموف في القاعدة البحرية في طبرق، ليبيا،")


def test_plural_source_and_place_country(summ):
    s = summ.summarize(event("195", TURKISH_JETS, HOUTHIS, place=SYRIA_PLACE, date="2015-07-25"))
    assert s.en == "Turkish warplanes struck the Houthis from the air in Syria on 25 July 2015."
    assert s.ar.startswith("شنت المقاتلات التركية غارات جوية على الحوثيين في سوريا")


def test_passive_when_the_source_is_unknown(summ):
    s = summ.summarize(event("1823", None, SOLDIERS, place=SAADA, date="2015-08-08"))
    assert s.en == "Yemeni soldiers were killed in Saada, Yemen, on 8 August 2015."
    assert s.ar.startswith("قُتل جنود في صعدة، اليمن،")
    s = summ.summarize(event("1823", None, HAFTAR, place=None, date=None))
    assert s.en == "Khalifa Haftar (Commander of the Libyan National Army) was killed."


def test_plural_role_nouns_and_agreement(summ):
    s = summ.summarize(event("173", None, OFFICIALS, place=None, date="2015-08"))
    assert s.en == "Iraqi officials were arrested in August 2015."
    s = summ.summarize(event("111", OFFICIALS, UN, place=None, date="2015"))
    assert s.en == "Iraqi officials condemned the United Nations in 2015."
    s = summ.summarize(event("0312", ARMY, None, place=None, date=None))
    assert s.en == "The Libyan army said it was ready to cooperate militarily."
    assert s.ar == "أبدى الجيش الليبي استعداده للتعاون العسكري."
    s = summ.summarize(event("0312", OFFICIALS, None, place=None, date=None))
    assert s.en == "Iraqi officials said they were ready to cooperate militarily."
    assert s.ar == "أبدى مسؤولون عراقيون استعدادهم للتعاون العسكري."


def test_missing_target(summ):
    s = summ.summarize(event("040", HAFTAR, None, place=None, date=None))
    assert s.en == "Khalifa Haftar (Commander of the Libyan National Army) met."
    s = summ.summarize(event("0332", RUSSIA, None, place=None, date=None))
    assert s.en == "Russia said it was ready to provide military aid."
    s = summ.summarize(event("0332", RUSSIA, LIBYA, place=None, date=None))
    assert s.en == "Russia said it was ready to provide military aid to Libya."
    assert s.ar == "أبدت روسيا استعدادها لتقديم المساعدات العسكرية إلى ليبيا."


def test_negation(summ):
    denial = event("190", RUSSIA, LIBYA, place=None, date=None, negated=True,
                   evidence="ونفت روسيا أن تكون قد هاجمت ليبيا", trigger="هاجمت")
    s = summ.summarize(denial)
    assert s.en == "Russia denied attacking Libya."
    assert s.ar == "نفت روسيا مهاجمة ليبيا."
    s = summ.summarize(event("040", HAFTAR, GERASIMOV, place=None, date=None, negated=True,
                             evidence="ولم يلتق حفتر غيراسيموف", trigger="يلتق"))
    assert s.en.startswith("Khalifa Haftar (Commander of the Libyan National Army) did not meet Valery Gerasimov")
    assert s.ar == "لم يقم خليفة حفتر باللقاء مع فاليري غيراسيموف."


def test_intent_future_question_background(summ):
    s = summ.summarize(event("072", RUSSIA, LIBYA, place=None, date=None, modality="intent"))
    assert s.en == "Russia said it intended to provide military aid to Libya."
    assert s.ar == "أعلنت روسيا عزمها على تقديم المساعدات العسكرية إلى ليبيا."
    s = summ.summarize(event("0332", RUSSIA, LIBYA, place=None, date=None, modality="intent"))
    assert s.en == "Russia said it was ready to provide military aid to Libya."  # the code already is an intent
    s = summ.summarize(event("190", IRAQ, None, place=None, date=None, modality="future"))
    assert s.en == "Iraq said it would attack."
    assert s.ar == "أعلن العراق أنه سيقوم بمهاجمة."
    s = summ.summarize(event("040", RUSSIA, LIBYA, place=None, date=None, modality="question"))
    assert s.en == "It was unclear whether Russia would meet Libya."
    s = summ.summarize(event("040", HAFTAR, GERASIMOV, place=None, date="2016-11-27", background=True))
    assert s.en.endswith("had met Valery Gerasimov (Chief of the General Staff of the Russian Armed Forces) on "
                         "27 November 2016.")
    assert s.ar.startswith("في وقت سابق، التقى خليفة حفتر")


def test_arabic_gender_agreement(summ):
    assert summ.summarize(event("040", RUSSIA, IRAQ, place=None, date=None)).ar == "التقت روسيا العراق."
    assert summ.summarize(event("040", IRAQ, RUSSIA, place=None, date=None)).ar == "التقى العراق روسيا."
    assert summ.summarize(event("040", MERKEL, HAFTAR, place=None, date=None)).ar == "التقت أنغيلا ميركل خليفة حفتر."
    assert summ.summarize(event("173", None, MERKEL, place=None, date=None)).ar == "اعتُقلت أنغيلا ميركل."
    assert summ.summarize(event("0334", UN, ARMY, place=None, date=None)).ar == (
        "أبدت الأمم المتحدة استعدادها لتوفير الحماية العسكرية للجيش الليبي.")
    assert summ.summarize(event("015", OFFICIALS, None, place=None, date=None)).ar == "أعلن مسؤولون عراقيون مسؤوليتهم."
    # a human plural subject takes the nominative (الحوثيين → الحوثيون)
    assert summ.summarize(event("190", HOUTHIS, None, place=None, date=None)).ar == "هاجم الحوثيون."


def test_roles_follow_the_event_date():
    desc = "Emergencies Minister (1994-2012); Defence Minister (2012-2024); Security Council Secretary (2024-)"
    assert pick_role(desc, "2017-01-11") == "Defence Minister"
    assert pick_role(desc, "2025-03-01") == "Security Council Secretary"
    assert pick_role(desc, None) == "Emergencies Minister"


def test_fill_optional_groups_and_errors():
    assert fill("meet[ {target}]", {"target": None}) == "meet"
    assert fill("ban[ {target}|political parties]", {"target": None}) == "ban political parties"
    assert fill("ban[ {target}|political parties]", {"target": "Hamas"}) == "ban Hamas"
    with pytest.raises(TemplateError):
        fill("{source} met", {"source": None})
    with pytest.raises(TemplateError):
        fill("{nope}", {})


def test_malformed_template_files_fail_clearly(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text("# source: test\n# date: 2026-11-29\ncode\ten\ten_passive\tar\tar_passive\tar_masdar\n"
                 "040\tmeet[ {target}\t-\tx\t-\ty\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="unbalanced"):
        load_templates(p)
    p.write_text("code\ten\n040\tmeet\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="header"):
        load_templates(p)
    p.write_text("code\ten\ten_passive\tar\tar_passive\tar_masdar\n040\t{who} met\t-\tx\t-\ty\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="unknown slot"):
        load_templates(p)


def test_templates_file_has_the_header_comments():
    lines = (Path(__file__).resolve().parents[2] / "hadath" / "data" / "templates.tsv").read_text(
        encoding="utf-8").splitlines()
    assert lines[0].startswith("# source:") and lines[1].startswith("# date:")
    assert lines[2].split("\t") == ["code", "en", "en_passive", "ar", "ar_passive", "ar_masdar"]
