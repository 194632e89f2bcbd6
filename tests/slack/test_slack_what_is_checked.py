"""What the bot checks and says so in Slack: questions, other languages, an empty index."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack_api import FakeSlackAPI
from slack_harness import SlackSender, event_callback, message_ts
from test_slack_events import SUPPORTED_CLAIM, in_thread, posts_in, settle

from bot.app import build_app, make_http_server
from bot.settings import Settings


def dm(slack: SlackSender, fake_api: FakeSlackAPI, channel: str, text: str) -> Any:
    """Send a DM and return the bot's answer in its thread."""
    ts = message_ts()
    body = event_callback("message.im.threaded.event_callback.json", text=text, channel=channel, ts=ts)
    del body["event"]["thread_ts"]
    slack.event(body)
    [post] = fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    return post


def test_a_question_is_answered_as_what_it_asks_about(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    post = dm(slack, fake_api, channel, "Did the council approve a budget of 45 million dollars for the bridge project?")

    section = post.params["blocks"][1]["text"]["text"]
    assert section.startswith("*You asked whether:* the council approved a budget of 45 million dollars")
    assert "You asked whether" in post.text  # the notification too
    assert "Supported" in post.text


def test_a_question_in_a_watched_thread_gets_no_automatic_answer(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    root = message_ts()
    checker.store.flag_thread(channel, root, user="W333", team="T111")
    for text in ("Did Mayor Elena Ruiz say the bridge will open to traffic in 2027?", SUPPORTED_CLAIM):
        slack.event(
            event_callback(
                "message.channels.event_callback.json", text=text, channel=channel, ts=message_ts(), thread_ts=root
            )
        )

    [post] = fake_api.wait_for("chat.postMessage", in_thread(channel, root))
    settle()
    assert len(posts_in(fake_api, channel)) == 1  # the statement's answer, none for the question
    assert "You asked" not in post.text


def test_a_message_in_another_language_is_not_checked_and_the_reply_says_why(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    post = dm(slack, fake_api, channel, "Der Stadtrat hat ein Budget von 45 Millionen Dollar für die Brücke beschlossen.")

    assert "only English is checked for now" in post.text
    assert "German" in post.text
    assert "No coverage found" not in str(post.params["blocks"])


@pytest.fixture
def empty_bot(fake_api: FakeSlackAPI, slack_settings: Settings, tmp_path: Path) -> Iterator[SlackSender]:
    """The bot over an index with no articles (its corpus folder is missing)."""
    from bot.service.checker import FactChecker

    settings = slack_settings.model_copy(
        update={"database_url": f"sqlite:///{tmp_path / 'empty.db'}", "corpus_dir": tmp_path / "no-such-corpus"}
    )
    checker = FactChecker.open(settings)
    server = make_http_server(build_app(settings, checker), checker, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, name="empty-bot-http", daemon=True)
    thread.start()
    yield SlackSender(server.url, fake_api)
    server.shutdown()
    server.server_close()
    checker.close()


def test_an_empty_index_is_named_instead_of_no_coverage(
    empty_bot: SlackSender, fake_api: FakeSlackAPI, channel: str, tmp_path: Path
) -> None:
    post = dm(empty_bot, fake_api, channel, SUPPORTED_CLAIM)

    assert "is empty" in post.text and str(tmp_path / "empty.db") in post.text
    assert "factcheck ingest" in post.text
    assert "No coverage found" not in post.text
