"""Accuracy of a stance model on held-out NLI files: what `factcheck eval-model` prints and
what the model card records. Two-way sets (FEVER-Symmetric: supports / refutes) are scored
on entailment against contradiction only, as their authors score three-way models."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from bot.model.nli_data import EVALUATION, LABELS, Pair, read_pairs

Scorer = Callable[[Sequence[tuple[str, str]]], np.ndarray]


def accuracy(score: Scorer, pairs: Sequence[Pair]) -> float:
    if not pairs:
        return float("nan")
    logits = np.asarray(score([(p.premise, p.hypothesis) for p in pairs]))
    gold = np.asarray([LABELS.index(p.label) for p in pairs])
    if "neutral" not in {p.label for p in pairs}:
        logits = logits.copy()
        logits[:, LABELS.index("neutral")] = -np.inf
    return float((logits.argmax(axis=1) == gold).mean())


def evaluation_scores(score: Scorer, nli_dir: Path, limit: int | None = None) -> dict[str, float]:
    """Accuracy on each held-out set that is present in ``nli_dir``."""
    results: dict[str, float] = {}
    for name, (file, _licence) in EVALUATION.items():
        path = nli_dir / file
        if path.is_file():
            pairs = list(read_pairs(path))[:limit]
            results[name] = accuracy(score, pairs)
    return results
