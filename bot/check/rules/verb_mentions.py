"""The claim's main verb, its mentions in a source sentence, and whose action each is.

The grammar checks on a support (`unrealised_events`, `contrasted_subjects`, `role_swaps`)
all compare how the claim and the source use the same verb: the claim's verb is found once
here, the source's mentions of it in the sentence's parse.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.parses import parsed
from bot.check.retrieve import Candidate

VERBS = ("VERB", "AUX")
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
AUXILIARIES = frozenset({"be", "have", "do"})  # "is serious about": the event is elsewhere


def main_verb(claim: Claim, nlp: Language) -> Token | None:
    """The claim's verb a source must state: its predicate, else the root of what it claims
    ("held" of "The hospitals held public meetings", a light verb the predicate skips)."""
    doc = parsed(claim.content, nlp)
    if claim.predicate:
        verb = next((t for t in doc if t.lemma_.lower() == claim.predicate and t.pos_ in VERBS), None)
    else:
        verb = doc[:].root
    return verb if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in AUXILIARIES else None


def mentions(candidate: Candidate, verb: Token, nlp: Language) -> list[Token]:
    """The source sentence's verbs with the claim verb's lemma."""
    lemma = verb.lemma_.lower()
    return [t for t in parsed(candidate.text, nlp) if t.lemma_.lower() == lemma and t.pos_ in VERBS]


def subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is coordinated with ("Crews
    cut the line and restored power")."""
    for head in (verb, verb.head if verb.dep_ == "conj" else None):
        found = next((c for c in head.children if c.dep_ in SUBJECTS), None) if head is not None else None
        if found is not None:
            return found
    return None
