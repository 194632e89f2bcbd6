"""Feedback buttons: the vote is stored with its check and the message shows it was counted."""

from __future__ import annotations

from typing import Any

from fake_slack_api import FakeSlackAPI
from slack_harness import SlackSender, load_payload


def report_posted_by_the_bot(slack: SlackSender, fake_api: FakeSlackAPI, channel: str) -> Any:
    """The slash command's report: its "Checking…" message updated into the report."""
    slack.command("The bridge will open to traffic in 2027", channel=channel)
    [report] = fake_api.wait_for("chat.update", lambda c: c.params.get("channel") == channel)
    return report


def vote_updates(channel: str):
    return lambda call: call.params.get("channel") == channel and "Feedback counted" in call.text


def click(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str, post: Any, action_id: str, user: str
) -> None:
    button = next(
        e
        for b in post.params["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == action_id
    )
    payload = load_payload("block_actions.json")
    payload["user"]["id"] = user
    payload["container"] = {
        "type": "message",
        "message_ts": post.params["ts"],
        "channel_id": channel,
        "is_ephemeral": False,
    }
    payload["channel"] = {"id": channel, "name": "news"}
    payload["message"] = {
        "type": "message",
        "ts": post.params["ts"],
        "text": post.params["text"],
        "blocks": post.params["blocks"],
    }
    payload["response_url"] = fake_api.response_url(f"action-{channel}")
    payload["actions"] = [
        {**button, "block_id": "feedback", "type": "button", "action_ts": "1700000100.000001"}
    ]
    assert slack.interactive(payload).status == 200


def test_a_vote_is_stored_and_the_report_updated_with_the_counts(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    post = report_posted_by_the_bot(slack, fake_api, channel)
    check_id = int(next(b for b in post.params["blocks"] if b["type"] == "actions")["elements"][0]["value"])

    click(slack, fake_api, channel, post, "feedback_up", user="W111")

    [update] = fake_api.wait_for("chat.update", vote_updates(channel))
    assert update.params["ts"] == post.params["ts"]
    assert "Feedback counted: 👍 1 · 👎 0" in update.text
    assert checker.store.feedback_counts(check_id) == {"up": 1, "down": 0}


def test_a_second_users_vote_adds_and_a_changed_vote_replaces(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    post = report_posted_by_the_bot(slack, fake_api, channel)
    check_id = int(next(b for b in post.params["blocks"] if b["type"] == "actions")["elements"][0]["value"])

    click(slack, fake_api, channel, post, "feedback_up", user="W111")
    fake_api.wait_for("chat.update", vote_updates(channel), count=1)
    click(slack, fake_api, channel, post, "feedback_down", user="W222")
    fake_api.wait_for("chat.update", vote_updates(channel), count=2)
    click(slack, fake_api, channel, post, "feedback_down", user="W111")
    updates = fake_api.wait_for("chat.update", vote_updates(channel), count=3)

    assert checker.store.feedback_counts(check_id) == {"up": 0, "down": 2}
    assert "Feedback counted: 👍 0 · 👎 2" in updates[-1].text
    assert updates[-1].text.count("Feedback counted") == 1
