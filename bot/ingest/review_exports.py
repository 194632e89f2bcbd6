"""A desk's own fact-check export (CSV or JSON Lines) as Review records.

The columns (README, "Fact-check records"): `claim`, `rating`, `reviewer`,
`date`, `url`, and optionally `claimant`. A few spellings other tools export
are accepted too (`claim_reviewed`, `textual_rating`, `author`, ...), so a
desk does not have to rename columns. A JSON Lines line may also be a
ClaimReview object as published. Each bad row is reported with its line
number; the rest are kept.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from bot.ingest.claim_reviews import ReviewsFound, date_of, review_key, reviews_from_jsonld
from bot.core.models import IngestFailure, Review

COLUMNS: dict[str, tuple[str, ...]] = {
    "claim": ("claim", "claim_reviewed", "claimreviewed", "claim_text"),
    "rating": ("rating", "textual_rating", "alternate_name", "verdict"),
    "reviewer": ("reviewer", "author", "publisher", "fact_checker"),
    "date": ("date", "date_published", "datepublished", "review_date", "reviewed"),
    "url": ("url", "review_url", "link"),
    "claimant": ("claimant", "claim_author", "speaker"),
    "title": ("title", "headline"),
}
MAX_FIELD_CHARS = 2000


def _normal(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def is_review_record(record: dict[str, Any]) -> bool:
    """A JSON line describes a fact-check (a claim column, or ClaimReview markup), not an article."""
    keys = {_normal(k) for k in record}
    typed = str(record.get("@type", "")).endswith("ClaimReview")
    return typed or bool(keys & set(COLUMNS["claim"]))


def _field(record: dict[str, Any], name: str) -> str | None:
    normalised = {_normal(k): v for k, v in record.items() if isinstance(k, str)}
    for key in COLUMNS[name]:
        value = normalised.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:MAX_FIELD_CHARS]
    return None


def review_from_record(record: dict[str, Any], *, source: str) -> Review:
    """One export row as a Review; ValueError names what is missing."""
    claim, rating = _field(record, "claim"), _field(record, "rating")
    missing = [what for what, present in (("claim text", claim), ("rating", rating)) if not present]
    if missing:
        raise ValueError("no " + " and no ".join(missing))
    assert claim is not None and rating is not None
    reviewer, url = _field(record, "reviewer"), _field(record, "url")
    return Review(
        key=review_key(url, claim, reviewer),
        claim_reviewed=claim,
        rating=rating,
        reviewer=reviewer,
        date=date_of(_field(record, "date")),
        url=url,
        claimant=_field(record, "claimant"),
        title=_field(record, "title"),
        source=source,
    )


def add_record(found: ReviewsFound, record: dict[str, Any], *, where: str, source: str) -> None:
    """Add one JSON line or CSV row to `found` (a review, or a line saying why it was skipped)."""
    if str(record.get("@type", "")).endswith("ClaimReview") or "@graph" in record:
        line = reviews_from_jsonld(record, source=source)
        found.reviews.extend(line.reviews)
        found.skipped.extend(f.model_copy(update={"path": where}) for f in line.skipped)
        return
    try:
        found.reviews.append(review_from_record(record, source=source))
    except ValueError as exc:
        found.skipped.append(IngestFailure(path=where, reason=f"fact-check record skipped: {exc}"))


def reviews_from_csv(text: str, *, source: str) -> ReviewsFound:
    """A CSV export with a header row naming the columns; rows are numbered as lines of the file."""
    found = ReviewsFound()
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = {_normal(name) for name in reader.fieldnames or [] if name}
    if not header & set(COLUMNS["claim"]) or not header & set(COLUMNS["rating"]):
        raise ValueError(
            "the header row needs a 'claim' and a 'rating' column "
            f"(found: {', '.join(reader.fieldnames or []) or 'no header'})"
        )
    for row in reader:
        where = f"{source}#L{reader.line_num}"
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        add_record(found, {k: v for k, v in row.items() if k is not None}, where=where, source=source)
    return found
