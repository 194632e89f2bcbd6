"""Compound claims: each statement of one sentence checked on its own.

"X, who was jailed for five years, met the mayor on Tuesday", "The union
represents 3,000 staff and is seeking a 30 percent rise" and "X said A and that
B" state two things. When one part is supported and the other contradicted the
claim is "mixed", and the report lists each part in `claims`.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.compound_claims import claim_parts

PORT = """The Harbour Workers Union represents 3,000 staff and is seeking a 20 percent pay rise.

Union leader Piet Sorensen, who had been imprisoned for four years in the 1990s, met the mayor on Tuesday.

Mayor Lena Vik said the city would not step into the negotiations. Ships waited outside the harbour for a third day. Vik also said the port must settle the dispute.
"""
ARTICLES = [("corpus/321_port.txt", "Harbour Post", "Port strike", PORT)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Piet Sorensen, who was jailed for six years, met the mayor on Tuesday.",
            ["Piet Sorensen met the mayor on Tuesday.", "Piet Sorensen was jailed for six years."],
        ),
        (
            "Moreau, jailed in 2016 for leading a protest, met the minister on Tuesday.",
            [
                "Moreau met the minister on Tuesday.",
                "Moreau was jailed in 2016 for leading a protest.",
            ],
        ),
        (
            "The union represents 3,000 staff and is seeking a 30 percent pay rise.",
            ["The union represents 3,000 staff.", "The union is seeking a 30 percent pay rise."],
        ),
        (
            "Vik said the city would not step in and that the port must settle the dispute.",
            [
                "Vik said the city would not step in.",
                "Vik said that the port must settle the dispute.",
            ],
        ),
        (
            "The city would not intervene and would not pay, Vik said.",
            ["The city would not intervene, Vik said.", "The city would not pay, Vik said."],
        ),
    ],
)
def test_a_compound_sentence_is_cut_into_its_statements(nlp, sentence, parts) -> None:
    assert claim_parts(sentence, nlp) == parts


@pytest.mark.parametrize(
    "sentence",
    [
        "Hegseth said the US would not send troops to Ukraine.",
        "Trump and Putin agreed to meet in Saudi Arabia.",
        "The man who leads the union met the mayor.",
        'Vik said "the city will not step in and the port must pay".',
    ],
)
def test_one_statement_is_left_whole(nlp, sentence) -> None:
    assert claim_parts(sentence, nlp) == []


@pytest.mark.parametrize(
    "claim",
    [
        "The Harbour Workers Union represents 3,000 staff and is seeking a 30 percent pay rise.",
        "Piet Sorensen, who was jailed for six years, met the mayor on Tuesday.",
        "Piet Sorensen, jailed for six years, met the mayor on Tuesday.",
    ],
)
def test_one_part_supported_and_one_contradicted_is_mixed(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "mixed", report.evidence
    assert sorted(c.verdict for c in report.claims) == ["conflicting", "supported"]


@pytest.mark.parametrize(
    "claim",
    [
        "The Harbour Workers Union represents 3,000 staff and is seeking a 20 percent pay rise.",
        "Piet Sorensen, who was jailed for four years, met the mayor on Tuesday.",
    ],
)
def test_both_parts_stated_is_supported(check, claim) -> None:
    assert check(claim).verdict == "supported"


def test_parts_stated_in_two_sentences_are_found(check) -> None:
    report = check(
        "Vik said the city would not step into the negotiations"
        " and that the port must settle the dispute."
    )
    assert report.verdict == "supported", report.evidence
    assert [c.verdict for c in report.claims] == ["supported", "supported"]
