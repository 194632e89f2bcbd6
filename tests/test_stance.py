"""Stance with reasons, on small hand-written articles indexed through the real ingest path.

Each test is a claim a reporter might paste, and what the bot must answer:
supported by a paraphrase, or conflicting with a reason they can read.
"""

from __future__ import annotations


import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language


GAZETTE = """Mayor Alice Brennan said on Wednesday that the city would not close the Eastgate library.

"We will keep every branch open, and we need to hire more librarians," Brennan told reporters.

The council approved a budget of 12 million dollars for libraries.

Inspecting the harbour bridge took over 90 minutes, engineers said.

The storm hit the Pacific coast of Mexico on Tuesday.

Ticket prices rose by 5 percent in January, the transit authority said.

"We must start by recognising that the old tunnel plan is an unrealistic objective," Brennan said.
"""

WIRE = """The city will not close the Eastgate library, Mayor Alice Brennan said on Wednesday.

The council approved a budget of 12 million dollars for libraries.

"We must start by recognizing that the old tunnel plan is an unrealistic objective," Brennan said.

Governor Tom Ellis said the state would fund two new ferries for the northern islands.
"""

ARTICLES = [
    ("corpus/001_gazette.txt", "Harbour Gazette", "Library stays open", GAZETTE),
    ("corpus/002_wire.txt", "Coastal Wire", "Mayor keeps libraries", WIRE),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_paraphrase_is_supported_by_both_outlets(check) -> None:
    report = check("Brennan said the city will not close the Eastgate library.")
    assert report.verdict == "supported"
    assert report.outlets_supporting == 2
    assert all(e.stance == "supports" for e in report.evidence)


def test_a_flipped_negation_conflicts_with_reason_negation(check) -> None:
    report = check("Brennan said the city would close the Eastgate library.")
    assert report.verdict == "conflicting"
    assert "negation" in codes(report.evidence)
    assert all(e.reasons for e in report.evidence)


def test_an_antonym_conflicts(check) -> None:
    report = check("Ticket prices fell by 5 percent in January.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"antonym"}


def test_a_different_number_conflicts_and_wire_copy_is_grouped(check) -> None:
    report = check("The council approved a budget of 20 million dollars for libraries.")
    assert report.verdict == "conflicting"
    assert len(report.evidence) == 1  # two outlets, one line
    evidence = report.evidence[0]
    assert {r.code for r in evidence.reasons} == {"number_mismatch"}
    assert (
        "20 million" in evidence.reasons[0].detail
        and "12 million" in evidence.reasons[0].detail
    )
    assert [a.outlet for a in evidence.also_in] and report.outlets_conflicting == 2


def test_comparatives_are_understood(check) -> None:
    assert (
        check("Inspecting the harbour bridge took more than 90 minutes.").verdict
        == "supported"
    )
    longer = check("Inspecting the harbour bridge took three hours.")
    assert longer.verdict == "conflicting"
    assert codes(longer.evidence) == {"number_mismatch"}


def test_a_wrong_weekday_conflicts(check) -> None:
    report = check("The storm hit the Pacific coast of Mexico on Friday.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"date_mismatch"}
    assert "Friday" in report.evidence[0].reasons[0].detail


def test_a_swapped_place_conflicts(check) -> None:
    report = check("The storm hit the Atlantic coast of Mexico.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"entity_mismatch"}
    assert "Pacific" in report.evidence[0].reasons[0].detail


def test_words_given_to_the_wrong_person(check) -> None:
    report = check(
        'Ellis said: "We will keep every branch open, and we need to hire more librarians."'
    )
    assert report.verdict == "conflicting"
    reason = next(
        r for e in report.evidence for r in e.reasons if r.code == "speaker_mismatch"
    )
    assert "Alice Brennan" in reason.detail and "Tom Ellis" in reason.detail


def test_a_changed_word_in_a_quote_is_a_misquote_with_the_difference(check) -> None:
    report = check(
        'Brennan said: "We will keep every branch open, and we need to hire fewer librarians."'
    )
    assert report.verdict == "conflicting"
    reason = next(r for e in report.evidence for r in e.reasons if r.code == "misquote")
    assert (
        "hire more librarians" in reason.detail
        and "hire fewer librarians" in reason.detail
    )


def test_a_spelling_variant_is_not_a_misquote_and_says_so(check) -> None:
    report = check(
        'Brennan said: "We must start by recognizing that the old tunnel plan is an unrealistic objective."'
    )
    assert report.verdict == "supported"
    assert "misquote" not in codes(report.evidence)
    assert report.outlets_supporting == 2
    variant = [r for e in report.evidence for r in e.reasons if r.code == "variant"]
    assert variant and "recognising" in variant[0].detail


def test_unknown_and_merely_related_claims_are_not_found(check) -> None:
    assert check("The zoo bought two pandas from China.").verdict == "not_found"
    assert (
        check("Brennan said the city would open a new football stadium.").verdict
        == "not_found"
    )


def test_a_message_with_several_claims_answers_each(check) -> None:
    report = check(
        "Hi all. The council approved a budget of 12 million dollars for libraries. "
        "Ticket prices fell by 5 percent in January. Can you check?"
    )
    assert [c.verdict for c in report.claims] == ["supported", "conflicting"]
    assert report.verdict == "mixed"


def test_automatic_mode_stays_quiet_without_evidence(check) -> None:
    quiet = check(
        "The zoo bought two pandas from China. Thanks everyone!", automatic=True
    )
    assert quiet.verdict == "not_found" and not quiet.evidence and not quiet.claims
    asked = check("The zoo bought two pandas from China.")
    assert asked.verdict == "not_found"


def test_evidence_points_back_to_its_source(check) -> None:
    report = check("Governor Ellis said the state would fund two new ferries.")
    assert report.verdict == "supported"
    best = report.evidence[0]
    assert best.article.outlet == "Coastal Wire"
    assert best.passage_id is not None or best.quote_id is not None
    assert best.highlight and best.highlight in best.text
    payload = report.model_dump(mode="json")
    assert set(payload) >= {"claim", "verdict", "evidence", "claims"}
    assert set(payload["evidence"][0]) >= {
        "stance",
        "kind",
        "text",
        "speaker",
        "score",
        "reasons",
        "article",
    }
