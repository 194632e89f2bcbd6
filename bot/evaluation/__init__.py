"""Evaluation commands: measure the engine on labelled data (read-only benchmarks)."""
