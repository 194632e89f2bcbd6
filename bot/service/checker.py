"""FactChecker: the one facade the CLI and the Slack handlers call.

It owns the loaded pipeline, the store and the speaker resolver so that a
process pays for them once; every method takes and returns plain models.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from spacy.language import Language

from bot.ingest import corpus
from bot.check.pipeline import check_text
from bot.core.errors import EmptyIndexError
from bot.ingest.pipeline import ProgressCallback, index_articles, ingest_paths, save_reviews
from bot.core.models import ArticleSummary, ArticleVersion, CheckReport, IngestReport, ReviewMatch
from bot.store.review_index import SentenceEncoder, analyse_texts
from bot.check.review_matching import ReviewMatcher, as_match
from bot.model.sentence_encoder import load_encoder
from bot.language.nlp import load_pipeline
from bot.language.speakers import SpeakerResolver
from bot.paths import empty_index_message
from bot.settings import Settings
from bot.store import open_store
from bot.store.base import CheckAudit, QuoteHit, Store

if TYPE_CHECKING:
    from bot.ingest.fetch import FetchPolicy


def fetch_policy(settings: Settings, *, guard_addresses: bool) -> FetchPolicy:
    """How politely to fetch, from the settings; `guard_addresses` for URLs from Slack."""
    from bot.ingest.address_guard import parse_networks
    from bot.ingest.fetch import FetchPolicy

    return FetchPolicy(
        timeout_s=settings.fetch_timeout_s,
        max_bytes=settings.max_file_bytes,
        retries=settings.fetch_retries,
        backoff_s=settings.fetch_backoff_s,
        host_interval_s=settings.fetch_host_interval_s,
        guard_addresses=guard_addresses,
        allowed_networks=parse_networks(settings.fetch_allowed_networks),
    )


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
        self._register_known_speakers()
        self._has_articles = False  # once true it stays true: articles are replaced, not removed

    @classmethod
    def open(cls, settings: Settings, *, nlp: Language | None = None) -> FactChecker:
        """Open the configured store (migrating it) and load the pipeline once."""
        store = open_store(settings.database_url)
        return cls(settings, store, nlp or load_pipeline(settings.spacy_model), load_encoder())

    def close(self) -> None:
        self.store.close()

    def _register_known_speakers(self) -> None:
        """The names the checker knows: the aliases file, every person the archive names and
        the quotes' speakers, read from the store in its own order, so that a check reads the
        same whatever order the articles were indexed in, and after a restart."""
        self.speakers = SpeakerResolver.load(self.settings.aliases_file)
        mentions = Counter((*self.store.named_people(), *self.store.speakers()))  # in first-seen order
        for name, count in mentions.items():
            self.speakers.register(name, count)

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
        if report.added or report.updated:
            self._register_known_speakers()
        return report

    def ingest_urls(
        self, urls: list[str], progress: ProgressCallback | None = None, *, from_slack: bool = False
    ) -> IngestReport:
        """Index article pages, feeds and sitemaps. `from_slack`: the URLs come from a Slack
        user, not the operator, so internal addresses are refused (see `address_guard`)."""
        from bot.ingest.fetch import Fetcher
        from bot.ingest.web import WebCollector

        report = IngestReport()
        with Fetcher(fetch_policy(self.settings, guard_addresses=from_slack)) as fetcher:
            collector = WebCollector(fetcher, self.store, self.outlets, report)
            index_articles(
                collector.articles(urls, progress),
                report,
                nlp=self.nlp,
                store=self.store,
                resolver=self.speakers,
                progress=progress,
            )
        save_reviews(collector.reviews, report, nlp=self.nlp, store=self.store, encoder=self.encoder)
        if report.added or report.updated:
            self._register_known_speakers()
        return report

    def versions(self, path: str) -> list[ArticleVersion]:
        """Every kept text of an article (a page's canonical URL), oldest first."""
        return self.store.article_versions(path)

    def ensure_indexed(self, progress: ProgressCallback | None = None) -> IngestReport | None:
        """Index the configured corpus when the store is empty (first run)."""
        if self.store.article_count() > 0:
            return None
        return self.ingest([self.settings.corpus_dir], progress=progress)

    def require_articles(self) -> None:
        """Raise EmptyIndexError (where the index is, how to fill it) when it holds no article."""
        if not self._has_articles:
            self._has_articles = self.store.article_count() > 0
        if not self._has_articles:
            raise EmptyIndexError(empty_index_message(self.settings.database_url, self.settings.corpus_dir))

    # reading ---------------------------------------------------------------
    def check(self, text: str, *, automatic: bool = False) -> CheckReport:
        """Check a message; from an empty index this raises instead of answering "not found"."""
        self.require_articles()
        return check_text(
            text,
            nlp=self.nlp,
            store=self.store,
            speakers=self.speakers,
            automatic=automatic,
            max_claims=self.settings.max_claims,
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
        """Quotes, optionally of one speaker given by any of their names, under any name the
        index stored them by ("Oduya" and "Keith Oduya": see `quote_owners.named_in_full`)."""
        if speaker is None:
            return self.store.quotes()
        person = self.speakers.canonical(speaker) or speaker
        names = {person} | {s for s in self.store.speakers() if self.speakers.canonical(s) == person}
        hits = {h.quote.id: h for name in names for h in self.store.quotes(name)}
        return sorted(hits.values(), key=lambda h: (h.article.path, h.quote.id or 0))

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
