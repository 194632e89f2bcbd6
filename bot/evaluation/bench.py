"""`factcheck bench`: ingest throughput, check latency, memory and index size as the corpus grows.

How a run goes, per backend (SQLite, PostgreSQL), sizes in ascending order,
one store growing from the smallest size to the largest:

1. Real news (the seeds, then the PolNeAR texts in a fixed shuffled order) is
   indexed through the real engine, `FactChecker.ingest(paths, n_process=N)`,
   and, just before, bare spaCy `nlp.pipe` runs over the same file texts with
   the same `n_process`: words/s for both, and their ratio.
2. Beyond the real texts, generated variants (`bench_corpus.make_variant`:
   re-dated, re-named, re-numbered copies reusing the real parse) are saved
   with `Store.save_article`, so 5k and 20k articles cost minutes, not hours.
3. The index size is read (SQLite file + -wal + -shm; PostgreSQL
   `pg_database_size`), then a fresh subprocess (`python -m
   bot.evaluation.bench`, the "probe") opens the checker, warms it, times every
   claim of the claim set once, records its own peak RSS, and serves the real
   Bolt app over HTTP to time signed `/factcheck` POSTs until their 200 ack.
   A subprocess per size keeps one size's memory out of the next size's RSS.

Nothing here is timed inside tests; `tests/test_bench_corpus.py` covers the
generator only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import math
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, field_validator

from bot.core import FactCheckError
from bot.core.models import ParsedArticle
from bot.evaluation.bench_corpus import (
    VARIANT_PREFIX,
    BenchClaim,
    build_claim_set,
    corpus_sentences,
    variants,
)
from bot.settings import load_settings

if TYPE_CHECKING:
    from spacy.language import Language

    from bot.service import FactChecker
    from bot.store.base import Store

Backend = Literal["sqlite", "postgresql"]
DEFAULT_SIZES = (1000, 5000, 20000)
QUICK_SIZES = (200, 1000)
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BATCH_SIZE = 16  # the engine's own nlp.pipe batch size, so bare spaCy runs alike
WARMUP_CLAIMS = (
    "The minister said the talks would continue next week.",
    "The senator voted against the bill in 2015.",
    "Officials said 40 percent of voters backed the plan.",
)
# how the slash command's progress note begins (handlers.commands.checking_text; a test ties them)
PROGRESS_MARK = ":mag: Checking"
BENCH_SIGNING_SECRET = "bench-signing-secret"  # a local, throwaway secret for signed requests


class BenchError(FactCheckError):
    """The benchmark could not run a step (the message says which and why)."""


# --------------------------------------------------------------------------
# options and results


class BenchOptions(BaseModel):
    """What to measure; fields map 1:1 onto `factcheck bench` options."""

    sizes: list[int] = Field(default_factory=lambda: list(DEFAULT_SIZES))
    backends: list[Backend] = Field(default_factory=lambda: ["sqlite", "postgresql"])
    postgres_url: str = DEFAULT_POSTGRES_URL
    polnear_root: Path = Path("../shared/benchmarks/polnear")
    claims_file: Path = Path("../shared/eval/dev_claims.jsonl")
    processes: int = Field(default=2, ge=1)
    quick: bool = False
    seeds_dir: Path = Path("seeds")
    real_limit: int | None = None  # real articles run through spaCy; default: the smallest size
    claims_limit: int | None = None  # default 200 (quick: 40)
    ack_requests: int | None = None  # default 30 (quick: 10)
    profile_dir: Path | None = None  # write a pyinstrument profile of the check loop per step
    reviews: int = Field(default=0, ge=0)  # published fact-checks added before the first probe

    @field_validator("sizes", mode="before")
    @classmethod
    def _split_sizes(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(" ", "").split(",") if part]
        return value

    @field_validator("sizes")
    @classmethod
    def _positive_sizes(cls, value: list[int]) -> list[int]:
        if not value or any(size < 1 for size in value):
            raise ValueError("sizes must be positive article counts, e.g. 1000,5000,20000")
        return sorted(set(value))

    @field_validator("backends", mode="before")
    @classmethod
    def _split_backends(cls, value: object) -> object:
        if isinstance(value, str):
            names = [part.strip().lower() for part in value.split(",") if part.strip()]
            return ["postgresql" if name in ("postgres", "pg") else name for name in names]
        return value

    @property
    def effective_sizes(self) -> list[int]:
        """--quick replaces the default sizes (an explicit --sizes wins)."""
        if self.quick and tuple(self.sizes) == DEFAULT_SIZES:
            return list(QUICK_SIZES)
        return self.sizes

    @property
    def effective_real_limit(self) -> int:
        """Real texts run through spaCy: by default the smallest size, so later sizes are all variants."""
        return self.real_limit if self.real_limit is not None else self.effective_sizes[0]

    @property
    def effective_claims_limit(self) -> int:
        return self.claims_limit or (40 if self.quick else 200)

    @property
    def effective_ack_requests(self) -> int:
        return self.ack_requests if self.ack_requests is not None else (10 if self.quick else 30)


class Percentiles(BaseModel):
    count: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Percentiles | None:
        if not seconds:
            return None
        ordered = sorted(seconds)

        def rank(q: float) -> float:  # nearest-rank percentile
            return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000

        return cls(
            count=len(ordered),
            p50_ms=rank(50),
            p95_ms=rank(95),
            p99_ms=rank(99),
            max_ms=ordered[-1] * 1000,
            mean_ms=sum(ordered) / len(ordered) * 1000,
        )


class IngestFigures(BaseModel):
    """Real texts through the engine next to bare spaCy on the same texts."""

    articles: int
    words: int
    processes: int
    engine_seconds: float
    bare_seconds: float
    added: int
    failed: int

    @property
    def engine_wps(self) -> float:
        return self.words / self.engine_seconds if self.engine_seconds else 0.0

    @property
    def bare_wps(self) -> float:
        return self.words / self.bare_seconds if self.bare_seconds else 0.0

    @property
    def ratio(self) -> float:
        return self.engine_wps / self.bare_wps if self.bare_wps else 0.0


class VariantFigures(BaseModel):
    """Generated variants saved with Store.save_article (no spaCy)."""

    articles: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


class AckFigures(BaseModel):
    """Signed slash-command POSTs to the real Bolt app over HTTP."""

    ack: Percentiles
    answer: Percentiles | None  # POST sent -> the report reached the (fake) Web API
    statuses: dict[str, int]


class ProbeRequest(BaseModel):
    database_url: str
    claims: list[BenchClaim]
    ack_requests: int
    profile_path: Path | None = None


class ProbeResult(BaseModel):
    open_seconds: float
    latency: Percentiles | None
    latency_by_kind: dict[str, Percentiles] = Field(default_factory=dict)
    verdicts: dict[str, int] = Field(default_factory=dict)
    errors: list[str] = Field(default_factory=list)
    rss_mb: float  # peak RSS after the checks
    ack: AckFigures | None = None
    ack_note: str | None = None
    rss_with_app_mb: float | None = None


class SizeResult(BaseModel):
    backend: Backend
    size: int
    articles: int  # what the store reports
    real_articles: int
    variant_articles: int
    ingest: IngestFigures | None = None  # the real texts added at this step
    variant_build: VariantFigures | None = None
    index_bytes: int
    probe: ProbeResult | None = None
    reviews: int = 0  # fact-checks in the store when probed
    review_build: VariantFigures | None = None  # the reviews analysed, embedded and saved here


class MachineInfo(BaseModel):
    cpus: int
    platform: str
    python: str
    spacy: str
    pipeline: str
    load_at_start: tuple[float, float, float]
    load_at_end: tuple[float, float, float] | None = None


class BenchResult(BaseModel):
    options: BenchOptions
    machine: MachineInfo
    started: dt.datetime
    seconds: float = 0.0
    claims: int = 0
    claim_kinds: dict[str, int] = Field(default_factory=dict)
    steps: list[SizeResult] = Field(default_factory=list)
    errors: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------
# the real corpus


class RealText(BaseModel):
    path: Path
    text: str
    words: int


def real_corpus(options: BenchOptions) -> list[RealText]:
    """Seeds first, then PolNeAR texts in a fixed shuffled order (publishers mixed)."""
    seeds = sorted(options.seeds_dir.glob("*.txt")) if options.seeds_dir.is_dir() else []
    polnear = sorted(options.polnear_root.glob("data/*/text/*.txt"))
    if not polnear:
        raise BenchError(
            f"no PolNeAR texts under {options.polnear_root}/data/*/text: pass --polnear PATH "
            "(see ../shared/benchmarks/README.md)"
        )
    random.Random(0).shuffle(polnear)
    texts = []
    for path in [*seeds, *polnear][: options.effective_real_limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        texts.append(RealText(path=path, text=text, words=len(text.split())))
    return texts[: options.effective_real_limit]


def dev_claims(path: Path) -> list[str]:
    if not path.is_file():
        return []
    claims = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            claims.append(str(json.loads(line)["claim"]))
    return claims


# --------------------------------------------------------------------------
# stores


@contextmanager
def backend_url(backend: Backend, options: BenchOptions, work_dir: Path) -> Iterator[str]:
    """A fresh, empty database for one backend, removed afterwards."""
    if backend == "sqlite":
        path = work_dir / "bench-sqlite" / "factcheck.db"
        shutil.rmtree(path.parent, ignore_errors=True)
        path.parent.mkdir(parents=True)
        try:
            yield f"sqlite:///{path}"
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)
        return
    import psycopg

    name = f"factcheck_bench_{os.getpid()}_{int(time.time())}"
    parts = urllib.parse.urlsplit(options.postgres_url)
    url = urllib.parse.urlunsplit(parts._replace(path="/" + name))
    try:
        with psycopg.connect(options.postgres_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        raise BenchError(f"cannot create a temporary PostgreSQL database at {options.postgres_url}: {exc}") from exc
    try:
        yield url
    finally:
        with psycopg.connect(options.postgres_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def index_bytes(url: str) -> int:
    """Bytes on disk: the SQLite file with its -wal and -shm, or pg_database_size."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def analyze_postgres(url: str) -> None:
    """Bring a freshly bulk-loaded database to the state autovacuum leaves it in a minute later.

    ANALYZE gives the planner statistics; VACUUM also merges the GIN indexes' pending lists
    (rows inserted with fastupdate wait there, and every search scans them linearly: on a
    1k-article load that added ~15 ms to each full-text search).
    """
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def parsed_articles(store: Store, *, include_variants: bool = False) -> list[ParsedArticle]:
    """Read indexed articles back as ParsedArticles, through the Store protocol only."""
    quotes_by_article: dict[int | None, list[Any]] = {}
    for hit in store.quotes():
        quotes_by_article.setdefault(hit.quote.article_id or hit.article.id, []).append(hit.quote)
    parsed = []
    for article in store.articles():
        if not include_variants and article.path.startswith(VARIANT_PREFIX + "/"):
            continue
        if article.id is None:
            continue
        parsed.append(
            ParsedArticle(
                article=article,
                passages=store.passages(article.id),
                quotes=quotes_by_article.get(article.id, []),
            )
        )
    return parsed


