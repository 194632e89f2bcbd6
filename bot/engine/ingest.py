"""Ingest orchestration: files -> cleaned articles -> spaCy -> one store transaction each.

Loading and cleaning live in `corpus`, sentence facts in `facts`, quotes in
`quotes`; this module only sequences them, batches spaCy with `nlp.pipe`, and
turns every failure into a line of the IngestReport so one bad file never
stops the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from bot.engine import corpus, facts, quotes
from bot.engine.errors import FactCheckError, IngestError
from bot.engine.models import Article, IngestFailure, IngestReport, ParsedArticle
from bot.engine.speakers import SpeakerResolver
from bot.store.base import Store

log = logging.getLogger(__name__)
ProgressCallback = Callable[[str], None]
BATCH_SIZE = 16


def parse_article(article: Article, doc: Doc, resolver: SpeakerResolver) -> ParsedArticle:
    """Turn one cleaned article and its parsed body into passages and quotes."""
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            resolver.register(ent.text)
    passages = [
        facts.analyse_sentence(sent, position=i, published=article.published)
        for i, sent in enumerate(doc.sents)
        if sent.text.strip()
    ]
    for position, passage in enumerate(passages):
        passage.position = position
    return ParsedArticle(
        article=article, passages=passages, quotes=quotes.extract_quotes(doc, resolver=resolver)
    )


def _load_all(
    files: Iterable[Path], *, max_bytes: int, outlets: corpus.OutletDirectory, report: IngestReport
) -> Iterator[Article]:
    for path in files:
        try:
            loaded = corpus.read_articles(path, max_bytes=max_bytes, outlets=outlets)
        except IngestError as exc:
            reason = getattr(exc, "reason", None) or str(exc)
            report.failed.append(IngestFailure(path=str(path), reason=reason))
            continue
        report.failed.extend(loaded.skipped)
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
    n_process: int = 1,
) -> IngestReport:
    """Index files and folders; report added, unchanged and failed per file."""
    report = IngestReport()
    files, failures = corpus.discover(paths, max_bytes=max_bytes)
    report.failed.extend(failures)

    pending: list[Article] = []
    for article in _load_all(files, max_bytes=max_bytes, outlets=outlets, report=report):
        if store.has_content(article.content_hash):
            report.unchanged.append(article.path)
            if progress:
                progress(article.path)
        else:
            pending.append(article)

    docs = nlp.pipe((a.body for a in pending), batch_size=BATCH_SIZE, n_process=n_process)
    for article, doc in zip(pending, docs):
        try:
            parsed = parse_article(article, doc, resolver)
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
            target = report.unchanged if result.status == "unchanged" else report.added
            target.append(article.path)
        if progress:
            progress(article.path)
    return report
