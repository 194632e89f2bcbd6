"""All or some: a source that says it of some does not say it of all.

"Some residents of the Eastside neighborhood said they had not been told about the road
closures" holds the words of "All Eastside residents said they had not been told", and the
model reads entailment: it reads the quantifier loosely. A claim about every member of a group
needs a source about every member; one that counts or quantifies part of the group ("some",
"several", "most", "two residents") is no support for it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.parses import parsed
from bot.check.retrieve import Candidate

UNIVERSAL = frozenset({"all", "every", "each"})
PARTIAL = frozenset({"some", "several", "many", "most", "few", "certain"})
QUANTIFIER_DEPS = frozenset({"det", "predet", "amod", "nummod"})


def _universal_nouns(claim: Claim, nlp: Language) -> dict[str, bool]:
    """Lemmas of the nouns the claim quantifies over in full ("all residents", "every member
    of"), each with whether the claim counts them too ("all nine miners")."""
    doc = parsed(claim.content, nlp)
    nouns: list[Token] = []
    for token in doc:
        if token.lower_ not in UNIVERSAL:
            continue
        if token.dep_ in ("det", "predet") and token.head.pos_ in ("NOUN", "PROPN"):
            nouns.append(token.head)
        # "every member of the council", "all of the residents": the noun the quantifier heads
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if token.pos_ in ("NOUN", "PRON", "DET") and of is not None:
            nouns += [g for g in of.children if g.dep_ == "pobj"]
        if token.pos_ == "NOUN":
            nouns.append(token)
    return {n.lemma_.lower(): any(c.like_num for c in n.children) for n in nouns}


def _partial(noun: Token, counted: bool) -> bool:
    """The noun is quantified over part of its kind: "some residents"; "two members" too, where
    the claim gives no count of its own ("all nine miners" against "nine miners" is the same)."""
    return any(
        c.dep_ in QUANTIFIER_DEPS and (c.lower_ in PARTIAL or c.like_num and not counted) for c in noun.children
    )


def part_for_all(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """The claim says it of all of a group; the source, of part of it only."""
    if not UNIVERSAL & set(claim.lemmas) or PARTIAL.isdisjoint(candidate.lemmas.split()) and not candidate.quantities:
        return False  # no "all" claimed, or nothing partial written: no parse
    nouns = _universal_nouns(claim, nlp)
    mentions = [t for t in parsed(candidate.text, nlp) if t.lemma_.lower() in nouns and t.pos_ in ("NOUN", "PROPN")]
    return bool(mentions) and all(_partial(m, nouns[m.lemma_.lower()]) for m in mentions)