def speaker_names(pool: Sequence[ParsedArticle], limit: int = 40) -> list[str]:
    """Surnames of the most quoted speakers: the names claim variants swap."""
    counts = Counter(
        q.speaker.split()[-1] for a in pool for q in a.quotes if q.speaker and len(q.speaker.split()) >= 2
    )
    return [name for name, _ in counts.most_common(limit)]


# --------------------------------------------------------------------------
# measuring


def measure_ingest(
    checker: FactChecker, nlp: Language, texts: Sequence[RealText], processes: int
) -> IngestFigures:
    """Bare spaCy, then the engine, over the same files with the same process count."""
    start = time.perf_counter()
    for _doc in nlp.pipe((t.text for t in texts), batch_size=BATCH_SIZE, n_process=processes):
        pass
    bare = time.perf_counter() - start
    start = time.perf_counter()
    report = checker.ingest([t.path for t in texts], n_process=processes)
    engine = time.perf_counter() - start
    return IngestFigures(
        articles=len(texts),
        words=sum(t.words for t in texts),
        processes=processes,
        engine_seconds=engine,
        bare_seconds=bare,
        added=len(report.added),
        failed=len(report.failed),
    )


def build_variants(
    store: Store, pool: Sequence[ParsedArticle], start: int, stop: int, text_dir: Path | None
) -> VariantFigures:
    """Save variants `start`..`stop-1`; optionally write their texts for inspection."""
    began = time.perf_counter()
    for variant in variants(pool, start, stop):
        store.save_article(variant)
        if text_dir is not None:
            target = text_dir / variant.article.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(variant.article.body, encoding="utf-8")
    return VariantFigures(articles=stop - start, seconds=time.perf_counter() - began)


