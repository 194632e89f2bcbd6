"""Corpus and claim generation for `factcheck bench`.

Growth (5k, 20k articles) cannot be measured on 2 cores by running spaCy over
16 million generated words, so larger corpora are made from articles the
engine has already parsed: each variant is a re-dated, re-named, re-numbered
copy of a real parsed article, with the substitution applied consistently to
the text *and* to every model field derived from it (lemmas, entities,
quantities, dates, quotes and speakers). The store then indexes variants
exactly as it indexes real articles (`Store.save_article`), so retrieval sees
realistic vocabulary, sentence lengths and quote density, while names and
numbers differ from copy to copy the way a growing archive's do.

Claim sets are the dev claims plus general re-wordings of them (numbers
changed, a speaker swapped for another, negation flipped) and sentences drawn
from the indexed articles. Nothing here knows any particular article or claim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

from pydantic import BaseModel
from spacy.lang.en.stop_words import STOP_WORDS

from bot.core.models import Article, Entity, ParsedArticle, Passage, Quantity, Quote

VARIANT_PREFIX = "bench-variant"

# Invented-sounding but ordinary names, so swapped speakers read like news.
FIRST_NAMES = (
    "Amara", "Bruno", "Celia", "Dmitri", "Elena", "Farid", "Greta", "Hector", "Ines", "Jonas",
    "Kira", "Lionel", "Marta", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Stefan", "Tamsin",
    "Ulrich", "Vera", "Walter", "Xenia", "Yusuf", "Zora", "Anton", "Beatriz", "Conrad", "Daria",
)
LAST_NAMES = (
    "Okafor", "Lindqvist", "Marchetti", "Haddad", "Novak", "Brennan", "Castellano", "Dubois",
    "Eriksen", "Fontaine", "Gallagher", "Horvath", "Ivanova", "Jablonski", "Kowalczyk", "Laurent",
    "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Rasmussen", "Sorensen", "Takahashi",
    "Ubaldi", "Vasquez", "Whitfield", "Xiong", "Yilmaz", "Zimmerman", "Abernathy", "Bergstrom",
    "Caruso", "Delgado", "Ellery", "Faraday", "Granger", "Hollis", "Ingram", "Jansen",
)

_NUMBER_RE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")
_YEAR_RE = re.compile(r"^(19|20)\d\d$")
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)
_NUMBER_WORD_RE = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_AUXILIARIES = (
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "has", "have",
    "had", "did", "does", "do", "may", "might",
)
_AUX_RE = re.compile(r"\b(" + "|".join(_AUXILIARIES) + r")\b(?!\s+not\b)", re.IGNORECASE)
_NEGATION_RE = re.compile(r"\b(" + "|".join(_AUXILIARIES) + r")\s+not\b|\b(\w+)n't\b", re.IGNORECASE)


# --------------------------------------------------------------------------
# article variants


class Substitution:
    """One variant's consistent rewrite of names, numbers and years.

    The same instance rewrites an article's body, its sentences, lemmas,
    entities and quotes, so every field of the variant agrees with its text.
    """

    def __init__(self, names: dict[str, str], number_delta: int, year_shift: int) -> None:
        self.names = names
        self.number_delta = number_delta
        self.year_shift = year_shift
        self._name_re = _alternation(names)
        lower = {k.lower(): v.lower() for k, v in names.items() if k.lower() not in STOP_WORDS}
        self._lower_names = lower
        self._lower_re = _alternation(lower)

    def number(self, token: str) -> str:
        """Shift a number: years by `year_shift`, anything else by `number_delta`."""
        plain = token.replace(",", "")
        if _YEAR_RE.match(plain):
            return str(int(plain) + self.year_shift)
        if "." in plain:
            decimals = len(plain.split(".")[1])
            return f"{float(plain) + self.number_delta:.{decimals}f}"
        shifted = int(plain) + self.number_delta
        return f"{shifted:,}" if "," in token else str(shifted)

    def text(self, value: str) -> str:
        value = _NUMBER_RE.sub(lambda m: self.number(m.group(0)), value)
        if self._name_re is not None:
            value = self._name_re.sub(lambda m: self.names[m.group(0)], value)
        return value

    def lemmas(self, value: str) -> str:
        """Lemmas are lower-case: rewrite them with the lower-case name map."""
        value = _NUMBER_RE.sub(lambda m: self.number(m.group(0)), value)
        if self._lower_re is not None:
            value = self._lower_re.sub(lambda m: self._lower_names[m.group(0)], value)
        return value

    def optional(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def date(self, value: dt.date) -> dt.date:
        try:
            return value.replace(year=value.year + self.year_shift)
        except ValueError:  # 29 February in a year that has none
            return value.replace(year=value.year + self.year_shift, day=28)

    def quantity(self, q: Quantity) -> Quantity:
        new_text = self.text(q.text)
        old_n, new_n = _first_number(q.text), _first_number(new_text)
        value = q.value * new_n / old_n if old_n and new_n is not None else q.value
        return q.model_copy(update={"text": new_text, "value": value})

    def entity(self, e: Entity) -> Entity:
        canonical = self.text(e.canonical)
        if canonical == e.canonical:
            canonical = self.lemmas(e.canonical)
        return e.model_copy(update={"text": self.text(e.text), "canonical": canonical})


def _alternation(mapping: dict[str, str]) -> re.Pattern[str] | None:
    if not mapping:
        return None
    keys = sorted(mapping, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def _first_number(text: str) -> float | None:
    match = _NUMBER_RE.search(text)
    return float(match.group(0).replace(",", "")) if match else None


def person_names(parsed: ParsedArticle) -> list[str]:
    """Every person name the parse found: PERSON entities and quote speakers."""
    names: set[str] = set()
    for passage in parsed.passages:
        for entity in passage.entities:
            if entity.label == "PERSON":
                names.update({_bare_name(entity.text), _bare_name(entity.canonical)})
    for quote in parsed.quotes:
        if quote.speaker:
            names.add(_bare_name(quote.speaker))
    return sorted(n for n in names if _looks_like_name(n))


def _bare_name(text: str) -> str:
    """ "Hillary Clinton's" -> "Hillary Clinton", so the possessive stays the same person."""
    return _POSSESSIVE_RE.sub("", text.strip())


def _looks_like_name(name: str) -> bool:
    parts = name.split()
    return (
        0 < len(parts) <= 4
        and all(part[0].isupper() for part in parts)
        and not any(ch.isdigit() for ch in name)
        and name.lower() not in STOP_WORDS
    )


def name_mapping(names: Iterable[str], rng: random.Random) -> dict[str, str]:
    """Map each person (full name and surname alone) to an invented person.

    Surnames are mapped once, so "Hillary Clinton", "Clinton" and "Mrs.
    Clinton" stay one person in the variant.
    """
    surnames: dict[str, str] = {}
    firsts: dict[str, str] = {}
    mapping: dict[str, str] = {}
    for name in sorted(set(names), key=lambda n: (-len(n.split()), n)):
        parts = name.split()
        last = parts[-1]
        if last not in surnames:
            surnames[last] = rng.choice(LAST_NAMES)
        if len(parts) == 1:
            mapping[name] = surnames[last]
            continue
        first = parts[0]
        if first not in firsts:
            firsts[first] = rng.choice(FIRST_NAMES)
        mapping[name] = " ".join([firsts[first], *parts[1:-1], surnames[last]])
    for last, new in surnames.items():
        if last.lower() not in STOP_WORDS:
            mapping.setdefault(last, new)
    return mapping


def variant_substitution(source: ParsedArticle, index: int) -> Substitution:
    """The deterministic substitution for variant number `index` of `source`."""
    rng = random.Random(index)
    return Substitution(
        names=name_mapping(person_names(source), rng),
        number_delta=rng.randint(1, 9),
        year_shift=rng.randint(1, 8),
    )


def make_variant(source: ParsedArticle, index: int, prefix: str = VARIANT_PREFIX) -> ParsedArticle:
    """A new article made from `source`: same parse, different people, numbers and dates."""
    sub = variant_substitution(source, index)
    article = source.article
    body = sub.text(article.body)
    path = f"{prefix}/{index:06d}-{PurePosixPath(article.path).stem}.txt"
    new_article = Article(
        path=path,
        content_hash=hashlib.sha256(f"{path}\n{body}".encode()).hexdigest(),
        title=sub.optional(article.title),
        outlet=article.outlet,
        byline=sub.optional(article.byline),
        dateline=article.dateline,
        published=sub.date(article.published) if article.published else None,
        url=None,
        notes=article.notes,
        body=body,
    )
    passages = [
        Passage(
            position=p.position,
            text=sub.text(p.text),
            lemmas=sub.lemmas(p.lemmas),
            entities=[sub.entity(e) for e in p.entities],
            quantities=[sub.quantity(q) for q in p.quantities],
            dates=[sub.date(d) for d in p.dates],
            negated=p.negated,
        )
        for p in source.passages
    ]
    quotes = [
        Quote(
            passage_position=q.passage_position,
            text=sub.text(q.text),
            speaker=sub.optional(q.speaker),
            speaker_mention=sub.optional(q.speaker_mention),
            cue=q.cue,
            kind=q.kind,
            context=sub.text(q.context),
            lemmas=sub.lemmas(q.lemmas),
        )
        for q in source.quotes
    ]
    return ParsedArticle(article=new_article, passages=passages, quotes=quotes)


def variants(pool: Sequence[ParsedArticle], start: int, stop: int) -> Iterable[ParsedArticle]:
    """Variants number `start`..`stop-1`, cycling through `pool` (deterministic)."""
    if not pool:
        return
    for index in range(start, stop):
        yield make_variant(pool[index % len(pool)], index)


# --------------------------------------------------------------------------
# claims


class BenchClaim(BaseModel):
    kind: str  # dev, numbers, names, negated, corpus
    text: str


def reword_numbers(claim: str, rng: random.Random) -> str | None:
    """Change every number in the claim (digits or words one..twenty)."""
    delta = rng.randint(1, 5)

    def digits(m: re.Match[str]) -> str:
        return Substitution({}, delta, delta).number(m.group(0))

    def words(m: re.Match[str]) -> str:
        word = m.group(0)
        new = _NUMBER_WORDS[(_NUMBER_WORDS.index(word.lower()) + delta) % len(_NUMBER_WORDS)]
        return new.capitalize() if word[0].isupper() else new

    changed = _NUMBER_WORD_RE.sub(words, _NUMBER_RE.sub(digits, claim))
    return changed if changed != claim else None


def swap_names(claim: str, names: Sequence[str]) -> str | None:
    """Replace the first known name in the claim with a different known name."""
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    for name in ordered:
        if re.search(r"\b" + re.escape(name) + r"\b", claim):
            others = [n for n in sorted(set(names)) if n != name and n not in name and name not in n]
            if not others:
                return None
            other = others[sum(map(ord, claim)) % len(others)]
            return re.sub(r"\b" + re.escape(name) + r"\b", other, claim, count=1)
    return None


def negate(claim: str) -> str | None:
    """Flip the claim's polarity: drop an existing "not"/"n't", or add one after the first auxiliary."""
    found = _NEGATION_RE.search(claim)
    if found:
        if found.group(1):
            return claim[: found.start()] + found.group(1) + claim[found.end():]
        return None  # "can't" / "won't": no safe general rewrite
    aux = _AUX_RE.search(claim)
    if aux:
        return claim[: aux.end()] + " not" + claim[aux.end():]
    return None


