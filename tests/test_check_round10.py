"""Round 10: two false conflicts a held-out story showed, on small made-up articles.

An office in the claim ("the head of the drivers' union said") where the source names the
person and gives them that office ("Ana Ruiz, president of the union, said") is the same
speaker, not a swap; and a bare number of the claim ("claims topped 2,300") is stated by the
source's counted one ("more than 2,300 claims"), whatever other bare numbers the sentence has.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

STRIKE = """Ana Ruiz, president of the Eastport Drivers’ Union, said most depots had shut their gates within two hours of the vote.
"""
CLAIMS = """The insurer received more than 2,300 claims on Monday, compared with about 200 on a normal day.
"""
ARTICLES = [
    ("corpus/100_strike.txt", "Harbour Herald", "Depots close", STRIKE),
    ("corpus/101_claims.txt", "Coastal Ledger", "Storm claims", CLAIMS),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_an_office_the_source_gives_the_named_speaker_supports(check) -> None:
    report = check(
        "The head of the city's drivers' union said most depots had closed their gates "
        "within two hours of the vote."
    )
    assert report.verdict == "supported", report.evidence
    assert "entity_mismatch" not in codes(report.evidence)


def test_an_office_the_source_does_not_give_the_speaker_is_no_evidence(check) -> None:
    report = check(
        "The mayor of the harbour town said most depots had closed their gates within two "
        "hours of the vote."
    )
    assert report.verdict != "supported", report.evidence
    assert "entity_mismatch" not in codes(report.evidence)


def test_a_bare_number_the_source_counts_is_stated(check) -> None:
    report = check("Claims to the insurer topped 2,300 on Monday, compared with roughly 200 on a normal day.")
    assert report.verdict == "supported", report.evidence


def test_a_bare_number_the_source_counts_differently_still_conflicts(check) -> None:
    report = check("Claims to the insurer topped 3,900 on Monday, compared with roughly 200 on a normal day.")
    assert report.verdict == "conflicting", report.evidence
    assert "number_mismatch" in codes(report.evidence)
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "number_mismatch"]
    assert all("2,300" in d for d in details), details  # the claims' count, not the 200 on a normal day
