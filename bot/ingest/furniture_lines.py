"""Page furniture a single line gives away by its shape: promos, code, tag lists, teasers,
numbered headlines (dropped anywhere on the page, before the head is read)."""

from __future__ import annotations

import re

from bot.ingest.paragraphs import Cleaning, RemovalKind, is_headline_like, is_prose, match_key, words

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
