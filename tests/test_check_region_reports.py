"""A support whose claim words lie apart in the sentence (no aligned span) is still examined
when it reports what a post says ("A post says the wildfire was set by an arsonist who can
be seen in a video" for "A video shows the arsonist who set the wildfire"),
and gives way to its article's finding; one a named person reports, or one the writer cites
("according to its annual report"), stays the writer's report."""

from __future__ import annotations

from check_world import index_articles
from spacy.language import Language

from bot.check.claims import parse_claim
from bot.check.reported_claims import examined_claims
from bot.check.retrieve import passage_candidate
from bot.check.stance import Assessment
from bot.language.speakers import SpeakerResolver

RULING = "Fact check: No, a video does not show an arsonist setting the Pine Hollow wildfire"
DEBUNK = """A post shared in local groups says the Pine Hollow wildfire was set by an arsonist who can be seen in a video.

The video was filmed in 2017 in another state, and the wildfire was started by a downed power line, fire officials said.
"""

NEWS = """Dunmore Water collected 124 samples from taps around its system in April, and none contained E. coli, said Oswin Terry, the utility's water quality manager.

The state health department confirmed that Dunmore has not had a positive E. coli result since at least 2024.
"""

CITED = """In 2030, the Dunmore shelter euthanized 31 animals out of about 1,900 it took in, according to its annual report.

The shelter is not planning to euthanize 120 dogs, on Saturday or on any other day.
"""


def examined(nlp: Language, headline: str, body: str, claim_text: str) -> list[tuple[str, str]]:
    """What `examined_claims` keeps of the article's first sentence read as support with no
    aligned span."""
    speakers = SpeakerResolver()
    store = index_articles(nlp, speakers, [("archive/080_story.txt", "Dunmore Daily", headline, body)], with_headings=True)
    (article,) = store.articles()
    passages = store.passages(article.id)
    claim = parse_claim(nlp(claim_text)[:], nlp=nlp, speakers=speakers)
    support = passage_candidate(next(p for p in passages if p.kind == "body"), article)
    kept = examined_claims(
        claim,
        [(support, Assessment(stance="supports", score=0.7, highlight=None))],
        nlp=nlp,
        passages=lambda _: passages,
        stop_words=frozenset(nlp.Defaults.stop_words),
    )
    return [(c.text, a.stance) for c, a in kept]


def test_what_a_post_says_gives_way_to_the_headlines_ruling(nlp: Language) -> None:
    kept = examined(nlp, RULING, DEBUNK, "A video shows the arsonist who set the Pine Hollow wildfire.")

    assert kept == [(RULING, "conflicts")]


def test_what_a_named_person_reports_stays_support(nlp: Language) -> None:
    kept = examined(nlp, "Tap water tests clean", NEWS, "All 124 samples Dunmore Water took in April tested negative for E. coli")

    assert [stance for _, stance in kept] == ["supports"], kept


def test_what_a_cited_report_says_stays_support(nlp: Language) -> None:
    kept = examined(nlp, "Shelter is not euthanizing 120 dogs", CITED, "The Dunmore shelter euthanized 31 of the roughly 1,900 animals it took in during 2030")

    assert [stance for _, stance in kept] == ["supports"], kept
