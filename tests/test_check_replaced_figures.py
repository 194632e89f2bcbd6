"""A figure a sentence replaces is not the figure it gives.

The figure it compares its own with ("higher than the $212,400", "up from $2.3 million") is
the one its own replaces, in the same unit too: a claim giving the old figure for the
sentence's event conflicts with the new one. A claim about the old figure's own event, which
the sentence names after it ("... in a preliminary audit"), does not.

"About 163,000 patients, up from the roughly 140,000 it reported last Wednesday": the
140,000 is what the new count is compared with. A claim that the attackers stole data on
140,000 patients conflicts with the sentence; the model, which reads figures poorly, does
not get to call it support, nor does a report of the company's words.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

BREACH = """Aldwyn Health now says the attackers copied files on about 163,000 patients, up from the roughly 140,000 it reported last Wednesday.

The company will mail letters to every affected patient by Friday, spokeswoman Dana Voss said.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/960_breach.txt", "Valley Times", "Data breach grows", BREACH)])


def test_the_figure_replaced_is_a_number_conflict(check: Check) -> None:
    report = check("Aldwyn Health says the attackers stole data on about 140,000 patients")

    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) == {"number_mismatch"}
    assert report.evidence[0].reasons[0].detail == (
        "claim: about 140,000 patients; source: about 163,000 patients"
    )


def test_the_figure_given_is_support(check: Check) -> None:
    report = check("Aldwyn Health says the attackers copied files on about 163,000 patients")

    assert report.verdict == "supported", report.evidence


OUTBREAK = """The mumps outbreak in Orrin County now stands at 21 confirmed cases, up from 17 on Monday, the health department said.
"""


def test_the_day_of_a_replaced_figure_is_not_the_sentences_day(nlp: Language) -> None:
    # the story is of Thursday, March 14: Monday is the day of the 17, not of the 21
    check = checker_for(nlp, [("corpus/961_outbreak.txt", "Valley Times", "Outbreak grows", OUTBREAK)])

    report = check("By March 14, the Orrin County mumps outbreak had grown to 21 confirmed cases.")

    assert "date_mismatch" not in codes(report.evidence), report.evidence
    assert check("The Orrin County mumps outbreak had 17 confirmed cases on Monday.").verdict != "conflicting"


AUDIT = """The final forensic audit of the Marlow Rowing Club found that $231,750 was taken from the club over five years, higher than the $212,400 in a preliminary audit released in March.

The auditors also raised their estimate of the penalties owed under the lease to about $2.9 million, up from $2.3 million.
"""


@pytest.fixture(scope="module")
def audit(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/962_audit.txt", "Marlow Ledger", "Final audit finds $231,750 taken", AUDIT)])


def mismatches(report) -> set[str]:
    return {r.detail for e in report.evidence for r in e.reasons if r.code == "number_mismatch"}


def test_the_old_figure_in_the_same_unit_for_the_new_finding_is_a_number_conflict(audit: Check) -> None:
    report = audit("The final forensic audit found that $212,400 was taken from the Marlow Rowing Club.")

    assert report.verdict == "conflicting", report.evidence
    assert mismatches(report) == {"claim: $212,400; source: $231,750"}


def test_the_figure_an_estimate_rose_from_is_no_longer_the_estimate(audit: Check) -> None:
    report = audit("The auditors estimate the penalties owed under the lease at about $2.3 million.")

    assert "claim: about $2.3 million; source: about $2.9 million" in mismatches(report), report.evidence


def test_a_claim_about_the_old_figures_own_event_is_not_contradicted(audit: Check) -> None:
    report = audit("A preliminary audit released in March found $212,400 was taken from the Marlow Rowing Club.")

    assert report.verdict != "conflicting", report.evidence


def test_a_claim_giving_both_figures_is_supported(audit: Check) -> None:
    report = audit("The auditors raised their penalty estimate to about $2.9 million, up from $2.3 million.")

    assert report.verdict == "supported", report.evidence
