"""Who said it, in which office, and where: round 7 of the speaker rules, on made-up articles.

Another person's quote is a speaker_mismatch only when it says what the claim
says; "he said" after a paragraph about someone new is that someone; an office
the sources give somebody else is an entity mismatch; so is another place in
the setting of a quote; a few words quoted after "adding that" are the
speaker's (also when the claim says "described ... as"); and a headline's
"the mayor" is the person the article introduces as mayor.
"""

from __future__ import annotations


import pytest
from check_world import Check, checker_for, checker_over, codes, save_written_article
from spacy.language import Language

from bot.check.claim_selection import extract_claims
from bot.ingest.quotes import extract_quotes
from bot.language.speakers import SpeakerResolver
from bot.store import open_store

BUDGET = """Health Minister Tom Berg and Finance Minister Ana Garcia presented the spending plan in parliament on Tuesday.

"The budget is balanced for the first time in a decade," Garcia told lawmakers.

"We will not send extra staff to the northern clinics this winter," Berg said.
"""
CLINIC = """Health Minister Tom Berg visited the northern valley on Friday.

"We will not send staff to the clinic while it is closed," Berg said.

"No clinic will close this year, and we will not cut any staff," Berg added.

Finance Minister Ana Garcia met the nurses later.
"""
STRIKE = """Union leader Paul Keller addressed striking dock workers on Monday.

"We must act now," Keller said at the rally.

Port Minister Daniel Hansen rejected the idea that he was delaying the new contract.

"We must rebuild trust with the dock workers," he said.

Keller told reporters outside Gate 4: "The strike will continue until the port authority listens."

"This is a welcome sign for everyone who works at the port," Keller said, adding that the mayor was "the best planner in the country."
"""
ECHO = """Port officials said on Tuesday that the timetable would be published next week.

"The mayor is the best planner in the country," said councillor Maria Lopez, who chairs the transport committee.
"""
ARTICLES = [
    ("corpus/070_budget.txt", "Capital Post", "Budget presented", BUDGET),
    ("corpus/071_clinic.txt", "Valley News", "Clinic visit", CLINIC),
    ("corpus/072_strike.txt", "Harbour Herald", "Dock strike", STRIKE),
    ("corpus/073_echo.txt", "City Wire", "Timetable", ECHO),
]


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, ARTICLES)


def reasons(report, code: str) -> list[str]:
    return [r.detail for e in report.evidence for r in e.reasons if r.code == code]


# 7. another person's quote must say what the claim says


@pytest.mark.parametrize(
    "claim",
    [
        "Garcia said the clinic will not close.",  # Berg: "will not send staff to the clinic"
        "Garcia said the clinic will close.",  # Berg: "No clinic will close": the opposite
    ],
)
def test_another_persons_quote_on_the_same_topic_is_no_evidence(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "not_found", report.evidence
    assert "speaker_mismatch" not in codes(report.evidence)


def test_another_persons_quote_stating_the_claim_is_a_speaker_mismatch(check) -> None:
    report = check("Garcia said they will not send staff to the clinic.")
    assert report.verdict == "conflicting", report.evidence
    assert reasons(report, "speaker_mismatch") == ["the quote is Tom Berg's, not Ana Garcia's"]


def test_a_named_speaker_with_an_office_beside_the_name_is_that_person(check) -> None:
    # nobody called Okoro is quoted: the name itself is the claimed speaker, not an office
    report = check("Ruth Okoro, the transport committee's secretary, said we must rebuild trust with the dock workers.")
    assert report.verdict == "conflicting", report.evidence
    assert reasons(report, "speaker_mismatch") == ["the quote is Daniel Hansen's, not Ruth Okoro's"]


# 8. "he said" after a paragraph about someone else


def test_he_after_a_paragraph_naming_a_new_subject_is_that_subject(check) -> None:
    report = check('Hansen said "We must rebuild trust with the dock workers."')
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].speaker == "Daniel Hansen"


def test_the_earlier_quoted_speaker_is_not_credited_with_it(check) -> None:
    report = check('Keller said "We must rebuild trust with the dock workers."')
    assert report.verdict == "conflicting", report.evidence
    assert reasons(report, "speaker_mismatch") == ["the quote is Daniel Hansen's, not Paul Keller's"]


def test_a_claimed_speaker_the_tagger_reads_as_a_noun_is_still_the_speaker(nlp) -> None:
    speakers = SpeakerResolver()
    speakers.register("Luis Morales")
    claim = extract_claims(
        "Morales said the border crossing will reopen next week.", nlp=nlp, speakers=speakers
    )[0]
    assert claim.speaker == "Luis Morales"
    assert claim.content == "the border crossing will reopen next week"


@pytest.mark.parametrize(
    "middle",
    [
        "On Wednesday, Hansen dismissed suggestions that he was stalling.",  # "Hansen" tagged a noun
        "Hansen has faced criticism for the delays.",
        "But the port minister Daniel Hansen has rejected the idea that he is stalling.",
        "The minister rejected the idea that he was delaying the contract.",  # by office
    ],
)
def test_he_resolves_to_the_subject_of_the_sentence_before(nlp, middle) -> None:
    text = (
        "Union leader Samuel Keller and Port Minister Daniel Hansen met on Monday.\n\n"
        '"We must act now," Keller said at the rally.\n\n'
        f"{middle}\n\n"
        '"We must rebuild trust," he said.\n'
    )
    quotes = extract_quotes(nlp(text), resolver=SpeakerResolver())
    said = {q.text: q.speaker for q in quotes}
    assert said["We must act now"] == "Samuel Keller"
    assert said["We must rebuild trust"] == "Daniel Hansen"


# 9. an office the sources give someone else


