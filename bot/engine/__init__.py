"""The old flat engine, now split into bot.language, bot.ingest, bot.check and bot.service.

Only the names bot/model/pairs.py and bot/model/sentence_slots.py import are left here,
re-exported, until those two files' import lines follow the move (they are being edited
elsewhere); then this package goes.
"""
