"""A quote cut just after its modal or its "not" is a misquote: "should have opened the
attachment" quoted as "opened the attachment" says the speaker did what they regret not doing."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

STORY = """Emails show the county clerk's office confirmed the ward map without reading it.

Deputy clerk Kevin Osei, in a brief phone interview, said he "should have opened the attachment and read every line."

Treasurer Maria Lund said the office "will not raise the filing fee this year," according to a statement.

Lund added that the county "has reviewed every contract signed since 2021."
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/040_map.txt", "Calder Springs Courier", "Clerk confirmed map unread", STORY)])


def test_a_quote_that_drops_its_modal_is_a_misquote(check: Check) -> None:
    report = check('Kevin Osei said he "opened the attachment and read every line" before confirming the map.')

    assert report.verdict == "conflicting"
    reasons = [r.detail for e in report.evidence for r in e.reasons if r.code == "misquote"]
    assert any('leaves out "should have"' in r for r in reasons), report.evidence


def test_a_quote_that_drops_its_not_is_a_misquote(check: Check) -> None:
    report = check('Maria Lund said the office would "raise the filing fee this year."')

    assert report.verdict == "conflicting"
    reasons = [r.detail for e in report.evidence for r in e.reasons if r.code == "misquote"]
    assert any('leaves out "will not"' in r for r in reasons), report.evidence


def test_the_whole_quote_still_supports(check: Check) -> None:
    report = check('Kevin Osei said he "should have opened the attachment and read every line."')

    assert report.verdict == "supported"


def test_a_modal_the_claim_states_outside_its_quote_is_not_cut(check: Check) -> None:
    report = check('Kevin Osei said he should have "opened the attachment and read every line."')

    assert report.verdict == "supported"


def test_leaving_out_a_tense_auxiliary_is_no_misquote(check: Check) -> None:
    report = check('Maria Lund said the county "reviewed every contract signed since 2021."')

    assert report.verdict != "conflicting"
