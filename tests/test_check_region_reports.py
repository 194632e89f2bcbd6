"""A support whose claim words lie apart in the sentence (no aligned span) is still examined
when it reports what a post or its sharers say ("users shared a video they said showed S"),
and gives way to its article's finding; one a named source reports stays the writer's report."""

from __future__ import annotations

from check_world import checker_for
from spacy.language import Language

DEBUNK = """As the Pine Hollow Fire burned through forest south of Dunmore this week, social media users shared a video they said showed an arsonist lighting the fire with a road flare.

The video was filmed in 2017 in another state, and the fire was started by a downed power line, fire officials said.
"""

NEWS = """Dunmore Water collected 124 samples from taps around its system in April, and none contained E. coli, said Oswin Terry, the utility's director.

The state health department confirmed that Dunmore has not had a positive E. coli result since at least 2024.
"""


def test_what_sharers_say_a_video_shows_gives_way_to_the_finding(nlp: Language) -> None:
    check = checker_for(nlp, [("debunks/070_fire.txt", "Truth Meter", "Fire video is old", DEBUNK)])

    report = check("A video shows the arsonist who started the Pine Hollow Fire.")

    assert report.verdict == "conflicting", report.evidence
    assert not [e for e in report.evidence if e.stance == "supports"]


def test_what_a_named_source_reports_stays_support(nlp: Language) -> None:
    check = checker_for(nlp, [("news/071_water.txt", "Dunmore Daily", "Tap water tests clean", NEWS)])

    report = check("All 124 samples Dunmore Water took in April tested negative for E. coli")

    assert report.verdict == "supported", report.evidence
