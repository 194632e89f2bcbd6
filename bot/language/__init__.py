"""Language resources, the lowest layer: numbers, quantities, dates, negation, lexicons,
people's names and speech cues, the spaCy pipeline. Imports nothing above bot.core."""
