"""Finding indexable files and turning their bytes into text.

Everything here is about *files*: which ones to index, whether they are text
at all, which encoding they use, and how each format (plain text, HTML, JSON
Lines) yields raw article text plus whatever metadata the format itself
carries. Cleaning and metadata heuristics live in `corpus` and the modules it
calls (`cleaning`, `page_head`, `text_dates`, ...).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes
from pydantic import BaseModel

from bot.ingest.claim_reviews import ReviewsFound, reviews_from_html, reviews_from_jsonld
from bot.ingest.text_dates import find_date
from bot.core.errors import IngestError
from bot.core.models import IngestFailure, Review
from bot.ingest.review_exports import add_record, is_review_record, reviews_from_csv

INDEXABLE_SUFFIXES = (".html", ".htm", ".jsonl", ".txt", ".csv", ".json")
MANIFEST_NAME = "manifest.toml"
_INDEXABLE_TEXT = ", ".join(INDEXABLE_SUFFIXES)

# File signatures that name a binary format, so the message can say which.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# The most common legacy encoding of Western news text; preferred on ties.
_PREFERRED_LEGACY = "cp1252"
_MAX_CONTROL_SHARE = 0.02


class FileRejected(IngestError):
    """A file cannot be indexed; `reason` says why without repeating the path."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class FormatHints(BaseModel):
    """Metadata a file format states explicitly (HTML meta tags, JSON fields).

    These outrank what the text heuristics guess, and lose to the manifest.
    """

    title: str | None = None
    standfirst: str | None = None  # the summary under the headline (meta description, "dek")
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None  # the page's own "modified" date
    url: str | None = None  # the canonical URL the page names
    notes: str | None = None


class RawArticle(BaseModel):
    """One article's text as the file holds it, before cleaning."""

    path: str
    content_hash: str
    text: str
    hints: FormatHints = FormatHints()


class LoadedFile(BaseModel):
    """What one file yielded: its articles, its fact-check records and the parts it had to skip."""

    articles: list[RawArticle]
    reviews: list[Review] = []
    skipped: list[IngestFailure] = []


# --------------------------------------------------------------------------- discovery
def _human_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _size_problem(path: Path, max_bytes: int) -> str | None:
    """JSON Lines exports are streamed and limited per line, so only other files are capped here."""
    if path.suffix.lower() == ".jsonl":
        return None
    size = path.stat().st_size
    if size > max_bytes:
        return f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit"
    return None


def discover(paths: list[Path], *, max_bytes: int) -> tuple[list[Path], list[IngestFailure]]:
    """Expand files and folders (recursively) into the files to index.

    Files found inside folders keep the folder's spelling (so stored paths stay
    relative when the user typed a relative folder). `manifest.toml` and hidden
    files are skipped silently; anything else that cannot be indexed is a
    failure with its reason, so a user learns why a file was not picked up.
    """
    found: dict[Path, Path] = {}
    failures: list[IngestFailure] = []

    def consider(path: Path) -> bool:
        suffix = path.suffix.lower()
        if suffix not in INDEXABLE_SUFFIXES:
            failures.append(
                IngestFailure(
                    path=str(path),
                    reason=f"unsupported file type '{suffix or '(none)'}' (indexable: {_INDEXABLE_TEXT})",
                )
            )
            return False
        problem = _size_problem(path, max_bytes)
        if problem:
            failures.append(IngestFailure(path=str(path), reason=problem))
            return False
        found.setdefault(path.resolve(), path)
        return True

    for given in paths:
        if not given.exists():
            failures.append(IngestFailure(path=str(given), reason="no such file or folder"))
        elif given.is_dir():
            indexable = 0
            for child in sorted(given.rglob("*")):
                if not child.is_file() or _is_hidden(child, given) or child.name == MANIFEST_NAME:
                    continue
                indexable += consider(child)
            if indexable == 0:
                failures.append(
                    IngestFailure(
                        path=str(given),
                        reason=f"folder holds no indexable files ({_INDEXABLE_TEXT})",
                    )
                )
        elif given.is_file():
            consider(given)
        else:
            failures.append(IngestFailure(path=str(given), reason="not a regular file or folder"))
    files = sorted(found.values(), key=lambda p: str(p))
    return files, failures


