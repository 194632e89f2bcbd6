"""Copy an index and the bot's state from one store to another.

This is the path a newsroom takes when it outgrows SQLite:
`factcheck migrate-store --to postgresql://…`. Articles go through the
target's own `save_article` (keeping their version numbers), so a second run
finds every content hash already there and changes nothing; fact-checks go
through `save_reviews` with their vectors and earlier ratings. Earlier versions
of changed pages, remembered fetches (ETag / Last-Modified) and the bot's state
are not all reachable through the Store protocol (there is no "list every event
id"), so both SQL stores also implement the small `StateExport` protocol below;
a source without it has only its articles and fact-checks copied, and the
report says so.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol, runtime_checkable

from pydantic import BaseModel

from bot.core.models import ArticleVersion, ParsedArticle
from bot.store.base import CheckAudit, FeedbackVote, FetchRecord, Store


class FlaggedThread(BaseModel):
    """A thread the bot watches for new check-worthy replies."""

    channel: str
    thread_ts: str
    user: str | None = None
    team: str | None = None


@runtime_checkable
class StateExport(Protocol):
    """Reading out (and writing back) what a copy needs beyond the Store protocol."""

    def processed_event_ids(self) -> list[str]: ...

    def flagged_threads(self) -> list[FlaggedThread]: ...

    def all_checks(self) -> list[CheckAudit]:
        """Every audit line, oldest first."""

    def feedback_votes(self) -> list[FeedbackVote]: ...

    def import_check(self, audit: CheckAudit) -> tuple[int, bool]:
        """Insert a copied audit line unless an identical one exists; return (id, inserted)."""

    def fetch_records(self) -> list[FetchRecord]: ...

    def import_article_version(self, version: ArticleVersion) -> bool:
        """Keep a copied earlier version unless its (path, version) is kept already; True when written."""


class TransferReport(BaseModel):
    """What a copy did; `summary()` is what the CLI prints."""

    source: str
    target: str
    articles_added: int = 0
    articles_replaced: int = 0
    articles_unchanged: int = 0
    passages: int = 0
    quotes: int = 0
    reviews_added: int = 0
    reviews_updated: int = 0
    reviews_unchanged: int = 0
    versions_added: int = 0
    versions_existing: int = 0
    fetches_added: int = 0
    fetches_updated: int = 0
    fetches_unchanged: int = 0
    events_added: int = 0
    events_existing: int = 0
    threads: int = 0
    checks_added: int = 0
    checks_existing: int = 0
    votes: int = 0
    state_copied: bool = True

    def summary(self) -> str:
        written = [
            _count(self.articles_added + self.articles_replaced, "article"),
            _count(self.versions_added, "earlier version"),
            _count(self.fetches_added + self.fetches_updated, "fetch record"),
            _count(self.reviews_added + self.reviews_updated, "fact-check"),
            _count(self.events_added, "event"),
            _count(self.checks_added, "check"),
        ]
        what = ", ".join(part for part in written if part) or "nothing new, all already there"
        lines = [
            f"copied {_redact(self.source)} -> {_redact(self.target)}: {what}",
            f"articles: {self.articles_added} added, {self.articles_replaced} replaced, "
            f"{self.articles_unchanged} unchanged ({self.passages} passages, {self.quotes} quotes written)",
            f"fact-checks: {self.reviews_added} added, {self.reviews_updated} updated, "
            f"{self.reviews_unchanged} unchanged",
        ]
        if self.state_copied:
            lines += [
                f"article versions: {self.versions_added} added, {self.versions_existing} already there",
                f"fetch records: {self.fetches_added} added, {self.fetches_updated} updated, "
                f"{self.fetches_unchanged} unchanged",
                f"events: {self.events_added} added, {self.events_existing} already there",
                f"flagged threads: {self.threads}",
                f"checks: {self.checks_added} added, {self.checks_existing} already there",
                f"feedback votes: {self.votes}",
            ]
        else:
            lines.append("article versions, fetch records, bot state: not copied (the source store cannot export them)")
        return "\n".join(lines)


def copy_store(source: Store, target: Store) -> TransferReport:
    """Copy every article (with passages, quotes and earlier versions), fact-check, fetch
    record and the bot state; safe to re-run."""
    report = TransferReport(source=source.url, target=target.url)
    _copy_articles(source, target, report)
    _copy_reviews(source, target, report)
    if isinstance(source, StateExport) and isinstance(target, StateExport):
        _copy_versions(source, target, report)
        _copy_fetches(source, target, report)
        _copy_state(source, target, report)
    else:
        report.state_copied = False
    return report


def _copy_articles(source: Store, target: Store, report: TransferReport) -> None:
    quotes_by_article: dict[int, list] = defaultdict(list)
    for hit in source.quotes():  # ordered by path, then position: the original order
        quotes_by_article[hit.quote.article_id or -1].append(hit.quote)
    for article in source.articles():
        if target.has_content(article.content_hash):
            report.articles_unchanged += 1
            continue
        passages = source.passages(article.id) if article.id is not None else []
        quotes = quotes_by_article.get(article.id or -1, [])
        parsed = ParsedArticle(
            article=article.model_copy(update={"id": None}),
            passages=[p.model_copy(update={"id": None, "article_id": None}) for p in passages],
            quotes=[q.model_copy(update={"id": None, "article_id": None}) for q in quotes],
        )
        result = target.save_article(parsed)
        if result.status == "unchanged":
            report.articles_unchanged += 1
            continue
        if result.status in ("replaced", "updated"):
            report.articles_replaced += 1
        else:
            report.articles_added += 1
        report.passages += len(passages)
        report.quotes += len(quotes)


def _copy_reviews(source: Store, target: Store, report: TransferReport) -> None:
    """Reviews with their stored vectors (nothing is re-embedded)."""
    reviews = source.reviews()
    found = source.review_vectors()
    vectors = dict(zip(found.ids, found.embeddings))
    statuses = target.save_reviews(
        [r.model_copy(update={"id": None}) for r in reviews], [vectors.get(r.id or -1) for r in reviews]
    )
    for status in statuses:
        name = f"reviews_{status}"
        setattr(report, name, getattr(report, name) + 1)


def _copy_versions(source: Store, target: StateExport, report: TransferReport) -> None:
    """The kept earlier texts of every page that changed (the current one is the article)."""
    for summary in source.article_summaries():
        if summary.versions <= 1:
            continue
        for version in source.article_versions(summary.path):
            if version.replaced_at is None:  # the current text, copied as the article
                continue
            if target.import_article_version(version):
                report.versions_added += 1
            else:
                report.versions_existing += 1


def _copy_fetches(source: StateExport, target: Store, report: TransferReport) -> None:
    """ETag / Last-Modified per URL, so the target's next poll stays a conditional request."""
    for record in source.fetch_records():
        there = target.fetch_record(record.url)
        if there == record:
            report.fetches_unchanged += 1
            continue
        target.save_fetch_record(record)
        if there is None:
            report.fetches_added += 1
        else:
            report.fetches_updated += 1


def _copy_state(source: StateExport, target: StateExport, report: TransferReport) -> None:
    target_store: Store = target  # type: ignore[assignment]  # both protocols, checked by caller
    for event_id in source.processed_event_ids():
        if target_store.claim_event(event_id):
            report.events_added += 1
        else:
            report.events_existing += 1
    for thread in source.flagged_threads():
        target_store.flag_thread(thread.channel, thread.thread_ts, user=thread.user, team=thread.team)
        report.threads += 1
    check_ids: dict[int, int] = {}
    for audit in source.all_checks():
        new_id, inserted = target.import_check(audit.model_copy(update={"id": None}))
        if audit.id is not None:
            check_ids[audit.id] = new_id
        if inserted:
            report.checks_added += 1
        else:
            report.checks_existing += 1
    for vote in source.feedback_votes():
        if vote.check_id in check_ids:
            target_store.record_feedback(vote.model_copy(update={"check_id": check_ids[vote.check_id]}))
            report.votes += 1


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}" if n else ""


def _redact(url: str) -> str:
    """Hide a password in a database URL before printing it."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}{':***' if ':' in credentials else ''}@{host}"
