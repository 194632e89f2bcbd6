"""A debunk often denies a rumour in words of its own ("There is no evidence that
happened."), which the stance model reads as neutral to the claim. Where the article withholds
its word on the claim it restates ("A post claims S") and gives no ruling right after it, the
ruling model reads the candidate findings too, and the surer reading counts. A plain report
("..., the parks director said") is not asked of it: that model reads ordinary reporting as
contradiction too readily."""

from __future__ import annotations

import pytest
from spacy.language import Language

import bot.check.reported_claims as reported_claims
from bot.check.claims import Claim
from bot.check.model_judgement import Judgement
from bot.check.reported_claims import examined_claims
from bot.check.retrieve import Candidate
from bot.check.stance import Assessment
from bot.core.models import Article, Passage

CLAIM = Claim(text="A patient died at Harwick Memorial because of the blackout",
              content="A patient died at Harwick Memorial because of the blackout",
              key_lemmas=["patient", "die", "harwick", "memorial", "blackout"])
DENIAL = "There is no evidence that happened, the state health department said."
ARTICLE = Article(id=1, path="checks/blackout.txt", content_hash="x", title="", outlet="Delmore Fact Desk", body="")


def _passage(position: int, text: str, nlp: Language) -> Passage:
    lemmas = " ".join(t.lemma_.lower() for t in nlp(text) if not t.is_punct)
    return Passage(id=position + 1, article_id=1, position=position, text=text, lemmas=lemmas)


def _examined(nlp: Language, restatement: str, highlight: str, passages: list[Passage]) -> list[tuple[str, str]]:
    framed = Candidate(kind="fact", text=restatement, lemmas=passages[0].lemmas, article=ARTICLE,
                       passage_id=1, passage_position=0)
    support = Assessment(stance="supports", score=0.9, highlight=highlight)
    examined = examined_claims(CLAIM, [(framed, support)], nlp=nlp, passages=lambda article: passages,
                               stop_words=frozenset(nlp.Defaults.stop_words))
    return [(c.text, a.stance) for c, a in examined]


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stance model reads the denial as neutral, the ruling model as a contradiction."""
    asked: list[str] = []

    def judge(claim, candidates, *args, model=None):
        asked.extend(("ruling" if model else "stance") + ": " + c.text for c in candidates)
        neutral, denial = Judgement(0.02, 0.9, 0.08), Judgement(0.02, 0.18, 0.8)
        return [denial if model and c.text == DENIAL else neutral for c in candidates]

    monkeypatch.setattr(reported_claims, "judge", judge)
    return asked


def test_a_withheld_claim_is_answered_by_a_denial_only_the_second_reader_reads(
    nlp: Language, readers: list[str]
) -> None:
    restatement = "A post shared 4,000 times claims a patient died at Harwick Memorial because of the blackout."
    passages = [_passage(0, restatement, nlp), _passage(1, DENIAL, nlp)]

    examined = _examined(nlp, restatement, "a patient died at Harwick Memorial because of the blackout", passages)

    assert examined == [(DENIAL, "conflicts")]
    assert f"ruling: {DENIAL}" in readers


def test_a_plain_report_is_not_asked_of_the_second_reader(nlp: Language, readers: list[str]) -> None:
    restatement = "A patient died at Harwick Memorial because of the blackout, the hospital's director said."
    passages = [_passage(0, restatement, nlp), _passage(1, DENIAL, nlp)]

    examined = _examined(nlp, restatement, "A patient died at Harwick Memorial because of the blackout", passages)

    assert examined == [(restatement, "supports")]
    assert not [r for r in readers if r.startswith("ruling: ") and DENIAL in r]
