-- Document frequencies for retrieval: how many passages contain each term, and how many passages
-- there are, so a check can leave out words that match a large share of the index.
-- fts5vocab 'row' reads the FTS5 index itself (column `doc` = passages containing `term`).
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, row);

CREATE TABLE corpus_stats (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO corpus_stats (name, value) SELECT 'passages', count(*) FROM passages;

CREATE TRIGGER passages_count_insert AFTER INSERT ON passages BEGIN
    UPDATE corpus_stats SET value = value + 1 WHERE name = 'passages';
END;
CREATE TRIGGER passages_count_delete AFTER DELETE ON passages BEGIN
    UPDATE corpus_stats SET value = value - 1 WHERE name = 'passages';
END;
