"""Two consecutive sentences that state a claim together are support, cited as one excerpt.

A reporter joins facts a writer put in consecutive sentences ("parents filed a ... lawsuit"
then "The suit ... seeks $12 million"). When no sentence states the claim alone, the model
reads the sentences the rules found nothing in with their neighbours; the rules still
compare the figures, and a heading, or a neighbour that states or denies the claim alone,
lends nothing.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.claims import Claim, parse_claim
from bot.check.joined_sentences import _adds_the_rest, _best_pairs, figures_agree, joined_candidate, neighbours
from bot.check.retrieve import Candidate, passage_candidate
from bot.core.models import Article, Passage
from bot.language import extract_quantities
from bot.language.speakers import SpeakerResolver

RECALL = """Dunford Pharma recalled its children's cough syrup on Monday after tests found a dosing error.

Also on Thursday, a group of parents filed a proposed class-action lawsuit against Dunford Pharma in Marlow County Court. The suit, brought by the Marlow firm Keel & Haskins, seeks $12 million in damages for families whose children took the recalled syrup.

Checks found nothing

Health officer Ines Varga said the county had looked into four reports of illness during the week. None of them was linked to the syrup, she said.

Varga visited the Dunford plant on Friday and met the plant manager at the gate. The company later said the plant would reopen next month.
"""
ARTICLES = [("corpus/501_recall.txt", "Marlow Courier", "Parents sue Dunford over syrup recall", RECALL)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_claim_two_sentences_state_together_is_supported_by_both(check) -> None:
    report = check("On Thursday, parents filed a proposed class action against Dunford Pharma seeking $12 million in damages.")
    assert report.verdict == "supported", report.evidence
    cited = report.evidence[0].text
    assert "class-action lawsuit" in cited and "seeks $12 million" in cited


def test_the_rules_still_compare_the_figures_of_both_sentences(check) -> None:
    report = check("On Thursday, parents filed a proposed class action against Dunford Pharma seeking $20 million in damages.")
    assert report.verdict != "supported", report.evidence


# the pieces, on sentences as the index stores them


def _passages(nlp: Language, text: str) -> list[Passage]:
    doc = nlp(text)
    return [
        Passage(
            id=100 + i,
            position=i,
            text=s.text.strip(),
            lemmas=" ".join(t.lemma_.lower() for t in s),
            quantities=extract_quantities(s),
        )
        for i, s in enumerate(doc.sents)
    ]


def _candidate(passage: Passage) -> Candidate:
    article = Article(path="corpus/501_recall.txt", content_hash="x", title="Parents sue Dunford")
    return passage_candidate(passage, article)


def _claim(nlp: Language, text: str) -> Claim:
    return parse_claim(nlp(text)[:], nlp=nlp, speakers=SpeakerResolver())


SUIT = (
    "A group of parents filed a proposed class-action lawsuit against Dunford Pharma on Thursday. "
    "The suit seeks $12 million in damages. "
    "Checks found nothing"
)


def test_a_sentence_is_read_with_the_one_before_and_the_one_after(nlp) -> None:
    passages = _passages(nlp, SUIT)
    pairs = neighbours(_candidate(passages[1]), passages)
    assert [p.neighbour_id for p in pairs] == [100]  # the heading after it is no neighbour
    assert pairs[0].text.startswith("A group of parents") and pairs[0].text.endswith("damages.")


def test_the_claims_figures_are_compared_in_both_sentences(nlp) -> None:
    passages = _passages(nlp, SUIT)
    joined = joined_candidate(_candidate(passages[0]), neighbours(_candidate(passages[0]), passages)[0])
    said = "Parents filed a class action against Dunford Pharma seeking {} million in damages."
    assert figures_agree(_claim(nlp, said.format("$12")), joined)
    assert not figures_agree(_claim(nlp, said.format("$20")), joined)


def test_the_joined_excerpt_is_negated_where_either_sentence_is(nlp) -> None:
    passages = _passages(nlp, "The county filed a lawsuit against Dunford Pharma on Thursday. It did not seek damages.")
    passages[1] = passages[1].model_copy(update={"negated": True})  # as the ingest's parse stores it
    first = _candidate(passages[0])

    assert not first.negated
    assert joined_candidate(first, neighbours(first, passages)[0]).negated


def test_the_neighbour_adds_words_but_lends_no_subject(nlp) -> None:
    passages = _passages(nlp, "Ines Varga visited the plant on Friday. Brook was coy about the deal.")
    coy = _candidate(passages[1])
    pair = neighbours(coy, passages)[0]
    assert not _adds_the_rest(_claim(nlp, "Ines Varga was coy about the deal."), coy, pair)
    visit = _candidate(passages[0])
    assert _adds_the_rest(
        _claim(nlp, "Ines Varga visited the plant and was coy about the deal."), visit, neighbours(visit, passages)[0]
    )


def test_a_neighbour_that_denies_the_claim_alone_lends_nothing(nlp) -> None:
    """Read together, "met Trump at the White House" and a sentence naming the Kremlin state
    "met Trump at the Kremlin" for the model (entailment 0.99); the first alone denies it."""
    passages = _passages(
        nlp,
        "Fogel flew home to the US on Tuesday and met Trump and other dignitaries at the White House that evening. "
        "Trump was coy about what the deal involved, but the Kremlin since said a Russian prisoner was being released.",
    )
    coy = _candidate(passages[1])
    assert _best_pairs(_claim(nlp, "Fogel met Trump at the Kremlin."), [(coy, neighbours(coy, passages))]) == [None]
