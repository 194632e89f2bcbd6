"""Run a shipped ONNX model on onnxruntime: loaded once per process, scored in batches.

No torch at run time: the tokenizer is the `tokenizers` package reading the base model's
tokenizer.json, shipped beside the ONNX files in bot/model/data/."""

from __future__ import annotations

import platform
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

DATA_DIR = Path(__file__).resolve().parent / "data"
TOKENIZER = DATA_DIR / "tokenizer.json"
MAX_TOKENS = 128
QUANT_PRECISION = "session.x64quantprecision"
CPU_INFO = Path("/proc/cpuinfo")


def saturates_int8(cpu_flags: frozenset[str] | None, machine: str = platform.machine()) -> bool:
    """Whether this CPU's 8-bit products saturate unless onnxruntime computes them in 16 bits
    (`QUANT_PRECISION`): x86-64 without AVX-512 VNNI. VNNI sums the products in 32 bits, so
    there both ways read every pair to the same bit (1,500 news pairs, all three models), and
    the 16-bit way costs 1.7x the time. Unknown flags on x86-64 count as saturating."""
    if machine.lower() not in ("x86_64", "amd64"):
        return False
    return cpu_flags is None or "avx512_vnni" not in cpu_flags


@lru_cache(maxsize=4)
def cpu_flags(info: Path = CPU_INFO) -> frozenset[str] | None:
    """The CPU's feature flags from /proc/cpuinfo, or None where it cannot be read (read once:
    every model session asks)."""
    try:
        text = info.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("flags") and ":" in line:
            return frozenset(line.split(":", 1)[1].split())
    return None


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
        # One thread a session: on a busy 2-core machine two threads waiting on each other
        # were 6x slower (24 pairs: 92 ms with one, 550 ms with two, under load), and the
        # bot serves checks side by side anyway.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # int8 products in 16 bits where the 8-bit kernels saturate: there scores moved across
        # thresholds from one machine to the next (entailment 0.960 on an AVX2 EPYC, 0.952
        # with this, as on VNNI machines)
        if saturates_int8(cpu_flags()):
            options.add_session_config_entry(QUANT_PRECISION, "1")
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

    def run_pairs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """First output for each (first, second) text pair, in input order."""
        return self._run([list(p) for p in pairs])

    def run_texts(self, texts: Sequence[str]) -> np.ndarray:
        return self._run(list(texts))

    def _run(self, items: list) -> np.ndarray:
        """Each item in a call of its own, unpadded. The int8 graphs quantise activations
        dynamically, over the whole input tensor: a row scored beside others (or beside their
        padding) moved with them (contradiction 0.80 alone, 0.82 in one check's batch), so a
        threshold answered differently on SQLite and PostgreSQL, whose searches hand the model
        different neighbours. Alone, a pair reads the same in every check. On one thread a
        batch saved nothing: 9.0 ms a pair alone, 9.7 in a batch of ten (stance model)."""
        if not items:
            return np.zeros((0, 0), dtype=np.float32)
        with self._lock:
            encodings = [self.tokenizer.encode_batch([item])[0] for item in items]
        return np.stack([self.session.run(None, self._feed([e]))[0][0] for e in encodings])
