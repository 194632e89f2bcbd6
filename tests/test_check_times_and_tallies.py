"""Figures the rules read besides counts and measures: times of day, tallies, compound measures.

A time of day is no count ("3:05 a.m." is kept out of the quantities), but it is a hard fact
all the same: a sentence the model reads as the claim's event, timed at another minute, is a
conflict with the two times as its reason. A race time ("2:19:05") is one elapsed time, neither a
time of day nor an emoji code between two numbers. A tally ("voted 5-2") is two counts, and a
hyphenated measure ("a 24-inch pipe") is a number of its noun. A figure dated by its verb
("recorded 14 quakes in 2024, up from six in 2021") belongs to that year.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.check.claim_selection import clean_message
from bot.check.retrieve import Candidate
from bot.check.claims import Claim, parse_claim
from bot.check.rules.event_facts import dates_a_clause_of_its_own, day_of_another_verb
from bot.core.models import Article
from bot.language.speakers import SpeakerResolver
from bot.language.clock_times import clock_times, same_time
from bot.language.quantities import TALLY_UNITS, extract_quantities

DAM = """At 4:20 a.m., the county sent an evacuation alert to everyone living below the Pell Lake dam, officials said.

The sheriff closed Dam Road to all traffic about an hour after the spillway gauge failed at 2:10 a.m.

The county board voted 6-1 on Thursday to hire an outside engineer to inspect the spillway.

Crews found that the 24-inch outlet pipe under the dam had cracked along its length.

Monitoring instruments at the dam recorded 14 small earthquakes in 2024, up from six in 2021, the state geologist said.

Evacuated residents were allowed to return home at 11:45 a.m., after engineers walked the spillway.

