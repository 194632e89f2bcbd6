"""Polarity: the claim and the source say opposite things about the same words.

A negation flipped ("will" / "will not"), a denying verb ("ruled out"), a
"non-" compound, or an antonym ("realistic" / "unrealistic") is a conflict;
a negation and an antonym together cancel out ("not realistic" =
"unrealistic") and become a note. Which negations count is decided in
`negation_scope`; this module weighs them against each other and writes the
reason a reporter reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from bot.language import facts
from bot.language.dates import MONTHS, WEEKDAYS
from bot.language.negation import INFINITIVE_NEGATORS
from bot.check.claims import Claim
from bot.core.models import Reason
from bot.check.rules.name_swaps import name_words
from bot.check.rules.negation_scope import (
    claim_complement_negators,
    claim_negations,
    compound_negation,
    contrasted_alike,
    cue_negator,
    deny_the_same,
    scoped_negations,
    source_complement_negators,
    source_lemmas,
)
from bot.check.retrieve import WORD, Candidate
from bot.check.rules.word_equivalence import matches_any

T = TypeVar("T")


def source_region(claim: Claim, candidate: Candidate) -> str:
    """The part of the source between the first and last words it shares with the claim."""
    keys = set(claim.key_lemmas) | name_words(claim)
    matches = [
        m
        for m in WORD.finditer(candidate.text)
        if matches_any(m.group(0).lower(), keys)
    ]
    if not matches:
        return candidate.text
    start, end = matches[0].start(), matches[-1].end()
    before = candidate.text[:start]
    lead = WORD.findall(before)[-4:]
    if lead:
        start = before.rfind(lead[0])
    tail = candidate.text[end:]
    follow = re.match(r"^(\W*[\w’']+){0,2}", tail)
    if follow:
        end += follow.end()
    return candidate.text[start:end]


def _capitalised_only(text: str) -> set[str]:
    """Words written only capitalised inside sentences: part of a name ("United" of
    "United States"), never an opposite of a common word ("divided")."""
    capitalised: set[str] = set()
    common: set[str] = set()
    for sentence in re.split(r"[.!?]\s+", text):
        words = WORD.findall(sentence)
        for i, word in enumerate(words):
            if word.islower():
                common.add(word)
            elif i > 0 and word[:1].isupper() and not word.isupper():
                capitalised.add(word.lower())
    return capitalised - common


def content_lemmas(lemmas: list[str], text: str) -> list[str]:
    """Lemmas compared for opposites: names' words left out."""
    names = _capitalised_only(text)
    return [w for w in lemmas if w not in names]


def opposite_words(
    claim: Claim, lemmas: list[str], text: str
) -> tuple[str, str] | None:
    """(claim word, source word) when the source (its `lemmas`, from `text`) states one
    of the claim's words as its opposite: "fell" / "rose"."""
    return facts.find_antonym_conflict(
        content_lemmas([w.lower() for w in claim.lemmas], claim.content),
        content_lemmas(lemmas, text),
    )


def _may_deny(candidate: Candidate) -> bool:
    """Whether the source may deny anything: a sentence whose parse at ingest found no
    negation (`negation.is_negated`: "cast the lone no vote", "No, the plan went ahead") has
    none for the words-only scoping to find."""
    return candidate.kind != "fact" or not candidate.facts_known or candidate.negated


