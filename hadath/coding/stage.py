"""The ``events`` pipeline stage."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from hadath.coding.coder import CoderSettings, EventCoder
from hadath.errors import PipelineConfigError
from hadath.model import Document
from hadath.pipeline import KBStage, register_stage


@register_stage("events")
class EventStage(KBStage):
    """Code CAMEO events from triggers and actor phrases, merged within the article."""

    name = "events"
    requires = ("mentions", "actor_mentions", "place_mentions", "times")
    assigns = ("events",)

    def __init__(self, kb: dict[str, Any] | None = None, **settings: Any) -> None:
        super().__init__(kb=kb)
        known = {f.name for f in fields(CoderSettings)}
        bad = set(settings) - known
        if bad:
            raise PipelineConfigError(f"unknown settings for stage 'events': {sorted(bad)} (known: {sorted(known)})")
        # TOML gives lists; the prefix settings are tuples (str.startswith takes a tuple)
        fixed: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
        self.coder_settings = CoderSettings(**fixed)

    def process(self, doc: Document) -> None:
        doc.events = EventCoder(self.kb, self.coder_settings, trace=False).code(doc)
