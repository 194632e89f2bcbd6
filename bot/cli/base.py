"""The `factcheck` click group and what every command shares: settings, the opened FactChecker, progress.

Every command builds Settings, opens the FactChecker and prints what it
returns; no checking logic lives here. Engine errors become one clear line
and a non-zero exit status.

Heavy modules (spaCy, the stores, Slack, pydantic) are imported inside the
commands that need them, so `factcheck --help` and `factcheck sources` start
at once (`factcheck bench --startup` measures it).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from bot.core import FactCheckError

if TYPE_CHECKING:
    from bot.service import FactChecker
    from bot.ingest import ProgressCallback
    from bot.core.models import IngestReport
    from bot.settings import Settings

T = TypeVar("T")


def _settings(database_url: str | None) -> Settings:
    from bot.settings import load_settings

    overrides = {"FACTCHECK_DATABASE_URL": database_url} if database_url else {}
    return load_settings(**overrides)


@contextmanager
def _checker(
    database_url: str | None, *, index_if_empty: bool = True, require_articles: bool | None = None
) -> Iterator[FactChecker]:
    """The engine over the configured store; an empty one is filled from the corpus folder first.

    With `require_articles` (by default: when the corpus is indexed on first use), an
    index still empty after that is an error naming where it is and how to fill it
    (exit status 1), never an empty answer.
    """
    from bot.service import FactChecker

    checker = FactChecker.open(_settings(database_url))
    try:
        if index_if_empty and checker.store.article_count() == 0:
            corpus_dir = checker.settings.corpus_dir
            click.echo(f"Index is empty: indexing {corpus_dir} first…", err=True)
            report = _with_progress("Indexing", lambda cb: checker.ingest([corpus_dir], progress=cb))
            _print_ingest_summary(report)
        if index_if_empty if require_articles is None else require_articles:
            checker.require_articles()
        yield checker
    finally:
        checker.close()


def progress_line(label: str, done: int, total: int, path: str, width: int = 24) -> str:
    """One redrawable progress line: a bar, the count and the article being indexed."""
    filled = width * done // total if total else width
    bar = "#" * filled + "." * (width - filled)
    name = path.rstrip("/").rsplit("/", 1)[-1] if "://" in path else Path(path).name
    return f"{label} [{bar}] {done}/{total} {name[:40]}"


def _with_progress(label: str, run: Callable[[ProgressCallback], T]) -> T:
    """Run `run(progress)`, redrawing a progress bar on stderr when it is a terminal."""
    drawn = False

    def tick(done: int, total: int, path: str) -> None:
        nonlocal drawn
        if sys.stderr.isatty():
            click.echo("\r" + progress_line(label, done, total, path).ljust(100), nl=False, err=True)
            drawn = True

    result = run(tick)
    if drawn:
        click.echo("", err=True)
    return result


def _print_ingest_summary(report: IngestReport) -> None:
    click.echo(report.summary(), err=True)
    for failure in report.failed:
        click.echo(f"  failed: {failure.path}: {failure.reason}", err=True)


class EngineErrors(click.Group):
    """Turn engine errors into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except FactCheckError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)


database_option = click.option(
    "--database-url", default=None, help="Override FACTCHECK_DATABASE_URL (sqlite:///… or postgresql://…)."
)


@click.group(cls=EngineErrors)
@click.option("-v", "--verbose", is_flag=True, help="Log engine details to stderr.")
@click.version_option(package_name="factcheck-bot")
def cli(verbose: bool) -> None:
    """Check claims against a newsroom's article corpus."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
