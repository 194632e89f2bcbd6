"""A `manifest.toml` beside the files: per-file metadata a person vouched for, which always
wins over what the text says about itself."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import tomllib
from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.errors import IngestError


class ManifestEntry(BaseModel):
    """Per-file metadata a person vouched for; it wins over what the text says."""

    model_config = ConfigDict(extra="forbid")

    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    notes: str | None = None


@lru_cache(maxsize=64)
def _manifest_cached(path: str, mtime_ns: int, size: int) -> dict[str, ManifestEntry]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(f"{path}: invalid manifest ({exc})") from None
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise IngestError(f"{path}: invalid manifest ([files] must be a table of file names)")
    entries: dict[str, ManifestEntry] = {}
    for name, fields in files.items():
        try:
            entries[name] = ManifestEntry(**fields)
        except (ValidationError, TypeError) as exc:
            raise IngestError(f"{path}: invalid manifest entry for {name!r} ({exc})") from None
    return entries


def manifest_entry(file: Path) -> ManifestEntry | None:
    """The manifest entry for `file` from `manifest.toml` in its folder, if any."""
    manifest = file.parent / "manifest.toml"
    try:
        stat = manifest.stat()
    except FileNotFoundError:
        return None
    return _manifest_cached(str(manifest), stat.st_mtime_ns, stat.st_size).get(file.name)
