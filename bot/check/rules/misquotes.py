"""Misquotes: the claim's quoted words against the source's wording, word by word.

When a claim quotes someone and a source has nearly the same quote, the two
are compared as text, not as content: a changed "not", number or opposite
word, or any other changed content word, is a misquote (with the word-level
difference shown); spelling variants, function words, words left out, and
another outlet's wording of the same quote (a translation) are only notes.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc as SpacyDoc

from bot.language import facts
from bot.core.models import Reason
from bot.check.rules.negation_scope import NEGATORS
from bot.check.retrieve import WORD, Alignment, Candidate, normalise_text
from bot.check.rules.word_equivalence import spelling_variant

STRONG_QUOTE = (
    0.78  # quoted words this close to a source's wording are "the same quote"
)


def _is_function_word(word: str) -> bool:
    return word in STOP_WORDS and word not in NEGATORS


def other_wordings(scored: list[tuple[Candidate, Alignment]]) -> dict[str, set[str]]:
    """Per article path: words of the OTHER articles' strongly aligned quotes (translations)."""
    by_article: dict[str, set[str]] = {}
    for candidate, alignment in scored:
        if alignment.quote_score >= STRONG_QUOTE:
            by_article.setdefault(candidate.article.path, set()).update(
                WORD.findall(normalise_text(candidate.text))
            )
    return {
        path: set().union(
            *(words for other, words in by_article.items() if other != path)
        )
        for path in by_article
    }


def quote_reasons(
    quoted: str, candidate: Candidate, span: tuple[int, int], other_wordings: set[str]
) -> tuple[list[Reason], list[Reason]]:
    """(misquote conflicts, variant notes): the word-level difference of the claim's quoted words."""
    said = WORD.findall(normalise_text(quoted))
    start, end = span
    before = WORD.findall(normalise_text(candidate.text[:start]))[-3:]
    after = WORD.findall(normalise_text(candidate.text[end:]))[:3]
    wrote = before + WORD.findall(normalise_text(candidate.text[start:end])) + after
    ops = SequenceMatcher(a=said, b=wrote, autojunk=False).get_opcodes()
    while ops and ops[0][0] == "insert":  # source words before the quoted part
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    conflicts: list[Reason] = []
    notes: list[Reason] = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            continue
        claim_words, source_words = said[i1:i2], wrote[j1:j2]
        context = said[max(0, i1 - 3) : i1]
        shown_source = " ".join(context + source_words + said[i2 : i2 + 1])
        shown_claim = " ".join(context + claim_words + said[i2 : i2 + 1])
        diff = f'"{shown_source}" → "{shown_claim}" (source → claim)'
        negation_changed = {w for w in claim_words if w in NEGATORS} != {
            w for w in source_words if w in NEGATORS
        }
        numbers_changed = [w for w in claim_words if w.isdigit()] != [
            w for w in source_words if w.isdigit()
        ]
        if (
            op == "replace"
            and facts.find_antonym_conflict(claim_words, source_words)
            or negation_changed
            or numbers_changed
        ):
            conflicts.append(Reason(code="misquote", detail=diff))
        elif (
            op == "replace"
            and len(claim_words) == len(source_words)
            and all(spelling_variant(a, b) for a, b in zip(claim_words, source_words))
        ):
            notes.append(
                Reason(
                    code="variant", detail=f"{diff}: a spelling variant, not a misquote"
                )
            )
        elif all(_is_function_word(w) for w in claim_words + source_words):
            notes.append(
                Reason(
                    code="variant",
                    detail=f"{diff}: a difference in wording, not in meaning",
                )
            )
        elif op == "insert":
            notes.append(
                Reason(code="variant", detail=f"{diff}: the claim leaves words out")
            )
        elif all(w in other_wordings or _is_function_word(w) for w in claim_words):
            notes.append(
                Reason(
                    code="variant",
                    detail=f"{diff}: another outlet's wording (translation), not a misquote",
                )
            )
        else:
            conflicts.append(Reason(code="misquote", detail=diff))
    return conflicts, notes


def dropped_qualifiers(quoted: str, claim_text: str, source: SpacyDoc, span: tuple[int, int]) -> Reason | None:
    """A quote cut just after its modal or its "not": "should have opened the attachment" quoted
    as "opened the attachment" says the speaker did what they said they should have done. The
    words the claim leaves out are a modal auxiliary (tag MD) or a negation (dep neg) of the
    verb the claim's quoted words open with, standing right before them in the source."""
    first = next((t for t in source if t.idx + len(t) > span[0] and not t.is_punct), None)
    if first is None or first.idx >= span[1] or first.pos_ not in ("VERB", "AUX"):
        return None
    cut = [
        t for t in source[max(0, first.i - 4) : first.i] if t.head == first and (t.tag_ == "MD" or t.dep_ == "neg")
    ]
    said = set(WORD.findall(normalise_text(claim_text)))
    if not cut or all(t.lower_ in said for t in cut):
        return None
    left_out = source[cut[0].i : first.i].text
    words = WORD.findall(normalise_text(quoted))
    shown = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    return Reason(
        code="misquote",
        detail=f'"{left_out} {shown}" → "{shown}" (source → claim): the quote leaves out "{left_out}"',
    )
