"""The app manifest declares what the handlers rely on, and Slack's own schema accepts it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bot.settings import Settings
from handlers.flags import SHORTCUT_CALLBACK_ID

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "config" / "slack-manifest.yml"
SCHEMAS = ROOT.parent / "shared" / "slack-samples" / "manifest-schema"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def test_the_manifest_validates_against_slacks_schema(manifest: dict) -> None:
    schema_file = SCHEMAS / f"manifest.schema.{manifest['_metadata']['major_version']}.0.0.json"
    if not schema_file.exists():
        pytest.skip(f"Slack's manifest schema is not available at {schema_file}")

    jsonschema.validate(manifest, json.loads(schema_file.read_text()))


def test_the_manifest_declares_every_entry_point_the_handlers_serve(manifest: dict) -> None:
    defaults = Settings(_env_file=None)
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])

    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [defaults.slash_command]
    assert {s["callback_id"] for s in manifest["features"]["shortcuts"] if s["type"] == "message"} == {
        SHORTCUT_CALLBACK_ID
    }
    assert {
        "app_mention",
        "message.im",
        "message.channels",
        "reaction_added",
        "reaction_removed",
        "app_home_opened",
    } <= events
    assert {
        "commands",
        "chat:write",
        "app_mentions:read",
        "im:history",
        "channels:history",
        "groups:history",
        "reactions:read",
    } <= scopes
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
