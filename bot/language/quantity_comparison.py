"""Comparing a claim's quantity with a source's: same kind of thing, and do the figures agree?

Comparators are read the way a news reader reads them ("over 90 minutes" is 90..135),
units are converted (`units.py`), and a source that only gives a bound is told apart
from one that states the figure.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from bot.core.models import Comparator, Quantity
from bot.language.paraphrases import same_count_noun
from bot.language.quantities import MULTIPLIER_UNIT, TALLY_UNITS
from bot.language.units import CURRENCY_WORDS, DIMENSIONS, MEASURE_ALIASES


class QuantityComparison(BaseModel):
    """How a claim's number relates to a source's number, with words a reporter understands."""

    # "bound": the source gives only a bound ("over 90 minutes") that the claim's exact
    # figure ("two hours") satisfies -- related, but the figure is not stated
    relation: Literal["consistent", "mismatch", "unrelated", "bound"]
    detail: str


_EQ_TOLERANCE = 0.01
_APPROX_TOLERANCE = 0.15
_OVER_REACH = 1.5  # "over 90 minutes" is read as 90..135, not "any length above 90"
_UNDER_REACH = 1 / 1.5


def describe_quantity(quantity: Quantity) -> str:
    """The quantity as written ("over 90 minutes"), for reason details."""
    return quantity.text


_MEASURES = frozenset(
    {"percent", "percentage point", MULTIPLIER_UNIT, *DIMENSIONS, *CURRENCY_WORDS.values(),
     *MEASURE_ALIASES.values(), *TALLY_UNITS}
) - {"troop", "soldier", "person"}


def is_count(unit: str) -> bool:
    """A unit that counts things ("calls", "troops"), not a measure (percent, money, time,
    distance, a dose per volume)."""
    return bool(unit) and unit not in _MEASURES and "/" not in unit


def _dimension(unit: str) -> tuple[str, float]:
    return DIMENSIONS.get(unit, (unit, 1.0))


# Neighbouring duration units a reporter converts between ("48 hours" = "two
# days", "18 months" = "a year and a half"); farther apart ("three hours" vs a
# "three-year war") the numbers are about different things.
_DURATION_ORDER = ("minute", "day", "month", "year")


def comparable(a: Quantity, b: Quantity) -> bool:
    """Are the two quantities measures of the same kind of thing?

    Same unit; or two durations in the same or neighbouring units (hours and
    days, days and months); or two lengths, or two masses ("140 cm", "1.4 metres").
    An age ("78-year-old") is not a duration, and counts of different nouns
    (troops, percent) never compare.
    """
    if a.unit == b.unit or same_count_noun(a.unit, b.unit):
        return True
    if a.unit in _DURATION_ORDER and b.unit in _DURATION_ORDER:
        return abs(_DURATION_ORDER.index(a.unit) - _DURATION_ORDER.index(b.unit)) <= 1
    measures = {a.unit, b.unit} <= DIMENSIONS.keys() - set(_DURATION_ORDER)
    return measures and _dimension(a.unit)[0] == _dimension(b.unit)[0]


def _interval(value: float, comparator: Comparator) -> tuple[float, float]:
    """The range of values a news reader takes the quantity to mean."""
    if comparator in ("gt", "ge"):
        return value, value * _OVER_REACH
    if comparator in ("lt", "le"):
        return value * _UNDER_REACH, value
    if comparator == "approx":
        return value * (1 - _APPROX_TOLERANCE), value * (1 + _APPROX_TOLERANCE)
    return value * (1 - _EQ_TOLERANCE), value * (1 + _EQ_TOLERANCE)


_LITERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _step(quantity: Quantity) -> float | None:
    """The value of the last digit a figure is written to ("19,530": 10; "$15.7 million":
    100,000; "48,000": 1,000), in its unit; None for a figure in words."""
    found = _LITERAL.search(quantity.text)
    literal = found.group().replace(",", "") if found else ""
    if not literal or float(literal) == 0:
        return None
    scale = quantity.value / float(literal)
    if "." in literal:
        return scale * 10 ** -len(literal.split(".")[1])
    return scale * 10 ** (len(literal) - len(literal.rstrip("0")))


def compare_quantities(claim: Quantity, source: Quantity) -> QuantityComparison:
    """Compare two quantities of the same dimension; other pairs are "unrelated".

    Units are converted (three hours = 180 minutes; durations in minutes,
    days, months and years all compare). Comparators are read the way a news
    reader reads them, not as bare inequalities: "over/more than/at least X"
    covers X..1.5X (so "three hours" does NOT fit "over 90 minutes"),
    "under/less than/up to X" covers X/1.5..X, "nearly/about X" is within
    15% (of the claim's figure, when both are approximate) and, against a figure as written,
    one step of its last written digit ("about 1.1 million": 1.0 to 1.2 million), a bare number
    within 1% (rounding), and two bounds of one direction ("up to $68,000" /
    "up to $86,000") only when their figures agree. Two ranges that overlap
    are consistent; otherwise a mismatch, with detail
    "claim: <claim text>; source: <source text>". A bound does not state a
    value, though: an exact claim figure inside the source's bound is "bound"
    (related, not supported), and the detail says which bound it is. A denied
    figure ("$4, not $40") contradicts that figure only: any other is "unrelated".
    """
    claim_dim, claim_factor = _dimension(claim.unit)
    source_dim, source_factor = _dimension(source.unit)
    detail = f"claim: {claim.text}; source: {source.text}"
    if claim_dim != source_dim and not same_count_noun(claim_dim, source_dim):
        return QuantityComparison(relation="unrelated", detail=detail)
    # two caps (or two floors) are one figure only when their figures are, though the ranges
    # a reader takes them to cover overlap ("up to $68,000" / "up to $86,000"): read as written
    bounds_alike = _same_direction(claim.comparator, source.comparator)
    claim_comparator = "eq" if bounds_alike else claim.comparator
    source_comparator = "eq" if bounds_alike else source.comparator
    c_lo, c_hi = _interval(claim.value * claim_factor, claim_comparator)
    s_lo, s_hi = _interval(source.value * source_factor, source_comparator)
    if claim_comparator == source_comparator == "eq":
        # two exact figures agree to the coarser one's last written digit, within 1% at most:
        # "$19,530" is not "$19,350", though "48,000" may round "47,800"
        claim_step, source_step = _step(claim), _step(source)
        if claim_step is not None and source_step is not None:
            half = max(claim_step * claim_factor, source_step * source_factor) / 2
            c_lo = max(c_lo, claim.value * claim_factor - half)
            c_hi = min(c_hi, claim.value * claim_factor + half)
            s_lo = s_hi = source.value * source_factor
    # a round figure against a figure as written is no rounder than it is written: "about 1.1
    # million" covers 1.0 to 1.2 million, not the 1.26 million its 15% would reach (that is
    # "about 1.3 million"); two round figures keep their tolerance ("about 4,000" may round 4,200)
    if source_comparator != "approx":
        c_lo, c_hi = _within_a_step(claim, claim_comparator, claim_factor, c_lo, c_hi)
    if claim_comparator != "approx":
        s_lo, s_hi = _within_a_step(source, source_comparator, source_factor, s_lo, s_hi)
    if "ne" in (claim.comparator, source.comparator):
        same = claim.comparator == source.comparator
        return _denied(claim.value * claim_factor, source.value * source_factor, same, detail)
    if claim.comparator == source.comparator == "approx":
        # two round figures are the same figure only within one tolerance, not two: "about
        # 48,000 vehicles" is not "about 38,000" though their 15% ranges touch
        s_lo = s_hi = source.value * source_factor
    overlap = c_lo <= s_hi and s_lo <= c_hi
    if not overlap:
        return QuantityComparison(relation="mismatch", detail=detail)
    if claim_comparator == "eq" and source_comparator in _BOUND_NAMES:
        return QuantityComparison(
            relation="bound", detail=f"{detail} ({_BOUND_NAMES[source.comparator]})"
        )
    return QuantityComparison(relation="consistent", detail=detail)


def _within_a_step(
    quantity: Quantity, comparator: Comparator, factor: float, low: float, high: float
) -> tuple[float, float]:
    """An approximate figure's range, at most one written step ("1.1": 0.1) either side."""
    step = _step(quantity) if comparator == "approx" else None
    if step is None:
        return low, high
    value, reach = quantity.value * factor, step * factor
    return max(low, value - reach), min(high, value + reach)


def _same_direction(a: Comparator, b: Comparator) -> bool:
    return a in _BOUND_NAMES and b in _BOUND_NAMES and a[0] == b[0]


def _denied(claim: float, source: float, same: bool, detail: str) -> QuantityComparison:
    """ "not $40" against "$40" is a mismatch, against "not $40" the same figure; against
    $50 it says nothing."""
    low, high = _interval(claim, "eq")
    if not low <= source <= high:
        return QuantityComparison(relation="unrelated", detail=detail)
    return QuantityComparison(relation="consistent" if same else "mismatch", detail=detail)


_BOUND_NAMES: dict[Comparator, str] = {
    "gt": "a lower bound", "ge": "a lower bound", "lt": "an upper bound", "le": "an upper bound",
}  # fmt: skip


def within_range(claim: Quantity, sources: list[Quantity]) -> bool:
    """The source gives a range that holds the claim's figure ("between 2 and 3 million
    euros" for "2.5 million euros"): a lower and an upper bound it satisfies."""
    bounds = {
        source.comparator[0]  # "g" or "l"
        for source in sources
        if source.comparator in _BOUND_NAMES
        and compare_quantities(claim, source).relation == "bound"
    }
    return bounds == {"g", "l"}
