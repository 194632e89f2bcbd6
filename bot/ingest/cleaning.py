"""Removing page furniture from article text with general rules.

A scraped page holds more than the article: navigation ("All news"), ads
("Advertisement", "Loading"), promos (newsletters, livestreams), template
junk, repeated headlines, author bios, and blocks of other stories ("LATEST
NEWS", numbered headline lists, section-tagged teasers). None of that may
become evidence. Every rule here is about the *shape* of a line or block,
never about a particular article.

The unit is the paragraph: a non-empty line, or several lines joined when
they are one hard-wrapped paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from pydantic import BaseModel

RemovalKind = Literal[
    "promo",
    "code",
    "tags",
    "teaser",
    "numbered_headline",
    "duplicate",
    "link_list",
    "trailing_block",
    "heading",
    "bio",
    "tail_junk",
    "credit",
]


class Removed(BaseModel):
    """A paragraph (or part) that cleaning dropped, kept so metadata can mine it."""

    kind: RemovalKind
    text: str


class Cleaning(BaseModel):
    """Paragraphs still standing plus everything removed, in order of removal."""

    paragraphs: list[str]
    removed: list[Removed] = []

    def drop(self, kind: RemovalKind, text: str) -> None:
        self.removed.append(Removed(kind=kind, text=text))

    def removed_of(self, kind: RemovalKind) -> list[str]:
        return [r.text for r in self.removed if r.kind == kind]


# --------------------------------------------------------------------------- text shape
_SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\u00ad\ufeff]")
_TERMINAL_RE = re.compile(r"[.!?…:;][\"'”’»)\]]*(?:\s*[\[(][^\[\]()]{1,60}[\])])?$")
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def is_prose(paragraph: str) -> bool:
    """Running text: ends like a sentence, or is too long to be a heading or link."""
    return bool(_TERMINAL_RE.search(paragraph)) or len(words(paragraph)) >= 30


def is_headline_like(paragraph: str, max_words: int = 25) -> bool:
    """Short and without sentence-final punctuation: a heading, a link, a title."""
    return not is_prose(paragraph) and 0 < len(words(paragraph)) <= max_words


def match_key(text: str) -> str:
    """Comparison form: case, punctuation and apostrophes ignored ("Musk's" = "Musks")."""
    text = re.sub(r"['’`]", "", text.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def split_paragraphs(text: str) -> list[str]:
    """Normalise whitespace and split into paragraphs.

    Blank lines always separate paragraphs. Inside a block every line is its
    own paragraph (scraped text puts one paragraph per line), unless the line
    evidently continues the previous one: the previous line ends with a comma,
    semicolon or hyphen, or the next line starts in lower case.
    """
    text = _INVISIBLE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n\n")
    paragraphs: list[str] = []
    previous_blank = True
    for raw_line in text.split("\n"):
        line = _SPACE_RE.sub(" ", raw_line).strip()
        if not line:
            previous_blank = True
            continue
        if paragraphs and not previous_blank:
            last = paragraphs[-1]
            if last.endswith("-") and line[:1].islower():
                paragraphs[-1] = last + line
                continue
            if last.endswith((",", ";")) or (line[:1].islower() and not _TERMINAL_RE.search(last)):
                paragraphs[-1] = f"{last} {line}"
                continue
        paragraphs.append(line)
        previous_blank = False
    return paragraphs


# --------------------------------------------------------------------------- single lines
_PROMO_LINES = {
    "all news",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "loading",
    "loading...",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "print",
    "email",
    "comments",
    "comment",
    "skip to content",
    "skip to main content",
    "menu",
    "home",
    "search",
    "close",
    "watch live",
    "listen",
    "listen to this article",
    "play video",
    "play",
    "sponsored",
    "sponsored content",
    "follow us",
    "continue reading",
    "back to top",
    "show more",
    "load more",
    "read full article",
    "see more",
    "more",
    "next",
    "previous",
    "reuse this content",
    "undefined",
    "null",
    "nan",
    "object object",
    "opens in new window",
    "copy link",
}
_PROMO_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(sign up|subscribe|register|join)\b.{0,120}\b(newsletter|updates|alerts|inbox|email|free)\b",
        r"\bsign up (for|to)\b.{0,80}\bnewsletter\b",
        r"\bnewsletter\b.{0,40}\b(sign up|subscribe)\b",
        r"^subscribe (to|for|now|today)\b",
        r"^discover more from\b",
        r"^(connect|follow) (with|via|on)\b.{0,40}$",
        r"^follow (us|@)\S*",
        r"^(read|see|watch|listen)( (more|also|next|the full story|now))?\s*[:|>»]",
        r"^(click|tap) here\b",
        r"^(download|get) (the|our) app\b",
        r"^\d+\s*(min|minute)s?\s+read$",
        r"^(photo|image|video|picture)s?\s*(credit)?\s*:\s*\S.{0,80}$",
        r"^(we use cookies|this (site|website) uses cookies)\b",
        r"^(copyright|©|\(c\))\s",
        r"^all rights reserved\b",
        r"^(tags|topics|keywords|filed under|categories)\s*:",
        r"^(reporting|additional reporting|writing|editing|edited) by\b.{0,120}$",
    )
]
_LIVESTREAM_RE = re.compile(r"\b(live ?stream|live tv|watch live|live blog)\b", re.IGNORECASE)
_CODE_RE = re.compile(
    r"\?\.|\w\(\)|\{\{|\}\}|<%|%>|\$\{|\b[A-Z][a-z]+\.[A-Z][a-z]+\.[A-Z][a-z]+|\bfunction\s*\(|"
    r"^[.#@][\w-]+[^{}]*\{|^\S+\s*\{[^}]*:[^}]*;|[{}]\s*$"
)
_MARKUP_RE = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]{0,400})?/?>")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
_SECTION_WORDS = (
    "WORLD|ECONOMY|SPORTS?|POLITICS|BUSINESS|CULTURE|ARTS|OPINION|ANALYSIS|TECH|TECHNOLOGY|"
    "SCIENCE|HEALTH|ENTERTAINMENT|LIFESTYLE|TRAVEL|MARKETS?|ENERGY|ENVIRONMENT|EDUCATION|LIFE|"
    "MIDDLE EAST|EUROPE|AMERICAS|ASIA|AFRICA|ASIA-PACIFIC|VIDEO|PHOTOS?|GALLERY|PODCAST|"
    "INTERVIEW|FEATURES?|EDITORIAL|COMMENTARY|NATIONAL|LOCAL|REGIONAL|INTERNATIONAL|SOCIETY|"
    "DIPLOMACY|DEFENSE|DEFENCE|CLIMATE|MEDIA|FINANCE|MONEY|AUTO|STYLE|FOOD|WEATHER"
)
_SECTION_TEASER_RE = re.compile(rf"^(?:{_SECTION_WORDS})\s+(?=[A-Z0-9'‘\"“])")
_NUMBERED_RE = re.compile(r"^\d{1,2}\s*[.)]\s+\S")
_TAG_ITEM_RE = re.compile(r"^[A-Z][\w.'’&-]*(?: [A-Z0-9&][\w.'’&-]*){0,3}$")


def _is_tag_line(paragraph: str) -> bool:
    """'US, Donald Trump,': a comma-separated list of a few capitalised names, no sentence."""
    if "," not in paragraph or is_prose(paragraph.rstrip(",")) or len(words(paragraph)) > 15:
        return False
    items = [item.strip() for item in paragraph.split(",") if item.strip()]
    return len(items) >= 1 and all(_TAG_ITEM_RE.match(item) for item in items)


def _promo_share(paragraph: str) -> int:
    """Words in the paragraph's promo sentences ("Sign up for our newsletter.")."""
    return sum(
        len(words(sentence))
        for sentence in _SENTENCE_SPLIT_RE.split(paragraph)
        if any(p.search(sentence) for p in _PROMO_PATTERNS)
    )