# --------------------------------------------------------------------------- decoding
def _binary_kind(raw: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            return kind
    return None


def _bomless_utf16(raw: bytes) -> str | None:
    """Recognise UTF-16 without a BOM: ASCII text leaves NULs on every other byte."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _implausibility(text: str) -> int:
    """How unlike natural text a decoding looks: symbols where letters belong,
    runs of accented Latin letters (mojibake of another script), control codes."""
    score = 0
    run = 0
    for ch in text:
        if ord(ch) < 128:
            run = 0
            continue
        cat = unicodedata.category(ch)
        if cat.startswith("C"):
            score += 3
        elif cat.startswith(("S", "P")) and ch not in "–—‘’“”„«»…•·€£¥°§©®™":
            score += 2
        if cat.startswith("L") and ch < "\u0250":  # accented Latin
            run += 1
            if run >= 3:
                score += 1
        else:
            run = 0
    return score


def _decode_legacy(raw: bytes) -> str | None:
    """Pick the legacy encoding whose decoding reads most like text.

    charset_normalizer proposes candidates; on short texts its own ranking
    often prefers an exotic code page, so we re-rank by plausibility and
    prefer cp1252 on ties.
    """
    candidates: list[str] = [m.encoding for m in from_bytes(raw)]
    if _PREFERRED_LEGACY not in candidates:
        candidates.append(_PREFERRED_LEGACY)
    best: tuple[int, int, str] | None = None
    for order, encoding in enumerate(candidates):
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        rank = (_implausibility(text), 0 if encoding == _PREFERRED_LEGACY else order + 1)
        if best is None or rank < best[:2]:
            best = (*rank, text)
    return best[2] if best else None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls / len(text)


def decode_text(raw: bytes, *, source: str) -> str:
    """Bytes -> text: UTF-8 (with or without BOM), UTF-16/32 by BOM, then a detected
    legacy encoding. Binary data and undecodable bytes raise FileRejected."""
    kind = _binary_kind(raw)
    if kind:
        raise FileRejected(source, f"binary file ({kind}), not text")
    text: str | None = None
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise FileRejected(
                    source, f"undecodable bytes: invalid {encoding} at byte {exc.start}"
                ) from None
            break
    if text is None and b"\x00" in raw:
        encoding = _bomless_utf16(raw)
        if encoding is None:
            raise FileRejected(source, "binary file (contains NUL bytes), not text")
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            raise FileRejected(source, "binary file (contains NUL bytes), not text") from None
    if text is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(raw)
            if text is None:
                raise FileRejected(
                    source, "undecodable bytes: not UTF-8, UTF-16 or any recognised legacy encoding"
                ) from None
    share = _control_share(text)
    if share > _MAX_CONTROL_SHARE:
        raise FileRejected(source, f"binary or corrupted file ({share:.0%} control characters)")
    return text.lstrip("\ufeff")


# Raise when what ingest derives from a text changes (passages, facts, quotes): the content hash
# covers it, so re-ingesting the same files after an upgrade re-indexes them instead of
# reporting them unchanged with facts the new engine would not extract.
# 2: headlines and standfirsts indexed as passages; 3: planned weekdays resolved forward;
# 4: "within"/"topped" comparators, doses per measure ("mg/5 mL"), "a staff of 420";
# 5: a page's opening sentence or caption is its standfirst, never its headline;
#    hyphenated surnames kept whole in quote speakers, multiplier words as quantities;
# 6: an HTML page's modified date is kept (reports say "updated <date>");
# 7: a cue after a quotation names its speaker before a capitalised label inside it;
# 8: no sentence starts between a title's abbreviation and a name ("said Capt. Ronald ...");
#    an HTML page's date from its markup only, never a year guessed from its text;
# 9: tallies ("voted 5-2") and hyphenated measures ("a 36-inch main") as quantities;
# 10: lengths and masses in one unit each ("cm" -> centimetre, "feet" -> foot), converted;
# 11: a figure after "not" is denied ("$4 per tire, not $40");
# 12: a bare denied figure takes the unit of the figure it follows ("19,000 gallons, not 190,000");
# 13: a sentence starts after an abbreviation before a capitalised function word ("5 a.m. The");
# 14: a plain-text file's header block ("Title: ...", "Outlet: ...", "Date: ...") read as its fields;
# 15: a tally ("voted 431 to 78") and "from $1,904 in 2027 to $1,965" give two figures, no range;
# 16: a time written "2:19:05" is one elapsed time, not a clock time and two numbers.
# 17: "unanimously" is a tally with nobody against.
# 18: a bare "not N" set off by a comma or dash denies the sentence's latest figure and takes its unit.
# 19: a "no" inside a noun phrase ("cast the lone no vote") is no negation of its sentence; a
#     denied saying ("never said that S") attributes no words; "one in three" is a share.
# 20: an area or a volume ("100,000 square feet") is its own unit, never a length.
INDEX_VERSION = 20


def _sha256(raw: bytes) -> str:
    """The content hash: the raw bytes and the index version that parsed them."""
    return hashlib.sha256(f"factcheck-index-v{INDEX_VERSION}\n".encode() + raw).hexdigest()


def text_hash(raw: RawArticle) -> str:
    """The content hash of a fetched page: its extracted title and text, not its bytes, so a
    page whose ads or tokens change on every request is not a new version each time."""
    return _sha256(f"{raw.hints.title or ''}\n{raw.text}".encode())


# --------------------------------------------------------------------------- formats
def _read_whole(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FileRejected(
                path, f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileRejected(path, "no such file") from None
    except IsADirectoryError:
        raise FileRejected(path, "is a folder, not a file") from None
    except PermissionError:
        raise FileRejected(path, "permission denied") from None
    if len(raw) > max_bytes:  # the file grew between stat and read
        raise FileRejected(path, f"file is over the {_human_size(max_bytes)} limit")
    if not raw.strip():
        raise FileRejected(path, "empty file")
    return raw


def read_text_file(path: Path, *, max_bytes: int) -> LoadedFile:
    raw = _read_whole(path, max_bytes)
    text = decode_text(raw, source=str(path))
    if not text.strip():
        raise FileRejected(path, "empty file")
    header, body = text_header(text)
    if header:
        record = {**header, "text": body}
        return LoadedFile(articles=[_record_to_article(record, path=str(path), content_hash=_sha256(raw))])
    return LoadedFile(articles=[RawArticle(path=str(path), content_hash=_sha256(raw), text=text)])


_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,30}):[ \t]*(?P<value>\S.*)$")


def text_header(text: str) -> tuple[dict[str, str], str]:
    """A plain-text export's header block ("Title: ...", "Outlet: ...", "Date: ...", then a
    blank line) as the fields a JSON export would give, and the text after it; ({}, text)
    when the file does not open with one. Every line of the block must be a field the
    exports use and at least two of them, so that "Update: The county has ..." stays text."""
    lines = text.lstrip("\ufeff").lstrip("\n").split("\n")
    end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    fields: dict[str, str] = {}
    for line in lines[:end]:
        match = _HEADER_LINE.match(line.strip())
        key = match.group("key").strip().lower().replace(" ", "_").replace("-", "_") if match else ""
        if key not in _HEADER_KEYS:
            return {}, text
        fields[key] = match.group("value").strip()
    if len(fields) < 2 or end == len(lines):
        return {}, text
    return fields, "\n".join(lines[end + 1 :])


def _parse_date(value: object) -> dt.date | None:
    """Dates as exports and meta tags write them: ISO strings, with or without time."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # milliseconds or seconds
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    return find_date(value)


