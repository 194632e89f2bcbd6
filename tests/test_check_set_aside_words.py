"""What a source sets aside ("by ambulance, not by helicopter"; "in July rather than June"; "in
2027, not 2026") it denies. The model reads such a sentence as stating the claim that names the
alternative, and the words match; the contrast decides: the claim giving what the source sets
aside conflicts with it."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

ARTICLES = [
    (
        "news/340_roofer.txt",
        "Lindell Ledger",
        "Injured roofer taken to hospital",
        "The injured roofer, Marco Diaz, was taken to Lindell General by ambulance, not by helicopter, "
        "the fire department said.",
    ),
    (
        "news/341_plant.txt",
        "Lindell Ledger",
        "Bottling plant to close",
        "The Harwick bottling plant will close in 2027, not 2026, the company said on Friday.",
    ),
    (
        "news/343_pool.txt",
        "Lindell Ledger",
        "Pool opening delayed",
        "The Hale Park pool will reopen in July rather than June because a new pump arrived late. "
        "Repairs will cost about $80,000, not including new tiles, the parks director said.",
    ),
    (
        "news/342_reopen.txt",
        "Lindell Ledger",
        "Pool repairs",
        "Reopening the pool in three months is the best case, not the likely case, the city engineer said.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_claim_naming_what_the_source_sets_aside_conflicts(check: Check) -> None:
    report = check("Marco Diaz was flown by helicopter to Lindell General.")

    assert report.verdict == "conflicting"
    reason = report.evidence[0].reasons[0]
    assert reason.code == "negation"
    assert '"helicopter"' in reason.detail and "not by helicopter" in reason.detail


def test_a_month_set_aside_with_rather_than_conflicts(check: Check) -> None:
    report = check("The Hale Park pool will reopen in June.")

    assert report.verdict == "conflicting"
    assert report.evidence[0].reasons[0].detail.startswith('the source sets aside "june"')


def test_a_denied_year_is_no_support_for_it(check: Check) -> None:
    report = check("The Harwick plant will close in 2026.")

    assert report.verdict == "conflicting"
    assert report.evidence[0].reasons[0].detail == "claim: 2026; source: 2027, not 2026"


@pytest.mark.parametrize(
    "claim",
    [
        "The Harwick plant will close in 2027, not 2026.",  # the claim sets the year aside too
        "The city engineer said reopening the pool in three months is the best case, not the likely one.",
        "Repairs to the Hale Park pool will cost about $80,000 and that does not include new tiles.",  # denied alike
    ],
)
def test_a_contrast_the_claim_draws_too_is_no_difference(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"
