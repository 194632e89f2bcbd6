-- The Slack bot's state: processed event ids, flagged threads, audit log, feedback.
CREATE TABLE processed_events (
    event_id   TEXT PRIMARY KEY,
    claimed_at TEXT NOT NULL
);

CREATE TABLE flagged_threads (
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    user_id    TEXT,
    team       TEXT,
    flagged_at TEXT NOT NULL,
    PRIMARY KEY (channel, thread_ts)
);

CREATE TABLE checks (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    team         TEXT,
    channel      TEXT,
    user_id      TEXT,
    source       TEXT NOT NULL,
    claim        TEXT NOT NULL,
    verdict      TEXT NOT NULL,
    evidence_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list such as ["p:12", "q:7"]
    created_at   TEXT NOT NULL                -- UTC, fixed-width ISO so text order is time order
);
CREATE INDEX checks_created ON checks (created_at);
CREATE INDEX checks_team_created ON checks (team, created_at);

CREATE TABLE feedback (
    check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    vote     TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at TEXT NOT NULL,
    PRIMARY KEY (check_id, user_id)
);
