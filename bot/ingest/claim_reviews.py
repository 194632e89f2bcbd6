"""schema.org ClaimReview records out of JSON-LD: HTML pages, `@graph`s and DataFeeds.

Fact-checkers publish their verdicts as ClaimReview markup (what Google's Fact
Check Explorer reads). The markup comes in many shapes: one object per
`<script type="application/ld+json">`, a list, an `@graph` whose nodes point at
each other by `@id` (the author is often `{"@id": "#organization"}`), a review
nested in an Article, or a DataFeed whose `dataFeedElement` items hold the
reviews. So the walk looks for ClaimReview nodes anywhere, resolves `@id`
references within the document, and reads each found node once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, Field

from bot.ingest.text_dates import find_date
from bot.core.models import IngestFailure, Review

LD_JSON = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(?P<body>.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
MAX_FIELD_CHARS = 2000  # a claim or a name longer than this is not one


class ReviewsFound(BaseModel):
    """Reviews read from one source, and the records that could not be used (one line each)."""

    reviews: list[Review] = Field(default_factory=list)
    skipped: list[IngestFailure] = Field(default_factory=list)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if k}


def _ids(value: Any, into: dict[str, dict[str, Any]]) -> None:
    """Every node with an `@id` and more than the id, so references can be followed."""
    if isinstance(value, dict):
        if isinstance(value.get("@id"), str) and len(value) > 1:
            into.setdefault(value["@id"], value)
        for inner in value.values():
            _ids(inner, into)
    elif isinstance(value, list):
        for inner in value:
            _ids(inner, into)


def _claim_review_nodes(value: Any) -> Iterator[dict[str, Any]]:
    """ClaimReview objects anywhere in a JSON-LD value (a found review is not searched further)."""
    if isinstance(value, dict):
        if "ClaimReview" in _types(value):
            yield value
            return
        for inner in value.values():
            yield from _claim_review_nodes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _claim_review_nodes(inner)


class _Document:
    """One JSON-LD document: follows `{"@id": …}` references to the full node."""

    def __init__(self, data: Any) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        _ids(data, self.nodes)

    def deref(self, value: Any) -> Any:
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.nodes.get(value["@id"], value)
        return value

    def first(self, value: Any) -> Any:
        """The first item of a list (schema.org allows one or many almost everywhere)."""
        value = self.deref(value)
        if isinstance(value, list):
            return self.deref(value[0]) if value else None
        return value

    def text(self, value: Any) -> str | None:
        value = self.first(value)
        if isinstance(value, dict):
            value = value.get("@value", value.get("name"))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return None
        cleaned = " ".join(html_lib.unescape(value).split())
        return cleaned[:MAX_FIELD_CHARS] or None

    def name(self, value: Any) -> str | None:
        """A person or organisation's name; several authors are joined with 'and'."""
        value = self.deref(value)
        if isinstance(value, list):
            names = [n for n in (self.name(v) for v in value) if n]
            return " and ".join(dict.fromkeys(names)) or None
        if isinstance(value, dict):
            return self.text(value.get("name") or value.get("alternateName") or value.get("legalName"))
        return self.text(value)

    def url(self, value: Any) -> str | None:
        value = self.first(value)
        if isinstance(value, dict):
            value = value.get("url") or value.get("@id")
            value = self.first(value)
        text = self.text(value)
        return text if text and re.match(r"https?://", text, re.IGNORECASE) else None


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def date_of(value: Any) -> dt.date | None:
    if isinstance(value, str) and value.strip():
        return find_date(value.strip())
    return None


def review_key(url: str | None, claim: str, reviewer: str | None) -> str:
    """The review's identity: its url, or a hash of the claim and reviewer when it has none."""
    if url:
        return url.strip()
    digest = hashlib.sha256(f"{' '.join(claim.lower().split())}\0{(reviewer or '').lower()}".encode())
    return "claim:" + digest.hexdigest()[:32]


def review_from_node(node: dict[str, Any], doc: _Document, *, source: str) -> Review:
    """One ClaimReview node as a Review; ValueError names what is missing."""
    claim = doc.text(node.get("claimReviewed"))
    item = doc.first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    if not claim:  # some publishers put the claim's wording on the Claim itself
        claim = doc.text(item.get("text") or item.get("name"))
    rating_node = doc.first(node.get("reviewRating"))
    rating_node = rating_node if isinstance(rating_node, dict) else {}
    rating = doc.text(rating_node.get("alternateName")) or doc.text(rating_node.get("name"))
    value = number(rating_node.get("ratingValue"))
    best, worst = number(rating_node.get("bestRating")), number(rating_node.get("worstRating"))
    if not rating and value is not None:  # a numeric scale only: say it as "2/5"
        rating = f"{value:g}/{best:g}" if best is not None else f"{value:g}"
    missing = [what for what, present in (("claim text", claim), ("rating", rating)) if not present]
    if missing:
        raise ValueError("no " + " and no ".join(missing))
    assert claim is not None and rating is not None
    appearance = item.get("appearance") or item.get("firstAppearance")
    reviewer = doc.name(node.get("author")) or doc.name(node.get("publisher"))
    url = doc.url(node.get("url")) or doc.url(node.get("@id"))
    return Review(
        key=review_key(url, claim, reviewer),
        claim_reviewed=claim,
        rating=rating,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        reviewer=reviewer,
        date=date_of(doc.text(node.get("datePublished"))),
        url=url,
        claimant=doc.name(item.get("author")),
        claim_date=date_of(doc.text(item.get("datePublished"))),
        appearance=doc.url(appearance),
        title=doc.text(node.get("name") or node.get("headline")),
        source=source,
    )


def reviews_from_jsonld(data: Any, *, source: str, found: ReviewsFound | None = None) -> ReviewsFound:
    """Every ClaimReview in one parsed JSON-LD value (object, list, `@graph`, DataFeed)."""
    found = found if found is not None else ReviewsFound()
    doc = _Document(data)
    for node in _claim_review_nodes(data):
        where = f"{source}#review-{len(found.reviews) + len(found.skipped) + 1}"
        try:
            found.reviews.append(review_from_node(node, doc, source=source))
        except ValueError as exc:
            found.skipped.append(IngestFailure(path=where, reason=f"ClaimReview skipped: {exc}"))
    return found


def reviews_from_html(html: str, *, source: str) -> ReviewsFound:
    """The ClaimReviews a page's `<script type="application/ld+json">` blocks hold.

    A block that is not valid JSON is reported, not fatal: the page's article
    text and its other blocks are still used.
    """
    found = ReviewsFound()
    for number_, match in enumerate(LD_JSON.finditer(html), 1):
        body = CDATA.sub("", match.group("body").strip())
        if "ClaimReview" not in body:
            continue  # other structured data (breadcrumbs, the Article itself) is not ours
        try:
            data = json.loads(body)
        except json.JSONDecodeError as exc:
            found.skipped.append(
                IngestFailure(
                    path=f"{source}#ld-json-{number_}",
                    reason=f"invalid JSON-LD ({exc.msg} at line {exc.lineno} column {exc.colno})",
                )
            )
            continue
        reviews_from_jsonld(data, source=source, found=found)
    return found
