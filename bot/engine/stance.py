"""Stance: does a candidate support the claim, conflict with it, or merely relate to it?

A fact-checker must see *why*: every conflict carries at least one Reason with
a detail a reporter understands. A candidate is evidence only when it states
what the claim states -- every name the claim mentions (or a swapped one),
most of its content words, and its numbers and dates -- otherwise it is merely
related and dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from difflib import SequenceMatcher

from typing import Literal

from pydantic import BaseModel, Field
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token as SpacyToken
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from bot.engine import facts
from bot.engine.claims import LIGHT_VERBS, NEGATION_IDIOMS, SPEECH_VERBS, Claim, negation_words
from bot.engine.models import Entity, Reason, Stance
from bot.engine.negation import complement_negators
from bot.engine.retrieve import (
    WORD,
    Alignment,
    Candidate,
    normalise_text,
    SYNONYMS,
    states_words,
    weighted_coverage,
    word_covered,
)
from bot.engine.speakers import TITLE_WORDS, SpeakerResolver

MIN_COVERAGE = 0.6  # share of the claim's content words a candidate must state
MIN_SCORE = 0.5
# a negation or an antonym is only a conflict in a sentence that says nearly the same thing;
# a number, date, speaker or misquote names exactly what differs
MIN_CONFLICT_SCORE = 0.58  # the false "not" of a stem cousin scored 0.54
LOOSE_CONFLICTS = frozenset({"negation", "antonym"})
LOW_INFORMATION_PARTIAL = 0.75  # claims that are mostly names need close wording
VERBATIM_PARTIAL = 0.85  # unquoted claim this close to someone's quote: the same words
PRONOUN_OPENERS = frozenset(["he", "she", "they", "his", "her", "their", "we", "i"])
STRONG_QUOTE = (
    0.78  # quoted words this close to a source's wording are "the same quote"
)
LONG_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes, checked as content
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
NEGATORS = frozenset(
    [
        "not",
        "never",
        "no",
        "nor",
        "neither",
        "none",
        "nobody",
        "nothing",
        "cannot",
        "n't",
    ]
)
CONNECTORS = frozenset({"of", "and", "the", "for", "&"})


class Assessment(BaseModel):
    """The stance of one candidate, with its reasons (conflicts) or notes (variants)."""

    stance: Stance
    reasons: list[Reason] = Field(default_factory=list)
    score: float
    highlight: str | None = None


# ---------------------------------------------------------------------------
# names


def _folded(text: str) -> str:
    """Lower-case words without dots and possessives: "the U.S.'s" -> " the us "."""
    words = WORD.findall(text.lower().replace(".", "").replace("’", "'"))
    return " " + " ".join(re.sub(r"'s?$", "", w) for w in words) + " "


def _acronym_in(acronym: str, text: str) -> bool:
    """ "GDP" is stated by "gross domestic product": initials of consecutive words."""
    letters = acronym.lower()
    words = [w for w in WORD.findall(text.lower()) if w not in CONNECTORS]
    for start in range(len(words) - len(letters) + 1):
        if all(words[start + k][0] == letters[k] for k in range(len(letters))):
            return True
    return False


def name_present(name: Entity, candidate: Candidate) -> bool:
    """The candidate mentions the name (any spelling the canonical form unifies, surname, acronym).

    A quote's surrounding sentence counts too: "said Ukrainian President ..." names
    the "we" of the quote.
    """
    text = _folded(" ".join([candidate.text, candidate.context, *candidate.resolved]))
    forms = {name.text, name.canonical}
    if any(_folded(f) in text for f in forms if f.strip()):
        return True
    canonicals = {e.canonical.lower() for e in candidate.entities}
    if name.canonical.lower() in canonicals:
        return True
    words = name.text.split()
    if name.label == "PERSON" and len(words) > 1 and _folded(words[-1]) in text:
        return True
    bare = name.text.replace(".", "")
    return bare.isupper() and 2 <= len(bare) <= 6 and _acronym_in(bare, candidate.text)


def _labels_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in PLACE_LABELS and b in PLACE_LABELS:
        return True
    return "PROPN" in (a, b)


def _neighbours(text: str, phrase: str, before: int = 2) -> tuple[list[str], list[str]]:
    """Words just before and after `phrase` in `text` (articles skipped)."""
    words = [w for w in WORD.findall(text.lower()) if w not in ("the", "a", "an")]
    target = [w for w in WORD.findall(phrase.lower()) if w not in ("the", "a", "an")]
    if not target:
        return [], []
    for i in range(len(words) - len(target) + 1):
        if words[i : i + len(target)] == target:
            return words[max(0, i - before) : i], words[
                i + len(target) : i + len(target) + 2
            ]
    return [], []


def find_entity_swap(
    claim: Claim, missing: Entity, candidate: Candidate, *, written_in: str | None = None
) -> Entity | None:
    """A source entity standing where the claim's missing entity stands ("Atlantic" -> "Pacific")."""
    claim_text = _folded(claim.text)
    claim_words = written_in or claim.content
    before_c, after_c = _neighbours(claim_words, missing.text)
    for entity in candidate.entities:
        if not _labels_compatible(missing.label, entity.label):
            continue
        if (
            _folded(entity.text) in claim_text
            or entity.canonical.lower() == missing.canonical.lower()
        ):
            continue
        if (
            fuzz.ratio(entity.text.lower(), missing.text.lower()) >= 80
        ):  # a spelling variant
            continue
        before_s, after_s = _neighbours(candidate.text, entity.text)
        content_before = [w for w in before_c if w not in STOP_WORDS]
        content_before_s = [w for w in before_s if w not in STOP_WORDS]
        same_before = bool(before_c and before_s and before_c[-1] == before_s[-1])
        same_after = bool(after_c and after_s and after_c[0] == after_s[0])
        wider_c, _ = _neighbours(claim_words, missing.text, before=3)
        wider_s, _ = _neighbours(candidate.text, entity.text, before=3)
        same_content = bool(set(content_before) & set(content_before_s)) or bool(
            {w[:5] for w in wider_c if w not in STOP_WORDS and len(w) > 3}
            & {w[:5] for w in wider_s if w not in STOP_WORDS and len(w) > 3}
        )
        if (
            same_content
            or (same_before and same_after)
            or (same_before and before_c[-1] not in STOP_WORDS)
        ):
            return entity
        if (same_before or same_after) and entity.label == missing.label != "PROPN":
            return entity
    return None


