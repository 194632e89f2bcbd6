"""check_text: a message in, a CheckReport out -- the engine's checking pipeline.

claims (parse once) -> retrieve (full-text candidates) -> align (rapidfuzz)
-> stance (reasons) -> verdict (grouping, outlets). FactChecker.check() calls
this with the process's loaded pipeline, store and speaker resolver.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc

from bot.engine import claims as claim_parsing
from bot.engine import facts
from bot.engine.claims import Claim
from bot.engine.models import (
    Article,
    ArticleRef,
    CheckReport,
    ClaimReport,
    Entity,
    Evidence,
    Passage,
    Reason,
)
from bot.engine.retrieve import (
    WORD,
    Alignment,
    Candidate,
    align,
    covered_keys,
    enrich,
    key_weights,
    normalise_text,
    retrieve,
)
from bot.engine.speakers import SpeakerResolver, role_equivalents
from bot.engine.stance import (
    STRONG_QUOTE,
    Assessment,
    assess,
    find_substitution,
    name_present,
    reception_stated,
)
from bot.engine.verdict import credible, decide, group_evidence, outlets
from bot.store.base import Store

PRE_FILTER_COVERAGE = 0.45  # cheaper than stance: skip candidates that cannot pass it
RESOLVE_COVERAGE = 0.5  # share of the claim's other words a candidate must state before we
# look around it in its article for a name it only refers to
PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b", re.IGNORECASE)
SPEECH_WORDS = frozenset(
    ["said", "says", "say", "told", "tells", "added", "adds", "asked", "stated", "wrote", "noted", "explained", "insisted", "stressed", "warned", "according"]
)
PERSON_LABELS = frozenset({"PERSON", "PROPN"})
COUNTRY_LABELS = frozenset({"GPE", "NORP"})
# what a sentence is about may be named only in the sentence before it (people too,
# when they are the object, not who acts or speaks: "the deal for Fogel's release")
TOPIC_LABELS = frozenset({"ORG", "GPE", "NORP"})
CONTEXT_SENTENCES = 2
TOPIC_COVERAGE = 0.75  # a topic named only nearby needs the rest of the claim stated here
_ARTICLE_PASSAGES: OrderedDict[tuple[int, str], list[Passage]] = OrderedDict()
_ARTICLE_PASSAGES_SIZE = 256


def article_ref(candidate: Candidate) -> ArticleRef:
    a = candidate.article
    return ArticleRef(
        path=a.path,
        outlet=a.outlet,
        title=a.title,
        published=a.published,
        url=a.url,
        byline=a.byline,
    )


def _overlaps(quote: Candidate, fact: Candidate) -> bool:
    """A quote and the sentence it sits in (same article, same words)."""
    if quote.article.path != fact.article.path:
        return False
    if (
        quote.passage_position is not None
        and quote.passage_position == fact.passage_position
    ):
        return True
    q = " ".join(WORD.findall(normalise_text(quote.text)))
    f = " ".join(WORD.findall(normalise_text(fact.text)))
    return bool(q) and (q in f or f in q)


def _drop_overlaps(
    claim: Claim, assessed: list[tuple[Candidate, Assessment]]
) -> list[tuple[Candidate, Assessment]]:
    """A quote and the sentence it sits in are one piece of evidence: keep one.

    When the claim attributes words to someone the quote (which knows its
    speaker) wins; for a plain factual claim the sentence wins.
    """
    prefer = "quote" if claim.speaker or claim.quoted else "fact"
    preferred = [(c, a) for c, a in assessed if c.kind == prefer]
    others = [(c, a) for c, a in assessed if c.kind != prefer]

    def pair(x: Candidate, y: Candidate) -> bool:
        return _overlaps(x, y) if x.kind == "quote" else _overlaps(y, x)

    return preferred + [
        (c, a) for c, a in others if not any(pair(c, p) for p, _ in preferred)
    ]


def _may_swap_a_name(claim: Claim, candidate: Candidate) -> bool:
    """A quote lacking one of the claim's names needs its entities to tell a swap from a gap."""
    return not candidate.facts_known and not all(
        name_present(n, candidate) for n in claim.names
    )