def build_claim_set(
    dev_claims: Sequence[str],
    names: Sequence[str],
    corpus_sentences: Sequence[str],
    limit: int,
    seed: int = 0,
) -> list[BenchClaim]:
    """Dev claims, their re-wordings, and corpus sentences, interleaved and capped at `limit`.

    Interleaving keeps every kind represented when `limit` is small.
    """
    rng = random.Random(seed)
    makers: list[tuple[str, Callable[[str], str | None]]] = [
        ("numbers", lambda c: reword_numbers(c, rng)),
        ("names", lambda c: swap_names(c, names)),
        ("negated", negate),
    ]
    groups: dict[str, list[str]] = {"dev": list(dev_claims)}
    for kind, make in makers:
        groups[kind] = [v for v in (make(c) for c in dev_claims) if v]
    groups["corpus"] = list(corpus_sentences)
    claims: list[BenchClaim] = []
    seen: set[str] = set()
    longest = max((len(g) for g in groups.values()), default=0)
    for i in range(longest):
        for kind, texts in groups.items():
            if i < len(texts) and texts[i] not in seen and len(claims) < limit:
                seen.add(texts[i])
                claims.append(BenchClaim(kind=kind, text=texts[i]))
    return claims


def corpus_sentences(articles: Sequence[ParsedArticle], count: int, seed: int = 0) -> list[str]:
    """Claim-sized sentences (8-40 words, no quotation marks) sampled from parsed articles."""
    candidates = [
        p.text.strip()
        for a in articles
        for p in a.passages
        if 8 <= len(p.text.split()) <= 40 and not any(ch in p.text for ch in "\"“”")
    ]
    rng = random.Random(seed)
    return rng.sample(candidates, min(count, len(candidates)))
