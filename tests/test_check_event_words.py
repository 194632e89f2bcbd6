"""A day, a count or a bound read where the claim puts it.

"went on strike on Monday" names its event with a noun: a source that dates another act
("sat down with a mediator Thursday ... since the strike began") says nothing of the
strike's day, while "discuss the strike at a special meeting Thursday" does date the
meeting. A claim's other days ("after samples taken Thursday") are not its event's. A
count written with its noun on one side and bare on the other ("14 drivers" / "bringing the
number treated to 14") is the same figure, and "no more than 30 percent" is a bound, not a
denial.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

BUS = """Bus drivers in Vell walked off the job on Monday, the union said.

Negotiators for the bus company and its striking drivers sat down with a state mediator Thursday for the first time since the strike began.

The town council will discuss the strike at a special meeting Thursday at 7 p.m. at Town Hall.

Water samples collected Thursday and Friday at all 38 sites tested clean, the city said, and the state signed off on lifting the notice Saturday morning.

Three more drivers went to Vell General on their own Tuesday night with back pain, bringing the number treated to 14, a hospital spokeswoman said.

The new contract caps split shifts at 30 percent of weekday runs.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/601_bus.txt", "Vell Herald", "Bus strike", BUS)])


def test_a_day_of_another_act_does_not_date_the_claims_event(check) -> None:
    report = check("Vell's bus drivers went on strike on Monday.")
    assert "date_mismatch" not in codes(report.evidence), report.evidence


def test_a_day_on_the_meeting_still_dates_the_meeting(check) -> None:
    report = check("The town council will hold its special meeting on the strike on Friday.")
    assert "date_mismatch" in codes(report.evidence), report.evidence


def test_only_the_claims_event_day_is_compared(check) -> None:
    report = check("The state signed off on lifting the notice on Saturday, after samples taken Thursday and Friday at all 38 sites tested clean.")
    assert "date_mismatch" not in codes(report.evidence), report.evidence


def test_a_count_with_its_noun_is_the_bare_figure(check) -> None:
    report = check("By Tuesday night, 14 drivers had been treated at Vell General, including three who went on their own with back pain.")
    assert "number_mismatch" not in codes(report.evidence), report.evidence


def test_no_more_than_is_a_bound_not_a_denial(check) -> None:
    report = check("Under the new contract, split shifts can make up no more than 30 percent of weekday runs.")
    assert "negation" not in codes(report.evidence), report.evidence
    assert report.verdict != "conflicting", report.evidence
