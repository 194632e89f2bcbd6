"""Language resources, the lowest layer: numbers, quantities, dates, negation, lexicons,
people's names and speech cues, the spaCy pipeline. Imports nothing above bot.core."""

from bot.core.lazy import lazy_exports

_EXPORTS = {"load_pipeline": "nlp", "SpeakerResolver": "speakers", "parse_number": "numbers", "extract_quantities": "quantities"}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
