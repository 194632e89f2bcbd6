"""check_text: a message in, a CheckReport out -- the engine's checking pipeline.

claims (parse once) -> retrieve (full-text candidates) -> resolve the claim's
speaker by office (`speaker_roles`) and the names candidates refer to
(`references`) -> align (rapidfuzz) -> stance (reasons), refined on a parse
(`rules/word_substitutions`; `rules/event_facts`: a date or number of another event) -> the
model's reading (`model_judgement`; the claim without its figures, `figure_free`, or with
the sentence's names, `renamed_claims`; two
consecutive sentences when no one states the claim, `joined_sentences`; a report of the
claim's speaker, `reported_claims`) -> one piece of evidence per quote and sentence
(`evidence_dedup`) -> verdict (grouping, outlets). A compound sentence is also checked part
by part (`compound_claims`). FactChecker.check() calls this with the process's loaded
pipeline, store and speaker resolver.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from spacy.language import Language

from bot.check import claim_selection
from bot.check.claim_selection import DEFAULT_MAX_CLAIMS, MAX_MESSAGE_CHARS, ClaimSelection
from bot.check.claims import Claim, parse_claim
from bot.check.compound_claims import claim_parts
from bot.check.parses import parsed
from bot.check.rules.event_facts import (
    announcement_stated,
    another_event,
    check_event_facts,
    dates_a_clause_of_its_own,
    day_of_another_verb,
)
from bot.check.evidence_dedup import drop_overlaps, same_words_groups
from bot.language.detection import foreign_language, not_read_note
from bot.check.rules.misquotes import STRONG_QUOTE, other_wordings
from bot.core.models import ArticleRef, CheckReport, ClaimReport, Entity, Evidence, ReviewMatch
from bot.model.stance_model import ruling
from bot.check.model_judgement import (
    FACTS_EVENT,
    MAX_JUDGED,
    MIN_JUDGED_COVERAGE,
    Judgement,
    combine,
    figures_read,
    is_fragment,
    judge,
    may_stand_alone,
    model_may_change,
    names_read,
    paraphrased,
    similarities,
    unrelated_supports_dropped,
    wants_event,
    wants_relevance,
    wants_second_reading,
)
from bot.check.review_matching import ReviewMatcher, is_strong
from bot.check.rules.name_swaps import name_present
from bot.check.rules.predicate_checks import reception_stated
from bot.check.quote_owners import attribute_copies, named_in_full
from bot.check.references import resolve_candidates
from bot.check.reported_claims import (
    REPORT_COVERAGE,
    examined_claims,
    reported_support,
    restatements,
    withdrawn_conflicts_dropped,
    writers_denials_dropped,
)
from bot.check.joined_sentences import joined_support
from bot.check.figure_free import figure_free
from bot.check.renamed_claims import renamed, swaps
from bot.check.article_passages import article_passages
from bot.check.retrieve import (
    WORD,
    Alignment,
    Candidate,
    align,
    covered_keys,
    enrich_many,
    key_weights,
    retrieve,
)
from bot.check.speaker_roles import resolve_role
from bot.language.speakers import SpeakerResolver
from bot.check.rules.speaker_checks import may_be_speaker, quoted_by_someone_else, speaker_unknown
from bot.check.stance import Assessment, assess
from bot.check.verdict import credible, decide, group_evidence, outlets
from bot.check.rules.number_date_checks import time_reasons
from bot.check.rules.contrasted_subjects import contrasted
from bot.check.rules.quantifier_scope import part_for_all
from bot.check.rules.role_swaps import roles_swapped
from bot.check.rules.unrealised_events import unrealised
from bot.language.clock_times import clock_times
from bot.check.rules.word_substitutions import (
    SLOT_CHECKS,
    check_opposites,
    check_slots,
    opposites_read,
    set_aside_read,
)
from bot.store.base import Store

# Supports whose words the grammar shows the source does not state as the claim does:
UNSTATED = (
    unrealised,  # only expected or allowed: "is expected to vote", "could lose ... if"
    contrasted,  # the other party of a contrast: "Schools in Marston reopened, but Bayview schools ..."
    roles_swapped,  # who did it to whom: "the council censured Whitlow"
    part_for_all,  # "some residents" for "all residents"
)

_REVIEW_MATCHING = ThreadPoolExecutor(max_workers=4, thread_name_prefix="review-matching")

PRE_FILTER_COVERAGE = 0.45  # cheaper than stance: skip candidates that cannot pass it


def article_ref(candidate: Candidate) -> ArticleRef:
    a = candidate.article
    return ArticleRef(
        path=a.path,
        outlet=a.outlet,
        title=a.title,
        published=a.published,
        url=a.url,
        byline=a.byline,
        updated=a.updated,
    )


def _rules_read(alignment: Alignment) -> bool:
    """Aligned closely enough for the rules' word-by-word checks (cheaper than stance)."""
    return alignment.coverage >= PRE_FILTER_COVERAGE or alignment.quote_score >= STRONG_QUOTE


