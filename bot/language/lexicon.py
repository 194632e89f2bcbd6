"""A general antonym lexicon: realistic/unrealistic, rise/fall, accept/reject ...

Three sources of pairs, all compared as lower-case lemmas (so "rose"/"fell",
"higher"/"lower" and "increased"/"decreases" hit too):

1. curated groups of opposites (every word of one side opposes every word of
   the other: accept|approve / reject|refuse);
2. pairs generated from a curated list of words with a negative prefix
   (un-, in-, im-, il-, ir-, dis-, non-): "unrealistic" yields
   realistic/unrealistic. The list is curated rather than taken from a word
   list because many real words only look prefixed (discover/cover,
   invaluable/valuable, infamous/famous);
3. at comparison time, an un-/in-/im-/il-/ir-/dis-/non- word against its
   stem when the stem ends like an adjective (-able, -ible, -al, -ful, -ive,
   -ent, -ant, -ic, -ed, -ate), minus known false friends. This catches
   "unsustainable"/"sustainable" without listing it.

Function-word opposites (more/less, up/down, before/after, over/under) are a
weaker tier: they are only reported when no content-word pair is found,
since they occur in many sentences for unrelated reasons.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (side A, side B): every word of A opposes every word of B
_GROUPS: tuple[tuple[str, str], ...] = (
    ("accept approve endorse", "reject refuse veto"),
    ("united unite unified unify unity", "divided divide split disunited division"),
    # means and instruments: "by diplomacy" is not "through military force"
    (
        "diplomacy diplomatic diplomatically peaceful peacefully nonviolent",
        "military militarily violent violently violence forcibly armed",
    ),
    ("allow permit legalize legalise authorize authorise", "ban forbid prohibit outlaw"),
    ("support favor favour", "oppose"),
    ("supporter proponent", "opponent critic"),
    ("agree", "disagree"),
    ("success", "failure"),
    ("succeed", "fail"),
    ("successful", "unsuccessful failed"),
    ("win", "lose"),
    ("winner", "loser"),
    ("victory win", "defeat loss"),
    (
        "rise increase grow climb surge soar jump gain",
        "fall decrease decline drop shrink plunge slump sink",
    ),
    ("increase raise boost expand", "cut reduce lower"),
    ("growth", "contraction decline"),
    ("expansion", "contraction"),
    ("gain profit", "loss"),
    ("surplus", "deficit"),
    ("high", "low"),
    ("strong", "weak"),
    ("strength", "weakness"),
    ("strengthen", "weaken"),
    ("bolster", "weaken undermine"),
    ("true", "false"),
    ("right", "wrong"),
    ("correct", "wrong"),
    ("truth", "lie falsehood"),
    ("continue resume", "stop halt suspend"),
    ("buy purchase", "sell"),
    ("import", "export"),
    ("include", "exclude"),
    ("inclusive", "exclusive"),
    ("presence", "absence"),
    ("maximum", "minimum"),
    ("majority", "minority"),
    ("temporary", "permanent"),
    ("rich wealthy", "poor"),
    ("cheap inexpensive", "expensive costly"),
    ("easy", "difficult"),
    ("positive", "negative"),
    ("optimistic", "pessimistic"),
    ("optimism", "pessimism"),
    ("guilty", "innocent"),
    ("convict", "acquit"),
    ("conviction", "acquittal"),
    ("ally", "enemy adversary foe"),
    ("friend", "enemy foe"),
    ("friendly", "hostile"),
    ("peaceful", "violent"),
    ("offensive", "defensive"),
    ("advance", "retreat"),
    ("deploy", "withdraw"),
    ("deployment", "withdrawal"),
    ("escalate", "deescalate"),
    ("escalation", "deescalation"),
    ("arrive", "depart"),
    ("enter join", "leave exit quit"),
    ("confirm", "deny"),
    ("admit acknowledge", "deny"),
    ("heed hear", "ignore disregard"),
    ("agree", "refuse"),
    ("attend", "boycott skip"),
    ("keep retain maintain", "scrap abandon"),
    ("release", "detain arrest imprison jail prison imprisonment detention"),
    ("allow permit", "block"),
    ("welcome", "reject"),
    ("acquire", "sell"),
    ("praise", "criticize criticise condemn"),
    ("welcome", "condemn"),
    ("impose", "lift"),
    ("tighten", "ease loosen relax"),
    ("appoint", "dismiss sack"),
    ("safe", "dangerous"),
    ("safety", "danger"),
    ("love", "hate"),
    ("wide", "narrow"),
    ("remember", "forget"),
    ("reward", "punish"),
    ("freeze", "unfreeze"),
    ("legal lawful", "illegal unlawful"),
    ("democracy", "dictatorship autocracy"),
    ("democratic", "authoritarian autocratic"),
    ("liberal", "conservative"),
    ("alive", "dead"),
    ("survive", "perish"),
    ("encourage", "discourage"),
    # common news verbs and adjectives (general; each side a set of near-synonyms)
    ("prolong lengthen extend", "shorten curtail"),
    ("escalate intensify", "deescalate ease defuse calm"),
    ("escalation intensification", "deescalation"),
    ("expand enlarge widen broaden", "shrink contract narrow"),
    ("boost help benefit", "hurt harm damage"),
    ("benefit", "harm"),
    ("unite unify", "divide split"),
    ("unity", "disunity"),
    ("gain", "lose"),
    ("send deploy dispatch", "withdraw recall"),
    ("improve", "worsen deteriorate"),
    ("improvement", "deterioration"),
    ("better", "worse"),
    ("best", "worst"),
    ("support", "undermine"),
    ("accelerate hasten", "slow decelerate"),
    ("raise hike", "cut lower slash"),
    ("soar surge jump climb", "plummet tumble slide slump"),
    ("praise commend laud hail applaud", "criticize criticise condemn denounce slam blast"),
    ("praise", "blame"),
    ("reinforce", "weaken undermine"),
    ("acceptance", "rejection"),
    ("approval", "rejection"),
    # how something was received: "won praise" against "sparked backlash"
    (
        "praise acclaim applause plaudit commendation accolade approval welcome",
        "backlash criticism condemnation outrage outcry disapproval rebuke censure uproar",
    ),
    ("popular", "unpopular"),
    ("ratify", "reject"),
    ("allow enable", "prevent"),
    ("protect", "endanger"),
    ("build construct", "destroy demolish"),
    ("create", "destroy eliminate"),
    ("introduce adopt enact", "repeal scrap abolish"),
    ("establish", "abolish dissolve"),
    ("lend", "borrow"),
    ("reveal disclose", "conceal hide"),
    ("occupy", "liberate"),
    ("capture seize", "lose"),
    ("mobilize mobilise", "demobilize demobilise"),
    ("militarize militarise", "demilitarize demilitarise"),
    ("voluntary optional", "compulsory mandatory obligatory"),
    ("tough harsh strict", "lenient soft"),
    ("careful cautious", "reckless careless"),
    ("hawkish", "dovish"),
    ("bullish", "bearish"),
    ("superior", "inferior"),
    ("overestimate", "underestimate"),
    ("maximize maximise", "minimize minimise"),
    ("inflow", "outflow"),
    ("promote", "demote"),
    ("confident", "doubtful skeptical sceptical"),
    ("hopeful", "hopeless"),
    ("inclusion", "exclusion"),
    ("victory", "setback"),
    ("boom", "bust"),
    ("cooperate", "obstruct"),
    ("stable", "volatile"),
    ("calm", "tense"),
    ("peacefully", "violently"),
    ("willing", "reluctant"),
    # how things went, and how people judge them (adverbs too: "went very well"/"badly")
    ("well successfully smoothly", "badly poorly"),
    ("good excellent positive", "bad poor terrible negative"),
    ("positive positively constructive productive fruitful", "negative negatively unproductive fruitless"),
    ("confident certain", "uncertain skeptical sceptical"),
    ("optimistic upbeat hopeful", "pessimistic gloomy"),
    ("likely probable", "unlikely improbable"),
    ("easy easily", "difficult hard"),
    ("friendly warm cordial amicable", "hostile unfriendly frosty"),
    ("true accurate", "false untrue inaccurate"),
    ("success", "fiasco"),
)
# Opposites among frequent or many-sensed words ("at least", "the end of", "South
# Korea", "full-scale"): reported only when no content-word pair is found.
_WEAK_GROUPS: tuple[tuple[str, str], ...] = (
    ("more", "less fewer"),
    ("up", "down"),
    ("upward", "downward"),
    ("above", "below"),
    ("before", "after"),
    ("start begin launch", "end finish"),
    ("start", "stop"),
    ("continue resume", "end"),
    ("open", "close shut closed"),
    ("most", "least"),
    ("many", "few"),
    ("first", "last"),
    ("early", "late"),
    ("past", "future"),
    ("old", "young new"),
    ("ancient", "modern"),
    ("long", "short"),
    ("large big", "small little"),
    ("heavy", "light"),
    ("hot", "cold"),
    ("full", "empty"),
    ("present", "absent"),
    ("domestic", "foreign"),
    ("public", "private"),
    ("internal", "external"),
    ("inside", "outside"),
    ("north", "south"),
    ("east", "west"),
    ("northern", "southern"),
    ("eastern", "western"),
    ("attack", "defend"),
    ("hire", "fire"),
    ("live", "die"),
    ("fast quick rapid", "slow"),
    ("certain sure", "doubtful"),
    ("pro", "anti"),
    ("open reopen", "close shut"),
    ("attack", "defend"),
    ("rare", "common frequent"),
    ("ahead", "behind"),
    ("top", "bottom"),
    ("arrive", "leave"),
    ("sooner", "later"),
)

# Words whose negative prefix gives a real antonym of the stem (curated: real-looking
# prefixed words that are not antonyms, such as "invaluable", are simply absent).
_PREFIXED_WORDS = """
unable unacceptable unaffordable unaware unbalanced unbelievable uncertain unchanged unclear
uncomfortable uncommon unconditional unconstitutional undemocratic unemployed unemployment
unexpected unfair unfortunate unfriendly unhappy unhealthy unknown unlawful unlikely unlimited
unnecessary unofficial unpaid unpleasant unpopular unprecedented unpredictable unprepared
unproductive unprofitable unreasonable unrealistic unrelated unreliable unsafe unstable
unsuccessful unsustainable untrue unusual unwanted unwilling unwise unarmed unauthorized
unauthorised unbiased unconfirmed uncontrolled uncontested undecided undisputed unfit
unidentified unjustified unlucky unnatural unopposed unprotected unqualified unrestricted
unsigned unsure unwelcome unethical unavoidable unthinkable unimaginable unambiguous
unanswered unbearable unbeatable unequal uneven unfinished unimportant unintentional unlock
uncover unaffected unchallenged uncontrollable unconvincing undeniable undeserved
undesirable undiplomatic unelected unenforceable unexplained unfavourable unfavorable
unfounded unhelpful unharmed unjust unlawfully unlisted unmanned unmet unnamed unoccupied
unpunished unreported unresolved unsanctioned unscheduled unseen unsettled unspecified
unstoppable untested unverified unviable unwarranted unworkable unconstitutionally unsolved
unsupported unaccountable unacknowledged unarmoured unarmored unbiased unclassified
impossible improbable improper impatient immature immoral impractical imbalance impartial
imperfect impolite impermissible implausible immobile immeasurable
illegal illegitimate illiterate illogical illicit illiberal
irresponsible irrelevant irregular irrational irreversible irreplaceable irresistible
irreconcilable irrecoverable irreparable
inaccurate inadequate inappropriate inactive incapable incomplete inconsistent incorrect
indecisive independent indirect ineffective inefficient ineligible informal infrequent insane
insecure insensitive insufficient intolerant invalid invisible involuntary incompetent
incompatible inconclusive inconvenient injustice instability insecurity inequality inaction
inhumane inconceivable inadmissible inaccessible inactivity incoherent incurable indefensible
indistinct ineffectual inexact inexperienced inexplicable infeasible inhospitable inoperable
insignificant insolvent insoluble intangible intolerable inviolable invulnerable
disagree disapprove disappear disconnect discontinue disarm disqualify distrust disadvantage
disorder disobey dishonest dishonour dishonor disloyal disproportionate disagreement dislike
disallow disapproval disbelief discomfort discredit disengage disengagement disincentive
disintegrate disinterest disown disprove disregard dissatisfied dissatisfaction
disunity disunited disarmament disorganized disorganised
nonbinding nonviolent nonpartisan nonexistent nonessential nonlethal nonnuclear noncombat
nonaggression noncompliance nonmember nonprofit nonstrategic nonmilitary nonpolitical
"""
_PREFIXES = ("non", "dis", "un", "im", "in", "il", "ir")
# the stem of these is not what a prefix-stripping rule would guess
_STEM_EXCEPTIONS = {"unmanned": ""}  # no opposite worth reporting
_ADJECTIVE_ENDINGS = re.compile(r"(?:able|ible|al|ful|ive|ent|ant|ic|ed|ate|ar|ous|ure|ion|ity)$")
_FALSE_FRIENDS = frozenset(
    {"invaluable", "inflammable", "indifferent", "infamous", "disinterested", "impassive",
     "intense", "insistent", "instant", "inherent", "innate", "inert", "incense", "inflated",
     "installed", "interested", "invented", "included", "informed", "intended", "involved",
     "invited", "impressed", "imported", "imposed", "implied", "improved", "disposed",
     "dissolved", "distracted", "distinct", "distant", "discreet", "discrete", "dispatched",
     "displayed", "discovered", "disguised", "dismissed", "unionized", "unionised", "inactivated",
     "incumbent", "invasive", "inventive", "impulsive", "immune", "imminent"}
)  # fmt: skip
_MERGE_PREFIX_TOKENS = frozenset({"non", "de", "un", "anti", "dis"})  # "non - binding" as lemmas


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(strong, weak) maps from a lemma to the lemmas that oppose it."""
    strong: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}

    def link(table: dict[str, set[str]], a: str, b: str) -> None:
        if a != b:
            table.setdefault(a, set()).add(b)
            table.setdefault(b, set()).add(a)

    for side_a, side_b in _GROUPS:
        for a in side_a.split():
            for b in side_b.split():
                link(strong, a, b)
    for word in _PREFIXED_WORDS.split():
        stem = _STEM_EXCEPTIONS.get(word)
        if stem is None:
            prefix = next(p for p in _PREFIXES if word.startswith(p))
            stem = word[len(prefix) :]
        if stem:
            link(strong, word, stem)
    for side_a, side_b in _WEAK_GROUPS:
        for a in side_a.split():
            for b in side_b.split():
                link(weak, a, b)
    return (
        {k: frozenset(v) for k, v in strong.items()},
        {k: frozenset(v) for k, v in weak.items()},
    )


