"""Pipeline wiring: requirements checked at build time, config rebuilds, picklable stages."""

from __future__ import annotations

import pickle

import pytest

from hadath.errors import PipelineConfigError
from hadath.model import Article, Document
from hadath.pipeline import BaseStage, Pipeline, registered_stages


class _Needs(BaseStage):
    name = "needs_events"
    requires = ("events",)
    assigns = ("summary",)

    def process(self, doc: Document) -> None:
        pass


def test_missing_requirement_fails_at_build_time_with_clear_error():
    stages = registered_stages()
    with pytest.raises(PipelineConfigError) as e:
        Pipeline([stages["clean"](), stages["sentences"](), _Needs()])
    msg = str(e.value)
    assert "E001" in msg and "needs_events" in msg and "'events'" in msg


def test_out_of_order_stages_fail():
    with pytest.raises(PipelineConfigError, match="requires 'sentences'"):
        Pipeline.from_config({"pipeline": {"stages": ["clean", "tokens", "sentences"]}})


def test_unknown_stage_and_bad_settings():
    with pytest.raises(PipelineConfigError, match="unknown stage 'nope'"):
        Pipeline.from_config({"pipeline": {"stages": ["clean", "nope"]}})
    with pytest.raises(PipelineConfigError, match="unknown settings"):
        Pipeline.from_config({"pipeline": {"stages": ["clean", "sentences", "tokens", "times", "mentions", "actors",
                                                      "events"]}, "stages": {"events": {"bogus": 1}}})


def test_duplicate_stage_fails():
    with pytest.raises(PipelineConfigError, match="twice"):
        Pipeline.from_config({"pipeline": {"stages": ["clean", "clean"]}})


def test_config_file_rebuilds_pipeline(tmp_path):
    cfg = tmp_path / "p.toml"
    cfg.write_text('[pipeline]\nstages = ["clean", "sentences", "tokens"]\n', encoding="utf-8")
    nlp = Pipeline.from_config(cfg)
    assert nlp.names == ["clean", "sentences", "tokens"]
    doc = nlp(Article(id="1", text="قال الرئيس. وغادر الوزير."))
    assert len(doc.sentences) == 2 and doc.tokens and not doc.events
    assert {"sentences", "tokens"} <= doc.assigned


def test_bad_config_file_is_a_coded_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\n", encoding="utf-8")
    with pytest.raises(PipelineConfigError, match="invalid TOML"):
        Pipeline.from_config(bad)
    with pytest.raises(PipelineConfigError, match="not found"):
        Pipeline.from_config(tmp_path / "missing.toml")


def test_default_pipeline_and_stages_pickle(nlp):
    assert nlp.names[0] == "clean" and "events" in nlp.names
    clone = pickle.loads(pickle.dumps(nlp))
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي في موسكو اليوم."
    a = Article(id="x", text=text, date="2017-01-11")
    assert [e.cameo for e in clone(a).events] == [e.cameo for e in nlp(a).events]


class _Plain:
    """A stage that only follows the protocol (no BaseStage, so no warm_up)."""

    name = "plain"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        return doc


class _Counting(BaseStage):
    name = "counting"
    warmed = 0
    seen = 0

    def warm_up(self) -> None:
        self.warmed += 1

    def process(self, doc: Document) -> None:
        self.seen += 1


def test_warm_up_calls_stage_hooks_and_codes_the_bundled_article():
    counting = _Counting()
    Pipeline([_Plain(), counting]).warm_up()
    assert counting.warmed == 1 and counting.seen == 1  # the hook, then one document (the bundled article)


def test_warm_up_builds_the_kb_derived_tables(nlp):
    from hadath.kb import get_kb
    from hadath.kb.kb import kb_memo
    from hadath.pipeline import WARM_UP_TEXT

    assert WARM_UP_TEXT.is_file() and "القاهرة" in WARM_UP_TEXT.read_text(encoding="utf-8")
    nlp.warm_up()
    memo = kb_memo(get_kb(), "ner")
    assert {"role_words", "name_lexicon"} <= set(memo) and memo["role_words"] and memo["name_lexicon"]
    assert "segmenter" in kb_memo(get_kb(), "tokens")
