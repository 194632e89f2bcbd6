"""A bound is not a value, and a multiplier is a number.

"Over 90 minutes" says the crossing took more than 90 minutes, not that it
took two hours: an exact figure is supported only by a matching figure or a
range that holds it; a bound the claim's figure satisfies makes the excerpt
related, and the report says why. "Double", "triple", "halve", "twice as
many", "three times" are quantities in their own right, compared with each
other and with numbers.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.language.quantities import extract_quantities

PATROLS = """The Harwick council will double the night patrols in the town centre from April.

Bus fares on the coastal route will be halved for pensioners.

The new depot holds three times as many buses as the old one.
"""


@pytest.fixture(scope="module")
def patrols(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/601_patrols.txt", "Harwick Gazette", "Patrols", PATROLS)])


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        ("The Harwick council will triple the night patrols in the town centre.", "claim: triple; source: double"),
        ("The Harwick council will halve the night patrols in the town centre.", "claim: halve; source: double"),
        ("Bus fares on the coastal route will be doubled for pensioners.", "claim: doubled; source: halved"),
        ("The new depot holds twice as many buses as the old one.", "claim: twice; source: three times"),
    ],
)
def test_a_different_multiplier_conflicts(patrols, claim, detail) -> None:
    report = patrols(claim)
    assert report.verdict == "conflicting", report.evidence
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "number_mismatch"]
    assert details == [detail]


@pytest.mark.parametrize(
    "claim",
    [
        "The Harwick council will double the night patrols in the town centre.",
        "The night patrols in the town centre will be two times larger from April.",
        "The new depot holds 3 times as many buses as the old one.",
    ],
)
def test_the_same_multiplier_in_other_words_supports(patrols, claim) -> None:
    assert patrols(claim).verdict == "supported"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Police doubled the number of patrols.", [("doubled", 2.0)]),
        ("The budget will more than quadruple by 2030.", [("more than quadruple", 4.0)]),
        ("Sales were three times higher.", [("three times higher", 3.0)]),
        ("a threefold rise in patrols", [("threefold", 3.0)]),
        ("They meet twice a week.", []),
        ("There was a double murder and a triple jump.", []),
        ("They double-checked the list.", []),
    ],
)
def test_multipliers_are_read_as_factors_and_frequencies_are_not(nlp, text, found) -> None:
    quantities = extract_quantities(nlp(text))
    assert [(q.text, q.value) for q in quantities] == found
    assert all(q.unit == "times" for q in quantities)


CROSSING = """The ferry crossing to Marlow Island took over 90 minutes on Saturday because of high winds.

Repairs to the Marlow pier will cost between 2 million and 3 million euros.

The island's only school has fewer than 40 pupils.
"""


@pytest.fixture(scope="module")
def crossing(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/602_crossing.txt", "Island Post", "Rough crossing", CROSSING)])


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        (
            "The ferry crossing to Marlow Island took two hours on Saturday.",
            "claim: two hours; source: over 90 minutes (a lower bound)",
        ),
        (
            "The island's only school has 35 pupils.",
            "claim: 35 pupils; source: fewer than 40 pupils (an upper bound)",
        ),
    ],
)
def test_a_bound_the_figure_satisfies_is_related_not_support(crossing, claim, detail) -> None:
    report = crossing(claim)
    assert report.verdict == "not_found", report.evidence
    assert [e.stance for e in report.evidence] == ["related"]
    assert [(r.code, r.detail) for r in report.evidence[0].reasons] == [("bound", detail)]


@pytest.mark.parametrize(
    "claim",
    [
        "The ferry crossing to Marlow Island took over 90 minutes on Saturday.",
        "Repairs to the Marlow pier will cost 2.5 million euros.",
    ],
)
def test_a_matching_bound_or_a_range_holding_the_figure_supports(crossing, claim) -> None:
    assert crossing(claim).verdict == "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "The ferry crossing to Marlow Island took one hour on Saturday.",
        "Repairs to the Marlow pier will cost 4 million euros.",
    ],
)
def test_a_figure_outside_the_bound_still_conflicts(crossing, claim) -> None:
    report = crossing(claim)
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) == {"number_mismatch"}


def test_the_report_says_the_excerpt_is_related_and_why(crossing) -> None:
    from bot.cli import format_report
    from handlers.blocks import report_blocks

    report = crossing("The ferry crossing to Marlow Island took two hours on Saturday.")
    printed = format_report(report)
    assert printed.startswith("Not stated (related coverage below)")
    assert "~ related" in printed and "bound: claim: two hours; source: over 90 minutes" in printed
    blocks, fallback = report_blocks(report, check_id=None)
    shown = str(blocks)
    assert "Not stated" in shown and "🔗" in shown
    assert "the source gives a bound, not the figure" in shown
