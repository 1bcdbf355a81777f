"""``marsad bench CORPUS.jsonl [--json] [--limit N]``: speed, start-up and memory of the default
pipeline over a JSON Lines news corpus; ``marsad bench --ingest INPUT... [--db URL]``: the speed of
the whole ingest into an empty store, and of a second run that stores nothing (see
:mod:`marsad.bench` for what is measured and how). Settings come from the environment
(``MARSAD_*``), the same for the run and the start-up probe."""

from __future__ import annotations

import json

from ..errors import ConfigError


def register(sub) -> None:
    p = sub.add_parser("bench", help="articles/s, words/s, stage times, start-up and peak memory "
                                     "of the default pipeline over a JSON Lines news corpus")
    p.add_argument("corpus", metavar="CORPUS.jsonl", nargs="+",
                   help='one {"id","title","text","source","date"} object per line; with '
                        '--ingest, any inputs `marsad ingest` reads')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    p.add_argument("--no-startup", action="store_true",
                   help="skip the start-up probe (a fresh Python process)")
    p.add_argument("--ingest", action="store_true",
                   help="time the whole ingest (pipeline, search terms, writes, clustering) into "
                        "an empty store, then a second run that must store nothing")
    p.add_argument("--db", help="with --ingest: an empty database, a SQLite path or "
                                "postgresql://... (default: a temporary SQLite file)")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import bench

    if args.ingest:
        if args.limit is not None or args.no_startup:
            raise ConfigError("--limit and --no-startup apply to the pipeline benchmark, not --ingest")
        result = bench.run_ingest(args.corpus, db=args.db)
        print(json.dumps(result, ensure_ascii=False) if args.json else bench.format_ingest_report(result))
        return 0
    if args.db:
        raise ConfigError("--db applies only with --ingest")
    if len(args.corpus) > 1:
        raise ConfigError("the pipeline benchmark takes one corpus; --ingest takes several inputs")
    if args.limit is not None and args.limit < 1:
        raise ConfigError("--limit must be a positive number of articles")
    result = bench.run(args.corpus[0], limit=args.limit, measure_startup=not args.no_startup)
    print(json.dumps(result, ensure_ascii=False) if args.json else bench.format_report(result))
    return 0
