-- Processed Slack event ids are only needed while Slack may still retry an
-- event (minutes); older ids are pruned when new ones arrive, by this index.
CREATE INDEX processed_events_claimed_at ON processed_events (claimed_at);