def _other_wordings(scored: list[tuple[Candidate, Alignment]]) -> dict[str, set[str]]:
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


# ---------------------------------------------------------------------------
# names a candidate refers to without writing them


def _article_passages(store: Store, article: Article) -> list[Passage]:
    """The article's sentences in order, cached (only fetched for well-aligned candidates)."""
    if article.id is None:
        return []
    key = (article.id, article.content_hash)
    cached = _ARTICLE_PASSAGES.get(key)
    if cached is None:
        cached = store.passages(article.id)
        _ARTICLE_PASSAGES[key] = cached
        if len(_ARTICLE_PASSAGES) > _ARTICLE_PASSAGES_SIZE:
            _ARTICLE_PASSAGES.popitem(last=False)
    else:
        _ARTICLE_PASSAGES.move_to_end(key)
    return cached


def _is_attribution(text: str, name: str) -> bool:
    """ "Rutte said", "said Rutte": the name is who speaks, not whom "he" refers to."""
    at = text.rfind(name)
    before = [w.lower() for w in WORD.findall(text[:at])][-2:]
    after = [w.lower() for w in WORD.findall(text[at + len(name) :])][:2]
    return bool(SPEECH_WORDS & set(before + after))


def _opens_with_pronoun(text: str) -> bool:
    first = WORD.findall(text)[:1]
    return bool(first) and first[0].lower() in ("he", "she")


def _preceding_person(candidate: Candidate, passages: list[Passage]) -> str | None:
    """The person named last before the candidate (two sentences back at most), speakers excluded."""
    position = candidate.passage_position
    if position is None:
        return None
    pieces: list[tuple[str, list[Entity]]] = []
    for passage in passages:
        if position - 2 <= passage.position < position:
            pieces.append((passage.text, passage.entities))
        elif passage.position == position:
            at = passage.text.find(candidate.text[:40])
            if at > 0:
                pieces.append((passage.text[:at], passage.entities))
    for text, entities in reversed(pieces):
        named = [e.text for e in entities if e.label == "PERSON" and e.text in text]
        people = [p for p in named if not _is_attribution(text, p)]
        if not people and candidate.kind == "fact" and _opens_with_pronoun(candidate.text):
            # "Hegseth said ... . He did not take questions.": the speaker goes on as "he"
            people = named
        if candidate.kind == "quote" and candidate.speaker:
            last = candidate.speaker.split()[-1]
            people = [p for p in people if last not in p]  # "he" in a quote is not the speaker
        if people:
            return max(people, key=lambda p: text.rfind(p))
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


def _named_before(name: Entity, candidate: Candidate, passages: list[Passage]) -> bool:
    """The previous one or two sentences of the article name it: "... on NATO ...," he
    stated. According to Rubio, every other president has had the same complaint."""
    position = candidate.passage_position
    if position is None:
        return False
    before = [p for p in passages if position - CONTEXT_SENTENCES <= p.position < position]
    same = next((p for p in passages if p.position == position), None)
    if same is not None:
        at = same.text.find(candidate.text[:40])
        if at > 0:
            before.append(same.model_copy(update={"text": same.text[:at], "entities": []}))
    if not before:
        return False
    context = Candidate(
        kind="fact",
        text=" ".join(p.text for p in before),
        entities=[e for p in before for e in p.entities],
        article=candidate.article,
    )
    return name_present(name, context)


def _is_speaker(claim: Claim, name: Entity) -> bool:
    """The person the claim has speaking is who a source must name, not a mere topic."""
    surname = name.text.split()[-1].lower()
    spoken = " ".join(filter(None, [claim.speaker, claim.speaker_mention])).lower()
    return surname in spoken.split()


