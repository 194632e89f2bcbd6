"""Retrieval: candidates from the store's full-text index, then rapidfuzz alignment.

Only the few dozen rows the full-text search returns are scored in Python,
using the facts stored with each passage (lemmas, entities, quantities,
dates), so a check never runs spaCy per candidate -- except, lazily, on a
quote whose numbers or dates matter to the claim (quotes are stored without
them).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from pydantic import BaseModel, Field
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from bot.language import facts
from bot.check.claims import MEANINGFUL_STOP_WORDS, Claim
from bot.check.parses import parsed, parsed_many
from bot.core.models import Article, Entity, Passage, Quantity
from bot.language.paraphrases import PHRASE_EQUIVALENTS, SYNONYM_GROUPS
from bot.store.base import Store

PASSAGE_LIMIT = 40
QUOTE_LIMIT = 20

SYNONYMS: dict[str, frozenset[str]] = {}
for _group in SYNONYM_GROUPS:
    for _word in _group:
        SYNONYMS[_word] = SYNONYMS.get(_word, frozenset()) | (_group - {_word})

WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w’']+")  # "U.S." is one word
PUNCTUATION = re.compile(r"[^\w\s']")


class Candidate(BaseModel):
    """A passage or quote the index returned, with the facts stance needs."""

    kind: Literal["fact", "quote"]
    text: str
    lemmas: str = ""
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[dt.date] = Field(default_factory=list)
    negated: bool = False
    facts_known: bool = True  # False for quotes until `enrich` ran
    speaker: str | None = None
    # the outlet that attributes these words, when the speaker comes from another article's
    # quote of them (`quote_owners`)
    speaker_from: str | None = None
    cue: str | None = None  # a quote's reporting verb ("said", "denied")
    context: str = ""
    # names the candidate refers to without writing them: "he" after "President
    # Putin", "Putin" in an article about "Russian President Vladimir Putin"
    resolved: list[str] = Field(default_factory=list)
    article: Article
    passage_id: int | None = None
    quote_id: int | None = None
    passage_position: int | None = None
    rank: float = 0.0


class Alignment(BaseModel):
    """How well a candidate lines up with the claim."""

    coverage: float  # share of the claim's content words the candidate states
    missing: list[str] = Field(default_factory=list)  # claim content words not found
    token_set: float = 0.0
    partial: float = 0.0
    quote_score: float = 0.0  # best alignment of the claim's quoted words, 0 when none
    quote_span: tuple[int, int] | None = (
        None  # char span in `text` matching the quoted words
    )
    highlight: str | None = None
    score: float = 0.0


def normalise_text(text: str) -> str:
    """Lower-case with punctuation turned to spaces, keeping every character's position."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    if len(lowered) != len(text):  # rare Unicode case changes alter length: fall back
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return PUNCTUATION.sub(" ", lowered)


SEARCH_STOP_WORDS = frozenset(STOP_WORDS) - MEANINGFUL_STOP_WORDS


def search_terms(claim: Claim) -> list[str]:
    """Lemmas of content words, their common synonyms, and the names the claim mentions."""
    terms: list[str] = list(claim.key_lemmas)
    for name in claim.names:
        terms.extend(w.lower() for w in WORD.findall(name.text) if len(w) > 1)
    for lemma in claim.key_lemmas:
        terms.extend(sorted(SYNONYMS.get(lemma, ())))
    for quantity in claim.quantities:
        terms.extend(w.lower() for w in WORD.findall(quantity.text) if not w.isdigit())
    # "the" of "the Pacific", "of" of "Bank of England": words that match nearly every
    # passage add nothing to the ranking and make the full-text search rank the whole index.
    return list(dict.fromkeys(t for t in terms if t and t not in SEARCH_STOP_WORDS))


_SEARCHES = ThreadPoolExecutor(max_workers=4, thread_name_prefix="quote-search")


def passage_candidate(p: Passage, article: Article, rank: float = 0.0) -> Candidate:
    """A sentence of an article as a candidate, with the facts stored with it."""
    return Candidate(
        kind="fact",
        text=p.text,
        lemmas=p.lemmas,
        entities=p.entities,
        quantities=p.quantities,
        dates=p.dates,
        negated=p.negated,
        article=article,
        passage_id=p.id,
        passage_position=p.position,
        rank=rank,
    )


