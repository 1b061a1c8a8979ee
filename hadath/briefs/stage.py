"""The ``summaries`` pipeline stage: ``Event.summary_en`` / ``summary_ar`` for every event."""

from __future__ import annotations

from typing import Any

from hadath.briefs.summarize import Summarizer
from hadath.briefs.templates import TemplateError
from hadath.kb import get_kb
from hadath.model import Document
from hadath.pipeline import BaseStage, register_stage


@register_stage("summaries")
class SummaryStage(BaseStage):
    """Fill one English and one Arabic summary sentence per event from its fields (no translation)."""

    name = "summaries"
    requires = ("events",)
    assigns = ("summaries",)
    uses_kb = True

    def __init__(self, kb: dict[str, Any] | None = None, **settings: Any) -> None:
        super().__init__(**settings)
        self.kb_config = kb or {}

    def process(self, doc: Document) -> None:
        summarizer = Summarizer(get_kb(self.kb_config.get("extra_dirs", ())))
        for ev in doc.events:
            try:
                s = summarizer.summarize(ev)
            except TemplateError as e:
                doc.warnings.append(f"summaries: event {ev.id} ({ev.cameo}): {e}")
                continue
            ev.summary_en, ev.summary_ar = s.en, s.ar