The Red Cross began serving meals to evacuated residents at the Pell Lake school shelter at 7 a.m.
"""
ARTICLES = [("corpus/910_dam.txt", "Lakeland Courier", "Pell Lake dam alert", DAM)]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_time_of_day_is_read_with_its_half_of_the_day() -> None:
    alert, rough, noon = clock_times("at 4:20 a.m., about 10 p.m. and again at noon")
    assert (alert.minute, alert.half_known, alert.rough) == (4 * 60 + 20, True, False)
    assert (rough.minute, rough.rough) == (22 * 60, True)
    assert noon.minute == 12 * 60
    assert same_time(clock_times("shortly before 4:30 a.m.")[0], alert)
    assert not same_time(clock_times("at 6:20 a.m.")[0], alert)
    assert clock_times("a 2-1 win and 1.5 metres") == []


def test_another_time_for_the_same_event_conflicts_with_both_times_named(check) -> None:
    report = check("The county sent the evacuation alert to people below the Pell Lake dam at 6:20 a.m.")
    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == [
        "claim: 6:20 a.m.; source: 4:20 a.m."
    ]


def test_a_model_that_reads_the_other_time_as_a_contradiction_still_names_both_times(
    check, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "the claim's event" is the model's relatedness (entailment or contradiction), not its
    # entailment: a model that reads times sees "at 4:20 a.m." against "at 6:20 a.m." as a
    # contradiction of the same event, and the rules still give the reason
    import bot.check.pipeline as pipeline
    from bot.check.model_judgement import Judgement

    monkeypatch.setattr(pipeline, "judge", lambda claim, candidates, *rest: [
        Judgement(entailment=0.02, neutral=0.01, contradiction=0.97) for _ in candidates
    ])

    report = check("The county sent the evacuation alert to people below the Pell Lake dam at 6:20 a.m.")

    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == ["claim: 6:20 a.m.; source: 4:20 a.m."]


def test_a_time_conflicts_where_the_sentence_leaves_out_the_claims_day(check) -> None:
    # the day the claim adds is no other event's: the times are compared all the same
    report = check("Evacuated residents were allowed to return home at 9:30 a.m. Friday.")
    assert report.verdict == "conflicting", report.evidence
    assert "claim: 9:30 a.m.; source: 11:45 a.m." in {r.detail for e in report.evidence for r in e.reasons}


def test_a_time_that_dates_another_clause_is_not_the_sentences_time(check, nlp: Language) -> None:
    closed, alert = (_sentence(nlp, DAM, words) for words in ("closed Dam Road", "At 4:20"))
    # 2:10 a.m. is when the gauge failed, not when the road was closed
    assert dates_a_clause_of_its_own(closed, "2:10 a.m.", nlp)
    assert not dates_a_clause_of_its_own(alert, "4:20 a.m.", nlp)
    report = check("The sheriff closed Dam Road to all traffic at 3:15 a.m.")
    assert report.verdict != "conflicting", report.evidence


def _sentence(nlp: Language, text: str, words: str) -> Candidate:
    sentence = next(s.text for s in nlp(text).sents if words in s.text)
    article = Article(path="corpus/910_dam.txt", content_hash="x", body=text)
    return Candidate(kind="fact", text=sentence, lemmas="", article=article)


def test_the_same_time_supports(check) -> None:
    report = check("The county sent the evacuation alert to people below the Pell Lake dam at 4:20 a.m.")
    assert report.verdict == "supported", report.evidence


def test_a_sentence_timing_one_end_of_the_claims_span_does_not_conflict_with_the_other(check) -> None:
    # the sentence times the start of what the claim times from start to end
    report = check("The Red Cross served meals to evacuated residents at the Pell Lake school shelter from 7 a.m. to 7 p.m.")
    assert "date_mismatch" not in codes(report.evidence), report.evidence
    assert report.verdict == "supported", report.evidence


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # a rough time is a time all the same: two hours off is another time
        ("The county sent the evacuation alert to people below the Pell Lake dam at about 6 a.m.", "conflicting"),
        # within half an hour of a rough one is the same
        ("The county sent the evacuation alert to people below the Pell Lake dam at about 4:30 a.m.", "supported"),
    ],
)
def test_a_rough_time_is_compared_within_half_an_hour(check, claim: str, verdict: str) -> None:
    assert check(claim).verdict == verdict


def test_a_tally_is_two_counts_compared_side_by_side(nlp: Language) -> None:
    doc_quantities = extract_quantities(nlp("The board voted 6-1 on a 4-3 ruling"))
    assert [(q.text, q.value, q.unit) for q in doc_quantities] == [
        ("6-1", 6.0, TALLY_UNITS[0]), ("6-1", 1.0, TALLY_UNITS[1]),
        ("4-3", 4.0, TALLY_UNITS[0]), ("4-3", 3.0, TALLY_UNITS[1]),
    ]
    for a_range in ("children aged 10-12", "a rise of 5-10 percent"):
        assert not {q.unit for q in extract_quantities(nlp(a_range))} & set(TALLY_UNITS)
    # only a connector between two numbers makes a range, not a clause
    (length,) = extract_quantities(nlp("The bridge opened in 1957 and is 1,140 feet long."))
    assert (length.text, length.comparator) == ("1,140 feet", "eq")


def test_another_tally_conflicts(check) -> None:
    report = check("The county board voted 4-3 to hire an outside engineer to inspect the spillway.")
    assert report.verdict == "conflicting", report.evidence
    assert codes(report.evidence) == {"number_mismatch"}
    assert "claim: 4-3; source: 6-1" in {r.detail for e in report.evidence for r in e.reasons}
    assert check("The county board voted 6-1 to hire an engineer to inspect the spillway.").verdict == "supported"


VOTES = """The Pell Lake town council voted 4-1 on Monday to buy two snowplows for $310,000.

