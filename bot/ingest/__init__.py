"""Ingest: files, web pages and fact-check exports in; cleaned, parsed articles with quotes in the store."""

from bot.core.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(["ingest_paths", "index_articles", "save_reviews", "ProgressCallback"], "pipeline"),
    "read_articles": "corpus",
    "clean_text": "corpus",
    "is_url": "web",
    "find_quotes": "quotes",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
