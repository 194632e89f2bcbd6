"""Read queries that the SQLite and PostgreSQL stores share word for word.

Only the parameter placeholder and the way a read connection is obtained
differ between the two databases; each store supplies those two.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from bot.core.models import Article, ArticleSummary, ArticleVersion, Passage
from bot.store import rows
from bot.store.base import FetchRecord, QuoteHit


class SQLReading:
    """Mixin: articles, passages and quotes read with plain SQL."""

    placeholder: str  # "?" (sqlite3) or "%s" (psycopg)

    def _read(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def articles(self) -> list[Article]:
        with self._read() as conn:
            found = conn.execute(f"SELECT {rows.ARTICLE_COLUMNS} FROM articles a ORDER BY a.path")
            return [rows.article_from_row(row) for row in found]

    def article_summaries(self) -> list[ArticleSummary]:
        # No body is loaded, and the counts are index lookups on the (article_id, position)
        # unique indexes of passages and quotes, so listing a large archive stays cheap.
        with self._read() as conn:
            found = conn.execute(
                f"SELECT {rows.ARTICLE_SUMMARY_COLUMNS}, "
                "(SELECT count(*) FROM passages p WHERE p.article_id = a.id) AS a_passages, "
                "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS a_quotes "
                "FROM articles a ORDER BY a.path"
            )
            return [rows.summary_from_row(row) for row in found]

    def article(self, article_id: int) -> Article | None:
        with self._read() as conn:
            row = conn.execute(
                f"SELECT {rows.ARTICLE_COLUMNS} FROM articles a WHERE a.id = {self.placeholder}",
                (article_id,),
            ).fetchone()
            return rows.article_from_row(row) if row is not None else None

    def article_versions(self, path: str) -> list[ArticleVersion]:
        p = self.placeholder
        columns = "path, version, title, published, updated, url, body, indexed_at, content_hash"
        with self._read() as conn:
            found = conn.execute(
                f"SELECT {columns}, replaced_at FROM article_versions WHERE path = {p} "
                f"UNION ALL SELECT {columns}, NULL FROM articles WHERE path = {p} ORDER BY version",
                (path, path),
            )
            return [ArticleVersion(**dict(row)) for row in found]

    def fetch_record(self, url: str) -> FetchRecord | None:
        with self._read() as conn:
            row = conn.execute(
                "SELECT url, article_path, content_hash, index_version, etag, last_modified "
                f"FROM fetches WHERE url = {self.placeholder}",
                (url,),
            ).fetchone()
            return FetchRecord(**dict(row)) if row is not None else None

    def fetch_records(self) -> list[FetchRecord]:
        """Every remembered fetch, by URL (for store copies)."""
        with self._read() as conn:
            found = conn.execute(
                "SELECT url, article_path, content_hash, index_version, etag, last_modified "
                "FROM fetches ORDER BY url"
            )
            return [FetchRecord(**dict(row)) for row in found]

    def passages(self, article_id: int) -> list[Passage]:
        with self._read() as conn:
            found = conn.execute(
                f"SELECT {rows.PASSAGE_COLUMNS} FROM passages p "
                f"WHERE p.article_id = {self.placeholder} ORDER BY p.position",
                (article_id,),
            )
            return [rows.passage_from_row(row) for row in found]

    def speakers(self) -> list[str]:
        with self._read() as conn:
            found = conn.execute(
                "SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL ORDER BY speaker"
            )
            return [row["speaker"] for row in found]

    def named_people(self) -> list[str]:
        with self._read() as conn:
            found = conn.execute(
                "SELECT p.entities AS entities FROM passages p JOIN articles a ON a.id = p.article_id "
                "ORDER BY a.path, p.position"
            )
            return [
                entity["text"]
                for row in found
                for entity in rows.decoded(row["entities"]) or []
                if entity.get("label") == "PERSON" and len(entity["text"].split()) >= 2
            ]

    def quotes(self, speaker: str | None = None) -> list[QuoteHit]:
        sql = (
            f"SELECT {rows.QUOTE_COLUMNS}, {rows.ARTICLE_META_COLUMNS} "
            "FROM quotes q JOIN articles a ON a.id = q.article_id "
        )
        params: tuple[object, ...] = ()
        if speaker is not None:
            sql += f"WHERE q.speaker_key = {self.placeholder} "
            params = (rows.speaker_key(speaker),)
        sql += "ORDER BY a.path, q.position"
        with self._read() as conn:
            return [
                QuoteHit(quote=rows.quote_from_row(row), article=rows.article_from_row(row))
                for row in conn.execute(sql, params)
            ]
