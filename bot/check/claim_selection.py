"""Which sentences of a message are claims: the check-worthy statements, each once, at most
a message's worth (`select_claims`), each parsed by `claims.parse_claim`.

A message pasted into Slack may hold greetings, requests ("can you check this?") and several
statements. Only statements that name something (an entity, a number, a date) or attribute
words to someone are worth checking; a question is checked as the statement it asks about.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field
from spacy.language import Language
from spacy.tokens import Doc, Span

from bot.check.claims import (
    NAME_LABELS,
    NUMERIC_LABELS,
    QUOTE_PATTERN,
    Claim,
    parse_claim,
    speech_verb,
)
from bot.check.questions import asked_statement, is_question
from bot.check.parses import parsed
from bot.language.speakers import SpeakerResolver
from bot.store.review_index import TaggedText, tagged_text

REQUEST_PATTERN = re.compile(
    r"^\s*(hi|hello|hey|thanks|thank you|cheers|morning|good (morning|afternoon|evening)|ok|okay)\b"
    r"|^\s*(can|could|would|will) (you|someone|somebody|anyone)\b"
    r"|^\s*(please )?(check|verify|fact[- ]?check|look into)\b"
    r"|\b(is (this|that|it) (true|right|correct|accurate))\b",
    re.IGNORECASE,
)
# an emoji code (":tada:") never sits between digits: "2:19:05" is a race time
SLACK_MARKUP = re.compile(r"<[@#!][^>]*>|<https?://[^>]*>|https?://\S+|(?<!\d):[a-z0-9_+-]+:(?!\d)")


def clean_message(text: str) -> str:
    """Drop Slack markup (mentions, links, emoji codes) that is not part of any claim."""
    return " ".join(SLACK_MARKUP.sub(" ", text).split())


def split_sentences(doc: Doc) -> list[Span]:
    """spaCy sentences, re-joined where a quotation runs across a sentence boundary."""
    merged: list[Span] = []
    start: int | None = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
        span = doc[start : sent.end]
        if _quotes_balanced(span.text):
            merged.append(span)
            start = None
    if start is not None:
        merged.append(doc[start : len(doc)])
    return [s for s in merged if s.text.strip()]


def _quotes_balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") <= text.count("”")
    return straight and curly


def is_check_worthy(sent: Span) -> bool:
    """A statement naming something, with a number or date, or attributing words; not a request."""
    text = sent.text.strip()
    if REQUEST_PATTERN.search(text) and not QUOTE_PATTERN.search(text):
        return False
    if text.endswith("?") and not any(e.label_ in NAME_LABELS for e in sent.ents) and not any(
        t.pos_ == "PROPN" for t in sent
    ):
        return False  # "what do you think?"; a question about someone asks about a claim
    if any(e.label_ in NAME_LABELS or e.label_ in NUMERIC_LABELS for e in sent.ents):
        return True
    if any(t.pos_ == "PROPN" or t.like_num for t in sent):
        return True
    return bool(QUOTE_PATTERN.search(text)) or speech_verb(sent) is not None


DEFAULT_MAX_CLAIMS = 10  # FACTCHECK_MAX_CLAIMS
MAX_MESSAGE_CHARS = 10_000  # the rest of a longer message is not read
SENTENCE_END = ('.', '!', '?', '"', '”', '’', "'", ')')


class ClaimSelection(BaseModel):
    """The claims of a message worth checking, and what was left out and why."""

    claims: list[Claim] = Field(default_factory=list)
    # claim text -> its tokens and tags, where the message's parse gives them as the text alone
    # would have them (a one-sentence message): review matching need not tag it again
    tagged: dict[str, TaggedText] = Field(default_factory=dict)
    unchecked: int = 0  # distinct check-worthy sentences over the claim limit
    repeated: int = 0  # sentences identical to one already kept (checked once)
    cut: bool = False  # the message was longer than MAX_MESSAGE_CHARS


def extract_claims(
    text: str, *, nlp: Language, speakers: SpeakerResolver, automatic: bool = False
) -> list[Claim]:
    """Check-worthy claims of a message, each parsed (no claim limit)."""
    return select_claims(
        text, nlp=nlp, speakers=speakers, automatic=automatic, max_claims=None
    ).claims


def select_claims(
    text: str,
    *,
    nlp: Language,
    speakers: SpeakerResolver,
    automatic: bool = False,
    max_claims: int | None = DEFAULT_MAX_CLAIMS,
) -> ClaimSelection:
    """The claims to check in a message: each distinct one once, at most `max_claims`.

    Asked directly (automatic=False) the bot always answers: a message with no
    check-worthy sentence is checked as a whole rather than ignored. A question
    is checked as the statement it asks about (`questions`); in automatic mode
    (replies in watched threads) a question is no claim at all. Past
    MAX_MESSAGE_CHARS the message is cut, and the sentence the cut falls in is
    dropped rather than checked as a fragment.
    """
    cleaned = clean_message(text)
    if not cleaned:
        return ClaimSelection()
    cut = len(cleaned) > MAX_MESSAGE_CHARS
    read = cleaned[:MAX_MESSAGE_CHARS]
    doc = parsed(read, nlp)
    sentences = split_sentences(doc)
    if cut and sentences and not _ends_cleanly(read, cleaned):
        sentences = sentences[:-1]
    worthy = [s for s in sentences if is_check_worthy(s)]
    if automatic:
        worthy = [s for s in worthy if not is_question(s)]
    elif not worthy:
        whole = [doc[: sentences[-1].end]] if sentences else []  # never the cut-off fragment
        worthy = [s for s in sentences if not REQUEST_PATTERN.search(s.text)] or whole
    first_of_each: dict[str, Span] = {}
    for sent in worthy:
        first_of_each.setdefault(_sameness_key(sent.text), sent)
    distinct = list(first_of_each.values())
    kept = distinct if max_claims is None else distinct[:max_claims]
    claims = [_parse_asked(s, nlp=nlp, speakers=speakers) for s in kept]
    return ClaimSelection(
        claims=claims,
        tagged=_tagged_alone(claims, kept),
        unchecked=len(distinct) - len(kept),
        repeated=len(worthy) - len(distinct),
        cut=cut,
    )


def _tagged_alone(claims: list[Claim], sentences: list[Span]) -> dict[str, TaggedText]:
    """The claims that are the whole message as written, with this parse's tags: a sentence
    tagged inside a longer text can be tagged otherwise alone."""
    return {
        claim.text: tagged_text(sent.doc)
        for claim, sent in zip(claims, sentences)
        if sent.start == 0 and sent.end == len(sent.doc) and claim.text == sent.doc.text
    }


def _ends_cleanly(read: str, whole: str) -> bool:
    """Whether the cut at len(read) falls between sentences rather than inside one."""
    return read.rstrip().endswith(SENTENCE_END) and whole[len(read) : len(read) + 1].isspace()


def _sameness_key(text: str) -> str:
    """Sentences that differ only in case, spacing or final punctuation are the same claim."""
    return " ".join(text.casefold().split()).rstrip(" .!?;:")


def _parse_asked(sent: Span, *, nlp: Language, speakers: SpeakerResolver) -> Claim:
    """Parse a sentence; a question is parsed as the statement it asks about."""
    if not is_question(sent):
        return parse_claim(sent, nlp=nlp, speakers=speakers)
    statement = asked_statement(sent)
    if statement is None:  # "Who said ...?": no single statement; checked as written
        return parse_claim(sent, nlp=nlp, speakers=speakers).model_copy(update={"question": True})
    claim = parse_claim(parsed(statement, nlp)[:], nlp=nlp, speakers=speakers)
    return claim.model_copy(update={"question": True, "asked_whether": statement})
