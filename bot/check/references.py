"""References: names a candidate states without writing them.

A sentence often says "he" for the person named in the sentence before, or
"Putin" where the claim says "Russia" and the article calls him "Russian
President Vladimir Putin", or leaves out what it is about because the previous
sentence named it, or leaves out what the whole article is about because its
headline names it ("The company said ..." under "Brindle Gas fined ...", see
`article_topics`). For candidates that already state most of the claim's other
words, these names are looked up in the article around them and recorded on the
candidate (`Candidate.resolved`), so the name checks see them as stated.
"""

from __future__ import annotations

import re

from spacy.language import Language

from bot.language import facts
from bot.check.article_topics import (
    TOPIC_NAME_LABELS,
    topic_names_stated,
    topic_speaker_stated,
    unnamed_organisation_speaks,
)
from bot.check.claims import Claim
from bot.check.article_passages import article_passages
from bot.core.models import HEADING_POSITIONS, Entity, Passage
from bot.check.rules.name_swaps import name_present, name_words
from bot.check.retrieve import WORD, Candidate, covered_keys, enrich_many, passage_candidate
from bot.check.rules.speaker_checks import goes_on_about_someone, speaker_unknown, speaking_entities
from bot.check.speaker_roles import introduced_as
from bot.language.speakers import ROLE_NOUNS, SpeakerResolver
from bot.store.base import Store

RESOLVE_COVERAGE = 0.4  # share of the claim's other words a candidate must state before we
# look around it in its article for a name it only refers to
RESOLVE_ARTICLES = 12  # articles read around candidates per claim, at most
TOPIC_COVERAGE = 0.75  # a topic named only nearby needs the rest of the claim stated here
PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)
SPEECH_WORDS = frozenset(
    ["said", "says", "say", "told", "tells", "added", "adds", "asked", "stated", "wrote", "noted", "explained", "insisted", "stressed", "warned", "according"]
)
PERSON_LABELS = frozenset({"PERSON", "PROPN"})
COUNTRY_LABELS = frozenset({"GPE", "NORP"})
# what a sentence is about may be named only in the sentence before it (people too,
# when they are the object, not who acts or speaks: "the deal for Fogel's release")
TOPIC_LABELS = frozenset({"ORG", "GPE", "NORP"})
CONTEXT_SENTENCES = 2  # sentences before a candidate where what it refers to is looked for
def _lead_up(
    candidate: Candidate, passages: list[Passage]
) -> tuple[list[Passage], Passage | None]:
    """The sentences just before the candidate, and the start of its own sentence before
    it (a quote inside a longer sentence), with that sentence's entities."""
    position = candidate.passage_position
    if position is None:
        return [], None
    before = [p for p in passages if position - CONTEXT_SENTENCES <= p.position < position]
    same = next((p for p in passages if p.position == position), None)
    if same is not None:
        at = same.text.find(candidate.text[:40])
        if at > 0:
            return before, same.model_copy(update={"text": same.text[:at]})
    return before, None


def _is_attribution(text: str, name: str) -> bool:
    """ "Rutte said", "said Rutte": the name is who speaks, not whom "he" refers to."""
    at = text.rfind(name)
    before = [w.lower() for w in WORD.findall(text[:at])][-2:]
    after = [w.lower() for w in WORD.findall(text[at + len(name) :])][:2]
    return bool(SPEECH_WORDS & set(before + after))


def _opens_with_pronoun(text: str) -> bool:
    first = WORD.findall(text)[:1]
    return bool(first) and first[0].lower() in ("he", "she")


def _surnames(passages: list[Passage]) -> set[str]:
    """The surnames of everyone the article names in full: the tagger often misses a surname
    written alone later on ("Castellanos set bail ..." after "Judge Miriam Castellanos")."""
    return {
        e.text.split()[-1]
        for p in passages
        for e in p.entities
        if e.label == "PERSON" and len(e.text.split()) > 1 and e.text.split()[-1][:1].isupper()
    }