def furniture_kind(paragraph: str) -> RemovalKind | None:
    """Classify one paragraph as furniture by its shape alone, or None for text."""
    key = match_key(paragraph)
    if not key:
        return "promo"  # punctuation or symbols only
    if key in _PROMO_LINES or paragraph.strip().casefold() in _PROMO_LINES:
        return "promo"
    n_words = len(words(paragraph))
    if n_words <= 60 and _promo_share(paragraph) * 3 >= n_words > 0:
        return "promo"
    if n_words <= 6 and _LIVESTREAM_RE.search(paragraph) and not is_prose(paragraph):
        return "promo"
    if _CODE_RE.search(paragraph) and n_words <= 40:
        return "code"
    if _is_tag_line(paragraph):
        return "tags"
    if _SECTION_TEASER_RE.match(paragraph) and not is_prose(paragraph):
        return "teaser"
    if _NUMBERED_RE.match(paragraph) and is_headline_like(paragraph):
        return "numbered_headline"
    return None


def drop_furniture_lines(cleaning: Cleaning) -> None:
    """Drop every paragraph whose shape alone says it is furniture (anywhere on the page)."""
    kept: list[str] = []
    for paragraph in cleaning.paragraphs:
        if _MARKUP_RE.search(paragraph):  # inline markup (an embedded post): keep its words
            paragraph = " ".join(_MARKUP_RE.sub(" ", paragraph).split())
            if not words(paragraph):
                continue
        kind = furniture_kind(paragraph)
        if kind:
            cleaning.drop(kind, paragraph)
        else:
            kept.append(paragraph)
    cleaning.paragraphs = kept


