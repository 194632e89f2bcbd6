"""The trained stance model at run time: premise (a source sentence or quote) and claim in,
probabilities of entailment / neutral / contradiction out.

Loaded once per process (`shipped()`); every candidate of a check goes through one call
(`probabilities`), which reads each pair on its own (`runtime.OnnxModel._run` says why)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from bot.model.runtime import DATA_DIR, OnnxModel

LABELS = ("entailment", "neutral", "contradiction")
STANCE_FILE = DATA_DIR / "stance.onnx"
# The stance model continued on rulings ("A post claims S. That is false.", the `ruled_*` pairs):
# it reads them, but other pairs a little differently from the model every other reading was
# tuned on (docs/NOTES.md, session 21), so it reads only a restatement with its ruling.
RULING_FILE = DATA_DIR / "ruling.onnx"


class StanceModel:
    def __init__(self, path: Path = STANCE_FILE) -> None:
        self.onnx = OnnxModel(path)

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        return self.onnx.run_pairs(pairs)

    def probabilities(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Rows of (entailment, neutral, contradiction) probabilities, one per pair."""
        logits = self.logits(pairs)
        if not len(logits):
            return logits
        shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)


def quote_premise(speaker: str, words: str) -> str:
    """A quote as the model reads it: its words given to their speaker."""
    return f'{speaker} said: "{words}"'


def under_headline(title: str | None, text: str) -> str:
    """A premise as the model reads it, at run time and in training: the source sentence
    under its article's headline, as a reader meets it."""
    title = (title or "").strip()
    return f"{title}. {text}" if title and title not in text else text


@lru_cache(maxsize=1)
def shipped() -> StanceModel:
    """The model the package ships, loaded on first use and kept for the process."""
    return StanceModel()


@lru_cache(maxsize=1)
def ruling() -> StanceModel:
    """The model that reads a fact-check's ruling on what it restates, and reads a second time
    what the shipped one leans to (`model_judgement.wants_second_reading`); loaded on first use
    (only checks that need it load it) and kept for the process."""
    return StanceModel(RULING_FILE)
