"""Moved to bot.language.facts; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.language.facts import entities_within  # noqa: F401