The Pell Lake library board voted unanimously on Tuesday to extend the branch's Sunday hours.
"""


@pytest.fixture(scope="module")
def votes(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/911_votes.txt", "Lakeland Courier", "Council and board votes", VOTES)])


def test_unanimously_is_a_tally_with_nobody_against(nlp: Language) -> None:
    (tally,) = extract_quantities(nlp("The board unanimously approved the budget."))
    assert (tally.text, tally.value, tally.unit) == ("unanimously", 0.0, TALLY_UNITS[1])


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        ("The Pell Lake town council unanimously voted on Monday to buy two snowplows for $310,000.",
         "claim: unanimously; source: 4-1"),
        ("The Pell Lake library board voted 4-1 on Tuesday to extend the branch's Sunday hours.",
         "claim: 4-1; source: unanimously"),
    ],
)
def test_a_split_vote_conflicts_with_a_unanimous_one(votes: Check, claim: str, detail: str) -> None:
    report = votes(claim)

    assert report.verdict == "conflicting", report.evidence
    assert detail in {r.detail for e in report.evidence for r in e.reasons}


def test_a_vote_with_nobody_against_states_unanimity(votes: Check) -> None:
    assert votes("The Pell Lake library board voted 5-0 on Tuesday to extend the branch's Sunday hours.").verdict == "supported"


def test_a_hyphenated_measure_is_a_number_of_its_noun(check, nlp: Language) -> None:
    (pipe,) = extract_quantities(nlp("the 24-inch outlet pipe"))
    assert (pipe.value, pipe.unit) == (24.0, "inch")
    # spelled out, the compound names a kind, not a measure
    assert extract_quantities(nlp("two-point sampling on a two-lane road")) == []
    report = check("The cracked outlet pipe under the Pell Lake dam is a 36-inch pipe.")
    assert report.verdict == "conflicting", report.evidence
    assert "claim: 36-inch; source: 24-inch" in {r.detail for e in report.evidence for r in e.reasons}


def test_a_figure_is_dated_by_its_verb(check) -> None:
    report = check("Instruments at the Pell Lake dam recorded six small earthquakes in 2024.")
    assert report.verdict == "conflicting", report.evidence
    assert "claim: six small earthquakes; source: 14 small earthquakes" in {
        r.detail for e in report.evidence for r in e.reasons
    }



RACE = """Tomas Verhoeven, 29, of Carver Heights, won the men's race in 2:19:05, the organisers said.

Aisha Rendell won the women's race in 2:38:50 after leading from the fifth mile.
"""


@pytest.fixture(scope="module")
def race(nlp: Language) -> Check:
    return checker_for(nlp, [("corpus/911_marathon.txt", "Harbour Ledger", "Course records fall", RACE)])


def test_a_race_time_is_one_elapsed_time_not_a_clock_time(nlp: Language) -> None:
    (time,) = extract_quantities(nlp("Verhoeven won in 2:19:05."))
    assert (time.text, round(time.value, 2), time.unit) == ("2:19:05", 139.08, "minute")
    assert clock_times("won in 2:19:05") == []
    assert [t.text for t in clock_times("at 21:05")] == ["21:05"]


def test_an_emoji_code_never_sits_between_digits() -> None:
    assert clean_message("Verhoeven won in 2:19:05 :tada: <@U123>") == "Verhoeven won in 2:19:05"


def test_the_same_race_time_supports_and_another_conflicts_with_both_times(race) -> None:
    assert race("Tomas Verhoeven won the men's race in 2:19:05.").verdict == "supported"
    report = race("Tomas Verhoeven won the men's race in 2:21:05.")
    assert report.verdict == "conflicting", report.evidence
    assert [r.detail for e in report.evidence for r in e.reasons] == ["claim: 2:21:05; source: 2:19:05"]


def _claim(nlp: Language, text: str) -> Claim:
    return parse_claim(nlp(text)[:], nlp=nlp, speakers=SpeakerResolver())


def _source(text: str) -> Candidate:
    return Candidate(kind="fact", text=text, lemmas="", article=Article(path="corpus/911_port.txt", content_hash="x", body=text))


def test_a_day_written_on_a_verb_the_claim_does_not_write_dates_another_event(nlp: Language) -> None:
    source = _source("Omar Haddad, who had been detained for two years in 2009, addressed the crowd on Wednesday.")

    # Wednesday dates the address: it says nothing of being held that day
    assert day_of_another_verb(_claim(nlp, "Haddad was held in the crowd on Wednesday."), source, nlp)
    assert not day_of_another_verb(_claim(nlp, "Haddad addressed the crowd on Wednesday."), source, nlp)
    assert not day_of_another_verb(_claim(nlp, "Haddad spoke to the crowd."), source, nlp)


def test_a_day_on_the_verb_of_the_claims_event_noun_dates_the_claims_event(nlp: Language) -> None:
    # "went on diversion" is the event "were diverted" tells
    source = _source("Ambulances were diverted from Mercy Hospital for about six hours on Monday.")
    claim = _claim(nlp, "Mercy Hospital went on ambulance diversion for six hours on Monday.")

    assert not day_of_another_verb(claim, source, nlp)
