"""Feeds polled on a schedule: new and changed articles picked up, failures retried,
and two bot replicas on one store indexing each article exactly once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from bot.cli import cli
from bot.service.checker import FactChecker
from bot.core.errors import SettingsError
from bot.service.feed_poll import FeedPoller, PollResult, feed_urls, poll_once
from test_web_ingest import FERRY, MARKET, TUNNEL, settings_for
from web_server import Answer, NewsSite, article_html, rss, running_site

STORIES = {"/news/tunnel": ("Council approves harbour tunnel", TUNNEL),
           "/news/ferry": ("Night ferry to Hull to stop in October", FERRY),
           "/news/market": ("Fish market reopens on Saturday", MARKET)}


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with running_site() as news:
        for path, (title, paragraphs) in STORIES.items():
            news.page(path, article_html(title, paragraphs))
        news.page("/feed.xml", rss([(t, news.url(p)) for p, (t, _) in STORIES.items()]), "application/rss+xml")
        yield news


@pytest.fixture()
def engine(store_url: str, tmp_path: Path, nlp: Language, site: NewsSite) -> Iterator[FactChecker]:
    checker = FactChecker.open(settings_for(store_url, tmp_path, feeds=site.url("/feed.xml")), nlp=nlp)
    yield checker
    checker.close()


def test_feeds_come_as_urls_or_as_a_file_of_urls(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# our desks\nhttps://a.example/rss\n\nhttps://b.example/atom.xml  # sport\n", encoding="utf-8")

    assert feed_urls("https://a.example/rss, https://b.example/atom.xml") == [
        "https://a.example/rss", "https://b.example/atom.xml"
    ]
    assert feed_urls(str(listed)) == ["https://a.example/rss", "https://b.example/atom.xml"]
    with pytest.raises(SettingsError, match="FACTCHECK_FEEDS"):
        feed_urls(str(tmp_path / "missing.txt"))


def test_a_second_poll_picks_up_the_changed_article_only(engine: FactChecker, site: NewsSite) -> None:
    first = poll_once(engine)
    title, paragraphs = STORIES["/news/market"]
    site.page("/news/market", article_html(title, [*paragraphs[:2], "The reopening was moved to Sunday."]))

    second = poll_once(engine)

    assert len(first.report.added) == 3
    assert second.report.updated == [site.url("/news/market")]
    assert sorted(second.report.unchanged) == [site.url("/news/ferry"), site.url("/news/tunnel")]


def test_a_failed_poll_is_logged_and_the_next_round_still_comes(
    store_url: str, tmp_path: Path, nlp: Language, site: NewsSite, caplog: pytest.LogCaptureFixture
) -> None:
    feeds_file = tmp_path / "feeds.txt"  # not there yet: the first round fails
    checker = FactChecker.open(
        settings_for(store_url, tmp_path, feeds=str(feeds_file), poll_minutes=0.002), nlp=nlp
    )
    rounds: list[PollResult] = []
    poller = FeedPoller(checker, on_result=rounds.append).start()
    try:
        deadline = time.monotonic() + 10
        while "polling the feeds failed" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.02)
        feeds_file.write_text(site.url("/feed.xml") + "\n", encoding="utf-8")
        while not any(r.report.added for r in rounds) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        poller.stop(timeout=10)
        checker.close()

    assert "polling the feeds failed" in caplog.text
    assert any(len(r.report.added) == 3 for r in rounds)


def test_two_replicas_polling_one_store_index_each_article_once(
    store_url: str, tmp_path: Path, nlp: Language, site: NewsSite
) -> None:
    feed = site.routes["/feed.xml"]
    site.routes["/feed.xml"] = lambda request: Answer(**{**feed(request).__dict__, "delay_s": 0.5})
    replicas = [
        FactChecker.open(settings_for(store_url, tmp_path, feeds=site.url("/feed.xml")), nlp=nlp) for _ in range(2)
    ]
    start = threading.Barrier(2)
    results: list[PollResult] = []

    def poll(replica: FactChecker) -> None:
        start.wait()
        results.append(poll_once(replica))

    threads = [threading.Thread(target=poll, args=(r,)) for r in replicas]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        stored = replicas[0].sources()
    finally:
        for replica in replicas:
            replica.close()

    assert sorted(r.skipped for r in results) == [False, True]
    assert all(len(site.hits(path)) == 1 for path in STORIES)
    assert sorted(a.path for a in stored) == sorted(site.url(p) for p in STORIES)
    assert all(a.versions == 1 for a in stored)


def test_watch_once_polls_the_configured_feeds(
    store_url: str, site: NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_FEEDS", site.url("/feed.xml"))
    monkeypatch.setenv("FACTCHECK_FETCH_HOST_INTERVAL", "0")

    result = CliRunner().invoke(cli, ["watch", "--once", "--database-url", store_url])

    assert result.exit_code == 0, result.output
    assert "added 3, updated 0, unchanged 0, failed 0" in result.output
