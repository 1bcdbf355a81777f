"""``marsad export --format FORMAT --out FILE``: the stored, deduplicated events in an open format."""

from __future__ import annotations

import sys

from ..settings import Settings


def register(sub) -> None:
    from ..export import FORMATS

    p = sub.add_parser("export", help="write stored events as PLOVER JSONL, ACLED CSV, GeoJSON, Parquet or CAMEO TSV")
    p.add_argument("--format", required=True, choices=sorted(FORMATS))
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--db", help="database: a SQLite path (default: setting db) or postgresql://...")
    p.add_argument("--type", help="PLOVER event type")
    p.add_argument("--country", help="ISO3 country of an actor or recipient")
    p.add_argument("--place", help="place name (any spelling)")
    p.add_argument("--from", dest="date_from", help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="last date, YYYY-MM-DD")
    p.add_argument("--per-event", action="store_true",
                   help="one record per stored event instead of one per real-world event (cluster)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..errors import ConfigError
    from ..export import export
    from ..ingest.dates import parse_iso
    from ..store import Filters, open_store

    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value and not parse_iso(value):
            raise ConfigError(f"--{name[5:]} must be a date YYYY-MM-DD, not {value!r}")
    filters = Filters(type=args.type, country=args.country, place=args.place,
                      date_from=args.date_from, date_to=args.date_to)
    with open_store(args.db or Settings.from_env().db) as store:
        n = export(store, args.format, args.out, filters=filters, per_event=args.per_event)
    print(f"wrote {n} records to {args.out}", file=sys.stderr)
    return 0
