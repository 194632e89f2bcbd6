"""Reported claims: a sentence that repeats a claim to examine it is context, not support.

"A message circulating on WhatsApp claims that Greenleaf will stop taking cash" supports
"A WhatsApp message says Greenleaf ..." but not the bare claim when the article goes on to
refute it ("Greenleaf Foods is not banning cash"). The grammar finds the frame (the
claim's words inside a reporting verb's clause, or after "according to"); the article's
own finding -- its sentence that the rules or the model read as contradicting the claim --
then is the evidence, and the restatement is dropped. A verb that withholds the writer's
word by its meaning ("claims", "alleges") makes the sentence context even before anyone
refutes it. A plain report whose article does not dispute it stays support ("..., the trust
said"): news attributes what it vouches for, so "said" alone does not tell a debunk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Span, Token

from bot.check.claims import Claim
from bot.check.lru import LruCache
from bot.check.parses import parsed
from bot.check.model_judgement import (
    CONFLICT_RELEVANCE,
    contradiction,
    figures_differ,
    is_fragment,
    judge,
    similarities,
)
from bot.check.retrieve import WORD, Alignment, Candidate, passage_candidate
from bot.check.rules.number_date_checks import denies_figure, differs, quantity_reasons
from bot.check.rules.negation_scope import NEGATORS
from bot.check.rules.polarity import source_region
from bot.check.stance import Assessment
from bot.language import facts
from bot.core.models import Article, Passage, Quantity, Reason
from bot.model.stance_model import ruling as ruling_model, shipped
from bot.language.reporting_verbs import ACCUSING_VERBS, CLAIM_VERBS, REPORTING_VERBS, hearsay

# The model's contradiction a sentence of the same article needs to be read as its finding:
# after a plain report ("..., the director said"), and after a restatement the article
# withholds its word on ("A post claims that S", "Claim: S"), where a refutation is expected.
FINDING_CONTRADICTION = 0.5
WITHHELD_FINDING_CONTRADICTION = 0.3
FINDING_OVERLAP = 0.3  # share of the claim's content words a finding states (about the same thing)
REPORT_SUPPORT = 0.9  # entailment of a claim's reported words from a sentence's
REPORT_COVERAGE = 0.3  # share of the claim's words a report of it states
REPORTS_READ = 3  # best-aligned reports parsed and read per claim
FINDINGS_READ = 3  # sentences of the article the model reads for its finding
DENIALS_READ = 1  # the writer's next denials after a restatement, read whatever their words
RULING_WORDS = 6  # words of a ruling on the sentence before it ("That is not true.")
RULED_SUPPORT = 0.9  # entailment of the claim from a restatement with its ruling ("That is true.")
LABEL_WORDS = 3  # words of a label heading its line ("What was claimed:")
FRAME_SHARE = 0.6  # share of the aligned words that must lie inside the reported clause
DENIALS = frozenset({"negation", "antonym", "contradiction"})  # reason codes of a refutation
_FRAME_VERBS = REPORTING_VERBS | CLAIM_VERBS
_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})  # "claims that S", "claims to show S"
_TOPIC_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})  # "the claims were false": what is said
_FRAMES: LruCache[str, list[tuple[int, int, bool]]] = LruCache(1024)
_PERSONAL = frozenset({"i", "we", "he", "she"})  # pronouns of people, never of a post
_CORRECTION_NOTICE = re.compile(r"\s*corrections?\s*:", re.IGNORECASE)  # a correction notice's label


def _reported_clause(child: Token) -> bool:
    """A verb's content clause, or one the tagger hung off a noun ("A viral post claims that
    S" read as the noun "post claims"): a "that" complementizer marks content, not a relative,
    and so does the sentence's root ("A viral post claims the state banned ...", "claims" a
    noun with the clause its complement: only a verb takes one)."""
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
    if child.dep_ in _CONTENT_DEPS:
        # "shared 4,000 times claims that S"
        return child.head.pos_ in ("VERB", "AUX") or child.head.dep_ == "ROOT" or that
    return child.dep_ in ("relcl", "acl") and that


def _glued_clause(token: Token) -> list[Token]:
    """What a claiming verb the tagger glued into its sentence's subject reports ("A widely
    shared post claims families have sued the city": "post claims families" read as one
    noun phrase, "sued" as the sentence's verb; "A post on X claims that S": "X claims" the
    object of "on"): the words after it."""
    if token.pos_ != "NOUN" or token.i == token.sent.start:
        return []
    if token.doc[token.i - 1].pos_ not in ("NOUN", "PROPN"):
        return []
    subject = next((c for c in token.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or token.i == subject.i or not subject.left_edge.i <= token.i <= subject.right_edge.i:
        return []
    return [t for t in token.doc[token.i + 1 : token.sent.end] if not t.is_punct]


def _depicted(child: Token) -> bool:
    """An object that is a scene of its own ("appears to show a bear climbing the jungle
    gym", "a crack running through the bridge"): what a photo or a post shows, as a clause."""
    return child.dep_ == "dobj" and any(t.dep_ == "acl" and t.pos_ == "VERB" for t in child.children)


def _claim_word_within(verb: Token, clause: Token) -> bool:
    """A verb that withholds the writer's word between a reporting verb and the end of its
    clause, one the tagger read as a noun ("a user who says she is a nurse claims S"); not
    one the clause is about ("said the claims were false")."""
    return any(
        t.lemma_.lower() in CLAIM_VERBS and t.dep_ not in _TOPIC_DEPS
        for t in verb.doc[verb.i + 1 : clause.right_edge.i + 1]
    )


def _clause_spans(sent: Span) -> list[tuple[int, int, bool]]:
    """Character spans (in the sentence) of what its reporting verbs and "according to" report:
    "X claims that S", "X claims to show S", "According to X, S", "S, according to X", and a
    fact-check's label and rating lines ("Claim: S", "S: False"); each with whether its verb
    withholds the writer's word by its meaning ("claims", "alleges")."""
    base = sent.start_char

    def span(tokens: list[Token], claimed: bool = False) -> tuple[int, int, bool]:
        return tokens[0].idx - base, tokens[-1].idx + len(tokens[-1]) - base, claimed

    spans = []
    colon = next((t for t in sent[:LABEL_WORDS + 1] if t.text == ":"), None)
    if colon is not None and any(t.lemma_.lower() in CLAIM_VERBS for t in sent[: colon.i - sent.start]):
        # a fact-check's label line ("Claim: S. Rating: False."): the claim it examines
        spans.append(span(list(sent[colon.i + 1 - sent.start :]), True))
    rated = [t for t in sent if t.text == ":"]
    if rated and len([t for t in sent[rated[-1].i + 1 - sent.start :] if not t.is_punct]) <= LABEL_WORDS:
        # a rating line ("Evacuation zone expanded to 10 miles: False."): the claim it rates
        spans.append(span(list(sent[: rated[-1].i - sent.start]), True))
    # a correction notice ("Correction: An earlier version of this story said S. It is T."):
    # what the earlier version said is withdrawn, as a claim is
    notice = colon is not None and _CORRECTION_NOTICE.match(sent.text) is not None
    for token in sent:
        if token.lemma_.lower() in _FRAME_VERBS:
            withdrawn = notice and token.sent.start == colon.sent.start  # not its next sentence's
            claimed = token.lemma_.lower() in CLAIM_VERBS or withdrawn
            if claimed and (glued := _glued_clause(token)):
                spans.append(span(glued, True))
            spans += [
                # "says she is a paramedic claims S", the second verb tagged a noun: still withheld
                span(list(c.subtree), claimed or _claim_word_within(token, c))
                for c in token.children
                if _reported_clause(c) or _depicted(c)
            ]
            if claimed and token.pos_ == "NOUN" and _lists_after_colon(token):
                # "A video makes three claims about the plant: that S, that T": all of it is
                # what the video claims, the plant's name and who shared the video included
                spans.append(span(list(sent), True))
            after = token.nbor(1) if token.i + 1 < sent.end else None
            if after is not None and after.lower_ == "to" and after.head.i > token.i and after.head.pos_ == "VERB":
                # "Nextdoor claims to show X" parsed with "claims" a noun: the infinitive it heads
                spans.append(span([t for t in after.head.subtree if t.i >= after.i], claimed))
            if _parenthetical(token, sent):
                # "The water, a chain message warns, is contaminated": the rest is what it reports
                spans.append(span(list(sent), claimed))
        elif token.lemma_.lower() in ACCUSING_VERBS and token.pos_ == "VERB" and (charged := _accused_of(token)):
            spans.append(span(charged, True))
        elif token.dep_ == "advmod" and hearsay(token.lower_) and token.head.pos_ in ("VERB", "AUX"):
            # "The councilman allegedly told staff to delete emails": his clause, not vouched for
            spans.append(span(list(token.head.subtree), True))
        elif token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            commas = [t for t in sent if t.text == "," and t.i > token.i]
            after = sent[commas[0].i + 1 - sent.start :] if commas else None
            before = sent[: token.i - sent.start]
            tokens = [t for t in (after if token.i - sent.start < len(sent) / 2 else before) or [] if not t.is_punct]
            if tokens:
                spans.append(span(tokens))
    return spans


def _accused_of(verb: Token) -> list[Token]:
    """What an accusation charges, with whom: "accused Foss of using campaign money", "Foss
    is suspected of steering a contract" (the accused and the act of the "of" clause)."""
    accused = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    acts = [  # the "of" clause hangs off the verb, or off its object ("accused the authority of ignoring")
        c for head in [verb, *accused] for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pcomp" for g in c.children)
    ]
    if not acts:
        return []
    return sorted({t.i: t for c in accused + acts for t in c.subtree}.values(), key=lambda t: t.i)


def _lists_after_colon(noun: Token) -> bool:
    """A colon closes the claim noun's phrase ("makes three claims about the plant: that S")."""
    end = noun.right_edge.i + 1
    return end < noun.sent.end - 1 and noun.doc[end].text == ":"


def _parenthetical(verb: Token, sent: Span) -> bool:
    """A reporting verb closing a parenthesis inside the sentence: ", a chain message warns,"
    between two commas, with words of the sentence on both sides."""
    if verb.i + 1 >= sent.end - 1 or verb.nbor(1).text != ",":
        return False
    before = [t for t in sent[: verb.i - sent.start] if t.text == ","]
    return bool(before) and before[-1].i > sent.start


def _spans(text: str, nlp: Language) -> list[tuple[int, int, bool]]:
    """`_clause_spans` of a text, parsed once per process and text (a claim, a candidate)."""
    return _FRAMES.get_or_make(text, lambda: _clause_spans(parsed(text, nlp)[:]))



def _quoted_spans(text: str) -> list[tuple[int, int, bool]]:
    """Spans inside double quotation marks, a quotation left open at the sentence's end
    included ('"BREAKING: the fair is CANCELLED.' before 'End of an era," the post reads.')."""
    spans, opened = [], None
    for i, char in enumerate(text):
        if char == "“" or (char == '"' and opened is None):
            opened = i if opened is None else opened
        elif char in '"”' and opened is not None:
            spans.append((opened, i + 1, False))
            opened = None
    if opened is not None:
        spans.append((opened, len(text), False))
    return spans


def _spans_holding(candidate: Candidate, spans: list[tuple[int, int, bool]]) -> list[bool]:
    """Of the spans of a quote's sentence, those holding the quote's words (each with whether
    it withholds them)."""
    words = candidate.text[:40]
    return [claimed for start, stop, claimed in spans if words in candidate.context[start:stop]]


def _in_quotation_marks(candidate: Candidate) -> bool:
    """A quote whose words its sentence prints inside quotation marks: someone's own words,
    which the writer reports ('"Ride COLLAPSED ...," says a Facebook post'), not restates."""
    return candidate.kind == "quote" and bool(_spans_holding(candidate, _quoted_spans(candidate.context)))


def _withheld_in_context(candidate: Candidate, nlp: Language) -> bool:
    """A quote whose sentence withholds it (a correction's "An earlier version said S")."""
    if ":" not in candidate.context[:40]:
        return False  # no label line: the cheap test before the parse
    return any(_spans_holding(candidate, _spans(candidate.context, nlp)))


def _nobodys_words(text: str) -> bool:
    """A sentence all inside quotation marks, with no one named outside them to say it: a
    post's words as the article prints them ('"Vittorelli's CLOSED by the health dept.'), never
    the article's finding."""
    outside, end = [], 0
    for start, stop, _ in _quoted_spans(text):
        outside.append(text[end:start])
        end = stop
    return end > 0 and not WORD.search("".join(outside) + text[end:])


def _question_spans(text: str) -> list[tuple[int, int, bool]]:
    """Spans of the questions inside a text, each claiming nothing but asking."""
    return [(m.start(), m.end(), True) for m in re.finditer(r"[^.!?]+\?", text)]


def _may_frame(candidate: Candidate) -> bool:
    """The stored lemmas hold a reporting, claiming or accusing verb, "according", a label's
    colon or a hearsay adverb: the cheap test before `_spans` parses the sentence."""
    lemmas = set(candidate.lemmas.split())
    return bool(
        lemmas & (_FRAME_VERBS | ACCUSING_VERBS)
        or "accord" in lemmas
        or "according" in lemmas
        or ":" in candidate.text
        or any(map(hearsay, lemmas))
    )


def frame(candidate: Candidate, highlight: str | None, nlp: Language) -> str | None:
    """Whether the words aligned with the claim are what someone else is reported to say:
    "claimed" when the verb itself withholds the writer's word ("A post claims that S"), the
    sentence asks rather than states, or the words are a quote of no one the article names (a
    caption, a post); "reported" for a plain report ("S, the trust said", words in quotation
    marks, a quote of someone named: '"Ride COLLAPSED ...," says a Facebook post'), None
    when the writer states them."""
    if not highlight:
        return None
    if candidate.kind == "quote" and not candidate.speaker:
        return "claimed"  # words of nobody the article names: a post's ("BREAKING: ... CANCELLED")
    if candidate.kind == "quote" and _withheld_in_context(candidate, nlp):
        return "claimed"  # words a correction notice withdraws ("An earlier version said S")
    if candidate.text.rstrip(" \"”'’").endswith("?"):
        return "claimed"  # a question states nothing ("Does the tap water contain ...?")
    start = candidate.text.find(highlight)
    if start < 0:
        return None
    # the post's words as the article prints them; a question asked, then answered ("Did
    # Dalmoor County ban backyard chickens? No, but ...")
    spans = _quoted_spans(candidate.text) + _question_spans(candidate.text)
    if _may_frame(candidate):
        spans += _spans(candidate.text, nlp)  # no reporting verb nor label at all: skip the parse
    end = start + len(highlight)
    inside = [(min(end, b) - max(start, a), claimed) for a, b, claimed in spans]
    framing = [claimed for share, claimed in inside if share >= FRAME_SHARE * len(highlight)]
    if not framing:
        return "reported" if _in_quotation_marks(candidate) else None
    return "claimed" if any(framing) else "reported"


def _frame_of(claim: Claim, candidate: Candidate, highlight: str | None, nlp: Language) -> str | None:
    """`frame` of a support; without an aligned span (a short claim whose words lie apart in
    the sentence: "Fracking caused the Tessford sinkhole" in "A post ... claims that "fracking
    crews ..." caused the ground to give way"), the region of the claim's words, where a plain
    report counts only when no named person or organisation makes it ("users shared a video
    they said showed S", "A viral post says S"; not "S, said the center's director, Dr. Anwen
    Roszak", "S, the Harbour Workers Union said", nor "S, according to its annual report": the
    writer's sources, the model's to align)."""
    if highlight:
        return frame(candidate, highlight, nlp)
    found = frame(candidate, source_region(claim, candidate), nlp)
    if found == "reported":
        subjects = _frame_subjects(candidate.text, nlp)
        if not subjects or any(_names_a_source(s) for s in subjects):
            return None  # "S, according to its annual report": a source the writer cites
    return found


def _denies(claim: Claim, candidate: Candidate, found: Assessment) -> bool:
    """A finding denies the claim ("no forecast was issued"), or the claim's own figure ("$4
    per tire, not $40"); another number or date later in the article is usually another
    event's."""
    if found.stance != "conflicts":
        return False
    return any(r.code in DENIALS for r in found.reasons) or _denied_figure(claim, candidate.quantities)


def _denied_figure(claim: Claim, quantities: list[Quantity]) -> bool:
    """A sentence's figures deny one of the claim's ("$4 per tire, not $40")."""
    return any(denies_figure(said, wrote) for said in claim.quantities for wrote in quantities)


def _corrected_next(
    claim: Claim, framed: Candidate, passages: list[Passage]
) -> tuple[Candidate, Assessment] | None:
    """The restated figure corrected in a few words right after it ("... reported that the
    ferry was carrying 41 vehicles when it ran aground." "It was carrying 38."): the two as one
    excerpt, a number conflict. Too short to stand as evidence alone, the answer names its
    figure only against the restatement's."""
    start = framed.passage_position
    answer = next((p for p in passages if start is not None and p.position == start + 1), None)
    if answer is None or not is_fragment(answer) or len(answer.quantities) != 1 or not framed.facts_known:
        return None
    (wrote,) = answer.quantities
    for said in claim.quantities:
        restated = any(facts.compare_quantities(said, w).relation == "consistent" for w in framed.quantities)
        if restated and differs(said, wrote):
            reason = Reason(code="number_mismatch", detail=f"claim: {said.text}; source: {wrote.text}")
            joined = framed.model_copy(update={"text": f"{framed.text} {answer.text}"})
            return joined, Assessment(stance="conflicts", reasons=[reason], score=1.0)
    return None


def _later(candidate: Candidate, framed: Candidate) -> bool:
    """A debunk restates the claim, then refutes it: a finding follows the restatement, or
    is the headline."""
    position, frame = candidate.passage_position, framed.passage_position
    return position is not None and (position < 0 or frame is None or position > frame)


def _next_denials(passages: list[Passage], start: int) -> list[int]:
    """Positions of the writer's first denials after a restatement: a debunk often quotes the
    post next ('"CHICKENS NOW ILLEGAL," the graphic says'), then answers it in words of its
    own ("The ordinance does nothing of the kind", "The photo was not taken in Wexcombe")."""
    denials = sorted(
        p.position for p in passages if p.position > start and p.negated and not _quoted_spans(p.text)
    )
    return denials[:DENIALS_READ]


def _next_statement(passages: list[Passage], start: int) -> set[int]:
    """The first sentence after a restatement that states something: a debunk's verdict ("That
    is false.") is a fragment, and the sentence after it goes on with the finding."""
    first = min((p.position for p in passages if p.position > start and not is_fragment(p)), default=None)
    return set() if first is None else {first}


def ruled(claim: Claim, framed: Candidate, passages: list[Passage], nlp: Language) -> Candidate | None:
    """The restatement with the ruling right after it, as one excerpt: a fact-check rules on
    what it has just restated in a few words of its own ("A viral video claims S." "That is
    false."), which name nothing of the claim and no figure or name at all, so only the two
    together say what is false ("The oak was never cut down." states its own finding)."""
    start = framed.passage_position
    if framed.kind != "fact" or start is None or start < 0:
        return None
    ruling = next((p for p in passages if p.position == start + 1), None)
    if ruling is None or len(WORD.findall(ruling.text)) > RULING_WORDS or _quoted_spans(ruling.text):
        return None
    if not ruling.text.rstrip().endswith((".", "!")):
        return None  # a heading, or a question
    if set(claim.key_lemmas) & set(ruling.lemmas.lower().split()):
        return None  # a short finding of its own, read as one
    doc = parsed(ruling.text, nlp)
    # a rating line's capitalised label and rating ("Verdict: False.") are no names
    names = not _rating_line(doc[:]) and any(t.pos_ == "PROPN" for t in doc)
    if names or any(t.like_num or t.pos_ == "NUM" for t in doc):
        return None  # a figure or a name: a statement of its own ("Two have since gone home.")
    return framed.model_copy(update={"text": f"{framed.text} {ruling.text}"})


def _rating_line(sent: Span) -> bool:
    """A label and a rating of a few words each ("Finding: False.", "Our ruling: Mostly true.")."""
    colon = next((t for t in sent[: LABEL_WORDS + 1] if t.text == ":"), None)
    return colon is not None and len([t for t in sent[colon.i + 1 - sent.start :] if not t.is_punct]) <= LABEL_WORDS


def _ruling_read(
    claim: Claim, framed: Candidate, passages: list[Passage], nlp: Language
) -> tuple[Candidate, Assessment] | None:
    """What the article's ruling on its restatement makes of the claim (`ruled`): a conflict
    when the ruling model (`stance_model.ruling`) reads the two as contradicting it, support
    when as stating it; each only where the ruling is what moves the model's reading past its
    threshold, never the restatement's own words ("Posts claim pickup days will stay the
    same" against "will not change" reads as a contradiction with or without "That is true.")."""
    candidate = ruled(claim, framed, passages, nlp)
    if candidate is None:
        return None
    # read without the headline, which may rule on other claims ("What's true and what's false ...")
    untitled = {"article": framed.article.model_copy(update={"title": None})}
    read, alone = judge(claim, [c.model_copy(update=untitled) for c in (candidate, framed)], model=ruling_model())
    ruling = candidate.text[len(framed.text) + 1 :]
    if read.contradiction >= FINDING_CONTRADICTION > alone.contradiction:
        reason = Reason(code="contradiction", detail=f"the article restates it, then rules: {ruling}")
        return candidate, Assessment(stance="conflicts", reasons=[reason], score=round(read.contradiction, 4))
    if read.entailment >= RULED_SUPPORT > alone.entailment:
        return candidate, Assessment(stance="supports", score=round(read.entailment, 4))
    return None


def _about(keys: set[str], passage: Passage) -> bool:
    """The passage states `FINDING_OVERLAP` of the claim's key words: about the same thing."""
    return len(keys & set(passage.lemmas.split())) >= FINDING_OVERLAP * len(keys)


def _headline_ruling(
    claim: Claim, framed: Candidate, passages: list[Passage]
) -> tuple[Candidate, Assessment] | None:
    """A fact-check's headline ruling on the report it examines ("Fact check: No, the library
    is not going to charge $25 for a library card" above "A message warns that S"), read by
    the ruling model, which reads a ruling's denial of a claim it states in fewer words (the
    stance model reads those as neutral: the claim says more than the denial). Only a headline
    about the claim, as a finding is (`FINDING_OVERLAP` of its words)."""
    keys = set(claim.key_lemmas)
    headline = next(
        (p for p in passages if p.kind == "headline" and _about(keys, p)),
        None,
    )
    if headline is None:
        return None
    candidate = passage_candidate(headline, framed.article)
    (read,) = judge(claim, [candidate], model=ruling_model())
    if read.contradiction < FINDING_CONTRADICTION:
        return None
    reason = Reason(code="contradiction", detail=f"the article restates it; its headline rules: {headline.text}")
    return candidate, Assessment(stance="conflicts", reasons=[reason], score=round(read.contradiction, 4))


def article_finding(
    claim: Claim,
    framed: Candidate,
    passages: list[Passage],
    stop_words: frozenset[str],
    threshold: float = FINDING_CONTRADICTION,
    second_reader: bool = False,
) -> tuple[Candidate, Assessment] | None:
    """The sentence of the framed claim's article that the model reads as refuting it: one of
    the few later sentences stating most of the claim, or the very next sentence, which goes
    on about the restated claim even in other words ("He has worked there for 22 years." after
    what an earlier version of the story said). The next sentence's "he" is the claim's
    person, not the headline's, so the model reads that one without the headline.
    `second_reader`: the ruling model reads them too, and the surer reading counts; it reads a
    debunk's denial in other words ("There is no evidence that happened.") that the stance
    model finds neutral, but also reads ordinary reporting as contradiction, so only the
    finding on a claim the article withholds its word on ("A post claims S") is asked of it."""
    denying = [
        c
        for c in (
            passage_candidate(p, framed.article)
            for p in passages
            if p.id != framed.passage_id and _denied_figure(claim, p.quantities) and not is_fragment(p)
        )
        if _later(c, framed)
    ]
    conflicts = quantity_reasons(claim, denying[0]).conflicts if denying else []
    if conflicts:  # the article corrects the claim's own figure, whatever words it uses
        return denying[0], Assessment(stance="conflicts", reasons=conflicts, score=1.0)
    corrected = _corrected_next(claim, framed, passages)
    if corrected is not None:
        return corrected
    keys = set(claim.key_lemmas)
    start = framed.passage_position
    after = (
        {start + 1, *_next_statement(passages, start), *_next_denials(passages, start)}
        if start is not None and start >= 0 else set()
    )
    later = [
        passage_candidate(p, framed.article)
        for p in passages
        if p.id != framed.passage_id and p.position not in after and _about(keys, p)
    ]
    later = [c for c in later if _later(c, framed) and not is_fragment(c) and not _nobodys_words(c.text)]
    # the model reads only the few that state most of the claim (each read costs ~9 ms)
    later.sort(key=lambda c: -len(keys & set(c.lemmas.split())))
    untitled = framed.article.model_copy(update={"title": None})
    following = [passage_candidate(p, untitled) for p in passages if p.position in after]
    others = [
        c
        for c in later[:FINDINGS_READ] + [c for c in following if not is_fragment(c) and not _nobodys_words(c.text)]
        if not c.text.rstrip(" \"”'’").endswith("?")  # a question finds nothing ("Why isn't the media showing this?")
    ]
    readings = judge(claim, others)
    if second_reader and others:
        readings = [
            max(one, other, key=lambda j: j.contradiction)
            for one, other in zip(readings, judge(claim, others, model=ruling_model()))
        ]
    # a sentence naming nothing of the claim and denying nothing must be about its matter, as a
    # conflict on the model's word must: after "Groups have accused the authority of ignoring a
    # study", the next sentence ("Dockworkers at Pier 3 ratified a new contract") may be about
    # anything, and the model reads many such pairs as contradictions
    wordless = [
        c for c, j in zip(others, readings)
        if j.contradiction >= threshold and not c.negated and not (keys | NEGATORS) & set(c.lemmas.split())
    ]
    distant = {id(c) for c, near in zip(wordless, similarities(claim, wordless)) if near < CONFLICT_RELEVANCE}
    best: tuple[float, Candidate] | None = None
    for candidate, judgement in zip(others, readings):
        if judgement.contradiction >= threshold and id(candidate) not in distant and (
            best is None or judgement.contradiction > best[0]
        ):
            best = (judgement.contradiction, candidate)
    if best is None:
        return None
    score, candidate = best
    return candidate.model_copy(update={"article": framed.article}), Assessment(
        stance="conflicts",
        reasons=[contradiction(claim, candidate, stop_words)],
        score=round(score, 4),
    )


def examined_claims(
    claim: Claim,
    assessed: list[tuple[Candidate, Assessment]],
    *,
    nlp: Language,
    passages: Callable[[Article], list[Passage]],
    stop_words: frozenset[str],
    restated: Sequence[Candidate] = (),
    withheld_only: bool = False,
) -> list[tuple[Candidate, Assessment]]:
    """`assessed` with every framed support whose article refutes the claim replaced by
    that article's finding (a conflict the rules already cite from it, or the model's).
    `restated`: sentences restating the claim to examine it that the model did not read as
    support (a debunk's headline above "Claim: S" already answers it); their articles'
    findings are evidence too."""
    frames = {id(c): _frame_of(claim, c, f.highlight, nlp) for c, f in assessed if f.stance == "supports"}
    examined = {"claimed"} if withheld_only else {"claimed", "reported"}
    framed = [c for c, f in assessed if frames.get(id(c)) in examined]
    reports = bool(_spans(claim.text, nlp)) or _that_clause(claim.text, nlp)
    about_a_report = reports and not _told(claim.text, nlp)
    if not about_a_report:
        frames |= {id(c): "claimed" for c in restated}
        framed += restated
    if framed and about_a_report:
        source = next(iter(_frame_subjects(claim.text, nlp)), None)
        if source is None or not _a_person(source):
            return assessed  # "A post claimed that S" is what the framed sentence supports
        # "Pellowe said S": a sentence giving the words to him supports it; one showing them
        # beside his name (a post crediting them to him) is examined like a bare claim
        framed = [c for c in framed if not _said_by(source, c, nlp)]
    if not framed:
        return assessed
    dropped: set[tuple[str, int | None, int | None]] = set()
    findings: list[tuple[Candidate, Assessment]] = []
    for candidate in framed:
        path = candidate.article.path
        # the article's ruling on it: one that upholds it is the answer; one that rejects it
        # is, where the article's finding in words of its own is not found
        ruling = _ruling_read(claim, candidate, passages(candidate.article), nlp)
        if ruling is not None and ruling[1].stance == "supports":
            dropped.add(_sentence(candidate))  # the restatement is cited with its ruling
            findings.append(ruling)
            continue
        cited = any(
            c.article.path == path and _denies(claim, c, f) and _later(c, candidate) for c, f in assessed + findings
        )
        withheld = frames[id(candidate)] == "claimed"
        threshold = WITHHELD_FINDING_CONTRADICTION if withheld else FINDING_CONTRADICTION
        # the finding in the article's own words, else its ruling; the second reader, which
        # reads more sentences as denials, only where the article gives no ruling
        finding = None if cited else article_finding(
            claim, candidate, passages(candidate.article), stop_words, threshold,
            second_reader=withheld and ruling is None,
        ) or ruling
        if finding is None and not cited and frames[id(candidate)] == "reported":
            finding = _headline_ruling(claim, candidate, passages(candidate.article))
        if cited or finding is not None or frames[id(candidate)] == "claimed":
            dropped.add(_sentence(candidate))
        if finding is not None:
            findings.append(finding)
    # one finding answers every restatement of the claim its article makes before it (a post's
    # words reported, then quoted: the finding read for the quote answers the report too)
    for candidate in framed:
        if any(c.article.path == candidate.article.path and _later(c, candidate) for c, _ in findings):
            dropped.add(_sentence(candidate))
    # a sentence the check cites as support for the claim, and that denies nothing, refutes
    # another rumour, not the claim ("The shelter euthanized 12 dogs in 2025, all for severe
    # illness" after "Posts claim that the shelter is euthanizing healthy dogs"); one with a
    # ruling of its own ("Viral posts blame the meters for doubled bills. Neither claim holds
    # up.") is the finding
    supporting = {_sentence(c) for c, f in assessed if f.stance == "supports" and _sentence(c) not in dropped}
    findings = [(c, f) for c, f in findings if c.negated or _sentence(c) not in supporting]
    # a quote the index took from the same sentence ("the Islander reported that S") goes too,
    # and so does a sentence of a dropped quote ("SAD NEWS. The fair is CANCELLED. ...")
    quotes = [c for c in framed if c.kind == "quote" and _sentence(c) in dropped]
    return [
        (c, f) for c, f in assessed if _sentence(c) not in dropped and not _within_quote(c, quotes)
    ] + findings


def _within_quote(candidate: Candidate, quotes: list[Candidate]) -> bool:
    """A sentence whose words are all inside one of the quotes, in its article."""
    words = " ".join(WORD.findall(candidate.text.lower()))
    return candidate.kind == "fact" and bool(words) and any(
        q.article.path == candidate.article.path and words in " ".join(WORD.findall(q.text.lower()))
        for q in quotes
    )


def restatements(
    claim: Claim,
    tried: Sequence[Sequence[tuple[Candidate, Alignment, Assessment | None]]],
    assessed: list[tuple[Candidate, Assessment]],
    nlp: Language,
    coverage: float,
) -> list[Candidate]:
    """The best-aligned sentences that withhold the writer's word on the claim ("Claim: S",
    "A post claims that S", "Correction: An earlier version said S") and stand as no
    evidence: where a debunk or a correction examines it. One giving another figure restates
    another claim ("A post claims the agency flew in 2,000 drivers" for "brought in 600
    drivers"): its finding answers that one."""
    cited = {_sentence(c) for c, _ in assessed}
    aligned = sorted(
        (
            (a.coverage, c, a.highlight)
            for group in tried
            for c, a, _ in group
            if a.coverage >= coverage and _sentence(c) not in cited and not is_fragment(c)
            and ("?" in c.text or _FRAME_VERBS & set(c.lemmas.split()))  # no parse for the rest
            and not figures_differ(claim, c)
        ),
        key=lambda row: -row[0],
    )
    return [c for _, c, highlight in aligned if frame(c, highlight, nlp) == "claimed"][:REPORTS_READ]


def writers_denials_dropped(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]], nlp: Language
) -> list[tuple[Candidate, Assessment]]:
    """`assessed` without the writer's own denials when the claim is about what a post, a
    video or a message said: "Port Alder tap water does not contain 10 times the legal
    limit" denies what "a viral video claimed", not that it claimed it. For a person's
    words the rules read who said what (a denial framed "..., Achterberg said" is his)."""
    denials = [
        c
        for c, f in assessed
        if f.stance == "conflicts" and all(r.code in DENIALS for r in f.reasons) and c.kind == "fact"
    ]  # cheap tests first: the parses below are for the few checks that have one
    if claim.speaker or not denials:
        return assessed
    if not (claim.content != claim.text or _reports_at_root(claim.text, nlp)):
        return assessed
    writers = {id(c) for c in denials if not _spans(c.text, nlp)}  # no one reported in it
    return [(c, f) for c, f in assessed if id(c) not in writers]


