"""Claim matching: which published fact-checks a claim repeats (CLEF CheckThat! task 2 sense).

Two signals, fused linearly:
- dense: cosine of the claim's sentence vector (all-MiniLM-L6-v2, a bi-encoder)
  with each review's stored vector, so paraphrases and noisy tweets match;
- lexical: BM25 over content-word lemmas, normalised by the best score of the
  query, plus the IDF-weighted share of the claim's words the review holds, so
  rare names and numbers still count when the encoder blurs them.

The reviews' ids, lemmas and vectors are held in memory (10k reviews: ~16 MB)
and reloaded when the store's `reviews_stamp` moves, so several bot replicas
see each other's ingests. A check costs one cheap stamp query, then for each
claim an analysis and an embedding (each claim on its own), a matrix-vector
product and a partial sort, and one read of the reviews shown. The weights were
chosen on CLEF 2020's train split and the thresholds on train + dev
(`factcheck eval-matching --calibrate`); the figures are in README
("Fact-check records").
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.language import Language

from bot.core.models import Review, ReviewMatch
from bot.store.review_index import SentenceEncoder, TaggedText, analyse_texts, tagged_lemmas
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
    """The reviews as matching needs them, read from the store in one go.

    Built once per store state, so the first check after an ingest pays for it (10k reviews:
    50 ms from SQLite, 130 ms from PostgreSQL, most of it the read; it was 180 / 260 ms): the
    vectors are one contiguous float32 matrix and the postings one CSR layout (each term's
    rows and counts are a slice of two arrays), so neither loading nor scoring loops over
    reviews in Python.
    """

    def __init__(self, store: Store, dimension: int | None) -> None:
        self.stamp = store.reviews_stamp()
        found = store.review_vectors()
        count = len(found.ids)
        self.ids = np.array(found.ids, dtype=np.int64)
        self.rows = {review_id: row for row, review_id in enumerate(found.ids)}
        self.vocabulary: dict[str, int] = {}
        term_ids: list[int] = []
        lengths: list[int] = []
        for lemmas in found.lemmas:
            words = lemmas.split() if lemmas else []
            lengths.append(len(words))
            term_ids.extend([self.vocabulary.setdefault(word, len(self.vocabulary)) for word in words])
        # one (term, row) key per word occurrence; unique keys, sorted by term then row, with counts
        keys = np.array(term_ids, dtype=np.int64) * max(count, 1) + np.repeat(
            np.arange(count, dtype=np.int64), lengths
        )
        pairs, tfs = np.unique(keys, return_counts=True)
        self.posting_rows = pairs % max(count, 1)
        self.posting_tfs = tfs.astype(np.float32)
        # term t's postings are posting_rows[offsets[t]:offsets[t + 1]] (rows ascending)
        self.offsets = np.searchsorted(
            pairs // max(count, 1), np.arange(len(self.vocabulary) + 1, dtype=np.int64)
        )
        self.lengths = np.array(lengths, dtype=np.float32)
        self.average_length = float(self.lengths.mean()) if len(self.lengths) else 1.0
        self.vectors: np.ndarray | None = None
        if dimension:
            matrix = _vector_matrix(found.embeddings, dimension)
            if np.any(matrix):
                self.vectors = matrix

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """The rows holding `term` and its count in each (None when no review holds it)."""
        term_id = self.vocabulary.get(term)
        if term_id is None:
            return None
        start, stop = self.offsets[term_id], self.offsets[term_id + 1]
        return self.posting_rows[start:stop], self.posting_tfs[start:stop]

    def idf(self, term: str) -> float:
        term_id = self.vocabulary.get(term)
        df = int(self.offsets[term_id + 1] - self.offsets[term_id]) if term_id is not None else 0
        n = len(self.ids)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def lexical(self, terms: list[str]) -> np.ndarray:
        """Per review: W_BM25 * BM25 / the best BM25 + W_COVERAGE * IDF share of the claim's terms."""
        bm25 = np.zeros(len(self.ids), dtype=np.float32)
        covered = np.zeros(len(self.ids), dtype=np.float32)
        weights = {term: self.idf(term) for term in terms}
        total = sum(weights.values()) or 1.0
        for term in terms:
            held = self.postings(term)
            if held is None:
                continue
            rows, tfs = held
            norm = 1 - BM25_B + BM25_B * self.lengths[rows] / self.average_length
            bm25[rows] += weights[term] * tfs * (BM25_K1 + 1) / (tfs + BM25_K1 * norm)
            covered[rows] += weights[term]
        best = float(bm25.max()) if len(bm25) else 0.0
        return W_BM25 * bm25 / (best or 1.0) + W_COVERAGE * covered / total


