"""The knowledge base: actors, agents, states, places and event patterns, compiled into one matcher."""

from hadath.kb.kb import KnowledgeBase, get_kb

__all__ = ["KnowledgeBase", "get_kb"]