def withdrawn_conflicts_dropped(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]], nlp: Language
) -> list[tuple[Candidate, Assessment]]:
    """`assessed` without conflicts with what a correction notice withdraws: "An earlier
    version of this story said he had worked there 12 years" says nothing against "22 years";
    the notice's corrected figure is the evidence. (What a post alleges is left to the rules:
    measured, dropping those conflicts lost more right answers than it gained.)"""
    withdrawn = [
        c
        for c, f in assessed
        if f.stance == "conflicts"
        and (
            _CORRECTION_NOTICE.match(c.context if c.kind == "quote" and c.context else c.text)
            and frame(c, f.highlight, nlp) == "claimed"
            or _alleged_figures(c, f, nlp)
        )
    ]
    if not withdrawn or _spans(claim.text, nlp):
        return assessed  # "The first report said S" is answered by what it said
    return [(c, f) for c, f in assessed if not any(c is other for other in withdrawn)]


def _alleged_figures(candidate: Candidate, found: Assessment, nlp: Language) -> bool:
    """A conflict on figures the sentence only restates from a claim it withholds its word on
    ("Claims that Westbrook raised water rates by 40 percent are also misleading" against
    "rates rose 4 percent"): every figure of the sentence lies in what it withholds, so the
    article gives none of its own."""
    numbers = candidate.quantities
    if candidate.kind != "fact" or not numbers or not found.reasons:
        return False
    if any(r.code != "number_mismatch" for r in found.reasons) or not _may_frame(candidate):
        return False  # another reason, or nothing reported: no parse
    withheld = [(a, b) for a, b, claimed in _spans(candidate.text, nlp) if claimed]
    places = [(candidate.text.find(q.text), len(q.text)) for q in numbers]
    return all(p >= 0 and any(a <= p and p + n <= b for a, b in withheld) for p, n in places)