# The published date comes from the page's markup (meta tags, <time datetime>), never from a
# year in the text: by default htmldate rejects a date after today's and then guesses one
# from the body ("since my dad had his heart surgery in 2004" made a page "2004-01-01").
# The markup is trusted over this machine's clock (a scheduled post, a wrong clock).
LATEST_PAGE_DATE = "2099-12-31"
PUBLISHED_DATE_SEARCH = {"extensive_search": False, "original_date": True, "max_date": LATEST_PAGE_DATE}


def html_to_article(html: str, *, path: str, content_hash: str) -> RawArticle:
    """Main text and metadata of an HTML page via trafilatura (no hand-written tag stripping)."""
    import trafilatura  # heavy import, only paid when HTML is ingested

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=PUBLISHED_DATE_SEARCH,
    )
    text = (doc.text if doc is not None else None) or ""
    if not text.strip():
        raise FileRejected(path, "no article text found in the HTML page")
    hints = FormatHints(
        title=doc.title or None,
        standfirst=doc.description or None,
        byline=doc.author or None,
        outlet=doc.sitename or None,
        url=doc.url or None,
        published=_parse_date(doc.date),
        updated=_modified_date(html),
    )
    return RawArticle(path=path, content_hash=content_hash, text=text, hints=hints)


def _modified_date(html: str) -> dt.date | None:
    """The page's last-modified date from its metadata (htmldate, which trafilatura uses for
    the published date), not guessed from the text."""
    from htmldate import find_date

    found = find_date(html, original_date=False, extensive_search=False, max_date=LATEST_PAGE_DATE)
    return _parse_date(found)


