"""The slash command (default /factcheck): claim, help, sources, who said, unwatch.

Slack wants an answer within 3 seconds, so the listener acks at once (an
ephemeral "Checking…" only the caller sees) and checks afterwards; Bolt
keeps running the listener after the ack (process_before_response=False).

Where the report goes: a claim's report is posted to the channel with
chat.postMessage, so it is the bot's own message (the feedback buttons can
then chat.update it) and slack_sdk's retry handlers cover 429/5xx. When the
bot may not post there (a private channel or DM it is not in) it falls back
to `respond(response_type="in_channel")` through the command's response_url.
Lookups (help, sources, who said, unwatch) answer only the caller.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from handlers.blocks import (
    escape,
    help_blocks,
    sources_blocks,
    usage_text,
    who_said_blocks,
)
from handlers.reporting import Asker, post, safe_check, trim_claim, user_message

if TYPE_CHECKING:
    from bot.engine.checker import FactChecker

WHO_SAID = re.compile(r"^who\s+said\b[\s:]*(?P<words>.*)$", re.IGNORECASE | re.DOTALL)
QUOTE_MARKS = "\"'“”‘’«»"
# chat.postMessage errors that mean "the bot can't post here", not "something broke"
CANNOT_POST_HERE = {"not_in_channel", "channel_not_found", "restricted_action", "is_archived"}
THREAD_LINK = re.compile(r"/archives/(?P<channel>[A-Z0-9]+)/p(?P<ts>\d{7,})")


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    command_name = settings.slash_command

    def handle_command(
        ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, logger: logging.Logger
    ) -> None:
        text = (command.get("text") or "").strip()
        word = text.split(maxsplit=1)[0].lower() if text else ""
        if not text:
            ack(text=usage_text(command_name))
        elif text.lower() == "help":
            blocks, fallback = help_blocks(command_name)
            ack(blocks=blocks, text=fallback)
        elif text.lower() == "sources":
            ack(text="Looking at the corpus…")
            answer_sources(checker, respond, logger)
        elif (match := WHO_SAID.match(text)) is not None:
            words = match.group("words").strip().strip(QUOTE_MARKS).strip()
            if not words:
                ack(text=escape(f'Usage: {command_name} who said "<words>"'))
                return
            ack(text="Searching the quotes…")
            answer_who_said(checker, words, respond, logger)
        elif word == "unwatch":
            ack()
            answer_unwatch(checker, command, text[len("unwatch") :].strip(), respond, command_name)
        else:
            ack(text="Checking…")
            answer_claim(checker, command, text, client, respond, logger)

    app.command(command_name)(handle_command)


def answer_claim(
    checker: FactChecker,
    command: dict[str, Any],
    text: str,
    client: WebClient,
    respond: Respond,
    logger: logging.Logger,
) -> None:
    claim, note = trim_claim(text)
    asker = Asker(
        team=command.get("team_id"),
        channel=command.get("channel_id"),
        user=command.get("user_id"),
        source="slash",
    )
    rendered = safe_check(checker, claim, asker, logger, note=note)
    if rendered is None:  # not reachable when asked directly; kept for type narrowing
        return
    if rendered.failed:
        respond(blocks=rendered.blocks, text=rendered.text, response_type="ephemeral")
        return
    try:
        post(client, command["channel_id"], rendered)
    except SlackApiError as exc:
        if exc.response.get("error") not in CANNOT_POST_HERE:
            raise
        logger.info(
            "cannot post in %s (%s); answering through response_url",
            command.get("channel_id"),
            exc.response.get("error"),
        )
        respond(blocks=rendered.blocks, text=rendered.text, response_type="in_channel")


def answer_sources(checker: FactChecker, respond: Respond, logger: logging.Logger) -> None:
    try:
        blocks, fallback = sources_blocks(checker.sources())
    except Exception as exc:  # the adapter's edge: log the stack, tell the user
        logger.exception("sources failed")
        respond(
            text=f":warning: couldn't list the sources: {escape(user_message(exc))}",
            response_type="ephemeral",
        )
        return
    respond(blocks=blocks, text=fallback, response_type="ephemeral")


def answer_who_said(checker: FactChecker, words: str, respond: Respond, logger: logging.Logger) -> None:
    try:
        blocks, fallback = who_said_blocks(words, checker.who_said(words))
    except Exception as exc:  # the adapter's edge: log the stack, tell the user
        logger.exception("who said failed")
        respond(
            text=f":warning: couldn't search the quotes: {escape(user_message(exc))}",
            response_type="ephemeral",
        )
        return
    respond(blocks=blocks, text=fallback, response_type="ephemeral")


def thread_from(command: dict[str, Any], argument: str) -> tuple[str, str] | None:
    """The (channel, thread_ts) to unwatch: from a pasted message link, or the payload's thread.

    Slash command payloads do not say which thread they were typed in, so
    the user pastes the thread's link (or says `@bot unwatch` in the thread).
    """
    match = THREAD_LINK.search(argument)
    if match:
        query = parse_qs(urlparse(argument.strip("<>").split("|")[0]).query)
        digits = match.group("ts")
        ts = query.get("thread_ts", [f"{digits[:-6]}.{digits[-6:]}"])[0]
        return match.group("channel"), ts
    if command.get("thread_ts"):
        return command["channel_id"], command["thread_ts"]
    return None


def answer_unwatch(
    checker: FactChecker, command: dict[str, Any], argument: str, respond: Respond, command_name: str
) -> None:
    thread = thread_from(command, argument)
    if thread is None:
        respond(
            text=escape(
                f"Usage: {command_name} unwatch <link to the thread> (⋯ → Copy link), "
                "or mention me in the thread with `unwatch`."
            ),
            response_type="ephemeral",
        )
        return
    stopped = checker.store.unflag_thread(*thread)
    respond(
        text="Stopped watching that thread." if stopped else "That thread was not being watched.",
        response_type="ephemeral",
    )
