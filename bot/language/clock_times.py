"""Times of day: "3:05 a.m.", "10 p.m.", "noon", compared by the minute they name.

`quantities.py` keeps times of day out of its numbers (their digits are not counts); a
claim's time is still a hard fact: "shelter in place at 3:05 a.m." is not what a source
saying "At 1:05 a.m., the county issued a shelter-in-place order" reports.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

_CLOCK = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?<![\d:])\b(?P<bare_hour>\d{1,2}):(?P<bare_minute>\d{2})\b(?![:.,]?\d)"
    r"|\b(?P<word>noon|midnight)\b",
    re.IGNORECASE,
)
# a word before the time that makes it a neighbourhood, not a minute
_ROUGHLY = frozenset(
    "about around roughly nearly almost approximately shortly just after before by until past "
    "since early late".split()
)
HALF_DAY = 12 * 60
TOLERANCE = 30  # minutes either way of a rough time ("shortly before 3 a.m." vs 2:55 a.m.)


class ClockTime(BaseModel):
    text: str
    minute: int  # of the day; of the half day when `half_known` is False ("10:30")
    half_known: bool
    rough: bool  # "about 10 p.m.", "shortly before 3 a.m."


def clock_times(text: str) -> list[ClockTime]:
    """Every time of day written in `text`, in order."""
    found = []
    for match in _CLOCK.finditer(text):
        before = text[: match.start()].split()
        rough = bool(before) and before[-1].lower().strip(",") in _ROUGHLY
        if match["word"]:
            minute = HALF_DAY if match["word"].lower() == "noon" else 0
            found.append(ClockTime(text=match[0], minute=minute, half_known=True, rough=rough))
            continue
        hour = int(match["hour"] or match["bare_hour"])
        minutes = int(match["minute"] or match["bare_minute"] or 0)
        if hour > 23 or minutes > 59 or (match["half"] and not 1 <= hour <= 12):
            continue
        if match["half"]:
            hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        found.append(
            ClockTime(
                text=match[0].strip(),
                minute=hour * 60 + minutes,
                half_known=bool(match["half"]) or hour > 12,
                rough=rough,
            )
        )
    return found


def same_time(said: ClockTime, wrote: ClockTime) -> bool:
    """The same minute, or within `TOLERANCE` of a rough one; on a 12-hour dial when either
    side leaves a.m./p.m. unsaid."""
    period = 24 * 60 if said.half_known and wrote.half_known else HALF_DAY
    gap = abs(said.minute - wrote.minute) % period
    gap = min(gap, period - gap)
    return gap <= (TOLERANCE if said.rough or wrote.rough else 0)
