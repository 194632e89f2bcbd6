"""A speaker described by office: who is "the Ukrainian president" in these articles?

A claim may name its speaker only by office. Before the stance rules run, the
claim's speaker becomes the person whose well-aligned quote sits in an article
that introduces them with that office ("Ukrainian President Volodymyr
Zelenskiy"). When nobody here is said to hold it, the office itself stays the
speaker, so that another person's similar words are not taken for theirs.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.engine import facts
from bot.engine.claims import Claim
from bot.engine.references import article_passages
from bot.engine.retrieve import WORD, Candidate
from bot.engine.speakers import role_equivalents
from bot.store.base import Store

ROLE_WINDOW = 6  # words before a name that may introduce it with its office
ROLE_COVERAGE = 0.5  # share of the claim's words a quote must state before we ask who said it


def _word_forms(word: str) -> set[str]:
    """How a source may write one word of a described office ("ukraine" -> "ukrainian")."""
    forms = set(role_equivalents(word))
    for label in ("GPE", "NORP"):
        canonical = facts.canonical_entity(word, label)
        forms.update(f.replace(".", "") for f in facts.country_forms(canonical))
    return forms


def _matches_form(word: str, forms: set[str]) -> bool:
    if word in forms:
        return True
    # "defence"/"defense": one word, spelt differently
    return len(word) >= 5 and any(
        f[:4] == word[:4] and fuzz.ratio(f, word) >= 75 for f in forms
    )


def introduced_as(role: list[str], person: str, text: str) -> bool:
    """The text writes the office just before the person's name: "Ukrainian President
    Volodymyr Zelenskiy" for ["ukraine", "president"] and "Volodymyr Zelensky"."""
    words = [w.lower().replace(".", "").replace("’", "'") for w in WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    name = [w.lower() for w in WORD.findall(person)]
    wanted = [_word_forms(r) for r in role]
    for i, word in enumerate(words):
        if not any(fuzz.ratio(word, n) >= 85 for n in name[-1:]):
            continue
        window = words[max(0, i - ROLE_WINDOW - len(name) + 1) : i]
        joined = " ".join(window)
        if all(
            any(_matches_form(w, forms) for w in window)
            or any(" " in f and f in joined for f in forms)
            for forms in wanted
        ):
            return True
    return False


def resolve_role(
    claim: Claim,
    candidates: list[Candidate],
    covered: list[set[str]],
    store: Store,
) -> Claim:
    """The person a described speaker is: the speaker of a well-aligned quote whose
    article introduces them with that office."""
    if not claim.speaker_role or claim.speaker:
        return claim
    keys = len(claim.key_lemmas) or 1
    quotes = sorted(
        (
            (len(k) / keys, c)
            for c, k in zip(candidates, covered)
            if c.kind == "quote" and c.speaker and len(k) / keys >= ROLE_COVERAGE
        ),
        key=lambda sc: -sc[0],
    )
    checked: set[tuple[str, str]] = set()
    for _, candidate in quotes:
        key = (candidate.article.path, candidate.speaker or "")
        if key in checked:
            continue
        checked.add(key)
        speaker = candidate.speaker or ""
        near = " ".join([candidate.context, candidate.text])
        if introduced_as(claim.speaker_role, speaker, near) or any(
            introduced_as(claim.speaker_role, speaker, p.text)
            for p in article_passages(store, candidate.article)
        ):
            return claim.model_copy(update={"speaker": speaker})
    # nobody we know holds that office here: the words stay the office's, so that
    # another person's similar words are not taken for them
    return claim.model_copy(update={"speaker": claim.speaker_mention})
