"""Negation scope: which denials in a source bear on what the claim says.

`negation.py` finds negation cues in a parse at ingest. Against a claim the
question is narrower: a "not" counts only when it denies the claim's own words
("would not deploy troops"), not another predicate ("warned Europe not to take
advantage") nor something the source answers after a contrast ("not militarily,
but by diplomacy"). The same goes for "non-NATO" (a prefix denying a name) and
for verbs that deny their complement ("ruled out", "denied", "rejected").
The claim's own cues are scoped alike against the source's words ("..., which the
hall is not" denies nothing a source's statement about the bylaw says).
These rules read the stored text and lemmas: no parse per candidate.
"""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.lang.en.stop_words import STOP_WORDS

from bot.language import facts
from bot.check.claims import LIGHT_VERBS, NEGATION_FILLER, NEGATION_IDIOMS, Claim
from bot.check.rules.name_swaps import name_words
from bot.language.negation import INFINITIVE_NEGATORS, complement_negators
from bot.check.retrieve import WORD, Candidate, states_words, word_covered
from bot.check.rules.word_equivalence import matches_any, prefix_index

NEGATORS = frozenset(["not", "never", "no", "nor", "neither", "none", "nobody", "nothing", "cannot", "n't"])
SCOPE_WORDS = 5  # a negation cue counts when one of the next words is the claim's
DENIED_WORDS = 4  # words after a negation cue that two texts' denials are compared on
# words after "not" that name no predicate of their own: the claim parser's fillers,
# less the auxiliaries "have"/"do" (light verbs, judged as such) and "yet"/"ever"
NOT_PREDICATE = NEGATION_FILLER - {"have", "has", "had", "do", "does", "did", "yet", "ever"}
LIGHT_VERB_FORMS = LIGHT_VERBS | frozenset(
    "takes took taken taking makes made making has had having does did done doing gets got "
    "gotten getting gives gave given giving goes went gone going comes came coming holds held "
    "holding keeps kept keeping puts putting lets letting becomes became becoming".split()
)
CONTRASTS = frozenset({"but", "instead", "rather"})
ASIDE_LEAD = 4  # words before a set-aside alternative shown with it
PARTICLES = frozenset("back up out off over down in on away along through".split())
NEGATED_COMPOUND = re.compile(
    r"\b(?P<prefix>[Nn]on|[Aa]nti|[Uu]n)\s*[-–]\s*(?P<stem>[A-Za-z][\w’']*)"
)  # case-sensitive: "UN-backed" is the United Nations, not a negation
COMPLEMENT_SCOPE = 12  # lemmas after "ruled out"/"denied" that its complement may span
NOUN_SCOPE = 2  # a determiner "no" denies its noun ("no shutoff valve", "no major change")
SCOPE_BREAKS = frozenset(
    {"but", "while", "although", "though", "whereas", "however", "because", "when", "after",
     "until", "since", "unless", "which", "who"}
)  # another clause begins: "denied the report, which said ..." denies the report only
CUE_NEGATORS = {"deni": "deny", "deny": "deny", "reje": "reject", "dism": "dismiss",
                "refu": "refute", "rebu": "rebuff", "doub": "doubt", "disp": "disprove"}  # fmt: skip


def _is_negator(word: str) -> bool:
    """A negation cue: "not", "never", "won't"."""
    return word in NEGATORS or word.endswith("n't")


def bears_on(word: str, keys: set[str]) -> bool:
    """A negated word that is the claim's own: a light verb alone ("not to take advantage"
    against "take charge") negates another predicate, not the claim's."""
    return word not in NOT_PREDICATE and word not in LIGHT_VERB_FORMS and matches_any(word, keys)


def _opposes_any(word: str, keys: set[str]) -> bool:
    """ "not militarily" bears on a claim saying "by diplomacy": the opposite is negated."""
    return len(word) > 3 and word not in NOT_PREDICATE and any(
        facts.are_antonyms(word, key) for key in keys
    )


