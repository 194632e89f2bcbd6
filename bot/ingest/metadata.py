"""Article metadata: dates, the head of a page, datelines, outlets, manifests.

What the text says about itself sits in predictable places: a head before the
body (headline, "By …", a date line, "From <outlet>"), a dateline at the start
of the body ("BRUSSELS, February 13. /TASS/.", "LISBON (Reuters) -",
"Washington:"), and credits or bios at the end. A `manifest.toml` next to the
files states what the text does not say reliably, and always wins.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import tomllib
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.ingest.cleaning import is_headline_like, is_prose, match_key, words
from bot.core.errors import IngestError, SettingsError

# --------------------------------------------------------------------------- dates
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ISO_RE = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
)
_MDY_RE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_DMY_RE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE
)
_DOTTED_RE = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
_MONTH_DAY_RE = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_SLASHED_RE = re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
_DATE_RES = (_ISO_RE, _MDY_RE, _DMY_RE, _DOTTED_RE, _SLASHED_RE)


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text.rstrip(".").casefold()]


def _match_to_date(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if "first" in groups:  # 03/04/2024 is ambiguous; 13/04/2024 and 04/13/2024 are not
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            month, day = first, second
        else:
            return None
        try:
            return dt.date(int(groups["year"]), month, day)
        except ValueError:
            return None
    try:
        return dt.date(
            int(match.group("year")), _month_number(match.group("month")), int(match.group("day"))
        )
    except (ValueError, KeyError):
        return None


def find_date(text: str) -> dt.date | None:
    """The first full calendar date written in `text` (ISO, "February 13, 2025",
    "13 February 2025", "13.02.2025"), or None."""
    best: tuple[int, dt.date] | None = None
    for pattern in _DATE_RES:
        for match in pattern.finditer(text):
            date = _match_to_date(match)
            if date:
                if best is None or match.start() < best[0]:
                    best = (match.start(), date)
                break
    return best[1] if best else None


_TIME_RE = re.compile(
    r"\b\d{1,2}[.:]\d{2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(?:am|pm)\b",
    re.IGNORECASE,
)
_DATE_LINE_FILLER = re.compile(
    r"\b(published|updated|posted|last|modified|on|at|date|time|utc|gmt|[a-z]{1,2}[sd]t|aest|aedt|cet|cest|eet|eest|msk|ist)\b",
    re.IGNORECASE,
)
_WEEKDAY_RE = re.compile(
    r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?,?", re.IGNORECASE
)


def date_line(paragraph: str) -> tuple[dt.date, bool] | None:
    """A line that is only a date stamp ("February 13, 2025 — 4.16am",
    "2025-02-13 22:25:00 | Bota"): the date and whether it is an update time."""
    if len(words(paragraph)) > 14:
        return None
    for pattern in _DATE_RES:
        match = pattern.search(paragraph)
        if not match:
            continue
        date = _match_to_date(match)
        if date is None:
            continue
        rest = paragraph[: match.start()] + " " + paragraph[match.end() :]
        rest = _DATE_LINE_FILLER.sub(" ", _WEEKDAY_RE.sub(" ", _TIME_RE.sub(" ", rest)))
        if len(words(rest)) <= 2:  # a section name at most ("| Bota")
            return date, bool(re.match(r"\s*(updated|modified|last)", paragraph, re.IGNORECASE))
    return None


# --------------------------------------------------------------------------- outlets
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


# --------------------------------------------------------------------------- manifest
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


# --------------------------------------------------------------------------- head of the page
class Head(BaseModel):
    """What the lines before the body say: headline, byline, date, outlet mentions."""

    title: str | None = None
    standfirst: str | None = None  # the summary sentence printed between headline and byline
    section: str | None = None  # a label such as "Opinion" or "World" above the headline
    byline: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    outlet_mentions: list[str] = Field(default_factory=list)


_DATE_PREFIX_RE = re.compile(
    r"^date\s*:?\s*(?P<date>(?:19|20)\d\d-\d\d-\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?)?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^(?:by|written by|words by)\s*:?\s+(?P<name>[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|da|al|bin|le|la))*)"
    r"(?:\s*(?:[|,•·–—-]|\bfor\b|\bin\b)\s*(?P<rest>.+))?$",
    re.IGNORECASE,
)
_FROM_RE = re.compile(
    r"^(?:from|nga|von|par|da|door|fuente|quelle|kaynak|source|sourced from|via)\s*:?\s+(?P<name>\S.{0,40})$",
    re.IGNORECASE,
)
_HEAD_SCAN = 8
_STAMP_RE = re.compile(r"^(published|updated|posted|last updated|modified)\b", re.IGNORECASE)


def _byline(paragraph: str) -> tuple[str, str | None] | None:
    if len(words(paragraph)) > 12 or is_prose(paragraph.rstrip(".")):
        return None
    match = _BYLINE_RE.match(paragraph)
    if not match:
        return None
    name = match.group("name").strip(" ,")
    if name[:1].islower():
        return None
    if name.isupper():  # "By JANE DOE"
        name = name.title()
    return name, (match.group("rest") or None)


def _from_line(paragraph: str, outlets: OutletDirectory) -> str | None:
    match = _FROM_RE.match(paragraph)
    if not match or len(words(match.group("name"))) > 5 or is_prose(paragraph):
        return None
    name = match.group("name").strip(" .:")
    if outlets.lookup(name=name) or all(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
        return name
    return None


def _metadata_line(paragraph: str, outlets: OutletDirectory) -> bool:
    return bool(_byline(paragraph) or date_line(paragraph) or _from_line(paragraph, outlets))


def take_head(paragraphs: list[str], outlets: OutletDirectory) -> tuple[Head, list[str]]:
    """Read and remove the head of the page: a "date YYYY-MM-DD <title>" line, the
    headline, a standfirst, "By …", date stamps and "From <outlet>" lines, up to the body.

    The headline is the first other line that looks like one (short, no final
    full stop), or that the page repeats, or that a byline or date line follows.
    Such a line that ends like a sentence is the standfirst (or a caption) of a page
    without a headline: the title stays empty rather than a report showing a caption
    as the headline. Scanning stops at the first running-text paragraph that is not the headline.
    """
    head = Head()
    rest = list(paragraphs)
    index = 0
    scanned = 0
    while index < len(rest) and scanned < _HEAD_SCAN:
        scanned += 1
        paragraph = rest[index]
        prefixed = _DATE_PREFIX_RE.match(paragraph)
        if prefixed:
            head.published = head.published or dt.date.fromisoformat(prefixed.group("date"))
            if prefixed.group("title").strip() and head.title is None:
                head.title = prefixed.group("title").strip()
            del rest[index]
            continue
        byline = _byline(paragraph)
        if byline:
            head.byline = head.byline or byline[0]
            if byline[1]:
                head.outlet_mentions.append(byline[1])
            del rest[index]
            continue
        stamp = date_line(paragraph)
        if stamp:
            date, is_update = stamp
            if is_update:
                head.updated = head.updated or date
            else:
                head.published = head.published or date
            del rest[index]
            continue
        source = _from_line(paragraph, outlets)
        if source:
            head.outlet_mentions.append(source)
            del rest[index]
            continue
        if _STAMP_RE.match(paragraph) and len(words(paragraph)) <= 8 and not is_prose(paragraph):
            del rest[index]  # a date stamp we cannot read unambiguously ("Published: 03/04/2024")
            continue
        if (
            head.title is None
            and len(words(paragraph)) == 1
            and not is_prose(paragraph)
            and not paragraph.isupper()
        ):
            head.section = head.section or paragraph  # "Opinion" above the headline
            del rest[index]
            continue
        if any(match_key(paragraph) == match_key(seen) for seen in (head.title, head.standfirst) if seen):
            del rest[index]  # the headline (or the top standfirst) printed again
            continue
        if head.title is None and head.standfirst is None and _looks_like_title(rest, index, outlets):
            if _reads_as_sentence(paragraph):
                head.standfirst = paragraph  # a page without a headline opens with its summary or a caption
            else:
                head.title = paragraph
            del rest[index]
            continue
        if head.title and head.standfirst is None and _looks_like_standfirst(rest, index, outlets):
            head.standfirst = paragraph
            del rest[index]
            continue
        if is_prose(paragraph):
            break
        index += 1
    if head.published is None and head.updated is not None:
        head.published = head.updated
    return head, rest


def _looks_like_title(paragraphs: list[str], index: int, outlets: OutletDirectory) -> bool:
    paragraph = paragraphs[index]
    if len(words(paragraph)) > 45 or len(paragraph) > 300:
        return False
    following = paragraphs[index + 1 : index + 4]
    repeated = any(match_key(p) == match_key(paragraph) for p in following)
    announced = any(_metadata_line(p, outlets) for p in following[:2])
    if repeated or announced:
        return True
    # A headline-shaped first line followed by more text; not a lone heading like "BRUSSELS".
    return (
        index == 0
        and is_headline_like(paragraph)
        and len(words(paragraph)) >= 2
        and not paragraph.isupper()
        and len(paragraphs) > 1
    )


_SENTENCE_END_RE = re.compile(r"[.…][\"'”’»)\]]*(?:\s*[\[(][^\[\]()]{1,60}[\])])?$")


def _reads_as_sentence(paragraph: str) -> bool:
    """A full stop (before any closing quote or bracketed photo credit) or running-text length:
    a standfirst or caption. Headlines drop the full stop; a question or exclamation may stay one."""
    return bool(_SENTENCE_END_RE.search(paragraph)) or len(words(paragraph)) >= 30


_STANDFIRST_MAX_WORDS = 60


def _looks_like_standfirst(paragraphs: list[str], index: int, outlets: OutletDirectory) -> bool:
    """A sentence under the headline that a byline or date line follows: the page's summary
    ("dek"), not the body, which starts after those lines."""
    paragraph = paragraphs[index]
    if not is_prose(paragraph) or len(words(paragraph)) > _STANDFIRST_MAX_WORDS:
        return False
    return any(_metadata_line(p, outlets) for p in paragraphs[index + 1 : index + 3])


# --------------------------------------------------------------------------- dateline
class Dateline(BaseModel):
    city: str
    outlet: str | None = None
    month_day: tuple[int, int] | None = None
    published: dt.date | None = None


_CITY_CAPS = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
_CITY_ANY = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
_TASS_STYLE_RE = re.compile(
    rf"^(?P<city>{_CITY_ANY}),\s+(?P<date>[^./]{{3,30}}?)\.?\s*/(?P<outlet>[^/\n]{{2,30}})/\.?\s*"
)
_WIRE_STYLE_RE = re.compile(
    rf"^(?P<city>{_CITY_ANY})(?:,\s*(?P<region>[A-Z][\w.]+(?: [A-Z][\w.]+)?))?\s*\((?P<outlet>[A-Z][\w .&-]{{1,30}})\)\s*[-–—:]+\s*"
)
_DASH_STYLE_RE = re.compile(
    rf"^(?P<city>{_CITY_CAPS})(?:,\s*(?P<region>[^-–—]{{2,30}}?))?\s+[-–—]+\s+(?=\S)"
)
_COLON_STYLE_RE = re.compile(r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?):\s+(?=[A-Z\"“‘'])")
_NOT_CITIES = {
    "update",
    "note",
    "editor's note",
    "correction",
    "watch",
    "read",
    "photo",
    "video",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "warning",
    "summary",
    "background",
    "context",
    "live",
    "question",
    "answer",
    "q",
    "a",
    "source",
    "sources",
    "disclaimer",
    "related",
}
_LONE_CITY_RE = re.compile(rf"^{_CITY_CAPS}$")


def _dateline_date(text: str | None) -> tuple[tuple[int, int] | None, dt.date | None]:
    if not text:
        return None, None
    full = find_date(text)
    if full:
        return (full.month, full.day), full
    match = _MONTH_DAY_RE.search(text)
    if match:
        try:
            return (_month_number(match.group("month")), int(match.group("day"))), None
        except (KeyError, ValueError):
            return None, None
    return None, None


def take_dateline(paragraphs: list[str]) -> tuple[Dateline | None, list[str]]:
    """Find the dateline at the start of the body and strip it from the text.

    Forms: "BRUSSELS, February 13. /TASS/. …", "LISBON (Reuters) - …",
    "BRUSSELS - …", "Washington: …", or a line holding only a city in capitals.
    """
    rest = list(paragraphs)
    for index in range(min(2, len(rest))):
        paragraph = rest[index]
        if _LONE_CITY_RE.match(paragraph) and len(words(paragraph)) <= 3 and index + 1 < len(rest):
            del rest[index]
            return Dateline(city=paragraph.strip()), rest
        for pattern in (_TASS_STYLE_RE, _WIRE_STYLE_RE, _DASH_STYLE_RE, _COLON_STYLE_RE):
            match = pattern.match(paragraph)
            if not match:
                continue
            city = match.group("city").strip()
            body = paragraph[match.end() :].strip()
            if city.casefold() in _NOT_CITIES or len(words(body)) < 8:
                continue
            groups = match.groupdict()
            month_day, published = _dateline_date(groups.get("date"))
            rest[index] = body
            return (
                Dateline(
                    city=city,
                    outlet=(groups.get("outlet") or "").strip() or None,
                    month_day=month_day,
                    published=published,
                ),
                rest,
            )
        if is_prose(paragraph):
            break
    return None, rest
