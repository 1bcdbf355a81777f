"""``marsad eval KIND ...``: accuracy against gold data.  Each kind lives in
``marsad/evaluate/<kind>.py`` and exposes ``register(subparsers)``."""

from __future__ import annotations

import importlib

EVALUATORS = (
    "events",
    "ner",
    "gsr",
    "gate",
)


def register(sub) -> None:
    p = sub.add_parser("eval", help="score the pipeline against gold data")
    kinds = p.add_subparsers(dest="kind", metavar="KIND")
    kinds.required = True
    for name in EVALUATORS:
        importlib.import_module(f"marsad.evaluate.{name}").register(kinds)
