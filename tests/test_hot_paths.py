"""The shortcuts the benchmark's profile asked for give the same answers as the slow paths.

Quotes' facts are parsed in one batch per check, entities are read from a sentence's own
tokens, and speaker lookups are remembered; none of that may change what the engine says.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from bot.language.facts import entities_within
from bot.core.models import Article
from bot.language.quote_cues import same_paragraph
from bot.check.retrieve import Candidate, enrich, enrich_many
from bot.language.speakers import SpeakerResolver

ARTICLE = Article(path="corpus/quotes.txt", content_hash="x", published=dt.date(2024, 3, 14), body="")


def quote(text: str) -> Candidate:
    return Candidate(kind="quote", text=text, facts_known=False, article=ARTICLE)


def test_quotes_enriched_in_one_batch_have_the_facts_one_by_one_parsing_gives(nlp: Language) -> None:
    texts = [
        "We will not send 5,000 troops to Poland before March 2025",
        "Mayor Ana Ruiz said the bridge would reopen on Friday",
        "Nothing was agreed",
    ]
    batch = enrich_many([quote(t) for t in [*texts, texts[0]]], nlp)
    single = [enrich(quote(t), nlp) for t in texts]

    assert all(c.facts_known for c in batch)
    assert [c.model_dump() for c in batch[:3]] == [c.model_dump() for c in single]
    assert batch[3].model_dump() == batch[0].model_dump()  # the same words once


def test_facts_of_passages_are_left_as_they_are(nlp: Language) -> None:
    passage = Candidate(kind="fact", text="The port reopened on Monday.", article=ARTICLE)

    assert enrich_many([passage], nlp) == [passage]


def test_entities_within_a_sentence_are_those_spacy_gives_for_it(nlp: Language) -> None:
    doc = nlp(
        "Pete Hegseth spoke in Brussels on Wednesday. NATO allies met Hegseth.\n\n"
        "The European Union said it would pay 20 billion euros."
    )
    for sent in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sent.ents]
        assert [(e.start, e.end, e.label_) for e in entities_within(sent)] == expected
    assert list(entities_within(doc)) == list(doc.ents)


def test_same_paragraph_stops_at_a_line_break(nlp: Language) -> None:
    doc = nlp("Reyes said it was over.\nThe minister disagreed.")
    reyes, minister = doc[0], doc[7]

    assert same_paragraph(doc[0], doc[2])
    assert not same_paragraph(reyes, minister)
    assert not same_paragraph(minister, reyes)


def test_a_remembered_lookup_gives_way_to_a_name_registered_later() -> None:
    speakers = SpeakerResolver()
    assert speakers.canonical("Okafor") == "Okafor"  # nobody known yet

    speakers.register("Helen Okafor")

    assert speakers.canonical("Okafor") == "Helen Okafor"
    assert "Helen Okafor" in speakers.known_speaker_set()


def test_close_spellings_and_initials_resolve_to_the_full_name_seen() -> None:
    speakers = SpeakerResolver()
    speakers.register("Volodymyr Zelensky")
    speakers.register("Vladimir Putin")

    assert speakers.canonical("Volodymyr Zelenskyy") == "Volodymyr Zelensky"
    assert speakers.canonical("V. Putin") == "Vladimir Putin"
    assert speakers.canonical("Vladimir Puttin") == "Vladimir Putin"
    assert speakers.canonical("Olena Zelenska") == "Olena Zelenska"  # another person
