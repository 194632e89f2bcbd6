"""Attribution: is the candidate the claimed speaker's words, or someone else's?

A claim that says who spoke ("Hegseth said ...") is supported only by that
person's words: a sentence that names them speaking (or goes on about "he"),
or a quote the store attributes to them. Nearly the same words from another
person are a speaker_mismatch when verbatim, and no evidence otherwise.
"""

from __future__ import annotations

import re

from bot.check.claims import SPEECH_VERBS, Claim
from bot.core.models import Entity, Reason
from bot.check.rules.polarity import polarity_reasons
from bot.check.retrieve import WORD, Alignment, Candidate
from bot.language.speakers import TITLE_WORDS, SpeakerResolver

PRONOUN_OPENERS = frozenset(["he", "she", "they", "his", "her", "their", "we", "i"])
ATTRIBUTION = re.compile(
    r"(?:[,.!?\"”]\s*|\b)(?:said|says|told|added|stressed|insisted|noted|explained)\s+"
    r"(?P<after>(?:[A-Z][\w.’'-]*\s*){1,4})"
    r"|(?P<before>(?:[A-Z][\w.’'-]*\s+){1,4})(?:said|says|told|added|stressed|insisted|noted)\b"
)


def _inflections(verb: str) -> set[str]:
    """ "mention" -> mention, mentions, mentioned; "note" -> notes, noted."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, f"{verb}s", f"{stem}ed", f"{verb}es"}


# words that have a person speaking or taking a stand, with every attributing verb
# of a claim as a source may write it ("mentioned", "pointed out")
SPEAKING = frozenset(
    ["said", "say", "says", "told", "tell", "tells", "added", "adds", "stressed", "emphasized", "emphasised", "insisted", "warned", "urged", "called", "noted", "argued", "wrote", "declared", "announced", "believes", "believe", "believed", "thinks", "think", "thought", "wants", "want", "wanted", "vowed", "promised", "pledged", "acknowledged", "admitted", "denied", "rejected", "reiterated", "explained", "claimed", "suggested", "asserted", "laid", "made", "described", "agreed", "refused", "repeated", "confirmed", "predicted", "hoped", "expects", "expected", "according", "accused", "criticised", "criticized", "praised", "dismissed", "ruled", "questioned", "replied", "responded", "posted", "tweeted"]
) | frozenset(w for v in SPEECH_VERBS for w in _inflections(v))


def is_quote_speaker(name: Entity, candidate: Candidate, speakers: SpeakerResolver) -> bool:
    """The candidate is a quote of the person `name` names."""
    return (
        candidate.kind == "quote"
        and bool(candidate.speaker)
        and name.label in ("PERSON", "PROPN", "ORG")
        and speakers.same_person(name.text, candidate.speaker or "")
    )


def quoted_by_someone_else(
    claim: Claim, candidate: Candidate, speakers: SpeakerResolver
) -> bool:
    """Words of someone who is neither the claimed speaker nor one speaking with them: a
    quote, or a sentence that is a quote the index attributes (`quote_owners`).

    A quote that has the claimed speaker speaking in it ('"The council has called for a
    subsidy," the harbour master said') reports their words: it is not someone else's."""
    if not (claim.speaker and candidate.speaker):
        return False
    said_by = [claim.speaker, *claim.co_speakers]
    if any(speakers.same_person(person, candidate.speaker) for person in said_by):
        return False
    return not any(_speaks(candidate.text, person.split()[-1]) for person in said_by)


def states_the_content(claim: Claim, candidate: Candidate, alignment: Alignment) -> bool:
    """Another person's quote says what the claim has its speaker say: every content word of
    the claim, with the same polarity ("will not close" is not stated by "will not send staff
    to the clinic", nor by "no clinic will close").

    Only then is it a speaker_mismatch; a quote that merely shares the topic words (or says
    the opposite) is someone else's view, no evidence of what the claimed speaker said.
    """
    if alignment.missing:
        return False
    conflicts, _ = polarity_reasons(claim, candidate)
    return not conflicts


def speaker_mismatch(claim: Claim, candidate: Candidate) -> Reason:
    """The reason shown for a quote that is someone else's (and who says so, when the
    excerpt itself does not name its speaker)."""
    owner = _possessive(candidate.speaker or "")
    if candidate.speaker_from:
        owner += f" (as {candidate.speaker_from} reports it)"
    return Reason(
        code="speaker_mismatch",
        detail=f"the quote is {owner}, not {_possessive(claim.speaker or '')}",
    )


def may_be_speaker(
    claim: Claim, candidate: Candidate, speakers: SpeakerResolver
) -> bool:
    """Could this sentence report the claimed speaker's words? It names them, or its article
    does and it goes on about "he"/"she" (`goes_on_about_someone`, resolved beforehand)."""
    assert claim.speaker is not None
    if _attributed_to_another(claim, candidate, speakers):
        return False  # '"...," Berg added' in an article that names the claimed speaker too
    if claim.speaker in candidate.resolved:
        return True  # "The mayor said ..." in a standfirst, the article's mayor being them
    surnames = {claim.speaker.split()[-1]} | {p.split()[-1] for p in claim.co_speakers}
    if claim.speaker_mention:
        surnames.add(claim.speaker_mention.split()[-1])
    for entity in candidate.entities:
        if entity.label == "PERSON" and speakers.same_person(
            entity.text, claim.speaker
        ):
            surnames.add(entity.text.split()[-1])
    return any(_speaks(candidate.text, surname) for surname in surnames)


def speaker_unknown(candidate: Candidate) -> bool:
    """Words the index gives no speaker for: a sentence, or a quote it could not attribute."""
    return candidate.kind == "fact" or not candidate.speaker


def goes_on_about_someone(candidate: Candidate) -> bool:
    """A sentence opening with "he"/"she" or a quotation mark: whose words they are is said
    around it. It may report the claimed speaker only where its article names them (then
    `resolve_references` adds them to `resolved`); a pronoun alone fits anyone's article."""
    first = WORD.findall(candidate.text.lower())[:1]
    return bool(first) and first[0] in PRONOUN_OPENERS or candidate.text.lstrip()[:1] in "\"“‘'"


def _speaks(text: str, surname: str) -> bool:
    """The sentence has the person speaking (or taking a stand), not merely mentioned:
    "Hegseth said", "said Hegseth", "Hegseth, speaking in Brussels, warned", "according to Hegseth"."""
    words = [w.lower() for w in WORD.findall(text)]
    target = surname.lower().replace("’", "'")
    for i, word in enumerate(words):
        if re.sub(r"'s?$", "", word) != target:
            continue
        if word.endswith("'s"):
            return True  # "Hegseth's remarks", "Hegseth’s message"
        if SPEAKING & set(words[max(0, i - 3) : i]) or SPEAKING & set(words[i + 1 : i + 8]):
            return True
    # "Menon, who studies health-sector security at Ashbury Polytechnic, said": the verb
    # after an aside set off by commas, however long
    aside = re.search(rf"\b{re.escape(surname)},[^,;.]{{1,160}},\s*([\w’']+)", text, re.IGNORECASE)
    return aside is not None and aside.group(1).lower() in SPEAKING


def _attributed_to_another(
    claim: Claim, candidate: Candidate, speakers: SpeakerResolver
) -> bool:
    """ "…," Hegseth said: a sentence attributed to someone else is not the claimed speaker's."""
    assert claim.speaker is not None
    found = False
    for match in ATTRIBUTION.finditer(candidate.text):
        if match.group("after") and _opens_content(candidate.text, match):
            continue  # "has said Georgia will ...": the name opens what was said
        named = (match.group("after") or match.group("before") or "").strip()
        words = [w for w in named.split() if w.lower().rstrip(".") not in TITLE_WORDS]
        if not words:
            continue
        person = " ".join(words)
        for said_by in [claim.speaker, *claim.co_speakers]:
            if speakers.same_person(person, said_by) or any(
                w.lower() in said_by.lower().split() for w in words
            ):
                return False
        found = True
    return found


def _opens_content(text: str, match: re.Match[str]) -> bool:
    """ "X has said Georgia will not ...": no punctuation before the verb, and the name
    runs on into a clause, so it is the subject of the reported words, not who says them."""
    if re.search(r"[,.!?\"”]\s*$", text[: match.start() + 1]):
        return False
    rest = WORD.findall(text[match.end() :])[:1]
    return bool(rest) and rest[0].islower()


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# nouns a story uses for the organisation it is about: "the utility said", "the trust said"
ORGANISATION_NOUNS = frozenset(
    "company firm utility trust council hospital group operator provider agency authority "
    "ministry department government board bank airline club university school charity "
    "network service business retailer insurer supplier manufacturer carrier developer "
    "owner landlord practice foundation organisation organization corporation".split()
)
_SPEECH = (
    r"(?:said|says|told|added|stated|noted|confirmed|announced|explained|insisted|warned|"
    r"reported|acknowledged|admitted|estimated|disclosed|revealed)"
)
GENERIC_SPEAKER = re.compile(
    rf"(?:^|[,;:]\s*|\b)(?:(?:[Tt]he|[Ii]ts)\s+(?P<noun>[a-z]+)|[Ii]t)\s+(?:has\s+|had\s+)?{_SPEECH}\b"
    rf"|\b{_SPEECH}\s+the\s+(?P<after>[a-z]+)\b"
)


def generic_speaker(candidate: Candidate) -> bool:
    """The sentence has an organisation speaking without naming it: "The utility said ...",
    "..., said the company", "It said ..."."""
    for match in GENERIC_SPEAKER.finditer(candidate.text):
        noun = match.group("noun") or match.group("after")
        if noun is None or noun in ORGANISATION_NOUNS:
            return True
    return False


def speaking_entities(candidate: Candidate) -> list[Entity]:
    """People and organisations the sentence has speaking ("Corvex Energy said")."""
    return [
        e
        for e in candidate.entities
        if e.label in ("PERSON", "ORG", "PROPN", "NORP", "GPE")
        and WORD.findall(e.text)
        and _speaks(candidate.text, WORD.findall(e.text)[-1])
    ]
