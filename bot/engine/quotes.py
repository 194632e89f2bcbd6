"""Quotes with speakers: direct, partial and reported speech from a parsed article.

Stages, one idea each:
1. marks  -- `quote_spans.find_quote_spans` finds quoted text by its marks;
2. people -- every person who is a grammatical subject is resolved in reading
   order, so "he" means the person the passage is about at that point;
3. cues   -- each quote gets a speech cue and speaker: the verb right after it
   ("...," he said), a lead-in before it ("he said: ..."), the speech verb
   that governs it, any speech verb in its sentence, "according to X", a
   dash signature, or else the speaker of the quote before it (same
   paragraph, or the previous paragraph when a quote opens its own
   paragraph) or of the attribution sentence right after it;
4. reported speech -- a speech verb with a content clause
   ("Hegseth emphasized that ...").

`find_quotes` keeps character offsets for evaluation; `extract_quotes` is
the public entry that returns the `Quote` models ingest stores.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.engine.models import Quote
from bot.engine.quote_cues import (
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
from bot.engine.quote_spans import QuoteSpan, find_quote_spans
from bot.engine.speakers import SpeakerResolver

LEAD_IN_TOKENS = 14
TRAIL_TOKENS = 9
NAMED_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MIN_REPORTED_WORDS = 3


@dataclass
class Attribution:
    """Who said a quote, as resolved and as written, and by which cue."""

    speaker: str | None = None
    mention: str | None = None
    mention_span: tuple[int, int] | None = None
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


class _Article:
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
        self.known = set(resolver.known_speakers())
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
    def _is_person(self, token: Token, name: str | None) -> bool:
        if token.ent_type_ == "PERSON":
            return True
        return token.pos_ == "PROPN" and name is not None and name in self.known

    def _resolve_subjects(self) -> dict[int, str | None]:
        """Resolve every subject (and agent, and "according to X") in reading order.

        Pronouns take the most recent person of a compatible gender; a person
        named as a subject becomes the one the passage is about.
        """
        recent: list[str] = []
        gender: dict[str, str] = {}
        resolved: dict[int, str | None] = {}
        reported = self._reported_tokens()
        for token in self.doc:
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
            name = self.named(mention_span(token, self.mask))
            resolved[token.i] = name
            if token.i in reported:
                continue  # people inside what someone said are not who the passage is about
            if name is not None and self._is_person(token, name):
                if name in recent:
                    recent.remove(name)
                recent.insert(0, name)
        return resolved

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
        if not any(t.pos_ == "PROPN" or t.ent_type_ in NAMED_ENTITY_TYPES for t in span):
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


def _is_subject_like(token: Token) -> bool:
    if token.dep_ in SUBJECT_DEPS:
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True
    return (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
    )


# --- attribution of one quote -------------------------------------------------


def _cue_after(art: _Article, span: QuoteSpan) -> Attribution | None:
    """'"...," he said' / '"..." said X' / '"..." - X': the cue right after the closing mark."""
    tail = art.text[span.outer_end : span.outer_end + 200].split("\n", 1)[0]
    stripped = tail.lstrip().lstrip(",.;").lstrip()
    if stripped[:1] and stripped[:1] in "-–—―":
        dash_at = span.outer_end + (len(tail) - len(stripped))
        signature = art.doc.char_span(dash_at + 1, dash_at + len(stripped), alignment_mode="expand")
        if signature is not None:
            names = [t for t in signature if not t.is_space][:6]
            run = []
            for t in names:
                if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha):
                    run.append(t)
                elif run:
                    break
            if run:
                mention = art.doc[run[0].i : run[-1].i + 1]
                return Attribution(
                    speaker=art.named(mention) or art.resolver.canonical(mention.text),
                    mention=mention.text,
                    mention_span=(mention.start_char, mention.end_char),
                    sentence=art.sent_at(mention.start_char),
                )
    first = art.token_at(span.outer_end)
    if first is None:
        return None
    seen = 0
    i = first.i
    while i < len(art.doc) and seen < TRAIL_TOKENS:
        token = art.doc[i]
        i += 1
        if token.idx < span.outer_end:
            continue
        if "\n" in token.text or art.mask(token):
            break
        if token.is_punct and token.text not in ",—–-―":
            break  # a full stop after the closing mark ends the sentence: no cue beyond
        if is_cue(token, art.mask):
            return _attribution_near(art, token, span.outer_end)
        if not token.is_punct:
            seen += 1
    return None


def _attribution_near(art: _Article, cue: Token, quote_end: int) -> Attribution | None:
    """The cue's subject, or, when the parse went astray, the name or pronoun beside the cue.

    After a closing mark the speaker sits between the quote and the cue
    ("...," Clinton said) or right after the cue ("...," said Clinton).
    """
    subject = subject_of(cue, art.mask)
    window_end = min(cue.i + 6, len(art.doc))
    if subject is not None and quote_end <= subject.idx and subject.i < window_end:
        return art.from_subject(subject, cue)
    before = [t for t in art.doc[: cue.i] if t.idx >= quote_end]
    after = list(art.doc[cue.i + 1 : window_end])
    for token in [*reversed(before), *after]:
        if "\n" in token.text or art.mask(token):
            break
        if token.pos_ in ("PROPN", "PRON") and token.lower_ not in ("it", "this", "that"):
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            return art.from_subject(head, cue)
    if subject is not None:
        return art.from_subject(subject, cue)
    return None


def _cue_before(art: _Article, span: QuoteSpan) -> Attribution | None:
    """'He said: "..."', 'X said, "..."', and a lead-in paragraph ending with a colon."""
    head = art.text[: span.outer_start].rstrip()
    if not head or head[-1] not in ":,":
        return None
    crosses_paragraph = "\n" in art.text[len(head) : span.outer_start]
    if crosses_paragraph and head[-1] != ":":
        return None
    last = art.token_at(len(head) - 1)
    if last is None:
        return None
    for i in range(last.i, max(last.i - LEAD_IN_TOKENS, -1), -1):
        token = art.doc[i]
        if art.mask(token) or (i < last.i and "\n" in token.text_with_ws):
            break
        if is_cue(token, art.mask):
            attribution = art.from_cue(token)
            if attribution.found:
                return attribution
    if head[-1] == ":":  # "Hegseth: “...”" / "Obama is rolling out a new message: “...”"
        if last.is_punct and last.i > 0:
            last = art.doc[last.i - 1]
        if last.pos_ == "PROPN" and not art.mask(last):
            return art.from_subject(last, None)
        root = last.sent.root
        subject = subject_of(root, art.mask) if not art.mask(root) else None
        if subject is not None and subject.i < last.i:
            attribution = art.from_subject(subject, None)
            if attribution.speaker is not None and (
                subject.pos_ == "PRON" or art._is_person(subject, attribution.speaker)
            ):
                return attribution
    return None


def _governing_cue(art: _Article, span: QuoteSpan) -> Attribution | None:
    """The speech verb the quoted words hang from ('Hegseth underlined that “...”')."""
    inner = art.doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None:
        return None
    paragraph = art.paragraph_at(span.outer_start)
    for token in inner:
        head = token.head
        if art.mask(head):
            continue
        for _ in range(6):
            if art.paragraph_at(head.idx) != paragraph:
                break
            if is_cue(head, art.mask):
                attribution = art.from_cue(head)
                if attribution.found:
                    return attribution
                break
            if head.head is head:
                break
            head = head.head
        break
    return None


def _cue_in_sentence(art: _Article, span: QuoteSpan) -> Attribution | None:
    """Any speech verb in the sentence(s) of the quote, nearest first; then 'according to X'."""
    first, last = art.sent_at(span.outer_start), art.sent_at(max(span.outer_end - 1, 0))
    candidates: list[tuple[int, Token]] = []
    paragraphs = {art.paragraph_at(span.outer_start), art.paragraph_at(span.outer_end - 1)}
    for index in range(first, last + 1):
        for token in art.sents[index]:
            if is_cue(token, art.mask) and art.paragraph_at(token.idx) in paragraphs:
                distance = min(abs(token.idx - span.outer_start), abs(token.idx - span.outer_end))
                candidates.append((distance, token))
    for _, cue in sorted(candidates, key=lambda c: c[0]):
        attribution = art.from_cue(cue)
        if attribution.found:
            return attribution
    for index in range(first, last + 1):
        source = according_to(art.sents[index], art.mask)
        if source is not None and art.paragraph_at(source.idx) in paragraphs:
            attribution = art.from_subject(source, None)
            attribution.cue = "according to"
            return attribution
    return None


def _sentence_subject(art: _Article, span: QuoteSpan) -> Attribution | None:
    """For a few words quoted inside a sentence: the person the sentence is about."""
    sentence = art.sents[art.sent_at(span.outer_start)]
    root = sentence.root
    if art.mask(root):
        return None
    subject = subject_of(root, art.mask)
    if subject is None:
        return None
    attribution = art.from_subject(subject, root)
    if attribution.speaker is None:
        return None
    if subject.pos_ != "PRON" and not art._is_person(subject, attribution.speaker):
        return None
    return attribution


def _cue_following(art: _Article, span: QuoteSpan) -> Attribution | None:
    """A quote paragraph followed by its attribution sentence ('..., Hegseth said.')."""
    index = art.sent_at(max(span.outer_end - 1, 0)) + 1
    if index >= len(art.sents):
        return None
    sentence = art.sents[index]
    if art.paragraph_at(sentence.start_char) - art.paragraph_at(span.outer_end) > 2:
        return None
    for token in sentence:
        if is_cue(token, art.mask) and token.lemma_.lower() in SPEECH_LEMMAS:
            subject = subject_of(token, art.mask)
            if subject is not None and content_span(token, art.mask) is None:
                attribution = art.from_subject(subject, token)
                if attribution.speaker is not None:
                    return attribution
    return None


# --- kinds, text, context -------------------------------------------------


def _quote_kind(art: _Article, span: QuoteSpan) -> str:
    """direct: a whole quoted sentence or clause; partial: a few words inside a sentence."""
    text = span.text(art.text).strip()
    if len(span.segments) > 1:
        return "direct"
    letters = [c for c in text if c.isalpha()]
    starts_upper = bool(letters) and letters[0].isupper()
    sentence = art.sents[art.sent_at(span.outer_start)]
    lead = art.text[sentence.start_char : span.outer_start].strip()
    ends_clause = text[-1:] in ",.!?…:;" if text else False
    if starts_upper and ends_clause and (not lead or lead[-1] in ":,—–-"):
        return "direct"
    inner = art.doc.char_span(span.start, span.end, alignment_mode="contract")
    if inner is not None and len(inner) >= 5:
        roots = [t for t in inner if t.head.i < inner.start or t.head.i >= inner.end or t.head is t]
        for root in roots:
            if root.pos_ in ("VERB", "AUX") and any(
                c.dep_ in SUBJECT_DEPS and inner.start <= c.i < inner.end for c in root.children
            ):
                return "direct"
    return "partial"


def _lemmas(span: Span | None) -> str:
    if span is None:
        return ""
    return " ".join(t.lemma_.lower() for t in span if not (t.is_punct or t.is_space))


def _context(art: _Article, first: int, last: int) -> str:
    return " ".join(art.sents[i].text.strip() for i in range(first, last + 1)).strip()


def _quote_text(art: _Article, span: QuoteSpan) -> str:
    """The quoted words verbatim, without the marks or the comma that hands over to 'he said'."""
    text = span.text(art.text).strip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    return text


# --- reported speech ----------------------------------------------------------


def _reported(art: _Article) -> list[FoundQuote]:
    found = []
    outer = [(q.outer_start, q.outer_end) for q in art.spans]
    for token in art.doc:
        if art.mask(token):
            continue
        makes_clear = token.lemma_.lower() == "make" and any(
            c.lemma_.lower() == "clear" for c in token.children
        )
        if not makes_clear and not is_cue(token, art.mask, SPEECH_LEMMAS):
            continue
        span = content_span(token, art.mask)
        if span is None or span.start <= token.i < span.end:
            continue
        while len(span) and (span[0].lower_ == "that" or span[0].is_punct and span[0].text not in "“\"‘"):
            span = span[1:]
        while len(span) and span[-1].is_punct and span[-1].text not in "”\"’":
            span = span[:-1]
        if not len(span):
            continue
        span = _close_open_quotes(art, span)
        if "\n" in span.text:
            continue
        words = [t for t in span if t.is_alpha]
        if len(words) < MIN_REPORTED_WORDS:
            continue
        quoted = sum(
            max(0, min(b, span.end_char) - max(a, span.start_char)) for a, b in outer
        )
        if quoted >= 0.8 * max(span.end_char - span.start_char, 1):
            continue
        attribution = art.from_cue(token)
        if attribution.speaker is None:
            continue
        sentence = art.sent_at(token.idx)
        found.append(
            FoundQuote(
                quote=Quote(
                    passage_position=art.position[sentence],
                    text=span.text,
                    speaker=attribution.speaker,
                    speaker_mention=attribution.mention,
                    cue=attribution.cue,
                    kind="reported",
                    context=_context(art, art.sent_at(span.start_char), art.sent_at(span.end_char - 1)),
                    lemmas=_lemmas(span),
                ),
                segments=[(span.start_char, span.end_char)],
                attribution=attribution,
            )
        )
    return found


def _close_open_quotes(art: _Article, span: Span) -> Span:
    """Extend a reported clause to the closing mark of a quote it opens."""
    end_char = span.end_char
    for quote in art.spans:
        if span.start_char <= quote.outer_start < end_char < quote.outer_end:
            end_char = quote.outer_end
    if end_char == span.end_char:
        return span
    extended = art.doc.char_span(span.start_char, end_char, alignment_mode="expand")
    return extended if extended is not None else span


# --- the entry points -------------------------------------------------------


def _register_people(doc: Doc, resolver: SpeakerResolver) -> None:
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent.text.split()) >= 2:
            resolver.register(ent.text)


def find_quotes(
    doc: Doc,
    *,
    resolver: SpeakerResolver,
    reported: bool = True,
    drop_unattributed_partials: bool = True,
) -> list[FoundQuote]:
    """Every quote in `doc` with its speaker and character offsets, in reading order."""
    _register_people(doc, resolver)
    art = _Article(doc, resolver)
    reported_quotes = _reported(art) if reported else []
    by_paragraph: dict[int, Attribution] = {}
    for item in reported_quotes:
        by_paragraph[art.paragraph_at(item.segments[0][0])] = item.attribution

    results: list[FoundQuote] = []
    history: list[tuple[int, Attribution]] = [
        (item.segments[0][0], item.attribution) for item in reported_quotes
    ]
    for span in art.spans:
        if not any(ch.isalpha() for ch in span.text(art.text)):
            continue  # "2016", "778257943577919488": numbers in marks, not speech
        attribution = (
            _cue_after(art, span)
            or _cue_before(art, span)
            or _governing_cue(art, span)
            or _cue_in_sentence(art, span)
        )
        kind = _quote_kind(art, span)
        if attribution is None and kind == "partial":
            attribution = _sentence_subject(art, span)
        if attribution is None:
            attribution = _inherited(art, span, history)
        if attribution is None:
            attribution = _cue_following(art, span) or Attribution()
        if not attribution.found and kind == "partial" and drop_unattributed_partials:
            continue  # a title or scare quote ("Morning Joe"), not someone's words
        first = art.sent_at(span.outer_start)
        last = art.sent_at(max(span.outer_end - 1, 0))
        if attribution.sentence is not None and attribution.sentence == last + 1:
            last = attribution.sentence
        inner = art.doc.char_span(span.start, span.end, alignment_mode="contract")
        quote = Quote(
            passage_position=art.position[first],
            text=_quote_text(art, span),
            speaker=attribution.speaker,
            speaker_mention=attribution.mention,
            cue=attribution.cue,
            kind=kind,  # type: ignore[arg-type]
            context=_context(art, first, last),
            lemmas=_lemmas(inner) if len(span.segments) == 1 else _segment_lemmas(art, span),
        )
        results.append(FoundQuote(quote=quote, segments=list(span.segments), attribution=attribution))
        if attribution.found:
            history.append((span.outer_start, attribution))
    results.extend(reported_quotes)
    results.sort(key=lambda f: f.segments[0][0])
    return results


def _segment_lemmas(art: _Article, span: QuoteSpan) -> str:
    parts = [
        _lemmas(art.doc.char_span(a, b, alignment_mode="contract")) for a, b in span.segments
    ]
    return " ".join(p for p in parts if p)


def _inherited(
    art: _Article, span: QuoteSpan, history: list[tuple[int, Attribution]]
) -> Attribution | None:
    """A quote without its own cue continues the speaker before it.

    Same paragraph: the latest attribution before it ('"A," said X. "B."',
    'X said Y. "B."'). A quote opening its paragraph: the latest attribution
    of the paragraph before (a quote or reported speech).
    """
    paragraph = art.paragraph_at(span.outer_start)
    before = [(pos, a) for pos, a in history if pos < span.outer_start and a.found]
    same = [(pos, a) for pos, a in before if art.paragraph_at(pos) == paragraph]
    if same:
        return max(same, key=lambda item: item[0])[1]
    opens_paragraph = not art.text[art.par_starts[paragraph] : span.outer_start].strip()
    if not opens_paragraph:
        return None
    prior = _previous_paragraph(art, paragraph)
    if prior is None:
        return None
    earlier = [(pos, a) for pos, a in before if art.paragraph_at(pos) == prior]
    if not earlier:
        return None
    return max(earlier, key=lambda item: item[0])[1]


def _previous_paragraph(art: _Article, paragraph: int) -> int | None:
    """The nearest earlier line that holds text."""
    for index in range(paragraph - 1, -1, -1):
        start = art.par_starts[index]
        end = art.par_starts[index + 1] if index + 1 < len(art.par_starts) else len(art.text)
        if art.text[start:end].strip():
            return index
    return None


def extract_quotes(doc: Doc, *, resolver: SpeakerResolver) -> list[Quote]:
    """Direct, partial and reported quotes of `doc` with canonical speakers.

    `doc` is the parsed article body (paragraphs separated by newlines).
    """
    return [found.quote for found in find_quotes(doc, resolver=resolver)]
