"""The engine: ingest, NLP, claim checking. Never imports Slack."""