def retrieve(claim: Claim, store: Store) -> list[Candidate]:
    """Passages and quotes sharing words with the claim (full-text search), deduplicated.

    The claim's commonest words are left out of the search first (see
    `select_terms`): ranking cost grows with their posting lists, not with the
    results kept.
    """
    terms = search_terms(claim)
    if not terms:
        return []
    terms = select_terms(
        terms,
        store.term_frequencies(terms),
        store.passage_count(),
        protected=protected_terms(claim),
    )
    quote_terms = list(terms)
    if claim.speaker:
        quote_terms.append(claim.speaker.split()[-1].lower())
    # the two searches are independent: on PostgreSQL the quotes' one runs on its own
    # connection while this thread waits for the passages' (SQLite releases the GIL too)
    quote_hits = _SEARCHES.submit(store.search_quotes, quote_terms, limit=QUOTE_LIMIT)
    candidates: list[Candidate] = []
    for hit in store.search_passages(terms, limit=PASSAGE_LIMIT):
        candidates.append(passage_candidate(hit.passage, hit.article, hit.rank))
    for hit in quote_hits.result():
        q = hit.quote
        candidates.append(
            Candidate(
                kind="quote",
                text=q.text,
                lemmas=q.lemmas,
                facts_known=False,
                speaker=q.speaker,
                cue=q.cue,
                context=q.context,
                article=hit.article,
                quote_id=q.id,
                passage_position=q.passage_position,
                rank=hit.rank,
            )
        )
    return candidates


# A word in more than this share of passages ("say", "president" in a news archive) matches so
# much that ranking its postings dominates a check, and it barely tells candidates apart.
COMMON_SHARE = 0.08
# ... but below this many passages its postings cost well under a millisecond, so a small index
# keeps every word (pruning there would only lose recall).
COMMON_MIN_PASSAGES = 1000
MAX_TERMS = 12  # words searched per claim: names and quoted words first, then the rarest others
MIN_RARE_TERMS = 2  # common words are dropped only when this many rarer ones remain
POSTINGS_BUDGET = 20_000  # postings one search may score, summed over its terms


def protected_terms(claim: Claim) -> set[str]:
    """Words of the claim's names and quoted words: kept whatever their rank, unless too common."""
    words = {w.lower() for name in claim.names for w in WORD.findall(name.text)}
    words.update(w.lower() for quoted in claim.quoted for w in WORD.findall(quoted))
    return words


