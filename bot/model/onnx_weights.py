"""The weights of a shipped stance model, read back from its ONNX file, to train on from there.

The package ships the trained model as int8 ONNX only (the fp32 weights of a GPU run are not
kept). `factcheck train-model --init stance.onnx` continues from it: each int8 matrix is
dequantised (per output channel: (q - zero point) * scale, transposed back to torch's
[out, in]); biases and layer norms are stored as they are. The embeddings are not read: training
keeps the verified base embeddings frozen, as the shipped model did."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

# ONNX node scope -> torch parameter: "/body/layer.0/attention/query/MatMul_quant"
_LAYER = re.compile(r"^/body/layer\.(\d+)/(attention/query|attention/key|attention/value|"
                    r"attention/output/dense|intermediate/dense|output/dense)/MatMul_quant$")
_HEAD = re.compile(r"^/head/head\.(\d+)/Gemm_MatMul_quant$")
_MODULES = {
    "attention/query": "attention.self.query",
    "attention/key": "attention.self.key",
    "attention/value": "attention.self.value",
    "attention/output/dense": "attention.output.dense",
    "intermediate/dense": "intermediate.dense",
    "output/dense": "output.dense",
}


def _parameter(node_name: str) -> str | None:
    layer = _LAYER.match(node_name)
    if layer:
        return f"body.encoder.layer.{layer.group(1)}.{_MODULES[layer.group(2)]}.weight"
    head = _HEAD.match(node_name)
    return f"head.{head.group(1)}.weight" if head else None


def state_from_onnx(path: Path) -> dict[str, np.ndarray]:
    """Every trained parameter but the embeddings, as float32 arrays keyed like `CrossEncoder`."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    state: dict[str, np.ndarray] = {}
    for node in graph.node:
        name = _parameter(node.name) if node.op_type in ("MatMulInteger", "MatMul") else None
        if name is None:
            continue
        weight = node.input[1]
        if node.op_type == "MatMul":
            matrix = init[weight].astype(np.float32)
        else:
            base = weight.removesuffix("_quantized")
            quantised = init[weight].astype(np.float32)
            matrix = (quantised - init[f"{base}_zero_point"].astype(np.float32)) * init[f"{base}_scale"]
        state[name] = np.ascontiguousarray(matrix.T)
    for key, value in init.items():
        if key.endswith((".bias", "LayerNorm.weight")) and not key.startswith("body.embeddings."):
            state[key] = value.astype(np.float32)
    return state