def read_html_file(path: Path, *, max_bytes: int) -> LoadedFile:
    return load_html(_read_whole(path, max_bytes), path=str(path))


def load_html(raw: bytes, *, path: str) -> LoadedFile:
    """An HTML page's bytes -> its article and reviews. Files and fetched pages both come through here."""
    return html_page(decode_text(raw, source=path), path=path, content_hash=_sha256(raw))


def html_page(html: str, *, path: str, content_hash: str) -> LoadedFile:
    """A page's article, plus the ClaimReviews its JSON-LD holds (a fact-check page is both).

    A page with reviews but no article text keeps its reviews. Fetched pages (URLs) go
    through here too, so a fact-check found on the web becomes a review like a saved one.
    """
    found = reviews_from_html(html, source=path)
    try:
        articles = [html_to_article(html, path=path, content_hash=content_hash)]
    except FileRejected:
        if not found.reviews:
            raise
        articles = []
    return LoadedFile(articles=articles, reviews=found.reviews, skipped=found.skipped)


def read_csv_file(path: Path, *, max_bytes: int) -> LoadedFile:
    """A desk's fact-check export: one review per row (see `review_exports`)."""
    raw = _read_whole(path, max_bytes)
    try:
        found = reviews_from_csv(decode_text(raw, source=str(path)), source=str(path))
    except ValueError as exc:
        raise FileRejected(path, str(exc)) from None
    return _reviews_only(path, found)


