"""A figure a reader works out from two of the source's is stated, not contradicted.

"Rose by $61" is what "rose from $1,904 to $1,965" says, and a "$21.7 million" contract is
"$6 million of that, leaving $15.7 million". A tally ("voted 431 to 78") gives two figures,
not a range from 431 down to 78.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

BUDGET = """The median county property tax bill on an owner-occupied home rose from $1,904 in 2022 to $1,965 in 2023, according to the county treasurer's office.

A state recreation grant pays $6 million of the aquatic center's construction contract, leaving $15.7 million to be paid by the city.

Members of the drivers' union voted 431 to 78 on Wednesday to ratify the new contract.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/970_budget.txt", "Valley Times", "Tax bills rise", BUDGET)])


def test_a_rise_by_the_difference_is_stated(check: Check) -> None:
    report = check("The median county property tax bill on an owner-occupied home rose by $61 from 2022 to 2023.")

    assert report.verdict == "supported", report.evidence


def test_a_rise_by_another_amount_is_not_stated(check: Check) -> None:
    report = check("The median county property tax bill on an owner-occupied home rose by $161 from 2022 to 2023.")

    assert report.verdict != "supported", report.evidence


def test_a_total_of_two_parts_is_no_number_conflict(check: Check) -> None:
    report = check("A $6 million state recreation grant pays for part of the aquatic center's $21.7 million construction contract.")

    assert "number_mismatch" not in codes(report.evidence), report.evidence
    assert report.verdict != "conflicting"


def test_one_side_of_a_tally_is_stated(check: Check) -> None:
    report = check("The drivers' union voted 431 to 78 to ratify the new contract.")

    assert report.verdict == "supported", report.evidence
    assert "number_mismatch" in codes(
        check("The drivers' union voted 413 to 78 to ratify the new contract.").evidence
    )
