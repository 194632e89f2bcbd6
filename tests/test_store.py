"""The Store protocol, one suite run against SQLite and PostgreSQL.

Each test arranges a few hand-made articles (no spaCy), acts once and checks
what the engine or the Slack handlers would notice.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from store_fixtures import (
    hegseth_article,
    ingest_worker,
    numbered_articles,
    parsed_article,
    passage,
    quote,
    temporary_pg_database,
    zelensky_article,
)

from bot.core.errors import StoreError
from bot.core.models import HEADLINE_POSITION, STANDFIRST_POSITION, ParsedArticle, Quantity
from bot.store import open_store
from bot.store.base import CheckAudit, FeedbackVote, Store
from bot.store.sqlite import SQLiteStore
from bot.store.transfer import copy_store

ALL_STEPS = [
    "0001_articles", "0002_bot_state", "0003_event_retention", "0004_term_stats", "0005_search_pending_list",
    "0006_article_versions", "0007_reviews",
]


# lifecycle -----------------------------------------------------------------------------
def test_a_store_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_migrate_applies_named_steps_once(fresh_store_url: str) -> None:
    from bot.store.postgres import PostgresStore  # noqa: F401  (imported lazily elsewhere)

    store = SQLiteStore(fresh_store_url) if fresh_store_url.startswith("sqlite") else PostgresStore(fresh_store_url)
    try:
        assert store.applied_migrations() == []
        assert store.migrate() == ALL_STEPS
        assert store.migrate() == []
        assert store.applied_migrations() == ALL_STEPS
    finally:
        store.close()


def test_two_stores_migrating_at_once_apply_each_step_once(fresh_store_url: str) -> None:
    from bot.store.postgres import PostgresStore

    kind = SQLiteStore if fresh_store_url.startswith("sqlite") else PostgresStore
    stores = [kind(fresh_store_url) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    applied: list[list[str]] = []
    errors: list[BaseException] = []

    def migrate(store: Store) -> None:
        barrier.wait()
        try:
            applied.append(store.migrate())
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=migrate, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert sorted(applied, key=len) == [[], [], [], ALL_STEPS]
        assert stores[0].applied_migrations() == ALL_STEPS
    finally:
        for store in stores:
            store.close()


# articles --------------------------------------------------------------------------------
def test_a_saved_article_reads_back_with_ids_and_nested_facts(store: Store) -> None:
    parsed = hegseth_article()

    result = store.save_article(parsed)

    assert result.status == "added"
    article = store.article(result.article_id)
    assert article is not None
    assert article.model_dump(exclude={"id"}) == parsed.article.model_dump(exclude={"id"})
    passages = store.passages(result.article_id)
    assert [p.model_dump(exclude={"id", "article_id"}) for p in passages] == [
        p.model_dump(exclude={"id", "article_id"}) for p in parsed.passages
    ]
    assert all(p.id is not None and p.article_id == result.article_id for p in passages)
    quotes = store.quotes()
    assert [hit.quote.text for hit in quotes] == [q.text for q in parsed.quotes]
    assert all(hit.quote.id is not None and hit.quote.article_id == result.article_id for hit in quotes)
    assert quotes[1].quote.kind == "reported" and quotes[1].quote.speaker_mention == "he"
    assert quotes[0].article.outlet == "The Sydney Morning Herald"
    assert store.has_content(parsed.article.content_hash)
    assert store.article_count() == 1


def test_saving_the_same_content_again_changes_nothing(store: Store) -> None:
    first = store.save_article(hegseth_article())

    again = store.save_article(hegseth_article())
    copy_elsewhere = store.save_article(hegseth_article(path="mirror/hegseth.txt"))

    assert again.status == "unchanged" and again.article_id == first.article_id
    assert copy_elsewhere.status == "unchanged" and copy_elsewhere.article_id == first.article_id
    assert store.article_count() == 1
    assert len(store.passages(first.article_id)) == 2
    assert len(store.quotes()) == 2


def test_a_new_version_of_a_path_replaces_the_old_one(store: Store) -> None:
    old = store.save_article(hegseth_article())
    updated = parsed_article(
        "news/hegseth.txt",
        [passage(0, "Hegseth later clarified his remarks on NATO membership.")],
        outlet="The Sydney Morning Herald",
    )

    result = store.save_article(updated)

    assert result.status == "updated"
    assert store.article_count() == 1
    assert store.article(old.article_id) is None
    assert [p.text for p in store.passages(result.article_id)] == [updated.passages[0].text]
    assert store.quotes() == []
    assert store.search_passages(["brussels"]) == []  # the old sentences left the index too
    assert [hit.passage.text for hit in store.search_passages(["nato"])] == [updated.passages[0].text]


def test_the_old_text_of_a_changed_article_is_kept_as_an_earlier_version(store: Store) -> None:
    store.save_article(hegseth_article())
    changed = parsed_article(
        "news/hegseth.txt", [passage(0, "Hegseth later clarified his remarks on NATO membership.")]
    )

    result = store.save_article(changed)

    versions = store.article_versions("news/hegseth.txt")
    assert [v.version for v in versions] == [1, 2]
    assert "troops would not be deployed" in versions[0].body
    assert versions[1].body == changed.article.body
    current = store.article(result.article_id)
    assert current is not None and current.version == 2
    assert current.updated == dt.datetime.now(dt.timezone.utc).date()
    assert [s.versions for s in store.article_summaries()] == [2]


def test_the_same_text_saved_again_under_a_new_hash_is_a_reindex_not_a_version(store: Store) -> None:
    first = hegseth_article()
    store.save_article(first)
    reindexed = first.model_copy(
        update={"article": first.article.model_copy(update={"content_hash": "after-an-engine-upgrade"})}
    )

    result = store.save_article(reindexed)

    assert result.status == "replaced"
    assert [v.version for v in store.article_versions("news/hegseth.txt")] == [1]


def test_articles_are_listed_by_path_with_their_bodies(store: Store) -> None:
    store.save_article(zelensky_article("b/zelensky.txt"))
    store.save_article(hegseth_article("a/hegseth.txt"))

    articles = store.articles()

    assert [a.path for a in articles] == ["a/hegseth.txt", "b/zelensky.txt"]
    assert articles[0].body.startswith("US Defense Secretary")
    assert str(articles[0].published) == "2025-02-13"


def headed_article() -> ParsedArticle:
    """A story whose headline and standfirst say what no body sentence says."""
    return parsed_article(
        "news/tunnel.txt",
        [
            passage(HEADLINE_POSITION, "Mayor vows toll-free harbour tunnel"),
            passage(
                STANDFIRST_POSITION,
                "No tolls will be charged for ten years, the mayor promised.",
                quantities=[Quantity(text="ten years", value=10, unit="year")],
                negated=True,
            ),
            passage(0, "The city council approved the harbour tunnel on Monday."),
            passage(1, "Construction starts next spring."),
        ],
        [quote("no tolls for ten years", "Anna Jansen", passage_position=0)],
        title="Mayor vows toll-free harbour tunnel",
        outlet="Port Weekly",
    )


def test_headline_and_standfirst_passages_read_back_before_the_body(store: Store) -> None:
    parsed = headed_article()

    saved = store.save_article(parsed)

    passages = store.passages(saved.article_id)
    assert [(p.position, p.kind) for p in passages] == [
        (HEADLINE_POSITION, "headline"), (STANDFIRST_POSITION, "standfirst"), (0, "body"), (1, "body"),
    ]
    assert [p.model_dump(exclude={"id", "article_id"}) for p in passages] == [
        p.model_dump(exclude={"id", "article_id"}) for p in parsed.passages
    ]
    [hit] = store.search_passages(["toll", "vow"])
    assert hit.passage.kind == "headline" and hit.article.outlet == "Port Weekly"
    assert store.quotes()[0].quote.passage_position == 0  # body positions are unchanged
    assert store.passage_count() == 4


def test_article_summaries_list_metadata_and_counts_without_bodies(store: Store) -> None:
    store.save_article(zelensky_article("b/zelensky.txt"))
    store.save_article(hegseth_article("a/hegseth.txt"))
    store.save_article(headed_article())

    summaries = store.article_summaries()

    assert [(s.path, s.passages, s.quotes) for s in summaries] == [
        ("a/hegseth.txt", 2, 2), ("b/zelensky.txt", 2, 1), ("news/tunnel.txt", 4, 1),
    ]
    first = summaries[0]
    assert first.title == "Hegseth rules out US troops in Ukraine"
    assert (first.outlet, first.byline, first.dateline) == ("The Sydney Morning Herald", "Michael Koziol", "Brussels")
    assert first.published == dt.date(2025, 2, 13) and first.url == "https://example.org/hegseth"
    assert first.id == store.articles()[0].id
    assert not hasattr(first, "body")


def test_an_empty_store_has_no_summaries(store: Store) -> None:
    assert store.article_summaries() == []


def test_a_failure_half_way_leaves_no_half_written_article(store: Store) -> None:
    broken = parsed_article(
        "news/broken.txt",
        [passage(0, "The first sentence is fine."), passage(0, "A second sentence claims the same position.")],
    )

    with pytest.raises(StoreError):
        store.save_article(broken)

    assert store.article_count() == 0
    assert not store.has_content(broken.article.content_hash)
    assert store.search_passages(["sentence"]) == []
    assert store.save_article(hegseth_article()).status == "added"  # the store still works


def test_a_failed_replacement_keeps_the_previous_version(store: Store) -> None:
    original = store.save_article(hegseth_article())
    broken = parsed_article("news/hegseth.txt", [passage(3, "One."), passage(3, "Two.")])

    with pytest.raises(StoreError):
        store.save_article(broken)

    assert store.article(original.article_id) is not None
    assert len(store.passages(original.article_id)) == 2
    assert len(store.search_passages(["brussels"])) == 1


# retrieval ------------------------------------------------------------------------------------
def test_search_finds_passages_by_lemma_or_word_best_first(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())

    hits = store.search_passages(["deploy", "troop", "ukraine", "nowhere-to-be-found"])

    assert hits, "lemmas 'deploy'/'troop' should match 'deployed troops'"
    assert hits[0].passage.text.startswith("US Defense Secretary Pete Hegseth")
    assert all(hit.rank > 0 for hit in hits)
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)
    assert hits[0].passage.id is not None and hits[0].passage.entities[0].canonical == "Pete Hegseth"
    assert hits[0].article.outlet == "The Sydney Morning Herald"
    assert hits[0].article.body == ""  # hits carry metadata, not whole bodies


def test_search_is_an_or_of_terms_and_ranks_more_matches_higher(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())

    hits = store.search_passages(["brussels", "munich", "minutes"])

    assert {hit.passage.text for hit in hits} == {
        "The meeting in Brussels lasted over 90 minutes.",
        "Ukrainian President Volodymyr Zelenskiy met European leaders in Munich.",
    }
    assert hits[0].passage.text == "The meeting in Brussels lasted over 90 minutes."


def test_search_respects_the_limit(store: Store) -> None:
    for parsed in numbered_articles(12):
        store.save_article(parsed)

    assert len(store.search_passages(["rotterdam"], limit=5)) == 5
    assert len(store.search_quotes(["berth"], limit=3)) == 3


# document frequencies ---------------------------------------------------------------------
def test_term_frequencies_count_passages_once_per_term(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())
    for parsed in numbered_articles(3):
        store.save_article(parsed)

    counts = store.term_frequencies(["rotterdam", "Ukraine", "troop", "the", "said", "absent", "90"])

    # "Ukraine" is in the text and the lemmas of one passage: counted once
    assert counts == {
        "rotterdam": 3, "Ukraine": 1, "troop": 1, "the": 8, "said": 2, "absent": 0, "90": 1,
    }
    assert store.passage_count() == 10


def test_a_term_of_several_tokens_counts_as_its_rarest_token(store: Store) -> None:
    store.save_article(hegseth_article())
    for parsed in numbered_articles(2):
        store.save_article(parsed)

    counts = store.term_frequencies(["harbour expansion", "the meeting", "", "..."])

    assert counts == {"harbour expansion": 2, "the meeting": 1, "": 0, "...": 0}


def test_term_frequencies_follow_replaced_articles(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())
    assert store.term_frequencies(["brussels", "nato"]) == {"brussels": 1, "nato": 0}

    store.save_article(
        parsed_article("news/hegseth.txt", [passage(0, "Hegseth later clarified his remarks on NATO membership.")])
    )

    assert store.term_frequencies(["brussels", "nato", "hegseth", "munich"]) == {
        "brussels": 0, "nato": 1, "hegseth": 1, "munich": 1,
    }
    assert store.passage_count() == 3


def test_an_empty_store_has_no_frequencies(store: Store) -> None:
    assert store.term_frequencies(["anything"]) == {"anything": 0}
    assert store.term_frequencies([]) == {}
    assert store.passage_count() == 0


@pytest.mark.parametrize(
    "terms",
    [
        ['"', "'", "(", ")", "*", "^", ":", "-", "+", "&", "|", "!", "<->", "\\"],
        ["AND", "OR", "NOT", "NEAR(a b)", "text:hegseth", "hegseth*", '"ukraine'],
        ["don't", "U.S.", "pre-2014", "Zelenskiy's", "50%", "€5bn", "a & b | !c"],
    ],
)
def test_user_text_never_breaks_a_search(store: Store, terms: list[str]) -> None:
    store.save_article(hegseth_article())

    passages = store.search_passages(terms)
    quotes = store.search_quotes(terms)

    assert isinstance(passages, list) and isinstance(quotes, list)


def test_no_usable_terms_means_no_hits(store: Store) -> None:
    store.save_article(hegseth_article())

    assert store.search_passages([]) == []
    assert store.search_passages(["", "   "]) == []
    assert store.search_quotes([]) == []
    assert store.search_passages(["--", "?!"]) == []


def test_quote_search_covers_text_lemmas_and_speaker(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())

    by_words = store.search_quotes(["deploy", "troops"])
    by_speaker = store.search_quotes(["zelenskyy"])

    assert by_words[0].quote.text == "There will not be U.S. troops deployed to Ukraine"
    assert by_words[0].quote.speaker == "Pete Hegseth" and by_words[0].rank > 0
    assert [hit.quote.text for hit in by_speaker] == ["We need security guarantees"]


def test_quotes_of_a_speaker_match_case_insensitively_in_article_order(store: Store) -> None:
    store.save_article(zelensky_article("b/zelensky.txt"))
    store.save_article(hegseth_article("a/hegseth.txt"))
    store.save_article(hegseth_article("c/hegseth-copy.txt").model_copy(
        update={"article": hegseth_article().article.model_copy(
            update={"path": "c/hegseth-copy.txt", "content_hash": "another-hash"})}
    ))

    hits = store.quotes("PETE HEGSETH")

    assert [(hit.article.path, hit.quote.text[:12]) for hit in hits] == [
        ("a/hegseth.txt", "There will n"),
        ("a/hegseth.txt", "a return to "),
        ("c/hegseth-copy.txt", "There will n"),
        ("c/hegseth-copy.txt", "a return to "),
    ]
    assert store.quotes("nobody at all") == []
    assert [hit.article.path for hit in store.quotes()] == [
        "a/hegseth.txt", "a/hegseth.txt", "b/zelensky.txt", "c/hegseth-copy.txt", "c/hegseth-copy.txt",
    ]


def test_readers_keep_working_while_articles_are_written(store_url: str, open_store_at: Callable[[str], Store]) -> None:
    writer, reader = open_store_at(store_url), open_store_at(store_url)
    writer.save_article(hegseth_article())
    errors: list[BaseException] = []
    done = threading.Event()

    def read_until_done() -> None:
        while not done.is_set():
            try:
                assert reader.search_passages(["hegseth", "rotterdam"], limit=10)
                reader.article_count()
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)
                return

    readers = [threading.Thread(target=read_until_done) for _ in range(3)]
    for thread in readers:
        thread.start()
    for parsed in numbered_articles(25):
        writer.save_article(parsed)
    done.set()
    for thread in readers:
        thread.join()

    assert errors == []
    assert reader.article_count() == 26


def test_speakers_lists_each_canonical_speaker_once(store: Store) -> None:
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())

    assert store.speakers() == ["Pete Hegseth", "Volodymyr Zelenskyy"]


# bot state ---------------------------------------------------------------------------------------
def test_an_event_is_claimed_once(store: Store) -> None:
    assert store.claim_event("Ev01") is True
    assert store.claim_event("Ev01") is False
    assert store.claim_event("Ev02") is True


def test_event_ids_older_than_the_retention_are_forgotten(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slack retries within minutes, so the table of processed ids does not grow forever."""
    from bot.store import rows

    monkeypatch.setattr(rows, "EVENT_RETENTION", dt.timedelta(seconds=1))
    assert store.claim_event("EvOLD") is True
    time.sleep(1.2)

    assert store.claim_event("EvNEW") is True  # prunes what was claimed over a second ago

    assert store.claim_event("EvOLD") is True  # forgotten, so a new claim wins again
    assert store.claim_event("EvOLD") is False  # and a retry right after it is still refused