# ---------------------------------------------------------------------------
# polarity


def _source_region(claim: Claim, candidate: Candidate) -> str:
    """The part of the source between the first and last words it shares with the claim."""
    keys = set(claim.key_lemmas) | {
        w.lower() for n in claim.names for w in WORD.findall(n.text)
    }
    matches = [
        m
        for m in WORD.finditer(candidate.text)
        if _matches_any(m.group(0).lower(), keys)
    ]
    if not matches:
        return candidate.text
    start, end = matches[0].start(), matches[-1].end()
    before = candidate.text[:start]
    lead = WORD.findall(before)[-4:]
    if lead:
        start = before.rfind(lead[0])
    tail = candidate.text[end:]
    follow = re.match(r"^(\W*[\w’']+){0,2}", tail)
    if follow:
        end += follow.end()
    return candidate.text[start:end]


def _matches_any(word: str, keys: set[str]) -> bool:
    if word in keys:
        return True
    by_prefix: dict[str, list[str]] = {}
    for key in keys:
        if len(key) >= 5:
            by_prefix.setdefault(key[:4], []).append(key)
    return word_covered(word, set(), by_prefix) if len(word) >= 5 else False


SCOPE_WORDS = 5  # a negation cue counts when one of the next words is the claim's
NOT_PREDICATE = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "of",
        "and",
        "or",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "it",
        "there",
        "that",
        "this",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "as",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "any",
        "all",
        "some",
        "also",
        "even",
        "very",
        "so",
    ]
)


LIGHT_VERB_FORMS = LIGHT_VERBS | frozenset(
    "takes took taken taking makes made making has had having does did done doing gets got "
    "gotten getting gives gave given giving goes went gone going comes came coming holds held "
    "holding keeps kept keeping puts putting lets letting becomes became becoming".split()
)


def _bears_on(word: str, keys: set[str]) -> bool:
    """A negated word that is the claim's own: a light verb alone ("not to take advantage"
    against "take charge") negates another predicate, not the claim's."""
    return word not in NOT_PREDICATE and word not in LIGHT_VERB_FORMS and _matches_any(word, keys)


def _opposes_any(word: str, keys: set[str]) -> bool:
    """ "not militarily" bears on a claim saying "by diplomacy": the opposite is negated."""
    return len(word) > 3 and word not in NOT_PREDICATE and any(
        facts.are_antonyms(word, key) for key in keys
    )


CONTRASTS = frozenset({"but", "instead", "rather"})


def _answered_after_contrast(tokens: list[str], bearing: list[str], keys: set[str]) -> bool:
    """ "will not take it back militarily, but hopes to regain it by diplomatic means":
    after the contrast the source states the claim's words the "not" bore on (or what
    their opposite stands against), so the negation denies something else."""
    words = [t.lower() for t in tokens]
    at = next((k for k, w in enumerate(words) if w in CONTRASTS), None)
    if at is None:
        return False
    after = set(words[at + 1 :])
    wanted = {k for k in keys if any(facts.are_antonyms(w, k) for w in bearing)}
    wanted |= {w for w in bearing if _matches_any(w, keys)}
    return bool(wanted) and all(_matches_any(w, after) for w in wanted)


PARTICLES = frozenset("back up out off over down in on away along through".split())


def _negates_another_light_predicate(following: list[str], keys: set[str]) -> bool:
    """ "not to take advantage of Britain": the "not" denies "take advantage", whatever follows."""
    words = [w for w in following if w not in {"to", "be", "been", "ever", "even"}]
    return (
        len(words) >= 2
        and words[0] in LIGHT_VERB_FORMS
        and words[1] not in PARTICLES  # "take back" is a verb of its own
        and not _matches_any(words[1], keys)
        and words[1] not in NOT_PREDICATE
    )


def scoped_negations(claim: Claim, text: str) -> list[tuple[str, str]]:
    """Negation cues of `text` that bear on the claim's words ("would not deploy troops").

    A cue whose next few words are none of the claim's ("warned Europe not
    to take advantage") negates something else and is ignored.
    """
    claim_words = {
        re.sub(r"'s?$", "", w.lower().replace(".", ""))
        for w in WORD.findall(claim.content)
    }
    keys = set(claim.key_lemmas) | {w for w in claim_words if w not in NOT_PREDICATE}
    keys -= NEGATORS
    tokens = WORD.findall(NEGATION_IDIOMS.sub(" ", text))
    cues: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        word = token.lower().replace("’", "'")
        if word not in NEGATORS and not word.endswith("n't") and word != "cannot":
            continue
        following = [
            re.sub(r"'s?$", "", t.lower().replace(".", "").replace("’", "'"))
            for t in tokens[i + 1 : i + 1 + SCOPE_WORDS]
        ]
        if _negates_another_light_predicate(following, keys):
            continue
        bearing = [w for w in following if _bears_on(w, keys) or _opposes_any(w, keys)]
        if bearing and not _answered_after_contrast(tokens[i + 1 :], bearing, keys):
            cues.append((word, " ".join(tokens[max(0, i - 3) : i + 1 + SCOPE_WORDS])))
    return cues


