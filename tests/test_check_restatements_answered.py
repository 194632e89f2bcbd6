"""One finding answers every restatement of the claim its article makes before it: a debunk
quotes a post's words, restates the claim as what a video claims, then answers it once. The
finding read for the restatement answers the post's words too, so they support nothing."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, index_articles
from spacy.language import Language

from bot.check.claims import parse_claim
from bot.check.reported_claims import examined_claims
from bot.check.retrieve import align, passage_candidate
from bot.check.stance import Assessment
from bot.language.speakers import SpeakerResolver

DEBUNK = """"Stage COLLAPSED during setup at the Harlow County Fair yesterday!! 4 stagehands hurt," says a Facebook post shared more than 3,000 times since Sunday.

A viral video claims to show a stage collapsing during setup at the Harlow County Fair and injuring four stagehands.

Police and fire officials report no accidents at the fairgrounds this week.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("debunks/060_stage.txt", "Truth Meter", "What we know about the video", DEBUNK)])


def test_the_posts_words_give_way_to_the_finding_on_the_videos_claim(check: Check) -> None:
    report = check("A stage collapsed during setup at the Harlow County Fair.")

    assert report.verdict == "conflicting"
    assert not [e for e in report.evidence if e.stance == "supports"], report.evidence
    (finding,) = [e for e in report.evidence if e.stance == "conflicts"]
    assert finding.text == "Police and fire officials report no accidents at the fairgrounds this week."


def test_what_the_post_said_is_still_supported(check: Check) -> None:
    report = check("A Facebook post said a stage collapsed during setup at the Harlow County Fair.")

    assert report.verdict == "supported"


@pytest.mark.parametrize("post_first", [True, False])
def test_the_finding_answers_both_restatements_whichever_is_read_first(nlp: Language, post_first: bool) -> None:
    speakers = SpeakerResolver()
    store = index_articles(nlp, speakers, [("debunks/060_stage.txt", "Truth Meter", "What we know about the video", DEBUNK)])
    (article,) = store.articles()
    passages = store.passages(article.id)
    claim = parse_claim(nlp("A stage collapsed during setup at the Harlow County Fair.")[:], nlp=nlp, speakers=speakers)
    post, video = (
        passage_candidate(p, article) for p in passages if p.text.startswith(('"Stage', "A viral video"))
    )
    supports = [(c, Assessment(stance="supports", score=0.9, highlight=align(claim, c).highlight)) for c in (post, video)]

    examined = examined_claims(
        claim,
        supports if post_first else supports[::-1],
        nlp=nlp,
        passages=lambda _: passages,
        stop_words=frozenset(nlp.Defaults.stop_words),
    )

    assert [(c.text, a.stance) for c, a in examined] == [
        ("Police and fire officials report no accidents at the fairgrounds this week.", "conflicts")
    ]
