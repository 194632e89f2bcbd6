"""Flagging: the flag reaction or the "Fact-check this message" shortcut.

The bot reads the flagged message (a reaction event carries no text), answers
in its thread and remembers the thread, so later replies there get automatic
answers (see messages.py) until the reaction is removed or someone unwatches.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from handlers.blocks import notice_blocks
from handlers.reporting import (
    Asker,
    Rendered,
    answer_in_thread,
    post,
    strip_mentions,
)
from handlers.web_links import offer_indexing

if TYPE_CHECKING:
    from bot.service import FactChecker

SHORTCUT_CALLBACK_ID = "factcheck_message"


def read_message(client: WebClient, channel: str, ts: str, logger: logging.Logger) -> dict[str, Any] | None:
    """The message at `ts`, whether a thread reply (conversations.replies) or top level (history)."""
    try:
        replies = client.conversations_replies(
            channel=channel, ts=ts, oldest=ts, latest=ts, inclusive=True, limit=2
        )
        for message in replies.get("messages") or []:
            if message.get("ts") == ts:
                return message
    except SlackApiError as exc:
        logger.info(
            "conversations.replies could not read %s/%s (%s); trying history",
            channel,
            ts,
            exc.response.get("error"),
        )
    history = client.conversations_history(channel=channel, oldest=ts, latest=ts, inclusive=True, limit=1)
    for message in history.get("messages") or []:
        if message.get("ts") == ts:
            return message
    return None


def is_flag(reaction: str | None, flag: str) -> bool:
    """`mag` matches `mag` and skin-toned variants such as `mag::skin-tone-2`."""
    return bool(reaction) and reaction.split("::")[0] == flag


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    def new_flag_on_message(body: dict[str, Any], event: dict[str, Any]) -> dict[str, Any] | None:
        """The reacted-to item when this is the flag reaction on a message, seen for the first time."""
        item = event.get("item") or {}
        if not is_flag(event.get("reaction"), settings.flag_reaction) or item.get("type") != "message":
            return None
        if not checker.store.claim_event(body["event_id"]):
            return None  # a retry, or another replica took it
        return item

    def flag_and_answer(
        client: WebClient, message: dict[str, Any], asker: Asker, channel: str, logger: logging.Logger
    ) -> None:
        thread_ts = message.get("thread_ts") or message["ts"]
        checker.store.flag_thread(channel, thread_ts, user=asker.user, team=asker.team)
        offer_indexing(client, checker, channel, thread_ts, message.get("text") or "", logger)
        claim = strip_mentions(message.get("text") or "")
        if not claim:
            post(
                client,
                channel,
                Rendered(*notice_blocks("That message has no text to check.")),
                thread_ts=thread_ts,
            )
            return
        answer_in_thread(
            client, checker, claim, asker, channel=channel, thread_ts=thread_ts, logger=logger
        )

    def on_reaction_added(
        body: dict[str, Any],
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        logger: logging.Logger,
    ) -> None:
        item = new_flag_on_message(body, event)
        if item is None:
            return
        channel, ts = item["channel"], item["ts"]
        message = read_message(client, channel, ts, logger)  # a Slack error propagates to Bolt's error log
        if message is None:
            logger.warning("flagged message %s/%s not found", channel, ts)
            return
        if message.get("user") == context.bot_user_id or (
            context.bot_id and message.get("bot_id") == context.bot_id
        ):
            return  # a flag on the bot's own report: nothing to check
        asker = Asker(team=body.get("team_id"), channel=channel, user=event.get("user"), source="flag")
        flag_and_answer(client, message, asker, channel, logger)

    def on_reaction_removed(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, logger: logging.Logger
    ) -> None:
        item = new_flag_on_message(body, event)
        if item is None:
            return
        channel, thread_ts = item["channel"], item["ts"]
        stopped = checker.store.unflag_thread(channel, thread_ts)
        if not stopped:  # the flag may sit on a reply: the watched thread is its parent
            message = read_message(client, channel, item["ts"], logger)
            if message and message.get("thread_ts") and message["thread_ts"] != thread_ts:
                thread_ts = message["thread_ts"]
                stopped = checker.store.unflag_thread(channel, thread_ts)
        if stopped:
            post(
                client,
                channel,
                Rendered(*notice_blocks("Flag removed: I stopped watching this thread.")),
                thread_ts=thread_ts,
            )

    def on_message_shortcut(
        ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, logger: logging.Logger
    ) -> None:
        ack()
        channel = (body.get("channel") or {}).get("id")
        message = body.get("message") or {}
        if not channel or not message.get("ts"):
            logger.warning("message shortcut without channel or message")
            return
        asker = Asker(
            team=(body.get("team") or {}).get("id"),
            channel=channel,
            user=(body.get("user") or {}).get("id"),
            source="shortcut",
        )
        try:
            flag_and_answer(client, message, asker, channel, logger)
        except SlackApiError as exc:
            if exc.response.get("error") not in {"not_in_channel", "channel_not_found"}:
                raise
            respond(
                text="I can't post here yet: invite me to this channel first (`/invite @factcheck`).",
                response_type="ephemeral",
            )

    app.event("reaction_added")(on_reaction_added)
    app.event("reaction_removed")(on_reaction_removed)
    app.shortcut(SHORTCUT_CALLBACK_ID)(on_message_shortcut)
