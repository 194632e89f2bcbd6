"""What every stage shares: the pydantic records at the boundaries and the typed errors."""

from bot.core.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(
        ["FactCheckError", "IngestError", "StoreError", "SettingsError", "PipelineError", "EmptyIndexError"], "errors"
    ),
    **dict.fromkeys(
        ["Article", "ParsedArticle", "CheckReport", "Evidence", "IngestReport", "Review", "ReviewMatch"], "models"
    ),
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
