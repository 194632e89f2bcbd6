"""Words of the claim in a sentence about something else are no support.

With a large archive indexed, the rules find a claim's words in old stories: "secure
their release" and "American hostages" in a 1986 arms deal stand for "The US secured the
release of an American schoolteacher". A fact-checker rejects that at a glance. The
sentence encoder puts such a sentence far from the claim and the model reads it as
unrelated, so it is dropped; the sentence about the schoolteacher stays.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

FOGEL = """The US also secured the release of an American schoolteacher, Marc Fogel, who had been imprisoned in Russia for four years.
"""
REAGAN = """President Ronald Reagan was so consumed with American hostages held in the Middle East that he traded arms with Iran to secure their release.
"""
ARTICLES = [
    ("corpus/910_fogel.txt", "Harbour Herald", "Schoolteacher freed in exchange", FOGEL),
    ("archive/911_swap.txt", "Capital Post", "In prisoner swap, compassion versus caution", REAGAN),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_sentence_about_another_matter_is_not_cited_as_support(check) -> None:
    report = check("The US secured the release of an American schoolteacher.")
    assert report.verdict == "supported", report.evidence
    assert [e.article.path.split("/")[-1] for e in report.evidence] == ["910_fogel.txt"]


def test_the_sentence_about_the_claim_still_supports_it_alone(nlp: Language) -> None:
    report = checker_for(nlp, ARTICLES[:1])("The US secured the release of an American schoolteacher.")
    assert report.verdict == "supported", report.evidence
    assert "Marc Fogel" in report.evidence[0].text
