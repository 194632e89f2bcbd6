"""What `factcheck bench` is asked to measure and what it measured: options and figures.

The runner (`bench.py`) fills these in, the probe (`bench_probe.py`) sends its part back
as JSON, and `bench_report.py` prints them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from bot.evaluation.bench_corpus import BenchClaim

Backend = Literal["sqlite", "postgresql"]
DEFAULT_SIZES = (1000, 5000, 20000)
QUICK_SIZES = (200, 1000)
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


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

