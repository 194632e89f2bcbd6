"""The bench's probe: one fresh checking process per store state (`python -m bot.evaluation.bench_probe`).

It reads a `ProbeRequest` on stdin, opens the checker, warms it, times every claim once,
records its own peak RSS, and serves the real Bolt app over HTTP to time signed
`/factcheck` POSTs until their 200 ack; the `ProbeResult` goes to stdout as JSON.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import resource
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.core import FactCheckError
from bot.evaluation.bench_corpus import BenchClaim
from bot.evaluation.bench_results import AckFigures, Percentiles, ProbeRequest, ProbeResult
from bot.settings import load_settings

if TYPE_CHECKING:
    from bot.service import FactChecker

WARMUP_CLAIMS = (
    "The minister said the talks would continue next week.",
    "The senator voted against the bill in 2015.",
    "Officials said 40 percent of voters backed the plan.",
)
# how the slash command's progress note begins (handlers.commands.checking_text; a test ties them)
PROGRESS_MARK = ":mag: Checking"
BENCH_SIGNING_SECRET = "bench-signing-secret"  # a local, throwaway secret for signed requests


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



if __name__ == "__main__":
    sys.exit(_probe_main())
