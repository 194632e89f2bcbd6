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
from bot.check.parses import parsed
from bot.check.retrieve import Candidate
from bot.check.rules.unrealised_events import VERBS, main_verb

NAME_PARTS = frozenset({"compound", "amod", "flat"})  # "Mayor Dan Whitlow", "the Fairhaven City Council"
CONTENT = frozenset({"NOUN", "PROPN", "ADJ"})


def _words(head: Token | None) -> set[str]:
    if head is None:
        return set()
    parts = [head, *(c for c in head.children if c.dep_ in NAME_PARTS)]
    return {t.lemma_.lower() for t in parts if t.pos_ in CONTENT and not t.is_stop}


def _roles(verb: Token) -> tuple[set[str], set[str]]:
    """The words of who does what the verb says and of whom it is done to."""
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        children += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # a shared subject
    first = {c.dep_: c for c in reversed(children)}
    agent = next((g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if "nsubjpass" in first:
        return _words(agent), _words(first["nsubjpass"])
    # "fined the commission $75,000": the dative is the one it is done to
    return _words(first.get("nsubj")), _words(first.get("dative", first.get("dobj")))


def roles_swapped(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """Every mention of the claim's verb in the source has the claim's doer as its done-to and
    the claim's done-to as its doer."""
    verb = main_verb(claim, nlp)
    if verb is None or verb.lemma_.lower() not in candidate.lemmas.split():
        return False
    doer, done_to = _roles(verb)
    if not doer or not done_to:
        return False
    lemma = verb.lemma_.lower()
    mentions = [t for t in parsed(candidate.text, nlp) if t.lemma_.lower() == lemma and t.pos_ in VERBS]
    readings = [_roles(m) for m in mentions]
    return bool(readings) and all(
        doer & their_done_to and done_to & their_doer and not doer & their_doer and not done_to & their_done_to
        for their_doer, their_done_to in readings
    )