def resolve_references(
    claim: Claim,
    candidate: Candidate,
    store: Store,
    speakers: SpeakerResolver,
    *,
    with_topics: bool = True,
) -> Candidate:
    """Names of the claim the candidate states by reference: "he" after "President Putin"
    in the previous sentence; "Putin" where the claim says "Russia" and the article
    calls him "Russian President Vladimir Putin"."""
    missing = [n for n in claim.names if not name_present(n, candidate)]
    people = [n for n in missing if n.label in PERSON_LABELS]
    countries = [n for n in missing if n.label in COUNTRY_LABELS]
    topics = [
        n
        for n in missing
        if n.text in claim.topic_names
        and (n.label in TOPIC_LABELS or (n.label == "PERSON" and not _is_speaker(claim, n)))
    ] if with_topics else []
    if not (people and PRONOUN.search(candidate.text)) and not countries and not topics:
        return candidate
    passages = _article_passages(store, candidate.article)
    if not passages:
        return candidate
    resolved: list[str] = []
    if people and PRONOUN.search(candidate.text):
        referent = _preceding_person(candidate, passages)
        if referent is not None:
            for name in people:
                surname = name.text.split()[-1].lower()
                if surname in referent.lower().split() or speakers.same_person(
                    referent, name.text
                ):
                    resolved.append(name.text)
    named = [e.text for e in candidate.entities if e.label == "PERSON"]
    for name in countries:
        forms = facts.country_forms(name.canonical)
        if any(_country_of(person, forms, passages) for person in named):
            resolved.append(name.text)
    for name in topics:
        if name.text not in resolved and _named_before(name, candidate, passages):
            resolved.append(name.text)
    if not resolved:
        return candidate
    return candidate.model_copy(update={"resolved": [*candidate.resolved, *resolved]})


def _other_words_stated(
    claim: Claim, covered: set[str], candidate: Candidate | None = None
) -> float:
    """Share of the claim's words other than names that the candidate states (or, given
    the candidate, opposes: "went very well" is about what "went very badly" is about)."""
    name_words = {w.lower() for n in claim.names for w in WORD.findall(n.text)}
    others = [k for k in claim.key_lemmas if k not in name_words]
    if not others or not claim.names:
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


def _worth_resolving(claim: Claim, covered: set[str]) -> bool:
    """Most of the claim's other words are stated: a missing name may be a reference."""
    return _other_words_stated(claim, covered) >= RESOLVE_COVERAGE


def _same_words_groups(
    claim: Claim, scored: list[tuple[Candidate, Alignment]]
) -> list[list[tuple[Candidate, Alignment]]]:
    """Candidates with the same words in one article (a quote and its sentence), best group first.

    Within a group the kind the claim calls for comes first: a quote (which
    knows its speaker) for attributed claims, the sentence for plain ones.
    """
    prefer = "quote" if claim.speaker or claim.quoted else "fact"
    groups: dict[tuple[str, str], list[tuple[Candidate, Alignment]]] = {}
    for candidate, alignment in sorted(scored, key=lambda ca: -ca[1].score):
        key = (candidate.article.path, " ".join(WORD.findall(candidate.text.lower())))
        groups.setdefault(key, []).append((candidate, alignment))
    return [sorted(group, key=lambda ca: ca[0].kind != prefer) for group in groups.values()]


# ---------------------------------------------------------------------------
# a speaker described by office ("the Ukrainian president")

ROLE_WINDOW = 6  # words before a name that may introduce it with its office
ROLE_COVERAGE = 0.5  # share of the claim's words a quote must state before we ask who said it


def _word_forms(word: str) -> set[str]:
    """How a source may write one word of a described office ("ukraine" -> "ukrainian")."""
    forms = set(role_equivalents(word))
    for label in ("GPE", "NORP"):
        canonical = facts.canonical_entity(word, label)
        forms.update(f.replace(".", "") for f in facts.country_forms(canonical))
    return forms


def _matches_form(word: str, forms: set[str]) -> bool:
    if word in forms:
        return True
    # "defence"/"defense": one word, spelt differently
    return len(word) >= 5 and any(
        f[:4] == word[:4] and fuzz.ratio(f, word) >= 75 for f in forms
    )


