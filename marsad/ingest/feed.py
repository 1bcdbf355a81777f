"""RSS and Atom feeds through feedparser: one article per entry, its text from the entry's
content or summary (HTML stripped), its date from the entry's structured published date."""

from __future__ import annotations

import time
from typing import Iterator
from urllib.parse import urlparse

import feedparser
import lxml.html

from ..errors import MalformedInputError
from .article import Article, Failure
from .dates import find_date


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in data[:2048].lower() or b"<feed" in data[:2048].lower() or b"<rdf" in data[:2048].lower()) or head.startswith((b"<rss", b"<feed", b"<rdf"))


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p", "div", "li"):
        p.tail = "\n" + (p.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _entry_date(entry) -> tuple[str | None, str | None]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time) and value.tm_year >= 1900:
            return time.strftime("%Y-%m-%d", value), "feed"
    return None, None


def iter_feed(data: bytes, *, name: str, max_mb: float) -> Iterator[Article | Failure]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        raise MalformedInputError(f"not a readable RSS/Atom feed: {reason}", path=name)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        origin = f"{name}#{number}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry.content), key=len)
        if not html:
            html = entry.get("summary") or ""
        text = _html_to_text(html)
        link = entry.get("link") or None
        if not text.strip():
            yield Failure(link or origin, "M101", "the feed entry has no text")
            continue
        if len(text) > max_mb * 1024 * 1024:
            yield Failure(link or origin, "M104", "the feed entry is over the size limit")
            continue
        published, date_source = _entry_date(entry)
        if not published:
            found = find_date(text, limit=300)
            published, date_source = (found[0], "byline") if found else (None, None)
        yield Article(
            text=text,
            origin=link or origin,
            title=(entry.get("title") or "").strip() or None,
            published=published,
            date_source=date_source,
            source=outlet or (urlparse(link).hostname if link else None),
            url=link,
            id=entry.get("id") or None,
            meta={"feed": name},
        )
