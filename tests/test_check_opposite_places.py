"""An opposite is a conflict only in the same place: "after" on another verb is no "before"."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

HERALD = """The council vote on the harbour plan was held after the public hearing on Tuesday.

Ferry service to Gull Island resumed on Monday, two days after the storm hit the harbour at Port Ames.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/010_herald.txt", "Port Ames Herald", "Ferries back", HERALD)])


def test_the_opposite_preposition_in_the_same_place_conflicts(check: Check) -> None:
    report = check("The council vote on the harbour plan was held before the public hearing.")

    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"antonym"}


def test_an_opposite_preposition_on_another_verb_is_no_conflict(check: Check) -> None:
    # the source's "after" dates the ferries' return, the claim's "before" dates the storm
    report = check("The storm hit the harbour at Port Ames shortly before noon.")

    assert "antonym" not in codes(report.evidence)
