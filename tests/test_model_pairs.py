"""Generating NLI training pairs from news texts: each generator on made-up articles."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from bot.cli import cli
from bot.model.pairs import Pair, article_files, build_pairs, contradiction, swap_number
from bot.model.sentence_slots import analyse

HARBOUR = """Harbour council approves new sea wall

The Portmere council voted on Tuesday to spend 4,500,000 pounds on a new sea wall along the harbour.

Mayor Alice Hartley said that the work would start in March and take about 18 months.

The council did not publish the full engineering report, which runs to 300 pages.

Opposition leader Tom Baxter claimed that the wall would cost twice as much as the estimate.

Residents in Portmere have waited since 2019 for a decision, said councillor Priya Shah.

“We cannot wait another winter for this sea wall,” Hartley said at the meeting.

Engineers from Coastline Partners will survey the harbour in February before any work begins.
"""

FERRY = """Ferry operator cuts winter sailings

Northway Ferries will cut its winter sailings between Portmere and Kellan Island from 12 to 8 a week.

The company said that fuel costs had risen by 40 percent since last year.

Mayor Alice Hartley criticised the decision at a meeting in Portmere on Thursday.

Critics alleged that Northway Ferries had planned the cuts for months before the announcement.

Islanders on Kellan Island depend on the ferry, said Tom Baxter, who lives there.

Chief executive Ruth Ogden told reporters the sailings would return in April.
"""

SCHOOL = """New school opens in Kellan

A new primary school opened in Kellan on Monday with 120 pupils and nine teachers.

Headteacher Sam Okoro said the building had cost 2.5 million pounds to build.

The school replaces two older buildings that the county closed in 2021.

Parents in Kellan had campaigned for a new school for more than a decade.

Okoro said that the school would also open its library to adults in the evenings.

