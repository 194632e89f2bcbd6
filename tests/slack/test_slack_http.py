"""The HTTP endpoint as Slack and a load balancer see it: signatures, url_verification, health."""

from __future__ import annotations

import json
import time
import urllib.request

from slack_harness import SlackSender, load_payload


def test_url_verification_echoes_the_challenge(slack: SlackSender) -> None:
    body = load_payload("url_verification.json")

    reply = slack.event(body)

    assert reply.status == 200
    assert body["challenge"] in reply.body


def test_a_request_signed_with_another_secret_is_rejected(slack: SlackSender) -> None:
    reply = slack.event(load_payload("url_verification.json"), secret="not-the-signing-secret")

    assert reply.status == 401


def test_a_stale_timestamp_is_rejected_even_when_correctly_signed(slack: SlackSender) -> None:
    ten_minutes_ago = int(time.time()) - 600

    reply = slack.event(load_payload("url_verification.json"), timestamp=ten_minutes_ago)

    assert reply.status == 401


def test_healthz_answers_200_once_the_engine_is_loaded(bot_url: str) -> None:
    with urllib.request.urlopen(bot_url + "/healthz", timeout=10) as response:
        status, body = response.status, json.loads(response.read())

    assert status == 200
    assert body["ok"] is True
    assert isinstance(body["articles"], int)


def test_unknown_paths_are_not_found(bot_url: str) -> None:
    request = urllib.request.Request(bot_url + "/elsewhere", data=b"{}", method="POST")
    try:
        urllib.request.urlopen(request, timeout=10)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code

    assert status == 404


def test_a_body_that_is_not_json_is_answered_400_and_logged(slack: SlackSender, caplog) -> None:
    with caplog.at_level("WARNING", logger="bot.app"):
        reply = slack.post("{not json", "application/json")

    assert reply.status == 400
    assert "malformed Slack request" in caplog.text


def test_an_event_missing_its_fields_is_ignored_and_the_bot_keeps_answering(
    slack: SlackSender, fake_api, channel: str
) -> None:
    from fake_slack_api import BOT_USER_ID
    from slack_harness import event_callback, message_ts

    broken = event_callback("app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> help")
    del broken["event"]["channel"]
    assert slack.event(broken).status == 200  # acknowledged, so Slack does not retry it

    ts = message_ts()
    slack.event(event_callback("app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> help", channel=channel, ts=ts))

    fake_api.wait_for("chat.postMessage", lambda c: c.params.get("channel") == channel)
    assert not fake_api.calls_to("chat.postMessage", lambda c: c.params.get("channel") is None)
