"""Common news paraphrases are found: the same fact in other words is not "not found".

"would not intervene in the talks" is stated by "would not step into the
negotiations"; "must stay untouched" by "must remain untouched"; "had spent
two years in prison" and "was held for two years" by "had been detained for two
years"; "the walkout" by "the strike". A paraphrase of the denied verb keeps
the denial: both say "not".
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

CITY = """Mayor Lena Vik said the city would not step into the negotiations.

The port authority insists the reserve fund must remain untouched as part of any deal.

Union spokesman Omar Haddad, who had been detained for two years in 2009, addressed the crowd on Wednesday.

Dock workers began a 72-hour strike on Monday.
"""
ARTICLES = [("corpus/331_city.txt", "Harbour Post", "Port strike", CITY)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "The city would not intervene in the talks, Vik said.",
        "The port authority insists the reserve fund must stay untouched.",
        "Haddad had spent two years in prison.",
        "Omar Haddad was jailed for two years.",
        "Omar Haddad was held for two years.",
        "Omar Haddad, who was imprisoned for two years, addressed the crowd on Wednesday.",
        "The dock workers began a 72-hour walkout on Monday.",
    ],
)
def test_a_paraphrase_is_found_and_supports(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


def test_a_paraphrased_denial_against_a_stated_one_conflicts(check) -> None:
    report = check("The city would intervene in the talks, Vik said.")
    assert report.verdict == "conflicting", report.evidence


def test_held_talks_does_not_state_a_detention(check) -> None:
    report = check("Haddad was held in the crowd on Wednesday.")
    assert report.verdict != "supported" or all("detained" not in e.text for e in report.evidence)


TRANSIT = """Activist Lina Moreau spent four years in prison before her release in 2019.

The union, which represents 8,000 drivers, wants a 9 percent pay rise.

The Transit Workers Union ended the strike on Friday.

Fellow activist Omar Tal was released in 2021.
"""


@pytest.fixture(scope="module")
def transit(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/332_transit.txt", "Metro Daily", "Transit", TRANSIT)])


@pytest.mark.parametrize(
    "claim",
    [
        "Moreau had been imprisoned for four years.",
        "The union wants a 9 percent pay raise.",
    ],
)
def test_a_word_of_the_same_side_is_no_opposite(transit, claim) -> None:
    report = transit(claim)
    assert report.verdict == "supported", report.evidence


def test_a_release_still_opposes_a_claimed_detention_it_does_not_state(transit) -> None:
    report = transit("Omar Tal was jailed in 2021.")
    assert report.verdict == "conflicting", report.evidence


def test_calling_a_strike_is_not_stated_by_ending_it(transit) -> None:
    report = transit("The Transit Workers Union called the strike.")
    assert report.verdict != "supported", report.evidence
