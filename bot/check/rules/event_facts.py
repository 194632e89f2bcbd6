"""A date or a number belongs to one event: compare the claim's only with that event's.

"The regulator stepped in on Wednesday, two days after the stoppage began"
dates the stepping in, not the stoppage: a claim that the stoppage began on
Monday is not contradicted by that Wednesday. Likewise "the previous stoppage,
in 2011, lasted six days" says nothing against "a 48-hour walkout, the first
since the previous stoppage", nor that against it: a number is compared only
when the phrase it measures carries the claim's anchors (its year, "the
previous/last/first ..." one) and no other; when it measures the thing the
claim measures (not "a 48-hour walkout after the meeting" for the meeting's
length); and, when the source writes the claim's verb, with the number on that
verb ("management offered 6 percent, while the union wants 12"). Verbs of making a
sum public (announced, promised, pledged, unveiled) name one event: "announced the
$5 million on Monday" is compared with "promised $5 million on Tuesday".

This runs after `assess`, on a parse, for candidates of claims with numbers or
dates.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Token

from bot.check.claims import LIGHT_OBJECTS, LIGHT_VERBS, Claim
from bot.language.clock_times import clock_times
from bot.language.dates import MONTHS, WEEKDAYS, explicit_date_spans
from bot.check.parses import parsed
from bot.core.models import Reason
from bot.language.quantity_comparison import comparable, compare_quantities
from bot.check.retrieve import SYNONYMS, WORD, Candidate
from bot.check.stance import Assessment
from bot.check.rules.number_date_checks import states_another
from bot.check.rules.word_equivalence import same_stem

FACT_CODES = frozenset({"date_mismatch", "number_mismatch"})
# other people, or the opposite happening, on another day: another event
ANOTHER_EVENT = (frozenset({"entity_mismatch", "date_mismatch"}), frozenset({"antonym", "date_mismatch"}))
# modifiers that single out one of several like events: "the previous strike", "its first round"
ORDINAL_ANCHORS = frozenset(
    "previous last earlier former prior first second third next original latest past".split()
)
UNIT_WORDS = frozenset(
    "second minute hour day week month year decade percent cent per % point time".split()
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SUBORDINATE = frozenset({"advcl", "relcl", "acl"})  # a clause about another moment


def _event_verb(token: Token) -> Token | None:
    """The verb a date hangs on: "stepped" for "on Wednesday" in "stepped in on Wednesday"."""
    current = token
    for _ in range(6):
        if current.pos_ == "VERB" or (current.pos_ == "AUX" and current.dep_ == "ROOT"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def dates_a_clause_of_its_own(candidate: Candidate, written: str, nlp: Language) -> bool:
    """A time or date in the source that hangs on a subordinate clause ("two hours after the
    leak began at 1:05 a.m."), not on the sentence's own event."""
    token = _number_token(parsed(candidate.text, nlp), written)
    verb = _event_verb(token) if token is not None else None
    return verb is not None and verb.dep_ in SUBORDINATE


def _date_tokens(doc: Doc) -> list[Token]:
    """Tokens naming a day: weekdays and the heads of written-out dates."""
    return [token for _, token in _days(doc)]


# Verbs of one act, making public a sum or a plan: "announced the $5 million" and "promised
# $5 million" are the same event when their object is the same (the alignment has matched it).
ANNOUNCING = frozenset("announce unveil promise pledge vow commit earmark".split())


def _same_event(a: str, b: str) -> bool:
    return (
        a == b
        or b in SYNONYMS.get(a, ())
        or same_stem(a, b)
        or (a in ANNOUNCING and b in ANNOUNCING)
    )


def announcement_stated(claim: Claim, candidate: Candidate) -> set[str]:
    """The claim's announcing verb, when the source announces the claim's object with another.

    "Ruiz announced the $5 million" against "Ruiz promised $5 million", "announced a
    flood plan" against "unveiled a flood plan": the verb is stated; its day and its
    number are then compared as the same event's.
    """
    if claim.predicate not in ANNOUNCING:
        return set()
    lemmas = set(candidate.lemmas.lower().split())
    if not ANNOUNCING & lemmas:
        return set()
    same_sum = any(comparable(s, w) for s in claim.quantities for w in candidate.quantities)
    others = [k for k in claim.key_lemmas if k != claim.predicate]
    if not same_sum and not (others and all(k in lemmas for k in others)):
        return set()  # the source announces something else
    return {claim.predicate}


def _dates_a_noun(token: Token) -> bool:
    """ "the call on Tuesday": the day belongs to the call, whatever verb follows."""
    head = token.head
    return head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN") and head.head is not token


def _claim_event_verb(claim: Claim, nlp: Language) -> Token | None:
    """The verb the claim's day hangs on; None when the day dates a noun or nothing."""
    doc = parsed(claim.content, nlp)
    for token in _date_tokens(doc):
        if _dates_a_noun(token):
            return None
        verb = _event_verb(token)
        if verb is not None:
            return verb
    return None


def _event_nouns(verb: Token) -> set[str]:
    """The noun that names a light verb's event: "strike" in "went on strike", "meeting" in
    "held a meeting"; a source may write that event as the noun alone ("the strike began")."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return set()
    return {
        o.lemma_.lower()
        for o in _objects(verb)
        if o.pos_ == "NOUN" and o.lemma_.lower() not in LIGHT_OBJECTS
    }


def _event_namer(claim: Claim, nlp: Language) -> Callable[[Token], bool] | None:
    """Whether a source token names the claim's dated event: its verb ("began"), or for a light
    verb the noun that names the event ("went on strike": the strike, not any going)."""
    verb = _claim_event_verb(claim, nlp)
    if verb is None:
        return None
    event, nouns = verb.lemma_.lower(), _event_nouns(verb)
    if nouns:
        return lambda token: token.lemma_.lower() in nouns and token.pos_ in ("NOUN", "VERB")
    return lambda token: token.pos_ == "VERB" and _same_event(event, token.lemma_.lower())


def _dates_the_event(token: Token, names_event: Callable[[Token], bool]) -> bool:
    """A day token on the claim's event: its verb is the event, or takes it as subject, object
    or prepositional object ("the strike began Monday", "discuss it at a meeting Thursday").
    A day ending a participle that modifies a noun may date the verb the noun belongs to: the
    parser's attachment there is a guess ("stopped accepting dogs surrendered by their owners
    on Saturday": the stopping, read as the surrendering)."""
    verb = _event_verb(token)
    verbs = [verb, _governing_verb(verb)] if verb is not None else []
    return any(v is not None and any(names_event(t) for t in [v, *_actors(v)]) for v in verbs)


def _governing_verb(verb: Token) -> Token | None:
    """The verb whose noun a participle without a subject of its own modifies ("accepting"
    for "dogs surrendered ..."); None for any other verb."""
    if verb.dep_ not in ("acl", "amod") or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return _event_verb(verb.head)


def date_of_another_event(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """The source states the claim's event, but its dates hang on other verbs: "sat down with a
    mediator Thursday for the first time since the bus strike began" does not date the strike.
    A light verb's event unnamed ("went to the clinic Tuesday" for "went on strike") is
    another event too."""
    names_event = _event_namer(claim, nlp)
    if names_event is None:
        return False
    doc = parsed(candidate.text, nlp)
    if not any(names_event(t) for t in doc):
        verb = _claim_event_verb(claim, nlp)
        return verb is not None and bool(_event_nouns(verb))
    return not any(_dates_the_event(t, names_event) for t in _date_tokens(doc))


def day_of_another_verb(claim: Claim, candidate: Candidate, nlp: Language) -> bool:
    """The source writes the claim's day, but on a verb the claim does not write, and does not
    write the claim's own dated verb: "addressed the crowd on Wednesday" does not date "was
    held in the crowd on Wednesday". Whether the two verbs tell one event is a paraphrase only
    a reader can vouch for; a second reading that leans on the day to call them one is not."""
    verb = _claim_event_verb(claim, nlp)
    if verb is None:
        return False
    claim_doc = parsed(claim.content, nlp)
    said = [day for day, token in _days(claim_doc) if _on_verb(token, verb)]
    doc = parsed(candidate.text, nlp)
    if not said or any(t.pos_ == "VERB" and _same_event(verb.lemma_.lower(), t.lemma_.lower()) for t in doc):
        return False
    # its verbs and nouns: "went on ambulance diversion" names what "were diverted" does
    claim_words = {t.lemma_.lower() for t in claim_doc if t.pos_ in ("VERB", "NOUN")}
    dating = [_event_verb(token) for day, token in _days(doc) if any(_written_alike(s, day) for s in said)]
    return bool(dating) and all(
        v is not None and not any(_same_event(c, v.lemma_.lower()) for c in claim_words) for v in dating
    )


def _objects(verb: Token) -> list[Token]:
    """A verb's object and its prepositions' objects ("held a meeting", "went on strike")."""
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for c in verb.children if c.dep_ == "prep"]
    return direct + [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _actors(verb: Token) -> list[Token]:
    """What a verb's day may date besides the verb: its subject and its objects ("the strike
    began", "discuss the fire at a special meeting Thursday")."""
    return [c for c in verb.children if c.dep_ in _SUBJECTS] + _objects(verb)


def _day_on_the_claims_event(
    claim: Claim, candidate: Candidate, found: Assessment, nlp: Language
) -> Assessment | None:
    """A support whose day hangs on another verb than the claim's, when the source writes that
    verb: "stepped in on Wednesday, two days after the stoppage began on Monday" does not say
    the stepping in was on Monday -- it says Wednesday; "will begin installing on Oct. 1, and
    the work is expected to be finished by Oct. 25" does not start it on Oct. 25."""
    names_event = _event_namer(claim, nlp)
    if names_event is None or not (claim.weekdays or claim.dates):
        return found
    doc = parsed(candidate.text, nlp)
    if not any(names_event(t) for t in doc):
        return found
    written = _days(doc)
    own = [day for day, token in written if _dates_the_event(token, names_event)]
    verb = _claim_event_verb(claim, nlp)
    said_days = [day for day, token in _days(parsed(claim.content, nlp)) if _on_verb(token, verb)]
    dated = any(_written_alike(said, day) for said in said_days for day in own)
    for said in said_days:
        alike = [day for day in own if _is_weekday(day) == _is_weekday(said)]  # like with like
        if any(_written_alike(said, day) for day in alike):
            continue
        if dated and any(_written_alike(said, day) for day, _ in written):
            continue  # "voted on Nov. 18 ..., effective Jan. 1": the event's day is stated, and so is this one
        if alike:
            detail = f"claim: {said}; source: {alike[0]}"
            return found.model_copy(
                update={"stance": "conflicts", "reasons": [Reason(code="date_mismatch", detail=detail)]}
            )
        if _is_weekday(said):
            return None  # the source's weekday dates another verb
    return found


def _is_weekday(day: str) -> bool:
    return day.lower() in WEEKDAYS


def _days(doc: Doc) -> list[tuple[str, Token]]:
    """The days a text names, as written ("Monday", "Oct. 25"), each with its token."""
    found = [(t.text.capitalize().rstrip("s"), t) for t in doc if t.lower_.rstrip("s") in WEEKDAYS]
    for start, end, *_ in explicit_date_spans(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.append((doc.text[start:end], span.root))
    return found


def _written_alike(one: str, other: str) -> bool:
    """Two days written alike: a weekday, or a date's month and day ("Oct. 25", "October 25")."""
    a, b = explicit_date_spans(one), explicit_date_spans(other)
    if a and b:
        return a[0][3:] == b[0][3:]
    return one.lower() == other.lower()


def _on_verb(token: Token, verb: Token | None) -> bool:
    """The claim's day dates its event's verb ("lifted ... on Saturday"), not another verb of it
    ("after samples taken Thursday")."""
    own = _event_verb(token)
    return verb is not None and own is not None and own.i == verb.i


def claim_anchors(claim: Claim) -> list[str]:
    """The claim's years and "previous/first ..." words: which of several like events it means."""
    anchors = [str(y) for y in claim.years]
    content = [w.lower().strip("'’") for w in WORD.findall(claim.content)]
    anchors += [
        w
        for w, after in zip(content, content[1:] + [""])
        if w in ORDINAL_ANCHORS and after.isalpha() and after not in ("year", "week", "month")
        and after not in MONTHS and after not in WEEKDAYS  # "past January 15": a time, no anchor
    ]
    return anchors


ASIDES = frozenset({"appos", "relcl", "acl", "advcl", "conj", "cc"})  # about something else


def _words(text: str) -> set[str]:
    return {w.lower().strip("'’") for w in WORD.findall(text)}


def _number_token(doc: Doc, written: str) -> Token | None:
    at = doc.text.lower().find(written.lower())
    if at < 0:
        return None
    span = doc.char_span(at, at + len(written), alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.like_num or t.pos_ == "NUM"), span.root)


def _measured_phrase(number: Token) -> tuple[Token, set[Token]]:
    """The words that say which thing a number measures, and when.

    "a 48-hour walkout, the first since the previous stoppage" -> "a 48-hour
    walkout" (an apposition or a relative clause is about something else);
    "In 2011 the previous stoppage lasted six days" -> the subject of "lasted"
    and the verb's own "in 2011".
    """
    token, verb = number, None
    for _ in range(6):
        head = token.head
        if head is token:
            break
        if token.lemma_.lower() in UNIT_WORDS:
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            objects = [g for g in of.children if g.dep_ == "pobj"] if of is not None else []
            if objects:
                token = objects[0]
                break
        if head.pos_ in ("VERB", "AUX"):
            verb = head
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            relative = subject is not None and subject.lower_ in ("who", "which", "that")
            if relative and head.dep_ == "relcl":
                subject = head.head
            token = subject if subject is not None else head
            break
        token = head
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in UNIT_WORDS:
            if (token.dep_ == "dobj" or token.dep_ in _SUBJECTS) and token.head.pos_ in ("VERB", "AUX"):
                verb = token.head  # "recorded 14 events in 2025": the verb's time dates them too
            break
    phrase: set[Token] = set()
    stack = [token]
    while stack:
        current = stack.pop()
        phrase.add(current)
        stack.extend(c for c in current.children if c.dep_ not in ASIDES and c not in phrase)
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod") and child.lower_ in ("in", "during"):
                phrase.update(child.subtree)
    return token, phrase


def _said_by(number: Token) -> set[str]:
    """The subjects of the clauses the number is reported in: "A 2023 report ... warned that
    41 percent of trusts ..." gives its 41 percent to the 2023 report. An aside ("a 48-hour
    walkout, the first since the stoppage in 2011") stops the climb."""
    words: set[str] = set()
    token = number
    while token.head.i != token.i and token.dep_ not in ASIDES:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    words |= {t.lower_.strip("'’") for t in child.subtree}
    return words


def _anchors_missing_at(claim: Claim, doc: Doc, written: str) -> bool:
    """The source number written so measures another one of like things than the claim's.

    Either the claim's anchors are not in the number's phrase ("the previous
    stoppage, in 2011" against "a 48-hour walkout"), or the phrase singles out
    one the claim does not ("the last strike lasted nine days" against "a
    four-day strike").
    """
    anchors = claim_anchors(claim)
    number = _number_token(doc, written)
    if number is None:
        return any(a not in _words(doc.text) for a in anchors)
    measured, phrase = _measured_phrase(number)
    words = {t.lower_.strip("'’") for t in phrase} | _said_by(number)
    if any(a not in words for a in anchors):
        return True
    singled_out = {
        t.lower_
        for t in measured.subtree
        if t.i < measured.i and t.dep_ == "amod" and t.lower_ in ORDINAL_ANCHORS
    }
    return bool(singled_out - set(anchors))


def _measures_another_thing(claim: Claim, doc: Doc, said: str, wrote: str, nlp: Language) -> bool:
    """ "The meeting lasted 90 minutes" against "a 48-hour walkout after weeks of talks":
    the source speaks of the meeting (as talks), but its number measures the walkout."""
    claim_doc = parsed(claim.content, nlp)
    claim_number = _number_token(claim_doc, said)
    source_number = _number_token(doc, wrote)
    if claim_number is None or source_number is None:
        return False
    thing, _ = _measured_phrase(claim_number)
    other, _ = _measured_phrase(source_number)
    if thing.pos_ not in ("NOUN", "PROPN") or other.pos_ not in ("NOUN", "PROPN"):
        return False
    if source_number not in set(other.subtree):
        return False  # "the union wants 12 percent": the verb's subject is not what is measured
    if claim_number not in set(thing.subtree) and thing.head.lemma_.lower() not in LENGTH_VERBS:
        return False  # "Trump spoke for 90 minutes": the subject is who, not what lasted
    if thing.lemma_.lower() in UNIT_WORDS or other.lemma_.lower() in UNIT_WORDS:
        return False
    name, named = thing.lemma_.lower(), other.lemma_.lower()
    if _same_event(name, named):
        return False
    return any(_same_event(name, t.lemma_.lower()) for t in doc if t.pos_ in ("NOUN", "PROPN"))


def _source_number(detail: str) -> str:
    return detail.split("source:", 1)[-1].strip() if "source:" in detail else ""


def _support_anchored(claim: Claim, candidate: Candidate, doc: Doc) -> bool:
    """Each claim number is matched by a source number that measures the anchored thing."""
    for said in claim.quantities:
        same = [
            q
            for q in candidate.quantities
            if comparable(said, q) and compare_quantities(said, q).relation == "consistent"
        ]
        if same and all(_anchors_missing_at(claim, doc, q.text) for q in same):
            return False
    return True


LENGTH_VERBS = frozenset({"last", "take", "run", "continue", "span", "stretch"})
LIGHT_EVENTS = frozenset({"be", "have", "do", "get", "make", "take", "say"})


def _verb_of_number(doc: Doc, written: str) -> Token | None:
    number = _number_token(doc, written)
    return _event_verb(number) if number is not None else None


def numbers_on_the_claims_event(
    claim: Claim, candidate: Candidate, nlp: Language
) -> dict[str, tuple[str, str]]:
    """Per claim number: what the source says on the claim's own verb.

    "Management offered 6 percent, while the union wants 12 percent": the 12
    percent hangs on "wants", so it neither supports "management offered 12
    percent" nor is it the number to compare; the 6 percent on "offered" is.
    Returns {claim number: ("consistent" | "mismatch" | "unstated", source number)}
    only for numbers whose verb the source writes.
    """
    claim_doc = parsed(claim.content, nlp)
    doc = parsed(candidate.text, nlp)
    found: dict[str, tuple[str, str]] = {}
    for said in claim.quantities:
        verb = _verb_of_number(claim_doc, said.text)
        if verb is None or verb.lemma_.lower() in LIGHT_EVENTS:
            continue
        event = verb.lemma_.lower()
        if not any(t.pos_ == "VERB" and _same_event(event, t.lemma_.lower()) for t in doc):
            continue
        own = []
        for wrote in candidate.quantities:
            if not comparable(said, wrote) or states_another(claim, said, wrote):
                continue  # "31 of the roughly 1,900 animals": the source's 1,900 is not its 31
            source_verb = _verb_of_number(doc, wrote.text)
            if source_verb is not None and _same_event(event, source_verb.lemma_.lower()):
                own.append(wrote)
        if not own:
            found[said.text] = ("unstated", "")
            continue
        relations = [compare_quantities(said, wrote) for wrote in own]
        if any(r.relation == "consistent" for r in relations):
            found[said.text] = ("consistent", own[0].text)
        elif any(r.relation == "mismatch" for r in relations):
            found[said.text] = ("mismatch", own[0].text)
    return found


def _claim_number(detail: str) -> str:
    return detail.split(";", 1)[0].removeprefix("claim:").strip()


def _on_own_number(reason: Reason, own: dict[str, tuple[str, str]]) -> Reason:
    """A number conflict names the source number on the claim's verb: "the employer offered
    6 percent" against "the union demanded 9 percent, and the employer offered 4" is 6 vs 4.
    A denial of the claim's own figure ("571, not 612") says it already."""
    said = _claim_number(reason.detail)
    relation, wrote = own.get(said, ("", ""))
    if reason.code != "number_mismatch" or relation != "mismatch" or reason.denies_claim:
        return reason
    return Reason(code="number_mismatch", detail=f"claim: {said}; source: {wrote}")


def _on_the_claims_event(
    claim: Claim, candidate: Candidate, found: Assessment, nlp: Language
) -> Assessment | None:
    """A support or a number conflict re-read with the numbers that hang on the claim's verb."""
    own = numbers_on_the_claims_event(claim, candidate, nlp)
    if not own:
        return found
    if found.stance == "supports":
        # a number on another verb may still describe the claim's event ("spoke in a call
        # lasting 90 minutes"): only a different number on the claim's own verb overturns it
        mismatches = [
            Reason(code="number_mismatch", detail=f"claim: {said}; source: {wrote}")
            for said, (relation, wrote) in own.items()
            if relation == "mismatch"
        ]
        if mismatches:
            return found.model_copy(update={"stance": "conflicts", "reasons": mismatches})
        return found
    reasons = [
        _on_own_number(r, own)
        for r in found.reasons
        if r.code != "number_mismatch"
        or own.get(_claim_number(r.detail), ("mismatch", ""))[0] != "consistent"
    ]
    if reasons == found.reasons:
        return found
    return found.model_copy(update={"reasons": reasons}) if reasons else None


def check_event_facts(
    claim: Claim, candidate: Candidate, found: Assessment, nlp: Language
) -> Assessment | None:
    """Drop date and number conflicts that belong to another event; None when nothing is left.

    A support resting on the claim's number is none when the source lacks the
    claim's anchors: "a 96-hour strike" does not state that "the last strike
    lasted four days".
    """
    if claim.quantities and (
        found.stance == "supports"
        or any(r.code == "number_mismatch" for r in found.reasons)
    ):
        refined = _on_the_claims_event(claim, candidate, found, nlp)
        if refined is None:
            return None
        found = refined
    if found.stance == "supports":
        refined = _day_on_the_claims_event(claim, candidate, found, nlp)
        if refined is None or refined.stance == "conflicts":
            return refined
        if claim.quantities:
            doc = parsed(candidate.text, nlp)
            return found if _support_anchored(claim, candidate, doc) else None
        return found
    if found.stance != "conflicts" or not any(r.code in FACT_CODES for r in found.reasons):
        return found
    reasons = list(found.reasons)
    if any(r.code == "number_mismatch" for r in reasons):
        doc = parsed(candidate.text, nlp)
        reasons = [
            r
            for r in reasons
            if r.code != "number_mismatch"
            or not (
                _anchors_missing_at(claim, doc, _source_number(r.detail))
                or _measures_another_thing(
                    claim, doc, _claim_number(r.detail), _source_number(r.detail), nlp
                )
            )
        ]
    days = [r for r in reasons if r.code == "date_mismatch" and not clock_times(r.detail)]
    if any(
        r.code == "number_mismatch" and _figure_of_another_day(claim, candidate, r.detail, nlp)
        for r in reasons
    ):
        return None  # "about 60 people spent Thursday night" against Sunday's 340: another night
    aside = [r for r in days if _claims_aside_day(claim, candidate, r.detail, nlp)]
    reasons = [r for r in reasons if r not in aside]
    days = [r for r in days if r not in aside]
    if days and (claim.weekdays or claim.dates) and date_of_another_event(claim, candidate, nlp):
        reasons = [r for r in reasons if r not in days]  # another day: a time of day is not one
    if reasons == found.reasons:
        return found
    if not reasons:
        return None  # the source dates or counts something else: merely related
    return found.model_copy(update={"reasons": reasons})


def _claims_aside_day(claim: Claim, candidate: Candidate, detail: str, nlp: Language) -> bool:
    """The claim's day dates a clause of its own whose verb the source does not write: "far more
    than the $3 million figure the director gave on Monday" dates the giving, not the estimate
    a sentence about the estimate states."""
    said = _claim_number(detail)
    tokens = [t for day, t in _days(parsed(claim.content, nlp)) if _written_alike(said, day)]
    doc = parsed(candidate.text, nlp)
    for token in tokens:
        verb = _event_verb(token)
        if verb is None or verb.dep_ not in SUBORDINATE:
            return False
        if any(t.pos_ == "VERB" and _same_event(verb.lemma_.lower(), t.lemma_.lower()) for t in doc):
            return False
    return bool(tokens)


def _figure_of_another_day(claim: Claim, candidate: Candidate, detail: str, nlp: Language) -> bool:
    """The differing figures are each dated on their own verb, and the days differ: a count
    taken on another day ("the lake was about 17 feet below normal on Tuesday" against "11
    feet below by Wednesday evening"), not a different count of the same moment. A day on
    another verb ("raised its offer to 11 percent, up from the 9 percent it put on the table
    Sunday") dates nothing here."""
    said = _days_of_number(parsed(claim.content, nlp), _claim_number(detail))
    wrote = _days_of_number(parsed(candidate.text, nlp), _source_number(detail))
    alike = [(a, b) for a in said for b in wrote if _is_weekday(a) == _is_weekday(b)]  # like with like
    return bool(alike) and not any(_written_alike(a, b) for a, b in alike)


def _days_of_number(doc: Doc, written: str) -> list[str]:
    """The days written on the verb a figure hangs on, or else on the verb whose clause that
    verb's is ("said Tuesday the shelter held 149 dogs": a state told on Tuesday)."""
    verb = _verb_of_number(doc, written)
    while verb is not None:
        days = [day for day, token in _days(doc) if _on_verb(token, verb)]
        if days or verb.dep_ != "ccomp" or verb.head.pos_ != "VERB":
            return days
        verb = verb.head
    return []


def another_event(found: Assessment | None) -> bool:
    """Other people, or the opposite happening, *and* another day: the source reports a
    different event, which says nothing against the claim ("Trevor Noah on Thursday showed
    ..." against a claim about Putin on Sunday; a shelter "opened" on Tuesday against one
    that closed on Thursday)."""
    codes = {r.code for r in found.reasons} if found is not None and found.stance == "conflicts" else set()
    return any(event <= codes for event in ANOTHER_EVENT)
