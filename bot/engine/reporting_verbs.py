"""Moved to bot.language.reporting_verbs; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.language.reporting_verbs import REPORTING_VERBS  # noqa: F401
