"""Measuring commands: eval, eval-quotes, eval-matching, bench."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.base import _checker, _settings, cli, database_option


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
    from bot.evaluation.bench import run_bench
    from bot.evaluation.bench_report import format_bench
    from bot.evaluation.bench_results import BenchOptions

    click.echo(format_bench(run_bench(BenchOptions(**options))))
