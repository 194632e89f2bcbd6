"""The embedded default store: one SQLite file, WAL mode, FTS5 with bm25 ranking.

Each thread gets its own connection (the Slack bot answers from worker
threads), so readers never wait for each other and, in WAL mode, not for the
writer either. Writes take `BEGIN IMMEDIATE`, which queues writers on
SQLite's lock (bounded by busy_timeout) instead of failing half-way.
An in-memory database (`sqlite:///:memory:`) exists per connection, so it is
served by one shared connection behind a lock.

`close()` may run while other threads are still inside a query (a bot shutting
down mid-check): a connection in use is closed by its own thread when the query
ends, never under it (closing a sqlite3 connection another thread is reading
crashes the process), and that thread's next call gets StoreError.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.core.errors import StoreError
from bot.core.models import ArticleVersion, ParsedArticle
from bot.store import rows
from bot.store.review_table import REVIEW_COLUMNS, ReviewTable, review_from_row
from bot.store.sql_reading import SQLReading
from bot.store.base import (
    CheckAudit, FeedbackVote, FetchRecord, PassageHit, QuoteHit, ReviewHit, SaveResult,
)
from bot.store.migrations import migration_steps, split_sqlite_script
from bot.store.transfer import FlaggedThread

URL_PREFIX = "sqlite:///"
MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 30_000


def fts5_query(terms: list[str]) -> str:
    """An FTS5 OR-query in which every term is a quoted string, so no user text is syntax."""
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)


class SQLiteStore(SQLReading, ReviewTable):
    """Store protocol on SQLite; see the module docstring for the threading model."""

    placeholder = "?"
    next_revision = "(SELECT coalesce(max(revision), 0) + 1 FROM reviews)"  # writers are serialised

    def __init__(self, url: str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        if not url.startswith(URL_PREFIX):
            raise StoreError(f"not a SQLite URL: {url!r} (expected sqlite:///PATH)")
        self.url = url
        target = url[len(URL_PREFIX):]
        self._memory = target in ("", MEMORY)
        self._path = MEMORY if self._memory else target
        if not self._memory:
            try:
                Path(self._path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {self._path}: {exc}") from exc
        self._busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._registry_lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._in_use: dict[int, int] = {}  # id(connection) -> queries running on it
        self._shared_lock = threading.RLock()  # only used for the in-memory database
        self._closed = False

    # connections -------------------------------------------------------------
    def _open_connection(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                str(Path(self._path).expanduser()) if not self._memory else MEMORY,
                isolation_level=None,  # explicit BEGIN/COMMIT below
                check_same_thread=False,  # close() may run on another thread
                timeout=self._busy_timeout_ms / 1000,
            )
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self._memory:
                self._enable_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL, much faster
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite database {self._path}: {exc}") from exc
        with self._registry_lock:
            self._connections.append(conn)
        return conn

    def _enable_wal(self, conn: sqlite3.Connection) -> None:
        """Switch a new database file to WAL (persistent, so later connections only check).

        The switch needs a moment of exclusive access and SQLite does not wait
        for it with the busy handler, so two processes opening a brand-new file
        at once retry here until busy_timeout runs out.
        """
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        while True:
            try:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
                continue
            if str(mode).lower() != "wal":
                raise StoreError(f"{self._path}: could not switch to WAL mode (journal mode is {mode})")
            return

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if self._closed:
            raise StoreError(f"the store {self.url} is closed")
        if self._memory:
            with self._shared_lock:
                if not self._connections:
                    self._open_connection()
                conn = self._connections[0]
                with self._using(conn):
                    yield conn
            return
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._open_connection()
        with self._using(conn):
            yield conn

    @contextmanager
    def _using(self, conn: sqlite3.Connection) -> Iterator[None]:
        """Count a query on `conn`; the last one out after close() closes it."""
        key = id(conn)
        with self._registry_lock:
            if self._closed:
                raise StoreError(f"the store {self.url} is closed")
            self._in_use[key] = self._in_use.get(key, 0) + 1
        try:
            yield
        finally:
            with self._registry_lock:
                self._in_use[key] -= 1
                last_out = self._in_use[key] == 0
                if last_out:
                    del self._in_use[key]
                close_now = last_out and self._closed
            if close_now:
                conn.close()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._connection() as conn:
            try:
                yield conn
            except sqlite3.Error as exc:
                raise StoreError(f"reading {self._path} failed: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        with self._connection() as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot write to {self._path}: {exc}") from exc
            try:
                yield conn
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise StoreError(f"writing to {self._path} failed: {exc}") from exc
                raise
            else:
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise StoreError(f"writing to {self._path} failed: {exc}") from exc

    # lifecycle -----------------------------------------------------------------
    def migrate(self) -> list[str]:
        applied_now: list[str] = []
        with self._write() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
            for step in migration_steps("sqlite"):
                if step.name in done:
                    continue
                for statement in split_sqlite_script(step.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (step.name, rows.utc_text(rows.utc_now())),
                )
                applied_now.append(step.name)
        return applied_now

    def applied_migrations(self) -> list[str]:
        with self._read() as conn:
            exists = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
            if not exists:
                return []
            return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def close(self) -> None:
        with self._registry_lock:
            connections, self._connections = self._connections, []
            self._closed = True
            idle = [conn for conn in connections if id(conn) not in self._in_use]
        for conn in idle:
            conn.close()  # the busy ones are closed by _using when their query ends

    # articles --------------------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        with self._read() as conn:
            row = conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,))
            return row.fetchone() is not None

    def save_article(self, parsed: ParsedArticle) -> SaveResult:
        article = parsed.article
        with self._write() as conn:
            same = conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)
            ).fetchone()
            if same is not None:
                return SaveResult(article_id=same[0], status="unchanged")
            old = conn.execute(
                "SELECT id, body, version, updated FROM articles WHERE path = ?", (article.path,)
            ).fetchone()
            now = rows.utc_now()
            version, updated, keep_old = rows.next_version(old, article, now.date())
            if keep_old:
                conn.execute(rows.KEEP_OLD_VERSION.format(p="?"), (rows.utc_text(now), old["id"]))
            if old is not None:
                conn.execute("DELETE FROM articles WHERE id = ?", (old[0],))  # cascades
            article_id = conn.execute(
                "INSERT INTO articles (path, content_hash, title, outlet, byline, dateline, "
                "published, url, notes, body, indexed_at, updated, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    article.path, article.content_hash, article.title, article.outlet,
                    article.byline, article.dateline,
                    article.published.isoformat() if article.published else None,
                    article.url, article.notes, article.body, rows.utc_text(now),
                    updated.isoformat() if updated else None, version,
                ),
            ).fetchone()[0]
            conn.executemany(
                "INSERT INTO passages (article_id, position, text, lemmas, entities, quantities, "
                "dates, negated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article_id, p.position, p.text, p.lemmas,
                        _json(p.entities), _json(p.quantities), _json(p.dates), int(p.negated),
                    )
                    for p in parsed.passages
                ],
            )
            conn.executemany(
                "INSERT INTO quotes (article_id, position, passage_position, text, speaker, "
                "speaker_key, speaker_mention, cue, kind, context, lemmas) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article_id, position, q.passage_position, q.text, q.speaker,
                        rows.speaker_key(q.speaker), q.speaker_mention, q.cue, q.kind,
                        q.context, q.lemmas,
                    )
                    for position, q in enumerate(parsed.quotes)
                ],
            )
        return SaveResult(article_id=article_id, status=rows.save_status(old, keep_old))

    def article_count(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    # retrieval ---------------------------------------------------------------------
    def search_passages(self, terms: list[str], limit: int = 50) -> list[PassageHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        sql = (
            f"SELECT {rows.PASSAGE_COLUMNS}, {rows.ARTICLE_META_COLUMNS}, hits.score AS score "
            "FROM (SELECT rowid AS id, -bm25(passages_fts) AS score FROM passages_fts "
            "      WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?) AS hits "
            "JOIN passages p ON p.id = hits.id JOIN articles a ON a.id = p.article_id "
            "ORDER BY hits.score DESC, p.id"
        )
        with self._read() as conn:
            return [
                PassageHit(
                    passage=rows.passage_from_row(row),
                    article=rows.article_from_row(row),
                    rank=float(row["score"]),
                )
                for row in conn.execute(sql, (fts5_query(cleaned), limit))
            ]

    def search_quotes(self, terms: list[str], limit: int = 50) -> list[QuoteHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        sql = (
            f"SELECT {rows.QUOTE_COLUMNS}, {rows.ARTICLE_META_COLUMNS}, hits.score AS score "
            "FROM (SELECT rowid AS id, -bm25(quotes_fts) AS score FROM quotes_fts "
            "      WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?) AS hits "
            "JOIN quotes q ON q.id = hits.id JOIN articles a ON a.id = q.article_id "
            "ORDER BY hits.score DESC, q.id"
        )
        with self._read() as conn:
            return [
                QuoteHit(
                    quote=rows.quote_from_row(row),
                    article=rows.article_from_row(row),
                    rank=float(row["score"]),
                )
                for row in conn.execute(sql, (fts5_query(cleaned), limit))
            ]

    def search_reviews(self, terms: list[str], limit: int = 20) -> list[ReviewHit]:
        cleaned = rows.clean_terms(terms)
        if not cleaned or limit <= 0:
            return []
        sql = (
            f"SELECT {REVIEW_COLUMNS}, hits.score AS score "
            "FROM (SELECT rowid AS hit_id, -bm25(reviews_fts) AS score FROM reviews_fts "
            "      WHERE reviews_fts MATCH ? ORDER BY rank LIMIT ?) AS hits "
            "JOIN reviews ON reviews.id = hits.hit_id ORDER BY hits.score DESC, reviews.id"
        )
        with self._read() as conn:
            return [
                ReviewHit(review=review_from_row(row), rank=float(row["score"]))
                for row in conn.execute(sql, (fts5_query(cleaned), limit))
            ]

    def _timestamp(self, moment: dt.datetime) -> str:
        return rows.utc_text(moment)

    def term_frequencies(self, terms: list[str]) -> dict[str, int]:
        tokens_of = {term: rows.index_tokens(term) for term in terms}
        wanted = sorted({token for tokens in tokens_of.values() for token in tokens})
        found: dict[str, int] = {}
        if wanted:
            with self._read() as conn:
                # one `term = ?` lookup each: fts5vocab seeks the index instead of listing it
                for token in wanted:
                    row = conn.execute(
                        "SELECT doc FROM passages_vocab WHERE term = ?", (token,)
                    ).fetchone()
                    found[token] = int(row[0]) if row is not None else 0
        return {
            term: min((found[t] for t in tokens), default=0) for term, tokens in tokens_of.items()
        }

    def passage_count(self) -> int:
        with self._read() as conn:
            row = conn.execute("SELECT value FROM corpus_stats WHERE name = 'passages'").fetchone()
            return int(row[0]) if row is not None else 0

    # web ingest ----------------------------------------------------------------------
    def save_fetch_record(self, record: FetchRecord) -> None:
        with self._write() as conn:
            conn.execute(
                rows.SAVE_FETCH.format(p="?"),
                (*rows.fetch_values(record), rows.utc_text(rows.utc_now())),
            )

    @contextmanager
    def poll_lock(self) -> Iterator[bool]:
        """A non-blocking lock file beside the database (processes on this machine share
        the file; an in-memory database has only this process)."""
        if self._memory:
            got = self._shared_lock.acquire(blocking=False)
            try:
                yield got
            finally:
                if got:
                    self._shared_lock.release()
            return
        with open(f"{Path(self._path).expanduser()}.poll-lock", "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # bot state -----------------------------------------------------------------------
    def claim_event(self, event_id: str) -> bool:
        with self._write() as conn:
            inserted = conn.execute(
                "INSERT INTO processed_events (event_id, claimed_at) VALUES (?, ?) "
                "ON CONFLICT (event_id) DO NOTHING",
                (event_id, rows.utc_text(now := rows.utc_now())),
            )
            if inserted.rowcount != 1:
                return False
            conn.execute(
                "DELETE FROM processed_events WHERE claimed_at < ?",
                (rows.utc_text(now - rows.EVENT_RETENTION),),
            )
            return True

    def flag_thread(
        self, channel: str, thread_ts: str, user: str | None = None, team: str | None = None
    ) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO flagged_threads (channel, thread_ts, user_id, team, flagged_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (channel, thread_ts) DO NOTHING",
                (channel, thread_ts, user, team, rows.utc_text(rows.utc_now())),
            )

    def unflag_thread(self, channel: str, thread_ts: str) -> bool:
        with self._write() as conn:
            deleted = conn.execute(
                "DELETE FROM flagged_threads WHERE channel = ? AND thread_ts = ?",
                (channel, thread_ts),
            )
            return deleted.rowcount > 0

    def is_flagged(self, channel: str, thread_ts: str) -> bool:
        with self._read() as conn:
            row = conn.execute(
                "SELECT 1 FROM flagged_threads WHERE channel = ? AND thread_ts = ?",
                (channel, thread_ts),
            ).fetchone()
            return row is not None

    def record_check(self, audit: CheckAudit) -> int:
        with self._write() as conn:
            return _insert_check(conn, audit)

    def recent_checks(self, limit: int = 10, team: str | None = None) -> list[CheckAudit]:
        sql = f"SELECT {rows.CHECK_COLUMNS} FROM checks "
        params: tuple[object, ...] = (limit,)
        if team is not None:
            sql += "WHERE team = ? "
            params = (team, limit)
        sql += "ORDER BY created_at DESC, id DESC LIMIT ?"
        with self._read() as conn:
            return [rows.check_from_row(row) for row in conn.execute(sql, params)]

    def record_feedback(self, vote: FeedbackVote) -> None:
        if vote.vote not in ("up", "down"):
            raise StoreError(f"a vote is 'up' or 'down', not {vote.vote!r}")
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM checks WHERE id = ?", (vote.check_id,)).fetchone() is None:
                raise StoreError(f"no check with id {vote.check_id} to vote on")
            conn.execute(
                "INSERT INTO feedback (check_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (check_id, user_id) DO UPDATE SET vote = excluded.vote, "
                "voted_at = excluded.voted_at",
                (vote.check_id, vote.user, vote.vote, rows.utc_text(rows.utc_now())),
            )

    def feedback_counts(self, check_id: int) -> dict[str, int]:
        counts = {"up": 0, "down": 0}
        with self._read() as conn:
            for row in conn.execute(
                "SELECT vote, count(*) FROM feedback WHERE check_id = ? GROUP BY vote", (check_id,)
            ):
                counts[row[0]] = int(row[1])
        return counts

    # state export (bot.store.transfer.StateExport) --------------------------------------
    def processed_event_ids(self) -> list[str]:
        with self._read() as conn:
            found = conn.execute("SELECT event_id FROM processed_events ORDER BY claimed_at, event_id")
            return [row[0] for row in found]

    def flagged_threads(self) -> list[FlaggedThread]:
        with self._read() as conn:
            return [
                FlaggedThread(channel=row[0], thread_ts=row[1], user=row[2], team=row[3])
                for row in conn.execute(
                    "SELECT channel, thread_ts, user_id, team FROM flagged_threads "
                    "ORDER BY flagged_at, channel, thread_ts"
                )
            ]

    def all_checks(self) -> list[CheckAudit]:
        with self._read() as conn:
            return [
                rows.check_from_row(row)
                for row in conn.execute(f"SELECT {rows.CHECK_COLUMNS} FROM checks ORDER BY created_at, id")
            ]

    def feedback_votes(self) -> list[FeedbackVote]:
        with self._read() as conn:
            return [
                FeedbackVote(check_id=row[0], user=row[1], vote=row[2])
                for row in conn.execute("SELECT check_id, user_id, vote FROM feedback ORDER BY check_id, user_id")
            ]

    def import_check(self, audit: CheckAudit) -> tuple[int, bool]:
        """Insert a copied audit line unless an identical one exists; (id, inserted)."""
        with self._write() as conn:
            if audit.created_at is not None:
                same = conn.execute(
                    "SELECT id FROM checks WHERE created_at = ? AND claim = ? AND source = ? "
                    "AND user_id IS ? AND channel IS ? AND team IS ?",
                    (rows.utc_text(audit.created_at), audit.claim, audit.source, audit.user,
                     audit.channel, audit.team),
                ).fetchone()
                if same is not None:
                    return int(same[0]), False
            return _insert_check(conn, audit), True

    def import_article_version(self, version: ArticleVersion) -> bool:
        """Keep a copied earlier version of a page unless that version is already kept; True when written."""
        with self._write() as conn:
            written = conn.execute(
                rows.IMPORT_VERSION.format(p="?"), rows.version_values(version, self._timestamp)
            )
            return written.rowcount == 1


def _insert_check(conn: sqlite3.Connection, audit: CheckAudit) -> int:
    created = rows.utc_text(audit.created_at or rows.utc_now())
    return int(
        conn.execute(
            "INSERT INTO checks (team, channel, user_id, source, claim, verdict, "
            "evidence_ids, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                audit.team, audit.channel, audit.user, audit.source, audit.claim,
                audit.verdict, _json(audit.evidence_ids), created,
            ),
        ).fetchone()[0]
    )


def _json(items: Iterable[object]) -> str:
    return json.dumps(rows.json_list(items), ensure_ascii=False)
