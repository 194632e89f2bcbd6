"""Reading numbers written in words or digits: "three", "twenty-five", "10,000", "1.2bn",
"two-and-a-half", "one hundred and twenty", "a dozen", "half a million".

Token-based so that callers keep token positions (the quantity scanner needs
to know where a number ends to find its unit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
DOZEN = 12

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DIGITS_WITH_SCALE = re.compile(
    r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|mn|mln|bn|b|tn|trn)$", re.I
)
SUFFIX_SCALES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
_HYPHENS = {"-", "–", "—"}


class ParsedNumber:
    """A number found at token `start`, ending before token `end`."""

    __slots__ = ("value", "start", "end", "in_words", "simple_integer")

    def __init__(self, value: float, start: int, end: int, *, in_words: bool, simple_integer: bool):
        self.value = value
        self.start = start
        self.end = end
        self.in_words = in_words
        # a bare run of digits without separators or scale ("2014"): could be a year
        self.simple_integer = simple_integer


def _word_value(text: str) -> int | None:
    """ "twenty-five" -> 25, "seven" -> 7; None for anything else."""
    if text in SMALL_NUMBERS:
        return SMALL_NUMBERS[text]
    if "-" in text:
        tens, _, units = text.partition("-")
        if tens in SMALL_NUMBERS and units in SMALL_NUMBERS:
            tv, uv = SMALL_NUMBERS[tens], SMALL_NUMBERS[units]
            if tv >= 20 and tv % 10 == 0 and 0 < uv < 10:
                return tv + uv
    return None


def _skip_hyphens(tokens: Sequence[Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text in _HYPHENS:
        i += 1
    return i


def _half_suffix(tokens: Sequence[Token], i: int) -> int | None:
    """Index after "and a half" / "-and-a-half" starting at `i`, else None."""
    j = _skip_hyphens(tokens, i)
    if j < len(tokens) and tokens[j].lower_ == "and":
        j = _skip_hyphens(tokens, j + 1)
        if j < len(tokens) and tokens[j].lower_ in ("a", "one"):
            j = _skip_hyphens(tokens, j + 1)
            if j < len(tokens) and tokens[j].lower_ == "half":
                return j + 1
    return None


def parse_number(tokens: Sequence[Token], i: int) -> ParsedNumber | None:
    """The number starting exactly at token `i`, or None.

    Handles digits ("10,000", "5.5", "1.2bn"), digit + scale word ("5 billion"),
    words ("three", "twenty-five", "one hundred and twenty"), "a dozen",
    "half a million", and "and a half" tails ("two-and-a-half").
    """
    n = len(tokens)
    tok = tokens[i]
    low = tok.lower_
    value: float
    j: int
    in_words = False
    simple = False
    if _DIGITS.match(low):
        value = float(low.replace(",", ""))
        simple = low.isdigit()
        j = i + 1
    elif m := _DIGITS_WITH_SCALE.match(low):
        value = float(m.group(1).replace(",", "")) * SUFFIX_SCALES[m.group(2).lower()]
        return ParsedNumber(value, i, i + 1, in_words=False, simple_integer=False)
    elif (
        low in ("a", "an")
        and i + 1 < n
        and (
            tokens[i + 1].lower_
            in ("dozen", "hundred", "thousand", "million", "billion", "trillion")
        )
    ):
        return _parse_words(tokens, i + 1, start=i, initial=1)
    elif (
        low == "half"
        and i + 2 < n
        and tokens[i + 1].lower_ in ("a", "an")
        and (tokens[i + 2].lower_ in ("million", "billion", "trillion", "dozen"))
    ):
        scale = DOZEN if tokens[i + 2].lower_ == "dozen" else SCALES[tokens[i + 2].lower_]
        return ParsedNumber(0.5 * scale, i, i + 3, in_words=True, simple_integer=False)
    elif low == "dozen":
        return _parse_words(tokens, i, start=i, initial=1)
    elif _word_value(low) is not None:
        return _parse_words(tokens, i, start=i, initial=None)
    else:
        return None
    # digits followed by a scale word: "5 billion", "1.2 million", "3 dozen"
    if j < n and tokens[j].lower_ in SCALES:
        value *= SCALES[tokens[j].lower_]
        j += 1
        simple = False
    elif j < n and tokens[j].lower_ == "dozen":
        value *= DOZEN
        j += 1
        simple = False
    if (after_half := _half_suffix(tokens, j)) is not None:
        value += 0.5
        j = after_half
        simple = False
    return ParsedNumber(value, i, j, in_words=in_words, simple_integer=simple)


def _parse_words(
    tokens: Sequence[Token], i: int, *, start: int, initial: int | None
) -> ParsedNumber:
    """Number words from `i`: "one hundred and twenty", "twenty - five", "dozen"."""
    n = len(tokens)
    total = 0.0
    current = float(initial) if initial is not None else 0.0
    seen_small = initial is not None
    j = i
    while j < n:
        low = tokens[j].lower_
        small = _word_value(low)
        if small is not None:
            if seen_small:
                rem = current % 100
                if not (rem == 0 or (rem >= 20 and rem % 10 == 0 and 0 < small < 10)):
                    break  # "two three" is two numbers, not one
            current += small
            seen_small = True
            j += 1
        elif low == "dozen":
            current = (current or 1) * DOZEN
            j += 1
        elif low == "hundred":
            current = (current or 1) * 100
            j += 1
        elif low in SCALES and low not in ("mln", "mn", "bn", "tn", "trn"):
            total += (current or 1) * SCALES[low]
            current = 0
            j += 1
        elif low in _HYPHENS and j + 1 < n and _word_value(tokens[j + 1].lower_) is not None:
            j += 1
        elif (
            low == "and"
            and j + 1 < n
            and _word_value(tokens[j + 1].lower_) is not None
            and (total or current >= 100)
        ):
            j += 1  # "one hundred and twenty"
        else:
            break
    value = total + current
    if (after_half := _half_suffix(tokens, j)) is not None:
        value += 0.5
        j = after_half
    return ParsedNumber(value, start, j, in_words=True, simple_integer=False)
