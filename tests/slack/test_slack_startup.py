"""`factcheck serve` meeting a Slack it cannot reach or that refuses its tokens: one clear line, no traceback.

The process tests run the real command in a subprocess against the local
fake Web API (and a closed port for "unreachable"), the way a user would
start it, and read what it prints and what /healthz answers.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_slack_api import FakeSlackAPI
from fake_socket_mode import FakeSocketModeServer
from slack_harness import BOT_TOKEN, FIXTURES, SIGNING_SECRET
from test_slack_serve import free_port

import bot.app
from bot.core.errors import SettingsError
from bot.settings import Settings
from bot.slack_connection import (
    SlackLink,
    SlackStartError,
    SlackUnreachable,
    keep_trying,
    quiet_web_client,
    socket_mode_url,
    verify_bot_token,
)

ROOT = Path(__file__).resolve().parents[2]
APP_TOKEN = "xapp-1-A111-222-test"


def health(port: int) -> tuple[int, dict[str, Any]] | None:
    """What GET /healthz answers now, or None while nothing listens yet."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
    except urllib.error.URLError:
        return None


def wait_health(port: int, status: int, error: str = "", timeout: float = 60.0) -> dict[str, Any]:
    """Poll /healthz until it answers `status` (with `error` in its error, when given: "not
    ready" first says "connecting", then why); the timeout only bounds a hang."""
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        seen = health(port)
        if seen and seen[0] == status and error in (seen[1].get("error") or ""):
            return seen[1]
        time.sleep(0.1)
    raise AssertionError(f"/healthz never answered {status}; last answer {seen}")