def run_probe(request: ProbeRequest, timeout: float = 3600) -> ProbeResult:
    """Run the checking process for one store state in a fresh interpreter."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot.evaluation.bench"],
            input=request.model_dump_json(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"the check probe took longer than {timeout:.0f} s") from exc
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise BenchError(f"the check probe failed (exit {done.returncode}):\n{tail}")
    return ProbeResult.model_validate_json(done.stdout.strip().splitlines()[-1])


def _machine(nlp: Language) -> MachineInfo:
    import spacy

    return MachineInfo(
        cpus=os.cpu_count() or 1,
        platform=platform.platform(),
        python=platform.python_version(),
        spacy=spacy.__version__,
        pipeline=f"{nlp.meta.get('name', '?')} {nlp.meta.get('version', '')}".strip(),
        load_at_start=os.getloadavg(),
    )


def run_bench(options: BenchOptions, *, log: Any = None) -> BenchResult:
    """Run every backend at every size; steps that fail are reported, the rest still run."""
    from bot.service import FactChecker
    from bot.language import load_pipeline

    say = log or (lambda message: print(message, file=sys.stderr, flush=True))
    began = time.perf_counter()
    nlp = load_pipeline(load_settings().spacy_model)
    result = BenchResult(options=options, machine=_machine(nlp), started=dt.datetime.now())
    real = real_corpus(options)
    sizes = options.effective_sizes
    claims: list[BenchClaim] | None = None
    pool: list[ParsedArticle] | None = None
    work_dir = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    texts_written = False
    try:
        for backend in options.backends:
            try:
                with backend_url(backend, options, work_dir) as url:
                    checker = FactChecker.open(load_settings(FACTCHECK_DATABASE_URL=url), nlp=nlp)
                    try:
                        real_done = variant_done = 0
                        for size in sizes:
                            step = SizeResult(backend=backend, size=size, articles=0, real_articles=0,
                                              variant_articles=0, index_bytes=0)
                            target = min(size, len(real))
                            if target > real_done:
                                say(f"[{backend} {size}] ingesting {target - real_done} real articles "
                                    f"(bare spaCy first, n_process={options.processes})")
                                step.ingest = measure_ingest(checker, nlp, real[real_done:target], options.processes)
                                real_done = target
                            if size > real_done + variant_done:
                                if pool is None:
                                    pool = parsed_articles(checker.store)
                                    if not pool:
                                        raise BenchError("no real article was indexed; cannot make variants")
                                stop = size - real_done
                                say(f"[{backend} {size}] saving {stop - variant_done} generated variants")
                                step.variant_build = build_variants(
                                    checker.store, pool, variant_done, stop,
                                    None if texts_written else work_dir / "variant-texts",
                                )
                                variant_done = stop
                            if options.reviews and not checker.store.review_count():
                                say(f"[{backend} {size}] saving {options.reviews} generated fact-checks")
                                step.review_build = add_bench_reviews(
                                    checker, pool or parsed_articles(checker.store), options.reviews
                                )
                            step.reviews = checker.store.review_count()
                            if claims is None:
                                claims = _claim_set(options, pool or parsed_articles(checker.store))
                                result.claims = len(claims)
                                result.claim_kinds = dict(Counter(c.kind for c in claims))
                            step.real_articles, step.variant_articles = real_done, variant_done
                            step.articles = checker.store.article_count()
                            if backend == "postgresql":
                                analyze_postgres(url)
                            step.index_bytes = index_bytes(url)
                            say(f"[{backend} {size}] probing {len(claims)} claims in a fresh process")
                            step.probe = run_probe(ProbeRequest(
                                database_url=url,
                                claims=claims,
                                ack_requests=options.effective_ack_requests,
                                profile_path=(options.profile_dir / f"check-{backend}-{size}.txt")
                                if options.profile_dir else None,
                            ))
                            result.steps.append(step)
                        texts_written = texts_written or variant_done > 0
                    finally:
                        checker.close()
            except FactCheckError as exc:
                result.errors.append(f"{backend}: {exc}")
                say(f"[{backend}] stopped: {exc}")
            except OSError as exc:
                result.errors.append(f"{backend}: {exc}")
                say(f"[{backend}] stopped: {exc}")
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)
    result.machine.load_at_end = os.getloadavg()
    result.seconds = time.perf_counter() - began
    return result


def add_bench_reviews(checker: FactChecker, articles: Sequence[ParsedArticle], count: int) -> VariantFigures:
    """`count` fact-checks whose claims are sentences of the corpus (so checks meet near
    matches), analysed, embedded and saved as ingest does; numbered when sentences run out."""
    from bot.core.models import Review
    from bot.store.review_index import index_reviews

    sentences = corpus_sentences(articles, count=count) or ["A claim nobody checked."]
    ratings = ("False", "Mostly false", "Misleading", "True", "Unproven")
    reviews = [
        Review(
            key=f"https://bench.example/review/{n}",
            claim_reviewed=sentences[n % len(sentences)] + (f" ({n // len(sentences)})" if n >= len(sentences) else ""),
            rating=ratings[n % len(ratings)],
            reviewer="Bench Desk",
            url=f"https://bench.example/review/{n}",
            source="bench",
        )
        for n in range(count)
    ]
    began = time.perf_counter()
    index_reviews(reviews, nlp=checker.nlp, store=checker.store, encoder=checker.encoder)
    return VariantFigures(articles=count, seconds=time.perf_counter() - began)


def _claim_set(options: BenchOptions, articles: Sequence[ParsedArticle]) -> list[BenchClaim]:
    limit = options.effective_claims_limit
    dev = dev_claims(options.claims_file)
    return build_claim_set(
        dev,
        names=speaker_names(articles),
        corpus_sentences=corpus_sentences(articles, count=max(limit // 3, 10)),
        limit=limit,
    )


# --------------------------------------------------------------------------
# the probe: one checking process


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def probe(request: ProbeRequest) -> ProbeResult:
    """Open the checker, warm it, time each claim once, then time slash-command acks."""
    from bot.service import FactChecker

    start = time.perf_counter()
    settings = load_settings(FACTCHECK_DATABASE_URL=request.database_url)
    checker = FactChecker.open(settings)
    opened = time.perf_counter() - start
    for text in WARMUP_CLAIMS:
        checker.check(text)
    timings: list[tuple[str, float]] = []
    verdicts: Counter[str] = Counter()
    errors: list[str] = []
    for claim in request.claims:
        began = time.perf_counter()
        try:
            report = checker.check(claim.text)
        except FactCheckError as exc:
            errors.append(f"{claim.text[:60]}: {exc}")
            continue
        timings.append((claim.kind, time.perf_counter() - began))
        verdicts[report.verdict] += 1
    if request.profile_path is not None:
        _profile_checks(checker, request.claims, request.profile_path)
    by_kind: dict[str, list[float]] = {}
    for kind, seconds in timings:
        by_kind.setdefault(kind, []).append(seconds)
    result = ProbeResult(
        open_seconds=opened,
        latency=Percentiles.of([s for _, s in timings]),
        latency_by_kind={k: p for k, v in by_kind.items() if (p := Percentiles.of(v))},
        verdicts=dict(verdicts),
        errors=errors,
        rss_mb=_rss_mb(),
    )
    if request.ack_requests > 0:
        result.ack, result.ack_note = measure_acks(checker, request)
        result.rss_with_app_mb = _rss_mb()
    checker.close()
    return result


def _profile_checks(checker: FactChecker, claims: Sequence[BenchClaim], path: Path) -> None:
    """A second, profiled pass (pyinstrument) so the timed pass carries no profiler overhead."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for claim in claims:
        checker.check(claim.text)
    profiler.stop()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")


