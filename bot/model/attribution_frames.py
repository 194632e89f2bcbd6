"""Attribution frames: the grammar resource for generating reported-claim pairs.

A news sentence that *reports* a claim ("A viral post says the senator was
arrested", "Critics allege that ...", "According to a tweet, ...") supports
only the attributed claim ("A viral post says ..."), not the bare one ("The
senator was arrested"). The pair generator wraps real sentences in these
frames to teach a stance model exactly that. These lists make training data;
the checker finds real frames with the grammar (`bot/check/reported_claims.py`).

- CLAIM_VERBS (from `bot.language.reporting_verbs`): verbs that present a content
  clause as somebody's assertion, without the writer vouching for it. A real
  corpus sentence "X claimed that S" gives (sentence, S) as neutral.
- FRAME_VERBS: the verbs used to build frames ("{source} {verb} that {S}"),
  in the present and past forms the frame needs.
- ATTRIBUTED_VERBS: the verbs of the entailed, attributed hypothesis; weaker than or
  equal to any frame verb ("insisted" entails "said", not the other way round).
- GENERIC_SOURCES: sources that are not a person or organisation from the
  corpus (posts, videos, rumours), the typical subject of a debunk.
- VERDICTS: a fact-check's ruling on the claim it has just restated ("That is false."),
  by what it makes of the restated words: false, true, or not settled. After its frame the
  restatement with its ruling contradicts, entails, or leaves open the bare claim.
"""

from __future__ import annotations

from bot.language.reporting_verbs import CLAIM_VERBS

__all__ = ["CLAIM_VERBS", "FRAME_VERBS", "ATTRIBUTED_VERBS", "GENERIC_SOURCES", "PLURAL_SOURCES", "VERDICTS"]

FRAME_VERBS: tuple[tuple[str, str], ...] = (
    ("says", "said"),
    ("claims", "claimed"),
    ("alleges", "alleged"),
    ("suggests", "suggested"),
    ("asserts", "asserted"),
    ("insists", "insisted"),
)
# what every frame entails about its source: "X insisted that S" -> "X said that S"
ATTRIBUTED_VERBS: tuple[tuple[str, str], ...] = (("says", "said"), ("claims", "claimed"))
GENERIC_SOURCES = (
    "a viral post",
    "a social media post",
    "a post shared on Facebook",
    "a tweet",
    "a widely shared video",
    "an online article",
    "a chain email",
    "critics",
    "supporters",
    "a blog post",
    "a meme",
    "a campaign ad",
    "some commentators",
    "a petition",
)
PLURAL_SOURCES = frozenset({"critics", "supporters", "some commentators"})  # take the past form only
VERDICTS: dict[str, tuple[str, ...]] = {
    "contradiction": (
        "That is false.", "That is not true.", "This is false.", "That claim is false.",
        "This claim is not true.", "That's false.", "That's not true.", "It is not.", "False.",
        "That is wrong.", "Not so.", "That is incorrect.", "The claim is false.",
        "That did not happen.", "This is not accurate.", "That is not the case.",
    ),
    "entailment": (
        "That is true.", "This is true.", "That's true.", "That is correct.", "The claim is accurate.",
        "True.", "That is accurate.", "That part is true.", "This claim is correct.",
        "That checks out.", "It is true.",
    ),
    "neutral": (
        "We could not verify that.", "That could not be confirmed.", "That is unproven.",
        "It is too early to say.", "No record settles that either way.", "That remains unclear.",
    ),
}