def opposites(lemma: str) -> frozenset[str]:
    """The listed opposites of a lemma, weak tier too (for generating training pairs)."""
    strong, weak = _lexicon()
    return strong.get(lemma.lower(), frozenset()) | weak.get(lemma.lower(), frozenset())


def antonym_pairs() -> frozenset[frozenset[str]]:
    """All listed antonym pairs (strong and weak) as unordered lemma pairs (cached)."""
    return _all_pairs()


@lru_cache(maxsize=1)
def _all_pairs() -> frozenset[frozenset[str]]:
    strong, weak = _lexicon()
    return frozenset(
        frozenset((a, b))
        for table in (strong, weak)
        for a, opposites in table.items()
        for b in opposites
    )


def _prefix_opposite(a: str, b: str) -> bool:
    """True when `a` is a negative-prefixed adjective-like form of `b` ("unsustainable")."""
    for prefix in _PREFIXES:
        if a.startswith(prefix) and a[len(prefix) :] == b:
            return (
                len(b) >= 5 and a not in _FALSE_FRIENDS and _ADJECTIVE_ENDINGS.search(b) is not None
            )
    return False


def _stem_forms(stem: str) -> tuple[str, ...]:
    """The stem as spaCy may have lemmatised it on the other side ("binding" -> "bind")."""
    if stem.endswith("ing"):
        return stem, stem[:-3], stem[:-3] + "e"
    if stem.endswith("ed"):
        return stem, stem[:-2], stem[:-1]
    return (stem,)


