"""`factcheck export-encoder`: the verified base weights -> the shipped sentence-encoder ONNX.

Run once by a maintainer (it needs the `.[train]` extra for torch); the file it writes
ships in the package. int8 by default (23 MB instead of 90 MB), with one scale per output
channel: per-tensor int8 lost ~0.01 MAP@5 on CLEF 2020 train and dev, per-channel keeps
fp32's figures (README, "Fact-check records").
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bot.model.runtime import DATA_DIR, TOKENIZER
from bot.model.sentence_encoder import ENCODER_FILE


def export_sentence_encoder(base: Path, *, int8: bool = True, target: Path = ENCODER_FILE) -> Path:
    """Verify the base weights, export MiniLM with mean pooling to ONNX, optionally quantise."""
    from bot.model.base_weights import locate
    from bot.model.bert import MiniLM, SentenceEncoder
    from bot.model.export import quantize_int8, to_onnx

    weights = locate(base)
    model = SentenceEncoder(MiniLM.from_base(weights))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-encoder-") as folder:
        full = to_onnx(model, Path(folder) / "sentence_encoder.fp32.onnx", output="embedding")
        if int8:
            quantize_int8(full, target)
        else:
            shutil.copyfile(full, target)
    tokenizer = weights.parent / "tokenizer.json"
    if not TOKENIZER.is_file() and tokenizer.is_file():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tokenizer, TOKENIZER)
    return target
