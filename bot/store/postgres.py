"""The scale-out store: PostgreSQL through psycopg 3 and a connection pool.

Full-text search uses generated `tsvector` columns ('simple' config over text
and lemmas) with GIN indexes and `ts_rank_cd`; quote text also has a pg_trgm
index for fuzzy "who said" lookups. Several bot replicas and ingest processes
share one database: migrations serialise on an advisory lock, article writes
on a per-path advisory lock plus unique content hashes, and Slack event ids
on a primary key. This module is imported only for `postgresql://` URLs, so
psycopg is not needed for the embedded default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.core.errors import StoreError
from bot.core.models import ArticleVersion, ParsedArticle
from bot.store import rows
from bot.store.review_table import REVIEW_COLUMNS, ReviewTable, review_from_row
from bot.store.sql_reading import SQLReading
from bot.store.base import (
    CheckAudit, FeedbackVote, FetchRecord, PassageHit, QuoteHit, ReviewHit, SaveResult,
)
from bot.store.migrations import migration_steps
from bot.store.transfer import FlaggedThread, _redact

MIGRATION_LOCK = 7_413_200_001  # pg_advisory_xact_lock key: schema changes, one at a time
ARTICLE_LOCK_SPACE = 741_320  # first key of the per-path article lock
POLL_LOCK = 7_413_200_002  # pg_try_advisory_lock key: one replica polls the feeds at a time
CONNECT_TIMEOUT_S = 10.0

# Retrieval in two stages, so a check's cost follows the rare words of the claim, not the
# common ones. Stage 1 (candidates): each term is looked up on its own through the GIN index
# (a phrase tsquery built by the server from an array parameter, so no user text is parsed as
# tsquery syntax), rarest terms first, until the postings read would exceed POSTINGS_BUDGET;
# a row's weight is the sum of the IDFs of the terms it contains, from `term_stats`.
# Stage 2 (ranking): only the best CANDIDATE_POOL rows are read again and scored with BM25's
# length normalisation (one occurrence per sentence), the shape FTS5's bm25() gives SQLite.
# Ranking every match with ts_rank_cd instead cost ~20 us a row: 70 ms for a claim matching
# 3,000 sentences of a 1k-article index, and seconds at 20k articles.
_TWO_STAGE = """
WITH t AS (
  SELECT u.term, phraseto_tsquery('simple', u.term) AS q
  FROM unnest(%(terms)s::text[]) AS u(term)
  WHERE phraseto_tsquery('simple', u.term)::text <> ''),
w AS (
  SELECT t.term, t.q, d.df, ln(1 + (n.total - d.df + 0.5) / (d.df + 0.5)) AS idf
  FROM t
  CROSS JOIN (SELECT greatest(coalesce(max(value), 0), 1)::float8 AS total
              FROM corpus_stats WHERE name = 'passages') n
  CROSS JOIN LATERAL (
    SELECT coalesce(min(coalesce(s.passages, 0)), 0)::float8 AS df
    FROM unnest(tsvector_to_array(to_tsvector('simple', t.term))) AS x(lexeme)
    LEFT JOIN term_stats s ON s.term = x.lexeme) d),
kept AS (
  SELECT r.term, r.q, greatest(r.idf, 0.01) AS idf FROM (
    SELECT w.*, sum(w.df) OVER (ORDER BY w.df, w.term) AS read_until,
           row_number() OVER (ORDER BY w.df, w.term) AS rarity
    FROM w) r
  WHERE r.read_until <= %(budget)s OR r.rarity <= %(min_terms)s),
pool AS (
  SELECT m.id, sum(kept.idf) AS weight
  FROM kept CROSS JOIN LATERAL (SELECT x.id FROM {table} x WHERE x.tsv @@ kept.q) m
  GROUP BY m.id ORDER BY weight DESC, m.id LIMIT %(pool)s),
hits AS (
  SELECT pool.id,
         pool.weight * 2.2 / (1 + 1.2 * (0.25 + 0.75 * length(x.tsv) / %(avg_lexemes)s)) AS score
  FROM pool JOIN {table} x ON x.id = pool.id
  ORDER BY score DESC, pool.id LIMIT %(limit)s)
