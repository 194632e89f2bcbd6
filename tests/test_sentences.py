"""Sentence boundaries: a passage is one whole sentence, never half of one."""

from __future__ import annotations

from spacy.language import Language


def test_a_title_abbreviation_does_not_end_the_sentence_before_the_name(nlp: Language) -> None:
    doc = nlp(
        "An earlier version of this story incorrectly said Capt. Ronald Iverholt had led the crew "
        "for 12 years. He has led it for 20 years. Gov. Maura Healey and Lt. Dana Cole spoke."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "An earlier version of this story incorrectly said Capt. Ronald Iverholt had led the crew for 12 years.",
        "He has led it for 20 years.",
        "Gov. Maura Healey and Lt. Dana Cole spoke.",
    ]


def test_a_sentence_ending_in_a_full_stop_before_a_name_still_ends(nlp: Language) -> None:
    doc = nlp("The meeting was chaired by the mayor. Ronald Iverholt spoke next.")
    assert len(list(doc.sents)) == 2


def test_a_title_word_written_out_still_ends_its_sentence(nlp: Language) -> None:
    # "state", "home" and "party" are title words too, but written out they end sentences
    doc = nlp("He served as secretary of state. Carter took office later. She went home. In other words, no.")
    assert len(list(doc.sents)) == 4


def test_an_abbreviation_ends_its_sentence_before_a_capitalised_function_word(nlp: Language) -> None:
    doc = nlp(
        "The first of the nine reached the surface shortly after 5 a.m. The last, shift supervisor "
        "Ray Tuilagi, 54, stepped out at 6:10 a.m. on Friday. The contract went to Ossery River "
        "Launch Co. It starts at 5 p.m. Tuesday in St. Louis."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "The first of the nine reached the surface shortly after 5 a.m.",
        "The last, shift supervisor Ray Tuilagi, 54, stepped out at 6:10 a.m. on Friday.",
        "The contract went to Ossery River Launch Co.",
        "It starts at 5 p.m. Tuesday in St. Louis.",
    ]
