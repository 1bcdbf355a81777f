"""``marsad ingest PATH|URL... [--db URL]``: read articles into the store, coding their events.

A progress bar on stderr shows counts and rate; at the end a summary lists what was stored,
what was already present, and every failure with its reason. Running the same command again
stores nothing twice and resumes an interrupted run.
"""

from __future__ import annotations

import json
import sys
import time

from ..settings import Settings


def register(sub) -> None:
    p = sub.add_parser("ingest", help="read files, folders, JSON Lines, feeds or URLs into the store")
    p.add_argument("targets", nargs="+", metavar="PATH|URL")
    p.add_argument("--db", help="database: a SQLite path (default: setting db) or postgresql://...")
    p.add_argument("--batch-size", type=int, default=64, help="articles per transaction (default 64)")
    p.add_argument("--stages", help="pipeline stages, comma-separated (default: setting stages)")
    p.add_argument("--no-events", action="store_true", help="store the articles without running the pipeline")
    p.add_argument("--follow", action="store_true", help="for feed URLs, fetch each entry's page")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


class Progress:
    """A one-line progress display on stderr (a new line every few seconds when not a terminal)."""

    def __init__(self, total: int | None, stream=None):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.last = 0.0

    def __call__(self, s) -> None:
        now = time.monotonic()
        if now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        self.stream.write(("\r" if self.tty else "") + self.line(s) + ("" if self.tty else "\n"))
        self.stream.flush()

    def line(self, s) -> str:
        seen = s.seen
        if self.total:
            done = min(1.0, seen / self.total)
            bar = "#" * int(done * 24)
            head = f"[{bar:<24}] {seen}/{self.total}"
        else:
            head = f"{seen} read"
        return f"{head}  stored {s.stored}  present {s.present}  failed {len(s.failed)}  {s.rate:.1f}/s"

    def close(self, s) -> None:
        self.last = 0.0
        self.stream.write(("\r" if self.tty else "") + self.line(s) + "\n")
        self.stream.flush()


def run(args) -> int:
    from ..ingest import estimate_total
    from ..ingest.runner import available_pipeline, ingest
    from ..store import open_store

    settings = Settings.from_env()
    if args.stages:
        settings = settings.with_values(stages=args.stages)
    pipeline = None
    if not args.no_events:
        pipeline, skipped = available_pipeline(settings)
        if skipped:
            print(f"marsad: stages not available here, skipped: {', '.join(skipped)}", file=sys.stderr)
    store = open_store(args.db or settings.db)
    progress = None if args.quiet else Progress(estimate_total(args.targets))
    try:
        summary = ingest(
            args.targets, store, pipeline=pipeline, batch_size=max(1, args.batch_size),
            max_mb=settings.max_input_mb, follow=args.follow, on_progress=progress,
        )
    finally:
        store.close()
    if progress:
        progress.close(summary)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"stored {summary.stored}, already present {summary.present}, failed {len(summary.failed)} "
              f"({summary.events} events, {summary.seconds:.1f} s, {summary.rate:.1f} articles/s)")
        for f in summary.failed:
            print(f"  failed: {f}")
    return 0
