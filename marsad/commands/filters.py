"""The event filters shared by ``marsad search`` and ``marsad export``."""

from __future__ import annotations


def add_filter_arguments(p) -> None:
    p.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    p.add_argument("--country", help="ISO3 country of an actor or recipient, e.g. SYR")
    p.add_argument("--place", help="place name, e.g. حلب")
    p.add_argument("--from", dest="date_from", help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="last date, YYYY-MM-DD")


def filters_from(args):
    """The store's ``Filters`` from parsed arguments; a malformed date is a ConfigError."""
    from ..errors import ConfigError
    from ..ingest.dates import parse_iso
    from ..store import Filters

    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value and not parse_iso(value):
            raise ConfigError(f"--{name[5:]} must be a date YYYY-MM-DD, not {value!r}")
    return Filters(type=args.type, country=args.country, place=args.place,
                   date_from=args.date_from, date_to=args.date_to)
