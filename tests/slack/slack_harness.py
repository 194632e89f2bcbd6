"""What the Slack tests use to act like Slack: signed requests, sample payloads, ids.

Kept apart from conftest.py (fixtures only) so test modules import it by a
name no other conftest shares.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fake_slack_api import FakeSlackAPI

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAYLOADS = FIXTURES / "payloads"
SIGNING_SECRET = "test-signing-secret-5b6c"
BOT_TOKEN = "xoxb-test-token"
_numbers = itertools.count(1)


def load_payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text())


def new_channel_id() -> str:
    return f"C{next(_numbers):08d}"


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)


def sign(body: str, timestamp: int, secret: str = SIGNING_SECRET) -> str:
    """X-Slack-Signature v0: HMAC-SHA256 of 'v0:{timestamp}:{body}' with the signing secret."""
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return f"v0={digest}"


class SlackSender:
    """Posts to the bot exactly as Slack would: signed, with Slack's content types."""

    def __init__(self, bot_url: str, fake_api: FakeSlackAPI) -> None:
        self.url = bot_url + "/slack/events"
        self.fake_api = fake_api

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str = SIGNING_SECRET,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        ts = int(time.time()) if timestamp is None else timestamp
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": sign(body, ts, secret),
            **(headers or {}),
        }
        request = urllib.request.Request(self.url, data=body.encode(), headers=all_headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return Reply(response.status, response.read().decode(), dict(response.headers))
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.read().decode(), dict(error.headers))

    def event(self, body: dict[str, Any], **kwargs: Any) -> Reply:
        return self.post(json.dumps(body), "application/json", **kwargs)

    def command(self, text: str, *, channel: str, **fields: str) -> Reply:
        """A slash command as Slack form-encodes it; its response_url points at the fake."""
        form = load_payload("slash_command.parsed.json")
        form.update(
            command="/factcheck",
            text=text,
            channel_id=channel,
            team_id="T111",
            response_url=self.fake_api.response_url(f"command-{channel}"),
            **fields,
        )
        return self.post(urlencode(form), "application/x-www-form-urlencoded")

    def interactive(self, payload: dict[str, Any], **kwargs: Any) -> Reply:
        """Interactivity (buttons, shortcuts): one form field `payload` holding JSON."""
        return self.post(
            urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", **kwargs
        )


def event_callback(sample: str, *, event_id: str | None = None, **event_fields: Any) -> dict[str, Any]:
    """An Events API body from a sample, with a fresh event id and the given event fields."""
    body = copy.deepcopy(load_payload(sample))
    body["event_id"] = event_id or f"Ev{uuid.uuid4().hex[:12].upper()}"
    body["team_id"] = "T111"
    body["event"].update(event_fields)
    return body


def message_ts() -> str:
    """A Slack-style message timestamp, unique within the run."""
    return f"{int(time.time())}.{next(_numbers):06d}"
