"""Two sentences that state a claim together: a reporter's claim often joins facts a writer
put in consecutive sentences ("Also on Thursday, a group of parents filed a proposed
class-action lawsuit against Brackenridge Laboratories ..." then "The suit ... seeks $40
million in damages" for "On Thursday, parents filed a proposed class action against
Brackenridge seeking $40 million in damages"). No single sentence states it, so neither the
rules nor the model reading one sentence can.

When nothing else is evidence, the sentences the rules found nothing in are read by the
model again, each with the sentence before it and with the one after. The pair is support
when the model is as sure as it must be of one sentence alone (`SUPPORT_ALONE`), the rules
find the claim's figures stated alike in the two, and the neighbour is needed:
- it states words of the claim the sentence lacks, and the sentence names the claim's
  people and things (a neighbour lends no subject);
- a neighbour the model reads alone as stating or denying the claim is judged as a sentence
  of its own ("met Trump at the White House" for "met Trump at the Kremlin" is the rules'
  call), and so is one the rules found a conflict in;
- a heading ("No illnesses linked to water") is no neighbour.
The excerpt cited is both sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from bot.check.claims import Claim
from bot.check.model_judgement import (
    SUPPORT_ALONE,
    SUPPORT_ALONE_COVERAGE,
    Judgement,
    figures,
    is_fragment,
    premise,
)
from bot.check.retrieve import Alignment, Candidate
from bot.check.rules.name_swaps import name_present
from bot.check.stance import Assessment
from bot.core.models import Article, Passage, Quantity

NEIGHBOUR_NEUTRAL = 0.5  # the model's neutral for the neighbour read alone: it adds, not states
JOINED_COVERAGE = 0.6  # share of the claim's key words the two sentences state together


@dataclass(frozen=True)
class Pair:
    """A sentence with a neighbour: the two sentences' text, and the neighbour alone."""

    text: str
    neighbour_id: int | None
    neighbour: str
    neighbour_lemmas: str
    quantities: list[Quantity]
    dates: list[dt.date]
    negated: bool = False
    entailment: float = 0.0


def neighbours(candidate: Candidate, passages: Sequence[Passage]) -> list[Pair]:
    """The candidate sentence with the sentence before it and with the one after."""
    position = candidate.passage_position
    if candidate.kind != "fact" or position is None:
        return []
    by_position = {p.position: p for p in passages}
    own = by_position.get(position)
    if own is None or own.text != candidate.text:
        return []
    pairs = []
    for other, first in ((position - 1, True), (position + 1, False)):
        passage = by_position.get(other)
        if passage is None or not _is_sentence(passage):
            continue
        text = f"{passage.text} {own.text}" if first else f"{own.text} {passage.text}"
        pairs.append(
            Pair(
                text,
                passage.id,
                passage.text,
                passage.lemmas.lower(),
                passage.quantities,
                passage.dates,
                passage.negated,
            )
        )
    return pairs


def _adds_the_rest(claim: Claim, candidate: Candidate, pair: Pair) -> bool:
    """The neighbour states words of the claim the sentence lacks, the two together state
    most of them (`JOINED_COVERAGE`), and the sentence itself names the claim's people and
    things: a neighbour about someone else lends no subject ("Trump was coy ..." after a
    sentence naming Brook is not "Brook was coy ...")."""
    keys = set(claim.key_lemmas)
    own = keys & set(candidate.lemmas.lower().split())
    added = (keys - own) & set(pair.neighbour_lemmas.split())
    return (
        bool(added)
        and len(own | added) >= JOINED_COVERAGE * len(keys)
        and all(name_present(n, candidate) for n in claim.names)
    )


def joined_candidate(candidate: Candidate, pair: Pair) -> Candidate:
    """The candidate as the two sentences: their text, numbers and dates (cited as one excerpt)."""
    return candidate.model_copy(
        update={
            "text": pair.text,
            "quantities": [*candidate.quantities, *pair.quantities],
            "dates": [*candidate.dates, *pair.dates],
            "negated": candidate.negated or pair.negated,
        }
    )


def figures_agree(claim: Claim, joined: Candidate) -> bool:
    """Every number and date of the claim stated alike in the two sentences: the model reads
    figures poorly ("$20 million" from "seeks $12 million": entailment 0.93)."""
    read = figures(claim, joined)
    return read is None or (not read[0] and read[1])


def _is_sentence(passage: Passage) -> bool:
    """A sentence ends as one; a heading or a fragment is no neighbour."""
    text = passage.text.rstrip().rstrip("\"'”’)")
    return text.endswith((".", "!", "?")) and not is_fragment(passage)


def _best_pairs(claim: Claim, asked: Sequence[tuple[Candidate, list[Pair]]]) -> list[Pair | None]:
    """Each candidate's pair with the most entailment, all read in one model call; then the
    passing pairs' neighbours alone, in a second."""
    from bot.model.stance_model import shipped

    flat = [(premise(c, p.text), claim.text) for c, pairs in asked for p in pairs]
    rows = iter(shipped().probabilities(flat) if flat else [])
    best: list[Pair | None] = []
    for _, pairs in asked:
        read = [replace(p, entailment=float(next(rows)[0])) for p in pairs]
        best.append(max(read, key=lambda p: p.entailment, default=None))
    passing = [
        (i, c, p)
        for i, ((c, _), p) in enumerate(zip(asked, best))
        if p and p.entailment >= SUPPORT_ALONE
    ]
    alone = [(premise(c, p.neighbour), claim.text) for _, c, p in passing]
    for (i, _, _), row in zip(passing, shipped().probabilities(alone) if alone else []):
        if float(row[1]) < NEIGHBOUR_NEUTRAL:
            best[i] = None
    return best


def joined_support(
    claim: Claim,
    tried: Sequence[Sequence[tuple[Candidate, Alignment, Assessment | None]]],
    judgements: dict[tuple, Judgement],
    key: Callable[[Candidate], tuple],
    passages: Callable[[Article], list[Passage]],
) -> list[tuple[Candidate, Assessment]]:
    """Support from a judged sentence the rules found nothing in, read with a neighbour; the
    candidate returned carries both sentences as its text."""
    conflicted = {
        c.passage_id for group in tried for c, _, f in group if f is not None and f.stance == "conflicts"
    }
    lonely = [
        (c, a)
        for group in tried
        for c, a, f in group
        if f is None
        and key(c) in judgements
        and judgements[key(c)].entailment < SUPPORT_ALONE
        and a.coverage >= SUPPORT_ALONE_COVERAGE
    ]
    asked = [
        (
            c,
            [
                p
                for p in neighbours(c, passages(c.article))
                if p.neighbour_id not in conflicted and _adds_the_rest(claim, c, p)
            ],
        )
        for c, _ in lonely
    ]
    found: list[tuple[Candidate, Assessment]] = []
    for (candidate, alignment), pair in zip(lonely, _best_pairs(claim, asked)):
        if pair is None or pair.entailment < SUPPORT_ALONE:
            continue
        joined = joined_candidate(candidate, pair)
        if not figures_agree(claim, joined):
            continue
        score = round((alignment.score + pair.entailment) / 2, 4)
        supports = Assessment(stance="supports", score=score, highlight=alignment.highlight)
        found.append((joined, supports))
    return found
