"""A debunk's finding refutes the rumour it restates: a later sentence that the check cites as
support for the claim refutes another rumour, not the claim ("The shelter euthanized 12 dogs in
2025, all for severe illness" after "Posts claim that the shelter is euthanizing healthy dogs")."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

SHELTER = (
    "fc/395_shelter.txt",
    "CheckPoint",
    "No, the county is not euthanizing healthy dogs",
    "Social media posts claim that the Dunmore County animal shelter is euthanizing healthy dogs to make "
    "room for new arrivals. That is not what the shelter's records show. The shelter euthanized 12 dogs in "
    "2025, all for severe illness or aggression, according to its annual report. The posts also say the "
    "shelter is turning away owners who want to surrender pets. The shelter said it has paused owner "
    "surrenders for two weeks because it is full, but it is not refusing strays. A photo shared with the "
    "posts shows dogs in crowded cages. The photo was taken at a shelter in Texas in 2021, a reverse image "
    "search shows.",
)


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [SHELTER])


def test_a_sentence_supporting_the_claim_is_not_its_refutation(check: Check) -> None:
    report = check("The Dunmore County shelter euthanized 12 dogs in 2025.")

    assert report.verdict == "supported"
    assert {e.stance for e in report.evidence} == {"supports"}


def test_the_rumour_itself_is_still_refuted(check: Check) -> None:
    assert check("The Dunmore County animal shelter is euthanizing healthy dogs to make room.").verdict == "conflicting"
