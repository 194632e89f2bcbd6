"""Removing page furniture from article text with general rules.

A scraped page holds more than the article: navigation ("All news"), ads
("Advertisement", "Loading"), promos (newsletters, livestreams), template
junk, repeated headlines, author bios, and blocks of other stories ("LATEST
NEWS", numbered headline lists, section-tagged teasers). None of that may
become evidence. Every rule here is about the *shape* of a line or block,
never about a particular article.

The unit is the paragraph (`paragraphs.py`). Single lines whose shape gives them
away go first (`furniture_lines.py`); after the head is read, `clean_body` here drops
repeated paragraphs and blocks of other stories, then trims the article's end
(`article_tail.py`).
"""

from __future__ import annotations

import re
from collections import Counter

from bot.ingest.article_tail import drop_tail_furniture
from bot.ingest.paragraphs import Cleaning, is_headline_like, is_prose, match_key, words


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



def clean_body(cleaning: Cleaning, *, titles: list[str], byline: str | None) -> None:
    """Everything after the head: duplicates (of each other and of the headline),
    other-story blocks, link lists, the tail."""
    drop_duplicates(cleaning, also_seen=titles)
    cut_furniture_blocks(cleaning)
    drop_link_runs(cleaning)
    drop_tail_furniture(cleaning, byline=byline)
