"""A source that speaks of the claim's event as possible or still to come ("is expected to
vote", "could lose", "said it would close") does not state it. The model reads such a
sentence as entailing the claim (0.92 for "is expected to vote" against "voted"); the
grammar tells a hedged or future mention from an asserted one."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "news/370_board.txt",
        "Lakeside Post",
        "Board to weigh later start",
        "The Lakeside school board is expected to vote next week on a plan to start classes 30 minutes "
        "later. Board members have not said how they will vote.",
    ),
    (
        "news/371_grant.txt",
        "Valley Ledger",
        "Audit findings",
        "If the state comptroller finds further problems, Brenton Township could lose its grant funding, "
        "District Attorney Maria Lund said.",
    ),
    (
        "news/372_depot.txt",
        "Valley Ledger",
        "Depot to close",
        "The transit authority said it would close the Garland Street bus depot to save money. "
        "The Harlow council voted 5-2 on Monday to approve the new parking plan.",
    ),
    (
        "news/373_swap.txt",
        "Valley Ledger",
        "Prisoner swap",
        "To secure the release of two Marston engineers held abroad, the Kelland government freed "
        "five prisoners on Friday.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "The Lakeside school board voted on a plan to start classes 30 minutes later.",  # expected to
        "Brenton Township will lose its grant funding.",  # could lose, if ...
        "The transit authority closed the Garland Street bus depot.",  # said it would close
        "The Kelland government secured the release of two Marston engineers.",  # to secure: an aim
    ],
)
def test_an_event_the_source_only_expects_or_allows_is_not_supported(check: Check, claim: str) -> None:
    assert check(claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "The transit authority will close the Garland Street bus depot.",  # the claim expects it too
        "Brenton Township could lose its grant funding.",  # hedged alike
        "The Harlow council approved the new parking plan.",  # "voted to approve": a past vote did it
        "The Kelland government freed five prisoners on Friday.",  # the aim's own verb is stated
    ],
)
def test_the_same_hedge_or_a_past_vote_supports(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"
