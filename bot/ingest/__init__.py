"""Ingest: files, web pages and fact-check exports in; cleaned, parsed articles with quotes in the store."""