def _answered_after_contrast(tokens: list[str], bearing: list[str], keys: set[str]) -> bool:
    """ "will not take it back militarily, but hopes to regain it by diplomatic means":
    after the contrast the source states the claim's words the "not" bore on (or what
    their opposite stands against), so the negation denies something else."""
    words = [t.lower() for t in tokens]
    at = next((k for k, w in enumerate(words) if w in CONTRASTS), None)
    if at is None:
        return False
    after = set(words[at + 1 :])
    wanted = {k for k in keys if any(facts.are_antonyms(w, k) for w in bearing)}
    wanted |= {w for w in bearing if matches_any(w, keys)}
    return bool(wanted) and all(matches_any(w, after) for w in wanted)


_SET_ASIDE = re.compile(
    r"(?:\brather\s+than|\binstead\s+of|,\s*(?P<not>not))\s+(?P<words>[^,;:.!?]+)", re.IGNORECASE
)


def set_aside(text: str) -> list[tuple[bool, set[str]]]:
    """The alternatives a text names only to set them aside ("hydraulic fluid, not diesel",
    "from wells rather than from the river"): each with whether a "not" sets it aside, and its
    words up to the clause's end."""
    return [
        (m.group("not") is not None, {w.lower() for w in WORD.findall(m.group("words"))} - STOP_WORDS)
        for m in _SET_ASIDE.finditer(text)
    ]


def set_aside_claim_words(claim: Claim, text: str) -> tuple[str, str] | None:
    """(word, the source's words setting it aside) for a word the claim states that the source
    sets aside ("taken to Lindell General by ambulance, not by helicopter" against "flown by
    helicopter"; "in July rather than June"), the claim drawing no such contrast itself: the
    source denies it."""
    keys = set(claim.key_lemmas) | ({w.lower() for w in WORD.findall(claim.content)} - STOP_WORDS)  # months too
    own = set().union(*(words for _, words in set_aside(claim.content))) | _denied_words(claim.content)
    affirmed = {w.lower() for w in WORD.findall(_SET_ASIDE.sub(" ", text))}
    for match in _SET_ASIDE.finditer(text):
        words = {w.lower() for w in WORD.findall(match.group("words"))} - STOP_WORDS
        if words & own:
            continue  # a contrast the claim draws too ("the best case, not the likely one"; "does not include")
        for word in sorted(words):
            if matches_any(word, keys) and not matches_any(word, affirmed):
                lead = " ".join(WORD.findall(text[: match.start()])[-ASIDE_LEAD:])
                return word, f"{lead}{match.group(0).rstrip()}"
    return None


def contrasted_alike(one: str, other: str) -> int:
    """How many of `one`'s set-aside "not"s set aside what `other` also sets aside ("not in the
    value of the house" / "rather than the house itself"): a contrast both texts draw, whose
    "not" is no difference of polarity between them."""
    theirs = set().union(*(words for _, words in set_aside(other)))
    return sum(1 for by_not, words in set_aside(one) if by_not and words & theirs)


def _negates_another_light_predicate(following: list[str], keys: set[str]) -> bool:
    """ "not to take advantage of Britain": the "not" denies "take advantage", whatever follows."""
    words = [w for w in following if w not in {"to", "be", "been", "ever", "even"}]
    return (
        len(words) >= 2
        and words[0] in LIGHT_VERB_FORMS
        and words[1] not in PARTICLES  # "take back" is a verb of its own
        and not matches_any(words[1], keys)
        and words[1] not in NOT_PREDICATE
    )


# words that open a clause of its own: a negation inside governs that clause only
SUBORDINATORS = frozenset(
    "when whenever after because while as until till since before although though whereas "
    "unless once where".split()
)
RELATIVES = frozenset({"who", "which", "whom", "whose"})
# after a comma, these open a clause of their own: "X is not enough, and Y has called for Z"
COORDINATORS = frozenset({"and", "but", "or", "yet", "so"})
SENTENCE_END = "."
CLAUSE_MARKS = frozenset({",", ";", ":", SENTENCE_END})
# words between a negation and the verb or noun it denies: "could no longer be used"
DENIAL_FILLERS = NOT_PREDICATE | frozenset(
    "longer more yet ever even able just always again have has had do does did".split()
)
# a full stop, "!" or "?" before a space: another sentence begins (not "2.5", nor the
# "Dr." of a short capitalised abbreviation)
_SENTENCE_BREAK = r"(?<![A-Z][a-z])(?<![A-Z])[.!?](?=[\"”’']?(?:\s|$))"
_TOKEN = re.compile(rf"{WORD.pattern}|[,;:]|{_SENTENCE_BREAK}")


