"""Plain-text articles: the whole file is the text; a short first line is the title; the date
is read from a dateline in the first lines, if one is written there."""

from __future__ import annotations

from .article import Article
from .dates import find_date


def parse_text(text: str, *, origin: str, url: str | None = None, source: str | None = None) -> Article:
    title = None
    first, sep, rest = text.lstrip().partition("\n")
    if sep and rest.strip() and 0 < len(first.strip()) <= 200:
        title = first.strip()
    found = find_date(text, limit=400)
    return Article(
        text=text,
        origin=origin,
        title=title,
        published=found[0] if found else None,
        date_source="byline" if found else None,
        url=url,
        source=source,
    )
