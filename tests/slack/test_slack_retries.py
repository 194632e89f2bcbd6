"""Slack answering 429 (Retry-After) or 500: slack_sdk's retry handlers still deliver the report."""

from __future__ import annotations

from fake_slack_api import BOT_USER_ID, FakeSlackAPI
from slack_harness import SlackSender, event_callback, message_ts


def mention(slack: SlackSender, channel: str, text: str) -> str:
    ts = message_ts()
    slack.event(
        event_callback(
            "app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> {text}", channel=channel, ts=ts
        )
    )
    return ts


def test_a_rate_limited_post_is_retried_after_retry_after_and_delivered(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    fake_api.fail_next("chat.postMessage", 429)

    ts = mention(slack, channel, "The bridge will open in 2027")

    [delivered] = fake_api.wait_for("chat.postMessage", lambda c: c.params.get("thread_ts") == ts)
    attempts = fake_api.calls_to("chat.postMessage", lambda c: c.params.get("channel") == channel)
    assert [a.status for a in attempts] == [429, 200]
    assert delivered.params["blocks"] == attempts[0].params["blocks"]


def test_a_server_error_is_retried_and_delivered(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    fake_api.fail_next("chat.postMessage", 500)

    ts = mention(slack, channel, "Train drivers accepted a pay rise of 6 percent")

    fake_api.wait_for("chat.postMessage", lambda c: c.params.get("thread_ts") == ts)
    attempts = fake_api.calls_to("chat.postMessage", lambda c: c.params.get("channel") == channel)
    assert [a.status for a in attempts] == [500, 200]
