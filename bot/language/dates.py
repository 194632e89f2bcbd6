"""Dates in a sentence, resolved against the publication date.

"Wednesday" in a story published Thursday 13 Feb 2025 is 12 Feb 2025: the
most recent such day on or before publication, unless the sentence looks
forward ("will meet on Monday", "next Monday"), when it is the next such day
on or after. "yesterday"/"today"/"tomorrow" likewise. "February 12" without a
year takes the year that puts it nearest to publication (so "December 30" in
a 2 January story is last December).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_MONTH_DAY = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|per\b|percent\b))"
    rf"(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.I,
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b\.?"
    rf"(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?P<wd>" + "|".join(WEEKDAYS) + r")s?\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))\b",
    re.I,
)
_RELATIVE_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_FORWARD_BEFORE = re.compile(r"\b(?:next|coming|this coming)\s+$", re.I)
_BACKWARD_BEFORE = re.compile(r"\b(?:last|past|previous)\s+$", re.I)
_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"^[\s,]*(?:the\s+)?$", re.I)
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_FUTURE_VERBS = frozenset({"schedule", "plan", "due", "expect", "set"})


def _text_and_offset(span: Span | Doc) -> tuple[str, int]:
    if isinstance(span, Doc):
        return span.text, 0
    return span.text, span.start_char


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    candidates = [
        d for y in (published.year - 1, published.year, published.year + 1)
        if (d := _make_date(y, month, day)) is not None
    ]  # fmt: skip
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published))


def explicit_date_spans(text: str) -> list[tuple[int, int, int | None, int, int]]:
    """(start, end, year or None, month, day) for every explicit calendar date in `text`.

    Also used by the quantity scanner so that "February 12" is never read as 12 of something.
    """
    found: list[tuple[int, int, int | None, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, year: int | None, month: int, day: int) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return
        taken.append((start, end))
        found.append((start, end, year, month, day))

    for m in _ISO.finditer(text):
        add(m.start(), m.end(), int(m["year"]), int(m["month"]), int(m["day"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            year = int(m["year"]) if m["year"] else None
            add(m.start(), m.end(), year, MONTHS[m["mon"].lower()], int(m["day"]))
    found.sort()
    return found


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _looks_forward(token: Token | None) -> bool:
    """True when the clause around `token` is about the future ("will meet on Monday")."""
    if token is None:
        return False
    verb = _governing_verb(token)
    if verb is None:
        return False
    if verb.lemma_.lower() in _FUTURE_VERBS:
        return True
    return any(
        child.dep_ == "aux" and child.lower_ in _FUTURE_AUX or child.lemma_.lower() in _FUTURE_AUX
        for child in verb.children
        if child.dep_ in ("aux", "auxpass")
    )


_CLAUSE_TOPS = frozenset({"ROOT", "ccomp", "relcl", "conj", "parataxis"})


def _planned_or_reported_future(token: Token | None) -> bool:
    """The day of a plan, or of a future told in the past: "would end Friday", "as planned".

    Seen from the story, such a day may lie just before or just after
    publication ("said Tuesday the strike would continue rather than ending
    Thursday as planned", in a Wednesday story, is the next day).
    """
    if token is None:
        return False
    verb = start = _governing_verb(token)
    for _ in range(4):
        if verb is None:
            return False
        if verb is not start and verb.lemma_.lower() in _FUTURE_VERBS:
            return True
        if any(
            c.lemma_.lower() in _FUTURE_VERBS and c.dep_ in ("advcl", "acomp", "xcomp")
            or c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "will", "'ll", "shall")
            for c in verb.children
        ):
            return True
        if verb.dep_ in _CLAUSE_TOPS or verb.head is verb:
            return False
        verb = _governing_verb(verb.head)
    return False


def _nearest_weekday(weekday: int, published: dt.date) -> dt.date:
    ahead = (weekday - published.weekday()) % 7
    behind = (published.weekday() - weekday) % 7
    if ahead < behind:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=behind)


def _resolve_weekday(weekday: int, published: dt.date, *, forward: bool, strict: bool) -> dt.date:
    if forward:
        delta = (weekday - published.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def explicit_dates(text: str, published: dt.date | None) -> list[dt.date]:
    """Calendar dates written out in `text` ("March 4", "4 March 2024"), never weekdays.

    A claim is checked days or years after the story: its "on Tuesday" names a
    weekday to compare, not the Tuesday before the day the claim is checked.
    """
    found: list[dt.date] = []
    for _start, resolved in _explicit_resolved(explicit_date_spans(text), published):
        if resolved not in found:
            found.append(resolved)
    return found


def explicit_dates_with_year(text: str) -> list[dt.date]:
    """The calendar dates `text` writes with their year ("Jan. 1, 2033"): only these have a
    year of their own to compare, not "Nov. 18" beside them."""
    return [
        d
        for _start, _end, year, month, day in explicit_date_spans(text)
        if year is not None and (d := _make_date(year, month, day)) is not None
    ]


def _explicit_resolved(
    spans: list[tuple[int, int, int | None, int, int]], published: dt.date | None
) -> list[tuple[int, dt.date]]:
    """(start, date) of explicit dates; a date without a year takes the one nearest publication."""
    found: list[tuple[int, dt.date]] = []
    for start, _end, year, month, day in spans:
        if year is not None:
            resolved = _make_date(year, month, day)
        elif published is not None:
            resolved = _nearest_year(month, day, published)
        else:
            resolved = None
        if resolved is not None:
            found.append((start, resolved))
    return found


def extract_dates(span: Span | Doc, published: dt.date | None) -> list[dt.date]:
    """Resolved dates in `span` (explicit, weekday, relative), in order, without duplicates.

    Without a publication date, relative mentions (weekdays, "yesterday")
    cannot be resolved and are skipped; explicit dates without a year are
    skipped too.
    """
    text, offset = _text_and_offset(span)
    doc = span if isinstance(span, Doc) else span.doc
    explicit = explicit_date_spans(text)
    found = _explicit_resolved(explicit, published)
    if published is not None:
        for m in _WEEKDAY.finditer(text):
            following = [s for s, *_ in explicit if s >= m.end()]
            if following and _BETWEEN_WEEKDAY_AND_DATE.match(text[m.end() : following[0]]):
                continue  # "Wednesday, February 12": the explicit date already says it
            before = text[max(0, m.start() - 20) : m.start()]
            token = doc.char_span(offset + m.start(), offset + m.end(), alignment_mode="expand")
            if _FORWARD_BEFORE.search(before):
                forward, strict = True, True
            elif _BACKWARD_BEFORE.search(before):
                forward, strict = False, True
            else:
                root = token.root if token is not None else None
                forward, strict = _looks_forward(root), False
                if not forward and _planned_or_reported_future(root):
                    weekday = WEEKDAYS.index(m["wd"].lower())
                    found.append((m.start(), _nearest_weekday(weekday, published)))
                    continue
            weekday = WEEKDAYS.index(m["wd"].lower())
            found.append(
                (m.start(), _resolve_weekday(weekday, published, forward=forward, strict=strict))
            )
        for m in _RELATIVE.finditer(text):
            rel = m["rel"].lower()
            days = _RELATIVE_OFFSETS.get(rel, 0)
            found.append((m.start(), published + dt.timedelta(days=days)))
    found.sort(key=lambda item: item[0])
    result: list[dt.date] = []
    for _pos, resolved in found:
        if resolved not in result:
            result.append(resolved)
    return result


def weekday_mentions(span: Span | Doc) -> list[str]:
    """Weekday names mentioned in `span`, capitalised ("Tuesday"), in order, without duplicates."""
    text = span.text
    names: list[str] = []
    for m in _WEEKDAY.finditer(text):
        name = m["wd"].capitalize()
        if name not in names:
            names.append(name)
    return names
