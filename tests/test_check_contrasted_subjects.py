"""The claim's subject is not the other party of the source's contrast: "Schools in Marston
reopened on Tuesday, but Bayview schools remained closed" holds every word of "Bayview schools
reopened on Tuesday", yet the verb's subject is "Schools in Marston", and "Bayview schools" do
something else."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "news/400_storm.txt",
        "Bayview Record",
        "Schools after the storm",
        "Schools in Marston reopened on Tuesday, but Bayview schools remained closed. "
        "Coastal Electric crews cleared fallen trees and restored power to the Harbor district on Monday. "
        "The city of Carrow Falls will bill homeowners for runoff, and a typical family will pay about $60 a year. "
        "Pellham County's spraying program began on Monday, and the county is paying its contractor $318,000. "
        "Dockworkers at Pier 3 ratified a new contract on Friday, but crane operators at Pier 5 rejected theirs.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim", ["Bayview schools reopened on Tuesday.", "Crane operators at Pier 5 ratified a new contract."]
)
def test_the_other_party_of_a_contrast_is_not_supported(check: Check, claim: str) -> None:
    assert check(claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Marston schools reopened on Tuesday.",  # the clause's own subject
        "Coastal Electric crews restored power to the Harbor district on Monday.",  # a subject the verbs share
        "A typical Carrow Falls family will pay about $60 a year.",  # the town's name in the other clause: context
        "Pellham County is paying its contractor $318,000.",  # "the county": the same one
        "Dockworkers at Pier 3 ratified a new contract on Friday.",
    ],
)
def test_the_verbs_own_subject_is_supported(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"
