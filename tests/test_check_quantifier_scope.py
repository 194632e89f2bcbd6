"""All or some: "Some residents of the Eastside neighborhood said they had not been told" holds
the words of "All Eastside residents said they had not been told", and the model reads it as
entailment; a source about part of a group is no support for a claim about all of it."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "news/420_roads.txt",
        "Fairhaven Sentinel",
        "Road closures",
        "Some residents of the Eastside neighborhood said they had not been told about the road closures. "
        "Two members of the Fairhaven council voted against the paving contract. "
        "All city pools will open on June 1, the parks department said. "
        "Nine miners were brought up alive early on Saturday.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "All Eastside residents said they had not been told about the road closures.",
        "Every member of the Fairhaven council voted against the paving contract.",
    ],
)
def test_what_some_did_is_no_support_for_all(check: Check, claim: str) -> None:
    assert check(claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Some Eastside residents said they had not been told about the road closures.",
        "Two Fairhaven council members voted against the paving contract.",
        "All Fairhaven city pools will open on June 1.",  # all, as the source says
        "All nine miners were brought up alive early on Saturday.",  # the count is the group
    ],
)
def test_the_same_scope_supports(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"
