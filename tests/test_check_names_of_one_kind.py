"""Two names of one kind, told apart by their other words: "Castlebrook General Hospital"
and "Harwick Memorial Hospital", "Linwood High School" and "Linwood Middle School". The
name's last word says the kind whatever type the parser gives either name (it may read a
hospital as a person), so a sentence naming the other one where the claim names its own is an
`entity_mismatch`.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

INJURED = """A roofer who fell from a scaffold in Dunmore on Monday has died.

Tomas Ekberg, 46, was taken to Harwick Memorial Hospital, where he died two days later, the county coroner said.
"""
MEETING = """About 250 parents filled the gymnasium at Linwood Middle School on Thursday night for a meeting with the school board about bus routes.
"""
ARTICLES = [
    ("corpus/740_roofer.txt", "Dunmore Post", "Roofer dies after fall", INJURED),
    ("corpus/741_buses.txt", "Linwood Ledger", "Parents press board on bus routes", MEETING),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        (
            "Tomas Ekberg died at Castlebrook General Hospital two days after his fall.",
            "claim: Castlebrook General Hospital; source: Harwick Memorial Hospital",
        ),
        (
            "The parents' meeting with the school board on bus routes was held at Linwood High School.",
            "claim: Linwood High School; source: Linwood Middle School",
        ),
    ],
)
def test_another_name_of_the_same_kind_is_an_entity_mismatch(check, claim, detail) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert any(r.code == "entity_mismatch" and r.detail == detail for e in report.evidence for r in e.reasons)


def test_the_same_name_supports(check) -> None:
    report = check("About 250 parents met the school board about bus routes at Linwood Middle School.")
    assert report.verdict == "supported", report.evidence
    assert "entity_mismatch" not in codes(report.evidence)
