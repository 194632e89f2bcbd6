"""`factcheck serve` (the Slack bot) and `factcheck watch` (the feed poller)."""

from __future__ import annotations

import sys

import click

from bot.cli.base import _checker, _settings, cli, database_option


@cli.command()
@click.option("--http", is_flag=True, help="Force HTTP mode even when SLACK_APP_TOKEN is set.")
@click.option("--port", type=int, default=None, help="HTTP port (default FACTCHECK_HTTP_PORT).")
@database_option
def serve(http: bool, port: int | None, database_url: str | None) -> None:
    """Run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP)."""
    from bot.app import serve as serve_slack
    from bot.slack_config import check_slack_settings
    from bot.service import FeedPoller, feed_urls

    check_slack_settings(_settings(database_url), http or None)  # every problem at once, before the engine loads
    with _checker(database_url, require_articles=False) as checker:  # Slack says it is empty
        poller = FeedPoller(checker).start() if feed_urls(checker.settings.feeds) else None
        try:
            serve_slack(checker.settings, checker, http=http or None, port=port)
        finally:
            if poller:
                poller.stop(timeout=5)


@cli.command()
@click.option("--once", is_flag=True, help="Poll once and exit (non-zero when something failed).")
@database_option
def watch(once: bool, database_url: str | None) -> None:
    """Poll the feeds in FACTCHECK_FEEDS every FACTCHECK_POLL_MINUTES and index what is new."""
    from bot.service import FeedPoller, PollResult, feed_urls, poll_once

    def show(result: PollResult) -> None:
        if result.skipped:
            click.echo("another replica is polling the feeds; skipped this round")
            return
        click.echo(result.report.summary())
        for failure in result.report.failed:
            click.echo(f"failed: {failure.path}: {failure.reason}", err=True)

    with _checker(database_url, index_if_empty=False) as checker:
        feeds = feed_urls(checker.settings.feeds)
        if not feeds:
            raise click.UsageError("no feeds to watch: set FACTCHECK_FEEDS (URLs, or a file of URLs)")
        if once:
            result = poll_once(checker)
            show(result)
            sys.exit(1 if result.report.failed else 0)
        minutes = checker.settings.poll_minutes
        click.echo(f"watching {len(feeds)} feed(s), every {minutes:g} minutes (Ctrl-C stops)", err=True)
        poller = FeedPoller(checker, on_result=show)
        try:
            poller.run()
        except KeyboardInterrupt:
            poller.stop()
