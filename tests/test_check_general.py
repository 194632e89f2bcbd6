"""General stance rules on small made-up articles (not the seeds).

Each test is a kind of claim the bot meets on stories it has never seen:
a short sentence repeated from a longer quote, a year, "he" for a person
named just before, opposite verbs, durations in other units, paraphrases
that share no verb, and topics that only share a word or two.
"""

from __future__ import annotations

import pytest
from check_world import Check, checker_for, codes
from spacy.language import Language

from bot.core.models import Quantity
from bot.language.quantity_comparison import comparable
from bot.language.speakers import SpeakerResolver

ALLIANCE = """Secretary General Mark Rutte met ministers in Brussels on Thursday to discuss Russian President Vladimir Putin.

"I don't know what exactly President Putin is thinking," Rutte said. "He is a strong negotiator, he is very unpredictable, and we must be ready."

Calling for more spending, Defence Minister Tom Jones said: "2 percent is not enough. President Smith has called for 5 percent and I agree."

Spending more on defence was a down-payment on security, Jones added.

In 2014, Putin began backing separatists in the east and annexed the Crimea peninsula.

Ministers heard his message clearly and were determined to act, the spokesman said.
"""

HARBOUR = """Negotiators discussed the port strike for over 90 minutes on Wednesday.

The union ballot had been going on for 48 hours, officials said.

The three-year-old dispute has cost millions, and the meeting lasted over three hours.

The blogger Dan Ferris flew home to Canada on Tuesday after his release.
"""

ARTICLES = [
    ("corpus/010_alliance.txt", "Alliance Times", "Ministers meet", ALLIANCE),
    ("corpus/011_harbour.txt", "Harbour Post", "Port strike talks", HARBOUR),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def test_a_short_sentence_of_a_longer_quote_supports_its_indirect_report(check) -> None:
    report = check("Jones said 2 percent is not enough for defence spending.")
    assert report.verdict == "supported", report.evidence
    assert "2 percent is not enough" in report.evidence[0].text


def test_dropping_the_not_of_that_sentence_conflicts_on_negation(check) -> None:
    report = check("Jones said 2 percent is enough for defence spending.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"negation"}


def test_a_negation_needs_the_denied_word_in_the_source(check) -> None:
    """ "not enough" against a sentence with no "enough" is not evidence either way."""
    report = check("Jones said spending on defence is not enough.")
    assert all("down-payment" not in e.text for e in report.evidence)


def test_a_year_differing_from_the_source_is_a_date_mismatch(check) -> None:
    report = check("Russia annexed Crimea in 2016.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"date_mismatch"}
    assert "2014" in report.evidence[0].reasons[0].detail


def test_the_right_year_with_the_country_named_through_its_leader_is_supported(
    check,
) -> None:
    """The article calls him "Russian President Vladimir Putin": his acts are Russia's."""
    assert check("Russia annexed Crimea in 2014.").verdict == "supported"


def test_he_in_a_quote_is_the_person_named_just_before(check) -> None:
    report = check("Rutte said Putin is very unpredictable.")
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].speaker == "Mark Rutte"


def test_an_adjective_antonym_through_a_pronoun_conflicts(check) -> None:
    report = check("Rutte said Putin is a weak negotiator.")
    assert report.verdict == "conflicting"
    assert "antonym" in codes(report.evidence)


def test_an_opposite_verb_conflicts_as_an_antonym(check) -> None:
    report = check("Ministers ignored his message.")
    assert report.verdict == "conflicting"
    assert codes(report.evidence) == {"antonym"}


def test_flew_home_is_a_paraphrase_of_returned(check) -> None:
    assert check("Dan Ferris returned to Canada on Tuesday.").verdict == "supported"
    wrong_day = check("Dan Ferris returned to Canada on Friday.")
    assert wrong_day.verdict == "conflicting"
    assert codes(wrong_day.evidence) == {"date_mismatch"}


def test_lasted_and_an_hour_and_a_half_paraphrase_over_90_minutes(check) -> None:
    report = check("The talks on the port strike lasted more than an hour and a half.")
    assert report.verdict == "supported", report.evidence


def test_durations_compare_across_units(check) -> None:
    assert check("The union ballot had been going on for two days.").verdict == "supported"
    report = check("The union ballot had been going on for 36 hours.")
    assert report.verdict == "conflicting"
    assert "number_mismatch" in codes(report.evidence)


def test_an_age_is_not_compared_with_a_duration(check) -> None:
    report = check("The meeting lasted over three hours.")
    assert report.verdict == "supported"


def test_a_topic_sharing_a_word_or_two_is_not_found(check) -> None:
    assert check("The Bank of England cut interest rates.").verdict == "not_found"
    assert check("The Pope met ministers in Rome.").verdict == "not_found"


def test_quantities_are_comparable_by_dimension_not_only_unit() -> None:
    hours = Quantity(text="48 hours", value=2880, unit="minute", comparator="eq")
    days = Quantity(text="two days", value=2, unit="day", comparator="eq")
    years = Quantity(text="three years", value=3, unit="year", comparator="eq")
    age = Quantity(text="three-year-old", value=3, unit="year of age", comparator="eq")
    assert comparable(hours, days)
    assert not comparable(hours, years)  # hours and years are about different things
    assert not comparable(years, age)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hear", "ignore"),
        ("heed", "disregard"),
        ("accept", "reject"),
        ("confirm", "deny"),
        ("support", "oppose"),
        ("increase", "cut"),
        ("win", "lose"),
        ("agree", "refuse"),
    ],
)
def test_the_antonym_lexicon_knows_opposite_verbs(a: str, b: str) -> None:
    from bot.language.lexicon import are_antonyms

    assert are_antonyms(a, b)


def test_a_claim_records_what_its_not_denies(nlp: Language) -> None:
    from bot.check.claim_selection import extract_claims

    (claim,) = extract_claims(
        "Trump said Ukraine cannot go into NATO.", nlp=nlp, speakers=SpeakerResolver()
    )
    assert claim.negated_words == ["nato"]  # "go" is too light to be what is denied
    (claim,) = extract_claims(
        "Jones said 2 percent is not enough.", nlp=nlp, speakers=SpeakerResolver()
    )
    assert claim.negated_words == ["enough"]


def test_lasted_is_not_a_word_the_source_must_repeat(nlp: Language) -> None:
    from bot.check.claim_selection import extract_claims

    (claim,) = extract_claims(
        "The talks lasted three hours.", nlp=nlp, speakers=SpeakerResolver()
    )
    assert "last" not in claim.key_lemmas and claim.predicate is None
