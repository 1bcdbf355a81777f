"""``marsad search QUERY``: Arabic-aware search over stored articles and events.

Spelling variants (أ/إ/ا, ى/ي, ة/ه), diacritics, tatweel and clitics (و ف ب ل ك ال and pronoun
suffixes) do not matter. Filters: ``--type`` (PLOVER), ``--country`` (ISO3 of an actor or
recipient), ``--place`` (any spelling of a place name), ``--from``/``--to`` (YYYY-MM-DD).
"""

from __future__ import annotations

import json

from ..settings import Settings
from .filters import add_filter_arguments, filters_from


def register(sub) -> None:
    p = sub.add_parser("search", help="search stored articles and events (Arabic-aware)")
    p.add_argument("query", nargs="?", default="", help="words to find (all must match); empty: filters only")
    p.add_argument("--db", help="database: a SQLite path (default: setting db) or postgresql://...")
    add_filter_arguments(p)
    p.add_argument("--what", choices=("both", "articles", "events"), default="both")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..store import open_store

    filters = filters_from(args)
    out: dict[str, list] = {}
    with open_store(args.db or Settings.from_env().db) as store:
        if args.what in ("both", "articles"):
            out["articles"] = store.search_articles(args.query, filters, limit=args.limit)
        if args.what in ("both", "events"):
            out["events"] = store.search_events(args.query, filters, limit=args.limit)
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if "articles" in out:
        print(f"articles ({len(out['articles'])}):")
        for a in out["articles"]:
            print(f"  [{a['id']}] {a['published'] or '----------'}  {a['source'] or ''}  {a['title'] or a['snippet'][:60]}")
            if a["url"]:
                print(f"        {a['url']}")
    if "events" in out:
        print(f"events ({len(out['events'])}):")
        for e in out["events"]:
            who = ", ".join(x for x in e["actors"] if x) or "-"
            whom = ", ".join(x for x in e["recipients"] if x) or "-"
            print(f"  [{e['id']}] {e['date'] or '----------'}  {e['type']}{'-' + e['mode'] if e['mode'] else ''}  "
                  f"{who} → {whom}  @ {e['place'] or '-'}  ({e['modality']}, {e['sources']} source(s))  «{e['trigger']}»")
    return 0
