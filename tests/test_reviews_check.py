"""Published fact-checks matched to checked claims: CLI text, the JSON contract, re-ingest,
and the verdict staying the articles' own. Made-up newsroom and fact-check desk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_world import checker_over, index_articles
from click.testing import CliRunner
from spacy.language import Language

from bot.cli import cli
from bot.ingest.claim_reviews import reviews_from_html
from bot.store.review_index import index_reviews
from bot.check.review_matching import ReviewMatcher
from bot.language.speakers import SpeakerResolver
from bot.model.sentence_encoder import load_encoder

REVIEW_KEYS = {"claim_reviewed", "rating", "reviewer", "date", "url", "claimant", "score"}
FACT_CHECK_PAGE = """<!doctype html><html><head><title>Fact check: Ardmore tap water</title>
<meta property="og:site_name" content="Harbour Checks">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "@id": "#org", "name": "Harbour Checks"},
 {"@type": "ClaimReview", "url": "https://checks.example/ardmore-water",
  "claimReviewed": "Tap water in Ardmore is contaminated with lead",
  "author": {"@id": "#org"}, "datePublished": "2025-03-03",
  "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Tom Vale"}},
  "reviewRating": {"@type": "Rating", "alternateName": "False"}}]}
</script></head><body><article><h1>No, Ardmore's tap water is not full of lead</h1>
<p>A post shared widely this week said the town's tap water is contaminated with lead.
The Ardmore water board tested 120 homes in February and found lead below the legal limit in every one.</p>
<p>The board's chief chemist, Nadia Frost, said the pipes in the old town were replaced in 2019.</p>
</article></body></html>"""
NEWS = (
    "Ardmore water board says tap water is safe\n\n"
    "The Ardmore water board tested 120 homes in February and found lead below the legal limit in every one. "
    "Chief chemist Nadia Frost said the pipes in the old town were replaced in 2019.\n"
)
PARAPHRASE = "Ardmore's drinking water is full of lead"


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", f"sqlite:///{tmp_path / 'index.db'}")
    return CliRunner()


@pytest.fixture()
def desk(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "ardmore-water.html").write_text(FACT_CHECK_PAGE, encoding="utf-8")
    (folder / "news.txt").write_text(NEWS, encoding="utf-8")
    (folder / "export.csv").write_text(
        "claim,rating,reviewer,date,url,claimant\n"
        "The Ardmore ferry runs every hour,Mostly true,Coast Desk,2025-01-15,https://coast.example/ferry,\n"
        "No rating here,,Coast Desk,2025-01-16,https://coast.example/none,\n",
        encoding="utf-8",
    )
    return folder


def test_ingest_indexes_the_page_as_an_article_and_its_reviews(runner: CliRunner, desk: Path) -> None:
    first = runner.invoke(cli, ["ingest", str(desk)])
    again = runner.invoke(cli, ["ingest", str(desk)])

    assert "added 2, updated 0, unchanged 0, failed 1" in first.output  # the page and the news story
    assert "fact-checks: added 2, updated 0, unchanged 0" in first.output
    assert "export.csv#L3: fact-check record skipped: no rating" in first.output
    assert "fact-checks: added 0, updated 0, unchanged 2" in again.output
    sources = json.loads(runner.invoke(cli, ["sources", "--json"]).output)
    assert any(s["path"].endswith("ardmore-water.html") for s in sources)


def test_a_new_rating_at_the_same_url_updates_the_review(runner: CliRunner, desk: Path) -> None:
    runner.invoke(cli, ["ingest", str(desk)])
    export = desk / "export.csv"
    export.write_text(export.read_text(encoding="utf-8").replace("Mostly true", "True"), encoding="utf-8")

    result = runner.invoke(cli, ["ingest", str(export)])

    assert "fact-checks: added 0, updated 1, unchanged 0" in result.output
    found = json.loads(runner.invoke(cli, ["reviews", "Ardmore ferry", "--json"]).output)
    assert found[0]["rating"] == "True"


def test_the_json_report_lists_the_matching_review_first_in_the_contract_shape(
    runner: CliRunner, desk: Path
) -> None:
    runner.invoke(cli, ["ingest", str(desk)])

    report = json.loads(runner.invoke(cli, ["check", PARAPHRASE, "--json"]).output)

    best = report["reviews"][0]
    assert set(best) == REVIEW_KEYS
    assert best | {"score": 0} == {
        "claim_reviewed": "Tap water in Ardmore is contaminated with lead", "rating": "False",
        "reviewer": "Harbour Checks", "date": "2025-03-03", "url": "https://checks.example/ardmore-water",
        "claimant": "Tom Vale", "score": 0,
    }
    assert 0 < best["score"] <= 1
    assert list(report)[:4] == ["claim", "verdict", "evidence", "reviews"]


def test_each_claim_of_a_message_carries_its_own_reviews(runner: CliRunner, desk: Path) -> None:
    runner.invoke(cli, ["ingest", str(desk)])

    report = json.loads(
        runner.invoke(cli, ["check", f"{PARAPHRASE}. The Ardmore ferry runs every hour.", "--json"]).output
    )

    assert len(report["claims"]) == 2
    water, ferry = report["claims"]
    assert water["reviews"][0]["url"] == "https://checks.example/ardmore-water"
    assert ferry["reviews"][0]["url"] == "https://coast.example/ferry"
    assert {r["url"] for r in report["reviews"]} >= {
        "https://checks.example/ardmore-water", "https://coast.example/ferry"
    }


def test_the_cli_text_shows_previously_checked_before_the_evidence(runner: CliRunner, desk: Path) -> None:
    runner.invoke(cli, ["ingest", str(desk)])

    text = runner.invoke(cli, ["check", PARAPHRASE]).output

    lines = text.splitlines()
    assert lines[1] == "  Previously checked:"
    assert lines[2] == "  ★ False — Harbour Checks · 2025-03-03 · https://checks.example/ardmore-water"
    assert '"Tap water in Ardmore is contaminated with lead" — Tom Vale' in lines[3]


def test_reviews_never_change_the_verdict_and_answer_a_claim_without_evidence(nlp: Language) -> None:
    speakers = SpeakerResolver()
    ferry = "The Ardmore ferry carried 2,000 passengers in March, the harbour office said on Monday."
    store = index_articles(nlp, speakers, [("ferry.txt", "Ardmore Post", "Ferry", ferry)])
    index_reviews(
        reviews_from_html(FACT_CHECK_PAGE, source="page.html").reviews,
        nlp=nlp, store=store, encoder=load_encoder(),
    )
    check = checker_over(store, nlp, speakers)
    matcher = ReviewMatcher(store, nlp, load_encoder())
    claim = "The Ardmore ferry carried 2,000 passengers in March."

    without, with_reviews = check(claim), check(claim, reviews=matcher)
    unseen = check(PARAPHRASE, reviews=matcher)

    assert with_reviews.verdict == without.verdict == "supported"
    assert with_reviews.evidence == without.evidence
    assert unseen.verdict == "not_found" and unseen.evidence == []
    assert unseen.reviews[0].rating == "False"
