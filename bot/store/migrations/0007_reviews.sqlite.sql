-- Published fact-checks (schema.org ClaimReview, or rows of a desk's export), matched against
-- every checked claim. `review_key` is the review's url (or a hash of claim and reviewer), so a
-- re-ingest changes nothing and a new rating at the same url replaces the row, keeping the old
-- rating and when it changed. `embedding` holds the claim's sentence vector (float32, L2-normed),
-- computed at ingest so a check only embeds the claim. `revision` grows on every write, so a
-- process holding the vectors in memory knows when to reload them.
CREATE TABLE reviews (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    review_key        TEXT NOT NULL UNIQUE,
    content_hash      TEXT NOT NULL,
    claim_reviewed    TEXT NOT NULL,
    rating            TEXT NOT NULL,
    rating_value      REAL,
    best_rating       REAL,
    worst_rating      REAL,
    reviewer          TEXT,
    reviewed_on       TEXT,              -- ISO date
    url               TEXT,
    claimant          TEXT,
    claim_date        TEXT,              -- ISO date
    appearance        TEXT,
    title             TEXT,
    source            TEXT NOT NULL DEFAULT '',
    lemmas            TEXT NOT NULL DEFAULT '',
    previous_rating   TEXT,
    rating_changed_at TEXT,
    embedding         BLOB,
    revision          INTEGER NOT NULL,
    indexed_at        TEXT NOT NULL
);
CREATE INDEX reviews_revision ON reviews (revision);

CREATE VIRTUAL TABLE reviews_fts USING fts5(
    claim_reviewed, title, claimant, lemmas,
    content='reviews', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER reviews_fts_insert AFTER INSERT ON reviews BEGIN
    INSERT INTO reviews_fts (rowid, claim_reviewed, title, claimant, lemmas)
    VALUES (new.id, new.claim_reviewed, coalesce(new.title, ''), coalesce(new.claimant, ''), new.lemmas);
END;
CREATE TRIGGER reviews_fts_delete AFTER DELETE ON reviews BEGIN
    INSERT INTO reviews_fts (reviews_fts, rowid, claim_reviewed, title, claimant, lemmas)
    VALUES ('delete', old.id, old.claim_reviewed, coalesce(old.title, ''), coalesce(old.claimant, ''), old.lemmas);
END;
CREATE TRIGGER reviews_fts_update AFTER UPDATE ON reviews BEGIN
    INSERT INTO reviews_fts (reviews_fts, rowid, claim_reviewed, title, claimant, lemmas)
    VALUES ('delete', old.id, old.claim_reviewed, coalesce(old.title, ''), coalesce(old.claimant, ''), old.lemmas);
    INSERT INTO reviews_fts (rowid, claim_reviewed, title, claimant, lemmas)
    VALUES (new.id, new.claim_reviewed, coalesce(new.title, ''), coalesce(new.claimant, ''), new.lemmas);
END;
