"""The claim without its figures: what the model reads to tell whether a sentence states the
claim's event, while the rules compare the figures.

The model reads a sentence that differs from the claim only in a number or a day as
unrelated ("raised its wage offer to 11 percent" against "... to 13 percent": neutral 0.99,
once the claim adds "At Thursday's mediated session"). Asked about the claim with the phrases
that carry its numbers and dates left out ("the authority raised its wage offer"), it says
whether the sentence reports the same thing; then a differing figure is a conflict with the
rules' reason, and figures of another event are still dropped by `event_facts`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.check.claims import WEEKDAYS, Claim
from bot.check.parses import parsed
from bot.language.dates import MONTHS, explicit_date_spans

NAME_TYPES = frozenset({"ORG", "FAC", "GPE", "LOC", "PERSON", "PRODUCT", "LAW", "WORK_OF_ART"})
PHRASES = frozenset({"prep", "agent"})  # "at Brannock High School", "(inspected) by the state"
MIN_WORDS_LEFT = 4  # fewer words left than this: the claim was its figures, nothing to read


def _figure_tokens(doc: Doc) -> set[int]:
    """Token indices of numbers, days and calendar dates."""
    found = {
        t.i
        for t in doc
        if (t.like_num and not _in_a_name(t))
        or t.text.capitalize().rstrip("s") in WEEKDAYS
        or t.lower_.rstrip(".") in MONTHS
    }
    for start, end, *_ in explicit_date_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(t.i for t in span)
    return found


def _in_a_name(token: Token) -> bool:
    """A number that is part of a name: "Local 622", "Pier 3", "Route 9"."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.ent_type_ in NAME_TYPES or (before is not None and before.pos_ == "PROPN")


def phrase_of(token: Token) -> Token:
    """The phrase a figure (or a name) stands in: its preposition's ("to 13 percent", "on
    Sunday, Oct. 7", "At Thursday's session", "by the state"), else the word with its own
    modifiers ("about 1,000")."""
    current = token
    for _ in range(4):
        if current.dep_ in PHRASES:
            return current
        if current.head.i == current.i or current.head.pos_ in ("VERB", "AUX"):
            break
        current = current.head
    return current if current.dep_ in PHRASES else token


def figure_free(claim: Claim, nlp: Language) -> str | None:
    """The claim's words with every phrase carrying a number or a date left out; None when
    the claim has no figures or too little is left."""
    if not (claim.quantities or claim.dates or claim.weekdays or claim.years):
        return None
    return _without_figures(parsed(claim.content, nlp))  # the parse event_facts reads too


def _without_figures(doc: Doc) -> str | None:
    dropped: set[int] = set()
    for i in _figure_tokens(doc):
        dropped.update(t.i for t in phrase_of(doc[i]).subtree)
    kept = [t for t in doc if t.i not in dropped]
    while kept and kept[0].is_punct:
        kept.pop(0)
    words = [t for t in kept if not t.is_punct]
    if not dropped or len(words) < MIN_WORDS_LEFT:
        return None
    text = re.sub(r"\s+([.,;:!?])", r"\1", "".join(t.text_with_ws for t in kept)).strip()
    text = text.rstrip(",;")
    return text[:1].upper() + text[1:]
