"""A sentence that reports the claim's event with another figure is a conflict, even when the
model reads the differing figure as another matter.

The model reads "raised its wage offer to 11 percent" against "At Thursday's session, ...
raised its wage offer to 13 percent" as neutral. Asked about the claim without its figures
("The authority raised its wage offer"), it recognises the event; the rules then name the
differing number.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claims import parse_claim
from bot.check.figure_free import figure_free
from bot.language.speakers import SpeakerResolver

TALKS = """Negotiators for the Tolland bus authority and the drivers' union met again on Thursday.

The authority raised its wage offer to 11 percent over three years, up from the 9 percent it put on the table before the strike.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/701_talks.txt", "Tolland Times", "Bus talks resume", TALKS)])


@pytest.mark.parametrize(
    ("claim", "without"),
    [
        (
            "At Thursday's mediated session, the authority raised its wage offer to 13 percent over three years.",
            "The authority raised its wage offer.",
        ),
        ("Police estimated that about 1,000 people turned out for the rally.", "Police estimated that people turned out for the rally."),
        ("United Transit Workers Local 622 represents 564 drivers.", "United Transit Workers Local 622 represents drivers."),
    ],
)
def test_the_claim_is_read_without_the_phrases_that_carry_its_figures(nlp, claim, without) -> None:
    parsed = parse_claim(nlp(claim)[:], nlp=nlp, speakers=SpeakerResolver())
    assert figure_free(parsed, nlp) == without


def test_a_claim_without_figures_has_no_figure_free_form(nlp) -> None:
    parsed = parse_claim(nlp("The authority raised its wage offer.")[:], nlp=nlp, speakers=SpeakerResolver())
    assert figure_free(parsed, nlp) is None


def test_the_same_event_with_another_figure_conflicts_with_the_rules_reason(check) -> None:
    report = check("At Thursday's mediated session, the authority raised its wage offer to 13 percent over three years.")
    assert report.verdict == "conflicting", report.evidence
    assert "number_mismatch" in codes(report.evidence)


def test_the_same_figures_are_no_conflict(check) -> None:
    report = check("At Thursday's mediated session, the authority raised its wage offer to 11 percent over three years.")
    assert report.verdict != "conflicting", report.evidence
