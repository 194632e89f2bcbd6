"""The facade the CLI and the Slack handlers call: FactChecker, and the feed poller beside it."""

from bot.core.lazy import lazy_exports

_EXPORTS = {"FactChecker": "checker", **dict.fromkeys(["FeedPoller", "PollResult", "feed_urls", "poll_once"], "feed_poll")}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