def _speaker_fits(claim: Claim, candidate: Candidate, speakers: SpeakerResolver) -> bool:
    """A quote's speaker is a hard fact the rules own: the model never cites, on its own
    word, someone else's words for "X said ..." (it reads who speaks poorly)."""
    if not claim.speaker:
        return True
    if speaker_unknown(candidate):
        return may_be_speaker(claim, candidate, speakers)
    return not quoted_by_someone_else(claim, candidate, speakers)


def _key(candidate: Candidate) -> tuple[str, int | None, int | None]:
    """The same candidate before and after its facts were parsed (`enrich_many`)."""
    return (candidate.kind, candidate.passage_id, candidate.quote_id)


def _may_swap_a_name(claim: Claim, candidate: Candidate) -> bool:
    """A quote lacking one of the claim's names needs its entities to tell a swap from a gap."""
    return not candidate.facts_known and not all(
        name_present(n, candidate) for n in claim.names
    )


def _renamed_events(
    claim: Claim,
    tried: list[list[tuple[Candidate, Alignment, Assessment | None]]],
    judgements: dict[tuple[str, int | None, int | None], Judgement],
    nlp: Language,
) -> dict[tuple[str, int | None, int | None], tuple[list[tuple[Entity, Entity]], float]]:
    """For each judged sentence the rules found nothing in but another name where the claim
    names its own: the swaps, and the model's entailment of the claim with the sentence's names."""
    waiting: dict[str, list[tuple[Candidate, list[tuple[Entity, Entity]]]]] = {}
    for group in tried:
        for candidate, alignment, found in group:
            if found is not None or _key(candidate) not in judgements or not _rules_read(alignment):
                continue  # the rules read it, found the swap, but could not align the rest
            swapped = swaps(claim, candidate, nlp)
            if swapped:
                waiting.setdefault(renamed(claim, swapped), []).append((candidate, swapped))
    return {
        _key(candidate): (swapped, judgement.entailment)
        for wording, read in waiting.items()
        for (candidate, swapped), judgement in zip(read, judge(claim, [c for c, _ in read], wording))
    }


def timed(
    claim: Claim, candidate: Candidate, found: Assessment, related: float | None, nlp: Language
) -> Assessment | None:
    """A support (the rules' or the model's) whose source gives another time of day: a
    conflict when the model reads it as the claim's event all the same and the time dates
    the sentence's own event, else none (the time is another moment's: "lifted its order at
    noon" against "ordered ... at 3:05 a.m.", "two hours after the leak began at 1:05 a.m.").
    The claim's event is the model's entailment or contradiction, not neutral: a model that
    reads times reads "at 4:20 a.m." against "at 6:20 a.m." as a contradiction of that event.
    The model reads a rules' support here only (rare: the claim names a minute)."""
    reasons = time_reasons(claim, candidate)
    if reasons == []:
        return found
    if reasons is None:
        return None
    if dates_a_clause_of_its_own(candidate, clock_times(candidate.text)[0].text, nlp):
        return None
    if related is None:
        related = 1 - judge(claim, [candidate])[0].neutral
    if related < FACTS_EVENT:
        return None
    return found.model_copy(update={"stance": "conflicts", "reasons": reasons})