def select_terms(
    terms: list[str],
    frequencies: dict[str, int],
    passages: int,
    *,
    protected: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[str]:
    """The terms worth searching, rarest first.

    Words in no passage cost nothing and are kept (quotes also index the
    speaker). Words in more than COMMON_SHARE of passages are dropped when at
    least MIN_RARE_TERMS rarer ones remain. Of the rest, names and quoted words
    are kept, other words up to MAX_TERMS in all, rarest first.
    """
    common_above = max(COMMON_SHARE * passages, COMMON_MIN_PASSAGES)
    order = {term: i for i, term in enumerate(terms)}
    by_rarity = sorted(terms, key=lambda t: (frequencies.get(t, 0), order[t]))
    absent = [t for t in by_rarity if frequencies.get(t, 0) == 0]
    present = [t for t in by_rarity if frequencies.get(t, 0) > 0]
    rare = [t for t in present if frequencies[t] <= common_above]
    kept_present = rare if len(rare) >= MIN_RARE_TERMS else present
    chosen = [t for t in kept_present if t in protected]
    for term in kept_present:
        if len(chosen) >= MAX_TERMS:
            break
        if term not in chosen:
            chosen.append(term)
    chosen.sort(key=lambda t: (frequencies.get(t, 0), order[t]))
    return within_postings_budget(absent + chosen, frequencies)


def within_postings_budget(terms: list[str], frequencies: dict[str, int]) -> list[str]:
    """The rarest terms whose postings add up to POSTINGS_BUDGET (the MIN_RARE_TERMS rarest
    always): an OR search scores every posting of every term, so at 20k articles the
    commoner terms cost most of a check while the rare ones already pick the sentences.
    The PostgreSQL store applies the same rule in SQL (`postgres.POSTINGS_BUDGET`)."""
    kept: list[str] = []
    read = 0
    for rarity, term in enumerate(terms):
        read += frequencies.get(term, 0)
        if read > POSTINGS_BUDGET and rarity >= MIN_RARE_TERMS:
            break
        kept.append(term)
    return kept


# ---------------------------------------------------------------------------
# alignment


def _vocabulary(candidate: Candidate) -> set[str]:
    words = set(candidate.lemmas.lower().split())
    words.update(
        w.lower().replace("’", "'").replace(".", "")
        for w in WORD.findall(candidate.text)
    )
    for entity in candidate.entities:
        words.update(entity.canonical.lower().split())
    if candidate.kind == "quote" and candidate.context:
        # "Calling for more spending, he said: ..." -- the attribution says what it is about
        words.update(w.lower().replace("’", "'") for w in WORD.findall(candidate.context))
    for name in candidate.resolved:
        words.update(w.lower() for w in WORD.findall(name))
    lemmas = f" {candidate.lemmas.lower()} "
    for phrase, verb in PHRASE_EQUIVALENTS.items():
        if f" {phrase} " in lemmas:
            words.add(verb)
    return words


def _shares_stem(word: str, vocabulary_by_prefix: dict[str, list[str]]) -> bool:
    """ "negotiation"/"negotiate", "prioritise"/"prioritize": a long common prefix."""
    if len(word) < 5:
        return False
    for other in vocabulary_by_prefix.get(word[:4], ()):
        need = max(5, min(len(word), len(other)) - 2)
        common = 0
        for a, b in zip(word, other):
            if a != b:
                break
            common += 1
        if common >= need:
            return True
    return False


def word_covered(
    word: str, vocabulary: set[str], by_prefix: dict[str, list[str]]
) -> bool:
    """True when the candidate states `word`, a synonym of it, or a word of the same stem."""
    if word in vocabulary:
        return True
    if any(s in vocabulary for s in SYNONYMS.get(word, ())):
        return True
    return _shares_stem(word, by_prefix)


def covered_keys(claim: Claim, candidate: Candidate) -> set[str]:
    """The claim's content words the candidate states (exactly, by synonym or by stem)."""
    return states_words(candidate, claim.key_lemmas)


def states_words(candidate: Candidate, words: list[str]) -> set[str]:
    """Which of `words` the candidate states (exactly, by synonym or by stem)."""
    vocabulary = _vocabulary(candidate)
    by_prefix: dict[str, list[str]] = {}
    for word in vocabulary:
        if len(word) >= 5:
            by_prefix.setdefault(word[:4], []).append(word)
    return {w for w in words if word_covered(w, vocabulary, by_prefix)}


def key_weights(claim: Claim, covered: list[set[str]]) -> dict[str, float]:
    """Weights of the claim's words: rarer among the candidates = more telling (an IDF over the pool).

    "Europe" and "security" in every candidate say little; "charge" in one of
    them says which candidate states the claim.
    """
    pool = len(covered)
    return {
        key: 1.0 + 0.5 * math.log((pool + 1) / (sum(key in c for c in covered) + 1))
        for key in claim.key_lemmas
    }


def weighted_coverage(
    keys: list[str], missing: list[str], weights: dict[str, float] | None
) -> float:
    if not keys:
        return 0.0
    weight = weights or {}
    total = sum(weight.get(k, 1.0) for k in keys)
    return 1.0 - sum(weight.get(k, 1.0) for k in missing) / total


def align(
    claim: Claim,
    candidate: Candidate,
    *,
    weights: dict[str, float] | None = None,
    covered: set[str] | None = None,
) -> Alignment:
    """Coverage of the claim's content words, fuzzy ratios, and the aligned span."""
    keys = claim.key_lemmas
    found = covered if covered is not None else covered_keys(claim, candidate)
    missing = [k for k in keys if k not in found]
    coverage = weighted_coverage(keys, missing, weights)

    claim_lemmas = " ".join(claim.lemmas)
    token_set = (
        fuzz.token_set_ratio(claim_lemmas, candidate.lemmas.lower()) / 100
        if candidate.lemmas
        else 0.0
    )
    source_norm = normalise_text(candidate.text)
    content_norm = normalise_text(claim.content)
    partial_alignment = fuzz.partial_ratio_alignment(content_norm, source_norm)
    partial = partial_alignment.score / 100 if partial_alignment else 0.0
    partial = max(partial, _sentence_partial(content_norm, candidate.text))

    quote_score = 0.0
    quote_span: tuple[int, int] | None = None
    for words in claim.quoted:
        for piece in re.split(r"\s*(?:\.\.\.|…|<…>)\s*", words):
            if len(piece.split()) < 2:
                continue
            found = fuzz.partial_ratio_alignment(normalise_text(piece), source_norm)
            if found and found.score / 100 > quote_score:
                quote_score = found.score / 100
                quote_span = (found.dest_start, found.dest_end)

    span = quote_span
    if span is None and partial_alignment is not None and partial >= 0.6:
        span = (partial_alignment.dest_start, partial_alignment.dest_end)
    highlight = _word_span(candidate.text, span) if span else None

    score = 0.55 * coverage + 0.2 * token_set + 0.25 * partial
    if claim.quoted:
        score = 0.5 * quote_score + 0.3 * coverage + 0.2 * partial
    return Alignment(
        coverage=coverage,
        missing=missing,
        token_set=token_set,
        partial=partial,
        quote_score=quote_score,
        quote_span=_widen(candidate.text, quote_span) if quote_span else None,
        highlight=highlight,
        score=round(min(1.0, score), 3),
    )


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+")


def _sentence_partial(content_norm: str, text: str) -> float:
    """Best alignment of one source sentence with the claim, scaled by how much of the claim it is.

    A quote of several sentences dilutes a short one that the claim repeats
    ("2 percent is not enough. President Smith has ..."): aligned sentence by
    sentence, the repeated one scores high.
    """
    sentences = [s for s in SENTENCE_END.split(text) if len(s.split()) >= 3]
    if len(sentences) < 2:
        return 0.0
    claim_words = len(content_norm.split()) or 1
    best = 0.0
    for sentence in sentences:
        norm = normalise_text(sentence)
        share = min(1.0, len(norm.split()) / claim_words)
        value = fuzz.partial_ratio(norm, content_norm) / 100 * (0.5 + 0.5 * share)
        best = max(best, value)
    return best


def _widen(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Extend a character span to whole words."""
    start, end = span
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "'’"):
        end += 1
    return start, end


def _word_span(text: str, span: tuple[int, int]) -> str:
    start, end = _widen(text, span)
    return text[start:end].strip(" ,;:")


# ---------------------------------------------------------------------------
# lazy facts for quotes

_QUOTE_FACTS: OrderedDict[
    tuple[str, dt.date | None], tuple[list[Entity], list[Quantity], list[dt.date], bool]
] = OrderedDict()
_QUOTE_FACTS_SIZE = 2048


def enrich(candidate: Candidate, nlp: Language) -> Candidate:
    """Fill a quote's entities, numbers, dates and negation (parsed once, cached by text)."""
    if candidate.facts_known:
        return candidate
    key = (candidate.text, candidate.article.published)
    cached = _QUOTE_FACTS.get(key)
    if cached is None:
        cached = _remember_facts(key, parsed(candidate.text, nlp))
    else:
        _QUOTE_FACTS.move_to_end(key)
    entities, quantities, dates, negated = cached
    return candidate.model_copy(
        update={
            "entities": entities,
            "quantities": quantities,
            "dates": dates,
            "negated": negated,
            "facts_known": True,
        }
    )


def enrich_many(candidates: list[Candidate], nlp: Language) -> list[Candidate]:
    """`enrich` for several candidates, parsing the quotes not seen before in one batch
    (`parsed_many`; the rules reading a reported clause or an event reuse those parses)."""
    unseen = list(
        dict.fromkeys(
            (c.text, c.article.published)
            for c in candidates
            if not c.facts_known and (c.text, c.article.published) not in _QUOTE_FACTS
        )
    )
    for key, doc in zip(unseen, parsed_many([text for text, _ in unseen], nlp)):
        _remember_facts(key, doc)
    return [enrich(c, nlp) for c in candidates]


def _remember_facts(
    key: tuple[str, dt.date | None], doc: Doc
) -> tuple[list[Entity], list[Quantity], list[dt.date], bool]:
    passage = facts.analyse_sentence(doc[:], position=0, published=key[1])
    found = (passage.entities, passage.quantities, passage.dates, passage.negated)
    _QUOTE_FACTS[key] = found
    if len(_QUOTE_FACTS) > _QUOTE_FACTS_SIZE:
        _QUOTE_FACTS.popitem(last=False)
    return found
