"""The corpus layer's public entry: files in, cleaned articles with metadata out.

    files, failures = discover([Path("seeds")], max_bytes=settings.max_file_bytes)
    outlets = OutletDirectory.load(settings.outlets_file)
    for path in files:
        articles = load_articles(path, max_bytes=..., outlets=outlets)  # raises IngestError

Loading (formats, encodings, bad input) is in `loading`; page-furniture removal in
`furniture_lines`, `cleaning` and `article_tail` (on the paragraphs of `paragraphs`);
metadata in `page_head`, `text_dates` (dates, the dateline), `outlets` and `manifest`.
This module puts them in order and decides precedence:
manifest > what the format states (HTML meta, JSON fields) > what the text says.
`heading_passages` says which of the headline and standfirst ingest indexes
as passages of their own.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pydantic import BaseModel

from bot.ingest.article_tail import take_credit
from bot.ingest.cleaning import clean_body
from bot.ingest.furniture_lines import drop_furniture_lines
from bot.ingest.paragraphs import Cleaning, Removed, match_key, split_paragraphs
from bot.ingest.loading import (
    INDEXABLE_SUFFIXES,
    FileRejected,
    FormatHints,
    RawArticle,
    decode_text,
    discover,
    read_file,
)
from bot.ingest.manifest import ManifestEntry, manifest_entry
from bot.ingest.outlets import OutletDirectory, OutletInfo
from bot.ingest.page_head import Head, take_head
from bot.ingest.text_dates import Dateline, take_dateline
from bot.core.models import HEADLINE_POSITION, STANDFIRST_POSITION, Article, IngestFailure, Review

__all__ = [
    "INDEXABLE_SUFFIXES",
    "CleanedText",
    "FileRejected",
    "LoadedArticles",
    "OutletDirectory",
    "OutletInfo",
    "clean_text",
    "decode_text",
    "discover",
    "heading_passages",
    "load_articles",
    "read_articles",
]

log = logging.getLogger(__name__)


class CleanedText(BaseModel):
    """Article text after cleaning, with what the text said about itself."""

    body: str
    head: Head
    dateline: Dateline | None = None
    credit: str | None = None
    removed: list[Removed] = []


class LoadedArticles(BaseModel):
    """One file's articles and fact-check records, plus the parts skipped (bad lines or records)."""

    articles: list[Article]
    reviews: list[Review] = []
    skipped: list[IngestFailure] = []


def clean_text(
    text: str, *, outlets: OutletDirectory | None = None, known_titles: list[str] = ()
) -> CleanedText:
    """Split, read the head, remove furniture, take the dateline and any trailing credit."""
    outlets = outlets or OutletDirectory([])
    cleaning = Cleaning(paragraphs=split_paragraphs(text))
    drop_furniture_lines(cleaning)
    head, cleaning.paragraphs = take_head(cleaning.paragraphs, outlets)
    titles = [t for t in (head.title, *known_titles) if t]
    clean_body(cleaning, titles=titles, byline=head.byline)
    dateline, cleaning.paragraphs = take_dateline(cleaning.paragraphs)
    credit = take_credit(cleaning)
    return CleanedText(
        body="\n\n".join(cleaning.paragraphs),
        head=head,
        dateline=dateline,
        credit=credit,
        removed=cleaning.removed,
    )


def _resolve_outlet(
    cleaned: CleanedText,
    hints: FormatHints,
    manifest: ManifestEntry | None,
    outlets: OutletDirectory,
) -> tuple[str | None, OutletInfo | None]:
    """The outlet name and, when known, its directory entry; strongest evidence first."""
    named = [manifest.outlet if manifest else None, hints.outlet]
    for name in named:
        if name:
            info = outlets.lookup(name=name)
            return (info.name if info else name), info
    url = (manifest.url if manifest else None) or hints.url
    if url and (info := outlets.lookup(url=url)):
        return info.name, info
    strong = [cleaned.dateline.outlet if cleaned.dateline else None, *cleaned.head.outlet_mentions]
    for mention in strong:
        if mention:
            info = outlets.lookup(name=mention) or outlets.lookup(text=mention)
            return (info.name if info else mention), info
    weak = [r.text for r in cleaned.removed if r.kind in ("bio", "promo")] + [cleaned.credit or ""]
    for text in weak:
        if text and (info := outlets.lookup(text=text)):
            return info.name, info
    return None, None


def _notes(
    outlet_info: OutletInfo | None,
    outlet_name: str | None,
    cleaned: CleanedText,
    hints: FormatHints,
    manifest: ManifestEntry | None,
    outlets: OutletDirectory,
) -> str | None:
    notes: list[str] = []
    for note in (
        outlet_info.notes if outlet_info else None,
        manifest.notes if manifest else None,
        hints.notes,
    ):
        if note and note not in notes:
            notes.append(note)
    if cleaned.credit:
        # "VOA (A2 Televizion)": the name before the brackets is the one credited.
        credited_name = re.sub(r"\(.*?\)", "", cleaned.credit).strip()
        credited = outlets.lookup(name=credited_name) or outlets.lookup(text=credited_name)
        if credited is None or credited.name != outlet_name:
            notes.append(f"text credited to {cleaned.credit}")
    return "; ".join(notes) or None


