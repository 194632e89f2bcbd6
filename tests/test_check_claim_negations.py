"""A claim's "not" is scoped as a source's is: it counts only when it bears on words the source
states. "..., which the hall is not" at the end of a claim denies nothing the statement before
it says, so it is no negation conflict; a "not" on the statement's own words is. A determiner
"no" denies its noun ("with no daily reading above 0.9"), and what that noun governs ("no power
to order"), not every word after it. "Did not stop until 11 a.m." says when, not whether.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.language.negation import complement_negators

CLINIC = """The Harbor Road clinic moved two nurses and a doctor to the Eastfield community hall on Monday, the county health board said.

Inspectors found no leak in the clinic's boiler room on Friday, the board said.

In a written statement, City Solicitor Dana Pike said the noise bylaw applies only to buildings that have been formally listed on the heritage register, "which the hall is not."
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/960_clinic.txt", "Eastfield Post", "Clinic staff move to community hall", CLINIC)])


def test_a_not_about_something_the_source_does_not_say_is_no_conflict(check: Check) -> None:
    # the source prints "which the hall is not" after its statement, as a quote: the claim's
    # "not" bears on nothing the statement says (before: a negation conflict)
    claim = (
        "City Solicitor Dana Pike's position is that the noise bylaw covers only formally listed "
        "buildings, which the hall is not."
    )
    report = check(claim)

    assert "negation" not in codes(report.evidence), report.evidence
    assert report.verdict != "conflicting"


def test_a_not_on_what_the_source_says_still_conflicts(check: Check) -> None:
    report = check("The county health board did not move any nurses to the Eastfield community hall.")

    assert report.verdict == "conflicting"
    assert "negation" in codes(report.evidence)


def test_a_not_on_another_form_of_the_sources_word_bears_on_it(check: Check) -> None:
    # "not leaking" bears on the source's "leak": both deny it
    report = check("Inspectors found that the boiler room at the Harbor Road clinic was not leaking.")

    assert report.verdict == "supported", report.evidence


WATER = """Monthly tests of the Eastfield water supply showed an average of 0.7 milligrams of fluoride per liter, with no daily reading above 0.9, the utility said.

The county has no power to order the utility to stop adding fluoride, the health director said.
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "no" denies its noun, the daily reading: not the average the claim states
        ("Fluoride in the Eastfield water supply averaged 0.7 milligrams per liter in the monthly tests.", "supported"),
        # "no power to order" denies the ordering too
        ("The county ordered the utility to stop adding fluoride.", "conflicting"),
    ],
)
def test_a_determiner_no_denies_its_noun(nlp: Language, claim: str, verdict: str) -> None:
    check = checker_for(nlp, [("corpus/965_water.txt", "Valley Times", "Fluoride levels normal", WATER)])

    assert check(claim).verdict == verdict


FEES = """The utility adds fluoride to the Eastfield water supply at its Mill Road plant, the health director said.

There is no fluoride surcharge of any amount on residents' water bills, utility officials said.
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "no fluoride surcharge of any amount" denies a surcharge, the last noun of its compound:
        # not fluoride
        ("The utility adds fluoride to the Eastfield water supply.", "supported"),
        ("There is a fluoride surcharge on residents' water bills.", "conflicting"),
    ],
)
def test_a_determiner_no_denies_the_head_of_its_compound(nlp: Language, claim: str, verdict: str) -> None:
    check = checker_for(nlp, [("corpus/966_fees.txt", "Valley Times", "Fluoride costs", FEES)])

    assert check(claim).verdict == verdict


STORM = """Freezing rain began falling about 7 p.m. Saturday and did not stop until about 11 a.m. Sunday, the weather service said.

The Kell Street bridge will stay shut, and the county said it would not reopen it at all this winter.
"""


