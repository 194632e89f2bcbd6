"""Word slots: one claim word swapped for another in the same grammatical place.

"an American schoolteacher" does not state "an American journalist", though
most words match. For the few candidates that would support a claim, the claim
and the sentence are parsed and each unstated claim word is compared with the
word filling its slot in the source (same head, relation and preposition): an
opposite is an antonym conflict, another role or place an entity_mismatch, and
any other word means the sentence says something else there.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Token as SpacyToken

from bot.language import facts
from bot.check.claims import Claim
from bot.check.parses import parsed
from bot.check.rules.misquotes import STRONG_QUOTE, dropped_qualifiers
from bot.core.models import Reason
from bot.check.retrieve import SYNONYMS, Alignment, Candidate
from bot.language.speakers import TITLE_WORDS, role_equivalents
from bot.check.stance import Assessment
from bot.check.rules.negation_scope import set_aside_claim_words, source_lemmas
from bot.check.rules.polarity import opposite_words, polarity_reasons
from bot.check.rules.name_swaps import acronym_stated
from bot.check.rules.word_equivalence import same_stem, spelling_variant

SLOT_CHECKS = 12  # supporting candidates parsed to compare word slots (per claim)
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
    return same_stem(a, b)


def _is_role_or_place(token: SpacyToken) -> bool:
    """A word naming a person, role, place or organisation (the fillers of "the same role")."""
    if token.pos_ == "PROPN" or token.ent_type_ in NAMED_LABELS:
        return True
    lemma = token.lemma_.lower()
    return lemma in ROLE_WORDS or (len(lemma) >= 6 and lemma.endswith(ROLE_ENDINGS))


def _role_for_a_name(claim_word: SpacyToken, source_word: SpacyToken) -> bool:
    """An office in the claim ("the head of ...") where the source names a person: the
    person may well hold it, so this is no swap of one role for another."""
    is_person = source_word.ent_type_ == "PERSON" or source_word.pos_ == "PROPN"
    return claim_word.pos_ == "NOUN" and claim_word.lemma_.lower() in ROLE_WORDS and is_person


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
    if spelling_variant(a, b):
        return True
    return same_stem(a, b)


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
        if acronym_stated(token.text, source_doc.text):
            continue  # "the DNR" for "the Department of Natural Resources"
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
            if _role_for_a_name(token, other):
                if role_equivalents(lemma) & source_lemmas:
                    break  # "the head of the union" said it; the source names its president
                return Substitution(claim_word=token.text, source_word=other.text, kind="unrelated")
            if (
                token.pos_ in NOMINAL
                and _is_role_or_place(token)
                and _is_role_or_place(other)
                and (token.pos_ == "PROPN") == (other.pos_ == "PROPN")  # a description may be the name
            ):
                return Substitution(
                    claim_word=token.text, source_word=other.text, kind="entity_mismatch"
                )
            return Substitution(claim_word=token.text, source_word=other.text, kind="unrelated")
    return None


def check_slots(
    claim: Claim, candidate: Candidate, alignment: Alignment, found: Assessment, nlp: Language
) -> Assessment | None:
    """A support whose sentence fills one of the claim's slots with another word is none:
    "an American schoolteacher" does not state "an American journalist"."""
    if claim.quoted and alignment.quote_score >= STRONG_QUOTE:
        # quoted words are compared word by word as a misquote instead; here, on the parse,
        # only what the quote cut off before its first word
        cut = (
            dropped_qualifiers(
                max(claim.quoted, key=len), claim.text, parsed(candidate.text, nlp), alignment.quote_span
            )
            if alignment.quote_span
            else None
        )
        return (
            found.model_copy(update={"stance": "conflicts", "reasons": [cut]}) if cut else found
        )
    if not alignment.missing:
        return found
    swap = find_substitution(
        claim, parsed(claim.content, nlp), parsed(candidate.text, nlp), alignment.missing
    )
    if swap is None:
        return found
    if swap.kind == "unrelated":
        return None  # it says something else in that place: not evidence
    detail = (
        f"claim: {swap.claim_word}; source: {swap.source_word}"
        if swap.kind == "entity_mismatch"
        else f'claim: "{swap.claim_word}"; source: "{swap.source_word}"'
    )
    return found.model_copy(
        update={"stance": "conflicts", "reasons": [Reason(code=swap.kind, detail=detail)]}
    )


def _same_place(claim_word: SpacyToken, source_word: SpacyToken) -> bool:
    """Two prepositions in the same place: on the same word, each with an object or each
    with a clause ("burst before 3 a.m." against "lifted ... after the main burst": no)."""
    if claim_word.pos_ != "ADP" and source_word.pos_ != "ADP":
        return True  # opposite content words ("youngest"/"oldest") are the rules' call

    def governs(token: SpacyToken) -> str:
        return next((c.dep_ for c in token.children if c.dep_ in ("pobj", "pcomp")), "clause")

    return governs(claim_word) == governs(source_word) and _same_head(claim_word.head, source_word.head)


def check_opposites(
    claim: Claim, candidate: Candidate, found: Assessment, nlp: Language
) -> Assessment | None:
    """An opposite preposition is a conflict only in the same place: "lifted four days after
    the main burst" does not contradict "the main burst shortly before 3 a.m."."""
    if found.stance != "conflicts" or not any(r.code == "antonym" for r in found.reasons):
        return found
    pair = opposite_words(claim, source_lemmas(candidate), candidate.text)  # the rules' own pair
    if pair is None:
        return found
    claim_doc, source_doc = parsed(claim.content, nlp), parsed(candidate.text, nlp)
    said = [t for t in claim_doc if pair[0] in (t.lemma_.lower(), t.lower_)]
    wrote = [t for t in source_doc if pair[1] in (t.lemma_.lower(), t.lower_)]
    if not said or not wrote or any(_same_place(a, b) for a in said for b in wrote):
        return found
    kept = [r for r in found.reasons if r.code != "antonym"]
    return found.model_copy(update={"reasons": kept}) if kept else None


def opposites_read(
    claim: Claim, candidate: Candidate, found: Assessment, nlp: Language
) -> Assessment | None:
    """A support on the model's word, read for opposites as the rules read theirs: the model
    takes "about nine miles south of Harrowgate" to state "nine miles north of Harrowgate".
    (Only opposites: a negation the rules scope differently from the model's paraphrase is no
    hard fact; measured, reading those too lost more right answers than it gained.)"""
    if found.stance != "supports":
        return found
    opposed = [r for r in polarity_reasons(claim, candidate)[0] if r.code == "antonym"]
    if not opposed:
        return found
    opposite = found.model_copy(update={"stance": "conflicts", "reasons": opposed})
    return check_opposites(claim, candidate, opposite, nlp)


def set_aside_read(claim: Claim, candidate: Candidate, found: Assessment) -> Assessment:
    """A support from a sentence that sets aside a word the claim states ("taken to Lindell
    General by ambulance, not by helicopter" against "flown by helicopter"; "will reopen in
    July rather than June" against "will reopen in June") is a conflict: the source denies
    it. The model reads the claim as stated there, and the words match."""
    aside = set_aside_claim_words(claim, candidate.text) if found.stance == "supports" else None
    if aside is None:
        return found
    word, shown = aside
    reason = Reason(code="negation", detail=f'the source sets aside "{word}": "…{shown}"')
    return found.model_copy(update={"stance": "conflicts", "reasons": [reason]})
