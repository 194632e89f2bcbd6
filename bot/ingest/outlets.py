"""News outlets a fact-checker would recognise (config/outlets.toml), found by name or web address."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.core.errors import SettingsError
from bot.ingest.paragraphs import match_key


class OutletInfo(BaseModel):
    """A news outlet a fact-checker would recognise, with what they should know about it."""

    model_config = ConfigDict(extra="forbid")

    name: str
    url: str | None = None  # home page
    domains: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    notes: str | None = None  # e.g. "Russian state-owned news agency"
    state_media: bool = False

    @property
    def domain(self) -> str | None:
        return self.domains[0] if self.domains else None


def _name_key(name: str) -> str:
    key = match_key(name)
    return key[4:] if key.startswith("the ") else key


def _host(url: str) -> str:
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.removeprefix("www.").casefold()


class OutletDirectory:
    """Outlets known to the newsroom (config/outlets.toml), looked up by name, URL or mention."""

    def __init__(self, outlets: list[OutletInfo]) -> None:
        self.outlets = list(outlets)
        self._by_name: dict[str, OutletInfo] = {}
        self._by_domain: dict[str, OutletInfo] = {}
        mentions: list[tuple[str, OutletInfo]] = []
        for outlet in self.outlets:
            for name in [outlet.name, *outlet.aliases]:
                self._by_name.setdefault(_name_key(name), outlet)
                mentions.append((name, outlet))
            for domain in outlet.domains:
                self._by_domain.setdefault(domain.casefold().removeprefix("www."), outlet)
        # Longer names first: "Sydney Morning Herald" beats a shorter alias inside the same text.
        mentions.sort(key=lambda item: -len(item[0]))
        self._mentions = [
            (re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])"), outlet)
            for name, outlet in mentions
        ]

    @classmethod
    def load(cls, path: Path) -> OutletDirectory:
        """Read the outlets file; a missing file gives an empty directory, a broken one an error."""
        if not path.exists():
            return cls([])
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return cls([OutletInfo(**entry) for entry in data.get("outlet", [])])
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValidationError, TypeError) as exc:
            raise SettingsError(
                f"invalid outlets file {path} (from FACTCHECK_CONFIG_DIR): {exc}"
            ) from None

    def __len__(self) -> int:
        return len(self.outlets)

    def lookup(
        self, *, name: str | None = None, url: str | None = None, text: str | None = None
    ) -> OutletInfo | None:
        """Find an outlet by its name or alias (case-insensitive, "The" optional), by the
        host of a URL (subdomains included), or by a mention inside a short text such
        as a dateline or a credit (case-sensitive, longest name first)."""
        if name:
            found = self._by_name.get(_name_key(name))
            if found:
                return found
        if url:
            host = _host(url)
            while host:
                if host in self._by_domain:
                    return self._by_domain[host]
                host = host.partition(".")[2] if "." in host else ""
        if text:
            for pattern, outlet in self._mentions:
                if pattern.search(text):
                    return outlet
        return None
