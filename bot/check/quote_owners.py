"""Whose words an unattributed copy of a quote is: the speaker the quote index gives them.

An outlet may print a quote without saying whose it is (a pull quote, a line
in a paragraph of its own), while another article, or another passage of the
same one, attributes the same words. A claim that gives those words to someone
else is a speaker_mismatch either way, so such a copy takes the speaker the
index knows, and says where that attribution comes from.
"""

from __future__ import annotations

from bot.check.retrieve import WORD, Candidate, normalise_text
from bot.language.speakers import SpeakerResolver

MIN_QUOTE_WORDS = 6  # shorter words in common are a phrase, not one person's sentence
QUOTE_SHARE = 0.8  # a sentence is the quote when the quote's words make up this much of it


def _words(text: str) -> list[str]:
    return WORD.findall(normalise_text(text))


def _contains(outer: list[str], inner: list[str]) -> bool:
    if len(inner) > len(outer):
        return False
    joined = f" {' '.join(outer)} "
    return f" {' '.join(inner)} " in joined


def _is_copy(copy: list[str], quote: list[str]) -> bool:
    """The candidate's words are the quote (or one of its sentences), with at most a few
    words around it: no room in it for an attribution of its own."""
    if min(len(copy), len(quote)) < MIN_QUOTE_WORDS:
        return False
    if _contains(quote, copy):
        return True
    return _contains(copy, quote) and len(quote) >= QUOTE_SHARE * len(copy)


def named_in_full(candidates: list[Candidate], speakers: SpeakerResolver) -> list[Candidate]:
    """Quotes given to the fullest name the archive knows for their speaker ("Oduya" ->
    "Keith Oduya"). Ingest resolves a bare surname only against the names indexed before
    it, so the stored name depends on the order articles came in; the answer must not."""
    result: list[Candidate] = []
    for candidate in candidates:
        full = speakers.canonical(candidate.speaker) if candidate.kind == "quote" and candidate.speaker else None
        named = full is not None and full != candidate.speaker
        result.append(candidate.model_copy(update={"speaker": full}) if named else candidate)
    return result


def attribute_copies(candidates: list[Candidate], speakers: SpeakerResolver) -> list[Candidate]:
    """Candidates whose words are a quote the index attributes, with that speaker filled in.

    Only one person may own the words: when the index gives them to two people
    the copy stays unattributed.
    """
    owned = [(c, _words(c.text)) for c in candidates if c.kind == "quote" and c.speaker]
    if not owned:
        return candidates
    result: list[Candidate] = []
    for candidate in candidates:
        if candidate.speaker:
            result.append(candidate)
            continue
        words = _words(candidate.text)
        owners = [q for q, quote in owned if _is_copy(words, quote)]
        people = {o.speaker for o in owners if o.speaker}
        first = next(iter(people), None)
        if first is None or not all(speakers.same_person(first, p) for p in people):
            result.append(candidate)
            continue
        source = owners[0].article
        attributed_by = (
            None if source.path == candidate.article.path else source.outlet or source.path
        )
        result.append(
            candidate.model_copy(update={"speaker": first, "speaker_from": attributed_by})
        )
    return result