def introduced_as(role: list[str], person: str, text: str) -> bool:
    """The text writes the office just before the person's name: "Ukrainian President
    Volodymyr Zelenskiy" for ["ukraine", "president"] and "Volodymyr Zelensky"."""
    words = [w.lower().replace(".", "").replace("’", "'") for w in WORD.findall(text)]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    name = [w.lower() for w in WORD.findall(person)]
    wanted = [_word_forms(r) for r in role]
    for i, word in enumerate(words):
        if not any(fuzz.ratio(word, n) >= 85 for n in name[-1:]):
            continue
        window = words[max(0, i - ROLE_WINDOW - len(name) + 1) : i]
        joined = " ".join(window)
        if all(
            any(_matches_form(w, forms) for w in window)
            or any(" " in f and f in joined for f in forms)
            for forms in wanted
        ):
            return True
    return False


def resolve_role(
    claim: Claim,
    candidates: list[Candidate],
    covered: list[set[str]],
    store: Store,
) -> Claim:
    """The person a described speaker is: the speaker of a well-aligned quote whose
    article introduces them with that office."""
    if not claim.speaker_role or claim.speaker:
        return claim
    keys = len(claim.key_lemmas) or 1
    quotes = sorted(
        (
            (len(k) / keys, c)
            for c, k in zip(candidates, covered)
            if c.kind == "quote" and c.speaker and len(k) / keys >= ROLE_COVERAGE
        ),
        key=lambda sc: -sc[0],
    )
    checked: set[tuple[str, str]] = set()
    for _, candidate in quotes:
        key = (candidate.article.path, candidate.speaker or "")
        if key in checked:
            continue
        checked.add(key)
        speaker = candidate.speaker or ""
        near = " ".join([candidate.context, candidate.text])
        if introduced_as(claim.speaker_role, speaker, near) or any(
            introduced_as(claim.speaker_role, speaker, p.text)
            for p in _article_passages(store, candidate.article)
        ):
            return claim.model_copy(update={"speaker": speaker})
    # nobody we know holds that office here: the words stay the office's, so that
    # another person's similar words are not taken for them
    return claim.model_copy(update={"speaker": claim.speaker_mention})


SLOT_CHECKS = 12  # supporting candidates parsed to compare word slots (per claim)
_PARSED: OrderedDict[str, Doc] = OrderedDict()
_PARSED_SIZE = 1024


def _parsed(text: str, nlp: Language) -> Doc:
    """A parse of a claim or a candidate, cached by text (only the few supporting ones)."""
    doc = _PARSED.get(text)
    if doc is None:
        doc = nlp(text)
        _PARSED[text] = doc
        if len(_PARSED) > _PARSED_SIZE:
            _PARSED.popitem(last=False)
    else:
        _PARSED.move_to_end(text)
    return doc


def _check_slots(
    claim: Claim, candidate: Candidate, alignment: Alignment, found: Assessment, nlp: Language
) -> Assessment | None:
    """A support whose sentence fills one of the claim's slots with another word is none:
    "an American schoolteacher" does not state "an American journalist"."""
    if not alignment.missing or (claim.quoted and alignment.quote_score >= STRONG_QUOTE):
        return found  # quoted words are compared word by word as a misquote instead
    swap = find_substitution(
        claim, _parsed(claim.content, nlp), _parsed(candidate.text, nlp), alignment.missing
    )
    if swap is None:
        return found
    if swap.kind == "unrelated":
        return None  # it says something else in that place: not evidence
    detail = (
        f"claim: {swap.claim_word}; source: {swap.source_word}"
        if swap.kind == "entity_mismatch"
        else f'claim: "{swap.claim_word}"; source: "{swap.source_word}"'
    )
    return found.model_copy(
        update={"stance": "conflicts", "reasons": [Reason(code=swap.kind, detail=detail)]}
    )


