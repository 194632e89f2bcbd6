"""Numbers, years, dates and weekdays: the source states the claim's, or another.

A number, a date or a weekday names exactly what differs, so a mismatch is a
conflict even in a loosely worded sentence. Each check also says whether the
source speaks to the claim's figures at all: a sentence that states none of
them is merely related, not evidence.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field
from spacy.lang.en.stop_words import STOP_WORDS

from bot.language import facts
from bot.language.clock_times import clock_times, same_time
from bot.check.claims import WEEKDAYS as NAMED_WEEKDAYS
from bot.check.claims import Claim
from bot.core.models import Quantity, Reason
from bot.check.retrieve import WORD, Candidate
from bot.language.dates import MONTHS, explicit_date_spans
from bot.language.quantities import TALLY_UNITS

WEEKDAYS = tuple(day.lower() for day in NAMED_WEEKDAYS)
YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,.]\d)")


class QuantityFindings(BaseModel):
    """What the source says of the claim's numbers."""

    conflicts: list[Reason] = Field(default_factory=list)
    # every claim number is stated, contradicted or bounded by the source
    stated: bool = True
    # numbers the source gives only a bound for ("over 90 minutes" for "two hours"): with
    # nothing else wrong the excerpt is related, and these say why it is not support
    bounds: list[Reason] = Field(default_factory=list)


def quantity_reasons(claim: Claim, candidate: Candidate) -> QuantityFindings:
    """Number conflicts, and whether the source states each claim number or only bounds it."""
    found = QuantityFindings()
    for said in claim.quantities:
        # hours vs days compare; percent vs troops, an age vs a duration do not
        same_kind = [w for w in candidate.quantities if facts.comparable(said, w)]
        same_kind = [w for w in same_kind if not states_another(claim, said, w)]
        if not same_kind and not said.unit:  # "topped 3,900" against "more than 2,300 claims"
            same_kind = [
                _bare(w)
                for w in candidate.quantities
                if w.unit and facts.is_count(w.unit) and not states_another(claim, said, w)
            ]
        if not same_kind and _unanimity_only(said, candidate.quantities):
            continue  # "5-0" against "unanimously": nobody against is all the source says
        denial = _denial(said, candidate.quantities)
        if denial is not None:  # checked before the comparisons it makes needless
            found.conflicts.append(denial)
            continue
        same_kind.sort(key=lambda w: w.unit != said.unit)  # report the same unit first
        comparisons = [facts.compare_quantities(said, wrote) for wrote in same_kind]
        replaced = _replaced(claim, said, same_kind, comparisons, candidate.text)
        if replaced is not None:
            found.conflicts.append(Reason(code="number_mismatch", detail=replaced.detail))
            continue
        if (
            any(c.relation == "consistent" for c in comparisons)
            or facts.within_range(said, same_kind)
            or _counted_there(said, candidate)
            or _sum_or_difference(said, candidate.quantities)
        ):
            continue
        mismatch = next((c for c in comparisons if c.relation == "mismatch"), None)
        bound = next((c for c in comparisons if c.relation == "bound"), None)
        if mismatch is not None:
            found.conflicts.append(Reason(code="number_mismatch", detail=mismatch.detail))
        elif bound is not None:
            found.bounds.append(Reason(code="bound", detail=bound.detail))
        else:
            found.stated = False  # and the claim's other figures are still compared
    return found


def _denial(said: Quantity, wrote: list[Quantity]) -> Reason | None:
    """The source names the claim's figure and denies it ("571 babies in 2024, not 612";
    "168 damaged boats, not 212"): a correction, reported with the figure it gives instead."""
    at = next((i for i, w in enumerate(wrote) if denies_figure(said, w)), None)
    if at is None:
        return None
    denied = wrote[at]
    instead = [w.text for w in wrote[:at] if w.comparator != "ne" and w.unit == denied.unit][-1:]
    return Reason(
        code="number_mismatch",
        detail=f"claim: {said.text}; source: {', '.join([*instead, denied.text])}",
        denies_claim=True,
    )


def denies_figure(said: Quantity, wrote: Quantity) -> bool:
    """ "not 212" denies "212 boats": the same figure, or the same count written bare."""
    return wrote.comparator == "ne" and differs(said, wrote)


