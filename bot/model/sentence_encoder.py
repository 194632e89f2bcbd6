"""The claim-matching encoder at run time: all-MiniLM-L6-v2 as a bi-encoder on onnxruntime.

One ONNX file in the package (`data/sentence_encoder.onnx`, int8, written once by
`factcheck export-encoder`) and the shared runtime (`runtime.OnnxModel`): token ids in,
the mean-pooled, L2-normalised sentence vector out. No torch at run time. When the file is
missing (a checkout that never ran the export) matching falls back to words alone, with a
warning, instead of refusing to start.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from bot.model.runtime import DATA_DIR, OnnxModel

ENCODER_FILE = DATA_DIR / "sentence_encoder.onnx"
DIMENSION = 384
log = logging.getLogger(__name__)


class OnnxSentenceEncoder:
    """Texts in, L2-normalised float32 vectors out (one row each), batched."""

    dimension = DIMENSION

    def __init__(self, path: Path = ENCODER_FILE) -> None:
        self.model = OnnxModel(path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        return self.model.run_texts([" ".join(t.split()) or "." for t in texts]).astype(np.float32)


@lru_cache(maxsize=1)
def load_encoder(path: Path = ENCODER_FILE) -> OnnxSentenceEncoder | None:
    """The process's encoder (loaded once), or None when the model file is not there."""
    if not path.is_file():
        log.warning("no sentence encoder at %s: reviews are matched on words only "
                    "(run `factcheck export-encoder --base DIR`)", path)
        return None
    return OnnxSentenceEncoder(path)
