"""Who did it to whom: the claim's doer as the source's done-to, and the other way round.

"Mayor Dan Whitlow censured the Fairhaven City Council" holds every word of "The Fairhaven
City Council censured Mayor Dan Whitlow", and the model reads the pair as entailment (0.94):
it reads words, not their order. The parse tells the roles apart: the subject (or a passive's
"by" agent) does, the object (the indirect one where there is one, or a passive's subject) is
done to. Swapped roles are no support.
They are no conflict either: some verbs read both ways ("Trump met Putin").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.retrieve import Candidate
from bot.check.rules.verb_mentions import main_verb, mentions, subject

NAME_PARTS = frozenset({"compound", "amod", "flat"})  # "Mayor Dan Whitlow", "the Fairhaven City Council"
CONTENT = frozenset({"NOUN", "PROPN", "ADJ"})


def _words(head: Token | None) -> set[str]:
    if head is None:
        return set()
    parts = [head, *(c for c in head.children if c.dep_ in NAME_PARTS)]
    return {t.lemma_.lower() for t in parts if t.pos_ in CONTENT and not t.is_stop}


def _roles(verb: Token) -> tuple[set[str], set[str]]:
    """The words of who does what the verb says and of whom it is done to."""
    first = {c.dep_: c for c in reversed(list(verb.children))}
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    doer = subject(verb)  # its own, or the one it shares ("cut the line and restored power")
    if doer is not None and doer.dep_ == "nsubjpass":
        return _words(agent), _words(doer)
    # "fined the commission $75,000": the dative is the one it is done to
    return _words(doer), _words(first.get("dative", first.get("dobj")))


def roles_swapped(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """Every mention of the claim's verb in the source has the claim's doer as its done-to and
    the claim's done-to as its doer."""
    verb = main_verb(claim, nlp)
    if verb is None or verb.lemma_.lower() not in candidate.lemmas.split():
        return False
    doer, done_to = _roles(verb)
    if not doer or not done_to:
        return False
    readings = [_roles(m) for m in mentions(candidate, verb, nlp)]
    return bool(readings) and all(
        doer & their_done_to and done_to & their_doer and not doer & their_doer and not done_to & their_done_to
        for their_doer, their_done_to in readings
    )
