"""Whose words a sentence reports when it does not name anyone: "He also warned ...", a sentence
opening a quotation, a quote the index could not attribute. For "Brandt said ..." such a
sentence is evidence only in an article that names Brandt: in a large archive the same
pronoun opens sentences about everybody else."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

BRANDT = """Defence Minister Ola Brandt met allied ministers in Vienna on Thursday.

Brandt said the alliance needed a new air-defence plan before the winter.

He also warned that the harbour fees at Kessel would double next year.
"""
ELSEWHERE = """The council of Marrow met on Tuesday to discuss the port budget.

He also warned that the harbour fees at Kessel would double next year.

"The ferry timetable will be cut in half from March," the statement read.
"""


@pytest.fixture(scope="module")
def check_both(nlp: Language) -> Check:
    return checker_for(
        nlp,
        [
            ("corpus/080_brandt.txt", "Capital Post", "Brandt in Vienna", BRANDT),
            ("corpus/081_marrow.txt", "Marrow Mail", "Port budget", ELSEWHERE),
        ],
    )


@pytest.fixture(scope="module")
def check_elsewhere(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/081_marrow.txt", "Marrow Mail", "Port budget", ELSEWHERE)])


def test_he_in_an_article_naming_the_speaker_reports_the_speaker(check_both: Check) -> None:
    report = check_both("Brandt said the harbour fees at Kessel would double next year.")

    assert report.verdict == "supported", report.evidence
    assert {e.article.path for e in report.evidence} == {"corpus/080_brandt.txt"}


def test_he_in_an_article_that_never_names_the_speaker_is_no_evidence(check_elsewhere: Check) -> None:
    report = check_elsewhere("Brandt said the harbour fees at Kessel would double next year.")

    assert report.verdict == "not_found", report.evidence


def test_a_quote_nobody_is_credited_with_is_not_the_claimed_speakers(check_elsewhere: Check) -> None:
    report = check_elsewhere("Brandt said the ferry timetable will be cut in half from March.")

    assert report.verdict == "not_found", report.evidence


def test_the_same_sentences_still_support_a_claim_without_a_speaker(check_elsewhere: Check) -> None:
    report = check_elsewhere("The harbour fees at Kessel would double next year.")

    assert report.verdict == "supported", report.evidence


# An organisation named speaking, then called by its kind ("The company said ..."), under a
# headline about another matter: its words after its own sentence, not after another's.
RECALL = """Brackenridge Laboratories said on Wednesday that its customer hotline had received about 9,000 calls since the recall was announced. The company said families could return bottles to any store for a full refund, even without a receipt.
"""
REGULATOR = """The Medicines Safety Authority said on Wednesday that it had received about 9,000 reports since the recall was announced. The agency said families could return bottles to any store for a full refund, even without a receipt.
"""
CLAIM = "Brackenridge said families could get a full refund without a receipt."


@pytest.fixture(scope="module")
def check_recall(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/920_calls.txt", "EBC News", "Poison centre swamped with calls", RECALL)])


def test_the_company_named_speaking_before_speaks_again(check_recall: Check) -> None:
    report = check_recall(CLAIM)
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].text.startswith("The company said families")


def test_after_another_organisation_speaking_the_words_are_not_its(nlp: Language) -> None:
    check = checker_for(nlp, [("corpus/921_calls.txt", "EBC News", "Poison centre swamped with calls", REGULATOR)])
    assert check(CLAIM).verdict == "not_found"
