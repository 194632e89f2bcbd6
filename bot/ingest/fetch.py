"""Polite, bounded HTTP fetching for web ingest.

A newsroom's bot hits other people's servers on a schedule, so every request
names the bot (User-Agent), respects robots.txt, waits its turn per host, gives
up after a timeout, retries 429/5xx a bounded number of times (honouring
Retry-After), sends the validators of the last fetch (an unchanged page costs
one 304), reads at most `max_bytes`, and accepts only HTML and XML over http(s).
Redirects are followed by hand so each hop is checked again: scheme, loops and,
for URLs from Slack, the address it resolves to (see `address_guard`).
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from typing import Literal
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
from pydantic import BaseModel, ConfigDict

from bot.ingest.address_guard import Address, Network, checked_address
from bot.core.errors import IngestError

log = logging.getLogger(__name__)

USER_AGENT_TOKEN = "factcheck-bot"  # what robots.txt rules name
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
RETRIED_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(IngestError):
    """A URL could not be fetched; `reason` says why without repeating the URL."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


class FetchPolicy(BaseModel):
    """How politely and how far a Fetcher goes (built from Settings)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    user_agent: str = f"{USER_AGENT_TOKEN}/0.1 (newsroom fact-check bot)"
    timeout_s: float = 15.0
    max_bytes: int = 5_000_000
    retries: int = 2  # after the first try, on 429 and 5xx only
    backoff_s: float = 1.0  # doubled each retry when the server gives no Retry-After
    max_retry_wait_s: float = 60.0  # a longer Retry-After is a failure, not a wait
    host_interval_s: float = 1.0  # at least this long between two requests to one host
    max_redirects: int = 5
    guard_addresses: bool = False  # True for URLs from Slack: no internal addresses
    allowed_networks: list[Network] = []  # internal networks a guarded fetch may still reach


class Fetched(BaseModel):
    """A fetched document, or word that it has not changed since the validators were taken."""

    url: str  # as asked
    final_url: str  # after redirects
    status: Literal["ok", "not_modified"]
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class Validators(BaseModel):
    etag: str | None = None
    last_modified: str | None = None


def require_web_url(url: str) -> str:
    """`url` when it is an absolute http(s) URL with a host; FetchError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise FetchError(url, f"only http and https URLs can be fetched ({shown})")
    if not parts.hostname:
        raise FetchError(url, "the URL has no host")
    return urlunsplit(parts._replace(fragment=""))


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


