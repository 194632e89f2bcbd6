"""Moved to bot.ingest.corpus; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.ingest.corpus import clean_text  # noqa: F401
