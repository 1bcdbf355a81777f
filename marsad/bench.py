"""Speed and memory of the pipeline over a news corpus (``marsad bench``).

The corpus is JSON Lines in the shared ``news_*`` format: one ``{"id", "title", "text", "source",
"date", ...}`` object a line; ``text`` is the article body, ``title`` and ``date`` are passed to
:func:`marsad.extract` as metadata.

What is measured, all in one process and one thread (one core):

* **pipeline pass** — read the file, parse each line, run the default pipeline
  (``Pipeline(Settings.from_env())``) over each article; ``articles_per_second`` and
  ``tokens_per_second`` (tokens: whitespace-separated words of the article text, the same count as
  the floor's, so the two passes are comparable) over the whole pass, and the time of each stage
  (``Pipeline.timings``). Articles that `extract` refuses (empty text) count as read in the
  throughput, as they do in the floor, and are reported as ``skipped``.
* **floor pass** — the same reading and parsing, and the text split into words, nothing else:
  the fastest any pipeline could go in Python over that file. ``ratio_to_floor`` is our
  articles per second over the floor's (1.0 would mean the pipeline costs nothing). The floor
  is timed a few times and the fastest run kept, since it is short and noise dominates it.
* **start-up** — the import of ``marsad``, the building of the default pipeline (lexicons,
  gazetteer) and the coding of one short sentence (stages load some resources, such as the NER
  model, on first use), measured in a fresh Python subprocess so that nothing this process
  already loaded hides it; ``startup_parts`` splits it into ``import``, ``build`` and ``first``.
  ``startup_process_seconds`` is the whole subprocess, the interpreter's own start included.
* **CPU time** — ``cpu_seconds`` is the processor time of this process during the pipeline pass
  (``time.process_time``) and ``articles_per_cpu_second`` the throughput over it: on a machine
  busy with other work it leaves out the time spent waiting for a core (a shared core still
  runs slower, so compare figures measured at the same time and take medians of repeats).
* **peak memory** — ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` after the pipeline pass: the
  peak resident set of this process, in MB.

``marsad bench --ingest INPUT... [--db URL]`` (:func:`run_ingest`) times the whole ingest instead:
reading the inputs (any that ``marsad ingest`` reads), the pipeline, the search terms, the writes
in batches and the cross-article clustering, into an empty database (by default a SQLite file in
a temporary folder, removed afterwards), and then a second run over the same inputs, which must
store nothing. It reports both runs, the store's counts and the cluster statistics.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError, MalformedInputError

FLOOR_REPEATS = 3

# Import, build the pipeline, and code one short sentence: stages load some resources (the NER
# model) on first use, and a user waits for those too before the first result.
_STARTUP_CODE = (
    "import json, time\n"
    "t0 = time.perf_counter()\n"
    "import marsad\n"
    "from marsad.pipeline import Pipeline\n"
    "from marsad.settings import Settings\n"
    "t1 = time.perf_counter()\n"
    "p = Pipeline(Settings.from_env())\n"
    "t2 = time.perf_counter()\n"
    "marsad.extract('قصفت الطائرات "
    "مواقع المسلحين "
    "في المدينة.', published='2015-08-01', pipeline=p)\n"
    "t3 = time.perf_counter()\n"
    "print(json.dumps({'import': t1 - t0, 'build': t2 - t1, 'first': t3 - t2}))\n"
)


def read_corpus(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The articles of a JSON Lines news corpus, in order; blank lines are skipped.

    Raises :class:`MalformedInputError` on a line that is not a JSON object with a string
    ``text``."""
    path = Path(path)
    n = 0
    try:
        f = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot open corpus: {exc.strerror or exc}", path=str(path)) from exc
    with f:
        try:
            for line_no, line in enumerate(f, 1):
                if limit is not None and n >= limit:
                    return
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError as exc:
                    raise MalformedInputError(f"line {line_no}: not JSON ({exc})",
                                              path=str(path)) from exc
                if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                    raise MalformedInputError(f"line {line_no}: no string field 'text'",
                                              path=str(path))
                n += 1
                yield row
        except UnicodeDecodeError as exc:
            raise InputError(f"corpus is not UTF-8 ({exc.reason})", path=str(path)) from exc


def floor_pass(path: str | Path, limit: int | None = None) -> tuple[int, int, float]:
    """``(articles, words, seconds)`` of reading the corpus and splitting each text into words."""
    t0 = time.perf_counter()
    articles = words = 0
    for row in read_corpus(path, limit):
        words += len(row["text"].split())
        articles += 1
    return articles, words, time.perf_counter() - t0


