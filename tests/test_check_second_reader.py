"""A second reader: where the stance model leans to reading a sentence as the claim
(entailment 0.7 or more, short of the 0.955 it needs alone), the ruling model reads it too,
in one batch, and the two together are support when that one is sure (0.9). Neither reads a
claim's "not" well, so a negated claim is left to the rules."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

import bot.check.pipeline as pipeline
from bot.check.claims import parse_claim
from bot.check.model_judgement import Judgement, combine, wants_second_reading
from bot.check.retrieve import Alignment, Candidate
from bot.core.models import Article
from bot.language.speakers import SpeakerResolver
from bot.model.stance_model import ruling

SINKHOLE = (
    "news/070_sinkhole.txt",
    "Delmore Gazette",
    "Sinkhole swallows part of Delmore parking lot",
    "A sinkhole opened under the Garland Avenue parking lot in Delmore early Tuesday. Surveyors "
    "estimated the crater at about 30 feet deep, the county said. No one was hurt.",
)
ESTIMATE = "Surveyors put the crater's depth at around 30 feet."


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [SINKHOLE])


def test_a_paraphrase_both_models_read_as_the_claim_is_support(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    second_reads: list[int] = []
    judge = pipeline.judge

    def counted(claim, candidates, *args, **options):
        if options.get("model") is ruling():
            second_reads.append(len(candidates))
        return judge(claim, candidates, *args, **options)

    monkeypatch.setattr(pipeline, "judge", counted)

    report = check(ESTIMATE)

    assert report.verdict == "supported"
    assert report.evidence[0].text.startswith("Surveyors estimated the crater at about 30 feet deep")
    assert second_reads == [1]  # one batched call for the check


def _candidate(text: str) -> Candidate:
    article = Article(path="news/x.txt", content_hash="x", title="", outlet="Gazette", body="")
    return Candidate(kind="fact", text=text, article=article, passage_position=1)


@pytest.mark.parametrize(
    ("second", "stance"),
    [(Judgement(0.95, 0.04, 0.01), "supports"), (Judgement(0.6, 0.35, 0.05), None)],
)
def test_the_second_reader_decides_a_leaning_reading(nlp: Language, second: Judgement, stance: str | None) -> None:
    claim = parse_claim(nlp(ESTIMATE)[:], nlp=nlp, speakers=SpeakerResolver())
    candidate = _candidate("Surveyors estimated the crater at about 30 feet deep, the county said.")
    alignment = Alignment(coverage=0.6, score=0.6)
    leaning = Judgement(0.8, 0.1, 0.1)

    found = combine(claim, candidate, alignment, None, leaning, frozenset(), second=second)

    assert wants_second_reading(claim, candidate, None, leaning, alignment)
    assert (found.stance if found else None) == stance


@pytest.mark.parametrize(
    ("claim_text", "entailment"),
    [
        ("Not a single crater in Delmore is deeper than 10 feet.", 0.8),  # a negated claim: the rules' call
        (ESTIMATE, 0.96),  # sure enough alone
        (ESTIMATE, 0.5),  # the stance model does not lean to it
    ],
)
def test_what_the_second_reader_is_not_asked(nlp: Language, claim_text: str, entailment: float) -> None:
    claim = parse_claim(nlp(claim_text)[:], nlp=nlp, speakers=SpeakerResolver())
    candidate = _candidate("Surveyors estimated the crater at about 30 feet deep, the county said.")

    asked = wants_second_reading(
        claim, candidate, None, Judgement(entailment, 1 - entailment, 0.0), Alignment(coverage=0.6)
    )

    assert not asked
