"""Shared fixtures. Store fixtures live in store_fixtures.py (imported here so pytest finds them)."""

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    backend,
    fresh_store_url,
    open_store_at,
    pg_session_url,
    store,
    store_url,
)


import pytest  # noqa: E402
from spacy.language import Language  # noqa: E402


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once for the whole run (modules may shadow it)."""
    from bot.language.nlp import load_pipeline

    return load_pipeline()
