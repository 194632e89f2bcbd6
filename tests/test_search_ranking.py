"""How full-text search ranks sentences, on both stores.

A claim's rare words say more about which sentence it is about than its common
ones; both backends weight words by how rare they are in the index (SQLite:
FTS5 bm25; PostgreSQL: a two-stage query, candidates by rare terms first, then
BM25-style scoring of the best). Hand-made articles, no spaCy.
"""

from __future__ import annotations

import pytest
from store_fixtures import parsed_article, passage, quote

from bot.store.base import Store


def _harbour_articles(common_sentences: int) -> list:
    """Many sentences about 'the port' and one that names the 'Ardmore' dock."""
    filler = [
        parsed_article(
            f"news/port-{i}.txt",
            [passage(0, f"The port handled cargo ships on day {i}.")],
            [quote(f"The port is busy on day {i}", "Mara Voss")],
        )
        for i in range(common_sentences)
    ]
    named = parsed_article(
        "news/ardmore.txt",
        [
            passage(0, "Dockers walked out at Ardmore after the pay offer, leaving the port idle all week long."),
            passage(1, "Ardmore dockers voted."),
        ],
        [quote("Ardmore dockers will not go back to the port", "Lena Okafor")],
    )
    return [*filler, named]


def test_a_rare_word_outranks_a_common_one(store: Store) -> None:
    for article in _harbour_articles(12):
        store.save_article(article)

    hits = store.search_passages(["port", "ardmore"], limit=3)

    assert "Ardmore" in hits[0].passage.text
    assert store.search_quotes(["port", "ardmore"], limit=1)[0].quote.speaker == "Lena Okafor"


def test_of_two_sentences_matching_the_same_words_the_shorter_ranks_first(store: Store) -> None:
    for article in _harbour_articles(3):
        store.save_article(article)

    hits = store.search_passages(["ardmore", "dockers"], limit=2)

    assert [hit.passage.text for hit in hits] == [
        "Ardmore dockers voted.",
        "Dockers walked out at Ardmore after the pay offer, leaving the port idle all week long.",
    ]


# the postings budget is PostgreSQL's stage 1 (FTS5 ranks inside SQLite): these run there only
@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"])
def test_on_postgres_common_terms_beyond_the_postings_budget_are_not_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At archive scale a claim's commonest words would mean reading most of the index."""
    from bot.store import postgres

    for article in _harbour_articles(12):
        store.save_article(article)
    monkeypatch.setattr(postgres, "POSTINGS_BUDGET", 5)
    monkeypatch.setattr(postgres, "MIN_TERMS", 1)

    hits = store.search_passages(["port", "ardmore", "cargo"], limit=20)

    # 'ardmore' (2 sentences) fits the budget; 'port' and 'cargo' (12-13 each) are skipped,
    # so only sentences with the rare word are candidates, best first
    assert {hit.passage.text.split()[0] for hit in hits} == {"Ardmore", "Dockers"}


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"])
def test_on_postgres_the_rarest_terms_are_read_however_common(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.store import postgres

    for article in _harbour_articles(12):
        store.save_article(article)
    monkeypatch.setattr(postgres, "POSTINGS_BUDGET", 0)

    hits = store.search_passages(["port", "cargo"], limit=50)

    assert len(hits) == 13  # both terms are within MIN_TERMS: every matching sentence


@pytest.mark.postgres
def test_on_postgres_search_indexes_keep_their_pending_list_small(pg_session_url: str) -> None:
    """Unmerged GIN entries are scanned by every search; the migration caps them at 512 kB."""
    import psycopg

    with psycopg.connect(pg_session_url) as conn:
        options = dict(conn.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN ('passages_tsv', 'quotes_tsv')"
        ).fetchall())

    assert options == {
        "passages_tsv": ["gin_pending_list_limit=512"],
        "quotes_tsv": ["gin_pending_list_limit=512"],
    }
