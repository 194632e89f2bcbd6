"""Questions: checked as the statement they ask about, labelled as asked, never an automatic claim."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.questions import asked_statement

ARTICLES = [
    (
        "harbor.txt",
        "Harbor Gazette",
        "Council backs the new bridge",
        "The city council approved a budget of 45 million dollars for the new bridge on Tuesday. "
        '"The bridge will not charge a toll," Mayor Elena Ruiz said after the vote.',
    )
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("Did Ruiz say the bridge will charge a toll?", "Ruiz said the bridge will charge a toll"),
        ("Does the mayor want a toll?", "the mayor wants a toll"),
        ("Is Ruiz in Harbor City?", "Ruiz is in Harbor City"),
        ("Were the talks in Riyadh?", "the talks were in Riyadh"),
        ("Will the bridge open in 2027?", "the bridge will open in 2027"),
        ("Has the council approved the budget?", "the council has approved the budget"),
        ("Didn't the council approve 45 million dollars?", "the council approved 45 million dollars"),
        ("Is it true that Ruiz said there would be no toll?", "Ruiz said there would be no toll"),
        ("The council approved 45 million dollars?", "the council approved 45 million dollars"),
    ],
)
def test_a_yes_no_question_asks_about_a_statement(nlp: Language, question: str, statement: str) -> None:
    assert asked_statement(nlp(question)[:]) == statement


def test_a_statement_or_a_wh_question_has_no_statement_to_ask_about(nlp: Language) -> None:
    assert asked_statement(nlp("Ruiz said the bridge will charge a toll.")[:]) is None
    assert asked_statement(nlp("Who said the bridge will charge a toll?")[:]) is None


def test_a_question_is_checked_as_its_statement_and_labelled(check: Check) -> None:
    report = check("Did Ruiz say the bridge will charge a toll?")

    assert report.asked_whether == "Ruiz said the bridge will charge a toll"
    assert report.verdict == "conflicting"  # she said it will not
    assert report.claim == "Did Ruiz say the bridge will charge a toll?"  # the input, as the contract says


def test_a_statement_is_not_labelled_as_a_question(check: Check) -> None:
    assert check("Ruiz said the bridge will charge a toll.").asked_whether is None


def test_in_a_message_of_several_claims_the_question_is_labelled(check: Check) -> None:
    report = check(
        "The city council approved a budget of 45 million dollars for the new bridge. "
        "Did Ruiz say the bridge will charge a toll?"
    )

    assert [c.asked_whether for c in report.claims] == [None, "Ruiz said the bridge will charge a toll"]


def test_automatic_replies_do_not_count_a_question_as_a_claim(check: Check) -> None:
    asked = check("Did Mayor Elena Ruiz say the bridge will not charge a toll?", automatic=True)
    stated = check("Mayor Elena Ruiz said the bridge will not charge a toll.", automatic=True)

    assert asked.verdict == "not_found" and not asked.evidence
    assert stated.verdict == "supported"