def _people_in(piece: Passage, surnames: set[str]) -> tuple[list[str], list[str]]:
    """The people a sentence names: (those named in full or by the surname of someone the
    article names in full, the tagger's or not: "Castellanos set bail at $50,000 for Wren";
    a lone word tagged a person that names nobody named in full: "Kiev")."""
    tagged = [e.text for e in piece.entities if e.label == "PERSON" and e.text in piece.text]
    known = [n for n in tagged if len(n.split()) > 1 or n.split()[-1] in surnames]
    untagged = [
        surname
        for surname in surnames
        if not any(surname in n for n in tagged) and re.search(rf"\b{re.escape(surname)}\b", piece.text)
    ]
    return known + untagged, [n for n in tagged if n not in known]


def _preceding_person(candidate: Candidate, passages: list[Passage]) -> str | None:
    """The person "he" or "she" refers to (two sentences back at most), speakers excluded: a
    sentence opening with the pronoun goes on about the one named first (its subject: "Castellanos
    set bail at $50,000 for Wren. She set ..."), one with it inside about the one named last."""
    before, start = _lead_up(candidate, passages)
    pieces = [*before, *([start] if start is not None else [])]
    surnames = _surnames(passages)
    opens = candidate.kind == "fact" and _opens_with_pronoun(candidate.text)
    for piece in reversed(pieces):
        text = piece.text
        sure, doubtful = _people_in(piece, surnames)
        named = (sure or doubtful) if opens else sure + doubtful
        people = [p for p in named if not _is_attribution(text, p)]
        if not people and opens:
            # "Hegseth said ... . He did not take questions.": the speaker goes on as "he"
            people = named
        if candidate.kind == "quote" and candidate.speaker:
            last = candidate.speaker.split()[-1]
            people = [p for p in people if last not in p]  # "he" in a quote is not the speaker
        if people:
            return min(people, key=lambda p: text.find(p)) if opens else max(people, key=lambda p: text.rfind(p))
    return None


def _country_of(person: str, forms: list[str], passages: list[Passage]) -> bool:
    """The article calls the person by the country: "Russian President Vladimir Putin"."""
    surname = re.escape(person.split()[-1])
    alternatives = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(
        rf"\b(?:{alternatives})(?:'s|’s)?\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}{surname}\b",
        re.IGNORECASE,
    )
    return any(pattern.search(p.text) for p in passages)


def _names(person: str, passages: list[Passage]) -> bool:
    """The article writes the person's surname somewhere."""
    surname = re.compile(rf"\b{re.escape(person.split()[-1])}\b", re.IGNORECASE)
    return any(surname.search(p.text) for p in passages)


def _other_person(claim: Claim, candidate: Candidate) -> bool:
    """The sentence names someone the claim does not, other than who speaks ("She set
    Ashgrove's bail" after "... for Wren"): the person it is about is that one, not one
    named before it."""
    words = name_words(claim)
    return any(
        e.label == "PERSON"
        and not {w.lower() for w in WORD.findall(e.text)} & words
        and not _is_attribution(candidate.text, e.text)  # who speaks: "Castellanos said the charge ..."
        for e in candidate.entities
    )


def _named_before(name: Entity, candidate: Candidate, passages: list[Passage]) -> bool:
    """The previous one or two sentences of the article name it: "... on NATO ...," he
    stated. According to Rubio, every other president has had the same complaint."""
    before, start = _lead_up(candidate, passages)
    if start is not None:
        # the entities of the candidate's own sentence may stand after the candidate
        before = [*before, start.model_copy(update={"entities": []})]
    if not before:
        return False
    context = Candidate(
        kind="fact",
        text=" ".join(p.text for p in before),
        entities=[e for p in before for e in p.entities],
        article=candidate.article,
    )
    return name_present(name, context)


def _spoke_before(speaker: str, candidate: Candidate, passages: list[Passage]) -> bool:
    """The organisation speaking in the nearest sentence before that has anyone speaking is
    the claimed speaker: "Brackenridge Laboratories said on Wednesday that ... The company
    said families could return bottles ..."."""
    before, _ = _lead_up(candidate, passages)
    wanted = set(WORD.findall(speaker.lower()))
    for passage in reversed(before):
        speaking = speaking_entities(passage_candidate(passage, candidate.article))
        if speaking:
            return any(wanted <= set(WORD.findall(e.text.lower())) for e in speaking)
    return False


