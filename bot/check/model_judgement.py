"""The trained stance model's say in a check: relevance and stance, with the rules' reasons.

The rules read hard facts well (numbers, dates, a quote's speaker, misquoted words,
negation) and say *why*; they judge poorly whether a sentence is about the claim at all
and miss paraphrases. The model reads premise and claim together and gives entailment /
neutral / contradiction. `combine` lets each do its part (the thresholds below say which
paths are on):
- a rule conflict on a hard fact stands, unless the model is sure the sentence is about
  something else (another event, other people): then it is not evidence;
- a rule support the model reads as neutral or as a contradiction is dropped or turned
  into a conflict with a readable difference; one in a sentence about another matter
  (far from the claim by the sentence encoder, neutral to the model) is dropped whatever
  the thresholds (`unrelated_supports_dropped`);
- a candidate the rules could not align is evidence when the model is confident and the
  sentence shares enough of the claim's words (paraphrases: "48 hours" for "two days"); as
  a conflict, only when the sentence is about the claim's matter (`similarities`);
- a candidate the rules could not align but the model reads as stating the claim is judged
  on the claim's figures by the rules (`figures_read`): another number is a conflict with
  its reason, the same number with the model's entailment is support. The model reads a
  differing figure as another matter, so for a conflict it may read the claim without the
  phrases carrying its figures instead (`figure_free`); likewise a sentence naming another
  place or body in the claim's slot is a conflict when the model reads the claim with that
  name in place of its own as the sentence's event (`names_read`).
A reported claim ("a post says X") is `reported_claims`' business: its article's finding.
All candidates of a check are scored in one call."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from bot.check.claims import Claim
from bot.core.models import Entity, Passage, Reason
from bot.check.retrieve import Alignment, Candidate
from bot.check.rules.name_swaps import name_present
from bot.check.rules.negation_scope import NEGATORS
from bot.check.rules.number_date_checks import (
    date_reasons,
    quantity_reasons,
    time_reasons,
    year_reasons,
)
from bot.check.stance import Assessment
from bot.model.stance_model import StanceModel, quote_premise, under_headline

MIN_EVIDENCE_WORDS = 5  # "fair", "Off Message": a fragment or heading is never evidence alone
MAX_HEADING_WORDS = 10  # a body line this short without a stop is a subheading; a standfirst is longer
MAX_JUDGED = 5  # best-aligned candidates the model reads per claim (~4-9 ms each, by CPU)
MIN_JUDGED_COVERAGE = 0.2  # below the rules' pre-filter (0.45): paraphrases and denials

# Thresholds on the model's probabilities, chosen on the dev claims, probe7, corpus2-5, the
# debunk set and the seed claims over seeds + 1,008 PolNeAR articles, never the held-out
# stories; docs/NOTES.md (sessions 5 and 6) has each setting's figures. With the session-5
# model (MNLI 0.71, FEVER-Symmetric 0.69) two paths help:
# - support alone, when the model is very sure of a sentence the rules could not align;
# - conflict alone, when it reads a contradiction in a sentence about the claim's matter
#   (MiniLM cosine >= CONFLICT_RELEVANCE): without that gate it cited unrelated stories from
#   a large archive ("Jay Z will hold a concert" against elections in Ukraine).
# The veto paths still drop right evidence ("an hour and a half" against "90 minutes", a
# hedged "is believed to"): off until a model measures better.
SUPPORT_ALONE = 0.955  # entailment needed to cite a sentence the rules did not align (see NOTES, session 7)
SUPPORT_ALONE_COVERAGE = 0.45
# Below that, a second reader: the ruling model (`stance_model.ruling`, the stance model
# trained on further news pairs) reads the sentences the stance model already leans to
# (entailment >= SECOND_READ), and both together are support when it is sure (SECOND_SUPPORT).
# Two models agreeing err less than one at a lower threshold (NOTES, session 35); neither
# reads a claim's "not" well ("Not a single well has tested positive" against "found the
# bacteria in 23 wells" reads as entailment), so a negated claim is the rules' alone.
SECOND_READ = 0.7
SECOND_SUPPORT = 0.9
# A rules' support undone by a slot's other word (`check_slots`) stands where entailment is the
# model's likeliest reading of the sentence (`paraphrased`).
SLOT_PARAPHRASE = 0.5
CONFLICT_ALONE = 0.8  # contradiction needed to cite one as a conflict on the model's word
CONFLICT_ALONE_COVERAGE = 0.2
# A conflict on the model's word also needs the sentence to be about what the claim is about:
# cosine of the two sentences' MiniLM vectors (the encoder that matches fact-checks).
CONFLICT_RELEVANCE = 0.5
# A support needs less: the rules found the claim's words in it. But shared words are not a
# shared matter ("secure the release" of Iran's hostages in 1986 for a schoolteacher freed in
# 2025); a sentence this far from the claim that the model reads as unrelated is no support.
SUPPORT_RELEVANCE = 0.4
UNRELATED_NEUTRAL = 0.5
CLOSE_SUPPORT = 0.8  # a support scored this high is worded as the claim is: not asked
# The model reads numbers and dates poorly ("postponed 1,140" for "2,380": neutral 0.99) but
# whether a sentence says the claim's thing well; the rules read the figures. A sentence the
# model reads as stating the claim (entailment + contradiction, i.e. not neutral) is compared
# figure by figure: a differing number or date is a conflict with the rules' reason; every
# figure stated alike, with the model's entailment, is support.
FACTS_RELEVANCE = 0.5
FACTS_SUPPORT = 0.7
FACTS_EVENT = 0.9  # entailment of the claim without its figures: the sentence reports its event
OVERRULE_SUPPORT = float("inf")  # contradiction that turns a rule support into a conflict
NEUTRAL_VETO = float("inf")  # neutral that drops a rule support (a reported claim, another matter)
OTHER_MATTER = float("inf")  # neutral that drops a conflict no hard fact backs (other people, another event)
HARD_FACTS = frozenset({"number_mismatch", "date_mismatch", "speaker_mismatch", "misquote"})

_STOPPED = re.compile(r"[.!?…:;\"”'’)\]]\s*$")  # a sentence's last characters
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Judgement:
    entailment: float
    neutral: float
    contradiction: float


def premise(candidate: Candidate, text: str | None = None) -> str:
    """What the model reads as the source: the sentence (a quote with its speaker) under its
    article's headline, as a reader meets it; a claim naming the event ("the Northgate
    attack") is otherwise "neutral" to a sentence that only says "the attack"."""
    text = text or candidate.text
    if candidate.kind == "quote" and candidate.speaker:
        text = quote_premise(candidate.speaker, candidate.text)
    return under_headline(candidate.article.title, text)


