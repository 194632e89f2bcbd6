"""Published fact-checks in the store, the same suite on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from bot.core.models import Review
from bot.store import open_store
from bot.store.base import Store
from bot.store.transfer import copy_store


def review(url: str | None = "https://checks.example/masks", rating: str = "False", **fields: object) -> Review:
    fields.setdefault("claim_reviewed", "Face masks cause oxygen deprivation in children")
    fields.setdefault("lemmas", "face mask cause oxygen deprivation child")
    fields.setdefault("claimant", "a viral post")
    return Review(
        key=url or "claim:masks",
        rating=rating,
        reviewer="Harbour Checks",
        date=dt.date(2025, 3, 3),
        url=url,
        **fields,  # type: ignore[arg-type]
    )


def vector(seed: int) -> bytes:
    values = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
    return (values / np.linalg.norm(values)).tobytes()


def test_a_review_is_saved_with_its_vector_and_read_back(store: Store) -> None:
    assert store.save_reviews([review()], [vector(1)]) == ["added"]

    stored = store.reviews()[0]
    assert (stored.claim_reviewed, stored.rating, stored.reviewer, stored.date) == (
        "Face masks cause oxygen deprivation in children", "False", "Harbour Checks", dt.date(2025, 3, 3),
    )
    vectors = store.review_vectors()
    assert vectors.ids == [stored.id] and vectors.embeddings == [vector(1)]
    assert store.reviews_by_id([stored.id])[stored.id].claimant == "a viral post"


def test_re_ingesting_the_same_review_changes_nothing(store: Store) -> None:
    store.save_reviews([review()], [vector(1)])
    stamp = store.reviews_stamp()

    assert store.save_reviews([review(source="again.csv")], [vector(1)]) == ["unchanged"]
    assert store.review_count() == 1 and store.reviews_stamp() == stamp


def test_a_new_rating_at_the_same_url_replaces_the_review_and_keeps_the_old_rating(store: Store) -> None:
    store.save_reviews([review(rating="Unproven")])
    stamp = store.reviews_stamp()

    assert store.save_reviews([review(rating="False")]) == ["updated"]

    (stored,) = store.reviews()
    assert stored.rating == "False" and stored.previous_rating == "Unproven"
    assert stored.rating_changed_at is not None
    assert store.reviews_stamp() != stamp  # a matcher holding old vectors reloads


def test_a_correction_that_keeps_the_rating_keeps_the_earlier_rating_change(store: Store) -> None:
    store.save_reviews([review(rating="Unproven")])
    store.save_reviews([review(rating="False")])

    store.save_reviews([review(rating="False", claimant="a viral video")])

    (stored,) = store.reviews()
    assert (stored.claimant, stored.previous_rating) == ("a viral video", "Unproven")


def test_reviews_without_url_are_told_apart_by_their_claim(store: Store) -> None:
    first = review(url=None)
    second = review(url=None, claim_reviewed="Tap water in Ardmore contains lead", lemmas="tap water lead")
    second = second.model_copy(update={"key": "claim:tap-water"})

    assert store.save_reviews([first, second]) == ["added", "added"]


def test_full_text_search_finds_reviews_by_their_words(store: Store) -> None:
    store.save_reviews(
        [
            review(),
            review(
                url="https://checks.example/water",
                claim_reviewed="Tap water in Ardmore contains lead",
                lemmas="tap water ardmore contain lead",
            ),
        ]
    )

    hits = store.search_reviews(["water", "lead"])

    assert [h.review.url for h in hits] == ["https://checks.example/water"]
    assert store.search_reviews(['"; DROP TABLE reviews; --']) == []


def test_copying_a_store_moves_reviews_with_their_vectors_and_rating_history(
    tmp_path: Path, store: Store
) -> None:
    source = open_store(f"sqlite:///{tmp_path / 'source.db'}")
    source.save_reviews([review(rating="Unproven")], [vector(3)])
    source.save_reviews([review(rating="False")], [vector(3)])

    first, again = copy_store(source, store), copy_store(source, store)
    source.close()

    (copied,) = store.reviews()
    assert (copied.rating, copied.previous_rating) == ("False", "Unproven")
    assert copied.rating_changed_at is not None
    assert store.review_vectors().embeddings == [vector(3)]
    assert (first.reviews_added, again.reviews_unchanged) == (1, 1)
