"""Numbers with units: "over 90 minutes", "three hours", "5 per cent", "$5 billion".

Values are normalised so that like compares with like: durations of hours,
minutes and seconds in minutes; days, weeks and fortnights in days; years
(and decades) in years and months in months; percentages as "percent";
money in the currency's unit ("usd", "eur", "gbp", ...); counts of things
with the noun's lemma as unit ("10,000 troops" -> 10000 "troop"); multipliers
("double", "halve", "twice as many", "three times higher") as factors in "times"; a vote's
tally ("voted 5-2") as its two sides, "unanimously" as a smaller side of 0.

Not quantities: years used as dates ("in 2020", "the 2014 borders"), the day
of an explicit date ("February 12"), ordinals ("2nd", "first"), times of day
("4.16am", "10:30", "5 pm") and identifiers ("Article 5", "G7").

The scanner reads tokens rather than trusting spaCy's NER labels, which
are useful hints but mislabel often ("5 per cent" comes out as MONEY).
The unit words live in `units.py`; comparing two quantities is `quantity_comparison.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from bot.language.dates import MONTHS, explicit_date_spans
from bot.core.models import Comparator, Quantity
from bot.language.numbers import SCALES, SMALL_NUMBERS, SUFFIX_SCALES, ParsedNumber, parse_number
from bot.language.paraphrases import COUNT_NOUN_CLASSES
from bot.language.units import CURRENCY_SYMBOLS, CURRENCY_WORDS, MEASURE_ALIASES, TIME_UNITS


# --- comparators --------------------------------------------------------------

_COMPARATOR_PHRASES: dict[str, Comparator] = {
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "exceeding": "gt",
    "upwards of": "gt", "just over": "gt", "well over": "gt", "greater than": "gt",
    "at least": "ge", "no less than": "ge", "not less than": "ge", "a minimum of": "ge",
    "no fewer than": "ge", "topped": "gt", "tops": "gt", "exceeded": "gt",
    "exceeds": "gt", "exceed": "gt", "surpassed": "gt", "surpasses": "gt",
    "passed the": "gt", "within": "le", "in under": "lt", "inside of": "le",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "just under": "lt",
    "short of": "lt",
    "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "a maximum of": "le", "as many as": "le", "as much as": "le",
    "nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
    "approximately": "approx", "roughly": "approx", "some": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "c.": "approx",
    "more or less": "approx", "or so": "approx", "approx.": "approx", "almost exactly": "eq",
    "exactly": "eq", "precisely": "eq",
    "not": "ne",  # a figure denied: "$4 per tire, not $40" (longer phrases above win)
}  # fmt: skip
_COMPARATOR_BY_LENGTH: list[tuple[tuple[str, ...], Comparator]] = sorted(
    ((tuple(phrase.split()), comp) for phrase, comp in _COMPARATOR_PHRASES.items()),
    key=lambda item: -len(item[0]),
)
_TRAILING_COMPARATORS: dict[tuple[str, ...], Comparator] = {
    ("or", "more"): "ge", ("or", "over"): "ge", ("plus",): "ge", ("+",): "ge",
    ("or", "less"): "le", ("or", "fewer"): "le", ("or", "so"): "approx",
}  # fmt: skip
_RANGE_CONNECTORS = frozenset({"to", "-", "–", "or", "and"})

# --- what is not a quantity ---------------------------------------------------------

_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?", re.IGNORECASE
)
_TIME_OF_DAY_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
_ELAPSED = re.compile(r"^(\d{1,2}):([0-5]\d):([0-5]\d)$")
_TIME_FOLLOWERS = frozenset(
    {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "cet", "est", "et", "o'clock", "hrs"}
)
_IDENTIFIER_NOUNS = frozenset(
    {"article", "no", "no.", "number", "page", "section", "chapter", "resolution", "room",
     "flight", "route", "phase", "level", "grade", "category", "round", "line", "item", "point",
     "paragraph", "part", "version", "episode", "season", "act", "bill", "unit", "brigade",
     "division", "corps", "group", "platform", "gate", "highway", "seat", "covid", "g"}
)  # fmt: skip
# --- multipliers ------------------------------------------------------------------
# A closed class, like the number words: "double the patrols" states two times as many,
# "halve the fares" half. Stored as a quantity in the unit "times".
MULTIPLIER_UNIT = "times"
_MULTIPLIER_VERBS: dict[str, float] = {
    "halve": 0.5, "double": 2, "triple": 3, "treble": 3, "quadruple": 4, "quintuple": 5,
}  # fmt: skip
_MULTIPLIER_NOUNS = {f"{verb[:-1]}ing": value for verb, value in _MULTIPLIER_VERBS.items()}
_FOLD = re.compile(r"^([a-z]+|\d+)-?fold$")
_MULTIPLIED_DETERMINERS = frozenset({"as", "the", "that", "this", "what", "those", "these"})


def _multiplies_what_follows(tokens: Sequence[Token], j: int) -> int | None:
    """After "twice" / "three times": "as many", "the size", a comparative ("higher"); the
    index after it, or None ("twice a week" is a frequency)."""
    if j >= len(tokens):
        return None
    nxt = tokens[j]
    if nxt.tag_ in ("JJR", "RBR"):
        return j + 1
    if nxt.lower_ in _MULTIPLIED_DETERMINERS or nxt.tag_ == "PRP$":
        return j
    return None


def _multiplier_at(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """(factor, end) of a multiplier starting at token `i`: "double(d)", "halving",
    "twice as", "three times higher", "threefold"."""
    tok = tokens[i]
    low, lemma = tok.lower_, tok.lemma_.lower()
    compound = not tok.whitespace_ and i + 1 < len(tokens) and tokens[i + 1].text in ("-", "–")
    if lemma in _MULTIPLIER_VERBS and not compound and (  # not "double-checked", "triple-A"
        tok.pos_ == "VERB"
        or tok.tag_ == "PDT"  # "double the patrols"
        or (tok.pos_ == "NOUN" and _comparator_before(tokens, i)[0] not in ("eq", "ne"))  # "more than triple"
    ):
        return _MULTIPLIER_VERBS[lemma], i + 1
    if tok.pos_ == "NOUN" and low in _MULTIPLIER_NOUNS:
        return _MULTIPLIER_NOUNS[low], i + 1
    if low == "twice":
        end = _multiplies_what_follows(tokens, i + 1)
        return (2.0, end) if end is not None else None
    if (fold := _FOLD.match(low)) is not None:
        prefix = fold.group(1)
        value = float(prefix) if prefix.isdigit() else SMALL_NUMBERS.get(prefix)
        return (float(value), i + 1) if value else None
    number = parse_number(tokens, i)
    if number is None or number.end >= len(tokens):
        return None
    after = tokens[number.end].lower_
    if after == "times":
        end = _multiplies_what_follows(tokens, number.end + 1)
        return (number.value, max(end, number.end + 1)) if end is not None else None
    if after in ("-", "fold") and tokens[min(number.end + 1, len(tokens) - 1)].lower_ == "fold":
        return number.value, number.end + (2 if after == "-" else 1)
    return None


def is_multiplier_word(token: Token) -> bool:
    """Part of a multiplier ("tripled", "twice as", "three times higher"): the quantity
    carries its meaning, so a claim does not also need the word itself stated."""
    doc = token.doc
    for start in range(max(token.i - 2, 0), token.i + 1):
        found = _multiplier_at(doc, start)
        if found is not None and start <= token.i < found[1]:
            return True
    return False


# a year-like number followed by these is still a quantity ("2000 percent", "1200 minutes")
_UNITS_AFTER_YEARS = frozenset({"percent", "percentage point", "minute", "day", "month", "year"})
_NOT_COUNT_NOUNS = frozenset({"%", "percent", "cent", "time", "times", "of", "a", "an", "the"})


def _tokens_and_offset(span: Span | Doc) -> tuple[Sequence[Token], str, int]:
    if isinstance(span, Doc):
        return list(span), span.text, 0
    return list(span), span.text, span.start_char


def _blocked_chars(text: str) -> list[tuple[int, int]]:
    """Character ranges holding dates and times of day, whose digits are not quantities."""
    ranges = [(start, end) for start, end, *_ in explicit_date_spans(text)]
    ranges.extend((m.start(), m.end()) for m in _TIME_OF_DAY.finditer(text))
    return ranges


def _is_blocked(tok: Token, offset: int, blocked: list[tuple[int, int]]) -> bool:
    start = tok.idx - offset
    return any(s <= start < e for s, e in blocked)


def _comparator_before(tokens: Sequence[Token], i: int) -> tuple[Comparator, int]:
    """The comparator phrase ending right before token `i`, and where it starts."""
    for words, comparator in _COMPARATOR_BY_LENGTH:
        k = len(words)
        if i - k < 0:
            continue
        if tuple(t.lower_ for t in tokens[i - k : i]) == words:
            return comparator, i - k
    return "eq", i


def _comparator_after(tokens: Sequence[Token], j: int) -> tuple[Comparator | None, int]:
    for words, comparator in _TRAILING_COMPARATORS.items():
        k = len(words)
        if tuple(t.lower_ for t in tokens[j : j + k]) == words:
            return comparator, j + k
    return None, j


def _count_noun(tokens: Sequence[Token], number: ParsedNumber) -> tuple[str, int] | None:
    """The noun this number counts ("10,000 American troops" -> "troop") and the index after it."""
    last = tokens[number.end - 1]
    head = last.head
    lo, hi = tokens[0].i, tokens[-1].i
    if head.i > last.i and head.pos_ == "NOUN" and lo <= head.i <= hi and head.i - last.i <= 4:
        between = tokens[number.end : head.i - lo]
        if all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV") for t in between):
            lemma = head.lemma_.lower()
            if lemma not in _NOT_COUNT_NOUNS and lemma.isalpha():
                return _powered(between, MEASURE_ALIASES.get(lemma, lemma)), head.i - lo + 1
    nxt = tokens[number.end] if number.end < len(tokens) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.isalpha():
        lemma = nxt.lemma_.lower()
        if lemma not in _NOT_COUNT_NOUNS:
            return MEASURE_ALIASES.get(lemma, lemma), number.end + 1
    if number.start >= 2 and tokens[number.start - 1].lower_ == "of":
        collective = tokens[number.start - 2].lemma_.lower()  # "a staff of 420"
        if any(collective in group for group in COUNT_NOUN_CLASSES):
            return collective, number.end
    return None


def _powered(between: Sequence[Token], unit: str) -> str:
    """An area or a volume is no length: "100,000 square feet" is measured in square feet,
    which never compare with "38 miles"."""
    power = next((t.lower_ for t in between if t.lower_ in ("square", "cubic")), None)
    return f"{power} {unit}" if power else unit


_SLASHED_MEASURE = re.compile(r"^([a-z]+)/(\d+(?:\.\d+)?)?([a-z]*)$")


def _per_measure(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """ "240 mg/5 mL" (tokenised "mg/5" "mL"): a dose per measure, one unit "mg/5ml"."""
    if j >= len(tokens):
        return None
    match = _SLASHED_MEASURE.match(tokens[j].lower_)
    if match is None:
        return None
    unit, amount, measure = match.groups()
    end = j + 1
    if not measure and end < len(tokens) and tokens[end].is_alpha:
        measure, end = tokens[end].lower_, end + 1
    if not measure:
        return None
    return f"{unit}/{amount or ''}{measure}", end


def _per_denominator(tokens: Sequence[Token], j: int, unit: str) -> tuple[str, int]:
    """ "320 mg per 5 mL": the unit takes its numbered denominator ("mg/5ml"), which is
    then not a quantity of its own."""
    if "/" in unit or j + 2 >= len(tokens) or tokens[j].lower_ not in ("per", "/"):
        return unit, j
    amount, measure = tokens[j + 1], tokens[j + 2]
    if not amount.like_num or not measure.is_alpha:
        return unit, j
    return f"{unit}/{amount.text}{measure.lower_}", j + 3


def _unit_at(
    tokens: Sequence[Token], j: int, *, compound: bool = False
) -> tuple[str, float, int] | None:
    """A measurement unit starting at token `j` (after an optional hyphen): (unit, factor, end).
    With `compound` (a number in digits), any noun after the hyphen is one: "a 36-inch main";
    spelled out, such a compound names a kind ("two-point sampling", "a two-lane road")."""
    n = len(tokens)
    if j < n and tokens[j].text in ("-", "–"):
        j += 1
    if j >= n:
        return None
    low = tokens[j].lower_
    if low == "%":
        return "percent", 1.0, j + 1
    if low in ("percent", "pct", "pc"):
        return "percent", 1.0, j + 1
    if low == "per" and j + 1 < n and tokens[j + 1].lower_ in ("cent", "centum"):
        return "percent", 1.0, j + 2
    if low == "percentage" and j + 1 < n and tokens[j + 1].lower_ in ("point", "points"):
        return "percentage point", 1.0, j + 2
    if low in TIME_UNITS:
        unit, factor = TIME_UNITS[low]
        end = j + 1
        if end + 1 < n and tokens[end].text == "-" and tokens[end + 1].lower_ == "long":
            end += 2  # "three-hour-long"
        elif unit == "year" and end < n and tokens[end].lower_ in ("old", "-"):
            after = end + 1 if tokens[end].text == "-" else end
            if after < n and tokens[after].lower_ == "old":
                return "year of age", 1.0, after + 1  # "78-year-old": an age, not a duration
        return unit, factor, end
    if low in CURRENCY_WORDS:
        return CURRENCY_WORDS[low], 1.0, j + 1
    if low in MEASURE_ALIASES and low not in ("troop", "soldier", "person", "people"):
        return MEASURE_ALIASES[low], 1.0, j + 1
    hyphen = j > 0 and tokens[j - 1].text in ("-", "–")
    word = tokens[j]
    if compound and hyphen and word.is_alpha and not word.is_stop and parse_number(tokens, j) is None:
        return word.lemma_.lower(), 1.0, j + 1  # "a 36-inch main": the compound's noun
    return None


# A tally ("voted 5-2", "a 6-3 vote", "won 3-1") is two counts, the larger side first: each
# is stored as its own quantity, so 5-2 against 7-0 is a number mismatch on the larger side.
TALLY_UNITS = ("tally, larger side", "tally, smaller side")
# a vote with nobody against: "unanimously approved" is a tally whose smaller side is 0, so a
# 3-2 vote conflicts with it and a 5-0 vote states it
_UNANIMOUS = frozenset({"unanimous", "unanimously"})


def _tally_at(tokens: Sequence[Token], number: ParsedNumber) -> tuple[float, int] | None:
    """(the smaller side, the end) of a tally that `number` opens: "5-2", unspaced, the
    larger side first, no unit after ("5-10 percent" and "ages 10-12" are ranges)."""
    dash, n = number.end, len(tokens)
    if number.in_words or dash + 1 >= n or tokens[dash].text not in ("-", "–"):
        return None
    if tokens[dash - 1].whitespace_ or tokens[dash].whitespace_:
        return None
    other = parse_number(tokens, dash + 1)
    if other is None or other.in_words or not (number.simple_integer and other.simple_integer):
        return None
    if other.value > number.value or number.value >= 1000 or _unit_at(tokens, other.end):
        return None
    return other.value, other.end


def _proportion_at(tokens: Sequence[Token], number: ParsedNumber) -> tuple[float, int] | None:
    """(the share in percent, the end) of "N in M" that `number` opens, N below M: "one in three
    students" is 33.3 percent of them, as "1 in 5" is 20; not "5 in 2023", nor "20 in 30 minutes"."""
    at = number.end
    if at + 1 >= len(tokens) or tokens[at].lower_ != "in":
        return None
    whole = parse_number(tokens, at + 1)
    if whole is None or not 0 < number.value < whole.value or _is_year_like(whole):
        return None
    if _unit_at(tokens, whole.end) is not None:
        return None
    return round(100 * number.value / whole.value, 2), whole.end


