"""A number is compared with the same measured thing, and a changed number is found.

"The last nurses' strike, in 2015, lasted nine days" is about another strike
than "a 96-hour strike" this week: neither supports nor contradicts a claim
about the other, while the sentence that states the fact does. A claim whose
only difference from a source is its number ("a 72-hour strike" against "a
96-hour strike", "held for five years" against "detained for two years")
conflicts rather than finding nothing.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

CLINIC = """The last nurses' strike, in 2015, lasted nine days.

Nurses at Riverside General began a 96-hour strike on Tuesday after three weeks of talks.

Union spokesman Omar Haddad, who had been detained for two years in 2009, addressed the crowd on Wednesday.
"""
ARTICLES = [("corpus/311_clinic.txt", "Valley Times", "Nurses strike", CLINIC)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_the_sentence_stating_the_earlier_strike_supports_it(check) -> None:
    report = check("The last nurses' strike, in 2015, lasted nine days.")
    assert report.verdict == "supported", report.evidence
    assert "number_mismatch" not in codes(report.evidence)


def test_another_strikes_length_neither_supports_nor_contradicts(check) -> None:
    report = check("The last nurses' strike lasted four days.")
    assert report.verdict == "conflicting", report.evidence
    assert all("96" not in e.text for e in report.evidence)


def test_the_current_strike_is_not_contradicted_by_the_earlier_one(check) -> None:
    report = check("Nurses at Riverside General began a four-day strike on Tuesday.")
    assert report.verdict == "supported", report.evidence


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        ("Nurses at Riverside General began a 72-hour strike on Tuesday.", "72-hour"),
        ("Nurses at Riverside General began a two-day walkout on Tuesday.", "two-day"),
        ("Omar Haddad was held for five years.", "five years"),
        ("Omar Haddad was imprisoned for three years.", "three years"),
    ],
)
def test_a_changed_number_conflicts_instead_of_finding_nothing(check, claim, detail) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "number_mismatch"]
    assert details and detail in details[0]


REFINERY = """Refinery workers in Talbot walked off the job on Monday in a 48-hour walkout, the first since the previous stoppage in 2011.

The previous stoppage, in 2011, lasted six days.

The strike follows three weeks of talks with management.
"""


@pytest.fixture(scope="module")
def refinery(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/312_refinery.txt", "Gulf Ledger", "Refinery", REFINERY)])


def test_a_number_beside_a_mention_of_the_previous_one_is_no_conflict(refinery) -> None:
    report = refinery("The previous stoppage, in 2011, lasted six days.")
    assert report.verdict == "supported", report.evidence
    assert "number_mismatch" not in codes(report.evidence)


def test_the_previous_ones_length_still_conflicts_where_it_is_stated(refinery) -> None:
    report = refinery("The previous stoppage in 2011 lasted eight days.")
    assert report.verdict == "conflicting", report.evidence
    assert all("48-hour" not in e.text for e in report.evidence)


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The refinery workers staged a 24-hour walkout.", "conflicting"),
        ("The refinery workers staged a two-day walkout.", "supported"),
        ("The strike follows two weeks of talks.", "conflicting"),
    ],
)
def test_a_walkout_staged_or_called_is_compared_by_its_length(refinery, claim, verdict) -> None:
    assert refinery(claim).verdict == verdict


OFFER = """Management offered a 6 percent raise last month, while the union wants 12 percent.

The plant employs 4,500 people, and 300 of them are contractors.
"""


@pytest.fixture(scope="module")
def offer(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/313_offer.txt", "Gulf Ledger", "Offer", OFFER)])


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Management offered a 12 percent raise.", "conflicting"),
        ("The union wants a 6 percent raise.", "conflicting"),
        ("Management offered a 6 percent raise.", "supported"),
        ("The union wants a 12 percent raise.", "supported"),
        ("The plant employs 300 people.", "conflicting"),
    ],
)
def test_a_number_is_compared_with_the_one_on_the_claims_verb(offer, claim, verdict) -> None:
    report = offer(claim)
    assert report.verdict == verdict, report.evidence


WALKOUT = """Workers began a 48-hour walkout on Monday after a meeting with management.

The meeting, which lasted 90 minutes, took place on Sunday.
"""


@pytest.fixture(scope="module")
def walkout(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/314_walkout.txt", "Gulf Ledger", "Walkout", WALKOUT)])


def test_a_number_measuring_another_thing_in_the_sentence_is_no_conflict(walkout) -> None:
    report = walkout("The meeting with management lasted two hours.")
    assert all("48-hour" not in e.text for e in report.evidence), report.evidence


def test_the_number_of_the_thing_itself_conflicts(walkout) -> None:
    report = walkout("The meeting lasted two hours.")
    assert report.verdict == "conflicting", report.evidence
    assert all("48-hour" not in e.text for e in report.evidence)


def test_a_called_strike_of_another_length_conflicts(nlp: Language) -> None:
    check = checker_for(
        nlp,
        [("corpus/315_transit.txt", "Metro Daily", "Transit", "The union began a 3-day walkout.\n")],
    )
    assert check("The union called a 48-hour strike.").verdict == "conflicting"
    assert check("The union called a 72-hour strike.").verdict == "supported"


def test_a_source_figure_stating_one_claim_figure_is_not_a_mismatch_for_another(nlp: Language) -> None:
    # "about 3,100 tons" is the claim's 3,100 tons; the 2,500-ton cap is simply not stated here
    check = checker_for(
        nlp,
        [("corpus/312_yard.txt", "Valley Times", "Recycler over its limit",
          "A state inspector estimated that the yard held about 3,100 tons of baled paper.\n")],
    )
    report = check("A state inspector estimated that the yard held about 3,100 tons of baled paper, above its 2,500-ton cap.")
    assert "number_mismatch" not in codes(report.evidence), report.evidence
    wrong = check("A state inspector estimated that the yard held about 4,300 tons of baled paper.")
    assert codes(wrong.evidence) == {"number_mismatch"}, wrong.evidence


def test_a_counted_source_figure_stating_a_bare_claim_figure_is_not_a_mismatch_for_another(nlp: Language) -> None:
    # "employs about 210 people" states "a workforce of about 210"; the town's 4,300 people are not stated here
    check = checker_for(
        nlp,
        [("corpus/313_plant.txt", "Valley Times", "Cheese plant",
          "The Brackett Valley plant employs about 210 people and is the largest employer in Harlow Springs.\n")],
    )
    report = check("With a workforce of about 210, the Brackett Valley plant is the largest employer in Harlow Springs, "
                   "a city of roughly 4,300 people.")
    assert "number_mismatch" not in codes(report.evidence), report.evidence
    wrong = check("The Brackett Valley plant employs about 120 people.")
    assert codes(wrong.evidence) == {"number_mismatch"}, wrong.evidence


def test_a_claim_figure_the_source_does_not_state_leaves_the_next_one_compared(nlp: Language) -> None:
    # the 14,870 dead fish are not in this sentence; its 3,960 brown trout still conflict with 1,960
    check = checker_for(
        nlp,
        [("corpus/314_creek.txt", "Badger Environmental Report", "Fish kill toll rises",
          "The final tally, completed during a survey of the lower creek on Monday, includes about 3,960 brown trout, "
          "said DNR fisheries biologist Renee Castellano.\n")],
    )
    report = check("The DNR's final count of 14,870 dead fish included about 1,960 brown trout.")
    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == [
        "claim: about 1,960 brown trout; source: about 3,960 brown trout"
    ]
