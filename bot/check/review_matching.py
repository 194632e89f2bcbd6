"""Claim matching: which published fact-checks a claim repeats (CLEF CheckThat! task 2 sense).

Two signals, fused linearly:
- dense: cosine of the claim's sentence vector (all-MiniLM-L6-v2, a bi-encoder)
  with each review's stored vector, so paraphrases and noisy tweets match;
- lexical: BM25 over content-word lemmas, normalised by the best score of the
  query, plus the IDF-weighted share of the claim's words the review holds, so
  rare names and numbers still count when the encoder blurs them.

The reviews' ids, lemmas and vectors are held in memory (10k reviews: ~16 MB)
and reloaded when the store's `reviews_stamp` moves, so several bot replicas
see each other's ingests. Every check costs one cheap stamp query, one claim
embedding and a matrix-vector product. The weights were chosen on CLEF 2020's
train split and the thresholds on train + dev (`factcheck eval-matching
--calibrate`); the figures are in README ("Fact-check records").
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.language import Language

from bot.core.models import Review, ReviewMatch
from bot.store.review_index import SentenceEncoder, analyse_texts
from bot.store.base import Store

W_DENSE, W_BM25, W_COVERAGE = 0.6, 0.05, 0.35
# A review is shown when its fused score reaches SHOW_THRESHOLD; it alone makes the bot
# answer in a flagged thread when it reaches STRONG_THRESHOLD. Both from `factcheck
# eval-matching ROOT --calibrate` on CLEF 2020 train + dev: 0.47 has the best balanced
# accuracy (70% of true matches shown, 75% of the best wrong matches hidden); 0.67 keeps
# 95% of the best wrong matches out (19% of true matches reach it). The wrong side is
# pessimistic: its best wrong match is often another check of the same claim.
SHOW_THRESHOLD = 0.47
STRONG_THRESHOLD = 0.67
LEXICAL_ONLY_SCALE = 1.0  # without vectors, the lexical part is all there is
BM25_K1, BM25_B = 1.2, 0.75
MAX_SHOWN = 3


@dataclass(frozen=True)
class RankedReview:
    review_id: int
    score: float
    dense: float
    lexical: float


class _Index:
    """The reviews as matching needs them, read from the store in one go."""

    def __init__(self, store: Store, dimension: int | None) -> None:
        self.stamp = store.reviews_stamp()
        found = store.review_vectors()
        self.ids = np.array(found.ids, dtype=np.int64)
        self.rows = {review_id: row for row, review_id in enumerate(found.ids)}
        postings: dict[str, tuple[list[int], list[int]]] = {}
        self.lengths = np.zeros(len(found.ids), dtype=np.float32)
        for row, lemmas in enumerate(found.lemmas):
            counts = Counter(lemmas.split())
            self.lengths[row] = sum(counts.values())
            for term, tf in counts.items():
                rows, tfs = postings.setdefault(term, ([], []))
                rows.append(row)
                tfs.append(tf)
        # term -> (rows holding it, its count in each), as arrays: a claim's scores are a few
        # vector operations per word, not a Python loop over every review that holds it
        self.postings = {
            term: (np.array(rows, dtype=np.int64), np.array(tfs, dtype=np.float32))
            for term, (rows, tfs) in postings.items()
        }
        self.average_length = float(self.lengths.mean()) if len(self.lengths) else 1.0
        self.vectors: np.ndarray | None = None
        if dimension:
            width = dimension * 4
            matrix = np.zeros((len(found.ids), dimension), dtype=np.float32)
            for row, blob in enumerate(found.embeddings):
                if blob is not None and len(blob) == width:
                    matrix[row] = np.frombuffer(blob, dtype=np.float32)
            if np.any(matrix):
                self.vectors = matrix

    def idf(self, term: str) -> float:
        df = len(self.postings[term][0]) if term in self.postings else 0
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def lexical(self, terms: list[str]) -> np.ndarray:
        """Per review: W_BM25 * BM25 / the best BM25 + W_COVERAGE * IDF share of the claim's terms."""
        bm25 = np.zeros(len(self.ids), dtype=np.float32)
        covered = np.zeros(len(self.ids), dtype=np.float32)
        weights = {term: self.idf(term) for term in terms}
        total = sum(weights.values()) or 1.0
        for term in terms:
            if term not in self.postings:
                continue
            rows, tfs = self.postings[term]
            norm = 1 - BM25_B + BM25_B * self.lengths[rows] / self.average_length
            bm25[rows] += weights[term] * tfs * (BM25_K1 + 1) / (tfs + BM25_K1 * norm)
            covered[rows] += weights[term]
        best = float(bm25.max()) if len(bm25) else 0.0
        return W_BM25 * bm25 / (best or 1.0) + W_COVERAGE * covered / total