def polarity_reasons(
    claim: Claim, candidate: Candidate
) -> tuple[list[Reason], list[Reason]]:
    """(conflicts, notes) from negation and antonyms; "not realistic" = "unrealistic"."""
    region = source_region(claim, candidate)
    # a "not" setting aside what the other text sets aside too is no difference of polarity
    claim_neg = _without_nots(
        claim_negations(claim, candidate), contrasted_alike(claim.content, candidate.text), lambda cue: cue
    )
    scoped = _without_nots(
        scoped_negations(claim, candidate.text) if _may_deny(candidate) else [],
        contrasted_alike(candidate.text, claim.content),
        lambda found: found[0],
    )
    source_neg = [cue for cue, _ in scoped]
    compound = compound_negation(claim, candidate)
    if compound is not None:
        side, written = compound
        if bool(claim_neg) != bool(source_neg):  # "not a NATO mission" = "a non-NATO mission"
            return [], [Reason(code="variant", detail=f'"not" is stated as "{written}"')]
        detail = (
            f'the source says "{written}": "{_shorten(region)}"'
            if side == "source"
            else f'the claim says "{written}", the source does not: "{_shorten(region)}"'
        )
        return [Reason(code="negation", detail=detail)], []
    antonym = opposite_words(claim, source_lemmas(candidate), candidate.text)
    if antonym and _times_only(antonym[0], claim.content):
        antonym = None  # "halted surrenders starting on Saturday": a time, not a beginning
    opposed = set(antonym) if antonym else set()
    claim_denies = [w for w in claim_complement_negators(claim, candidate) if w not in opposed]
    source_denies = [w for w in source_complement_negators(claim, candidate) if w not in opposed]
    # a verb denying its infinitive is a "not" of its own ("should not pay for a bridge the
    # state failed to fix"), not one that turns the clause's "not" around ("denied it was not")
    claim_negative = bool(claim_neg or _infinitive(claim_denies)) != bool(_clausal(claim_denies))
    source_negative = bool(source_neg or _infinitive(source_denies)) != bool(_clausal(source_denies))
    negation_differs = claim_negative != source_negative
    if source_denies and negation_differs and not source_neg:
        # "ruled out Ukraine joining NATO" against "Ukraine will join NATO"
        written = (
            candidate.cue
            if candidate.cue and cue_negator(candidate) == source_denies[0]
            else _written_form(source_denies[0], candidate.text)
        )
        at = candidate.text.find(written)
        shown = candidate.text[at:] if at >= 0 and candidate.text.find(region) > at else region
        return [
            Reason(
                code="negation",
                detail=f'the source says "{written}": "{_shorten(shown)}"',
            )
        ], []
    if claim_denies and negation_differs and not claim_neg:
        written = _written_form(claim_denies[0], claim.content)
        return [
            Reason(
                code="negation",
                detail=f'the claim says "{written}", the source does not: "{_shorten(region)}"',
            )
        ], []
    if antonym and negation_differs:
        said, wrote = antonym
        note = Reason(
            code="variant",
            detail=f'"{" ".join(claim_neg)} {said}" means "{wrote}"'
            if claim_neg
            else f'"{said}" means "not {wrote}"',
        )
        return [], [note]
    if antonym:
        said, wrote = antonym
        return [
            Reason(code="antonym", detail=f'claim: "{said}"; source: "{wrote}"')
        ], []
    if negation_differs and deny_the_same(claim, region):
        return [], []  # each denies the same words, its "not" scoped on a different one
    if negation_differs:
        if source_neg:
            detail = f'the source says "{source_neg[0]}": "…{scoped[0][1]}…"'
        else:
            detail = f'the claim says "{claim_neg[0]}", the source does not: "{_shorten(region)}"'
        return [Reason(code="negation", detail=detail)], []
    return [], []


def _infinitive(denies: list[str]) -> list[str]:
    return [w for w in denies if w in INFINITIVE_NEGATORS]


def _clausal(denies: list[str]) -> list[str]:
    return [w for w in denies if w not in INFINITIVE_NEGATORS]


_DAY = "|".join([*WEEKDAYS, *MONTHS, r"\d{4}\b"])  # a weekday, a month, a year


def _times_only(word: str, text: str) -> bool:
    """Whether every use of the word in the text is a participle that introduces a time
    ("for three weeks starting June 30", "beginning on Monday"), which dates the clause and
    states no beginning or end of its own."""
    stem = word[:-1] if word.endswith("e") else word
    uses = re.findall(rf"\b{re.escape(stem)}\w*", text, re.IGNORECASE)
    times = re.findall(
        rf"\b{re.escape(stem)}\w*ing,?\s+(?:(?:on|in|from)\s+)?(?:{_DAY})\b", text, re.IGNORECASE
    )
    return bool(uses) and len(times) == len(uses)


def _without_nots(cues: list[T], count: int, word: Callable[[T], str]) -> list[T]:
    """`cues` less `count` of their "not"s (those that only set an alternative aside)."""
    kept = []
    for cue in cues:
        if word(cue) == "not" and count > 0:
            count -= 1
            continue
        kept.append(cue)
    return kept


def _written_form(word: str, text: str) -> str:
    """How the text writes a lemma: "rule out" -> "ruled out", "deny" -> "denied"."""
    if word == "rule out":
        pattern = r"\brul\w*\s+(?:\w+\s+){0,2}?out\b"
    else:
        stem = word[:-1] if word.endswith(("y", "e")) else word
        pattern = rf"\b{re.escape(stem)}\w*"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else word


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
