"""Round 5 of general stance rules, on small made-up articles (not the seeds).

A source that fills one of the claim's slots with another word does not state
the claim ("an American schoolteacher" is not "an American journalist"), while
synonyms, stems, spelling variants and hypernyms still do; opposites of how
things went ("very well"/"very badly") are antonyms; a predicate that denies its
complement ("ruled out", "doubted", "denied that") negates it; "in an attempt to"
states "tried to".
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.language.lexicon import are_antonyms, find_antonym_conflict
from bot.language.negation import complement_negators

RELEASE = """Sylvania also secured the release of an American schoolteacher, Helen Brook, who had been held in Freedonia for three years.

The central bank of Sylvania cut interest rates on Tuesday to support the weak economy.

Kulik spoke with Dell about ending the war in Kyiv province on Monday.
"""

TALKS = """Sylvanian President Marco Dell spoke with Freedonian President Anton Kulik by phone on Wednesday.

"The conversation went very well," Dell said after the call.

Dell also mentioned he doubted Freedonia would be joining the Northern Alliance any time soon.

Defence minister Otto Brand ruled out the possibility of Freedonia joining the Northern Alliance.

Kulik denied that the harbour talks had collapsed.

"There will not be Sylvanian soldiers sent to the islands," Dell told reporters.

"We have to end the sanctions," Dell said. The previous Sylvanian government canceled all high-level contacts in an attempt to punish and humiliate Freedonia, Dell wrote.
"""

ARTICLES = [
    ("corpus/040_release.txt", "Harbour Herald", "Teacher freed", RELEASE),
    ("corpus/041_talks.txt", "Geneva Wire", "Leaders talk", TALKS),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


# 1. one content word swapped for another in the same slot


def test_a_role_swapped_in_the_same_slot_is_an_entity_mismatch(check) -> None:
    report = check("Sylvania secured the release of an American journalist.")
    assert report.verdict == "conflicting", report.evidence
    assert "entity_mismatch" in codes(report.evidence)
    detail = report.evidence[0].reasons[0].detail
    assert "journalist" in detail and "schoolteacher" in detail


def test_a_generic_word_swapped_in_the_same_slot_is_not_support(check) -> None:
    report = check("The central bank of Sylvania cut mortgage rates on Tuesday to support the weak economy.")
    assert report.verdict != "supported", report.evidence


@pytest.mark.parametrize(
    "claim",
    [
        "Sylvania secured the release of an American schoolteacher.",
        "Sylvania secured the release of an American teacher.",  # a hypernym inside the word
        "Sylvania secured the release of a US schoolteacher held for three years.",
        "The central bank of Sylvania reduced interest rates on Tuesday.",  # a synonym
        "Kulik talked with Dell about ending the war in Kiev province on Monday.",  # spelling
        "Kulik spoke with Dell about ending the conflict on Monday.",
    ],
)
def test_paraphrases_still_support(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


# 2. adverb and adjective opposites


def test_how_things_went_has_opposites(check) -> None:
    report = check("Dell said the conversation with Kulik went very badly.")
    assert report.verdict == "conflicting", report.evidence
    assert "antonym" in codes(report.evidence)
    assert check("Dell said the conversation with Kulik went very well.").verdict == "supported"


@pytest.mark.parametrize(
    "a,b",
    [
        ("well", "badly"),
        ("well", "poorly"),
        ("good", "bad"),
        ("positive", "negative"),
        ("confident", "doubtful"),
        ("confident", "uncertain"),
        ("optimistic", "pessimistic"),
        ("likely", "unlikely"),
        ("true", "false"),
        ("easy", "difficult"),
        ("friendly", "hostile"),
        ("productive", "unproductive"),
        ("productive", "fruitless"),
    ],
)
def test_lexicon_knows_judgements(a, b) -> None:
    assert are_antonyms(a, b)


def test_as_well_is_not_how_something_went() -> None:
    assert find_antonym_conflict(["talk", "go", "badly"], ["talk", "as", "well"]) is None


# 3. predicates that deny their complement


def test_complement_negators_are_found_in_stored_lemmas() -> None:
    assert [w for _, w in complement_negators("he rule out the possibility".split())] == [
        "rule out"
    ]
    assert [w for _, w in complement_negators("she deny that the talk fail".split())] == ["deny"]


@pytest.mark.parametrize(
    "claim,said",
    [
        ("Dell was confident Freedonia would be joining the Northern Alliance.", "doubted"),
        ("Freedonia will join the Northern Alliance, Brand said.", "ruled out"),
        ("Kulik said the harbour talks had collapsed.", "denied"),
    ],
)
def test_asserting_a_denied_complement_conflicts(check, claim, said) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    negations = [r.detail for e in report.evidence for r in e.reasons if r.code == "negation"]
    assert any(f'"{said}"' in d for d in negations), report.evidence


@pytest.mark.parametrize(
    "claim",
    [
        "Dell doubted Freedonia would join the Northern Alliance.",
        "Freedonia will not join the Northern Alliance, Brand said.",
        "Kulik denied the harbour talks had collapsed.",
        "Kulik said the harbour talks had not collapsed.",
    ],
)
def test_keeping_or_negating_the_denial_supports(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


def test_a_denying_verb_is_stated_by_the_speakers_own_negation(check) -> None:
    report = check("Dell ruled out sending Sylvanian soldiers to the islands.")
    assert report.verdict == "supported", report.evidence
    report = check("Dell said Sylvanian soldiers would be sent to the islands.")
    assert report.verdict == "conflicting", report.evidence
    assert "negation" in codes(report.evidence)


# 4. light paraphrases of purpose and attempt


@pytest.mark.parametrize("verb", ["tried", "sought", "attempted"])
def test_tried_to_is_in_an_attempt_to(check, verb) -> None:
    report = check(
        f"Dell said the previous Sylvanian government {verb} to punish and humiliate Freedonia."
    )
    assert report.verdict == "supported", report.evidence


# unrelated topics stay unfound


@pytest.mark.parametrize(
    "claim",
    [
        "Taylor Swift announced a new world tour on Monday",
        "Germany's parliament approved a new defence budget",
    ],
)
def test_unrelated_claims_are_not_found(check, claim) -> None:
    assert check(claim).verdict == "not_found"