class ReviewMatcher:
    """Ranks the stored reviews against a claim; thread-safe, one per process."""

    def __init__(self, store: Store, nlp: Language, encoder: SentenceEncoder | None) -> None:
        self.store = store
        self.nlp = nlp
        self.encoder = encoder
        self._index: _Index | None = None
        self._lock = threading.Lock()

    def index(self) -> _Index:
        stamp = self.store.reviews_stamp()
        with self._lock:
            if self._index is None or self._index.stamp != stamp:
                self._index = _Index(self.store, self.encoder.dimension if self.encoder else None)
            return self._index

    def rank(
        self, text: str, limit: int = 5, *, lemmas: str | None = None, among: Sequence[int] | None = None
    ) -> list[RankedReview]:
        """The best `limit` reviews for `text`, by fused score (no threshold); only the reviews
        with the ids `among` when given."""
        index = self.index()
        if not len(index.ids) or not text.strip() or limit <= 0:
            return []
        terms = (lemmas if lemmas is not None else analyse_texts([text], self.nlp)[0]).split()
        lexical = index.lexical(list(dict.fromkeys(terms)))
        if index.vectors is not None and self.encoder is not None:
            dense = index.vectors @ self.encoder.encode([text])[0].astype(np.float32)
            scores = W_DENSE * dense + lexical
        else:  # no vectors: the lexical part is all there is
            dense = np.zeros(len(index.ids), dtype=np.float32)
            scores = LEXICAL_ONLY_SCALE * lexical / (W_BM25 + W_COVERAGE)
        if among is not None:
            rows = np.array(sorted({index.rows[i] for i in among if i in index.rows}), dtype=np.int64)
        else:
            rows = np.flatnonzero((lexical > 0) | (dense > 0) | (scores > 0))
        if not len(rows):
            return []
        best = rows[np.argsort(-scores[rows], kind="stable")[:limit]]
        return [
            RankedReview(int(index.ids[r]), float(scores[r]), float(dense[r]), float(lexical[r]))
            for r in best
        ]

    def match(self, text: str, *, lemmas: str | None = None) -> list[ReviewMatch]:
        """Reviews above the show threshold, best first, as the report shows them."""
        ranked = [r for r in self.rank(text, MAX_SHOWN, lemmas=lemmas) if r.score >= SHOW_THRESHOLD]
        found = self.store.reviews_by_id([r.review_id for r in ranked])
        return [as_match(found[r.review_id], r.score) for r in ranked if r.review_id in found]


def as_match(review: Review, score: float) -> ReviewMatch:
    return ReviewMatch(
        claim_reviewed=review.claim_reviewed,
        rating=review.rating,
        reviewer=review.reviewer,
        date=review.date,
        url=review.url,
        claimant=review.claimant,
        score=round(min(max(score, 0.0), 1.0), 3),
    )


def is_strong(matches: Sequence[ReviewMatch]) -> bool:
    """A match good enough to answer for on its own (automatic replies in flagged threads)."""
    return any(m.score >= STRONG_THRESHOLD for m in matches)