# --------------------------------------------------------------------------- duplicates
_GRAM = 5


def _contained_elsewhere(keys: list[str]) -> list[bool]:
    """For each key of 5 to 40 words: is it inside another, longer key?

    An index of each key's first five words keeps this near-linear on long files.
    """
    index: dict[tuple[str, ...], set[int]] = {}
    split = [key.split() for key in keys]
    for i, tokens in enumerate(split):
        for start in range(max(0, len(tokens) - _GRAM + 1)):
            index.setdefault(tuple(tokens[start : start + _GRAM]), set()).add(i)
    result = []
    for i, tokens in enumerate(split):
        if not _GRAM <= len(tokens) <= 40:
            result.append(False)
            continue
        candidates = index.get(tuple(tokens[:_GRAM]), set()) - {i}
        result.append(any(len(keys[j]) > len(keys[i]) and keys[i] in keys[j] for j in candidates))
    return result


def drop_duplicates(cleaning: Cleaning, *, also_seen: list[str] = ()) -> None:
    """Keep the first of repeated paragraphs; drop a short paragraph that is repeated
    inside a longer one (a standfirst or pull quote that the body states again)."""
    seen = {match_key(t) for t in also_seen if t}
    kept: list[str] = []
    for paragraph in cleaning.paragraphs:
        key = match_key(paragraph)
        if key in seen:
            cleaning.drop("duplicate", paragraph)
            continue
        seen.add(key)
        kept.append(paragraph)
    contained = _contained_elsewhere([match_key(p) for p in kept])
    cleaning.paragraphs = []
    for paragraph, inside_another in zip(kept, contained, strict=True):
        if inside_another:
            cleaning.drop("duplicate", paragraph)
        else:
            cleaning.paragraphs.append(paragraph)


