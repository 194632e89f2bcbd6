"""A sentence that reports the claim's event with another place or body in the claim's slot
is a conflict, even when the rest is a paraphrase the rules cannot align.

The model alone reads "opened a shelter ... at the Dunmore YMCA" against "set up its shelter
... at Dunmore High School" as merely related. Asked about the claim with the sentence's
name in its place ("... at the Dunmore YMCA"), it recognises the event; the rules name the
two places.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claims import parse_claim
from bot.check.renamed_claims import renamed, same_slot, swaps
from bot.check.retrieve import passage_candidate
from bot.core.models import Article, Entity, Passage
from bot.language.speakers import SpeakerResolver

FLOOD = """The Kell River crested at 19 feet on Sunday, flooding more than 200 homes in Dunmore.

The American Red Cross opened a shelter for flood victims at the Dunmore YMCA on Park Street.

Eleven people were treated at Kelso General Hospital for injuries from the flood, a hospital spokesman said.

A 2023 safety review, prepared for the county by the engineering firm Halloran & Pike, rated the Kell River levee as poor.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/720_flood.txt", "Dunmore Courier", "Kell River floods Dunmore", FLOOD)])


def _claim(nlp: Language, text: str):
    return parse_claim(nlp(text)[:], nlp=nlp, speakers=SpeakerResolver())


def test_the_claim_is_read_with_the_sentences_names_in_place_of_its_own(nlp) -> None:
    claim = _claim(nlp, "The Red Cross set up its shelter at Dunmore High School.")
    school = next(n for n in claim.names if n.text == "Dunmore High School")
    ymca = Entity(text="the Dunmore YMCA", label="ORG", canonical="Dunmore YMCA")
    assert renamed(claim, [(school, ymca)]) == "The Red Cross set up its shelter at the Dunmore YMCA."


def _sentence(nlp: Language, text: str):
    doc = nlp(text)
    entities = [Entity(text=e.text, label=e.label_, canonical=e.text) for e in doc.ents]
    article = Article(path="corpus/720_flood.txt", content_hash="x", title="Kell River floods Dunmore")
    return passage_candidate(Passage(text=text, position=3, entities=entities), article)


def test_a_name_in_the_same_slot_is_found_by_the_parse(nlp) -> None:
    claim = _claim(nlp, "The 2023 safety review of the levee was prepared by the state Dam Safety Office.")
    source = _sentence(
        nlp,
        "A 2023 safety review, prepared for the county by the engineering firm Halloran & Pike, rated the levee as poor.",
    )
    assert [(n.text, s.text) for n, s in swaps(claim, source, nlp)] == [
        ("Dam Safety Office", "Halloran & Pike")
    ]


def test_a_name_after_the_same_preposition_on_another_word_is_not_in_the_same_slot(nlp) -> None:
    claim = _claim(nlp, "The county's relief center for flood victims is located at Dunmore High School.")
    source = _sentence(nlp, "Eleven flood victims were treated at Kelso General Hospital, a hospital spokesman said.")
    school = next(n for n in claim.names if n.text == "Dunmore High School")
    # the parse does not pair them (the rules' neighbouring words would: "at X" / "at Y";
    # the pipeline asks them only of sentences they read, see NOTES session 12)
    assert same_slot(claim, school, source, nlp) is None


def test_another_place_for_the_same_event_conflicts_with_both_names(check) -> None:
    report = check("The Red Cross set up its shelter for flood victims at Dunmore High School.")
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) == {"entity_mismatch"}
    assert "Dunmore High School" in report.evidence[0].reasons[0].detail
    assert "YMCA" in report.evidence[0].reasons[0].detail


def test_another_author_for_the_same_report_conflicts(check) -> None:
    report = check("The 2023 safety review that rated the Kell River levee as poor was prepared by the state Dam Safety Office.")
    assert report.verdict == "conflicting", report.evidence
    assert "entity_mismatch" in codes(report.evidence)


def test_the_same_place_is_no_conflict(check) -> None:
    report = check("The Red Cross set up its shelter for flood victims at the Dunmore YMCA.")
    assert report.verdict != "conflicting", report.evidence
