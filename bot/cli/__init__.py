"""`factcheck`: the command-line shell over the engine, one module per group of commands.

base.py holds the click group and what every command shares (settings, the opened
FactChecker, progress lines); importing a command module registers its commands.
"""

from __future__ import annotations

from bot.cli import checking, corpus, measuring, serving, training  # noqa: F401  (registers the commands)
from bot.cli.base import cli, progress_line
from bot.cli.checking import format_report

__all__ = ["cli", "main", "format_report", "progress_line"]


def main() -> None:
    cli(prog_name="factcheck")
