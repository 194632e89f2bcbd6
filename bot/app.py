"""Composition root for Slack: settings + engine + handlers -> a Bolt app, and the servers that run it.

`build_app` is what tests use with a fake Web API URL; `serve` is what
`factcheck serve` calls. Socket Mode (an app-level token, no public URL) is
preferred when SLACK_APP_TOKEN is set; otherwise a small stdlib HTTP server
takes every Slack request at POST /slack/events and answers GET /healthz,
so no web framework is needed. Before serving, `serve` checks every Slack
setting the mode needs (bot/slack_config.py) and then Slack itself
(bot/slack_connection.py): refusals stop it with one line, an unreachable
Slack is retried while /healthz answers "not ready". Work runs after the ack
(process_before_response=False): Bolt answers Slack as soon as a listener
calls `ack()` and the listener keeps running in Bolt's thread pool.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr
from slack_bolt import App, BoltRequest
from slack_sdk.web import SlackResponse
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.core import SettingsError, StoreError
from bot.settings import Settings
from bot.slack_config import check_slack_settings
from bot.slack_connection import (
    SlackLink,
    SlackUnreachable,
    keep_trying,
    quiet_web_client,
    socket_mode_url,
    verify_bot_token,
)

if TYPE_CHECKING:
    from bot.service import FactChecker

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1_000_000  # Slack payloads are far smaller; refuse anything absurd


def retry_handlers() -> list[Any]:
    """slack_sdk's own retry policies: 429 honours Retry-After, 5xx and dropped connections back off."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def api_base_url(settings: Settings) -> str:
    return settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"


def build_app(settings: Settings, checker: FactChecker) -> App:
    """The real Bolt app with every handler registered; no network call (`serve` verifies the token first).

    Bolt gets the token, not a ready-made client: given a client it warns "`token` will be
    unused" whenever SLACK_BOT_TOKEN is in the environment. Its own client is then pointed at
    FACTCHECK_SLACK_API_URL with slack_sdk's retry policies (per-request clients copy both).
    """
    from handlers import register

    if settings.slack_bot_token is None:
        raise SettingsError("invalid setting SLACK_BOT_TOKEN: required to run the Slack bot")
    signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(
        name="factcheck",
        token=settings.slack_bot_token.get_secret_value(),
        # Checked by `serve` (bot/slack_connection.py), which can tell a refused token from a
        # network that is down; Bolt would only raise.
        token_verification_enabled=False,
        # An empty secret only ever occurs in Socket Mode, where requests are not signed;
        # `check_slack_settings` refuses HTTP mode without one.
        signing_secret=signing_secret,
        process_before_response=False,
        logger=logging.getLogger("factcheck.slack"),
    )
    app.client.base_url = api_base_url(settings)
    app.client.retry_handlers = retry_handlers()
    register(app, checker, settings)
    return app


