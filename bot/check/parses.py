"""One parse of a text per process: the rules that read a parse (a claim's slots, the event a
date or number belongs to, a reported clause, the claim without its figures) read the same
few sentences, the claim and its best candidates."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from bot.check.lru import LruCache

_PARSED: LruCache[str, Doc] = LruCache(1024)


def parsed(text: str, nlp: Language) -> Doc:
    """The parse of `text`, made on first use and kept (least recently used dropped)."""
    return _PARSED.get_or_make(text, lambda: nlp(text))
