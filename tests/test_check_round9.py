"""Round 9 of general rules, on small made-up articles (not the seeds, not any eval set).

A light verb ("involved", "covered") need not be stated when the rest of the
claim aligns; reporters' synonym verbs and phrases ("topped" / "more than",
"pulled" / "removed", "employs 420 people" / "a staff of 420") are the same
statement; a number written as a word is its digits; a number with a
"per 5 mL" unit is compared; reported speech matches a first-person quote;
an office stands for the person the sources give it to; dates in any order;
a duration is compared; a place, an agent or a weekday swapped conflicts;
"no X is needed" denies "would need X"; "not good enough" opposes "adequate";
one outlet's other number makes the claim mixed.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

STRIKE = """About 300 drivers joined the strike at the Calder Freight depot in Leeds on Monday, the union said.

The regulator announced a fine of £40,000 for six sites run by Calder Freight.
"""
TABLET = """Orders for the Vantor tablet reached more than 1,100 in its first week, Vantor said.

Grayson Dairies removed its strawberry yoghurt from shelves after the mould scare.

Shares in Norvik Telecom dropped 11 per cent on the news.

The Kestrel glassworks in Sunderland has a staff of 420.
"""
HOSPITAL = """Chef Tomas Berg was discharged from St Anne's Hospital after ten days of treatment.

Berg will appear before the Senate commerce committee next month.
"""
AUCTION = """Hallam Auctions sold 14 lots of Georgian silver at its Bath saleroom.

