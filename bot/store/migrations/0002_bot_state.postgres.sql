-- The Slack bot's state, shared by every replica: event ids, flagged threads, audit log, feedback.
CREATE TABLE processed_events (
    event_id   TEXT PRIMARY KEY,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE flagged_threads (
    channel    TEXT NOT NULL,
    thread_ts  TEXT NOT NULL,
    user_id    TEXT,
    team       TEXT,
    flagged_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, thread_ts)
);

CREATE TABLE checks (
    id           BIGSERIAL PRIMARY KEY,
    team         TEXT,
    channel      TEXT,
    user_id      TEXT,
    source       TEXT NOT NULL,
    claim        TEXT NOT NULL,
    verdict      TEXT NOT NULL,
    evidence_ids JSONB NOT NULL DEFAULT '[]',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX checks_created ON checks (created_at);
CREATE INDEX checks_team_created ON checks (team, created_at);

CREATE TABLE feedback (
    check_id BIGINT NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    vote     TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    voted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (check_id, user_id)
);
