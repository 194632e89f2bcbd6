"""The end of an article: leftover links and widget titles, an author bio, a wire credit."""

from __future__ import annotations

import re

from bot.ingest.paragraphs import Cleaning, is_prose, words

_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|van|von|da|al|bin|le|la)){1,3}"
_BIO_RE = re.compile(
    rf"^(?P<name>{_NAME}) (?:is|was|has been|covers|writes|reports)\b(?P<rest>.{{0,160}})",
)
_BIO_ROLE_RE = re.compile(
    r"\b(correspondent|reporter|editor|journalist|writer|columnist|contributor|producer|"
    r"bureau chief|anchor|presenter|photographer|author of|covers|reports on|writes about|"
    r"staff writer|freelance)\b",
    re.IGNORECASE,
)
_BIO_TAIL = 4


_HONORIFIC_RE = re.compile(
    r"^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Secretary|Prime|King|Queen)\b"
)
_FIRST_SENTENCE_END_RE = re.compile(r"(?<![A-Z])[.!?]\s")


def _is_bio(paragraph: str, byline: str | None) -> bool:
    """'X is the North America correspondent for …': a person's role at a publication,
    in the first sentence, not a politician introduced by title ('Mr. Bush is …')."""
    match = _BIO_RE.match(paragraph)
    if not match or _HONORIFIC_RE.match(match.group("name")):
        return False
    end = _FIRST_SENTENCE_END_RE.search(paragraph, match.start("rest"))
    first_sentence = paragraph[: end.start()] if end else paragraph
    surname = match.group("name").split()[-1].casefold()
    if byline and surname in byline.casefold() and len(words(first_sentence)) <= 40:
        return True
    return bool(_BIO_ROLE_RE.search(first_sentence))


def drop_tail_furniture(cleaning: Cleaning, *, byline: str | None = None) -> None:
    """Trim the end of the article: short non-sentences (leftover links, widget
    titles) and an author bio in the last few paragraphs."""
    paragraphs = list(cleaning.paragraphs)
    changed = True
    while paragraphs and changed:
        changed = False
        while paragraphs and not is_prose(paragraphs[-1]) and len(words(paragraphs[-1])) <= 8:
            cleaning.drop("tail_junk", paragraphs.pop())
            changed = True
        start = max(0, len(paragraphs) - _BIO_TAIL)
        for index in range(len(paragraphs) - 1, start - 1, -1):
            if index > 0 and _is_bio(paragraphs[index], byline):
                cleaning.drop("bio", paragraphs.pop(index))
                changed = True
                break
    cleaning.paragraphs = paragraphs


_CREDIT_RE = re.compile(
    r"(?<=[.!?\"”’)])\s*(?:/\s*|[–—]\s+)(?P<credit>[A-Z][\w.&' -]{1,40}(?:\([^()]{1,40}\))?)\s*$"
)


def take_credit(cleaning: Cleaning) -> str | None:
    """Strip a wire credit glued to the end of the last paragraph ('…"./ VOA (A2 Televizion)')."""
    if not cleaning.paragraphs:
        return None
    last = cleaning.paragraphs[-1]
    match = _CREDIT_RE.search(last)
    if not match or len(words(match.group("credit"))) > 6:
        return None
    credit = match.group("credit").strip()
    cleaning.paragraphs[-1] = last[: match.start()].rstrip()
    cleaning.drop("credit", credit)
    return credit