def _prefix_stem(word: str, candidates: set[str]) -> str | None:
    """The stem of `word` among `candidates` when `word` is its negative-prefixed form
    (listed in the lexicon, or adjective-like: see `_prefix_opposite`)."""
    if len(word) < 7 or word in _FALSE_FRIENDS:
        return None
    strong, _weak = _lexicon()
    for prefix in _PREFIXES:
        if word.startswith(prefix):
            stem = word[len(prefix) :]
            if stem not in strong.get(word, ()) and not _prefix_opposite(word, stem):
                continue
            for form in _stem_forms(stem):
                if form in candidates:
                    return form
    return None


def _normalise(lemmas: list[str]) -> list[str]:
    """Lower-case, and join split prefixes back ("non", "binding" -> "nonbinding")."""
    out: list[str] = []
    skip_next = False
    lowered = [lemma.lower() for lemma in lemmas if lemma and lemma not in ("-", "–")]
    for i, lemma in enumerate(lowered):
        if skip_next:
            skip_next = False
            continue
        if lemma == "well" and i > 0 and lowered[i - 1] == "as":
            continue  # "as well (as)" is "also", not how something went
        if lemma in _MERGE_PREFIX_TOKENS and i + 1 < len(lowered) and lowered[i + 1].isalpha():
            out.append(lemma + lowered[i + 1])
            skip_next = True
            continue
        out.append(lemma)
    return out


