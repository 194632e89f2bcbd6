"""One finding answers every restatement of the claim its article makes before it: a debunk
quotes a post's words, restates the claim as what a video claims, then answers it once. The
finding read for the restatement answers the post's words too, so they support nothing."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

DEBUNK = """"Stage COLLAPSED during setup at the Harlow County Fair yesterday!! 4 stagehands hurt," says a Facebook post shared more than 3,000 times since Sunday.

A viral video claims to show a stage collapsing during setup at the Harlow County Fair and injuring four stagehands.

Local police report no stage accidents at the fairgrounds.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("debunks/060_stage.txt", "Truth Meter", "What we know about the video", DEBUNK)])


def test_the_posts_words_give_way_to_the_finding_on_the_videos_claim(check: Check) -> None:
    report = check("A stage collapsed during setup at the Harlow County Fair.")

    assert report.verdict == "conflicting"
    assert not [e for e in report.evidence if e.stance == "supports"], report.evidence
    (finding,) = [e for e in report.evidence if e.stance == "conflicts"]
    assert finding.text == "Local police report no stage accidents at the fairgrounds."


def test_what_the_post_said_is_still_supported(check: Check) -> None:
    report = check("A Facebook post said a stage collapsed during setup at the Harlow County Fair.")

    assert report.verdict == "supported"
