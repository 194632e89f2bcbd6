"""The slash command (default /factcheck): claim, help, sources, who said, reviews, add, unwatch.

Slack wants an answer within 3 seconds, so the listener acks at once and
works afterwards; Bolt keeps running the listener after the ack
(process_before_response=False).

Where a claim's report goes: the bot posts a "Checking…" message in the
channel with chat.postMessage and, once the check is done, turns that very
message into the report with chat.update (see `answer_claim` for why the
progress note is not an ephemeral ack). Being the bot's own message, the
feedback buttons can chat.update it again, and slack_sdk's retry handlers
cover 429/5xx. When the bot may not post there (a private channel or DM it is
not in) the report goes through the command's response_url instead
(`respond(response_type="in_channel")`). Lookups (help, sources, who said,
unwatch) answer only the caller.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from handlers.blocks import (
    Blocks,
    escape,
    escape_within,
    help_blocks,
    reviews_blocks,
    sources_blocks,
    usage_text,
    who_said_blocks,
)
from handlers.reporting import (
    Asker,
    delete_message,
    post,
    replace,
    safe_check,
    user_message,
)
from handlers.web_links import answer_add

if TYPE_CHECKING:
    from bot.service import FactChecker

WHO_SAID = re.compile(r"^who\s+said\b[\s:]*(?P<words>.*)$", re.IGNORECASE | re.DOTALL)
QUOTE_MARKS = "\"'“”‘’«»"
# chat.postMessage errors that mean "the bot can't post here", not "something broke"
CANNOT_POST_HERE = {"not_in_channel", "channel_not_found", "restricted_action", "is_archived"}
THREAD_LINK = re.compile(r"/archives/(?P<channel>[A-Z0-9]+)/p(?P<ts>\d{7,})")
CHECKING_CLAIM_CHARS = 150


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
        elif word == "reviews":
            words = text[len("reviews") :].strip().strip(QUOTE_MARKS).strip()
            if not words:
                ack(text=escape(f"Usage: {command_name} reviews <words>"))
                return
            ack(text="Searching the published fact-checks…")
            answer_reviews(checker, words, respond, logger)
        elif word == "add":
            ack(text="Fetching…")
            answer_add(checker, text[len("add") :].strip(), respond, command_name, logger)
        elif word == "unwatch":
            ack()
            answer_unwatch(checker, command, text[len("unwatch") :].strip(), respond, command_name)
        else:
            ack()  # no ephemeral "Checking…": Slack offers no way to remove it (see answer_claim)
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
    """Show "Checking…" in the channel, check, then turn that message into the report.

    Why a posted message and not an ephemeral ack: the progress note must go
    away once the report is there, and only the bot's own non-ephemeral
    messages can be changed or removed for sure (chat.update, chat.delete).
    Ephemerals cannot: chat.update and chat.delete do not work on them
    (chat.postEphemeral ones included), and `replace_original` /
    `delete_original` sent to a response_url act on the message holding the
    interactive element that was used (Slack's "Modifying messages" guide). A
    slash command has no such message, and neither flag is reported to remove
    a command's own ephemeral answer (slackapi/bolt-js#2287,
    slackapi/bolt-python#1268). So the command is acked with an empty body and
    the note is a message that the report then replaces.

    When the bot cannot post in the channel, there is no note and the report
    goes through response_url; when the check fails, the note is deleted and
    the warning goes to the caller alone.
    """
    channel = command["channel_id"]
    asker = Asker(team=command.get("team_id"), channel=channel, user=command.get("user_id"), source="slash")
    progress, can_post = post_progress(client, channel, checking_text(text), logger)
    rendered = safe_check(checker, text, asker, logger)
    if rendered is None or rendered.failed:  # None: not reachable when asked directly
        if progress is not None:
            delete_message(client, channel, progress, logger)
        if rendered is not None:
            respond(blocks=rendered.blocks, text=rendered.text, response_type="ephemeral")
        return
    if progress is not None and replace(client, channel, progress, rendered, logger):
        return
    if can_post:
        try:
            post(client, channel, rendered)
            return
        except SlackApiError as exc:
            if exc.response.get("error") not in CANNOT_POST_HERE:
                raise
    logger.info("cannot post in %s; answering through response_url", channel)
    respond(blocks=rendered.blocks, text=rendered.text, response_type="in_channel")


def checking_text(claim: str) -> str:
    """The progress note: which claim is being checked (escaped, on one line, short)."""
    return f":mag: Checking “{escape_within(' '.join(claim.split()), CHECKING_CLAIM_CHARS)}”…"


def post_progress(
    client: WebClient, channel: str, text: str, logger: logging.Logger
) -> tuple[str | None, bool]:
    """Post the progress note: (its ts or None, whether the bot may post in the channel).

    A note that cannot be posted never stops the check: a channel the bot is
    not in gets the report through response_url; any other failure is logged
    and the report is posted as a new message.
    """
    try:
        response = client.chat_postMessage(channel=channel, text=text, unfurl_links=False, unfurl_media=False)
    except SlackApiError as exc:
        error = exc.response.get("error")
        if error in CANNOT_POST_HERE:
            return None, False
        logger.warning("could not post the progress note in %s (%s)", channel, error)
        return None, True
    return response.get("ts"), True


def answer_sources(checker: FactChecker, respond: Respond, logger: logging.Logger) -> None:
    answer_lookup(lambda: sources_blocks(checker.sources()), "list the sources", respond, logger)


def answer_who_said(checker: FactChecker, words: str, respond: Respond, logger: logging.Logger) -> None:
    answer_lookup(lambda: who_said_blocks(words, checker.who_said(words)), "search the quotes", respond, logger)


def answer_reviews(checker: FactChecker, words: str, respond: Respond, logger: logging.Logger) -> None:
    answer_lookup(
        lambda: reviews_blocks(words, checker.search_reviews(words)), "search the fact-checks", respond, logger
    )


def answer_lookup(
    build: Callable[[], tuple[Blocks, str]], what: str, respond: Respond, logger: logging.Logger
) -> None:
    """Answer the caller alone with what `build` renders, or with why it failed."""
    try:
        blocks, fallback = build()
    except Exception as exc:  # the adapter's edge: log the stack, tell the user
        logger.exception("%s failed", what)
        respond(text=f":warning: couldn't {what}: {escape(user_message(exc))}", response_type="ephemeral")
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
