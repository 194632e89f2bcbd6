"""A local news site on 127.0.0.1 for the web-ingest tests: article pages, feeds, sitemaps,
and the ways real servers misbehave (429 with Retry-After, 500, a hang, a PDF, a redirect loop).

Routes are set per test; every request is recorded (path, headers, time) so a test can
say how often and how politely the bot asked. Pages answer conditional GETs: a page
whose ETag the client sends back gets 304 until its text is changed.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


Route = Callable[["Request"], Answer]


@dataclass
class Request:
    path: str  # without the query string
    headers: dict[str, str]
    at: float


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    canonical: str | None = None,
    site: str = "Harbour Gazette",
    author: str = "Mara Velden",
    published: str = "2025-03-04T08:00:00Z",
    modified: str | None = None,
) -> str:
    """A news page as a CMS writes it: metadata in the head, the story in <article>."""
    meta = [
        f'<meta property="og:site_name" content="{escape(site)}">',
        f'<meta name="author" content="{escape(author)}">',
        f'<meta property="article:published_time" content="{published}">',
        f'<meta property="og:title" content="{escape(title)}">',
    ]
    if modified:
        meta.append(f'<meta property="article:modified_time" content="{modified}">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)} | {escape(site)}</title>{''.join(meta)}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{escape(title)}</h1><p class='byline'>By {escape(author)}</p>{body}</article>"
        "<footer>© Harbour Gazette. All rights reserved.</footer></body></html>"
    )


def rss(items: list[tuple[str, str]], title: str = "Harbour Gazette") -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link></item>" for t, link in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>{entries}</channel></rss>"
    )


def atom(links: list[str]) -> str:
    entries = "".join(
        f'<entry><title>Story {n}</title><id>urn:story:{n}</id><link rel="alternate" href="{escape(link)}"/>'
        "<updated>2025-03-04T08:00:00Z</updated></entry>"
        for n, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Gazette</title><id>urn:gazette</id><updated>2025-03-04T08:00:00Z</updated>{entries}</feed>"
    )


def sitemap(locations: list[str], *, index: bool = False) -> str:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"<{item}><loc>{escape(loc)}</loc></{item}>" for loc in locations)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</{tag}>"
    )


class NewsSite:
    """The server and its routes; `url(path)` gives an absolute URL on it."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                request = Request(self.path.split("?", 1)[0], {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with site._lock:
                    site.requests.append(request)
                route = site.routes.get(request.path)
                answer = route(request) if route else Answer(404, b"not found", "text/plain")
                if answer.delay_s:
                    time.sleep(answer.delay_s)
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", answer.content_type)
                    self.send_header("Content-Length", str(len(answer.body)))
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.robots("User-agent: *\nDisallow: /private/\n")

    def url(self, path: str) -> str:
        return self.base + path

    # routes -----------------------------------------------------------------------------
    def robots(self, text: str) -> None:
        self.routes["/robots.txt"] = lambda _: Answer(body=text.encode(), content_type="text/plain")

    def page(self, path: str, html: str, content_type: str = "text/html; charset=utf-8") -> None:
        """A document served with an ETag and Last-Modified; a matching conditional GET gets 304."""
        body = html.encode()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        stamp = formatdate(time.time(), usegmt=True)

        def serve(request: Request) -> Answer:
            if request.headers.get("if-none-match") == etag:
                return Answer(304, headers={"ETag": etag})
            return Answer(body=body, content_type=content_type, headers={"ETag": etag, "Last-Modified": stamp})

        self.routes[path] = serve

    def answer(self, path: str, *answers: Answer) -> None:
        """Answer `path` with each of `answers` in turn, then the last one again."""
        queue = list(answers)

        def serve(_: Request) -> Answer:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        self.routes[path] = serve

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]


@contextmanager
def running_site() -> Iterator[NewsSite]:
    site = NewsSite()
    thread = threading.Thread(target=site.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.server.shutdown()
        site.server.server_close()