def negated_light_verbs(claim: Claim, text: str) -> list[str]:
    """Light verbs of the claim that the source negates with another object.

    "warned Europe not to take advantage of America" shares "take" with a claim
    about taking responsibility: the "not" is about another predicate, so it
    neither denies the claim nor leaves the sentence saying it.
    """
    claim_words = {w.lower() for w in WORD.findall(claim.content)}
    tokens = [t.lower() for t in WORD.findall(NEGATION_IDIOMS.sub(" ", text))]
    found: list[str] = []
    for i, word in enumerate(tokens):
        if word not in NEGATORS and not word.endswith("n't") and word != "cannot":
            continue
        for following in tokens[i + 1 : i + 3]:
            if following in LIGHT_VERB_FORMS and (
                following in claim_words or _matches_any(following, set(claim.key_lemmas))
            ):
                found.append(following)
    return found


NEGATED_COMPOUND = re.compile(
    r"\b(?P<prefix>[Nn]on|[Aa]nti|[Uu]n)\s*[-–]\s*(?P<stem>[A-Za-z][\w’']*)"
)  # case-sensitive: "UN-backed" is the United Nations, not a negation


def _negated_compounds(text: str) -> dict[str, str]:
    """Stems a hyphenated negating prefix denies: "a non-NATO mission" -> {"nato": "non-NATO"}."""
    return {
        m.group("stem").lower(): m.group(0).replace(" ", "")
        for m in NEGATED_COMPOUND.finditer(text)
    }


def _bare_words(text: str) -> set[str]:
    """Lower-case words of `text` not written as the stem of a "non-"/"anti-"/"un-" compound."""
    stripped = NEGATED_COMPOUND.sub(" ", text)
    return {w.lower() for w in WORD.findall(stripped)}


def compound_negation(claim: Claim, candidate: Candidate) -> tuple[str, str] | None:
    """(side, compound) when one side says "non-NATO" and the other only "NATO".

    spaCy splits "non-NATO" into "non", "-", "NATO", so the name looks stated;
    the prefix denies it. A source that also says the bare word ("European and
    non-European troops") states both and is no conflict.
    """
    source_compounds = _negated_compounds(candidate.text)
    claim_compounds = _negated_compounds(claim.content)
    if not source_compounds and not claim_compounds:
        return None
    claim_bare, source_bare = _bare_words(claim.content), _bare_words(candidate.text)
    for stem, written in source_compounds.items():
        if stem in claim_bare and stem not in claim_compounds and stem not in source_bare:
            return "source", written
    for stem, written in claim_compounds.items():
        if stem in source_bare and stem not in source_compounds and stem not in claim_bare:
            return "claim", written
    return None


def _capitalised_only(text: str) -> set[str]:
    """Words written only capitalised inside sentences: part of a name ("United" of
    "United States"), never an opposite of a common word ("divided")."""
    capitalised: set[str] = set()
    common: set[str] = set()
    for sentence in re.split(r"[.!?]\s+", text):
        words = WORD.findall(sentence)
        for i, word in enumerate(words):
            if word.islower():
                common.add(word)
            elif i > 0 and word[:1].isupper() and not word.isupper():
                capitalised.add(word.lower())
    return capitalised - common


def content_lemmas(lemmas: list[str], text: str) -> list[str]:
    """Lemmas compared for opposites: names' words left out."""
    names = _capitalised_only(text)
    return [w for w in lemmas if w not in names]


def polarity_reasons(
    claim: Claim, candidate: Candidate
) -> tuple[list[Reason], list[Reason]]:
    """(conflicts, notes) from negation and antonyms; "not realistic" = "unrealistic"."""
    region = _source_region(claim, candidate)
    claim_neg = negation_words(claim.content)
    scoped = scoped_negations(claim, candidate.text)
    source_neg = [cue for cue, _ in scoped]
    compound = compound_negation(claim, candidate)
    if compound is not None:
        side, written = compound
        if bool(claim_neg) != bool(source_neg):  # "not a NATO mission" = "a non-NATO mission"
            return [], [Reason(code="variant", detail=f'"not" is stated as "{written}"')]
        detail = (
            f'the source says "{written}": "{_shorten(region)}"'
            if side == "source"
            else f'the claim says "{written}", the source does not: "{_shorten(region)}"'
        )
        return [Reason(code="negation", detail=detail)], []
    source_lemmas = candidate.lemmas.lower().split() or WORD.findall(
        candidate.text.lower()
    )
    antonym = facts.find_antonym_conflict(
        content_lemmas([w.lower() for w in claim.lemmas], claim.content),
        content_lemmas(source_lemmas, candidate.text),
    )
    opposed = set(antonym) if antonym else set()
    claim_denies = [w for w in _claim_complement_negators(claim, candidate) if w not in opposed]
    source_denies = [w for w in source_complement_negators(claim, candidate) if w not in opposed]
    claim_negative = bool(claim_neg) != bool(claim_denies)
    source_negative = bool(source_neg) != bool(source_denies)
    negation_differs = claim_negative != source_negative
    if source_denies and negation_differs and not source_neg:
        # "ruled out Ukraine joining NATO" against "Ukraine will join NATO"
        written = (
            candidate.cue
            if candidate.cue and _cue_negator(candidate) == source_denies[0]
            else _written_form(source_denies[0], candidate.text)
        )
        at = candidate.text.find(written)
        shown = candidate.text[at:] if at >= 0 and candidate.text.find(region) > at else region
        return [
            Reason(
                code="negation",
                detail=f'the source says "{written}": "{_shorten(shown)}"',
            )
        ], []
    if claim_denies and negation_differs and not claim_neg:
        written = _written_form(claim_denies[0], claim.content)
        return [
            Reason(
                code="negation",
                detail=f'the claim says "{written}", the source does not: "{_shorten(region)}"',
            )
        ], []
    if antonym and negation_differs:
        said, wrote = antonym
        note = Reason(
            code="variant",
            detail=f'"{" ".join(claim_neg) if claim_neg else "not"} {said}" means "{wrote}"'
            if claim_neg
            else f'"{said}" means "not {wrote}"',
        )
        return [], [note]
    if antonym:
        said, wrote = antonym
        return [
            Reason(code="antonym", detail=f'claim: "{said}"; source: "{wrote}"')
        ], []
    if negation_differs:
        if source_neg:
            detail = f'the source says "{source_neg[0]}": "…{scoped[0][1]}…"'
        else:
            detail = f'the claim says "{claim_neg[0]}", the source does not: "{_shorten(region)}"'
        return [Reason(code="negation", detail=detail)], []
    return [], []


