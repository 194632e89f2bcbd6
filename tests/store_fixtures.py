"""Store fixtures and hand-made article builders for the store tests.

`store` is parametrised over both backends. PostgreSQL tests run on the real
server at 127.0.0.1:5432 in a database created for this test session
(`factcheck_test_<random>`, dropped at the end) and emptied before each test.
When the server is unreachable those tests FAIL: CI starts it, so a skip
would only hide a broken setup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.core.models import Article, Entity, ParsedArticle, Passage, Quantity, Quote
from bot.store.base import Store

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
STATE_TABLES = (
    "articles, passages, quotes, processed_events, flagged_threads, checks, feedback, "
    "term_stats, corpus_stats, article_versions, fetches, reviews"
)

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


# builders ----------------------------------------------------------------------------
def passage(position: int, text: str, **fields: object) -> Passage:
    """A passage whose lemmas default to its lower-cased words."""
    fields.setdefault("lemmas", " ".join(word.strip(".,\"'").lower() for word in text.split()))
    return Passage(position=position, text=text, **fields)  # type: ignore[arg-type]


def quote(text: str, speaker: str | None, **fields: object) -> Quote:
    fields.setdefault("lemmas", " ".join(word.strip(".,\"'").lower() for word in text.split()))
    return Quote(text=text, speaker=speaker, **fields)  # type: ignore[arg-type]


def parsed_article(
    path: str,
    passages: list[Passage],
    quotes: list[Quote] = (),  # type: ignore[assignment]
    **meta: object,
) -> ParsedArticle:
    """An article whose body is its passages and whose hash is the body's SHA-256."""
    body = " ".join(p.text for p in passages)
    article = Article(
        path=path,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        body=body,
        **meta,  # type: ignore[arg-type]
    )
    return ParsedArticle(article=article, passages=list(passages), quotes=list(quotes))


def hegseth_article(path: str = "news/hegseth.txt") -> ParsedArticle:
    """A defence story: a negated deployment, a duration, a direct and a reported quote."""
    return parsed_article(
        path,
        [
            passage(
                0,
                "US Defense Secretary Pete Hegseth said on Wednesday that troops would not be deployed to Ukraine.",
                lemmas="us defense secretary pete hegseth say on wednesday that troop would not be deploy to ukraine",
                entities=[
                    Entity(text="Pete Hegseth", label="PERSON", canonical="Pete Hegseth"),
                    Entity(text="Ukraine", label="GPE", canonical="Ukraine"),
                ],
                dates=[dt.date(2025, 2, 12)],
                negated=True,
            ),
            passage(
                1,
                "The meeting in Brussels lasted over 90 minutes.",
                lemmas="the meeting in brussels last over 90 minute",
                quantities=[Quantity(text="over 90 minutes", value=90, unit="minute", comparator="gt")],
            ),
        ],
        [
            quote(
                "There will not be U.S. troops deployed to Ukraine",
                "Pete Hegseth",
                speaker_mention="Hegseth",
                cue="said",
                passage_position=0,
                context="There will not be U.S. troops deployed to Ukraine, Hegseth said.",
                lemmas="there will not be u.s. troop deploy to ukraine",
            ),
            quote(
                "a return to Ukraine's pre-2014 borders was unrealistic",
                "Pete Hegseth",
                speaker_mention="he",
                cue="emphasized",
                kind="reported",
                passage_position=1,
            ),
        ],
        title="Hegseth rules out US troops in Ukraine",
        outlet="The Sydney Morning Herald",
        byline="Michael Koziol",
        dateline="Brussels",
        published=dt.date(2025, 2, 13),
        url="https://example.org/hegseth",
    )


def zelensky_article(path: str = "news/zelensky.txt") -> ParsedArticle:
    return parsed_article(
        path,
        [
            passage(0, "Ukrainian President Volodymyr Zelenskiy met European leaders in Munich."),
            passage(1, "Inflation rose to 5 percent, the central bank said."),
        ],
        [quote("We need security guarantees", "Volodymyr Zelenskyy", cue="said", passage_position=0)],
        title="Zelenskiy in Munich",
        outlet="Reuters",
        published=dt.date(2025, 2, 14),
    )


def numbered_articles(count: int, prefix: str = "bulk") -> list[ParsedArticle]:
    """Distinct small articles, for volume and concurrency tests."""
    return [
        parsed_article(
            f"{prefix}/{n:04d}.txt",
            [
                passage(0, f"Report number {n} covers the harbour expansion in Rotterdam."),
                passage(1, f"The council approved {n} new berths on Tuesday."),
            ],
            [quote(f"Berth {n} opens next year", "Anna Jansen", passage_position=1)],
            outlet="Port Weekly",
        )
        for n in range(count)
    ]


# PostgreSQL ----------------------------------------------------------------------------
def _admin_connection():  # type: ignore[no-untyped-def]
    import psycopg

    try:
        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(
            "PostgreSQL is not reachable at 127.0.0.1:5432 (user postgres): the PostgreSQL store "
            "tests need the real server. Start it with "
            "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` "
            f"(.ci/run does this). Error: {exc}",
            pytrace=False,
        )


@contextmanager
def temporary_pg_database() -> Iterator[str]:
    """A brand-new, empty database; dropped (with its connections) afterwards."""
    name = f"factcheck_test_{secrets.token_hex(6)}"
    with _admin_connection() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[str]:
    """One fresh database for the whole test session, migrated once."""
    from bot.store.postgres import PostgresStore

    with temporary_pg_database() as url:
        store = PostgresStore(url)
        store.migrate()
        store.close()
        yield url


def _empty_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {STATE_TABLES} RESTART IDENTITY CASCADE")


# the parametrised store ------------------------------------------------------------------
@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def store_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty, migrated database of the test's backend."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'index' / 'factcheck.db'}"
    url = request.getfixturevalue("pg_session_url")
    _empty_pg(url)
    return url


@pytest.fixture()
def open_store_at() -> Iterator[Callable[[str], Store]]:
    """Open (and migrate) more store objects, e.g. a second bot replica; closed afterwards."""
    from bot.store import open_store

    opened: list[Store] = []

    def _open(url: str) -> Store:
        store = open_store(url)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture()
def store(store_url: str, open_store_at: Callable[[str], Store]) -> Store:
    """An empty, migrated store of the test's backend."""
    return open_store_at(store_url)


@pytest.fixture()
def fresh_store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL of a database with no schema at all (for migration tests)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh' / 'factcheck.db'}"
        return
    with temporary_pg_database() as url:
        yield url


# worker for the multi-process tests (importable by spawned children) -------------------------
def ingest_worker(url: str, count: int, reverse: bool, barrier, results) -> None:  # type: ignore[no-untyped-def]
    """Open a store in this process, wait for the sibling, ingest `count` articles."""
    from bot.store import open_store

    store = open_store(url)
    articles = numbered_articles(count)
    if reverse:
        articles.reverse()
    barrier.wait()
    statuses = [(parsed.article.path, store.save_article(parsed).status) for parsed in articles]
    store.close()
    results.put(statuses)
