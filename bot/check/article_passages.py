"""An article's sentences in order, read from the store once per article and version.

Reference resolution and speaker roles both read the sentences around a candidate.
"""

from __future__ import annotations

from bot.check.lru import LruCache
from bot.core.models import Article, Passage
from bot.store.base import Store

_ARTICLE_PASSAGES: LruCache[tuple[int, str], list[Passage]] = LruCache(256)


def article_passages(store: Store, article: Article) -> list[Passage]:
    """The article's sentences in order, cached (only fetched for well-aligned candidates)."""
    if article.id is None:
        return []
    article_id = article.id
    return _ARTICLE_PASSAGES.get_or_make(
        (article_id, article.content_hash), lambda: store.passages(article_id)
    )