COMPLEMENT_SCOPE = 12  # lemmas after "ruled out"/"denied" that its complement may span
SCOPE_BREAKS = frozenset({"but", "while", "although", "though", "whereas", "however"})


def source_complement_negators(claim: Claim, candidate: Candidate) -> list[str]:
    """Source predicates that deny the part of the sentence stating the claim
    ("ruled out the possibility of Ukraine joining NATO"), which the claim does not share.

    A lemma scan of the stored passage: no parse per candidate.
    """
    lemmas = candidate.lemmas.lower().split() or WORD.findall(candidate.text.lower())
    if not lemmas:
        return []
    keys = set(claim.key_lemmas) | _name_words(claim)
    vocabulary, by_prefix = _claim_vocabulary(claim)
    found: list[str] = []
    cue = _cue_negator(candidate)
    if cue is not None and not word_covered(cue.split()[0], vocabulary, by_prefix):
        found.append(cue)  # "Kulik denied that the talks had failed": the whole quote is denied
    for position, word in complement_negators(lemmas):
        head = word.split()[0]
        if head in keys or word_covered(head, vocabulary, by_prefix):
            continue  # the claim says it too ("dismissed", "doubtful"): no flip
        following: list[str] = []
        for lemma in lemmas[position + 1 : position + 1 + COMPLEMENT_SCOPE]:
            if lemma in SCOPE_BREAKS:
                break
            following.append(lemma)
        if any(_bears_on(w, keys) for w in following):
            found.append(word)
    return found


CUE_NEGATORS = {"deni": "deny", "deny": "deny", "reje": "reject", "dism": "dismiss",
                "refu": "refute", "rebu": "rebuff", "doub": "doubt", "disp": "disprove"}  # fmt: skip


def _cue_negator(candidate: Candidate) -> str | None:
    """The negating reporting verb of a reported quote ("denied", "ruled out"), as a lemma."""
    if candidate.kind != "quote" or not candidate.cue:
        return None
    cue = candidate.cue.lower()
    if cue.startswith("rul") and "out" in cue.split():
        return "rule out"
    word = CUE_NEGATORS.get(cue[:4])
    if word == "refute" and cue.startswith("refus"):
        return "refuse"
    return word


def _claim_complement_negators(claim: Claim, candidate: Candidate) -> list[str]:
    """Claim predicates that deny their complement and that the source does not state."""
    found = complement_negators([w.lower() for w in claim.lemmas])
    words = [w for _, w in found]
    if not words:
        return []
    stated = states_words(candidate, [w.split()[0] for w in words])
    return [w for w in words if w.split()[0] not in stated]


def _claim_vocabulary(claim: Claim) -> tuple[set[str], dict[str, list[str]]]:
    vocabulary = {w.lower() for w in claim.lemmas} | {
        w.lower() for w in WORD.findall(claim.content)
    }
    by_prefix: dict[str, list[str]] = {}
    for word in vocabulary:
        if len(word) >= 5:
            by_prefix.setdefault(word[:4], []).append(word)
    return vocabulary, by_prefix


def _written_form(word: str, text: str) -> str:
    """How the text writes a lemma: "rule out" -> "ruled out", "deny" -> "denied"."""
    if word == "rule out":
        pattern = r"\brul\w*\s+(?:\w+\s+){0,2}?out\b"
    else:
        stem = word[:-1] if word.endswith(("y", "e")) else word
        pattern = rf"\b{re.escape(stem)}\w*"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else word


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------
# numbers and dates


def quantity_reasons(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool]:
    """(number conflicts, whether every claim number is stated or contradicted by the source)."""
    reasons: list[Reason] = []
    for said in claim.quantities:
        # hours vs days compare; percent vs troops, an age vs a duration do not
        same_kind = [w for w in candidate.quantities if facts.comparable(said, w)]
        same_kind.sort(key=lambda w: w.unit != said.unit)  # report the same unit first
        comparisons = [facts.compare_quantities(said, wrote) for wrote in same_kind]
        if any(c.relation == "consistent" for c in comparisons):
            continue
        mismatch = next((c for c in comparisons if c.relation == "mismatch"), None)
        if mismatch is None:
            return reasons, False
        reasons.append(Reason(code="number_mismatch", detail=mismatch.detail))
    return reasons, True


YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?![\d,.]\d)")


def year_reasons(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool]:
    """(year conflicts, whether the claim's years are stated or contradicted): 2016 vs 2020."""
    source_years = set(YEAR.findall(candidate.text))
    reasons: list[Reason] = []
    for year in claim.years:
        if str(year) in source_years:
            continue
        if not source_years:
            return reasons, False
        reasons.append(
            Reason(
                code="date_mismatch",
                detail=f"claim: {year}; source: {', '.join(sorted(source_years))}",
            )
        )
    return reasons, True


