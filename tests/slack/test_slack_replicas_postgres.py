"""Two bot replicas sharing one PostgreSQL store: Slack's retry of an event answered once.

Slack may deliver a retry of an event to a different replica than the first
attempt; the processed-event ids live in the shared store, so only one replica
answers. Flags set through one replica are seen by the other.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack_api import BOT_USER_ID, FakeSlackAPI
from slack_harness import BOT_TOKEN, FIXTURES, SIGNING_SECRET, SlackSender, event_callback, message_ts
from store_fixtures import temporary_pg_database

from bot.app import build_app, make_http_server
from bot.service.checker import FactChecker
from bot.settings import Settings

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def replicas(fake_api: FakeSlackAPI) -> Iterator[list[tuple[SlackSender, FactChecker]]]:
    """Two independent app processes' worth of objects (engine, Bolt app, HTTP server) on one database."""
    with temporary_pg_database() as url:
        settings = Settings(
            _env_file=None,
            database_url=url,
            corpus_dir=FIXTURES / "corpus",
            slack_bot_token=BOT_TOKEN,
            slack_signing_secret=SIGNING_SECRET,
            slack_app_token=None,
            slack_api_url=fake_api.api_url,
        )
        running: list[tuple[SlackSender, FactChecker, Any]] = []
        for _ in range(2):
            checker = FactChecker.open(settings)
            checker.ensure_indexed()
            server = make_http_server(build_app(settings, checker), checker, host="127.0.0.1", port=0)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            running.append((SlackSender(server.url, fake_api), checker, server))
        yield [(sender, checker) for sender, checker, _ in running]
        for _, checker, server in running:
            server.shutdown()
            server.server_close()
            checker.close()


def in_thread(channel: str, thread_ts: str):
    return lambda call: call.params.get("channel") == channel and call.params.get("thread_ts") == thread_ts


def test_the_same_event_sent_to_both_replicas_is_answered_once(
    replicas: list[tuple[SlackSender, FactChecker]], fake_api: FakeSlackAPI, channel: str
) -> None:
    (first, _), (second, _) = replicas
    ts = message_ts()
    body = event_callback(
        "app_mention.event_callback.json",
        text=f"<@{BOT_USER_ID}> The council approved a budget of 45 million dollars for the bridge project.",
        channel=channel,
        ts=ts,
    )

    replies = [first.event(body), second.event(body, headers={"X-Slack-Retry-Num": "1"})]

    assert [r.status for r in replies] == [200, 200]
    fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    barrier = message_ts()  # a later event on both replicas: once it is answered, the first is settled
    second.event(event_callback("app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> help", channel=channel, ts=barrier))
    first.event(event_callback("app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> help", channel=channel, ts=barrier))
    fake_api.wait_for("chat.postMessage", in_thread(channel, barrier))
    assert len(fake_api.calls_to("chat.postMessage", in_thread(channel, ts))) == 1


def test_a_thread_flagged_through_one_replica_is_watched_by_the_other(
    replicas: list[tuple[SlackSender, FactChecker]], channel: str
) -> None:
    (_, one), (_, other) = replicas
    thread_ts = message_ts()

    one.store.flag_thread(channel, thread_ts, user="U1", team="T111")

    assert other.store.is_flagged(channel, thread_ts)
    assert other.store.unflag_thread(channel, thread_ts)
    assert not one.store.is_flagged(channel, thread_ts)
