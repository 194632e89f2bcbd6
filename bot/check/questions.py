"""Questions: a question is not a claim to rule on, but it asks about one.

"Did Hegseth say the US will send troops?" asks whether "Hegseth said the US
will send troops": that statement is what gets checked, and the report says
"You asked whether ...". The statement is rebuilt from the parse: the
auxiliary that opens a yes/no question goes back after its subject ("Is
Orban in Moscow?" -> "Orban is in Moscow"), and do-support hands its tense to
the verb ("Did X say" -> "X said", inflected by lemminflect). "Is it true
that X?" asks about X. A question without a yes/no form ("Who said ...?")
has no single statement; it is still a question (automatic replies skip it).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

QUESTION_AUX_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
VERITY_WORDS = frozenset({"true", "correct", "right", "accurate"})  # "is it true that X?"


def is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def asked_statement(sent: Span) -> str | None:
    """The statement a question asks about, or None (not a question, or not a yes/no one)."""
    if not is_question(sent):
        return None
    words = [t for t in sent if not (t.is_punct and t.text == "?")]
    first = next((t for t in words if not t.is_punct), None)
    if first is None or first.tag_ in WH_TAGS:
        return None
    if first.pos_ != "AUX" or first.tag_ not in QUESTION_AUX_TAGS:
        return _joined(words)  # "Hegseth said no troops would go?": the statement as written
    verb = first.head if first.dep_ in ("aux", "auxpass") and first.head.pos_ in ("VERB", "AUX") else sent.root
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > first.i), None)
    if subject is None:
        return None
    verity = _verity_clause(verb, subject)
    if verity is not None:
        return verity
    do_support = first.lemma_.lower() == "do" and verb.i != first.i
    subject_end = max(t.i for t in subject.subtree)
    if verb.i == first.i and not any(c.i > subject_end and not c.is_punct for c in verb.children):
        # "Were the talks in Riyadh?": the parse hangs the predicate on the subject; it is its last phrase
        preps = [t for t in subject.subtree if t.dep_ == "prep"]
        subject_end = preps[-1].left_edge.i - 1 if preps else subject_end
    rebuilt: list[tuple[Token, str]] = []
    for token in words:
        if token.i == first.i or (token.dep_ == "neg" and token.i == first.i + 1):
            continue  # the auxiliary moves; "Didn't X ...?" asks whether X did
        if token.i > subject_end and rebuilt and rebuilt[-1][0].i <= subject_end and not do_support:
            rebuilt.append((first, first.text.lower()))
        text = _inflect(verb, first.tag_) if do_support and token.i == verb.i else token.text
        rebuilt.append((token, text))
    return _joined_texts(rebuilt)


def _verity_clause(verb: Token, subject: Token) -> str | None:
    """X of "Is it true that X?" (the clause whose truth is asked about)."""
    if subject.lower_ != "it" or verb.lemma_.lower() != "be":
        return None
    if not any(c.dep_ == "acomp" and c.lower_ in VERITY_WORDS for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i)]
    return _joined([t for t in tokens if not (t.is_punct and t.text == "?")])


def _inflect(verb: Token, tag: str) -> str:
    """The verb in the tense do-support carried ("did say" -> "said"); as written when unknown."""
    from lemminflect import getInflection

    forms = getInflection(verb.lemma_, tag=tag if tag in ("VBD", "VBZ") else "VBP")
    return forms[0] if forms else verb.text


def _joined(tokens: list[Token]) -> str:
    return _joined_texts([(t, t.text) for t in tokens])


def _joined_texts(parts: list[tuple[Token, str]]) -> str:
    """Tokens back into text with their own spacing; the first word lower-cased unless a name."""
    out = ""
    for index, (token, text) in enumerate(parts):
        if index == 0 and token.pos_ != "PROPN" and text[:1].isupper() and text != "I":
            text = text[:1].lower() + text[1:]
        following = parts[index + 1][0].i if index + 1 < len(parts) else None
        out += text + (" " if token.whitespace_ or (following is not None and following != token.i + 1) else "")
    return out.strip()
