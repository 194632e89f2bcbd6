"""Compound claims: one sentence that states several things, split into its parts.

"X, who was jailed for five years, met the minister on Friday" states two
facts; "The union represents 3,000 staff and is seeking a 20 percent rise" and
"X said A and that B" too. One source sentence rarely states both, and one
part may be true while the other is wrong, so each part is checked on its own
(the report lists them; one supported and one contradicted make it "mixed").

Parts are cut from the parse: a non-restrictive relative clause whose pronoun
is its subject becomes "<its noun> <clause>"; two coordinated verbs (of the
sentence, or of what someone said) become two clauses sharing the subject,
its auxiliaries and "not", and the speaker; two clauses with subjects of their own
("S1 did A, and S2 did B", "...; ...", "..., while/so ...") become the two clauses.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.check.parses import parsed

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CARRIED = frozenset({"aux", "auxpass", "neg"})  # shared by a second verb without its own
CLAUSE_DEPS = frozenset({"ROOT", "ccomp"})
MIN_PART_TOKENS = 4
MAX_PARTS = 3
QUOTE_MARKS = ('"', "“", "”")


def _text(doc: Doc, keep: set[int]) -> str:
    words = [doc[i] for i in sorted(keep) if not doc[i].is_space]
    while words and words[-1].is_punct:
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    pieces: list[str] = []
    for token, following in zip(words, [*words[1:], None]):
        adjacent = following is not None and following.i == token.i + 1
        if adjacent:
            gap = token.whitespace_
        else:
            gap = "" if following is None or following.is_punct else " "
        pieces.append(token.text + gap)
    text = "".join(pieces).strip()
    return text[:1].upper() + text[1:] + "." if text else ""


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _enough(doc: Doc, keep: set[int]) -> bool:
    words = [doc[i] for i in keep if not doc[i].is_punct]
    return len(words) >= MIN_PART_TOKENS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _relative_clause(doc: Doc) -> tuple[str, str] | None:
    """ "X, who was jailed, met Y" / "X, jailed in 2015, met Y" -> ("X met Y", "X was jailed")."""
    for clause in doc:
        noun = clause.head
        if noun.pos_ not in ("PROPN", "NOUN"):
            continue
        pronoun = next(
            (c for c in clause.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE_PRONOUNS),
            None,
        )
        relative = clause.dep_ == "relcl" and pronoun is not None
        reduced = clause.dep_ == "acl" and clause.tag_ == "VBN"  # "X, jailed in 2015, ..."
        before = clause.left_edge.i - 1
        if not (relative or reduced) or before < 0 or doc[before].text != ",":
            continue  # "the man who ..." restricts the noun: not a separate statement
        inner = _subtree(clause)
        after = clause.right_edge.i + 1
        commas = {before} | ({after} if after < len(doc) and doc[after].text == "," else set())
        main = set(range(len(doc))) - inner - commas
        subject = noun.head if noun.dep_ == "appos" else noun  # "X, a former docker who ..."
        named = {t.i for t in subject.lefts if t.dep_ in ("compound", "amod", "det", "poss")}
        said = inner - ({pronoun.i} if pronoun is not None else set())
        if not (_enough(doc, main) and _enough(doc, said | named | {subject.i})):
            continue
        who = _text(doc, named | {subject.i}).rstrip(".")
        what = _text(doc, said)
        what = what[:1].lower() + what[1:]
        return _text(doc, main), f"{who} {'was ' if reduced else ''}{what}"
    return None


def _stray_subject(doc: Doc, verb: Token, second: Token) -> Token | None:
    """The second clause's subject, parsed as one more object of the first verb.

    "The trust postponed 2,380 appointments and ambulances were diverted": the parser
    coordinates "ambulances" with "appointments", leaving "were diverted" without a
    subject; the noun right before the second verb (only its auxiliaries between) is it.
    """
    if any(c.dep_ in SUBJECTS for c in second.children):
        return None
    for noun in doc[verb.i + 1 : second.i]:
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue
        if not any(c.dep_ == "cc" and c.i < noun.i for c in noun.head.children):
            continue
        between = doc[noun.right_edge.i + 1 : second.i]
        if all(t.head == second and t.dep_ in CARRIED | {"advmod"} for t in between):
            return noun
    return None


def _coordinated_verbs(doc: Doc) -> tuple[str, str] | None:
    """ "S did A and did B" / "X said A and that B" -> two clauses."""
    everything = set(range(len(doc)))
    for verb in doc:
        if verb.dep_ not in CLAUSE_DEPS or verb.pos_ not in ("VERB", "AUX"):
            continue
        second = next(
            (c for c in verb.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None
        )
        if second is None:
            continue
        cc = next((c for c in verb.rights if c.dep_ == "cc" and c.i < second.i), None)
        stray = None if cc is not None else _stray_subject(doc, verb, second)
        if stray is not None:
            cc = next(c for c in stray.head.children if c.dep_ == "cc" and c.i < stray.i)
        if cc is None:
            continue
        joint = {cc.i} | ({cc.i - 1} if doc[cc.i - 1].text == "," else set())
        own_subject = _subtree(stray) if stray is not None else set()
        first_part = everything - _subtree(second) - joint - own_subject
        second_part = (everything - _subtree(verb)) | _subtree(second) | own_subject
        if stray is None and not any(c.dep_ in SUBJECTS for c in second.children):
            own_aux = any(c.dep_ in CARRIED for c in second.children)
            for child in verb.children:
                if child.dep_ in SUBJECTS:
                    second_part |= _subtree(child)
                elif child.dep_ in CARRIED and child.i < verb.i and not own_aux:
                    second_part.add(child.i)
        if _enough(doc, first_part) and _enough(doc, second_part):
            return _text(doc, first_part), _text(doc, second_part)
    return None


CLAUSE_MARKS = frozenset({"while", "whereas", "so"})  # after a comma: a second statement


def _juxtaposed_clauses(doc: Doc) -> tuple[str, str] | None:
    """ "S1 did A; S2 did B" / "..., while S2 did B" / "..., so S2 did B" -> two clauses.

    The parser hangs the first of two clauses joined by a semicolon on the second
    (as if it were what was said), and a contrasting "while" clause on the main verb;
    each still states its own fact about its own subject.
    """
    everything = set(range(len(doc)))
    for verb in doc:
        if verb.dep_ != "ROOT":
            continue
        for clause in verb.children:
            if clause.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ in SUBJECTS for c in clause.children
            ):
                continue
            after = clause.right_edge.i + 1
            before = clause.left_edge.i - 1
            so = {c.i for c in verb.children if c.dep_ == "mark" and c.lower_ == "so"}
            joint = doc[after].text if after < len(doc) else ""
            joined = joint == ";" or (joint == "," and bool(so))
            if clause.dep_ == "ccomp" and clause.i < verb.i and joined:
                first = _subtree(clause)
                second = everything - _subtree(clause) - {after} - so
            elif (
                clause.dep_ == "advcl"
                and clause.i > verb.i
                and before > 0
                and doc[before].text in (",", ";")
                and any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in clause.children)
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
            ):  # not "so that ...": a purpose, not a second fact
                marks = {c.i for c in clause.children if c.dep_ == "mark"}
                first = everything - _subtree(clause) - {before}
                second = _subtree(clause) - marks
            else:
                continue
            if _enough(doc, first) and _enough(doc, second):
                return _text(doc, first), _text(doc, second)
    return None


def claim_parts(text: str, nlp: Language, *, depth: int = 0) -> list[str]:
    """The statements a compound sentence makes, or [] when it makes one.

    Quoted words are left whole: a quotation is checked as it was written.
    """
    if any(mark in text for mark in QUOTE_MARKS):
        return []
    doc = parsed(text, nlp)
    if len(list(doc.sents)) != 1:
        return []
    split = _relative_clause(doc) or _coordinated_verbs(doc) or _juxtaposed_clauses(doc)
    if split is None:
        return []
    parts: list[str] = []
    for part in split:
        deeper = claim_parts(part, nlp, depth=depth + 1) if depth + 1 < MAX_PARTS - 1 else []
        parts.extend(deeper or [part])
    return parts[:MAX_PARTS]
