"""Moved to bot.language.negation; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.language.negation import negation_cues  # noqa: F401
