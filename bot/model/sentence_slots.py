"""What one parsed news sentence offers for generating NLI pairs: its slots and rewrites.

A sentence is read once by spaCy and reduced to plain data (token texts plus
token ranges), so the whole corpus fits in memory and the pair generators can
swap a slot for a value found in *another* article without keeping any Doc.
The slot finders reuse the rule modules: numbers (`parse_number`), dates
(`MONTHS`, `WEEKDAYS`), entities (`entities_within`), reporting verbs
(`REPORTING_VERBS`) and negation cues (`negation_cues`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from bot.language.dates import MONTHS, WEEKDAYS
from bot.language.facts import entities_within
from bot.language.lexicon import opposites
from bot.language.negation import negation_cues
from bot.language.numbers import parse_number
from bot.language.reporting_verbs import REPORTING_VERBS
from bot.model.attribution_frames import CLAIM_VERBS

MIN_WORDS, MAX_WORDS = 8, 60
NAME_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’"})
PERSONAL_PRONOUNS = frozenset("i me my we us our you your".split())
# an adjunct naming a time or place can go and the rest still holds ("signed it on Friday")
ADJUNCT_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
# prepositions whose phrase changes the claim when dropped ("won without help", "more than")
KEEP_PREPOSITIONS = frozenset({"without", "except", "than", "instead", "unless", "against", "like"})
ENTITY_KINDS = {"PERSON": "person", "GPE": "place", "ORG": "org"}
# auxiliaries that take a "not" right after them ("will" -> "will not")
NEGATABLE_AUX = frozenset(
    "will would can could should shall may might must is are was were has have had do does did".split()
)
# contracted negations whose auxiliary is spelled differently without "n't"
CONTRACTED_AUX = {"wo": "will", "ca": "can", "sha": "shall"}
_YEAR = re.compile(r"^(19|20)\d\d$")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORD_CHARS = re.compile(r"[A-Za-z]")


@dataclass
class Slot:
    """Tokens [start, end) of the sentence that hold one value of `kind`."""

    start: int
    end: int
    kind: str  # number, year, month, weekday, person, place, org, speaker
    text: str
    # a name standing as a noun phrase of its own, outside quotation marks: an article could
    # say "he" or "the agency" instead ("the Iran deal" or "former Maryland governor" could not)
    referent: bool = False

    @property
    def entity_kind(self) -> str:
        """A speaker is a person to swap or describe."""
        return "person" if self.kind == "speaker" else self.kind


@dataclass
class Report:
    """ "X said (that) S" / "S, X said": who, the verb as written, and the content clause."""

    speaker: str  # first letter lowered unless a name: "the minister", "Smith"
    speaker_is_name: bool
    verb: str
    lemma: str
    clause: str
    quoted: bool = False  # '“S,” X said.': S is the speaker's own words


@dataclass
class SentenceSlots:
    """One usable sentence of an article, reduced to what the generators need."""

    article: int
    index: int
    words: list[str]  # token texts with their trailing whitespace
    slots: list[Slot] = field(default_factory=list)
    negation_flip: str | None = None  # the sentence with its main verb's polarity flipped
    shorter: list[str] = field(default_factory=list)  # entailed shorter versions
    report: Report | None = None
    as_clause: str = ""  # the sentence as a that-clause: "the senator was arrested"
    content_words: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    # (token, its listed opposite inflected alike): "opened" -> "closed"
    opposite: tuple[int, str] | None = None

    @property
    def text(self) -> str:
        return "".join(self.words).strip()

    def replaced(self, start: int, end: int, new: str) -> str:
        """The sentence with tokens [start, end) replaced by `new` (spacing kept)."""
        return self.rewritten([(start, end, new)])

    def rewritten(self, spans: Sequence[tuple[int, int, str]]) -> str:
        """The sentence with each span of tokens [start, end) replaced by its text (spans
        apart; spacing kept, and the sentence's full stop where a replaced "U.S." held it)."""
        words = list(self.words)
        for start, end, new in sorted(spans, reverse=True):
            trailing = self.words[end - 1][len(self.words[end - 1].rstrip()) :]
            if end == len(self.words) and self.words[end - 1].rstrip().endswith(".") and not new.endswith("."):
                new += "."  # "the U.S." closed the sentence
            if new.endswith(".") and end < len(self.words) and self.words[end].startswith("."):
                new = new[:-1]  # "in Fla." before the full stop
            words[start:end] = [new + trailing]
        return "".join(words).strip()


def usable(sent: Span) -> bool:
    """A premise is one whole prose sentence of 8-60 words, on one line, ending like a sentence."""
    text = sent.text.strip()
    n_words = sum(1 for t in sent if not t.is_punct and not t.is_space)
    return (
        MIN_WORDS <= n_words <= MAX_WORDS
        and "\n" not in text
        and text.lstrip("“\"‘'")[:1].isupper()
        and text.rstrip("”\"’')").endswith((".", "!"))  # a question claims nothing
        and text.count('"') % 2 == 0
        and text.count("“") == text.count("”")
        and not _title_case(sent)
    )


def _title_case(sent: Span) -> bool:
    """A headline that slipped through ("Cruz Refuses to Disavow Graham Endorsement"): prose
    capitalises names, not verbs, and not the little words between them."""
    after_first = [t for t in sent[1:] if t.text[:1].isupper() and not t.is_upper]
    if any(t.pos_ in ("VERB", "AUX") and t.nbor(-1).text not in QUOTE_MARKS | {":"} for t in after_first):
        return True
    return any(
        t.pos_ in ("ADP", "DET", "CCONJ", "PART")
        and not t.ent_type_
        and t.nbor(-1).text not in QUOTE_MARKS | {":"}
        for t in after_first
    )


def _number_slots(sent: Span) -> list[Slot]:
    tokens = list(sent)
    slots: list[Slot] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.ent_type_ in ("DATE", "TIME") and _YEAR.match(tok.text):
            slots.append(Slot(i, i + 1, "year", tok.text))
            i += 1
            continue
        number = parse_number(tokens, i) if not tok.is_space else None
        if number is None:
            i += 1
            continue
        if number.end == i + 1 and _DIGITS.match(tok.text) and not _YEAR.match(tok.text):
            if tok.ent_type_ not in ("DATE", "TIME") or tok.text.isdigit() and int(tok.text) > 31:
                slots.append(Slot(i, i + 1, "number", tok.text))
        elif number.end == i + 1 and number.in_words and tok.lower_ not in ("one", "a", "an"):
            slots.append(Slot(i, i + 1, "number_word", tok.text))
        i = max(number.end, i + 1)
    return slots


def _calendar_slots(sent: Span) -> list[Slot]:
    slots = []
    for i, tok in enumerate(sent):
        low = tok.lower_.rstrip(".")
        if low in WEEKDAYS and tok.text[0].isupper():
            slots.append(Slot(i, i + 1, "weekday", tok.text))
        elif low in MONTHS and len(low) > 3 and tok.text[0].isupper() and tok.ent_type_ == "DATE":
            slots.append(Slot(i, i + 1, "month", tok.text))
    return slots


def _entity_slots(sent: Span) -> list[Slot]:
    slots = []
    for ent in entities_within(sent):
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or not _WORD_CHARS.search(ent.text):
            continue
        start, end = ent.start - sent.start, ent.end - sent.start
        if ent[-1].tag_ == "POS":  # "Trump 's" as one entity: keep the possessive
            end -= 1
        if ent[0].lower_ == "the":
            start += 1
        if end > start:
            slots.append(Slot(start, end, kind, sent[start:end].text, _stands_alone(sent, start, end)))
    return slots


def _stands_alone(sent: Span, start: int, end: int) -> bool:
    """Whether an article could say "he" or "the agency" in the name's place (`Slot.referent`)."""
    root = sent[start:end].root
    before = sent[start - 1] if start > 0 else None
    quoted = sum(t.text in ('"', "“", "”") for t in sent[:start]) % 2 == 1
    return (
        root.dep_ not in ("compound", "amod", "nmod", "npadvmod", "appos")
        and not (before is not None and before.tag_ == "NNP")  # "Sen. Kaine", "Gov. Hogan"
        and not quoted
    )


def _main_verb(sent: Span) -> Token:
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS | CLAIM_VERBS:
        clause = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if clause:
            return clause[0]
    return root


def _negation_flip(sent: Span) -> str | None:
    """ "will sign" -> "will not sign"; "did not sign" -> "did sign"; "signed" -> "did not sign".

    In a report ("Smith said the mill will close") the reported verb is flipped, not "said":
    what the source said is the fact a claim repeats.
    """
    root = _main_verb(sent)
    if root.pos_ not in ("VERB", "AUX"):
        return None
    words = [t.text_with_ws for t in sent]
    off = sent.start
    negs = [c for c in root.children if c.dep_ == "neg"]
    if negs:
        neg = negs[0]
        if neg.lower_ not in ("not", "n't", "n’t"):
            return None
        k = neg.i - off
        prev = k - 1
        if neg.lower_ != "not" and prev >= 0:  # "won't" -> "will", "didn't" -> "did"
            aux = sent[prev].text
            words[prev] = CONTRACTED_AUX.get(aux.lower(), aux) + " "
        words[k] = ""
        if k + 1 < len(words) and prev >= 0 and not words[prev].endswith(" "):
            words[prev] += " "
        return re.sub(r"\s+", " ", "".join(words)).strip()
    if negation_cues(sent):
        return None  # some other negation ("never", "no"): leave it
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if auxes and auxes[0].lower_ in NEGATABLE_AUX:
        aux = auxes[0]
        k = aux.i - off
        words[k] = aux.text + " not" + aux.whitespace_
        return "".join(words).strip()
    if root.lemma_ == "be" and root.lower_ in NEGATABLE_AUX:  # copula: "is a member" -> "is not"
        k = root.i - off
        words[k] = root.text + " not" + root.whitespace_
        return "".join(words).strip()
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if do and root.pos_ == "VERB" and not auxes and root.lemma_.isalpha():
        k = root.i - off
        lemma = root.lemma_ if root.text[0].islower() else root.lemma_.capitalize()
        start = f"{do.capitalize() if k == 0 else do} not "
        words[k] = start + (lemma.lower() if k == 0 else lemma) + root.whitespace_
        return "".join(words).strip()
    return None


def _inflect(lemma: str, tag: str, like: str) -> str | None:
    """`lemma` in the form `tag` asks for, capitalised like `like`."""
    from lemminflect import getInflection

    forms = getInflection(lemma, tag=tag)
    if not forms:
        return None
    return forms[0].capitalize() if like[:1].isupper() else forms[0]


def _opposite(sent: Span) -> tuple[int, str] | None:
    """The first verb or adjective with a listed opposite, and that opposite in the same
    form: one word changed, every other word kept ("The plant opened in 2009" -> "closed"), the
    kind of change a model reading word overlap takes for agreement."""
    for token in sent:
        # an adjective only in its plain form: the listed opposite of "bigger" is "small"
        if token.pos_ != "VERB" and token.tag_ != "JJ" or not token.is_alpha or len(token) < 4:
            continue
        for lemma in sorted(opposites(token.lemma_)):
            if " " in lemma or lemma in sent.text.lower():
                continue
            form = _inflect(lemma, token.tag_, token.text) if token.pos_ == "VERB" else lemma
            if form and form.lower() != token.lower_:
                return token.i - sent.start, form
    return None


def _drop(sent: Span, spans: list[tuple[int, int]]) -> str:
    drop = set()
    for a, b in spans:
        drop.update(range(a, b))
    kept: list[str] = []
    for i, t in enumerate(sent):
        if i not in drop:
            kept.append(t.text_with_ws)
        elif kept and t.whitespace_:  # "president, Mike Murphy, praised": keep one space
            kept[-1] = kept[-1].rstrip() + " "
    text = "".join(kept)
    if text[:1].islower() and not sent[0].is_lower:
        text = text[:1].upper() + text[1:]
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", text))
    return re.sub(r",\s*([,.])", r"\1", text).strip()


def _with_commas(sent: Span, a: int, b: int) -> tuple[int, int] | None:
    """Tokens [a, b) plus the comma before it (and after it, if any), when comma-delimited."""
    if a > 0 and sent[a - 1].text == ",":
        after_comma = b < len(sent) and sent[b].text == ","
        return (a - 1, b + 1) if after_comma else (a - 1, b) if b == len(sent) - 1 else None
    if a == 0 and b < len(sent) and sent[b].text == ",":
        return (a, b + 1)
    return None


def _shorter_versions(sent: Span) -> list[str]:
    """The sentence minus a comma-delimited appositive, relative or adverbial clause, or minus
    a conjoined second clause: what is left is still said by the sentence."""
    root = sent.root
    off = sent.start
    out: list[str] = []
    for tok in sent:
        if tok.dep_ not in ("appos", "relcl", "advcl") or tok.head.i == tok.i:
            continue
        if tok.dep_ == "relcl" and tok.head.pos_ != "PROPN":
            continue  # "the man who came" restricts "man"; only non-restrictive ones go
        if tok.dep_ == "advcl" and tok.head.i != root.i:
            continue
        sub = list(tok.subtree)
        a, b = sub[0].i - off, sub[-1].i - off + 1
        if tok.dep_ == "advcl" and sent[a].lower_ in ("if", "unless", "until", "before"):
            continue  # a condition or time limit: without it the rest says more
        span = _with_commas(sent, a, b)
        if span is None or root.i - off in range(*span):
            continue
        out.append(_drop(sent, [span]))
    has_object = any(c.dep_ in ("dobj", "attr", "ccomp", "xcomp", "acomp") for c in root.children)
    for tok in root.children:
        if tok.dep_ not in ("prep", "npadvmod") or tok.lower_ in KEEP_PREPOSITIONS:
            continue
        sub = list(tok.subtree)
        a, b = sub[0].i - off, sub[-1].i - off + 1
        named = any(t.ent_type_ in ADJUNCT_ENTITIES for t in sub)
        at_end = b == len(sent) - 1 and sent[-1].is_punct
        # a phrase closing the sentence may be the verb's complement: drop it only when it
        # names a time or place; one set off by commas is an adjunct
        if named and at_end or (named or has_object) and not at_end and _with_commas(sent, a, b):
            out.append(_drop(sent, [(a, b)] if at_end else [_with_commas(sent, a, b) or (a, b)]))
    for tok in root.children:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            cc = [c for c in root.children if c.dep_ == "cc" and c.i < tok.i]
            if subj and cc and sent[-1].text in (".", "!"):
                a = cc[0].i - off
                if a > 0 and sent[a - 1].text == ",":
                    a -= 1
                last = len(sent) - 1 if sent[-1].is_punct else len(sent)
                out.append(_drop(sent, [(a, last)]))
    end = sent.text.strip()[-1:] if sent.text.strip()[-1:] in ".!" else "."
    out = [s if s.rstrip("”\"’'").endswith((".", "!")) else s.rstrip(" ,;:–—-") + end for s in out]
    return [s for s in dict.fromkeys(out) if len(s.split()) >= 5 and s != sent.text.strip()]


def _report(sent: Span) -> Report | None:
    """ "X said that S" / "S, X said": the reporting root with a subject and a content clause."""
    root = sent.root
    if root.lemma_.lower() not in REPORTING_VERBS | CLAIM_VERBS or root.pos_ != "VERB":
        return None
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    clause = [c for c in root.children if c.dep_ == "ccomp"]
    if len(subj) != 1 or len(clause) != 1 or any(c.dep_ in ("dobj", "dative") for c in root.children):
        return None
    if any(c.dep_ in ("aux", "neg") for c in root.children):
        return None  # "did not say", "would say": not a plain report
    speaker = list(subj[0].subtree)
    body = [
        t for t in clause[0].subtree if not t.is_space and (t.dep_ != "mark" or t.head.i != clause[0].i)
    ]
    if not body or any(t.text in QUOTE_MARKS for t in body) or len(body) < 5:
        return None
    quoted = sent[0].text in QUOTE_MARKS and speaker[0].i > body[0].i
    if not quoted and any(t.lower_ in PERSONAL_PRONOUNS for t in body):
        return None  # "I think ...", he said: unquoted, but still the speaker's own words
    if body[-1].i - body[0].i + 1 != len(body):
        return None
    text = sent.doc[body[0].i : body[-1].i + 1].text.strip().strip(",")
    first = text[:1]
    if quoted or first.islower() or body[0].ent_type_ or body[0].pos_ == "PROPN" or body[0].text == "I":
        content = text
    else:
        content = first.lower() + text[1:]
    who = sent.doc[speaker[0].i : speaker[-1].i + 1].text.strip(" ,")
    if "," in who:
        return None  # "his manager, Jeff Weaver": "According to his manager, Jeff Weaver, ..." misreads
    if speaker[0].pos_ != "PROPN" and speaker[0].ent_type_ not in NAME_ENTITIES and speaker[0].text != "I":
        who = who[:1].lower() + who[1:]
    return Report(
        speaker=who,
        # one named source ("Smith", "the Times"), not "Aides": frames give it a singular verb
        speaker_is_name=subj[0].ent_type_ in ("PERSON", "ORG") and subj[0].tag_ == "NNP",
        verb=root.text,
        lemma=root.lemma_.lower(),
        clause=content.rstrip(".,"),
        quoted=quoted,
    )


def _as_clause(sent: Span) -> str:
    """ "The senator was arrested." -> "the senator was arrested" (names keep their capital).

    Empty when the sentence cannot be reported as somebody's claim without changing what
    it says: it quotes or reports someone already, speaks in the first or second person,
    asks a question or opens with a connective ("But ...") that needs the sentence before.
    """
    first = sent[0]
    if (
        any(t.text in QUOTE_MARKS or t.lower_ in PERSONAL_PRONOUNS for t in sent)
        or any(t.lemma_.lower() in REPORTING_VERBS | CLAIM_VERBS and t.pos_ == "VERB" for t in sent)
        or first.pos_ in ("CCONJ", "SCONJ", "INTJ")
        or sent.text.strip().endswith("?")
        or any(mark in sent.text for mark in (";", ":", "("))  # lists, headings, datelines
        or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in sent.root.children)
    ):
        return ""
    text = sent.text.strip().rstrip(".")
    if first.pos_ == "PROPN" or first.ent_type_ in NAME_ENTITIES or first.is_upper and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


def analyse(sent: Span, *, article: int, index: int) -> SentenceSlots:
    """Every slot and rewrite of `sent` the generators can use."""
    slots = _number_slots(sent) + _calendar_slots(sent) + _entity_slots(sent)
    report = _report(sent)
    if report is not None:  # the name in "Mayor Alice Hartley said": the quote's speaker
        for slot in slots:
            if slot.kind == "person" and slot.text in report.speaker:
                slots.append(Slot(slot.start, slot.end, "speaker", slot.text, slot.referent))
                break
    words = [t.text_with_ws for t in sent]
    return SentenceSlots(
        as_clause=_as_clause(sent),
        article=article,
        index=index,
        words=words,
        slots=slots,
        negation_flip=_negation_flip(sent),
        shorter=_shorter_versions(sent),
        report=report,
        content_words=frozenset(
            t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop and len(t) > 2
        ),
        entities=frozenset(s.text for s in slots if s.kind in ("person", "place", "org")),
        opposite=_opposite(sent),
    )