def check_claim(
    claim: Claim,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    limit: int = 8,
) -> ClaimReport:
    """Evidence for one parsed claim, with its verdict and outlet counts."""
    candidates = named_in_full(retrieve(claim, store), speakers)
    covered = [covered_keys(claim, c) for c in candidates]
    claim = resolve_role(claim, candidates, covered, store)
    weights = key_weights(claim, covered)
    candidates, covered = resolve_candidates(
        claim, candidates, covered, nlp=nlp, store=store, speakers=speakers
    )
    if claim.speaker:
        candidates = attribute_copies(candidates, speakers)
    scored = [
        (
            c,
            align(
                claim,
                c,
                weights=weights,
                covered=k | reception_stated(claim, c) | announcement_stated(claim, c),
            ),
        )
        for c, k in zip(candidates, covered)
    ]
    scored = [
        (c, a)
        for c, a in scored
        if (a.coverage >= MIN_JUDGED_COVERAGE or a.quote_score >= STRONG_QUOTE) and not is_fragment(c)
    ]
    numbers_or_dates = bool(claim.quantities or claim.dates or claim.weekdays)
    needs_facts = [
        _rules_read(a) and (numbers_or_dates or _may_swap_a_name(claim, c)) for c, a in scored
    ]
    enriched = iter(enrich_many([c for (c, _), need in zip(scored, needs_facts) if need], nlp))
    scored = [(next(enriched), a) if need else (c, a) for (c, a), need in zip(scored, needs_facts)]
    wordings = other_wordings(scored)

    # 1. the rules, group by group (the same words twice in one article: the first that
    #    the rules assess stands for the group)
    tried: list[list[tuple[Candidate, Alignment, Assessment | None]]] = []
    slot_checks = 0
    refilled: dict[tuple[str, int | None, int | None], Assessment] = {}  # supports a slot's other word undid
    for same_words in same_words_groups(claim, scored):
        group: list[tuple[Candidate, Alignment, Assessment | None]] = []
        for candidate, alignment in same_words:
            found = (
                assess(
                    claim,
                    candidate,
                    alignment,
                    speakers=speakers,
                    other_wordings=wordings.get(candidate.article.path, set()),
                    weights=weights,
                )
                if _rules_read(alignment)
                else None
            )
            if found is not None and found.stance == "supports" and slot_checks < SLOT_CHECKS:
                slot_checks += 1
                read, found = found, check_slots(claim, candidate, alignment, found, nlp)
                if found is None:
                    refilled[_key(candidate)] = read
            if found is not None and found.stance == "conflicts":
                found = check_opposites(claim, candidate, found, nlp)
            if found is not None and numbers_or_dates:
                found = check_event_facts(claim, candidate, found, nlp)
            group.append((candidate, alignment, found))
            if found is not None:
                break
        tried.append(group)

    # 2. the model, in one batch, on the candidates whose answer it can change
    stop_words = frozenset(nlp.Defaults.stop_words)
    asked = sorted(
        (
            (c, a)
            for group in tried
            for c, a, f in group
            if model_may_change(f, a)
            and (
                f is not None
                or (may_stand_alone(claim, c, a, stop_words) and _speaker_fits(claim, c, speakers))
            )
        ),
        key=lambda ca: -ca[1].score,
    )[:MAX_JUDGED]
    judgements = dict(zip((_key(c) for c, _ in asked), judge(claim, [c for c, _ in asked])))

    # the sentences only a differing figure keeps from stating the claim: the claim without
    # its figures, in one batch
    figured = [
        c
        for group in tried
        for c, _, f in group
        if _key(c) in judgements and wants_event(claim, c, f, judgements[_key(c)])
    ]
    free = figure_free(claim, nlp) if figured else None  # a parse: only when some sentence waits
    event = (
        {_key(c): j.entailment for c, j in zip(figured, judge(claim, figured, free))} if free else {}
    )

    # the sentences naming another place or body where the claim names its own: the claim
    # with their names, one batch a wording
    renamings = _renamed_events(claim, tried, judgements, nlp)

    # the sentences only relevance keeps from being conflicts: their similarity, in one batch
    unsure = [
        (c, a)
        for group in tried
        for c, a, f in group
        if _key(c) in judgements and wants_relevance(claim, c, f, judgements[_key(c)], a, stop_words)
    ]
    similarity = dict(zip((_key(c) for c, _ in unsure), similarities(claim, [c for c, _ in unsure])))

    # the sentences the model leans to reading as support: the second reader's, in one batch
    leaning = [
        c
        for group in tried
        for c, a, f in group
        if _key(c) in judgements and wants_second_reading(claim, c, f, judgements[_key(c)], a)
        and not day_of_another_verb(claim, c, nlp)
    ]
    second = dict(zip(map(_key, leaning), judge(claim, leaning, model=ruling()))) if leaning else {}

    # a claim about what a post said: the sentences reporting the same words
    reported = reported_support(claim, tried, nlp)

    # 3. both together: one piece of evidence per group at most
    assessed: list[tuple[Candidate, Assessment]] = []
    for group in tried:
        for candidate, alignment, found in group:
            judgement = judgements.get(_key(candidate))
            rules = found  # the rules' own reading, before the model's
            if found is None and (candidate.article.path, candidate.passage_position) in reported:
                found = reported[candidate.article.path, candidate.passage_position]
                judgement = None
            if judgement is not None:
                on_figures = (
                    figures_read(
                        claim, candidate, alignment, judgement,
                        event=event.get(_key(candidate), 0.0),
                    )
                    if found is None
                    else None
                )
                if on_figures is None and found is None and _key(candidate) in renamings:
                    on_figures = names_read(alignment, judgement, *renamings[_key(candidate)])
                found = (
                    check_event_facts(claim, candidate, on_figures, nlp) if on_figures else None
                ) or combine(
                    claim, candidate, alignment, found, judgement, stop_words,
                    similarity=similarity.get(_key(candidate), 0.0),
                    second=second.get(_key(candidate)),
                )
                if found is None and _key(candidate) in refilled:
                    found = paraphrased(refilled[_key(candidate)], alignment, judgement)
                made = found is not None and found is not rules and found.stance == "conflicts"
                if made and numbers_or_dates:
                    # a conflict on the model's word: its figures belong to one event as well
                    found = check_event_facts(claim, candidate, found, nlp)
            if another_event(found):
                found = None  # other people on another day: a different event, not a conflict
            if found is not None and found.stance == "supports":
                model_made = judgement is not None and rules is None
                found = timed(
                    claim, candidate, found, 1 - judgement.neutral if judgement else None, nlp
                )
                if found is not None and model_made:
                    found = opposites_read(claim, candidate, found, nlp)  # "south" read as "north"
                if found is not None:
                    found = set_aside_read(claim, candidate, found)  # "by ambulance, not by helicopter"
                if found is not None and found.stance == "supports" and any(
                    unstated(claim, candidate, nlp) for unstated in UNSTATED
                ):
                    found = None
            if found is not None:
                assessed.append((candidate, found))
                break
    # 3b. no sentence states it alone: two consecutive ones may
    if not assessed:
        assessed = joined_support(
            claim, tried, judgements, _key, lambda a: article_passages(store, a)
        )
    # 3c. words of the claim in a sentence about something else are no support
    assessed = unrelated_supports_dropped(claim, assessed)
    # 4. a sentence repeating the claim to examine it gives way to its article's own finding
    #    (for a claim naming its speaker, only what the article withholds: "Claim: X admitted
    #    S", a caption; their own words reported stay theirs)
    assessed = examined_claims(
        claim, assessed, nlp=nlp, passages=lambda a: article_passages(store, a), stop_words=stop_words,
        restated=() if claim.speaker else restatements(claim, tried, assessed, nlp, REPORT_COVERAGE),
        withheld_only=bool(claim.speaker),
    )
    assessed = writers_denials_dropped(claim, assessed, nlp)  # "a post claimed S": not denied by S's denial
    assessed = withdrawn_conflicts_dropped(claim, assessed, nlp)  # nor by what a correction withdraws

    evidence: list[Evidence] = []
    for candidate, verdict in drop_overlaps(claim, assessed):
        evidence.append(
            Evidence(
                stance=verdict.stance,
                kind=candidate.kind,
                text=candidate.text,
                speaker=candidate.speaker,
                score=verdict.score,
                reasons=verdict.reasons,
                article=article_ref(candidate),
                highlight=verdict.highlight,
                passage_id=candidate.passage_id,
                quote_id=candidate.quote_id,
            )
        )
    grouped = group_evidence(evidence)
    verdict_ = decide(grouped)
    shown = credible(grouped, verdict_)[:limit]
    return ClaimReport(
        text=claim.text,
        verdict=verdict_,
        evidence=shown,
        outlets_supporting=outlets(shown, "supports"),
        outlets_conflicting=outlets(shown, "conflicts"),
        asked_whether=claim.asked_whether,
    )


