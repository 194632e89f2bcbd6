"""Stance: does a candidate support the claim, conflict with it, or merely relate to it?

A fact-checker must see *why*: every conflict carries at least one Reason with
a detail a reporter understands. A candidate is evidence only when it states
what the claim states -- every name the claim mentions (or a swapped one),
most of its content words, and its numbers and dates -- otherwise it is merely
related and dropped. One kind of related excerpt is kept, with its reason: one
that says everything but gives only a bound for the claim's exact figure
("over 90 minutes" for "two hours"), which a reporter should see next to the
verdict.

`assess` is the decision; each family of rules it applies lives in its own
module under `rules/`: `name_swaps` (names stated or swapped), `negation_scope` and
`polarity` (negation and opposites), `number_date_checks`, `misquotes`
(quoted words), `speaker_checks` (who said it) and `predicate_checks` (the
claim's verb). `word_substitutions` refines a support afterwards, on a parse.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bot.check.rules.agent_checks import agent_swaps
from bot.check.claims import Claim
from bot.check.rules.misquotes import STRONG_QUOTE, quote_reasons
from bot.core.models import Reason, Stance
from bot.check.rules.name_swaps import (
    addressee_swaps,
    find_entity_swap,
    name_present,
    name_words,
    setting_swaps,
)
from bot.check.rules.negation_scope import (
    denying_predicate,
    negated_light_verbs,
    scoped_negations,
    source_complement_negators,
)
from bot.check.rules.number_date_checks import date_reasons, quantity_reasons, year_reasons
from bot.check.rules.polarity import opposite_words, polarity_reasons
from bot.check.rules.predicate_checks import (
    predicate_stated_apart,
    reception_stated,
    relation_verb_implied,
)
from bot.check.retrieve import WORD, Alignment, Candidate, states_words, weighted_coverage
from bot.check.rules.speaker_checks import (
    is_quote_speaker,
    may_be_speaker,
    quoted_by_someone_else,
    speaker_mismatch,
    speaker_unknown,
    states_the_content,
)
from bot.language.speakers import SpeakerResolver

MIN_COVERAGE = 0.6  # share of the claim's content words a candidate must state
MIN_SCORE = 0.5
# a negation or an antonym is only a conflict in a sentence that says nearly the same thing;
# a number, date, speaker or misquote names exactly what differs
MIN_CONFLICT_SCORE = 0.58  # the false "not" of a stem cousin scored 0.54
LOOSE_CONFLICTS = frozenset({"negation", "antonym"})
LOW_INFORMATION_PARTIAL = 0.75  # claims that are mostly names need close wording
VERBATIM_PARTIAL = 0.85  # unquoted claim this close to someone's quote: the same words
LONG_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes, checked as content


class Assessment(BaseModel):
    """The stance of one candidate, with its reasons (conflicts) or notes (variants)."""

    stance: Stance
    reasons: list[Reason] = Field(default_factory=list)
    score: float
    highlight: str | None = None


def assess(
    claim: Claim,
    candidate: Candidate,
    alignment: Alignment,
    *,
    speakers: SpeakerResolver,
    other_wordings: set[str] | None = None,
    weights: dict[str, float] | None = None,
) -> Assessment | None:
    """Supports or conflicts, with reasons; None when the candidate is merely related."""
    conflicts: list[Reason] = []
    notes: list[Reason] = []
    long_quotes = [q for q in claim.quoted if len(q.split()) >= LONG_QUOTE_WORDS]
    same_quote = bool(
        long_quotes and alignment.quote_score >= STRONG_QUOTE and alignment.quote_span
    )
    if long_quotes and not same_quote:
        return None

    # Names: each must be in the source, or swapped for another in the same role.
    unexplained = 0
    denial = denying_predicate(claim)
    for name in claim.names:
        if name_present(name, candidate):
            continue
        if denial and is_quote_speaker(name, candidate, speakers):
            continue  # "Brand ruled out ..." against Brand's own words
        swap = find_entity_swap(claim, name, candidate)
        if swap is None:
            unexplained += 1
            continue
        conflicts.append(
            Reason(
                code="entity_mismatch",
                detail=f"claim: {name.text}; source: {swap.text}",
            )
        )
    if unexplained:
        return None
    conflicts.extend(addressee_swaps(claim, candidate))
    conflicts.extend(setting_swaps(claim, candidate))  # "told reporters outside Gate 4"
    conflicts.extend(agent_swaps(claim, candidate))  # "alerted by the union" / "by the office"
    explained = {
        w.lower() for r in conflicts for w in WORD.findall(r.detail.split(";")[0])
    }
    opposite = opposite_words(claim, candidate.lemmas.lower().split(), candidate.text)
    if opposite:
        explained.add(opposite[0])  # "fell" is stated, as its opposite "rose"
    explained |= reception_stated(claim, candidate)  # "won praise" / "sparked backlash"
    if denial and scoped_negations(claim, candidate.text):
        explained.add(denial)  # "ruled out sending troops" is stated as "will not send troops"
    missing = [w for w in alignment.missing if w not in explained]
    if relation_verb_implied(claim, missing):
        missing = []  # "the fine covered six sites": the nouns and the number say it
    keys = list(claim.key_lemmas)
    coverage = (
        weighted_coverage(keys, missing, weights)
        if keys
        else (1.0 if same_quote else 0.0)
    )
    # a circumstance the reporter added ("after his speech") lowers the score, not the match
    core = [k for k in keys if k not in claim.adjunct_lemmas]
    if len(core) < 2:
        core = keys
    core_missing = [w for w in missing if w in core]
    core_coverage = weighted_coverage(core, core_missing, weights) if core else coverage
    # the score floor drops by what the unstated circumstance cost the coverage
    score_floor = MIN_SCORE * (coverage / core_coverage if core_coverage else 1.0)
    if not same_quote and (core_coverage < MIN_COVERAGE or alignment.score < score_floor):
        return None
    if not same_quote and len(core_missing) > len(core) // 3:
        return None  # a short claim must be stated whole; a long one may lose a word in three

    if not same_quote and claim.negated_words:
        denied = [w for w in claim.negated_words if w not in explained]
        if set(denied) - states_words(candidate, denied):
            return None  # "not enough" vs a sentence without "enough": not about the same thing

    if not same_quote and claim.predicate and claim.predicate in missing:
        return None  # the source does not state (or oppose) what the claim says happened
    if not same_quote and not predicate_stated_apart(claim, candidate):
        return None  # one source word standing for the claim's verb and its object

    names = name_words(claim)
    facts_stated = (
        len(claim.quantities)
        + len(claim.dates)
        + len(claim.weekdays)
        + len(claim.years)
    )
    information = len([k for k in keys if k not in names]) + facts_stated
    if claim.negated and (
        scoped_negations(claim, candidate.text) or source_complement_negators(claim, candidate)
    ):
        information += 1  # "will not join" matched by "ruled out ... joining": the denial is stated
    if (
        not same_quote
        and information < 2
        and alignment.partial < LOW_INFORMATION_PARTIAL
    ):
        return None  # little beyond names: only a close wording is evidence

    if (
        claim.speaker
        and speaker_unknown(candidate)
        and not may_be_speaker(claim, candidate, speakers)
    ):
        return None  # someone else's statement about the same things, or nobody's we know

    if quoted_by_someone_else(claim, candidate, speakers):
        verbatim = same_quote or (
            alignment.partial >= VERBATIM_PARTIAL
            and coverage >= 0.8
            and states_the_content(claim, candidate, alignment)
        )
        if not verbatim:
            return None  # another person saying something similar is not evidence
        if claim.speaker_role and claim.speaker == claim.speaker_mention:
            return None  # an office nobody here is said to hold: unknown, not someone else
        conflicts.append(speaker_mismatch(claim, candidate))

    if claim.office_swap:  # "Health Minister Ana Ruiz" where the sources say "Finance Minister"
        conflicts.append(
            Reason(
                code="entity_mismatch",
                detail=f"claim: {claim.speaker_mention}; source: {claim.office_swap}",
            )
        )

    if same_quote and alignment.quote_span is not None:
        quoted = max(long_quotes, key=len)
        misquotes, variants = quote_reasons(
            quoted, candidate, alignment.quote_span, other_wordings or set()
        )
        conflicts.extend(misquotes)
        notes.extend(variants)
    else:
        polarity, polarity_notes = polarity_reasons(claim, candidate)
        conflicts.extend(polarity)
        notes.extend(polarity_notes)

    numbers = quantity_reasons(claim, candidate)
    date_conflicts, dates_stated = date_reasons(claim, candidate)
    year_conflicts, years_stated = year_reasons(claim, candidate)
    conflicts.extend(numbers.conflicts)
    conflicts.extend(date_conflicts)
    conflicts.extend(year_conflicts)
    if not conflicts and not (numbers.stated and dates_stated and years_stated):
        return None  # it does not state the claim's number or date: merely related

    if (
        conflicts
        and alignment.score < MIN_CONFLICT_SCORE
        and all(r.code in LOOSE_CONFLICTS for r in conflicts)
    ):
        return None  # a "not" or an opposite word in a loosely aligned sentence: related only
    if not conflicts and not claim.negated and negated_light_verbs(claim, candidate.text):
        return None  # "warned Europe not to take advantage": a "not" on another predicate, unsure
    if not conflicts and numbers.bounds:
        # "over 90 minutes" for "two hours": consistent, but the figure is not stated
        return Assessment(
            stance="related", reasons=numbers.bounds, score=alignment.score,
            highlight=alignment.highlight,
        )  # fmt: skip
    stance: Stance = "conflicts" if conflicts else "supports"
    return Assessment(
        stance=stance,
        reasons=conflicts if conflicts else notes,
        score=alignment.score,
        highlight=alignment.highlight,
    )
