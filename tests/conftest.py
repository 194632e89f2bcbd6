"""Shared fixtures. Store fixtures live in store_fixtures.py (imported here so pytest finds them)."""

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    backend,
    fresh_store_url,
    open_store_at,
    pg_session_url,
    store,
    store_url,
)
