"""The paragraph, cleaning's unit: splitting text into paragraphs, reading their shape,
and the `Cleaning` record of which still stand and which were removed (and why).

A paragraph is a non-empty line, or several lines joined when they are one
hard-wrapped paragraph. Its shape (running prose, or short and unpunctuated like a
heading or a link) is what every cleaning and metadata rule reads.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

RemovalKind = Literal[
    "promo",
    "code",
    "tags",
    "teaser",
    "numbered_headline",
    "duplicate",
    "link_list",
    "trailing_block",
    "heading",
    "bio",
    "tail_junk",
    "credit",
]


class Removed(BaseModel):
    """A paragraph (or part) that cleaning dropped, kept so metadata can mine it."""

    kind: RemovalKind
    text: str


class Cleaning(BaseModel):
    """Paragraphs still standing plus everything removed, in order of removal."""

    paragraphs: list[str]
    removed: list[Removed] = []

    def drop(self, kind: RemovalKind, text: str) -> None:
        self.removed.append(Removed(kind=kind, text=text))

    def removed_of(self, kind: RemovalKind) -> list[str]:
        return [r.text for r in self.removed if r.kind == kind]


# --------------------------------------------------------------------------- text shape
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\u00ad\ufeff]")
_TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*(?:\s*[\[(][^\[\]()]{1,60}[\])])?$")
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def is_prose(paragraph: str) -> bool:
    """Running text: ends like a sentence, or is too long to be a heading or link."""
    return bool(_TERMINAL_RE.search(paragraph)) or len(words(paragraph)) >= 30


def is_headline_like(paragraph: str, max_words: int = 25) -> bool:
    """Short and without sentence-final punctuation: a heading, a link, a title."""
    return not is_prose(paragraph) and 0 < len(words(paragraph)) <= max_words


def match_key(text: str) -> str:
    """Comparison form: case, punctuation and apostrophes ignored ("Musk's" = "Musks")."""
    text = re.sub(r"['’`]", "", text.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def split_paragraphs(text: str) -> list[str]:
    """Normalise whitespace and split into paragraphs.

    Blank lines always separate paragraphs. Inside a block every line is its
    own paragraph (scraped text puts one paragraph per line), unless the line
    evidently continues the previous one: the previous line ends with a comma,
    semicolon or hyphen, or the next line starts in lower case.
    """
    text = _INVISIBLE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    paragraphs: list[str] = []
    previous_blank = True
    for raw_line in text.split("\n"):
        line = _SPACE_RE.sub(" ", raw_line).strip()
        if not line:
            previous_blank = True
            continue
        if paragraphs and not previous_blank:
            last = paragraphs[-1]
            if last.endswith("-") and line[:1].islower():
                paragraphs[-1] = last + line
                continue
            if last.endswith((",", ";")) or (line[:1].islower() and not _TERMINAL_RE.search(last)):
                paragraphs[-1] = f"{last} {line}"
                continue
        paragraphs.append(line)
        previous_blank = False
    return paragraphs
