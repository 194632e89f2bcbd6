"""Reviews on their way into the store: lemmas for the lexical side, vectors for the dense one.

Both are computed once, at ingest, so a check only analyses and embeds the
claim. The vector is the sentence encoder's (all-MiniLM-L6-v2, L2-normalised)
of the reviewed claim's wording; a store filled without an encoder keeps NULL
vectors and is matched on words alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from bot.core.models import Review, ReviewCounts
from bot.store.base import Store

BATCH = 64
# Only the lemmatiser and what it needs are run on review texts: no parser, no entities.
LEMMA_ONLY = ("parser", "ner", "senter", "sentencizer")


class SentenceEncoder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row each."""

    dimension: int

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def content_lemmas(doc: Doc) -> str:
    """Lower-case lemmas of the words that carry meaning (no stop words, no punctuation)."""
    return " ".join(
        t.lemma_.lower() for t in doc if (t.is_alpha or t.like_num) and not t.is_stop and len(t.text) > 1
    )


def review_text(review: Review) -> str:
    """What a review is matched on: the claim's wording and the fact-check's headline."""
    return review.claim_reviewed if not review.title else f"{review.claim_reviewed}\n{review.title}"


def analyse_texts(texts: Sequence[str], nlp: Language) -> list[str]:
    """Content lemmas of each text. Components are skipped per call (`pipe(disable=)`), never
    switched off on the shared pipeline, which other threads may be using for a check."""
    disabled = [name for name in LEMMA_ONLY if name in nlp.pipe_names]
    return [content_lemmas(doc) for doc in nlp.pipe(texts, batch_size=256, disable=disabled)]


def index_reviews(
    reviews: Sequence[Review],
    *,
    nlp: Language,
    store: Store,
    encoder: SentenceEncoder | None,
) -> ReviewCounts:
    """Analyse, embed and save reviews (in batches, one transaction each); count what happened."""
    counts = ReviewCounts()
    for start in range(0, len(reviews), BATCH * 16):
        batch = list(reviews[start : start + BATCH * 16])
        lemmas = analyse_texts([review_text(r) for r in batch], nlp)
        batch = [r.model_copy(update={"lemmas": lem}) for r, lem in zip(batch, lemmas)]
        vectors: list[bytes | None] = [None] * len(batch)
        if encoder is not None:
            matrix = encoder.encode([r.claim_reviewed for r in batch]).astype(np.float32)
            vectors = [row.tobytes() for row in matrix]
        for status in store.save_reviews(batch, vectors):
            setattr(counts, status, getattr(counts, status) + 1)
    return counts
