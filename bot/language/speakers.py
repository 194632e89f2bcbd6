"""Speaker names: from a mention as written to one canonical person.

Outlets write the same person as "US Defense Secretary Pete Hegseth",
"Secretary Hegseth", "Hegseth's" or, in translation, "Zelenskiy"/"Zelenskyy".
Quotes and claims are only comparable once these collapse to one name, so the
resolver strips titles and possessives, looks names up in the aliases file,
matches bare surnames against full names seen in the corpus, and merges close
spellings with rapidfuzz -- but only when the first names agree (or an alias
says so), so that two different people who share a similar surname stay apart.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.core.errors import SettingsError

PRONOUNS = frozenset(
    "he she they i we you it him her them his hers their its who this that one".split()
)

# Words that introduce a name but are not part of it (compared lower-cased,
# without a final full stop). Nationalities and organisations that prefix a
# role ("Russian Security Council Deputy Chairman") belong here too.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady rev fr gen col maj capt lt sgt adm
    president vice prime minister secretary general chancellor premier chairman chairwoman
    chair deputy foreign defense defence state interior finance treasury home justice
    security council senator sen rep representative congressman congresswoman governor gov
    mayor ambassador envoy special spokesman spokeswoman spokesperson advisor adviser
    national director chief head leader king queen prince princess pope sheikh emir
    commissioner commander speaker majority minority whip attorney judge justice
    candidate nominee former acting incoming outgoing first lady press officer official
    us u.s usa uk u.k eu nato un u.n cia fbi white house kremlin pentagon
    american russian ukrainian british german french chinese turkish israeli european
    polish italian japanese indian iranian syrian republican democratic democrat gop
    health trade economy economic agriculture energy education labor labour transport
    commission committee ministry department office party union agency administration
    parliament senate house congress cabinet government federal executive central
    sen. rep. gov. gen. col. capt. lt. sgt. adm. dr. mr. mrs. ms. prof. rev. fr. st
    treasurer coach professor economist sheriff inspector superintendent bishop archbishop
    cardinal rabbi imam father reverend detective sergeant captain lieutenant colonel
    admiral marshal constable councillor councilman councilwoman alderman assemblyman
    assemblywoman delegate del lawmaker president-elect vice-president attorney-general
    secretary-general director-general ceo chief-executive founder chairperson
    of the for and on to at
    """.split()
)
NAME_PARTICLES = frozenset(
    "von van der den de del della di da la le bin al el ibn dos das".split()
)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
NAME_TOKEN = re.compile(r"^[^\W\d_][\w.'’-]*$")
FUZZY_SURNAME = 86
FUZZY_FIRST = 85


