"""Unit words and what they normalise to: durations, currencies, measures.

Like compares with like once normalised: hours, minutes and seconds in minutes;
days, weeks and fortnights in days; years (and decades) in years and months in
months; money in the currency's unit ("usd", "eur", "gbp", ...). `quantities.py`
reads these words next to numbers; `quantity_comparison.py` converts across them.
"""

from __future__ import annotations

# word -> (unit, factor to that unit)
TIME_UNITS: dict[str, tuple[str, float]] = {
    "second": ("minute", 1 / 60), "seconds": ("minute", 1 / 60), "sec": ("minute", 1 / 60),
    "secs": ("minute", 1 / 60), "minute": ("minute", 1), "minutes": ("minute", 1),
    "min": ("minute", 1), "mins": ("minute", 1), "hour": ("minute", 60), "hours": ("minute", 60),
    "hr": ("minute", 60), "hrs": ("minute", 60), "day": ("day", 1), "days": ("day", 1),
    "week": ("day", 7), "weeks": ("day", 7), "fortnight": ("day", 14), "fortnights": ("day", 14),
    "month": ("month", 1), "months": ("month", 1), "year": ("year", 1), "years": ("year", 1),
    "yr": ("year", 1), "yrs": ("year", 1), "decade": ("year", 10), "decades": ("year", 10),
    "century": ("year", 100), "centuries": ("year", 100),
}  # fmt: skip
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "usd", "dollars": "usd", "usd": "usd", "euro": "eur", "euros": "eur", "eur": "eur",
    "pound": "gbp", "pounds": "gbp", "gbp": "gbp", "sterling": "gbp", "ruble": "rub",
    "rubles": "rub", "rouble": "rub", "roubles": "rub", "rub": "rub", "yuan": "cny",
    "renminbi": "cny", "yen": "jpy", "hryvnia": "uah", "hryvnias": "uah", "hryvnas": "uah",
    "rupee": "inr", "rupees": "inr",
}  # fmt: skip
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "usd", "us$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp", "gbp": "gbp",
    "¥": "jpy", "₽": "rub", "₴": "uah", "₹": "inr",
}  # fmt: skip
MEASURE_ALIASES: dict[str, str] = {
    "km": "kilometre", "kms": "kilometre", "kilometer": "kilometre", "kilometre": "kilometre",
    "meter": "metre", "metre": "metre", "cm": "centimetre",
    "centimeter": "centimetre", "centimetre": "centimetre", "mm": "millimetre",
    "millimeter": "millimetre", "millimetre": "millimetre", "mile": "mile", "foot": "foot",
    "feet": "foot", "ft": "foot", "inch": "inch", "yard": "yard", "kg": "kilogram",
    "kilo": "kilogram", "kilogram": "kilogram", "gram": "gram", "ton": "tonne", "tonne": "tonne",
    "troop": "troop", "soldier": "soldier", "person": "person", "people": "person",
}  # fmt: skip
# conversion factors between the stored units, for comparing across them ("about 1.4
# metres" is "roughly 140 cm"; a reporter converting says the same thing)
DIMENSIONS: dict[str, tuple[str, float]] = {
    "minute": ("duration", 1.0), "day": ("duration", 1440.0),
    "month": ("duration", 43830.0), "year": ("duration", 525960.0),
    "millimetre": ("length", 0.001), "centimetre": ("length", 0.01), "inch": ("length", 0.0254),
    "foot": ("length", 0.3048), "yard": ("length", 0.9144), "metre": ("length", 1.0),
    "kilometre": ("length", 1000.0), "mile": ("length", 1609.344),
    "gram": ("mass", 0.001), "kilogram": ("mass", 1.0), "tonne": ("mass", 1000.0),
}  # fmt: skip
