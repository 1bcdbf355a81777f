"""``marsad stats [--json]``: how much the store holds."""

from __future__ import annotations

import json

from ..settings import Settings


def register(sub) -> None:
    p = sub.add_parser("stats", help="count articles, events, mentions, sources and failures in the store")
    p.add_argument("--db", help="database: a SQLite path (default: setting db) or postgresql://...")
    p.add_argument("--json", action="store_true", help='print {"articles","events","mentions","sources","failed"}')
    p.add_argument("--clusters", action="store_true", help="add cross-article cluster statistics")
    p.add_argument("--failures", action="store_true", help="list the failed inputs with their reasons")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..store import open_store

    with open_store(args.db or Settings.from_env().db) as store:
        stats = store.stats()
        clusters = store.cluster_stats() if args.clusters else None
        failures = store.failures() if args.failures else []
    if args.json:
        out = dict(stats)
        if clusters is not None:
            out["clusters"] = clusters
        if args.failures:
            out["failures"] = [{"origin": o, "code": c, "reason": r} for o, c, r in failures]
        print(json.dumps(out, ensure_ascii=False))
        return 0
    for key, value in stats.items():
        print(f"{key:10} {value}")
    if clusters is not None:
        for key, value in clusters.items():
            print(f"clusters.{key:22} {value}")
    for origin, code, reason in failures:
        print(f"failed: {origin}: [{code}] {reason}")
    return 0
