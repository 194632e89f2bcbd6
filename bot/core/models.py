"""Pydantic models at the engine's boundaries.

These are the shapes the store persists, the CLI prints as JSON and the Slack
handlers turn into Block Kit. Keep them plain data: no behaviour that needs
spaCy or a database.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

# "related": the excerpt says what the claim says but does not state its figure (it gives
# only a bound the figure satisfies); shown with its reason, never counted for a verdict
Stance = Literal["supports", "conflicts", "related"]
Verdict = Literal["supported", "conflicting", "mixed", "not_found"]
QuoteKind = Literal["direct", "partial", "reported"]
EvidenceKind = Literal["quote", "fact"]
Comparator = Literal["eq", "gt", "ge", "lt", "le", "approx", "ne"]  # "ne": "$4, not $40"
PassageKind = Literal["headline", "standfirst", "body"]

# Body sentences are numbered from 0. The headline and the standfirst are passages too,
# numbered far below 0: they sort before the body, and no body sentence takes them for
# its preceding context (reference resolution reads the two sentences before a passage
# by position, and a headline is not part of the running text).
HEADLINE_POSITION = -1000
STANDFIRST_POSITION = -999
HEADING_POSITIONS: dict[int, PassageKind] = {
    HEADLINE_POSITION: "headline",
    STANDFIRST_POSITION: "standfirst",
}


class Quantity(BaseModel):
    """A number with its unit, normalised so that "5 per cent" equals "5%".

    `value` is expressed in the unit's base (durations in minutes, money in
    the currency's unit); `comparator` keeps "over 90 minutes" apart from
    "90 minutes".
    """

    text: str
    value: float
    unit: str = ""  # "percent", "minute", "year", "usd", "" for a bare count
    comparator: Comparator = "eq"


class Entity(BaseModel):
    """A named entity as spaCy found it, with a canonical form for matching."""

    text: str
    label: str
    canonical: str


class Article(BaseModel):
    """One indexed article: metadata plus its cleaned body text."""

    id: int | None = None
    path: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    notes: str | None = None
    body: str = ""
    # The day the article last changed: the page's own modified date, or the day a changed
    # version of the same path (a page's canonical URL) was indexed. None: never changed.
    updated: dt.date | None = None
    version: int = 1  # earlier versions of the same path are kept in the store
    # The one-sentence summary under the headline, when the page prints one apart from
    # the body. Ingest indexes it as a passage (STANDFIRST_POSITION); the stores keep that
    # passage, not a column, so an article read back from a store has None here.
    standfirst: str | None = None


class Passage(BaseModel):
    """A sentence of an article body, or its headline or standfirst: the unit of factual evidence."""

    id: int | None = None
    article_id: int | None = None
    position: int
    text: str
    lemmas: str = ""  # space-joined lower-case lemmas, for full-text search
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[dt.date] = Field(default_factory=list)
    negated: bool = False

    @property
    def kind(self) -> PassageKind:
        """Where in the article the passage sits, read from its position."""
        return HEADING_POSITIONS.get(self.position, "body")


class Quote(BaseModel):
    """Words attributed to a speaker, direct or reported."""

    id: int | None = None
    article_id: int | None = None
    passage_position: int | None = None
    text: str
    speaker: str | None = None  # canonical person, e.g. "Pete Hegseth"
    speaker_mention: str | None = None  # as written: "he", "Secretary Hegseth"
    cue: str | None = None  # "said", "emphasized"
    kind: QuoteKind = "direct"
    context: str = ""  # the sentence(s) the quote sits in
    lemmas: str = ""


class ArticleRef(BaseModel):
    """What a reader needs to find the source again."""

    path: str
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    byline: str | None = None
    updated: dt.date | None = None  # reports say "updated <date>"


class ArticleSummary(ArticleRef):
    """An indexed article without its body: what a listing of the corpus shows."""

    id: int
    dateline: str | None = None
    passages: int = 0  # headline and standfirst included
    quotes: int = 0
    versions: int = 1  # the newest plus the earlier versions kept


class ArticleVersion(BaseModel):
    """An earlier (or the current) text of one path, kept when a page changed."""

    path: str
    version: int
    title: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    url: str | None = None
    body: str
    indexed_at: dt.datetime | None = None
    content_hash: str | None = None
    replaced_at: dt.datetime | None = None  # None for the current version


class ParsedArticle(BaseModel):
    """An article after NLP, ready for one store transaction."""

    article: Article
    passages: list[Passage]
    quotes: list[Quote]


class Reason(BaseModel):
    """Why an excerpt conflicts (or, for notes, why a difference is harmless)."""

    code: str  # negation, antonym, number_mismatch, date_mismatch, entity_mismatch,
    # speaker_mismatch, misquote, variant (harmless wording difference), bound (a related
    # excerpt gives only a bound for the claim's figure)
    detail: str
    # the source names the claim's figure and denies it ("571 babies, not 612"): a correction,
    # which the verdict weighs by date (not part of the JSON answer)
    denies_claim: bool = Field(default=False, exclude=True)


class Evidence(BaseModel):
    stance: Stance
    kind: EvidenceKind
    text: str
    speaker: str | None = None
    score: float
    reasons: list[Reason] = Field(default_factory=list)
    article: ArticleRef
    also_in: list[ArticleRef] = Field(default_factory=list)  # wire copy grouped here
    highlight: str | None = None  # the aligned span of `text`
    passage_id: int | None = None
    quote_id: int | None = None


class Review(BaseModel):
    """A published fact-check (schema.org ClaimReview, or a line of a desk's export).

    `key` is its identity in the store: the review's url when it has one, else a
    hash of the claim and reviewer, so re-ingesting the same review never adds
    a second row and a new rating at the same url replaces the old one.
    """

    id: int | None = None
    key: str
    claim_reviewed: str
    rating: str  # the textual rating ("False", "Mostly true"); "" when the source gives none
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    reviewer: str | None = None
    date: dt.date | None = None
    url: str | None = None
    claimant: str | None = None
    claim_date: dt.date | None = None  # when the claim was made (itemReviewed.datePublished)
    appearance: str | None = None  # where the claim appeared (itemReviewed.appearance url)
    title: str | None = None  # the fact-check's own headline (ClaimReview name/headline)
    source: str = ""  # the file or page it was read from
    lemmas: str = ""  # content-word lemmas of the claim and title, for lexical matching
    previous_rating: str | None = None  # set when a re-ingest changed the rating
    rating_changed_at: dt.datetime | None = None


class ReviewMatch(BaseModel):
    """A published fact-check matched to a claim: the `reviews` items of the JSON contract."""

    claim_reviewed: str
    rating: str
    reviewer: str | None = None
    date: dt.date | None = None
    url: str | None = None
    claimant: str | None = None
    score: float


class ClaimReport(BaseModel):
    text: str
    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list)
    reviews: list[ReviewMatch] = Field(default_factory=list)  # best first; never changes the verdict
    outlets_supporting: int = 0
    outlets_conflicting: int = 0
    # Set when the claim was asked as a question: the statement inside it, which is what
    # was checked ("Did X say Y?" -> "X said Y"). Reports say "You asked whether ...".
    asked_whether: str | None = None


class CheckReport(BaseModel):
    """The answer to one message: one or several claims.

    For a single claim the top level is that claim; `claims` lists each one
    when the message held several.
    """

    claim: str
    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list)
    reviews: list[ReviewMatch] = Field(default_factory=list)
    outlets_supporting: int = 0
    outlets_conflicting: int = 0
    claims: list[ClaimReport] = Field(default_factory=list)
    asked_whether: str | None = None  # as in ClaimReport, for a single claim
    # What the reader should know about what was not checked (sentences over the claim
    # limit, a language the engine does not read, an empty line), in plain words.
    note: str | None = None
    unchecked: int = 0  # check-worthy sentences left unchecked by the claim limit
    language: str | None = None  # set when nothing was checked: the message is not English


class IngestFailure(BaseModel):
    path: str
    reason: str


class ReviewCounts(BaseModel):
    """What ingest did with the fact-check records it found."""

    added: int = 0
    unchanged: int = 0
    updated: int = 0  # same review (url), new content: replaced, the old rating kept

    @property
    def total(self) -> int:
        return self.added + self.unchanged + self.updated


class IngestReport(BaseModel):
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)  # a new version of an indexed path
    unchanged: list[str] = Field(default_factory=list)
    failed: list[IngestFailure] = Field(default_factory=list)
    reviews: ReviewCounts = Field(default_factory=ReviewCounts)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        line = (
            f"added {len(self.added)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, failed {len(self.failed)}"
        )
        if self.reviews.total:
            counts = self.reviews
            line += f"\nfact-checks: added {counts.added}, updated {counts.updated}, unchanged {counts.unchanged}"
        return line

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed
        for name in ("added", "updated", "unchanged"):
            setattr(self.reviews, name, getattr(self.reviews, name) + getattr(other.reviews, name))