def is_fragment(candidate: Candidate | Passage) -> bool:
    """A few words ("fair"), or a heading: a line of the body that ends without a sentence's
    stop ("Why the two branches are closing"), which names what follows but states nothing."""
    words = len(_WORD.findall(candidate.text))
    if words < MIN_EVIDENCE_WORDS:
        return True
    position = candidate.position if isinstance(candidate, Passage) else candidate.passage_position
    fact = isinstance(candidate, Passage) or candidate.kind == "fact"
    return (
        fact and words <= MAX_HEADING_WORDS and position is not None and position >= 0
        and not _STOPPED.search(candidate.text)
    )


def judge(
    claim: Claim, candidates: Sequence[Candidate], hypothesis: str | None = None, model: StanceModel | None = None
) -> list[Judgement]:
    """One model call for every candidate of the claim (or of `hypothesis`, a form of it), by
    the shipped stance model or another (`stance_model.ruling`)."""
    from bot.model.stance_model import shipped

    if not candidates:
        return []
    rows = (model or shipped()).probabilities([(premise(c), hypothesis or claim.text) for c in candidates])
    return [Judgement(float(e), float(n), float(c)) for e, n, c in rows]


def similarities(claim: Claim, candidates: Sequence[Candidate]) -> list[float]:
    """Cosine of the claim's and each candidate's sentence vectors, in one batch (0 without
    the encoder: then the model states no conflict alone)."""
    from bot.model.sentence_encoder import load_encoder

    encoder = load_encoder()
    if encoder is None or not candidates:
        return [0.0] * len(candidates)
    vectors = encoder.encode([claim.text, *(c.text for c in candidates)])
    return [float(x) for x in vectors[1:] @ vectors[0]]


