"""Round 3 of general stance rules, on small made-up articles (not the seeds).

Opposite verbs a reporter swaps ("prolong" -> "shorten"), negating prefixes
inside hyphenated compounds ("non-NATO"), joined names in a claim ("the
Trump-Putin call"), a name stated one sentence earlier, and "he did not"
after a named speaker.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.language.lexicon import are_antonyms, find_antonym_conflict

WAR = """Foreign Minister Karl Osten addressed the allies in Warsaw on Monday.

"Chasing this illusory goal will only prolong the war," he said.

Some of the soldiers would be deployed as part of a non-NATO mission, Osten said.

The peacekeeping force will be made up of European and non-European troops, the ministry said.
"""

CALL = """The US administration expects that the telephone conversation between US President Donald Trump and his Russian counterpart Vladimir Putin will contribute to a lasting peace in Ukraine, US Defense Secretary Pete Hegseth said.

"The President's stance on NATO is the same as every other president has had, but he is serious about it," he stated. According to Secretary Rubio, every other president has had the same complaint, but President Trump is serious.

Defense Secretary Pete Hegseth said the allies must spend far more on their own defense.

He did not take questions.
"""

ARTICLES = [
    ("corpus/020_war.txt", "Capital Herald", "Minister warns allies", WAR),
    ("corpus/021_call.txt", "Wire Daily", "Leaders' call", CALL),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


# 1. opposite verbs and adjectives


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("prolong", "shorten"),
        ("lengthen", "curtail"),
        ("extend", "shorten"),
        ("escalate", "ease"),
        ("strengthen", "weaken"),
        ("expand", "shrink"),
        ("expand", "contract"),
        ("boost", "hurt"),
        ("praise", "condemn"),
        ("include", "exclude"),
        ("continue", "halt"),
        ("unite", "divide"),
        ("gain", "lose"),
        ("raise", "lower"),
        ("succeed", "fail"),
        ("send", "withdraw"),
        ("send", "recall"),
        ("approve", "reject"),
        ("improve", "worsen"),
        ("support", "undermine"),
        ("accelerate", "slow"),
        ("victory", "defeat"),
    ],
)
def test_common_news_opposites_are_listed(a: str, b: str) -> None:
    assert are_antonyms(a, b)
    assert are_antonyms(b, a)


def test_de_escalate_split_by_a_hyphen_opposes_escalate() -> None:
    assert find_antonym_conflict(["escalate", "the", "war"], ["de", "-", "escalate", "the", "war"])


def test_a_swapped_verb_in_a_quote_conflicts_with_reason_antonym(check) -> None:
    report = check("Osten said chasing this illusory goal will shorten the war.")
    assert report.verdict == "conflicting", report.evidence
    assert "antonym" in codes(report.evidence)


def test_the_same_verb_supports(check) -> None:
    report = check("Osten said chasing this illusory goal will prolong the war.")
    assert report.verdict == "supported", report.evidence


# 2. negating prefixes inside hyphenated compounds


def test_a_non_prefixed_name_conflicts_with_the_bare_name(check) -> None:
    report = check("Osten said the soldiers should be part of a NATO mission.")
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) & {"negation", "antonym"}
    assert any("non-NATO" in r.detail for e in report.evidence for r in e.reasons)


def test_the_non_prefixed_name_itself_supports(check) -> None:
    report = check("Osten said the soldiers would be part of a non-NATO mission.")
    assert report.verdict == "supported", report.evidence


def test_both_the_name_and_its_non_form_stated_is_no_conflict(check) -> None:
    report = check("The peacekeeping force will be made up of European troops.")
    assert report.verdict != "conflicting", report.evidence


# 3. joined names in a claim


def test_a_hyphenated_pair_of_names_is_found_named_separately(check) -> None:
    report = check(
        "The US administration expects the Trump-Putin phone call to contribute to a "
        "lasting peace in Ukraine."
    )
    assert report.verdict == "supported", report.evidence


def test_a_hyphenated_pair_with_a_wrong_name_is_not_supported(check) -> None:
    report = check(
        "The US administration expects the Trump-Xi phone call to contribute to a "
        "lasting peace in Ukraine."
    )
    assert report.verdict != "supported", report.evidence


# 4. a name stated in the sentence before; "According to X"


def test_an_organisation_named_in_the_previous_sentence_counts(check) -> None:
    report = check("Rubio said every other president has had the same complaint about NATO.")
    assert report.verdict == "supported", report.evidence


# 5. "he did not" after a named speaker


def test_he_did_not_after_a_named_speaker_conflicts(check) -> None:
    report = check("Hegseth took questions after his speech.")
    assert report.verdict == "conflicting", report.evidence
    assert "negation" in codes(report.evidence)


def test_he_did_not_after_a_named_speaker_supports_the_negated_claim(check) -> None:
    report = check("Hegseth did not take questions.")
    assert report.verdict == "supported", report.evidence


# unrelated topics stay not found


@pytest.mark.parametrize(
    "claim",
    [
        "The Fed lowered rates by half a percentage point.",
        "Putin visited Washington last week to sign a peace deal.",
        "NATO troops withdrew from Warsaw on Monday.",
    ],
)
def test_claims_sharing_a_word_or_two_stay_not_found(check, claim: str) -> None:
    assert check(claim).verdict == "not_found"


def test_a_circumstance_the_source_leaves_out_does_not_sink_the_match(check) -> None:
    report = check("Hegseth did not take questions after the summit.")
    assert report.verdict == "supported", report.evidence


def test_a_weekday_the_source_leaves_out_is_still_required(check) -> None:
    assert check("Hegseth did not take questions on Thursday.").verdict == "not_found"


def test_a_country_pair_in_a_claim_is_found_named_separately(check) -> None:
    report = check("Hegseth said the US-Russia call will contribute to a lasting peace in Ukraine.")
    assert report.verdict == "supported", report.evidence


def test_not_with_the_bare_name_means_the_non_form(check) -> None:
    report = check("Osten said the soldiers should not be part of a NATO mission.")
    assert report.verdict == "supported", report.evidence


def test_un_backed_is_the_united_nations_not_a_negation() -> None:
    from bot.check.rules.negation_scope import _negated_compounds

    assert _negated_compounds("a UN-backed force and a non-NATO mission") == {"nato": "non-NATO"}


def test_a_subject_named_only_in_the_sentence_before_is_not_borrowed(check) -> None:
    # "NATO" acts in the claim; the sentence about the "complaint" does not say NATO complained
    report = check("NATO said every other president has had the same complaint.")
    assert report.verdict == "not_found", report.evidence
