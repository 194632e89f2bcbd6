"""One parse of a text per process: the claim (its selection, its parts, its content) and its
candidates (their facts, a reported clause, the event a date or number belongs to, the claim
without its figures) are read by several steps, and each parse costs several milliseconds.
Batched (`nlp.pipe`) and single parses of a text are the same (1,500 news sentences compared)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from bot.check.lru import LruCache

_PARSED: LruCache[str, Doc] = LruCache(1024)


def parsed(text: str, nlp: Language) -> Doc:
    """The parse of `text`, made on first use and kept (least recently used dropped)."""
    return _PARSED.get_or_make(text, lambda: nlp(text))


def parsed_many(texts: Sequence[str], nlp: Language) -> list[Doc]:
    """`parsed` for several texts, the new ones in one `nlp.pipe` batch (one by one, a dozen
    sentences cost twice as much)."""
    new = [t for t in dict.fromkeys(texts) if t not in _PARSED]
    made = dict(zip(new, nlp.pipe(new, batch_size=32)))
    return [_PARSED.get_or_make(t, lambda t=t: made.get(t) or nlp(t)) for t in texts]