def differs(said: Quantity, wrote: Quantity) -> bool:
    """The source figure is another value of the claim's ("38" for "41 vehicles": a count
    written bare compares with one written with its noun)."""
    if not wrote.unit and said.unit and facts.is_count(said.unit):
        said = _bare(said)
    return facts.compare_quantities(said, wrote).relation == "mismatch"


def _replaced(
    claim: Claim,
    said: Quantity,
    wrote: list[Quantity],
    comparisons: list[facts.QuantityComparison],
    text: str,
) -> facts.QuantityComparison | None:
    """The sentence's own figure, where the claim's is only the one it replaces ("found that
    $231,750 was taken ..., higher than the $212,400" for "put losses at $212,400"; "to about
    $2.9 million, up from $2.3 million"): the claim gives the old figure for the sentence's
    event. Not when the claim is about the old figure's own event, which the sentence names
    after it ("... than the $212,400 in the preliminary audit" for "the preliminary audit
    put ...", "up from 17 on Monday" for "17 cases on Monday"), or when the claim compares
    it too."""
    pairs = list(zip(wrote, comparisons))
    old = [w for w, c in pairs if c.relation == "consistent"]
    if not old or not all(_baseline(w, text) for w in old) or _baseline(said, claim.text):
        return None
    at = text.find(old[0].text)
    after = _stems(text[at + len(old[0].text) :]) - _stems(text[:at])
    if after & {w for w in _stems(claim.text) if w not in STOP_WORDS}:
        return None
    return next(
        (
            c
            for w, c in pairs
            if c.relation == "mismatch" and w.unit == said.unit and not _baseline(w, text)
        ),
        None,
    )


def _unanimity_only(said: Quantity, wrote: list[Quantity]) -> bool:
    """A tally's larger side against a source giving only a smaller one: a vote it calls
    unanimous, which counts only those against."""
    return said.unit == TALLY_UNITS[0] and any(w.unit == TALLY_UNITS[1] for w in wrote)


def _stems(text: str) -> set[str]:
    """A text's words by their first five letters ("prelim" in "preliminary")."""
    return {w.lower()[:5] for w in WORD.findall(text)}


def _sum_or_difference(said: Quantity, wrote: list[Quantity]) -> bool:
    """The claim's figure is two of the source's added or taken apart: "rose by $61" from
    "$1,904 in 2027 to $1,965", or a "$21.7 million" total from "$6 million of that, leaving
    $15.7 million". Arithmetic a reader does, not another figure."""
    exact = [w for w in wrote if w.comparator == "eq" and w.unit == said.unit]
    return any(
        facts.compare_quantities(said, a.model_copy(update={"value": value})).relation
        == "consistent"
        for i, a in enumerate(exact)
        for b in exact[i + 1 :]
        for value in (a.value + b.value, abs(a.value - b.value))
    )


def states_another(claim: Claim, said: Quantity, wrote: Quantity) -> bool:
    """A source figure that states another of the claim's figures is not this one's ("about
    3,100 tons" is the claim's 3,100 tons, not a mismatch for its 2,500-ton cap; "1,846
    appeals" is not a mismatch for "compared with 612" in a claim giving both)."""
    return facts.compare_quantities(said, wrote).relation != "consistent" and any(
        other is not said and _states(wrote, other) for other in claim.quantities
    )


def _bare(quantity: Quantity) -> Quantity:
    return quantity.model_copy(update={"unit": ""})


def _counted(said: Quantity, wrote: Quantity) -> bool:
    """The same count written with its noun on one side and bare on the other ("more than
    1,100 calls" / "calls topped 1,100"; "employs about 210 people" / "a workforce of about 210")."""
    if not said.unit:
        return bool(wrote.unit) and facts.is_count(wrote.unit) and (
            facts.compare_quantities(said, _bare(wrote)).relation == "consistent"
        )
    return not wrote.unit and facts.is_count(said.unit) and (
        facts.compare_quantities(_bare(said), wrote).relation == "consistent"
    )