def _vector_matrix(embeddings: Sequence[bytes | None], dimension: int) -> np.ndarray:
    """The stored vectors as one (reviews x dimension) float32 matrix; a missing or
    wrong-sized vector is a row of zeros."""
    width = dimension * 4
    if all(blob is not None and len(blob) == width for blob in embeddings):
        joined = b"".join(blob for blob in embeddings if blob is not None)
        return np.frombuffer(joined, dtype=np.float32).reshape(len(embeddings), dimension)
    matrix = np.zeros((len(embeddings), dimension), dtype=np.float32)
    for row, blob in enumerate(embeddings):
        if blob is not None and len(blob) == width:
            matrix[row] = np.frombuffer(blob, dtype=np.float32)
    return matrix


def best_rows(scores: np.ndarray, rows: np.ndarray, limit: int) -> np.ndarray:
    """The first `limit` of `rows` (ascending) by score, highest first, ties in row order: what
    a stable sort of all of them gives, without sorting all of them (that took 0.5 ms of each
    claim's matching with 10k reviews)."""
    if len(rows) > limit:
        values = scores[rows]
        cut = len(values) - limit
        kth = np.partition(values, cut)[cut]  # the limit-th highest score
        if not np.isnan(kth):
            rows = rows[values >= kth]  # ties at the cut stay, so the stable order decides them
    return rows[np.argsort(-scores[rows], kind="stable")[:limit]]


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
        return self._rank(self.index(), text, limit, lemmas=lemmas, among=among)

    def _rank(
        self, index: _Index, text: str, limit: int, *, lemmas: str | None = None,
        among: Sequence[int] | None = None,
    ) -> list[RankedReview]:
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
        best = best_rows(scores, rows, limit)
        return [
            RankedReview(int(index.ids[r]), float(scores[r]), float(dense[r]), float(lexical[r]))
            for r in best
        ]

    def match(self, text: str) -> list[ReviewMatch]:
        """Reviews above the show threshold, best first, as the report shows them."""
        return self.match_all([text])[text]

    def match_all(
        self, texts: Sequence[str], *, tagged: Mapping[str, TaggedText] | None = None
    ) -> dict[str, list[ReviewMatch]]:
        """`match` for each of a message's claims, with one look at the store's stamp and one
        read of the shown reviews; `tagged`: texts the caller has tagged already (their
        lemmas come from those tags, the same as from the text). Each text is still embedded
        on its own: the int8 encoder's vectors move with their batch-mates, and a claim's
        matches must not."""
        index = self.index()
        ranked: dict[str, list[RankedReview]] = {}
        for text in dict.fromkeys(texts):
            known = (tagged or {}).get(text)
            lemmas = tagged_lemmas(known, self.nlp) if known is not None and len(index.ids) else None
            ranked[text] = [
                r for r in self._rank(index, text, MAX_SHOWN, lemmas=lemmas) if r.score >= SHOW_THRESHOLD
            ]
        found = self.store.reviews_by_id(sorted({r.review_id for rs in ranked.values() for r in rs}))
        return {
            text: [as_match(found[r.review_id], r.score) for r in rs if r.review_id in found]
            for text, rs in ranked.items()
        }


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
