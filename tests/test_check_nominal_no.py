"""A "no" that names a vote ("cast the lone no vote") denies nothing: at ingest the sentence is
stored as not negated, and the check's negation rule reads the stored parse."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

VOTE = """The Wexmoor County commissioners voted 4-1 on Tuesday to spend $186,000 to reprint the ballots.

Commissioner Alan Brubaker cast the lone no vote.

The board took no vote on the clerk's request for more staff.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/020_vote.txt", "Eastside Ledger", "Ballot fix approved", VOTE)])


def test_a_no_vote_is_no_negation_of_the_vote(check: Check) -> None:
    report = check("Alan Brubaker was the only commissioner who voted against the spending.")

    assert "negation" not in codes(report.evidence), report.evidence


def test_a_claim_naming_a_no_vote_denies_nothing_either(check: Check) -> None:
    report = check("Commissioner Alan Brubaker voted to reprint the ballots, casting the lone no vote.")

    assert "negation" not in codes(report.evidence), report.evidence


def test_a_no_opening_its_phrase_still_denies(check: Check) -> None:
    report = check("The board voted on the clerk's request for more staff.")

    assert report.verdict == "conflicting"
    assert "negation" in codes(report.evidence), report.evidence
