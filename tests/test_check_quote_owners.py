"""Who said a quote: the index knows, and a double-barrelled surname stays whole.

One outlet prints a minister's line with her name; another prints the same
line on its own, naming nobody. A claim giving the line to the opposition
leader is a speaker_mismatch in both, because the quote index attributes the
words. "Kowal-Brzeska" is one surname: her quotes are hers, not "Brzeska"'s.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_over, codes, index_articles
from spacy.language import Language

from bot.language.speakers import SpeakerResolver
from bot.store.base import Store

NAMED = """Defence Minister Marta Kowal-Brzeska toured the Gdynia shipyard on Monday.

"Poland cannot wait for the next crisis to build its fleet," Kowal-Brzeska told workers.

Opposition leader Tomasz Lind criticised the plan in a radio interview.

"The navy needs sailors, not more steel," he said.
"""
UNNAMED = """The Gdynia shipyard will hire 400 welders next year.

"Poland cannot wait for the next crisis to build its fleet."

The line drew loud applause from the workers.
"""
ARTICLES = [
    ("corpus/501_named.txt", "Baltic Wire", "Minister at the yard", NAMED),
    ("corpus/502_unnamed.txt", "Coastal Herald", "Yard to hire welders", UNNAMED),
]


@pytest.fixture(scope="module")
def world(nlp: Language) -> tuple[Store, Check]:
    speakers = SpeakerResolver()
    store = index_articles(nlp, speakers, ARTICLES)
    return store, checker_over(store, nlp, speakers)


def test_a_hyphenated_surname_is_the_speakers_whole_name(world) -> None:
    store, _ = world
    speakers = {hit.quote.speaker for hit in store.quotes()}
    assert "Marta Kowal-Brzeska" in speakers
    assert not any(s and s.endswith(" Brzeska") or s == "Brzeska" for s in speakers)


def test_her_quote_given_by_her_hyphenated_name_is_supported(world) -> None:
    _, check = world
    report = check('Kowal-Brzeska said "Poland cannot wait for the next crisis to build its fleet."')
    assert report.verdict == "supported", report.evidence


def test_someone_elses_quote_names_her_whole_name(world) -> None:
    _, check = world
    report = check('Kowal-Brzeska said "The navy needs sailors, not more steel."')
    assert report.verdict == "conflicting", report.evidence
    details = [r.detail for e in report.evidence for r in e.reasons if r.code == "speaker_mismatch"]
    assert details == ["the quote is Tomasz Lind's, not Marta Kowal-Brzeska's"]


def test_an_unattributed_copy_of_her_quote_is_hers_by_the_index(world) -> None:
    _, check = world
    report = check('Tomasz Lind said "Poland cannot wait for the next crisis to build its fleet."')
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) == {"speaker_mismatch"}
    herald = [e for e in report.evidence if e.article.outlet == "Coastal Herald"]
    assert herald and herald[0].speaker == "Marta Kowal-Brzeska"
    assert "as Baltic Wire reports it" in herald[0].reasons[0].detail


def test_the_unattributed_copy_still_supports_the_bare_statement(world) -> None:
    _, check = world
    report = check("Poland cannot wait for the next crisis to build its fleet.")
    assert report.verdict == "supported", report.evidence


SIGNED = """"The border fence will be finished by the summer." - Anna Wolska-Lis, interior ministry spokeswoman

Deputy Prime Minister Jan Kosiak-Nowicki said on Friday that the army would recruit 5,000 reservists.
"""


def test_a_signed_quote_and_reported_speech_keep_the_double_surname(nlp: Language) -> None:
    store = index_articles(nlp, SpeakerResolver(), [("corpus/503_signed.txt", "Baltic Wire", "Border", SIGNED)])
    speakers = {hit.quote.speaker for hit in store.quotes()}
    assert speakers == {"Anna Wolska-Lis", "Jan Kosiak-Nowicki"}
