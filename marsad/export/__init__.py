"""Exports of the stored, deduplicated events in open formats.

=============  ==========================================================================
plover-jsonl   one PLOVER JSON record a line (manual "Data Fields"), offsets and sources kept
acled-csv      ACLED's column names where they mean the same thing, then marsad's own columns
geojson        a FeatureCollection of located events (RFC 7946, lon/lat order)
parquet        one row per event with typed columns and nested mentions (pyarrow)
cameo-tsv      GDELT 2.0 event-table layout (61 tab-separated columns, no header)
=============  ==========================================================================

By default a record is one real-world event (a cross-article cluster) with all its mentions
and sources; ``per_event=True`` writes every stored event instead.
"""

from __future__ import annotations

import importlib
from typing import Any

from .records import Record, records

FORMATS = {
    "plover-jsonl": "plover",
    "acled-csv": "acled",
    "geojson": "geojson",
    "parquet": "parquet",
    "cameo-tsv": "cameo",
}


def export(store, fmt: str, out: str, *, filters=None, per_event: bool = False) -> int:
    """Write the events of ``store`` that match ``filters`` to ``out``; return how many records."""
    from ..errors import ConfigError

    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    module: Any = importlib.import_module(f"{__name__}.{FORMATS[fmt]}")
    return module.write(records(store, filters, per_event=per_event), out)


__all__ = ["FORMATS", "export", "records", "Record"]