def build_article(
    raw: RawArticle, *, outlets: OutletDirectory, manifest: ManifestEntry | None
) -> Article:
    """Clean one raw article and fill its metadata (manifest > format > text)."""
    hints = raw.hints
    cleaned = clean_text(raw.text, outlets=outlets, known_titles=[t for t in (hints.title,) if t])
    if not cleaned.body.strip():
        raise FileRejected(raw.path, "no article text left after removing page furniture")
    outlet_name, outlet_info = _resolve_outlet(cleaned, hints, manifest, outlets)
    dateline = cleaned.dateline
    published = (
        (manifest.published if manifest else None)
        or hints.published
        or cleaned.head.published
        or (dateline.published if dateline else None)
    )
    return Article(
        path=raw.path,
        content_hash=raw.content_hash,
        title=(manifest.title if manifest else None) or hints.title or cleaned.head.title,
        standfirst=hints.standfirst or cleaned.head.standfirst,
        outlet=outlet_name,
        byline=(manifest.byline if manifest else None) or hints.byline or cleaned.head.byline,
        dateline=(manifest.dateline if manifest else None)
        or hints.dateline
        or (dateline.city if dateline else None),
        published=published,
        updated=hints.updated if hints.updated and (published is None or hints.updated > published) else None,
        url=(manifest.url if manifest else None) or hints.url,
        notes=_notes(outlet_info, outlet_name, cleaned, hints, manifest, outlets),
        body=cleaned.body,
    )


MIN_HEADING_WORDS = 3  # "Live updates", "Opinion": labels, not statements
_ELLIPSIS = ("...", "…")


def heading_passages(article: Article) -> list[tuple[int, str]]:
    """The headline and standfirst to index as passages, as (position, text).

    They state claims of their own ("Trump praises Putin's common sense") that
    the body may never repeat. Each is left out when the body already says it
    word for word (a standfirst that is also the first sentence), when it repeats
    the other, when it is a short label, or when it is cut off with an ellipsis
    (a truncated summary can drop the "not" that follows).
    """
    body_key = f" {match_key(article.body)} "
    seen: set[str] = set()
    headings: list[tuple[int, str]] = []
    for position, text in ((HEADLINE_POSITION, article.title), (STANDFIRST_POSITION, article.standfirst)):
        text = " ".join((text or "").split())
        key = match_key(text)
        if (
            len(key.split()) < MIN_HEADING_WORDS
            or text.endswith(_ELLIPSIS)
            or key in seen
            or f" {key} " in body_key
        ):
            continue
        seen.add(key)
        headings.append((position, text))
    return headings


def read_articles(path: Path, *, max_bytes: int, outlets: OutletDirectory) -> LoadedArticles:
    """Like `load_articles`, but also returns the skipped lines of a JSON Lines export
    so the caller can report them."""
    loaded = read_file(path, max_bytes=max_bytes)
    manifest = manifest_entry(path)
    articles: list[Article] = []
    skipped = list(loaded.skipped)
    for raw in loaded.articles:
        try:
            articles.append(build_article(raw, outlets=outlets, manifest=manifest))
        except FileRejected as exc:
            if len(loaded.articles) == 1 and not loaded.skipped and not loaded.reviews:
                raise
            skipped.append(IngestFailure(path=exc.path, reason=exc.reason))
    if not articles and loaded.reviews:
        return LoadedArticles(articles=[], reviews=loaded.reviews, skipped=skipped)
    if not articles:
        first = skipped[0] if skipped else IngestFailure(path=str(path), reason="no articles")
        raise FileRejected(path, f"no usable article ({first.path}: {first.reason})")
    return LoadedArticles(articles=articles, reviews=loaded.reviews, skipped=skipped)


def load_articles(path: Path, *, max_bytes: int, outlets: OutletDirectory) -> list[Article]:
    """Read one file and return its cleaned article(s) with metadata.

    A .jsonl export gives one article per line, each with path `<file>#L<n>`
    and the hash of its line; bad lines are skipped (logged as warnings; use
    `read_articles` to report them) and the file fails only when no line is
    usable. Raises IngestError (FileRejected, with `.path` and `.reason`) for
    binary, empty, over-limit or undecodable files, or text that is empty
    after cleaning.
    """
    loaded = read_articles(path, max_bytes=max_bytes, outlets=outlets)
    for failure in loaded.skipped:
        log.warning("skipped %s: %s", failure.path, failure.reason)
    return loaded.articles