# --------------------------------------------------------------------------- blocks
_HEADINGS = {
    "latest news",
    "latest",
    "latest videos",
    "latest stories",
    "latest headlines",
    "latest articles",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "related",
    "related news",
    "related articles",
    "related stories",
    "related content",
    "related topics",
    "related coverage",
    "read more",
    "read also",
    "also read",
    "read next",
    "more stories",
    "more news",
    "more videos",
    "more articles",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular",
    "popular now",
    "trending",
    "trending now",
    "top stories",
    "top news",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "editors picks",
    "editor s picks",
    "more on this story",
    "see also",
    "further reading",
    "in other news",
    "other news",
    "watch next",
    "up next",
    "what to read next",
    "dont miss",
    "don t miss",
    "more to explore",
    "headlines",
    "news",
    "videos",
    "in case you missed it",
    "more in world",
    "more from the author",
    "from around the web",
    "around the web",
}
_HEADING_PATTERNS = [
    re.compile(r"^more (from|on|in|about) .{1,40}$"),
    re.compile(r"^(latest|more|top|other) [a-z ]{1,25} (news|stories|videos|articles|headlines)$"),
]

_STOP_CAPITALISED = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "According",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "So",
    "Yet",
    "To",
    "Of",
    "By",
    "With",
    "From",
    "Not",
    "No",
    "Yes",
    "Meanwhile",
    "However",
    "Also",
    "Instead",
    "Only",
    "Some",
    "All",
    "Any",
    "Many",
    "One",
    "Two",
}


def is_heading(paragraph: str) -> bool:
    """A furniture heading that introduces other stories ("LATEST NEWS", "Recommended")."""
    if not is_headline_like(paragraph, max_words=6):
        return False
    key = match_key(paragraph)
    return key in _HEADINGS or any(p.match(key) for p in _HEADING_PATTERNS)


def _prose_words(paragraphs: list[str]) -> int:
    return sum(len(words(p)) for p in paragraphs if is_prose(p))


