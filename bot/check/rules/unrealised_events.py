"""A source that speaks of the claim's event as possible or still to come does not state it.

"The school board is expected to vote next week on a plan" shares every word of "The school
board voted on the plan", and the model reads it as entailment (0.92): it reads tense and
modality poorly. The grammar tells: the claim asserts its event (a past tense, no hedging
modal), while every mention of that verb in the source is hedged ("could lose its grant
funding", "may close") or prospective (an infinitive after a present or modal verb: "is
expected to vote", "plans to close", "will vote to approve"; a future: "said it would close").
A past governor keeps the support: "voted 5-2 to approve the budget" approved it; an
infinitive clause before its verb does not, being an aim ("To secure their release, the
government freed five prisoners" does not say it secured it).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Token

from bot.check.claims import Claim
from bot.check.retrieve import Candidate
from bot.check.rules.verb_mentions import main_verb, mentions

HEDGES = frozenset({"may", "might", "could"})  # modals of possibility, not of fact
FUTURES = frozenset({"will", "would", "shall", "'ll"})
PAST_TAGS = frozenset({"VBD"})
CONDITIONS = frozenset({"if", "unless"})
MODALS_OR_CONDITIONS = HEDGES | FUTURES | CONDITIONS


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _perfect(verb: Token) -> bool:
    return any(a.lemma_.lower() == "have" for a in _auxiliaries(verb))


def _modals(verb: Token) -> set[str]:
    return {a.lower_ for a in _auxiliaries(verb) if a.tag_ == "MD"}


def _past(verb: Token) -> bool:
    """The verb's clause is finite and past, or perfect ("voted", "was forced", "has voted")."""
    if _perfect(verb):
        return True
    finite = [a for a in _auxiliaries(verb) if a.tag_ != "TO"] or [verb]
    return finite[0].tag_ in PAST_TAGS and not _modals(verb)


def _asserted_past(verb: Token) -> bool:
    """The claim states its event happened: "voted", "was closed", "has reopened"."""
    return _past(verb) and not any(c.dep_ == "neg" for c in verb.children)


def _prospective(verb: Token) -> bool:
    """The source's mention is still to come: a future ("would close"), or an infinitive
    after a verb that is not past ("is expected to vote", "plans to close", "will vote to
    approve")."""
    if _modals(verb) & FUTURES and not _perfect(verb):
        return True
    infinitive = any(c.tag_ == "TO" for c in verb.children)
    if not infinitive or verb.dep_ not in ("xcomp", "acl", "advcl") or verb.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if verb.dep_ == "advcl" and verb.i < verb.head.i:
        # an infinitive clause before its verb is an aim, whatever that verb's tense: "To secure
        # their release, Obama freed seven Iranians" (after it, the parser also calls "voted
        # ... to hire" so)
        return True
    return not _past(verb.head)


def _conditional(verb: Token) -> bool:
    """The verb lies in a condition ("if the merger leads to layoffs", "unless the council
    acts"): the sentence states what follows from it, not that it holds."""
    for token in [verb, *verb.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
            return True
    return False


def _may_hedge(lemmas: list[str], lemma: str) -> bool:
    """The stored lemmas hold the verb and a modal or a condition, or "to" before the verb:
    the cheap test before the parse."""
    at = [i for i, word in enumerate(lemmas) if word == lemma]
    return bool(at) and (not MODALS_OR_CONDITIONS.isdisjoint(lemmas) or any(lemmas[i - 1] == "to" for i in at if i))


def unrealised(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """Every mention of the claim's main verb in the source is hedged or conditional where the
    claim is not, or still to come where the claim says it happened."""
    verb = main_verb(claim, nlp)
    if verb is None or not _may_hedge(candidate.lemmas.split(), verb.lemma_.lower()):
        return False  # no mention of the verb, or none a modal, condition or "to" may hedge
    sure_claim = not (_modals(verb) & HEDGES or _conditional(verb))
    past_claim = _asserted_past(verb)
    written = mentions(candidate, verb, nlp)
    return bool(written) and all(
        (sure_claim and (bool(_modals(m) & HEDGES) or _conditional(m))) or (past_claim and _prospective(m))
        for m in written
    )
