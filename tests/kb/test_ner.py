"""Entity recognition (``hadath entities``): dictionary spans, name patterns, the name/organisation/MISC
lexicon, the gazetteer filter and whole-token spans. Sentences are written for these tests."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from hadath.cli import ENTITY_STAGES, app
from hadath.model import Article
from hadath.pipeline import Pipeline

runner = CliRunner()


@pytest.fixture(scope="module")
def ner() -> Pipeline:
    return Pipeline.from_config({"pipeline": {"stages": ENTITY_STAGES}})


def _ents(ner: Pipeline, text: str) -> set[tuple[str, str]]:
    doc = ner(Article(id="t", text=text))
    return {(e.text, e.type) for e in doc.entities}


@pytest.mark.parametrize("text,want", [
    ("قال الرئيس السوري بشار الأسد إن الحرب انتهت .", ("بشار الأسد", "PER")),               # dictionary
    ("وصل ماركوس شنايدر إلى المدينة أمس .", ("ماركوس شنايدر", "PER")),                      # given name + surname
    ("فاز الإيطالي ماتيو روسيني بالسباق .", ("ماتيو روسيني", "PER")),                       # nisba + name
    ("وأضاف كوفالسكي أن الفريق جاهز .", ("كوفالسكي", "PER")),                              # speech verb + name
    ("التقى الوزير علي السويلمي رئيس البلدية .", ("علي السويلمي", "PER")),                 # title + Arab family name
    ("نقلت رويترز عن مصدر مطلع أن الاتفاق وشيك .", ("رويترز", "ORG")),                   # organisation lexicon
    ("أعلنت شركة Sony عن جهاز جديد .", ("Sony", "ORG")),                                    # head + Latin name
    ("قتل عشرة من مقاتلي القاعدة في الهجوم .", ("القاعدة", "ORG")),
    ("بلغت الخسائر مئتي مليون دولار .", ("دولار", "MISC")),                                 # currency
    ("وقعت الانفجارات في نيويورك وواشنطن .", ("نيويورك", "LOC")),                          # gazetteer
])
def test_entity_found(ner: Pipeline, text: str, want: tuple[str, str]) -> None:
    assert want in _ents(ner, text)


def test_coordinated_names_are_two_entities(ner: Pipeline) -> None:
    got = _ents(ner, "فاز الثنائي الإسباني خوسيه مارتينيث وبابلو غارسيا باللقب .")
    assert ("خوسيه مارتينيث", "PER") in got and ("وبابلو غارسيا", "PER") in got


@pytest.mark.parametrize("text,not_entity", [
    ("وقال إنه يعتقد وأنه لن يعود .", "وأنه"),               # و+أن+ه is not the town of Van
    ("هبطت الطائرة في القاعدة الجوية قرب المدينة .", "القاعدة"),  # a base, not al-Qaeda
    ("قال مايكل للصحفيين إن الأمر انتهى .", "مايكل للصحفيين"),   # a preposition ends a name
    ("كان على الرغم من ذلك حاضرا .", "على"),
])
def test_no_false_entity(ner: Pipeline, text: str, not_entity: str) -> None:
    assert not_entity not in {t for t, _ in _ents(ner, text)}


def test_place_noun_heads_and_ambiguous_given_names(ner: Pipeline) -> None:
    got = _ents(ner, "جرت المعارك في محافظة دير الزور وقال حسن إن الوضع صعب .")
    assert any(typ == "LOC" and "دير الزور" in t for t, typ in got)
    assert ("حسن", "PER") not in got  # حسن alone is also "good": a name only with a second name word


def test_spans_are_whole_tokens(ner: Pipeline) -> None:
    text = "وأكد الأمين العام للأمم المتحدة أنطونيو غوتيريش أن بعثة الأمم المتحدة باقية في ليبيا ."
    doc = ner(Article(id="t", text=text))
    assert doc.entities
    bounds = {t.start for t in doc.tokens}, {t.end for t in doc.tokens}
    for e in doc.entities:
        assert e.start in bounds[0] and e.end in bounds[1] and text[e.start:e.end] == e.text
        assert e.type in ("PER", "ORG", "LOC", "MISC")


def test_cli_entities_jsonl(tmp_path) -> None:
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a", "text": "نقلت رويترز أن ماركوس شنايدر وصل إلى نيويورك ."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["entities", str(inp)])
    assert r.exit_code == 0, r.stderr
    rec = json.loads(r.stdout)
    types = {(e["text"], e["type"]) for e in rec["entities"]}
    assert {("رويترز", "ORG"), ("ماركوس شنايدر", "PER"), ("نيويورك", "LOC")} <= types
