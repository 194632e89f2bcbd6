"""Socket Mode: Bolt's adapter on slack_sdk's built-in client, against a local fake Socket Mode server."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack_api import BOT_USER_ID, FakeSlackAPI
from fake_socket_mode import FakeSocketModeServer
from pydantic import SecretStr
from slack_harness import load_payload, message_ts

from bot.app import socket_mode_handler
from bot.settings import Settings


@pytest.fixture(scope="module")
def socket_server(fake_api: FakeSlackAPI) -> Iterator[FakeSocketModeServer]:
    server = FakeSocketModeServer().start()
    fake_api.socket_mode_url = server.url
    yield server
    fake_api.socket_mode_url = None
    server.stop()


@pytest.fixture(scope="module")
def connected(
    bolt_app: Any, slack_settings: Settings, socket_server: FakeSocketModeServer
) -> Iterator[FakeSocketModeServer]:
    settings = slack_settings.model_copy(update={"slack_app_token": SecretStr("xapp-1-test")})
    handler = socket_mode_handler(bolt_app, settings)
    handler.connect()
    socket_server.wait_connected()
    socket_server.send(load_payload("socket_mode_hello.json"))
    yield socket_server
    handler.close()


def test_start_up_opens_the_connection_with_the_app_token(
    connected: FakeSocketModeServer, fake_api: FakeSlackAPI
) -> None:
    [opened] = fake_api.wait_for("apps.connections.open")

    assert opened.headers["authorization"] == "Bearer xapp-1-test"
    assert connected.handshake_path == "/link/?ticket=test-ticket"


def test_an_event_over_the_socket_is_acked_and_answered(
    connected: FakeSocketModeServer, fake_api: FakeSlackAPI, channel: str
) -> None:
    ts = message_ts()
    body = copy.deepcopy(load_payload("app_mention.event_callback.json"))
    body.update(event_id=f"EvSOCK{channel}", team_id="T111")
    body["event"].update(text=f"<@{BOT_USER_ID}> The bridge will open in 2027", channel=channel, ts=ts)
    envelope = {
        "envelope_id": f"env-{channel}",
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
        "payload": body,
    }

    connected.send(envelope)

    connected.wait_for_ack(f"env-{channel}")
    [post] = fake_api.wait_for(
        "chat.postMessage", lambda c: c.params.get("channel") == channel and c.params.get("thread_ts") == ts
    )
    assert post.params["blocks"][0]["type"] == "header"


def test_a_slash_command_over_the_socket_is_acked_then_checking_becomes_the_report(
    connected: FakeSocketModeServer, fake_api: FakeSlackAPI, channel: str
) -> None:
    command = load_payload("slash_command.parsed.json")
    command.update(
        command="/factcheck",
        text="Train drivers got a 6 percent pay rise",
        channel_id=channel,
        response_url=fake_api.response_url(f"sock-{channel}"),
    )
    envelope = {
        "envelope_id": f"cmd-{channel}",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": command,
    }

    connected.send(envelope)

    ack = connected.wait_for_ack(f"cmd-{channel}")
    assert not ack.get("payload")  # an empty ack: no ephemeral that could never be removed
    [note] = fake_api.wait_for("chat.postMessage", lambda c: c.params.get("channel") == channel)
    assert "Checking" in note.text
    [report] = fake_api.wait_for("chat.update", lambda c: c.params.get("channel") == channel)
    assert report.params["ts"] == note.response["ts"]