def _states(wrote: Quantity, said: Quantity) -> bool:
    """Whether a source figure states a claim figure, a count written bare included."""
    return facts.compare_quantities(said, wrote).relation == "consistent" or _counted(said, wrote)


def _counted_there(said: Quantity, candidate: Candidate) -> bool:
    """A count written with its noun on one side and bare on the other: stated, whatever other
    figures the source has ("14 people had been treated" / "three more people ..., bringing
    the number treated to 14"). Not a bare figure the sentence compares its own count with,
    when it gives that count with the claim's noun ("about 163,000 patients, up from the
    roughly 140,000 it reported"): that is the figure it replaces."""
    counted = [wrote for wrote in candidate.quantities if _counted(said, wrote)]
    if not counted:
        return False
    replaced = any(
        wrote.unit == said.unit and facts.compare_quantities(said, wrote).relation == "mismatch"
        for wrote in candidate.quantities
    )
    return not (replaced and all(_compared_with(w, candidate.text) for w in counted))


_COMPARED_WITH = re.compile(r"\b(?:from|than)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# ... the one its own replaces: not the start of a change ("fell from 41,000 in 2015 to ...")
_BASELINE = re.compile(r"\b(?:than|up from|down from)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


def _compared_with(
    quantity: Quantity, text: str, words: re.Pattern[str] = _COMPARED_WITH
) -> bool:
    """A figure after "from" or "than" ("up from the roughly 140,000", "more than the 212"):
    the one a sentence compares another with."""
    at = text.find(quantity.text)
    return at > 0 and bool(words.search(text[max(0, at - 30) : at]))


def _baseline(quantity: Quantity, text: str) -> bool:
    """A figure a sentence compares its own with: after "than" or "up/down from"."""
    return _compared_with(quantity, text, _BASELINE)


# a year the source denies: "in 2027, not 2026", "not in 2019" (not "not until 2027", a year it states)
DENIED_YEAR = re.compile(r"\bnot\s+(?:in\s+)?((?:1[89]|20)\d\d)\b", re.IGNORECASE)


def year_reasons(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool]:
    """(year conflicts, whether the claim's years are stated or contradicted): 2016 vs 2020.

    The year of a full date the claim gives ("12 February 2025") is the date check's to
    judge: a source saying "February 12" in an article of that year states it, the year
    coming from the article's date.
    """
    denied = set(DENIED_YEAR.findall(candidate.text))
    source_years = set(YEAR.findall(candidate.text)) - denied
    dated_years = {d.year for d in claim.dates_with_year}
    # a source year that is another of the claim's is not this one's: "from 41,000 in 2015 to
    # 27,500 in 2025" against "fell from about 41,000 in 2015 to 27,500 last year"
    others = source_years - {str(y) for y in claim.years}
    reasons: list[Reason] = []
    stated = True
    for year in claim.years:
        if year in dated_years:
            continue
        if str(year) in denied and str(year) not in DENIED_YEAR.findall(claim.text):  # "in 2027, not 2026"
            stated_instead = ", ".join(sorted(others - denied))
            reasons.append(
                Reason(
                    code="date_mismatch",
                    detail=f"claim: {year}; source: {stated_instead + ', ' if stated_instead else ''}not {year}",
                )
            )
            continue
        if str(year) in source_years:
            continue
        if not source_years:
            return reasons, False
        if not others:
            stated = False
            continue
        reasons.append(
            Reason(
                code="date_mismatch",
                detail=f"claim: {year}; source: {', '.join(sorted(others))}",
            )
        )
    return reasons, stated


def _weekday_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w in WEEKDAYS]


# a figure a sentence compares its own with, and that figure's day: "up from 17 on Monday",
# "down from 3,100 on Sunday", "compared with 212 on March 3" (not "more than 1,100 on
# Tuesday", a bound on the sentence's own figure, nor "raised $800 from 60 donors by Friday")
_COMPARED_DAY = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+(?:the\s+)?(?:\w+\s+)?\d[\d,.]*(?:\s+[a-z]+){0,3}?\s+(?:on\s+|by\s+)?"
    rf"(?P<day>{'|'.join(WEEKDAYS)}|(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}})\b",
    re.IGNORECASE,
)


