"""The index's commands: ingest, quotes, reviews, sources, versions, migrate-store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from bot.cli.base import _checker, _settings, _with_progress, cli, database_option
from bot.cli.checking import format_reviews


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--processes", default=0, show_default=True, help="spaCy worker processes (0: by batch size and cores)."
)
@database_option
def ingest(sources: tuple[str, ...], processes: int, database_url: str | None) -> None:
    """Index files or folders (.txt, .html, .jsonl; fact-checks from ClaimReview pages, .json
    feeds, .csv/.jsonl exports) and URLs (article pages, RSS/Atom feeds, sitemaps) into the store."""
    from bot.core.models import IngestReport
    from bot.ingest import is_url

    urls = [s for s in sources if is_url(s)]
    paths = [Path(s) for s in sources if not is_url(s)]
    with _checker(database_url, index_if_empty=False) as checker:
        report = IngestReport()
        if paths:
            report.merge(
                _with_progress("Indexing", lambda cb: checker.ingest(paths, progress=cb, n_process=processes))
            )
        if urls:
            report.merge(_with_progress("Fetching", lambda cb: checker.ingest_urls(urls, progress=cb)))
    click.echo(report.summary())
    for failure in report.failed:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.option("--speaker", default=None, help="Only this speaker (any of their names).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@database_option
def quotes(speaker: str | None, as_json: bool, database_url: str | None) -> None:
    """List the indexed quotes with their speakers."""
    with _checker(database_url) as checker:
        hits = checker.quotes(speaker)
    if as_json:
        rows = [
            {
                "text": h.quote.text,
                "speaker": h.quote.speaker,
                "kind": h.quote.kind,
                "article": _article_json(h.article),
            }
            for h in hits
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for h in hits:
        click.echo(f"[{h.quote.kind}] {h.quote.speaker or 'unknown'}: \"{h.quote.text}\"")
        click.echo(f"    {h.article.outlet or h.article.path} · {h.article.published or ''}")


@cli.command()
@click.argument("words")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array (the `reviews` items of the check contract).")
@database_option
def reviews(words: str, as_json: bool, database_url: str | None) -> None:
    """Search the published fact-checks (ClaimReview, review exports) for WORDS."""
    with _checker(database_url, index_if_empty=False) as checker:
        found = checker.search_reviews(words)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(f"No published fact-check matching \"{words}\".")
        return
    click.echo("\n".join(format_reviews(found)))


def _article_json(article) -> dict:
    return {
        "path": article.path,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "updated": article.updated.isoformat() if article.updated else None,
    }


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@database_option
def sources(as_json: bool, database_url: str | None) -> None:
    """List the indexed articles with their metadata and passage and quote counts."""
    from bot.store import open_store

    store = open_store(_settings(database_url).database_url)  # no language pipeline needed
    try:
        articles = store.article_summaries() if store.article_count() else None
    finally:
        store.close()
    if articles is None:  # first use: index the corpus, as check does
        with _checker(database_url) as checker:
            articles = checker.sources()
    if as_json:
        rows = [
            {
                **_article_json(a),
                "byline": a.byline,
                "dateline": a.dateline,
                "passages": a.passages,
                "quotes": a.quotes,
                "versions": a.versions,
            }
            for a in articles
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for a in articles:
        click.echo(f"{a.outlet or '?'} · {a.published or '?'} · {a.title or Path(a.path).name}")
        counts = f"{a.passages} passages, {a.quotes} quotes, {a.versions} version{'s' * (a.versions > 1)}"
        if a.updated:
            counts += f", updated {a.updated.isoformat()}"
        details = ", ".join(x for x in (a.byline and f"by {a.byline}", a.dateline, a.path, counts) if x)
        click.echo(f"    {details}")


@cli.command()
@click.argument("url")
@database_option
def versions(url: str, database_url: str | None) -> None:
    """Show every kept version of an article (its canonical URL or path), with what changed."""
    import difflib

    with _checker(database_url, index_if_empty=False) as checker:
        found = checker.versions(url)
    if not found:
        raise click.UsageError(f"no indexed article at {url}")
    previous: list[str] = []
    for version in found:
        when = version.updated or version.published
        click.echo(f"version {version.version}" + (f" · {when.isoformat()}" if when else "") + f" · {version.title or ''}")
        lines = version.body.split("\n\n")
        for line in difflib.unified_diff(previous, lines, lineterm="", n=0):
            if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
                click.echo(f"  {line}")
        previous = lines


@cli.command(name="migrate-store")
@click.option("--to", "target_url", required=True, help="Target database URL, e.g. postgresql://…")
@database_option
def migrate_store(target_url: str, database_url: str | None) -> None:
    """Copy the index and bot state from the configured store into another."""
    from bot.store import open_store
    from bot.store.transfer import copy_store

    source = open_store(_settings(database_url).database_url)
    target = open_store(_settings(target_url).database_url)
    try:
        report = copy_store(source, target)
    finally:
        source.close()
        target.close()
    click.echo(report.summary())
