"""``marsad export --format FORMAT --out FILE``: the stored, deduplicated events in an open format."""

from __future__ import annotations

import sys

from ..settings import Settings
from .filters import add_filter_arguments, filters_from


def register(sub) -> None:
    from ..export import FORMATS

    p = sub.add_parser("export", help="write stored events as PLOVER JSONL, ACLED CSV, GeoJSON, Parquet or CAMEO TSV")
    p.add_argument("--format", required=True, choices=sorted(FORMATS))
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--db", help="database: a SQLite path (default: setting db) or postgresql://...")
    add_filter_arguments(p)
    p.add_argument("--per-event", action="store_true",
                   help="one record per stored event instead of one per real-world event (cluster)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..export import export
    from ..store import open_store

    filters = filters_from(args)
    with open_store(args.db or Settings.from_env().db) as store:
        n = export(store, args.format, args.out, filters=filters, per_event=args.per_event)
    print(f"wrote {n} records to {args.out}", file=sys.stderr)
    return 0
