"""Fact-check records read from what fact-checkers publish: ClaimReview JSON-LD in pages,
DataFeeds, and a desk's CSV / JSON Lines export. Made-up records, real formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.ingest.claim_reviews import reviews_from_html, reviews_from_jsonld
from bot.ingest.loading import FileRejected, read_file

GRAPH_PAGE = """<!doctype html><html><head><title>Fact check: masks and oxygen</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList",
 "itemListElement": []}</script>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "@id": "https://checks.example/#org", "name": "Harbour Checks",
   "url": "https://checks.example/"},
  {"@type": "WebPage", "@id": "https://checks.example/masks", "name": "Masks and oxygen"},
  {"@type": ["ClaimReview"], "@id": "https://checks.example/masks#review",
   "url": "https://checks.example/masks",
   "claimReviewed": "Face masks cause oxygen deprivation &amp; harm children",
   "author": {"@id": "https://checks.example/#org"},
   "datePublished": "2025-03-03T09:15:00+00:00",
   "name": "No, masks do not starve children of oxygen",
   "itemReviewed": {"@type": "Claim",
     "author": {"@type": "Person", "name": "Dr. Lena Marsh"},
     "datePublished": "2025-02-27",
     "appearance": [{"@type": "CreativeWork", "url": "https://social.example/post/1"}]},
   "reviewRating": {"@type": "Rating", "ratingValue": "1", "bestRating": "5", "worstRating": "1",
     "alternateName": "False"}}
]}
</script></head><body><article><h1>No, masks do not starve children of oxygen</h1>
<p>A post shared thousands of times claims that face masks cause oxygen deprivation in children.
Paediatricians at Ardmore General Hospital measured oxygen levels in 40 children and found no drop.</p>
</article></body></html>"""


def test_a_review_in_a_graph_is_read_with_its_author_followed_by_id() -> None:
    found = reviews_from_html(GRAPH_PAGE, source="pages/masks.html")

    (review,) = found.reviews
    assert review.claim_reviewed == "Face masks cause oxygen deprivation & harm children"
    assert (review.rating, review.rating_value, review.best_rating, review.worst_rating) == ("False", 1, 5, 1)
    assert review.reviewer == "Harbour Checks"
    assert review.date == dt.date(2025, 3, 3)
    assert review.url == review.key == "https://checks.example/masks"
    assert (review.claimant, review.claim_date) == ("Dr. Lena Marsh", dt.date(2025, 2, 27))
    assert review.appearance == "https://social.example/post/1"
    assert review.title == "No, masks do not starve children of oxygen"
    assert found.skipped == []


def test_several_reviews_on_one_page_are_all_read_and_a_bad_one_reported() -> None:
    reviews = [
        {"@type": "ClaimReview", "claimReviewed": f"Claim number {n}", "url": f"https://c.example/{n}",
         "reviewRating": {"@type": "Rating", "alternateName": "Misleading"}}
        for n in (1, 2)
    ]
    reviews.append({"@type": "ClaimReview", "claimReviewed": "A claim nobody rated"})
    page = f'<script type="application/ld+json">{json.dumps(reviews)}</script>'

    found = reviews_from_html(page, source="page.html")

    assert [r.claim_reviewed for r in found.reviews] == ["Claim number 1", "Claim number 2"]
    assert [(f.path, f.reason) for f in found.skipped] == [
        ("page.html#review-3", "ClaimReview skipped: no rating")
    ]


def test_missing_optional_fields_leave_them_empty_and_a_numeric_rating_is_spelled_out() -> None:
    data = {"@type": "http://schema.org/ClaimReview", "claimReviewed": "Bridge tolls doubled",
            "reviewRating": {"ratingValue": 2, "bestRating": 5}}

    (review,) = reviews_from_jsonld(data, source="x.json").reviews

    assert review.rating == "2/5"
    assert (review.reviewer, review.date, review.url, review.claimant) == (None, None, None, None)
    assert review.key.startswith("claim:")  # no url: identified by claim and reviewer


def test_a_review_without_claim_text_or_rating_is_reported_not_kept() -> None:
    data = [{"@type": "ClaimReview", "url": "https://c.example/x"}]

    found = reviews_from_jsonld(data, source="feed.json")

    assert found.reviews == []
    assert found.skipped[0].reason == "ClaimReview skipped: no claim text and no rating"


def test_a_review_nested_in_an_article_is_found() -> None:
    data = {"@type": "NewsArticle", "headline": "Checked",
            "review": {"@type": "ClaimReview", "claimReviewed": "Rail fares fell 10%",
                       "reviewRating": {"alternateName": "Mostly false"}}}

    assert [r.rating for r in reviews_from_jsonld(data, source="a").reviews] == ["Mostly false"]


def test_invalid_json_ld_is_reported_and_the_other_blocks_still_read() -> None:
    page = (
        '<script type="application/ld+json">{"@type": "ClaimReview", oops}</script>'
        + GRAPH_PAGE
    )

    found = reviews_from_html(page, source="p.html")

    assert len(found.reviews) == 1
    assert found.skipped[0].path == "p.html#ld-json-1"
    assert found.skipped[0].reason.startswith("invalid JSON-LD")


def test_a_data_feed_of_claim_reviews_is_read(tmp_path: Path) -> None:
    feed = {
        "@context": "https://schema.org", "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "dateCreated": "2025-03-01",
             "item": [{"@type": "ClaimReview", "claimReviewed": f"Feed claim {n}",
                       "url": f"https://c.example/feed/{n}", "author": {"name": "Coast Desk"},
                       "reviewRating": {"alternateName": "True"}}]}
            for n in range(3)
        ],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(feed), encoding="utf-8")

    loaded = read_file(path, max_bytes=1_000_000)

    assert loaded.articles == []
    assert [r.claim_reviewed for r in loaded.reviews] == ["Feed claim 0", "Feed claim 1", "Feed claim 2"]
    assert {r.reviewer for r in loaded.reviews} == {"Coast Desk"}


def test_a_json_file_without_reviews_is_rejected_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"@type": "Organization", "name": "x"}', encoding="utf-8")

    with pytest.raises(FileRejected, match="no usable fact-check record"):
        read_file(path, max_bytes=1_000_000)


def test_a_fact_check_page_gives_both_its_article_and_its_review(tmp_path: Path) -> None:
    path = tmp_path / "masks.html"
    path.write_text(GRAPH_PAGE, encoding="utf-8")

    loaded = read_file(path, max_bytes=1_000_000)

    assert "Paediatricians at Ardmore General Hospital" in loaded.articles[0].text
    assert [r.rating for r in loaded.reviews] == ["False"]


CSV_EXPORT = """claim,rating,reviewer,date,url,claimant
"Tap water in Ardmore contains lead",False,Harbour Checks,2025-01-15,https://checks.example/water,Council candidate
"The ferry, they say, runs hourly",Mostly true,Harbour Checks,15/01/2025,,
,False,Harbour Checks,2025-01-16,https://checks.example/empty,
"Bridge tolls doubled",,Harbour Checks,2025-01-17,https://checks.example/tolls,
"""


def test_a_csv_export_keeps_good_rows_and_reports_each_bad_one_by_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.csv"
    path.write_text(CSV_EXPORT, encoding="utf-8")

    loaded = read_file(path, max_bytes=1_000_000)

    first, second = loaded.reviews
    assert (first.claim_reviewed, first.rating, first.reviewer, first.date, first.url, first.claimant) == (
        "Tap water in Ardmore contains lead", "False", "Harbour Checks", dt.date(2025, 1, 15),
        "https://checks.example/water", "Council candidate",
    )
    assert second.claim_reviewed == "The ferry, they say, runs hourly" and second.url is None
    assert [(Path(f.path).name, f.reason) for f in loaded.skipped] == [
        ("desk.csv#L4", "fact-check record skipped: no claim text"),
        ("desk.csv#L5", "fact-check record skipped: no rating"),
    ]


def test_a_csv_without_claim_and_rating_columns_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name,score\nx,1\n", encoding="utf-8")

    with pytest.raises(FileRejected, match="needs a 'claim' and a 'rating' column"):
        read_file(path, max_bytes=1_000_000)


def test_a_jsonl_export_mixes_reviews_articles_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"claim": "Rail fares fell 10% last year", "rating": "False", "reviewer": "Coast Desk",
         "date": "2025-02-01", "url": "https://coast.example/fares"},
        {"title": "Fares story", "text": "Rail fares rose 4% last year, the operator said on Monday."},
        {"claim": "Rail fares will be frozen", "reviewer": "Coast Desk"},
        {"@type": "ClaimReview", "claimReviewed": "Fares are free on Sundays",
         "reviewRating": {"alternateName": "Pants on fire"}},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", encoding="utf-8")

    loaded = read_file(path, max_bytes=1_000_000)

    assert [r.rating for r in loaded.reviews] == ["False", "Pants on fire"]
    assert len(loaded.articles) == 1
    assert [(Path(f.path).name, f.reason.split(" (")[0]) for f in loaded.skipped] == [
        ("export.jsonl#L3", "fact-check record skipped: no rating"),
        ("export.jsonl#L5", "invalid JSON"),
    ]
