"""A figure a sentence only restates from a claim it withholds its word on ("Claims that
Westbrook raised water rates by 40 percent are misleading") is not the article's figure: it
conflicts with nothing. The article's own figure is the evidence."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "fc/390_rates.txt",
        "FactLine",
        "Water rate claims misleading",
        "Claims that Westbrook raised water rates by 40 percent are misleading. Westbrook water rates "
        "rose 4 percent in July, the utility's records show.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_the_restated_figure_does_not_conflict_with_the_true_one(check: Check) -> None:
    report = check("Westbrook water rates rose 4 percent in July.")

    assert report.verdict == "supported"
    assert not [e for e in report.evidence if e.stance == "conflicts"]


def test_the_restated_claim_is_refuted_by_the_articles_figure(check: Check) -> None:
    report = check("Westbrook raised water rates by 40 percent.")

    assert report.verdict == "conflicting"
    assert report.evidence[0].text.startswith("Westbrook water rates rose 4 percent")
