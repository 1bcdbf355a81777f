"""What ingest yields: an article with its metadata, or a failure with a coded reason."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Document

_SPACE = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with runs of whitespace collapsed, so that a re-crawl that only
    re-wraps lines is the same article."""
    return hashlib.sha256(_SPACE.sub(" ", text).strip().encode("utf-8")).hexdigest()


@dataclass
class Article:
    text: str
    origin: str  # where it was read: a path, path:line, path#entry or a URL
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, only when the input states it
    date_source: str | None = None  # metadata | byline | feed | jsonl
    source: str | None = None  # the outlet
    url: str | None = None
    id: str | None = None
    category: str | None = None
    language: str = "ar"
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def hash(self) -> str:
        """:func:`content_hash` of the text, computed once per text (ingest asks several times)."""
        cached = self.__dict__.get("_hash_of")
        if cached is None or cached[0] is not self.text:
            cached = (self.text, content_hash(self.text))
            self.__dict__["_hash_of"] = cached
        return cached[1]

    def to_document(self) -> Document:
        meta = dict(self.meta)
        meta["origin"] = self.origin
        if self.date_source:
            meta["date_source"] = self.date_source
        if self.category:
            meta["category"] = self.category
        return Document(
            text=self.text,
            id=self.id,
            title=self.title,
            published=self.published,
            source=self.source,
            url=self.url,
            language=self.language,
            meta=meta,
        )


@dataclass
class Failure:
    origin: str
    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: [{self.code}] {self.reason}"