@pytest.fixture(scope="module")
def storm(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/961_storm.txt", "Kell Ledger", "Ice storm", STORM)])


def test_not_until_says_when_not_whether(storm: Check) -> None:
    # "did not stop until 11 a.m." is when the rain stopped: it kept up until then
    report = storm("Freezing rain started falling around 7 p.m. Saturday and kept up until about 11 a.m. Sunday.")

    assert "negation" not in codes(report.evidence), report.evidence
    assert report.verdict == "supported", report.evidence


def test_a_not_without_until_still_denies(storm: Check) -> None:
    report = storm("The county said it would reopen the Kell Street bridge this winter.")

    assert "negation" in codes(report.evidence), report.evidence


HAZMAT = """"We are not going to put firefighters next to a leaking tank car until we know exactly what is in every one of them," Fire Chief Ray Dombrowski said on Monday.

Crews will not reopen Fenwick Road before Friday, the county said.
"""


@pytest.fixture(scope="module")
def hazmat(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/961_hazmat.txt", "Quillon Courier", "Chief keeps crews back", HAZMAT)])


def test_two_nots_denying_the_same_words_are_no_conflict(hazmat: Check) -> None:
    # "would not be put" and "are not going to put": each "not" scoped on another word, but both
    # deny the putting (before: a negation conflict, "the source says not")
    report = hazmat(
        "Fire chief Ray Dombrowski said firefighters would not be put beside a leaking tank car "
        "until responders knew exactly what every car contained."
    )

    assert "negation" not in codes(report.evidence), report.evidence
    assert report.verdict != "conflicting"


def test_a_not_the_claim_lacks_still_conflicts(hazmat: Check) -> None:
    report = hazmat("The county said crews will reopen Fenwick Road before Friday.")

    assert report.verdict == "conflicting", report.evidence
    assert "negation" in codes(report.evidence)


SIRENS = """Eleven of the 30 outdoor warning sirens in Marrow County failed to sound during Tuesday's test, the emergency management office said.

Commissioner Lena Ortiz declined to sign the new maintenance contract on Wednesday.

The vendor's manager said the county's contract pays for repairs but declined to say how much it covers.

"I'm for the sirens. I'm against Marrow County taxpayers paying for sirens the vendor didn't maintain," Ortiz said.
"""


@pytest.fixture(scope="module")
def sirens(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/962_sirens.txt", "Marrow Ledger", "Sirens stay silent in test", SIRENS)])


def test_a_verb_that_denies_its_infinitive_states_the_claims_not(sirens: Check) -> None:
    # "failed to sound" is "did not sound" (before: a negation conflict, "the claim says not")
    report = sirens("The emergency management office said 11 of the 30 warning sirens did not sound during the test.")

    assert "negation" not in codes(report.evidence), report.evidence
    assert report.verdict == "supported"


@pytest.mark.parametrize(
    ("claim", "written"),
    [
        ("The emergency management office said 11 of the 30 warning sirens sounded during Tuesday's test.", "failed"),
        ("Commissioner Lena Ortiz signed the new maintenance contract on Wednesday.", "declined"),
    ],
)
def test_a_verb_that_denies_its_infinitive_conflicts_with_the_plain_claim(sirens: Check, claim: str, written: str) -> None:
    report = sirens(claim)

    assert report.verdict == "conflicting", report.evidence
    assert any(r.code == "negation" and f'"{written}' in r.detail for e in report.evidence for r in e.reasons)


def test_only_a_verb_followed_by_its_infinitive_denies_it() -> None:
    assert complement_negators("eleven siren fail to sound".split()) == [(2, "fail")]
    assert complement_negators("she decline to say".split()) == [(1, "decline")]
    assert complement_negators("the talk fail after two day".split()) == []
    assert complement_negators("sale decline to 3.2 percent".split()) == []
    assert complement_negators("sale decline to the low level".split()) == []


def test_declining_to_say_denies_the_saying_not_what_would_be_said(sirens: Check) -> None:
    report = sirens("The county's siren contract covers up to $2 million of repairs.")

    assert "negation" not in codes(report.evidence), report.evidence


def test_a_not_in_another_clause_does_not_undo_a_verb_denying_its_infinitive(sirens: Check) -> None:
    # "should not be paying ... failed to maintain": two denials, not one turned around
    report = sirens("Lena Ortiz said Marrow County taxpayers should not be paying for sirens the vendor failed to maintain.")

    assert "negation" not in codes(report.evidence), report.evidence
