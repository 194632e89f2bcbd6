"""An accusation is a claim someone makes ("accused Foss of using campaign money", "is
suspected of steering a contract", "allegedly told staff"): it supports "Foss was accused of
...", not the bare act, which the article reports without vouching for it."""

from __future__ import annotations

import pytest
from check_world import Check, checker_for
from spacy.language import Language

from bot.check.reported_claims import frame
from bot.check.retrieve import Candidate
from bot.core.models import Article

ARTICLES = [
    (
        "news/380_foss.txt",
        "Ridge Herald",
        "Councilman accused of misusing funds",
        "A former aide has accused Councilman Derek Foss of using campaign money to pay for a family "
        "vacation to Florida. Foss is also suspected of steering a $300,000 paving contract to a "
        "company owned by his brother-in-law, according to a complaint filed with the state ethics "
        "board. Foss reportedly plans to resign before the end of the month. The ethics board has "
        "received 14 complaints this year.",
    ),
    (
        "news/382_port.txt",
        "Gull Harbor Gazette",
        "Port expansion",
        "Environmental groups have accused the port authority of ignoring a study on harm to eelgrass beds. "
        "Dockworkers at Pier 3 ratified a new contract on Friday.",
    ),
    (
        "news/381_kessler.txt",
        "Valley Ledger",
        "Treasurer's trial",
        "Prosecutors had accused Gary Kessler of taking $82,000 from township accounts between 2019 "
        "and 2022.",
    ),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    "claim",
    [
        "Derek Foss used campaign money to pay for a family vacation to Florida.",
        "Derek Foss steered a $300,000 paving contract to his brother-in-law's company.",
        "Gary Kessler took $82,000 from township accounts.",
        "Derek Foss will resign before the end of the month.",  # reportedly
    ],
)
def test_what_someone_is_accused_of_is_not_supported_as_fact(check: Check, claim: str) -> None:
    assert check(claim).verdict != "supported"


@pytest.mark.parametrize(
    "claim",
    [
        "Derek Foss was accused of using campaign money for a family vacation.",
        "Prosecutors accused Gary Kessler of taking $82,000 from township accounts.",
        "The state ethics board has received 14 complaints this year.",  # the writer's own word
    ],
)
def test_the_accusation_itself_is_supported(check: Check, claim: str) -> None:
    assert check(claim).verdict == "supported"


def test_an_accusation_hung_off_its_object_is_no_support_and_the_next_matter_no_finding(check: Check) -> None:
    assert check("The port authority ignored a study on harm to eelgrass beds.").verdict == "not_found"


def test_the_noun_suspect_accuses_no_one(nlp: Language) -> None:
    sentence = "Police say the night watchman is a witness, not a suspect, in the burglary of the Fenwick gallery."
    watchman = Candidate(kind="fact", text=sentence, lemmas=" ".join(t.lemma_.lower() for t in nlp(sentence)),
                         article=Article(path="news/383_gallery.txt", content_hash="x", body=""))

    # what the police say, reported: not a charge the article withholds its word on
    assert frame(watchman, "the night watchman is a witness, not a suspect, in the burglary", nlp) == "reported"
