"""Links from Slack: `/factcheck add <url>`, and the offer to index a link posted in a flagged thread.

A URL typed in Slack comes from any workspace member, not the operator, so the
engine is told so (`from_slack=True`) and refuses internal addresses. A link in
a flagged thread is only offered with a button: indexing is never silent.
"""

from __future__ import annotations

import html
import logging
import re
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.settings import Settings
from handlers.blocks import INDEX_URL, escape, index_offer_blocks, ingest_blocks, notice_blocks
from handlers.reporting import Rendered, post, user_message

if TYPE_CHECKING:
    from bot.service import FactChecker

# Slack writes links as <https://…> or <https://…|label>; a bare pasted URL as plain text.
SLACK_LINK = re.compile(r"<(https?://[^|>\s]+)(?:\|[^>]*)?>|(?<![<|\w])(https?://[^\s<>|]+)", re.IGNORECASE)


def web_links(text: str) -> list[str]:
    """The http(s) links of a Slack message, in order, without duplicates."""
    found = (html.unescape(a or b) for a, b in SLACK_LINK.findall(text or ""))
    return list(dict.fromkeys(found))


def offer_indexing(
    client: WebClient, checker: FactChecker, channel: str, thread_ts: str, text: str, logger: logging.Logger
) -> None:
    """Post one offer in the thread for the message's links the bot has not fetched yet."""
    new = [url for url in web_links(text) if checker.store.fetch_record(url) is None]
    if new:
        logger.info("offering to index %d link(s) in %s/%s", len(new), channel, thread_ts)
        post(client, channel, Rendered(*index_offer_blocks(new)), thread_ts=thread_ts)


def answer_add(checker: FactChecker, argument: str, respond: Respond, command_name: str, logger: logging.Logger) -> None:
    """Index the page, feed or sitemap at the given URL and say what was added."""
    urls = web_links(argument)
    if not urls:
        respond(text=escape(f"Usage: {command_name} add <url of an article, feed or sitemap>"), response_type="ephemeral")
        return
    index_and_answer(checker, urls, respond, logger)


def index_and_answer(checker: FactChecker, urls: list[str], respond: Respond, logger: logging.Logger, **extra: Any) -> None:
    try:
        report = checker.ingest_urls(urls, from_slack=True)
    except Exception as exc:  # the adapter's edge: log the stack, tell the user
        logger.exception("indexing %s failed", urls)
        respond(text=f":warning: couldn't index that: {escape(user_message(exc))}", response_type="ephemeral", **extra)
        return
    blocks, fallback = ingest_blocks(report)
    respond(blocks=blocks, text=fallback, response_type="ephemeral", **extra)


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    def on_index_button(ack: Ack, action: dict[str, Any], respond: Respond, logger: logging.Logger) -> None:
        ack()
        urls = web_links(f"<{action.get('value') or ''}>")
        if not urls:
            logger.warning("index button with a malformed URL %r", action.get("value"))
            return
        respond(replace_original=True, **_rendered(notice_blocks(f"Indexing {escape(urls[0])}…")))
        index_and_answer(checker, urls, respond, logger, replace_original=True)

    app.action(INDEX_URL)(on_index_button)


def _rendered(built: tuple[Any, str]) -> dict[str, Any]:
    blocks, text = built
    return {"blocks": blocks, "text": text}
