"""Ingest orchestration: files (or fetched pages) -> cleaned articles -> spaCy -> one store
transaction each.

Loading and cleaning live in `corpus`, sentence facts in `facts`, quotes in
`quotes`; this module only sequences them, batches spaCy with `nlp.pipe`, and
turns every failure into a line of the IngestReport so one bad file never
stops the batch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from bot.ingest import corpus, quotes

from bot.language import facts
from bot.core.errors import FactCheckError, IngestError
from bot.core.models import Article, IngestFailure, IngestReport, ParsedArticle, Review
from bot.store.review_index import SentenceEncoder, index_reviews
from bot.language.speakers import SpeakerResolver
from bot.store.base import Store

log = logging.getLogger(__name__)
ProgressCallback = Callable[[int, int, str], None]  # (done, total, path)
BATCH_SIZE = 16
PARALLEL_FROM = 40  # articles: below this, starting worker processes costs more than it saves


def worker_processes(requested: int, articles: int) -> int:
    """spaCy worker processes: `requested`, or with 0 as many as cores allow for a large batch."""
    if requested > 0:
        return requested
    return min(os.cpu_count() or 1, 4) if articles >= PARALLEL_FROM else 1


def parse_article(
    article: Article,
    doc: Doc,
    resolver: SpeakerResolver,
    headings: Sequence[tuple[int, Doc]] = (),
) -> ParsedArticle:
    """Turn one cleaned article and its parsed body into passages and quotes.

    `headings` are the parsed headline and standfirst with their positions (see
    `corpus.heading_passages`): each becomes one passage, whole, before the body's
    sentences, which keep their positions from 0. Quotes come from the body only.
    """
    for parsed in (doc, *(d for _, d in headings)):
        for ent in parsed.ents:
            if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
                resolver.register(ent.text)
    passages = [
        facts.analyse_sentence(heading[:], position=position, published=article.published)
        for position, heading in headings
        if heading.text.strip()
    ]
    body = [
        facts.analyse_sentence(sent, position=0, published=article.published)
        for sent in doc.sents
        if sent.text.strip()
    ]
    for position, passage in enumerate(body):
        passage.position = position
    return ParsedArticle(
        article=article,
        passages=passages + body,
        quotes=quotes.extract_quotes(doc, resolver=resolver),
    )


def _parse_all(
    nlp: Language, articles: list[Article], processes: int
) -> Iterator[tuple[Article, Doc, list[tuple[int, Doc]]]]:
    """Each article with its parsed body and parsed headings, from one `nlp.pipe` stream
    (so worker processes and batching cover the headings too)."""
    planned = [(article, corpus.heading_passages(article)) for article in articles]
    texts = (
        text
        for article, headings in planned
        for text in (*(heading for _, heading in headings), article.body)
    )
    docs = nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes)
    for article, headings in planned:
        heading_docs = [(position, next(docs)) for position, _ in headings]
        yield article, next(docs), heading_docs


def _load_all(
    files: Iterable[Path],
    *,
    max_bytes: int,
    outlets: corpus.OutletDirectory,
    report: IngestReport,
    reviews: list[Review],
) -> Iterator[Article]:
    """Each file's articles; its fact-check records go to `reviews`, its failures to `report`."""
    for path in files:
        try:
            loaded = corpus.read_articles(path, max_bytes=max_bytes, outlets=outlets)
        except IngestError as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            report.failed.append(IngestFailure(path=str(path), reason=reason))
            continue
        report.failed.extend(loaded.skipped)
        reviews.extend(loaded.reviews)
        yield from loaded.articles


def ingest_paths(
    paths: list[Path],
    *,
    nlp: Language,
    store: Store,
    resolver: SpeakerResolver,
    outlets: corpus.OutletDirectory,
    max_bytes: int,
    progress: ProgressCallback | None = None,
    n_process: int = 0,
    encoder: SentenceEncoder | None = None,
) -> IngestReport:
    """Index files and folders; report added, updated, unchanged and failed per file.

    Fact-check records (ClaimReview markup, review exports) found on the way
    are saved as reviews, with their vectors when an `encoder` is given.
    `n_process` 0 picks the number of spaCy worker processes by batch size.
    """
    report = IngestReport()
    files, failures = corpus.discover(paths, max_bytes=max_bytes)
    report.failed.extend(failures)
    reviews: list[Review] = []
    articles = _load_all(files, max_bytes=max_bytes, outlets=outlets, report=report, reviews=reviews)
    index_articles(
        articles, report, nlp=nlp, store=store, resolver=resolver, progress=progress, n_process=n_process
    )
    save_reviews(reviews, report, nlp=nlp, store=store, encoder=encoder)
    return report


def save_reviews(
    reviews: list[Review],
    report: IngestReport,
    *,
    nlp: Language,
    store: Store,
    encoder: SentenceEncoder | None,
) -> None:
    """Analyse, embed and store fact-check records (from files or the web), counted in `report`."""
    if not reviews:
        return
    try:
        counts = index_reviews(reviews, nlp=nlp, store=store, encoder=encoder)
    except FactCheckError as exc:
        report.failed.append(IngestFailure(path=reviews[0].source, reason=f"fact-check records not saved: {exc}"))
        return
    for name in ("added", "updated", "unchanged"):
        setattr(report.reviews, name, getattr(report.reviews, name) + getattr(counts, name))


def index_articles(
    articles: Iterable[Article],
    report: IngestReport,
    *,
    nlp: Language,
    store: Store,
    resolver: SpeakerResolver,
    progress: ProgressCallback | None = None,
    n_process: int = 0,
) -> None:
    """Parse and store cleaned articles (from files or the web), adding each to `report`."""
    pending: list[Article] = []
    for article in articles:
        if store.has_content(article.content_hash):
            report.unchanged.append(article.path)
        else:
            pending.append(article)
    total, done = len(pending) + len(report.unchanged), len(report.unchanged)
    if progress and done:
        progress(done, total, report.unchanged[-1])

    processes = worker_processes(n_process, len(pending))
    for article, doc, headings in _parse_all(nlp, pending, processes):
        try:
            parsed = parse_article(article, doc, resolver, headings)
        except Exception as exc:  # an analysis bug must not sink the whole batch
            log.exception("analysing %s failed", article.path)
            report.failed.append(
                IngestFailure(path=article.path, reason=f"could not analyse the text ({exc!r})")
            )
            continue
        try:
            result = store.save_article(parsed)
        except FactCheckError as exc:
            report.failed.append(IngestFailure(path=article.path, reason=str(exc)))
        else:
            outcome = {"unchanged": report.unchanged, "updated": report.updated}
            outcome.get(result.status, report.added).append(article.path)
        done += 1
        if progress:
            progress(done, total, article.path)
