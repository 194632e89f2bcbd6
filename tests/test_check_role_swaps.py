"""Who did it to whom: "The council criticized Whitlow" holds every word of "Whitlow had
criticized the council", and the model reads the pair as entailment; the parse tells the doer
from the done-to. Swapped roles are no support (and no conflict: "Trump met Putin" reads both
ways)."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "news/410_council.txt",
        "Fairhaven Sentinel",
        "Council and mayor clash",
        'Mayor Dan Whitlow had criticized the council for delaying the budget vote, saying members were '
        '"playing politics." The city sued the paving contractor over the delays in March. '
        "The new library was designed by a firm from Portland. "
        "The harbor commission fined the port authority $75,000 in 2024 for a fuel spill.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "The council criticized Mayor Dan Whitlow for delaying the budget vote.",
        "The paving contractor sued the city over the delays.",
        "The port authority fined the harbor commission $75,000 in 2024.",  # who fined whom
    ],
)
def test_swapped_roles_are_no_support(check: Check, claim: str) -> None:
    assert check(claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Mayor Dan Whitlow criticized the council for delaying the budget vote.",
        "The city sued the paving contractor over the delays.",
        "The council was criticized by Mayor Dan Whitlow for delaying the budget vote.",  # the same roles, passive
        "The harbor commission fined the port authority $75,000 in 2024.",
    ],
)
def test_the_same_roles_support(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"