@pytest.fixture
def serve_process(slack_settings: Settings, checker: Any, tmp_path: Path) -> Iterator[Any]:
    """Start `python -m bot serve` with the given Slack settings, over the already indexed test store."""
    started: list[subprocess.Popen[str]] = []

    def start(**env: str) -> subprocess.Popen[str]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "FACTCHECK_"))}
        clean.update(
            PYTHONPATH=str(ROOT),
            FACTCHECK_DATABASE_URL=slack_settings.database_url,
            FACTCHECK_CORPUS_DIR=str(FIXTURES / "corpus"),
            **env,
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            cwd=tmp_path,  # no .env here: only the settings this test gives
            env=clean,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.communicate()


def stop(process: subprocess.Popen[str]) -> str:
    """Interrupt the bot as Ctrl-C would and return everything it wrote to stderr."""
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    return stderr


def test_socket_mode_waits_for_an_unreachable_slack_then_connects(serve_process: Any) -> None:
    api_port, health_port = free_port(), free_port()  # nothing listens on api_port yet
    process = serve_process(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_APP_TOKEN=APP_TOKEN,
        FACTCHECK_SLACK_API_URL=f"http://127.0.0.1:{api_port}/api/",
        FACTCHECK_HTTP_PORT=str(health_port),
    )
    fake, socket_server = FakeSlackAPI(), FakeSocketModeServer()
    try:
        waiting = wait_health(health_port, 503, error="unreachable")
        assert waiting["status"] == "not ready"

        fake.start(port=api_port)
        fake.socket_mode_url = socket_server.start().url

        ready = wait_health(health_port, 200)
        assert ready["status"] == "ready" and ready["articles"] > 0
        socket_server.wait_connected()
        [opened] = fake.calls_to("apps.connections.open")
        assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"
    finally:
        stderr = stop(process)
        socket_server.stop()
        if fake.calls:
            fake.stop()

    assert "Traceback" not in stderr
    assert "`token` will be unused" not in stderr  # Bolt's warning when given a client and the env token
    assert "Failed to send a request" not in stderr
    retries = [line for line in stderr.splitlines() if "unreachable" in line]
    assert retries and all("retrying in" in line and f"127.0.0.1:{api_port}" in line for line in retries)
    assert "connected to Slack as @" in stderr


def test_a_refused_bot_token_stops_serve_with_one_line_saying_what_to_do(serve_process: Any) -> None:
    fake = FakeSlackAPI().start()
    fake.fail_next("auth.test", 200, error="invalid_auth")
    try:
        process = serve_process(
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            FACTCHECK_SLACK_API_URL=fake.api_url,
            FACTCHECK_HTTP_PORT=str(free_port()),
        )
        _, stderr = process.communicate(timeout=120)
    finally:
        fake.stop()

    assert process.returncode == 1
    assert "Traceback" not in stderr
    [error] = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert "SLACK_BOT_TOKEN (invalid_auth)" in error
    assert "Bot User OAuth Token" in error and "Connect a real Slack workspace" in error


def test_missing_settings_are_all_named_before_the_engine_loads(serve_process: Any) -> None:
    process = serve_process(SLACK_BOT_TOKEN=BOT_TOKEN)

    _, stderr = process.communicate(timeout=60)

    assert process.returncode == 1
    assert "Traceback" not in stderr
    [line] = stderr.strip().splitlines()
    assert "SLACK_SIGNING_SECRET is missing" in line and "SLACK_APP_TOKEN" in line
    assert "config/.env.example" in line and 'README, "Connect a real Slack workspace"' in line


def test_http_mode_answers_not_ready_until_slack_answers(slack_settings: Settings, checker: Any) -> None:
    api_port, port = free_port(), free_port()
    unreachable = slack_settings.model_copy(update={"slack_api_url": f"http://127.0.0.1:{api_port}/api/"})
    threading.Thread(
        target=bot.app.serve, args=(unreachable, checker), kwargs={"http": True, "port": port}, daemon=True
    ).start()

    waiting = wait_health(port, 503)
    request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    fake = FakeSlackAPI().start(port=api_port)
    try:
        ready = wait_health(port, 200)
    finally:
        fake.stop()  # the bot keeps serving in its daemon thread; later calls only fail

    assert waiting["status"] == "not ready" and refused.value.code == 503
    assert ready["status"] == "ready"


def test_the_app_is_built_without_the_client_and_token_warning(
    slack_settings: Settings, checker: Any, fake_api: FakeSlackAPI, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)  # how most people configure it

    with caplog.at_level(logging.WARNING):
        app = bot.app.build_app(slack_settings, checker)

    assert not [r for r in caplog.records if "token" in r.getMessage()]
    assert app.client.base_url == fake_api.api_url  # and its calls still go where the settings say


# the failure modes one by one, against the fake over HTTP -------------------------------
@pytest.mark.parametrize(
    ("method", "error", "call", "expected"),
    [
        ("auth.test", "not_allowed_token_type", lambda client: verify_bot_token(client, BOT_TOKEN),
         r"SLACK_BOT_TOKEN \(not_allowed_token_type\).*wrong kind"),
        ("auth.test", "token_revoked", lambda client: verify_bot_token(client, BOT_TOKEN),
         r"SLACK_BOT_TOKEN \(token_revoked\).*Bot User OAuth Token"),
        ("apps.connections.open", "invalid_auth", lambda client: socket_mode_url(client, APP_TOKEN),
         r"SLACK_APP_TOKEN \(invalid_auth\).*App-Level Tokens"),
    ],
)  # fmt: skip
def test_each_refusal_names_the_setting_the_reason_and_the_fix(
    method: str, error: str, call: Any, expected: str
) -> None:
    fake = FakeSlackAPI().start()
    fake.fail_next(method, 200, error=error)
    try:
        with pytest.raises(SlackStartError, match=expected):
            call(quiet_web_client(fake.api_url))
    finally:
        fake.stop()


def test_slack_errors_that_may_pass_are_retried_with_backoff_and_reported_meanwhile() -> None:
    fake = FakeSlackAPI().start()
    fake.fail_next("auth.test", 500, times=2)
    link = SlackLink()
    problems: list[str | None] = []

    def attempt() -> Any:
        problems.append(link.problem())
        return verify_bot_token(quiet_web_client(fake.api_url), BOT_TOKEN)

    try:
        identity = keep_trying(attempt, link, first_delay=0.01)
    finally:
        fake.stop()

    assert identity["ok"] is True
    assert [c.status for c in fake.calls_to("auth.test")] == [500, 500, 200]
    assert "not answering" in (problems[-1] or "")  # what /healthz said while waiting


def test_an_unreachable_slack_is_a_failure_that_may_pass() -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/"

    with pytest.raises(SlackUnreachable, match="unreachable at .*FACTCHECK_SLACK_API_URL"):
        verify_bot_token(quiet_web_client(closed), BOT_TOKEN)


def test_a_taken_port_is_one_line_naming_the_setting(checker: Any) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]

        with pytest.raises(SettingsError, match=f"cannot listen on port {port}.*FACTCHECK_HTTP_PORT"):
            bot.app.make_http_server(None, checker, host="127.0.0.1", port=port)
