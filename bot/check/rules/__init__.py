"""The stance rules: each module reads a claim against one candidate and returns reasons.

`bot/check/stance.py` runs most of them on every well-aligned candidate (names,
speakers, agents, quoted words, negation, polarity, numbers and dates, predicates);
`pipeline.py` runs the two that look across candidates (`event_facts`, `word_substitutions`).
"""
