"""The claim matcher's in-memory index, on SQLite and PostgreSQL: it follows the store (a
review saved after the first check is matched by the next one, a new rating is shown), and
its partial sort ranks exactly as a full sort would, and a claim's words read from the
check's own parse are the words the matcher would read. Made-up fact-check desk."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.language import Language

from bot.check.claim_selection import select_claims
from bot.core.models import Review
from bot.store.review_index import analyse_texts, index_reviews, tagged_lemmas
from bot.check.review_matching import ReviewMatcher, best_rows
from bot.language.speakers import SpeakerResolver
from bot.model.sentence_encoder import load_encoder
from bot.store.base import Store


def review(claim: str, url: str, rating: str = "False") -> Review:
    return Review(key=url, claim_reviewed=claim, rating=rating, reviewer="Harbour Checks", url=url)


WATER = review("Tap water in Ardmore is contaminated with lead", "https://checks.example/ardmore-water")
FERRY = review("The Ardmore ferry was cancelled for the whole winter", "https://checks.example/ferry")
PARAPHRASE = "Ardmore's drinking water is full of lead"


def test_a_review_saved_after_the_first_check_is_matched_by_the_next(
    store: Store, store_url: str, open_store_at: Callable[[str], Store], nlp: Language
) -> None:
    encoder = load_encoder()
    index_reviews([FERRY], nlp=nlp, store=store, encoder=encoder)
    matcher = ReviewMatcher(store, nlp, encoder)
    assert matcher.match(PARAPHRASE) == []  # the index is built here, without the water review

    index_reviews([WATER], nlp=nlp, store=store, encoder=encoder)
    first = matcher.match(PARAPHRASE)
    assert [m.url for m in first] == [WATER.url] and first[0].rating == "False"

    other_replica = open_store_at(store_url)  # e.g. `factcheck ingest` while the bot runs
    corrected = WATER.model_copy(update={"rating": "Mostly false"})
    index_reviews([corrected], nlp=nlp, store=other_replica, encoder=encoder)
    assert [m.rating for m in matcher.match(PARAPHRASE)] == ["Mostly false"]


def test_a_message_s_claims_are_matched_together_as_each_alone(store: Store, nlp: Language) -> None:
    encoder = load_encoder()
    index_reviews([WATER, FERRY], nlp=nlp, store=store, encoder=encoder)
    matcher = ReviewMatcher(store, nlp, encoder)
    claims = [PARAPHRASE, "The ferry to Ardmore stopped running all winter", "Parliament meets on Tuesday"]

    together = matcher.match_all(claims)

    assert together == {claim: matcher.match(claim) for claim in claims}
    assert [m.url for m in together[claims[1]]] == [FERRY.url] and together[claims[2]] == []


def test_reviews_worded_alike_rank_in_the_order_they_were_saved(store: Store, nlp: Language) -> None:
    copies = [review(WATER.claim_reviewed, f"https://desk{n}.example/water") for n in range(4)]
    index_reviews(copies, nlp=nlp, store=store, encoder=load_encoder())
    ids = sorted(r.id for r in store.reviews() if r.id is not None)

    ranked = ReviewMatcher(store, nlp, load_encoder()).rank(PARAPHRASE, limit=3)

    assert [r.review_id for r in ranked] == ids[:3]
    assert len({r.score for r in ranked}) == 1


def test_a_review_saved_without_a_vector_is_still_matched_on_its_words(store: Store, nlp: Language) -> None:
    index_reviews([WATER], nlp=nlp, store=store, encoder=load_encoder())
    index_reviews([FERRY], nlp=nlp, store=store, encoder=None)  # e.g. ingested where no encoder was

    ranked = ReviewMatcher(store, nlp, load_encoder()).rank("Ardmore ferry cancelled in winter", limit=2)

    by_url = {r.url: r.id for r in store.reviews()}
    assert ranked[0].review_id == by_url[FERRY.url] and ranked[0].dense == 0.0 and ranked[0].lexical > 0


def test_the_partial_sort_gives_the_head_of_a_stable_full_sort() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        scores = np.round(rng.random(300), 1).astype(np.float32)  # few distinct values: many ties
        rows = np.flatnonzero(rng.random(300) < 0.7)
        for limit in (1, 3, 5, 250):
            expected = rows[np.argsort(-scores[rows], kind="stable")[:limit]]
            assert best_rows(scores, rows, limit).tolist() == expected.tolist()


def test_a_one_sentence_message_gives_the_matcher_the_words_it_would_read_itself(nlp: Language) -> None:
    messages = [
        "McDonald's is getting rid of their Dollar Menu in January of 2016.",  # the parser moves a tag
        "Hegseth said the US would deploy 3,000 troops to Ukraine.",
        "Did Hegseth say the US will send troops?",
        PARAPHRASE,
    ]
    for message in messages:
        selection = select_claims(message, nlp=nlp, speakers=SpeakerResolver())
        for claim in selection.claims:
            if claim.text in selection.tagged:
                assert tagged_lemmas(selection.tagged[claim.text], nlp) == analyse_texts([claim.text], nlp)[0]
    assert set(select_claims(messages[0], nlp=nlp, speakers=SpeakerResolver()).tagged) == {messages[0]}


def test_a_sentence_of_a_longer_message_is_left_to_the_matcher(nlp: Language) -> None:
    message = "The Ardmore ferry was cancelled. Tap water in Ardmore is contaminated with lead."

    selection = select_claims(message, nlp=nlp, speakers=SpeakerResolver())

    assert len(selection.claims) == 2 and selection.tagged == {}
