"""The claim's subject does something else in the source; the claim's verb has another subject.

"Schools in Marston reopened on Tuesday, but Bayview schools remained closed" holds every word
of "Bayview schools reopened on Tuesday", and the rules align them; so does "Dockworkers at
Pier 3 ratified a new contract, but crane operators at Pier 5 rejected theirs" for "Crane
operators at Pier 5 ratified a new contract". In both, the claim's subject, written in full, is
the subject of another verb, and the claim's verb has a subject of its own that is not it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.parses import parsed
from bot.check.retrieve import Candidate
from bot.check.rules.verb_mentions import SUBJECTS, VERBS, main_verb, mentions, subject
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _words(noun: Token) -> set[str]:
    return {t.lemma_.lower() for t in noun.subtree if t.pos_ in CONTENT and not t.is_stop}


def contrasted(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """The claim's subject, in full, is the subject of another verb of the source, and every
    mention of the claim's verb has another party for its subject."""
    verb = main_verb(claim, nlp)
    doer = subject(verb) if verb is not None else None
    if doer is None or candidate.kind != "fact":
        return False
    told, lemma = _words(doer), verb.lemma_.lower()
    lemmas = set(candidate.lemmas.split())
    if len(told) < 2 or not told <= lemmas:
        return False  # a one-word subject ("it", "police") tells nothing apart; and no parse
    doc = parsed(candidate.text, nlp)
    kind = doer.lemma_.lower()
    elsewhere = [
        t for t in doc
        if t.dep_ in SUBJECTS and t.lemma_.lower() == kind and told <= _words(t)
        and t.head.lemma_.lower() != lemma and t.head.pos_ in VERBS
    ]
    if not elsewhere:
        return False
    theirs = [subject(m) for m in mentions(candidate, verb, nlp)]
    # another party: words the claim's subject lacks ("Schools in Marston"), not a shorter
    # mention of the same one ("the county" after "Pellham County's program")
    return bool(theirs) and all(
        s is not None and s.pos_ != "PRON" and s not in elsewhere and not _words(s) <= told for s in theirs
    )
