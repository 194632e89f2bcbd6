-- Document frequencies for retrieval: how many passages contain each lexeme of the 'simple'
-- tsvector, and how many passages there are. Kept in step by save_article (same transaction),
-- so a check can leave out words that match a large share of the index without ts_stat's full scan.
CREATE TABLE term_stats (
    term     TEXT PRIMARY KEY,
    passages INTEGER NOT NULL
);
INSERT INTO term_stats (term, passages)
SELECT word, ndoc FROM ts_stat('SELECT tsv FROM passages');

CREATE TABLE corpus_stats (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO corpus_stats (name, value) SELECT 'passages', count(*) FROM passages;
