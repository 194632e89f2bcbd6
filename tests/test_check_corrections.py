"""A later report that names the claim's figure and denies it ("168 boats, not 212") is a
correction: the claim giving the first report's figure conflicts with it, whatever the two
excerpts score, and the reason shows both figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from bot.service.checker import FactChecker
from bot.settings import Settings

FIRST = """Title: Storm tears through Harbor Point marina
Outlet: Bayside Courier
Date: 2025-04-02
URL: https://www.baysidecourier.example/news/storm-harbor-point-marina

A spring storm tore through the Harbor Point marina on Tuesday, sinking docks and snapping masts.

County emergency manager Lena Ortiz said 212 boats at the Harbor Point marina were damaged in the storm.

Crews spent Wednesday pulling debris out of the water.
"""
LATER = """Title: Marina count of storm-damaged boats falls after inspections
Outlet: Bayside Courier
Date: 2025-04-09
URL: https://www.baysidecourier.example/news/marina-damage-count-falls

Insurance adjusters finished their inspections at the Harbor Point marina on Monday.

The marina's insurer counted 168 damaged boats after the April 1 storm, not 212 as the county first said.

Repairs to the main dock are expected to take until June.
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> FactChecker:
    root = tmp_path_factory.mktemp("corrections")
    folder = root / "articles"
    folder.mkdir()
    (folder / "801_storm.txt").write_text(FIRST)
    (folder / "802_recount.txt").write_text(LATER)
    checker = FactChecker.open(
        Settings(_env_file=None, database_url=f"sqlite:///{root / 'archive.db'}", corpus_dir=folder), nlp=nlp
    )
    checker.ingest([folder])
    yield checker
    checker.close()


def test_a_claim_giving_the_figure_a_later_report_denies_conflicts(checker: FactChecker) -> None:
    report = checker.check("The Harbor Point marina storm damaged 212 boats.")

    assert report.verdict == "conflicting", report.evidence
    assert [Path(e.article.path).name for e in report.evidence] == ["802_recount.txt"]
    assert [r.detail for e in report.evidence for r in e.reasons] == [
        "claim: 212 boats; source: 168, not 212"
    ]


def test_the_corrected_figure_is_supported(checker: FactChecker) -> None:
    assert checker.check("The Harbor Point marina storm damaged 168 boats.").verdict == "supported"


RUN_AGROUND = """Title: Marlow Bay ferry back in service
Outlet: Bayside Courier
Date: 2025-05-20
URL: https://www.baysidecourier.example/news/marlow-bay-back-in-service

The ferry Marlow Bay returned to service on Monday, two weeks after it ran aground off Pike Point.

The county said repairs to the hull cost about $310,000.

CORRECTION: In last week's edition, the Courier reported that the Marlow Bay was carrying 41 vehicles when it ran aground. It was carrying 38.

FERRY SCHEDULE (through Oct. 31; fares waived)
"""


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> FactChecker:
    root = tmp_path_factory.mktemp("corrected")
    (root / "803_ferry.txt").write_text(RUN_AGROUND)
    checker = FactChecker.open(Settings(_env_file=None, database_url=f"sqlite:///{root / 'archive.db'}", corpus_dir=root), nlp=nlp)
    checker.ingest([root / "803_ferry.txt"])
    yield checker
    checker.close()


def test_a_restated_figure_corrected_in_a_few_words_right_after_it_conflicts(corrected: FactChecker) -> None:
    report = corrected.check("The Marlow Bay had 41 vehicles on board when it ran aground.")

    assert report.verdict == "conflicting", report.evidence
    (excerpt,) = report.evidence
    # the answer is too short to stand alone: it is shown with the restatement it corrects
    assert excerpt.text.endswith("was carrying 41 vehicles when it ran aground. It was carrying 38.")
    assert [r.detail for r in excerpt.reasons] == ["claim: 41 vehicles; source: 38"]