def _reports_at_root(text: str, nlp: Language) -> bool:
    """The sentence as a whole reports a clause ("A viral video claimed that S"), not a
    part of it ("Brandt drew applause after saying S")."""
    root = parsed(text, nlp)[:].root
    return root.lemma_.lower() in _FRAME_VERBS and any(
        c.dep_ in _CONTENT_DEPS for c in root.children
    )


def _sentence(candidate: Candidate) -> tuple[str, int | None, int | None]:
    """Where a candidate's words stand: its article and sentence (a quote's own id when the
    index does not know its sentence)."""
    if candidate.passage_position is None:
        return candidate.article.path, None, candidate.quote_id
    return candidate.article.path, candidate.passage_position, None


def _reporting_verbs(text: str, nlp: Language) -> list[Token]:
    """The text's reporting verbs that report a clause of their own ("said that S")."""
    return [
        t for t in parsed(text, nlp)
        if t.lemma_.lower() in _FRAME_VERBS and any(_reported_clause(c) for c in t.children)
    ]


def _frame_subjects(text: str, nlp: Language) -> list[Token]:
    """Who or what the text's reporting verbs say reported their clause ("video" of "A TikTok
    video said that S", "report" of "Corvane's written report estimated that S", "Hegseth")."""
    subjects = []
    for token in _reporting_verbs(text, nlp):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                # "It was Pellowe who said that S": the relative pronoun stands for Pellowe
                relative = child.lower_ in ("who", "that") and token.dep_ == "relcl"
                subjects.append(token.head if relative else child)
    return subjects


