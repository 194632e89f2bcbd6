"""The public NLI files the model trains and is measured on, with their licences.

`../shared/nli/SOURCES.md` gives each file's origin and suggested use; the lists below copy
that judgement. Files whose licence is non-commercial (ANLI, SICK) are evaluation only and
never appear in TRAIN."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

LABELS = ("entailment", "neutral", "contradiction")

# file -> licence, as SOURCES.md states it.
TRAIN: dict[str, str] = {
    "lingnli_train.jsonl": "LingNLI (no licence file; premises from MultiNLI)",
    "lingnli_val.jsonl": "LingNLI (no licence file; premises from MultiNLI)",
    "snli_dev.jsonl": "SNLI CC BY-SA 4.0; e-SNLI MIT",
    "snli_test.jsonl": "SNLI CC BY-SA 4.0; e-SNLI MIT",
    "cad_snli_train.jsonl": "Counterfactually-augmented SNLI, Apache-2.0",
    "cad_snli_dev.jsonl": "Counterfactually-augmented SNLI, Apache-2.0",
    "cad_snli_test.jsonl": "Counterfactually-augmented SNLI, Apache-2.0",
    "healthver_dev.jsonl": "HealthVer (none stated)",
    "healthver_test.jsonl": "HealthVer (none stated)",
    "perspectrum.jsonl": "Perspectrum CC BY-SA 4.0 (two-way)",
}
# name -> (file, licence): held out from training, reported by `factcheck eval-model`.
EVALUATION: dict[str, tuple[str, str]] = {
    "MNLI dev-matched": ("mnli_dev_matched.jsonl", "MultiNLI terms"),
    "ANLI dev": ("anli_dev.jsonl", "CC BY-NC 4.0, evaluation only"),
    "FEVER-Symmetric test": ("fever_symmetric_test.jsonl", "CC BY-SA 3.0"),
    "FEVER-Symmetric dev": ("fever_symmetric_dev.jsonl", "CC BY-SA 3.0"),
}
# Per-file caps keep the mix inside the CPU budget and stop one style (SNLI captions,
# Perspectrum debate stances) from dominating the news-sentence pairs.
CAPS: dict[str, int] = {
    "snli_dev.jsonl": 5000,
    "snli_test.jsonl": 5000,
    "perspectrum.jsonl": 4000,
}


class Pair(BaseModel):
    premise: str
    hypothesis: str
    label: str
    source: str = ""


def read_pairs(path: Path) -> Iterator[Pair]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if row.get("label") in LABELS and row.get("premise") and row.get("hypothesis"):
                    yield Pair(
                        premise=row["premise"],
                        hypothesis=row["hypothesis"],
                        label=row["label"],
                        source=row.get("source") or row.get("kind") or path.stem,
                    )


def default_nli_dir() -> Path:
    """The shared folder beside a checkout (../shared/nli)."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "nli"
