"""Reporting verbs: "An inspection found that ..." reports a finding; the finding is the claim.

A source may write "warned", "showed" or "concluded" where the claim says
"found": the verb only introduces what was found, so it is not a word the
source must match. What the that-clause says is checked as usual (a changed
number in it still conflicts). Verbs that carry a stance of their own ("denied",
"promised", "refused") are not in this list: they stay part of the claim.
"""

from __future__ import annotations

from spacy.tokens import Token

REPORTING_VERBS = frozenset(
    """say tell state add write claim explain note stress emphasize emphasise insist declare
    assert reiterate remark argue report warn find show reveal conclude estimate suggest
    indicate determine confirm acknowledge admit announce disclose establish observe
    calculate highlight signal caution""".split()
)
# verbs that present a clause as somebody's assertion without the writer vouching for it
CLAIM_VERBS = frozenset("claim allege suggest insist contend assert speculate".split())
# verbs that present an act as somebody's charge, as verbs with an "of" clause ("accused Foss of
# using campaign money", "is suspected of steering"; not the noun of "a witness, not a suspect")
ACCUSING_VERBS = frozenset({"accuse", "suspect"})
CLAUSE_DEPS = frozenset({"ccomp"})


def introduces_clause(token: Token) -> bool:
    """A reporting verb with a clause of its own as complement: "found that 12 depots had
    no sprinklers" (not "found the leak": an object, a verb of its own)."""
    if token.lemma_.lower() not in REPORTING_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        child.dep_ in CLAUSE_DEPS
        and any(t.pos_ in ("VERB", "AUX") for t in child.subtree)
        for child in token.children
    )


def hearsay(word: str) -> bool:
    """An adverb formed from a reporting or claiming verb ("allegedly", "reportedly"): the
    writer passes the clause on without vouching for it."""
    word = word.lower()
    if not word.endswith("edly"):
        return False
    stem = word[: -len("edly")]
    return bool({stem, stem + "e"} & (REPORTING_VERBS | CLAIM_VERBS))