"""
# Postings read in stage 1 before the commoner terms are skipped. At ~1k articles every term of
# a claim fits; at 20k the rarest few fill it, and they are the ones that tell sentences apart.
POSTINGS_BUDGET = 20_000
MIN_TERMS = 2  # the rarest terms are always looked up, however long their postings
CANDIDATE_POOL = 5  # stage 2 re-scores this many rows per result asked for (at least 100)
AVERAGE_LEXEMES = 22.0  # lexemes in a sentence's tsvector (text + lemmas), measured on real news


def _search_params(terms: list[str], limit: int) -> dict[str, Any]:
    return {
        "terms": terms,
        "limit": limit,
        "budget": POSTINGS_BUDGET,
        "min_terms": MIN_TERMS,
        "pool": max(limit * CANDIDATE_POOL, 100),
        "avg_lexemes": AVERAGE_LEXEMES,
    }


class _AlreadyIndexed(Exception):
    """Another process stored the same content while this transaction ran."""


class PostgresStore(SQLReading, ReviewTable):
    """Store protocol on PostgreSQL; one pool per store object, shared by threads."""

    placeholder = "%s"
    next_revision = "nextval('review_revisions')"  # concurrent writers each get their own

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 8,
                 connect_timeout: float = CONNECT_TIMEOUT_S) -> None:
        self.url = url
        self._where = _redact(url)
        self._pool = ConnectionPool(
            conninfo=url,
            min_size=min_size,
            max_size=max_size,
            kwargs={"autocommit": True, "row_factory": dict_row},
            open=False,
            name="factcheck",
        )
        try:
            self._pool.open(wait=True, timeout=connect_timeout)
        except (PoolTimeout, psycopg.Error) as exc:
            self._pool.close()
            raise StoreError(
                f"cannot connect to PostgreSQL at {self._where} within {connect_timeout:g}s: "
                f"is the server running and the database created? ({exc})"
            ) from exc

    # connections ---------------------------------------------------------------
    def _read(self) -> Any:
        return self._connection()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """A pooled connection in autocommit mode (reads never sit idle in a transaction)."""
        try:
            with self._pool.connection() as conn:
                yield conn  # type: ignore[misc]  # the pool's connections use dict_row
        except PoolTimeout as exc:
            raise StoreError(f"no PostgreSQL connection available at {self._where}: {exc}") from exc
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL at {self._where} failed: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        """One transaction: everything inside commits together or not at all."""
        with self._connection() as conn, conn.transaction():
            yield conn

    # lifecycle -------------------------------------------------------------------
    def migrate(self) -> list[str]:
        applied_now: list[str] = []
        with self._write() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            done = {row["name"] for row in conn.execute("SELECT name FROM schema_migrations")}
            for step in migration_steps("postgres"):
                if step.name in done:
                    continue
                conn.execute(step.sql)  # type: ignore[arg-type]  # trusted file, no parameters
                conn.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (step.name,))
                applied_now.append(step.name)
        return applied_now

    def applied_migrations(self) -> list[str]:
        with self._connection() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations') AS t").fetchone()
            if not exists or exists["t"] is None:
                return []
            return [r["name"] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def close(self) -> None:
        self._pool.close()

    # articles ------------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        with self._connection() as conn:
            row = conn.execute("SELECT 1 FROM articles WHERE content_hash = %s", (content_hash,))
            return row.fetchone() is not None

    def save_article(self, parsed: ParsedArticle) -> SaveResult:
        article = parsed.article
        try:
            with self._write() as conn:
                # Writers of the same path queue here; different paths proceed in parallel.
                conn.execute(
                    "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (ARTICLE_LOCK_SPACE, article.path)
                )
                same = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = %s", (article.content_hash,)
                ).fetchone()
                if same is not None:
                    return SaveResult(article_id=same["id"], status="unchanged")
                old = conn.execute(
                    "SELECT id, body, version, updated FROM articles WHERE path = %s", (article.path,)
                ).fetchone()
                version, updated, keep_old = rows.next_version(old, article, rows.utc_now().date())
                if keep_old:
                    conn.execute(rows.KEEP_OLD_VERSION.format(p="%s"), (rows.utc_now(), old["id"]))
                term_deltas: dict[str, int] = {}
                passage_delta = len(parsed.passages)
                if old is not None:
                    for term, count in _article_term_counts(conn, int(old["id"])).items():
                        term_deltas[term] = term_deltas.get(term, 0) - count
                    passage_delta -= _article_passage_count(conn, int(old["id"]))
                    conn.execute("DELETE FROM articles WHERE id = %s", (old["id"],))  # cascades
                inserted = conn.execute(
                    "INSERT INTO articles (path, content_hash, title, outlet, byline, dateline, "
                    "published, url, notes, body, updated, version) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING RETURNING id",
                    (
                        article.path, article.content_hash, article.title, article.outlet,
                        article.byline, article.dateline, article.published, article.url,
                        article.notes, article.body, updated, version,
                    ),
                ).fetchone()
                if inserted is None:  # same content under another path, committed meanwhile
                    raise _AlreadyIndexed()
                article_id = int(inserted["id"])
                with conn.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO passages (article_id, position, text, lemmas, entities, "
                        "quantities, dates, negated) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                        [
                            (
                                article_id, p.position, p.text, p.lemmas,
                                Jsonb(rows.json_list(p.entities)), Jsonb(rows.json_list(p.quantities)),
                                Jsonb(rows.json_list(p.dates)), p.negated,
                            )
                            for p in parsed.passages
                        ],
                    )
                    cur.executemany(
                        "INSERT INTO quotes (article_id, position, passage_position, text, speaker, "
                        "speaker_key, speaker_mention, cue, kind, context, lemmas) "
                        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        [
                            (
                                article_id, position, q.passage_position, q.text, q.speaker,
                                rows.speaker_key(q.speaker), q.speaker_mention, q.cue, q.kind,
                                q.context, q.lemmas,
                            )
                            for position, q in enumerate(parsed.quotes)
                        ],
                    )
                for term, count in _article_term_counts(conn, article_id).items():
                    term_deltas[term] = term_deltas.get(term, 0) + count
                # last, so the shared counter rows stay locked only until the commit
                _apply_term_deltas(conn, term_deltas, passage_delta)
        except _AlreadyIndexed:
            with self._connection() as conn:
                row = conn.execute(
                    "SELECT id FROM articles WHERE content_hash = %s", (article.content_hash,)
                ).fetchone()
            if row is None:
                raise StoreError(
                    f"{article.path}: a concurrent write of the same content vanished; retry"
                ) from None
            return SaveResult(article_id=row["id"], status="unchanged")
        return SaveResult(article_id=article_id, status=rows.save_status(old, keep_old))

    def article_count(self) -> int:
        with self._connection() as conn:
            row = conn.execute("SELECT count(*) AS n FROM articles").fetchone()
            return int(row["n"]) if row is not None else 0

    # retrieval -------------------------------------------------------------------------
    def search_passages(self, terms: list[str], limit: int = 50) -> list[PassageHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        sql = (
            _TWO_STAGE.format(table="passages")
            + f"SELECT {rows.PASSAGE_COLUMNS}, {rows.ARTICLE_META_COLUMNS}, hits.score AS score "
            "FROM hits JOIN passages p ON p.id = hits.id JOIN articles a ON a.id = p.article_id "
            "ORDER BY hits.score DESC, p.id"
        )
        with self._connection() as conn:
            return [
                PassageHit(
                    passage=rows.passage_from_row(row),
                    article=rows.article_from_row(row),
                    rank=float(row["score"]),
                )
                for row in conn.execute(sql, _search_params(cleaned, limit))
            ]

    def search_quotes(self, terms: list[str], limit: int = 50) -> list[QuoteHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        sql = (
            _TWO_STAGE.format(table="quotes")
            + f"SELECT {rows.QUOTE_COLUMNS}, {rows.ARTICLE_META_COLUMNS}, hits.score AS score "
            "FROM hits JOIN quotes q ON q.id = hits.id JOIN articles a ON a.id = q.article_id "
            "ORDER BY hits.score DESC, q.id"
        )
        with self._connection() as conn:
            return [
                QuoteHit(
                    quote=rows.quote_from_row(row),
                    article=rows.article_from_row(row),
                    rank=float(row["score"]),
                )
                for row in conn.execute(sql, _search_params(cleaned, limit))
            ]

    def search_reviews(self, terms: list[str], limit: int = 20) -> list[ReviewHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        # each term a phrase query built by the server from an array (no user text is tsquery
        # syntax); a review ranks by how many terms it holds, then by ts_rank
        sql = (
            f"WITH t AS (SELECT phraseto_tsquery('simple', u.term) AS q "
            "  FROM unnest(%(terms)s::text[]) AS u(term) "
            "  WHERE phraseto_tsquery('simple', u.term)::text <> ''), "
            "hits AS (SELECT r.id AS hit_id, count(*) + max(ts_rank(r.tsv, t.q)) AS score "
            "  FROM t JOIN reviews r ON r.tsv @@ t.q GROUP BY r.id "
            "  ORDER BY score DESC, r.id LIMIT %(limit)s) "
            f"SELECT {REVIEW_COLUMNS}, hits.score AS score FROM hits JOIN reviews ON reviews.id = hits.hit_id "
            "ORDER BY hits.score DESC, reviews.id"
        )
        with self._connection() as conn:
            return [
                ReviewHit(review=review_from_row(row), rank=float(row["score"]))
                for row in conn.execute(sql, {"terms": cleaned, "limit": limit})
            ]

    def _timestamp(self, moment: dt.datetime) -> dt.datetime:
        return moment

    def term_frequencies(self, terms: list[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(terms))
        if not wanted:
            return {}
        sql = (
            "SELECT t.term, coalesce(min(coalesce(s.passages, 0)), 0) AS n "
            "FROM unnest(%(terms)s::text[]) AS t(term) "
            "LEFT JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', t.term))) AS w(lexeme) "
            "  ON true "
            "LEFT JOIN term_stats s ON s.term = w.lexeme "
            "GROUP BY t.term"
        )
        with self._connection() as conn:
            found = {row["term"]: max(0, int(row["n"])) for row in conn.execute(sql, {"terms": wanted})}
        return {term: found.get(term, 0) for term in terms}

    def passage_count(self) -> int:
        with self._connection() as conn:
            row = conn.execute("SELECT value FROM corpus_stats WHERE name = 'passages'").fetchone()
            return int(row["value"]) if row is not None else 0

    def similar_quotes(self, text: str, limit: int = 10, threshold: float = 0.3) -> list[QuoteHit]:
        """Quotes whose wording is closest to `text` (pg_trgm word similarity), best first.

        Not part of the Store protocol: a fuzzy "who said" for misremembered words.
        """
        words = " ".join(text.split())
        if not words or limit <= 0:
            return []
        sql = (
            "WITH hits AS (SELECT q.id, word_similarity(%(words)s, q.text) AS score FROM quotes q "
            "              WHERE %(words)s <%% q.text ORDER BY score DESC, q.id LIMIT %(limit)s) "
            f"SELECT {rows.QUOTE_COLUMNS}, {rows.ARTICLE_META_COLUMNS}, hits.score AS score "
            "FROM hits JOIN quotes q ON q.id = hits.id JOIN articles a ON a.id = q.article_id "
            "ORDER BY hits.score DESC, q.id"
        )
        with self._write() as conn:  # the threshold setting lasts for this transaction only
            conn.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", (str(threshold),)
            )
            return [
                QuoteHit(
                    quote=rows.quote_from_row(row),
                    article=rows.article_from_row(row),
                    rank=float(row["score"]),
                )
                for row in conn.execute(sql, {"words": words, "limit": limit})
            ]

    # bot state ---------------------------------------------------------------------------
    # web ingest ----------------------------------------------------------------------
    def save_fetch_record(self, record: FetchRecord) -> None:
        with self._write() as conn:
            conn.execute(rows.SAVE_FETCH.format(p="%s"), (*rows.fetch_values(record), rows.utc_now()))

    @contextmanager
    def poll_lock(self) -> Iterator[bool]:
        """A session advisory lock on one pooled connection, released before it goes back."""
        with self._connection() as conn:
            row = conn.execute("SELECT pg_try_advisory_lock(%s) AS got", (POLL_LOCK,)).fetchone()
            got = bool(row and row["got"])
            try:
                yield got
            finally:
                if got:
                    conn.execute("SELECT pg_advisory_unlock(%s)", (POLL_LOCK,))

    def claim_event(self, event_id: str) -> bool:
        with self._connection() as conn:
            row = conn.execute(
                "INSERT INTO processed_events (event_id) VALUES (%s) "
                "ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
                (event_id,),
            ).fetchone()
            if row is None:
                return False
            conn.execute(
                "DELETE FROM processed_events WHERE claimed_at < now() - %s",
                (rows.EVENT_RETENTION,),
            )
            return True

    def flag_thread(
        self, channel: str, thread_ts: str, user: str | None = None, team: str | None = None
    ) -> None:
        with self._connection() as conn:
            conn.execute(
                "INSERT INTO flagged_threads (channel, thread_ts, user_id, team) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (channel, thread_ts) DO NOTHING",
                (channel, thread_ts, user, team),
            )

    def unflag_thread(self, channel: str, thread_ts: str) -> bool:
        with self._connection() as conn:
            deleted = conn.execute(
                "DELETE FROM flagged_threads WHERE channel = %s AND thread_ts = %s",
                (channel, thread_ts),
            )
            return deleted.rowcount > 0

    def is_flagged(self, channel: str, thread_ts: str) -> bool:
        with self._connection() as conn:
            row = conn.execute(
                "SELECT 1 FROM flagged_threads WHERE channel = %s AND thread_ts = %s",
                (channel, thread_ts),
            ).fetchone()
            return row is not None

    def record_check(self, audit: CheckAudit) -> int:
        with self._connection() as conn:
            return _insert_check(conn, audit)

    def recent_checks(self, limit: int = 10, team: str | None = None) -> list[CheckAudit]:
        sql = f"SELECT {rows.CHECK_COLUMNS} FROM checks "
        params: tuple[object, ...] = (limit,)
        if team is not None:
            sql += "WHERE team = %s "
            params = (team, limit)
        sql += "ORDER BY created_at DESC, id DESC LIMIT %s"
        with self._connection() as conn:
            return [rows.check_from_row(row) for row in conn.execute(sql, params)]

    def record_feedback(self, vote: FeedbackVote) -> None:
        if vote.vote not in ("up", "down"):
            raise StoreError(f"a vote is 'up' or 'down', not {vote.vote!r}")
        try:
            with self._connection() as conn:
                conn.execute(
                    "INSERT INTO feedback (check_id, user_id, vote) VALUES (%s, %s, %s) "
                    "ON CONFLICT (check_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = now()",
                    (vote.check_id, vote.user, vote.vote),
                )
        except StoreError as exc:
            if isinstance(exc.__cause__, psycopg.errors.ForeignKeyViolation):
                raise StoreError(f"no check with id {vote.check_id} to vote on") from exc.__cause__
            raise

    def feedback_counts(self, check_id: int) -> dict[str, int]:
        counts = {"up": 0, "down": 0}
        with self._connection() as conn:
            for row in conn.execute(
                "SELECT vote, count(*) AS n FROM feedback WHERE check_id = %s GROUP BY vote", (check_id,)
            ):
                counts[row["vote"]] = int(row["n"])
        return counts

    # state export (bot.store.transfer.StateExport) ------------------------------------------
    def processed_event_ids(self) -> list[str]:
        with self._connection() as conn:
            return [r["event_id"] for r in conn.execute(
                "SELECT event_id FROM processed_events ORDER BY claimed_at, event_id")]

    def flagged_threads(self) -> list[FlaggedThread]:
        with self._connection() as conn:
            return [
                FlaggedThread(channel=r["channel"], thread_ts=r["thread_ts"], user=r["user_id"], team=r["team"])
                for r in conn.execute(
                    "SELECT channel, thread_ts, user_id, team FROM flagged_threads "
                    "ORDER BY flagged_at, channel, thread_ts"
                )
            ]

    def all_checks(self) -> list[CheckAudit]:
        with self._connection() as conn:
            return [rows.check_from_row(r) for r in conn.execute(
                f"SELECT {rows.CHECK_COLUMNS} FROM checks ORDER BY created_at, id")]

    def feedback_votes(self) -> list[FeedbackVote]:
        with self._connection() as conn:
            return [
                FeedbackVote(check_id=r["check_id"], user=r["user_id"], vote=r["vote"])
                for r in conn.execute("SELECT check_id, user_id, vote FROM feedback ORDER BY check_id, user_id")
            ]

    def import_check(self, audit: CheckAudit) -> tuple[int, bool]:
        """Insert a copied audit line unless an identical one exists; (id, inserted)."""
        with self._write() as conn:
            if audit.created_at is not None:
                conn.execute("LOCK TABLE checks IN SHARE ROW EXCLUSIVE MODE")  # no twin inserts
                same = conn.execute(
                    "SELECT id FROM checks WHERE created_at = %s AND claim = %s AND source = %s "
                    "AND user_id IS NOT DISTINCT FROM %s AND channel IS NOT DISTINCT FROM %s "
                    "AND team IS NOT DISTINCT FROM %s",
                    (rows.as_utc(audit.created_at), audit.claim, audit.source, audit.user,
                     audit.channel, audit.team),
                ).fetchone()
                if same is not None:
                    return int(same["id"]), False
            return _insert_check(conn, audit), True

    def import_article_version(self, version: ArticleVersion) -> bool:
        """Keep a copied earlier version of a page unless that version is already kept; True when written."""
        with self._write() as conn:
            written = conn.execute(
                rows.IMPORT_VERSION.format(p="%s"), rows.version_values(version, self._timestamp)
            )
            return written.rowcount == 1


def _insert_check(conn: psycopg.Connection[dict[str, Any]], audit: CheckAudit) -> int:
    row = conn.execute(
        "INSERT INTO checks (team, channel, user_id, source, claim, verdict, evidence_ids, created_at) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, coalesce(%s::timestamptz, now())) RETURNING id",
        (
            audit.team, audit.channel, audit.user, audit.source, audit.claim, audit.verdict,
            Jsonb(list(audit.evidence_ids)), rows.as_utc(audit.created_at),
        ),
    ).fetchone()
    assert row is not None  # INSERT … RETURNING always yields the row
    return int(row["id"])


def _article_term_counts(conn: psycopg.Connection[dict[str, Any]], article_id: int) -> dict[str, int]:
    """Lexeme -> passages of one article containing it, as the passages' tsvectors hold them."""
    query = f"SELECT tsv FROM passages WHERE article_id = {int(article_id)}"  # int: no injection
    return {row["word"]: int(row["ndoc"]) for row in conn.execute("SELECT word, ndoc FROM ts_stat(%s)", (query,))}


