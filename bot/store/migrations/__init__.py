"""Ordered, named schema steps, one set per backend, recorded in `schema_migrations`.

Each step is a file `NNNN_name.<backend>.sql` next to this module; the step's
name (`NNNN_name`) is what the database records, so a step is applied once
and a later release only adds files. Files, not code, so a DBA can read them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib import resources
from typing import Literal

Backend = Literal["sqlite", "postgres"]


@dataclass(frozen=True)
class Migration:
    """One schema step: its recorded name and the SQL that applies it."""

    name: str
    sql: str


def migration_steps(backend: Backend) -> list[Migration]:
    """The backend's steps in the order they must be applied (by file name)."""
    suffix = f".{backend}.sql"
    folder = resources.files(__name__)
    steps = [
        Migration(name=entry.name[: -len(suffix)], sql=entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(suffix)
    ]
    return sorted(steps, key=lambda step: step.name)


def split_sqlite_script(sql: str) -> list[str]:
    """Split a script into complete statements (triggers keep their inner `;`).

    `executescript` would commit the surrounding transaction, so steps are run
    statement by statement inside the migration's own transaction instead.
    """
    statements: list[str] = []
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                statements.append(pending.strip())
            pending = ""
    if _has_code(pending.rstrip(";")):
        statements.append(pending.strip())
    return statements


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in sql.splitlines())
    return any(line and line != ";" for line in lines)
