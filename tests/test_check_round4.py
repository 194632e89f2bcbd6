"""Round 4 of general stance rules, on small made-up articles (not the seeds).

A conflict needs the same relevance as a support (a word that merely shares a
stem with the claim's object is not its verb); a speaker named by office ("the
Freedonian president") is the person the article introduces with that title;
"X mentioned ..." reports X's words; a person named in the sentence before is
the object of a sentence that leaves them out; opposites inside short quotes
("united") and of means ("by diplomacy" / "through military force").
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.language.lexicon import are_antonyms
from bot.check.speaker_roles import introduced_as
from bot.language.speakers import role_words

TALKS = """Leaders of Freedonia and Sylvania met in Geneva on Monday to discuss a ceasefire.

"We agreed to work together, very closely, including by visiting each other's nations," Sylvanian President Marco Dell said.

"We, as a sovereign country, simply will not accept any agreement that will be made without us," said Freedonian President Anton Kulik.

Dell, for his part, mentioned the need to address the root causes of the conflict and agreed with Kulik that talks should continue.
"""

RELEASE = """Sylvania also secured the release of a retired nurse, Helen Brook, who had been held for three years.

Brook flew home on Tuesday and met Dell at the palace that evening.

Dell was coy about what the deal involved, but said more releases would follow.

Alliance Secretary General Jan Roos said it was important that Dell understood that the West was "united" as talks began.

Kulik intends to end this war by diplomacy, his spokesman told reporters.
"""

ARTICLES = [
    ("corpus/030_talks.txt", "Geneva Wire", "Leaders meet", TALKS),
    ("corpus/031_release.txt", "Palace Post", "Nurse freed", RELEASE),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


# 1. relevance before conflict; speakers named by office


def test_a_stem_cousin_of_the_object_is_not_the_claims_verb(check) -> None:
    # "agreed to work together" shares a stem with "agreement" but states neither
    # "accept" nor the agreement: no negation conflict from it
    report = check(
        "The Sylvanian president said his country would not accept any agreement made without it."
    )
    assert report.verdict != "conflicting", report.evidence


@pytest.mark.parametrize(
    "claim",
    [
        "Freedonia's president said his country would simply not accept any agreement made without it.",
        "The Freedonian president said his country would not accept any agreement made without it.",
    ],
)
def test_a_speaker_named_by_office_is_the_person_with_that_title(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].speaker == "Anton Kulik"
    assert "accept any agreement" in report.evidence[0].text


def test_role_words_tell_an_office_from_a_name() -> None:
    assert role_words("Ukraine president") == ["ukraine", "president"]
    assert role_words("US defence secretary") == ["us", "defence", "secretary"]
    assert role_words("NATO chief") == ["nato", "chief"]
    assert role_words("President Putin") == []
    assert role_words("Hegseth") == []


@pytest.mark.parametrize(
    ("role", "person", "text"),
    [
        (["ukraine", "president"], "Volodymyr Zelensky", "said Ukrainian President Volodymyr Zelenskiy."),
        (["russian", "leader"], "Vladimir Putin", "Russian President Vladimir Putin said"),
        (["nato", "chief"], "Mark Rutte", "NATO Secretary General Mark Rutte said"),
        (["us", "defence", "secretary"], "Pete Hegseth", "US Defense Secretary Pete Hegseth said"),
    ],
)
def test_an_office_introduces_a_name(role, person, text) -> None:
    assert introduced_as(role, person, text)


def test_another_office_does_not_introduce_the_name() -> None:
    assert not introduced_as(["russian", "leader"], "Volodymyr Zelensky", "Ukrainian President Volodymyr Zelensky")
    assert not introduced_as(["nato", "chief"], "Pete Hegseth", "US Defense Secretary Pete Hegseth")


# 2. near-verbatim support


def test_mentioned_reports_the_speakers_words(check) -> None:
    report = check("Dell mentioned the need to address the root causes of the conflict.")
    assert report.verdict == "supported", report.evidence


def test_a_person_named_in_the_sentences_before_completes_the_object(check) -> None:
    report = check("Dell was coy about what the deal for Brook's release involved.")
    assert report.verdict == "supported", report.evidence


def test_the_subject_is_not_borrowed_from_the_sentences_before(check) -> None:
    report = check("Brook was coy about what the deal involved.")
    assert report.verdict != "supported", report.evidence


# 3. and 4. opposites inside quotes, opposites of means


def test_an_opposite_of_a_word_in_quote_marks_conflicts(check) -> None:
    report = check("Roos said it was important that Dell understood the West was divided.")
    assert report.verdict == "conflicting", report.evidence
    assert "antonym" in codes(report.evidence)


def test_the_word_in_quote_marks_itself_supports(check) -> None:
    report = check("Roos said it was important that Dell understood the West was united.")
    assert report.verdict == "supported", report.evidence


def test_the_means_of_ending_a_war_conflicts(check) -> None:
    report = check("Kulik wants to end the war through military force.")
    assert report.verdict == "conflicting", report.evidence
    assert "antonym" in codes(report.evidence)


@pytest.mark.parametrize(
    ("a", "b"),
    [("diplomacy", "military"), ("diplomatic", "military"), ("peaceful", "violent"), ("united", "divided")],
)
def test_means_and_unity_opposites_are_listed(a: str, b: str) -> None:
    assert are_antonyms(a, b) and are_antonyms(b, a)


def test_united_inside_a_name_is_no_opposite(check) -> None:
    from bot.check.rules.polarity import content_lemmas

    assert "united" not in content_lemmas(["the", "united", "states", "be", "divided"], "The United States was divided.")


# unrelated claims stay not found


@pytest.mark.parametrize(
    "claim",
    [
        "The Louvre reopened after a three-week closure.",
        "NATO held a summit in Vilnius on Tuesday to approve new members.",
    ],
)
def test_unrelated_claims_are_not_found(check, claim) -> None:
    assert check(claim).verdict == "not_found"