def _weekday_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w in WEEKDAYS]


def date_reasons(claim: Claim, candidate: Candidate) -> tuple[list[Reason], bool]:
    """(date conflicts, whether the claim's dates/weekdays are stated or contradicted)."""
    reasons: list[Reason] = []
    source_days = [d.strftime("%A").lower() for d in candidate.dates] + _weekday_words(
        candidate.text
    )
    for said in claim.dates:
        if claim.dates_have_year:
            same = [d for d in candidate.dates if d == said]
        else:
            same = [
                d for d in candidate.dates if (d.month, d.day) == (said.month, said.day)
            ]
        if same:
            continue
        if not candidate.dates:
            return reasons, False
        reasons.append(
            Reason(
                code="date_mismatch",
                detail=f"claim: {_format_day(said, claim.dates_have_year)}; "
                f"source: {', '.join(_format_day(d, True) for d in candidate.dates[:2])}",
            )
        )
    for weekday in claim.weekdays:
        if weekday.lower() in source_days:
            continue
        if not source_days:
            return reasons, False
        described = [
            f"{d.strftime('%A')} ({_format_day(d, True)})" for d in candidate.dates[:1]
        ]
        described = described or [
            w.capitalize() for w in _weekday_words(candidate.text)[:1]
        ]
        reasons.append(
            Reason(
                code="date_mismatch", detail=f"claim: {weekday}; source: {described[0]}"
            )
        )
    return reasons, True


def _format_day(day: dt.date, with_year: bool) -> str:
    return (
        f"{day.day} {day.strftime('%b')} {day.year}"
        if with_year
        else f"{day.day} {day.strftime('%b')}"
    )


# ---------------------------------------------------------------------------
# quotes


def _is_function_word(word: str) -> bool:
    return word in STOP_WORDS and word not in NEGATORS


def _spelling_variant(a: str, b: str) -> bool:
    """ "recognising"/"recognizing", "Kiev"/"Kyiv", "defence"/"defense": one word, spelt differently."""
    if (
        facts.canonical_entity(a, "GPE") == facts.canonical_entity(b, "GPE")
        and a[:1] == b[:1]
    ):
        return True
    if a.isdigit() or b.isdigit():
        return False
    return a[:2] == b[:2] and fuzz.ratio(a, b) >= 75


def quote_reasons(
    quoted: str, candidate: Candidate, span: tuple[int, int], other_wordings: set[str]
) -> tuple[list[Reason], list[Reason]]:
    """(misquote conflicts, variant notes): the word-level difference of the claim's quoted words."""
    said = WORD.findall(normalise_text(quoted))
    start, end = span
    before = WORD.findall(normalise_text(candidate.text[:start]))[-3:]
    after = WORD.findall(normalise_text(candidate.text[end:]))[:3]
    wrote = before + WORD.findall(normalise_text(candidate.text[start:end])) + after
    ops = SequenceMatcher(a=said, b=wrote, autojunk=False).get_opcodes()
    while ops and ops[0][0] == "insert":  # source words before the quoted part
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    conflicts: list[Reason] = []
    notes: list[Reason] = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        claim_words, source_words = said[i1:i2], wrote[j1:j2]
        context = said[max(0, i1 - 3) : i1]
        shown_source = " ".join(context + source_words + said[i2 : i2 + 1])
        shown_claim = " ".join(context + claim_words + said[i2 : i2 + 1])
        diff = f'"{shown_source}" → "{shown_claim}" (source → claim)'
        negation_changed = {w for w in claim_words if w in NEGATORS} != {
            w for w in source_words if w in NEGATORS
        }
        numbers_changed = [w for w in claim_words if w.isdigit()] != [
            w for w in source_words if w.isdigit()
        ]
        if (
            op == "replace"
            and facts.find_antonym_conflict(claim_words, source_words)
            or negation_changed
            or numbers_changed
        ):
            conflicts.append(Reason(code="misquote", detail=diff))
        elif (
            op == "replace"
            and len(claim_words) == len(source_words)
            and all(_spelling_variant(a, b) for a, b in zip(claim_words, source_words))
        ):
            notes.append(
                Reason(
                    code="variant", detail=f"{diff}: a spelling variant, not a misquote"
                )
            )
        elif all(_is_function_word(w) for w in claim_words + source_words):
            notes.append(
                Reason(
                    code="variant",
                    detail=f"{diff}: a difference in wording, not in meaning",
                )
            )
        elif op == "insert":
            notes.append(
                Reason(code="variant", detail=f"{diff}: the claim leaves words out")
            )
        elif all(w in other_wordings or _is_function_word(w) for w in claim_words):
            notes.append(
                Reason(
                    code="variant",
                    detail=f"{diff}: another outlet's wording (translation), not a misquote",
                )
            )
        else:
            conflicts.append(Reason(code="misquote", detail=diff))
    return conflicts, notes


# ---------------------------------------------------------------------------
# the predicate, stated by a word of its own


def _lemma_covers(word: str, lemmas: set[str]) -> set[str]:
    """The source lemmas that state `word`: itself, a synonym, or a word of its stem."""
    found = ({word} | SYNONYMS.get(word, frozenset())) & lemmas
    if len(word) >= 5:
        found |= {
            lemma
            for lemma in lemmas
            if len(lemma) >= 5
            and lemma[:4] == word[:4]
            and word_covered(word, set(), {word[:4]: [lemma]})
        }
    return found


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


# ---------------------------------------------------------------------------
# the decision


