"""Dates belong to one event, and a planned day may lie after the story.

"The port authority stepped into the dispute on Wednesday, two days after the
stoppage began" dates the stepping in, not the stoppage. "Late Tuesday, union
leaders said the walkout would continue rather than ending at 6 a.m. Friday as
planned", in a story of Thursday 14 March, speaks of Tuesday 12 March and of
Friday 15 March (the planned end is ahead, not the Friday before). A claim's
"on Tuesday" names a weekday: it is compared as one, never resolved against the
day the claim is checked.
"""

from __future__ import annotations

import datetime as dt

import pytest
from check_world import PUBLISHED, Check, checker_for, codes
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.language.dates import extract_dates
from bot.language.speakers import SpeakerResolver

PORT = """Dock workers at the port of Larsholm began a 72-hour strike on Monday, the Harbour Workers Union said.

The port authority stepped into the dispute on Wednesday, two days after the stoppage began.

Late Tuesday, union leaders said the walkout would continue rather than ending at 6 a.m. Friday as planned.

Union leader Piet Sorensen met the mayor on Tuesday.
"""
CLINIC = """The health ministry intervened on Wednesday, a day after the nurses' walkout began.

The walkout at Riverside General began on Tuesday, nurses said.
"""
MEETING = """The meeting, which lasted 90 minutes, took place on Wednesday.
"""
# "on Saturday" parsed as dating the surrendering, not the stopping
SHELTER = """The Marlow County shelter stopped accepting cats surrendered by their owners on Saturday, March 1, after a count showed it holding twice its capacity, officials said.
"""
# a start and a finish, each with its own date
PAVING = """Harlan Paving will begin resurfacing Elm Street on June 2, and the work is expected to be finished by June 20, the city said.
"""
STORIES = {
    "paving": [("corpus/305_paving.txt", "Valley Times", "Elm Street resurfacing", PAVING)],
    "shelter": [("corpus/304_shelter.txt", "Valley Times", "Shelter full", SHELTER)],
    "meeting": [("corpus/303_meeting.txt", "Valley Times", "Meeting", MEETING)],
    "port": [("corpus/301_port.txt", "Harbour Post", "Port strike", PORT)],
    "clinic": [("corpus/302_clinic.txt", "Valley Times", "Nurses strike", CLINIC)],
}


@pytest.fixture(scope="module")
def checkers(nlp: Language) -> dict[str, Check]:
    return {name: checker_for(nlp, articles) for name, articles in STORIES.items()}


@pytest.fixture(scope="module")
def check(checkers) -> Check:
    return checkers["port"]


@pytest.mark.parametrize(
    ("story", "claim"),
    [
        ("port", "The stoppage began on Monday."),
        ("clinic", "The walkout at Riverside General began on Tuesday."),
        ("paving", "Harlan Paving will start resurfacing Elm Street on June 2."),
    ],
)
def test_a_date_of_another_event_in_the_sentence_is_no_conflict(checkers, story, claim) -> None:
    report = checkers[story](claim)
    assert report.verdict == "supported", report.evidence
    assert "date_mismatch" not in codes(report.evidence)


@pytest.mark.parametrize(
    ("story", "claim"),
    [
        ("port", "The port authority stepped into the dispute on Tuesday."),
        ("clinic", "The health ministry intervened on Thursday."),
        ("meeting", "The meeting on Tuesday lasted 90 minutes."),
        ("shelter", "The Marlow County shelter stopped accepting owner-surrendered cats on Sunday, March 2."),
        # the finishing date is in the sentence, but the start is dated June 2
        ("paving", "Harlan Paving is scheduled to start resurfacing Elm Street on June 20."),
    ],
)
def test_the_events_own_date_still_conflicts(checkers, story, claim) -> None:
    report = checkers[story](claim)
    assert report.verdict == "conflicting", report.evidence
    assert "date_mismatch" in codes(report.evidence)


