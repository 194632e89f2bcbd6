"""Negation cues: does this sentence deny what it states?

Grammatical cues ("not", "n't", "never", "no longer", "no", "nor",
"without", "neither", "none", "nothing", "nobody") count unless they sit in
an idiom that does not negate ("not only", "not just", "no doubt", "no
matter", "nothing but", "not least", "no more than 5", an interjection
"No, ..."). Negative predicates ("ruled out", "rejected", "denied",
"refused") are reported separately because they negate their complement
rather than the clause: a stance check may want to treat "ruled out sending
troops" like "will not send troops", but a sentence that merely mentions a
rejection is not itself negated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

_CUES = frozenset(
    {"not", "n't", "n’t", "nt", "never", "no", "nor", "neither", "without", "none", "nobody",
     "nothing", "nowhere", "cannot"}
)  # fmt: skip
# cue followed by these words is an idiom, not a negation
_IDIOM_FOLLOWERS: dict[str, frozenset[str]] = {
    "not": frozenset({"only", "just", "merely", "simply", "least", "to", "necessarily"}),
    "no": frozenset({"doubt", "matter", "sooner", "wonder"}),
    "nothing": frozenset({"but"}),
    "none": frozenset({"other"}),
    "never": frozenset({"mind"}),
}
# a bound written with a comparative ("no more than 5 troops", "no later than June 30"): a limit
# on a figure, not a denial of the clause; the check side reads raw text with the same pattern
COMPARATIVE_BOUND = re.compile(r"\b(?:no|not) (?:more|less|fewer|\w+er) than\b", re.IGNORECASE)
# a figure denied ("168 boats, not 212", "not $40"): the quantities read it, it negates no clause
DENIED_FIGURE = re.compile(r"\bnot(?=\s+[$€£]?\d)", re.IGNORECASE)
# cue preceded by these words is not a negation of the clause ("whether or not", "if not")
_IDIOM_PRECEDERS: dict[str, frozenset[str]] = {"not": frozenset({"or", "if"})}
_NEGATIVE_PREDICATES = frozenset(
    {"reject", "deny", "refuse", "dismiss", "rebuff", "refute", "veto"}
)
# verbs that deny their infinitive ("failed to sound" = "did not sound"), not a noun phrase
# ("declined to 3.2 percent")
INFINITIVE_NEGATORS = frozenset({"decline", "fail"})
# stop words that are verbs: an infinitive may be one ("declined to say")
_STOP_VERBS = frozenset("be do make give take get go put say see show call keep move become".split())


def _tokens(span: Span | Doc) -> Sequence[Token]:
    return list(span)


def _is_idiom(word: str, nxt: str, nxt2: str) -> bool:
    """ "not only", "no doubt", "no more than", "not 212": a cue that negates nothing."""
    if word == "not" and nxt == "to":
        return nxt2 == "mention"  # "not to mention"; "decided not to go" is a negation
    return (
        nxt in _IDIOM_FOLLOWERS.get(word, ())
        or COMPARATIVE_BOUND.fullmatch(f"{word} {nxt} {nxt2}") is not None
        or DENIED_FIGURE.match(f"{word} {nxt}{nxt2}") is not None
    )


def _names_a_no(tok: Token) -> bool:
    """A "no" inside a noun phrase that a determiner, numeral or possessive opened before it
    ("the lone no vote", "two no votes", "her no vote"): a noun's modifier, where a denying
    "no" opens its phrase ("gave the union no choice", "took no vote"). A lower-case word the
    tagger took for a name ("lone") is a modifier too."""
    if tok.dep_ != "det" or tok.head.i <= tok.i or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    doc, j = tok.doc, tok.i - 1
    while j >= tok.sent.start and (doc[j].pos_ == "ADJ" or (doc[j].pos_ == "PROPN" and doc[j].is_lower)):
        j -= 1
    return j >= tok.sent.start and j < tok.i and doc[j].tag_ in ("DT", "CD", "PRP$")


def _cue_tokens(span: Span | Doc) -> list[tuple[str, Token]]:
    tokens = _tokens(span)
    n = len(tokens)
    found: list[tuple[str, Token]] = []
    i = 0
    while i < n:
        tok = tokens[i]
        low = tok.lower_
        is_cue = low in _CUES or (tok.lemma_.lower() == "not" and tok.dep_ == "neg")
        if not is_cue:
            i += 1
            continue
        nxt = tokens[i + 1].lower_ if i + 1 < n else ""
        nxt2 = tokens[i + 2].lower_ if i + 2 < n else ""
        prev = tokens[i - 1].lower_ if i > 0 else ""
        word = "not" if tok.lemma_.lower() == "not" or low == "cannot" else low
        if _is_idiom(word, nxt, nxt2):
            i += 2
            continue
        if word == "not" and nxt in ("-", "–"):
            i += 1  # "the not-too-distant future": part of a compound adjective
            continue
        if prev in _IDIOM_PRECEDERS.get(word, ()):
            i += 1
            continue
        if word == "no" and _names_a_no(tok):
            i += 1  # "cast the lone no vote": a vote of no, which denies nothing
            continue
        if word == "no" and tok.dep_ == "intj":
            i += 1  # "No, the plan went ahead" answers a question; it negates nothing here
            continue
        if word == "no" and nxt == "longer":
            found.append(("no longer", tok))
            i += 2
            continue
        found.append((word, tok))
        i += 1
    return found


def negation_cues(span: Span | Doc) -> list[str]:
    """The negation cues in `span` as lower-case words ("not", "never", "no longer"), in order."""
    return [word for word, _tok in _cue_tokens(span)]


def negated_heads(span: Span | Doc) -> list[str]:
    """Lower-case lemmas of the words the cues attach to ("will not deploy" -> "deploy",
    "no troops" -> "troop"), so a stance check can tell whether the negation touches
    the part of the sentence that matches the claim."""
    heads: list[str] = []

    def add(token: Token) -> None:
        lemma = token.lemma_.lower()
        if lemma not in heads:
            heads.append(lemma)

    for _word, tok in _cue_tokens(span):
        head = tok.head
        while head.lower_ in ("longer", "more", "less") and head.head is not head:
            head = head.head  # "no longer is", "no more talks"
        if head.pos_ == "AUX" and head.dep_ in ("aux", "auxpass") and head.head is not head:
            head = head.head
        if head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
            # "there will not be US troops deployed": what is denied is the troops' deployment
            for attr in (c for c in head.children if c.dep_ in ("attr", "nsubj")):
                add(attr)
                for acl in (c for c in attr.children if c.dep_ in ("acl", "relcl")):
                    add(acl)
            continue
        add(head)
        if head.lemma_ == "be":
            # "membership is not a viable outcome": what is denied is the predicate
            for pred in (c for c in head.children if c.dep_ in ("attr", "acomp")):
                add(pred)
                for mod in (c for c in pred.children if c.dep_ == "amod"):
                    add(mod)
    return heads


def negative_predicates(span: Span | Doc) -> list[str]:
    """Lemmas of verbs that negate their complement ("rule out", "reject", "deny", "refuse")."""
    found: list[str] = []
    for tok in _tokens(span):
        if tok.pos_ not in ("VERB", "AUX", "NOUN"):
            continue
        lemma = tok.lemma_.lower()
        phrase: str | None = None
        if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            phrase = "rule out"
        elif (lemma in _NEGATIVE_PREDICATES and tok.pos_ != "NOUN") or (
            lemma in INFINITIVE_NEGATORS and any(c.dep_ == "xcomp" for c in tok.children)
        ):
            phrase = lemma
        if phrase is not None and phrase not in found:
            found.append(phrase)
    return found


# predicates that deny (or doubt) the clause or idea they govern, as stored lemmas
COMPLEMENT_NEGATORS = frozenset(
    {"deny", "reject", "dismiss", "refute", "rebuff", "doubt", "doubtful", "skeptical",
     "sceptical", "refuse", "disprove"}
)  # fmt: skip
_RULE_OUT = ("rule", "out")


def complement_negators(lemmas: Sequence[str]) -> list[tuple[int, str]]:
    """(position, word) of each predicate in a lemma sequence that negates what follows it:
    "ruled out Ukraine joining", "denied that the talks failed", "doubted Ukraine would join",
    "failed to sound" (a verb denying its infinitive: see `INFINITIVE_NEGATORS`).

    Works on stored lemmas (no parse), so a stance check can afford it on every candidate.
    """
    found: list[tuple[int, str]] = []
    lowered = [lemma.lower() for lemma in lemmas]
    for i, lemma in enumerate(lowered):
        if lemma in COMPLEMENT_NEGATORS:
            found.append((i, lemma))
        elif lemma in INFINITIVE_NEGATORS and _infinitive_after(lowered, i):
            found.append((i, lemma))
        elif lemma == _RULE_OUT[0] and _RULE_OUT[1] in lowered[i + 1 : i + 4]:
            found.append((i, "rule out"))
    return found


def _infinitive_after(lemmas: Sequence[str], at: int) -> bool:
    """ "to" and a verb after lemmas[at]: "fail to sound", not "decline to 3.2 percent"."""
    if lemmas[at + 1 : at + 2] != ["to"] or at + 2 >= len(lemmas):
        return False
    word = lemmas[at + 2]
    return word.isalpha() and (word not in STOP_WORDS or word in _STOP_VERBS)


def is_negated(span: Span | Doc) -> bool:
    """True when `span` holds a grammatical negation cue (negative predicates not included)."""
    return bool(_cue_tokens(span))
