"""Printing a bench run: plain-text tables of ingest, index build, checks and growth."""

from __future__ import annotations

from bot.evaluation.bench_results import BenchResult, Percentiles


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
