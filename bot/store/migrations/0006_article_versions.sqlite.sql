-- Web ingest: the newest version of a page is the article (the evidence); earlier versions of
-- the same path (a page's canonical URL) are kept whole, so a changed or removed quote can be
-- shown. `updated` is the day the article last changed (the page's own modified date, or the
-- day a changed version was indexed). `fetches` remembers each fetched URL's validators
-- (ETag / Last-Modified), so polling an unchanged page costs one conditional request.
ALTER TABLE articles ADD COLUMN updated TEXT;
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE article_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    path         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    updated      TEXT,
    url          TEXT,
    body         TEXT NOT NULL,
    indexed_at   TEXT NOT NULL,
    replaced_at  TEXT NOT NULL,
    UNIQUE (path, version)
);

CREATE TABLE fetches (
    url           TEXT PRIMARY KEY,
    article_path  TEXT,
    content_hash  TEXT,
    index_version INTEGER,
    etag          TEXT,
    last_modified TEXT,
    fetched_at    TEXT NOT NULL
);
