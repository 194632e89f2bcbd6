"""Stores: SQLite (embedded default) and PostgreSQL (scale-out), one protocol."""

from __future__ import annotations

from bot.store.base import Store


def open_store(url: str) -> Store:
    """Open (and migrate) the store named by a `sqlite:///` or `postgresql://` URL."""
    if url.startswith("sqlite:///"):
        from bot.store.sqlite import SQLiteStore

        store: Store = SQLiteStore(url)
    elif url.startswith(("postgresql://", "postgres://")):
        from bot.store.postgres import PostgresStore  # psycopg imported lazily

        store = PostgresStore(url)
    else:
        from bot.core.errors import StoreError

        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///PATH or postgresql://…")
    store.migrate()
    return store
