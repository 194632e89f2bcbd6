"""The Store protocol: what the engine and the Slack handlers need from a database.

Two implementations share it: SQLite (embedded default, FTS5) and PostgreSQL
(scale-out, tsvector + pg_trgm). The same test suite runs against both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from bot.core.models import Article, ArticleSummary, ArticleVersion, ParsedArticle, Passage, Quote, Review

ReviewStatus = Literal["added", "unchanged", "updated"]


class PassageHit(BaseModel):
    """A passage found by full-text search, with its article (body left empty)."""

    passage: Passage
    article: Article
    rank: float  # higher is better, comparable only within one search


class QuoteHit(BaseModel):
    quote: Quote
    article: Article
    rank: float = 0.0


class ReviewHit(BaseModel):
    review: Review
    rank: float = 0.0  # higher is better, comparable only within one search


class ReviewVectors(BaseModel):
    """What the review matcher keeps in memory: ids, lemmas and vectors of every review."""

    ids: list[int]
    lemmas: list[str]
    embeddings: list[bytes | None]


class CheckAudit(BaseModel):
    """One line of the audit log: who asked what, where, and what the bot said."""

    id: int | None = None
    team: str | None = None
    channel: str | None = None
    user: str | None = None
    source: str = "cli"  # cli, slash, dm, mention, flag, shortcut, thread
    claim: str
    verdict: str
    evidence_ids: list[str] = Field(default_factory=list)  # "p:12", "q:7"
    created_at: dt.datetime | None = None


class FeedbackVote(BaseModel):
    check_id: int
    user: str
    vote: str  # "up" | "down"


class FetchRecord(BaseModel):
    """What the last fetch of a URL left: its validators for a conditional GET, and the
    article it gave (an unchanged page is answered 304 and costs one cheap request)."""

    url: str
    article_path: str | None = None
    content_hash: str | None = None
    index_version: int | None = None
    etag: str | None = None
    last_modified: str | None = None


class SaveResult(BaseModel):
    article_id: int
    status: str  # "added" | "unchanged" | "replaced" (same text re-indexed) | "updated" (new version)


@runtime_checkable
class Store(Protocol):
    url: str

    # lifecycle -----------------------------------------------------------
    def migrate(self) -> list[str]:
        """Apply pending schema steps; return the names applied now."""

    def applied_migrations(self) -> list[str]: ...

    def close(self) -> None: ...

    # articles ------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        """True when an article with this content hash is already indexed."""

    def save_article(self, parsed: ParsedArticle) -> SaveResult:
        """Store one article with its passages and quotes in ONE transaction.

        Same content hash: nothing changes ("unchanged"). Same path with a new
        hash: the article is replaced; when its text changed, this is a new version
        ("updated": the old text is kept in `article_versions`, `updated` set),
        otherwise a re-index ("replaced"). Safe when two processes ingest at once.
        """

    def article_count(self) -> int: ...

    def articles(self) -> list[Article]:
        """All articles with metadata (body included), ordered by path."""

    def article_summaries(self) -> list[ArticleSummary]:
        """All articles' metadata with their passage and quote counts, ordered by path.

        For listings (`factcheck sources`, `/factcheck sources`, App Home): no body is
        loaded, so it stays cheap on a large archive.
        """

    def article(self, article_id: int) -> Article | None: ...

    def article_versions(self, path: str) -> list[ArticleVersion]:
        """Every kept version of `path`, oldest first, the current one last; [] when unknown."""

    def passages(self, article_id: int) -> list[Passage]: ...

    def quotes(self, speaker: str | None = None) -> list[QuoteHit]:
        """Quotes, optionally of one canonical speaker (case-insensitive)."""

    def speakers(self) -> list[str]:
        """Distinct canonical speakers of the indexed quotes (cheap: no quote is loaded)."""

    def named_people(self) -> list[str]:
        """Every full name (two words or more) the tagger marked as a person in the indexed
        passages, once per mention, in the archive's order (article path, then position)."""

    # retrieval -------------------------------------------------------------
    def search_passages(self, terms: list[str], limit: int = 50) -> list[PassageHit]:
        """Full-text OR-search of `terms` (lemmas or words) over passage text and lemmas."""

    def search_quotes(self, terms: list[str], limit: int = 50) -> list[QuoteHit]:
        """Full-text OR-search of `terms` over quote text and lemmas."""

    def term_frequencies(self, terms: list[str]) -> dict[str, int]:
        """How many passages contain each term (as the full-text index tokenises it); 0 when none.

        A term of several tokens ("u.s.") counts as its rarest token. Cheap per
        call (an index lookup per term), so retrieval can leave out words that
        match a large share of the index.
        """

    def passage_count(self) -> int:
        """Number of indexed passages (a stored counter, not a table scan)."""

    # published fact-checks ---------------------------------------------------
    def save_reviews(
        self, reviews: Sequence[Review], embeddings: Sequence[bytes | None] | None = None
    ) -> list[ReviewStatus]:
        """Store reviews (with their claim vectors) in ONE transaction; each one's status.

        Same key and content: "unchanged". Same key (url), new content: "updated",
        the old rating kept with the time it changed.
        """

    def review_count(self) -> int: ...

    def reviews_stamp(self) -> tuple[int, int]:
        """(count, latest revision): changes whenever a review is added or replaced."""

    def review_vectors(self) -> ReviewVectors:
        """Every review's id, lemmas and stored vector (what matching holds in memory)."""

    def reviews_by_id(self, ids: Sequence[int]) -> dict[int, Review]: ...

    def reviews(self) -> list[Review]:
        """Every review, oldest first."""

    def search_reviews(self, terms: list[str], limit: int = 20) -> list[ReviewHit]:
        """Full-text OR-search of `terms` over the reviewed claims, titles and claimants."""

    # web ingest ----------------------------------------------------------------
    def fetch_record(self, url: str) -> FetchRecord | None: ...

    def save_fetch_record(self, record: FetchRecord) -> None:
        """Remember (replace) what fetching `record.url` gave."""

    def poll_lock(self) -> AbstractContextManager[bool]:
        """Held while polling feeds: True inside when this process holds it, False when
        another process (a second bot replica) does. Never blocks."""

    # bot state ---------------------------------------------------------------
    def claim_event(self, event_id: str) -> bool:
        """Record a Slack event id; True only for the first caller (across replicas)."""

    def flag_thread(self, channel: str, thread_ts: str, user: str | None = None, team: str | None = None) -> None: ...

    def unflag_thread(self, channel: str, thread_ts: str) -> bool:
        """Stop watching a thread; True when it was flagged."""

    def is_flagged(self, channel: str, thread_ts: str) -> bool: ...

    def record_check(self, audit: CheckAudit) -> int:
        """Append to the audit log; return the check id (used by feedback buttons)."""

    def recent_checks(self, limit: int = 10, team: str | None = None) -> list[CheckAudit]: ...

    def record_feedback(self, vote: FeedbackVote) -> None:
        """Store a vote; a user's later vote on the same check replaces the earlier one."""

    def feedback_counts(self, check_id: int) -> dict[str, int]: ...