def _a_unit(tokens: Sequence[Token], i: int) -> tuple[ParsedNumber, str, float, int] | None:
    """ "half an hour", "an hour and a half", "a year and a half": numbers without digits."""
    n = len(tokens)
    low = tokens[i].lower_
    if low == "half" and i + 2 < n and tokens[i + 1].lower_ in ("a", "an"):
        unit = TIME_UNITS.get(tokens[i + 2].lower_)
        if unit is not None:
            return ParsedNumber(0.5, i, i + 3, in_words=True, simple_integer=False), *unit, i + 3
    if low in ("a", "an") and i + 1 < n and tokens[i + 1].lower_ in TIME_UNITS:
        unit = TIME_UNITS[tokens[i + 1].lower_]
        if [t.lower_ for t in tokens[i + 2 : i + 5]] == ["and", "a", "half"]:
            return ParsedNumber(1.5, i, i + 5, in_words=True, simple_integer=False), *unit, i + 5
        # "for an hour", "over a year", "nearly a decade": a duration; but not
        # "twice a year" or "a week later", which are frequencies and offsets
        if (i > 0 and tokens[i - 1].lower_ == "for") or _comparator_before(tokens, i)[0] not in ("eq", "ne"):
            return ParsedNumber(1, i, i + 2, in_words=True, simple_integer=False), *unit, i + 2
    return None


