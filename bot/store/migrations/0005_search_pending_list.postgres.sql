-- Rows written with GIN's fastupdate wait in the index's pending list until a vacuum (or the
-- list reaching gin_pending_list_limit, 4 MB by default) merges them, and every search scans
-- that list linearly: on a freshly loaded 1k-article index it added ~15 ms to each full-text
-- search. A 512 kB list keeps that cost near 2 ms while writes still batch their index
-- updates (no measurable change in articles saved per second).
ALTER INDEX passages_tsv SET (gin_pending_list_limit = 512);
ALTER INDEX quotes_tsv SET (gin_pending_list_limit = 512);
