"""A "not" that sets an alternative aside ("hydraulic fluid, not diesel") says the same as
"rather than" or "instead of": when claim and source set the same alternative aside, the
"not" is no difference of polarity between them. Affirming the alternative still conflicts.
Likewise "starting on Saturday" only dates a clause: it is no beginning opposed to a stopping;
and a description ("state regulators") in a name's place ("the state Public Utilities
Commission") is no swap of names.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.rules.negation_scope import contrasted_alike, set_aside

SHEEN = """The sheen spotted near the grounded barge on Tuesday was hydraulic fluid, not diesel, the state Department of Coastal Resources said.

The error, assessor Gloria Tennant said, affected the land portion of each home's value rather than the house itself.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/950_sheen.txt", "Harbour Post", "Barge sheen was hydraulic fluid", SHEEN)])


@pytest.mark.parametrize(
    "claim",
    [
        "The Department of Coastal Resources said the sheen near the barge was hydraulic fluid rather than diesel.",
        "Tennant said the error was in the land portion of each home's value, not in the value of the house.",
    ],
)
def test_the_same_alternative_set_aside_is_no_negation_conflict(check: Check, claim: str) -> None:
    report = check(claim)

    assert "negation" not in codes(report.evidence)
    assert report.verdict == "supported", report.evidence


def test_the_alternative_affirmed_is_still_no_support(check: Check) -> None:
    report = check("The sheen spotted near the grounded barge on Tuesday was diesel.")

    assert report.verdict == "conflicting"
    assert "negation" in codes(report.evidence)


def test_only_a_not_after_a_comma_sets_an_alternative_aside() -> None:
    assert set_aside("It was hydraulic fluid, not diesel, officials said.") == [(True, {"diesel"})]
    assert set_aside("Water comes from wells rather than from the river.") == [(False, {"river"})]
    assert set_aside("The barge did not leak diesel.") == []
    assert contrasted_alike("in the land value, not in the value of the house", "rather than the house itself") == 1
    assert contrasted_alike("The barge did not leak diesel.", "hydraulic fluid, not diesel") == 0
    assert contrasted_alike("from the wells, not from the river", "from the wells rather than from the river") == 1
    # alike only in their function words: different alternatives set aside
    assert contrasted_alike("from the wells, not from the river", "from the river rather than from the wells") == 0


SHELTER = """The Marlow County shelter stopped accepting dogs surrendered by their owners on Saturday, March 1, officials said.
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "starting" dates the halt: no beginning against the source's stopping
        ("The Marlow County shelter halted owner surrenders of dogs starting on Saturday, March 1.", "supported"),
        # a beginning stated as one still opposes a stopping
        ("The Marlow County shelter started accepting dogs surrendered by their owners on Saturday, March 1.",
         "conflicting"),
    ],
)
def test_a_participle_that_only_gives_a_time_is_no_opposite(nlp: Language, claim: str, verdict: str) -> None:
    check = checker_for(nlp, [("corpus/951_shelter.txt", "Valley Times", "Shelter stops surrenders", SHELTER)])

    assert check(claim).verdict == verdict


COUNCIL = """The Ashby Town Council voted 5-2 on Thursday to ask the state Public Utilities Commission to order an independent audit of Marlow Electric's storm response.
"""


def test_a_description_in_a_names_place_is_no_swap(nlp: Language) -> None:
    check = checker_for(nlp, [("corpus/952_council.txt", "Valley Times", "Council asks for audit", COUNCIL)])

    report = check(
        "The Ashby Town Council voted 5-2 on Thursday to ask state regulators to order an independent audit "
        "of Marlow Electric's storm response."
    )

    assert "entity_mismatch" not in codes(report.evidence), report.evidence
    assert report.verdict != "conflicting"