def check_text(
    text: str,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    automatic: bool = False,
    limit: int = 8,
    max_claims: int = DEFAULT_MAX_CLAIMS,
    reviews: ReviewMatcher | None = None,
) -> CheckReport:
    """Check every check-worthy claim of a message, at most `max_claims` of them.

    Each claim also gets the published fact-checks it matches (`reviews`),
    listed apart from the evidence: they never change the verdict.
    automatic=True (replies in flagged threads) keeps only claims with
    evidence or a strong review match, so the bot stays quiet when it has
    nothing to say; asked directly it always answers, "not found" included.
    A message in a language the engine does not read is not checked, and the
    report says so.
    """
    language = foreign_language(claim_selection.clean_message(text), nlp.Defaults.stop_words)
    if language is not None:
        return CheckReport(
            claim=text.strip(), verdict="not_found", language=language, note=not_read_note(language)
        )
    selection = claim_selection.select_claims(
        text, nlp=nlp, speakers=speakers, automatic=automatic, max_claims=max_claims
    )
    note, unchecked = selection_note(selection, max_claims), selection.unchecked
    # published fact-checks are matched beside the article check (the encoder releases the GIL)
    matching = (
        _REVIEW_MATCHING.submit(
            reviews.match_all, [c.text for c in selection.claims], tagged=selection.tagged
        )
        if reviews is not None and selection.claims
        else None
    )
    checked = [
        check_compound(c, nlp=nlp, store=store, speakers=speakers, limit=limit)
        for c in selection.claims
    ]
    one_claim = len(checked) == 1 and not isinstance(checked[0], list)
    reports = [r for item in checked for r in (item if isinstance(item, list) else [item])]
    if reviews is not None and matching is not None:
        matched = matching.result()  # a claim's parts (compound claims) are matched on their own
        parts = [r.text for r in reports if r.text not in matched]
        matched = {**matched, **reviews.match_all(parts)} if parts else matched
        reports = [r.model_copy(update={"reviews": matched[r.text]}) for r in reports]
    if automatic:
        # related excerpts alone: quiet; a strong published fact-check alone: answer
        reports = [r for r in reports if r.verdict != "not_found" or is_strong(r.reviews)]
    if not reports:
        if note is None and not selection.claims and not automatic:
            note = "nothing in this text to check"
        return CheckReport(claim=text.strip(), verdict="not_found", note=note, unchecked=unchecked)
    if len(reports) == 1 and (one_claim or automatic):
        only = reports[0]
        return CheckReport(
            claim=text.strip() if not automatic else only.text,
            verdict=only.verdict,
            evidence=only.evidence,
            reviews=only.reviews,
            outlets_supporting=only.outlets_supporting,
            outlets_conflicting=only.outlets_conflicting,
            asked_whether=only.asked_whether,
            note=note,
            unchecked=unchecked,
        )
    return CheckReport(
        claim=text.strip(),
        verdict=_overall(reports),
        evidence=[e for r in reports for e in r.evidence][:limit],
        reviews=merged_reviews(reports),
        outlets_supporting=max(r.outlets_supporting for r in reports),
        outlets_conflicting=max(r.outlets_conflicting for r in reports),
        claims=reports,
        note=note,
        unchecked=unchecked,
    )


