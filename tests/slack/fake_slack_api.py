"""A local stand-in for Slack's Web API (and response_url hooks), over real HTTP.

It records every call (method, parameters, headers, its answer) so tests can
wait for "the bot posted X" the way a user would notice it, keeps what each
channel shows of the bot's messages (posted, then updated or deleted), and it can be told to
answer the next calls of a method with 429 (Retry-After: 1), 500 or a Slack
error, to prove the bot's retries and fallbacks deliver anyway. Shaped after
bolt-python's tests/mock_web_api_server (a fake server the real client talks to).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlparse

PAYLOADS = Path(__file__).resolve().parent / "fixtures" / "payloads"
BOT_USER_ID = "W23456789"  # matches the auth.test sample below
BOT_ID = "BZYBOTHED"


def auth_test_response() -> dict[str, Any]:
    sample = PAYLOADS / "auth.test.bot_response.json"
    if sample.exists():
        return json.loads(sample.read_text())
    return {
        "ok": True,
        "team": "Test",
        "user": "bot",
        "team_id": "T0G9PQBBK",
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
    }


@dataclass
class Call:
    """One request the bot made: `method` is the Web API method or "response_url"."""

    method: str
    params: dict[str, Any]
    headers: dict[str, str]
    status: int = 200
    path: str = ""
    response: Any = None  # what the fake answered, e.g. the ts of a posted message

    @property
    def text(self) -> str:
        """Everything a user could read in the message: fallback text plus all block text."""
        return (
            self.params.get("text", "") + "\n" + json.dumps(self.params.get("blocks", []), ensure_ascii=False)
        )


@dataclass
class Failure:
    status: int  # 429, 500, or 200 with a Slack error
    error: str | None = None


@dataclass
class FakeSlackAPI:
    calls: list[Call] = field(default_factory=list)
    messages: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # channel -> messages
    # channel -> ts -> the bot's message as the channel shows it now (posted, updated, deleted)
    shown: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    socket_mode_url: str | None = None
    _failures: dict[str, list[Failure]] = field(default_factory=dict)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _ts: Any = field(default_factory=lambda: itertools.count(1))

    # lifecycle ------------------------------------------------------------
    def start(self, port: int = 0) -> FakeSlackAPI:
        """Serve on loopback; a fixed `port` lets a test bring Slack "back" where the bot was already looking."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-slack-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self, name: str = "hook") -> str:
        return f"{self.base}/response/{name}"

    # test controls ------------------------------------------------------------
    def fail_next(self, method: str, status: int, times: int = 1, error: str | None = None) -> None:
        """Answer the next `times` calls of `method` with `status` (429 carries Retry-After: 1)."""
        with self._cond:
            self._failures.setdefault(method, []).extend(Failure(status, error) for _ in range(times))

    def add_message(self, channel: str, message: dict[str, Any]) -> None:
        """A message conversations.replies/history can return."""
        with self._cond:
            self.messages.setdefault(channel, []).append(message)

    def shown_in(self, channel: str) -> list[str]:
        """What the bot's messages in `channel` read now (fallback text plus block text), oldest first."""
        with self._cond:
            current = list(self.shown.get(channel, {}).values())
        return [
            message.get("text", "") + "\n" + json.dumps(message.get("blocks", []), ensure_ascii=False)
            for message in current
        ]

    def calls_to(self, method: str, where: Callable[[Call], bool] | None = None) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method and (where is None or where(c))]

    def wait_for(
        self,
        method: str,
        where: Callable[[Call], bool] | None = None,
        *,
        count: int = 1,
        timeout: float = 20.0,
    ) -> list[Call]:
        """Block until `count` successful calls match; the timeout only bounds a hang."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [
                    c
                    for c in self.calls
                    if c.method == method and c.status == 200 and (where is None or where(c))
                ]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.status) for c in self.calls]
                    raise AssertionError(
                        f"no {count} x {method} call matched within {timeout}s; calls: {seen}"
                    )
                self._cond.wait(left)

    # serving ------------------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlparse(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length).decode("utf-8") if length else ""
        params: dict[str, Any] = dict(parse_qsl(url.query))
        content_type = request.headers.get("Content-Type", "")
        if raw and "json" in content_type:
            params.update(json.loads(raw))
        elif raw:
            params.update(dict(parse_qsl(raw)))
        for key in ("blocks", "view"):
            if isinstance(params.get(key), str) and params[key][:1] in "[{":
                params[key] = json.loads(params[key])
        if url.path.startswith("/response/"):
            method = "response_url"
        elif url.path.startswith("/api/"):
            method = url.path[len("/api/") :]
        else:
            method = url.path
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self._cond:
            pending = self._failures.get(method) or []
            failure = pending.pop(0) if pending else None
        if failure is not None and failure.status != 200:
            self._record(Call(method, params, headers, status=failure.status, path=url.path))
            extra = {"Retry-After": "1"} if failure.status == 429 else {}
            error = "ratelimited" if failure.status == 429 else "internal_error"
            self._send(request, failure.status, {"ok": False, "error": error}, extra)
            return
        if failure is not None:  # a Slack error answered with HTTP 200
            self._record(Call(method, params, headers, status=200, path=url.path))
            self._send(request, 200, {"ok": False, "error": failure.error})
            return
        body = self._answer(method, params)
        self._record(Call(method, params, headers, path=url.path, response=body))
        self._send(
            request, 200, body, {"x-oauth-scopes": "chat:write,commands"} if method == "auth.test" else {}
        )

    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()

    def _send(
        self, request: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> None:
        payload = (body if isinstance(body, str) else json.dumps(body)).encode()
        request.send_response(status)
        request.send_header(
            "Content-Type", "text/plain" if isinstance(body, str) else "application/json; charset=utf-8"
        )
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _next_ts(self) -> str:
        return f"1700000000.{next(self._ts):06d}"

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "response_url":
            return "ok"
        if method == "auth.test":
            return auth_test_response()
        if method == "chat.postMessage":
            ts = self._next_ts()
            message = {
                "type": "message",
                "text": params.get("text", ""),
                "ts": ts,
                "bot_id": BOT_ID,
                "user": BOT_USER_ID,
            }
            if params.get("thread_ts"):
                message["thread_ts"] = params["thread_ts"]
            self._show(params.get("channel", ""), ts, params)
            return {"ok": True, "channel": params.get("channel"), "ts": ts, "message": message}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "chat.delete":
            with self._cond:
                self.shown.get(params.get("channel", ""), {}).pop(params.get("ts", ""), None)
            return {"ok": True, "channel": params.get("channel"), "ts": params.get("ts")}
        if method == "chat.update":
            self._show(params.get("channel", ""), params.get("ts", ""), params)
            return {
                "ok": True,
                "channel": params.get("channel"),
                "ts": params.get("ts"),
                "text": params.get("text", ""),
            }
        if method in ("conversations.replies", "conversations.history"):
            return {"ok": True, "messages": self._find_messages(method, params), "has_more": False}
        if method == "views.publish":
            return {"ok": True, "view": {"id": "V111", **(params.get("view") or {})}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_mode_url or "ws://127.0.0.1:9/"}
        return {"ok": True}

    def _show(self, channel: str, ts: str, params: dict[str, Any]) -> None:
        with self._cond:
            self.shown.setdefault(channel, {})[ts] = {
                "text": params.get("text", ""),
                "blocks": params.get("blocks", []),
            }

    def _find_messages(self, method: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        with self._cond:
            stored = list(self.messages.get(params.get("channel", ""), []))
        oldest, latest = float(params.get("oldest") or 0), float(params.get("latest") or 9e12)
        if method == "conversations.replies":
            ts = params.get("ts")
            thread = [m for m in stored if m["ts"] == ts or m.get("thread_ts") == ts]
            if any(m["ts"] == ts and m.get("thread_ts", ts) != ts for m in thread):  # ts is a reply
                return [m for m in thread if m["ts"] == ts]
            return [m for m in thread if m["ts"] == ts or oldest <= float(m["ts"]) <= latest]
        return [
            m
            for m in stored
            if "thread_ts" not in m or m["thread_ts"] == m["ts"]
            if oldest <= float(m["ts"]) <= latest
        ][:1]
