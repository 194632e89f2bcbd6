"""The rule that keeps the engine reusable: nothing under bot/engine or bot/store imports Slack."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = [ROOT / "bot" / "engine", ROOT / "bot" / "store"]
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