def selection_note(selection: ClaimSelection, max_claims: int) -> str | None:
    """What was left unchecked, in plain words (None when everything was checked)."""
    parts = []
    if selection.unchecked:
        more = selection.unchecked
        parts.append(
            f"{more} more {'sentence was' if more == 1 else 'sentences were'} not checked "
            f"(at most {max_claims} claims per message)."
        )
    if selection.repeated:
        n = selection.repeated
        parts.append(f"{n} repeated {'sentence was' if n == 1 else 'sentences were'} checked once.")
    if selection.cut:
        parts.append(f"Only the first {MAX_MESSAGE_CHARS:,} characters were read.")
    return " ".join(parts) or None


def check_compound(
    claim: Claim,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    limit: int = 8,
) -> ClaimReport | list[ClaimReport]:
    """A claim's report, or its parts' when it states several things and they disagree.

    The whole sentence is checked first; its parts ("X, who was jailed ...,
    met ...") are reported instead when the whole is not found, or when one
    part is supported and another contradicted (then the claim is "mixed").
    """
    whole = check_claim(claim, nlp=nlp, store=store, speakers=speakers, limit=limit)
    if claim.quoted or _written_whole(claim, whole, frozenset(nlp.Defaults.stop_words)):
        return whole
    texts = claim_parts(claim.text, nlp)
    if len(texts) < 2:
        return whole
    parts = [
        check_claim(
            parse_claim(parsed(t, nlp)[:], nlp=nlp, speakers=speakers),
            nlp=nlp,
            store=store,
            speakers=speakers,
            limit=limit,
        )
        for t in texts
    ]
    ruled = [e.text for e in whole.evidence if e.stance == "conflicts"]
    parts = [_unsupported_by(part, ruled) for part in parts]
    verdicts = {p.verdict for p in parts} - {"not_found"}
    if (whole.verdict == "not_found" and verdicts) or _overall(parts) == "mixed":
        return parts
    return whole


