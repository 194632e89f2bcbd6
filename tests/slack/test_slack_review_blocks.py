"""'Previously checked' in Block Kit: within Slack's limits, and escaped, whatever the review says."""

from __future__ import annotations

import datetime as dt
import json

from bot.core.models import CheckReport, ClaimReport, ReviewMatch
from handlers.blocks import MAX_BLOCKS, MAX_SECTION_CHARS, report_blocks, reviews_blocks


def review(claim: str = "Face masks starve children of oxygen", **fields: object) -> ReviewMatch:
    defaults: dict[str, object] = {
        "claim_reviewed": claim,
        "rating": "False",
        "reviewer": "Harbour Checks",
        "date": dt.date(2025, 3, 3),
        "url": "https://checks.example/masks?a=1&b=2",
        "claimant": "a viral post",
        "score": 0.83,
    }
    defaults.update(fields)
    return ReviewMatch(**defaults)  # type: ignore[arg-type]


def sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def test_the_section_shows_rating_reviewer_date_link_and_the_reviewed_wording() -> None:
    report = CheckReport(claim="Masks starve kids of oxygen", verdict="not_found", reviews=[review()])

    blocks, fallback = report_blocks(report, check_id=None)

    section = sections(blocks)[1]
    assert section.startswith("*Previously checked*\n")
    assert "*False* — Harbour Checks · 3 Mar 2025 · <https://checks.example/masks?a=1&amp;b=2|link>" in section
    assert "reviewed claim: “Face masks starve children of oxygen” — a viral post" in section
    assert "Previously checked: False by Harbour Checks" in fallback


def test_review_text_is_escaped_so_it_never_pings_or_breaks_a_link() -> None:
    hostile = review(
        "<!channel> masks & <@U123> oxygen",
        rating="<b>False</b>",
        reviewer="Desk | <https://evil.example|click>",
        claimant="<!here>",
        url="https://checks.example/x|<evil>",
    )
    report = CheckReport(claim="masks", verdict="not_found", reviews=[hostile])

    blocks, fallback = report_blocks(report, check_id=None)

    dumped = json.dumps(blocks)
    for raw in ("<!channel>", "<@U123>", "<!here>", "<b>", "<https://evil.example", "<evil>"):
        assert raw not in dumped and raw not in fallback
    assert "&lt;!channel&gt; masks &amp; &lt;@U123&gt; oxygen" in dumped


def test_huge_reviews_on_many_claims_stay_within_slack_limits() -> None:
    long_review = review("word & " * 2000, reviewer="R" * 500, rating="F" * 500, claimant="C" * 500)
    claims = [
        ClaimReport(text=f"Claim {n} " + "x" * 3000, verdict="not_found", reviews=[long_review] * 5)
        for n in range(30)
    ]
    report = CheckReport(claim="many", verdict="not_found", claims=claims, reviews=[long_review] * 40)

    blocks, fallback = report_blocks(report, check_id=7)

    assert len(blocks) <= MAX_BLOCKS
    assert all(len(text) <= MAX_SECTION_CHARS for text in sections(blocks))
    assert sum("*Previously checked*" in text for text in sections(blocks)) >= 1
    assert blocks[-1]["type"] == "actions"  # the feedback buttons still fit
    assert len(fallback) <= 3000


def test_the_reviews_command_answer_lists_each_match_and_fits() -> None:
    found = [review(f"Claim {n} & more", url=f"https://c.example/{n}") for n in range(80)]

    blocks, fallback = reviews_blocks("masks & oxygen", found)
    empty, none_text = reviews_blocks("<!channel> nothing", [])

    assert len(blocks) == MAX_BLOCKS and blocks[0]["type"] == "header"
    assert "Claim 0 &amp; more" in sections(blocks)[0]
    assert fallback == "False: Claim 0 &amp; more"
    assert "&lt;!channel&gt; nothing" in none_text and "<!channel>" not in json.dumps(empty)
