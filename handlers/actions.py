"""Feedback buttons: store the vote with its check, then show on the message that it counted."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from bot.store.base import FeedbackVote
from handlers.blocks import FEEDBACK_DOWN, FEEDBACK_UP, with_feedback_counts

if TYPE_CHECKING:
    from bot.service import FactChecker


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    def on_feedback(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        client: WebClient,
        respond: Respond,
        logger: logging.Logger,
    ) -> None:
        ack()
        try:
            check_id = int(action.get("value", ""))
        except ValueError:
            logger.warning("feedback button with a malformed check id %r", action.get("value"))
            return
        vote = "up" if action.get("action_id") == FEEDBACK_UP else "down"
        user = (body.get("user") or {}).get("id") or "unknown"
        checker.store.record_feedback(FeedbackVote(check_id=check_id, user=user, vote=vote))
        counts = checker.store.feedback_counts(check_id)
        message = body.get("message") or {}
        blocks = with_feedback_counts(message.get("blocks") or [], counts)
        text = message.get("text") or "Fact-check report"
        container = body.get("container") or {}
        if container.get("is_ephemeral") or not container.get("message_ts"):
            respond(replace_original=True, blocks=blocks, text=text)
            return
        try:
            client.chat_update(
                channel=container["channel_id"], ts=container["message_ts"], blocks=blocks, text=text
            )
        except SlackApiError as exc:  # e.g. a report posted through response_url: update it the same way
            logger.info("chat.update failed (%s); replacing through response_url", exc.response.get("error"))
            respond(replace_original=True, blocks=blocks, text=text)

    app.action(FEEDBACK_UP)(on_feedback)
    app.action(FEEDBACK_DOWN)(on_feedback)
