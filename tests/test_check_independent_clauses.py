"""Two clauses with subjects of their own, in one claim: each is checked on its own.

"The gang encrypted 400 servers, and the hospital cancelled 1,200 operations"
states one fact about the gang and one about the hospital; so do "...; ..." and
"..., while ...", "..., so ...". When one is supported and the other contradicted, the claim is
"mixed" and the report lists both parts. A pronoun left in the second part
("agreed to pay it") stays unresolved: the part is checked on the words it has.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.compound_claims import claim_parts

DISTRICT = """Hackers broke into the computer network of the Dunmore water district last week.

The attackers demanded $3 million in cryptocurrency, according to the district.

The district board voted to pay the ransom on Friday, its chairman told reporters.

The gang also copied 800 customer records, and the district notified the police.
"""
ARTICLES = [("corpus/611_district.txt", "Valley Times", "Water district hacked", DISTRICT)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "The crew loaded 90 crates, and the captain signed the manifest.",
            ["The crew loaded 90 crates.", "The captain signed the manifest."],
        ),
        (
            "The crew loaded 90 crates; the captain signed the manifest.",
            ["The crew loaded 90 crates.", "The captain signed the manifest."],
        ),
        (
            "The crew loaded 90 crates, while the captain refused to sign the manifest.",
            ["The crew loaded 90 crates.", "The captain refused to sign the manifest."],
        ),
        (  # the parser takes "passengers" for one more thing loaded
            "The crew loaded 90 crates and passengers were sent to the upper deck.",
            ["The crew loaded 90 crates.", "Passengers were sent to the upper deck."],
        ),
        (
            "The captain declared an emergency, so passengers were sent to the upper deck.",
            ["The captain declared an emergency.", "Passengers were sent to the upper deck."],
        ),
    ],
)
def test_clauses_with_their_own_subjects_are_cut_apart(nlp: Language, sentence, parts) -> None:
    assert claim_parts(sentence, nlp) == parts


@pytest.mark.parametrize(
    "sentence",
    [
        "The crew loaded the crates while the captain watched.",  # a time, not a second fact
        "The ferry left on Friday, the captain said.",  # what was said, not a second clause
        "The crew loaded 90 crates and 40 barrels on Friday.",  # two objects of one verb
    ],
)
def test_one_statement_stays_whole(nlp: Language, sentence) -> None:
    assert claim_parts(sentence, nlp) == []


def test_a_wrong_sum_beside_a_right_act_is_mixed(check: Check) -> None:
    report = check("The attackers demanded $5 million, and the district board voted to pay it.")

    assert report.verdict == "mixed"
    by_part = {part.text: part for part in report.claims}
    assert by_part["The attackers demanded $5 million."].verdict == "conflicting"
    assert codes(by_part["The attackers demanded $5 million."].evidence) == {"number_mismatch"}
    assert by_part["The district board voted to pay it."].verdict == "supported"


def test_both_parts_stated_is_supported(check: Check) -> None:
    report = check("The attackers demanded $3 million; the district board voted to pay it.")

    assert report.verdict == "supported"


def test_a_wrong_count_in_the_second_clause_of_one_source_sentence(check: Check) -> None:
    report = check("The gang copied 500 customer records, and the district notified the police.")

    assert report.verdict == "mixed"
    conflicting = [p for p in report.claims if p.verdict == "conflicting"]
    assert [p.text for p in conflicting] == ["The gang copied 500 customer records."]
    detail = conflicting[0].evidence[0].reasons[0].detail
    assert detail == "claim: 500 customer records; source: 800 customer records"


def test_the_number_compared_is_the_one_on_the_claims_own_verb(nlp: Language) -> None:
    check = checker_for(
        nlp,
        [(
            "corpus/612_pay.txt",
            "Valley Times",
            "Pay talks",
            "The drivers' union demanded a 9 percent rise, and the bus company"
            " offered 4 percent.\n",
        )],
    )

    report = check("The bus company offered 6 percent.")

    assert report.verdict == "conflicting"
    assert report.evidence[0].reasons[0].detail == "claim: 6 percent; source: 4 percent"
