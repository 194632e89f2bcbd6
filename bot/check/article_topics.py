"""Article topics: the organisation or place a whole article is about.

A story headlined "Brindle Gas fined after pipeline leak" goes on to say "The
company said the leak lasted six days" or "Watchdog Ofgem opened an inquiry on
Friday": its sentences state things about Brindle Gas without writing the name.
A claim naming it is stated by such a sentence when the article names it in its
headline or standfirst, and the sentence names no other entity of that kind
(another one in the same role stays an entity swap).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.check.claims import Claim
from bot.core.models import Entity
from bot.check.rules.name_swaps import find_entity_swap, labels_compatible, name_present
from bot.check.retrieve import WORD, Candidate, states_words
from bot.check.rules.speaker_checks import generic_speaker, speaking_entities

# what a headline is about: organisations, places, buildings (the small model often
# tags an unknown firm's name as a bare proper noun)
TOPIC_NAME_LABELS = frozenset({"ORG", "GPE", "FAC", "PROPN"})


def _heading(candidate: Candidate) -> Candidate:
    """The headline and standfirst of the candidate's article, as a candidate to test names on."""
    article = candidate.article
    text = " ".join(filter(None, [article.title, article.standfirst]))
    return Candidate(kind="fact", text=text, article=article)


def is_article_topic(name: Entity, candidate: Candidate) -> bool:
    """The article names `name` in its headline or standfirst.

    Being named in several body sentences is not enough: a long story keeps
    naming the alliance or country it is about *among others* ("NATO" through
    a story on Ukraine), and a sentence without the name is then not about it.
    """
    return name_present(name, _heading(candidate))


def _phrase_head(claim: Claim, name: Entity, candidate: Candidate) -> str | None:
    """The claim's noun right after the name ("the Brindle Gas leak" -> "leak"), when the
    headline states it: the article's leak is the one the claim means."""
    following = _qualified(claim, name)
    if following is None:
        return None
    return following[0] if states_words(_heading(candidate), following[1:]) else None


def _qualified(claim: Claim, name: Entity) -> tuple[str, str] | None:
    """The claim's common noun right after the name, with its key lemma ("the Brackenridge
    plant" -> ("plant", "plant"))."""
    words = WORD.findall(claim.content)
    target = WORD.findall(name.text)
    if not target:
        return None
    for i in range(len(words) - len(target) + 1):
        if words[i : i + len(target)] != target or i + len(target) >= len(words):
            continue
        following = words[i + len(target)]
        lemma = following.lower()
        keys = [k for k in claim.key_lemmas if k == lemma or lemma.startswith(k) or k.startswith(lemma)]
        if not keys or following[:1].isupper():
            return None
        return following, keys[0]
    return None


def _called_by_kind(
    claim: Claim,
    name: Entity,
    candidate: Candidate,
    article_names: Callable[[], Sequence[str]] | None = None,
) -> bool:
    """The sentence calls the claim's name by its kind: "the authority" for the Medicines
    Safety Authority, "the plant" for "the Brackenridge plant", "the trust" for Northgate
    where the article writes "Northgate Health Trust", or plain "Dispatchers" for "Tamsett
    County dispatchers" in an article naming Tamsett County. A second mention in news
    style; the caller has checked that the sentence names nothing else of that kind. The
    article's names are read only when the sentence and the claim do not settle it."""
    text = candidate.text.lower()
    qualified = _qualified(claim, name)
    noun = [qualified[0].lower()] if qualified is not None else []
    if _says_the_kind(text, [name.text], noun):
        return True
    if article_names is None:
        return False
    forms = [f for f in article_names() if name.text in f]
    if forms and noun and re.search(rf"\b{re.escape(noun[0])}\b", text):
        return True  # the article names it: the claim's own noun will do
    return _says_the_kind(text, forms, [])


def _says_the_kind(text: str, names: Sequence[str], nouns: Sequence[str]) -> bool:
    """ "the <kind>" in the (lower-cased) text: the last word of a name of several words, or a
    noun the name qualifies."""
    kinds = [WORD.findall(n)[-1].lower() for n in names if len(WORD.findall(n)) > 1] + list(nouns)
    return any(re.search(rf"\bthe {re.escape(k)}\b", text) for k in kinds if k.isalpha())


def _names_another(claim: Claim, name: Entity, candidate: Candidate) -> bool:
    """The sentence names an entity of the name's kind that the claim does not: "European
    troops" where the claim has the United States deploy them. Only a sentence naming none
    (or only the claim's other names) refers to the article's topic unambiguously."""
    claim_words = {w.lower() for w in WORD.findall(claim.text)}
    for entity in candidate.entities:
        if entity.label == "PERSON" or not labels_compatible(name.label, entity.label):
            continue  # people are not organisations ("Watchdog Ofgem" is often tagged one)
        if not {w.lower() for w in WORD.findall(entity.text) if w[:1].isupper()} & claim_words:
            return True
    return False


def topic_names_stated(
    claim: Claim,
    missing: list[Entity],
    candidate: Candidate,
    article_names: Callable[[], Sequence[str]] | None = None,
) -> list[str]:
    """What the candidate states about the article's topic without naming it: each missing
    name of the claim the article is about, or that the sentence calls by its kind (the
    article's names, read when needed, give more: "Northgate Health Trust" for "Northgate"),
    with no swap for it in the sentence (and the noun it qualifies in the claim, when the
    headline states it)."""
    found: list[str] = []
    for name in missing:
        if name.label not in TOPIC_NAME_LABELS:
            continue
        if find_entity_swap(claim, name, candidate) is not None or _names_another(
            claim, name, candidate
        ):
            continue  # another organisation or place in the sentence: it may stand in its role
        if not (
            is_article_topic(name, candidate)
            or _called_by_kind(claim, name, candidate, article_names)
        ):
            continue
        head = _phrase_head(claim, name, candidate)
        found.append(f"{name.text} {head}" if head else name.text)
    return found


def topic_speaker_stated(
    claim: Claim, candidate: Candidate
) -> bool:
    """ "The company said ..." in an article about Brindle Gas, for a claim that Brindle
    Gas said it: the claimed speaker is an organisation the article is about, and the
    sentence has nobody else named speaking. "The company" or "it" is never a person, so
    the name is not asked for a label (the small model often tags a firm as a person)."""
    if not unnamed_organisation_speaks(claim, candidate):
        return False
    speaker = claim.speaker or ""
    return is_article_topic(Entity(text=speaker, label="ORG", canonical=speaker), candidate)


def unnamed_organisation_speaks(claim: Claim, candidate: Candidate) -> bool:
    """For a claim with a speaker, the sentence has an organisation speaking unnamed ("The
    company said ...", "It said ...") and nobody named speaking ("Rival firm Corvex Energy
    said ..."): who it is, the headline or the sentence before tells."""
    return (
        claim.speaker is not None
        and candidate.kind == "fact"
        and generic_speaker(candidate)
        and not speaking_entities(candidate)
    )