def main_terms(paragraphs: list[str]) -> set[str]:
    """Names the article keeps coming back to: capitalised words seen at least twice."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for token in re.findall(r"\b[A-Z][\w.'’-]*\w", paragraph):
            token = re.sub(r"['’]s$", "", token)
            if token not in _STOP_CAPITALISED:
                counts[token] += 1
    return {term for term, n in counts.items() if n >= 2}


def _related(paragraph: str, terms: set[str]) -> bool:
    found = {re.sub(r"['’]s$", "", t) for t in re.findall(r"\b[A-Z][\w.'’-]*\w", paragraph)}
    return len(found & terms) >= 2


def cut_furniture_blocks(cleaning: Cleaning) -> None:
    """Drop blocks of other stories introduced by a furniture heading.

    A heading in the tail (at least as much running text before it as after)
    ends the article: everything after it goes, except running text that is
    clearly the article continuing -- prose about the article's own main names,
    not the summary line under a teaser headline. A heading earlier in the page
    only takes the run of link-like lines that follows it.
    """
    paragraphs = cleaning.paragraphs
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        paragraph = paragraphs[i]
        if not is_heading(paragraph):
            out.append(paragraph)
            i += 1
            continue
        before, after = out, paragraphs[i + 1 :]
        cleaning.drop("heading", paragraph)
        if _prose_words(before) >= _prose_words(after):
            terms = main_terms(before)
            previous = paragraph
            for candidate in after:
                continues_article = (
                    is_prose(candidate)
                    and len(words(candidate)) >= 12
                    and not is_headline_like(previous)
                    and not is_heading(candidate)
                    and _related(candidate, terms)
                )
                if continues_article:
                    out.append(candidate)
                else:
                    cleaning.drop("trailing_block", candidate)
                previous = candidate
            break
        i += 1
        while (
            i < len(paragraphs)
            and is_headline_like(paragraphs[i])
            and not is_heading(paragraphs[i])
        ):
            cleaning.drop("link_list", paragraphs[i])
            i += 1
    cleaning.paragraphs = out


def drop_link_runs(cleaning: Cleaning, *, min_run: int = 3) -> None:
    """Drop runs of at least `min_run` consecutive link-like lines (headline lists)."""
    paragraphs = cleaning.paragraphs
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and is_headline_like(paragraphs[j], max_words=20):
            j += 1
        if j - i >= min_run:
            for paragraph in paragraphs[i:j]:
                cleaning.drop("link_list", paragraph)
            i = j
        else:
            out.extend(paragraphs[i : max(j, i + 1)])
            i = max(j, i + 1)
    cleaning.paragraphs = out


# --------------------------------------------------------------------------- tail
_NAME = r"[A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|van|von|da|al|bin|le|la)){1,3}"
_BIO_RE = re.compile(
    rf"^(?P<name>{_NAME}) (?:is|was|has been|covers|writes|reports)\b(?P<rest>.{{0,160}})",
)
_BIO_ROLE_RE = re.compile(
    r"\b(correspondent|reporter|editor|journalist|writer|columnist|contributor|producer|"
    r"bureau chief|anchor|presenter|photographer|author of|covers|reports on|writes about|"
    r"staff writer|freelance)\b",
    re.IGNORECASE,
)
_BIO_TAIL = 4


_HONORIFIC_RE = re.compile(
    r"^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|President|Secretary|Prime|King|Queen)\b"
)
_FIRST_SENTENCE_END_RE = re.compile(r"(?<![A-Z])[.!?]\s")


def _is_bio(paragraph: str, byline: str | None) -> bool:
    """'X is the North America correspondent for …': a person's role at a publication,
    in the first sentence, not a politician introduced by title ('Mr. Bush is …')."""
    match = _BIO_RE.match(paragraph)
    if not match or _HONORIFIC_RE.match(match.group("name")):
        return False
    end = _FIRST_SENTENCE_END_RE.search(paragraph, match.start("rest"))
    first_sentence = paragraph[: end.start()] if end else paragraph
    surname = match.group("name").split()[-1].casefold()
    if byline and surname in byline.casefold() and len(words(first_sentence)) <= 40:
        return True
    return bool(_BIO_ROLE_RE.search(first_sentence))


def drop_tail_furniture(cleaning: Cleaning, *, byline: str | None = None) -> None:
    """Trim the end of the article: short non-sentences (leftover links, widget
    titles) and an author bio in the last few paragraphs."""
    paragraphs = list(cleaning.paragraphs)
    changed = True
    while paragraphs and changed:
        changed = False
        while paragraphs and not is_prose(paragraphs[-1]) and len(words(paragraphs[-1])) <= 8:
            cleaning.drop("tail_junk", paragraphs.pop())
            changed = True
        start = max(0, len(paragraphs) - _BIO_TAIL)
        for index in range(len(paragraphs) - 1, start - 1, -1):
            if index > 0 and _is_bio(paragraphs[index], byline):
                cleaning.drop("bio", paragraphs.pop(index))
                changed = True
                break
    cleaning.paragraphs = paragraphs


_CREDIT_RE = re.compile(
    r"(?<=[.!?\"”’)])\s*(?:/\s*|[–—]\s+)(?P<credit>[A-Z][\w.&' -]{1,40}(?:\([^()]{1,40}\))?)\s*$"
)


def take_credit(cleaning: Cleaning) -> str | None:
    """Strip a wire credit glued to the end of the last paragraph ('…"./ VOA (A2 Televizion)')."""
    if not cleaning.paragraphs:
        return None
    last = cleaning.paragraphs[-1]
    match = _CREDIT_RE.search(last)
    if not match or len(words(match.group("credit"))) > 6:
        return None
    credit = match.group("credit").strip()
    cleaning.paragraphs[-1] = last[: match.start()].rstrip()
    cleaning.drop("credit", credit)
    return credit


def clean_body(cleaning: Cleaning, *, titles: list[str], byline: str | None) -> None:
    """Everything after the head: duplicates (of each other and of the headline),
    other-story blocks, link lists, the tail."""
    drop_duplicates(cleaning, also_seen=titles)
    cut_furniture_blocks(cleaning)
    drop_link_runs(cleaning)
    drop_tail_furniture(cleaning, byline=byline)
