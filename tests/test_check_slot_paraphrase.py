"""A slot the source fills with another word: the rules read "The race started" where the claim
says "The half marathon began" as another matter (`check_slots`), which is right for "an
American schoolteacher" against "an American journalist" and wrong for a paraphrase. The model
decides between them: the rules' support stands when it reads the sentence as the claim (its
entailment the likeliest reading), short of the 0.955 it needs to cite a sentence alone."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

import bot.check.pipeline as pipeline
from bot.check.model_judgement import SLOT_PARAPHRASE, SUPPORT_ALONE, Judgement, paraphrased
from bot.check.retrieve import Alignment
from bot.check.stance import Assessment

RUN = (
    "news/312_run.txt",
    "Brockley Courier",
    "Hundreds brave rain for Brockley half marathon",
    "The race started at 8:15 a.m. at Corliss Green under grey skies, with a light rain falling. "
    "Organizers said the course followed the river path to the old mill and back. More than 900 "
    "runners took part in the Brockley half marathon on Sunday, the most since 2019.",
)
HOSTAGE = (
    "news/311_release.txt",
    "Wire",
    "Freed schoolteacher lands in Washington",
    "The deal secured the release of an American schoolteacher held in Russia since 2021.",
)
CLAIM = "The half marathon began at 8:15 a.m. at Corliss Green."


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [RUN, HOSTAGE])


def _reading(monkeypatch: pytest.MonkeyPatch, entailment: float) -> None:
    """Both models read every sentence with this entailment (the real ones are surer of this
    pair than a paraphrase usually gets)."""
    monkeypatch.setattr(
        pipeline, "judge", lambda claim, candidates, *_, **__: [Judgement(entailment, 1 - entailment, 0.0)] * len(candidates)
    )


def test_a_paraphrased_slot_the_model_reads_as_the_claim_supports(check: Check, monkeypatch: pytest.MonkeyPatch) -> None:
    _reading(monkeypatch, 0.8)
    assert 0.8 < SUPPORT_ALONE  # not enough to cite the sentence on the model's word alone

    report = check(CLAIM)

    assert report.verdict == "supported"
    assert report.evidence[0].text.startswith("The race started at 8:15 a.m. at Corliss Green")


def test_a_paraphrased_slot_the_model_does_not_read_as_the_claim_is_no_evidence(
    check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    _reading(monkeypatch, 0.3)

    assert check(CLAIM).verdict == "not_found"


def test_another_person_in_the_slot_is_still_another_matter(check: Check) -> None:
    report = check("The deal secured the release of an American journalist held in Russia.")

    assert report.verdict != "supported"


@pytest.mark.parametrize(("entailment", "stands"), [(SLOT_PARAPHRASE, True), (SLOT_PARAPHRASE - 0.01, False)])
def test_the_models_entailment_decides(entailment: float, stands: bool) -> None:
    rules = Assessment(stance="supports", score=0.6)
    judgement = Judgement(entailment, 1 - entailment, 0.0)

    found = paraphrased(rules, Alignment(coverage=0.8, score=0.6), judgement)

    assert (found is not None) == stands
    if found is not None:
        assert found.stance == "supports"
        assert found.score == round((0.6 + entailment) / 2, 4)  # the model's reading counts