def startup_seconds(env: dict[str, str] | None = None) -> tuple[float, float, dict[str, float]]:
    """``(start-up, whole subprocess, parts)`` in a fresh interpreter: start-up is the import,
    the pipeline build and the first short sentence coded (resources loaded on first use);
    ``parts`` splits it into ``import``, ``build`` and ``first``."""
    environ = dict(os.environ if env is None else env)
    root = str(Path(__file__).resolve().parent.parent)
    environ["PYTHONPATH"] = root + (os.pathsep + environ["PYTHONPATH"]
                                    if environ.get("PYTHONPATH") else "")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _STARTUP_CODE], capture_output=True, text=True,
                          env=environ, timeout=300)
    whole = time.perf_counter() - t0
    if proc.returncode != 0:
        from .errors import ConfigError

        raise ConfigError("the pipeline cannot be built in a fresh process: "
                          + (proc.stderr.strip().splitlines() or ["no message"])[-1])
    parts = json.loads(proc.stdout.strip().splitlines()[-1])
    return sum(parts.values()), whole, {k: round(v, 4) for k, v in parts.items()}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes vs KiB


def run(path: str | Path, *, limit: int | None = None, pipeline=None,
        measure_startup: bool = True) -> dict[str, Any]:
    """Benchmark the pipeline over the corpus at ``path``; returns the figures as a dict."""
    from . import extract
    from .pipeline import Pipeline
    from .settings import Settings

    if measure_startup:
        startup, startup_process, startup_parts = startup_seconds()
    else:
        startup = startup_process = startup_parts = None
    if pipeline is None:
        pipeline = Pipeline(Settings.from_env())
    before = dict(pipeline.timings)

    articles = words = skipped = events = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for row in read_corpus(path, limit):
        text = row["text"]
        words += len(text.split())
        try:
            doc = extract(text, published=_date(row.get("date")), title=_str(row.get("title")),
                          id=_str(row.get("id")), source=_str(row.get("source")),
                          pipeline=pipeline)
        except InputError:
            skipped += 1  # empty or unusable text: extract refuses it, as ingest would
            continue
        articles += 1
        events += len(doc.events)
    elapsed = time.perf_counter() - t0
    cpu = max(time.process_time() - c0, 1e-9)
    peak = peak_rss_mb()

    floor_runs = [floor_pass(path, limit) for _ in range(FLOOR_REPEATS)]
    floor_articles, floor_words, floor_seconds = min(floor_runs, key=lambda r: r[2])
    floor_seconds = max(floor_seconds, 1e-9)

    stage_seconds = {name: pipeline.timings[name] - before.get(name, 0.0)
                     for name in pipeline.names}
    in_stages = sum(stage_seconds.values()) or 1e-9
    stages = {
        name: {"seconds": round(sec, 4),
               "ms_per_article": round(1000 * sec / articles, 3) if articles else None,
               "share": round(sec / in_stages, 4)}
        for name, sec in stage_seconds.items()
    }
    elapsed = max(elapsed, 1e-9)
    total = articles + skipped
    aps = total / elapsed
    floor_aps = floor_articles / floor_seconds
    return {
        "corpus": str(path),
        "articles": articles,
        "skipped": skipped,
        "tokens": words,
        "events": events,
        "seconds": round(elapsed, 4),
        "articles_per_second": round(aps, 2),
        "tokens_per_second": round(words / elapsed, 1),
        "cpu_seconds": round(cpu, 4),
        "articles_per_cpu_second": round(total / cpu, 2),
        "startup_seconds": round(startup, 4) if startup is not None else None,
        "startup_process_seconds": round(startup_process, 4) if startup_process is not None else None,
        "startup_parts": startup_parts,
        "peak_rss_mb": round(peak, 1),
        "stages": stages,
        "floor_articles_per_second": round(floor_aps, 1),
        "floor_tokens_per_second": round(floor_words / floor_seconds, 1),
        "ratio_to_floor": round(aps / floor_aps, 6) if floor_aps else None,
        "python": sys.version.split()[0],
    }


