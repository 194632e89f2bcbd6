"""A parsed article prepared for quote attribution: marks, sentences, people.

Built once per document and shared by the attribution stages: which tokens
are quoted, where sentences and paragraphs start, and every grammatical
subject resolved to a person in reading order ("he" -> the person the
passage is about at that point).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.core.models import Quote
from bot.language.quote_cues import (
    SPEECH_LEMMAS,
    SUBJECT_DEPS,
    QuoteMask,
    according_to,
    content_span,
    cue_text,
    is_cue,
    mention_span,
    subject_of,
)
from bot.ingest.quote_spans import find_quote_spans
from bot.language.speakers import ROLE_NOUNS, SpeakerResolver

NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass
class Attribution:
    """Who said a quote, as resolved and as written, and by which cue."""

    speaker: str | None = None
    mention: str | None = None
    mention_span: tuple[int, int] | None = None  # character offsets of the mention
    cue: str | None = None
    sentence: int | None = None  # sentence index of the attribution, for context

    @property
    def found(self) -> bool:
        return self.speaker is not None or self.mention is not None


@dataclass
class FoundQuote:
    """A quote with the character offsets the evaluation needs."""

    quote: Quote
    segments: list[tuple[int, int]] = field(default_factory=list)
    attribution: Attribution = field(default_factory=Attribution)


class QuoteDocument:
    """One parsed document with the indexes the stages share."""

    def __init__(self, doc: Doc, resolver: SpeakerResolver) -> None:
        self.doc = doc
        self.text = doc.text
        self.resolver = resolver
        self.spans = find_quote_spans(self.text)
        self.mask = QuoteMask(doc, [(q.outer_start, q.outer_end) for q in self.spans])
        self.sents = list(doc.sents)
        self.sent_starts = [s.start_char for s in self.sents]
        self.token_starts = [t.idx for t in doc]
        # passage positions count non-blank sentences, as ingest numbers passages
        self.position: list[int] = []
        count = -1
        for sent in self.sents:
            if sent.text.strip():
                count += 1
            self.position.append(max(count, 0))
        self.par_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self.known = resolver.known_speaker_set()
        self.subjects = self._resolve_subjects()

    # --- offsets ---------------------------------------------------------
    def sent_at(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def paragraph_at(self, char: int) -> int:
        """Index of the non-blank line holding `char` (lines are paragraphs here)."""
        line = bisect.bisect_right(self.par_starts, char) - 1
        return line

    def token_at(self, char: int) -> Token | None:
        """The token covering `char`, or the next one when `char` is whitespace."""
        index = bisect.bisect_right(self.token_starts, char) - 1
        if index < 0:
            return self.doc[0] if len(self.doc) else None
        token = self.doc[index]
        if char >= token.idx + len(token.text) and index + 1 < len(self.doc):
            return self.doc[index + 1]
        return token

    # --- people ----------------------------------------------------------
    def is_person(self, token: Token, name: str | None) -> bool:
        if token.ent_type_ == "PERSON":
            return True
        return token.pos_ == "PROPN" and name is not None and name in self.known

    def _resolve_subjects(self) -> dict[int, str | None]:
        """Resolve every subject (and agent, and "according to X") in reading order.

        Pronouns take the most recent person of a compatible gender; a person
        named as a subject becomes the one the passage is about, and so does a
        subject named by an office the text gave someone ("the minister"), so
        that "he said" after a sentence about someone new is that someone.
        """
        recent: list[str] = []
        gender: dict[str, str] = {}
        resolved: dict[int, str | None] = {}
        introduced: dict[str, str] = {}  # office noun -> the person last introduced with it
        reported = self._reported_tokens()
        offices = self._introduced_offices()
        for token in self.doc:
            for noun, person in offices.get(token.i, []):
                introduced[noun] = person
            if self.mask(token) or not _is_subject_like(token):
                continue
            lower = token.lower_
            if token.pos_ == "PRON":
                if lower in ("he", "she"):
                    g = "m" if lower == "he" else "f"
                    person = next((p for p in recent if gender.get(p, g) == g), None)
                    resolved[token.i] = person
                    if person is not None:
                        gender[person] = g
                        recent.remove(person)
                        recent.insert(0, person)
                else:
                    resolved[token.i] = None
                continue
            span = mention_span(token, self.mask)
            name = self.named(span)
            resolved[token.i] = name
            if token.i in reported:
                continue  # people inside what someone said are not who the passage is about
            if name is None:
                # "The minister rejected ...": the person introduced with that office
                name = self._office_holder(span, introduced)
                if name is None:
                    continue
            elif self._names_person(token, span, name):
                for office in _office_words(span):
                    introduced[office] = name
            else:
                continue
            if name in recent:
                recent.remove(name)
            recent.insert(0, name)
        return resolved

    def _names_person(self, token: Token, span: Span, name: str) -> bool:
        """A subject naming a person: tagged so, or a name the corpus knows as a person's.

        The small model tags a bare surname at the start of a sentence as a noun
        or an organisation ("On Wednesday, Reyes dismissed ..."), and a person
        introduced by office has the office noun as head ("the transport minister
        Daniel Reyes"); either way a later "he" is that person.
        """
        if self.is_person(token, name):
            return True
        if any(t.ent_type_ == "PERSON" for t in span):
            return True
        return name in self.known and token.text[:1].isupper()

    def _introduced_offices(self) -> dict[int, list[tuple[str, str]]]:
        """Per token index: (office noun, person) for a person named right after their
        office ("Transport Minister Daniel Reyes"), wherever the name stands in the sentence."""
        found: dict[int, list[tuple[str, str]]] = {}
        for ent in self.doc.ents:
            if ent.label_ != "PERSON" or self.mask(ent[0]):
                continue
            lead = [t for t in self.doc[max(ent.start - 3, 0) : ent.start] if not self.mask(t)]
            name = self.resolver.canonical(ent.text)
            if name is None:
                continue
            for token in lead:
                if token.lower_ in ROLE_NOUNS:
                    found.setdefault(ent.start, []).append((token.lower_, name))
        return found

    def _office_holder(self, span: Span, introduced: dict[str, str]) -> str | None:
        """"The minister rejected ...": the person the text introduced with that office."""
        words = [t for t in span if not t.is_punct]
        if not words or words[0].lower_ != "the" or words[-1].pos_ != "NOUN":
            return None
        return introduced.get(words[-1].lower_)

    def _reported_tokens(self) -> set[int]:
        """Tokens inside reported content: a speech verb's clause, or an "according to" sentence.

        Also remembers which cue owns each content token (`content_owner`).
        """
        inside: set[int] = set()
        self.content_owner: dict[int, Token] = {}
        for token in self.doc:
            if is_cue(token, self.mask, SPEECH_LEMMAS):
                span = content_span(token, self.mask)
                if span is not None:
                    inside.update(range(span.start, span.end))
                    for i in range(span.start, span.end):
                        self.content_owner.setdefault(i, token)
        for sentence in self.sents:
            source = according_to(sentence, self.mask)
            if source is not None:
                inside.update(t.i for t in sentence if t.i != source.i)
        return inside

    def named(self, span: Span) -> str | None:
        """Canonical name for a mention that names someone (not "the official")."""
        if not any(
            t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTITY_TYPES for t in span
        ):
            return None
        return self.resolver.canonical(span.text)

    def from_subject(self, subject: Token, cue: Token | None) -> Attribution:
        span = mention_span(subject, self.mask)
        if subject.i in self.subjects and subject.pos_ == "PRON":
            speaker = self.subjects[subject.i]
        else:
            speaker = self.subjects.get(subject.i) or self.named(span)
        return Attribution(
            speaker=speaker,
            mention=span.text,
            mention_span=(span.start_char, span.end_char),
            cue=cue_text(cue) if cue is not None else None,
            sentence=self.sent_at(subject.idx),
        )

    def from_cue(self, cue: Token) -> Attribution:
        owner = self.content_owner.get(cue.head.i) if cue.dep_ == "advcl" else None
        if cue.tag_ == "VBG" and owner is not None and owner.i < cue.i:
            # "X said that Y aims ..., emphasizing ...": the participle is X's, not Y's
            subject = subject_of(owner, self.mask)
            if subject is not None:
                return self.from_subject(subject, cue)
        subject = subject_of(cue, self.mask)
        if subject is None:
            return Attribution(cue=cue_text(cue), sentence=self.sent_at(cue.idx))
        return self.from_subject(subject, cue)


def _office_words(span: Span) -> list[str]:
    """Office nouns written before a name ("Transport Minister Daniel Reyes" -> ["minister"])."""
    return [t.lower_ for t in span if t.lower_ in ROLE_NOUNS]


def _is_subject_like(token: Token) -> bool:
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == "to"
        and token.head.head.lower_ == "according"
    )
