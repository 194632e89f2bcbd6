"""A compound claim ("X, who did A, did B"; "did A and did B") is checked whole, then part by
part. A sentence the whole check cites as a conflict answers the claim: the part it also
supports does not turn the answer into "mixed" with the same excerpt on both sides."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

CREEK = (
    "news/330_creek.txt",
    "Fact Desk",
    "Fact check: Viral posts about Mill Creek sludge are false",
    "Posts about the Harlan treatment plant have spread quickly this week. A post shared 2,000 "
    "times says crews \"dumped sludge into Mill Creek\" on Tuesday night, killing the fish "
    "downstream. That claim is false. State inspectors found no discharge from the plant, and the "
    "fish counts below the outfall were normal.",
)
FALL = (
    "news/331_fall.txt",
    "Valley Post",
    "Roofer hurt in fall at Lindell warehouse",
    "A roofer fell from a warehouse on Dock Street on Monday. Ambulance crews took Marco Diaz, who "
    "broke his arm in the fall, to Lindell General by road, a fire department spokesman said.",
)


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [CREEK, FALL])


@pytest.mark.parametrize(
    ("claim", "excerpt"),
    [
        ("Crews dumped sludge into Mill Creek on Tuesday night and killed the fish downstream.", "A post shared 2,000 times"),
        ("Marco Diaz, who broke his arm in the fall, was flown by helicopter to Lindell General.", "Ambulance crews took Marco Diaz"),
    ],
)
def test_a_sentence_contradicting_the_whole_claim_supports_none_of_its_parts(check: Check, claim: str, excerpt: str) -> None:
    report = check(claim)

    assert report.verdict == "conflicting"
    assert not report.claims  # answered whole, not part by part
    assert [e.stance for e in report.evidence if e.text.startswith(excerpt)] == ["conflicts"]


def test_parts_supported_and_contradicted_by_different_sentences_stay_mixed(nlp: Language) -> None:
    check = checker_for(
        nlp,
        [
            (
                "news/332_a.txt",
                "Valley Post",
                "Roofer hurt in fall",
                "Marco Diaz broke his arm when he fell from a warehouse roof on Dock Street on Monday.",
            ),
            (
                "news/333_b.txt",
                "Lindell Ledger",
                "Injured roofer home from hospital",
                "Marco Diaz spent two days at Lindell General before going home on Wednesday, a hospital "
                "spokeswoman said.",
            ),
        ],
    )

    report = check("Marco Diaz, who broke his arm in a fall, spent six days at Lindell General.")

    assert report.verdict == "mixed"
