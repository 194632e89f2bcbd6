"""When two single words say the same thing: a shared stem or a spelling variant.

Several stance rules ask this of one word against another (a negated word
against the claim's, a quoted word against the source's, a slot filler against
the claim's word); they share these answers so that "the same word" means one
thing everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from bot.language import facts
from bot.check.retrieve import SYNONYMS, word_covered


def prefix_index(words: Iterable[str]) -> dict[str, list[str]]:
    """Words of five letters or more by their first four: what `word_covered` looks up."""
    by_prefix: dict[str, list[str]] = {}
    for word in words:
        if len(word) >= 5:
            by_prefix.setdefault(word[:4], []).append(word)
    return by_prefix


def matches_any(word: str, keys: set[str]) -> bool:
    """`word` is one of `keys`, or shares a stem with one ("negotiation"/"negotiate")."""
    if word in keys:
        return True
    singular = word[:-1] if word.endswith("s") and len(word) > 4 else word
    if any(s in keys for s in SYNONYMS.get(word, SYNONYMS.get(singular, ()))):
        return True  # "negotiations" for the claim's "talks"
    return word_covered(word, set(), prefix_index(keys)) if len(word) >= 5 else False


def same_stem(a: str, b: str) -> bool:
    """Two long words of one stem: "agreement"/"agreed" no, "negotiation"/"negotiate" yes."""
    return word_covered(a, set(), {b[:4]: [b]}) if len(a) >= 5 and len(b) >= 5 else False


def spelling_variant(a: str, b: str) -> bool:
    """ "recognising"/"recognizing", "Kiev"/"Kyiv", "defence"/"defense": one word, spelt differently."""
    if (
        facts.canonical_entity(a, "GPE") == facts.canonical_entity(b, "GPE")
        and a[:1] == b[:1]
    ):
        return True
    if a.isdigit() or b.isdigit():
        return False
    return a[:2] == b[:2] and fuzz.ratio(a, b) >= 75