The county council did not say when the old buildings would be sold.
"""


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "train" / "text"
    folder.mkdir(parents=True)
    for name, text in (("harbour.txt", HARBOUR), ("ferry.txt", FERRY), ("school.txt", SCHOOL)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def sentence(nlp: Language, text: str):
    return analyse(next(nlp(text).sents), article=0, index=0)


def numbers_in(text: str) -> list[str]:
    return re.findall(r"\d[\d,.]*\d|\d", text)


def test_the_same_seed_gives_the_same_pairs_and_another_seed_other_pairs(news: Path, nlp: Language) -> None:
    first, _ = build_pairs(news, nlp, seed=13)
    again, _ = build_pairs(news, nlp, seed=13)
    other, _ = build_pairs(news, nlp, seed=14)

    assert first == again
    assert first != other


def test_the_three_labels_come_in_equal_numbers(news: Path, nlp: Language) -> None:
    pairs, summary = build_pairs(news, nlp, seed=13)

    counts = Counter(p.label for p in pairs)
    assert set(counts) == {"entailment", "neutral", "contradiction"}
    assert len(set(counts.values())) == 1
    assert summary.pairs == len(pairs) and summary.by_label == dict(counts)


def test_every_contradiction_changes_the_sentence_and_every_premise_is_a_real_sentence(
    news: Path, nlp: Language
) -> None:
    pairs, _ = build_pairs(news, nlp, seed=13)
    corpus = HARBOUR + FERRY + SCHOOL
    headlines = [f"{text.splitlines()[0]}. " for text in (HARBOUR, FERRY, SCHOOL)]

    for pair in pairs:
        premise = pair.premise
        for headline in headlines:
            premise = premise.removeprefix(headline)
        if pair.kind.startswith("contra_"):
            assert pair.hypothesis != premise
        if pair.kind == "neutral_added_detail":
            assert pair.hypothesis in corpus and premise not in corpus
        elif pair.kind == "entail_named":  # the sentence as written, its names given as "he"
            assert pair.hypothesis in corpus and premise not in corpus
        elif "_quote_" in pair.kind and pair.kind != "entail_quote_attribution":
            speaker, words = re.fullmatch(r'(.+) said: "(.+)"', premise).groups()
            assert speaker in corpus and words in corpus
        elif pair.kind not in ("neutral_reported_bare", "neutral_reported_denied", "neutral_reported_changed",
                             "entail_reported_attributed") and not pair.kind.startswith("ruled_"):
            assert premise in corpus, pair


def test_about_half_the_sentences_are_read_under_their_headline_as_checks_show_them(
    news: Path, nlp: Language
) -> None:
    pairs, _ = build_pairs(news, nlp, seed=13)

    headed = [p for p in pairs if p.premise.startswith(("Harbour council", "Ferry operator", "New school"))]
    assert 0.25 < len(headed) / len(pairs) < 0.75
    assert all(re.match(r"(Harbour council approves new sea wall|Ferry operator cuts winter sailings"
                        r"|New school opens in Kellan)\. [A-Z“]", p.premise) for p in headed)


def test_a_quote_given_to_its_speaker_entails_the_reported_speech_and_not_the_same_words_from_another(
    nlp: Language,
) -> None:
    from bot.model.pairs import Pools, quoted, read_articles

    [article] = read_articles([HARBOUR.split("\n\n", 1)[1]], nlp, rng=random.Random(1))
    pools = Pools([article.sentences, [sentence(nlp, "Tom Baxter opposed the wall.")]])
    [quote] = article.quotes
    made = [p for seed in range(30) for p in quoted(quote, pools, random.Random(seed))]

    assert {p.premise for p in made} == {'Alice Hartley said: "We cannot wait another winter for this sea wall"'}
    assert {p.hypothesis for p in made if p.label == "entailment"} == {
        "Alice Hartley said we cannot wait another winter for this sea wall.",
        "Alice Hartley said that we cannot wait another winter for this sea wall.",
        "Alice Hartley says we cannot wait another winter for this sea wall.",
        "According to Alice Hartley, we cannot wait another winter for this sea wall.",
        "Hartley said “we cannot wait another winter for this sea wall.”",
    }
    assert {p.hypothesis for p in made if p.label == "neutral"} <= {
        f"{other} {said} we cannot wait another winter for this sea wall."
        for other in ("Tom Baxter", "Priya Shah")
        for said in ("said", "said that", "says")
    }
    assert any(p.label == "neutral" for p in made)


def test_a_swapped_number_keeps_its_format_and_changes_its_value(nlp: Language) -> None:
    s = sentence(nlp, "The council voted to spend 4,500,000 pounds on a new sea wall last week.")
    slot = next(slot for slot in s.slots if slot.kind == "number")

    for seed in range(10):
        changed = swap_number(s, slot, random.Random(seed))
        (new,) = numbers_in(changed)
        assert new != "4,500,000" and re.fullmatch(r"\d{1,3}(,\d{3})+", new)
        assert changed.replace(new, "4,500,000") == s.text


def test_a_year_is_swapped_for_another_year_and_a_name_for_another_name(news: Path, nlp: Language) -> None:
    pairs, _ = build_pairs(news, nlp, seed=13)
    kinds = {p.kind for p in pairs}

    for pair in pairs:
        if pair.kind == "contra_year":
            assert numbers_in(pair.hypothesis) != numbers_in(pair.premise)
        if pair.kind == "contra_person":
            assert set(pair.hypothesis.split()) != set(pair.premise.split())
    assert {"contra_negation", "contra_person", "contra_number"} <= kinds


@pytest.mark.parametrize(
    ("text", "flipped"),
    [
        ("The engineers will survey the harbour in February before any work begins.",
         "The engineers will not survey the harbour in February before any work begins."),
        ("The council did not publish the full engineering report on its website.",
         "The council did publish the full engineering report on its website."),
        ("The company won't reopen the route to Kellan Island this winter.",
         "The company will reopen the route to Kellan Island this winter."),
        ("The mayor criticised the decision at a meeting in Portmere on Thursday.",
         "The mayor did not criticise the decision at a meeting in Portmere on Thursday."),
        ("Mayor Alice Hartley said that the work would start in March next year.",
         "Mayor Alice Hartley said that the work would not start in March next year."),
    ],
)  # fmt: skip
def test_the_main_verb_is_negated_or_its_negation_removed(nlp: Language, text: str, flipped: str) -> None:
    assert sentence(nlp, text).negation_flip == flipped


def test_an_appositive_or_an_adjunct_can_be_dropped_and_the_rest_is_entailed(nlp: Language) -> None:
    s = sentence(nlp, "Ruth Ogden, the chief executive of Northway Ferries, announced the cuts on Thursday.")

    assert "Ruth Ogden announced the cuts on Thursday." in s.shorter
    assert "Ruth Ogden, the chief executive of Northway Ferries, announced the cuts." in s.shorter


def test_a_report_is_paraphrased_with_another_reporting_verb(nlp: Language) -> None:
    premise = "Mayor Alice Hartley said that the work would start in March and take about 18 months."
    report = sentence(nlp, premise).report

    assert report is not None
    assert report.speaker == "Mayor Alice Hartley"
    assert report.clause == "the work would start in March and take about 18 months"
    assert report.speaker_is_name
    aides = sentence(nlp, "Aides said that the mayor would return to Portmere on Monday.").report
    assert aides is not None and (aides.speaker, aides.speaker_is_name) == ("aides", False)


def test_a_framed_claim_is_neutral_for_the_bare_claim_and_entails_the_attributed_one(nlp: Language) -> None:
    from bot.model.pairs import Pools, reported

    s = sentence(nlp, "The council did not publish the full engineering report on Tuesday.")
    pools = Pools([[s]])
    kinds = Counter()
    for seed in range(40):
        framed, attributed, *_ = reported(s, pools, random.Random(seed))
        kinds[framed.kind] += 1

        assert framed.premise == attributed.premise
        assert (framed.label, attributed.label) == ("neutral", "entailment")
        match = re.fullmatch(r"According to (.+?), (.+)|(.+?) \w+ that (.+)", framed.premise)
        assert match is not None
        source, claim = (match[1], match[2]) if match[1] else (match[3], match[4])
        assert claim == "the council did not publish the full engineering report on Tuesday."
        assert attributed.hypothesis != framed.premise
        assert re.fullmatch(
            rf"(According to {re.escape(source)}, |{re.escape(source)} (said|says|claimed|claims) that )"
            rf"{re.escape(claim)}",
            attributed.hypothesis,
            flags=re.I,
        )
        if framed.kind == "neutral_reported_bare":
            assert framed.hypothesis == s.text
        else:
            assert framed.hypothesis != s.text
    assert kinds["neutral_reported_bare"] > kinds["neutral_reported_denied"] > 0


def test_a_restatement_with_a_ruling_after_it_stands_or_falls_by_the_ruling(nlp: Language) -> None:
    from bot.model.attribution_frames import VERDICTS
    from bot.model.pairs import Pools, reported

    s = sentence(nlp, "The council did not publish the full engineering report on Tuesday.")
    other = sentence(nlp, "Flood waters closed three roads near the harbour overnight.")
    pools = Pools([[s, other]])
    kinds = Counter()
    for seed in range(80):
        framed, _, *ruled = reported(s, pools, random.Random(seed), [s, other])
        for pair in ruled:
            kinds[pair.kind] += 1
            assert pair.premise.startswith(framed.premise + " ")  # the restatement, then its ruling
            ruling = pair.premise.removeprefix(framed.premise + " ")
            said = next(label for label, rulings in VERDICTS.items() if ruling in rulings)
            if pair.hypothesis == other.text:
                assert (pair.kind, pair.label) == ("ruled_other", "neutral")  # a ruling on S says nothing of another
            elif pair.hypothesis == s.text:
                assert pair.label == said  # false: contradiction; true: entailment; open: neutral
            else:  # a shorter clause of S: true of S, true of it
                assert (pair.kind, said, pair.label) == ("ruled_true_clause", "entailment", "entailment")
                assert pair.hypothesis in s.shorter
    assert set(kinds) >= {"ruled_contradiction", "ruled_entailment", "ruled_neutral", "ruled_other"}


def test_a_real_claimed_that_sentence_is_neutral_for_its_bare_clause(nlp: Language) -> None:
    s = sentence(nlp, "Critics alleged that Northway Ferries had planned the cuts for months before the announcement.")
    from bot.model.pairs import Pools, neutral

    pair = neutral(s, [s], Pools([[s]]), random.Random(1))

    assert pair == Pair(
        premise=s.text,
        hypothesis="Northway Ferries had planned the cuts for months before the announcement.",
        label="neutral",
        kind="neutral_claimed_bare",
    )


def test_a_sentence_with_nothing_to_change_gives_no_contradiction(nlp: Language) -> None:
    s = sentence(nlp, "Nobody on the island can reach a doctor without the ferry.")
    from bot.model.pairs import Pools

    assert contradiction(s, Pools([[s]]), random.Random(3)) is None


def test_dev_and_test_splits_are_refused(tmp_path: Path) -> None:
    for split in ("dev", "test"):
        folder = tmp_path / split / "text"
        folder.mkdir(parents=True)
        with pytest.raises(ValueError, match="held-out"):
            article_files(folder)


def test_the_command_writes_jsonl_and_prints_a_summary(news: Path, tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"

    result = CliRunner().invoke(cli, ["model-pairs", str(news), "--out", str(out), "--seed", "7"])

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all(set(row) == {"premise", "hypothesis", "label", "kind"} for row in rows)
    assert f"{len(rows)} pairs from" in result.output and "by label:" in result.output


def test_the_command_refuses_a_held_out_split(tmp_path: Path) -> None:
    folder = tmp_path / "polnear" / "dev" / "text"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(HARBOUR, encoding="utf-8")

    result = CliRunner().invoke(cli, ["model-pairs", str(folder), "--out", str(tmp_path / "x.jsonl")])

    assert result.exit_code != 0 and "held-out" in result.output
    assert not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize(
    ("text", "is_premise"),
    [
        ("The council voted on Tuesday to spend four million pounds on a sea wall.", True),
        ("Will the council vote on Tuesday to spend four million pounds on a sea wall?", False),
        ("Portmere Council Approves New Sea Wall after a long night of talks.", False),
        ("Mayor Alice Hartley Says The Sea Wall Will Be Finished By March.", False),
        ("The council voted on Tuesday.", False),
    ],
)
def test_a_premise_is_one_whole_prose_sentence_that_claims_something(
    nlp: Language, text: str, is_premise: bool
) -> None:
    from bot.model.sentence_slots import usable

    assert usable(next(nlp(text).sents)) is is_premise


def test_a_swapped_name_ending_in_a_full_stop_does_not_double_it(nlp: Language) -> None:
    s = sentence(nlp, "The senator spoke to reporters outside a restaurant in Milwaukee.")
    slot = next(slot for slot in s.slots if slot.text == "Milwaukee")

    assert s.replaced(slot.start, slot.end, "Tampa, Fla.") == (
        "The senator spoke to reporters outside a restaurant in Tampa, Fla."
    )


def test_a_shorter_clause_is_neutral_for_the_whole_sentence_that_adds_a_detail(nlp: Language) -> None:
    from bot.model.pairs import Pools, neutral

    s = sentence(nlp, "Ruth Ogden, the chief executive of Northway Ferries, announced the cuts on Thursday.")
    pools = Pools([[s]])
    added = [p for seed in range(20) if (p := neutral(s, [s], pools, random.Random(seed)))]

    assert added and all(p.kind == "neutral_added_detail" for p in added)
    assert {p.premise for p in added} == set(s.shorter)
    assert {p.hypothesis for p in added} == {s.text}


def test_a_dropped_second_clause_takes_its_closing_quote_with_it(nlp: Language) -> None:
    s = sentence(nlp, "Some in the crowd booed loudly, and a man near the stage yelled “Stay there!”")

    assert s.shorter == [] or all(v.endswith(".") and "”" not in v for v in s.shorter)
    assert sentence(nlp, "Some in the crowd booed loudly, and a man near the stage yelled at them.").shorter == [
        "Some in the crowd booed loudly."
    ]


def test_a_report_at_the_end_of_a_paragraph_keeps_no_line_break(nlp: Language) -> None:
    doc = nlp("Ruth Ogden claimed that the sailings would return in April next year\n\nThe island waits.")
    report = analyse(next(doc.sents), article=0, index=0).report

    assert report is not None and report.clause == "the sailings would return in April next year"


def test_a_shorter_version_ending_in_a_quote_keeps_its_full_stop_inside(nlp: Language) -> None:
    s = sentence(nlp, "At the meeting, Hartley said the delay was “an egregious act.”")

    assert "Hartley said the delay was “an egregious act.”" in s.shorter


def test_a_verb_or_adjective_is_swapped_for_its_listed_opposite_in_the_same_form(nlp: Language) -> None:
    from bot.model.pairs import Pools

    s = sentence(nlp, "The harbour board approved the dredging plan at a meeting in Portmere on Thursday.")
    pairs = [contradiction(s, Pools([[s]]), random.Random(seed)) for seed in range(30)]
    opposite = [p for p in pairs if p is not None and p.kind == "contra_antonym"]

    assert opposite, [p.kind for p in pairs if p is not None]
    assert opposite[0].hypothesis == "The harbour board disapproved the dredging plan at a meeting in Portmere on Thursday."
    assert opposite[0].label == "contradiction"


def test_a_sentence_that_gives_a_name_as_he_or_the_company_entails_the_sentence_naming_it(nlp: Language) -> None:
    from bot.model.pairs import Pools, described

    s = sentence(nlp, "Ruth Ogden told reporters that Northway Ferries would cut its sailings in March.")
    pools = Pools([[s]])
    pairs = [described(s, pools, random.Random(seed)) for seed in range(30)]

    assert all(p is not None and p.label == "entailment" and p.hypothesis == s.text for p in pairs)
    premises = {p.premise for p in pairs if p is not None}
    assert any(p.startswith(("He told", "She told")) for p in premises)
    assert any("that the company would cut" in p or "that the agency would cut" in p for p in premises)
    assert all("Ruth Ogden" not in p or "Northway Ferries" not in p for p in premises)


def test_a_name_that_only_qualifies_a_noun_is_never_given_as_a_description(nlp: Language) -> None:
    from bot.model.pairs import Pools, described

    s = sentence(nlp, "The former Portmere mayor met islanders from Kellan Island in February.")
    pools = Pools([[s]])
    premises = {p.premise for seed in range(30) if (p := described(s, pools, random.Random(seed)))}

    assert all("former Portmere mayor" in p for p in premises)