The Medex syrup for children contains 240 mg/5 mL of paracetamol.
"""
VALVE = """"I checked the valve twice before the shift," said engineer Ana Ruiz.
"""
PORT = """Maria Lind, president of the Corran Port Authority, said the harbour would reopen within days.
"""
LAUNCH = """The Pellam bridge will open to traffic on 24 November, the council said.
"""
INQUIRY = """The Marwick inquiry into the flooding is due to report within six months, ministers said.
"""
PLANT = """The faulty Brightline heaters were made at its Ashford plant, Brightline said.
"""
REFUNDS = """Under the new Halden Stores policy, no receipt is needed for a refund.
"""
ALERT = """The coastguard was first alerted by the harbour master's office at Penrith Bay.
"""
SYSTEM = """Minister Clara Holt called the Ferro booking system a relic that was not good enough.
"""
INSPECTION = """Council officials said inspectors from the Dunmore Trust would arrive on Thursday.
"""
RECALL_A = """Telvar recalled 86,000 Zephyr heaters on Friday over a fire risk.
"""
RECALL_B = """Telvar recalled 68,000 Zephyr heaters on Friday over a fire risk.
"""
ARTICLES = [
    ("corpus/090_strike.txt", "Leeds Ledger", "Depot strike", STRIKE),
    ("corpus/091_tablet.txt", "Tech Wire", "Business briefs", TABLET),
    ("corpus/092_hospital.txt", "Capital Post", "Berg home", HOSPITAL),
    ("corpus/093_auction.txt", "Bath Courier", "Silver sale", AUCTION),
    ("corpus/094_valve.txt", "Plant News", "Valve checks", VALVE),
    ("corpus/095_port.txt", "Corran Herald", "Port to reopen", PORT),
    ("corpus/096_bridge.txt", "Pellam Echo", "Bridge date", LAUNCH),
    ("corpus/097_inquiry.txt", "Marwick Times", "Inquiry timetable", INQUIRY),
    ("corpus/098_plant.txt", "Kent Wire", "Heater fault", PLANT),
    ("corpus/099_refunds.txt", "Retail Daily", "Refund policy", REFUNDS),
    ("corpus/100_alert.txt", "Coast News", "Rescue", ALERT),
    ("corpus/101_system.txt", "Rail Gazette", "Booking system", SYSTEM),
    ("corpus/102_inspection.txt", "Dunmore Mail", "Inspection", INSPECTION),
    ("corpus/103_recall_a.txt", "Home Wire", "Heater recall", RECALL_A),
    ("corpus/104_recall_b.txt", "Home Daily", "Heater recall", RECALL_A),
    ("corpus/105_recall_c.txt", "Home Times", "Heater recall", RECALL_A),
    ("corpus/106_recall_d.txt", "Home Post", "Heater recall", RECALL_B),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def details(report, code: str) -> list[str]:
    return [r.detail for e in report.evidence for r in e.reasons if r.code == code]


# 1. a light verb carried by its nouns


@pytest.mark.parametrize(
    "claim",
    [
        "The strike at the Calder Freight depot involved about 300 drivers.",
        "The regulator's fine covered six Calder Freight sites.",
    ],
)
def test_a_light_verb_need_not_be_stated(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


def test_a_light_verb_with_another_number_still_conflicts(check) -> None:
    report = check("The regulator's fine covered nine Calder Freight sites.")
    assert report.verdict == "conflicting", report.evidence
    assert "number_mismatch" in codes(report.evidence)


# 2. reporters' synonym verbs and phrases


@pytest.mark.parametrize(
    "claim",
    [
        "Orders for the Vantor tablet topped 1,100 in its first week.",
        "Grayson Dairies pulled its strawberry yoghurt from shelves.",
        "Tomas Berg was released from St Anne's Hospital.",
        "Berg will testify before the Senate commerce committee.",
        "Shares in Norvik Telecom lost 11 per cent.",
        "The Kestrel glassworks in Sunderland employs 420 people.",
    ],
)
def test_a_reporters_synonym_supports(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


def test_a_synonym_verb_with_another_number_conflicts(check) -> None:
    report = check("Shares in Norvik Telecom lost 15 per cent.")
    assert report.verdict == "conflicting", report.evidence
    assert "number_mismatch" in codes(report.evidence)


# 3. numbers in words, numbers with a unit per measure


def test_a_number_in_words_is_its_digits(check) -> None:
    assert check("Hallam Auctions sold fourteen lots of Georgian silver.").verdict == "supported"


def test_a_dose_per_volume_is_compared(check) -> None:
    report = check("The Medex syrup for children contains 320 mg per 5 mL of paracetamol.")
    assert report.verdict == "conflicting", report.evidence
    assert "number_mismatch" in codes(report.evidence)


# 4. reported speech against a first-person quote


def test_reported_speech_matches_a_first_person_quote(check) -> None:
    report = check("Ana Ruiz said that she had checked the valve twice before the shift.")
    assert report.verdict == "supported", report.evidence


# 5. an office instead of the name


def test_an_office_stands_for_the_person_holding_it(check) -> None:
    report = check("The head of the Corran Port Authority said the harbour would reopen within days.")
    assert report.verdict == "supported", report.evidence


# 6. dates in other orders


@pytest.mark.parametrize(
    "claim",
    [
        "The Pellam bridge will open to traffic on November 24.",
        "The Pellam bridge will open to traffic on Nov. 24.",
    ],
)
def test_a_date_in_another_order_supports(check, claim) -> None:
    assert check(claim).verdict == "supported"


# 7. durations


def test_another_duration_conflicts(check) -> None:
    report = check("The Marwick inquiry into the flooding is due to report within a year.")
    assert report.verdict == "conflicting", report.evidence
    assert any("within six months" in d for d in details(report, "number_mismatch")), report.evidence


def test_the_same_duration_supports(check) -> None:
    assert check("The Marwick inquiry is due to report within six months.").verdict == "supported"


# 8. a place swapped in a "made at" slot


def test_a_place_swapped_where_it_was_made_conflicts(check) -> None:
    report = check("The faulty Brightline heaters were made at the company's plant in Dover.")
    assert report.verdict == "conflicting", report.evidence
    assert "entity_mismatch" in codes(report.evidence)


# 9. "no X is needed" denies "would need X"


def test_no_receipt_needed_denies_needing_one(check) -> None:
    report = check("Halden Stores customers would need a receipt to get a refund.")
    assert report.verdict == "conflicting", report.evidence
    assert "negation" in codes(report.evidence)


# 10. an organisation swapped in the agent slot


def test_another_agent_conflicts(check) -> None:
    report = check("The coastguard at Penrith Bay was first alerted by the lifeboat crew.")
    assert report.verdict == "conflicting", report.evidence


# 11. opposite judgements across phrasing


def test_adequate_opposes_not_good_enough(check) -> None:
    report = check("Clara Holt said the Ferro booking system was perfectly adequate.")
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) & {"antonym", "negation"}


# 12. a planned weekday against a claimed one


def test_another_weekday_of_a_planned_visit_conflicts(check) -> None:
    report = check("Inspectors from the Dunmore Trust arrived on Tuesday.")
    assert report.verdict == "conflicting", report.evidence
    assert "date_mismatch" in codes(report.evidence)


# 13. outlets disagreeing on a number


def test_one_outlet_with_another_number_makes_it_mixed(check) -> None:
    report = check("About 86,000 Zephyr heaters were recalled by Telvar.")
    assert report.verdict == "mixed", report.evidence
    assert report.outlets_conflicting >= 1
    assert "number_mismatch" in codes(report.evidence)


# unrelated claims stay unfound


@pytest.mark.parametrize(
    "claim",
    [
        "The Kestrel glassworks in Sunderland closed in 2019.",
        "Hallam Auctions was fined for selling fake silver.",
    ],
)
def test_unrelated_claims_are_not_found(check, claim) -> None:
    assert check(claim).verdict == "not_found"
