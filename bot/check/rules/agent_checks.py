"""Who did it: another agent in the "<verb>ed by X" slot of the same verb.

"was first alerted by the drivers' union" against "was first alerted by the
harbour master's office": the agents are common nouns, not names, so the name
rules never see them; the same passive verb with an agent sharing no word is a
swap (entity_mismatch), however well the rest of the sentence matches.
"""

from __future__ import annotations

import re

from bot.check.claims import Claim
from bot.core.models import Reason
from bot.check.retrieve import WORD, Candidate

AGENT = re.compile(
    r"\b(?P<verb>[a-z]{3,}(?:ed|en|wn|ght|t))\s+by\s+(?P<agent>(?:the|a|an|its|their|his|her)\s+"
    r"[\w’'-]+(?:\s+(?!on\b|in\b|at\b|after\b|before\b|when\b|while\b|and\b|as\b|for\b|from\b|to\b"
    r"|over\b|with\b|during\b|last\b|this\b)[\w’'-]+){0,4})",
    re.IGNORECASE,
)
DETERMINERS = frozenset("the a an its their his her of 's".split())


def _agents(text: str) -> list[tuple[str, str]]:
    """(verb, agent) of each "<participle> by the X" in the text."""
    return [
        (m.group("verb").lower(), m.group("agent").strip())
        for m in AGENT.finditer(text)
    ]


def _content(agent: str) -> set[str]:
    words = {w.lower().replace("’", "'") for w in WORD.findall(agent)}
    return {re.sub(r"'s?$", "", w) for w in words} - DETERMINERS


def agent_swaps(claim: Claim, candidate: Candidate) -> list[Reason]:
    """Another agent in the source's "<same verb> by ..." slot: an entity_mismatch."""
    claimed = _agents(claim.content)
    if not claimed:
        return []
    written = _agents(candidate.text)
    reasons: list[Reason] = []
    for verb, agent in claimed:
        words = _content(agent)
        for other_verb, other in written:
            if other_verb[:5] != verb[:5] or not words or _content(other) & words:
                continue
            reasons.append(Reason(code="entity_mismatch", detail=f"claim: {agent}; source: {other}"))
            break
    return reasons