def check_claim(
    claim: Claim,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    limit: int = 8,
) -> ClaimReport:
    """Evidence for one parsed claim, with its verdict and outlet counts."""
    candidates = retrieve(claim, store)
    covered = [covered_keys(claim, c) for c in candidates]
    claim = resolve_role(claim, candidates, covered, store)
    weights = key_weights(claim, covered)
    for i, (candidate, keys) in enumerate(zip(candidates, covered)):
        if _worth_resolving(claim, keys):
            if any(n.label in COUNTRY_LABELS for n in claim.names):
                candidate = enrich(candidate, nlp)  # its people, to find "Russian President X"
            resolved = resolve_references(
                claim,
                candidate,
                store,
                speakers,
                with_topics=_other_words_stated(claim, keys, candidate) >= TOPIC_COVERAGE,
            )
            if resolved.resolved:
                candidates[i], covered[i] = resolved, covered_keys(claim, resolved)
    scored = [
        (c, align(claim, c, weights=weights, covered=k | reception_stated(claim, c)))
        for c, k in zip(candidates, covered)
    ]
    scored = [
        (c, a)
        for c, a in scored
        if a.coverage >= PRE_FILTER_COVERAGE or a.quote_score >= STRONG_QUOTE
    ]
    numbers_or_dates = bool(claim.quantities or claim.dates or claim.weekdays)
    scored = [
        (enrich(c, nlp), a)
        if numbers_or_dates or _may_swap_a_name(claim, c)
        else (c, a)
        for c, a in scored
    ]
    wordings = _other_wordings(scored)

    assessed: list[tuple[Candidate, Assessment]] = []
    slot_checks = 0
    for same_words in _same_words_groups(claim, scored):
        for candidate, alignment in same_words:  # the same words twice in one article: one
            found = assess(
                claim,
                candidate,
                alignment,
                speakers=speakers,
                other_wordings=wordings.get(candidate.article.path, set()),
                weights=weights,
            )
            if found is not None and found.stance == "supports" and slot_checks < SLOT_CHECKS:
                slot_checks += 1
                found = _check_slots(claim, candidate, alignment, found, nlp)
            if found is not None:
                assessed.append((candidate, found))
                break

    evidence: list[Evidence] = []
    for candidate, verdict in _drop_overlaps(claim, assessed):
        evidence.append(
            Evidence(
                stance=verdict.stance,
                kind=candidate.kind,
                text=candidate.text,
                speaker=candidate.speaker,
                score=verdict.score,
                reasons=verdict.reasons,
                article=article_ref(candidate),
                highlight=verdict.highlight,
                passage_id=candidate.passage_id,
                quote_id=candidate.quote_id,
            )
        )
    grouped = group_evidence(evidence)
    verdict_ = decide(grouped)
    shown = credible(grouped, verdict_)[:limit]
    return ClaimReport(
        text=claim.text,
        verdict=verdict_,
        evidence=shown,
        outlets_supporting=outlets(shown, "supports"),
        outlets_conflicting=outlets(shown, "conflicts"),
    )


def check_text(
    text: str,
    *,
    nlp: Language,
    store: Store,
    speakers: SpeakerResolver,
    automatic: bool = False,
    limit: int = 8,
) -> CheckReport:
    """Check every check-worthy claim of a message.

    automatic=True (replies in flagged threads) keeps only claims with
    evidence, so the bot stays quiet when it has nothing to say; asked
    directly it always answers, "not found" included.
    """
    parsed = claim_parsing.extract_claims(
        text, nlp=nlp, speakers=speakers, automatic=automatic
    )
    reports = [
        check_claim(c, nlp=nlp, store=store, speakers=speakers, limit=limit)
        for c in parsed
    ]
    if automatic:
        reports = [r for r in reports if r.evidence]
    if not reports:
        return CheckReport(claim=text.strip(), verdict="not_found")
    if len(reports) == 1:
        only = reports[0]
        return CheckReport(
            claim=text.strip() if not automatic else only.text,
            verdict=only.verdict,
            evidence=only.evidence,
            outlets_supporting=only.outlets_supporting,
            outlets_conflicting=only.outlets_conflicting,
        )
    return CheckReport(
        claim=text.strip(),
        verdict=_overall(reports),
        evidence=[e for r in reports for e in r.evidence][:limit],
        outlets_supporting=max(r.outlets_supporting for r in reports),
        outlets_conflicting=max(r.outlets_conflicting for r in reports),
        claims=reports,
    )


def _overall(reports: list[ClaimReport]) -> str:
    """One headline for several claims: their shared verdict, "mixed" when they disagree."""
    verdicts = {r.verdict for r in reports} - {"not_found"}
    if not verdicts:
        return "not_found"
    return verdicts.pop() if len(verdicts) == 1 else "mixed"
