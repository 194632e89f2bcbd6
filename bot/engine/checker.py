"""FactChecker: the one facade the CLI and the Slack handlers call.

It owns the loaded pipeline, the store and the speaker resolver so that a
process pays for them once; every method takes and returns plain models.
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz
from spacy.language import Language

from bot.engine import corpus
from bot.engine.claim_checker import check_text
from bot.engine.ingest import ProgressCallback, ingest_paths
from bot.engine.models import ArticleSummary, CheckReport, IngestReport, ReviewMatch
from bot.engine.review_index import SentenceEncoder, analyse_texts
from bot.engine.review_matching import ReviewMatcher, as_match
from bot.model.sentence_encoder import load_encoder
from bot.engine.nlp import load_pipeline
from bot.engine.speakers import SpeakerResolver
from bot.settings import Settings
from bot.store import open_store
from bot.store.base import CheckAudit, QuoteHit, Store


class FactChecker:
    """Index articles and check claims against them."""

    def __init__(
        self, settings: Settings, store: Store, nlp: Language, encoder: SentenceEncoder | None = None
    ) -> None:
        self.settings = settings
        self.store = store
        self.nlp = nlp
        self.encoder = encoder
        self.review_matcher = ReviewMatcher(store, nlp, encoder)
        self.outlets = corpus.OutletDirectory.load(settings.outlets_file)
        self.speakers = SpeakerResolver.load(settings.aliases_file)
        self._register_known_speakers()

    @classmethod
    def open(cls, settings: Settings, *, nlp: Language | None = None) -> FactChecker:
        """Open the configured store (migrating it) and load the pipeline once."""
        store = open_store(settings.database_url)
        return cls(settings, store, nlp or load_pipeline(settings.spacy_model), load_encoder())

    def close(self) -> None:
        self.store.close()

    def _register_known_speakers(self) -> None:
        for speaker in self.store.speakers():
            self.speakers.register(speaker)

    # indexing --------------------------------------------------------------
    def ingest(
        self, paths: list[Path], progress: ProgressCallback | None = None, n_process: int = 0
    ) -> IngestReport:
        report = ingest_paths(
            paths,
            nlp=self.nlp,
            store=self.store,
            resolver=self.speakers,
            outlets=self.outlets,
            max_bytes=self.settings.max_file_bytes,
            progress=progress,
            n_process=n_process,
            encoder=self.encoder,
        )
        self._register_known_speakers()
        return report

    def ensure_indexed(self, progress: ProgressCallback | None = None) -> IngestReport | None:
        """Index the configured corpus when the store is empty (first run)."""
        if self.store.article_count() > 0:
            return None
        return self.ingest([self.settings.corpus_dir], progress=progress)

    # reading ---------------------------------------------------------------
    def check(self, text: str, *, automatic: bool = False) -> CheckReport:
        return check_text(
            text,
            nlp=self.nlp,
            store=self.store,
            speakers=self.speakers,
            automatic=automatic,
            reviews=self.review_matcher,
        )

    def search_reviews(self, words: str, limit: int = 5) -> list[ReviewMatch]:
        """Published fact-checks holding `words` (full-text search), ordered by the claim
        matcher's score, so the closest wording comes first."""
        lemmas = analyse_texts([words], self.nlp)[0]
        hits = self.store.search_reviews(lemmas.split() + words.split(), limit=50)
        among = [h.review.id for h in hits if h.review.id is not None]
        ranked = self.review_matcher.rank(words, limit, lemmas=lemmas, among=among)
        found = self.store.reviews_by_id([r.review_id for r in ranked])
        return [as_match(found[r.review_id], r.score) for r in ranked if r.review_id in found]

    def quotes(self, speaker: str | None = None) -> list[QuoteHit]:
        """Quotes, optionally of one speaker given by any of their names."""
        if speaker is None:
            return self.store.quotes()
        return self.store.quotes(self.speakers.canonical(speaker) or speaker)

    def who_said(self, words: str, limit: int = 5) -> list[QuoteHit]:
        """Quotes whose wording best matches `words`, best first."""
        terms = [t.lemma_.lower() for t in self.nlp(words) if t.is_alpha and not t.is_stop]
        hits = self.store.search_quotes(terms or words.split(), limit=50)
        scored = [
            h.model_copy(update={"rank": fuzz.partial_ratio(words.lower(), h.quote.text.lower()) / 100})
            for h in hits
        ]
        scored = [h for h in scored if h.rank >= 0.6]
        return sorted(scored, key=lambda h: h.rank, reverse=True)[:limit]

    def sources(self) -> list[ArticleSummary]:
        """What the corpus holds, article by article (metadata and counts, no bodies)."""
        return self.store.article_summaries()

    def record_check(self, audit: CheckAudit) -> int:
        return self.store.record_check(audit)

    @staticmethod
    def evidence_ids(report: CheckReport) -> list[str]:
        """Stable ids of the evidence shown, for the audit log."""
        ids: list[str] = []
        for claim in report.claims or [report]:
            for ev in claim.evidence:
                if ev.quote_id is not None:
                    ids.append(f"q:{ev.quote_id}")
                elif ev.passage_id is not None:
                    ids.append(f"p:{ev.passage_id}")
        return ids
