"""Accuracy of a stance model on held-out NLI files: what `factcheck eval-model` prints and
what the model card records. Two-way sets (FEVER-Symmetric: supports / refutes) are scored
on entailment against contradiction only, as their authors score three-way models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from bot.model.nli_data import EVALUATION, LABELS, Pair, read_pairs

Scorer = Callable[[Sequence[tuple[str, str]]], np.ndarray]
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_SOURCED = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)


def names_premise_lacks(pair: Pair) -> bool:
    """The hypothesis names what the premise only describes or leaves out ("Local 2217's
    contract" for "the union's contract"): a model trained on name swaps reads any name it
    has not seen in the premise as one. The hypothesis's first word is skipped: every
    sentence capitalises it."""
    return any(word not in pair.premise for word in _CAPITALISED.findall(pair.hypothesis.split(" ", 1)[-1]))


def sourced_in_premise_only(pair: Pair) -> bool:
    """The premise gives what it states to a source ("Kinsey said S", "..., according to the
    county") and the hypothesis states it bare: a model trained on reported claims ("A post
    says S" is neutral for S) may read every attribution as a report vouching for nothing."""
    return bool(_SOURCED.search(pair.premise)) and not _SOURCED.search(pair.hypothesis)


def entailed_where(
    score: Scorer, pairs: Sequence[Pair], chosen_by: Callable[[Pair], bool]
) -> tuple[float, float, float, int]:
    """On the entailed pairs `chosen_by` picks: accuracy, the shares read as contradiction and
    as neutral, and their number."""
    chosen = [p for p in pairs if p.label == "entailment" and chosen_by(p)]
    if not chosen:
        return float("nan"), float("nan"), float("nan"), 0
    read = np.asarray(score([(p.premise, p.hypothesis) for p in chosen])).argmax(axis=1)
    return (
        float((read == LABELS.index("entailment")).mean()),
        float((read == LABELS.index("contradiction")).mean()),
        float((read == LABELS.index("neutral")).mean()),
        len(chosen),
    )


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