def _clause_end(tokens: list[str], start: int) -> int:
    """Where the clause holding tokens[start] ends: the sentence's end, a semicolon, or a word
    (or a comma and a word) opening another clause ("..., when homes could no longer get
    heat", "..., and the council has called for ...")."""
    for k in range(start, len(tokens)):
        word = tokens[k].lower()
        if word in (";", ":", SENTENCE_END) or word in SUBORDINATORS:
            return k
        if (
            word == ","
            and k + 1 < len(tokens)
            and tokens[k + 1].lower() in RELATIVES | COORDINATORS
        ):
            return k
    return len(tokens)


def _in_subordinate_clause(tokens: list[str], at: int) -> bool:
    """The negation at tokens[at] stands in a when/because/which clause, not the main one."""
    for k in range(at - 1, -1, -1):
        word = tokens[k].lower()
        if word in CLAUSE_MARKS:
            return False
        if word in SUBORDINATORS or word in RELATIVES:
            return True
    return False


def _denies_the_claim(following: list[str], keys: set[str]) -> bool:
    """The verb or noun the negation denies (its first word of substance), or the object of a
    light verb there, is the claim's: "could no longer get heat" denies "heat"."""
    words = [w for w in following if w not in DENIAL_FILLERS]
    if not words:
        return False
    head = words[0]
    if bears_on(head, keys) or _opposes_any(head, keys):
        return True
    return head in LIGHT_VERB_FORMS and any(bears_on(w, keys) for w in words[1:3])


def scoped_negations(claim: Claim, text: str) -> list[tuple[str, str]]:
    """Negation cues of `text` that bear on the claim's words ("would not deploy troops").

    A cue whose next few words are none of the claim's ("warned Europe not
    to take advantage") negates something else and is ignored. A negation
    governs its own clause: the words it looks at stop where another clause
    begins ("would not strike, because managers agreed ..."), and one inside a
    when/because/relative clause counts only when the verb or noun it denies is
    the claim's ("sealed the pipe on Monday, when homes could no longer get heat").
    """
    return _bearing_on(_keys(claim.key_lemmas, claim.content), text)


def deny_the_same(claim: Claim, region: str) -> bool:
    """The claim and the source's words about it each deny the same words, their "not"s
    scoped on different ones: "would not be put beside a leaking car" and "are not going to
    put firefighters next to a leaking car" deny the same putting."""
    denied = _denied_words(claim.content)
    return any(matches_any(w, denied) for w in _denied_words(region))


def _denied_words(text: str) -> set[str]:
    """The words of substance (a light verb included) within a few after each negation cue."""
    words = [w.lower() for w in WORD.findall(NEGATION_IDIOMS.sub(" ", text))]
    return {
        w
        for i, cue in enumerate(words)
        if _is_negator(cue)
        for w in words[i + 1 : i + 1 + DENIED_WORDS]
        if w in LIGHT_VERB_FORMS or w not in STOP_WORDS | DENIAL_FILLERS
    }


def claim_negations(claim: Claim, candidate: Candidate) -> list[str]:
    """Negation cues of the claim that bear on the source's words, scoped as the source's are
    against the claim: "Saltmarsh, which has no fire station of its own, now has Engine 7" or
    "..., who voted no, argued ..." deny nothing a source about Engine 7 or the argument says."""
    if not claim.negated:
        return []  # most claims: no cue to scope ("cast the lone no vote" denies nothing either)
    keys = _keys(source_lemmas(candidate), candidate.text)
    inflected = {w for w in _keys([], claim.content) if any(b in keys for b in _base_forms(w))}
    return [cue for cue, _ in _bearing_on(keys | inflected, claim.content)]


def _base_forms(word: str) -> list[str]:
    """What an inflected word may be a form of ("leaking" of the lemma "leak"): the text's
    words are compared with the other text's lemmas."""
    forms = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
    return forms


