"""A fact-check's headline is its ruling on the report its body examines: "Fact check: No,
the library is not going to charge $25 for a card" answers the claim a post spread, even
where no sentence of the body denies it in so many words."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

HEADLINE = "Fact check: No, the Marlow library is not going to charge $25 for a library card"
BODY = """A message circulating by text and on neighborhood Facebook groups this week warns that the Marlow Public Library will start charging every cardholder $25 a year beginning Jan. 1.

"Starting January 1 the Marlow library will charge $25 A YEAR just to have a library card!!" the message reads.

No such fee is on the table.

"Your card is free. It was free last year, and it will be free next year," said Aurelio Pike, the library's director.
"""

REPORT = """The Marlow Public Library will start charging $25 a year for a library card on Jan. 1, a message shared on Facebook says.

Library staff said they had fielded dozens of calls about it.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("debunks/050_card.txt", "Marlow Fact Desk", HEADLINE, BODY)], with_headings=True)


def test_the_headline_rules_on_the_message_the_body_reports(check: Check) -> None:
    report = check("The Marlow Public Library will start charging $25 a year for a library card on Jan. 1")

    assert report.verdict == "conflicting"
    (ruling,) = [e for e in report.evidence if e.stance == "conflicts"]
    assert ruling.text == HEADLINE
    assert "its headline rules" in ruling.reasons[0].detail


def test_the_message_itself_is_still_what_the_post_said(check: Check) -> None:
    report = check("A message on Facebook said the Marlow Public Library will start charging $25 a year for a library card.")

    assert report.verdict == "supported"


def test_a_headline_about_something_else_rules_on_nothing(nlp: Language) -> None:
    check = checker_for(
        nlp, [("news/051_calls.txt", "Marlow Gazette", "Library staff field calls about weekend hours", REPORT)], with_headings=True
    )

    report = check("The Marlow Public Library will start charging $25 a year for a library card on Jan. 1")

    assert report.verdict != "conflicting"
