"""Row <-> model mapping and search-term sanitising shared by the SQL stores.

Both stores select the same column aliases (`a_*` for the article, `p_*` for
a passage, `q_*` for a quote), so one mapping serves SQLite and PostgreSQL;
JSON columns arrive as text from SQLite and already decoded from psycopg.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.core.models import Article, ArticleSummary, ArticleVersion, Passage, Quote
from bot.store.base import CheckAudit, FetchRecord

MAX_SEARCH_TERMS = 64  # a claim has far fewer content words; caps query cost

ARTICLE_META_COLUMNS = (
    "a.id AS a_id, a.path AS a_path, a.content_hash AS a_content_hash, a.title AS a_title, "
    "a.outlet AS a_outlet, a.byline AS a_byline, a.dateline AS a_dateline, "
    "a.published AS a_published, a.url AS a_url, a.notes AS a_notes, "
    "a.updated AS a_updated, a.version AS a_version"
)
ARTICLE_COLUMNS = ARTICLE_META_COLUMNS + ", a.body AS a_body"
ARTICLE_SUMMARY_COLUMNS = (
    "a.id AS a_id, a.path AS a_path, a.title AS a_title, a.outlet AS a_outlet, "
    "a.byline AS a_byline, a.dateline AS a_dateline, a.published AS a_published, a.url AS a_url, "
    "a.updated AS a_updated, a.version AS a_versions"
)
PASSAGE_COLUMNS = (
    "p.id AS p_id, p.article_id AS p_article_id, p.position AS p_position, p.text AS p_text, "
    "p.lemmas AS p_lemmas, p.entities AS p_entities, p.quantities AS p_quantities, "
    "p.dates AS p_dates, p.negated AS p_negated"
)
QUOTE_COLUMNS = (
    "q.id AS q_id, q.article_id AS q_article_id, q.passage_position AS q_passage_position, "
    "q.text AS q_text, q.speaker AS q_speaker, q.speaker_mention AS q_speaker_mention, "
    "q.cue AS q_cue, q.kind AS q_kind, q.context AS q_context, q.lemmas AS q_lemmas"
)
CHECK_COLUMNS = "id, team, channel, user_id, source, claim, verdict, evidence_ids, created_at"

Row = Mapping[str, Any]


def clean_terms(terms: Iterable[str]) -> list[str]:
    """Strip, drop empty and duplicate terms (case-insensitively), keep order, cap the count."""
    seen: set[str] = set()
    cleaned: list[str] = []
    for term in terms:
        text = " ".join(str(term).split())
        key = text.casefold()
        if text and key not in seen:
            seen.add(key)
            cleaned.append(text)
    return cleaned[:MAX_SEARCH_TERMS]


def index_tokens(term: str) -> list[str]:
    """The tokens FTS5's unicode61 tokenizer (remove_diacritics 2) makes of `term`.

    Lower-cased letters and digits without diacritics; every other character
    separates tokens ("U.S." -> ["u", "s"]).
    """
    decomposed = unicodedata.normalize("NFKD", term.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return TOKEN.findall(plain)


TOKEN = re.compile(r"[^\W_]+")


def speaker_key(speaker: str | None) -> str | None:
    """The form a speaker is matched by: case-insensitive, whitespace-normalised."""
    if speaker is None:
        return None
    return " ".join(speaker.split()).casefold() or None


def utc_text(moment: dt.datetime) -> str:
    """Fixed-width UTC ISO text, so SQLite's text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