@pytest.mark.parametrize(
    ("claim", "detail"),
    [
        (
            "Health Minister Ana Garcia said the budget is balanced for the first time in a decade.",
            "claim: Health Minister Ana Garcia; source: Finance Minister Ana Garcia",
        ),
        (
            "Finance Minister Tom Berg said they will not send extra staff to the northern clinics this winter.",
            "claim: Finance Minister Tom Berg; source: Health Minister Tom Berg",
        ),
    ],
)
def test_a_swapped_office_conflicts_though_the_words_match(check, claim, detail) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert detail in reasons(report, "entity_mismatch")


def test_an_office_written_beside_the_name_is_checked_too(check) -> None:
    report = check(
        "Ana Garcia, the health minister, said the budget is balanced for the first time in a decade."
    )
    assert report.verdict == "conflicting", report.evidence
    assert any("Finance Minister Ana Garcia" in d for d in reasons(report, "entity_mismatch"))


@pytest.mark.parametrize(
    "claim",
    [
        "Ana Garcia, the finance minister, said the budget is balanced for the first time in a decade.",
        "Finance Minister Ana Garcia said the budget is balanced for the first time in a decade.",
        "Minister Ana Garcia said the budget is balanced for the first time in a decade.",
        "Spanish Finance Minister Ana Garcia said the budget is balanced for the first time in a decade.",
    ],
)
def test_the_office_as_written_or_less_precise_supports(check, claim) -> None:
    assert check(claim).verdict == "supported"


# 10. another place in the setting of a quote


@pytest.mark.parametrize(
    "claim",
    [
        'Keller told reporters outside City Hall: "The strike will continue until the port authority listens."',
        "Keller told reporters outside City Hall that the strike will continue until the port authority listens.",
    ],
)
def test_a_quote_set_somewhere_else_conflicts(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "conflicting", report.evidence
    assert "claim: City Hall; source: Gate 4" in reasons(report, "entity_mismatch")


@pytest.mark.parametrize(
    "claim",
    [
        'Keller told reporters outside Gate 4: "The strike will continue until the port authority listens."',
        'Keller told reporters: "The strike will continue until the port authority listens."',
        'Keller told reporters in Lisbon: "The strike will continue until the port authority listens."',
    ],
)
def test_the_same_place_or_one_the_source_does_not_contradict_supports(check, claim) -> None:
    assert check(claim).verdict == "supported"


# 11. a few words quoted after "adding that"


@pytest.mark.parametrize(
    "claim",
    [
        'Keller described the mayor as "the best planner in the country."',
        'Keller called the mayor "the best planner in the country."',
    ],
)
def test_a_partial_quote_after_adding_that_is_found_with_its_speaker(check, claim) -> None:
    report = check(claim)
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].kind == "quote"
    assert report.evidence[0].speaker == "Paul Keller"
    assert "speaker_mismatch" not in codes(report.evidence)  # Lopez said it too: no conflict


def test_the_partial_quote_changed_is_a_misquote(check) -> None:
    report = check('Keller described the mayor as "the worst planner in the country."')
    assert report.verdict == "conflicting", report.evidence
    assert "misquote" in codes(report.evidence)


# 12. a headline or standfirst naming the person by office

MAYOR_BODY = """Mayor Lena Schmidt announced on Monday that the city would build the tram line to the airport.

Schmidt said the council had approved funding of 400 million euros.
"""
SUMMIT_BODY = """Austrian Chancellor Karl Weber met Hungarian Prime Minister Istvan Nagy in Vienna on Friday.

Weber said the two governments would share the cost of the new border crossing.
"""
HEADED = [
    (
        "corpus/074_tram.txt",
        "City's mayor backs tram extension to the airport",
        "The mayor said the extension would open before the 2028 games.",
        MAYOR_BODY,
    ),
    (
        "corpus/075_summit.txt",
        "Austrian leader praises neighbours for their patience over the border crossing",
        None,
        SUMMIT_BODY,
    ),
]


@pytest.fixture(scope="module")
def check_headings(nlp: Language) -> Check:
    """A checker over stories whose headline and standfirst name people by office."""
    speakers = SpeakerResolver()
    store = open_store("sqlite:///:memory:")
    for path, title, standfirst, body in HEADED:
        save_written_article(
            store, nlp, speakers, path=path, outlet="Metro Daily", title=title,
            standfirst=standfirst, body=body, with_headings=True,
        )
    for speaker in store.speakers():
        speakers.register(speaker)
    return checker_over(store, nlp, speakers)


@pytest.mark.parametrize(
    "claim",
    [
        "Lena Schmidt backs the tram extension to the airport.",
        "Schmidt said the extension would open before the 2028 games.",
        "Karl Weber praises neighbours for their patience over the border crossing.",
    ],
)
def test_the_office_in_a_heading_is_the_person_the_article_gives_it(check_headings, claim) -> None:
    report = check_headings(claim)
    assert report.verdict == "supported", report.evidence
    assert report.evidence[0].text.startswith(("City's mayor", "The mayor", "Austrian leader"))


def test_a_heading_office_read_as_its_holder_still_checks_the_facts(check_headings) -> None:
    report = check_headings("Schmidt said the extension would open before the 2030 games.")
    assert report.verdict == "conflicting", report.evidence


@pytest.mark.parametrize(
    "claim",
    [
        "Paul Keller backs the tram extension to the airport.",
        # Nagy leads Hungary: "the Austrian leader" is Weber
        "Istvan Nagy praises neighbours for their patience over the border crossing.",
    ],
)
def test_a_heading_office_is_not_someone_the_article_does_not_give_it(check_headings, claim) -> None:
    assert check_headings(claim).verdict == "not_found"
