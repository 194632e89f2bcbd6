"""A debunk restates a rumour in its own words ("claims that the agency brought in 600
drivers"), so the restatement states less of the claim than a support must (the rules'
0.45); it is still where the article examines the claim, down to the share of words a report
of it states (`REPORT_COVERAGE`). A restatement giving another figure restates another
rumour, and its finding answers that one. A correction notice restates what it withdraws
("An earlier version of this story said S") with a plain reporting verb."""

from __future__ import annotations

import pytest
from spacy.language import Language

import bot.check.reported_claims as reported_claims
from bot.check.claims import Claim, parse_claim
from bot.check.model_judgement import Judgement
from bot.check.reported_claims import REPORT_COVERAGE, examined_claims, restatements
from bot.check.retrieve import Alignment, Candidate
from bot.core.models import Article, Passage
from bot.language.facts import analyse_sentence
from bot.language.speakers import SpeakerResolver

ARTICLE = Article(id=1, path="checks/drivers.txt", content_hash="x", title="Who is driving Harwick's buses",
                  outlet="Delmore Fact Desk", body="")
CLAIM = "Harwick Transit brought in 600 drivers from Canada to replace striking workers."


def _claim(nlp: Language, text: str = CLAIM) -> Claim:
    return parse_claim(nlp(text)[:], nlp=nlp, speakers=SpeakerResolver())


def _passage(nlp: Language, position: int, text: str) -> Passage:
    analysed = analyse_sentence(nlp(text)[:], position=position, published=None)
    return analysed.model_copy(update={"id": position + 1, "article_id": 1})


def _candidate(passage: Passage) -> Candidate:
    return Candidate(kind="fact", text=passage.text, lemmas=passage.lemmas, quantities=passage.quantities,
                     dates=passage.dates, entities=passage.entities, article=ARTICLE,
                     passage_id=passage.id, passage_position=passage.position)


def _tried(candidate: Candidate, coverage: float, highlight: str):
    return [[(candidate, Alignment(coverage=coverage, highlight=highlight), None)]]


def test_a_restatement_in_the_debunks_own_words_is_examined(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    restated = _passage(nlp, 1, 'A viral post claims that the agency "flew in 600 drivers from Canada overnight".')
    denial = _passage(nlp, 3, "Harwick Transit hired 90 temporary drivers through a staffing firm in Ohio.")
    passages = [restated, _passage(nlp, 2, "That is not what happened."), denial]
    read = {denial.text: Judgement(0.02, 0.1, 0.88)}
    monkeypatch.setattr(reported_claims, "judge",
                        lambda claim, cands, **_: [read.get(c.text, Judgement(0.0, 1.0, 0.0)) for c in cands])
    claim = _claim(nlp)
    tried = _tried(_candidate(restated), 0.35, "flew in 600 drivers from Canada overnight")

    found = restatements(claim, tried, [], nlp, REPORT_COVERAGE)
    examined = examined_claims(claim, [], nlp=nlp, passages=lambda article: passages,
                               stop_words=frozenset(nlp.Defaults.stop_words), restated=found)

    assert [c.text for c in found] == [restated.text]
    assert [(c.text, a.stance) for c, a in examined] == [(denial.text, "conflicts")]
    assert not restatements(claim, tried, [], nlp, 0.45)  # the rules' floor would not have reached it


def test_a_restatement_giving_another_figure_restates_another_rumour(nlp: Language) -> None:
    other = _passage(nlp, 1, 'A viral post claims that the agency "flew in 2,000 drivers from Canada overnight".')

    found = restatements(_claim(nlp), _tried(_candidate(other), 0.35, "flew in 2,000 drivers from Canada"),
                         [], nlp, REPORT_COVERAGE)

    assert found == []


@pytest.mark.parametrize(
    ("sentence", "restates"),
    [
        # a correction withdraws what it says an earlier version said
        ("Correction: An earlier version of this story said the agency flew in 600 drivers from Canada.", True),
        ("The agency flew in 600 drivers from Canada, its spokesperson Dana Reyes says.", False),  # a source's word
    ],
)
def test_what_a_correction_says_an_earlier_version_said_is_a_restatement(
    nlp: Language, sentence: str, restates: bool
) -> None:
    said = _passage(nlp, 1, sentence)

    found = restatements(_claim(nlp), _tried(_candidate(said), 0.6, "the agency flew in 600 drivers from Canada"),
                         [], nlp, REPORT_COVERAGE)

    assert bool(found) == restates