def test_replicas_racing_for_one_event_let_exactly_one_win(
    store_url: str, open_store_at: Callable[[str], Store]
) -> None:
    replicas = [open_store_at(store_url), open_store_at(store_url)]
    callers = 8
    barrier = threading.Barrier(callers)
    wins: list[bool] = []
    lock = threading.Lock()

    def claim(replica: Store) -> None:
        barrier.wait()
        won = replica.claim_event("Ev0RACE")
        with lock:
            wins.append(won)

    threads = [threading.Thread(target=claim, args=(replicas[n % 2],)) for n in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(wins) == [False] * (callers - 1) + [True]


def test_flagged_threads_are_watched_until_unflagged(store: Store) -> None:
    store.flag_thread("C1", "1700000000.000100", user="U1", team="T1")
    store.flag_thread("C1", "1700000000.000100", user="U2", team="T1")  # flagging twice is harmless

    assert store.is_flagged("C1", "1700000000.000100")
    assert not store.is_flagged("C2", "1700000000.000100")
    assert store.unflag_thread("C1", "1700000000.000100") is True
    assert store.unflag_thread("C1", "1700000000.000100") is False
    assert not store.is_flagged("C1", "1700000000.000100")


def test_the_audit_log_lists_recent_checks_newest_first(store: Store) -> None:
    first = store.record_check(CheckAudit(team="T1", channel="C1", user="U1", source="slash",
                                          claim="Hegseth said troops would go", verdict="conflicting",
                                          evidence_ids=["q:1", "p:2"]))
    second = store.record_check(CheckAudit(team="T2", claim="Inflation rose to 5 percent", verdict="supported"))
    third = store.record_check(CheckAudit(team="T1", source="dm", claim="Zelenskiy met leaders", verdict="supported"))

    recent = store.recent_checks()
    team_one = store.recent_checks(team="T1")

    assert len({first, second, third}) == 3
    assert [c.id for c in recent] == [third, second, first]
    assert [c.id for c in team_one] == [third, first]
    assert [c.id for c in store.recent_checks(limit=1)] == [third]
    oldest = recent[-1]
    assert oldest.evidence_ids == ["q:1", "p:2"] and oldest.user == "U1" and oldest.source == "slash"
    assert oldest.created_at is not None and oldest.created_at.tzinfo is not None


def test_one_vote_per_user_and_a_later_vote_replaces_it(store: Store) -> None:
    check_id = store.record_check(CheckAudit(claim="a claim", verdict="supported"))

    store.record_feedback(FeedbackVote(check_id=check_id, user="U1", vote="up"))
    store.record_feedback(FeedbackVote(check_id=check_id, user="U2", vote="up"))
    store.record_feedback(FeedbackVote(check_id=check_id, user="U1", vote="down"))

    assert store.feedback_counts(check_id) == {"up": 1, "down": 1}
    assert store.feedback_counts(check_id + 1000) == {"up": 0, "down": 0}


def test_bad_votes_are_refused_with_a_clear_error(store: Store) -> None:
    check_id = store.record_check(CheckAudit(claim="a claim", verdict="supported"))

    with pytest.raises(StoreError, match="'up' or 'down'"):
        store.record_feedback(FeedbackVote(check_id=check_id, user="U1", vote="sideways"))
    with pytest.raises(StoreError, match="no check with id"):
        store.record_feedback(FeedbackVote(check_id=check_id + 1000, user="U1", vote="up"))


# copying a store -----------------------------------------------------------------------------------
def test_copy_store_moves_index_and_state_and_can_run_twice(tmp_path: Path, store: Store) -> None:
    source = open_store(f"sqlite:///{tmp_path / 'old' / 'factcheck.db'}")
    source.save_article(hegseth_article())
    source.save_article(zelensky_article())
    source.claim_event("Ev1")
    source.flag_thread("C1", "171.1", user="U1", team="T1")
    check_id = source.record_check(CheckAudit(team="T1", claim="Hegseth ruled out troops", verdict="supported",
                                              evidence_ids=["q:1"]))
    source.record_feedback(FeedbackVote(check_id=check_id, user="U9", vote="down"))

    first = copy_store(source, store)
    second = copy_store(source, store)
    source.close()

    assert (first.articles_added, first.checks_added, first.votes, first.events_added) == (2, 1, 1, 1)
    assert (second.articles_added, second.articles_unchanged, second.checks_added) == (0, 2, 0)
    assert "articles: 0 added" in second.summary()
    assert store.article_count() == 2
    assert [hit.quote.speaker for hit in store.quotes()] == ["Pete Hegseth", "Pete Hegseth", "Volodymyr Zelenskyy"]
    assert store.search_passages(["munich"])[0].article.outlet == "Reuters"
    assert store.passages(store.articles()[0].id or 0)[1].quantities[0].unit == "minute"
    assert store.claim_event("Ev1") is False
    assert store.is_flagged("C1", "171.1")
    (copied,) = store.recent_checks()
    assert copied.claim == "Hegseth ruled out troops" and copied.evidence_ids == ["q:1"]
    assert store.feedback_counts(copied.id or 0) == {"up": 0, "down": 1}


# backend specifics -----------------------------------------------------------------------------------
def test_sqlite_creates_its_folder_and_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "index.db"
    store = open_store(f"sqlite:///{path}")
    store.save_article(hegseth_article())
    store.close()

    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_in_memory_serves_every_thread() -> None:
    store = open_store("sqlite:///:memory:")
    store.save_article(hegseth_article())
    found: list[int] = []

    worker = threading.Thread(target=lambda: found.append(len(store.search_passages(["hegseth"]))))
    worker.start()
    worker.join()
    store.close()

    assert found == [1]


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    store.close()

    with pytest.raises(StoreError, match="closed"):
        store.article_count()


def test_closing_while_another_thread_reads_lets_that_read_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bot shutting down mid-check: the check's query ends normally, later calls say closed."""
    from bot.store import rows

    store = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    store.save_article(hegseth_article())
    article_id = store.articles()[0].id
    expected = store.passages(article_id)
    reading, closed = threading.Event(), threading.Event()
    original = rows.passage_from_row

    def slow_row(row):  # type: ignore[no-untyped-def]
        reading.set()
        closed.wait(5)
        return original(row)

    monkeypatch.setattr(rows, "passage_from_row", slow_row)
    results: list[object] = []
    reader = threading.Thread(target=lambda: results.append(store.passages(article_id)))
    reader.start()
    assert reading.wait(5)
    store.close()  # while the reader is half-way through its rows
    closed.set()
    reader.join(5)

    assert results == [expected]
    with pytest.raises(StoreError, match="closed"):
        store.passages(article_id)


def test_an_unknown_database_url_is_refused() -> None:
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://localhost/factcheck")


@pytest.mark.postgres
def test_an_unreachable_postgres_gives_one_clear_error() -> None:
    from bot.store.postgres import PostgresStore

    with pytest.raises(StoreError, match="cannot connect to PostgreSQL at postgresql://postgres:\\*\\*\\*@"):
        PostgresStore("postgresql://postgres:secret@127.0.0.1:1/nothing", connect_timeout=1)


@pytest.mark.postgres
def test_postgres_finds_misremembered_quotes_by_trigrams(pg_session_url: str,
                                                         open_store_at: Callable[[str], Store]) -> None:
    from bot.store.postgres import PostgresStore

    store = open_store_at(pg_session_url)
    assert isinstance(store, PostgresStore)
    store.save_article(hegseth_article())
    store.save_article(zelensky_article())

    hits = store.similar_quotes("there will be no US troops deployed in Ukraine")

    assert hits[0].quote.speaker == "Pete Hegseth"
    assert hits[0].rank > 0


@pytest.mark.postgres
def test_two_processes_ingesting_the_same_articles_store_each_once() -> None:
    count = 40
    context = multiprocessing.get_context("spawn")
    with temporary_pg_database() as url:
        open_store(url).close()  # schema first; the workers then race on the data only
        barrier, results = context.Barrier(2), context.Queue()
        workers = [
            context.Process(target=ingest_worker, args=(url, count, reverse, barrier, results))
            for reverse in (False, True)
        ]
        for worker in workers:
            worker.start()
        statuses = [results.get(timeout=120) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
        store = open_store(url)
        try:
            articles = store.articles()
            quote_count = len(store.quotes())
            passage_counts = {len(store.passages(a.id or 0)) for a in articles}
        finally:
            store.close()

    assert [w.exitcode for w in workers] == [0, 0]
    assert len(articles) == count and len({a.content_hash for a in articles}) == count
    assert quote_count == count and passage_counts == {2}
    per_path = Counter(path for run in statuses for path, status in run if status == "added")
    assert sorted(per_path.values()) == [1] * count  # every article added by exactly one process
