"""Whom "she" is: a sentence opening with the pronoun goes on about the person the sentence
before names first, its subject ("Delgado set bail at $40,000 for Pruitt. She set Lacey's bail
at $10,000."), and a surname written alone is that of the person the article named in full
("Judge Rosa Delgado"), though the tagger may miss it. A sentence naming someone the claim does
not is about that person, not about one named before it."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.references import _preceding_person
from bot.check.retrieve import Candidate
from bot.core.models import Article, Entity, Passage

COURT = (
    "news/320_court.txt",
    "Calder Courier",
    "Two men plead not guilty in parking meter scam",
    "Dana Pruitt, 41, of Millbrook, and Owen Lacey, 37, of Eastfield, pleaded not guilty on Tuesday "
    "during a short hearing before Judge Rosa Delgado. Delgado set bail at $40,000 cash for Pruitt, "
    "citing his earlier fraud conviction. She set Lacey's bail at $10,000. Lacey posted bail the same "
    "afternoon.",
)


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [COURT])


def test_she_is_the_judge_named_first_in_the_sentence_before(check: Check) -> None:
    right = check("Judge Delgado set Owen Lacey's bail at $10,000.")
    wrong = check("Judge Delgado set Owen Lacey's bail at $40,000.")

    assert right.verdict == "supported"
    assert right.evidence[0].text == "She set Lacey's bail at $10,000."
    assert wrong.verdict == "conflicting"
    assert wrong.evidence[0].text == "She set Lacey's bail at $10,000."
    assert "$10,000" in wrong.evidence[0].reasons[0].detail


def test_a_sentence_about_someone_else_does_not_support_a_claim_about_the_one_named_before(check: Check) -> None:
    report = check("Dana Pruitt had his bail set at $10,000.")

    assert report.verdict == "conflicting"
    assert all("Lacey" not in e.text for e in report.evidence)


def _passage(position: int, text: str, people: list[str]) -> Passage:
    return Passage(
        position=position, text=text, entities=[Entity(text=p, label="PERSON", canonical=p) for p in people]
    )


def test_a_lone_word_tagged_as_a_person_is_not_taken_for_the_subject() -> None:
    article = Article(path="news/x.txt", content_hash="x", title="", outlet="Wire", body="")
    passages = [
        _passage(0, "Defence Minister Ivo Marten flew to Oslo on Monday.", ["Ivo Marten"]),
        _passage(1, "Speaking at a meeting on aid for Lviv, Marten stressed that the talks would go on.", ["Lviv", "Marten"]),
    ]
    candidate = Candidate(kind="fact", text="He also ruled out new sanctions.", article=article, passage_position=2)

    assert _preceding_person(candidate, passages) == "Marten"
