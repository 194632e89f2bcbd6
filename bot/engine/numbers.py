"""Moved to bot.language.numbers; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.language.numbers import SMALL_NUMBERS, parse_number  # noqa: F401
