"""Long and repetitive messages: each claim once, at most a set number, never a cut-off fragment."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.claim_selection import MAX_MESSAGE_CHARS, select_claims
from bot.language.speakers import SpeakerResolver

ARTICLES = [
    (
        "harbor.txt",
        "Harbor Gazette",
        "Council backs the new bridge",
        "The city council approved a budget of 45 million dollars for the new bridge on Tuesday. "
        "Mayor Elena Ruiz said the bridge would open in 2027.",
    )
]
CLAIM = "The city council approved a budget of 45 million dollars for the new bridge."


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def distinct_claims(count: int) -> str:
    return " ".join(f"Councillor Dunn voted for plan {n} on {n} March." for n in range(1, count + 1))


def test_a_sentence_repeated_ninety_times_is_checked_once(check: Check) -> None:
    report = check(f"{CLAIM} " * 90)

    assert report.claims == []  # one claim: the top level is its report
    assert report.verdict == "supported"
    assert report.note == "89 repeated sentences were checked once."


def test_repeats_differing_in_case_or_spacing_are_the_same_claim(nlp: Language) -> None:
    message = f"{CLAIM}  {CLAIM.upper()} {CLAIM.rstrip('.')}!"

    selection = select_claims(message, nlp=nlp, speakers=SpeakerResolver())

    assert [c.text for c in selection.claims] == [CLAIM]
    assert selection.repeated == 2


def test_at_most_the_configured_number_of_claims_is_checked(check: Check) -> None:
    report = check(distinct_claims(7), max_claims=5)

    assert [c.text for c in report.claims] == [
        f"Councillor Dunn voted for plan {n} on {n} March." for n in range(1, 6)
    ]
    assert report.unchecked == 2
    assert report.note == "2 more sentences were not checked (at most 5 claims per message)."


def test_under_the_limit_nothing_is_said(check: Check) -> None:
    report = check(distinct_claims(3), max_claims=5)

    assert len(report.claims) == 3 and report.unchecked == 0 and report.note is None


def test_the_sentence_a_long_message_is_cut_in_is_not_checked(nlp: Language) -> None:
    padding = "The meeting lasted 2 hours. " * (MAX_MESSAGE_CHARS // 28)
    message = padding + "Mayor Elena Ruiz said on Monday that the bridge would open in 2027 and cost little."
    assert len(padding) < MAX_MESSAGE_CHARS < len(message)

    selection = select_claims(message, nlp=nlp, speakers=SpeakerResolver())

    assert [c.text for c in selection.claims] == ["The meeting lasted 2 hours."]
    assert selection.cut


def test_a_cut_message_says_how_much_was_read(check: Check) -> None:
    report = check(f"{CLAIM} " * (MAX_MESSAGE_CHARS // len(CLAIM) + 5))

    assert report.verdict == "supported"
    assert f"Only the first {MAX_MESSAGE_CHARS:,} characters were read." in (report.note or "")
