"""Ingest: plain text, HTML pages, JSON Lines, RSS/Atom feeds, folders and URLs → :class:`Article`.

:func:`read_inputs` turns paths and URLs into a stream of :class:`Article` (ready for the
pipeline) and :class:`Failure` (a coded reason naming the file, line or URL); it never raises on
a bad input. :func:`marsad.ingest.runner.ingest` runs that stream through the pipeline into a
store.
"""

from __future__ import annotations

from .article import Article, Failure
from .reader import estimate_total, read_inputs

__all__ = ["Article", "Failure", "read_inputs", "estimate_total"]
