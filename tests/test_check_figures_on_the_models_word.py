"""The model says whether a sentence states the claim; the rules read its figures.

"A landslide shut Route 9 for 63 hours" shares too few words with "A rockslide closed
Route 9 ... for 36 hours" for the rules to align them, and the shipped model reads numbers
poorly. Together: the model reads the sentence as about the claim, the rules compare the
hours, and the answer is a number conflict with its reason. The same figure, with the
model's entailment, is support. A claim whose only figure is a weekday is not supported
this way ("Haddad was held in the crowd on Wednesday": test_check_paraphrase_recall).

A figure belongs to whoever reports it: "A 2021 audit ... warned that 38 percent of the
county's bridges ..." gives its 38 percent to the 2021 audit, so a claim about "the 2021
audit" and 83 percent conflicts with it.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

ROAD = """A rockslide closed Route 9 between Alder Creek and Fenwick for 36 hours, the state highway agency said on Friday.

A 2021 audit by the state comptroller warned that 38 percent of the county's bridges were in poor condition.
"""
ARTICLES = [("corpus/900_road.txt", "Valley Times", "Route 9 reopens after rockslide", ROAD)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_paraphrased_sentence_with_another_number_conflicts_with_the_rules_reason(check) -> None:
    report = check("A landslide shut Route 9 for 63 hours.")
    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == [
        "claim: 63 hours; source: 36 hours"
    ]


def test_a_paraphrased_sentence_with_the_same_number_supports(check) -> None:
    report = check("A landslide shut Route 9 for 36 hours.")
    assert report.verdict == "supported", report.evidence
    assert "rockslide" in report.evidence[0].text


def test_a_reported_figure_belongs_to_the_report_that_gives_it(check) -> None:
    wrong = check("The 2021 comptroller audit found that 83 percent of the county's bridges were in poor condition.")
    assert wrong.verdict == "conflicting", wrong.evidence
    assert codes(wrong.evidence) == {"number_mismatch"}
    right = check("The 2021 comptroller audit found that 38 percent of the county's bridges were in poor condition.")
    assert right.verdict == "supported", right.evidence


CREEK = """DNR crews counted 11,400 dead fish along 3.5 miles of the creek during a survey on Monday, the agency said.
"""


def test_the_models_support_never_stands_over_a_differing_figure(nlp: Language) -> None:
    """The sentence says "the creek" where the claim names it, so the rules leave it to the
    model, which reads "5.3 miles" for "3.5 miles" as the same (entailment 0.999): a differing
    figure is the rules' call, and the model's word is no support over it."""
    check = checker_for(nlp, [("corpus/901_creek.txt", "Valley Times", "Osier Creek fish kill count doubles", CREEK)])

    wrong = check("DNR crews counted 11,400 dead fish along 5.3 miles of Osier Creek during Monday's survey.")
    right = check("DNR crews counted 11,400 dead fish along 3.5 miles of Osier Creek during Monday's survey.")

    assert not [e for e in wrong.evidence if e.stance == "supports"], wrong.evidence
    assert right.verdict == "supported", right.evidence


RIVER = """Upriver, the town of Dallin, about six miles east of Marlow, closed its boat ramp on Tuesday afternoon as a precaution and posted warning signs along the bank.
"""


def test_the_models_support_is_read_for_opposites_as_the_rules_read_theirs(nlp: Language) -> None:
    # the rules cannot align "lies ... west of" with the sentence; the model reads it as stating
    # the claim, "east" for "west" (before: supported)
    check = checker_for(nlp, [("corpus/901_river.txt", "Valley Times", "Dallin shuts boat ramp", RIVER)])

    report = check("Dallin, the town that closed its boat ramp, lies roughly six miles west of Marlow.")

    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == ['claim: "west"; source: "east"']
    same = check("Dallin, the town that closed its boat ramp, lies roughly six miles east of Marlow.")
    assert same.verdict == "supported", same.evidence
