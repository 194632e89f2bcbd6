"""check_text: a message in, a CheckReport out -- the engine's checking pipeline.

claims (parse once) -> retrieve (full-text candidates) -> align (rapidfuzz)
-> stance (reasons) -> verdict (grouping, outlets). FactChecker.check() calls
this with the process's loaded pipeline, store and speaker resolver.
"""

from __future__ import annotations

from spacy.language import Language

from bot.engine import claims as claim_parsing
from bot.engine.claims import Claim
from bot.engine.models import ArticleRef, CheckReport, ClaimReport, Evidence
from bot.engine.retrieve import (
    WORD,
    Alignment,
    Candidate,
    align,
    covered_keys,
    enrich,
    key_weights,
    normalise_text,
    retrieve,
)
from bot.engine.speakers import SpeakerResolver
from bot.engine.stance import STRONG_QUOTE, Assessment, assess, name_present
from bot.engine.verdict import credible, decide, group_evidence, outlets
from bot.store.base import Store

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
    )


def _overlaps(quote: Candidate, fact: Candidate) -> bool:
    """A quote and the sentence it sits in (same article, same words)."""
    if quote.article.path != fact.article.path:
        return False
    if (
        quote.passage_position is not None
        and quote.passage_position == fact.passage_position
    ):
        return True
    q = " ".join(WORD.findall(normalise_text(quote.text)))
    f = " ".join(WORD.findall(normalise_text(fact.text)))
    return bool(q) and (q in f or f in q)


def _drop_overlaps(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]]
) -> list[tuple[Candidate, Assessment]]:
    """A quote and the sentence it sits in are one piece of evidence: keep one.

    When the claim attributes words to someone the quote (which knows its
    speaker) wins; for a plain factual claim the sentence wins.
    """
    prefer = "quote" if claim.speaker or claim.quoted else "fact"
    preferred = [(c, a) for c, a in assessed if c.kind == prefer]
    others = [(c, a) for c, a in assessed if c.kind != prefer]

    def pair(x: Candidate, y: Candidate) -> bool:
        return _overlaps(x, y) if x.kind == "quote" else _overlaps(y, x)

    return preferred + [
        (c, a) for c, a in others if not any(pair(c, p) for p, _ in preferred)
    ]


def _may_swap_a_name(claim: Claim, candidate: Candidate) -> bool:
    """A quote lacking one of the claim's names needs its entities to tell a swap from a gap."""
    return not candidate.facts_known and not all(
        name_present(n, candidate) for n in claim.names
    )


def _other_wordings(scored: list[tuple[Candidate, Alignment]]) -> dict[str, set[str]]:
    """Per article path: words of the OTHER articles' strongly aligned quotes (translations)."""
    by_article: dict[str, set[str]] = {}
    for candidate, alignment in scored:
        if alignment.quote_score >= STRONG_QUOTE:
            by_article.setdefault(candidate.article.path, set()).update(
                WORD.findall(normalise_text(candidate.text))
            )
    return {
        path: set().union(
            *(words for other, words in by_article.items() if other != path)
        )
        for path in by_article
    }


def check_claim(
    claim: Claim,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    limit: int = 8,
) -> ClaimReport:
    """Evidence for one parsed claim, with its verdict and outlet counts."""
    candidates = retrieve(claim, store)
    covered = [covered_keys(claim, c) for c in candidates]
    weights = key_weights(claim, covered)
    scored = [
        (c, align(claim, c, weights=weights, covered=k))
        for c, k in zip(candidates, covered)
    ]
    scored = [
        (c, a)
        for c, a in scored
        if a.coverage >= PRE_FILTER_COVERAGE or a.quote_score >= STRONG_QUOTE
    ]
    numbers_or_dates = bool(claim.quantities or claim.dates or claim.weekdays)
    scored = [
        (enrich(c, nlp), a)
        if numbers_or_dates or _may_swap_a_name(claim, c)
        else (c, a)
        for c, a in scored
    ]
    wordings = _other_wordings(scored)

    assessed: list[tuple[Candidate, Assessment]] = []
    seen: set[tuple[str, str]] = set()
    for candidate, alignment in sorted(scored, key=lambda ca: -ca[1].score):
        key = (candidate.article.path, " ".join(WORD.findall(candidate.text.lower())))
        if key in seen:  # the same words twice in one article
            continue
        seen.add(key)
        found = assess(
            claim,
            candidate,
            alignment,
            speakers=speakers,
            other_wordings=wordings.get(candidate.article.path, set()),
            weights=weights,
        )
        if found is not None:
            assessed.append((candidate, found))

    evidence: list[Evidence] = []
    for candidate, verdict in _drop_overlaps(claim, assessed):
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
    )


def check_text(
    text: str,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    automatic: bool = False,
    limit: int = 8,
) -> CheckReport:
    """Check every check-worthy claim of a message.

    automatic=True (replies in flagged threads) keeps only claims with
    evidence, so the bot stays quiet when it has nothing to say; asked
    directly it always answers, "not found" included.
    """
    parsed = claim_parsing.extract_claims(
        text, nlp=nlp, speakers=speakers, automatic=automatic
    )
    reports = [
        check_claim(c, nlp=nlp, store=store, speakers=speakers, limit=limit)
        for c in parsed
    ]
    if automatic:
        reports = [r for r in reports if r.evidence]
    if not reports:
        return CheckReport(claim=text.strip(), verdict="not_found")
    if len(reports) == 1:
        only = reports[0]
        return CheckReport(
            claim=text.strip() if not automatic else only.text,
            verdict=only.verdict,
            evidence=only.evidence,
            outlets_supporting=only.outlets_supporting,
            outlets_conflicting=only.outlets_conflicting,
        )
    return CheckReport(
        claim=text.strip(),
        verdict=_overall(reports),
        evidence=[e for r in reports for e in r.evidence][:limit],
        outlets_supporting=max(r.outlets_supporting for r in reports),
        outlets_conflicting=max(r.outlets_conflicting for r in reports),
        claims=reports,
    )


def _overall(reports: list[ClaimReport]) -> str:
    """One headline for several claims: their shared verdict, "mixed" when they disagree."""
    verdicts = {r.verdict for r in reports} - {"not_found"}
    if not verdicts:
        return "not_found"
    return verdicts.pop() if len(verdicts) == 1 else "mixed"
