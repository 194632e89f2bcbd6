"""Dates as an article's text states them: anywhere in a string, on a date line in the
head ("February 13, 2025 — 4.16am"), and in the dateline that opens the body
("BRUSSELS, February 13. /TASS/.", "LISBON (Reuters) -", "Washington:").
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel

from bot.ingest.paragraphs import is_prose, words

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
