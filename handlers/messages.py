"""DMs, @mentions and replies in flagged threads.

A DM or a mention is a direct question: the bot always answers, in the
thread of that message. A reply in a flagged thread is automatic mode: the
bot answers only when the engine found evidence. Bots (this one included),
edits and deletions are ignored, so the bot never talks to itself.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.settings import Settings
from handlers.blocks import help_blocks, notice_blocks
from handlers.reporting import (
    Asker,
    Rendered,
    answer_in_thread,
    is_human_message,
    post,
    strip_mentions,
)
from handlers.web_links import offer_indexing

if TYPE_CHECKING:
    from bot.service import FactChecker

THREADED_CHANNEL_TYPES = {"channel", "group", "mpim"}


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    def on_mention(
        body: dict[str, Any],
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        logger: logging.Logger,
    ) -> None:
        if not is_human_message(event, context.bot_user_id):
            return
        if not checker.store.claim_event(body["event_id"]):
            return
        channel, thread_ts = event["channel"], event.get("thread_ts") or event["ts"]
        text = strip_mentions(event.get("text", ""))
        if text.lower() in {"", "help"}:
            blocks, fallback = help_blocks(settings.slash_command)
            post(client, channel, Rendered(blocks, fallback), thread_ts=thread_ts)
            return
        if text.lower() == "unwatch":
            stopped = checker.store.unflag_thread(channel, thread_ts)
            message = "Stopped watching this thread." if stopped else "This thread was not being watched."
            post(client, channel, Rendered(*notice_blocks(message)), thread_ts=thread_ts)
            return
        asker = Asker(team=body.get("team_id"), channel=channel, user=event.get("user"), source="mention")
        answer_in_thread(client, checker, text, asker, channel=channel, thread_ts=thread_ts, logger=logger)

    def on_message(
        body: dict[str, Any],
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        logger: logging.Logger,
    ) -> None:
        if not is_human_message(event, context.bot_user_id):
            return
        channel, channel_type = event.get("channel"), event.get("channel_type")
        text = event.get("text") or ""
        if channel_type == "im":
            answer_dm(body, event, client, logger)
            return
        thread_ts = event.get("thread_ts")
        if channel_type not in THREADED_CHANNEL_TYPES or not thread_ts or thread_ts == event.get("ts"):
            return
        if context.bot_user_id and f"<@{context.bot_user_id}" in text:
            return  # the app_mention listener answers this one
        if not checker.store.is_flagged(channel, thread_ts):
            return
        if not checker.store.claim_event(body["event_id"]):
            return
        offer_indexing(client, checker, channel, thread_ts, text, logger)
        claim = strip_mentions(text)
        if not claim:
            return
        asker = Asker(team=body.get("team_id"), channel=channel, user=event.get("user"), source="thread")
        answer_in_thread(
            client, checker, claim, asker, channel=channel, thread_ts=thread_ts, logger=logger, automatic=True
        )

    def answer_dm(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, logger: logging.Logger
    ) -> None:
        if not checker.store.claim_event(body["event_id"]):
            return
        channel, thread_ts = event["channel"], event.get("thread_ts") or event["ts"]
        text = strip_mentions(event.get("text") or "")
        if text.lower() in {"", "help"}:
            blocks, fallback = help_blocks(settings.slash_command)
            post(client, channel, Rendered(blocks, fallback), thread_ts=thread_ts)
            return
        asker = Asker(team=body.get("team_id"), channel=channel, user=event.get("user"), source="dm")
        answer_in_thread(client, checker, text, asker, channel=channel, thread_ts=thread_ts, logger=logger)

    app.event("app_mention")(on_mention)
    app.event("message")(on_message)