def _is_year_like(number: ParsedNumber) -> bool:
    return (
        number.simple_integer and 1000 <= number.value <= 2100 and number.value == int(number.value)
    )


def _near_month(tokens: Sequence[Token], number: ParsedNumber) -> bool:
    before = tokens[number.start - 1].lower_.rstrip(".") if number.start > 0 else ""
    after = tokens[number.end].lower_.rstrip(".") if number.end < len(tokens) else ""
    return before in MONTHS or after in MONTHS


def _denies_latest(tokens: Sequence[Token], start: int, latest_end: int) -> bool:
    """A bare "not N" denies the sentence's latest figure: right after it, or as the contrast
    a comma or a dash sets off ("19,000 gallons, not 190,000"; "571 babies in 2024, not 612")."""
    return start == latest_end or (start > 0 and tokens[start - 1].is_punct)


def extract_quantities(span: Span | Doc) -> list[Quantity]:
    """Every number-with-unit in `span`, normalised (see the module docstring)."""
    tokens, text, offset = _tokens_and_offset(span)
    blocked = _blocked_chars(text)
    n = len(tokens)
    quantities: list[Quantity] = []
    pending_range: list[tuple[ParsedNumber, Comparator, int]] = []  # "5 to [10 percent]"
    last: tuple[str, float, int] | None = None  # the latest figure's unit, factor and end
    i = 0
    while i < n:
        tok = tokens[i]
        multiplier = _multiplier_at(tokens, i)
        if multiplier is not None:
            factor, end = multiplier
            comparator, start = _comparator_before(tokens, i)
            quantities.append(_make(tokens, start, end, factor, MULTIPLIER_UNIT, comparator))
            pending_range.clear()
            i = end
            continue
        elapsed = _elapsed_minutes(tokens, i)
        if elapsed is not None:  # "won in 2:19:05": a race time, not three numbers
            comparator, start = _comparator_before(tokens, i)
            quantities.append(_make(tokens, start, i + 1, elapsed, "minute", comparator))
            pending_range.clear()
            i += 1
            continue
        if tok.lower_ in _UNANIMOUS:
            quantities.append(_make(tokens, i, i + 1, 0, TALLY_UNITS[1], "eq"))
            i += 1
            continue
        special = _a_unit(tokens, i)
        if special is not None:
            number, unit, factor, end = special
            comparator, start = _comparator_before(tokens, i)
            quantities.append(_make(tokens, start, end, number.value * factor, unit, comparator))
            i = end
            continue
        number = parse_number(tokens, i)
        if number is None or _is_blocked(tok, offset, blocked):
            i += 1
            continue
        proportion = _proportion_at(tokens, number)
        if proportion is not None:  # "one in three students": a share, not a count of three
            share, end = proportion
            comparator, start = _comparator_before(tokens, i)
            quantities.append(_make(tokens, start, end, share, "percent", comparator))
            pending_range.clear()
            i = end
            continue
        tally = _tally_at(tokens, number)
        if tally is not None and not _excluded_bare(tokens, number, i):
            smaller, end = tally
            for value, unit in zip((number.value, smaller), TALLY_UNITS):
                quantities.append(_make(tokens, i, end, value, unit, "eq"))
            pending_range.clear()
            i = end
            continue
        comparator, start = _comparator_before(tokens, i)
        currency: str | None = None
        if start > 0 and tokens[start - 1].lower_ in CURRENCY_SYMBOLS:
            currency = CURRENCY_SYMBOLS[tokens[start - 1].lower_]
            start -= 1
            if comparator == "eq":
                comparator, start = _comparator_before(tokens, start)
        end = number.end
        unit: str = ""
        factor = 1.0
        if currency is not None:
            unit = currency
            suffix = tokens[end].lower_.rstrip(".") if end < n else ""
            if suffix in SUFFIX_SCALES and tokens[end - 1].lower_ not in SCALES:
                number.value *= SUFFIX_SCALES[suffix]
                end += 1  # "US$3m" is tokenised "US$" "3" "m"
            after_unit = _unit_at(tokens, end)
            if after_unit is not None and after_unit[0] == currency:
                end = after_unit[2]  # "$5 billion dollars"
        else:
            found = _unit_at(tokens, end, compound=not number.in_words)
            if found is not None:
                unit, factor, end = found
        if (
            not unit
            and end < n
            and tokens[end].lower_ in _RANGE_CONNECTORS
            and not _to_another_thing(tokens, number, end)
        ):
            pending_range.append((number, comparator, start))
            i = number.end
            continue
        if not unit and _excluded_bare(tokens, number, i):
            pending_range.clear()
            i = number.end
            continue
        if (
            _is_year_like(number)
            and currency is None
            and comparator in ("eq", "ne")
            and unit not in _UNITS_AFTER_YEARS
        ):
            pending_range.clear()  # "in 2020", "the 2014 borders": a date, not a count
            i = number.end
            continue
        if not unit:
            count = _per_measure(tokens, number.end) or _count_noun(tokens, number)
            if count is not None:
                unit, end = count[0], max(end, count[1])
                unit, end = _per_denominator(tokens, end, unit)
            elif number.in_words:
                pending_range.clear()
                i = number.end
                continue
        if not unit and comparator == "ne" and last is not None and _denies_latest(tokens, start, last[2]):
            unit, factor = last[0], last[1]  # "about 19,000 gallons, not 190,000": gallons too
        trailing, after = _comparator_after(tokens, end)
        if trailing is not None and comparator == "eq":
            comparator, end = trailing, after
        for earlier, earlier_comp, earlier_start in pending_range:
            if not _joined_as_range(tokens[earlier.end : number.start]):
                continue
            ranged = earlier.value < number.value  # not "voted 431 to 78": a tally, two figures
            low_comp: Comparator = "ge" if ranged and earlier_comp == "eq" else earlier_comp
            quantities.append(
                _make(tokens, earlier_start, earlier.end, earlier.value * factor, unit, low_comp)
            )
            if ranged and comparator == "eq":
                comparator = "le"
        pending_range.clear()
        quantities.append(_make(tokens, start, end, number.value * factor, unit, comparator))
        last = (unit, factor, end) if unit else None
        i = max(end, number.end)
    return quantities


