"""Small made-up newsrooms for the check tests.

Hand-written articles go through the real ingest analysis (spaCy, facts,
quotes) into an in-memory SQLite store; `checker_for` returns a function that
checks a claim against them, the way FactChecker.check does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

from spacy.language import Language

from bot.check.pipeline import check_text
from bot.ingest.corpus import heading_passages
from bot.ingest.pipeline import parse_article
from bot.core.models import Article, CheckReport, Evidence
from bot.language.speakers import SpeakerResolver
from bot.store import open_store
from bot.store.base import Store

# (path, outlet, title, body)
ArticleSpec = tuple[str, str, str, str]
Check = Callable[..., CheckReport]
PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


def save_written_article(
    store: Store,
    nlp: Language,
    speakers: SpeakerResolver,
    *,
    path: str,
    outlet: str,
    title: str,
    body: str,
    standfirst: str | None = None,
    with_headings: bool = False,
) -> None:
    """Analyse one hand-written article as ingest does and save it.

    `with_headings` also indexes the headline and standfirst as passages (as ingest
    does); most check tests leave them out so that only the body is evidence.
    """
    article = Article(
        path=path,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        title=title,
        standfirst=standfirst,
        outlet=outlet,
        published=PUBLISHED,
        body=body,
    )
    headings = (
        [(position, nlp(text)) for position, text in heading_passages(article)] if with_headings else []
    )
    store.save_article(parse_article(article, nlp(body), speakers, headings))


def index_articles(
    nlp: Language, speakers: SpeakerResolver, articles: Sequence[ArticleSpec], *, with_headings: bool = False
) -> Store:
    """A fresh in-memory store holding the hand-written articles (their headlines as passages
    too `with_headings`, as ingest stores them)."""
    store = open_store("sqlite:///:memory:")
    for path, outlet, title, body in articles:
        save_written_article(
            store, nlp, speakers, path=path, outlet=outlet, title=title, body=body, with_headings=with_headings
        )
    for speaker in store.speakers():
        speakers.register(speaker)
    return store


def checker_over(store: Store, nlp: Language, speakers: SpeakerResolver) -> Check:
    """check(text, **options) over an existing store, the way FactChecker.check runs."""

    def check(text: str, **options: object) -> CheckReport:
        return check_text(text, nlp=nlp, store=store, speakers=speakers, **options)  # type: ignore[arg-type]

    return check


def checker_for(nlp: Language, articles: Sequence[ArticleSpec], *, with_headings: bool = False) -> Check:
    """check(text, **options) over a store of just these articles."""
    speakers = SpeakerResolver()
    return checker_over(index_articles(nlp, speakers, articles, with_headings=with_headings), nlp, speakers)


def codes(evidence: list[Evidence]) -> set[str]:
    """The reason codes a report's evidence carries."""
    return {r.code for e in evidence for r in e.reasons}
