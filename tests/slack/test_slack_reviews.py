"""Published fact-checks in Slack: "Previously checked" in reports, `/factcheck reviews`,
and a strong review match answering in a flagged thread on its own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fake_slack_api import FakeSlackAPI
from slack_harness import SlackSender, event_callback, message_ts

REVIEW_PAGE = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "@id": "#desk", "name": "Harbour <Checks> & Co"},
        {
            "@type": "ClaimReview",
            "url": "https://checks.example/masks-oxygen",
            "claimReviewed": "Face masks starve children of oxygen",
            "author": {"@id": "#desk"},
            "datePublished": "2025-03-03",
            "itemReviewed": {"@type": "Claim", "author": {"name": "<!channel> poster"}},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
        },
    ],
}
PARAPHRASE = "Wearing face masks starves kids of oxygen"


@pytest.fixture(scope="module")
def reviewed(checker: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The fact-check ingested once into the session's engine (a topic the corpus never covers)."""
    page = tmp_path_factory.mktemp("reviews") / "masks.json"
    page.write_text(json.dumps(REVIEW_PAGE), encoding="utf-8")
    report = checker.ingest([Path(page)])
    assert report.reviews.added == 1, report
    return checker


def in_channel(channel: str):
    return lambda call: call.params.get("channel") == channel


def test_a_report_shows_the_matching_fact_check_first_escaped(
    slack: SlackSender, fake_api: FakeSlackAPI, reviewed: Any, channel: str
) -> None:
    slack.command(PARAPHRASE, channel=channel)

    [report] = fake_api.wait_for("chat.update", in_channel(channel))
    blocks = report.params["blocks"]
    texts = [b.get("text", {}).get("text", "") for b in blocks]
    at = next(i for i, t in enumerate(texts) if t.startswith("*Previously checked*"))
    assert at == 2  # header, claim, then the fact-check, before any excerpt or note
    section = texts[at]
    assert "*False*" in section and "3 Mar 2025" in section
    assert "<https://checks.example/masks-oxygen|link>" in section
    assert "Harbour &lt;Checks&gt; &amp; Co" in section and "&lt;!channel&gt; poster" in section
    assert "“Face masks starve children of oxygen”" in section
    assert "<!channel>" not in json.dumps(blocks)
    assert report.params["blocks"][0]["text"]["text"].startswith("🔍")  # verdict: the articles' own
    assert "Previously checked: False" in report.text


def test_reviews_command_searches_the_fact_checks(
    slack: SlackSender, fake_api: FakeSlackAPI, reviewed: Any, channel: str
) -> None:
    reply = slack.command("reviews masks oxygen", channel=channel)

    assert "Searching the published fact-checks" in reply.body
    [answer] = fake_api.wait_for("response_url", lambda c: c.path.endswith(f"command-{channel}"))
    assert answer.params["response_type"] == "ephemeral"
    assert "Face masks starve children of oxygen" in json.dumps(answer.params["blocks"])


def test_a_strong_review_match_alone_answers_in_a_flagged_thread(
    slack: SlackSender, fake_api: FakeSlackAPI, reviewed: Any, channel: str
) -> None:
    root = message_ts()
    reviewed.store.flag_thread(channel, root, user="W333", team="T111")

    slack.event(
        event_callback(
            "message.channels.event_callback.json",
            text="Face masks starve 40 children of oxygen.",
            channel=channel,
            ts=message_ts(),
            thread_ts=root,
        )
    )

    [post] = fake_api.wait_for(
        "chat.postMessage", lambda c: c.params.get("channel") == channel and c.params.get("thread_ts") == root
    )
    assert "Previously checked" in json.dumps(post.params["blocks"])
