"""The day of an announcement is checked, whichever verb the claim uses for it.

In a story of Thursday 14 March 2024, "Mayor Okafor on Tuesday promised
$2 million for flood defences" dates the promise to Tuesday 12 March. A claim
that Okafor "announced the $2 million on Monday, March 11" names the same act
(announced, promised, pledged, unveiled: one event when the sum is the same), so
its day conflicts; "announced" with a dated object is an act to check, not a
report of what someone said. "By Wednesday, the clinic had cancelled 640
appointments" against "By Monday ..." is a date mismatch too.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.language.speakers import SpeakerResolver

TOWN = """Mayor Grace Okafor on Tuesday promised $2 million for flood defences along the river.

By Wednesday, the county clinic had cancelled 640 appointments, a spokeswoman said.
"""
ARTICLES = [("corpus/621_town.txt", "Valley Times", "Flood money", TOWN)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "Okafor announced the $2 million on Monday, March 11.",
        "Okafor pledged the $2 million on Monday.",
        "Okafor unveiled $2 million for flood defences on Monday.",
        "Okafor promised $2 million for flood defences on Monday.",
    ],
)
def test_another_day_for_the_same_announcement_conflicts(check: Check, claim: str) -> None:
    report = check(claim)

    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"date_mismatch"}


@pytest.mark.parametrize(
    "claim",
    [
        "Okafor announced the $2 million on Tuesday.",
        "Okafor pledged $2 million for flood defences on Tuesday, March 12.",
    ],
)
def test_the_same_day_with_another_verb_is_supported(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"


def test_another_sum_on_the_same_day_conflicts_on_the_number(check: Check) -> None:
    report = check("Okafor announced $3 million for flood defences on Tuesday.")

    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"number_mismatch"}


def test_by_another_day_conflicts(check: Check) -> None:
    report = check("By Monday, the county clinic had cancelled 640 appointments.")

    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"date_mismatch"}
    assert check("By Wednesday the county clinic had cancelled 640 appointments.").verdict == (
        "supported"
    )


def test_a_dated_announcement_keeps_its_verb_and_day(nlp: Language) -> None:
    claim = extract_claims(
        "Okafor announced the $2 million on Monday, March 11.", nlp=nlp, speakers=SpeakerResolver()
    )[0]

    assert claim.predicate == "announce"
    assert claim.weekdays == ["Monday"]
    assert [(d.month, d.day) for d in claim.dates] == [(3, 11)]


def test_an_announced_statement_is_still_what_was_said(nlp: Language) -> None:
    claim = extract_claims(
        "Okafor announced that the river wall would be raised.", nlp=nlp, speakers=SpeakerResolver()
    )[0]

    assert claim.speaker_mention == "Okafor"
    assert claim.content == "the river wall would be raised"
