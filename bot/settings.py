"""Settings: the only reader of the environment (and of `.env`).

Precedence: explicit arguments > environment variables > `.env` > defaults.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot import paths
from bot.core.errors import SettingsError

CONFIG_DIR = Path(__file__).resolve().parent.parent / "config"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    # Defaults resolve to one place whatever the working folder (bot/paths.py).
    database_url: str = Field(default_factory=paths.default_database_url, alias="FACTCHECK_DATABASE_URL")
    corpus_dir: Path = Field(default_factory=paths.default_corpus_dir, alias="FACTCHECK_CORPUS_DIR")
    spacy_model: str | None = Field(default=None, alias="FACTCHECK_SPACY_MODEL")
    config_dir: Path = Field(default=CONFIG_DIR, alias="FACTCHECK_CONFIG_DIR")
    max_file_bytes: int = Field(default=5_000_000, alias="FACTCHECK_MAX_FILE_BYTES", gt=0)
    max_claims: int = Field(default=10, alias="FACTCHECK_MAX_CLAIMS", ge=1)

    # web ingest: feeds to poll, and how politely to fetch
    feeds: str | None = Field(default=None, alias="FACTCHECK_FEEDS")  # URLs, or a file of URLs
    poll_minutes: float = Field(default=30.0, alias="FACTCHECK_POLL_MINUTES", gt=0)
    fetch_timeout_s: float = Field(default=15.0, alias="FACTCHECK_FETCH_TIMEOUT", gt=0)
    fetch_retries: int = Field(default=2, alias="FACTCHECK_FETCH_RETRIES", ge=0, le=10)
    fetch_backoff_s: float = Field(default=1.0, alias="FACTCHECK_FETCH_BACKOFF", ge=0)
    fetch_host_interval_s: float = Field(default=1.0, alias="FACTCHECK_FETCH_HOST_INTERVAL", ge=0)
    fetch_allowed_networks: str = Field(default="", alias="FACTCHECK_FETCH_ALLOWED_NETWORKS")

    slack_bot_token: SecretStr | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", alias="FACTCHECK_SLACK_API_URL")
    http_port: int = Field(default=3000, alias="FACTCHECK_HTTP_PORT", ge=1, le=65535)
    flag_reaction: str = Field(default="mag", alias="FACTCHECK_FLAG_REACTION")
    slash_command: str = Field(default="/factcheck", alias="FACTCHECK_SLASH_COMMAND")

    @field_validator("database_url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise ValueError("must start with sqlite:/// or postgresql://")
        return value

    @field_validator("fetch_allowed_networks")
    @classmethod
    def _networks(cls, value: str) -> str:
        from bot.ingest.address_guard import parse_networks

        parse_networks(value)  # ValueError names the bad network
        return value

    @field_validator("flag_reaction")
    @classmethod
    def _bare_reaction(cls, value: str) -> str:
        return value.strip().strip(":")

    @field_validator("slash_command")
    @classmethod
    def _slash(cls, value: str) -> str:
        value = value.strip()
        return value if value.startswith("/") else "/" + value

    @cached_property
    def outlets_file(self) -> Path:
        return self.config_dir / "outlets.toml"

    @cached_property
    def aliases_file(self) -> Path:
        return self.config_dir / "aliases.toml"


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning a validation error into one line naming the variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        alias = Settings.model_fields[field].alias if field in Settings.model_fields else field
        raise SettingsError(f"invalid setting {alias or field}: {first['msg']}") from None
