"""Web ingest: URLs of article pages, RSS/Atom feeds and sitemaps -> cleaned articles.

Fetched HTML goes through the same loader as HTML files (`corpus_loading.load_html`),
so every extraction that applies to a file applies to a page. A page is stored
under its canonical URL, so the same story reached through a feed, a sitemap or
a tracking link is one article, and a changed text there is a new version.
Each URL that fails is one line of the report; the others carry on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from urllib.parse import urlsplit

from bot.ingest import corpus
from bot.ingest.loading import INDEX_VERSION, load_html, text_hash
from bot.core.errors import IngestError
from bot.ingest.fetch import Fetched, FetchError, Fetcher, Validators
from bot.ingest.pipeline import ProgressCallback
from bot.core.models import Article, IngestFailure, IngestReport, Review
from bot.ingest.web_documents import Links, document_kind, feed_links, sitemap_links
from bot.store.base import FetchRecord, Store

log = logging.getLogger(__name__)

MAX_SITEMAPS = 50  # nested sitemaps read per URL given (an index of indexes stops here)


def _same_site(a: str, b: str) -> bool:
    host_a, host_b = (urlsplit(u).hostname or "" for u in (a, b))
    return host_a.removeprefix("www.") == host_b.removeprefix("www.")


class WebCollector:
    """Fetches what the URLs point at and yields the articles to index."""

    def __init__(
        self, fetcher: Fetcher, store: Store, outlets: corpus.OutletDirectory, report: IngestReport
    ) -> None:
        self.fetcher = fetcher
        self.store = store
        self.outlets = outlets
        self.report = report
        self.reviews: list[Review] = []  # ClaimReviews found on the pages, saved by the caller

    def articles(self, urls: list[str], progress: ProgressCallback | None = None) -> Iterator[Article]:
        """Every article the URLs lead to; failures go to the report."""
        for url in urls:
            fetched = self._fetch_changed(url)
            if fetched is None:
                continue
            kind = document_kind(fetched)
            if kind == "page":
                if (article := self._article(fetched)) is not None:
                    yield article
                continue
            try:
                pages = self._listed_pages(fetched, kind)
            except ValueError as exc:
                self._fail(url, str(exc))
                continue
            for done, page in enumerate(pages, start=1):
                if progress:
                    progress(done, len(pages), page)
                yield from self._page(page)

    # steps ---------------------------------------------------------------------------
    def _listed_pages(self, fetched: Fetched, kind: str) -> list[str]:
        """The page links of a feed, or of a sitemap and the sitemaps it nests."""
        if kind == "feed":
            return feed_links(fetched).pages
        pages: dict[str, None] = {}
        queue, seen = [fetched], {fetched.final_url}
        while queue:
            links: Links = sitemap_links(queue.pop(0))
            pages.update(dict.fromkeys(links.pages))
            for nested in links.sitemaps:
                if nested in seen or len(seen) >= MAX_SITEMAPS:
                    continue
                seen.add(nested)
                try:
                    queue.append(self.fetcher.get(nested))
                except FetchError as exc:
                    self._fail(nested, exc.reason)
        return list(pages)

    def _page(self, url: str) -> Iterator[Article]:
        fetched = self._fetch_changed(url)
        if fetched is not None and (article := self._article(fetched)) is not None:
            yield article

    def _fetch_changed(self, url: str) -> Fetched | None:
        """The document, or None when it failed or is unchanged (either is in the report)."""
        try:
            fetched = self._fetch(url)
        except FetchError as exc:
            self._fail(url, exc.reason)
            return None
        if fetched.status == "not_modified":
            self._unchanged(url)
            return None
        return fetched

    def _fetch(self, url: str) -> Fetched:
        """A conditional GET when the last fetch of `url` is still what the index holds."""
        record = self.store.fetch_record(url)
        validators = None
        if (
            record is not None
            and record.index_version == INDEX_VERSION
            and record.content_hash
            and self.store.has_content(record.content_hash)
        ):
            validators = Validators(etag=record.etag, last_modified=record.last_modified)
        return self.fetcher.get(url, validators)

    def _article(self, fetched: Fetched) -> Article | None:
        """Extract the page, name it by its canonical URL, remember the fetch's validators."""
        try:
            loaded = load_html(fetched.body, path=fetched.final_url)
            self.reviews.extend(loaded.reviews)
            self.report.failed.extend(loaded.skipped)
            if not loaded.articles:  # a page of fact-check markup only
                return None
            raw = loaded.articles[0]
            canonical = raw.hints.url if raw.hints.url and _same_site(raw.hints.url, fetched.final_url) else None
            path = canonical or fetched.final_url
            raw = raw.model_copy(
                update={"path": path, "content_hash": text_hash(raw), "hints": raw.hints.model_copy(update={"url": path})}
            )
            article = corpus.build_article(raw, outlets=self.outlets, manifest=None)
        except IngestError as exc:
            self._fail(fetched.url, getattr(exc, "reason", None) or str(exc))
            return None
        self.store.save_fetch_record(
            FetchRecord(
                url=fetched.url,
                article_path=article.path,
                content_hash=article.content_hash,
                index_version=INDEX_VERSION,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
            )
        )
        return article

    def _unchanged(self, url: str) -> None:
        record = self.store.fetch_record(url)
        self.report.unchanged.append((record.article_path if record else None) or url)

    def _fail(self, url: str, reason: str) -> None:
        log.info("not indexed: %s: %s", url, reason)
        self.report.failed.append(IngestFailure(path=url, reason=reason))


def is_url(text: str) -> bool:
    """What `factcheck ingest` treats as a URL rather than a path: anything with a scheme."""
    return "://" in text or text.lower().startswith(("http:", "https:", "file:"))
