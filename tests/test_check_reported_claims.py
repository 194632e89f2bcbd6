"""A sentence that repeats a claim in order to examine it is context, not support.

A debunk restates the viral claim ("A post claims that S"), then refutes it. For the
bare claim the article's finding is the evidence; the restatement supports only the
attributed claim ("A post claimed that S"). A framed sentence in an article that does not
dispute it ("..., the city said") is still support: news attributes what it vouches for.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import bot.check.reported_claims as reported_claims
from bot.check.claims import Claim
from bot.check.model_judgement import Judgement
from bot.check.reported_claims import article_finding, examined_claims, frame, restatements
from bot.check.retrieve import Alignment, Candidate
from bot.check.stance import Assessment
from bot.core.models import Article, Passage
from check_world import Check, checker_for

DEBUNK = (
    "checks/whitfield.txt",
    "The Corvale Courier",
    "No, Mayor Dana Whitfield was not arrested",
    "A post shared thousands of times on Facebook claims that Mayor Dana Whitfield was "
    "arrested in Corvale on Friday night. The claim is false. Corvale police said they have "
    "no record of any arrest. Mayor Dana Whitfield was not arrested on Friday, a police "
    "spokesperson said. Whitfield spent Friday evening at a school fundraiser, where she was "
    "photographed by several guests.",
)
REPORT = (
    "news/library.txt",
    "The Corvale Courier",
    "Library reopens after flood",
    "The Corvale public library will reopen on Monday after repairs costing $1.2 million, "
    "the city said. Volunteers moved 4,000 books to a warehouse during the flood.",
)


RUMOUR = (
    "news/lights.txt",
    "The Corvale Courier",
    "Residents puzzled by holiday lights message",
    "A chain email alleges that Corvale will fine homeowners $500 for holiday lights left up "
    "after January 15. Several readers forwarded it to the newsroom this week.",
)


CORRECTED = (
    "checks/permits.txt",
    "The Corvale Courier",
    "Parking permit message gets the price wrong",
    "A text message forwarded across Corvale this week warns that residents will pay $300 for "
    "a street parking permit from March. The council did approve a new permit last month. "
    "The city clerk said the price is wrong. It is $30 a year, not $300.",
)


PICTURED = (
    "checks/bear.txt",
    "The Fenwick Post",
    "Bear photo did not come from Fenwick",
    "A photo circulating in Fenwick parents' groups appears to show a black bear climbing the "
    "slide at Marsh Lane Elementary School. \"BEAR at Marsh Lane this morning!!! Keep your kids "
    "home,\" reads the post that came with it. The bear was never at the school. The same photo "
    "was posted in 2029 by a wildlife photographer at a campground 200 miles away.",
)


LABELLED = (
    "checks/pool.txt",
    "The Fenwick Post",
    "Fact check: Five claims about the Fenwick pool",
    "A post shared in local groups says the Fenwick town pool will be sold to a developer. "
    "Claim: The town is selling the Fenwick pool to a housing developer. Rating: False. "
    "The pool is not for sale, the town manager said on Monday. It will close for one season "
    "while its filters are replaced.",
)


CAPTIONED = (
    "checks/payroll.txt",
    "The Fenwick Post",
    "Posts about the Fenwick hospital outage",
    "A screenshot shared on Instagram shows a caption reading: \"Fenwick General nurses haven't "
    "been paid since the outage.\" Payroll went out as scheduled on Friday, the hospital's finance "
    "chief said.",
)


FAIR = (
    "checks/fair.txt",
    "The Fenwick Post",
    "Fenwick fair will go ahead",
    "A Facebook post shared 2,000 times since Monday says: \"SAD NEWS. The Fenwick fair is "
    "CANCELLED this year. End of an era.\" The fair has not been cancelled, and its gates open on "
    "Aug. 3 as planned, the fair board said.",
)


@pytest.fixture(scope="module")
def check(nlp: Language) -> Check:
    return checker_for(nlp, [DEBUNK, REPORT, RUMOUR, CORRECTED, PICTURED, LABELLED, CAPTIONED, FAIR])


def test_a_caption_no_one_is_named_for_is_not_support_for_the_claim_it_makes(check: Check) -> None:
    report = check("Fenwick General nurses have not been paid since the outage")

    assert report.verdict != "supported"
    assert not [e for e in report.evidence if e.stance == "supports"]


def test_a_fact_checks_label_line_gives_way_to_its_finding(check: Check) -> None:
    report = check("The town is selling the Fenwick pool to a housing developer")

    assert report.verdict == "conflicting"
    assert [(e.stance, e.text) for e in report.evidence] == [
        ("conflicts", "The pool is not for sale, the town manager said on Monday.")
    ]


def test_what_a_photo_appears_to_show_is_refuted_by_the_writers_next_denial(check: Check) -> None:
    # the post's own words come between the restatement and the writer's answer
    report = check("A black bear climbed the slide at Marsh Lane Elementary School")

    assert report.verdict == "conflicting"
    assert [(e.stance, e.text) for e in report.evidence] == [("conflicts", "The bear was never at the school.")]
    assert report.evidence[0].reasons[0].code == "contradiction"


def test_a_corrected_figure_is_the_finding_that_refutes_a_restated_claim(check: Check) -> None:
    # the correction shares no other word with the claim: its denied figure makes it the finding
    report = check("Corvale residents will pay $300 for a street parking permit")

    assert report.verdict == "conflicting"
    assert [e.text for e in report.evidence] == ["It is $30 a year, not $300."]
    assert [r.code for r in report.evidence[0].reasons] == ["number_mismatch"]
    assert report.evidence[0].reasons[0].detail == "claim: $300; source: $30, not $300"


CORRECTION = """The county will replace the Elm Street bridge next year, engineers said. Its deck has cracked in three places.