def assess(
    claim: Claim,
    candidate: Candidate,
    alignment: Alignment,
    *,
    speakers: SpeakerResolver,
    other_wordings: set[str] | None = None,
    weights: dict[str, float] | None = None,
) -> Assessment | None:
    """Supports or conflicts, with reasons; None when the candidate is merely related."""
    conflicts: list[Reason] = []
    notes: list[Reason] = []
    long_quotes = [q for q in claim.quoted if len(q.split()) >= LONG_QUOTE_WORDS]
    same_quote = (
        bool(long_quotes)
        and alignment.quote_score >= STRONG_QUOTE
        and alignment.quote_span
    )
    if long_quotes and not same_quote:
        return None

    # Names: each must be in the source, or swapped for another in the same role.
    unexplained = 0
    denial = _denying_predicate(claim)
    for name in claim.names:
        if name_present(name, candidate):
            continue
        if denial and _is_quote_speaker(name, candidate, speakers):
            continue  # "Brand ruled out ..." against Brand's own words
        swap = find_entity_swap(claim, name, candidate)
        if swap is None:
            unexplained += 1
            continue
        conflicts.append(
            Reason(
                code="entity_mismatch",
                detail=f"claim: {name.text}; source: {swap.text}",
            )
        )
    if unexplained:
        return None
    conflicts.extend(addressee_swaps(claim, candidate))
    explained = {
        w.lower() for r in conflicts for w in WORD.findall(r.detail.split(";")[0])
    }
    opposite = facts.find_antonym_conflict(
        content_lemmas([w.lower() for w in claim.lemmas], claim.content),
        content_lemmas(candidate.lemmas.lower().split(), candidate.text),
    )
    if opposite:
        explained.add(opposite[0])  # "fell" is stated, as its opposite "rose"
    explained |= reception_stated(claim, candidate)  # "won praise" / "sparked backlash"
    if denial and scoped_negations(claim, candidate.text):
        explained.add(denial)  # "ruled out sending troops" is stated as "will not send troops"
    missing = [w for w in alignment.missing if w not in explained]
    keys = [k for k in claim.key_lemmas]
    coverage = (
        weighted_coverage(keys, missing, weights)
        if keys
        else (1.0 if same_quote else 0.0)
    )
    # a circumstance the reporter added ("after his speech") lowers the score, not the match
    core = [k for k in keys if k not in claim.adjunct_lemmas]
    if len(core) < 2:
        core = keys
    core_missing = [w for w in missing if w in core]
    core_coverage = weighted_coverage(core, core_missing, weights) if core else coverage
    # the score floor drops by what the unstated circumstance cost the coverage
    score_floor = MIN_SCORE * (coverage / core_coverage if core_coverage else 1.0)
    if not same_quote and (core_coverage < MIN_COVERAGE or alignment.score < score_floor):
        return None
    if not same_quote and len(core_missing) > len(core) // 3:
        return None  # a short claim must be stated whole; a long one may lose a word in three

    if not same_quote and claim.negated_words:
        denied = [w for w in claim.negated_words if w not in explained]
        if set(denied) - states_words(candidate, denied):
            return None  # "not enough" vs a sentence without "enough": not about the same thing

    if not same_quote and claim.predicate and claim.predicate in missing:
        return (
            None  # the source does not state (or oppose) what the claim says happened
        )
    if not same_quote and not predicate_stated_apart(claim, candidate):
        return None  # one source word standing for the claim's verb and its object

    names = _name_words(claim)
    facts_stated = (
        len(claim.quantities)
        + len(claim.dates)
        + len(claim.weekdays)
        + len(claim.years)
    )
    information = len([k for k in keys if k not in names]) + facts_stated
    if claim.negated and (
        scoped_negations(claim, candidate.text) or source_complement_negators(claim, candidate)
    ):
        information += 1  # "will not join" matched by "ruled out ... joining": the denial is stated
    if (
        not same_quote
        and information < 2
        and alignment.partial < LOW_INFORMATION_PARTIAL
    ):
        return None  # little beyond names: only a close wording is evidence

    if (
        claim.speaker
        and candidate.kind == "fact"
        and not _may_be_speaker(claim, candidate, speakers)
    ):
        return None  # someone else's statement about the same things

    someone_else = (
        claim.speaker
        and candidate.kind == "quote"
        and candidate.speaker
        and not any(
            speakers.same_person(said_by, candidate.speaker)
            for said_by in [claim.speaker, *claim.co_speakers]
        )
    )
    if someone_else:
        verbatim = same_quote or (
            alignment.partial >= VERBATIM_PARTIAL and coverage >= 0.8
        )
        if not verbatim:
            return None  # another person saying something similar is not evidence
        if claim.speaker_role and claim.speaker == claim.speaker_mention:
            return None  # an office nobody here is said to hold: unknown, not someone else
        conflicts.append(
            Reason(
                code="speaker_mismatch",
                detail=f"the quote is {_possessive(candidate.speaker)}, not {_possessive(claim.speaker)}",
            )
        )

    if same_quote and alignment.quote_span is not None:
        quoted = max(long_quotes, key=len)
        misquotes, variants = quote_reasons(
            quoted, candidate, alignment.quote_span, other_wordings or set()
        )
        conflicts.extend(misquotes)
        notes.extend(variants)
    else:
        polarity, polarity_notes = polarity_reasons(claim, candidate)
        conflicts.extend(polarity)
        notes.extend(polarity_notes)

    number_conflicts, numbers_stated = quantity_reasons(claim, candidate)
    date_conflicts, dates_stated = date_reasons(claim, candidate)
    year_conflicts, years_stated = year_reasons(claim, candidate)
    conflicts.extend(number_conflicts)
    conflicts.extend(date_conflicts)
    conflicts.extend(year_conflicts)
    if not conflicts and not (numbers_stated and dates_stated and years_stated):
        return None  # it does not state the claim's number or date: merely related

    if (
        conflicts
        and alignment.score < MIN_CONFLICT_SCORE
        and all(r.code in LOOSE_CONFLICTS for r in conflicts)
    ):
        return None  # a "not" or an opposite word in a loosely aligned sentence: related only
    if not conflicts and not claim.negated and negated_light_verbs(claim, candidate.text):
        return None  # "warned Europe not to take advantage": a "not" on another predicate, unsure
    stance: Stance = "conflicts" if conflicts else "supports"
    return Assessment(
        stance=stance,
        reasons=conflicts if conflicts else notes,
        score=alignment.score,
        highlight=alignment.highlight,
    )


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