def _that_clause(text: str, nlp: Language) -> bool:
    """The sentence's main verb, whatever it is, reports a "that" clause: "A Facebook page
    posted that S" is about what the page posted, as "said that S" is."""
    root = parsed(text, nlp)[:].root
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in root.children
    )


def _told(text: str, nlp: Language) -> bool:
    """The claim's reporting verbs are all passive with no one saying ("Firefighters were told
    to stand down"): it states what happened to its subject, not what a source reported."""
    verbs = _reporting_verbs(text, nlp)
    return bool(verbs) and all(
        any(c.dep_ == "nsubjpass" for c in t.children) and not any(c.dep_ == "agent" for c in t.children)
        for t in verbs
    )


def _a_person(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL


def _names_a_source(subject: Token) -> bool:
    """A reporting verb's subject that is, or names, a person or an organisation ("Oswin
    Terry", "the center's director, Dr. Anwen Roszak", "the Harbour Workers Union", "she");
    not a post, wherever it was shared ("A post on Facebook")."""
    named = [subject, *(c for c in subject.children if c.dep_ in ("appos", "compound"))]
    return subject.lower_ in _PERSONAL or any(t.ent_type_ in ("PERSON", "ORG") for t in named)


def _said_by(person: Token, candidate: Candidate, nlp: Language) -> bool:
    """Whether the candidate gives its words to `person`: a quote of theirs (not one of
    nobody's, a post's), or a sentence whose reporting verb has them (or an unresolved "he")
    as its subject, outside quotation marks (inside them it is what a post says they said)."""
    if candidate.kind == "quote":
        return candidate.speaker is not None and person.lower_ in candidate.speaker.lower()
    quoted = _quoted_spans(candidate.text)  # '"Even Okafor-Reyes admits S"': the post says he does
    return any(
        person.lower_ in s.lower_ or s.lower_ in _PERSONAL
        for subject in _frame_subjects(candidate.text, nlp)
        if not any(a <= subject.idx < b for a, b, _ in quoted)
        for s in subject.subtree
    )


def _frame_fits(
    claim_source: Token, candidate: Candidate, start: int, end: int, nlp: Language
) -> bool:
    """The sentence's frame names the claim's source: the person the claim names ("Hegseth"),
    or, for a thing ("a TikTok video", "Corvane's written report"), no person reports it
    ("... ," Achterberg-Nwosu said" is not the written report)."""
    if _a_person(claim_source):
        frame = candidate.text[:start] + " " + candidate.text[end:]
        return claim_source.lower_ in {w.lower() for w in WORD.findall(frame)}
    return not any(_a_person(s) for s in _frame_subjects(candidate.text, nlp))


def reported_support(
    claim: Claim,
    tried: Sequence[Sequence[tuple[Candidate, Alignment, Assessment | None]]],
    nlp: Language,
) -> dict[tuple[str, int | None], Assessment]:
    """For a claim about what a post or a person said ("A TikTok video said that the fair had
    been called off"), the sentences whose frame names the same speaker and reports the same
    ("A viral video on TikTok says this year's fair has been canceled"), by article and
    sentence. The model compares what each reports: it reads the two frames poorly (that
    pair: contradiction 0.91)."""
    reports = claim.speaker is not None and claim.content != claim.text
    if not (reports or set(claim.lemmas) & _FRAME_VERBS):
        return {}  # the claim reports no one's words
    read = {c.speaker for group in tried for c, _, found in group if c.kind == "quote" and found is not None}
    if claim.speaker in read:
        return {}  # the rules read the speaker's words in a quote of theirs
    unread = sorted(
        (
            (c, a)
            for group in tried
            for c, a, found in group
            if c.kind == "fact" and found is None and a.coverage >= REPORT_COVERAGE
            and set(c.lemmas.split()) & _FRAME_VERBS  # no reporting verb: no parse
        ),
        key=lambda ca: -ca[1].score,
    )
    if not unread:
        return {}  # nothing to read: skip the claim's parse
    if reports:
        said = claim.content
    elif claimed := _spans(claim.text, nlp):
        start, end, _ = max(claimed, key=lambda s: s[1] - s[0])
        said = claim.text[start:end]  # "Viral posts claimed that S"
    else:
        return {}  # the claim reports no one's words
    sources = _frame_subjects(claim.text, nlp)
    if not sources:
        return {}
    framed: list[tuple[Candidate, Alignment, str]] = []
    for candidate, alignment in unread[:REPORTS_READ]:  # each parse costs ~10 ms
        spans = _spans(candidate.text, nlp)
        if not spans:
            continue
        a, b, _ = max(spans, key=lambda s: s[1] - s[0])
        if _frame_fits(sources[0], candidate, a, b, nlp):
            framed.append((candidate, alignment, candidate.text[a:b]))
    if not framed:
        return {}
    rows = shipped().probabilities([(reported, said) for _, _, reported in framed])
    return {
        (c.article.path, c.passage_position): Assessment(
            stance="supports", score=round((a.score + float(row[0])) / 2, 4), highlight=a.highlight
        )
        for (c, a, _), row in zip(framed, rows)
        if row[0] >= REPORT_SUPPORT and not figures_differ(claim, c)  # the model reads figures poorly
    }
