"""`factcheck ingest URL…`: article pages, feeds and sitemaps from a local news site on
127.0.0.1, into both stores, with the failures a real site produces reported one per URL."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from bot.cli import cli
from bot.service.checker import FactChecker
from bot.settings import Settings
from web_server import Answer, NewsSite, article_html, atom, rss, running_site, sitemap

TUNNEL = [
    "The city council approved a new harbour tunnel on Tuesday after a debate that lasted four hours.",
    "Mayor Lena Brandt said the tunnel would open to traffic in 2029 and cost 1.2 billion euros.",
    '"This tunnel will take ten thousand lorries a day off the old bridge," Brandt said.',
    "Opposition councillors argued that the budget left no room for the promised cycle lanes.",
]
FERRY = [
    "The night ferry between Rotterdam and Hull will stop running in October, its operator announced.",
    "The operator said bookings had fallen by a third since the new rail link opened last year.",
    '"We cannot keep a ship at sea for forty passengers a night," chief executive Pieter Smit said.',
    "Unions said 120 crew members would lose their jobs unless they were moved to other routes.",
]
MARKET = [
    "The covered fish market on the quay will reopen on Saturday after a two-year renovation.",
    "Traders said the new cold store would let them keep their catch fresh for twice as long.",
    "The renovation cost the port authority 14 million euros, more than double the first estimate.",
    "Market manager Ines Rook said forty stalls had already been let to local fishing families.",
]
TODAY = dt.datetime.now(dt.timezone.utc).date()


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with running_site() as news:
        news.page("/news/tunnel", article_html("Council approves harbour tunnel", TUNNEL, canonical=news.url("/news/tunnel")))
        news.page("/news/ferry", article_html("Night ferry to Hull to stop in October", FERRY, author="Joris Dekker"))
        news.page("/news/market", article_html("Fish market reopens on Saturday", MARKET))
        yield news


def settings_for(store_url: str, tmp_path: Path, **overrides: object) -> Settings:
    """Fast, local-only fetching: no pause between requests, short timeout and backoff."""
    values: dict[str, object] = {
        "database_url": store_url,
        "corpus_dir": tmp_path,
        "fetch_host_interval_s": 0.0,
        "fetch_timeout_s": 1.0,
        "fetch_backoff_s": 0.05,
    }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[arg-type]


@pytest.fixture()
def engine(store_url: str, tmp_path: Path, nlp: Language) -> Iterator[FactChecker]:
    checker = FactChecker.open(settings_for(store_url, tmp_path), nlp=nlp)
    yield checker
    checker.close()


def test_an_article_page_is_indexed_under_its_canonical_url_with_its_metadata(
    engine: FactChecker, site: NewsSite
) -> None:
    report = engine.ingest_urls([site.url("/news/tunnel?utm_source=newsletter")])

    assert report.added == [site.url("/news/tunnel")] and not report.failed
    (article,) = engine.sources()
    assert article.title == "Council approves harbour tunnel"
    assert article.outlet == "Harbour Gazette"
    assert article.byline == "Mara Velden"
    assert article.published == dt.date(2025, 3, 4)
    assert article.url == site.url("/news/tunnel")
    assert article.versions == 1
    assert engine.check("Brandt said the tunnel would open in 2029.").verdict == "supported"


def test_every_article_of_a_feed_is_indexed_and_each_failure_is_one_line(
    engine: FactChecker, site: NewsSite
) -> None:
    site.answer("/news/broken", Answer(500, b"oops", "text/plain"))
    site.answer("/news/slow", Answer(body=b"<html></html>", delay_s=3))
    site.answer("/news/report.pdf", Answer(body=b"%PDF-1.7 ...", content_type="application/pdf"))
    site.answer("/news/loop-a", Answer(302, headers={"Location": "/news/loop-b"}))
    site.answer("/news/loop-b", Answer(302, headers={"Location": "/news/loop-a"}))
    site.answer("/news/escape", Answer(302, headers={"Location": "file:///etc/passwd"}))
    links = ["/news/tunnel", "/news/broken", "/news/slow", "/news/ferry", "/news/report.pdf",
             "/news/loop-a", "/news/escape", "/private/memo"]
    site.page("/feed.xml", rss([(p, site.url(p)) for p in links]), "application/rss+xml")

    report = engine.ingest_urls([site.url("/feed.xml")])

    assert sorted(report.added) == [site.url("/news/ferry"), site.url("/news/tunnel")]
    reasons = {failure.path.removeprefix(site.base): failure.reason for failure in report.failed}
    assert reasons == {
        "/news/broken": "HTTP 500 after 3 tries",
        "/news/slow": "timed out after 1s",
        "/news/report.pdf": "not an HTML page or XML feed (application/pdf)",
        "/news/loop-a": f"redirect loop (back to {site.url('/news/loop-a')})",
        "/news/escape": "only http and https URLs can be fetched ('file:')",
        "/private/memo": f"robots.txt of {site.base.removeprefix('http://')} disallows factcheck-bot",
    }
    assert len(site.hits("/news/broken")) == 3  # bounded retries
    assert site.hits("/private/memo") == []  # robots.txt is read before, not after
    assert all(r.headers["user-agent"].startswith("factcheck-bot/") for r in site.requests)


def test_an_atom_feed_and_a_sitemap_index_lead_to_their_articles(engine: FactChecker, site: NewsSite) -> None:
    site.page("/atom.xml", atom([site.url("/news/market")]), "application/atom+xml")
    site.page("/sitemap-news.xml", sitemap([site.url("/news/ferry"), site.url("/news/tunnel")]), "application/xml")
    site.page("/sitemap.xml", sitemap([site.url("/sitemap-news.xml")], index=True), "application/xml")

    report = engine.ingest_urls([site.url("/atom.xml"), site.url("/sitemap.xml")])

    assert sorted(report.added) == sorted(site.url(p) for p in ("/news/market", "/news/ferry", "/news/tunnel"))
    assert not report.failed


def test_an_unchanged_page_costs_one_conditional_request(engine: FactChecker, site: NewsSite) -> None:
    engine.ingest_urls([site.url("/news/ferry")])
    before = len(site.hits("/news/ferry"))

    again = engine.ingest_urls([site.url("/news/ferry")])

    assert again.unchanged == [site.url("/news/ferry")] and not again.added
    (request,) = site.hits("/news/ferry")[before:]
    assert request.headers["if-none-match"].startswith('"')


def test_a_changed_page_is_a_new_version_the_newest_is_the_evidence_and_says_updated(
    engine: FactChecker, site: NewsSite
) -> None:
    engine.ingest_urls([site.url("/news/ferry")])
    corrected = [FERRY[0], FERRY[1].replace("a third", "a half"), FERRY[3]]  # a quote removed
    site.page("/news/ferry", article_html("Night ferry to Hull to stop in October", corrected))

    report = engine.ingest_urls([site.url("/news/ferry")])

    assert report.updated == [site.url("/news/ferry")]
    versions = engine.versions(site.url("/news/ferry"))
    assert [v.version for v in versions] == [1, 2]
    assert "forty passengers" in versions[0].body and "forty passengers" not in versions[1].body
    checked = engine.check("Bookings had fallen by a half since the new rail link opened.")
    assert checked.verdict == "supported"
    assert checked.evidence[0].article.updated == TODAY
    assert engine.sources()[0].versions == 2


def test_429_with_retry_after_is_waited_out(engine: FactChecker, site: NewsSite) -> None:
    page = article_html("Fish market reopens on Saturday", MARKET)
    site.answer("/news/busy", Answer(429, b"slow down", "text/plain", {"Retry-After": "1"}), Answer(body=page.encode()))

    report = engine.ingest_urls([site.url("/news/busy")])

    assert report.added == [site.url("/news/busy")]
    first, second = site.hits("/news/busy")
    assert second.at - first.at >= 1.0


def test_requests_to_one_host_are_spaced(store_url: str, tmp_path: Path, nlp: Language, site: NewsSite) -> None:
    site.page("/feed.xml", rss([("t", site.url("/news/tunnel")), ("f", site.url("/news/ferry"))]), "application/rss+xml")
    checker = FactChecker.open(settings_for(store_url, tmp_path, fetch_host_interval_s=0.5), nlp=nlp)
    started = time.monotonic()
    try:
        checker.ingest_urls([site.url("/feed.xml")])
    finally:
        checker.close()
    elapsed = time.monotonic() - started

    assert len(site.requests) == 4  # robots.txt, the feed, two articles
    # Sent 0.5 s apart, so the crawl cannot be quicker than three intervals (when each
    # request *arrived* jitters on a busy machine; a lower bound on the whole does not).
    assert elapsed >= 3 * 0.5


def test_a_page_over_the_size_limit_is_refused(store_url: str, tmp_path: Path, nlp: Language, site: NewsSite) -> None:
    checker = FactChecker.open(settings_for(store_url, tmp_path, max_file_bytes=800), nlp=nlp)
    try:
        report = checker.ingest_urls([site.url("/news/tunnel")])
    finally:
        checker.close()

    size = len(article_html("Council approves harbour tunnel", TUNNEL, canonical=site.url("/news/tunnel")).encode())
    assert [f.reason for f in report.failed] == [f"the page is {size:,} bytes, over the 800-byte limit"]


def test_a_url_from_slack_may_not_reach_internal_addresses(
    store_url: str, tmp_path: Path, nlp: Language, site: NewsSite
) -> None:
    site.answer("/go/metadata", Answer(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}))
    site.answer("/go/intranet", Answer(302, headers={"Location": "http://10.20.30.40/wiki"}))
    guarded = FactChecker.open(settings_for(store_url, tmp_path), nlp=nlp)
    allowed = FactChecker.open(settings_for(store_url, tmp_path, fetch_allowed_networks="127.0.0.1/32"), nlp=nlp)
    try:
        refused = guarded.ingest_urls([site.url("/news/tunnel")], from_slack=True)
        redirected = allowed.ingest_urls([site.url("/go/metadata"), site.url("/go/intranet")], from_slack=True)
        reached = allowed.ingest_urls([site.url("/news/tunnel")], from_slack=True)
        from_cli = guarded.ingest_urls([site.url("/news/ferry")])
    finally:
        guarded.close()
        allowed.close()

    assert [f.reason for f in refused.failed] == [
        "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address; links from Slack may only "
        "reach public web sites (FACTCHECK_FETCH_ALLOWED_NETWORKS allows others)"
    ]
    assert [f.reason.split(";")[0] for f in redirected.failed] == [
        "refused: 169.254.169.254 resolves to 169.254.169.254, a cloud metadata address",
        "refused: 10.20.30.40 resolves to 10.20.30.40, a private address",
    ]
    assert reached.added == [site.url("/news/tunnel")]
    assert from_cli.added == [site.url("/news/ferry")]  # the operator's own URLs are trusted


def test_the_cli_ingests_urls_beside_paths_and_exits_non_zero_on_a_failure(
    store_url: str, tmp_path: Path, site: NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "local.txt").write_text(
        "Harbour pilots voted on Monday to strike for two days next week, their union said.\n", encoding="utf-8"
    )
    monkeypatch.setenv("FACTCHECK_FETCH_HOST_INTERVAL", "0")
    monkeypatch.setenv("FACTCHECK_FETCH_RETRIES", "0")
    site.answer("/news/gone", Answer(404, b"no", "text/plain"))

    result = CliRunner().invoke(
        cli,
        ["ingest", str(tmp_path / "local.txt"), site.url("/news/market"), site.url("/news/gone"),
         "--database-url", store_url],
    )

    assert result.exit_code == 1
    assert "added 2, updated 0, unchanged 0, failed 1" in result.output
    assert f"failed: {site.url('/news/gone')}: HTTP 404" in result.output


def test_a_page_that_states_its_own_modified_date_is_reported_as_updated_then(
    engine: FactChecker, site: NewsSite
) -> None:
    from bot.cli import format_report

    site.page("/news/market", article_html("Fish market reopens on Saturday", MARKET, modified="2025-03-06T10:00:00Z"))

    engine.ingest_urls([site.url("/news/market")])

    assert engine.sources()[0].updated == dt.date(2025, 3, 6)
    report = engine.check("The renovation cost the port authority 14 million euros.")
    assert "2025-03-04 · updated 2025-03-06" in format_report(report)


def test_versions_shows_what_changed_between_versions_of_a_page(
    store_url: str, site: NewsSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_FETCH_HOST_INTERVAL", "0")
    url = site.url("/news/ferry")
    CliRunner().invoke(cli, ["ingest", url, "--database-url", store_url])
    site.page("/news/ferry", article_html("Night ferry to Hull to stop in October", [FERRY[0], FERRY[3]]))
    CliRunner().invoke(cli, ["ingest", url, "--database-url", store_url])

    result = CliRunner().invoke(cli, ["versions", url, "--database-url", store_url])

    assert result.exit_code == 0, result.output
    assert f"version 2 · {TODAY.isoformat()} · Night ferry to Hull to stop in October" in result.output
    assert f'  -{FERRY[2]}' in result.output  # the removed quote
    sources = CliRunner().invoke(cli, ["sources", "--database-url", store_url])
    assert "2 versions" in sources.output
