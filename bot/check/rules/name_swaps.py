"""Names: does the source mention the claim's names, or put another in their place?

Evidence must state every name the claim mentions. A name the source does not
write is either a gap (the candidate is merely related) or a swap: another
entity of the same kind standing where the claim's stands ("the Atlantic" ->
"the Pacific", "told The Boston Herald" -> "The Boston Globe"), which is an
entity_mismatch conflict.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from bot.language import facts
from bot.check.claims import Claim
from bot.core.models import Entity, Reason
from bot.check.retrieve import WORD, Candidate
from bot.language.speakers import POSSESSIVE

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
CONNECTORS = frozenset({"of", "and", "the", "for", "&"})
# nouns of a site a place name qualifies ("its Ashford plant"), by their first five letters
SITE_NOUNS = frozenset(
    w[:5]
    for w in """plant factory site depot warehouse works facility branch store mill yard
    office headquarters base terminal hospital campus centre center""".split()
)


def name_words(claim: Claim) -> set[str]:
    """The lower-cased words of the claim's names."""
    return {w.lower() for n in claim.names for w in WORD.findall(n.text)}


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """Lower-case words without dots and possessives: "the U.S.'s" -> " the us ". Kept per
    text: each of a claim's names is looked for in the same candidates, check after check."""
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
    return acronym_stated(name.text, candidate.text)


def acronym_stated(word: str, text: str) -> bool:
    """ "DNR" (or "D.N.R.") is stated by "the Department of Natural Resources" in `text`."""
    bare = word.replace(".", "")
    return bare.isupper() and 2 <= len(bare) <= 6 and _acronym_in(bare, text)


def labels_compatible(a: str, b: str) -> bool:
    """Entities of one kind: the same label, two kinds of place, or an untyped proper noun."""
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
        if (
            _folded(entity.text) in claim_text
            or entity.canonical.lower() == missing.canonical.lower()
        ):
            continue
        if _same_place_noun(claim_words, missing, candidate.text, entity):
            return entity
        if _same_kind(missing, entity):
            return entity
        if not labels_compatible(missing.label, entity.label):
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


def _same_kind(missing: Entity, entity: Entity) -> bool:
    """Two names of one kind that differ in what sets them apart: "Castlebrook General
    Hospital" / "Harwick Memorial Hospital", "Harrowgate High School" / "Harrowgate Middle
    School". Their shared last word says the kind, whatever type the parser gave either; or
    all their words but a number ("EF-3" / "EF-2")."""
    written = [w for w in WORD.findall(missing.text) if w.lower() != "the"]
    a = [w.lower() for w in written]
    b = [w.lower() for w in WORD.findall(entity.text) if w.lower() != "the"]
    if _numbered_alike(a, b):
        return True
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not written[-1][:1].isupper():
        return False
    only_a, only_b = set(a) - set(b), set(b) - set(a)
    return bool(only_a and only_b) and all(fuzz.ratio(x, y) < 80 for x in only_a for y in only_b)


def _numbered_alike(a: list[str], b: list[str]) -> bool:
    """Two names the same but for their number: "EF-3" / "EF-2", "Ward 3" / "Ward 4"."""
    words = [w for w in a if not w.isdigit()]
    return bool(words) and words == [w for w in b if not w.isdigit()] and a != b


def _around(text: str, phrase: str) -> set[str]:
    """Content words within three words either side of `phrase`."""
    before, _ = _neighbours(text, phrase, before=3)
    words = [w for w in WORD.findall(text.lower()) if w not in ("the", "a", "an")]
    target = [w for w in WORD.findall(phrase.lower()) if w not in ("the", "a", "an")]
    after: list[str] = []
    for i in range(len(words) - len(target) + 1):
        if target and words[i : i + len(target)] == target:
            after = words[i + len(target) : i + len(target) + 3]
            break
    return {w[:5] for w in before + after if w not in STOP_WORDS and len(w) > 3}


def _same_place_noun(claim_words: str, missing: Entity, source: str, entity: Entity) -> bool:
    """Two places naming the same site noun, on either side: "the plant in Dover" against
    "its Ashford plant" (spaCy may type the source's place as anything but a person)."""
    if missing.label not in PLACE_LABELS | {"PROPN"} or entity.label in ("PERSON", "NORP"):
        return False
    shared = _around(claim_words, missing.text) & _around(source, entity.text)
    return bool(shared & SITE_NOUNS)


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
        shown = POSSESSIVE.sub("", swap.text).strip()
        reasons.append(
            Reason(code="entity_mismatch", detail=f"claim: {name.text}; source: {shown}")
        )
    return reasons


# --- where the words were said ---------------------------------------------------
# "told reporters outside City Hall: ..." -- the setting of a quote, written outside
# the quoted words. Prepositions of one group describe the same slot: a point
# ("at/outside/inside/near the gate") or a town or country ("in Brussels").
SETTING = re.compile(
    r"\b(?P<prep>at|outside|inside|near|in)\s+(?P<place>(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*|\d+)(?:\s+(?:[A-Z][\w’'-]*|\d+|of|de))*)"
)
SETTING_GROUPS = {"at": "point", "outside": "point", "inside": "point", "near": "point", "in": "town"}
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter
    a an his her their its this that one""".split()
)
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]|‘[^’]*’")


def settings_written(text: str) -> list[tuple[str, str]]:
    """(group, place) for each place a text says something happened at or in, quoted words
    left out: "told reporters outside Gate 4" -> [("point", "Gate 4")]."""
    found: list[tuple[str, str]] = []
    for match in SETTING.finditer(QUOTED.sub(" ", text)):
        place = re.sub(r"^the\s+", "", match.group("place")).strip()
        place = re.sub(r"\s+(?:of|de)$", "", place)
        first = place.split()[0].lower() if place else ""
        if not place or first in NOT_PLACES or place.isdigit():
            continue
        found.append((SETTING_GROUPS[match.group("prep")], place))
    return found


def _place_words(place: str) -> set[str]:
    return {w.lower() for w in WORD.findall(place) if w.lower() not in CONNECTORS}


def _is_country(place: str) -> bool:
    """A country may hold the town the other side names ("in Poland" / "in Warsaw")."""
    return len(facts.country_forms(facts.canonical_entity(place, "GPE"))) > 1


def setting_swaps(claim: Claim, candidate: Candidate) -> list[Reason]:
    """ "told reporters outside City Hall" against "told reporters outside Gate 4": the
    place the claim says the words were spoken, where the source puts them somewhere else.

    Only the claim's attribution (its words outside what was said) is read, and only a
    source naming another place in the same kind of slot conflicts; a source that names
    no place, or names the claim's place anywhere, does not."""
    content = claim.content if claim.content != claim.text else ""
    setting_text = claim.text.replace(content, " ") if content else ""
    claimed = settings_written(setting_text)
    if not claimed:
        return []
    source = candidate.context if candidate.kind == "quote" and candidate.context else candidate.text
    source_words = {w.lower() for w in WORD.findall(source)}
    written = settings_written(source)
    reasons: list[Reason] = []
    for group, place in claimed:
        words = _place_words(place)
        if not words or words <= source_words:
            continue  # the source names the claim's place
        other = next(
            (
                p
                for g, p in written
                if g == group
                and not (_place_words(p) & words)
                and not (group == "town" and (_is_country(p) or _is_country(place)))
            ),
            None,
        )
        if other is not None:
            reasons.append(
                Reason(code="entity_mismatch", detail=f"claim: {place}; source: {other}")
            )
    return reasons
