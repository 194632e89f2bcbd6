"""Speech cues in a spaCy parse: which verb introduces a quote, and who is its subject.

Kept apart from the mark-finding (quote_spans) and the orchestration (quotes)
so each rule can be read on its own: a cue is a speech verb outside any
quotation; its speaker is the verb's grammatical subject, or the subject of
the verb it hangs from ("..., he said, adding that ..." -> "he").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Verbs that introduce what someone said or wrote (lemmas).
SPEECH_LEMMAS = frozenset(
    """
    say tell state add explain emphasize emphasise stress note point urge warn insist
    claim argue announce declare confirm deny admit write tweet post suggest acknowledge
    assert mention reiterate recall predict promise vow reply respond answer ask continue
    conclude quip joke recount underline underscore caution complain concede observe
    remark testify comment propose recommend demand allege contend maintain charge
    counter retort boast lament reveal disclose report affirm repeat
    """.split()
)
# Cues that label a thing with quoted words ("called his rivals “deplorables”").
LABEL_LEMMAS = frozenset(
    """call dub label describe brand term refer put liken compare accuse characterize
    shout yell scream chant read""".split()
)
QUOTE_CUE_LEMMAS = SPEECH_LEMMAS | LABEL_LEMMAS
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = frozenset(
    {"advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "relcl", "parataxis"}
)
MAX_MENTION_TOKENS = 10
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


class QuoteMask:
    """Which tokens lie inside a quotation (marks included): cues and speakers never do."""

    def __init__(self, doc: Doc, outer_spans: list[tuple[int, int]]) -> None:
        self.inside = [False] * len(doc)
        self.quote_of = [-1] * len(doc)
        spans = sorted(enumerate(outer_spans), key=lambda item: item[1][0])
        j = 0
        for token in doc:
            while j < len(spans) and spans[j][1][1] <= token.idx:
                j += 1
            if j < len(spans) and spans[j][1][0] <= token.idx < spans[j][1][1]:
                self.inside[token.i] = True
                self.quote_of[token.i] = spans[j][0]

    def __call__(self, token: Token) -> bool:
        return self.inside[token.i]


def is_cue(
    token: Token, mask: QuoteMask, lemmas: frozenset[str] = QUOTE_CUE_LEMMAS
) -> bool:
    """A speech verb outside every quotation."""
    if mask(token) or token.lemma_.lower() not in lemmas or denied(token):
        return False
    if token.pos_ not in ("VERB", "AUX"):
        return token.tag_.startswith("VB")
    return True


def _denies(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def denied(verb: Token) -> bool:
    """A saying its sentence denies ("Sorensen never said that S", "did not say", "There is no
    record that she said this"): whatever follows is not her words."""
    if _denies(verb):
        return True
    head = verb.head  # "no record that she said", "It is not true that she said": not "did not know"
    if verb.dep_ in ("acl", "ccomp", "relcl") and head.pos_ in ("NOUN", "AUX") and _denies(head):
        return True
    # the clause right after a denied noun, however parsed ("found no record she said it")
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    start = (subject or verb).left_edge.i
    before = verb.doc[start - 1] if start > verb.sent.start else None
    return before is not None and before.pos_ == "NOUN" and _denies(before)


def cue_text(token: Token) -> str:
    """The cue as written, with a particle if it has one ("pointed out")."""
    if token.lemma_.lower() == "make":  # "made it clear"
        clear = next((c for c in token.subtree if c.lemma_.lower() == "clear"), None)
        if clear is not None and clear.i > token.i:
            return token.doc[token.i : clear.i + 1].text
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particles])


def same_paragraph(a: Token, b: Token) -> bool:
    """No line break between the two tokens (reads only the tokens between them: `Doc.text`
    rebuilds the whole article's text on every call)."""
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo:hi].text_with_ws


def subject_of(cue: Token, mask: QuoteMask) -> Token | None:
    """The subject of the cue, climbing from participles and conjuncts to the main verb.

    Never leaves the cue's paragraph: a parse that joins paragraphs must not
    lend a quote the subject of another paragraph.
    """
    verb = cue
    for _ in range(4):
        for child in verb.children:
            if not same_paragraph(child, cue):
                continue
            if child.dep_ in SUBJECT_DEPS and not mask(child) and child.pos_ != "VERB":
                if child.dep_ == "nsubjpass" and any(
                    c.dep_ == "agent" for c in verb.children
                ):
                    break
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head  # "Trump, who vowed ..." -> Trump
                return child
        agent = _agent_of(verb, mask)
        if agent is not None:
            return agent
        if (
            verb.dep_ in CLIMB_DEPS
            and verb.head is not verb
            and not mask(verb.head)
            and same_paragraph(verb.head, cue)
        ):
            verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj"):
                # "issued a statement calling it ..." -> the subject of "issued"
                verb = verb.head if verb.dep_ == "dobj" else verb.head.head
            continue
        break
    return None


