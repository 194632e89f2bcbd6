"""The head of a page: what the lines before the body say about the article.

A head sits in predictable places: the headline (with a section label above it and
a standfirst below), "By …", a date line, "From <outlet>". The body starts where
running text does.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field

from bot.ingest.outlets import OutletDirectory
from bot.ingest.paragraphs import is_headline_like, is_prose, match_key, words
from bot.ingest.text_dates import date_line


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
