"""The facade the CLI and the Slack handlers call: FactChecker, and the feed poller beside it."""
