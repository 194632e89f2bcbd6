"""Facts in a sentence: numbers with units, dates, negation, antonyms, entities.

Used twice: at ingest every sentence becomes a `Passage` (`analyse_sentence`),
and at check time the claim is analysed with the same functions so that the
claim and a source compare like with like (`compare_quantities`,
`find_antonym_conflict`, `is_negated`, `extract_dates`).

The work is split by idea into `quantities`, `dates`, `negation` and
`lexicon`; this module re-exports their public functions so callers import
one place: `from bot.language import facts`.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from bot.language.dates import explicit_dates, explicit_dates_with_year, extract_dates, weekday_mentions
from bot.language.lexicon import antonym_pairs, are_antonyms, find_antonym_conflict
from bot.core.models import Entity, Passage
from bot.language.negation import (
    is_negated,
    negated_heads,
    negation_cues,
    negative_predicates,
)
from bot.language.quantities import extract_quantities, is_multiplier_word
from bot.language.quantity_comparison import (
    QuantityComparison,
    comparable,
    compare_quantities,
    describe_quantity,
    is_count,
    within_range,
)

__all__ = [
    "QuantityComparison",
    "analyse_sentence",
    "is_multiplier_word",
    "within_range",
    "antonym_pairs",
    "are_antonyms",
    "canonical_entity",
    "comparable",
    "compare_quantities",
    "country_forms",
    "describe_quantity",
    "explicit_dates",
    "explicit_dates_with_year",
    "extract_dates",
    "extract_entities",
    "extract_quantities",
    "is_count",
    "find_antonym_conflict",
    "is_negated",
    "negated_heads",
    "negation_cues",
    "negative_predicates",
    "sentence_lemmas",
    "weekday_mentions",
]


# numeric entity labels: their content lives in `quantities` and `dates` instead
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME", "DATE"})

# whole-name aliases, keyed by the lower-case name with dots, "the " and "'s" removed
_ENTITY_ALIASES: dict[str, str] = {
    "us": "united states", "usa": "united states", "united states": "united states",
    "united states of america": "united states", "america": "united states",
    "uk": "united kingdom", "united kingdom": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom",
    "nato": "nato", "north atlantic treaty organization": "nato",
    "north atlantic treaty organisation": "nato", "north atlantic alliance": "nato",
    "eu": "european union", "european union": "european union",
    "un": "united nations", "united nations": "united nations",
    "russian federation": "russia", "ussr": "soviet union",
}  # fmt: skip
# demonyms (spaCy's NORP) that name the same actor as the country in a claim
_DEMONYMS: dict[str, str] = {
    "american": "united states", "british": "united kingdom", "russian": "russia",
    "ukrainian": "ukraine", "chinese": "china", "french": "france", "german": "germany",
    "european": "europe", "israeli": "israel", "iranian": "iran", "turkish": "turkey",
    "polish": "poland", "canadian": "canada", "japanese": "japan", "indian": "india",
}  # fmt: skip
# per-word spelling variants across outlets and transliterations
_SPELLINGS: dict[str, str] = {
    "kiev": "kyiv", "zelenskiy": "zelensky", "zelenskyy": "zelensky", "zelenskii": "zelensky",
    "kharkov": "kharkiv", "odessa": "odesa", "donbass": "donbas", "lvov": "lviv",
    "volodimir": "volodymyr", "dnepr": "dnipro", "nikolaev": "mykolaiv", "mykolayiv": "mykolaiv",
}  # fmt: skip
_ACRONYM_DOTS = re.compile(r"^(?:[a-z]\.){2,}$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def canonical_entity(text: str, label: str) -> str:
    """Lower-case matching form of an entity: "the U.S." and "United States" -> "united states".

    A small alias table covers the spellings outlets disagree on (US/U.S.,
    UK/Britain, Kiev/Kyiv, Zelenskiy/Zelenskyy, NATO/North Atlantic Alliance,
    EU, UN); demonyms labelled NORP map to their country ("American" ->
    "united states"). Otherwise the text is lower-cased, with a leading
    "the " and a possessive "'s" removed.
    """
    name = _SPACES.sub(" ", text.strip().strip("\"'“”‘’"))
    name = _POSSESSIVE.sub("", name)
    name = _LEADING_THE.sub("", name)
    if _ACRONYM_DOTS.match(name):
        name = name.replace(".", "")
    key = name.lower().rstrip(".")
    if key in _ENTITY_ALIASES:
        return _ENTITY_ALIASES[key]
    if label == "NORP":
        singular = key[:-1] if key.endswith("s") and key[:-1] in _DEMONYMS else key
        if singular in _DEMONYMS:
            return _DEMONYMS[singular]
    return " ".join(_SPELLINGS.get(word, word) for word in key.split(" "))


def country_forms(canonical: str) -> list[str]:
    """Words that name a country in running text: "russia" -> ["russia", "russian"]."""
    forms = [canonical] + [d for d, c in _DEMONYMS.items() if c == canonical]
    forms += [alias for alias, c in _ENTITY_ALIASES.items() if c == canonical]
    return list(dict.fromkeys(forms))


def entities_within(span: Span | Doc) -> list[Span]:
    """The entities wholly inside `span`, as `Span.ents` gives them, read from the span's own
    tokens: `Span.ents` builds every entity of the whole document first, once per sentence."""
    if isinstance(span, Doc):
        return list(span.ents)
    doc, found, i = span.doc, [], span.start
    while i < span.end:
        if doc[i].ent_iob_ != "B":
            i += 1
            continue
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, i, end, label=doc[i].ent_type_))
        i = end
    return found


def extract_entities(span: Span | Doc) -> list[Entity]:
    """Named entities of `span` with canonical forms, once each; numeric labels are left to
    `extract_quantities` and `extract_dates`."""
    entities: list[Entity] = []
    seen: set[tuple[str, str]] = set()
    for ent in entities_within(span):
        if ent.label_ in NUMERIC_LABELS:
            continue
        canonical = canonical_entity(ent.text, ent.label_)
        if not canonical or (canonical, ent.label_) in seen:
            continue
        seen.add((canonical, ent.label_))
        entities.append(Entity(text=ent.text, label=ent.label_, canonical=canonical))
    return entities


_LEMMA_OK = re.compile(r"^\w[\w'’-]*$")


def sentence_lemmas(span: Span | Doc) -> str:
    """Space-joined lower-case lemmas of the alphanumeric tokens (numbers kept, no stop-word
    removal): "There won't be U.S. troops" -> "there will not be us troop". Spelling
    variants of place and person names are unified ("kiev" -> "kyiv") so search finds both."""
    lemmas: list[str] = []
    for tok in span:
        if tok.is_space or tok.is_punct:
            continue
        lemma = tok.lemma_.lower() or tok.lower_
        lemma = lemma.replace(",", "") if tok.like_num else lemma.replace(".", "")
        if lemma and _LEMMA_OK.match(lemma):
            lemmas.append(_SPELLINGS.get(lemma, lemma))  # "Kiev" finds "Kyiv"
    return " ".join(lemmas)


def analyse_sentence(sent: Span, *, position: int, published: dt.date | None) -> Passage:
    """One sentence -> a `Passage` with lemmas, entities, quantities, dates and negation."""
    return Passage(
        position=position,
        text=sent.text.strip(),
        lemmas=sentence_lemmas(sent),
        entities=extract_entities(sent),
        quantities=extract_quantities(sent),
        dates=extract_dates(sent, published),
        negated=is_negated(sent),
    )
