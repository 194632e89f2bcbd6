"""Reaching Slack at start-up: one clear line per failure, retries only where waiting can help.

Slack's refusals (a wrong, revoked or wrong-kind token) never fix themselves,
so they stop `factcheck serve` with a line saying what to change. A network
that is down, a 5xx or a rate limit may pass, so those are retried with
backoff while /healthz says "not ready" — a container keeps running and its
health check tells the operator why.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
from collections.abc import Callable
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web import SlackResponse

from bot.core import FactCheckError
from bot.slack_config import SETUP_SECTION, WHERE_APP_TOKEN, WHERE_BOT_TOKEN

logger = logging.getLogger(__name__)

T = TypeVar("T")

FIRST_DELAY_S = 0.5
MAX_DELAY_S = 30.0
# auth.test / apps.connections.open errors that mean "this credential will not work".
REJECTED = {
    "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive",
    "team_disabled", "org_login_required", "ekm_access_denied", "missing_scope",
}  # fmt: skip


class SlackStartError(FactCheckError):
    """Slack refused the bot's credentials; the message says which setting to change and how."""


class SlackUnreachable(Exception):
    """A failure that may pass (network down, Slack 5xx or rate limit): worth another try."""


class SlackLink:
    """What /healthz reports about Slack: not ready (and why) until connected."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._problem: str | None = "connecting to Slack"
        self._connected: Callable[[], bool] | None = None

    def waiting(self, problem: str) -> None:
        with self._lock:
            self._problem, self._connected = problem, None

    def up(self, connected: Callable[[], bool] | None = None) -> None:
        """Ready; `connected` (Socket Mode) reports the live connection, which may drop and come back."""
        with self._lock:
            self._problem, self._connected = None, connected

    def problem(self) -> str | None:
        """None when ready, else why not."""
        with self._lock:
            problem, connected = self._problem, self._connected
        if problem is None and connected is not None and not connected():
            return "the Socket Mode connection dropped; reconnecting"
        return problem


def quiet_web_client(base_url: str) -> WebClient:
    """A client for start-up probes: no retries or logging of its own; the caller reports each failure once."""
    quiet = logging.getLogger("factcheck.slack.probe")
    quiet.disabled = True
    return WebClient(base_url=base_url, retry_handlers=[], logger=quiet)


def verify_bot_token(client: WebClient, token: str) -> SlackResponse:
    """auth.test with the bot token; SlackStartError when Slack refuses it, SlackUnreachable when it may pass."""
    return _call(lambda: client.auth_test(token=token), "SLACK_BOT_TOKEN", client.base_url)


def socket_mode_url(client: WebClient, app_token: str) -> str:
    """apps.connections.open: the WebSocket URL Socket Mode connects to."""
    opened = _call(lambda: client.apps_connections_open(app_token=app_token), "SLACK_APP_TOKEN", client.base_url)
    return str(opened["url"])


def keep_trying(
    attempt: Callable[[], T],
    link: SlackLink,
    *,
    first_delay: float = FIRST_DELAY_S,
    max_delay: float = MAX_DELAY_S,
) -> T:
    """Run `attempt` until it succeeds, backing off on SlackUnreachable; anything else propagates."""
    delay = first_delay
    failures = 0
    while True:
        try:
            return attempt()
        except SlackUnreachable as exc:
            failures += 1
            link.waiting(str(exc))
            logger.warning("%s; retrying in %g s (attempt %d)", exc, delay, failures)
            time.sleep(delay)
            delay = min(delay * 2, max_delay)


def _call(request: Callable[[], SlackResponse], setting: str, base_url: str) -> SlackResponse:
    try:
        return request()
    except SlackApiError as exc:
        status = exc.response.status_code
        code = str(exc.response.get("error") or f"HTTP {status}")
        if status >= 500 or status == 429 or code == "ratelimited":
            raise SlackUnreachable(f"Slack is not answering ({code}) at {base_url}") from None
        raise SlackStartError(_refusal(setting, code)) from None
    except (urllib.error.URLError, OSError, SlackClientError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise SlackUnreachable(
            f"Slack is unreachable at {base_url} ({reason}): "
            "check the network, a proxy or FACTCHECK_SLACK_API_URL"
        ) from None


def _refusal(setting: str, code: str) -> str:
    where = WHERE_BOT_TOKEN if setting == "SLACK_BOT_TOKEN" else WHERE_APP_TOKEN
    if code == "not_allowed_token_type":
        return (
            f"Slack refused {setting} (not_allowed_token_type): it is the wrong kind of token. "
            f"Use {where}; see {SETUP_SECTION}."
        )
    if code in REJECTED:
        return (
            f"Slack refused {setting} ({code}): it is wrong, revoked or belongs to another app or workspace. "
            f"Copy it again ({where}) into .env; see {SETUP_SECTION}."
        )
    return f"Slack refused {setting} ({code}): see https://api.slack.com/methods and {SETUP_SECTION}."