Correction: An earlier version of this story said the Elm Street bridge was built in 1962. It was built in 1926.
"""


def test_what_a_correction_withdraws_is_neither_support_nor_conflict(nlp: Language) -> None:
    check = checker_for(nlp, [("corpus/964_bridge.txt", "Valley Times", "Elm Street bridge to be replaced", CORRECTION)])

    # the withdrawn year is refuted by the corrected one
    report = check("The Elm Street bridge was built in 1962.")
    assert report.verdict == "conflicting"
    assert [e.text for e in report.evidence] == ["It was built in 1926."]
    # and it is no conflict with the right year
    assert check("The Elm Street bridge was built in 1926.").verdict != "conflicting"


def test_a_debunked_claim_gets_the_articles_finding_not_its_restatement(check: Check) -> None:
    report = check("Mayor Dana Whitfield was arrested in Corvale on Friday night")

    assert report.verdict == "conflicting"
    assert [e.stance for e in report.evidence] == ["conflicts"]
    assert report.evidence[0].text.startswith("Mayor Dana Whitfield was not arrested")
    assert all(e.reasons for e in report.evidence)


def test_a_post_quoted_by_a_debunk_gives_way_to_its_finding(check: Check) -> None:
    # the post's words are a quote of "a Facebook post": a plain report the article disputes
    report = check("The Fenwick fair is cancelled this year")

    assert report.verdict == "conflicting"
    assert [e.text for e in report.evidence] == [
        "The fair has not been cancelled, and its gates open on Aug. 3 as planned, the fair board said."
    ]


def test_the_restatement_supports_the_attributed_claim(check: Check) -> None:
    report = check("A Facebook post claimed that Mayor Dana Whitfield was arrested in Corvale on Friday night")

    assert report.verdict == "supported"
    assert report.evidence[0].text.startswith("A post shared thousands of times on Facebook claims")


def test_an_attributed_sentence_its_article_does_not_dispute_is_still_support(check: Check) -> None:
    report = check("The Corvale library will reopen on Monday after $1.2 million of repairs")

    assert report.verdict == "supported"
    assert report.evidence[0].text.endswith("the city said.")


def test_an_allegation_is_context_for_the_bare_claim_even_before_anyone_refutes_it(check: Check) -> None:
    bare = check("Corvale will fine homeowners $500 for holiday lights left up after January 15")
    attributed = check("A chain email alleged that Corvale will fine homeowners $500 for holiday lights left up after January 15")

    assert bare.verdict == "not_found"
    assert attributed.verdict == "supported"


MEME = (
    "checks/meme.txt",
    "The Corvale Courier",
    "No, Mayor Whitfield didn't say that library quote",
    "A meme shared 5,000 times on Instagram shows a photo of Mayor Dana Whitfield beside the "
    'words: "A city that stops building libraries has stopped believing in its children." '
    "The caption credits the line to Whitfield. Whitfield did not say it. The quote shared as the "
    "words of Mayor Dana Whitfield was written by columnist Rosa Kemp in 2019. "
    '"We will rebuild the flooded library before winter," Whitfield said at Monday\'s council meeting.',
)


def test_words_shown_beside_a_name_are_not_that_persons_words_when_the_article_says_so(nlp: Language) -> None:
    check = checker_for(nlp, [MEME])

    credited = check("It was Mayor Dana Whitfield who said that a city that stops building libraries "
                     "has stopped believing in its children")
    her_own = check("Mayor Dana Whitfield said the flooded library would be rebuilt before winter")

    assert credited.verdict == "conflicting"
    assert all(e.stance == "conflicts" and e.reasons for e in credited.evidence)
    assert her_own.verdict == "supported"


def test_past_a_date_is_a_time_not_which_of_several_events(check: Check) -> None:
    # "past" anchors "the past strike" to one of several; "past January 15" is only a time
    report = check("A chain email said Corvale would fine homeowners $500 for holiday lights left up past January 15")

    assert report.verdict == "supported"


@pytest.mark.parametrize(
    ("sentence", "aligned"),
    [
        ("A viral post claims that the senator was arrested on Friday.", "the senator was arrested on Friday"),
        ("A photo claims to show the oak being cut down for a car park.", "the oak being cut down for a car park"),
        ("According to a tweet seen by millions, the office has forecast a blizzard.", "the office has forecast a blizzard"),
        ("The mayor resigned on Monday, according to two officials.", "The mayor resigned on Monday"),
        # "claims" read as a noun by the tagger ("on Nextdoor claims"): the infinitive still reports
        ("A photo shared in groups on Nextdoor claims to show a bear in the food court at Westbrook Mall.",
         "a bear in the food court at Westbrook Mall"),
        # what a picture shows: an object that is a scene of its own
        ("A photo circulating on Facebook appears to show a black bear climbing the slide at the school.",
         "a black bear climbing the slide at the school"),
        # the post's own words, the quotation left open where the sentence ends
        ('"BREAKING: the county fair is CANCELLED for 2028 because of budget cuts.',
         "the county fair is CANCELLED for 2028 because of budget cuts"),
        # a parenthesis between the subject and its verb
        ("Marlow's tap water, a chain message forwarded on WhatsApp since Saturday warns, is "
         "contaminated with E. coli and has to be boiled.", "is contaminated with E. coli and has to be boiled"),
    ],
)
def test_the_words_someone_else_is_reported_to_say_are_framed(nlp: Language, sentence: str, aligned: str) -> None:
    assert frame(_candidate(sentence, nlp), aligned, nlp) is not None


def test_a_question_states_nothing_and_the_withheld_claim_is_context(nlp: Language) -> None:
    question = _candidate("Does Port Alder's tap water contain 10 times the legal limit of fluoride?", nlp)

    assert frame(question, "Port Alder's tap water contain 10 times the legal limit of fluoride", nlp) == "claimed"


def test_a_question_answered_in_the_same_headline_states_nothing(nlp: Language) -> None:
    headline = _candidate("Did Corvale ban backyard chickens? No, but roosters are on the way out", nlp)

    assert frame(headline, "Corvale ban backyard chickens", nlp) == "claimed"


@pytest.mark.parametrize(
    "line",
    [
        "Claim: The county has banned backyard chickens. Rating: False.",
        "CLAIM: The county has banned backyard chickens",
        "What was claimed: The county has banned backyard chickens.",
        # a rating line: the claim, then its rating
        "The county has banned backyard chickens: False.",
        "The county has banned backyard chickens: Mostly false.",
    ],
)
def test_a_fact_checks_label_line_names_the_claim_it_examines(nlp: Language, line: str) -> None:
    assert frame(_candidate(line, nlp), "The county has banned backyard chickens", nlp) == "claimed"


def test_a_claim_inside_what_someone_says_is_withheld_even_when_tagged_a_noun(nlp: Language) -> None:
    sentence = ("A video posted by a user who says she is a nurse claims ambulances were being sent "
                "to hospitals 80 miles away.")

    assert frame(_candidate(sentence, nlp), "ambulances were being sent to hospitals 80 miles away", nlp) == "claimed"


@pytest.mark.parametrize(
    ("sentence", "aligned"),
    [
        # "claims" tagged a noun, the clause it introduces hung off it
        ("A post shared more than 4,000 times claims that arena manager Gordon Hale was fired over the leak.",
         "arena manager Gordon Hale was fired over the leak"),
        # "post claims families" read as one noun phrase, "sued" as the sentence's verb
        ("A widely shared post claims families have sued the city for $10 million.",
         "families have sued the city for $10 million"),
        # "X claims" read as the object of "on", inside the subject of "fined"
        ("A post on X claims that MIOSHA, the state's workplace safety agency, has already fined Northline "
         "$250,000 over the collapse.",
         "MIOSHA, the state's workplace safety agency, has already fined Northline $250,000 over the collapse"),
        # "claims" the sentence's root, tagged a noun, the claim its clausal complement
        ("A viral post claims the state banned all livestock at county fairs this summer because of bird "
         "flu, and that there will be no 4-H animals at the Corley County Fair.",
         "the state banned all livestock at county fairs this summer because of bird flu"),
    ],
)
def test_a_claiming_verb_the_tagger_reads_as_a_noun_still_withholds_the_claim(
    nlp: Language, sentence: str, aligned: str
) -> None:
    assert frame(_candidate(sentence, nlp), aligned, nlp) == "claimed"


def test_claims_a_report_is_about_do_not_withhold_it(nlp: Language) -> None:
    sentence = "The mayor said the claims about the pool were false."

    assert frame(_candidate(sentence, nlp), "the claims about the pool were false", nlp) == "reported"


def test_words_quoted_in_quotation_marks_are_what_their_speaker_is_reported_to_say(nlp: Language) -> None:
    words = "Ride COLLAPSED during setup at the Corley County Fair yesterday!! 3 carnival workers hurt"
    quote = _candidate(words, nlp).model_copy(
        update={"kind": "quote", "speaker": "Facebook", "context": f'"{words}," says a Facebook post.'}
    )
    nobodys = quote.model_copy(update={"speaker": None})
    indirect = quote.model_copy(update={"context": f"{words}, the fair board said."})

    assert frame(quote, words, nlp) == "reported"
    assert frame(nobodys, words, nlp) == "claimed"
    assert frame(indirect, words, nlp) is None


def test_a_label_that_names_no_claim_heads_the_writers_own_statement(nlp: Language) -> None:
    update = _candidate("Update: The county has banned backyard chickens as of Monday.", nlp)
    told = _candidate("The clerk put it plainly: the county has banned backyard chickens.", nlp)

    assert frame(update, "The county has banned backyard chickens", nlp) is None
    assert frame(told, "the county has banned backyard chickens", nlp) is None


def test_a_sentence_stating_the_fact_itself_is_not_framed(nlp: Language) -> None:
    sentence = "The senator was arrested on Friday after a protest, and a post about it went viral."

    assert frame(_candidate(sentence, nlp), "The senator was arrested on Friday", nlp) is None


OAK = Claim(text="The council cut down the old oak", content="The council cut down the old oak",
            key_lemmas=["council", "cut", "old", "oak"])


def test_only_a_later_sentence_the_model_reads_as_a_contradiction_is_the_finding(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = OAK
    framed = _candidate("A photo claims to show the council cutting down the old oak.", nlp, position=1)
    passages = [
        _passage(0, "The council said the old oak was inspected last year.", nlp),
        _passage(1, framed.text, nlp),
        _passage(2, "The old oak in the park is still standing, council staff said.", nlp),
        _passage(3, "The photo was taken in another country in 2019.", nlp),
    ]
    read = {p.text: j for p, j in zip(passages, [_judged(0.0, 0.0, 0.99), _judged(0.9, 0.1, 0.0),
                                                 _judged(0.05, 0.1, 0.85), _judged(0.0, 0.0, 0.99)])}
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [read[c.text] for c in cands])

    finding = article_finding(claim, framed, passages, frozenset({"the", "in", "was"}))

    assert finding is not None
    candidate, assessment = finding
    # the earlier sentence comes before the restatement; the last shares too few of the claim's words
    assert candidate.text.startswith("The old oak in the park is still standing")
    assert assessment.stance == "conflicts" and assessment.reasons[0].code == "contradiction"


def test_the_next_sentence_is_read_as_the_finding_in_other_words_without_the_headline(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = Claim(text="Ronald Iverholt had led the crew for 12 years", content="Ronald Iverholt had led the crew for 12 years",
                  key_lemmas=["ronald", "iverholt", "lead", "crew", "12", "year"])
    framed = _candidate("An earlier version of this story said Ronald Iverholt had led the crew for 12 years.", nlp, position=4)
    passages = [_passage(4, framed.text, nlp), _passage(5, "He has led it for 20 years.", nlp)]
    read = []

    def judge(claim, candidates, **_):
        read.extend((c.text, c.article.title) for c in candidates)
        return [_judged(0.05, 0.2, 0.75) for _ in candidates]

    monkeypatch.setattr(reported_claims, "judge", judge)

    finding = article_finding(claim, framed, passages, frozenset({"the", "for", "has", "it"}))

    assert finding is not None
    candidate, assessment = finding
    assert candidate.text == "He has led it for 20 years." and assessment.stance == "conflicts"
    assert read == [("He has led it for 20 years.", None)]  # "He" is Iverholt, not the headline's
    assert candidate.article.title == "Photo of felled oak is not from here"  # shown with its article


def test_after_a_verdict_of_a_few_words_the_next_statement_is_read_as_the_finding(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Arena manager Gordon Hale was fired over the leak"
    claim = Claim(text=text, content=text, key_lemmas=["arena", "manager", "gordon", "hale", "fire", "leak"])
    framed = _candidate("A post claims that arena manager Gordon Hale was fired over the leak.", nlp, position=4)
    passages = [
        _passage(4, framed.text, nlp),
        _passage(5, "That is false.", nlp),  # a verdict: too few words to be the finding
        _passage(6, "Hale was placed on paid administrative leave on Jan. 20 and remains on leave.", nlp),
    ]
    read = []

    def judge(claim, candidates, **_):
        read.extend(c.text for c in candidates)
        return [_judged(0.05, 0.2, 0.75) for _ in candidates]

    monkeypatch.setattr(reported_claims, "judge", judge)

    finding = article_finding(claim, framed, passages, frozenset({"the", "was", "on", "and", "over"}))

    assert finding is not None
    assert finding[0].text.startswith("Hale was placed on paid administrative leave")
    assert read == [passages[2].text]


def test_a_restatement_the_model_does_not_read_as_support_still_leads_to_the_finding(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the headline above "Claim: S" already answers it, so the model reads no support there
    claim = OAK
    label = _candidate("Claim: The council cut down the old oak. Rating: False.", nlp, position=1)
    news = _candidate("The council cut its budget for the old oak festival.", nlp, position=5)
    tried = [[(label, Alignment(coverage=1.0, highlight="The council cut down the old oak"), None)],
             [(news, Alignment(coverage=0.75, highlight="The council cut"), None)]]
    passages = [_passage(1, label.text, nlp), _passage(2, "The old oak was never cut down.", nlp)]
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [_judged(0.0, 0.1, 0.9) for _ in cands])

    restated = restatements(claim, tried, [], nlp, coverage=0.45)
    examined = examined_claims(claim, [], nlp=nlp, passages=lambda article: passages,
                               stop_words=frozenset({"the", "was"}), restated=restated)

    assert restated == [label]  # the news sentence states what it says: no restatement
    assert [(c.text, a.stance) for c, a in examined] == [("The old oak was never cut down.", "conflicts")]


@pytest.mark.parametrize(
    ("restatement", "refuted"),
    [
        ("A post claims that the council cut down the old oak.", True),  # withheld: a refutation is expected
        ("The council cut down the old oak, the parks director said.", False),  # vouched for: it takes more
    ],
)
def test_a_withheld_claim_gives_way_to_a_weaker_finding_than_a_plain_report(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, restatement: str, refuted: bool
) -> None:
    claim = OAK
    framed = _candidate(restatement, nlp, position=1)
    passages = [_passage(1, restatement, nlp), _passage(2, "The old oak is where it has always been.", nlp)]
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [_judged(0.05, 0.55, 0.4) for _ in cands])
    support = Assessment(stance="supports", score=0.9, highlight="the council cut down the old oak"
                         if refuted else "The council cut down the old oak")

    examined = examined_claims(claim, [(framed, support)], nlp=nlp, passages=lambda article: passages,
                               stop_words=frozenset({"the", "is", "it", "has"}))

    stances = [(c.text, a.stance) for c, a in examined]
    assert stances == ([("The old oak is where it has always been.", "conflicts")] if refuted else [(restatement, "supports")])


@pytest.mark.parametrize(
    ("claim", "told"),
    [
        ("Firefighters were told to stand down and let the street burn.", True),  # what happened to them
        ("Firefighters were told by the chief to stand down.", False),  # the chief said so
        ("A post claimed that firefighters stood down.", False),
        ("The mayor said the pool would close.", False),
    ],
)
def test_a_claim_about_what_someone_was_told_is_not_about_a_report(nlp: Language, claim: str, told: bool) -> None:
    assert reported_claims._told(claim, nlp) is told


def test_a_post_claiming_what_someone_was_told_gives_way_to_the_finding(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Firefighters were told to stand down on Juniper Lane"
    claim = Claim(text=text, content=text, key_lemmas=["firefighter", "tell", "stand", "juniper", "lane"])
    post = "A Facebook post claims that firefighters were told to stand down on Juniper Lane."
    passages = [_passage(1, post, nlp), _passage(2, "No crew was ever told to stand down, the fire chief said.", nlp)]
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [_judged(0.0, 0.1, 0.9) for _ in cands])
    support = Assessment(stance="supports", score=0.95, highlight="firefighters were told to stand down on Juniper Lane")

    examined = examined_claims(claim, [(_candidate(post, nlp, position=1), support)], nlp=nlp,
                               passages=lambda article: passages, stop_words=frozenset({"to", "on", "was", "the"}))

    assert [(c.text, a.stance) for c, a in examined] == [
        ("No crew was ever told to stand down, the fire chief said.", "conflicts")
    ]


def test_for_a_claim_naming_its_speaker_only_words_the_article_withholds_are_examined(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = 'Mayor Dana Whitfield said "We can\'t keep pouring money into the pool."'
    claim = Claim(text=text, content="We can't keep pouring money into the pool.", speaker="Dana Whitfield")
    caption = Candidate(kind="quote", text="We can't keep pouring money into the pool.", article=_article(),
                        passage_id=3, passage_position=2, speaker=None)  # a meme's words, no one named
    reported = _candidate('"We can\'t keep pouring money into the pool," the mayor said on Monday.', nlp, position=5)
    support = Assessment(stance="supports", score=0.9, highlight="We can't keep pouring money into the pool")
    passages = [_passage(6, "The pool is not losing money, the city's auditor said.", nlp)]
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [_judged(0.0, 0.1, 0.9) for _ in cands])

    examined = examined_claims(claim, [(caption, support), (reported, support)], nlp=nlp,
                               passages=lambda article: passages, stop_words=frozenset(), withheld_only=True)

    # the meme's words give way to the article's finding; her own words, reported, stay support
    assert [(c.text, a.stance) for c, a in examined] == [
        (reported.text, "supports"),
        ("The pool is not losing money, the city's auditor said.", "conflicts"),
    ]


def test_words_a_post_credits_to_someone_are_not_given_to_them_by_the_article(nlp: Language) -> None:
    person = nlp("Councilmember Reyes admitted it")[1]
    post = _candidate('Claim 1: "Even Councilmember Reyes admits the budget gap is only $2 million."', nlp)
    plain = _candidate("Councilmember Reyes admits the budget gap is only $2 million.", nlp)

    assert not reported_claims._said_by(person, post, nlp)
    assert reported_claims._said_by(person, plain, nlp)


@pytest.mark.parametrize(
    ("sentence", "nobodys"),
    [
        ('"Vittorelli’s CLOSED by the health dept.', True),
        ('"The oak is GONE. Unbelievable."', True),
        ('"The oak is still standing," the parks director said.', False),
        ("The oak is still standing.", False),
    ],
)
def test_words_all_in_quotation_marks_with_no_one_to_say_them_are_nobodys_finding(
    sentence: str, nobodys: bool
) -> None:
    assert reported_claims._nobodys_words(sentence) is nobodys


def _article() -> Article:
    return Article(id=1, path="checks/oak.txt", content_hash="x", title="Photo of felled oak is not from here", body="")


def _candidate(text: str, nlp: Language, position: int = 0) -> Candidate:
    lemmas = " ".join(t.lemma_.lower() for t in nlp(text) if not t.is_punct)
    return Candidate(kind="fact", text=text, lemmas=lemmas, article=_article(), passage_id=position + 1,
                     passage_position=position)


def _passage(position: int, text: str, nlp: Language) -> Passage:
    lemmas = " ".join(t.lemma_.lower() for t in nlp(text) if not t.is_punct)
    return Passage(id=position + 1, article_id=1, position=position, text=text, lemmas=lemmas)


def _judged(e: float, n: float, c: float) -> Judgement:
    return Judgement(entailment=e, neutral=n, contradiction=c)


@pytest.mark.parametrize(
    ("ruling", "read", "expected"),
    [
        ("That is false.", _judged(0.01, 0.09, 0.9), ("conflicts", "contradiction")),
        ("That is true.", _judged(0.95, 0.04, 0.01), ("supports", None)),
        ("We could not verify that.", _judged(0.05, 0.9, 0.05), None),  # open: the finding decides
    ],
)
def test_a_restatement_is_read_with_the_articles_ruling_on_it(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, ruling: str, read: Judgement, expected: tuple | None
) -> None:
    framed = _candidate("According to a viral video, the council cut down the old oak.", nlp, position=3)
    passages = [_passage(3, framed.text, nlp), _passage(4, ruling, nlp),
                _passage(5, "Parks staff inspected the tree on Monday.", nlp)]
    asked = _ruling_model(monkeypatch, {f"{framed.text} {ruling}": read, framed.text: _judged(0.1, 0.8, 0.1)})

    found = reported_claims._ruling_read(OAK, framed, passages, nlp)

    # the two sentences as one, and without the ruling; no headline ("What's true and what's false ...")
    assert asked == [(f"{framed.text} {ruling}", OAK.text), (framed.text, OAK.text)]
    if expected is None:
        assert found is None
        return
    candidate, assessment = found
    assert candidate.text == f"{framed.text} {ruling}" and candidate.passage_id == framed.passage_id
    assert (assessment.stance, assessment.reasons[0].code if assessment.reasons else None) == expected
    if assessment.reasons:
        assert assessment.reasons[0].detail == f"the article restates it, then rules: {ruling}"


@pytest.mark.parametrize(
    "after",
    [
        "The old oak was never cut down.",  # short, but a finding of its own: it names the oak
        "Is that true?",  # a question rules on nothing
        "\"It's gone!\"",  # the post's words
        "Parks staff inspected the tree on Monday and found it healthy.",  # a statement, not a ruling
        "Two have since gone home.",  # short, but with a figure of its own
        "Hollis disagrees.",  # a name: someone's answer, not the writer's ruling
    ],
)
def test_only_a_few_words_of_the_writers_own_naming_nothing_of_the_claim_are_a_ruling(
    nlp: Language, after: str
) -> None:
    framed = _candidate("A post claims that the council cut down the old oak.", nlp, position=1)

    assert reported_claims.ruled(OAK, framed, [_passage(1, framed.text, nlp), _passage(2, after, nlp)], nlp) is None


@pytest.mark.parametrize("rating", ["Finding: False.", "Verdict: False.", "Our ruling: Mostly false."])
def test_a_rating_line_is_a_ruling_however_its_label_is_capitalised(nlp: Language, rating: str) -> None:
    # "Finding: False." is tagged as two names; a label and its rating name nothing
    framed = _candidate("Posts on Nextdoor say the council cut down the old oak.", nlp, position=1)

    ruled = reported_claims.ruled(OAK, framed, [_passage(1, framed.text, nlp), _passage(2, rating, nlp)], nlp)

    assert ruled is not None and ruled.text == f"{framed.text} {rating}"


def test_a_name_after_a_label_with_more_to_say_is_a_statement_of_its_own(nlp: Language) -> None:
    framed = _candidate("Posts on Nextdoor say the council cut down the old oak.", nlp, position=1)
    after = "Update: Hollis disagrees strongly today."

    assert reported_claims.ruled(OAK, framed, [_passage(1, framed.text, nlp), _passage(2, after, nlp)], nlp) is None


def _ruling_model(monkeypatch: pytest.MonkeyPatch, reads: dict[str, Judgement]) -> list[tuple[str, str]]:
    """The ruling model replaced by fixed reads of each premise; returns the pairs it was asked."""
    import numpy as np

    asked: list[tuple[str, str]] = []

    class Reader:
        def probabilities(self, pairs):
            asked.extend(pairs)
            return np.array([[reads[p].entailment, reads[p].neutral, reads[p].contradiction] for p, _ in pairs])

    monkeypatch.setattr(reported_claims, "ruling_model", lambda: Reader())
    return asked


def test_a_ruling_counts_only_where_it_moves_the_models_reading(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the restatement's own words already contradict the claim: "That is true." is not why
    framed = _candidate("Posts claim that the council left the old oak standing.", nlp, position=1)
    passages = [_passage(1, framed.text, nlp), _passage(2, "That is true.", nlp)]
    read = _judged(0.0, 0.12, 0.88)
    _ruling_model(monkeypatch, {framed.text: read, f"{framed.text} That is true.": read})

    assert reported_claims._ruling_read(OAK, framed, passages, nlp) is None


def test_a_ruled_restatement_is_cited_with_its_ruling_in_place_of_the_restatement(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    framed = _candidate("According to a viral video, the council cut down the old oak.", nlp, position=1)
    passages = [_passage(1, framed.text, nlp), _passage(2, "That is false.", nlp)]
    _ruling_model(monkeypatch, {framed.text: _judged(0.95, 0.05, 0.0), f"{framed.text} That is false.": _judged(0.0, 0.1, 0.9)})
    monkeypatch.setattr(reported_claims, "article_finding", lambda *args, **_: None)  # no finding in its own words
    support = Assessment(stance="supports", score=0.95, highlight="the council cut down the old oak")

    examined = examined_claims(OAK, [(framed, support)], nlp=nlp, passages=lambda article: passages,
                               stop_words=frozenset({"the"}))

    assert [(c.text, a.stance) for c, a in examined] == [(f"{framed.text} That is false.", "conflicts")]


RULINGS = (
    "checks/arena.txt",
    "The Tamsworth Ledger",
    "Fact check: What's true and what's false about the Tamsworth arena leak",
    "According to a viral video, more than 100 people were poisoned at the Tamsworth arena. "
    "That is false. The county's final tally is 47 people treated, and no one died. "
    "A post shared 1,200 times claims that the arena's resurfacer had gone nearly two years "
    "without an emissions tune-up. That is true. Maintenance logs show its last tune-up was in "
    "March 2024.",
)


def test_a_fact_checks_ruling_on_what_it_restates_is_its_answer(nlp: Language) -> None:
    check = checker_for(nlp, [RULINGS])

    refuted = check("More than 100 people were poisoned at the Tamsworth arena")
    upheld = check("The Tamsworth arena's resurfacer went almost two years without an emissions tune-up")

    assert refuted.verdict == "conflicting"
    assert [(e.stance, e.text) for e in refuted.evidence] == [(
        "conflicts",
        "According to a viral video, more than 100 people were poisoned at the Tamsworth arena. That is false.",
    )]
    assert [(r.code, r.detail) for r in refuted.evidence[0].reasons] == [
        ("contradiction", "the article restates it, then rules: That is false.")
    ]
    assert upheld.verdict == "supported"
    assert upheld.evidence[0].text.endswith("without an emissions tune-up. That is true.")


def test_a_short_claim_spread_across_an_allegation_is_still_withheld(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Fracking caused the sinkhole" has no aligned span in the longer sentence (its words lie
    # apart); the region of its words is inside what the post claims (before: kept as support)
    text = "Fracking caused the Tessford sinkhole."
    claim = Claim(text=text, content=text, key_lemmas=["fracking", "cause", "tessford", "sinkhole"])
    post = ('A post shared 12,000 times claims that "fracking crews drilling under Pell County" caused '
            "the Tessford sinkhole to open.")
    passages = [_passage(1, post, nlp)]
    monkeypatch.setattr(reported_claims, "judge", lambda claim, cands, **_: [_judged(0.0, 0.9, 0.1) for _ in cands])
    support = Assessment(stance="supports", score=0.9, highlight=None)

    examined = examined_claims(claim, [(_candidate(post, nlp, position=1), support)], nlp=nlp,
                               passages=lambda article: passages, stop_words=frozenset({"the", "to"}))

    assert examined == []


@pytest.mark.parametrize(
    ("claim", "about_a_report"),
    [
        ("A Facebook page posted that the outbreak began with a vaccinated child.", True),
        ("The outbreak began with a vaccinated child.", False),
        ("The page posted a photo of the school.", False),
    ],
)
def test_a_main_verb_reporting_a_that_clause_makes_a_claim_about_a_report(
    nlp: Language, claim: str, about_a_report: bool
) -> None:
    assert reported_claims._that_clause(claim, nlp) is about_a_report


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The county, a viral post claims, will fine homeowners $500 for holiday lights.", "claimed"),
        ("The fair, organizers said, will open on Aug. 3.", "reported"),
        ("Organizers said the fair will open on Aug. 3, and the gates will open at noon.", "reported"),
    ],
)
def test_a_parenthetical_attribution_frames_the_rest_of_the_sentence(
    nlp: Language, sentence: str, expected: str
) -> None:
    aligned = "will open on Aug. 3" if "fair" in sentence else "will fine homeowners $500 for holiday lights"
    assert frame(_candidate(sentence, nlp), aligned, nlp) == expected


LISTED = (
    "checks/stadium.txt",
    "The Fenwick Post",
    "Flyer gets the Fenwick stadium plan wrong",
    "A flyer handed out at the Fenwick farmers market makes two claims about the proposed ballpark: "
    "that it would seat 40,000 fans, and that taxpayers would cover its entire $90 million cost. "
    "The ballpark would seat 6,500 fans, according to the team's application. Taxpayers would "
    "cover $12 million of the cost, the city manager said.",
)


def test_claims_listed_after_a_colon_are_what_the_claim_noun_withholds(nlp: Language) -> None:
    sentence = LISTED[3].split(". ")[0]

    assert frame(_candidate(sentence, nlp), "it would seat 40,000 fans", nlp) == "claimed"
    assert frame(_candidate(sentence, nlp), "taxpayers would cover its entire $90 million cost", nlp) == "claimed"
    # the words before the colon are part of it: who makes the claims, and what they are about
    aligned = "Fenwick farmers market makes two claims about the proposed ballpark: that it would seat 40,000 fans"
    assert frame(_candidate(sentence, nlp), aligned, nlp) == "claimed"


def test_claims_a_flyer_makes_give_way_to_the_articles_finding(nlp: Language) -> None:
    check = checker_for(nlp, [LISTED])

    report = check("The proposed Fenwick ballpark would seat 40,000 fans.")

    assert report.verdict == "conflicting", report.evidence
    assert [e.text for e in report.evidence if e.stance == "supports"] == []
