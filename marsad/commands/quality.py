"""``marsad quality [--write [PATH]]``: the page a user reads to decide whether to trust us.

Measures every figure the quality gate knows (seed, dev gold, GSR, NER when a model is shipped),
benchmarks the pipeline and the whole ingest (into a temporary SQLite file) on a news corpus, and
prints ``docs/quality.md`` — or writes it with
``--write`` — with the figures, their floors, the commands that produced them and the date."""

from __future__ import annotations

import datetime as _dt
import subprocess
import sys
from pathlib import Path

from ..errors import ConfigError

DEFAULT_CORPUS = "news_saudinewsnet/saudinewsnet_politics_dev.jsonl"


def register(sub) -> None:
    from ..evaluate.gate import DEFAULT_SHARED, FLOORS_FILE, REPO

    p = sub.add_parser("quality", help="measure everything and print (or --write) docs/quality.md")
    p.add_argument("--write", nargs="?", const=str(REPO / "docs" / "quality.md"), metavar="PATH",
                   help="write the page to PATH (default: docs/quality.md) instead of printing it")
    p.add_argument("--shared", default=str(DEFAULT_SHARED), metavar="DIR",
                   help="the shared data folder (default: ../shared beside the repository)")
    p.add_argument("--floors", default=str(FLOORS_FILE), metavar="FILE",
                   help="the floors file shown beside the figures (default: quality/floors.json)")
    p.add_argument("--corpus", metavar="CORPUS.jsonl",
                   help=f"news corpus for the speed figures (default: SHARED/data/{DEFAULT_CORPUS})")
    p.add_argument("--bench-limit", type=int, metavar="N", help="benchmark only the first N articles")
    p.add_argument("--no-bench", action="store_true",
                   help="leave out the speed figures (pipeline and ingest)")
    p.set_defaults(func=run)


def run(args) -> int:
    from .. import __version__, bench
    from ..evaluate import gate

    shared = Path(args.shared)
    floors = gate.load_floors(args.floors) if Path(args.floors).is_file() else {}
    result = corpus = ingest = None
    if not args.no_bench:  # first, so that its peak memory is the benchmark's alone
        corpus = Path(args.corpus) if args.corpus else shared / "data" / DEFAULT_CORPUS
        if not corpus.is_file():
            raise ConfigError(f"no benchmark corpus at {corpus} (give --corpus or --no-bench)")
        result = bench.run(corpus, limit=args.bench_limit)
        # the whole ingest over the same corpus, into a temporary SQLite file (not with --bench-limit:
        # ingest reads whole inputs)
        if args.bench_limit is None:
            ingest = bench.run_ingest([str(corpus)])
    figures, problems = gate.measure(shared)
    page = gate.quality_page(
        figures, problems, floors, result, date=_dt.date.today().isoformat(), version=__version__,
        commit=_commit(), shared=_display(shared), corpus=_display(corpus) if corpus else None,
        bench_limit=args.bench_limit, ingest=ingest)
    if args.write:
        out = Path(args.write)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    else:
        sys.stdout.write(page)
    return 0


def _commit() -> str | None:
    from ..evaluate.gate import REPO

    try:
        proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                              text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout.strip() or None if proc.returncode == 0 else None


def _display(path: Path) -> str:
    """A path as a reader should type it: relative to the repository when it is near it."""
    from ..evaluate.gate import REPO

    try:
        return str(Path("..") / path.resolve().relative_to(REPO.parent))
    except ValueError:
        return str(path)