def unrelated_supports_dropped(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]]
) -> list[tuple[Candidate, Assessment]]:
    """`assessed` without the supports about another matter: the sentence encoder puts them
    below `SUPPORT_RELEVANCE` and the model reads them as neutral. Both are asked once per
    check, the encoder only about supports scored below `CLOSE_SUPPORT` and the model only
    about the distant few; without the encoder nothing is known to be distant."""
    from bot.model.sentence_encoder import load_encoder

    if load_encoder() is None:
        return assessed
    supports = [
        (i, c) for i, (c, f) in enumerate(assessed) if f.stance == "supports" and f.score < CLOSE_SUPPORT
    ]
    distant = [
        (i, c)
        for (i, c), similarity in zip(supports, similarities(claim, [c for _, c in supports]))
        if similarity < SUPPORT_RELEVANCE
    ]
    unrelated = {
        i
        for (i, _), judgement in zip(distant, judge(claim, [c for _, c in distant]))
        if judgement.neutral >= UNRELATED_NEUTRAL
    }
    return [pair for i, pair in enumerate(assessed) if i not in unrelated]


def wants_second_reading(
    claim: Claim, candidate: Candidate, found: Assessment | None, judgement: Judgement, alignment: Alignment
) -> bool:
    """Whether only the second reader stands between a sentence and support on the models' word."""
    return (
        found is None
        and SECOND_READ <= judgement.entailment < SUPPORT_ALONE
        and alignment.coverage >= SUPPORT_ALONE_COVERAGE
        and not claim.negated
        and not figures_differ(claim, candidate)
    )


def wants_relevance(
    claim: Claim,
    candidate: Candidate,
    found: Assessment | None,
    judgement: Judgement,
    alignment: Alignment,
    stop_words: frozenset[str],
) -> bool:
    """Whether only the sentence's relevance stands between it and a conflict on the model's word."""
    return (
        found is None
        and judgement.contradiction >= CONFLICT_ALONE
        and _may_conflict_alone(claim, candidate, alignment, stop_words)
    )


def _content(text: str, stop_words: frozenset[str]) -> list[str]:
    """Its words that carry meaning; a negator does ("has not been cut down")."""
    return [w for w in _WORD.findall(text) if w.lower() not in stop_words or w.lower() in NEGATORS]


def _only_in(text: str, other: str, stop_words: frozenset[str]) -> list[str]:
    """Content words of `text` that `other` does not write."""
    others = {w.lower() for w in _WORD.findall(other)}
    return [w for w in _content(text, stop_words) if w.lower() not in others]


def difference(claim: Claim, candidate: Candidate, stop_words: frozenset[str]) -> str:
    """The words where claim and source differ, for a conflict no rule names."""
    only_claim = _only_in(claim.text, candidate.text, stop_words)
    only_source = _only_in(candidate.text, claim.text, stop_words)
    claim_side = " ".join(dict.fromkeys(only_claim[:6])) or "(its wording)"
    source_side = " ".join(dict.fromkeys(only_source[:6])) or "(the same words)"
    return f"claim: {claim_side}; source: {source_side}"


def says_something_else(claim: Claim, candidate: Candidate, stop_words: frozenset[str]) -> bool:
    """A source whose every word the claim also writes says less than the claim, not the
    opposite ("The last strike at the port lasted nine days" against "... at the Port of
    Ardmore ..."): the model reads such added detail as a contradiction."""
    return bool(_only_in(candidate.text, claim.text, stop_words))


def contradiction(claim: Claim, candidate: Candidate, stop_words: frozenset[str]) -> Reason:
    return Reason(code="contradiction", detail=difference(claim, candidate, stop_words))


def model_may_change(found: Assessment | None, alignment: Alignment) -> bool:
    """Whether, at the thresholds in force, the model's reading could change this answer;
    only those candidates are scored (the model is most of a check's cost)."""
    if found is None:
        return (SUPPORT_ALONE <= 1 and alignment.coverage >= SUPPORT_ALONE_COVERAGE) or (
            CONFLICT_ALONE <= 1 and alignment.coverage >= CONFLICT_ALONE_COVERAGE
        )
    if found.stance == "supports":
        return OVERRULE_SUPPORT <= 1 or NEUTRAL_VETO <= 1
    if found.stance == "conflicts":
        soft = not any(r.code in HARD_FACTS for r in found.reasons)
        return soft and (OTHER_MATTER <= 1 or OVERRULE_SUPPORT <= 1)
    return False


