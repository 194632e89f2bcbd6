"""Run one check for a Slack user and deliver it: the path every entry point shares.

Each entry point (slash command, DM, mention, flag, shortcut, watched thread)
only says who asked, where, and where the answer goes; this module runs the
check, records it in the audit log (its id goes into the feedback buttons)
and turns an error into a short message the user sees, with the stack in
the log. It holds no matching logic: that is the engine's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core import FactCheckError
from bot.core.models import CheckReport
from bot.check import is_strong
from bot.store.base import CheckAudit
from handlers.blocks import Blocks, error_blocks, report_blocks

if TYPE_CHECKING:
    from bot.service import FactChecker

MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")
# Message subtypes that still carry a person's words; every other subtype (edits,
# deletions, joins, bot_message, ...) is ignored.
HUMAN_SUBTYPES = {None, "thread_broadcast", "file_share"}


@dataclass(frozen=True)
class Asker:
    """Who asked and where, for the audit log."""

    team: str | None
    channel: str | None
    user: str | None
    source: str  # slash, dm, mention, flag, shortcut, thread


@dataclass(frozen=True)
class Rendered:
    blocks: Blocks
    text: str
    failed: bool = False  # the check raised; `blocks` hold the warning for the user


def strip_mentions(text: str) -> str:
    """The message without `<@U…>` mentions (the bot's name is not part of the claim)."""
    return " ".join(MENTION.sub(" ", text or "").split())


def is_human_message(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """False for bots (this one included), edits, deletions and other non-message subtypes."""
    if event.get("subtype") not in HUMAN_SUBTYPES or event.get("bot_id") or event.get("bot_profile"):
        return False
    user = event.get("user")
    return bool(user) and user != bot_user_id


def has_evidence(report: CheckReport) -> bool:
    return bool(report.evidence) or any(claim.evidence for claim in report.claims)


def worth_an_automatic_reply(report: CheckReport) -> bool:
    """Article evidence with a verdict, or a published fact-check that matches strongly."""
    found = has_evidence(report) and report.verdict != "not_found"
    return found or is_strong(report.reviews)


def user_message(exc: BaseException) -> str:
    """What the user reads: the engine's own message, or the kind of failure (details are in the log)."""
    if isinstance(exc, FactCheckError):
        return str(exc) or type(exc).__name__
    return f"an unexpected {type(exc).__name__} happened; it has been logged"


def check_and_render(
    checker: FactChecker, text: str, asker: Asker, *, automatic: bool = False
) -> Rendered | None:
    """Check, audit and build blocks; None in automatic mode when there is nothing to say.

    The engine applies the limits (claims per message, repeats, length) and
    says in `report.note` what it left out; the blocks show that note.
    """
    report = checker.check(text, automatic=automatic)
    if automatic and not worth_an_automatic_reply(report):
        return None
    audit = CheckAudit(
        team=asker.team,
        channel=asker.channel,
        user=asker.user,
        source=asker.source,
        claim=text,
        verdict=report.verdict,
        evidence_ids=checker.evidence_ids(report),
    )
    check_id = checker.record_check(audit)
    blocks, fallback = report_blocks(report, check_id=check_id)
    return Rendered(blocks, fallback)


def safe_check(
    checker: FactChecker,
    text: str,
    asker: Asker,
    logger: logging.Logger,
    *,
    automatic: bool = False,
) -> Rendered | None:
    """`check_and_render`, with any failure logged with its stack and turned into a warning."""
    try:
        return check_and_render(checker, text, asker, automatic=automatic)
    except Exception as exc:  # the adapter's edge: log the stack, tell the user, never go quiet
        logger.exception("check failed (source=%s, channel=%s)", asker.source, asker.channel)
        blocks, fallback = error_blocks(user_message(exc))
        return Rendered(blocks, fallback, failed=True)


def answer_in_thread(
    client: WebClient,
    checker: FactChecker,
    text: str,
    asker: Asker,
    *,
    channel: str,
    thread_ts: str,
    logger: logging.Logger,
    automatic: bool = False,
) -> bool:
    """Check `text` and post the report in the thread; False when automatic mode stayed quiet."""
    rendered = safe_check(checker, text, asker, logger, automatic=automatic)
    if rendered is None:
        return False
    post(client, channel, rendered, thread_ts=thread_ts)
    return True


def post(client: WebClient, channel: str, rendered: Rendered, *, thread_ts: str | None = None) -> None:
    client.chat_postMessage(
        channel=channel,
        thread_ts=thread_ts,
        blocks=rendered.blocks,
        text=rendered.text,
        unfurl_links=False,
        unfurl_media=False,
    )


def replace(
    client: WebClient, channel: str, ts: str, rendered: Rendered, logger: logging.Logger
) -> bool:
    """Turn the bot's message `ts` (a progress note) into the report; False when Slack refused.

    On refusal (the note was deleted meanwhile, say) the note is removed if it
    still exists, and the caller posts the report as a new message.
    """
    try:
        client.chat_update(channel=channel, ts=ts, blocks=rendered.blocks, text=rendered.text)
    except SlackApiError as exc:
        logger.warning("could not turn %s in %s into the report (%s)", ts, channel, exc.response.get("error"))
        delete_message(client, channel, ts, logger)
        return False
    return True


def delete_message(client: WebClient, channel: str, ts: str, logger: logging.Logger) -> None:
    """Remove one of the bot's own messages; a failure is logged (the message may be gone already)."""
    try:
        client.chat_delete(channel=channel, ts=ts)
    except SlackApiError as exc:
        logger.warning("could not delete %s in %s (%s)", ts, channel, exc.response.get("error"))
