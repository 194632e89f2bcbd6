"""A figure a sentence replaces is not the figure it gives.

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
