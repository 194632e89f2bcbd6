-- Articles, their passages (sentences) and quotes; FTS5 indexes kept in step by triggers.
-- AUTOINCREMENT: ids are never reused, so evidence ids in the audit log ("p:12") never point at a newer passage.
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    path         TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT,
    outlet       TEXT,
    byline       TEXT,
    dateline     TEXT,
    published    TEXT,               -- ISO date
    url          TEXT,
    notes        TEXT,
    body         TEXT NOT NULL DEFAULT '',
    indexed_at   TEXT NOT NULL
);

CREATE TABLE passages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    lemmas     TEXT NOT NULL DEFAULT '',
    entities   TEXT NOT NULL DEFAULT '[]',   -- JSON list of Entity
    quantities TEXT NOT NULL DEFAULT '[]',   -- JSON list of Quantity
    dates      TEXT NOT NULL DEFAULT '[]',   -- JSON list of ISO dates
    negated    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, position)
);

CREATE TABLE quotes (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,       -- order of the quote within its article
    passage_position INTEGER,
    text             TEXT NOT NULL,
    speaker          TEXT,
    speaker_key      TEXT,                   -- casefolded speaker, for case-insensitive lookup
    speaker_mention  TEXT,
    cue              TEXT,
    kind             TEXT NOT NULL DEFAULT 'direct',
    context          TEXT NOT NULL DEFAULT '',
    lemmas           TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text, lemmas,
    content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, lemmas, speaker,
    content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER passages_fts_insert AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts (rowid, text, lemmas) VALUES (new.id, new.text, new.lemmas);
END;
CREATE TRIGGER passages_fts_delete AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts (passages_fts, rowid, text, lemmas)
    VALUES ('delete', old.id, old.text, old.lemmas);
END;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text, lemmas, speaker)
    VALUES (new.id, new.text, new.lemmas, coalesce(new.speaker, ''));
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, lemmas, speaker)
    VALUES ('delete', old.id, old.text, old.lemmas, coalesce(old.speaker, ''));
END;
