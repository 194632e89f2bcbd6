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
   bot.evaluation.bench_probe`, the "probe") opens the checker, warms it, times every
   claim of the claim set once, records its own peak RSS, and serves the real
   Bolt app over HTTP to time signed `/factcheck` POSTs until their 200 ack.
   A subprocess per size keeps one size's memory out of the next size's RSS.

The options and figures are `bench_results.py`, the probe is `bench_probe.py`, and
`bench_report.py` prints the tables.

Nothing here is timed inside tests; `tests/test_bench_corpus.py` covers the
generator only.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from bot.core import FactCheckError
from bot.core.models import ParsedArticle
from bot.evaluation.bench_corpus import (
    VARIANT_PREFIX,
    BenchClaim,
    build_claim_set,
    corpus_sentences,
    variants,
)
from bot.evaluation.bench_results import (
    Backend,
    BenchOptions,
    BenchResult,
    IngestFigures,
    MachineInfo,
    ProbeRequest,
    ProbeResult,
    SizeResult,
    VariantFigures,
)
from bot.settings import load_settings

if TYPE_CHECKING:
    from spacy.language import Language

    from bot.service import FactChecker
    from bot.store.base import Store

BATCH_SIZE = 16  # the engine's own nlp.pipe batch size, so bare spaCy runs alike


class BenchError(FactCheckError):
    """The benchmark could not run a step (the message says which and why)."""


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
            [sys.executable, "-m", "bot.evaluation.bench_probe"],
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
