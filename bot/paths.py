"""Where the index and the corpus live when no setting says otherwise.

Defaults must not depend on the folder a command is run from: `factcheck
check` typed in another folder must find the same index, not create an empty
one. A checkout install (the package sits in a project folder with its
pyproject.toml) keeps them in that folder, beside the shipped `seeds/`; an
installed package keeps them in the user's data folder (platformdirs).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PACKAGE_PARENT = Path(__file__).resolve().parent.parent


def project_root() -> Path | None:
    """The checkout the package runs from, or None for an installed package."""
    if (PACKAGE_PARENT / "pyproject.toml").is_file() and (PACKAGE_PARENT / "bot").is_dir():
        return PACKAGE_PARENT
    return None


def data_dir() -> Path:
    """The folder of the embedded index: `<checkout>/data`, else the per-user data folder."""
    root = project_root()
    if root is not None:
        return root / "data"
    from platformdirs import user_data_path

    return user_data_path("factcheck", appauthor=False)


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'factcheck.db'}"


def default_corpus_dir() -> Path:
    """The shipped seeds in a checkout; an installed package has none (`corpus/` stays empty)."""
    root = project_root()
    return root / "seeds" if root is not None else data_dir() / "corpus"


def store_location(database_url: str) -> str:
    """Where a store is, for a message a person reads: a file path, or the URL without password."""
    if database_url.startswith("sqlite:///"):
        return str(Path(database_url[len("sqlite:///") :]).resolve())
    parts = urlsplit(database_url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def empty_index_message(database_url: str, corpus_dir: Path) -> str:
    """What an empty index means for the user: where it is and the command that fills it."""
    why = (
        f"indexing the corpus folder {corpus_dir} added nothing"
        if corpus_dir.exists()
        else f"the corpus folder {corpus_dir} does not exist"
    )
    return (
        f"the index at {store_location(database_url)} is empty ({why}), so there is nothing "
        "to check against. Fill it with `factcheck ingest PATH` (files or folders of articles), "
        "or set FACTCHECK_CORPUS_DIR to a folder of articles to index on first use."
    )
