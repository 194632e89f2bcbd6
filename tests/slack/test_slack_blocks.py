"""Block Kit builders: the report a user reads, inside Slack's limits whatever the input."""

from __future__ import annotations

import datetime as dt
import json

from bot.core.models import ArticleRef, CheckReport, ClaimReport, Evidence, Reason
from bot.store.base import CheckAudit
from handlers.blocks import (
    MAX_BLOCKS,
    MAX_HEADER_CHARS,
    MAX_SECTION_CHARS,
    error_blocks,
    escape,
    excerpt_markdown,
    home_view,
    report_blocks,
    with_feedback_counts,
)


def evidence(
    text: str = "The bridge will open to traffic in 2027, Mayor Elena Ruiz said.", **fields: object
) -> Evidence:
    defaults: dict[str, object] = {
        "stance": "supports",
        "kind": "quote",
        "text": text,
        "speaker": "Elena Ruiz",
        "score": 0.9,
        "article": ArticleRef(
            path="a.txt",
            outlet="Harbor Gazette",
            published=dt.date(2026, 3, 10),
            url="https://gazette.example/a",
        ),
        "highlight": "will open to traffic in 2027",
    }
    defaults.update(fields)
    return Evidence(**defaults)


def all_text(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def assert_within_limits(blocks: list[dict]) -> None:
    assert len(blocks) <= MAX_BLOCKS
    for block in blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER_CHARS
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_SECTION_CHARS
        if block["type"] == "context":
            assert len(block["elements"]) <= 10
            assert all(len(e["text"]) <= MAX_SECTION_CHARS for e in block["elements"])


def test_the_report_reads_like_the_design() -> None:
    report = CheckReport(
        claim="Hegseth said US troops would go to Ukraine",
        verdict="conflicting",
        outlets_conflicting=2,
        evidence=[
            evidence(
                "There will not be U.S. troops deployed to Ukraine",
                stance="conflicts",
                speaker="Pete Hegseth",
                highlight="troops deployed to Ukraine",
                reasons=[Reason(code="negation", detail="claim: would go; source: will not be deployed")],
                also_in=[ArticleRef(path="b.txt", outlet="AFP"), ArticleRef(path="c.txt", outlet="Reuters")],
            )
        ],
    )

    blocks, fallback = report_blocks(report, check_id=7)

    assert blocks[0] == {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": "❌ Conflicting — 2 sources conflict, 0 support",
            "emoji": True,
        },
    }
    excerpt = blocks[2]["text"]["text"]
    assert excerpt.startswith("❌ “There will not be U.S. *troops deployed to Ukraine*”")
    assert excerpt.endswith("— Pete Hegseth")
    source = blocks[3]["elements"][0]["text"]
    assert "Harbor Gazette · 10 Mar 2026 · <https://gazette.example/a|link>" in source
    assert "the source says the opposite (claim: would go; source: will not be deployed)" in source
    assert "also in: AFP, Reuters" in source
    buttons = blocks[-1]["elements"]
    assert [(b["action_id"], b["value"]) for b in buttons] == [("feedback_up", "7"), ("feedback_down", "7")]
    assert (
        fallback
        == "❌ Conflicting — 2 sources conflict, 0 support: Hegseth said US troops would go to Ukraine"
    )


def test_not_found_still_answers_in_plain_words() -> None:
    blocks, fallback = report_blocks(
        CheckReport(claim="The moon is cheese", verdict="not_found"), check_id=None
    )

    assert blocks[0]["text"]["text"] == "🔍 No coverage found"
    assert "Nothing in the indexed articles" in all_text(blocks)
    assert not any(b["type"] == "actions" for b in blocks)
    assert fallback.startswith("🔍 No coverage found")


def test_user_and_corpus_text_never_pings_anyone() -> None:
    report = CheckReport(
        claim="<!channel> <@U123> <!here|here> AT&T",
        verdict="supported",
        evidence=[evidence("Ask <!everyone> & <#C123>", highlight="<!everyone>", speaker="<@U999>")],
    )

    blocks, fallback = report_blocks(report, check_id=1)

    text = all_text(blocks) + fallback
    for raw in ("<!channel>", "<@U123>", "<!here", "<!everyone>", "<#C123>", "<@U999>"):
        assert raw not in text
    assert "&lt;!channel&gt; &lt;@U123&gt;" in text
    assert "AT&amp;T" in text


def test_a_huge_report_stays_within_block_kit_limits() -> None:
    long_text = "The council approved the budget after a long debate. " * 200  # ~10,000 characters
    items = [
        evidence(
            long_text,
            highlight="approved the budget",
            also_in=[ArticleRef(path=f"{i}.txt", outlet=f"Outlet {i}") for i in range(30)],
        )
        for _ in range(100)
    ]
    claims = [ClaimReport(text=long_text, verdict="supported", evidence=items) for _ in range(30)]
    for report in (
        CheckReport(claim=long_text, verdict="supported", evidence=items, note="3 more sentences were not checked."),
        CheckReport(claim=long_text, verdict="mixed", evidence=items, claims=claims, note="Only the first part was read."),
    ):
        blocks, fallback = report_blocks(report, check_id=123)

        assert_within_limits(blocks)
        assert blocks[-1]["type"] == "actions"  # the feedback buttons are never cut off
        assert "more" in all_text(blocks)
        assert len(fallback) <= 3000


def test_a_long_excerpt_is_cut_around_the_aligned_words() -> None:
    text = (
        "Filler words come first here. " * 40
        + "The toll will be two dollars."
        + " More filler after it." * 40
    )

    markdown = excerpt_markdown(evidence(text, highlight="toll will be two dollars"), limit=200)

    assert "*toll will be two dollars*" in markdown
    assert markdown.startswith("…") and markdown.endswith("…")
    assert len(markdown) <= 210


def test_escaping_is_never_cut_in_the_middle_of_an_entity() -> None:
    report = CheckReport(claim="&" * 5000, verdict="not_found")

    blocks, _ = report_blocks(report, check_id=None)

    claim_text = blocks[1]["text"]["text"]
    assert len(claim_text) <= MAX_SECTION_CHARS
    assert claim_text.replace("*Claim:* ", "").rstrip("…").replace("&amp;", "") == ""


def test_feedback_counts_replace_the_previous_line() -> None:
    blocks, _ = report_blocks(CheckReport(claim="x", verdict="not_found"), check_id=3)

    once = with_feedback_counts(blocks, {"up": 1, "down": 0})
    twice = with_feedback_counts(once, {"up": 2, "down": 1})

    assert all_text(twice).count("Feedback counted") == 1
    assert "Feedback counted: 👍 2 · 👎 1" in all_text(twice)


def test_error_message_is_short_and_escaped() -> None:
    blocks, text = error_blocks("bad input <!channel>")

    assert text == ":warning: couldn't check that: bad input &lt;!channel&gt;"
    assert blocks[0]["text"]["text"] == text


def test_home_view_lists_outlets_and_recent_checks() -> None:
    recent = [
        CheckAudit(
            id=1,
            user="W111",
            source="slash",
            claim="<!here> bridge",
            verdict="supported",
            created_at=dt.datetime(2026, 3, 11, 9, 30),
        )
    ]

    view = home_view(2, [], recent)

    text = all_text(view["blocks"])
    assert view["type"] == "home"
    assert "*2* articles indexed" in text
    assert "&lt;!here&gt; bridge" in text and "<!here>" not in text


def test_escape_covers_exactly_slacks_control_characters() -> None:
    assert escape("a & b < c > d \"e\" 'f'") == "a &amp; b &lt; c &gt; d \"e\" 'f'"
