"""Claims: one check-worthy sentence parsed into the `Claim` the check works on.

Who is said to speak, the content, its names, numbers, dates, negations and key words.
Each claim is parsed once with spaCy; everything later in the check works on the `Claim`
model, so no spaCy runs per candidate. Which sentences of a message are claims is
`claim_selection`'s business.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from pydantic import BaseModel, Field
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from bot.language import facts
from bot.core.models import Entity, Quantity
from bot.check.parses import parsed
from bot.language.negation import COMPARATIVE_BOUND, DENIED_FIGURE, is_negated
from bot.language.paraphrases import INTENSIFIERS
from bot.language.quote_cues import joins_a_name
from bot.language.reporting_verbs import introduces_clause
from bot.language.speakers import ROLE_NOUNS, TITLE_WORDS, SpeakerResolver, role_words

# Reporting verbs: "X said ..." attributes the rest of the sentence to X.
NEUTRAL_SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "state",
        "add",
        "write",
        "claim",
        "explain",
        "note",
        "stress",
        "emphasize",
        "emphasise",
        "insist",
        "declare",
        "assert",
        "reiterate",
        "underline",
        "remark",
        "argue",
        "tweet",
        "post",
        "announce",
        "mention",
        "suggest",
        "confirm",
        "point",
        "tell",
        "report",
        "warn",
        "acknowledge",
        "admit",
        "told",
    ]
)
# Verbs that attribute AND carry meaning ("vowed to end ..."): the speaker is
# recorded, but the verb stays part of what is checked.
CONTENT_SPEECH_VERBS = frozenset(
    [
        "vow",
        "promise",
        "pledge",
        "deny",
        "threaten",
        "predict",
        "urge",
        "call",
        "agree",
        "refuse",
        "reject",
        "accuse",
        "describe",  # "described the mayor as 'the best planner'": words put on someone
        "dub",
        "label",
    ]
)
SPEECH_VERBS = NEUTRAL_SPEECH_VERBS | CONTENT_SPEECH_VERBS

NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}
)
NAME_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
        "PRODUCT",
        "LAW",
        "WORK_OF_ART",
    }
)
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
KEY_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})
# Verbs too light to carry a claim ("took place", "held talks", "made it clear").
LIGHT_OBJECTS = frozenset(["place", "part", "sense", "note", "effect"])
LIGHT_VERBS = frozenset(
    [
        "be",
        "have",
        "do",
        "take",
        "make",
        "get",
        "give",
        "go",
        "come",
        "hold",
        "put",
        "keep",
        "let",
        "seem",
        "become",
    ]
)

QUOTE_PATTERN = re.compile(
    r"[\"“”„«»]([^\"“”„«»]{2,}?)[\"“”„«»]|(?<![\w])['‘]([^'‘’]{3,}?)['’](?![\w])"
)
COLON_ATTRIBUTION = re.compile(
    r"^\s*(?P<speaker>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s*[\"“](?P<words>.+?)[\"”]?\s*$",
    re.DOTALL,
)
# Stop words that carry what is claimed ("2 percent is not enough").
MEANINGFUL_STOP_WORDS = frozenset(["enough", "against", "together", "alone"])
# Verbs that only carry a duration ("the talks lasted three hours"): the number is the claim.
DURATION_VERBS = frozenset(["last", "take", "continue", "run", "span", "stretch", "spend"])
DURATION_UNITS = frozenset(["minute", "day", "month", "year"])
# Words after "not" that do not name what is denied ("not be", "not to the").
NEGATION_FILLER = frozenset(
    ["the", "a", "an", "to", "of", "and", "or", "be", "is", "are", "was", "were", "been", "being", "will", "would", "should", "could", "can", "may", "might", "must", "shall", "it", "there", "that", "this", "these", "those", "in", "on", "at", "for", "by", "with", "as", "its", "their", "his", "her", "our", "your", "any", "all", "some", "also", "even", "very", "so", "have", "has", "had", "do", "does", "did", "yet", "ever"]
)
NEGATION_PATTERN = re.compile(
    r"\b(?:not|never|no|nor|neither|none|nobody|nothing|cannot|no longer)\b|n[’']t\b",
    re.IGNORECASE,
)
# Idioms, and a bound written with a comparative ("no more than 30 percent"), which negate nothing
NEGATION_IDIOMS = re.compile(
    rf"\bnot (?:only|just)\b|\bno doubt\b|\bnothing but\b|{COMPARATIVE_BOUND.pattern}"
    # "did not stop until 11 a.m.": when it stopped, not whether ("kept up until late morning")
    r"|\b(?:not|never)\s+(?:\w+\s+){0,2}until\b|n[’']t\s+(?:\w+\s+){0,2}until\b"
    rf"|{DENIED_FIGURE.pattern}",
    re.IGNORECASE,
)


class Claim(BaseModel):
    """One check-worthy statement, parsed once, compared with many candidates."""

    text: str  # the sentence as the user wrote it
    content: str  # what is claimed, with "X said" stripped
    quoted: list[str] = Field(
        default_factory=list
    )  # words the claim puts in quotation marks
    speaker: str | None = None  # canonical person the claim attributes words to
    speaker_mention: str | None = None
    speaker_role: list[str] = Field(
        default_factory=list
    )  # "the Ukrainian president": an office, resolved against the sources' people
    key_lemmas: list[str] = Field(
        default_factory=list
    )  # content words of `content`, lower-case
    lemmas: list[str] = Field(
        default_factory=list
    )  # all alphanumeric lemmas of `content`
    names: list[Entity] = Field(
        default_factory=list
    )  # named things the source must mention
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[dt.date] = Field(default_factory=list)
    dates_with_year: list[dt.date] = Field(
        default_factory=list
    )  # those of `dates` the claim writes with a year: only their year is compared
    weekdays: list[str] = Field(default_factory=list)
    negated: bool = False
    predicate: str | None = (
        None  # lemma of the main verb a source must state (or oppose)
    )
    years: list[int] = Field(
        default_factory=list
    )  # "in 2020": years as dates, not quantities
    negated_words: list[str] = Field(
        default_factory=list
    )  # lemmas the claim's "not" denies ("not enough" -> ["enough"]): a source must state them
    adjunct_lemmas: list[str] = Field(
        default_factory=list
    )  # words of a circumstance a reporter adds ("after his speech"): they may go unstated
    topic_names: list[str] = Field(
        default_factory=list
    )  # names the claim is about, not who acts ("a complaint about NATO"): a source may
    # name them in the sentence before
    co_speakers: list[str] = Field(
        default_factory=list
    )  # "Trump and Putin agreed ...": the others of a coordinated subject; a quote of any speaks
    addressees: list[Entity] = Field(
        default_factory=list
    )  # organisations outside what is claimed ("told The Boston Herald"): a source need not
    # name them, but one naming another in their place contradicts the claim
    office_swap: str | None = None  # set at check time (speaker_roles.check_office): how the
    # sources introduce the speaker when the claim gives them another office
    question: bool = False  # the user asked it ("Did X say ...?"): reported as a question
    asked_whether: str | None = None  # the statement a yes/no question asks about (= content checked)


def negation_words(text: str) -> list[str]:
    """Negation cues written in `text` ("not", "never", "n't"), idioms such as "not only" excluded."""
    cleaned = NEGATION_IDIOMS.sub(" ", text)
    return [m.group(0).lower() for m in NEGATION_PATTERN.finditer(cleaned)]


def speech_verb(sent: Span) -> Token | None:
    """The reporting verb whose subject names a person ("Hegseth said"), if any."""
    for token in sent:
        if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in (
            "VERB",
            "AUX",
        ):
            continue
        children = {c.dep_ for c in token.children}
        if "prt" in children and not children & {"ccomp", "xcomp"}:
            continue  # a phrasal verb reporting nothing: "the fair had been called off"
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and any(
            t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in _naming_words(subjects[0])
        ):
            return token  # a surname the tagger reads as a noun is still named ("Morales said")
        if subjects and _describes_office(subjects[0]):
            return token  # "the Ukrainian president said", "the NATO chief said"
    return None


def _naming_words(subject: Token) -> list[Token]:
    """The subject's words that may name its person: not a place or body a preposition
    attaches to a common noun ("Officers in Dunmore County are writing tickets" names no one)."""
    if subject.pos_ == "PROPN":
        return list(subject.subtree)
    placed = {t.i for c in subject.children if c.dep_ == "prep" for t in c.subtree}
    return [t for t in subject.subtree if t.i not in placed]


def _describes_office(subject: Token) -> bool:
    """A subject naming a person by office: a role noun with a qualifier ("Ukrainian president")
    or the place or body it serves ("the mayor of Dunmore")."""
    return subject.lemma_.lower() in ROLE_NOUNS and any(
        c.dep_ in ("amod", "compound", "poss")
        or (c.dep_ == "prep" and any(t.pos_ == "PROPN" for t in c.subtree))
        for c in subject.children
    )



def _quoted_words(text: str) -> list[str]:
    found = []
    for match in QUOTE_PATTERN.finditer(text):
        words = (match.group(1) or match.group(2) or "").strip(" ,.;:")
        if len(words.split()) >= 2:
            found.append(words)
    return found


def _attribution(sent: Span) -> tuple[str | None, str, str | None]:
    """(speaker mention, content, name) of a sentence; the mention is None when nothing is
    attributed. The name is the mention without what an apposition or relative clause says
    of the person ("Marcus Feld, chief executive of the Port of Ardmore Authority, said": the
    speaker is Marcus Feld, not the authority the mention ends with); None when it has none."""
    text = sent.text.strip()
    colon = COLON_ATTRIBUTION.match(text)
    if colon:
        mention = colon.group("speaker").strip()
        words = colon.group("words").strip().rstrip('"”').strip()
        if any(
            t.pos_ == "PROPN" for t in sent if t.idx - sent.start_char < len(mention)
        ):
            return mention, words, None
    verb = speech_verb(sent)
    if verb is None:
        return None, text, None
    subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    others = {t.i for c in subject.children if c.dep_ == "conj" for t in c.subtree}
    described = {
        t.i for c in subject.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree
    } if subject.pos_ == "PROPN" else set()
    words = [
        t
        for t in subject.subtree
        if (t.pos_ in ("PROPN", "NOUN", "ADJ") or joins_a_name(t)) and t.i not in others
    ]
    mention = _name_text(words)
    name = _name_text([t for t in words if t.i not in described]) if described else None
    keep_verb = verb.lemma_.lower() in CONTENT_SPEECH_VERBS
    complements = [
        c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis", "dobj")
    ]
    complement = next((c for c in complements if c.dep_ == "ccomp"), None) or (
        complements[0] if complements else None
    )
    if complement is not None and complement.dep_ == "dobj" and _day_adjuncts(verb):
        keep_verb = True  # "announced the $5 million on Monday": a dated act, not a report
    if complement is not None and not keep_verb:
        told = [complement]
        if complement.dep_ == "dobj":  # "told people to boil water": the object and its infinitive
            told += [c for c in complements if c.dep_ == "xcomp"]
        tokens = [
            t
            for part in told
            for t in part.subtree
            if not (t.dep_ == "mark" and t.lower_ == "that")
        ]
        content = _span_text(tokens)
    else:
        dropped = {t.i for t in subject.subtree}
        if not keep_verb:
            dropped.add(verb.i)
        content = _span_text([t for t in sent if t.i not in dropped])
    content = content.strip(" ,:;") or text
    return mention or None, content, name or None


def _name_text(tokens: list[Token]) -> str:
    """The words of a mention, spaced as written where they are adjacent ("Kowal-Brzeska"
    stays one word), one space where words were left out between them."""
    text = ""
    for k, token in enumerate(tokens):
        text += token.text
        if k + 1 < len(tokens):
            adjacent = tokens[k + 1].i == token.i + 1
            text += token.whitespace_ if adjacent else " "
    return text


def _day_adjuncts(verb: Token) -> list[Token]:
    """The verb's own "on Monday", "on March 10": when it announced, not what it said."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod")
        and any(t.ent_type_ == "DATE" for t in c.subtree)
    ]


