"""Newsroom fact-check bot: the engine, the store and the CLI."""

__version__ = "0.1.0"
