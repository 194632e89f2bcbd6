"""Attributing one quote: which cue introduces it and who the speaker is.

Tried in order by `attribute`: the cue right after the closing mark
("...," he said / "..." said X / "..." - X), a lead-in before the opening
mark ("he said: ..."), the speech verb that governs the quoted words, any
speech verb in the quote's sentence or "according to X", the subject of the
sentence for a few quoted words, the speaker before it (same paragraph, or
the paragraph before when the quote opens its own paragraph), and finally an
attribution sentence right after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from bot.language.quote_cues import (
    SPEECH_LEMMAS,
    according_to,
    content_span,
    is_cue,
    joins_a_name,
    subject_of,
)
from bot.ingest.quote_document import Attribution, QuoteDocument
from bot.ingest.quote_spans import QuoteSpan

TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,30}[A-Z.]):\s")
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
LEAD_IN_TOKENS = 14
TRAIL_TOKENS = 9


def attribute(
    art: QuoteDocument,
    span: QuoteSpan,
    *,
    partial: bool,
    history: list[tuple[int, Attribution]],
) -> Attribution:
    """The attribution of one quote; an empty Attribution when nothing fits."""
    attribution = (
        _cue_after(art, span)  # '"BREAKING: ...," the post reads': the cue, not the label
        or _transcript_label(art, span)
        or _cue_before(art, span)
        or _governing_cue(art, span)
        or _cue_in_sentence(art, span)
    )
    if attribution is None and partial:
        attribution = _sentence_subject(art, span)
    if attribution is None:
        attribution = _inherited(art, span, history)
    if attribution is None:
        attribution = _cue_following(art, span)
    return attribution or Attribution()


def _transcript_label(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
    """Interview transcripts: "PENCE: Well, look, ..." names its speaker in capitals."""
    match = TRANSCRIPT_LABEL.match(art.text, span.start)
    if match is None:
        return None
    label = match.group(1).strip()
    return Attribution(
        speaker=art.resolver.canonical(label.title()),
        mention=label,
        mention_span=(match.start(1), match.start(1) + len(label)),
        sentence=art.sent_at(span.start),
    )


def _cue_after(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
    """'"...," he said' / '"..." said X' / '"..." - X': the cue right after the closing mark."""
    tail = art.text[span.outer_end : span.outer_end + 200].split("\n", 1)[0]
    stripped = tail.lstrip().lstrip(",.;").lstrip()
    if stripped[:1] and stripped[:1] in "-–—―":
        dash_at = span.outer_end + (len(tail) - len(stripped))
        signature = art.doc.char_span(
            dash_at + 1, dash_at + len(stripped), alignment_mode="expand"
        )
        if signature is not None:
            names = [t for t in signature if not t.is_space][:6]
            run = []
            for t in names:
                if t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha) or (
                    run and joins_a_name(t)
                ):
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
        if token.is_sent_start and token.idx > span.outer_end:
            break  # nor after a full stop inside the marks ('... grandchildren." The caption credits ...')
        if is_cue(token, art.mask):
            return _attribution_near(art, token, span.outer_end)
        if not token.is_punct:
            seen += 1
    return None


def _attribution_near(
    art: QuoteDocument, cue: Token, quote_end: int
) -> Attribution | None:
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
        subject_pronoun = token.pos_ == "PRON" and token.lower_ in SUBJECT_PRONOUNS
        if (token.pos_ == "PROPN" and token.dep_ != "poss") or subject_pronoun:
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            return art.from_subject(head, cue)
    if subject is not None:
        return art.from_subject(subject, cue)
    return None


def _cue_before(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
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
    if (
        head[-1] == ":"
    ):  # "Hegseth: “...”" / "Obama is rolling out a new message: “...”"
        if last.is_punct and last.i > 0:
            last = art.doc[last.i - 1]
        if last.pos_ == "PROPN" and not art.mask(last):
            return art.from_subject(last, None)
        root = last.sent.root
        subject = subject_of(root, art.mask) if not art.mask(root) else None
        if subject is not None and subject.i < last.i:
            attribution = art.from_subject(subject, None)
            if attribution.speaker is not None and (
                subject.pos_ == "PRON" or art.is_person(subject, attribution.speaker)
            ):
                return attribution
    return None


def _governing_cue(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
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


def _cue_in_sentence(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
    """Any speech verb in the sentence(s) of the quote, nearest first; then 'according to X'."""
    first, last = art.sent_at(span.outer_start), art.sent_at(max(span.outer_end - 1, 0))
    candidates: list[tuple[int, Token]] = []
    paragraphs = {
        art.paragraph_at(span.outer_start),
        art.paragraph_at(span.outer_end - 1),
    }
    for index in range(first, last + 1):
        for token in art.sents[index]:
            if is_cue(token, art.mask) and art.paragraph_at(token.idx) in paragraphs:
                distance = min(
                    abs(token.idx - span.outer_start), abs(token.idx - span.outer_end)
                )
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


def _sentence_subject(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
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
    if subject.pos_ != "PRON" and not art.is_person(subject, attribution.speaker):
        return None
    return attribution


def _cue_following(art: QuoteDocument, span: QuoteSpan) -> Attribution | None:
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


def _inherited(
    art: QuoteDocument, span: QuoteSpan, history: list[tuple[int, Attribution]]
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


def _previous_paragraph(art: QuoteDocument, paragraph: int) -> int | None:
    """The nearest earlier line that holds text."""
    for index in range(paragraph - 1, -1, -1):
        start = art.par_starts[index]
        end = (
            art.par_starts[index + 1]
            if index + 1 < len(art.par_starts)
            else len(art.text)
        )
        if art.text[start:end].strip():
            return index
    return None
