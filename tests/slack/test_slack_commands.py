"""/factcheck: acknowledged at once, then the report (or a lookup) delivered."""

from __future__ import annotations

from typing import Any

import pytest
from fake_slack_api import FakeSlackAPI
from slack_harness import SlackSender

from bot.core.errors import StoreError


def in_channel(channel: str):
    return lambda call: call.params.get("channel") == channel


def to_caller(channel: str):
    """Answers sent through this test's slash command response_url."""
    return lambda call: call.path.endswith(f"command-{channel}")


def report_in(fake_api: FakeSlackAPI, channel: str) -> Any:
    """The report: the bot's "Checking…" message in the channel, updated into the report."""
    [note] = fake_api.wait_for("chat.postMessage", in_channel(channel))
    [report] = fake_api.wait_for("chat.update", in_channel(channel))
    assert report.params["ts"] == note.response["ts"]
    return report


def test_a_claim_shows_checking_until_the_report_replaces_it(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    reply = slack.command("Mayor Elena Ruiz said the bridge will open in 2027", channel=channel)

    assert reply.status == 200
    assert reply.body == ""  # no ephemeral ack: Slack would offer no way to remove it
    [note] = fake_api.wait_for("chat.postMessage", in_channel(channel))
    assert "Checking" in note.text and "Elena Ruiz" in note.text
    [post] = fake_api.wait_for("chat.update", in_channel(channel))
    assert post.params["ts"] == note.response["ts"]  # the same message, now the report
    [shown] = fake_api.shown_in(channel)
    assert "Checking" not in shown and "Elena Ruiz" in shown
    assert post.params["blocks"][0]["type"] == "header"
    assert "Harbor Gazette" in post.text and "<https://gazette.example/harbor-bridge|link>" in post.text
    [audit] = [a for a in checker.store.recent_checks(limit=50, team="T111") if a.channel == channel]
    assert audit.source == "slash" and audit.user == "W111"
    buttons = next(b for b in post.params["blocks"] if b["type"] == "actions")["elements"]
    assert {b["action_id"] for b in buttons} == {"feedback_up", "feedback_down"}
    assert {b["value"] for b in buttons} == {str(audit.id)}
    assert fake_api.calls_to("response_url", to_caller(channel)) == []


def test_when_the_checking_message_cannot_be_updated_the_report_is_posted_and_it_removed(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    fake_api.fail_next("chat.update", 200, error="message_not_found")

    slack.command("The bridge will open to traffic in 2027", channel=channel)

    [note, post] = fake_api.wait_for("chat.postMessage", in_channel(channel), count=2)
    [deleted] = fake_api.wait_for("chat.delete", in_channel(channel))
    assert deleted.params["ts"] == note.response["ts"]
    assert post.params["blocks"][0]["type"] == "header"
    [shown] = fake_api.shown_in(channel)
    assert "Checking" not in shown


def test_empty_input_gets_the_usage(slack: SlackSender, channel: str) -> None:
    reply = slack.command("   ", channel=channel)

    assert reply.status == 200
    assert "Usage: /factcheck" in reply.body


def test_help_lists_what_the_command_can_do(slack: SlackSender, channel: str) -> None:
    reply = slack.command("help", channel=channel)

    text = reply.body
    assert reply.status == 200
    for sub_command in ("who said", "sources", "unwatch"):
        assert sub_command in text


def test_sources_tells_the_caller_what_the_corpus_holds_without_loading_bodies(
    slack: SlackSender,
    fake_api: FakeSlackAPI,
    checker: Any,
    channel: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def every_body() -> Any:
        raise AssertionError("the listing loaded every article body")

    monkeypatch.setattr(checker.store, "articles", every_body)

    slack.command("sources", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert answer.params["response_type"] == "ephemeral"
    assert f"{checker.store.article_count()} articles" in answer.text
    assert "couldn't list" not in answer.text


def test_who_said_searches_the_quotes(slack: SlackSender, fake_api: FakeSlackAPI, channel: str) -> None:
    reply = slack.command('who said "far too expensive"', channel=channel)

    assert "Searching" in reply.body
    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert answer.params["response_type"] == "ephemeral"


def test_a_repeated_sentence_is_checked_once_and_the_report_says_so(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    claim = "The council approved a budget of 45 million dollars. " * 60  # ~3200 characters

    slack.command(claim, channel=channel)

    post = report_in(fake_api, channel)
    assert "59 repeated sentences were checked once" in post.text
    assert "claims checked" not in post.text  # one claim, one verdict
    assert post.text.count("Harbor Gazette") == 1


def test_the_claim_limit_applies_in_slack_and_the_rest_is_counted(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    over = checker.settings.max_claims + 2
    message = " ".join(f"Councillor Dunn voted on {n} March for a {n} million dollar plan." for n in range(1, over + 1))

    slack.command(message, channel=channel)

    post = report_in(fake_api, channel)
    assert f"{checker.settings.max_claims} claims checked" in post.text
    assert "2 more sentences were not checked" in post.text


def test_mentions_in_a_claim_come_back_escaped(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    slack.command("<!channel> <@U123> says the bridge costs 45 million & more", channel=channel)

    [note] = fake_api.wait_for("chat.postMessage", in_channel(channel))
    assert "&lt;!channel&gt;" in note.text and "<!channel>" not in note.text
    post = report_in(fake_api, channel)
    assert "&lt;!channel&gt;" in post.text and "&lt;@U123&gt;" in post.text
    assert "<!channel>" not in post.text and "<@U123>" not in post.text
    assert "&amp; more" in post.text


def test_where_the_bot_cannot_post_the_report_goes_through_response_url(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    fake_api.fail_next("chat.postMessage", 200, error="not_in_channel")

    slack.command("The bridge will charge a toll", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert answer.params["response_type"] == "in_channel"
    assert answer.params["blocks"][0]["type"] == "header"
    assert len(fake_api.calls_to("chat.postMessage", in_channel(channel))) == 1  # not tried twice
    assert fake_api.shown_in(channel) == []


def test_an_engine_error_is_told_to_the_user_and_logged(
    slack: SlackSender,
    fake_api: FakeSlackAPI,
    checker: Any,
    channel: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken_check(text: str, *, automatic: bool = False) -> Any:
        raise StoreError("the index is being rebuilt, try again in a minute")

    monkeypatch.setattr(checker, "check", broken_check)

    slack.command("Rail drivers accepted a pay rise", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "couldn't check that" in answer.text
    assert "the index is being rebuilt" in answer.text
    assert answer.params["response_type"] == "ephemeral"
    [note] = fake_api.calls_to("chat.postMessage", in_channel(channel))
    [deleted] = fake_api.calls_to("chat.delete", in_channel(channel))
    assert deleted.params["ts"] == note.response["ts"]
    assert fake_api.shown_in(channel) == []  # the "Checking…" message is gone
    assert any(r.exc_info and "check failed" in r.getMessage() for r in caplog.records)


def test_unwatch_with_a_thread_link_stops_automatic_answers(
    slack: SlackSender, checker: Any, fake_api: FakeSlackAPI, channel: str
) -> None:
    checker.store.flag_thread(channel, "1700000001.000100", user="W111", team="T111")
    link = f"https://example.slack.com/archives/{channel}/p1700000001000100"

    slack.command(f"unwatch {link}", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "Stopped watching" in answer.text
    assert not checker.store.is_flagged(channel, "1700000001.000100")


def test_unwatch_without_a_thread_explains_how(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    slack.command("unwatch", channel=channel)

    [answer] = fake_api.wait_for("response_url", to_caller(channel))
    assert "unwatch" in answer.text and "link" in answer.text
