"""The claim with the sentence's names in place of its own: what the model reads to tell
whether a sentence naming another place or body in the claim's slot reports its event.

"The American Red Cross opened a shelter for displaced residents at the Brannock YMCA" reads
as a weak contradiction (0.66) of "The Red Cross set up its shelter ... at Brannock High
School": the model misses the swap among the paraphrase. "The Red Cross set up its shelter
... at the Brannock YMCA" it reads as entailed (0.97): the same event, so the two places are a
conflict with the rules' reason. The swap is the rules' (`name_swaps.find_entity_swap`) or
the parse's: the same preposition on the same word (`swaps`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.check.claims import Claim
from bot.check.figure_free import PHRASES, phrase_of
from bot.check.parses import parsed
from bot.check.retrieve import Candidate
from bot.check.rules.name_swaps import find_entity_swap, labels_compatible, name_present
from bot.core.models import Entity


def renamed(claim: Claim, swaps: list[tuple[Entity, Entity]]) -> str:
    """The claim with the source's names in place of its own ("set up its shelter ... at
    Brannock High School" -> "... at the Brannock YMCA"): whether a sentence naming another
    place or body there reports the claim's event."""
    text = claim.content
    for name, swap in swaps:
        text = text.replace(name.text, swap.text)
    return re.sub(r"\b([Tt]he) the\b", r"\1", text)


def swaps(claim: Claim, candidate: Candidate, nlp: Language) -> list[tuple[Entity, Entity]]:
    """Each claim name the sentence leaves out, with the sentence's own name in its place:
    the rules' neighbouring words find it ("at Brannock High School" -> "at the Brannock
    YMCA"), else the parse, as the same preposition on the same word ("prepared by the state
    Drinking Water Program" against "prepared for the city by the consulting firm Wexley &
    Marsh Engineering", not "located at X" against "treated at Y"). Empty when a name is
    neither stated nor replaced."""
    found: list[tuple[Entity, Entity]] = []
    for name in claim.names:
        if name_present(name, candidate):
            continue
        rival = find_entity_swap(claim, name, candidate) or same_slot(claim, name, candidate, nlp)
        if rival is None:
            return []
        found.append((name, rival))
    return found


def same_slot(claim: Claim, name: Entity, candidate: Candidate, nlp: Language) -> Entity | None:
    """The sentence's name heading the same preposition on the same word as the claim's."""
    phrase = _name_phrase(parsed(claim.content, nlp), name.text)
    if phrase is None:
        return None
    source = parsed(candidate.text, nlp)
    for entity in source.ents:
        other = _name_phrase(source, entity.text)
        if (
            other is not None
            and labels_compatible(name.label, entity.label_)
            and entity.text.lower() not in claim.text.lower()
            and (other.lemma_, other.head.lemma_) == (phrase.lemma_, phrase.head.lemma_)
        ):
            return Entity(text=entity.text, label=entity.label_, canonical=entity.text)
    return None


def _name_phrase(doc: Doc, name: str) -> Token | None:
    """The preposition heading the phrase that names `name` ("at", "by"), if it has one."""
    start = doc.text.find(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand") if start >= 0 else None
    phrase = phrase_of(span.root) if span is not None else None
    return phrase if phrase is not None and phrase.dep_ in PHRASES else None
