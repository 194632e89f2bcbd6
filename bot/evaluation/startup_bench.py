"""Start-up time of the factcheck command: how long before it does anything.

Each command runs in a fresh process, as a user types it, several times; the
figures are the medians of wall time and of CPU time (user + system). On a
busy machine the wall time includes waiting for a core, so the CPU time is
the steadier figure. `sources` reads a small index made here (no language
pipeline is needed to build or list it), so it measures start-up, not the
size of whatever index is configured.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pydantic import BaseModel

RUNS = 5
TARGET_SECONDS = 0.5


class StartupFigure(BaseModel):
    command: str
    wall_s: float  # median
    cpu_s: float  # median, user + system


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median wall and CPU seconds of `python -m bot ARGS` over `runs` fresh processes."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu_before, start = _children_cpu(), time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "bot", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
        )
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu_before)
        if done.returncode != 0:
            raise RuntimeError(f"factcheck {' '.join(args)} failed: {done.stderr.decode()[-500:]}")
    return statistics.median(walls), statistics.median(cpus)


def small_index(folder: Path, articles: int = 20) -> str:
    """A SQLite index of a few made-up articles, written without the language pipeline."""
    from bot.core.models import Article, ParsedArticle, Passage
    from bot.store import open_store

    url = f"sqlite:///{folder / 'startup.db'}"
    store = open_store(url)
    try:
        for n in range(articles):
            body = f"The council met on day {n} and approved plan {n}."
            store.save_article(
                ParsedArticle(
                    article=Article(path=f"article-{n}.txt", content_hash=f"startup-{n}", title=f"Plan {n}", body=body),
                    passages=[Passage(position=0, text=body, lemmas=body.lower())],
                    quotes=[],
                )
            )
    finally:
        store.close()
    return url


def measure_startup(runs: int = RUNS) -> list[StartupFigure]:
    with tempfile.TemporaryDirectory(prefix="factcheck-startup-") as folder:
        url = small_index(Path(folder))
        commands = {"factcheck --help": ["--help"], "factcheck sources": ["sources", "--database-url", url]}
        figures = []
        for name, args in commands.items():
            wall, cpu = time_command(args, runs)
            figures.append(StartupFigure(command=name, wall_s=wall, cpu_s=cpu))
    return figures


def format_startup(figures: list[StartupFigure]) -> str:
    lines = [f"start-up, median of {RUNS} fresh processes (target: well under {TARGET_SECONDS} s)"]
    lines.append(f"  {'command':<20} {'wall':>8} {'CPU':>8}")
    for f in figures:
        lines.append(f"  {f.command:<20} {f.wall_s:>7.3f}s {f.cpu_s:>7.3f}s")
    return "\n".join(lines)