def _keys(lemmas: list[str], text: str) -> set[str]:
    """The words a negation may bear on: a text's lemmas and written words, less fillers."""
    words = {re.sub(r"'s?$", "", w.lower().replace(".", "")) for w in WORD.findall(text)}
    return (set(lemmas) | {w for w in words if w not in NOT_PREDICATE}) - NEGATORS


def _bearing_on(keys: set[str], text: str) -> list[tuple[str, str]]:
    """Negation cues of `text` whose scope holds one of `keys`, with the words around each."""
    marked = [
        SENTENCE_END if t in "!?" else t for t in _TOKEN.findall(NEGATION_IDIOMS.sub(" ", text))
    ]
    tokens = [t for t in marked if t not in CLAUSE_MARKS]
    at_marked = [k for k, t in enumerate(marked) if t not in CLAUSE_MARKS]
    cues: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        word = token.lower().replace("’", "'")
        if not _is_negator(word):
            continue
        position = at_marked[i]
        end = _clause_end(marked, position + 1)
        clause = [t for t in marked[position + 1 : end] if t not in CLAUSE_MARKS]
        width = SCOPE_WORDS
        # a determiner "no", not "no one" nor "no longer"
        determiner = word == "no" and bool(clause) and clause[0].lower() not in DENIAL_FILLERS | {"one"}
        if word == "no" and len(clause) > 2 and clause[1].lower() in ("of", "that"):
            width = COMPLEMENT_SCOPE  # "no record of a car falling into a hole": all of it
        elif determiner and not {"to", "of"} & {w.lower() for w in clause[1:3]}:
            width = NOUN_SCOPE  # "showed no change in water quality" denies a change, not the water
        # (but "no plans to close it" denies the closing: the words after "to"/"of" count)
        following = [
            re.sub(r"'s?$", "", t.lower().replace(".", "").replace("’", "'"))
            for t in clause[:width]
        ]
        if _negates_another_light_predicate(following, keys):
            continue
        if determiner and width != COMPLEMENT_SCOPE:
            following = _noun_head(following)
        bearing = [w for w in following if bears_on(w, keys) or _opposes_any(w, keys)]
        if not bearing or _answered_after_contrast(tokens[i + 1 :], bearing, keys):
            continue
        if _in_subordinate_clause(marked, position) and not _denies_the_claim(
            [re.sub(r"'s?$", "", t.lower().replace("’", "'")) for t in clause], keys
        ):
            continue
        cues.append((word, " ".join(tokens[max(0, i - 3) : i + 1 + width])))
    return cues


def _noun_head(words: list[str]) -> list[str]:
    """What a determiner "no" denies: the last noun of its compound ("no streetlight fee of any
    amount" denies a fee, not streetlights; "no shutoff valve" a valve), and what follows it
    ("no plans to close the branch")."""
    compound = words[:1] + list(takewhile(lambda w: w not in STOP_WORDS, words[1:]))
    return compound[-1:] + words[len(compound) :]


def negated_light_verbs(claim: Claim, text: str) -> list[str]:
    """Light verbs of the claim that the source negates with another object.

    "warned Europe not to take advantage of America" shares "take" with a claim
    about taking responsibility: the "not" is about another predicate, so it
    neither denies the claim nor leaves the sentence saying it.
    """
    claim_words = {w.lower() for w in WORD.findall(claim.content)}
    tokens = [t.lower() for t in WORD.findall(NEGATION_IDIOMS.sub(" ", text))]
    found: list[str] = []
    for i, word in enumerate(tokens):
        if not _is_negator(word):
            continue
        for following in tokens[i + 1 : i + 3]:
            if following in LIGHT_VERB_FORMS and (
                following in claim_words or matches_any(following, set(claim.key_lemmas))
            ):
                found.append(following)
    return found


# ---------------------------------------------------------------------------
# "non-NATO": a prefix that denies a name


def _negated_compounds(text: str) -> dict[str, str]:
    """Stems a hyphenated negating prefix denies: "a non-NATO mission" -> {"nato": "non-NATO"}."""
    return {
        m.group("stem").lower(): m.group(0).replace(" ", "")
        for m in NEGATED_COMPOUND.finditer(text)
    }


def _bare_words(text: str) -> set[str]:
    """Lower-case words of `text` not written as the stem of a "non-"/"anti-"/"un-" compound."""
    stripped = NEGATED_COMPOUND.sub(" ", text)
    return {w.lower() for w in WORD.findall(stripped)}