def _unsupported_by(part: ClaimReport, ruled: list[str]) -> ClaimReport:
    """A part's report without support from a restatement the whole claim's check cites with
    its article's ruling ("A post says crews dumped sludge ..., killing the fish." cited as
    "... That claim is false."): the post's words support none of the parts the parse cut
    them into. (A sentence that states one part and contradicts the other is left to say
    so: the claim is "mixed".)"""
    def restated(text: str) -> bool:
        return any(r.startswith(text) and len(r) > len(text) for r in ruled)

    if part.verdict != "supported" or not all(restated(e.text) for e in part.evidence if e.stance == "supports"):
        return part
    return part.model_copy(update={"verdict": "not_found", "evidence": [], "outlets_supporting": 0})


def _written_whole(claim: Claim, report: ClaimReport, stop_words: frozenset[str]) -> bool:
    """A source sentence writing every word of the claim supports each of its parts as well:
    checking them apart would repeat the whole (a claim pasted from an article)."""
    words = {w.lower() for w in WORD.findall(claim.text)} - stop_words
    return report.verdict == "supported" and any(
        e.stance == "supports" and words <= {w.lower() for w in WORD.findall(e.text)}
        for e in report.evidence
    )


def merged_reviews(reports: list[ClaimReport]) -> list[ReviewMatch]:
    """The claims' reviews in one list, best first, each published fact-check once."""
    best: dict[tuple[str, str | None], ReviewMatch] = {}
    for match in (m for r in reports for m in r.reviews):
        key = (match.claim_reviewed, match.url)
        if key not in best or match.score > best[key].score:
            best[key] = match
    return sorted(best.values(), key=lambda m: -m.score)


def _overall(reports: list[ClaimReport]) -> str:
    """One headline for several claims: their shared verdict, "mixed" when they disagree."""
    verdicts = {r.verdict for r in reports} - {"not_found"}
    if not verdicts:
        return "not_found"
    return verdicts.pop() if len(verdicts) == 1 else "mixed"