class HostPacer:
    """Spaces requests to one host at least `interval` seconds apart (all threads together)."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.interval
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """One crawl's HTTP client: pacing and robots.txt are remembered across its fetches."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self._pacer = HostPacer(policy.host_interval_s)
        self._robots: dict[str, RobotFileParser] = {}
        self._client = httpx.Client(
            timeout=httpx.Timeout(policy.timeout_s),
            follow_redirects=False,
            headers={"User-Agent": policy.user_agent},
            trust_env=False,  # no proxy from the environment may carry guarded fetches elsewhere
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # public ------------------------------------------------------------------------
    def get(self, url: str, validators: Validators | None = None) -> Fetched:
        """Fetch an HTML or XML document; FetchError (with a one-line reason) otherwise."""
        current = require_web_url(url)
        seen = {current}
        for _ in range(self.policy.max_redirects + 1):
            self._pin(url, current)  # an internal address is refused before anything is sent
            if not self._allowed_by_robots(current):
                raise FetchError(url, f"robots.txt of {urlsplit(current).netloc} disallows {USER_AGENT_TOKEN}")
            response = self._request(url, current, validators)
            if response.status_code in REDIRECT_STATUSES:
                target = response.headers.get("location")
                if not target:
                    raise FetchError(url, f"redirect ({response.status_code}) without a Location")
                current = require_web_url(urljoin(current, target))
                if current in seen:
                    raise FetchError(url, f"redirect loop (back to {current})")
                seen.add(current)
                continue
            return self._document(url, current, response)
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects")

    # steps ---------------------------------------------------------------------------
    def _request(self, url: str, current: str, validators: Validators | None) -> _Response:
        headers = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.1"}
        if validators and validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators and validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        for attempt in range(self.policy.retries + 1):
            response = self._send(url, current, headers)
            if response.status_code not in RETRIED_STATUSES:
                return response
            wait = retry_after_seconds(response.headers.get("retry-after"))
            if wait is None:
                wait = self.policy.backoff_s * 2**attempt
            if attempt == self.policy.retries:
                break
            if wait > self.policy.max_retry_wait_s:
                raise FetchError(url, f"HTTP {response.status_code}; the server asks to wait {wait:.0f}s")
            log.info("%s: HTTP %s, retrying in %.1fs", current, response.status_code, wait)
            time.sleep(wait)
        raise FetchError(url, f"HTTP {response.status_code} after {self.policy.retries + 1} tries")

    def _send(self, url: str, current: str, headers: dict[str, str]) -> _Response:
        """One GET, paced per host, pinned to a checked address when guarded, body capped."""
        parts = urlsplit(current)
        host = parts.hostname or ""
        self._pacer.wait(host)
        target, extensions = current, {}
        if (address := self._pin(url, current)) is not None:
            port = parts.port or (443 if parts.scheme == "https" else 80)
            shown = f"[{address}]" if address.version == 6 else str(address)
            target = urlunsplit(parts._replace(netloc=f"{shown}:{port}"))
            headers = {**headers, "Host": parts.netloc.rsplit("@", 1)[-1]}
            extensions = {"sni_hostname": host}
        try:
            with self._client.stream("GET", target, headers=headers, extensions=extensions) as response:
                return _Response(response, self._read_capped(url, response))
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out after {self.policy.timeout_s:g}s") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"could not connect ({type(exc).__name__}: {exc})") from None

    def _pin(self, url: str, current: str) -> Address | None:
        """For a guarded fetch, the checked address to connect to (FetchError when internal)."""
        if not self.policy.guard_addresses:
            return None
        parts = urlsplit(current)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            return checked_address(parts.hostname or "", port, self.policy.allowed_networks)
        except IngestError as exc:
            raise FetchError(url, str(exc)) from None

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        if response.status_code in REDIRECT_STATUSES or response.status_code >= 300:
            return b""
        limit = self.policy.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, f"the page is {int(declared):,} bytes, over the {limit:,}-byte limit")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, f"the page is over the {limit:,}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def _document(self, url: str, final_url: str, response: _Response) -> Fetched:
        status = response.status_code
        etag = response.headers.get("etag")
        last_modified = response.headers.get("last-modified")
        if status == 304:
            return Fetched(url=url, final_url=final_url, status="not_modified", etag=etag, last_modified=last_modified)
        if status != 200:
            raise FetchError(url, f"HTTP {status}")
        content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if not _accepted(content_type):
            raise FetchError(url, f"not an HTML page or XML feed ({content_type or 'no content type'})")
        if not response.body.strip():
            raise FetchError(url, "empty response")
        return Fetched(
            url=url, final_url=final_url, status="ok", body=response.body,
            content_type=content_type, etag=etag, last_modified=last_modified,
        )

    def _allowed_by_robots(self, url: str) -> bool:
        """robots.txt per RFC 9309: missing (4xx) allows all, unreachable (5xx) allows none."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._fetch_robots(origin)
        return rules.can_fetch(USER_AGENT_TOKEN, url)

    def _fetch_robots(self, origin: str) -> RobotFileParser:
        rules = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._send(origin, f"{origin}/robots.txt", {})
        except FetchError as exc:
            log.warning("robots.txt of %s unreachable (%s): not fetching there", origin, exc.reason)
            rules.disallow_all = True
            return rules
        if response.status_code >= 500:
            rules.disallow_all = True
        elif response.status_code >= 400 or response.status_code in REDIRECT_STATUSES:
            rules.allow_all = True
        else:
            rules.parse(response.body.decode("utf-8", "replace").splitlines())
        return rules


def _accepted(content_type: str) -> bool:
    return content_type in ACCEPTED_TYPES or content_type.endswith("+xml")


class _Response:
    """Status, headers and the (capped) body of a closed httpx response."""

    def __init__(self, response: httpx.Response, body: bytes) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.body = body