def _elapsed_minutes(tokens: Sequence[Token], i: int) -> float | None:
    """Hours, minutes and seconds written with colons ("2:19:05"), in minutes; a clock time
    with its seconds ("10:30:15 a.m.") is no duration."""
    match = _ELAPSED.match(tokens[i].text)
    if match is None or (i + 1 < len(tokens) and tokens[i + 1].lower_ in _TIME_FOLLOWERS):
        return None
    hours, minutes, seconds = (int(part) for part in match.groups())
    return hours * 60 + minutes + seconds / 60


def _to_another_thing(tokens: Sequence[Token], number: ParsedNumber, end: int) -> bool:
    """A "to" after a figure that starts no range: "voted 431 to 78 to ratify" (a verb follows),
    "from $1,904 in 2027 to $1,965" (a year is no figure)."""
    if tokens[end].lower_ != "to":
        return False
    after = tokens[end + 1] if end + 1 < len(tokens) else None
    year = _is_year_like(number) and number.start > 0 and tokens[number.start - 1].lower_ == "in"
    return year or after is None or not (after.like_num or after.text in CURRENCY_SYMBOLS)


def _joined_as_range(between: Sequence[Token]) -> bool:
    """Only a connector (and a currency sign) between two numbers makes them a range: "5 to
    10", "$5 to $10", not "opened in 1957 and is 1,140 feet long"."""
    words = [t.lower_ for t in between]
    return 1 <= len(words) <= 2 and words[0] in _RANGE_CONNECTORS and all(
        w in _RANGE_CONNECTORS or w in CURRENCY_SYMBOLS for w in words[1:]
    )


