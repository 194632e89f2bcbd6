"""Settings: defaults from DESIGN, environment and `.env` overrides, one clear line on bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.core.errors import SettingsError
from bot.settings import Settings, load_settings

REPO = Path(__file__).resolve().parent.parent
SETTING_VARIABLES = [field.alias for field in Settings.model_fields.values()]


@pytest.fixture(autouse=True)
def clean_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test starts from no settings variables and an empty working directory (no `.env`)."""
    for name in SETTING_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults_are_the_documented_ones() -> None:
    settings = load_settings()

    assert settings.database_url == f"sqlite:///{REPO / 'data' / 'factcheck.db'}"
    assert settings.corpus_dir == REPO / "seeds"
    assert settings.max_claims == 10
    assert settings.spacy_model is None  # the loader picks the English pipeline the project installs
    assert settings.slack_bot_token is None
    assert settings.slack_signing_secret is None
    assert settings.slack_app_token is None
    assert settings.slack_api_url == "https://slack.com/api/"
    assert settings.http_port == 3000
    assert settings.flag_reaction == "mag"
    assert settings.slash_command == "/factcheck"


def test_the_default_index_and_corpus_do_not_depend_on_the_working_folder(
    clean_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = load_settings()
    elsewhere = clean_environment / "some" / "other" / "folder"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)

    there = load_settings()

    assert (there.database_url, there.corpus_dir) == (here.database_url, here.corpus_dir)
    assert Path(there.database_url.removeprefix("sqlite:///")).is_absolute()


def test_an_installed_package_keeps_its_index_in_the_user_data_folder(
    clean_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot import paths

    site_packages = clean_environment / "site-packages"  # no pyproject.toml beside the package
    site_packages.mkdir()
    monkeypatch.setattr(paths, "PACKAGE_PARENT", site_packages)
    monkeypatch.setenv("XDG_DATA_HOME", str(clean_environment / "xdg"))

    settings = load_settings()

    assert settings.database_url == f"sqlite:///{clean_environment / 'xdg' / 'factcheck' / 'factcheck.db'}"
    assert settings.corpus_dir == clean_environment / "xdg" / "factcheck" / "corpus"


def test_default_config_dir_is_the_repositorys_config_folder() -> None:
    settings = load_settings()

    assert settings.config_dir == REPO / "config"
    assert settings.aliases_file == REPO / "config" / "aliases.toml"


def test_environment_variables_override_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", "postgresql://newsroom@db.internal:5432/factcheck")
    monkeypatch.setenv("FACTCHECK_CORPUS_DIR", "/archive/articles")
    monkeypatch.setenv("FACTCHECK_HTTP_PORT", "8080")
    monkeypatch.setenv("FACTCHECK_FLAG_REACTION", ":eyes:")
    monkeypatch.setenv("FACTCHECK_SLASH_COMMAND", "verify")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-from-env")

    settings = load_settings()

    assert settings.database_url == "postgresql://newsroom@db.internal:5432/factcheck"
    assert settings.corpus_dir == Path("/archive/articles")
    assert settings.http_port == 8080
    assert settings.flag_reaction == "eyes"  # colons are stripped
    assert settings.slash_command == "/verify"  # the slash is added
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-env"


def test_dotenv_in_the_working_directory_is_read(clean_environment: Path) -> None:
    (clean_environment / ".env").write_text(
        "FACTCHECK_HTTP_PORT=4000\nSLACK_SIGNING_SECRET=from-dotenv\nPOSTGRES_USER=ignored\n",
        encoding="utf-8",
    )

    settings = load_settings()

    assert settings.http_port == 4000
    assert settings.slack_signing_secret is not None
    assert settings.slack_signing_secret.get_secret_value() == "from-dotenv"


def test_environment_wins_over_dotenv_and_arguments_win_over_both(
    clean_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (clean_environment / ".env").write_text("FACTCHECK_HTTP_PORT=4000\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_HTTP_PORT", "5000")

    assert load_settings().http_port == 5000
    assert load_settings(http_port=6000).http_port == 6000


def test_the_shipped_env_example_is_a_valid_dotenv(clean_environment: Path) -> None:
    shutil.copy(REPO / "config" / ".env.example", clean_environment / ".env")

    settings = load_settings()

    assert settings.slack_bot_token is not None
    assert settings.slack_app_token is None  # commented out: HTTP mode unless the user opts in
    assert settings.database_url == f"sqlite:///{REPO / 'data' / 'factcheck.db'}"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FACTCHECK_HTTP_PORT", "abc"),
        ("FACTCHECK_HTTP_PORT", "70000"),
        ("FACTCHECK_DATABASE_URL", "mysql://x"),
        ("FACTCHECK_MAX_FILE_BYTES", "0"),
        ("FACTCHECK_MAX_CLAIMS", "0"),
    ],
)
def test_an_invalid_value_fails_with_one_line_naming_the_variable(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsError) as caught:
        load_settings()

    message = str(caught.value)
    assert variable in message
    assert "\n" not in message


def test_secrets_are_secret_and_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-very-secret")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "signing-very-secret")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-very-secret")

    settings = load_settings()

    for secret in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token):
        assert isinstance(secret, SecretStr)
    shown = repr(settings) + str(settings) + settings.model_dump_json()
    assert "very-secret" not in shown
