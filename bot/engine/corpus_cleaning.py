"""Moved to bot.ingest.cleaning; kept while bot/model/ imports it from here (see bot/engine/__init__.py)."""

from bot.ingest.cleaning import is_prose, split_paragraphs  # noqa: F401
