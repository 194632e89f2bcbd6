"""The rules that keep the engine reusable and readable.

Nothing in the stages (bot/core, language, store, ingest, check, model, service) imports
Slack, and every stage imports only the stages below it:

    core <- language, store <- ingest, model, check <- service <- cli, app, handlers, evaluation
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("core", "language", "store", "ingest", "model", "check", "service")
CORE = [ROOT / "bot" / stage for stage in STAGES]
# What each stage may import of bot/ (besides itself). Nothing below service reads the
# settings: a stage gets what it needs as arguments.
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "language": {"core"},
    "store": {"core"},
    "ingest": {"core", "language", "store"},
    "model": {"core", "language", "ingest"},  # training reads cleaned article text
    "check": {"core", "language", "store", "model"},
    "service": {"core", "language", "store", "ingest", "check", "model", "paths", "settings"},
}
SLACK_ADAPTERS = {"bot/app.py", "bot/slack_connection.py"}  # the only ones in bot/ that know Slack
SLACK_PACKAGES = ("slack_bolt", "slack_sdk", "slack")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path", sorted(p for core in CORE for p in core.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_the_engine_and_the_store_never_import_slack(path: Path) -> None:
    slack_imports = {m for m in imported_modules(path) if m.split(".")[0] in SLACK_PACKAGES}

    assert slack_imports == set(), f"{path.relative_to(ROOT)} imports {sorted(slack_imports)}"


def test_the_check_finds_a_slack_import_when_there_is_one(tmp_path: Path) -> None:
    module = tmp_path / "leaky.py"
    module.write_text(
        "import os\nfrom slack_sdk.models.blocks import SectionBlock\nimport slack_bolt as bolt\n"
    )

    assert {"slack_sdk.models.blocks", "slack_bolt"} <= imported_modules(module)


def bot_part(module: str) -> str | None:
    """`bot.check.claims` -> `check`; `handlers.x` -> `handlers`; not ours -> None."""
    parts = module.split(".")
    if parts[0] == "handlers":
        return "handlers"
    return parts[1] if parts[0] == "bot" and len(parts) > 1 else None


@pytest.mark.parametrize(
    "path", sorted(p for core in CORE for p in core.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_each_stage_imports_only_the_stages_below_it(path: Path) -> None:
    stage = path.relative_to(ROOT / "bot").parts[0]
    upward = {
        m for m in imported_modules(path) if (part := bot_part(m)) not in (None, stage, *MAY_IMPORT[stage])
    }

    assert upward == set(), f"{path.relative_to(ROOT)} ({stage}) imports {sorted(upward)}"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "bot").rglob("*.py") if str(p.relative_to(ROOT)) not in SLACK_ADAPTERS),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_nothing_in_bot_but_the_slack_adapter_imports_the_handlers_or_slack(path: Path) -> None:
    leaks = {m for m in imported_modules(path) if m.split(".")[0] in (*SLACK_PACKAGES, "handlers")}

    assert leaks == set(), f"{path.relative_to(ROOT)} imports {sorted(leaks)}"


def test_the_layer_check_finds_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "upward.py"
    module.write_text("from bot.language.numbers import parse_number\nfrom bot.check.claims import Claim\n")

    upward = {m for m in imported_modules(module) if bot_part(m) not in (None, *MAY_IMPORT["ingest"])}

    assert upward == {"bot.check.claims"}
