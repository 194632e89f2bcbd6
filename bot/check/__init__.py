"""Checking: a message in, a CheckReport out (claims -> candidates -> stance -> verdict)."""

from bot.core.lazy import lazy_exports

_EXPORTS = {
    "check_text": "pipeline",
    "extract_claims": "claim_selection",
    **dict.fromkeys(["ReviewMatcher", "as_match", "is_strong"], "review_matching"),
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