def _agent_of(verb: Token, mask: QuoteMask) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj" and not mask(grand):
                    return grand
    return None


def according_to(sentence: Span, mask: QuoteMask) -> Token | None:
    """The X of "according to X" in a sentence, outside quotations."""
    for token in sentence:
        if token.lower_ == "according" and not mask(token):
            for child in token.children:
                if child.lower_ == "to":
                    for grand in child.children:
                        if grand.dep_ == "pobj" and not mask(grand):
                            return grand
    return None


def mention_span(head: Token, mask: QuoteMask) -> Span:
    """The words naming the speaker: the head noun with its titles and name parts to the left.

    "US Defense Secretary Pete Hegseth", "Ukraine's Volodymyr Zelensky",
    "he". Relative clauses and appositions after the head are left out.
    """
    doc = head.doc
    if head.pos_ == "NOUN":
        for child in head.children:  # "his running mate, Tim Kaine, said"
            if child.dep_ == "appos" and child.pos_ == "PROPN" and not mask(child):
                head = child
                break
    if head.pos_ == "PRON":
        return doc[head.i : head.i + 1]
    in_subtree = {t.i for t in head.subtree}
    start = head.i
    while (
        start - 1 in in_subtree
        and not mask(doc[start - 1])
        and (
            doc[start - 1].dep_ not in ("punct", "relcl", "acl", "appos", "cc")
            or joins_a_name(doc[start - 1])
        )
        and not doc[start - 1].is_space
    ):
        start -= 1
    right = head.i + 1
    while (
        right < len(doc)
        and doc[right].dep_ in ("flat", "compound")
        and doc[right].head.i == head.i
    ):
        right += 1
    if right - start > MAX_MENTION_TOKENS:
        ent = _entity_at(head)
        if ent is not None:
            return ent
        start = right - MAX_MENTION_TOKENS
    return doc[start:right]


def joins_a_name(token: Token) -> bool:
    """A hyphen written without spaces between two parts of a name ("Kosiniak-Kamysz",
    "Jean-Luc"): the tokenizer splits it off, but the name is one."""
    doc = token.doc
    return (
        token.text in ("-", "‐", "–")
        and not token.whitespace_
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and doc[token.i - 1].text[:1].isupper()
        and doc[token.i + 1].text[:1].isupper()
    )


def _entity_at(token: Token) -> Span | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def content_span(cue: Token, mask: QuoteMask) -> Span | None:
    """The words a cue reports, or None.

    Its ccomp or "that"-clause ("Hegseth emphasized that X"), the clause of
    "made it clear that X", or, for "X, Hegseth said" parsed as a conjunct,
    the clause before the speaker.
    """
    clause = _content_head(cue, mask)
    doc = cue.doc
    if clause is not None:
        tokens = [t.i for t in clause.subtree if t.i != cue.i]
        if not tokens:
            return None
        return doc[min(tokens) : max(tokens) + 1]
    if cue.dep_ == "conj" and cue.head.i < cue.i and not mask(cue.head):
        subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i < cue.i:
            end = min(t.i for t in subject.subtree)
            start = cue.head.left_edge.i
            if end - start >= 3:
                return doc[start:end]
    return None


def _content_head(cue: Token, mask: QuoteMask) -> Token | None:
    for child in cue.children:
        if child.dep_ == "ccomp" and not mask(child):
            if child.lemma_.lower() == "clear":  # "made it clear that X"
                inner = _content_head(child, mask)
                if inner is not None:
                    return inner
                continue
            return child
    for child in cue.children:
        is_clause = child.dep_ in ("advcl", "ccomp", "xcomp") and not mask(child)
        if is_clause and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return child
    for child in cue.children:
        if child.dep_ in ("acomp", "oprd", "ccomp") and child.lemma_.lower() == "clear":
            return _content_head(child, mask)
    return None