def _compared_days(candidate: Candidate) -> list[dt.date]:
    """The source's days that only date a figure it compares its own with ("21 cases, up from
    17 on Monday"): the day of the old figure, not of the sentence's event."""
    said = [m["day"].lower() for m in _COMPARED_DAY.finditer(candidate.text)]
    if not said:
        return []
    elsewhere = _COMPARED_DAY.sub(" ", candidate.text).lower()
    return [
        d
        for d in candidate.dates
        if any(_names_day(day, d) for day in said) and not _names_day(elsewhere, d)
    ]


def _names_day(text: str, day: dt.date) -> bool:
    """The text ("monday", "march 3", a sentence) names the day: its weekday or its date."""
    if day.strftime("%A").lower() in WORD.findall(text):
        return True
    return any((m, d) == (day.month, day.day) for *_, m, d in explicit_date_spans(text))


def date_reasons(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool]:
    """(date conflicts, whether the claim's dates/weekdays are stated or contradicted)."""
    reasons: list[Reason] = []
    compared = _compared_days(candidate)
    if compared:
        candidate = candidate.model_copy(
            update={"dates": [d for d in candidate.dates if d not in compared]}
        )
    source_days = [d.strftime("%A").lower() for d in candidate.dates] + [
        w for w in _weekday_words(candidate.text) if not any(_names_day(w, d) for d in compared)
    ]
    stated = True
    for said in claim.dates:
        if any(_same_day(d, said, said in claim.dates_with_year) for d in candidate.dates):
            continue
        if not candidate.dates:
            return reasons, False
        # a source date that is another of the claim's is not this one's: "pushed its vote from
        # Aug. 25 to Sept. 22" against "had planned to adopt it on Monday, Aug. 25"
        others = [
            d
            for d in candidate.dates
            if not any(_same_day(d, o, o in claim.dates_with_year) for o in claim.dates if o != said)
        ]
        if not others:
            stated = False
            continue
        reasons.append(
            Reason(
                code="date_mismatch",
                detail=f"claim: {_format_day(said, said in claim.dates_with_year)}; "
                f"source: {', '.join(_format_day(d, True) for d in others[:2])}",
            )
        )
    for weekday in claim.weekdays:
        if weekday.lower() in source_days:
            continue
        if not source_days:
            return reasons, False
        if set(source_days) <= {w.lower() for w in claim.weekdays}:
            stated = False  # "flushed hydrants between Sunday and Thursday" / "since Sunday"
            continue
        described = [
            f"{d.strftime('%A')} ({_format_day(d, True)})" for d in candidate.dates[:1]
        ]
        described = described or [
            w.capitalize() for w in _weekday_words(candidate.text)[:1]
        ]
        reasons.append(
            Reason(
                code="date_mismatch", detail=f"claim: {weekday}; source: {described[0]}"
            )
        )
    return reasons, stated


def _same_day(source: dt.date, claim: dt.date, with_year: bool) -> bool:
    """The claim's day, its year compared only when the claim gives one."""
    return source == claim if with_year else (source.month, source.day) == (claim.month, claim.day)


def time_reasons(claim: Claim, candidate: Candidate) -> list[Reason] | None:
    """A support's times of day against the claim's ("at 3:05 a.m.", or within half an hour of
    "shortly after 9 a.m."): [] when the source states them or gives no time, a date_mismatch
    when its one time is another, None when it gives several and none is the claim's (they
    time other moments of the story). A source whose every time is one the claim says leaves
    the claim's others unstated ("began at 8 a.m." for "from 8 a.m. to 8 p.m.")."""
    said = clock_times(claim.content)
    wrote = clock_times(candidate.text) if said else []
    missing = [t for t in said if not any(same_time(t, w) for w in wrote)]
    if not missing or all(any(same_time(t, w) for t in said) for w in wrote):
        return []
    if len(wrote) > 1:
        return None
    detail = f"claim: {missing[0].text}; source: {wrote[0].text}"
    return [Reason(code="date_mismatch", detail=detail)]


def _format_day(day: dt.date, with_year: bool) -> str:
    return (
        f"{day.day} {day.strftime('%b')} {day.year}"
        if with_year
        else f"{day.day} {day.strftime('%b')}"
    )
