"""JSON Lines in the shared news format: one object a line with
``{"id", "title", "text", "source", "date", "category", "url"}`` (only ``text`` is required).
A bad line is a :class:`Failure` naming ``path:line``; the other lines are read."""

from __future__ import annotations

import json
from typing import Iterator

from ..errors import InputError
from .article import Article, Failure
from .dates import parse_iso
from .validate import check_text


def _str(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_record(data: object, *, origin: str, max_mb: float) -> Article:
    if not isinstance(data, dict):
        raise InputError(f"expected a JSON object, found {type(data).__name__}", path=origin)
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError('no "text" string in the record', path=origin)
    check_text(text, name=origin, max_mb=max_mb)
    published = parse_iso(data.get("date") or data.get("published"))
    return Article(
        text=text,
        origin=origin,
        title=_str(data.get("title")),
        published=published,
        date_source="jsonl" if published else None,
        source=_str(data.get("source")),
        url=_str(data.get("url")),
        id=_str(data.get("id")) if not isinstance(data.get("id"), int) else str(data["id"]),
        category=_str(data.get("category")),
        language=_str(data.get("language")) or "ar",
    )


def iter_jsonl(lines, *, name: str, max_mb: float) -> Iterator[Article | Failure]:
    """Articles and failures from an iterable of text lines."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            data = json.loads(line)
        except ValueError as exc:
            yield Failure(origin, "M105", f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        try:
            yield parse_record(data, origin=origin, max_mb=max_mb)
        except InputError as exc:
            yield Failure(origin, exc.code, exc.message)
