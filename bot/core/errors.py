"""Typed errors, each carrying a message a user can act on.

The docstring of each class says what it means; the CLI and the Slack
handlers show `str(error)` to the user.
"""


class FactCheckError(Exception):
    """Something went wrong in the fact-check engine."""


class IngestError(FactCheckError):
    """A file could not be indexed (the message names the file and the reason)."""


class StoreError(FactCheckError):
    """The index could not be read or written."""


class SettingsError(FactCheckError):
    """A setting is invalid (the message names the variable)."""


class PipelineError(FactCheckError):
    """The spaCy pipeline could not be loaded."""


class EmptyIndexError(FactCheckError):
    """The index holds no article: any answer would be "nothing found" for the wrong reason."""