def addressee_swaps(claim: Claim, candidate: Candidate) -> list[Reason]:
    """ "told The Boston Herald" against "told The Boston Globe's Anna Reyes": an
    organisation outside what is claimed, swapped for another in its slot. Compared as
    whole names ("Post" alone is not "The Washington Post"); when the source names no
    organisation there, the claim is not contradicted."""
    reasons: list[Reason] = []
    for name in claim.addressees:
        if name_present(name, candidate):
            continue
        swap = find_entity_swap(claim, name, candidate, written_in=claim.text)
        if swap is None or swap.label != "ORG":
            continue
        shown = re.sub(r"(?:['’]s|['’])$", "", swap.text).strip()
        reasons.append(
            Reason(code="entity_mismatch", detail=f"claim: {name.text}; source: {shown}")
        )
    return reasons


def _denying_predicate(claim: Claim) -> str | None:
    """The claim's main verb when it denies its complement ("ruled out", "rejected")."""
    if not claim.predicate:
        return None
    found = complement_negators([w.lower() for w in claim.lemmas])
    heads = {w.split()[0] for _, w in found}
    return claim.predicate if claim.predicate in heads else None


def _is_quote_speaker(name: Entity, candidate: Candidate, speakers: SpeakerResolver) -> bool:
    return (
        candidate.kind == "quote"
        and bool(candidate.speaker)
        and name.label in ("PERSON", "PROPN", "ORG")
        and speakers.same_person(name.text, candidate.speaker or "")
    )


def _name_words(claim: Claim) -> set[str]:
    return {w.lower() for n in claim.names for w in WORD.findall(n.text)}


def _may_be_speaker(
    claim: Claim, candidate: Candidate, speakers: SpeakerResolver
) -> bool:
    """Could this sentence report the claimed speaker's words? It names them, or goes on about "he"/"she"."""
    assert claim.speaker is not None
    if _attributed_to_another(claim, candidate, speakers):
        return False
    surnames = {claim.speaker.split()[-1]} | {p.split()[-1] for p in claim.co_speakers}
    if claim.speaker_mention:
        surnames.add(claim.speaker_mention.split()[-1])
    for entity in candidate.entities:
        if entity.label == "PERSON" and speakers.same_person(
            entity.text, claim.speaker
        ):
            surnames.add(entity.text.split()[-1])
    if any(_speaks(candidate.text, surname) for surname in surnames):
        return True
    first = WORD.findall(candidate.text.lower())[:1]
    return (
        bool(first)
        and first[0] in PRONOUN_OPENERS
        or candidate.text.lstrip()[:1] in "\"“‘'"
    )


ATTRIBUTION = re.compile(
    r"(?:[,.!?\"”]\s*|\b)(?:said|says|told|added|stressed|insisted|noted|explained)\s+"
    r"(?P<after>(?:[A-Z][\w.’'-]*\s*){1,4})"
    r"|(?P<before>(?:[A-Z][\w.’'-]*\s+){1,4})(?:said|says|told|added|stressed|insisted|noted)\b"
)


SPEAKING = frozenset(
    ["said", "say", "says", "told", "tell", "tells", "added", "adds", "stressed", "emphasized", "emphasised", "insisted", "warned", "urged", "called", "noted", "argued", "wrote", "declared", "announced", "believes", "believe", "believed", "thinks", "think", "thought", "wants", "want", "wanted", "vowed", "promised", "pledged", "acknowledged", "admitted", "denied", "rejected", "reiterated", "explained", "claimed", "suggested", "asserted", "laid", "made", "described", "agreed", "refused", "repeated", "confirmed", "predicted", "hoped", "expects", "expected", "according", "accused", "criticised", "criticized", "praised", "dismissed", "ruled", "questioned", "replied", "responded", "posted", "tweeted"]
)


def _inflections(verb: str) -> set[str]:
    """ "mention" -> mention, mentions, mentioned; "note" -> notes, noted."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, f"{verb}s", f"{stem}ed", f"{verb}es"}


# every attributing verb of a claim, as a source may write it ("mentioned", "pointed out")
SPEAKING = SPEAKING | frozenset(w for v in SPEECH_VERBS for w in _inflections(v))


def _speaks(text: str, surname: str) -> bool:
    """The sentence has the person speaking (or taking a stand), not merely mentioned:
    "Hegseth said", "said Hegseth", "Hegseth, speaking in Brussels, warned", "according to Hegseth"."""
    words = [w.lower() for w in WORD.findall(text)]
    target = surname.lower().replace("’", "'")
    for i, word in enumerate(words):
        if re.sub(r"'s?$", "", word) != target:
            continue
        if word.endswith("'s"):
            return True  # "Hegseth's remarks", "Hegseth’s message"
        if SPEAKING & set(words[max(0, i - 3) : i]) or SPEAKING & set(words[i + 1 : i + 8]):
            return True
    return False


def _attributed_to_another(
    claim: Claim, candidate: Candidate, speakers: SpeakerResolver
) -> bool:
    """ "…," Hegseth said: a sentence attributed to someone else is not the claimed speaker's."""
    assert claim.speaker is not None
    found = False
    for match in ATTRIBUTION.finditer(candidate.text):
        if match.group("after") and _opens_content(candidate.text, match):
            continue  # "has said Georgia will ...": the name opens what was said
        named = (match.group("after") or match.group("before") or "").strip()
        words = [w for w in named.split() if w.lower().rstrip(".") not in TITLE_WORDS]
        if not words:
            continue
        person = " ".join(words)
        for said_by in [claim.speaker, *claim.co_speakers]:
            if speakers.same_person(person, said_by) or any(
                w.lower() in said_by.lower().split() for w in words
            ):
                return False
        found = True
    return found


