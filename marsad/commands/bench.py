"""``marsad bench CORPUS.jsonl [--json] [--limit N]``: speed, start-up and memory of the default
pipeline over a JSON Lines news corpus (see :mod:`marsad.bench` for what is measured and how).
Settings come from the environment (``MARSAD_*``), the same for the run and the start-up probe."""

from __future__ import annotations

import json

from ..errors import ConfigError


def register(sub) -> None:
    p = sub.add_parser("bench", help="articles/s, words/s, stage times, start-up and peak memory "
                                     "of the default pipeline over a JSON Lines news corpus")
    p.add_argument("corpus", metavar="CORPUS.jsonl",
                   help='one {"id","title","text","source","date"} object per line')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    p.add_argument("--no-startup", action="store_true",
                   help="skip the start-up probe (a fresh Python process)")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import bench

    if args.limit is not None and args.limit < 1:
        raise ConfigError("--limit must be a positive number of articles")
    result = bench.run(args.corpus, limit=args.limit, measure_startup=not args.no_startup)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(bench.format_report(result))
    return 0
