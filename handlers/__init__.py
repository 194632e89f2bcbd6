"""Slack adapters: payload in, engine call, Block Kit out. No matching logic lives here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_bolt import App

from bot.settings import Settings
from handlers import actions, commands, flags, home, messages, web_links

if TYPE_CHECKING:
    from bot.service import FactChecker


def register(app: App, checker: FactChecker, settings: Settings) -> None:
    """Attach every listener to `app`; each module owns one kind of Slack entry point."""
    commands.register(app, checker, settings)
    messages.register(app, checker, settings)
    flags.register(app, checker, settings)
    actions.register(app, checker, settings)
    home.register(app, checker, settings)
    web_links.register(app, checker, settings)
