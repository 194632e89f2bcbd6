"""The claim without its figures: what the model reads to tell whether a sentence states the
claim's event, while the rules compare the figures.

The model reads a sentence that differs from the claim only in a number or a day as
unrelated ("raised its wage offer to 11 percent" against "... to 13 percent": neutral 0.99,
once the claim adds "At Thursday's mediated session"). Asked about the claim with the phrases
that carry its numbers and dates left out ("the authority raised its wage offer"), it says
whether the sentence reports the same thing; then a differing figure is a conflict with the
rules' reason, and figures of another event are still dropped by `event_facts`.

Names likewise: the claim with the sentence's name in place of its own ("at the Brannock
YMCA" for "at Brannock High School", `renamed`) tells whether a sentence naming another place
or body in the claim's slot (`phrase_swaps`, or the rules' `swapped_names`) reports its event.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.check.claims import WEEKDAYS, Claim
from bot.core.models import Entity
from bot.check.retrieve import Candidate
from bot.check.rules.name_swaps import labels_compatible, name_present
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


def _phrase(token: Token) -> Token:
    """The phrase a figure stands in: its preposition's ("to 13 percent", "on Sunday, Oct. 7",
    "At Thursday's session"), else the figure with its own modifiers ("about 1,000")."""
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
        dropped.update(t.i for t in _phrase(doc[i]).subtree)
    kept = [t for t in doc if t.i not in dropped]
    while kept and kept[0].is_punct:
        kept.pop(0)
    words = [t for t in kept if not t.is_punct]
    if not dropped or len(words) < MIN_WORDS_LEFT:
        return None
    text = re.sub(r"\s+([.,;:!?])", r"\1", "".join(t.text_with_ws for t in kept)).strip()
    text = text.rstrip(",;")
    return text[:1].upper() + text[1:]


def renamed(claim: Claim, swaps: list[tuple[Entity, Entity]]) -> str:
    """The claim with the source's names in place of its own ("set up its shelter ... at
    Brannock High School" -> "... at the Brannock YMCA"): whether a sentence naming another
    place or body there reports the claim's event."""
    text = claim.content
    for name, swap in swaps:
        text = text.replace(name.text, swap.text)
    return re.sub(r"\b([Tt]he) the\b", r"\1", text)


def phrase_swaps(claim: Claim, candidate: Candidate, nlp: Language) -> list[tuple[Entity, Entity]]:
    """Each claim name the sentence leaves out, with the sentence's own name in the same slot
    (the same preposition on the same word): "prepared by the state Drinking Water Program"
    against "prepared for the city by the consulting firm Wexley & Marsh Engineering", not
    "located at X" against "treated at Y". Empty when a name is neither stated nor so
    replaced. The parse finds what the rules' neighbouring words miss."""
    claim_doc = parsed(claim.content, nlp)
    source_doc: Doc | None = None
    swaps: list[tuple[Entity, Entity]] = []
    for name in claim.names:
        if name_present(name, candidate):
            continue
        phrase = _name_phrase(claim_doc, name.text)
        if phrase is None:
            return []
        source_doc = source_doc or parsed(candidate.text, nlp)
        rival = next(
            (
                e
                for e in source_doc.ents
                if labels_compatible(name.label, e.label_)
                and e.text.lower() not in claim.text.lower()
                and (other := _name_phrase(source_doc, e.text)) is not None
                and other.lemma_ == phrase.lemma_
                and other.head.lemma_ == phrase.head.lemma_
            ),
            None,
        )
        if rival is None:
            return []
        swaps.append((name, Entity(text=rival.text, label=rival.label_, canonical=rival.text)))
    return swaps


def _name_phrase(doc: Doc, name: str) -> Token | None:
    """The preposition heading the phrase that names `name` ("at", "by"), if it has one."""
    start = doc.text.find(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand") if start >= 0 else None
    phrase = _phrase(span.root) if span is not None else None
    return phrase if phrase is not None and phrase.dep_ in PHRASES else None
