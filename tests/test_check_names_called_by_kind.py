"""A second mention calls a name by its kind: "the authority" for the Drug Safety
Authority, "the plant" for "the Ostrander Chemicals plant", "the trust" where the article wrote
"Northfield Health Trust" in full, "Dispatchers" for "Harwick County dispatchers" in an
article that names Harwick County. Such a sentence states the name, so its figures and days
are compared with the claim's, even under a headline that does not name it. A sentence
naming another body of that kind does not stand for the claim's.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

PLANT = """Ostrander Chemicals said on Monday that it would close its Dunmore plant for two weeks after a conveyor fire.

The plant on Quarry Road is one of Dunmore's largest employers, with about 420 workers.
"""
TRUST = """Northfield Health Trust has postponed hundreds of operations since its computers were locked by hackers on Sunday.

By Thursday the trust had postponed 2,380 appointments and procedures since the attack.
"""
AUTHORITY = """The Drug Safety Authority recalled 14 lots of a cough syrup on Tuesday.

Inspectors said the authority would send a team to the factory on Thursday.
"""
ALERTS = """Harwick County changed its emergency alert rules on Monday after a chemical leak.

Dispatchers can now send an alert for a chemical release from pre-written templates, without waiting for a fire chief to approve the wording.
"""
RIVAL = """The Port Authority and the Drug Safety Authority met on Friday about cold storage.

The Port Authority said the authority's warehouse would reopen on Monday.
"""
ARTICLES = [
    ("corpus/730_plant.txt", "Dunmore Post", "Conveyor fire shuts food plant", PLANT),
    ("corpus/731_trust.txt", "Northfield Courier", "Hospital postpones operations after hack", TRUST),
    ("corpus/732_recall.txt", "Pharma Ledger", "Cough syrup recalled", AUTHORITY),
    ("corpus/733_port.txt", "Harbour News", "Cold storage talks", RIVAL),
    ("corpus/734_alerts.txt", "Valley Ledger", "Faster alerts promised", ALERTS),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        # the noun the claim's name qualifies: "the Ostrander Chemicals plant" -> "The plant"
        ("The Ostrander Chemicals plant in Dunmore employs about 240 people.", "number_mismatch"),
        # the article's full name: "Northfield" -> "Northfield Health Trust" -> "the trust"
        ("By Tuesday, Northfield had postponed 2,380 appointments and procedures.", "date_mismatch"),
        # the name's own last word: "the Drug Safety Authority" -> "the authority"
        ("The Drug Safety Authority will send a team to the factory on Friday.", "date_mismatch"),
    ],
)
def test_a_sentence_calling_the_name_by_its_kind_is_compared_on_its_figures(check, claim, reason) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert reason in codes(report.evidence)


def test_a_sentence_calling_the_name_by_its_kind_supports_the_same_figure(check) -> None:
    report = check("The Ostrander Chemicals plant in Dunmore employs about 420 people.")
    assert report.verdict == "supported", report.evidence


def test_a_plain_noun_stands_for_the_name_qualifying_it_in_an_article_naming_it(check) -> None:
    # "Harwick County dispatchers" -> "Dispatchers", in an article that names Harwick County
    report = check(
        "Harwick County dispatchers may now send chemical-release alerts from pre-written templates "
        "without waiting for a fire chief to approve them."
    )
    assert report.verdict == "supported", report.evidence


def test_a_sentence_naming_another_body_of_that_kind_does_not_stand_for_the_claims(check) -> None:
    report = check("The Drug Safety Authority said its warehouse would reopen on Tuesday.")
    assert not any("Port Authority" in e.text for e in report.evidence), report.evidence


def test_an_acronym_states_the_name_it_abbreviates(nlp: Language) -> None:
    """"the DNR" in a claim is the source's "Wisconsin Department of Natural Resources", not
    another body in its place."""
    council = ("After nearly three hours of public comment, the City Council voted 6-1 to send a letter asking "
               "the Wisconsin Department of Natural Resources to hold a public hearing in Harlow Springs.\n")
    check = checker_for(nlp, [("corpus/905_council.txt", "Harlow Springs Courier", "Council asks for hearing", council)])

    report = check("Council members voted 6-1 to ask the DNR in writing to hold a public hearing in Harlow Springs.")

    assert "entity_mismatch" not in codes(report.evidence), report.evidence
    assert report.verdict == "supported", report.evidence


def test_a_reworded_claim_still_finds_the_name_its_headline_gives(nlp: Language) -> None:
    """The claim says "drop late fines for kids' and teen items", the source "stop charging
    overdue fines on children's and teen materials": fewer than half of the claim's other words
    are the source's, and "the board" is still the one of the Pennacott library the headline
    names."""
    library = ("The library lends about 140,000 items a year.\n\n"
               "At its meeting on Wednesday, Feb. 18, the board voted 6-1 to stop charging overdue fines "
               "on children's and teen materials starting March 1.\n")
    headline = "The Pennacott library is not starting a checkout fee"
    check = checker_for(nlp, [("corpus/906_fines.txt", "Pennacott Gazette", headline, library)])

    report = check("The Pennacott library board voted 6-1 on Feb. 18 to drop late fines for kids' and teen items.")

    assert report.verdict == "supported", report.evidence
