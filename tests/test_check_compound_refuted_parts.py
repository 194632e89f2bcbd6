"""A compound claim ("X, who did A, did B"; "did A and did B") is checked whole, then part by
part. A post's words that the whole check cites with the article's ruling on them ("That claim
is false.") support none of the parts: the answer is not "mixed" with the post on both sides."""

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


def test_a_restatement_ruled_false_supports_none_of_the_claims_parts(check: Check) -> None:
    report = check("Crews dumped sludge into Mill Creek on Tuesday night and killed the fish downstream.")

    assert report.verdict == "conflicting"
    assert not report.claims  # answered whole, not part by part
    assert [e.stance for e in report.evidence if e.text.startswith("A post shared 2,000 times")] == ["conflicts"]
    assert report.evidence[0].text.endswith("That claim is false.")


def test_a_sentence_stating_one_part_and_contradicting_the_other_makes_it_mixed(check: Check) -> None:
    report = check("Marco Diaz, who broke his arm in the fall, was flown by helicopter to Lindell General.")

    assert report.verdict == "mixed"
    assert sorted(c.verdict for c in report.claims) == ["conflicting", "supported"]


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