def normalise(name: str) -> str:
    """Case- and accent-free key: "Erdoğan" and "erdogan" meet here."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("’", "'").replace(".", "")
    return " ".join(stripped.casefold().split())


def strip_titles(mention: str) -> str:
    """The name inside a mention: drop titles, roles, possessives and articles.

    Reads the mention from the end, keeping capitalised name tokens (and
    particles such as "von der") until a title word or a lower-case word
    interrupts: "US Defense Secretary Pete Hegseth" -> "Pete Hegseth",
    "Ukraine's Volodymyr Zelensky" -> "Volodymyr Zelensky".
    """
    text = " ".join(mention.replace("\u00a0", " ").split()).strip(" ,.;:\"“”‘’'()[]-–—")
    if not text:
        return ""
    words = text.split(" ")
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        is_last = index == len(words) - 1
        if is_last:
            word = POSSESSIVE.sub("", word)
        elif POSSESSIVE.search(word):
            break  # "Ukraine's Volodymyr Zelensky", "Clinton's aide": the possessor is not the name
        bare = word.strip(",;:()")
        key = bare.lower().rstrip(".")
        if not bare:
            break
        if key in NAME_PARTICLES and kept and index > 0:
            kept.append(bare)
            continue
        if (key in TITLE_WORDS or bare.lower() in TITLE_WORDS) and not (
            is_last and bare[0].isupper() and _has_name_before(words[:index])
        ):
            if kept:
                break
            continue  # titles before the name; a name ending in "King" keeps it
        if not NAME_TOKEN.match(bare) or not bare[0].isupper():
            if kept:
                break
            continue
        kept.append(bare)
    while (
        kept
        and kept[-1].lower() in NAME_PARTICLES
        and len(kept) > 1
        and kept[-1][0].islower()
    ):
        kept.pop()  # a leading particle stays only inside a name ("von der Leyen" keeps it)
    name = " ".join(reversed(kept))
    return name


ORGANISATION_WORDS = frozenset(
    """kremlin pentagon white house nato eu un cia fbi commission ministry department
    office party union agency administration parliament senate congress cabinet
    government committee council""".split()
)


def _has_name_before(words: list[str]) -> bool:
    """Whether a capitalised non-title word precedes: "Martin Luther King" but not "the President"."""
    return any(
        w[:1].isupper()
        and w.lower().rstrip(".") not in TITLE_WORDS
        and NAME_TOKEN.match(w)
        for w in words
    )


def _is_organisation(mention: str) -> bool:
    """Mentions like "the Kremlin" or "the White House": kept as written, sans article."""
    words = [w.lower().strip(".") for w in mention.split()]
    return (
        bool(words)
        and all(w in TITLE_WORDS or w == "the" for w in words)
        and any(w in ORGANISATION_WORDS for w in words)
    )


# Nouns that describe a person by office: "the Ukrainian president", "the NATO chief".
ROLE_NOUNS = frozenset(
    """president leader chief head secretary minister chancellor premier spokesman
    spokeswoman spokesperson envoy ambassador commander governor mayor king queen
    director chairman chairwoman chair""".split()
)
# A role a claim names may be written in the source as an equivalent title.
ROLE_EQUIVALENTS: dict[str, frozenset[str]] = {
    "leader": frozenset(["leader", "president", "premier", "chancellor", "prime", "minister", "head", "king", "queen"]),
    "chief": frozenset(["chief", "head", "secretary", "director", "chairman", "chairwoman", "chair", "leader", "commander"]),
    "head": frozenset(["chief", "head", "secretary", "director", "chairman", "chairwoman", "chair", "leader", "president"]),
    "spokesman": frozenset(["spokesman", "spokeswoman", "spokesperson"]),
    "spokeswoman": frozenset(["spokesman", "spokeswoman", "spokesperson"]),
    "spokesperson": frozenset(["spokesman", "spokeswoman", "spokesperson"]),
}
ROLE_FILLER = frozenset(["the", "a", "an", "'s", "’s", "of", "s"])


def role_words(mention: str) -> list[str]:
    """The words of a mention that describes someone by office, not by name.

    "Ukraine president" -> ["ukraine", "president"]; "US defence secretary" ->
    ["us", "defence", "secretary"]; "President Putin" -> [] (a name).
    """
    words = [
        POSSESSIVE.sub("", w).strip(".,").lower()
        for w in mention.replace("’", "'").split()
    ]
    words = [w for w in words if w and w not in ROLE_FILLER]
    first = mention.split()[0] if mention.split() else ""
    if len(words) >= 2 and words[0] in ROLE_NOUNS and first.islower() and words[-1] not in ROLE_NOUNS:
        words = words[1:] + words[:1]  # "head of the Port Authority": the office of an organisation
    if len(words) < 2 or words[-1] not in ROLE_NOUNS:
        return []
    return words


def role_equivalents(word: str) -> frozenset[str]:
    """Titles a source may use for a role noun of a claim ("leader" -> "president", ...)."""
    return ROLE_EQUIVALENTS.get(word, frozenset([word]))


class SpeakerResolver:
    """Maps mentions of people to canonical full names.

    Knows the aliases file and every full name registered from the corpus;
    bare surnames resolve to the most often seen full name with that surname.
    """

    def __init__(self, aliases: dict[str, list[str]] | None = None) -> None:
        self._alias: dict[str, str] = {}  # normalised alias or full name -> canonical
        self._by_surname: dict[
            str, Counter[str]
        ] = {}  # normalised surname -> canonical counts
        self._names: dict[str, str] = {}  # normalised canonical -> canonical
        # multi-word names by normalised first name: (order seen, surname, key into _names),
        # so a fuzzy lookup compares first names once each instead of scanning every name
        self._by_first: dict[str, list[tuple[int, str, str]]] = {}
        self._from_file: set[str] = set()
        # lookups repeat (every candidate of a check names its speaker): remembered until
        # the next name is registered, since a registration can change any answer
        self._canonical_memo: dict[str, str | None] = {}
        self._known_memo: frozenset[str] | None = None
        for canonical, variants in (aliases or {}).items():
            self._add_alias_entry(canonical, variants)

    # --- construction -------------------------------------------------
    @classmethod
    def load(cls, aliases_path: Path | None) -> "SpeakerResolver":
        """Read `aliases_path` (TOML, table [aliases]); None or a missing file gives no aliases."""
        if aliases_path is None or not Path(aliases_path).exists():
            return cls()
        try:
            data = tomllib.loads(Path(aliases_path).read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(
                f"speaker aliases file {aliases_path} is not valid TOML: {exc}"
            ) from exc
        table = data.get("aliases", {})
        if not isinstance(table, dict) or not all(
            isinstance(v, list) and all(isinstance(a, str) for a in v)
            for v in table.values()
        ):
            raise SettingsError(
                f"speaker aliases file {aliases_path}: [aliases] must map a name to a list of strings"
            )
        return cls(table)

    def _add_alias_entry(self, canonical: str, variants: list[str]) -> None:
        self._remember(canonical)
        self._from_file.add(normalise(canonical))
        for variant in variants:
            key = normalise(variant)
            self._alias[key] = canonical
            cleaned = normalise(strip_titles(variant))
            if cleaned and len(cleaned.split()) == 1:
                self._by_surname.setdefault(cleaned, Counter())[canonical] += 1
        self._forget_lookups()

    def _remember(self, canonical: str, mentions: int = 1) -> None:
        key = normalise(canonical)
        words = key.split()
        if key not in self._names and len(words) >= 2:
            self._by_first.setdefault(words[0], []).append((len(self._names), words[-1], key))
        self._names[key] = canonical
        self._alias.setdefault(key, canonical)
        self._by_surname.setdefault(words[-1], Counter())[canonical] += mentions
        self._forget_lookups()

    def register(self, full_name: str, mentions: int = 1) -> None:
        """Record a PERSON name seen in the corpus `mentions` times (ignored unless it looks
        like a full name)."""
        name = strip_titles(full_name)
        words = name.split()
        if not 2 <= len(words) <= 4 or _is_organisation(name):
            return
        if any(normalise(w) in PRONOUNS for w in words):
            return
        known = self._match_full(name)
        if known is not None:
            self._by_surname.setdefault(normalise(known).split()[-1], Counter())[
                known
            ] += mentions
            self._forget_lookups()
            return
        self._remember(name, mentions)

    def _forget_lookups(self) -> None:
        self._canonical_memo.clear()
        self._known_memo = None

    # --- lookup ---------------------------------------------------------
    def _match_full(self, name: str) -> str | None:
        """A known canonical for a multi-word name: alias, exact, or same first name + close surname."""
        key = normalise(name)
        if key in self._alias:
            return self._alias[key]
        words = key.split()
        first, last = words[0], words[-1]
        firsts = {
            known_first
            for known_first, _, _ in process.extract_iter(
                first, self._by_first.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_FIRST
            )
        }
        if len(first) <= 2:  # an initial ("J. Smith") matches every first name it starts
            firsts.update(k for k in self._by_first if k.startswith(first))
        # the best surname wins; between equals, the name seen first
        best: tuple[float, int, str] | None = None
        for known_first in firsts:
            for order, known_last, known_key in self._by_first[known_first]:
                score = fuzz.ratio(last, known_last)
                if score >= FUZZY_SURNAME and (
                    best is None or (score, -order) > (best[0], -best[1])
                ):
                    best = (score, order, known_key)
        return self._names[best[2]] if best else None

    def _match_surname(self, surname: str) -> str | None:
        """A bare surname: the most often seen full name with that (or a close) surname."""
        key = normalise(surname)
        if key in self._alias:
            return self._alias[key]
        counts = self._by_surname.get(key)
        if not counts and len(key) >= 5:
            merged: Counter[str] = Counter()
            surnames = list(self._by_surname)
            close = process.extract_iter(key, surnames, scorer=fuzz.ratio, score_cutoff=FUZZY_SURNAME)
            for index in sorted(i for _, _, i in close):  # in the order seen, as Counter ties go
                if len(surnames[index]) >= 5:
                    merged.update(self._by_surname[surnames[index]])
            counts = merged
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    def canonical(self, mention: str) -> str | None:
        """Canonical full name for `mention`, the cleaned mention if unknown, None for no name.

        Pronouns and empty mentions give None; organisations ("the Kremlin")
        come back as their name.
        """
        if mention in self._canonical_memo:
            return self._canonical_memo[mention]
        found = self._canonical(mention)
        self._canonical_memo[mention] = found
        return found

    def _canonical(self, mention: str) -> str | None:
        if not mention or normalise(mention) in PRONOUNS:
            return None
        whole = normalise(mention)
        if whole in self._alias:
            return self._alias[whole]
        name = strip_titles(mention)
        if not name:
            if _is_organisation(mention):
                return re.sub(r"^(?:the|The)\s+", "", mention.strip()) or None
            return None
        if normalise(name) in PRONOUNS:
            return None
        words = name.split()
        if len(words) == 1:
            return self._match_surname(name) or name
        return self._match_full(name) or name

    def same_person(self, a: str, b: str) -> bool:
        """Whether two mentions name the same person (both must resolve to a name)."""
        ca, cb = self.canonical(a), self.canonical(b)
        if not ca or not cb:
            return False
        if normalise(ca) == normalise(cb):
            return True
        wa, wb = normalise(ca).split(), normalise(cb).split()
        if len(wa) == 1 or len(wb) == 1:
            # a bare surname nobody registered: compare it with the other's surname
            return fuzz.ratio(wa[-1], wb[-1]) >= FUZZY_SURNAME
        # a full name with a description left before it ("Councilor Walt Ebersole", "Manager
        # Curtis Oyelaran"): the same given name and surname
        shorter, longer = sorted((wa, wb), key=len)
        return longer[-len(shorter) :] == shorter

    def known_speakers(self) -> list[str]:
        """Every canonical name known, from the aliases file and the corpus."""
        return sorted(self.known_speaker_set())

    def known_speaker_set(self) -> frozenset[str]:
        """The same names as a set, built once per registration (every parsed article asks)."""
        if self._known_memo is None:
            self._known_memo = frozenset(self._names.values())
        return self._known_memo
