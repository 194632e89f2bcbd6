"""A full date's year comes from the article, and a "not" stays in its own clause.

"February 12" in a story published in 2024 is 12 February 2024, so it states a
claim's "12 February 2024" (and contradicts "12 February 2023"). A negation
in one sentence or clause ("Ticket money alone is not enough.") says nothing
about the next one ("The council has called for a subsidy").
"""

from __future__ import annotations

import pytest
from check_world import PUBLISHED, Check, checker_for, codes
from spacy.language import Language

assert PUBLISHED.year == 2024  # the stories below are dated by check_world

PIER = """The Saltmarsh pier reopened to visitors on February 12 after a winter of repairs.

The harbour board approved the summer timetable on 3 March.
"""


@pytest.fixture(scope="module")
def pier(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/401_pier.txt", "Estuary Echo", "Pier reopens", PIER)])


@pytest.mark.parametrize(
    "claim",
    [
        "The Saltmarsh pier reopened to visitors on 12 February 2024.",
        "The Saltmarsh pier reopened to visitors on February 12, 2024.",
        "The harbour board approved the summer timetable on March 3, 2024.",
    ],
)
def test_a_date_without_its_year_states_the_full_date_of_that_year(pier, claim) -> None:
    report = pier(claim)
    assert report.verdict == "supported", report.evidence


def test_the_same_day_of_another_year_conflicts(pier) -> None:
    report = pier("The Saltmarsh pier reopened to visitors on 12 February 2023.")
    assert report.verdict == "conflicting", report.evidence
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "date_mismatch"]
    assert details == ["claim: 12 Feb 2023; source: 12 Feb 2024"]


FERRY = """"Ticket money alone is not enough. The Marlow council has called for a regional subsidy," harbour master Ines Okafor said on Tuesday.

Fishing quotas are not the answer, and the fishermen's union has called for a ban on trawling near the island.
"""


@pytest.fixture(scope="module")
def ferry(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/402_ferry.txt", "Estuary Echo", "Ferry money", FERRY)])


@pytest.mark.parametrize(
    "claim",
    [
        "Okafor said the Marlow council has called for a regional subsidy.",
        # Okafor's quote has the council calling: it reports the council's call, no one
        # else's words given to the council
        "The Marlow council has called for a regional subsidy.",
        "The fishermen's union has called for a ban on trawling near the island.",
    ],
)
def test_a_negation_in_the_neighbouring_sentence_or_clause_is_no_conflict(ferry, claim) -> None:
    report = ferry(claim)
    assert report.verdict == "supported", report.evidence
    assert "negation" not in codes(report.evidence)


@pytest.mark.parametrize(
    "claim",
    ["Okafor said ticket money alone is enough.", "Fishing quotas are the answer."],
)
def test_the_negated_clause_itself_still_conflicts(ferry, claim) -> None:
    report = ferry(claim)
    assert report.verdict == "conflicting", report.evidence
    assert "negation" in codes(report.evidence)
