"""Round 6 of general stance rules, on small made-up articles (not the seeds).

A place named in the sentence before may be referred to as "the territory";
"by military means" is "militarily"; a "not" answered by "but ..." denies
something else; an organisation swapped in the slot of "told X" is an entity
mismatch; "won praise" opposes "sparked backlash"; a negated light verb ("not
to take advantage") does not negate the claim's "take charge"; "X and Y
agreed" is attributed to either of them.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.language.speakers import SpeakerResolver

TERRITORY = """In 2008, Russia recognised the breakaway region of Abkhazia, although it is still recognised by most countries as part of Georgia. Georgian President Salome Zourabichvili has said Georgia will not take back the territory militarily, but hopes to regain it by diplomatic means.
"""
INTERVIEW = """In a telephone interview on Sunday, Senator Tom Walsh told The Boston Globe's Anna Reyes he had spoken with the French President about the tariffs.
"""
TOUR = """Defence Minister Karl Brandt sparked backlash in Asia on his first foreign tour after saying allies must pay far more for their own defence.

Brandt said Asia must take charge of its own security.

In Singapore, Brandt warned Asia not to take advantage of its security ties with Germany.
"""
TALKS = """Walsh and Dubois spoke by phone for an hour on Friday. "We agreed to begin negotiations immediately," Walsh said after the call.
"""
ARTICLES = [
    ("corpus/060_territory.txt", "Caucasus Wire", "Abkhazia", TERRITORY),
    ("corpus/061_interview.txt", "Capitol Daily", "Walsh call", INTERVIEW),
    ("corpus/062_tour.txt", "Harbour Herald", "Brandt tour", TOUR),
    ("corpus/063_talks.txt", "Geneva Wire", "Talks", TALKS),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


# 1. "the territory" stands for the place named before; means of doing it


@pytest.mark.parametrize(
    "claim",
    [
        "Zourabichvili has said Georgia hopes to regain Abkhazia by diplomatic means.",
        "Zourabichvili said Georgia will regain Abkhazia by diplomacy.",
        "Zourabichvili has said Georgia will not take back Abkhazia militarily.",
    ],
)
def test_a_place_referred_to_as_the_territory_supports(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


@pytest.mark.parametrize(
    "claim",
    [
        "Zourabichvili has said Georgia will take Abkhazia back by military means.",
        "Zourabichvili has said Georgia will take Abkhazia back militarily.",
    ],
)
def test_taking_back_the_territory_militarily_conflicts(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) & {"negation", "antonym"}


# 2. an organisation swapped in the same slot


def test_an_outlet_swapped_in_the_slot_of_told_is_an_entity_mismatch(check) -> None:
    report = check("Walsh told The Boston Herald he had spoken with the French President.")
    assert report.verdict == "conflicting", report.evidence
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "entity_mismatch"]
    assert "claim: The Boston Herald; source: The Boston Globe" in details


@pytest.mark.parametrize(
    "claim",
    [
        "Walsh told The Boston Globe he had spoken with the French President.",
        "Walsh said he had spoken with the French President.",
    ],
)
def test_the_same_outlet_or_none_supports(check, claim) -> None:
    assert check(claim).verdict == "supported"


def test_an_outlet_outside_the_content_is_an_addressee_not_a_required_name(nlp) -> None:
    claim = extract_claims(
        "Walsh told The Boston Herald he had spoken with the French President.",
        nlp=nlp,
        speakers=SpeakerResolver(),
    )[0]
    assert [a.text for a in claim.addressees] == ["The Boston Herald"]
    assert "The Boston Herald" not in [n.text for n in claim.names]


# 3. opposite receptions


@pytest.mark.parametrize(
    "claim",
    [
        "Brandt won praise in Asia on his first foreign tour.",
        "Brandt drew applause in Asia after saying allies must pay more for their own defence.",
    ],
)
def test_praise_conflicts_with_backlash(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert "antonym" in codes(report.evidence)


def test_criticism_is_backlash(check) -> None:
    report = check("Brandt faced criticism in Asia after saying allies must pay more for their own defence.")
    assert report.verdict == "supported", report.evidence


# 4a. a negated light verb negates its own object, not the claim's


def test_not_taking_advantage_does_not_negate_taking_charge(check) -> None:
    report = check("Brandt said Asia must take charge of its own security.")
    assert report.verdict == "supported", report.evidence


# 4b. a coordinated subject speaks through either person


@pytest.mark.parametrize(
    "claim",
    [
        "Walsh and Dubois agreed to begin negotiations immediately.",
        "Dubois and Walsh agreed to begin negotiations immediately.",
    ],
)
def test_either_of_two_coordinated_speakers_supports(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence
    assert "speaker_mismatch" not in codes(report.evidence)


def test_a_single_other_speaker_is_still_a_mismatch(check) -> None:
    report = check("Dubois said they agreed to begin negotiations immediately.")
    assert report.verdict == "conflicting", report.evidence
    assert "speaker_mismatch" in codes(report.evidence)


# unrelated topics stay unfound


@pytest.mark.parametrize(
    "claim",
    [
        "Greece won the Eurovision song contest",
        "Brandt resigned from his post as defence minister",
        "Brandt won the election in Asia.",
    ],
)
def test_unrelated_claims_are_not_found(check, claim) -> None:
    assert check(claim).verdict == "not_found"


WARNING = """Defence Minister Ada Kerr spoke to allies in Oslo on Monday.

She also warned the Nordic states not to take advantage of Britain by making it responsible for their own defence.
"""


def test_a_not_on_another_predicate_of_a_light_verb_is_no_support(nlp) -> None:
    """ "not to take advantage" shares "take" and the topic words, but says nothing either way."""
    check = checker_for(nlp, [("corpus/060_warning.txt", "North Post", "Kerr warns", WARNING)])

    report = check("Kerr said Britain must take responsibility for the defence of the Nordic states.")

    assert report.verdict == "not_found", report.evidence
