"""Round 8 of the check rules, on made-up articles.

- The organisation an article is about is stated by its sentences without the
  name: "The company said ..." under a headline about Brindle Gas, "Watchdog
  Ofgem opened an inquiry" in that article (another organisation speaking, or
  an article about something else, is not).
- A reporting verb introducing a that-clause ("found that", "showed that") is
  not what is checked; the clause is, numbers and negation included.
- A negation governs its own clause: "when homes could no longer get heat" does
  not deny "engineers sealed the pipe", nor does "would not strike, because ..."
  deny what follows "because".
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.check.rules.negation_scope import scoped_negations
from bot.language.speakers import SpeakerResolver

LEAK = """The company said the leak lasted six days.

Inspectors from the energy board said the pipeline had corroded.

Watchdog Ofgem opened an inquiry on Friday.

Brindle Gas has 40,000 customers in the region.
"""
RIVAL = """Rival supplier Corvex Energy said its own outage lasted two days.

The firm said repairs to the compressor station would take a month.
"""
DEPOTS = """An inspection showed that 12 depots had no sprinklers.

Officials warned that most stations needed new roofs.
"""
NIGHT = """Engineers sealed the pipe at 4 a.m. on Monday, when homes in the north district could no longer get heat.

The union said it would not strike, because managers agreed to raise pay by 4 percent.
"""
ARTICLES = [
    ("corpus/080_leak.txt", "Valley Post", "Brindle Gas fined after pipeline leak", LEAK),
    ("corpus/081_rival.txt", "Hill Times", "Compressor repairs", RIVAL),
    ("corpus/082_depots.txt", "Fire Weekly", "Depot safety", DEPOTS),
    ("corpus/083_night.txt", "City Wire", "Water restored", NIGHT),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


# Supported, with the sentence that states it: one row per rule of this round.
SUPPORTED = [
    # R1: "The company" in an article headlined about Brindle Gas is Brindle Gas
    ("Brindle Gas said the leak lasted six days.", "The company said the leak lasted six days."),
    # R1: the headline's topic (and its leak) named in the claim's object
    ("Ofgem opened an inquiry into the Brindle Gas leak.", "Watchdog Ofgem opened an inquiry on Friday."),
    # R2: another reporting verb, with or without "that"
    ("An inspection found that 12 depots had no sprinklers.", "An inspection showed that 12 depots had no sprinklers."),
    ("An inspection revealed 12 depots had no sprinklers.", "An inspection showed that 12 depots had no sprinklers."),
    ("An inspection concluded that 12 depots had no sprinklers.", "An inspection showed that 12 depots had no sprinklers."),
    # R3: the "no longer" of a when-clause, the "not" before a because-clause
    ("Engineers sealed the pipe at about 4 a.m. on Monday.", NIGHT.split("\n")[0]),
    ("Managers agreed to raise pay by 4 percent.", NIGHT.strip().split("\n")[-1]),
]
# Still conflicting, with the reason: the rules let the claim's content through, not past its checks.
CONFLICTING = [
    ("Brindle Gas said the leak lasted nine days.", "number_mismatch"),  # R1
    ("An inspection found that 15 depots had no sprinklers.", "number_mismatch"),  # R2
    ("An inspection found that 12 depots had sprinklers.", "negation"),  # R2
    ("Homes in the north district could still get heat on Monday.", "negation"),  # R3: the when-clause's own verb
    ("The union said it would strike.", "negation"),  # R3: the main clause's verb
    ("Engineers did not seal the pipe on Monday.", "negation"),
]


@pytest.mark.parametrize(("claim", "sentence"), SUPPORTED)
def test_supported_by_the_sentence_that_states_it(check: Check, claim: str, sentence: str) -> None:
    report = check(claim)

    assert report.verdict == "supported"
    assert report.evidence[0].text == sentence
    assert "negation" not in codes(report.evidence)


@pytest.mark.parametrize(("claim", "code"), CONFLICTING)
def test_still_conflicting_for_its_reason(check: Check, claim: str, code: str) -> None:
    report = check(claim)

    assert report.verdict == "conflicting"
    assert code in codes(report.evidence)


# R1. only the name an article is about, and only with nobody else in its place


@pytest.mark.parametrize(
    "claim",
    [
        "Corvex Energy said the leak lasted six days.",  # the article is not about Corvex
        "Brindle Gas said repairs to the compressor station would take a month.",  # another firm's story
    ],
)
def test_an_unnamed_company_is_only_the_one_its_article_is_about(check: Check, claim: str) -> None:
    assert check(claim).verdict == "not_found"


def test_an_organisation_named_speaking_in_the_sentence_is_not_the_article_topic(nlp: Language) -> None:
    body = "Brindle Gas has 40,000 customers.\n\nCorvex Energy said the leak lasted six days.\n"
    check = checker_for(nlp, [("corpus/084_leak.txt", "Valley Post", "Brindle Gas fined after pipeline leak", body)])

    assert check("Brindle Gas said the leak lasted six days.").verdict != "supported"


def test_a_name_only_the_body_repeats_is_not_the_article_topic(nlp: Language) -> None:
    body = (
        "Brindle Gas has 40,000 customers.\n\nBrindle Gas owns the pipeline.\n\n"
        "Brindle Gas was fined in 2019.\n\nThe company said the leak lasted six days.\n"
    )
    check = checker_for(nlp, [("corpus/085_leak.txt", "Valley Post", "Pipeline leak in the valley", body)])

    assert check("Brindle Gas said the leak lasted six days.").verdict == "not_found"


# R2. the reporting verb is left out of what is matched


def test_the_reporting_verb_is_not_a_word_the_claim_must_match(nlp: Language) -> None:
    claim = extract_claims(
        "A review found that 40 percent of valves lacked gauges.", nlp=nlp, speakers=SpeakerResolver()
    )[0]
    kept = extract_claims("Crews found the leak.", nlp=nlp, speakers=SpeakerResolver())[0]

    assert "find" not in claim.key_lemmas and "lack" in claim.key_lemmas
    assert "find" in kept.key_lemmas  # "found the leak": an object, the verb is the claim's


# R3. which negations bear on a claim, read off the sentence


@pytest.mark.parametrize(
    ("claim", "source", "bears"),
    [
        ("The council approved the plan.", "The council, which did not vote last year, approved the plan.", False),
        ("Nurses opened patient records.", "Staff found the attack on Sunday, when nurses could not open patient records.", True),
        ("Staff found the attack on patient records.", "Staff found the attack on Sunday, when nurses could not open patient records.", False),
        ("The plant will reopen.", "The plant will not reopen while the inquiry goes on.", True),
        # "not ... until" says when, not whether: it will reopen once the inquiry ends
        ("The plant will reopen.", "The plant will not reopen until the inquiry ends.", False),
        ("The inquiry ends in May.", "The plant will not reopen until the inquiry ends in May.", False),
        # "no <noun> of/that ...": the whole complement is denied, however long
        ("A truck fell into the river.", "Police said they had no record of anyone hurt in a truck falling into the river.", True),
    ],
)
def test_a_negation_bears_on_the_claim_only_in_its_own_clause(
    nlp: Language, claim: str, source: str, bears: bool
) -> None:
    parsed = extract_claims(claim, nlp=nlp, speakers=SpeakerResolver())[0]

    assert bool(scoped_negations(parsed, source)) is bears
