"""A tiny Socket Mode server on loopback: just enough WebSocket (RFC 6455) for slack_sdk's built-in client.

Slack's Socket Mode sends envelopes (events, slash commands, interactivity)
over a WebSocket whose URL comes from apps.connections.open; the app answers
each with `{"envelope_id": …, "payload": …}`. This server speaks the
handshake, unmasked text frames to the client, masked frames from it, and
ping/pong, with the standard library only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
from typing import Any

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class FakeSocketModeServer:
    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._conn: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._cond = threading.Condition()
        self.received: list[dict[str, Any]] = []
        self.handshake_path: str | None = None

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=test-ticket"

    def start(self) -> FakeSocketModeServer:
        threading.Thread(target=self._accept, name="fake-socket-mode", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._conn is not None:
            try:
                self._send_frame(0x8, b"")
            except OSError:
                pass
            self._conn.close()
        self._listener.close()

    # test controls ---------------------------------------------------------------
    def wait_connected(self, timeout: float = 20.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._conn is not None, timeout):
                raise AssertionError("the Socket Mode client never connected")

    def send(self, message: dict[str, Any]) -> None:
        self._send_frame(0x1, json.dumps(message).encode())

    def wait_for_ack(self, envelope_id: str, timeout: float = 20.0) -> dict[str, Any]:
        with self._cond:
            found = self._cond.wait_for(lambda: self._ack(envelope_id), timeout)
            if not found:
                raise AssertionError(f"no ack for envelope {envelope_id}; received {self.received}")
            return found

    def _ack(self, envelope_id: str) -> dict[str, Any] | None:
        return next((m for m in self.received if m.get("envelope_id") == envelope_id), None)

    # protocol -------------------------------------------------------------------------
    def _accept(self) -> None:
        conn, _ = self._listener.accept()
        request = b""
        while b"\r\n\r\n" not in request:
            request += conn.recv(4096)
        lines = request.decode().split("\r\n")
        headers = {
            k.strip().lower(): v.strip()
            for k, _, v in (line.partition(":") for line in lines[1:] if ":" in line)
        }
        accept = base64.b64encode(
            hashlib.sha1((headers["sec-websocket-key"] + GUID).encode()).digest()
        ).decode()
        conn.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        with self._cond:
            self.handshake_path = lines[0].split(" ")[1]
            self._conn = conn
            self._cond.notify_all()
        self._read_frames(conn)

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        assert self._conn is not None, "no client connected"
        length = len(payload)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, length)
        elif length < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
        with self._send_lock:
            self._conn.sendall(header + payload)

    def _read_frames(self, conn: socket.socket) -> None:
        buffer = b""

        def read(n: int) -> bytes:
            nonlocal buffer
            while len(buffer) < n:
                chunk = conn.recv(65536)
                if not chunk:
                    raise ConnectionError("client closed")
                buffer += chunk
            data, buffer = buffer[:n], buffer[n:]
            return data

        try:
            while True:
                first, second = read(2)
                opcode, masked, length = first & 0x0F, second & 0x80, second & 0x7F
                if length == 126:
                    (length,) = struct.unpack("!H", read(2))
                elif length == 127:
                    (length,) = struct.unpack("!Q", read(8))
                mask = read(4) if masked else b"\x00" * 4
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(read(length)))
                if opcode == 0x9:  # ping -> pong
                    self._send_frame(0xA, payload)
                elif opcode == 0x1:
                    with self._cond:
                        self.received.append(json.loads(payload))
                        self._cond.notify_all()
                elif opcode == 0x8:
                    return
        except (ConnectionError, OSError):
            return  # the client went away; the test decides whether that matters