def read_json_file(path: Path, *, max_bytes: int) -> LoadedFile:
    """A JSON-LD document or a ClaimReview DataFeed, as fact-checkers publish them."""
    raw = _read_whole(path, max_bytes)
    try:
        data = json.loads(decode_text(raw, source=str(path)))
    except json.JSONDecodeError as exc:
        raise FileRejected(path, f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    return _reviews_only(path, reviews_from_jsonld(data, source=str(path)))


def _reviews_only(path: Path, found: ReviewsFound) -> LoadedFile:
    if not found.reviews:
        why = f": {found.skipped[0].path}: {found.skipped[0].reason}" if found.skipped else ""
        raise FileRejected(path, f"no usable fact-check record (ClaimReview or export row){why}")
    return LoadedFile(articles=[], reviews=found.reviews, skipped=found.skipped)


_TEXT_KEYS = ("text", "body", "content", "article", "maintext", "full_text", "story")
_HTML_KEYS = ("html", "raw_html", "content_html", "body_html")
_TITLE_KEYS = ("title", "headline")
_STANDFIRST_KEYS = ("standfirst", "dek", "subheadline", "subtitle", "description")
_URL_KEYS = ("url", "link", "canonical_url", "source_url")
_DATE_KEYS = (
    "published",
    "date",
    "published_at",
    "publish_date",
    "pubDate",
    "datePublished",
    "date_published",
    "published_date",
)
_OUTLET_KEYS = ("outlet", "source", "site", "publisher", "sitename", "site_name", "source_name")
_AUTHOR_KEYS = ("author", "byline", "authors")
_HEADER_KEYS = frozenset(
    k.lower()
    for k in (*_TITLE_KEYS, *_STANDFIRST_KEYS, *_URL_KEYS, *_DATE_KEYS, *_OUTLET_KEYS, *_AUTHOR_KEYS, "dateline")
)


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_name(value: Any) -> str | None:
    """Outlet or author fields come as strings, lists, or objects with a name."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _as_name(value.get("name") or value.get("title"))
    if isinstance(value, list):
        names = [n for n in (_as_name(v) for v in value) if n]
        return " and ".join(names) or None
    return None


def _as_text(value: Any) -> str | None:
    """A text field: a non-blank string, or nothing (a summary never comes as a list)."""
    return (" ".join(value.split()) or None) if isinstance(value, str) else None


def _record_to_article(record: dict[str, Any], *, path: str, content_hash: str) -> RawArticle:
    hints = FormatHints(
        title=_as_name(_first(record, _TITLE_KEYS)),
        standfirst=_as_text(_first(record, _STANDFIRST_KEYS)),
        outlet=_as_name(_first(record, _OUTLET_KEYS)),
        byline=_as_name(_first(record, _AUTHOR_KEYS)),
        url=_as_name(_first(record, _URL_KEYS)),
        published=_parse_date(_first(record, _DATE_KEYS)),
        dateline=_as_name(record.get("dateline")),
        notes=_as_name(record.get("notes")),
    )
    text = _first(record, _TEXT_KEYS)
    if isinstance(text, str) and text.strip():
        return RawArticle(path=path, content_hash=content_hash, text=text, hints=hints)
    html = _first(record, _HTML_KEYS)
    if isinstance(html, str) and html.strip():
        article = html_to_article(html, path=path, content_hash=content_hash)
        merged = article.hints.model_dump(exclude_none=True) | hints.model_dump(exclude_none=True)
        return article.model_copy(update={"hints": FormatHints(**merged)})
    raise FileRejected(path, f"no article text (expected one of: {', '.join(_TEXT_KEYS)})")


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise FileRejected(path, "no such file") from None
    except PermissionError:
        raise FileRejected(path, "permission denied") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            yield number, line.rstrip(b"\r\n")


def read_jsonl_file(path: Path, *, max_bytes: int) -> LoadedFile:
    """One article per line, read line by line; `max_bytes` limits each line (one
    article), not the whole export, so large exports are accepted.

    Each article's path is `<file>#L<line>` so that articles of one export stay
    distinct in the store (which replaces an article when its path is reused).
    Bad lines are skipped and listed in `skipped`; the whole file is rejected
    only when no line is usable.
    """
    articles: list[RawArticle] = []
    found = ReviewsFound()
    skipped = found.skipped
    for number, line in _jsonl_lines(path):
        where = f"{path}#L{number}"
        if not line.strip():
            continue
        try:
            if len(line) > max_bytes:
                raise FileRejected(
                    where,
                    f"line is {_human_size(len(line))}, over the {_human_size(max_bytes)} limit",
                )
            text = decode_text(line, source=where)
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise FileRejected(
                    where, f"invalid JSON ({exc.msg} at column {exc.colno})"
                ) from None
            if not isinstance(record, dict):
                raise FileRejected(where, "a JSON object per line was expected")
            if is_review_record(record):
                add_record(found, record, where=where, source=str(path))
                continue
            articles.append(_record_to_article(record, path=where, content_hash=_sha256(line)))
        except FileRejected as exc:
            skipped.append(IngestFailure(path=exc.path, reason=exc.reason))
    if not articles and not found.reviews:
        if not skipped:
            raise FileRejected(path, "empty file")
        first = skipped[0]
        more = f" (and {len(skipped) - 1} more bad lines)" if len(skipped) > 1 else ""
        raise FileRejected(
            path, f"no usable line: line {first.path.rsplit('#L', 1)[-1]}: {first.reason}{more}"
        )
    return LoadedFile(articles=articles, reviews=found.reviews, skipped=skipped)


def read_file(path: Path, *, max_bytes: int) -> LoadedFile:
    """Dispatch on the extension; raise FileRejected for anything unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return read_text_file(path, max_bytes=max_bytes)
    if suffix in (".html", ".htm"):
        return read_html_file(path, max_bytes=max_bytes)
    if suffix == ".jsonl":
        return read_jsonl_file(path, max_bytes=max_bytes)
    if suffix == ".csv":
        return read_csv_file(path, max_bytes=max_bytes)
    if suffix == ".json":
        return read_json_file(path, max_bytes=max_bytes)
    raise FileRejected(
        path, f"unsupported file type '{suffix or '(none)'}' (indexable: {_INDEXABLE_TEXT})"
    )
