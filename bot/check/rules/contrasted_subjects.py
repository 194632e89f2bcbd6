"""The claim's subject is the one the source contrasts with the subject of its verb.

"Schools in Marston reopened on Tuesday, but Bayview schools remained closed" holds every word
of "Bayview schools reopened on Tuesday", and the rules align them; but the source's verb has
"Schools in Marston" for its subject, and "Bayview schools" is the other party of the contrast.
Where the sentence names the claim's subject in full beside another of the same kind, the verb
must have the claim's one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.parses import parsed
from bot.check.retrieve import Candidate
from bot.check.stance import Assessment
from bot.check.rules.unrealised_events import VERBS, main_verb

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
MODIFIERS = frozenset({"compound", "amod", "nmod"})


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it is coordinated with."""
    for head in (verb, verb.head if verb.dep_ == "conj" else None):
        found = next((c for c in head.children if c.dep_ in SUBJECTS), None) if head is not None else None
        if found is not None:
            return found
    return None


def _modifiers(noun: Token) -> set[str]:
    """What tells this noun from others of its kind: "Bayview" of "Bayview schools"."""
    return {c.lower_ for c in noun.children if c.dep_ in MODIFIERS and not c.is_stop}


def _named(noun: Token) -> bool:
    """The noun is told apart by words of its own ("Marston schools", "Schools in Marston")."""
    return bool(_modifiers(noun)) or any(
        c.dep_ == "prep" and any(g.pos_ == "PROPN" for g in c.children) for c in noun.children
    )


def contrasted(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """Every mention of the claim's verb in the source has a subject of the claim's kind that
    lacks the claim's modifiers, which the sentence gives to another noun of that kind."""
    verb = main_verb(claim, nlp)
    subject = _subject(verb) if verb is not None else None
    if subject is None or candidate.kind != "fact":
        return False
    kind, told = subject.lemma_.lower(), _modifiers(subject)
    if not told or candidate.lemmas.split().count(kind) < 2:
        return False  # one noun of the kind at most: no contrast, and no parse
    doc = parsed(candidate.text, nlp)
    mentions = [t for t in doc if t.lemma_.lower() == verb.lemma_.lower() and t.pos_ in VERBS]
    others = [t for t in doc if t.lemma_.lower() == kind and told <= _modifiers(t)]

    def misread(mention: Token) -> bool:
        theirs = _subject(mention)
        if theirs is None or theirs.lemma_.lower() != kind or not _named(theirs):
            return False  # "the county" after "Pellham County's": the same one
        return not told <= {t.lower_ for t in theirs.subtree} and any(o is not theirs for o in others)

    return bool(mentions) and all(map(misread, mentions))


def contrasted_read(claim: Claim, candidate: Candidate, found: Assessment | None, nlp: Language) -> Assessment | None:
    """A support whose verb has the other party of the source's contrast for its subject is none."""
    if found is None or found.stance != "supports" or not contrasted(claim, candidate, nlp):
        return found
    return None
