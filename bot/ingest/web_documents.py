"""What a fetched document is — an article page, an RSS/Atom feed or a sitemap — and the
links a feed or sitemap lists.

Feeds are read with feedparser. Sitemaps are read here with lxml (the parser
trafilatura's own sitemap code uses): trafilatura's `sitemap_search` downloads
by itself, which would bypass the polite fetcher (robots.txt, pacing, address
checks), and its link filter drops hosts given as IP addresses.
"""

from __future__ import annotations

from itertools import islice
from typing import Literal
from urllib.parse import urljoin

from lxml import etree
from pydantic import BaseModel

from bot.ingest.fetch import Fetched

DocumentKind = Literal["page", "feed", "sitemap"]
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_LINKS = 10_000  # per feed or sitemap file


class Links(BaseModel):
    """The pages (and, for a sitemap index, the further sitemaps) a document lists."""

    pages: list[str] = []
    sitemaps: list[str] = []


def _root_tag(body: bytes) -> str | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    return etree.QName(root).localname.lower()


def document_kind(fetched: Fetched) -> DocumentKind:
    """HTML is a page; XML is a sitemap (urlset, sitemapindex) or a feed (rss, feed, RDF)."""
    if fetched.content_type in ("text/html", "application/xhtml+xml"):
        head = fetched.body[:2048].lstrip().lower()
        if not (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head)):
            return "page"
    tag = _root_tag(fetched.body)
    if tag in ("urlset", "sitemapindex"):
        return "sitemap"
    if tag == "html":
        return "page"
    return "feed"


def feed_links(fetched: Fetched) -> Links:
    """Article links of an RSS or Atom feed, in feed order, without duplicates."""
    import feedparser  # only paid for when a feed is read

    parsed = feedparser.parse(fetched.body, response_headers={"content-location": fetched.final_url})
    if not parsed.version and not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        raise ValueError(f"not a readable RSS or Atom feed ({problem or 'no entries'})")
    links: dict[str, None] = {}
    for entry in islice(parsed.entries, MAX_LINKS):
        link = entry.get("link") or next(
            (alt.get("href") for alt in entry.get("links", []) if alt.get("rel") == "alternate"), None
        )
        if link:
            links.setdefault(urljoin(fetched.final_url, link.strip()), None)
    return Links(pages=list(links))


def sitemap_links(fetched: Fetched) -> Links:
    """Page locations of a urlset; further sitemaps of a sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.fromstring(fetched.body, parser)
    if root is None:
        raise ValueError("not a readable sitemap")
    nested = etree.QName(root).localname.lower() == "sitemapindex"
    found: dict[str, None] = {}
    for element in islice(root.iter("loc", f"{{{SITEMAP_NS}}}loc"), MAX_LINKS):
        if len(element) == 0 and element.text and element.text.strip():
            found.setdefault(urljoin(fetched.final_url, element.text.strip()), None)
    return Links(sitemaps=list(found)) if nested else Links(pages=list(found))