@pytest.mark.parametrize(
    "claim",
    [
        "The walkout had been planned to end on March 15.",
        "The walkout was planned to end on Friday.",
        "Union leaders said on March 12 that the walkout would continue.",
    ],
)
def test_a_planned_day_and_late_tuesday_resolve_around_the_story(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence


def test_a_planned_end_told_in_the_past_lies_after_publication(nlp: Language) -> None:
    sentence = nlp(
        "Late Tuesday, union leaders said the walkout would continue "
        "rather than ending at 6 a.m. Friday as planned."
    )
    assert extract_dates(sentence, PUBLISHED) == [dt.date(2024, 3, 12), dt.date(2024, 3, 15)]


def test_a_future_told_in_the_past_keeps_a_day_already_gone(nlp: Language) -> None:
    sentence = nlp("On Monday he said talks would resume on Wednesday.")
    assert extract_dates(sentence, PUBLISHED) == [dt.date(2024, 3, 11), dt.date(2024, 3, 13)]


def test_a_claims_weekday_is_not_resolved_against_today(nlp: Language) -> None:
    (claim,) = extract_claims(
        "Sorensen, jailed for four years, met the mayor on Tuesday.",
        nlp=nlp,
        speakers=SpeakerResolver(),
    )
    assert claim.weekdays == ["Tuesday"]
    assert claim.dates == []


def test_a_weekday_claim_with_a_duration_in_it_is_supported(check) -> None:
    report = check("The dock workers began a three-day strike on Monday.")
    assert report.verdict == "supported", report.evidence


def test_a_weekday_of_another_event_does_not_support(nlp: Language) -> None:
    check = checker_for(
        nlp,
        [
            (
                "corpus/304_regulator.txt",
                "Gulf Ledger",
                "Regulator",
                "The regulator stepped into the dispute on Wednesday, "
                "two days after the stoppage began on Monday.\n",
            )
        ],
    )
    report = check("The regulator stepped into the dispute on Monday.")
    assert report.verdict == "conflicting", report.evidence
    assert check("The stoppage began on Monday.").verdict == "supported"


SUMMIT = [
    (
        "corpus/401_summit.txt",
        "Valley Times",
        "Summit",
        "French President Emmanuel Macron met Donald Trump in Helsinki on Thursday, the Elysee said.\n\n"
        "The two leaders discussed trade for an hour.\n",
    )
]


@pytest.mark.parametrize(
    ("claim", "verdict", "reason"),
    [
        # other people on another day: another meeting, which says nothing against the claim
        ("Vladimir Putin met Donald Trump in Helsinki on Sunday.", "not_found", None),
        # one fact differs: the same meeting, told wrong
        ("Vladimir Putin met Donald Trump in Helsinki on Thursday.", "conflicting", "entity_mismatch"),
        ("Emmanuel Macron met Donald Trump in Helsinki on Sunday.", "conflicting", "date_mismatch"),
    ],
)
def test_another_event_is_not_a_conflict(nlp: Language, claim: str, verdict: str, reason: str | None) -> None:
    report = checker_for(nlp, SUMMIT)(claim)

    assert report.verdict == verdict
    assert codes(report.evidence) == ({reason} if reason else set())



@pytest.mark.parametrize(
    ("claim", "code"),
    [
        # the source's Aug. 25 is the claim's own first date, not a mismatch for its second
        ("Dunmore Unified moved its tax levy vote from Aug. 25 to Sept. 22.", "date_mismatch"),
        # the source's 1,846 is the claim's own figure, not a mismatch for its 612
        ("By Sept. 24 the Board of Equalization had 1,846 residential appeals, compared with 612 for the whole "
         "2023 reassessment.", "number_mismatch"),
        # the source's 2015 is the claim's own first year; its 2025 is "last year", unstated
        ("The city says golfers played roughly 41,000 rounds at Greenvale in 2015 but only 27,500 in 2025.",
         "date_mismatch"),
        # the source's 1,900 is the claim's own other figure, not a mismatch for its 31
        ("The Weller shelter euthanized 31 of the roughly 1,900 animals it took in during 2030.", "number_mismatch"),
    ],
)
def test_a_source_stating_one_of_the_claims_figures_does_not_contradict_the_other(
    nlp: Language, claim: str, code: str
) -> None:
    text = ("The Dunmore Unified board of education had planned to adopt its 2025-26 tax levy at its meeting "
            "Monday, Aug. 25.\n\n"
            "As of Wednesday, the Marsh County Board of Equalization had received 1,846 residential appeals, "
            "according to board clerk Dora Vance.\n\n"
            "The number of rounds played at Greenvale fell from about 41,000 in 2015 to 27,500 last year, "
            "city figures show.\n\n"
            "In 2030, the Weller shelter euthanized 31 animals out of about 1,900 it took in, according to its "
            "annual report.\n")
    check = checker_for(nlp, [("corpus/940_figures.txt", "Dunmore Gazette", "Appeals pile up after reassessment", text)])

    report = check(claim)

    assert code not in codes(report.evidence), report.evidence


def test_a_figure_stated_with_the_claims_other_one_still_supports(nlp: Language) -> None:
    text = ("In 2030, the Weller shelter euthanized 31 animals out of about 1,900 it took in, according to its "
            "annual report.\n")
    check = checker_for(nlp, [("corpus/941_shelter.txt", "Wexley Ledger", "Shelter report", text)])

    report = check("The Weller shelter euthanized 31 of the roughly 1,900 animals it took in during 2030.")

    assert report.verdict == "supported", report.evidence


LAKE = """The lake was about 17 feet below its normal level on Tuesday, according to the water authority.

On Nov. 18, 2030, the library trustees voted 6-1 to stop charging overdue fines starting Jan. 1, 2031.
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a level measured on another day: neither support nor a number conflict
        ("The lake was roughly 11 feet below its normal level on Wednesday.", "not_found"),
        # one fact differs: the same day's level, told wrong
        ("The lake was roughly 11 feet below its normal level on Tuesday.", "conflicting"),
    ],
)
def test_a_figure_of_another_day_is_not_a_conflict(nlp: Language, claim: str, verdict: str) -> None:
    check = checker_for(nlp, [("corpus/942_lake.txt", "Calder Gazette", "Lake drawn down", LAKE)])

    assert check(claim).verdict == verdict


def test_only_a_date_written_with_its_year_has_its_year_compared(nlp: Language) -> None:
    check = checker_for(nlp, [("corpus/942_lake.txt", "Calder Gazette", "Lake drawn down", LAKE)])

    report = check("The library trustees voted 6-1 on Nov. 18 to stop charging overdue fines, effective Jan. 1, 2031.")

    assert "date_mismatch" not in codes(report.evidence), report.evidence
    assert "date_mismatch" in codes(
        check("The library trustees voted 6-1 on Nov. 18 to stop charging overdue fines, effective Jan. 1, 2032.").evidence
    )


def test_a_span_of_days_is_not_contradicted_by_its_own_first_day(nlp: Language) -> None:
    text = "Crews have been flushing fire hydrants in Dunmore Flats since Sunday, the water authority said.\n"
    check = checker_for(nlp, [("corpus/943_hydrants.txt", "Calder Gazette", "Hydrants flushed", text)])

    report = check("Crews flushed fire hydrants in Dunmore Flats between Sunday and Thursday.")

    assert "date_mismatch" not in codes(report.evidence), report.evidence
    assert "date_mismatch" in codes(
        check("Crews flushed fire hydrants in Dunmore Flats between Monday and Thursday.").evidence
    )


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a count told on Tuesday is Tuesday's: not Monday's, whatever it says
        ("On Monday, the county shelter held 161 dogs.", "not_found"),
        ("On Tuesday, the county shelter held 161 dogs.", "conflicting"),
    ],
)
def test_a_state_told_on_a_day_is_that_days(nlp: Language, claim: str, verdict: str) -> None:
    text = "Shelter director Denise Holloway said Tuesday the county shelter held 149 dogs.\n"
    check = checker_for(nlp, [("corpus/944_shelter.txt", "Calder Gazette", "Shelter full", text)])

    assert check(claim).verdict == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # the opposite happening on another day: the opening, not the closing the claim dates
        ("The Red Cross shelter at the Vessey Community Center closed on Thursday.", "not_found"),
        # the opposite on the same day: the same event, told wrong
        ("The Red Cross shelter at the Vessey Community Center closed on Tuesday.", "conflicting"),
    ],
)
def test_the_opposite_on_another_day_is_another_event(nlp: Language, claim: str, verdict: str) -> None:
    text = "The American Red Cross opened a shelter at the Vessey Community Center on Tuesday, the county said.\n"
    check = checker_for(nlp, [("corpus/945_shelter.txt", "Calder Gazette", "Shelter opens", text)])

    assert check(claim).verdict == verdict


def test_a_day_in_a_clause_of_the_claims_own_dates_that_clause(nlp: Language) -> None:
    text = ("Stellwater Geotechnical, an engineering firm the authority hired Tuesday, estimated that rebuilding "
            "the spillway will cost between $14 million and $18 million.\n")
    check = checker_for(nlp, [("corpus/946_spillway.txt", "Calder Gazette", "Spillway estimate", text)])

    # Monday dates the director's figure, which the sentence does not give: no date to compare
    report = check("An engineering firm hired by the authority, Stellwater Geotechnical, estimated that rebuilding "
                   "the spillway will cost $14 million to $18 million, far more than the $3 million figure the "
                   "director gave on Monday.")

    assert "date_mismatch" not in codes(report.evidence), report.evidence
    # the estimate's own day still counts
    assert "date_mismatch" in codes(
        check("On Monday, Stellwater Geotechnical estimated that rebuilding the spillway will cost $14 million "
              "to $18 million.").evidence
    )
