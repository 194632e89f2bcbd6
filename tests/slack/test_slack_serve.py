"""`factcheck serve` -> bot.app.serve: which mode runs, and what it refuses to start without."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from pydantic import SecretStr

import bot.app
from bot.core.errors import SettingsError
from bot.settings import Settings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_health(port: int, timeout: float = 20.0) -> tuple[int, dict[str, Any]]:
    """Poll until the server answers (it starts in another thread); the timeout only bounds a hang."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
                return response.status, json.loads(response.read())
        except urllib.error.URLError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_serve_http_answers_health_on_the_given_port(slack_settings: Settings, checker: Any) -> None:
    port = free_port()
    threading.Thread(
        target=bot.app.serve, args=(slack_settings, checker), kwargs={"http": True, "port": port}, daemon=True
    ).start()

    status, body = get_health(port)

    assert status == 200 and body["ok"] is True
    assert body["articles"] == checker.store.article_count()


def test_an_app_token_selects_socket_mode_unless_http_is_forced(
    slack_settings: Settings, checker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[str] = []
    monkeypatch.setattr(bot.app, "serve_socket_mode", lambda app, settings, checker=None: chosen.append("socket"))
    monkeypatch.setattr(
        bot.app, "serve_http", lambda app, settings, checker, port=None: chosen.append("http")
    )
    with_token = slack_settings.model_copy(update={"slack_app_token": SecretStr("xapp-1-test")})

    bot.app.serve(with_token, checker)
    bot.app.serve(with_token, checker, http=True)
    bot.app.serve(slack_settings, checker)

    assert chosen == ["socket", "http", "http"]


def test_http_mode_refuses_to_start_without_a_signing_secret(slack_settings: Settings, checker: Any) -> None:
    unsigned = slack_settings.model_copy(update={"slack_signing_secret": None})

    with pytest.raises(SettingsError, match="SLACK_SIGNING_SECRET"):
        bot.app.serve(unsigned, checker, http=True, port=free_port())


def test_the_bot_token_is_required_and_never_shown(slack_settings: Settings, checker: Any) -> None:
    tokenless = slack_settings.model_copy(update={"slack_bot_token": None})

    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        bot.app.build_app(tokenless, checker)
    assert "xoxb-test-token" not in repr(slack_settings)


def test_socket_mode_keeps_a_health_endpoint_but_no_unsigned_slack_endpoint(checker: Any) -> None:
    """In Socket Mode the container still answers /healthz; POST /slack/events does not exist."""
    server = bot.app.SlackHTTPServer(("127.0.0.1", 0), None, checker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        status, body = get_health(port)
        assert status == 200 and body["ok"] is True
        request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 404
    finally:
        server.shutdown()
        server.server_close()