def compound_negation(claim: Claim, candidate: Candidate) -> tuple[str, str] | None:
    """(side, compound) when one side says "non-NATO" and the other only "NATO".

    spaCy splits "non-NATO" into "non", "-", "NATO", so the name looks stated;
    the prefix denies it. A source that also says the bare word ("European and
    non-European troops") states both and is no conflict.
    """
    source_compounds = _negated_compounds(candidate.text)
    claim_compounds = _negated_compounds(claim.content)
    if not source_compounds and not claim_compounds:
        return None
    claim_bare, source_bare = _bare_words(claim.content), _bare_words(candidate.text)
    for stem, written in source_compounds.items():
        if stem in claim_bare and stem not in claim_compounds and stem not in source_bare:
            return "source", written
    for stem, written in claim_compounds.items():
        if stem in source_bare and stem not in source_compounds and stem not in claim_bare:
            return "claim", written
    return None


# ---------------------------------------------------------------------------
# verbs that deny their complement: "ruled out", "denied", "rejected"


def source_lemmas(candidate: Candidate) -> list[str]:
    """The candidate's stored lemmas, or its lower-cased words when none were stored."""
    return candidate.lemmas.lower().split() or WORD.findall(candidate.text.lower())


def source_complement_negators(claim: Claim, candidate: Candidate) -> list[str]:
    """Source predicates that deny the part of the sentence stating the claim
    ("ruled out the possibility of Ukraine joining NATO"), which the claim does not share.

    A lemma scan of the stored passage: no parse per candidate.
    """
    lemmas = source_lemmas(candidate)
    if not lemmas:
        return []
    keys = set(claim.key_lemmas) | name_words(claim)
    vocabulary, by_prefix = _claim_vocabulary(claim)
    found: list[str] = []
    cue = cue_negator(candidate)
    if cue is not None and not word_covered(cue.split()[0], vocabulary, by_prefix):
        found.append(cue)  # "Kulik denied that the talks had failed": the whole quote is denied
    for position, word in complement_negators(lemmas):
        head = word.split()[0]
        if head in keys or word_covered(head, vocabulary, by_prefix):
            continue  # the claim says it too ("dismissed", "doubtful"): no flip
        following: list[str] = []
        for lemma in lemmas[position + 1 : position + 1 + COMPLEMENT_SCOPE]:
            if lemma in SCOPE_BREAKS:
                break
            following.append(lemma)
        if head in INFINITIVE_NEGATORS:
            denied = _denies_the_claim(following, keys)  # "declined to say how much": the saying
        else:
            denied = any(bears_on(w, keys) for w in following)
        if denied:
            found.append(word)
    return found


def cue_negator(candidate: Candidate) -> str | None:
    """The negating reporting verb of a reported quote ("denied", "ruled out"), as a lemma."""
    if candidate.kind != "quote" or not candidate.cue:
        return None
    cue = candidate.cue.lower()
    if cue.startswith("rul") and "out" in cue.split():
        return "rule out"
    word = CUE_NEGATORS.get(cue[:4])
    if word == "refute" and cue.startswith("refus"):
        return "refuse"
    return word


def claim_complement_negators(claim: Claim, candidate: Candidate) -> list[str]:
    """Claim predicates that deny their complement and that the source does not state."""
    found = complement_negators([w.lower() for w in claim.lemmas])
    words = [w for _, w in found]
    if not words:
        return []
    stated = states_words(candidate, [w.split()[0] for w in words])
    return [w for w in words if w.split()[0] not in stated]


def denying_predicate(claim: Claim) -> str | None:
    """The claim's main verb when it denies its complement ("ruled out", "rejected")."""
    if not claim.predicate:
        return None
    found = complement_negators([w.lower() for w in claim.lemmas])
    heads = {w.split()[0] for _, w in found}
    return claim.predicate if claim.predicate in heads else None


def _claim_vocabulary(claim: Claim) -> tuple[set[str], dict[str, list[str]]]:
    vocabulary = {w.lower() for w in claim.lemmas} | {
        w.lower() for w in WORD.findall(claim.content)
    }
    return vocabulary, prefix_index(vocabulary)
