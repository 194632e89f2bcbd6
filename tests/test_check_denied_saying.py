"""A sentence denying that someone said something ("Sorensen never said that S") is no report
of her words: it answers the claim that she said S with its "never"."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

DEBUNK = """An image circulating on Facebook shows a photo of Mayor Helen Sorensen beside a quote in bold type: "Teenagers are the problem in this city, and the curfew is how we fix it."

There is no record that Sorensen said this, and her office says she did not.

Sorensen never said that the curfew would start in July.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/030_quote.txt", "Lakeshore Fact Desk", "Mayor did not say it", DEBUNK)])


def test_what_someone_never_said_conflicts_with_the_claim_that_they_said_it(check: Check) -> None:
    report = check("Sorensen said the curfew would start in July.")

    assert report.verdict == "conflicting"
    assert "negation" in codes(report.evidence), report.evidence


def test_a_quote_an_image_pins_on_someone_is_not_their_support(check: Check) -> None:
    report = check('Mayor Helen Sorensen said, "Teenagers are the problem in this city, and the curfew is how we fix it."')

    assert report.verdict != "supported"
    assert not [e for e in report.evidence if e.stance == "supports"], report.evidence
