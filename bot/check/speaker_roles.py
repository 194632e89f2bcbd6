"""A speaker described by office: who is "the Ukrainian president" in these articles?

A claim may name its speaker only by office. Before the stance rules run, the
claim's speaker becomes the person whose well-aligned quote sits in an article
that introduces them with that office ("Ukrainian President Volodymyr
Zelenskiy"). When nobody here is said to hold it, the office itself stays the
speaker, so that another person's similar words are not taken for theirs.

A claim that names its speaker *with* an office ("Health Minister Ana Ruiz")
is checked the other way round: when the sources introduce that person with
another office of the same kind ("Finance Minister Ana Ruiz") and never with
the claimed one, the claim records it (`Claim.office_swap`) and the stance
rules make it an entity_mismatch, however well the words themselves match.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.language import facts
from bot.check.claims import Claim
from bot.check.article_passages import article_passages
from bot.check.retrieve import WORD, Candidate
from bot.language.speakers import ROLE_NOUNS, TITLE_WORDS, role_equivalents, strip_titles
from bot.store.base import Store

ROLE_WINDOW = 6  # words before a name that may introduce it with its office
ROLE_COVERAGE = 0.5  # share of the claim's words a quote must state before we ask who said it
OFFICE_ARTICLES = 4  # articles read for how they introduce a speaker the claim gives an office
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame the a an of".split())
TENURE_WORDS = frozenset("former acting incoming outgoing then late current new interim".split())
OFFICE_STOP = frozenset(
    """on in at and but as after before when while with by for from to said says
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)


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
    """The text writes the office just before the person's name ("Ukrainian President
    Volodymyr Zelenskiy" for ["ukraine", "president"] and "Volodymyr Zelensky") or just
    after it ("Maria Lind, president of the Port Authority")."""
    words = [w.lower().replace(".", "").replace("’", "'") for w in WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    name = [w.lower() for w in WORD.findall(person)]
    wanted = [_word_forms(r) for r in role]
    for i, word in enumerate(words):
        if not any(fuzz.ratio(word, n) >= 85 for n in name[-1:]):
            continue
        window = words[max(0, i - ROLE_WINDOW - len(name) + 1) : i]
        window += _appositive_words(name[-1], text)  # "Maria Lind, president of the ..."
        joined = " ".join(window)
        if all(
            any(_matches_form(w, forms) for w in window)
            or any(" " in f and f in joined for f in forms)
            for forms in wanted
        ):
            return True
    return False


APPOSITIVE = r"\b{}(?:['’]s)?\s*,\s*(?!who\b|which\b|whose\b|and\b|but\b)([^,.;:\"“”]+)"


def _appositive_words(surname: str, text: str) -> list[str]:
    """The words of an office set after the name between commas: "Lind, president of the
    Port Authority, said" -> ["president", "of", "the", "port", "authority"]."""
    match = re.search(APPOSITIVE.format(re.escape(surname)), text, re.IGNORECASE)
    if match is None:
        return []
    words = [w.lower().replace(".", "") for w in WORD.findall(match.group(1))]
    return words[: ROLE_WINDOW + 2]


def resolve_role(
    claim: Claim,
    candidates: list[Candidate],
    covered: list[set[str]],
    store: Store,
) -> Claim:
    """The person a described speaker is: the speaker of a well-aligned quote whose
    article introduces them with that office. A named speaker given an office the
    sources give them otherwise gets `office_swap` (see `check_office`)."""
    if claim.speaker and not claim.speaker_role:
        return check_office(claim, candidates, covered, store)
    if not claim.speaker_role or claim.speaker:
        return claim
    named = _named_with_office(claim, candidates)
    if named is not None:  # "Ana Ruiz, the health minister, said": a name, its office beside it
        return check_office(
            claim.model_copy(update={"speaker": named, "speaker_role": []}),
            candidates,
            covered,
            store,
        )
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


def _named_with_office(claim: Claim, candidates: list[Candidate]) -> str | None:
    """The person a mention names beside their office ("Ana Ruiz, the health minister"):
    a quoted speaker of the candidates with that surname, else the name as written before
    its apposition (the quotes at hand may all be someone else's: "Gil Amundsen, the
    county's director, said" words that are Petrakis')."""
    name: list[str] = []
    for word in (claim.speaker_mention or "").split():  # the leading run of name words
        if not word[:1].isupper() or word.lower() in TITLE_WORDS or _is_country_word(word):
            break
        name.append(word)
    named = " ".join(name)
    if not named or named.split()[-1].lower() not in claim.speaker_role:
        return None
    surname = named.split()[-1].lower()
    return next(
        (
            c.speaker
            for c in candidates
            if c.kind == "quote" and c.speaker and c.speaker.split()[-1].lower() == surname
        ),
        named if f"{named}," in claim.text else None,  # "Name, the office": an apposition
    )


def claimed_office(claim: Claim) -> list[str]:
    """The office words the claim writes before its speaker's name
    ("Health Minister Ana Ruiz" -> ["health", "minister"]); [] for a bare name."""
    mention = claim.speaker_mention or ""
    name = {w.lower() for w in WORD.findall(strip_titles(mention))}
    name |= {w.lower() for w in WORD.findall(claim.speaker or "")}
    words = [w.lower().replace("’", "'") for w in WORD.findall(mention)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    office = [w for w in words if w not in name and w not in HONORIFICS]
    if len(office) < 2 or office[-1] not in ROLE_NOUNS:
        return []
    return office


def written_offices(person: str, text: str) -> list[list[str]]:
    """Offices a text writes right before the person's name: "Finance Minister Ana Ruiz"
    -> [["finance", "minister"]] (capitalised title words, up to four)."""
    surname = person.split()[-1].lower()
    given = {w.lower() for w in person.split()[:-1]}
    tokens = re.findall(r"[\w’'.-]+|[^\w\s]", text)
    found: list[list[str]] = []
    for i, token in enumerate(tokens):
        if re.sub(r"(?:'|’)s$", "", token).lower() != surname:
            continue
        j = i - 1
        while j >= 0 and tokens[j].lower() in given:
            j -= 1
        office: list[str] = []
        while j >= 0 and len(office) < 4:
            word = tokens[j]
            key = word.lower().rstrip(".")
            if not word[:1].isupper() or key in OFFICE_STOP or not re.match(r"\w", word):
                break
            office.insert(0, key[:-2] if key.endswith("'s") else key)
            j -= 1
        if office and office[-1] in ROLE_NOUNS and all(
            w in TITLE_WORDS or w.isalpha() for w in office
        ):
            found.append(office)
    return found


def _same_office_kind(claimed: list[str], written: list[str]) -> bool:
    """Both name the same kind of post ("minister"), the claimed qualifier differing:
    "health minister" vs "finance minister"; "minister" vs "finance minister" does not differ."""
    head, other_head = claimed[-1], written[-1]
    if other_head not in role_equivalents(head) and head not in role_equivalents(other_head):
        return False
    claim_unmatched = [
        w for w in claimed[:-1] if not any(_matches_form(o, _word_forms(w)) for o in written[:-1])
    ]
    source_unmatched = [
        w for w in written[:-1] if not any(_matches_form(o, _word_forms(w)) for o in claimed[:-1])
    ]
    # a country against a country, a portfolio against a portfolio ("US" and "former" are
    # different things to say about one office, not two offices)
    return any(
        _is_country_word(a) == _is_country_word(b)
        for a in claim_unmatched
        if a not in TENURE_WORDS
        for b in source_unmatched
        if b not in TENURE_WORDS
    )


def _is_country_word(word: str) -> bool:
    return any(
        len(facts.country_forms(facts.canonical_entity(word, label))) > 1
        for label in ("GPE", "NORP")
    )


def _holds(claimed: list[str], written: list[str]) -> bool:
    """The written office is the claimed one (or more precise): "Finance Minister" holds
    "minister" and "finance minister"."""
    head, other_head = claimed[-1], written[-1]
    if other_head not in role_equivalents(head) and head not in role_equivalents(other_head):
        return False
    return all(
        any(_matches_form(w, _word_forms(c)) for w in written[:-1]) for c in claimed[:-1]
    )


def check_office(
    claim: Claim,
    candidates: list[Candidate],
    covered: list[set[str]],
    store: Store,
) -> Claim:
    """`office_swap` = how the sources introduce the speaker, when they give them another
    office of the same kind and never the claimed one (the claimed office is someone else's)."""
    office = claimed_office(claim)
    speaker = claim.speaker or ""
    if not office or not speaker:
        return claim
    keys = len(claim.key_lemmas) or 1
    articles = []
    for candidate, found in sorted(
        zip(candidates, covered), key=lambda ck: -len(ck[1])
    ):
        if len(found) / keys < ROLE_COVERAGE:
            continue
        if candidate.article.path not in [a.path for a in articles]:
            articles.append(candidate.article)
        if len(articles) >= OFFICE_ARTICLES:
            break
    other: list[str] | None = None
    for article in articles:
        for passage in article_passages(store, article):
            for written in written_offices(speaker, passage.text):
                if _same_office_kind(office, written):
                    other = other or written
                elif _holds(office, written):
                    return claim  # a source gives them the claimed office
    if other is None:
        return claim
    shown = " ".join(w.title() if len(w) > 3 else w.upper() for w in other)
    return claim.model_copy(update={"office_swap": f"{shown} {speaker}"})
