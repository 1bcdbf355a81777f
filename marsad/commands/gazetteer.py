"""``marsad gazetteer``: build the place index, import GeoNames dumps, find places in a text,
and draw a review sample of matched places from a news corpus."""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from ..errors import MalformedInputError


def register(sub) -> None:
    p = sub.add_parser("gazetteer", help="the offline Arabic gazetteer: build, import, find, sample")
    cmds = p.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    cmds.required = True

    b = cmds.add_parser("build", help="build (or load) the cached place index and report on it")
    b.set_defaults(func=_build)

    i = cmds.add_parser("import", help="import the full GeoNames dumps into the index")
    i.add_argument("all_countries", type=Path, help="allCountries.txt (or a country file)")
    i.add_argument("alternate_names", type=Path, nargs="?",
                   help="alternateNamesV2.txt (Arabic names); optional")
    i.add_argument("--out", type=Path, default=None,
                   help="directory for places.tsv.gz (default: the user cache, used automatically)")
    i.set_defaults(func=_import)

    f = cmds.add_parser("find", help="places in a text (argument, or standard input)")
    f.add_argument("text", nargs="?", help="Arabic text; read from standard input when absent")
    f.add_argument("--json", action="store_true", help="one JSON object per place")
    f.set_defaults(func=_find)

    s = cmds.add_parser("sample", help="a random sample of matched places from JSON Lines corpora")
    s.add_argument("files", nargs="+", type=Path, help="JSON Lines files with a 'text' field")
    s.add_argument("-n", type=int, default=300, help="sample size (default 300)")
    s.add_argument("--seed", type=int, default=5, help="random seed (default 5)")
    s.add_argument("--countries", action="store_true", help="include country names")
    s.set_defaults(func=_sample)


def _build(args) -> int:
    from ..gazetteer.index import cache_dir, cached_index

    t = time.perf_counter()
    index = cached_index()
    print(f"{len(index.places)} places, {len(index.keys)} names, sources: "
          f"{', '.join(index.sources)}; {time.perf_counter() - t:.2f} s; cache {cache_dir()}")
    return 0


def _import(args) -> int:
    from ..gazetteer.geonames import import_dumps
    from ..gazetteer.index import cache_dir

    for path in (args.all_countries, args.alternate_names):
        if path is not None and not path.is_file():
            raise MalformedInputError(f"no such file: {path}")
    default = cache_dir() / "geonames"
    out = args.out or default
    t = time.perf_counter()
    n, path = import_dumps(args.all_countries, args.alternate_names, out)
    print(f"{n} places with Arabic names written to {path} in {time.perf_counter() - t:.1f} s")
    if out.resolve() == default.resolve():
        from ..gazetteer.index import cached_index

        index = cached_index()
        print(f"index rebuilt: {len(index.places)} places, {len(index.keys)} names")
    else:
        print(f"use it with: MARSAD_GAZETTEER={out}")
    return 0


def _find(args) -> int:
    from ..document import Document
    from ..gazetteer import PlaceFinder, focus_country

    text = args.text if args.text is not None else sys.stdin.read()
    doc = Document(text)
    for ent in PlaceFinder.default().find(doc):
        a = ent.attrs
        if args.json:
            print(json.dumps({"start": ent.start, "end": ent.end, "text": ent.text, **a},
                             ensure_ascii=False))
        else:
            print(f"{ent.start}\t{ent.end}\t{ent.text}\t{a['name']}\t{a['country']}\t"
                  f"{a['precision']}\t{a['lat']}\t{a['lon']}")
    if not args.json:
        print(f"# focus country: {focus_country(doc)}")
    return 0


def _sample(args) -> int:
    """Every matched place of the corpora, then a seeded uniform sample of them (each match
    has the same chance, so frequent names weigh as they do in the output)."""
    from ..document import Document
    from ..gazetteer import PlaceFinder

    finder = PlaceFinder.default()
    matches = []
    for path in args.files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                try:
                    text = json.loads(line).get("text") or ""
                except (json.JSONDecodeError, AttributeError):
                    continue
                for ent in finder.find(Document(text)):
                    if ent.attrs["precision"] == "country" and not args.countries:
                        continue
                    left = text[max(0, ent.start - 45): ent.start].replace("\n", " ")
                    right = text[ent.end: ent.end + 45].replace("\n", " ")
                    matches.append((f"{path.name}:{lineno}", ent.text, ent.attrs["name"],
                                    ent.attrs["country"], ent.attrs["precision"],
                                    f"{left}[{ent.text}]{right}"))
    rng = random.Random(args.seed)
    sample = rng.sample(matches, min(args.n, len(matches)))
    print(f"# {len(matches)} matched places; sample of {len(sample)} (seed {args.seed})")
    print("where\tsurface\tplace\tcountry\tprecision\tcontext")
    for row in sample:
        print("\t".join(row))
    return 0
