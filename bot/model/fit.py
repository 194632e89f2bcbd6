"""The training loop alone: encoded pairs and base weights in, trained weights out.

Kept apart from `train.py` (which draws the data mix and publishes the ONNX model) so that
a machine with torch but none of the checker's dependencies, such as a borrowed GPU box,
can run it: it needs torch, numpy and safetensors only. `factcheck train-model` calls
`fit` directly; `--prepare DIR` / `--from-fit DIR` split the same run across machines, with
`python -m bot.model.fit DIR --device cuda` in between.

With a time budget, the first steps are timed and the schedule sized to fit it
(`steps_within`), so a slower CPU trains fewer steps to a fully decayed learning rate;
the step count then depends on the machine's speed (`--minutes 0`: no budget, every step).

Deterministic for a seed on one kind of device (bf16 on GPUs and on CPUs with AMX or
AVX-512 BF16, fp32 on others): batches are length-bucketed with the seed, torch is seeded.
After each epoch the model is scored on the dev sets in the folder (MNLI dev-matched,
FEVER-Symmetric dev, generated news pairs) and the best epoch is kept.

A folder prepared with `--init` also holds `init.safetensors` (a trained model's weights):
the loop starts from those instead of the base head."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

Encoded = list[tuple[list[int], int, int]]  # (token ids, length of the premise part, label)
SEP = 102
SHARD_BYTES = 15_000_000  # trained weights are written in files under 16 MB (transfer limits)
SELECTION = ("MNLI dev-matched", "FEVER-Symmetric dev", "in-domain dev")
PLAN_AFTER = 20  # steps timed before the schedule is fitted to the time budget


@dataclass
class FitConfig:
    seed: int = 13
    batch: int = 32
    lr: float = 5e-5
    head_lr: float = 5e-4
    warmup: float = 0.06
    epochs: int = 1
    threads: int = 0
    frozen_layers: int = 0
    device: str = "cpu"
    minutes: float | None = None  # stop (keeping the best epoch so far) past this budget


def encode(tokenizer, pairs: Sequence[tuple[str, str, int]]) -> Encoded:
    """Token ids of "[CLS] premise [SEP] claim [SEP]" and where the claim starts."""
    encodings = tokenizer.encode_batch([(p, h) for p, h, _ in pairs])
    return [(e.ids, e.ids.index(SEP) + 1, label) for e, (_p, _h, label) in zip(encodings, pairs)]


def save_encoded(path: Path, encoded: Encoded, two_way: bool = False) -> None:
    lengths = np.asarray([len(ids) for ids, _, _ in encoded], dtype=np.int64)
    np.savez_compressed(
        path,
        tokens=np.asarray([t for ids, _, _ in encoded for t in ids], dtype=np.uint16),
        offsets=np.concatenate([[0], np.cumsum(lengths)]),
        split=np.asarray([s for _, s, _ in encoded], dtype=np.int16),
        labels=np.asarray([y for _, _, y in encoded], dtype=np.int8),
        two_way=np.asarray(two_way),
    )


def load_encoded(path: Path) -> tuple[Encoded, bool]:
    data = np.load(path)
    # Each `data[key]` decompresses the array again: read every array once.
    tokens, offsets = data["tokens"].astype(np.int64).tolist(), data["offsets"].tolist()
    split, labels = data["split"].tolist(), data["labels"].tolist()
    encoded = [(tokens[offsets[i] : offsets[i + 1]], split[i], labels[i]) for i in range(len(labels))]
    return encoded, bool(data["two_way"])


def _batches(encoded: Encoded, batch: int, seed: int) -> list[list[int]]:
    """Length-bucketed batches: sort within pools of 50 batches, then shuffle the batches."""
    rng = random.Random(seed)
    order = list(range(len(encoded)))
    rng.shuffle(order)
    pool = batch * 50
    batches: list[list[int]] = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(encoded[i][0]))
        batches.extend(chunk[i : i + batch] for i in range(0, len(chunk), batch))
    rng.shuffle(batches)
    return batches


def _tensors(encoded: Encoded, batch: list[int], device):
    import torch

    width = max(len(encoded[i][0]) for i in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    types = torch.zeros_like(ids)
    mask = torch.zeros_like(ids)
    for row, i in enumerate(batch):
        tokens, split, _ = encoded[i]
        ids[row, : len(tokens)] = torch.tensor(tokens)
        types[row, split : len(tokens)] = 1
        mask[row, : len(tokens)] = 1
    gold = torch.tensor([encoded[i][2] for i in batch])
    return ids.to(device), mask.to(device), types.to(device), gold.to(device)


def accuracy(model, encoded: Encoded, two_way: bool, device: str) -> float:
    """Share of pairs whose highest logit is the gold label (two-way sets ignore neutral)."""
    import torch

    model.eval()
    right = 0
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    with torch.no_grad(), _autocast(device):
        for start in range(0, len(order), 256):
            ids, mask, types, gold = _tensors(encoded, order[start : start + 256], device)
            logits = model(ids, mask, types).float()
            if two_way:
                logits[:, 1] = -float("inf")
            right += int((logits.argmax(1) == gold).sum())
    model.train()
    return right / max(1, len(encoded))


def _autocast(device: str):
    """bf16 where the hardware does it natively: a GPU, or a CPU with AMX tiles or AVX-512
    BF16, where a step takes about half the time of fp32 (0.5 s against 1.0 s at batch 64 on
    two cores of a Xeon with AMX; 2.2 s against 4.3 s on a Zen 4 EPYC). Elsewhere (AVX2
    machines such as CI's) bf16 is emulated and slower, so the loop stays fp32."""
    import contextlib

    import torch

    if device.startswith("cuda"):
        return torch.autocast("cuda", dtype=torch.bfloat16)
    if cpu_has_native_bf16():
        return torch.autocast("cpu", dtype=torch.bfloat16)
    return contextlib.nullcontext()


@lru_cache(maxsize=None)
def cpu_has_native_bf16(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """Whether this CPU multiplies bf16 natively (Linux reports `amx_bf16` or `avx512_bf16`
    among its flags); read once per process, not at every step that asks."""
    try:
        return not {"amx_bf16", "avx512_bf16"}.isdisjoint(cpuinfo.read_text().split())
    except OSError:
        return False


def steps_within(budget_s: float, per_step_s: float, per_epoch: int, scoring_s: float, planned: int) -> int:
    """The most steps, at most `planned`, whose training and dev scoring after each epoch fit
    `budget_s`. The schedule is sized to them, so the learning rate decays to zero at the
    budget's end on any CPU instead of being cut midway on a slow one (a step at batch 64
    takes 0.5 s on a Xeon with AMX, 1.0 s on one without, 1.9 s on an AVX2 EPYC)."""
    for epochs in range(-(-planned // per_epoch), 0, -1):
        steps = min(planned, epochs * per_epoch, int((budget_s - epochs * scoring_s) / per_step_s))
        if steps > (epochs - 1) * per_epoch:
            return steps
    return max(1, min(planned, int(budget_s / per_step_s)))


def fit(
    encoded: Encoded,
    weights: Path,
    config: FitConfig,
    dev: dict[str, tuple[Encoded, bool]] | None = None,
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
):
    """Train a CrossEncoder from the base weights; returns (model, scores of the kept epoch)."""
    import torch

    from bot.model.bert import CrossEncoder, MiniLM

    random.seed(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    started = time.time()
    model = CrossEncoder(MiniLM.from_base(weights))
    start = weights.parent / "init.safetensors"
    if start.is_file():  # `train-model --init`: continue from a trained model's weights
        from safetensors.torch import load_file

        missing, unexpected = model.load_state_dict(load_file(str(start)), strict=False)
        if unexpected or any(not k.startswith("body.embeddings.") for k in missing):
            raise ValueError(f"{start} does not fit the model: missing {missing}, unexpected {unexpected}")
        say(f"starting from {start}")
    model = model.to(config.device)
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
    per_epoch = -(-len(encoded) // config.batch)
    total = per_epoch * config.epochs
    warm = max(1, int(total * config.warmup))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min((step + 1) / warm, max(0.0, (total - step) / max(1, total - warm)))
    )
    model.train()
    best: tuple[float, dict, dict[str, float]] | None = None
    step, done = 0, False
    dev_rows = sum(len(rows) for rows, _ in (dev or {}).values())
    loop_started = time.time()
    every = 500 if config.device.startswith("cuda") else 50
    for epoch in range(config.epochs):
        loss_sum, tick, logged = 0.0, time.time(), step
        for batch in _batches(encoded, config.batch, config.seed + 1 + epoch):
            ids, mask, types, gold = _tensors(encoded, batch, config.device)
            with _autocast(config.device):
                logits = model(ids, mask, types)
            loss = torch.nn.functional.cross_entropy(logits.float(), gold)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad(set_to_none=True)
            loss_sum += loss.item()
            step += 1
            if step == PLAN_AFTER and config.minutes:
                per = (time.time() - loop_started) / step
                scoring = dev_rows * per / config.batch / 3  # a forward pass is about a third of a step
                budget = config.minutes * 60 - (loop_started - started)
                planned, total = total, steps_within(budget, per, per_epoch, scoring, total)
                warm = max(1, int(total * config.warmup))
                say(f"{per:.2f} s a step: {total} of {planned} steps fit the {config.minutes}-minute budget")
            if step % every == 0 or step == total:
                window = step - logged
                per = (time.time() - tick) / window
                say(f"step {step}/{total} loss {loss_sum / window:.3f} {per * 1000:.0f} ms/step "
                    f"eta {per * (total - step) / 60:.1f} min")
                loss_sum, tick, logged = 0.0, time.time(), step
            if step >= total or config.minutes and (time.time() - started) / 60 > config.minutes:
                if step < total:
                    say(f"time budget of {config.minutes} min reached at step {step}/{total}")
                done = True
                break
        scores = {name: accuracy(model, rows, two_way, config.device) for name, (rows, two_way) in (dev or {}).items()}
        chosen = [scores[name] for name in SELECTION if name in scores]
        mean = sum(chosen) / len(chosen) if chosen else float(epoch)
        say(f"epoch {epoch + 1}: " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items()) + f" (selection {mean:.3f})")
        if best is None or mean > best[0]:
            state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
            best = (mean, state, scores | {"epoch": epoch + 1, "steps": step})
        if done:
            break
    assert best is not None
    model.load_state_dict(best[1])
    return model.to("cpu").eval(), best[2]


def save_trained(model, folder: Path) -> list[Path]:
    """The weights that training changed (all but the frozen embeddings), in shards."""
    from safetensors.torch import save_file

    state = {k: v.contiguous().float() for k, v in model.state_dict().items() if not k.startswith("body.embeddings.")}
    shards: list[dict] = [{}]
    size = 0
    for key, value in state.items():
        nbytes = value.numel() * 4
        if size + nbytes > SHARD_BYTES and shards[-1]:
            shards.append({})
            size = 0
        shards[-1][key] = value
        size += nbytes
    paths = []
    for number, shard in enumerate(shards):
        path = folder / f"trained-{number:02d}.safetensors"
        save_file(shard, str(path))
        paths.append(path)
    return paths


def load_trained(weights: Path, folder: Path):
    """The base body (verified weights) with the trained shards from ``folder`` on top."""
    from safetensors.torch import load_file

    from bot.model.bert import CrossEncoder, MiniLM

    model = CrossEncoder(MiniLM.from_base(weights))
    state = {}
    for path in sorted(folder.glob("trained-*.safetensors")):
        state.update(load_file(str(path)))
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or any(not k.startswith("body.embeddings.") for k in missing):
        raise ValueError(f"trained weights in {folder} do not fit the model: missing {missing}, unexpected {unexpected}")
    return model.eval()


def run_folder(folder: Path, config: FitConfig, weights: Path | None = None, out: Path | None = None) -> dict:
    """Fit on a folder written by `factcheck train-model --prepare`; write the shards and a
    fit.json (the configuration and the kept epoch's scores) into ``out`` (default: the folder)."""
    out = out or folder
    out.mkdir(parents=True, exist_ok=True)
    train_rows, _ = load_encoded(folder / "train.npz")
    dev = {
        path.stem.replace("_", " "): load_encoded(path)
        for path in sorted((folder / "dev").glob("*.npz"))
    }
    log: list[str] = []

    def say(line: str) -> None:
        log.append(line)
        print(line, file=sys.stderr, flush=True)

    started = time.time()
    say(f"{len(train_rows)} training pairs, {config.epochs} epochs, batch {config.batch}, device {config.device}")
    model, scores = fit(train_rows, weights or folder / "model.safetensors", config, dev, say)
    save_trained(model, out)
    result = {"config": asdict(config), "scores": scores, "minutes": round((time.time() - started) / 60, 1),
              "log_tail": log[-12:]}
    (out / "fit.json").write_text(json.dumps(result, indent=2) + "\n")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="written by `factcheck train-model --prepare`")
    parser.add_argument("--weights", type=Path, default=None, help="base weights (default: FOLDER/model.safetensors)")
    parser.add_argument("--out", type=Path, default=None, help="where the trained shards go (default: FOLDER)")
    for name, value in asdict(FitConfig()).items():
        kind = type(value) if value is not None else float
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=value)
    args = vars(parser.parse_args(argv))
    folder, weights, out = args.pop("folder"), args.pop("weights"), args.pop("out")
    run_folder(folder, FitConfig(**args), weights, out)


if __name__ == "__main__":
    main()