def _names_the_claims_people(claim: Claim, candidate: Candidate) -> bool:
    """A contradiction on the model's word needs a whole sentence naming the claim's people:
    it reads "the mayor backs it" as contradicting "Keller backs it", while who did what is
    the rules' call (entity_mismatch); and a quote is words without the sentence that frames
    them ("Kulik denied" the words "the harbour talks had collapsed")."""
    people = [n for n in claim.names if n.label == "PERSON"]
    return candidate.kind == "fact" and all(name_present(n, candidate) for n in people)


def may_stand_alone(
    claim: Claim, candidate: Candidate, alignment: Alignment, stop_words: frozenset[str]
) -> bool:
    """Whether a sentence the rules found nothing in could be cited on the model's word at
    all. The cheap conditions of a conflict alone are tested before the model reads it (~9 ms
    a pair): most weakly aligned sentences are quotes, or lack the claim's people."""
    supports = SUPPORT_ALONE <= 1 and alignment.coverage >= SUPPORT_ALONE_COVERAGE
    return supports or _may_conflict_alone(claim, candidate, alignment, stop_words)


def _may_conflict_alone(
    claim: Claim, candidate: Candidate, alignment: Alignment, stop_words: frozenset[str]
) -> bool:
    """A conflict on the model's word, whatever the model reads: the path is on, the sentence
    shares enough of the claim, names its people and says something the claim does not."""
    return (
        CONFLICT_ALONE <= 1
        and alignment.coverage >= CONFLICT_ALONE_COVERAGE
        and _names_the_claims_people(claim, candidate)
        and says_something_else(claim, candidate, stop_words)
    )


def paraphrased(found: Assessment, alignment: Alignment, judgement: Judgement) -> Assessment | None:
    """A rules' support undone only because the sentence fills one of the claim's slots with
    another word (`check_slots`): a paraphrase ("a water supply agreement" for "a water
    supply deal", "the race started" for "the marathon began") when the model reads the
    sentence as stating the claim; another matter ("an American schoolteacher" for "an
    American journalist") when it does not."""
    if judgement.entailment < SLOT_PARAPHRASE:
        return None
    return found.model_copy(update={"score": _score(alignment, judgement)})


def _score(alignment: Alignment, judgement: Judgement) -> float:
    return round((alignment.score + max(judgement.entailment, judgement.contradiction)) / 2, 4)


def figures(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool] | None:
    """The rules' reading of the claim's figures in the sentence: (conflicts, whether every
    figure is stated alike); None when the claim has none or the sentence is not parsed.
    A time of day is a figure too ("at 2:40 a.m." / "at 6:30 a.m.")."""
    if not (claim.quantities or claim.dates or claim.weekdays or claim.years):
        return None
    if not candidate.facts_known:
        return None
    numbers = quantity_reasons(claim, candidate)
    date_conflicts, dates_stated = date_reasons(claim, candidate)
    year_conflicts, years_stated = year_reasons(claim, candidate)
    times = time_reasons(claim, candidate)  # None: several other times, none the claim's
    conflicts = numbers.conflicts + date_conflicts + year_conflicts + (times or [])
    stated = numbers.stated and not numbers.bounds and dates_stated and years_stated
    return conflicts, stated and times == [] and not conflicts


def figures_differ(claim: Claim, candidate: Candidate) -> bool:
    """The rules read one of the claim's figures otherwise in the sentence: a differing figure
    is theirs to call, and the model reads "5.3 miles" for "3.5 miles" as the same."""
    read = figures(claim, candidate)
    return read is not None and bool(read[0])