def _is_speaker(claim: Claim, name: Entity) -> bool:
    """The person the claim has speaking is who a source must name, not a mere topic."""
    surname = name.text.split()[-1].lower()
    spoken = " ".join(filter(None, [claim.speaker, claim.speaker_mention])).lower()
    return surname in spoken.split()


def heading_offices(candidate: Candidate) -> list[list[str]]:
    """Offices a headline or standfirst names people by ("the Russian leader", "City's
    mayor" -> [["russian", "leader"], ["mayor"]]): the office noun with a country
    qualifier before it, if any. Body sentences name people; headings often do not."""
    if candidate.passage_position not in HEADING_POSITIONS:
        return []
    words = [w.lower().replace("’", "'") for w in WORD.findall(candidate.text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    places = {
        w.lower()
        for e in candidate.entities
        if e.label in COUNTRY_LABELS
        for w in WORD.findall(e.text)
    }
    offices: list[list[str]] = []
    for i, word in enumerate(words):
        if word not in ROLE_NOUNS:
            continue
        qualifiers = [
            w
            for w in words[max(0, i - 2) : i]
            if w in places or len(facts.country_forms(facts.canonical_entity(w, "NORP"))) > 1
        ]
        offices.append([*qualifiers, word])
    return offices


def _holds_office(office: list[str], person: str, passages: list[Passage]) -> bool:
    """The article introduces the person with that office ("Mayor Lena Ortiz")."""

    return any(introduced_as(office, person, p.text) for p in passages)


def resolve_references(
    claim: Claim,
    candidate: Candidate,
    store: Store,
    speakers: SpeakerResolver,
    *,
    with_topics: bool,
) -> Candidate:
    """Names of the claim the candidate states by reference: "he" after "President Putin"
    in the previous sentence; "Putin" where the claim says "Russia" and the article
    calls him "Russian President Vladimir Putin"."""
    missing = [n for n in claim.names if not name_present(n, candidate)]
    people = [n for n in missing if n.label in PERSON_LABELS]
    named = [e.text for e in candidate.entities if e.label == "PERSON"]
    # a country is stated by reference only through someone the sentence names ("Russian
    # President Vladimir Putin" earlier): without a person, the article need not be read
    countries = [n for n in missing if n.label in COUNTRY_LABELS] if named else []
    topics = [
        n
        for n in missing
        if n.text in claim.topic_names
        and (
            n.label in TOPIC_LABELS
            or (n.label == "PERSON" and not _is_speaker(claim, n) and not _other_person(claim, candidate))
        )
    ] if with_topics else []
    offices = heading_offices(candidate) if people or claim.speaker else []
    # "The company said ..." in an article headlined about Brindle Gas: no lookup needed
    # "the trust", "Dispatchers": the article may name it ("Northgate Health Trust")
    on_topic = topic_names_stated(
        claim,
        [n for n in missing if n.label in TOPIC_NAME_LABELS],
        candidate,
        lambda: [e.text for p in article_passages(store, candidate.article) for e in p.entities],
    )
    if topic_speaker_stated(claim, candidate):
        on_topic.append(claim.speaker or "")
    # "He also warned ...", a sentence opening a quotation or a quote whose speaker the index
    # does not know, for "Hegseth said ...": his words only where the article names him
    unnamed_speaker = (
        claim.speaker is not None
        and claim.speaker not in on_topic
        and speaker_unknown(candidate)
        and (candidate.kind == "quote" or goes_on_about_someone(candidate))
    )
    # "The company said ..." after a sentence with the claimed organisation speaking
    unnamed_organisation = claim.speaker not in on_topic and unnamed_organisation_speaks(claim, candidate)
    if (
        not (people and PRONOUN.search(candidate.text))
        and not offices
        and not countries
        and not topics
        and not unnamed_speaker
        and not unnamed_organisation
    ):
        return _with_resolved(candidate, on_topic)
    passages = article_passages(store, candidate.article)
    if not passages:
        return _with_resolved(candidate, on_topic)
    resolved: list[str] = list(on_topic)
    if unnamed_speaker and _names(claim.speaker or "", passages):
        resolved.append(claim.speaker or "")
    elif unnamed_organisation and _spoke_before(claim.speaker or "", candidate, passages):
        resolved.append(claim.speaker or "")
    for name in people if offices else []:
        if any(_holds_office(office, name.text, passages) for office in offices):
            resolved.append(name.text)  # "the Russian leader" in a headline about Putin
    if offices and claim.speaker and any(
        _holds_office(office, claim.speaker, passages) for office in offices
    ):
        resolved.append(claim.speaker)  # "The mayor said ..." in a standfirst: the speaker
    if people and PRONOUN.search(candidate.text):
        referent = _preceding_person(candidate, passages)
        if referent is not None:
            for name in people:
                surname = name.text.split()[-1].lower()
                if surname in referent.lower().split() or speakers.same_person(
                    referent, name.text
                ):
                    resolved.append(name.text)
    for name in countries:
        forms = facts.country_forms(name.canonical)
        if any(_country_of(person, forms, passages) for person in named):
            resolved.append(name.text)
    for name in topics:
        if name.text not in resolved and _named_before(name, candidate, passages):
            resolved.append(name.text)
    return _with_resolved(candidate, resolved)


def _with_resolved(candidate: Candidate, resolved: list[str]) -> Candidate:
    if not resolved:
        return candidate
    return candidate.model_copy(update={"resolved": [*candidate.resolved, *resolved]})


def _other_words_stated(
    claim: Claim, covered: set[str], candidate: Candidate | None = None
) -> float:
    """Share of the claim's words other than names that the candidate states (or, given
    the candidate, opposes: "went very well" is about what "went very badly" is about)."""
    names = name_words(claim)
    others = [k for k in claim.key_lemmas if k not in names]
    if not others or not (claim.names or claim.speaker):
        return 0.0
    stated = {k for k in others if k in covered}
    if candidate is not None and len(stated) < len(others):
        lemmas = set(candidate.lemmas.lower().split())
        stated |= {
            k
            for k in others
            if k not in stated and any(facts.are_antonyms(k, lemma) for lemma in lemmas)
        }
    return len(stated) / len(others)


def resolve_candidates(
    claim: Claim,
    candidates: list[Candidate],
    covered: list[set[str]],
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
) -> tuple[list[Candidate], list[set[str]]]:
    """The candidates (and the claim words each states) with the names they refer to
    resolved, for those stating most of the claim's other words: a missing name there
    may be a reference."""
    candidates, covered = list(candidates), list(covered)
    stated = {i: _other_words_stated(claim, keys) for i, keys in enumerate(covered)}
    chosen, articles = [], set()
    # best first (search order among equals); each article read costs its whole text, and in
    # a large archive a claim with few words besides its names ("imprisoned ... years")
    # states them in dozens of unrelated articles
    for i in sorted((i for i in stated if stated[i] >= RESOLVE_COVERAGE), key=lambda i: -stated[i]):
        path = candidates[i].article.path
        if all(name_present(n, candidates[i]) for n in claim.names):
            chosen.append(i)  # nothing to look for around it (the speaker may still be)
        elif path in articles or len(articles) < RESOLVE_ARTICLES:
            articles.add(path)
            chosen.append(i)
    looked_at = [candidates[i] for i in chosen]
    if any(n.label in COUNTRY_LABELS for n in claim.names):
        looked_at = enrich_many(looked_at, nlp)  # its people, to find "Russian President X"
    for i, candidate in zip(chosen, looked_at):
        resolved = resolve_references(
            claim,
            candidate,
            store,
            speakers,
            with_topics=_other_words_stated(claim, covered[i], candidate) >= TOPIC_COVERAGE,
        )
        if resolved.resolved:
            candidates[i], covered[i] = resolved, covered_keys(claim, resolved)
    return candidates, covered
