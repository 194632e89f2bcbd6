"""Verdict and grouping: one answer per claim, wire copy shown once.

Agencies' copy is reprinted nearly word for word by many outlets. Showing ten
copies of one line would bury the other evidence, so near-identical excerpts
with the same stance become one Evidence listing the other outlets in
`also_in`; each outlet still counts towards its side.
"""

from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz

from bot.core.models import ArticleRef, Evidence, Verdict

NEAR_IDENTICAL = 88  # token_sort_ratio between two excerpts that are the same copy
# A side counts for "mixed" only when its best excerpt is nearly as good as
# the other side's best: one weak, loosely aligned excerpt does not make a claim
# contested when strong evidence says otherwise.
CREDIBLE_RATIO = 0.85


def outlet_key(article: ArticleRef) -> str:
    """Distinct outlets: by name when known, otherwise by file."""
    return (article.outlet or article.path).strip().casefold()


def group_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """Merge near-identical excerpts of one stance; best first; one article shown once per text."""
    ordered = sorted(evidence, key=lambda e: (-e.score, e.kind != "quote"))
    groups: list[Evidence] = []
    for item in ordered:
        home = next(
            (
                g
                for g in groups
                if g.stance == item.stance
                and fuzz.token_sort_ratio(g.text.lower(), item.text.lower())
                >= NEAR_IDENTICAL
            ),
            None,
        )
        if home is None:
            groups.append(item.model_copy(deep=True))
            continue
        if home.kind == "fact" and item.kind == "quote" and item.article.path == home.article.path:
            # The same words as a quote carry their speaker: show the quote, keep the best score.
            promoted = item.model_copy(
                deep=True,
                update={
                    "score": max(home.score, item.score),
                    "also_in": home.also_in,
                    "reasons": home.reasons + [r for r in item.reasons if r not in home.reasons],
                },
            )
            groups[groups.index(home)] = promoted
            continue
        known = {a.path for a in [home.article, *home.also_in]}
        if item.article.path not in known:
            home.also_in.append(item.article)
        for reason in item.reasons:  # a copy's wording note ("recognising") stays visible
            if reason.code == "variant" and reason not in home.reasons:
                home.reasons.append(reason)
    return groups


def outlets(evidence: list[Evidence], stance: str) -> int:
    """Distinct outlets behind the evidence of one stance, grouped copies included."""
    keys = {
        outlet_key(article)
        for item in evidence
        if item.stance == stance
        for article in [item.article, *item.also_in]
    }
    return len(keys)


def decide(evidence: list[Evidence]) -> Verdict:
    """supported / conflicting / mixed (credible excerpts on both sides) / not_found.

    A figure an earlier report gave does not count against a claim a later report
    supports: an evolving story's counts and estimates are updated, not contradicted. The
    other way round, a claim giving the earlier figure conflicts with the update."""
    newest = max(
        (e.article.published for e in evidence if e.stance == "supports" and e.article.published),
        default=None,
    )
    evidence = [e for e in evidence if not (newest and _earlier_figure(e, newest))]
    best = {
        stance: max((e.score for e in evidence if e.stance == stance), default=0.0)
        for stance in ("supports", "conflicts")
    }
    support, conflict = best["supports"], best["conflicts"]
    if not support and not conflict:
        return "not_found"
    if support and conflict:
        if _corrected(evidence):
            return "conflicting"
        if min(support, conflict) >= CREDIBLE_RATIO * max(support, conflict):
            return "conflicting" if conflict >= support and _revised(evidence) else "mixed"
        return "supported" if support > conflict else "conflicting"
    return "supported" if support else "conflicting"


def _figure_only(evidence: Evidence) -> bool:
    """A dated conflict on a number alone."""
    return (
        evidence.stance == "conflicts"
        and evidence.article.published is not None
        and all(r.code == "number_mismatch" for r in evidence.reasons)
    )


def _earlier_figure(evidence: Evidence, newest: dt.date) -> bool:
    """A conflict on a number alone, published before `newest`."""
    return _figure_only(evidence) and evidence.article.published < newest


def _revised(evidence: list[Evidence]) -> bool:
    """The claim's figure as an earlier report gave it: a later report's figure conflicts with
    it, and every support was published before that report."""
    revisions = [e.article.published for e in evidence if _figure_only(e) and e.article.published]
    return _after_every_support(revisions, evidence)


def _corrected(evidence: list[Evidence]) -> bool:
    """A report denying the claim's figure by name ("571 babies, not 612") published after
    every support: a correction, whatever its score against theirs."""
    denials = [
        e.article.published
        for e in evidence
        if e.stance == "conflicts" and e.article.published and any(r.denies_claim for r in e.reasons)
    ]
    return _after_every_support(denials, evidence)


def _after_every_support(published: list[dt.date], evidence: list[Evidence]) -> bool:
    """The latest of these dates is after every support's."""
    supports = [e.article.published for e in evidence if e.stance == "supports"]
    return bool(published) and all(s is not None and s < max(published) for s in supports)


def credible(evidence: list[Evidence], verdict: Verdict) -> list[Evidence]:
    """The evidence worth showing for a verdict: when one side clearly wins, its weak opponents go."""
    if verdict == "supported":
        return [e for e in evidence if e.stance == "supports"]
    if verdict == "conflicting":
        return [e for e in evidence if e.stance == "conflicts"]
    return evidence
