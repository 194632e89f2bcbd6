"""Which Slack mode `factcheck serve` runs in, and every setting that mode lacks, checked up front.

A half-configured Slack app used to surface one problem per run (or none,
until Slack refused the token). Listing every missing or malformed setting
in one message lets a user fix them all at once. Pure: no network, no Slack
import; connecting to Slack is bot/slack_connection.py's job.
"""

from __future__ import annotations

from typing import Literal

from pydantic import SecretStr

from bot.core import SettingsError
from bot.settings import Settings

Mode = Literal["socket", "http"]

SETUP_SECTION = 'README, "Connect a real Slack workspace"'
SETUP_HINT = f"Put the values in .env (template: config/.env.example); see {SETUP_SECTION}."
PLACEHOLDER = "replace-me"  # what config/.env.example ships in place of real credentials

# Slack token prefixes -> what a user holding one has most likely pasted.
TOKEN_KINDS = {
    "xoxb-": "a bot token",
    "xapp-": "an app-level token",
    "xoxp-": "a user token",
    "xoxe": "a configuration or refresh token",
    "xoxa-": "a workspace token",
}
WHERE_BOT_TOKEN = "the Bot User OAuth Token, OAuth & Permissions page, xoxb-…"
WHERE_APP_TOKEN = "Basic Information → App-Level Tokens, with connections:write, xapp-…"
WHERE_SIGNING_SECRET = "Basic Information → App Credentials → Signing Secret"


def slack_mode(settings: Settings, http: bool | None = None) -> Mode:
    """Socket Mode when an app-level token is set, unless HTTP is forced (DESIGN.md, `factcheck serve`)."""
    return "socket" if settings.slack_app_token is not None and not http else "http"


def slack_setting_problems(settings: Settings, mode: Mode) -> list[str]:
    """Every missing or malformed Slack setting for `mode`: the variable and where its value comes from."""
    problems = [
        _token_problem("SLACK_BOT_TOKEN", settings.slack_bot_token, "xoxb-", WHERE_BOT_TOKEN),
    ]
    if mode == "socket":
        problems.append(_token_problem("SLACK_APP_TOKEN", settings.slack_app_token, "xapp-", WHERE_APP_TOKEN))
    else:
        problems.append(_signing_secret_problem(settings))
    if not settings.slack_api_url.startswith(("https://", "http://")):
        problems.append(f"FACTCHECK_SLACK_API_URL must be an http(s) URL (it is {settings.slack_api_url!r})")
    return [p for p in problems if p]


def check_slack_settings(settings: Settings, http: bool | None = None) -> Mode:
    """The mode to run in, or one SettingsError listing every problem and where to fix it."""
    mode = slack_mode(settings, http)
    problems = slack_setting_problems(settings, mode)
    if not problems:
        return mode
    if mode == "http" and not http and settings.slack_signing_secret is None:
        problems.append(f"or set SLACK_APP_TOKEN ({WHERE_APP_TOKEN}) to use Socket Mode instead")
    label = "Socket Mode" if mode == "socket" else "HTTP mode"
    raise SettingsError(f"Slack settings for {label} are incomplete: {'; '.join(problems)}. {SETUP_HINT}")


def _token_problem(name: str, secret: SecretStr | None, prefix: str, where: str) -> str | None:
    if secret is None:
        return f"{name} is missing ({where})"
    value = secret.get_secret_value()
    if PLACEHOLDER in value:
        return f"{name} still holds the placeholder from config/.env.example ({where})"
    if _stray_characters(value):
        return f"{name} contains spaces or quotes: paste the token alone"
    if not value.startswith(prefix):
        kind = next((k for p, k in TOKEN_KINDS.items() if value.startswith(p)), "no Slack token")
        return f"{name} must start with {prefix} but holds {kind} ({where})"
    return None


def _signing_secret_problem(settings: Settings) -> str | None:
    secret = settings.slack_signing_secret
    if secret is None:
        return (
            f"SLACK_SIGNING_SECRET is missing ({WHERE_SIGNING_SECRET}); "
            "HTTP mode needs it to verify Slack's requests"
        )
    value = secret.get_secret_value()
    if PLACEHOLDER in value:
        return f"SLACK_SIGNING_SECRET still holds the placeholder from config/.env.example ({WHERE_SIGNING_SECRET})"
    if value.startswith(tuple(TOKEN_KINDS)):
        return f"SLACK_SIGNING_SECRET holds a token, not the signing secret ({WHERE_SIGNING_SECRET})"
    if _stray_characters(value):
        return "SLACK_SIGNING_SECRET contains spaces or quotes: paste the secret alone"
    return None


def _stray_characters(value: str) -> bool:
    """Spaces or quotes copied along with a credential (Slack's never contain them)."""
    return any(c.isspace() or c in "\"'" for c in value)
