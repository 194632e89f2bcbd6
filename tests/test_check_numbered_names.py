"""Two names the same but for their number stand for each other: a tornado rated "EF-2" is
no "EF-3", and the reason names both."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

STORY = """The tornado that struck Dunmore on Tuesday night was an EF-2 with peak winds of 120 mph, the National Weather Service said Thursday after surveying the damage.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("news/090_tornado.txt", "Dunmore Daily", "Tornado rated EF-2", STORY)])


def test_another_number_of_the_same_name_is_a_swap(check: Check) -> None:
    report = check("The National Weather Service classified the Dunmore tornado as an EF-3.")

    assert report.verdict == "conflicting"
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "entity_mismatch"]
    assert "claim: EF-3; source: EF-2" in details, report.evidence


def test_the_same_number_still_supports(check: Check) -> None:
    report = check("The National Weather Service classified the Dunmore tornado as an EF-2.")

    assert report.verdict == "supported"
    assert "entity_mismatch" not in codes(report.evidence)
