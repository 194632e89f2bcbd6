"""Moved to bot.language.dates; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.language.dates import MONTHS, WEEKDAYS  # noqa: F401