# light verbs whose particle makes them a content verb, as the lemma sources use
PHRASAL_VERBS = {("take", "back"): "retake", ("win", "back"): "retake", ("get", "back"): "retake"}


# Verbs that only bring an event noun into being ("called a strike", "staged a walkout"):
# sources say "began", "launched" or "went on" the same strike. ("staged" lemmatises as "stag".)
EVENT_VERBS = frozenset(["call", "stage", "hold", "launch", "mount", "announce", "begin", "start"])
EVENT_NOUNS = frozenset(
    "strike walkout stoppage protest rally boycott shutdown blockade demonstration "
    "march sit-in lockout".split()
)


def _names_an_event(verb: Token) -> bool:
    """ "staged a 48-hour walkout": the event's size is claimed, the verb only brings it in
    (not "called off the strike": the particle changes the verb; nor a strike without a
    number, where the verb is all that is claimed)."""
    if verb.pos_ != "VERB" or any(c.dep_ == "prt" for c in verb.children):
        return False
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in EVENT_NOUNS
        and any(t.like_num or t.pos_ == "NUM" for t in c.subtree)
        for c in verb.children
    )


CAPTIVITY_WORDS = frozenset(
    ["captive", "hostage", "prisoner", "custody", "detention", "incommunicado"]
)


def _held_captive(token: Token) -> bool:
    """ "was held for six years", "held hostage", "held in custody": someone detained."""
    words = {t.lemma_.lower() for t in token.subtree}
    if words & CAPTIVITY_WORDS:
        return True
    passive = any(c.dep_ == "auxpass" for c in token.children)
    spans_time = any(
        c.lower_ == "for"
        and any(g.lemma_.lower() in DURATION_UNITS | {"week", "hour"} for g in c.children)
        for c in token.children
    )
    return passive and spans_time


