"""Headlines and standfirsts are evidence too: ingested through FactChecker, checked like any sentence.

The story below says some things only in its headline ("free of tolls for a
decade") or only in its standfirst ("pay nothing ... until 2035"); the body
never repeats them. Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from bot.service.checker import FactChecker
from bot.core.models import HEADLINE_POSITION, STANDFIRST_POSITION
from bot.settings import Settings

TUNNEL_STORY = """Harbour tunnel will stay free of tolls for a decade, mayor says
The mayor promised that drivers will pay nothing to use the tunnel until 2035.
By Lena Fischer
March 4, 2025

ROTTERDAM - The city council approved the harbour tunnel on Monday by 31 votes to 14, ending a two-year dispute over its cost.

Construction is due to start next spring and will take four years, the council's transport committee said.

Opponents said the budget of 900 million euros was unrealistic.
"""
MANIFEST = '[files."tunnel.txt"]\noutlet = "Port Weekly"\n'


@pytest.fixture()
def checker(store_url: str, tmp_path: Path, nlp: Language) -> Iterator[FactChecker]:
    """FactChecker over a folder holding the tunnel story, indexed on the test's backend."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tunnel.txt").write_text(TUNNEL_STORY, encoding="utf-8")
    (corpus / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    engine = FactChecker.open(Settings(_env_file=None, database_url=store_url, corpus_dir=corpus), nlp=nlp)
    report = engine.ensure_indexed()
    assert report is not None and report.ok
    yield engine
    engine.close()


def test_a_claim_only_the_headline_states_is_found_and_cited_with_its_source(checker: FactChecker) -> None:
    report = checker.check("The harbour tunnel will stay free of tolls for a decade.")

    assert report.verdict == "supported"
    best = report.evidence[0]
    assert best.text == "Harbour tunnel will stay free of tolls for a decade, mayor says"
    assert best.article.outlet == "Port Weekly"
    assert best.article.title == best.text
    assert best.article.path.endswith("tunnel.txt")


def test_a_claim_only_the_standfirst_states_is_found(checker: FactChecker) -> None:
    report = checker.check("Drivers will pay nothing to use the tunnel until 2035.")

    assert report.verdict == "supported"
    assert report.evidence[0].text.startswith("The mayor promised that drivers will pay nothing")


def test_a_headline_number_is_checked_like_any_sentence(checker: FactChecker) -> None:
    report = checker.check("The harbour tunnel will stay free of tolls for five years.")

    assert report.verdict == "conflicting"
    assert "number_mismatch" in {r.code for r in report.evidence[0].reasons}


def test_headline_and_standfirst_sit_before_the_body_with_their_facts(checker: FactChecker) -> None:
    [article] = checker.sources()

    passages = checker.store.passages(article.id)

    assert [p.kind for p in passages[:3]] == ["headline", "standfirst", "body"]
    assert [p.position for p in passages[:3]] == [HEADLINE_POSITION, STANDFIRST_POSITION, 0]
    headline, standfirst = passages[0], passages[1]
    assert [(q.value, q.unit) for q in headline.quantities] == [(10, "year")]
    assert standfirst.negated  # "nothing"
    assert article.passages == len(passages) == 5


def test_a_standfirst_that_opens_the_body_is_indexed_once(
    store_url: str, tmp_path: Path, nlp: Language
) -> None:
    opening = "Dock workers accepted a 6 percent pay rise after a week-long strike."
    record = {
        "title": "Port strike ends after a week",
        "dek": opening,
        "text": f"{opening} They return to work on Monday, their union said.",
        "outlet": "Port Weekly",
    }
    (tmp_path / "port.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    engine = FactChecker.open(Settings(_env_file=None, database_url=store_url, corpus_dir=tmp_path), nlp=nlp)
    try:
        engine.ingest([tmp_path / "port.jsonl"])
        [article] = engine.sources()

        texts = [p.text for p in engine.store.passages(article.id)]
    finally:
        engine.close()

    assert texts == [
        "Port strike ends after a week",
        opening,
        "They return to work on Monday, their union said.",
    ]


CAPTIONED_STORY = """Firefighters douse the roof of the Kellerton depot on Tuesday night. (Photo: Ana Ruiz)
By Tomas Brenner
June 3, 2025

KELLERTON - A fire destroyed the council's bus depot on Tuesday night, leaving 40 buses unusable, the fire service said.

Nobody was injured, and the cause of the fire is under investigation, officials said.
"""


def test_a_page_without_a_headline_shows_its_caption_as_the_standfirst_never_as_the_headline(
    store_url: str, tmp_path: Path, nlp: Language
) -> None:
    """The page opens with a photo caption, then the byline: no headline at all. Every report
    form (CLI text, JSON, Block Kit) must leave the headline empty, not print the caption as it."""
    from bot.cli import format_report
    from handlers.blocks import source_line

    (tmp_path / "depot.txt").write_text(CAPTIONED_STORY, encoding="utf-8")
    engine = FactChecker.open(Settings(_env_file=None, database_url=store_url, corpus_dir=tmp_path), nlp=nlp)
    try:
        engine.ensure_indexed()
        [article] = engine.sources()
        passages = engine.store.passages(article.id)
        report = engine.check("A fire destroyed the council's bus depot, leaving 40 buses unusable.")
    finally:
        engine.close()

    assert article.title is None
    assert [p.kind for p in passages[:2]] == ["standfirst", "body"]
    assert passages[0].text.startswith("Firefighters douse the roof")
    assert report.verdict == "supported"
    assert [ev.article.title for ev in report.evidence] == [None] * len(report.evidence)
    cited = [ev["article"]["title"] for ev in json.loads(report.model_dump_json())["evidence"]]
    assert cited == [None] * len(report.evidence)
    cli_lines = [line for line in format_report(report).splitlines() if not line.lstrip().startswith(("✔", "✘"))]
    slack_sources = [source_line(ev.article) for ev in report.evidence]
    for shown in (*cli_lines, *slack_sources):  # all but the excerpts themselves
        assert "Firefighters douse" not in shown and "Ana Ruiz" not in shown
