"""The claim's predicate: what it says happened must be stated by a word of its own.

Word coverage alone lets one source word stand for two claim words ("agreed"
is a cousin of both "agreement" and the claim's verb), and misses a verb the
source states in another frame ("won praise" against "sparked backlash").
These rules correct the coverage for the claim's main verb.
"""

from __future__ import annotations

from bot.check.claims import Claim
from bot.language.paraphrases import RELATION_VERBS
from bot.check.retrieve import SYNONYMS, Candidate
from bot.check.rules.word_equivalence import same_stem

# verbs of how something was received, carrying no stance of their own: "won praise",
# "drew criticism", "sparked backlash", "faced condemnation", "met with applause"
RECEPTION_VERBS = frozenset(
    "win draw earn receive garner attract spark provoke trigger face meet prompt cause "
    "generate stir court invite".split()
)
RECEPTION_NOUNS = frozenset(
    "praise acclaim applause plaudit commendation accolade approval welcome backlash "
    "criticism condemnation outrage outcry disapproval rebuke censure uproar".split()
)


def _lemma_covers(word: str, lemmas: set[str]) -> set[str]:
    """The source lemmas that state `word`: itself, a synonym, or a word of its stem."""
    found = ({word} | SYNONYMS.get(word, frozenset())) & lemmas
    return found | {lemma for lemma in lemmas if same_stem(word, lemma)}


def predicate_stated_apart(claim: Claim, candidate: Candidate) -> bool:
    """The claim's main verb has a source word of its own, not one that already states
    another of its words: in "we agreed to work together", "agreed" is a cousin of
    "agreement" and cannot also be the claim's "accept"."""
    lemmas = set(candidate.lemmas.lower().split())
    if not claim.predicate or not lemmas:
        return True
    own = _lemma_covers(claim.predicate, lemmas)
    if not own:
        return True  # stated some other way (a phrase, the context): not decided here
    others = [
        _lemma_covers(k, lemmas)
        for k in claim.key_lemmas
        if k != claim.predicate
    ]
    others = [o for o in others if o]
    return any(all(o - {word} for o in others) for word in own)


def reception_stated(claim: Claim, candidate: Candidate) -> set[str]:
    """The claim's words of how something was received, stated by the source in the same
    frame, maybe as the opposite: "won praise" against "sparked backlash" or "drew
    criticism" (the verb and the noun; whether they conflict is for the antonyms)."""
    nouns = RECEPTION_NOUNS & set(claim.key_lemmas)
    if claim.predicate not in RECEPTION_VERBS or not nouns:
        return set()
    lemmas = set(candidate.lemmas.lower().split())
    if not RECEPTION_VERBS & lemmas or not RECEPTION_NOUNS & lemmas:
        return set()
    return {claim.predicate, *nouns}


def relation_verb_implied(claim: Claim, missing: list[str]) -> bool:
    """ "The strike involved 300 drivers" against "300 drivers joined the strike": a verb
    that only relates the claim's nouns need not be written when it is the only word of
    the claim the source lacks and the claim pins itself down by a number, a date or two
    names (whose agreement the number and date rules still check)."""
    if claim.predicate not in RELATION_VERBS or missing != [claim.predicate]:
        return False
    facts_stated = claim.quantities or claim.dates or claim.years or claim.weekdays
    return bool(facts_stated) or len(claim.names) >= 2