def _particle(token: Token) -> str:
    """The particle of a phrasal verb ("take ... back"), or ""."""
    if token.pos_ != "VERB":
        return ""
    for child in token.children:
        if child.dep_ in ("prt", "advmod") and child.lower_ in ("back", "over", "out", "up", "off"):
            return child.lower_
    return ""


def _co_speakers(sent: Span) -> list[str]:
    """The other people of a coordinated speaking subject: "Trump and Putin agreed" -> ["Putin"].

    The claim is attributed to either of them, never to one person called "Trump Putin".
    """
    verb = speech_verb(sent)
    if verb is None:
        return []
    subject = next(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    found: list[str] = []
    for conj in subject.conjuncts:
        words = [
            t.text
            for t in conj.subtree
            if t is conj or (t.head is conj and t.dep_ == "compound" and t.pos_ == "PROPN")
        ]
        if conj.pos_ == "PROPN":
            found.append(" ".join(words))
    return found


def _addressees(sent: Span, content: str, mention: str | None) -> list[Entity]:
    """Organisations named outside the claimed content and the speaker ("told The Boston
    Herald", "in an interview with CNN")."""
    found: list[Entity] = []
    for ent in sent.ents:
        if ent.label_ != "ORG" or ent.text in content or (mention and ent.text in mention):
            continue
        name = re.sub(r"(?:['’]s|['’])$", "", ent.text).strip()
        found.append(Entity(text=name, label="ORG", canonical=facts.canonical_entity(name, "ORG")))
    return found


def _span_text(tokens: Iterable[Token]) -> str:
    return "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()


def _names(content_doc: Span | Doc, speaker_mention: str | None) -> list[Entity]:
    """Named things of the content: entities plus proper nouns spaCy left untagged."""
    names: list[Entity] = []
    covered: set[int] = set()
    speaker_words = set((speaker_mention or "").lower().split())
    for ent in content_doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        covered.update(range(ent.start, ent.end))
        if (
            ent.text.lower() in speaker_words
            or set(ent.text.lower().split()) <= speaker_words
            or ent.text.lower() == (speaker_mention or "").lower()
        ):
            continue
        names.extend(_joined_names(ent.text, ent.label_))
    for token in content_doc:
        if (
            token.pos_ == "PROPN"
            and token.i not in covered
            and token.text.lower() not in speaker_words
        ):
            if (
                token.lower_.rstrip(".") in TITLE_WORDS
            ):  # "President", "Secretary": roles, not names
                continue
            if token.text[:1].isupper() and token.ent_type_ not in NUMERIC_LABELS:
                names.append(
                    Entity(
                        text=token.text,
                        label="PROPN",
                        canonical=facts.canonical_entity(token.text, ""),
                    )
                )
    return names


JOINED_NAMES = re.compile(r"^[A-Z][\w.’']*(?:\s*[-–/]\s*[A-Z][\w.’']*)+$")


def _joined_names(text: str, label: str) -> list[Entity]:
    """ "Trump-Putin", "US-Russia", "Israel-Hamas": a compound of names is each name.

    A source names them apart ("President Donald Trump and ... Vladimir Putin"),
    so each must be found on its own. A single name is returned unchanged.
    """
    if not JOINED_NAMES.match(text):
        return [Entity(text=text, label=label, canonical=facts.canonical_entity(text, label))]
    parts = [p for p in re.split(r"\s*[-–/]\s*", text) if p]
    # the compound's label (ORG for "Trump-Putin") says nothing about each part
    part_label = label if label in ("GPE", "NORP", "LOC") else "PROPN"
    return [
        Entity(text=p, label=part_label, canonical=facts.canonical_entity(p, part_label))
        for p in parts
    ]


def parse_claim(
    sent: Span,
    *,
    nlp: Language,
    speakers: SpeakerResolver,
    today: dt.date | None = None,
) -> Claim:
    """Parse one sentence: quoted words, attributed speaker, names, numbers, dates, negation."""
    text = sent.text.strip()
    mention, content, name = _attribution(sent)
    speaker = None
    role = role_words(mention) if mention else []
    co_speakers: list[str] = []
    if mention and not role:
        speaker = speakers.canonical(name or mention) or _last_person(sent, mention)
        co_speakers = [speakers.canonical(m) or m for m in _co_speakers(sent)]
    quoted = _quoted_words(text)
    content_doc: Span | Doc = parsed(content, nlp) if content != text else sent
    negated = bool(negation_words(content)) and is_negated(content_doc)  # the parse confirms the words
    quantities = facts.extract_quantities(content_doc)
    has_duration = any(q.unit in DURATION_UNITS for q in quantities)
    key_lemmas = []
    lemmas = []
    for token in content_doc:
        if not (token.is_alpha or token.like_num):
            continue
        lemma = token.lemma_.lower()
        if has_duration and lemma in DURATION_VERBS and token.pos_ == "VERB":
            continue  # "lasted three hours": the duration is what is claimed, not "last"
        lemmas.append(lemma)
        if token.ent_type_ in NUMERIC_LABELS or token.like_num or facts.is_multiplier_word(token):
            continue  # the quantity states it ("tripled": three times)
        if lemma in MEANINGFUL_STOP_WORDS:
            key_lemmas.append(lemma)
            continue
        if (lemma in EVENT_VERBS or f"{lemma}e" in EVENT_VERBS) and _names_an_event(token):
            continue  # "staged a 48-hour walkout": the walkout is claimed, "staged" is its verb
        if lemma == "hold" and _held_captive(token):
            key_lemmas.append("detain")  # "was held for six years": a detention, not talks
            continue
        phrasal = PHRASAL_VERBS.get((lemma, _particle(token)))
        if phrasal:
            key_lemmas.append(phrasal)  # "take Crimea back": one verb, "retake"
            continue
        if token.is_stop or token.pos_ not in KEY_POS or len(lemma) < 2:
            continue
        if lemma in INTENSIFIERS and token.pos_ == "ADV":
            continue  # "perfectly adequate": the degree is no fact a source must repeat
        if lemma in NEUTRAL_SPEECH_VERBS and mention is None and token.dep_ == "ROOT":
            continue
        if introduces_clause(token):
            continue  # "an audit found that ...": the finding is claimed, not the verb
        if lemma in LIGHT_OBJECTS and token.head.lemma_.lower() in LIGHT_VERBS:
            continue  # "took place", "take part": the idiom, not a thing
        if lemma in LIGHT_VERBS and any(
            c.lemma_.lower() in LIGHT_OBJECTS and c.dep_ in ("dobj", "obj") for c in token.children
        ):
            continue  # ... nor its verb: "took place" claims no taking
        if lemma in ("mean", "means") and token.pos_ == "NOUN" and any(
            c.dep_ == "amod" for c in token.children
        ):
            continue  # "by military means" is "militarily": the adjective carries it
        key_lemmas.append(lemma)
    predicate = _predicate(content_doc, key_lemmas)
    reference = today or dt.date.today()
    date_texts = [e.text for e in content_doc.ents if e.label_ == "DATE"]
    weekdays = [w for w in facts.weekday_mentions(content_doc)]
    explicit = [
        t
        for t in date_texts
        if not any(w.lower() in t.lower() for w in WEEKDAYS)
        or facts.explicit_dates(t, reference)  # "Monday, March 10": the date is written too
    ]
    dates = facts.explicit_dates(content_doc.text, reference) if explicit else []
    return Claim(
        text=text,
        content=content,
        quoted=quoted,
        speaker=speaker,
        speaker_mention=mention,
        speaker_role=role,
        key_lemmas=list(dict.fromkeys(key_lemmas)),
        lemmas=lemmas,
        names=_names(content_doc, " ".join([mention or "", *co_speakers])),
        co_speakers=co_speakers,
        addressees=_addressees(sent, content, mention) if mention else [],
        topic_names=_topic_names(content_doc),
        adjunct_lemmas=_adjunct_lemmas(content_doc, key_lemmas),
        quantities=quantities,
        dates=dates,
        dates_with_year=[d for d in facts.explicit_dates_with_year(content_doc.text) if d in dates],
        weekdays=weekdays,
        negated=negated,
        negated_words=_negated_words(content_doc) if negated else [],
        predicate=predicate,
        years=sorted(
            {
                int(y)
                for t in date_texts
                for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", t)
            }
        ),
    )


# prepositions that open a circumstance of the event rather than its core
CIRCUMSTANCE_PREPS = frozenset(
    ["after", "before", "during", "following", "amid", "amidst", "despite", "ahead", "upon"]
)


def _adjunct_lemmas(content: Span | Doc, key_lemmas: list[str]) -> list[str]:
    """Content words of "after his speech", "during the visit": a paraphrase may leave them out.

    Names inside stay required (they are checked as names); only common words are optional.
    """
    found: list[str] = []
    for token in content:
        if token.dep_ != "prep" or token.lower_ not in CIRCUMSTANCE_PREPS:
            continue
        if token.head.pos_ not in ("VERB", "AUX"):
            continue
        for part in token.subtree:
            lemma = part.lemma_.lower()
            if part.ent_type_ or part.pos_ == "PROPN" or lemma not in key_lemmas:
                continue
            found.append(lemma)
    return list(dict.fromkeys(found))


TOPIC_DEPS = frozenset({"pobj", "dobj"})


def _topic_names(content: Span | Doc) -> list[str]:
    """Names in an object or prepositional phrase ("about NATO", "a NATO mission"), not subjects."""
    found: list[str] = []
    for ent in content.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        root = ent.root
        if root.dep_ in TOPIC_DEPS or (
            root.dep_ in ("compound", "amod", "poss") and root.head.dep_ in TOPIC_DEPS
        ):
            found.append(ent.text)
    return found


def _negated_words(content: Span | Doc) -> list[str]:
    """The first content lemma after each negation cue of a negated claim: what it denies."""
    tokens = [t for t in content if not (t.is_punct or t.is_space)]
    found: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower_.replace("’", "'")
        if low not in ("not", "n't", "never", "no", "cannot", "nor") and token.dep_ != "neg":
            continue
        nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if (low, nxt) in (("not", "only"), ("not", "just"), ("no", "doubt")):
            continue
        for following in tokens[i + 1 : i + 6]:
            lemma = following.lemma_.lower()
            if following.like_num or lemma in NEGATION_FILLER or not following.is_alpha:
                continue
            if lemma in LIGHT_VERBS or (following.is_stop and lemma not in MEANINGFUL_STOP_WORDS):
                continue  # "cannot go into NATO": what is denied is NATO, not "go"
            found.append(lemma)
            break
    return list(dict.fromkeys(found))


def _predicate(content: Span | Doc, key_lemmas: list[str]) -> str | None:
    """The main verb of the claim's content, when it is a content word (not "be", "take")."""
    roots = [t for t in content if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    lemma = root.lemma_.lower()
    if root.pos_ != "VERB" or lemma in LIGHT_VERBS or lemma not in key_lemmas:
        return None
    return lemma


def _last_person(sent: Span, mention: str) -> str:
    """Without a known speaker, the person entity inside the mention ("President X" -> "X")."""
    for ent in sent.ents:
        if ent.label_ == "PERSON" and ent.text in mention:
            return ent.text
    return mention
