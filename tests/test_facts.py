"""The facts layer: numbers with units, dates, negation, antonyms, entities.

Each test is a small hand-written sentence, read the way a fact-checker
would read it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.language import facts
from bot.core.models import Quantity
from bot.language.nlp import load_pipeline

THU_13_FEB_2025 = dt.date(2025, 2, 13)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def quantities(nlp, text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text, q.value, q.unit, q.comparator) for q in facts.extract_quantities(nlp(text))]


def only_quantity(nlp, text: str) -> Quantity:
    found = facts.extract_quantities(nlp(text))
    assert len(found) == 1, found
    return found[0]


# --- quantities ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They talked for over 90 minutes.", ("over 90 minutes", 90, "minute", "gt")),
        ("The call lasted three hours.", ("three hours", 180, "minute", "eq")),
        ("The meeting ran for ninety minutes.", ("ninety minutes", 90, "minute", "eq")),
        ("They met for two-and-a-half hours.", ("two-and-a-half hours", 150, "minute", "eq")),
        ("They met for two and a half hours.", ("two and a half hours", 150, "minute", "eq")),
        ("He waited half an hour.", ("half an hour", 30, "minute", "eq")),
        ("The ceasefire would last 48 hours.", ("48 hours", 2880, "minute", "eq")),
        ("The pause lasted 30 seconds.", ("30 seconds", 0.5, "minute", "eq")),
        ("The offensive lasted two weeks.", ("two weeks", 14, "day", "eq")),
        ("He served four years in office.", ("four years", 4, "year", "eq")),
        ("It signed a three-year deal.", ("three-year", 3, "year", "eq")),
        ("The war has gone on for nearly 3 years.", ("nearly 3 years", 3, "year", "approx")),
        ("Talks took six months.", ("six months", 6, "month", "eq")),
        ("Members should spend 5 per cent of GDP.", ("5 per cent", 5, "percent", "eq")),
        ("Members should spend 5 percent of GDP.", ("5 percent", 5, "percent", "eq")),
        ("Members should spend 5% of GDP.", ("5%", 5, "percent", "eq")),
        ("Members should spend five percent of GDP.", ("five percent", 5, "percent", "eq")),
        ("Inflation reached 2 percent.", ("2 percent", 2, "percent", "eq")),
        ("Support fell 3 percentage points.", ("3 percentage points", 3, "percentage point", "eq")),
        ("Washington pledged $5 billion.", ("$5 billion", 5e9, "usd", "eq")),
        ("Brussels pledged €1.2bn.", ("€1.2bn", 1.2e9, "eur", "eq")),
        ("London pledged £300m.", ("£300m", 3e8, "gbp", "eq")),
        ("They sent 10,000 troops.", ("10,000 troops", 10000, "troop", "eq")),
        ("They sent 10,000 American troops.", ("10,000 American troops", 10000, "troop", "eq")),
        (
            "They sent more than 2,000 soldiers.",
            ("more than 2,000 soldiers", 2000, "soldier", "gt"),
        ),
        ("At least 12 people died.", ("At least 12 people", 12, "person", "ge")),
        ("About 40 drones were shot down.", ("About 40 drones", 40, "drone", "approx")),
        ("Up to 1.5 million people fled.", ("Up to 1.5 million people", 1.5e6, "person", "le")),
        ("It took less than 24 hours.", ("less than 24 hours", 1440, "minute", "lt")),
        ("It took under an hour and a half.", ("under an hour and a half", 90, "minute", "lt")),
        ("A dozen drones hit the port.", ("A dozen drones", 12, "drone", "eq")),
        ("The 27 member states agreed.", ("27 member states", 27, "state", "eq")),
        ("They covered 200 km.", ("200 km", 200, "kilometre", "eq")),
        ("They spoke for an hour.", ("an hour", 60, "minute", "eq")),
        ("The 78-year-old president spoke.", ("78-year-old", 78, "year of age", "eq")),
        ("He is 78 years old.", ("78 years old", 78, "year of age", "eq")),
        ("The siege lasted more than a year.", ("more than a year", 1, "year", "gt")),
    ],
)
def test_a_number_with_its_unit_is_normalised(nlp, text, expected):
    assert quantities(nlp, text) == [expected]


def test_n_in_m_is_a_share_not_a_count(nlp):
    assert quantities(nlp, "One in three students is homeless.") == [("One in three", 33.33, "percent", "eq")]
    assert quantities(nlp, "Nearly 1 in 5 residents lacks a doctor.") == [("Nearly 1 in 5", 20, "percent", "approx")]
    assert compare(nlp, "One in three students is homeless.", "About 3 percent of students are homeless.").relation == "mismatch"
    assert compare(nlp, "One in five residents lacks a doctor.", "20 percent of residents lack a doctor.").relation == "consistent"


@pytest.mark.parametrize("text", ["Five in 2023 were closed.", "He scored 20 in 30 minutes.", "They won 3 in a row."])
def test_a_number_before_in_is_a_share_only_of_a_larger_bare_number(nlp, text):
    assert all(unit != "percent" for _, _, unit, _ in quantities(nlp, text))


def test_ranges_give_both_ends_the_unit(nlp):
    assert quantities(nlp, "Growth will be between 2 and 3 percent.") == [
        ("2", 2, "percent", "ge"),
        ("3 percent", 3, "percent", "le"),
    ]
    assert quantities(nlp, "It lasted 5 to 10 minutes.") == [
        ("5", 5, "minute", "ge"),
        ("10 minutes", 10, "minute", "le"),
    ]


def test_a_tally_or_a_fall_is_two_figures_not_a_range(nlp):
    assert quantities(nlp, "Members voted 431 to 78 to ratify the contract.") == [
        ("431", 431, "", "eq"),
        ("78", 78, "", "eq"),
    ]
    assert quantities(nlp, "Turnout fell from 12 to 5 percent.") == [
        ("12", 12, "percent", "eq"),
        ("5 percent", 5, "percent", "eq"),
    ]


def test_the_year_of_a_figure_is_no_end_of_a_range(nlp):
    assert quantities(nlp, "The bill rose from $1,904 in 2027 to $1,965 in 2028.") == [
        ("$1,904", 1904, "usd", "eq"),
        ("$1,965", 1965, "usd", "eq"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine will not return to its pre-2014 borders or its 2014 borders.",
        "The law was passed in 2020.",
        "The summit is on February 12, 2025.",
        "The summit is on 12 February.",
        "The summit was on 2025-02-12.",
        "He finished 2nd, the first time in years.",
        "The statement came at 4.16am.",
        "The statement came at 10:30 a.m. and again at 5pm.",
        "Article 5 applies to every member.",
        "One of them spoke.",
        "They meet twice a year, and met again a week later.",
    ],
)
def test_dates_ordinals_times_and_identifiers_are_not_quantities(nlp, text):
    assert quantities(nlp, text) == []


# --- comparing quantities ---------------------------------------------------------


def compare(nlp, claim: str, source: str) -> facts.QuantityComparison:
    return facts.compare_quantities(only_quantity(nlp, claim), only_quantity(nlp, source))


def test_three_hours_does_not_fit_over_90_minutes(nlp):
    result = compare(
        nlp,
        "The ministers met for over three hours.",
        "The ministers discussed the budget for over 90 minutes.",
    )
    assert result.relation == "mismatch"
    assert result.detail == "claim: over three hours; source: over 90 minutes"


def test_a_plain_three_hours_against_over_90_minutes_is_a_mismatch(nlp):
    result = compare(nlp, "They spoke for three hours.", "They spoke for over 90 minutes.")
    assert result.relation == "mismatch"
    assert result.detail == "claim: three hours; source: over 90 minutes"


def test_more_than_agrees_with_over(nlp):
    result = compare(nlp, "They spoke for more than 90 minutes.", "They spoke for over 90 minutes.")
    assert result.relation == "consistent"


def test_an_hour_and_a_half_agrees_with_ninety_minutes(nlp):
    result = compare(nlp, "They spoke for an hour and a half.", "They spoke for 90 minutes.")
    assert result.relation == "consistent"


def test_percent_spellings_agree(nlp):
    result = compare(
        nlp,
        "Allies must spend 5 per cent of their gross domestic product on defence.",
        "Allies must spend 5% of GDP on defence.",
    )
    assert result.relation == "consistent"


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Members spend 10 percent of GDP.", "Members spend 5 percent of GDP."),
        ("The truce lasts 48 hours.", "The truce lasts 24 hours."),
        ("The US sent 20,000 troops.", "The US sent 10,000 troops."),
        ("Kyiv asked for $50 billion.", "Kyiv asked for $5 billion."),
    ],
)
def test_different_numbers_are_a_mismatch(nlp, claim, source):
    assert compare(nlp, claim, source).relation == "mismatch"


def test_approximate_numbers_agree_within_about_fifteen_percent(nlp):
    assert compare(nlp, "nearly 3 years of war", "a three-year war").relation == "consistent"
    assert compare(nlp, "about 40 drones", "44 drones").relation == "consistent"
    assert compare(nlp, "about 40 drones", "60 drones").relation == "mismatch"


def test_two_round_figures_agree_only_within_one_tolerance(nlp):
    # their 15% ranges touch, but a reader sees two different figures
    assert compare(nlp, "about 48,000 vehicles", "about 38,000 vehicles").relation == "mismatch"
    assert compare(nlp, "about 48,000 vehicles", "about 45,000 vehicles").relation == "consistent"


def test_a_round_figure_reaches_no_further_than_its_last_written_digit(nlp):
    # 1.26 million is within 15% of 1.1 million, but rounded it reads "about 1.3 million"
    assert compare(nlp, "about 1.1 million hens", "the 1.26 million hens").relation == "mismatch"
    assert compare(nlp, "the 1.26 million hens", "about 1.1 million hens").relation == "mismatch"
    assert compare(nlp, "about 1.1 million hens", "the 1.15 million hens").relation == "consistent"
    # a figure rounded to thousands keeps its 15%; so do two round figures
    assert compare(nlp, "about 2,000 people", "2,250 people").relation == "consistent"
    assert compare(nlp, "About 4,200 dockworkers", "about 4,000 dockworkers").relation == "consistent"


def test_two_caps_or_two_floors_agree_only_when_their_figures_do(nlp):
    # "up to" covers the cap and a little below: the ranges overlap, the caps differ
    assert compare(nlp, "It set aside up to $68,000.", "It set aside up to $86,000.").relation == "mismatch"
    assert compare(nlp, "It drew more than 3,000 signatures.", "It drew over 2,500 signatures.").relation == "mismatch"
    assert compare(nlp, "It set aside up to $86,000.", "It set aside as much as $86,000.").relation == "consistent"
    assert compare(nlp, "They spoke for more than 90 minutes.", "They spoke for over 90 minutes.").relation == "consistent"


def test_exact_figures_agree_to_the_coarser_ones_last_digit(nlp):
    # two digits swapped: within 1%, but a reader sees two different sums
    assert compare(nlp, "The audit found $19,530.", "The audit found $19,350.").relation == "mismatch"
    assert compare(nlp, "It destroyed 1,142 homes.", "It destroyed 1,150 homes.").relation == "mismatch"
    # a figure rounded to its last written digit is the same figure
    assert compare(nlp, "It had 1,846 appeals.", "It had 1,850 appeals.").relation == "consistent"
    assert compare(nlp, "The road carries 48,000 cars.", "The road carries 47,800 cars.").relation == "consistent"


def test_a_figure_after_not_is_denied_and_contradicts_only_that_figure(nlp):
    assert quantities(nlp, "Each tire costs $4, not $40.") == [
        ("$4", 4.0, "usd", "eq"),
        ("not $40", 40.0, "usd", "ne"),
    ]
    denied = "The permit costs $30 a year, not $300."
    assert compare(nlp, "The permit costs $300.", "It is not $300.").relation == "mismatch"
    assert compare(nlp, "The permit costs $250.", "It is not $300.").relation == "unrelated"
    assert compare(nlp, "It is not $300.", "It is not $300.").relation == "consistent"
    assert [q[3] for q in quantities(nlp, denied)] == ["eq", "ne"]
    # a longer phrase with "not" keeps its own meaning
    assert only_quantity(nlp, "They may keep not more than 40 hens.").comparator == "le"


def test_a_bare_figure_denied_after_another_takes_its_unit(nlp):
    assert quantities(nlp, "The spill was about 19,000 gallons, not 190,000.") == [
        ("about 19,000 gallons", 19000.0, "gallon", "approx"),
        ("not 190,000", 190000.0, "gallon", "ne"),
    ]
    # the contrast a comma sets off denies the sentence's latest figure, however far back
    assert quantities(nlp, "Twelve people were hurt, not 14.")[1] == ("not 14", 14.0, "person", "ne")
    assert quantities(nlp, "It delivered 571 babies in 2024, not 612 as first reported.")[1] == (
        "not 612", 612.0, "baby", "ne"
    )
    # farther away and without the comma, the bare figure may count something else
    assert quantities(nlp, "Twelve people said the total was not 14.")[1] == ("not 14", 14.0, "", "ne")


def test_units_that_cannot_be_converted_are_unrelated(nlp):
    assert compare(nlp, "It lasted 5 hours.", "It grew 5 percent.").relation == "unrelated"
    assert compare(nlp, "They sent 500 troops.", "They sent 500 tanks.").relation == "unrelated"


def test_durations_convert_across_units(nlp):
    assert compare(nlp, "It lasted 48 hours.", "It lasted two days.").relation == "consistent"
    assert (
        compare(nlp, "It lasted 18 months.", "It lasted a year and a half.").relation
        == "consistent"
    )


@pytest.mark.parametrize(
    ("claim", "source", "relation"),
    [
        ("The crack is roughly 140 cm long.", "The crack is about 1.4 metres long.", "consistent"),
        ("The main is a 36-inch pipe.", "The main is a 3-foot pipe.", "consistent"),
        ("The detour adds 2 miles.", "The detour adds 5 km.", "mismatch"),
        ("The tank holds 2,000 kg of ammonia.", "The tank holds 2 tonnes of ammonia.", "consistent"),
        ("The crack is 140 cm long.", "The crack is 140 kg.", "unrelated"),
        # an area or a volume is no length
        ("The depot is 38 miles north of the city.", "The rule covers buildings over 100,000 square feet.", "unrelated"),
        ("The warehouse covers 640,000 square feet.", "The warehouse covers 600,000 square feet.", "mismatch"),
        ("Crews hauled 12 cubic yards of debris.", "Crews hauled the debris 12 yards.", "unrelated"),
    ],
)
def test_lengths_and_masses_convert_across_units(nlp, claim, source, relation):
    assert compare(nlp, claim, source).relation == relation


# --- dates --------------------------------------------------------------------


def dates(nlp, text: str, published: dt.date | None = THU_13_FEB_2025) -> list[dt.date]:
    return facts.extract_dates(nlp(text), published)


def test_a_weekday_is_the_most_recent_such_day_on_or_before_publication(nlp):
    assert dates(nlp, "Trump spoke to Putin on Wednesday.") == [dt.date(2025, 2, 12)]
    assert dates(nlp, "Hegseth spoke in Brussels on Thursday.") == [dt.date(2025, 2, 13)]
    assert dates(nlp, "The talks began on Monday.") == [dt.date(2025, 2, 10)]


def test_a_weekday_in_a_forward_looking_sentence_is_the_next_such_day(nlp):
    assert dates(nlp, "The leaders will meet on Saturday.") == [dt.date(2025, 2, 15)]
    assert dates(nlp, "Officials meet again next Monday.") == [dt.date(2025, 2, 17)]


def test_relative_days_resolve_against_publication(nlp):
    assert dates(nlp, "He said so yesterday and repeated it today.") == [
        dt.date(2025, 2, 12),
        dt.date(2025, 2, 13),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It happened on February 12.",
        "It happened on Feb 12, 2025.",
        "It happened on Feb. 12th.",
        "It happened on 12 February 2025.",
        "It happened on the 12th of February.",
        "It happened on 2025-02-12.",
        "It happened on Wednesday, February 12.",
    ],
)
def test_explicit_dates_in_many_spellings(nlp, text):
    assert dates(nlp, text) == [dt.date(2025, 2, 12)]


def test_a_date_without_a_year_takes_the_nearest_year(nlp):
    assert dates(nlp, "It began on December 30.", dt.date(2025, 1, 2)) == [dt.date(2024, 12, 30)]


def test_without_a_publication_date_only_full_dates_resolve(nlp):
    assert dates(nlp, "On Wednesday, February 12, 2025 and on Friday.", None) == [
        dt.date(2025, 2, 12)
    ]


def test_weekday_mentions_name_the_days(nlp):
    assert facts.weekday_mentions(nlp("It was Tuesday, not Wednesday or tuesday.")) == [
        "Tuesday",
        "Wednesday",
    ]


# --- negation -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("There will not be US troops deployed to Ukraine.", ["not"]),
        ("Trump never promised Ukraine NATO membership.", ["never"]),
        ("The US won't send troops.", ["not"]),
        ("Ukraine is no longer a candidate.", ["no longer"]),
        ("There will be no American troops in Ukraine.", ["no"]),
        ("Neither France nor Germany objected.", ["neither", "nor"]),
        ("Talks went ahead without Ukraine.", ["without"]),
        ("The board took no vote on Tuesday.", ["no"]),  # a "no" opening its phrase denies
        ("The strike gave the union no choice.", ["no"]),
    ],
)
def test_negation_cues(nlp, text, cues):
    doc = nlp(text)
    assert facts.negation_cues(doc) == cues
    assert facts.is_negated(doc)


@pytest.mark.parametrize(
    "text",
    [
        "This is not only about Ukraine but about Europe.",
        "It is not just the money.",
        "There is no doubt the US will send troops.",
        "No, the US will send troops.",
        "Allies will spend no more than 5 percent.",
        "The troops stay, whether or not Kyiv agrees.",
        "The US will deploy troops to Ukraine.",
        "They will meet in the not-too-distant future.",
        "Commissioner Alan Brubaker cast the lone no vote.",
        "There were two no votes on the motion.",
        "Her no vote surprised colleagues.",
    ],
)
def test_idioms_and_plain_statements_are_not_negated(nlp, text):
    assert not facts.is_negated(nlp(text))


def test_negated_heads_say_what_is_denied(nlp):
    assert facts.negated_heads(nlp("There will not be US troops deployed to Ukraine.")) == [
        "troop",
        "deploy",
    ]
    assert facts.negated_heads(nlp("The US would not deploy troops there.")) == ["deploy"]
    assert "realistic" in facts.negated_heads(nlp("Membership for Ukraine is not realistic."))


def test_negative_predicates_are_reported_apart(nlp):
    doc = nlp("The US ruled out sending troops and Russia denied the report.")
    assert facts.negative_predicates(doc) == ["rule out", "deny"]
    assert not facts.is_negated(doc)


# --- antonyms ---------------------------------------------------------------------


def lemmas(nlp, text: str) -> list[str]:
    return facts.sentence_lemmas(nlp(text)).split()


@pytest.mark.parametrize(
    ("claim", "source", "pair"),
    [
        (
            "Hegseth said a return to the 2014 borders was realistic.",
            "Hegseth said a return to the 2014 borders was unrealistic.",
            ("realistic", "unrealistic"),
        ),
        ("A deal is possible.", "A deal is impossible.", ("possible", "impossible")),
        ("A deal is likely this year.", "A deal is unlikely this year.", ("likely", "unlikely")),
        ("The strikes were legal.", "The strikes were illegal.", ("legal", "illegal")),
        ("Prices rose in January.", "Prices fell in January.", ("rise", "fall")),
        ("Exports increased sharply.", "Exports decreased sharply.", ("increase", "decrease")),
        ("Europe must do more.", "Europe must do less.", ("more", "less")),
        ("Kyiv accepted the plan.", "Kyiv rejected the plan.", ("accept", "reject")),
        ("Congress approved the aid.", "Congress rejected the aid.", ("approve", "reject")),
        ("The EU will allow imports.", "The EU will ban imports.", ("allow", "ban")),
        ("Germany supports the plan.", "Germany opposes the plan.", ("support", "oppose")),
        ("Paris agreed with Berlin.", "Paris disagreed with Berlin.", ("agree", "disagree")),
        ("The offensive was a success.", "The offensive was a failure.", ("success", "failure")),
        ("Growth will be higher.", "Growth will be lower.", ("high", "low")),
        ("The economy is strong.", "The economy is weak.", ("strong", "weak")),
        ("Ukraine will win the war.", "Ukraine will lose the war.", ("win", "lose")),
        (
            "The plan is sustainable.",
            "The plan is unsustainable.",
            ("sustainable", "unsustainable"),
        ),
        ("The vote was binding.", "The vote was non-binding.", ("bind", "nonbinding")),
        (
            "The talks were productive.",
            "The talks were unproductive.",
            ("productive", "unproductive"),
        ),
        ("The answer was adequate.", "The answer was inadequate.", ("adequate", "inadequate")),
    ],
)
def test_antonym_conflicts(nlp, claim, source, pair):
    assert facts.find_antonym_conflict(lemmas(nlp, claim), lemmas(nlp, source)) == pair


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        ("Prices rose in January.", "Prices rose in January after they fell in December."),
        ("The plan is realistic.", "The plan is realistic and achievable."),
        ("The discovery was valuable.", "The discovery was invaluable."),
        ("He was interested.", "He was disinterested."),
        # the source states the claim's side in other words, besides the other side
        ("Crews will start the work on June 2.", "Crews will begin the work on June 2 and finish it by June 20."),
        # the claim states the source's side too ("shut" as the source's "closed")
        ("The road was shut for four hours and reopened at noon.", "The road was closed for four hours."),
    ],
)
def test_no_antonym_conflict_when_both_sides_say_it_or_words_only_look_opposite(nlp, claim, source):
    assert facts.find_antonym_conflict(lemmas(nlp, claim), lemmas(nlp, source)) is None


def test_antonym_lexicon_is_symmetric_and_general():
    pairs = facts.antonym_pairs()
    assert frozenset(("realistic", "unrealistic")) in pairs
    assert frozenset(("increase", "decrease")) in pairs
    assert len(pairs) > 300
    assert facts.are_antonyms("reject", "accept") and facts.are_antonyms("accept", "reject")
    assert facts.are_antonyms("unenforceable", "enforceable")
    assert not facts.are_antonyms("cover", "discover")


# --- entities, lemmas and whole passages ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "canonical"),
    [
        ("U.S.", "GPE", "united states"),
        ("US", "GPE", "united states"),
        ("the United States", "GPE", "united states"),
        ("U.K.", "GPE", "united kingdom"),
        ("UK", "GPE", "united kingdom"),
        ("Kiev", "GPE", "kyiv"),
        ("Kyiv", "GPE", "kyiv"),
        ("NATO", "ORG", "nato"),
        ("NATO's", "ORG", "nato"),
        ("North Atlantic Treaty Organization", "ORG", "nato"),
        ("the North Atlantic Alliance", "ORG", "nato"),
        ("EU", "ORG", "european union"),
        ("the European Union", "ORG", "european union"),
        ("Volodymyr Zelenskyy", "PERSON", "volodymyr zelensky"),
        ("Zelenskiy", "PERSON", "zelensky"),
        ("Americans", "NORP", "united states"),
        ("the Kremlin", "ORG", "kremlin"),
    ],
)
def test_canonical_entities(text, label, canonical):
    assert facts.canonical_entity(text, label) == canonical


def test_a_sentence_becomes_a_passage(nlp):
    doc = nlp(
        "There won't be U.S. troops in Kyiv, Hegseth said on Wednesday, "
        "urging allies to spend 5 per cent of GDP."
    )
    passage = facts.analyse_sentence(next(doc.sents), position=3, published=THU_13_FEB_2025)
    assert passage.position == 3
    assert passage.text.startswith("There won't be U.S. troops")
    assert passage.lemmas.startswith("there will not be us troop in kyiv")
    assert "5" in passage.lemmas.split()
    assert "united states" in {e.canonical for e in passage.entities}
    assert passage.quantities == [
        Quantity(text="5 per cent", value=5, unit="percent", comparator="eq")
    ]
    assert passage.dates == [dt.date(2025, 2, 12)]
    assert passage.negated


def test_numeric_entities_are_left_to_quantities_and_dates(nlp):
    doc = nlp("Putin spoke for 90 minutes on Wednesday with 5% support.")
    labels = {e.label for e in facts.extract_entities(doc)}
    assert not labels & {"TIME", "DATE", "PERCENT", "CARDINAL"}
