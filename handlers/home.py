"""App Home: what the corpus holds and the latest checks in this workspace."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.settings import Settings
from handlers.blocks import home_view

if TYPE_CHECKING:
    from bot.service import FactChecker

RECENT_CHECKS = 10


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    def on_home_opened(
        body: dict[str, Any], event: dict[str, Any], client: WebClient, logger: logging.Logger
    ) -> None:
        if event.get("tab", "home") != "home":
            return
        if not checker.store.claim_event(body["event_id"]):
            return
        articles = checker.sources()
        recent = checker.store.recent_checks(limit=RECENT_CHECKS, team=body.get("team_id"))
        view = home_view(checker.store.article_count(), articles, recent)
        client.views_publish(user_id=event["user"], view=view)

    app.event("app_home_opened")(on_home_opened)
