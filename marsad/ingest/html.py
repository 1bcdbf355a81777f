"""HTML pages: main text, title and outlet through trafilatura; the publication date from our
own reading of the page's metadata and Arabic byline, never trafilatura's date guess (it takes a
footer's "© 2016" for a publication date)."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import lxml.html
import trafilatura

from ..errors import EmptyInputError, MalformedInputError
from .article import Article
from .dates import find_date, parse_iso

# Metadata fields that state a publication date, by attribute value (lower case).
_DATE_META = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publication_date", "dc.date.issued", "dc.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
}
# Elements whose class or id names a byline or a date.
_BYLINE_XPATH = (
    "//*[contains(translate(@class,'DATEBYLINTMS','datebylintms'),'date') or "
    "contains(translate(@class,'DATEBYLINTMS','datebylintms'),'byline') or "
    "contains(translate(@class,'DATEBYLINTMS','datebylintms'),'time') or "
    "contains(translate(@id,'DATEBYLINTMS','datebylintms'),'date') or "
    "contains(translate(@class,'DATEBYLINTMS','datebylintms'),'meta')]"
)


def _meta_date(tree) -> str | None:
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            iso = parse_iso(el.get("content"))
            if iso:
                return iso
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                iso = parse_iso(item.get("datePublished"))
                if iso:
                    return iso
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    for el in tree.iter("time"):
        iso = parse_iso(el.get("datetime") or el.get("content"))
        if iso and el.getparent() is not None and el.getparent().tag != "footer":
            return iso
    return None


def _byline_date(tree) -> str | None:
    for el in tree.xpath(_BYLINE_XPATH)[:40]:
        if any(a.tag == "footer" for a in el.iterancestors()):
            continue
        text = el.text_content()
        if text and len(text) < 400:
            found = find_date(text, limit=400)
            if found:
                return found[0]
    return None


def parse_html(html: str, *, origin: str, url: str | None = None) -> Article:
    """One article from an HTML page, or an :class:`InputError`."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise MalformedInputError(f"cannot parse the HTML: {exc}", path=origin) from exc
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise EmptyInputError("no main text found in the HTML page", path=origin)
    title = getattr(result, "title", None)
    if not title:
        t = tree.find(".//title")
        title = t.text_content().strip() if t is not None and t.text_content() else None
    published, date_source = _meta_date(tree), "metadata"
    if not published:
        published, date_source = _byline_date(tree), "byline"
    if not published:
        found = find_date(text, limit=300)
        published, date_source = (found[0], "byline") if found else (None, None)
    page_url = url
    if not page_url:
        canon = tree.find(".//link[@rel='canonical']")
        if canon is not None and (canon.get("href") or "").startswith("http"):
            page_url = canon.get("href")
    source = getattr(result, "sitename", None) or (urlparse(page_url).hostname if page_url else None)
    return Article(
        text=text,
        origin=origin,
        title=re.sub(r"\s+", " ", title).strip() if title else None,
        published=published,
        date_source=date_source,
        source=source,
        url=page_url,
    )
