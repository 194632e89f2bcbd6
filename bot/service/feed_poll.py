"""Polling the configured feeds on a schedule (`factcheck watch`, and inside `factcheck serve`).

Several bot replicas may share one PostgreSQL store; the store's poll lock lets
one of them poll while the others skip that round, so each article is fetched
and indexed once. A poll that fails is logged and tried again next round: a
feed being down must never stop the bot.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from bot.core.errors import SettingsError
from bot.core.models import IngestReport

if TYPE_CHECKING:
    from bot.service.checker import FactChecker

log = logging.getLogger(__name__)


class PollResult(BaseModel):
    """One round: the report, or `skipped` when another replica held the lock."""

    skipped: bool = False
    report: IngestReport = IngestReport()


def feed_urls(setting: str | None) -> list[str]:
    """FACTCHECK_FEEDS: URLs separated by commas or whitespace, or the path of a file with
    one URL a line (blank lines and # comments ignored)."""
    if not setting or not setting.strip():
        return []
    text = setting.strip()
    if "://" not in text:
        path = Path(text).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SettingsError(f"invalid setting FACTCHECK_FEEDS: cannot read {path} ({exc.strerror})") from None
        text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    return [url for url in text.replace(",", " ").split() if url]


def poll_once(checker: FactChecker) -> PollResult:
    """Index every configured feed's new and changed articles, unless another replica is at it."""
    urls = feed_urls(checker.settings.feeds)
    with checker.store.poll_lock() as mine:
        if not mine:
            log.info("another replica is polling the feeds; skipping this round")
            return PollResult(skipped=True)
        return PollResult(report=checker.ingest_urls(urls))


class FeedPoller:
    """A background thread that polls every FACTCHECK_POLL_MINUTES until stopped."""

    def __init__(
        self, checker: FactChecker, on_result: Callable[[PollResult], None] | None = None
    ) -> None:
        self.checker = checker
        self.interval_s = checker.settings.poll_minutes * 60
        self.on_result = on_result
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self.run, name="feed-poller", daemon=True)

    def start(self) -> FeedPoller:
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def run(self) -> None:
        while not self._stop.is_set():
            self.poll()
            self._stop.wait(self.interval_s)

    def poll(self) -> PollResult | None:
        """One round; any failure is logged with its stack and the next round still comes."""
        try:
            result = poll_once(self.checker)
        except Exception:
            log.exception("polling the feeds failed; trying again in %.0f minutes", self.interval_s / 60)
            return None
        if not result.skipped:
            report = result.report
            log.info("feeds polled: %s", report.summary())
            for failure in report.failed:
                log.warning("feed poll: not indexed: %s: %s", failure.path, failure.reason)
        if self.on_result:
            self.on_result(result)
        return result
