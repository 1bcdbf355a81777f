"""Checks every input goes through before the pipeline sees it: a clear, coded error naming the
file and the problem instead of a crash or a silent empty result."""

from __future__ import annotations

from pathlib import Path

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingInputError,
    InputTooLargeError,
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
