"""Checks every input goes through before the pipeline sees it: a clear, coded error naming the
file and the problem instead of a crash or a silent empty result."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputTooLargeError,
    MalformedInputError,
)

DEFAULT_MAX_MB = 20.0


def decode_bytes(data: bytes, *, name: str, max_mb: float = DEFAULT_MAX_MB) -> str:
    """UTF-8 text of ``data`` (a BOM is dropped), or an :class:`InputError` naming ``name``."""
    if len(data) > max_mb * 1024 * 1024:
        raise InputTooLargeError(
            f"{len(data) / 1024 / 1024:.1f} MB is over the {max_mb:g} MB limit "
            "(setting max_input_mb)",
            path=name,
        )
    if b"\x00" in data[:8192]:
        raise BinaryInputError("looks like a binary file (NUL bytes), not text", path=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingInputError(
            f"not valid UTF-8 at byte {exc.start} (convert it, e.g. iconv -f cp1256 -t utf-8)",
            path=name,
        ) from exc
    check_text(text, name=name, max_mb=max_mb)
    return text


def check_text(text: str, *, name: str, max_mb: float = DEFAULT_MAX_MB) -> None:
    if not isinstance(text, str):
        raise EmptyInputError(f"expected text, got {type(text).__name__}", path=name)
    if not text.strip():
        raise EmptyInputError("the document is empty", path=name)
    if len(text) > max_mb * 1024 * 1024:
        raise InputTooLargeError(f"{len(text):,} characters is over the {max_mb:g} MB limit", path=name)


def read_text_file(path: str | Path, *, max_mb: float = DEFAULT_MAX_MB) -> str:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise InputTooLargeError(
                f"{size / 1024 / 1024:.1f} MB is over the {max_mb:g} MB limit (setting max_input_mb)",
                path=str(p),
            )
        data = p.read_bytes()
    except OSError as exc:
        from ..errors import InputError

        raise InputError(f"cannot read: {exc.strerror}", path=str(p)) from exc
    return decode_bytes(data, name=str(p), max_mb=max_mb)


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_OPEN = re.compile(rb"<html[\s>]", re.IGNORECASE)
_HTML_CLOSE = re.compile(rb"</html\s*>", re.IGNORECASE)


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The character set an HTML page declares (HTTP header first, then ``<meta charset>``)."""
    if header:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
        if m:
            return m.group(1).lower()
    m = _CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def decode_html(
    data: bytes, *, name: str, max_mb: float = DEFAULT_MAX_MB, header: str | None = None
) -> str:
    """The text of an HTML page: its declared character set if it declares one other than UTF-8
    (old Arabic sites use windows-1256), else UTF-8. A page that opens ``<html>`` and ends before
    ``</html>`` is refused as truncated (M105)."""
    charset = declared_charset(data, header)
    if charset and charset.replace("_", "-") not in ("utf-8", "utf8"):
        if len(data) > max_mb * 1024 * 1024:
            return decode_bytes(data, name=name, max_mb=max_mb)  # raises M104
        if b"\x00" in data[:8192]:
            raise BinaryInputError("looks like a binary file (NUL bytes), not text", path=name)
        try:
            text = data.decode(charset)
        except LookupError as exc:
            raise EncodingInputError(f"unknown character set {charset!r}", path=name) from exc
        except UnicodeDecodeError as exc:
            raise EncodingInputError(
                f"not valid {charset} at byte {exc.start} although the page declares it", path=name
            ) from exc
        check_text(text, name=name, max_mb=max_mb)
    else:
        text = decode_bytes(data, name=name, max_mb=max_mb)
    tail = data[-2048:]
    if _HTML_OPEN.search(data[:4096]) and not _HTML_CLOSE.search(tail):
        raise MalformedInputError(
            "the HTML page ends before </html> (a truncated download?)", path=name
        )
    return text
