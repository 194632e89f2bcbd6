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
from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from bot.core.models import Review, ReviewCounts
from bot.store.base import Store

BATCH = 64
# Only the lemmatiser and what it needs are run on review texts: no parser, no entities.
LEMMA_ONLY = ("parser", "ner", "senter", "sentencizer")
# `tagged_lemmas` reuses these components' work from a full parse and re-runs only these
TAGGING = frozenset({"tok2vec", "tagger"})
RULE_STEPS = frozenset(
    {"paragraph_breaks", "title_abbreviations", "abbreviation_ends", "attribute_ruler", "lemmatizer"}
)


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


class TaggedText(BaseModel):
    """A text's tokens and tags from a full parse: all `tagged_lemmas` needs of it."""

    words: list[str]
    spaces: list[bool]
    tags: list[str]


def tagged_text(doc: Doc) -> TaggedText:
    return TaggedText(
        words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc]
    )


def tagged_lemmas(tagged: TaggedText, nlp: Language) -> str | None:
    """`analyse_texts([text])[0]` for a text the full pipeline has parsed, without running the
    tagger again (~1.5 ms of a check's review matching).

    The tagger runs before the parser, so the full parse has the tags a lemma-only run gives;
    the rule-based steps after it (attribute ruler, lemmatizer) run again on a copy without
    the parse, because some attribute-ruler patterns read DEP ("getting" in "is getting rid
    of" is AUX after the parser, VERB without it). None for a pipeline of another shape.
    """
    names = nlp.pipe_names
    if "tagger" not in names:
        return None
    reused, rest = names[: names.index("tagger") + 1], names[names.index("tagger") + 1 :]
    rerun = [name for name in rest if name not in LEMMA_ONLY]
    if not set(reused) <= TAGGING or not set(rerun) <= RULE_STEPS:
        return None
    doc = Doc(nlp.vocab, words=tagged.words, spaces=tagged.spaces, tags=tagged.tags)
    for name in rerun:
        doc = nlp.get_pipe(name)(doc)
    return content_lemmas(doc)


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
