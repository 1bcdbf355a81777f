"""Ingest: plain text, HTML pages, JSON Lines, RSS/Atom feeds, folders and URLs → :class:`Article`.

:func:`read_inputs` turns paths and URLs into a stream of :class:`Article` (ready for the
pipeline) and :class:`Failure` (a coded reason naming the file, line or URL); it never raises on
a bad input. :func:`marsad.ingest.runner.ingest` runs that stream through the pipeline into a
store.

The names are loaded on first use: ``marsad.extract`` needs only :mod:`.validate`, and the readers
import trafilatura and feedparser, which take most of a second.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__all__ = ["Article", "Failure", "read_inputs", "estimate_total"]
_HOMES = {"Article": ".article", "Failure": ".article", "read_inputs": ".reader",
          "estimate_total": ".reader"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
