"""One piece of evidence, not two: a quote and the sentence it sits in.

The store holds a quote and the sentence around it separately, and an article
may repeat a sentence. They say the same thing, so only one of them is judged
(or shown): a quote, which knows its speaker, for claims that attribute words
to someone; the sentence for plain factual claims.
"""

from __future__ import annotations

from typing import Literal

from bot.check.claims import Claim
from bot.check.retrieve import WORD, Alignment, Candidate, normalise_text
from bot.check.stance import Assessment


def preferred_kind(claim: Claim) -> Literal["quote", "fact"]:
    """The kind of evidence the claim calls for."""
    return "quote" if claim.speaker or claim.quoted else "fact"


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


def drop_overlaps(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]]
) -> list[tuple[Candidate, Assessment]]:
    """A quote and the sentence it sits in are one piece of evidence: keep one.

    When the claim attributes words to someone the quote (which knows its
    speaker) wins; for a plain factual claim the sentence wins.
    """
    prefer = preferred_kind(claim)
    preferred = [(c, a) for c, a in assessed if c.kind == prefer]
    others = [(c, a) for c, a in assessed if c.kind != prefer]

    def pair(x: Candidate, y: Candidate) -> bool:
        return _overlaps(x, y) if x.kind == "quote" else _overlaps(y, x)

    return _without_echoes(
        preferred
        + [(c, a) for c, a in others if not any(pair(c, p) for p, _ in preferred)]
    )


def _without_echoes(
    assessed: list[tuple[Candidate, Assessment]],
) -> list[tuple[Candidate, Assessment]]:
    """Another person saying the same words does not contradict that the claimed speaker
    said them: once the speaker's own words support the claim, a conflict whose only
    reason is speaker_mismatch is dropped."""
    if not any(a.stance == "supports" for _, a in assessed):
        return assessed
    return [
        (c, a)
        for c, a in assessed
        if not (a.reasons and all(r.code == "speaker_mismatch" for r in a.reasons))
    ]


def same_words_groups(
    claim: Claim, scored: list[tuple[Candidate, Alignment]]
) -> list[list[tuple[Candidate, Alignment]]]:
    """Candidates with the same words in one article (a quote and its sentence), best group first.

    Within a group the kind the claim calls for comes first: a quote (which
    knows its speaker) for attributed claims, the sentence for plain ones.
    """
    prefer = preferred_kind(claim)
    groups: dict[tuple[str, str], list[tuple[Candidate, Alignment]]] = {}
    for candidate, alignment in sorted(scored, key=lambda ca: -ca[1].score):
        key = (candidate.article.path, " ".join(WORD.findall(candidate.text.lower())))
        groups.setdefault(key, []).append((candidate, alignment))
    return [sorted(group, key=lambda ca: ca[0].kind != prefer) for group in groups.values()]
