-- Articles, their passages (sentences) and quotes, with tsvector/GIN and trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE articles (
    id           BIGSERIAL PRIMARY KEY,
    path         TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title        TEXT,
    outlet       TEXT,
    byline       TEXT,
    dateline     TEXT,
    published    DATE,
    url          TEXT,
    notes        TEXT,
    body         TEXT NOT NULL DEFAULT '',
    indexed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE passages (
    id         BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    lemmas     TEXT NOT NULL DEFAULT '',
    entities   JSONB NOT NULL DEFAULT '[]',
    quantities JSONB NOT NULL DEFAULT '[]',
    dates      JSONB NOT NULL DEFAULT '[]',
    negated    BOOLEAN NOT NULL DEFAULT false,
    tsv        tsvector GENERATED ALWAYS AS (to_tsvector('simple', text || ' ' || lemmas)) STORED,
    UNIQUE (article_id, position)
);
CREATE INDEX passages_tsv ON passages USING GIN (tsv);

CREATE TABLE quotes (
    id               BIGSERIAL PRIMARY KEY,
    article_id       BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    passage_position INTEGER,
    text             TEXT NOT NULL,
    speaker          TEXT,
    speaker_key      TEXT,
    speaker_mention  TEXT,
    cue              TEXT,
    kind             TEXT NOT NULL DEFAULT 'direct',
    context          TEXT NOT NULL DEFAULT '',
    lemmas           TEXT NOT NULL DEFAULT '',
    tsv              tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', text || ' ' || lemmas || ' ' || coalesce(speaker, ''))
    ) STORED,
    UNIQUE (article_id, position)
);
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
CREATE INDEX quotes_text_trgm ON quotes USING GIN (text gin_trgm_ops);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);
