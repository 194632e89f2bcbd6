-- Published fact-checks (schema.org ClaimReview, or rows of a desk's export), matched against
-- every checked claim. `review_key` is the review's url (or a hash of claim and reviewer), so a
-- re-ingest changes nothing and a new rating at the same url replaces the row, keeping the old
-- rating and when it changed. `embedding` holds the claim's sentence vector (float32, L2-normed),
-- computed at ingest so a check only embeds the claim. `revision` takes a new sequence value on
-- every write, so a replica holding the vectors in memory knows when to reload them.
CREATE SEQUENCE review_revisions;
CREATE TABLE reviews (
    id                BIGSERIAL PRIMARY KEY,
    review_key        TEXT NOT NULL UNIQUE,
    content_hash      TEXT NOT NULL,
    claim_reviewed    TEXT NOT NULL,
    rating            TEXT NOT NULL,
    rating_value      DOUBLE PRECISION,
    best_rating       DOUBLE PRECISION,
    worst_rating      DOUBLE PRECISION,
    reviewer          TEXT,
    reviewed_on       DATE,
    url               TEXT,
    claimant          TEXT,
    claim_date        DATE,
    appearance        TEXT,
    title             TEXT,
    source            TEXT NOT NULL DEFAULT '',
    lemmas            TEXT NOT NULL DEFAULT '',
    previous_rating   TEXT,
    rating_changed_at TIMESTAMPTZ,
    embedding         BYTEA,
    revision          BIGINT NOT NULL,
    indexed_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    tsv               tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', claim_reviewed || ' ' || coalesce(title, '') || ' '
                    || coalesce(claimant, '') || ' ' || lemmas)
    ) STORED
);
CREATE INDEX reviews_revision ON reviews (revision);
CREATE INDEX reviews_tsv ON reviews USING GIN (tsv);
