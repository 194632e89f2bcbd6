"""Which of a claim's words reach the full-text search: the rare ones, names, quoted words.

A news archive has words in a large share of its passages ("say", "president");
searching them makes the index rank most of itself for every check while
telling candidates apart hardly at all.
"""

from __future__ import annotations

from pathlib import Path

from store_fixtures import numbered_articles, parsed_article, passage

from bot.check.retrieve import (
    COMMON_MIN_PASSAGES,
    MAX_TERMS,
    POSTINGS_BUDGET,
    select_terms,
)
from bot.store.sqlite import SQLiteStore

BIG = 100_000  # passages in a large archive: 8% is 8,000


def test_words_in_a_large_share_of_passages_are_left_out_when_rarer_ones_remain() -> None:
    frequencies = {"say": 40_000, "president": 12_000, "tariff": 300, "steel": 900}

    terms = select_terms(["say", "president", "tariff", "steel"], frequencies, BIG)

    assert terms == ["tariff", "steel"]


def test_common_words_stay_when_fewer_than_two_rarer_ones_remain() -> None:
    frequencies = {"say": 9_000, "president": 8_500, "tariff": 300}  # 8% of BIG is 8,000

    terms = select_terms(["say", "president", "tariff"], frequencies, BIG)

    assert terms == ["tariff", "president", "say"]


def test_terms_stop_where_their_postings_pass_the_budget() -> None:
    frequencies = {"say": 40_000, "president": 12_000, "steel": 9_000, "tariff": 300}

    terms = select_terms(["say", "president", "steel", "tariff"], frequencies, 1_000_000)

    assert terms == ["tariff", "steel"]  # + "president" would read 21,300 postings
    assert sum(frequencies[t] for t in terms) <= POSTINGS_BUDGET


def test_the_two_rarest_terms_are_searched_whatever_their_postings() -> None:
    frequencies = {"say": 40_000, "president": 32_000, "tariff": 25_000}

    terms = select_terms(["say", "president", "tariff"], frequencies, 1_000_000)

    assert terms == ["tariff", "president"]


def test_a_small_index_keeps_its_common_words() -> None:
    """Below COMMON_MIN_PASSAGES postings a word costs nothing worth saving."""
    frequencies = {"say": COMMON_MIN_PASSAGES - 1, "tariff": 3, "steel": 5}

    terms = select_terms(["say", "tariff", "steel"], frequencies, 2_000)

    assert terms == ["tariff", "steel", "say"]


def test_at_most_max_terms_are_searched_rarest_first() -> None:
    words = [f"w{n}" for n in range(20)]
    frequencies = {w: 100 + n for n, w in enumerate(reversed(words))}

    terms = select_terms(words, frequencies, BIG)

    assert len(terms) == MAX_TERMS
    assert terms == sorted(terms, key=frequencies.__getitem__)
    assert "w19" in terms and "w0" not in terms  # w19 is the rarest


def test_names_and_quoted_words_are_kept_first_but_not_when_too_common() -> None:
    words = [f"w{n}" for n in range(15)] + ["zelensky", "realistic", "trump"]
    frequencies = {w: 10 for w in words} | {"zelensky": 2_000, "realistic": 3_000, "trump": 30_000}

    terms = select_terms(words, frequencies, BIG, protected={"zelensky", "realistic", "trump"})

    assert "zelensky" in terms and "realistic" in terms
    assert "trump" not in terms  # in 30% of passages: too common even for a name
    assert len(terms) == MAX_TERMS  # the two protected words took the place of two others


def test_words_absent_from_the_index_cost_nothing_and_are_kept() -> None:
    frequencies = {"say": 40_000, "tariff": 300, "steel": 900}

    terms = select_terms(["hegseth", "say", "tariff", "steel"], frequencies, BIG)

    assert terms == ["hegseth", "tariff", "steel"]


def test_frequencies_from_a_real_store_drive_the_choice(tmp_path: Path) -> None:
    store = SQLiteStore(f"sqlite:///{tmp_path / 'index.db'}")
    store.migrate()
    for parsed in numbered_articles(600):  # "the" in all 1,200 of their passages
        store.save_article(parsed)
    store.save_article(parsed_article("x/tariff.txt", [passage(0, "A steel tariff report from Rotterdam.")]))
    words = ["the", "report", "steel", "tariff"]

    terms = select_terms(words, store.term_frequencies(words), store.passage_count())

    assert store.passage_count() == 1_201
    assert terms == ["steel", "tariff", "report"]  # "the": 1,200 passages, over 8% and the floor
