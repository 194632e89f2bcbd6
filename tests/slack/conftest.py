"""Slack end-to-end fixtures: the real Bolt app, served by bot.app's HTTP server, talking to a fake Web API.

- `fake_api`: a local HTTP server standing in for https://slack.com/api/ (and
  for response_url hooks); it records every call.
- `bot_url`: the app built by `bot.app.build_app` with FACTCHECK_SLACK_API_URL
  pointing at the fake, served over HTTP on loopback by `bot.app.make_http_server`.
- `slack`: sends requests the way Slack does, signed with the signing secret
  (see slack_harness.py).
- The engine is the real FactChecker over a tiny hand-written corpus
  (fixtures/corpus) in a fresh SQLite file.

Each test uses its own channel id (`channel`) so calls from different tests
never mix, and waits for the calls it expects (`fake_api.wait_for`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fake_slack_api import (
    FakeSlackAPI,  # tests/slack is on sys.path (rootdir conftest, no __init__)
)
from slack_harness import (
    BOT_TOKEN,
    FIXTURES,
    SIGNING_SECRET,
    SlackSender,
    new_channel_id,
)

from bot.app import build_app, make_http_server
from bot.settings import Settings


@pytest.fixture(scope="session")
def fake_api() -> Iterator[FakeSlackAPI]:
    fake = FakeSlackAPI().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def slack_settings(fake_api: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    db = tmp_path_factory.mktemp("slack-store") / "factcheck.db"
    return Settings(
        _env_file=None,
        database_url=f"sqlite:///{db}",
        corpus_dir=FIXTURES / "corpus",
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_app_token=None,
        slack_api_url=fake_api.api_url,
        fetch_allowed_networks="127.0.0.1/32",  # the tests' local news site (tests/web_server.py)
        fetch_host_interval_s=0,
    )


@pytest.fixture(scope="session")
def checker(slack_settings: Settings) -> Iterator[Any]:
    """The real engine over the tiny corpus (indexed once per session)."""
    from bot.service.checker import FactChecker

    engine = FactChecker.open(slack_settings)
    engine.ensure_indexed()
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def bolt_app(slack_settings: Settings, checker: Any, fake_api: FakeSlackAPI) -> Any:
    return build_app(slack_settings, checker)


@pytest.fixture(scope="session")
def bot_url(bolt_app: Any, checker: Any) -> Iterator[str]:
    server = make_http_server(bolt_app, checker, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.serve_forever, name="bot-http", daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


@pytest.fixture
def channel() -> str:
    """A channel id of this test's own, so its calls never mix with another test's."""
    return new_channel_id()


@pytest.fixture
def slack(bot_url: str, fake_api: FakeSlackAPI) -> SlackSender:
    return SlackSender(bot_url, fake_api)