def _excluded_bare(tokens: Sequence[Token], number: ParsedNumber, i: int) -> bool:
    """A number with no unit that is a date day, an ordinal-like label, a time or an identifier."""
    if _near_month(tokens, number):
        return True
    nxt = tokens[number.end].lower_ if number.end < len(tokens) else ""
    if nxt in _TIME_FOLLOWERS or _TIME_OF_DAY_CLOCK.match(tokens[i].text):
        return True
    if i > 0:
        prev = tokens[i - 1]
        if prev.lower_ in _IDENTIFIER_NOUNS or (prev.is_title and prev.pos_ == "PROPN"):
            return True
        if (
            prev.text in ("-", "#")
            and i > 1
            and tokens[i - 2].is_alpha
            and not tokens[i - 2].like_num
        ):
            return True  # "F-16", "COVID-19"
    if nxt in ("-", "#") and number.end + 1 < len(tokens) and tokens[number.end + 1].is_upper:
        return True
    return bool(number.in_words and tokens[i].lower_ == "one" and nxt == "of")


def _make(
    tokens: Sequence[Token], start: int, end: int, value: float, unit: str, comparator: Comparator
) -> Quantity:
    first, last = tokens[start], tokens[end - 1]
    text = first.doc[first.i : last.i + 1].text.rstrip(".")  # "£300m." -> "£300m"
    return Quantity(text=text, value=value, unit=unit, comparator=comparator)