def run_ingest(targets: list[str], *, db: str | None = None, batch_size: int = 64,
               pipeline=None) -> dict[str, Any]:
    """Ingest ``targets`` into the empty database ``db`` (default: a new SQLite file in a
    temporary folder, removed afterwards), then again; returns both runs' figures, the store's
    counts and the cluster statistics. Raises :class:`ConfigError` if ``db`` holds articles,
    since a second benchmark into it would time the skipping, not the storing."""
    import tempfile

    from .errors import ConfigError
    from .ingest.runner import available_pipeline, ingest
    from .store import open_store

    if pipeline is None:
        pipeline, _ = available_pipeline()
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        store = open_store(db or str(Path(tmp) / "bench.sqlite"))
        where = store.url.split("?")[0]  # without connection options
        try:
            held = store.stats()["articles"]
            if held:
                raise ConfigError(f"the benchmark needs an empty database; {where} holds {held} "
                                  "articles")
            first = ingest(targets, store, pipeline=pipeline, batch_size=batch_size)
            second = ingest(targets, store, pipeline=pipeline, batch_size=batch_size)
            return {
                "inputs": list(targets),
                "db": where if db else "sqlite (temporary file)",
                "dialect": store.dialect,
                "stages": pipeline.names,
                "articles_per_second": round(first.rate, 1),
                "first": _run_figures(first),
                "second": _run_figures(second),
                "stats": store.stats(),
                "clusters": store.cluster_stats(),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "python": sys.version.split()[0],
            }
        finally:
            store.close()


def _run_figures(summary) -> dict[str, Any]:
    figures = summary.to_dict()
    del figures["failures"]  # the count is in "failed"; reasons are for `marsad ingest`
    return figures


def format_ingest_report(r: dict[str, Any]) -> str:
    """The ingest figures as the plain-text report ``marsad bench --ingest`` prints."""
    first, second, c = r["first"], r["second"], r["clusters"]
    return "\n".join([
        f"inputs      {', '.join(r['inputs'])}",
        f"database    {r['db']} ({r['dialect']})",
        f"first run   {first['stored']} stored, {first['already_present']} present, "
        f"{first['failed']} failed, {first['events']} events in {first['seconds']:.2f} s: "
        f"{first['rate']:.1f} articles/s (one core)",
        f"second run  {second['stored']} stored, {second['already_present']} present, "
        f"{second['failed']} failed in {second['seconds']:.2f} s",
        f"store       " + ", ".join(f"{v} {k}" for k, v in r["stats"].items()),
        f"clusters    {c.get('clusters', 0)} clusters of {c.get('events', 0)} events, "
        f"{c.get('multi_article_clusters', 0)} told by several articles, "
        f"largest {c.get('largest', 0)}",
        f"peak RSS    {r['peak_rss_mb']:.0f} MB",
    ])


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _date(value: Any) -> str | None:
    value = _str(value)
    return value[:10] if value else None


def format_report(r: dict[str, Any]) -> str:
    """The figures as the plain-text report ``marsad bench`` prints."""
    lines = [
        f"corpus      {r['corpus']}",
        f"articles    {r['articles']}" + (f" ({r['skipped']} skipped: unusable text)"
                                          if r["skipped"] else "")
        + f", {r['tokens']} words, {r['events']} events, {r['seconds']:.2f} s",
        f"throughput  {r['articles_per_second']:.1f} articles/s, "
        f"{r['tokens_per_second']:.0f} words/s (one core); "
        f"{r['articles_per_cpu_second']:.1f} articles per CPU second",
        f"floor       {r['floor_articles_per_second']:.0f} articles/s read+split; "
        f"we run at {r['ratio_to_floor']:.4f} of it "
        f"({1 / r['ratio_to_floor']:.0f}x slower)" if r["ratio_to_floor"] else "floor       -",
    ]
    if r["startup_seconds"] is not None:
        parts = r.get("startup_parts") or {}
        lines.append(f"start-up    {r['startup_seconds']:.2f} s (import {parts.get('import', 0):.2f}, "
                     f"build {parts.get('build', 0):.2f}, first sentence {parts.get('first', 0):.2f}; "
                     f"{r['startup_process_seconds']:.2f} s with the interpreter)")
    lines.append(f"peak RSS    {r['peak_rss_mb']:.0f} MB")
    lines.append("stages      seconds   ms/article  share")
    for name, s in r["stages"].items():
        per = f"{s['ms_per_article']:.2f}" if s["ms_per_article"] is not None else "-"
        lines.append(f"  {name:10}{s['seconds']:8.2f}   {per:>10}  {100 * s['share']:5.1f} %")
    return "\n".join(lines)
