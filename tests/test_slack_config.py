"""The Slack settings `factcheck serve` checks before starting: every problem for the chosen mode, at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.errors import SettingsError
from bot.settings import Settings
from bot.slack_config import check_slack_settings, slack_setting_problems

EXAMPLE = Path(__file__).resolve().parents[1] / "config" / ".env.example"


def settings(**values: str) -> Settings:
    return Settings(_env_file=None, **values)


def test_only_a_bot_token_names_both_ways_to_finish_the_setup() -> None:
    with pytest.raises(SettingsError) as error:
        check_slack_settings(settings(SLACK_BOT_TOKEN="xoxb-1-2-abc"))

    message = str(error.value)
    assert "HTTP mode" in message and "SLACK_SIGNING_SECRET is missing" in message
    assert "SLACK_APP_TOKEN" in message and "Socket Mode instead" in message
    assert "config/.env.example" in message and "Connect a real Slack workspace" in message
    assert "\n" not in message


def test_every_malformed_socket_mode_setting_is_listed_in_one_message() -> None:
    swapped = settings(SLACK_BOT_TOKEN="xapp-1-A1-2-abc", SLACK_APP_TOKEN="xoxb-1-2-abc")

    problems = slack_setting_problems(swapped, "socket")

    assert problems == [
        "SLACK_BOT_TOKEN must start with xoxb- but holds an app-level token "
        "(the Bot User OAuth Token, OAuth & Permissions page, xoxb-…)",
        "SLACK_APP_TOKEN must start with xapp- but holds a bot token "
        "(Basic Information → App-Level Tokens, with connections:write, xapp-…)",
    ]


def test_a_user_token_a_quoted_token_and_a_bad_api_url_are_all_named() -> None:
    problems = slack_setting_problems(
        settings(
            SLACK_BOT_TOKEN="xoxp-1-2-abc",
            SLACK_SIGNING_SECRET='"8f742231b10e8888abcd99yyyzzz85a5"',
            FACTCHECK_SLACK_API_URL="slack.com/api",
        ),
        "http",
    )

    assert [p.split(" ", 1)[0] for p in problems] == [
        "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "FACTCHECK_SLACK_API_URL",
    ]  # fmt: skip
    assert "a user token" in problems[0] and "quotes" in problems[1]


def test_the_copied_example_file_is_not_taken_for_real_credentials() -> None:
    copied = Settings(_env_file=EXAMPLE, SLACK_APP_TOKEN="xapp-replace-me")

    problems = slack_setting_problems(copied, "socket")

    assert [p.split(" ", 1)[0] for p in problems] == ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN"]
    assert all("placeholder" in p for p in problems)


def test_a_complete_configuration_picks_its_mode() -> None:
    both = settings(SLACK_BOT_TOKEN="xoxb-1-2-abc", SLACK_APP_TOKEN="xapp-1-A1-2-abc")
    http_only = settings(SLACK_BOT_TOKEN="xoxb-1-2-abc", SLACK_SIGNING_SECRET="8f742231b10e8888abcd99")

    forced = both.model_copy(update={"slack_signing_secret": http_only.slack_signing_secret})

    assert check_slack_settings(both) == "socket"
    assert check_slack_settings(forced, http=True) == "http"
    assert check_slack_settings(http_only) == "http"