def _article_passage_count(conn: psycopg.Connection[dict[str, Any]], article_id: int) -> int:
    row = conn.execute("SELECT count(*) AS n FROM passages WHERE article_id = %s", (article_id,)).fetchone()
    return int(row["n"]) if row is not None else 0


def _apply_term_deltas(
    conn: psycopg.Connection[dict[str, Any]], deltas: dict[str, int], passage_delta: int
) -> None:
    """Add an article's term and passage counts (negative for a replaced one).

    Rows are upserted in term order, so concurrent writers lock shared terms in
    the same order and cannot deadlock on each other.
    """
    changed = sorted((term, n) for term, n in deltas.items() if n != 0)
    if changed:
        conn.execute(
            "INSERT INTO term_stats (term, passages) "
            "SELECT d.term, d.n FROM unnest(%s::text[], %s::int[]) AS d(term, n) ORDER BY d.term "
            "ON CONFLICT (term) DO UPDATE SET passages = term_stats.passages + excluded.passages",
            ([t for t, _ in changed], [n for _, n in changed]),
        )
        if any(n < 0 for _, n in changed):
            conn.execute(
                "DELETE FROM term_stats WHERE term = ANY(%s::text[]) AND passages <= 0",
                ([t for t, n in changed if n < 0],),
            )
    if passage_delta:
        conn.execute(
            "INSERT INTO corpus_stats (name, value) VALUES ('passages', %s) "
            "ON CONFLICT (name) DO UPDATE SET value = corpus_stats.value + excluded.value",
            (passage_delta,),
        )
