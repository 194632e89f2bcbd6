"""Verdicts and grouping: how evidence becomes one answer a reporter can read at a glance."""

from __future__ import annotations

import datetime as dt

from bot.core.models import ArticleRef, Evidence, Reason
from bot.check.verdict import credible, decide, group_evidence, outlets

WIRE_LINE = (
    "The council approved a budget of 12 million dollars for libraries on Monday."
)


def evidence(
    text: str,
    outlet: str,
    *,
    stance: str = "supports",
    score: float = 0.9,
    reasons=(),
    published: dt.date = dt.date(2024, 3, 14),
) -> Evidence:
    return Evidence(
        stance=stance,
        kind="fact",
        text=text,
        score=score,
        reasons=list(reasons),
        article=ArticleRef(
            path=f"corpus/{outlet.lower().replace(' ', '_')}.txt",
            outlet=outlet,
            published=published,
        ),
    )


def test_wire_copy_in_several_outlets_is_one_excerpt_listing_them() -> None:
    grouped = group_evidence(
        [
            evidence(WIRE_LINE, "Harbour Gazette", score=0.95),
            evidence(
                WIRE_LINE.replace("on Monday", "on Monday, officials said"),
                "Coastal Wire",
                score=0.9,
            ),
            evidence(WIRE_LINE, "Valley Times", score=0.8),
            evidence(
                "Repairs to the harbour bridge will take two weeks.",
                "Valley Times",
                score=0.7,
            ),
        ]
    )
    assert len(grouped) == 2
    first = grouped[0]
    assert first.article.outlet == "Harbour Gazette"  # the best copy leads
    assert [a.outlet for a in first.also_in] == ["Coastal Wire", "Valley Times"]
    assert outlets(grouped, "supports") == 3


def test_copies_with_opposite_stances_are_not_merged() -> None:
    grouped = group_evidence(
        [
            evidence(WIRE_LINE, "Harbour Gazette"),
            evidence(
                WIRE_LINE,
                "Coastal Wire",
                stance="conflicts",
                reasons=[Reason(code="negation", detail="x")],
            ),
        ]
    )
    assert len(grouped) == 2


def test_a_wording_note_of_a_grouped_copy_stays_visible() -> None:
    note = Reason(
        code="variant", detail='"recognising" / "recognizing": a spelling variant'
    )
    grouped = group_evidence(
        [
            evidence(
                "We must start by recognizing the plan is unrealistic.",
                "Coastal Wire",
                score=0.99,
            ),
            evidence(
                "We must start by recognising the plan is unrealistic.",
                "Harbour Gazette",
                score=0.97,
                reasons=[note],
            ),
        ]
    )
    assert len(grouped) == 1 and grouped[0].reasons == [note]


def test_verdicts() -> None:
    why = [
        Reason(
            code="number_mismatch",
            detail="claim: 20 million dollars; source: 12 million dollars",
        )
    ]
    assert decide([]) == "not_found"
    assert decide([evidence(WIRE_LINE, "A")]) == "supported"
    assert (
        decide([evidence(WIRE_LINE, "A", stance="conflicts", reasons=why)])
        == "conflicting"
    )
    both = [
        evidence(WIRE_LINE, "A", score=0.9),
        evidence("Other line.", "B", stance="conflicts", score=0.88, reasons=why),
    ]
    assert decide(both) == "mixed"


def test_an_earlier_reports_figure_gives_way_to_a_later_report() -> None:
    why = [Reason(code="number_mismatch", detail="claim: 57 homes; source: 61 homes")]
    later = evidence("Officials lowered the count of destroyed homes to 57.", "A", published=dt.date(2024, 3, 16))
    earlier = evidence(
        "The fire destroyed 61 homes.", "B", stance="conflicts", reasons=why, published=dt.date(2024, 3, 14)
    )
    assert decide([later, earlier]) == "supported"


def test_a_claim_giving_the_earlier_figure_conflicts_with_the_update() -> None:
    why = [Reason(code="number_mismatch", detail="claim: 61 homes; source: 57 homes")]
    earlier = evidence("The fire destroyed 61 homes.", "B", published=dt.date(2024, 3, 14))
    later = evidence(
        "Officials lowered the count of destroyed homes to 57.", "A", stance="conflicts", reasons=why,
        published=dt.date(2024, 3, 16),
    )
    assert decide([earlier, later]) == "conflicting"
    # a weaker excerpt of the later report leaves the claim contested
    assert decide([earlier, later.model_copy(update={"score": 0.8})]) == "mixed"
    # as does a later conflict on more than the figure, or one no later than every support
    negated = later.model_copy(update={"reasons": [*why, Reason(code="negation", detail='the source says "not"')]})
    assert decide([earlier, negated]) == "mixed"
    assert decide([earlier, later.model_copy(update={"article": earlier.article})]) == "mixed"


def test_a_later_report_denying_the_claims_figure_decides_whatever_its_score() -> None:
    denial = [Reason(code="number_mismatch", detail="claim: 61 homes; source: 57, not 61", denies_claim=True)]
    earlier = evidence("The fire destroyed 61 homes.", "B", score=0.95, published=dt.date(2024, 3, 14))
    correction = evidence(
        "The county counted 57 destroyed homes, not 61.", "A", stance="conflicts", score=0.5,
        reasons=denial, published=dt.date(2024, 3, 16),
    )
    assert decide([earlier, correction]) == "conflicting"
    # a report restating the figure after the denial leaves the usual weighing
    restated = earlier.model_copy(update={"article": earlier.article.model_copy(update={"published": dt.date(2024, 3, 18)})})
    assert decide([restated, correction]) == "supported"
    # the flag stays out of the JSON answer
    assert "denies_claim" not in correction.model_dump_json()


def test_one_weak_excerpt_does_not_make_strong_evidence_mixed() -> None:
    why = [Reason(code="negation", detail='the source says "not"')]
    items = [
        evidence(WIRE_LINE, "A", score=0.97),
        evidence("Loosely related.", "B", stance="conflicts", score=0.6, reasons=why),
    ]
    verdict = decide(items)
    assert verdict == "supported"
    assert [e.stance for e in credible(items, verdict)] == ["supports"]


def test_outlets_are_counted_once_per_side() -> None:
    items = [
        evidence(WIRE_LINE, "Harbour Gazette"),
        evidence("Another line entirely.", "Harbour Gazette"),
    ]
    assert outlets(items, "supports") == 1
    assert outlets(items, "conflicts") == 0
