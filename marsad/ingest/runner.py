"""Ingest into a store: read inputs, skip what is stored, run the pipeline, write in batches.

Each batch is one transaction, and articles already stored (same URL or same content hash)
are skipped *before* the pipeline runs, so a run interrupted at any point (even by SIGKILL)
is resumed by running the same command again: committed batches are found and skipped, the
interrupted batch was rolled back and is stored now. Events left without a cluster by an
interrupted run are clustered at the end of the next one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..errors import ConfigError, MarsadError
from ..pipeline import Pipeline, stage_info
from ..settings import Settings
from .article import Article, Failure
from .reader import read_inputs


@dataclass
class Summary:
    stored: int = 0
    present: int = 0
    failed: list[Failure] = field(default_factory=list)
    events: int = 0
    seconds: float = 0.0
    clusters: dict = field(default_factory=dict)

    @property
    def seen(self) -> int:
        return self.stored + self.present + len(self.failed)

    @property
    def rate(self) -> float:
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict:
        return {
            "stored": self.stored, "already_present": self.present, "failed": len(self.failed),
            "events": self.events, "seconds": round(self.seconds, 3), "rate": round(self.rate, 1),
            "failures": [{"origin": f.origin, "code": f.code, "reason": f.reason} for f in self.failed],
        }


def available_pipeline(settings: Settings | None = None) -> tuple[Pipeline, list[str]]:
    """The pipeline of ``settings`` without the stages this installation does not have (and
    those needing them); returns it with the names left out."""
    settings = settings or Settings.from_env()
    kept, skipped, provided = [], [], {"text"}
    for name in settings.stages:
        try:
            info = stage_info(name)
        except (ConfigError, ImportError):
            skipped.append(name)
            continue
        if any(r not in provided for r in info.requires):
            skipped.append(name)
            continue
        kept.append(name)
        provided.update(info.provides)
    return Pipeline(settings.with_values(stages=tuple(kept))), skipped


def ingest(
    targets: Iterable[str],
    store,
    *,
    pipeline: Pipeline | None,
    batch_size: int = 64,
    max_mb: float = 20.0,
    follow: bool = False,
    on_progress: Callable[[Summary], None] | None = None,
    cluster: bool = True,
) -> Summary:
    """Read ``targets`` into ``store``; ``pipeline=None`` stores the articles without events."""
    summary = Summary()
    t0 = time.perf_counter()
    batch: list[Article] = []
    pending_failures: list[Failure] = []

    def flush() -> None:
        nonlocal batch, pending_failures
        store.record_failures(pending_failures)
        pending_failures = []
        if not batch:
            return
        known = store.present([(a.url, a.hash) for a in batch])
        items = []
        for article in batch:
            if article.hash in known or (article.url and article.url in known):
                summary.present += 1
                continue
            known.add(article.hash)
            if article.url:
                known.add(article.url)
            doc = article.to_document()
            if pipeline is not None:
                try:
                    doc = pipeline(doc)
                except Exception as exc:  # one article's failure must not stop the run
                    code = exc.code if isinstance(exc, MarsadError) else "M000"
                    failure = Failure(article.origin, code, f"pipeline error: {type(exc).__name__}: {exc}")
                    summary.failed.append(failure)
                    pending_failures.append(failure)
                    continue
            items.append((article, doc))
        ids = store.write_batch(items)
        for (article, doc), aid in zip(items, ids):
            if aid is None:
                summary.present += 1
            else:
                summary.stored += 1
                summary.events += len(doc.events)
        store.record_failures(pending_failures)
        pending_failures = []
        batch = []

    for item in read_inputs(targets, max_mb=max_mb, follow=follow):
        if isinstance(item, Failure):
            summary.failed.append(item)
            pending_failures.append(item)
        else:
            batch.append(item)
        if len(batch) >= batch_size or len(pending_failures) >= batch_size:
            flush()
            summary.seconds = time.perf_counter() - t0
            if on_progress:
                on_progress(summary)
        elif on_progress and summary.seen % 16 == 0:
            summary.seconds = time.perf_counter() - t0
            on_progress(summary)
    flush()
    if cluster:
        summary.clusters = store.recluster()
    summary.seconds = time.perf_counter() - t0
    if on_progress:
        on_progress(summary)
    return summary

