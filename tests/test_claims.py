"""Claim parsing: which sentences of a message get checked, and what each one says."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.check.claims import Claim
from bot.language.nlp import load_pipeline
from bot.language.speakers import SpeakerResolver


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture()
def speakers() -> SpeakerResolver:
    resolver = SpeakerResolver()
    resolver.register("Alice Brennan")
    resolver.register("Tom Ellis")
    return resolver


def one_claim(text: str, nlp: Language, speakers: SpeakerResolver) -> Claim:
    claims = extract_claims(text, nlp=nlp, speakers=speakers)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def test_a_message_is_split_into_its_check_worthy_sentences(nlp, speakers) -> None:
    message = (
        "Hi team! The council approved a budget of 12 million dollars for libraries. "
        "Mayor Brennan said the city would close the Eastgate library. Can you check this?"
    )
    claims = extract_claims(message, nlp=nlp, speakers=speakers)
    assert [c.text for c in claims] == [
        "The council approved a budget of 12 million dollars for libraries.",
        "Mayor Brennan said the city would close the Eastgate library.",
    ]


def test_a_direct_request_without_a_named_fact_is_still_answered(nlp, speakers) -> None:
    claims = extract_claims("the library will close soon", nlp=nlp, speakers=speakers)
    assert [c.text for c in claims] == ["the library will close soon"]
    assert (
        extract_claims(
            "thanks, can you check this?", nlp=nlp, speakers=speakers, automatic=True
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Brennan said the city would close the Eastgate library.",
        "The city would close the Eastgate library, Brennan said.",
        "Mayor Alice Brennan said that the city would close the Eastgate library.",
    ],
)
def test_the_attributed_speaker_is_resolved_and_stripped_from_the_content(
    nlp, speakers, text
) -> None:
    claim = one_claim(text, nlp, speakers)
    assert claim.speaker == "Alice Brennan"
    assert claim.content.lower().startswith("the city would close the eastgate library")
    assert "say" not in claim.key_lemmas
    assert {"close", "library"} <= set(claim.key_lemmas)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Marcus Feld, chief executive of the Port of Ardmore Authority, said perishable goods spoil first.",
         "Marcus Feld"),
        ("Renata Vos, who directs the Tamarack Conservation District, said the plan would keep the wetland.",
         "Renata Vos"),
        ('"You don\'t send an invoice first," said Curtis Oyelaran, general manager of Dunmore Municipal '
         "Utilities.", "Curtis Oyelaran"),
    ],
)
def test_a_named_speakers_description_is_not_the_speaker(nlp, speakers, text, speaker) -> None:
    # the organisation at the end of "chief executive of ..." works for the speaker
    assert one_claim(text, nlp, speakers).speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a place or product a preposition hangs on a common noun names no speaker
        ("Officers in Dunmore County are writing $200 tickets for expired registrations.", None),
        ("Residents of Tessford reported brown water on Monday.", None),
        ("The recall of Calmex Junior syrup was announced on Tuesday.", None),
        # an office of a named place does
        ("The mayor of Dunmore said the city would close the Eastgate library.", "mayor Dunmore"),
    ],
)
def test_a_speaker_is_named_by_the_subject_not_by_what_it_is_in_or_of(nlp, speakers, text, speaker) -> None:
    claim = one_claim(text, nlp, speakers)
    assert (claim.speaker_mention if speaker else claim.speaker) == speaker


def test_what_someone_told_people_to_do_is_the_content_not_the_people(nlp, speakers) -> None:
    claim = one_claim(
        "Tom Ellis told residents to boil their water for one minute before drinking it.", nlp, speakers
    )
    assert claim.speaker == "Tom Ellis"
    assert {"resident", "boil", "water", "drink"} <= set(claim.key_lemmas)


def test_colon_attribution_and_quoted_words(nlp, speakers) -> None:
    claim = one_claim(
        'Ellis: "We will finish the bridge repairs before the summer."', nlp, speakers
    )
    assert claim.speaker == "Tom Ellis"
    assert claim.quoted == ["We will finish the bridge repairs before the summer"]

    said = one_claim('Brennan said: "We need to hire more librarians."', nlp, speakers)
    assert said.speaker == "Alice Brennan"
    assert said.quoted == ["We need to hire more librarians"]


def test_a_quote_spanning_two_sentences_stays_one_claim(nlp, speakers) -> None:
    claim = one_claim(
        'Brennan said: "The branch stays open. We will hire staff."', nlp, speakers
    )
    assert claim.quoted == ["The branch stays open. We will hire staff"]


def test_negation_numbers_dates_and_names_are_parsed(nlp, speakers) -> None:
    claim = one_claim(
        "The council did not approve 20 million dollars for Eastgate on March 12.",
        nlp,
        speakers,
    )
    assert claim.negated
    assert [q.value for q in claim.quantities] == [20_000_000]
    assert [(d.month, d.day) for d in claim.dates] == [(3, 12)]
    assert not claim.dates_with_year
    assert any(n.text == "Eastgate" for n in claim.names)

    weekday = one_claim("The Harbour bridge reopened on Friday.", nlp, speakers)
    assert weekday.weekdays == ["Friday"]
    assert not weekday.negated


def test_slack_markup_is_not_part_of_a_claim(nlp, speakers) -> None:
    claim = one_claim(
        "<@U123ABC> The Harbour bridge reopened on Friday <https://example.org|link>",
        nlp,
        speakers,
    )
    assert "U123ABC" not in claim.text and "example" not in claim.text


def test_an_idiom_like_took_place_claims_neither_a_taking_nor_a_place(nlp, speakers) -> None:
    claim = one_claim("The council vote took place on March 3.", nlp, speakers)
    assert not {"take", "place"} & set(claim.key_lemmas)
    assert {"council", "vote"} <= set(claim.key_lemmas)