@lru_cache(maxsize=65536)
def are_antonyms(a: str, b: str) -> bool:
    """True when lemmas `a` and `b` are listed or prefix-generated opposites (weak tier too).
    Kept per pair: a check asks it of every claim word against every candidate's words."""
    a, b = a.lower(), b.lower()
    strong, weak = _lexicon()
    return (
        b in strong.get(a, ())
        or b in weak.get(a, ())
        or _prefix_opposite(a, b)
        or _prefix_opposite(b, a)
    )


def _same_side(a: str, b: str, opposed: dict[str, frozenset[str]]) -> bool:
    """Two words of one side: they oppose a word in common and not each other ("imprison" and
    "prison" both oppose "release"; "start" and "begin" both oppose "finish"). `opposed`:
    each word's listed opposites."""
    if a == b:
        return False
    opposites_a, opposites_b = opposed[a], opposed[b]
    return bool(opposites_a & opposites_b) and b not in opposites_a and a not in opposites_b


def find_antonym_conflict(
    claim_lemmas: list[str], source_lemmas: list[str]
) -> tuple[str, str] | None:
    """The (claim word, source word) pair of opposites, one on each side, or None.

    A pair only counts when the claim word is absent from the source and the
    source word absent from the claim (so a source that says both "rise" and
    "fall" does not conflict with a claim that says "rise"). Content words
    win over the weak tier (more/less, up/down, before/after).

    This is purely lexical: "not realistic" against "unrealistic" returns
    ("realistic", "unrealistic"); the caller combines it with negation (an
    antonym plus a negation on one side cancel out).
    """
    claim = _normalise(claim_lemmas)
    source = _normalise(source_lemmas)
    claim_set, source_set = set(claim), set(source)
    strong, weak = _lexicon()
    opposed = {w: opposites(w) for w in claim_set | source_set}
    sided = {w for w, words in opposed.items() if words}  # only these can share a side
    sided_claim, sided_source = claim_set & sided, source_set & sided
    # "spent four years in prison before her release" states "imprisoned": a word of the
    # claim's side stands for it, as the word itself would
    claim_only = [
        w
        for w in dict.fromkeys(claim)
        if w not in source_set
        and not (w in sided and any(_same_side(w, s, opposed) for s in sided_source))
    ]
    # likewise a word of the source's side that the claim states ("shut ... and reopened"
    # against "closed"): the claim says that side too
    source_only = [
        w
        for w in dict.fromkeys(source)
        if w not in claim_set
        and not (w in sided and any(_same_side(w, c, opposed) for c in sided_claim))
    ]
    if not claim_only or not source_only:
        return None
    source_only_set = set(source_only)
    for word in claim_only:
        hits = strong.get(word)
        if hits:
            for other in source_only:
                if other in hits:
                    return word, other
    for word in claim_only:
        other = _prefix_stem(word, source_only_set)
        if other is not None:
            return word, other
    claim_only_set = set(claim_only)
    for other in source_only:
        word = _prefix_stem(other, claim_only_set)
        if word is not None:
            return word, other
    for word in claim_only:
        hits = weak.get(word)
        if hits:
            for other in source_only:
                if other in hits:
                    return word, other
    return None
