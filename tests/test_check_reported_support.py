"""A claim about what a post or a person said is supported by a sentence reporting the same.

"A TikTok video said that the fair had been called off" against "A viral video on TikTok
says this year's fair has been canceled": the model compares what the two report (it reads
the two frames poorly), and the sentence's frame must name the claim's speaker. The bare
claim is still the article's finding's business.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.claims import parse_claim
from bot.check.reported_claims import _frame_fits, _frame_subjects, _spans, writers_denials_dropped
from bot.check.retrieve import Candidate, passage_candidate
from bot.check.stance import Assessment
from bot.core.models import Article, Passage, Reason
from bot.language.speakers import SpeakerResolver

DEBUNK = """A viral video on TikTok says this year's Dunmore County Fair has been canceled because of bird flu.

The Dunmore County Fair is not canceled. Only the live poultry shows are off this year, the fair board said.

The fair will run from Wednesday, Aug. 8, to Sunday, Aug. 12.
"""


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/801_fair.txt", "Valley Check", "No, the fair is not canceled", DEBUNK)])


@pytest.mark.parametrize(
    "claim",
    [
        "A TikTok video said that the Dunmore County Fair had been called off this year because of bird flu.",
        "Viral posts claimed that the Dunmore County Fair had been called off this year because of bird flu.",
    ],
)
def test_a_sentence_reporting_the_same_supports_the_report(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence
    assert "TikTok" in report.evidence[0].text


FIRE = """The fire at the Greyling recycling yard in Calder Falls was still smouldering on Tuesday.

"This is a pile fire, and pile fires don't go out on a schedule," Fire Chief Dana Orlov said.

Crews will keep watering the bales through the week.
"""


def test_a_persons_paraphrased_words_are_found_where_the_rules_cannot_align_their_quote(nlp) -> None:
    # the index holds the words as Orlov's quote, but too loosely worded for the rules to read:
    # the sentence reporting them is compared with what the claim says she said
    check = checker_for(nlp, [("corpus/803_fire.txt", "Calder Falls Gazette", "Yard fire smoulders on", FIRE)])

    report = check("Fire Chief Dana Orlov warned that pile fires do not burn out on a timetable")

    assert report.verdict == "supported", report.evidence
    assert "don't go out on a schedule" in report.evidence[0].text


def _lemmas(nlp: Language, text: str) -> str:
    return " ".join(t.lemma_.lower() for t in nlp(text))


def test_the_writers_denial_does_not_conflict_with_what_a_post_claimed(nlp: Language) -> None:
    denial = "Kell River tap water does not contain 10 times the legal limit of fluoride."
    reported = "The utility said Kell River tap water does not contain 10 times the legal limit."
    article = Article(path="corpus/802_fluoride.txt", content_hash="x", title="VERIFY: fluoride")
    found = [
        (
            passage_candidate(Passage(text=text, position=i, lemmas=_lemmas(nlp, text)), article),
            Assessment(
                stance="conflicts",
                reasons=[Reason(code="negation", detail='the source says "not"')],
                score=0.8,
                highlight="Kell River tap water does not contain 10 times the legal limit",
            ),
        )
        for i, text in enumerate((denial, reported))
    ]
    speakers = SpeakerResolver()
    video = parse_claim(
        nlp("A viral video claimed that Kell River tap water contains ten times the legal limit of fluoride.")[:],
        nlp=nlp,
        speakers=speakers,
    )
    bare = parse_claim(nlp("Kell River tap water contains ten times the legal limit of fluoride.")[:], nlp=nlp, speakers=speakers)
    # the writer denies what the video claimed, not that the video claimed it; the utility's
    # denial is reported, and who reported what is the rules' call
    assert [c.text for c, _ in writers_denials_dropped(video, found, nlp)] == [reported]
    assert writers_denials_dropped(bare, found, nlp) == found


def test_the_frame_must_name_the_claims_speaker(check) -> None:
    report = check("Mayor Ida Kell said that the Dunmore County Fair had been called off this year because of bird flu.")
    assert all("TikTok" not in e.text for e in report.evidence if e.stance == "supports"), report.evidence


@pytest.mark.parametrize(
    ("claim", "sentence", "fits"),
    [
        ("A TikTok video said that the fair was off.", "A viral video on TikTok says the fair is off.", True),
        ("Hegseth said that the fair was off.", "Hegseth said on Monday that the fair is off.", True),
        ("Hegseth said that the fair was off.", "Putin said on Monday that the fair is off.", False),
        (
            "Dunmore's written report estimated that about 300 birds were entered.",
            '"Our best estimate is that about 300 birds were entered," Ruth Achter said.',
            False,
        ),
    ],
)
def test_the_frame_names_the_claims_source(nlp, claim, sentence, fits) -> None:
    source = _frame_subjects(claim, nlp)[0]
    start, end, _ = max(_spans(sentence, nlp), key=lambda s: s[1] - s[0])
    candidate = Candidate(
        kind="fact", text=sentence, article=Article(path="corpus/801_fair.txt", content_hash="x")
    )
    assert _frame_fits(source, candidate, start, end, nlp) is fits


def test_the_bare_claim_is_not_supported_by_the_report(check) -> None:
    report = check("The Dunmore County Fair has been called off this year because of bird flu.")
    assert report.verdict != "supported", report.evidence


def test_a_phrasal_verb_reporting_nothing_names_no_speaker(nlp) -> None:
    claim = parse_claim(
        nlp("Viral posts claimed that the Dunmore County Fair had been called off.")[:],
        nlp=nlp,
        speakers=SpeakerResolver(),
    )
    assert claim.speaker is None
    assert "Dunmore County Fair" in claim.content
