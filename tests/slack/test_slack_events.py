"""DMs, mentions, flags (reaction and shortcut), watched threads and App Home, end to end."""

from __future__ import annotations

import time
from typing import Any

from fake_slack_api import BOT_ID, BOT_USER_ID, FakeSlackAPI
from slack_harness import SlackSender, event_callback, load_payload, message_ts

SUPPORTED_CLAIM = "The council approved a budget of 45 million dollars for the bridge project."
UNRELATED_REPLY = "Lunch is at noon in the big meeting room, bring your own mug."


def in_thread(channel: str, thread_ts: str):
    return lambda call: call.params.get("channel") == channel and call.params.get("thread_ts") == thread_ts


def posts_in(fake_api: FakeSlackAPI, channel: str) -> list[Any]:
    return fake_api.calls_to("chat.postMessage", lambda c: c.params.get("channel") == channel)


def settle() -> None:
    """Give a listener that should stay silent the chance to (wrongly) speak.

    Used only before asserting that nothing was posted; a positive event is
    sent afterwards in the same channel as a barrier where it matters.
    """
    time.sleep(0.5)


def test_a_dm_is_answered_in_its_thread(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    body = event_callback(
        "message.im.threaded.event_callback.json",
        text=SUPPORTED_CLAIM,
        channel=channel,
        ts=ts,
        thread_ts=None,
    )
    del body["event"]["thread_ts"]

    reply = slack.event(body)

    assert reply.status == 200
    [post] = fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    assert post.params["blocks"][0]["type"] == "header"
    assert any(a.source == "dm" and a.channel == channel for a in checker.store.recent_checks(limit=50))


def test_a_mention_is_answered_in_the_thread_without_the_bot_name(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    body = event_callback(
        "app_mention.event_callback.json",
        text=f"<@{BOT_USER_ID}> Train drivers got a 6 percent pay rise",
        channel=channel,
        ts=ts,
    )

    slack.event(body)

    fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    [audit] = [a for a in checker.store.recent_checks(limit=50) if a.channel == channel]
    assert audit.source == "mention"
    assert audit.claim == "Train drivers got a 6 percent pay rise"


def test_a_retried_event_is_answered_once(slack: SlackSender, fake_api: FakeSlackAPI, channel: str) -> None:
    ts = message_ts()
    body = event_callback(
        "app_mention.event_callback.json",
        text=f"<@{BOT_USER_ID}> The bridge will open in 2027",
        channel=channel,
        ts=ts,
    )
    slack.event(body)
    fake_api.wait_for("chat.postMessage", in_thread(channel, ts))

    retry = slack.event(body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert retry.status == 200
    barrier_ts = message_ts()  # a later, different event in the same channel
    slack.event(
        event_callback(
            "app_mention.event_callback.json", text=f"<@{BOT_USER_ID}> help", channel=channel, ts=barrier_ts
        )
    )
    fake_api.wait_for("chat.postMessage", in_thread(channel, barrier_ts))

    assert len(fake_api.calls_to("chat.postMessage", in_thread(channel, ts))) == 1


def test_the_bots_own_messages_and_edits_are_ignored(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    own = event_callback(
        "message.im.threaded.event_callback.json",
        text=SUPPORTED_CLAIM,
        channel=channel,
        ts=message_ts(),
        user=BOT_USER_ID,
        bot_id=BOT_ID,
    )
    other_bot = event_callback(
        "message.im.threaded.event_callback.json",
        text=SUPPORTED_CLAIM,
        channel=channel,
        ts=message_ts(),
        subtype="bot_message",
        bot_id="B999",
        user=None,
    )
    edit = event_callback(
        "message.im.threaded.event_callback.json",
        channel=channel,
        ts=message_ts(),
        subtype="message_changed",
        message={"text": SUPPORTED_CLAIM, "user": "W222"},
    )
    deletion = event_callback(
        "message.im.threaded.event_callback.json", channel=channel, ts=message_ts(), subtype="message_deleted"
    )

    for body in (own, other_bot, edit, deletion):
        assert slack.event(body).status == 200
    barrier_ts = message_ts()
    slack.event(
        event_callback(
            "message.im.threaded.event_callback.json",
            text="help",
            channel=channel,
            ts=barrier_ts,
            thread_ts=barrier_ts,
        )
    )
    fake_api.wait_for("chat.postMessage", in_thread(channel, barrier_ts))

    assert len(posts_in(fake_api, channel)) == 1


def test_the_flag_reaction_reads_the_message_answers_in_its_thread_and_watches_it(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    fake_api.add_message(channel, {"type": "message", "user": "W333", "text": SUPPORTED_CLAIM, "ts": ts})
    body = event_callback(
        "reaction_added.event_callback.json",
        reaction="mag",
        item={"type": "message", "channel": channel, "ts": ts},
    )

    slack.event(body)

    [post] = fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    assert fake_api.calls_to("conversations.replies", lambda c: c.params.get("channel") == channel)
    assert checker.store.is_flagged(channel, ts)
    assert post.params["blocks"][0]["type"] == "header"


def test_other_reactions_do_nothing(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    fake_api.add_message(channel, {"type": "message", "user": "W333", "text": SUPPORTED_CLAIM, "ts": ts})

    slack.event(
        event_callback(
            "reaction_added.event_callback.json",
            reaction="heart_eyes",
            item={"type": "message", "channel": channel, "ts": ts},
        )
    )
    settle()

    assert not checker.store.is_flagged(channel, ts)
    assert posts_in(fake_api, channel) == []


def test_a_flagged_thread_gets_automatic_answers_only_when_there_is_evidence(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    root = message_ts()
    checker.store.flag_thread(channel, root, user="W333", team="T111")
    unrelated_ts, claim_ts = message_ts(), message_ts()

    slack.event(
        event_callback(
            "message.channels.event_callback.json",
            text=UNRELATED_REPLY,
            channel=channel,
            ts=unrelated_ts,
            thread_ts=root,
        )
    )
    slack.event(
        event_callback(
            "message.channels.event_callback.json",
            text=SUPPORTED_CLAIM,
            channel=channel,
            ts=claim_ts,
            thread_ts=root,
        )
    )

    [post] = fake_api.wait_for("chat.postMessage", in_thread(channel, root))
    settle()
    assert len(posts_in(fake_api, channel)) == 1
    assert "45 million" in post.text
    [audit] = [a for a in checker.store.recent_checks(limit=50) if a.channel == channel]
    assert audit.source == "thread" and audit.claim == SUPPORTED_CLAIM


def test_replies_in_threads_nobody_flagged_are_left_alone(
    slack: SlackSender, fake_api: FakeSlackAPI, channel: str
) -> None:
    root = message_ts()

    slack.event(
        event_callback(
            "message.channels.event_callback.json",
            text=SUPPORTED_CLAIM,
            channel=channel,
            ts=message_ts(),
            thread_ts=root,
        )
    )
    settle()

    assert posts_in(fake_api, channel) == []


def test_removing_the_flag_reaction_stops_watching(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    checker.store.flag_thread(channel, ts, user="W111", team="T111")
    body = event_callback(
        "reaction_added.event_callback.json",
        reaction="mag",
        item={"type": "message", "channel": channel, "ts": ts},
    )
    body["event"]["type"] = "reaction_removed"

    slack.event(body)

    [notice] = fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    assert "stopped watching" in notice.text
    assert not checker.store.is_flagged(channel, ts)


def test_the_message_shortcut_works_like_the_reaction(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any, channel: str
) -> None:
    ts = message_ts()
    payload = load_payload("message_shortcut.message_action.json")
    payload.update(
        callback_id="factcheck_message",
        message_ts=ts,
        channel={"id": channel, "name": "news"},
        response_url=fake_api.response_url(f"shortcut-{channel}"),
    )
    payload["message"].update(text=SUPPORTED_CLAIM, ts=ts)

    reply = slack.interactive(payload)

    assert reply.status == 200
    fake_api.wait_for("chat.postMessage", in_thread(channel, ts))
    assert checker.store.is_flagged(channel, ts)
    assert any(a.source == "shortcut" and a.channel == channel for a in checker.store.recent_checks(limit=50))


def test_app_home_shows_the_corpus_and_recent_checks(
    slack: SlackSender, fake_api: FakeSlackAPI, checker: Any
) -> None:
    user = "W4HOME01"
    body = event_callback("app_mention.event_callback.json")
    body["event"] = {
        "type": "app_home_opened",
        "user": user,
        "channel": "D0HOME",
        "tab": "home",
        "event_ts": message_ts(),
    }

    slack.event(body)

    [publish] = fake_api.wait_for("views.publish", lambda c: c.params.get("user_id") == user)
    view = publish.params["view"]
    assert view["type"] == "home"
    shown = str(view["blocks"])
    assert f"*{checker.store.article_count()}* articles indexed" in shown
    assert "Recent checks" in shown
