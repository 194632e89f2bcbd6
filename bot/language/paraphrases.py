"""Paraphrases reporters swap freely: word equivalence classes and verb phrases.

One resource for every rule that asks whether a source states a claim's word
in other words: a group holds words (verbs, and the nouns that carry the same
statement) that outlets use interchangeably, so that "pulled from shelves"
is stated by "removed from shelves" and "employs 420 people" by "a staff of
420". Groups are general news vocabulary, never words of one story.

Also: verbs that only relate the claim's nouns ("the fine covered six sites"),
degree adverbs that add no checkable content ("perfectly adequate"), and count
nouns that count the same things ("420 people" / "420 workers").
"""

from __future__ import annotations

SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "speak talk discuss conversation call chat converse",
        "send deploy dispatch",
        "troop soldier force",
        "end stop halt finish cease",
        "war conflict fighting hostility",
        "begin start launch commence",
        "negotiation talk negotiate",
        "agree accept",
        "want intend aim seek",
        "try attempt seek bid endeavour endeavor",
        "plan intend",
        "say state tell",
        "meet meeting talk",
        "call phone telephone",
        "return",
        "finish complete conclude",
        "reject dismiss rebuff",
        "cut reduce lower slash",
        "criticize criticise condemn",
        "warn caution",
        "country nation",
        "defence defense military",
        "imprison jail detain prison imprisonment",
        "strike walkout stoppage",
        "raise rise hike",
        "remain stay",
        "intervene intervention",
        "kill slay",
        "buy purchase",
        "help aid assist",
        "big large",
        "small little",
        "rise increase grow climb",
        "fall decrease drop decline",
        "ban prohibit",
        "leader head",
        "president leader",
        "goal objective aim",
        "membership member",
        "guarantee assurance",
        "peace settlement",
        "phone telephone",
        "charge responsibility responsible",
        "security defence defense",
        "praise acclaim applause plaudit commendation accolade",
        "backlash criticism condemnation outrage outcry uproar rebuke censure",
        "diplomatic diplomacy diplomatically",
        "military militarily",
        "retake regain recapture reclaim",
        # reporters' verb swaps (round 9): each line one statement, worded freely
        "remove pull withdraw",
        "release discharge free",
        "testify appear",
        "lose shed fall drop decline slide slip",
        "top exceed surpass more over above",
        "worker employee staff people person",
        "adequate sufficient enough acceptable satisfactory",
        "inadequate insufficient",
        "investigate probe inquiry investigation",
        "examine review inspect inspection",
        "warn warning caution",
        "fine penalty",
        "sack dismiss fire",
        "resign quit",
        "hospitalise hospitalize hospital",
        "recall withdraw",
        "close shut closure",
        "delay postpone postponement",
        "cancel cancellation scrap",
        "approve approval authorise authorize sanction",
        "announce unveil",
        "arrest detain",
        "charge accuse",
        "injure hurt wound",
        "damage harm",
        "build construct",
        "repair fix",
        "hire recruit",
        "pay payment",
        "offer propose",
        "order instruct",
    )
)


# Multi-word paraphrases of one verb, matched on a candidate's lemmas: a source
# that "flew home" states that someone "returned".
PHRASE_EQUIVALENTS: dict[str, str] = {
    "fly home": "return", "fly back": "return", "come back": "return", "come home": "return",
    "go home": "return", "go back": "return", "head home": "return",
    "head back": "return", "arrive home": "return", "arrive back": "return",
    "back home": "return", "travel home": "return", "be back": "return",
    "hold talk": "meet", "sit down with": "meet", "phone call": "call",
    "set off": "leave", "pull out": "withdraw", "step down": "resign", "turn down": "reject",
    "call off": "cancel", "put off": "postpone", "carry out": "conduct", "set up": "establish",
    "take back": "retake", "win back": "retake", "get back": "retake",
    "step in": "intervene", "step into": "intervene",
    "take off": "remove", "give evidence": "testify", "send home": "discharge",
    "go up": "rise", "go down": "fall", "shut down": "close", "lay off": "fire",
    "sign off": "approve", "sign up": "join", "take on": "hire", "look into": "investigate",
}  # fmt: skip

# Verbs that only relate the claim's nouns, names and numbers: "the strike involved 300
# drivers" is stated by "300 drivers joined the strike". Such a verb need not be written
# when everything else of the claim is (see `predicate_checks.relation_verb_implied`);
# "employs 420 people" is stated by "a staff of 420".
RELATION_VERBS = frozenset(
    "cover include involve affect concern see have comprise contain feature number total "
    "span hit reach mean represent account employ".split()
)
# Degree adverbs that intensify without adding a checkable fact ("perfectly adequate",
# "very clear"): not required of a source.
INTENSIFIERS = frozenset(
    "perfectly very extremely really quite highly truly absolutely utterly deeply "
    "incredibly particularly exceptionally remarkably".split()
)
# Count nouns that count the same people: "420 people" = "420 workers" = "a staff of 420".
COUNT_NOUN_CLASSES: tuple[frozenset[str], ...] = (
    frozenset("person people worker employee staff staffer workforce".split()),
)


def same_count_noun(a: str, b: str) -> bool:
    """Two count units that count the same things ("person"/"worker")."""
    return a == b or any(a in group and b in group for group in COUNT_NOUN_CLASSES)
