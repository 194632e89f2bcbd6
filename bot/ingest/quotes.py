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
   ("Hegseth emphasized that ..."), unless a claim verb reports it in turn
   ("a post claims that X told residents that ...").

Stages live in their own modules: quote_spans (marks), quote_document
(people), quote_cues and quote_attribution (cues and speakers); this module
adds kinds and reported speech and is the entry point. `find_quotes` keeps
character offsets for evaluation; `extract_quotes` returns the `Quote`
models ingest stores.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.core.models import Quote
from bot.ingest.quote_attribution import attribute
from bot.language.quote_cues import SPEECH_LEMMAS, SUBJECT_DEPS, content_span, is_cue
from bot.language.reporting_verbs import CLAIM_VERBS
from bot.ingest.quote_document import Attribution, FoundQuote, QuoteDocument
from bot.ingest.quote_spans import QuoteSpan
from bot.language.speakers import SpeakerResolver

MIN_REPORTED_WORDS = 3


# --- kinds, text, context -------------------------------------------------


def _quote_kind(art: QuoteDocument, span: QuoteSpan) -> str:
    """direct: a whole quoted sentence or clause; partial: a few words inside a sentence."""
    text = span.text(art.text).strip()
    if len(span.segments) > 1:
        return "direct"
    letters = [c for c in text if c.isalpha()]
    starts_upper = bool(letters) and letters[0].isupper()
    sentence = art.sents[art.sent_at(span.outer_start)]
    paragraph_start = art.par_starts[art.paragraph_at(span.outer_start)]
    lead = art.text[max(sentence.start_char, paragraph_start) : span.outer_start].strip()
    ends_clause = text[-1:] in ",.!?…:;" if text else False
    if starts_upper and ends_clause and (not lead or lead[-1] in ":,—–-"):
        return "direct"
    inner = art.doc.char_span(span.start, span.end, alignment_mode="contract")
    if inner is not None and len(inner) >= 5:
        roots = [
            t
            for t in inner
            if t.head.i < inner.start or t.head.i >= inner.end or t.head is t
        ]
        for root in roots:
            if root.pos_ in ("VERB", "AUX") and any(
                c.dep_ in SUBJECT_DEPS and inner.start <= c.i < inner.end
                for c in root.children
            ):
                return "direct"
    return "partial"


def _lemmas(span: Span | None) -> str:
    if span is None:
        return ""
    return " ".join(t.lemma_.lower() for t in span if not (t.is_punct or t.is_space))


def _context(art: QuoteDocument, first: int, last: int) -> str:
    return " ".join(art.sents[i].text.strip() for i in range(first, last + 1)).strip()


def _quote_text(art: QuoteDocument, span: QuoteSpan) -> str:
    """The quoted words verbatim, without the marks or the comma that hands over to 'he said'."""
    text = span.text(art.text).strip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    return text


# --- reported speech ----------------------------------------------------------


def _reported(art: QuoteDocument) -> list[FoundQuote]:
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
        owner = art.content_owner.get(token.i)
        if owner is not None and owner.lemma_.lower() in CLAIM_VERBS:
            continue  # "A post claims that the mayor told residents S": the post's claim, not her words
        span = content_span(token, art.mask)
        if span is None or span.start <= token.i < span.end:
            continue
        while len(span) and (
            span[0].lower_ == "that" or span[0].is_punct and span[0].text not in '“"‘'
        ):
            span = span[1:]
        while len(span) and span[-1].is_punct and span[-1].text not in '”"’':
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
                    context=_context(
                        art,
                        art.sent_at(span.start_char),
                        art.sent_at(span.end_char - 1),
                    ),
                    lemmas=_lemmas(span),
                ),
                segments=[(span.start_char, span.end_char)],
                attribution=attribution,
            )
        )
    return found


def _close_open_quotes(art: QuoteDocument, span: Span) -> Span:
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
    art = QuoteDocument(doc, resolver)
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
        kind = _quote_kind(art, span)
        attribution = attribute(art, span, partial=kind == "partial", history=history)
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
            lemmas=_lemmas(inner)
            if len(span.segments) == 1
            else _segment_lemmas(art, span),
        )
        results.append(
            FoundQuote(
                quote=quote, segments=list(span.segments), attribution=attribution
            )
        )
        if attribution.found:
            history.append((span.outer_start, attribution))
    results.extend(reported_quotes)
    results.sort(key=lambda f: f.segments[0][0])
    return results


def _segment_lemmas(art: QuoteDocument, span: QuoteSpan) -> str:
    parts = [
        _lemmas(art.doc.char_span(a, b, alignment_mode="contract"))
        for a, b in span.segments
    ]
    return " ".join(p for p in parts if p)


def extract_quotes(doc: Doc, *, resolver: SpeakerResolver) -> list[Quote]:
    """Direct, partial and reported quotes of `doc` with canonical speakers.

    `doc` is the parsed article body (paragraphs separated by newlines).
    """
    return [found.quote for found in find_quotes(doc, resolver=resolver)]
