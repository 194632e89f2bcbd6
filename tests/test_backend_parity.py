"""The seeds checked on SQLite and on PostgreSQL give the same answers.

A newsroom that moves from the embedded store to PostgreSQL must not see
different verdicts: retrieval ranks differently inside each database, so the
engine's own scoring has to make the final order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fixtures import temporary_pg_database

from bot.service.checker import FactChecker
from bot.core.models import CheckReport
from bot.language.nlp import load_pipeline
from bot.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

CLAIMS = [
    "Hegseth said Europe must take responsibility for its own defence.",
    "Trump and Putin talked on the phone for two hours.",
    "Trump said negotiations to end the war would begin immediately.",
    "Rutte said Ukraine was promised NATO membership.",
    "Kallas said any quick fix is a fair deal.",
    "The Bank of Japan raised interest rates in March.",
    "Hegseth said the US would send troops to Ukraine. Trump spoke to Zelensky on Wednesday.",
]


def _summary(report: CheckReport) -> list[tuple]:
    """Per claim: verdict, the best excerpt, and the set of excerpts shown.

    Excerpts whose scores tie within a rounding error may swap places: the
    engine weighs words by their rarity among the candidates each database's
    full-text search returns, and the two rank candidates slightly differently.
    """
    claims = report.claims or [report]
    return [
        (
            c.verdict,
            c.evidence[0].text if c.evidence else None,
            {(e.stance, e.text, e.article.path, tuple(r.code for r in e.reasons)) for e in c.evidence},
        )
        for c in claims
    ]


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, FactChecker]]:
    nlp = load_pipeline()
    sqlite_url = f"sqlite:///{tmp_path_factory.mktemp('parity') / 'seeds.db'}"
    with temporary_pg_database() as pg_url:
        opened = {
            name: FactChecker.open(Settings(_env_file=None, database_url=url, corpus_dir=SEEDS), nlp=nlp)
            for name, url in (("sqlite", sqlite_url), ("postgresql", pg_url))
        }
        for engine in opened.values():
            report = engine.ingest([SEEDS])
            assert len(report.added) == 5 and not report.failed
        yield opened
        for engine in opened.values():
            engine.close()


@pytest.mark.postgres
@pytest.mark.parametrize("claim", CLAIMS)
def test_verdicts_and_evidence_match_across_backends(engines: dict[str, FactChecker], claim: str) -> None:
    on_sqlite = engines["sqlite"].check(claim)
    on_postgres = engines["postgresql"].check(claim)

    assert _summary(on_postgres) == _summary(on_sqlite)


@pytest.mark.postgres
def test_the_same_quotes_are_indexed_on_both(engines: dict[str, FactChecker]) -> None:
    def rows(engine: FactChecker) -> list[tuple]:
        return [(h.quote.text, h.quote.speaker, h.quote.kind, h.article.path) for h in engine.quotes()]

    assert rows(engines["postgresql"]) == rows(engines["sqlite"])
    assert len(rows(engines["sqlite"])) > 20


@pytest.mark.postgres
def test_both_name_the_same_people_in_the_same_order(engines: dict[str, FactChecker]) -> None:
    # the checker learns speakers' full names from these, so both must read them alike
    people = engines["sqlite"].store.named_people()

    assert engines["postgresql"].store.named_people() == people
    assert "Pete Hegseth" in people
