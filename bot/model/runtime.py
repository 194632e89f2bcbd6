"""Run a shipped ONNX model on onnxruntime: loaded once per process, scored in batches.

No torch at run time: the tokenizer is the `tokenizers` package reading the base model's
tokenizer.json, shipped beside the ONNX files in bot/model/data/."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"
TOKENIZER = DATA_DIR / "tokenizer.json"
MAX_TOKENS = 128


class ModelFileError(RuntimeError):
    """A shipped model file is missing: the package was installed without its data."""


@lru_cache(maxsize=None)
def _tokenizer(path: Path, max_tokens: int):
    from tokenizers import Tokenizer

    if not path.is_file():
        raise ModelFileError(f"tokenizer missing at {path}")
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(max_length=max_tokens, strategy="longest_first")
    tokenizer.enable_padding()
    return tokenizer


class OnnxModel:
    """One onnxruntime session and its tokenizer. Sessions are thread-safe for `run`; the
    tokenizer's padding state is not shared across threads, hence the lock."""

    def __init__(self, path: Path, tokenizer: Path = TOKENIZER, max_tokens: int = MAX_TOKENS) -> None:
        import onnxruntime

        if not path.is_file():
            raise ModelFileError(f"model missing at {path}")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = _tokenizer(tokenizer, max_tokens)
        self._lock = threading.Lock()
        self.path = path

    def _feed(self, encodings) -> dict[str, np.ndarray]:
        return {
            "input_ids": np.asarray([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.asarray([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.asarray([e.type_ids for e in encodings], dtype=np.int64),
        }

    def run_pairs(self, pairs: Sequence[tuple[str, str]], batch: int = 64) -> np.ndarray:
        """First output for each (first, second) text pair, in input order."""
        return self._run([list(p) for p in pairs], batch)

    def run_texts(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        return self._run(list(texts), batch)

    def _run(self, items: list, batch: int) -> np.ndarray:
        if not items:
            return np.zeros((0, 0), dtype=np.float32)
        # Similar lengths together: less padding, same answers (results go back in order).
        order = sorted(range(len(items)), key=lambda i: len(str(items[i])))
        out: list[np.ndarray] = [None] * len(items)  # type: ignore[list-item]
        for start in range(0, len(order), batch):
            chunk = order[start : start + batch]
            with self._lock:
                encodings = self.tokenizer.encode_batch([items[i] for i in chunk])
            result = self.session.run(None, self._feed(encodings))[0]
            for row, index in enumerate(chunk):
                out[index] = result[row]
        return np.stack(out)
