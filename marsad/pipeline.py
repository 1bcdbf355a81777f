"""The stage registry and the pipeline assembled from configuration.

A stage is registered with :func:`stage` on a *factory*: a function that takes the settings,
loads what the stage needs once (lexicons, models), and returns the function from document to
document that the pipeline calls. Each stage declares what it needs and what it adds, and the
pipeline checks the order when it is assembled, not half-way through a corpus.
"""

from __future__ import annotations

import gc
import importlib
import time
from dataclasses import dataclass
from typing import Callable, Iterable

from .document import Document
from .errors import ConfigError
from .settings import Settings

StageFn = Callable[[Document], Document]


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable[[Settings], StageFn]
    requires: tuple[str, ...]
    provides: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}

# Where each built-in stage lives; imported on first use so that start-up loads only what runs.
_BUILTIN_MODULES = {
    "segment": "marsad.stages.segment",
    "entities": "marsad.stages.entities",
    "link": "marsad.stages.link",
    "events": "marsad.stages.events",
    "time": "marsad.stages.time",
    "dedup": "marsad.stages.dedup",
}


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()):
    """Register a stage factory under ``name``."""

    def register(factory: Callable[[Settings], StageFn]):
        _REGISTRY[name] = StageInfo(name, factory, tuple(requires), tuple(provides))
        return factory

    return register


def stage_info(name: str) -> StageInfo:
    if name not in _REGISTRY and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    if name not in _REGISTRY:
        known = sorted(set(_REGISTRY) | set(_BUILTIN_MODULES))
        raise ConfigError(f"unknown stage {name!r}; known stages: {', '.join(known)}")
    return _REGISTRY[name]


class Pipeline:
    """Named stages run in order over a :class:`Document`."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.infos = [stage_info(name) for name in self.settings.stages]
        available = {"text"}
        for info in self.infos:
            missing = [r for r in info.requires if r not in available]
            if missing:
                raise ConfigError(
                    f"stage {info.name!r} needs {', '.join(missing)}, which no earlier stage adds"
                )
            available.update(info.provides)
        self.stages: list[tuple[str, StageFn]] = [
            (info.name, info.factory(self.settings)) for info in self.infos
        ]
        self.timings: dict[str, float] = {name: 0.0 for name, _ in self.stages}
        self._resources_frozen = False

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def __call__(self, doc: Document) -> Document:
        clock = time.perf_counter
        for name, fn in self.stages:
            t0 = clock()
            doc = fn(doc)
            self.timings[name] += clock() - t0
            doc.stages.append(name)
        if not self._resources_frozen:
            # The stages' lexicons, gazetteer and model (some loaded by this first document) live
            # as long as the process: out of the collector's reach, a full collection no longer
            # traverses them every few articles (about 1 ms an article).
            gc.freeze()
            self._resources_frozen = True
        return doc


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The pipeline of the default settings, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline(Settings.from_env())
    return _DEFAULT