# How long a processed Slack event id is remembered: Slack retries within minutes.
EVENT_RETENTION = dt.timedelta(days=1)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """Naive datetimes are taken as UTC (the audit log stores UTC)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.timezone.utc)


def json_list(models: Iterable[Any]) -> list[Any]:
    """JSON-ready list: pydantic models dumped in JSON mode, dates as ISO strings."""
    out: list[Any] = []
    for item in models:
        if hasattr(item, "model_dump"):
            out.append(item.model_dump(mode="json"))
        elif isinstance(item, dt.date):
            out.append(item.isoformat())
        else:
            out.append(item)
    return out


def decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def article_from_row(row: Row) -> Article:
    return Article(
        id=row["a_id"],
        path=row["a_path"],
        content_hash=row["a_content_hash"],
        title=row["a_title"],
        outlet=row["a_outlet"],
        byline=row["a_byline"],
        dateline=row["a_dateline"],
        published=row["a_published"],
        url=row["a_url"],
        notes=row["a_notes"],
        updated=row["a_updated"],
        version=row["a_version"],
        body=row["a_body"] if "a_body" in row.keys() else "",
    )


def next_version(old: Row | None, article: Article, today: dt.date) -> tuple[int, dt.date | None, bool]:
    """(version, updated, keep the old text) for `article` replacing `old` at the same path.

    Changed text is a new version and the old one is kept; the same text saved again
    (a re-index after an engine upgrade, new metadata) keeps its version number.
    """
    if old is None:  # a copied article (factcheck migrate-store) keeps its version number
        return article.version, article.updated, False
    if old["body"] == article.body:
        return old["version"], article.updated or old["updated"], False
    return old["version"] + 1, article.updated or today, True


def save_status(old: Row | None, kept_old: bool) -> str:
    return "added" if old is None else "updated" if kept_old else "replaced"


# Copies the article about to be replaced into article_versions ({p}: the placeholder).
KEEP_OLD_VERSION = (
    "INSERT INTO article_versions (path, version, content_hash, title, published, updated, url, "
    "body, indexed_at, replaced_at) SELECT path, version, content_hash, title, published, updated, "
    "url, body, indexed_at, {p} FROM articles WHERE id = {p}"
)

# Writes a copied earlier version unless that (path, version) is already kept.
IMPORT_VERSION = (
    "INSERT INTO article_versions (path, version, content_hash, title, published, updated, url, "
    "body, indexed_at, replaced_at) VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}, {p}) "
    "ON CONFLICT (path, version) DO NOTHING"
)


def version_values(version: ArticleVersion, timestamp: Callable[[dt.datetime], Any]) -> tuple[object, ...]:
    """IMPORT_VERSION's parameters; `timestamp` is the store's own way to pass a moment."""
    now = utc_now()
    return (
        version.path, version.version, version.content_hash or "", version.title,
        version.published.isoformat() if version.published else None,
        version.updated.isoformat() if version.updated else None,
        version.url, version.body, timestamp(as_utc(version.indexed_at) or now),
        timestamp(as_utc(version.replaced_at) or now),
    )


SAVE_FETCH = (
    "INSERT INTO fetches (url, article_path, content_hash, index_version, etag, last_modified, "
    "fetched_at) VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}) ON CONFLICT (url) DO UPDATE SET "
    "article_path = excluded.article_path, content_hash = excluded.content_hash, "
    "index_version = excluded.index_version, etag = excluded.etag, "
    "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at"
)


def fetch_values(record: FetchRecord) -> tuple[object, ...]:
    return (
        record.url, record.article_path, record.content_hash, record.index_version,
        record.etag, record.last_modified,
    )


def summary_from_row(row: Row) -> ArticleSummary:
    """An article listing row: ARTICLE_SUMMARY_COLUMNS plus the `a_passages` and `a_quotes` counts."""
    return ArticleSummary(**{name: row[f"a_{name}"] for name in ArticleSummary.model_fields})


def passage_from_row(row: Row) -> Passage:
    return Passage(
        id=row["p_id"],
        article_id=row["p_article_id"],
        position=row["p_position"],
        text=row["p_text"],
        lemmas=row["p_lemmas"],
        entities=decoded(row["p_entities"]),
        quantities=decoded(row["p_quantities"]),
        dates=decoded(row["p_dates"]),
        negated=bool(row["p_negated"]),
    )


def quote_from_row(row: Row) -> Quote:
    return Quote(
        id=row["q_id"],
        article_id=row["q_article_id"],
        passage_position=row["q_passage_position"],
        text=row["q_text"],
        speaker=row["q_speaker"],
        speaker_mention=row["q_speaker_mention"],
        cue=row["q_cue"],
        kind=row["q_kind"],
        context=row["q_context"],
        lemmas=row["q_lemmas"],
    )


def check_from_row(row: Row) -> CheckAudit:
    return CheckAudit(
        id=row["id"],
        team=row["team"],
        channel=row["channel"],
        user=row["user_id"],
        source=row["source"],
        claim=row["claim"],
        verdict=row["verdict"],
        evidence_ids=decoded(row["evidence_ids"]),
        created_at=row["created_at"],
    )
