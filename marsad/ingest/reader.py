"""Paths, folders and URLs → a stream of :class:`Article` and :class:`Failure`.

A file's kind is read from its suffix (``.txt``, ``.html``/``.htm``, ``.jsonl``/``.ndjson``,
``.xml``/``.rss``/``.atom``) or, for other suffixes, sniffed from its first bytes. URLs are
fetched with httpx: a feed yields its entries (``follow=True`` fetches each entry's page), a
page yields its article. Nothing here raises on a bad input: every problem is a coded
:class:`Failure` naming the file, the line or the URL.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError, InputTooLargeError, MarsadError
from .article import Article, Failure
from .feed import iter_feed, looks_like_feed
from .html import parse_html
from .jsonl import iter_jsonl
from .text import parse_text
from .validate import DEFAULT_MAX_MB, decode_bytes, decode_html

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
USER_AGENT = "marsad/0.1 (+https://github.com/marsad; Arabic news event coder)"


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def _failure(exc: Exception, origin: str) -> Failure:
    if isinstance(exc, MarsadError):
        return Failure(origin, exc.code, exc.message)
    if isinstance(exc, OSError):
        return Failure(origin, "M100", f"cannot read: {exc.strerror or exc}")
    return Failure(origin, "M105", f"cannot be read: {type(exc).__name__}: {exc}")


def _read_bytes(path: Path, max_mb: float) -> bytes:
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise InputTooLargeError(
            f"{size / 1024 / 1024:.1f} MB is over the {max_mb:g} MB limit (setting max_input_mb)",
            path=str(path),
        )
    return path.read_bytes()


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_feed(data):
        return "feed"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def _jsonl_file(path: Path, max_mb: float) -> Iterator[Article | Failure]:
    name = str(path)
    with path.open("rb") as fh:
        head = fh.read(8192)
        if b"\x00" in head:
            yield Failure(name, "M102", "looks like a binary file (NUL bytes), not JSON Lines")
            return
        if not head.strip():
            yield Failure(name, "M101", "the file is empty")
            return
        fh.seek(0)

        def lines() -> Iterator[str]:
            for number, raw in enumerate(fh, 1):
                try:
                    yield raw.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    # A line that is not UTF-8 becomes a JSON error naming the line.
                    yield f"\x00 not valid UTF-8 at byte {exc.start}"

        yield from iter_jsonl(lines(), name=name, max_mb=max_mb)


def read_file(path: Path, *, max_mb: float = DEFAULT_MAX_MB) -> Iterator[Article | Failure]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            yield from _jsonl_file(path, max_mb)
        except OSError as exc:
            yield _failure(exc, name)
        return
    try:
        data = _read_bytes(path, max_mb)
        kind = (
            "html" if suffix in HTML_SUFFIXES
            else "feed" if suffix in FEED_SUFFIXES
            else "text" if suffix in TEXT_SUFFIXES
            else _sniff(data)
        )
        if kind == "jsonl":
            yield from iter_jsonl(
                decode_bytes(data, name=name, max_mb=max_mb).splitlines(), name=name, max_mb=max_mb
            )
        elif kind == "feed":
            yield from iter_feed(data, name=name, max_mb=max_mb)
        elif kind == "html":
            yield parse_html(decode_html(data, name=name, max_mb=max_mb), origin=name)
        else:
            yield parse_text(decode_bytes(data, name=name, max_mb=max_mb), origin=name)
    except Exception as exc:  # every input problem is a reported failure, never a crash
        yield _failure(exc, name)


def iter_folder(folder: Path) -> Iterator[Path]:
    """Every visible file under ``folder``, in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f


# URLs ---------------------------------------------------------------------------------------------
def _fetch(client, url: str, max_mb: float) -> tuple[bytes, str, str]:
    """Body, content type and final URL, refusing bodies over the size limit while reading."""
    limit = int(max_mb * 1024 * 1024)
    with client.stream("GET", url) as resp:
        if resp.status_code >= 400:
            raise InputError(f"HTTP {resp.status_code}", path=url)
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputTooLargeError(f"{int(declared) / 1024 / 1024:.1f} MB is over the {max_mb:g} MB limit", path=url)
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise InputTooLargeError(f"over the {max_mb:g} MB limit", path=url)
            chunks.append(chunk)
        return b"".join(chunks), resp.headers.get("content-type", ""), str(resp.url)


def read_url(url: str, *, client, max_mb: float = DEFAULT_MAX_MB, follow: bool = False) -> Iterator[Article | Failure]:
    import httpx

    try:
        data, ctype, final = _fetch(client, url, max_mb)
        low = ctype.lower()
        if "rss" in low or "atom" in low or ("xml" in low and "html" not in low) or looks_like_feed(data):
            for item in iter_feed(data, name=url, max_mb=max_mb):
                if follow and isinstance(item, Article) and item.url:
                    page = next(read_url(item.url, client=client, max_mb=max_mb), None)
                    if isinstance(page, Article):
                        if not page.published and item.published:
                            page.published, page.date_source = item.published, "feed"
                        page.title = page.title or item.title
                        page.source = item.source or page.source
                        page.meta["feed"] = url
                        yield page
                        continue
                    if isinstance(page, Failure):
                        item.meta["page_error"] = str(page)
                yield item
        elif "json" in low or url.split("?")[0].endswith(tuple(JSONL_SUFFIXES)):
            yield from iter_jsonl(decode_bytes(data, name=url, max_mb=max_mb).splitlines(), name=url, max_mb=max_mb)
        elif "html" in low or _sniff(data) == "html":
            yield parse_html(decode_html(data, name=url, max_mb=max_mb, header=ctype), origin=url, url=final)
        else:
            yield parse_text(decode_bytes(data, name=url, max_mb=max_mb), origin=url, url=final)
    except httpx.HTTPError as exc:
        yield Failure(url, "M100", f"cannot fetch: {type(exc).__name__}: {exc}")
    except Exception as exc:
        yield _failure(exc, url)


def read_inputs(
    targets: Iterable[str], *, max_mb: float = DEFAULT_MAX_MB, follow: bool = False, timeout: float = 20.0
) -> Iterator[Article | Failure]:
    """Every article and failure from paths, folders and URLs, in order."""
    client = None
    try:
        for target in targets:
            if is_url(target):
                if client is None:
                    import httpx

                    client = httpx.Client(
                        follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
                    )
                yield from read_url(target, client=client, max_mb=max_mb, follow=follow)
                continue
            path = Path(target)
            if path.is_dir():
                for f in iter_folder(path):
                    yield from read_file(f, max_mb=max_mb)
            elif path.exists():
                yield from read_file(path, max_mb=max_mb)
            else:
                yield Failure(target, "M100", "no such file, folder or URL")
    finally:
        if client is not None:
            client.close()


def estimate_total(targets: Iterable[str]) -> int | None:
    """How many articles the targets hold, counted cheaply (JSON Lines by their lines), or
    ``None`` when a URL makes it unknowable."""
    total = 0
    for target in targets:
        if is_url(target):
            return None
        path = Path(target)
        files = list(iter_folder(path)) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total
