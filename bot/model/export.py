"""Turn a torch model into the ONNX file the package ships (torch is needed only here).

int8 dynamic quantisation makes the file about 4x smaller and CPU inference faster; the
caller keeps it only when the measured accuracy holds."""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def to_onnx(model: nn.Module, path: Path, output: str) -> Path:
    """Export with dynamic batch and sequence axes, so one call scores any batch."""
    model = model.eval()
    example = tuple(torch.ones((2, 16), dtype=torch.long) for _ in INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    axes[output] = {0: "batch"}
    path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            model,
            example,
            str(path),
            input_names=list(INPUTS),
            output_names=[output],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    return path


def quantize_int8(source: Path, target: Path) -> Path:
    """Per-channel scales: one scale per output row kept the encoder's CLEF figures, where one
    per tensor lost about 0.01 MAP@5 and moved the stance model's probabilities visibly."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(source), str(target), weight_type=QuantType.QInt8, per_channel=True)
    return target