def _opens_content(text: str, match: re.Match[str]) -> bool:
    """ "X has said Georgia will not ...": no punctuation before the verb, and the name
    runs on into a clause, so it is the subject of the reported words, not who says them."""
    if re.search(r"[,.!?\"”]\s*$", text[: match.start() + 1]):
        return False
    rest = WORD.findall(text[match.end() :])[:1]
    return bool(rest) and rest[0].islower()


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# ---------------------------------------------------------------------------
# one word swapped for another in the same slot ("schoolteacher" -> "journalist")

NOMINAL = frozenset({"NOUN", "PROPN"})
SLOT_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADV"})
NAMED_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})
ROLE_ENDINGS = ("ist", "ian", "man", "woman", "person", "eer", "ier", "teacher", "worker",
                "officer", "er", "or", "ess", "ant", "ent")  # fmt: skip
ROLE_WORDS = TITLE_WORDS | frozenset(
    "nurse doctor journalist reporter teacher student soldier diplomat official activist "
    "lawyer pilot priest citizen tourist businessman worker farmer scientist athlete "
    "spy hostage prisoner detainee captive negotiator envoy".split()
)


class Substitution(BaseModel):
    """A claim word and the different source word standing in its slot."""

    claim_word: str
    source_word: str
    kind: Literal["entity_mismatch", "antonym", "unrelated"]


def _slot(token: SpacyToken) -> tuple[SpacyToken, str, str]:
    """(content head, relation, preposition): "release of an American journalist" ->
    (release, pobj, of) for "journalist"."""
    head, relation, preposition = token.head, token.dep_, ""
    if head.pos_ == "ADP" and head.head is not head:
        preposition = head.lemma_.lower()
        head = head.head
    return head, relation, preposition


def _same_head(claim_head: SpacyToken, source_head: SpacyToken) -> bool:
    a, b = claim_head.lemma_.lower(), source_head.lemma_.lower()
    if a == b or b in SYNONYMS.get(a, ()):
        return True
    return word_covered(a, set(), {b[:4]: [b]}) if len(a) >= 5 and len(b) >= 5 else False


def _is_role_or_place(token: SpacyToken) -> bool:
    """A word naming a person, role, place or organisation (the fillers of "the same role")."""
    if token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS:
        return True
    lemma = token.lemma_.lower()
    return lemma in ROLE_WORDS or (len(lemma) >= 6 and lemma.endswith(ROLE_ENDINGS))


def _pos_class(token: SpacyToken) -> str:
    return "NOMINAL" if token.pos_ in NOMINAL else token.pos_


def _paraphrase_of(claim_word: str, source_word: str) -> bool:
    """Synonyms, a shared stem, spelling or translation variants, and a hypernym written
    inside the other word ("teacher"/"schoolteacher")."""
    a, b = claim_word, source_word
    if a == b or b in SYNONYMS.get(a, ()) or a in SYNONYMS.get(b, ()):
        return True
    if len(a) >= 4 and len(b) >= 4 and (a.endswith(b) or b.endswith(a)):
        return True
    if _spelling_variant(a, b):
        return True
    return word_covered(a, set(), {b[:4]: [b]}) if len(a) >= 5 and len(b) >= 5 else False


def find_substitution(
    claim: Claim, claim_doc: SpacyDoc, source_doc: SpacyDoc, missing: list[str]
) -> Substitution | None:
    """A claim content word the source does not state, with a different word of the same
    kind filling its slot in the source (same head, relation and preposition).

    Only the claim's unstated words are looked at, so synonyms and stems (which count as
    stated) never get here.
    """
    unstated = set(missing)
    claim_lemmas = {t.lemma_.lower() for t in claim_doc} | {
        t.lower_ for t in claim_doc
    }
    source_lemmas = {t.lemma_.lower() for t in source_doc} | {t.lower_ for t in source_doc}
    for token in claim_doc:
        lemma = token.lemma_.lower()
        if token.pos_ not in SLOT_POS or lemma not in unstated or lemma in source_lemmas:
            continue
        if lemma in claim.adjunct_lemmas or token.is_stop:
            continue  # a circumstance the reporter added may be worded freely
        head, relation, preposition = _slot(token)
        if head is token:
            continue
        for other in source_doc:
            word = other.lemma_.lower()
            if (
                other.pos_ not in SLOT_POS
                or _pos_class(other) != _pos_class(token)
                or other.is_stop
                or word in claim_lemmas
                or other.lower_ in claim_lemmas
            ):
                continue
            source_head, source_relation, source_preposition = _slot(other)
            if (
                source_head is other
                or source_relation != relation
                or source_preposition != preposition
                or not _same_head(head, source_head)
            ):
                continue
            if _paraphrase_of(lemma, word):
                break  # the claim's word is stated in other words
            if facts.are_antonyms(lemma, word):
                return Substitution(claim_word=token.text, source_word=other.text, kind="antonym")
            if token.pos_ in NOMINAL and _is_role_or_place(token) and _is_role_or_place(other):
                return Substitution(
                    claim_word=token.text, source_word=other.text, kind="entity_mismatch"
                )
            return Substitution(claim_word=token.text, source_word=other.text, kind="unrelated")
    return None
