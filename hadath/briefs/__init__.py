"""Readable events and daily briefs: English/Arabic summaries per event, and ``hadath brief``."""

from hadath.briefs.summarize import Summarizer, Summary, summarize_event

__all__ = ["Summarizer", "Summary", "summarize_event"]