def figures_read(
    claim: Claim,
    candidate: Candidate,
    alignment: Alignment,
    judgement: Judgement,
    event: float = 0.0,
) -> Assessment | None:
    """A sentence the rules could not align but the model reads as stating the claim, judged
    on the claim's figures: "The rockfall happened ... on the mine's 640-metre level" against
    "The tunnel collapse happened on the mine's 460-metre level" is a number conflict. The
    model reads a differing figure as another matter; `event` is its entailment of the claim
    without its figures (`figure_free`): enough for a conflict on a differing one."""
    read = figures(claim, candidate)
    if read is None:
        return None
    conflicts, alike = read
    if judgement.neutral > 1 - FACTS_RELEVANCE and not (conflicts and event >= FACTS_EVENT):
        return None
    if not all(name_present(n, candidate) for n in claim.names):
        return None  # other people: who did what is the rules' call
    score = _score(alignment, judgement)
    if conflicts:
        return Assessment(
            stance="conflicts", reasons=conflicts, score=score, highlight=alignment.highlight
        )
    if alike and (claim.quantities or claim.dates) and judgement.entailment >= FACTS_SUPPORT:
        return Assessment(stance="supports", score=score, highlight=alignment.highlight)
    return None


def names_read(
    alignment: Alignment,
    judgement: Judgement,
    swaps: list[tuple[Entity, Entity]],
    event: float,
) -> Assessment | None:
    """A sentence naming another place or body where the claim names its own ("opened a
    shelter ... at the Brannock YMCA" against "set up its shelter ... at Brannock High
    School"): a conflict when the model reads the claim with the sentence's names in place of
    its own as the sentence's event (`renamed_claims`, entailment `event`). The model
    alone reads such a pair as a weak contradiction (0.66); the rules found the swap but
    could not align the paraphrase around it."""
    if not swaps or event < FACTS_EVENT:
        return None
    reasons = [
        Reason(code="entity_mismatch", detail=f"claim: {name.text}; source: {swap.text}")
        for name, swap in swaps
    ]
    return Assessment(
        stance="conflicts",
        reasons=reasons,
        score=_score(alignment, judgement),
        highlight=alignment.highlight,
    )


def wants_event(
    claim: Claim, candidate: Candidate, found: Assessment | None, judgement: Judgement
) -> bool:
    """Whether only the model's reading of the claim without its figures stands between a
    sentence and a conflict on a differing figure."""
    if found is not None or judgement.neutral <= 1 - FACTS_RELEVANCE:
        return False
    read = figures(claim, candidate)
    named = all(name_present(n, candidate) for n in claim.names)
    return read is not None and bool(read[0]) and named


def combine(
    claim: Claim,
    candidate: Candidate,
    alignment: Alignment,
    found: Assessment | None,
    judgement: Judgement,
    stop_words: frozenset[str],
    similarity: float = 0.0,
    second: Judgement | None = None,
) -> Assessment | None:
    """The rules' assessment (None: they found no relation) adjusted by the model (`second`:
    the second reader's judgement, where `wants_second_reading` asked for one)."""
    score = _score(alignment, judgement)
    if found is None:
        if (
            judgement.entailment >= SUPPORT_ALONE
            and alignment.coverage >= SUPPORT_ALONE_COVERAGE
            and not figures_differ(claim, candidate)
        ) or (second is not None and second.entailment >= SECOND_SUPPORT):
            return Assessment(stance="supports", score=score, highlight=alignment.highlight)
        if not (
            wants_relevance(claim, candidate, found, judgement, alignment, stop_words)
            and similarity >= CONFLICT_RELEVANCE
        ):
            return None
        conflicts, alike = figures(claim, candidate) or ([], False)
        if alike:
            return None  # every figure stated alike: the model read their form, or detail
        return Assessment(
            stance="conflicts",
            reasons=conflicts or [contradiction(claim, candidate, stop_words)],
            score=score,
            highlight=alignment.highlight,
        )
    if found.stance == "supports":
        if judgement.contradiction >= OVERRULE_SUPPORT:
            return Assessment(
                stance="conflicts",
                reasons=[contradiction(claim, candidate, stop_words)],
                score=score,
                highlight=found.highlight,
            )
        if judgement.neutral >= NEUTRAL_VETO:
            return None
        return found
    if found.stance == "conflicts":
        if any(r.code in HARD_FACTS for r in found.reasons):
            return found  # a number, date, speaker or quoted word that differs: the rules know
        if judgement.neutral >= OTHER_MATTER or judgement.entailment >= OVERRULE_SUPPORT:
            return None  # other people or another matter; or a loose "not" the model reads as agreement
        return found
    return found