class _FakeSlackAPI(ThreadingHTTPServer):
    """Answers every Web API call (and response_url) with ok, noting when a report arrives."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _FakeSlackHandler)
        self.answers: list[float] = []
        self.answered = threading.Condition()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _FakeSlackHandler(BaseHTTPRequestHandler):
    server: _FakeSlackAPI

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.endswith("auth.test"):
            body = {"ok": True, "team_id": "T0BENCH", "user_id": "U0BOT", "bot_id": "B0BOT",
                    "bot_user_id": "U0BOT", "team": "bench", "user": "factcheck", "url": "http://bench/"}
        else:
            body = {"ok": True, "channel": "C0BENCH", "ts": "1700000000.000100", "messages": []}
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        if _is_report(self.path, raw):
            with self.server.answered:
                self.server.answers.append(time.perf_counter())
                self.server.answered.notify_all()

    def log_message(self, format: str, *args: Any) -> None:
        return


def _is_report(path: str, raw: bytes) -> bool:
    """Whether a Web API call delivers a check's report (not the "Checking…" note before it).

    The slash command posts a progress note and then turns it into the report with
    chat.update; counting the note would start the next request while a check still runs.
    """
    if path.startswith("/respond/") or path.endswith(("chat.update", "chat.postEphemeral")):
        return True
    if path.endswith("chat.postMessage"):
        return PROGRESS_MARK not in urllib.parse.unquote_plus(raw.decode("utf-8", "replace"))
    return False


def _signed_headers(body: str, secret: str) -> dict[str, str]:
    timestamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={digest}",
    }


def measure_acks(checker: FactChecker, request: ProbeRequest) -> tuple[AckFigures | None, str | None]:
    """Time signed /factcheck POSTs against the real Bolt app served over HTTP.

    Each request waits for its report to reach the fake Web API before the
    next one is sent, so an ack is never queued behind the previous check.
    """
    try:
        from bot.app import build_app, make_http_server
    except ImportError as exc:
        return None, f"TODO: bot.app is not importable ({exc}); ack time not measured"
    fake = _FakeSlackAPI()
    threading.Thread(target=fake.serve_forever, daemon=True).start()
    settings = load_settings(
        FACTCHECK_DATABASE_URL=request.database_url,
        SLACK_BOT_TOKEN="xoxb-bench-token",
        SLACK_SIGNING_SECRET=BENCH_SIGNING_SECRET,
        FACTCHECK_SLACK_API_URL=fake.url + "/api/",
    )
    try:
        app = build_app(settings, checker)
    except ImportError as exc:
        fake.shutdown()
        return None, f"TODO: the Slack handlers are not importable ({exc}); ack time not measured"
    server = make_http_server(app, checker, host="127.0.0.1", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    acks: list[float] = []
    answers: list[float] = []
    statuses: Counter[str] = Counter()
    try:
        for i in range(request.ack_requests):
            claim = request.claims[i % len(request.claims)].text if request.claims else WARMUP_CLAIMS[0]
            body = urllib.parse.urlencode({
                "token": "bench", "team_id": "T0BENCH", "team_domain": "bench",
                "channel_id": "C0BENCH", "channel_name": "bench", "user_id": "U0USER",
                "user_name": "bench", "command": settings.slash_command, "text": claim,
                "api_app_id": "A0BENCH", "response_url": f"{fake.url}/respond/{i}",
                "trigger_id": f"{i}.bench",
            })
            seen = len(fake.answers)
            sent = time.perf_counter()
            req = urllib.request.Request(
                f"{server.url}/slack/events", data=body.encode(), headers=_signed_headers(body, BENCH_SIGNING_SECRET)
            )
            try:
                with urllib.request.urlopen(req, timeout=10) as response:
                    response.read()
                    statuses[str(response.status)] += 1
            except urllib.error.HTTPError as exc:
                statuses[str(exc.code)] += 1
                continue
            acks.append(time.perf_counter() - sent)
            with fake.answered:
                fake.answered.wait_for(lambda seen=seen: len(fake.answers) > seen, timeout=30)
                if len(fake.answers) > seen:
                    answers.append(fake.answers[seen] - sent)
            time.sleep(0.05)  # let the listener finish (audit write) before the next request
    finally:
        server.shutdown()
        fake.shutdown()
    ack = Percentiles.of(acks)
    if ack is None:
        return None, f"no slash command was acknowledged (statuses {dict(statuses)})"
    return AckFigures(ack=ack, answer=Percentiles.of(answers), statuses=dict(statuses)), None


def _probe_main() -> int:
    request = ProbeRequest.model_validate_json(sys.stdin.read())
    result = probe(request)
    sys.stdout.write(result.model_dump_json() + "\n")
    return 0


# --------------------------------------------------------------------------
# printing


def _mb(n: float) -> str:
    return f"{n / 1_000_000:.1f}"


def _ms(p: Percentiles | None, field: str) -> str:
    return f"{getattr(p, field):.0f}" if p else "-"


def format_bench(result: BenchResult) -> str:
    """Plain-text tables: ingest, index build, checks, and growth from the smallest size to the largest."""
    m = result.machine
    load_end = " / ".join(f"{x:.2f}" for x in m.load_at_end) if m.load_at_end else "?"
    lines = [
        f"factcheck bench - {m.cpus} CPUs, {m.platform}, Python {m.python}, spaCy {m.spacy} ({m.pipeline})",
        (
            f"started {result.started:%Y-%m-%d %H:%M}, took {result.seconds / 60:.1f} min; "
            f"load average at start {' / '.join(f'{x:.2f}' for x in m.load_at_start)}, at end {load_end}"
        ),
        (
            f"claims: {result.claims} ({', '.join(f'{k} {v}' for k, v in result.claim_kinds.items())}), "
            "each timed once after 3 warm-up checks"
        ),
        "",
        "Ingest of real news texts (engine = FactChecker.ingest; bare = nlp.pipe on the same file texts)",
        (
            f"{'backend':<11}{'size':>7}{'articles':>9}{'words':>10}{'engine w/s':>12}{'bare w/s':>10}"
            f"{'ratio':>7}{'procs':>6}{'failed':>7}"
        ),
    ]
    for s in result.steps:
        if s.ingest:
            i = s.ingest
            lines.append(
                f"{s.backend:<11}{s.size:>7}{i.articles:>9}{i.words:>10,}{i.engine_wps:>12,.0f}"
                f"{i.bare_wps:>10,.0f}{i.ratio:>7.2f}{i.processes:>6}{i.failed:>7}"
            )
    lines += ["", "Generated variants saved with Store.save_article (parse reused, no spaCy)",
              f"{'backend':<11}{'size':>7}{'variants':>9}{'seconds':>9}{'articles/s':>11}"]
    for s in result.steps:
        if s.variant_build:
            v = s.variant_build
            lines.append(f"{s.backend:<11}{s.size:>7}{v.articles:>9}{v.seconds:>9.1f}{v.per_second:>11.0f}")
    built = [s for s in result.steps if s.review_build]
    if built:
        lines += ["", "Generated fact-checks (corpus sentences) analysed, embedded and saved as ingest does",
                  f"{'backend':<11}{'reviews':>9}{'seconds':>9}{'reviews/s':>11}"]
        for s in built:
            assert s.review_build
            r = s.review_build
            lines.append(f"{s.backend:<11}{r.articles:>9}{r.seconds:>9.1f}{r.per_second:>11.0f}")
    lines += [
        "",
        "Checks, warm, one process (ms); ack = signed /factcheck POST to the Bolt app until 200;",
        "answer = POST until the report reached the (fake) Web API",
        (
            f"{'backend':<11}{'articles':>9}{'reviews':>8}{'p50':>6}{'p95':>6}{'p99':>6}{'max':>6}{'ack p50':>8}"
            f"{'ack p95':>8}{'answer p50':>11}{'RSS MB':>8}{'index MB':>9}{'open s':>7}  verdicts"
        ),
    ]
    notes: list[str] = []
    for s in result.steps:
        p = s.probe
        if p is None:
            continue
        ack = p.ack.ack if p.ack else None
        answer = p.ack.answer if p.ack else None
        verdicts = " ".join(f"{k}={v}" for k, v in sorted(p.verdicts.items()))
        lines.append(
            f"{s.backend:<11}{s.articles:>9}{s.reviews:>8}{_ms(p.latency, 'p50_ms'):>6}{_ms(p.latency, 'p95_ms'):>6}"
            f"{_ms(p.latency, 'p99_ms'):>6}{_ms(p.latency, 'max_ms'):>6}{_ms(ack, 'p50_ms'):>8}{_ms(ack, 'p95_ms'):>8}"
            f"{_ms(answer, 'p50_ms'):>11}{p.rss_mb:>8.0f}{_mb(s.index_bytes):>9}{p.open_seconds:>7.1f}  {verdicts}"
        )
        if p.ack_note:
            notes.append(f"{s.backend} {s.size}: {p.ack_note}")
        if p.errors:
            notes.append(f"{s.backend} {s.size}: {len(p.errors)} checks failed, e.g. {p.errors[0]}")
    lines += ["", "p95 by claim kind (ms)"]
    kinds = sorted({k for s in result.steps if s.probe for k in s.probe.latency_by_kind})
    lines.append(f"{'backend':<11}{'articles':>9}" + "".join(f"{k:>9}" for k in kinds))
    for s in result.steps:
        if s.probe:
            lines.append(f"{s.backend:<11}{s.articles:>9}" + "".join(
                f"{_ms(s.probe.latency_by_kind.get(k), 'p95_ms'):>9}" for k in kinds))
    lines += ["", "Growth from the smallest size to the largest (x = largest / smallest)"]
    for backend in dict.fromkeys(s.backend for s in result.steps):
        steps = [s for s in result.steps if s.backend == backend and s.probe and s.probe.latency]
        if len(steps) < 2:
            continue
        lo, hi = steps[0], steps[-1]
        assert lo.probe and hi.probe and lo.probe.latency and hi.probe.latency
        lines.append(
            f"{backend:<11}articles x{hi.articles / max(lo.articles, 1):.1f}: "
            f"p50 x{hi.probe.latency.p50_ms / lo.probe.latency.p50_ms:.2f}, "
            f"p95 x{hi.probe.latency.p95_ms / lo.probe.latency.p95_ms:.2f}, "
            f"RSS x{hi.probe.rss_mb / lo.probe.rss_mb:.2f}, "
            f"index x{hi.index_bytes / max(lo.index_bytes, 1):.1f}"
        )
    if notes or result.errors:
        lines += ["", "Notes", *notes, *result.errors]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(_probe_main())