# HTTP mode -------------------------------------------------------------------------
class SlackHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer holding the Bolt app and the engine, for the request handler."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        app: App | None,
        checker: FactChecker,
        link: SlackLink | None = None,
    ) -> None:
        self.app = app  # None: health only (Socket Mode), no Slack endpoint to forge requests to
        self.checker = checker
        self.link = link  # None: no Slack connection to wait for (tests serving a built app)
        super().__init__(address, SlackRequestHandler)

    def not_ready(self) -> str | None:
        """Why the bot cannot answer Slack yet (connecting, Slack unreachable), or None."""
        return self.link.problem() if self.link is not None else None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class SlackRequestHandler(BaseHTTPRequestHandler):
    """POST /slack/events -> Bolt (which verifies the signature); GET /healthz -> engine status."""

    server: SlackHTTPServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        if path != EVENTS_PATH or self.server.app is None:
            self._send(404, {"error": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._send(413, {"error": "payload too large"})
            return
        if self.server.not_ready():  # Slack retries what it cannot deliver
            self._send(503, {"error": "not ready"})
            return
        body = self.rfile.read(length).decode("utf-8")
        headers: dict[str, list[str]] = {}
        for name, value in self.headers.items():
            headers.setdefault(name.lower(), []).append(value)
        try:
            request = BoltRequest(body=body, query=query, headers=headers)
        except ValueError as exc:  # a body Bolt cannot parse (bad JSON): logged, answered, ignored
            logger.warning("ignored a malformed Slack request (%s bytes): %s", length, exc)
            self._send(400, {"error": "malformed request"})
            return
        response = self.server.app.dispatch(request)
        self._send(response.status, response.body, response.headers)

    def do_GET(self) -> None:
        if self.path.partition("?")[0] != HEALTH_PATH:
            self._send(404, {"error": "not found"})
            return
        try:
            articles = self.server.checker.store.article_count()
        except StoreError as exc:
            logger.exception("health check: store unavailable")
            self._send(503, {"ok": False, "status": "not ready", "error": str(exc)})
            return
        problem = self.server.not_ready()
        if problem:
            self._send(503, {"ok": False, "status": "not ready", "error": problem, "articles": articles})
            return
        self._send(200, {"ok": True, "status": "ready", "articles": articles})

    def _send(self, status: int, body: str | dict[str, Any], headers: dict[str, Any] | None = None) -> None:
        payload = (body if isinstance(body, str) else json.dumps(body)).encode("utf-8")
        self.send_response(status)
        has_type = False
        for name, values in (headers or {}).items():
            if name.lower() == "content-length":
                continue
            has_type = has_type or name.lower() == "content-type"
            for value in values if isinstance(values, (list, tuple)) else [values]:
                self.send_header(name, value)
        if not has_type:
            self.send_header(
                "Content-Type", "application/json" if isinstance(body, dict) else "text/plain; charset=utf-8"
            )
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("http %s - " + format, self.address_string(), *args)


def make_http_server(
    app: App | None,
    checker: FactChecker,
    *,
    host: str = "0.0.0.0",
    port: int = 3000,
    link: SlackLink | None = None,
) -> SlackHTTPServer:
    """Bind the HTTP server (port 0 picks a free port, as the tests do) without starting it."""
    try:
        return SlackHTTPServer((host, port), app, checker, link)
    except OSError as exc:  # most often the port is taken: one line, not a traceback
        raise SettingsError(
            f"cannot listen on port {port} ({exc.strerror or exc}): free it, or choose another "
            "with FACTCHECK_HTTP_PORT (or --port)"
        ) from None


# running -------------------------------------------------------------------------------
def serve(
    settings: Settings, checker: FactChecker, *, http: bool | None = None, port: int | None = None
) -> None:
    """Run the bot until interrupted: Socket Mode with SLACK_APP_TOKEN unless HTTP is forced.

    Every missing or malformed Slack setting is reported at once before anything starts.
    """
    mode = check_slack_settings(settings, http)
    app = build_app(settings, checker)
    if mode == "socket":
        serve_socket_mode(app, settings, checker)
    else:
        serve_http(app, settings, checker, port=port)


def serve_http(app: App, settings: Settings, checker: FactChecker, *, port: int | None = None) -> None:
    """POST /slack/events and GET /healthz; both answer 503 until the bot token is verified."""
    link = SlackLink()
    server = make_http_server(app, checker, port=port or settings.http_port, link=link)
    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    logger.info(
        "HTTP mode: POST %s and GET %s on port %s", EVENTS_PATH, HEALTH_PATH, server.server_address[1]
    )
    try:
        identity = keep_trying(lambda: _verify_bot_token(settings), link)
        link.up()
        _announce(identity, f"HTTP mode on port {server.server_address[1]}")
        thread.join()
    except KeyboardInterrupt:
        logger.info("stopping")
    finally:
        server.shutdown()
        server.server_close()


def socket_mode_handler(app: App, settings: Settings) -> Any:
    """Bolt's Socket Mode adapter on slack_sdk's built-in websocket client (no extra dependency)."""
    from slack_bolt.adapter.socket_mode.builtin import SocketModeHandler

    if settings.slack_app_token is None:
        raise SettingsError("invalid setting SLACK_APP_TOKEN: required in Socket Mode")
    return SocketModeHandler(app, app_token=settings.slack_app_token.get_secret_value())


def serve_socket_mode(
    app: App, settings: Settings, checker: FactChecker | None = None
) -> None:
    """Socket Mode, plus GET /healthz on the HTTP port: "not ready" until connected and while reconnecting."""
    handler = socket_mode_handler(app, settings)
    link = SlackLink()
    health = None
    if checker is not None:
        health = make_http_server(None, checker, port=settings.http_port, link=link)
        threading.Thread(target=health.serve_forever, name="healthz", daemon=True).start()
    logger.info("Socket Mode: connecting")
    try:
        identity = keep_trying(lambda: _verify_bot_token(settings), link)
        keep_trying(lambda: _connect_socket(handler, settings), link)
        link.up(handler.client.is_connected)
        _announce(identity, "Socket Mode")
        threading.Event().wait()
    except KeyboardInterrupt:
        logger.info("stopping")
    finally:
        handler.close()
        if health is not None:
            health.shutdown()
            health.server_close()


def _secret(value: SecretStr | None) -> str:
    assert value is not None  # check_slack_settings refused a missing one before anything started
    return value.get_secret_value()


def _verify_bot_token(settings: Settings) -> SlackResponse:
    return verify_bot_token(quiet_web_client(api_base_url(settings)), _secret(settings.slack_bot_token))


def _connect_socket(handler: Any, settings: Settings) -> None:
    """One connection attempt; the URL is fetched here so a refused app token reads as one clear line."""
    client = handler.client
    probe = quiet_web_client(api_base_url(settings))
    client.wss_uri = socket_mode_url(probe, _secret(settings.slack_app_token))
    handler.connect()
    if not client.is_connected():
        client.wss_uri = None  # a fresh URL next time
        raise SlackUnreachable("the Socket Mode connection to Slack failed; check the network or a proxy")


def _announce(identity: SlackResponse, mode: str) -> None:
    """One line on stderr that the bot is up (logging shows warnings only unless -v)."""
    print(
        f"factcheck: connected to Slack as @{identity.get('user')} in {identity.get('team')}; {mode}",
        file=sys.stderr,
        flush=True,
    )
