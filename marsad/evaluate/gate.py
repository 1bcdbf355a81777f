"""The quality gate: measured figures against pinned floors (``quality/floors.json``).

Each figure has a dotted name — ``seed.events.f1``, ``dev.coded.f1``, ``gsr.assault.f1``,
``ner.anercorp_test.f1`` … (:data:`FIGURES` lists them with the command that measures each) — and
is measured on the shared data beside the repository (``../shared``): the seed article, the dev
gold articles, the OEDA Arabic event sentences (development half) and the ANERcorp test split.
The gate fails when a figure is below its floor, or when a floored figure cannot be measured.

Floors only rise. :func:`lowered` lists the floors one version of the file lowers compared with
another; the repository's test compares the working copy with the last commit, and the last two
committed versions with each other, and accepts a lowered floor only when the commit that lowers
it says so with a line ``floor-lowered: NAME — why`` in its message.

``marsad eval gate [--shared DIR] [--floors FILE] [--json]`` prints each floored figure, its
floor and whether it passes, and exits 1 when the gate fails.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..errors import EvaluationError, MarsadError

REPO = Path(__file__).resolve().parent.parent.parent
FLOORS_FILE = REPO / "quality" / "floors.json"
DEFAULT_SHARED = REPO.parent / "shared"
LOWERED_MARK = "floor-lowered:"

# Where each group of figures comes from (paths relative to the shared folder) and the command a
# user runs to reproduce it.
SOURCES = {
    "seed": ("seed/expected.json", "marsad eval events {path} --json"),
    "dev": ("gold/dev", "marsad eval events {path} --json"),
    "gsr": ("data/arabic_event_gsr", "marsad eval gsr {path}/assault_dev.jsonl "
                                     "{path}/protest_dev.jsonl --json"),
    "ner": ("data/anercorp/ANERCorp_CamelLab_test.txt", "marsad eval ner {path} --json"),
}

# Every figure the gate knows: name -> human description.
FIGURES = {
    "seed.events.f1": "seed article: event detection F1",
    "seed.coded.f1": "seed article: coded-event F1 (type, actors and recipients right)",
    "seed.roles.actor": "seed article: actor accuracy over paired events",
    "seed.roles.recipient": "seed article: recipient accuracy over paired events",
    "seed.roles.location": "seed article: location accuracy over paired events",
    "seed.roles.country": "seed article: right country of the event's place over paired events",
    "seed.roles.date": "seed article: date accuracy over paired events",
    "seed.roles.attribution": "seed article: attribution accuracy over paired events",
    "seed.roles.modality": "seed article: modality accuracy over paired events",
    "dev.events.f1": "dev gold articles: event detection F1",
    "dev.coded.f1": "dev gold articles: coded-event F1",
    "dev.roles.actor": "dev gold articles: actor accuracy over paired events",
    "dev.roles.recipient": "dev gold articles: recipient accuracy over paired events",
    "dev.roles.location": "dev gold articles: location accuracy over paired events",
    "dev.roles.country": "dev gold articles: right country of the event's place over paired events",
    "dev.roles.date": "dev gold articles: date accuracy over paired events",
    "dev.roles.attribution": "dev gold articles: attribution accuracy over paired events",
    "dev.roles.modality": "dev gold articles: modality accuracy over paired events",
    "gsr.assault.f1": "OEDA Arabic GSR, development half: ASSAULT sentence detection F1",
    "gsr.protest.f1": "OEDA Arabic GSR, development half: PROTEST sentence detection F1",
    "ner.anercorp_test.f1": "NER on the ANERcorp test split: CoNLL exact-match F1",
}


@dataclass(frozen=True)
class Check:
    name: str
    floor: float
    value: float | None  # None: could not be measured
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value + 1e-9 >= self.floor


# -- floors ---------------------------------------------------------------------------------------
def load_floors(path: str | Path = FLOORS_FILE) -> dict[str, float]:
    """``{figure name: floor}`` from a floors file (``{"floors": {...}}``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read floors: {exc}", path=str(path)) from exc
    return parse_floors(data, str(path))


def parse_floors(data: Any, where: str = "floors") -> dict[str, float]:
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict):
        raise EvaluationError('expected {"floors": {NAME: NUMBER, ...}}', path=where)
    out = {}
    for name, value in floors.items():
        if name not in FIGURES:
            raise EvaluationError(f"unknown figure {name!r}; known: {', '.join(FIGURES)}", path=where)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise EvaluationError(f"floor of {name} must be a number in [0, 1]", path=where)
        out[name] = float(value)
    return out


def lowered(old: dict[str, float], new: dict[str, float]) -> list[str]:
    """The floors ``new`` lowers or drops compared with ``old``, as readable lines."""
    out = []
    for name, floor in sorted(old.items()):
        if name not in new:
            out.append(f"{name}: floor {floor} removed")
        elif new[name] < floor - 1e-12:
            out.append(f"{name}: floor {floor} lowered to {new[name]}")
    return out


def lowering_explained(message: str, changes: list[str]) -> bool:
    """Does a commit message explain each lowered floor (a ``floor-lowered: NAME`` line)?"""
    lines = [ln.strip() for ln in message.splitlines() if ln.strip().lower().startswith(LOWERED_MARK)]
    names = [c.split(":", 1)[0] for c in changes]
    return all(any(name in ln and len(ln) > len(LOWERED_MARK) + len(name) + 3 for ln in lines)
               for name in names)


# -- measuring ------------------------------------------------------------------------------------
def _events(path: Path, prefix: str, pipeline) -> dict[str, float]:
    from .events import evaluate

    result, _ = evaluate([path], pipeline=pipeline)
    out = {f"{prefix}.events.f1": result["events"]["f1"], f"{prefix}.coded.f1": result["coded"]["f1"]}
    for role, value in result["roles"].items():
        if value is not None:
            out[f"{prefix}.roles.{role}"] = value
    return out


def _gsr(path: Path, pipeline) -> dict[str, float]:
    from . import gsr

    out = {}
    for kind in ("assault", "protest"):
        f = path / f"{kind}_dev.jsonl"
        if f.is_file():
            out[f"gsr.{kind}.f1"] = gsr.evaluate([f], pipeline)[str(f)]["f1"]
    return out


def _ner(path: Path, pipeline) -> dict[str, float]:
    from .ner import evaluate

    return {"ner.anercorp_test.f1": evaluate(path)["f1"]}


_MEASURE: dict[str, Callable[[Path, Any], dict[str, float]]] = {
    "seed": lambda p, pl: _events(p, "seed", pl),
    "dev": lambda p, pl: _events(p, "dev", pl),
    "gsr": _gsr,
    "ner": _ner,
}


def measure(shared: str | Path = DEFAULT_SHARED, groups: list[str] | None = None,
            pipeline=None) -> tuple[dict[str, float], dict[str, str]]:
    """``(figures, problems)``: every figure of ``groups`` (default: all) measurable on the shared
    data, and for each group that could not be measured, why."""
    from ..pipeline import Pipeline
    from ..settings import Settings

    shared = Path(shared)
    pipeline = pipeline or Pipeline(Settings())
    figures: dict[str, float] = {}
    problems: dict[str, str] = {}
    for group in groups or list(SOURCES):
        path = shared / SOURCES[group][0]
        if not path.exists():
            problems[group] = f"{path} not found"
            continue
        try:
            figures.update(_MEASURE[group](path, pipeline))
        except MarsadError as exc:
            problems[group] = str(exc)
    return figures, problems


def check(figures: dict[str, float], floors: dict[str, float],
          problems: dict[str, str] | None = None) -> list[Check]:
    """One :class:`Check` per floor, in the floors' order."""
    problems = problems or {}
    out = []
    for name, floor in floors.items():
        value = figures.get(name)
        note = problems.get(name.split(".", 1)[0], "") if value is None else ""
        out.append(Check(name, floor, value, note or ("not measured" if value is None else "")))
    return out


def command_for(group: str, shared: str | Path = "../shared") -> str:
    rel, template = SOURCES[group]
    return template.format(path=f"{str(shared).rstrip('/')}/{rel}")


def run_gate(shared: str | Path = DEFAULT_SHARED, floors_path: str | Path = FLOORS_FILE,
             pipeline=None) -> list[Check]:
    floors = load_floors(floors_path)
    groups = sorted({name.split(".", 1)[0] for name in floors})
    figures, problems = measure(shared, groups, pipeline)
    return check(figures, floors, problems)


# -- the quality page -----------------------------------------------------------------------------
# The project's first bars (SPEC "Quality bars"), shown beside the figures.
FIRST_BARS = {
    "seed.events.f1": 1.0, "seed.roles.actor": 0.9, "seed.roles.recipient": 0.9,
    "dev.events.f1": 0.5, "gsr.assault.f1": 0.6, "gsr.protest.f1": 0.5,
    "ner.anercorp_test.f1": 0.75,
}


def quality_page(figures: dict[str, float], problems: dict[str, str], floors: dict[str, float],
                 bench: dict[str, Any] | None, *, date: str, version: str, commit: str | None,
                 shared: str = "../shared", corpus: str | None = None,
                 bench_limit: int | None = None, ingest: dict[str, Any] | None = None) -> str:
    """``docs/quality.md``: the figures, their floors and first bars, the speed, and the commands
    that produced them."""
    lines = [
        "# How good is marsad? Current figures",
        "",
        f"Generated on {date} by `marsad quality --write docs/quality.md` from marsad {version}"
        + (f" (commit `{commit}`)" if commit else "") + ". Every figure below is re-measured by",
        "the command shown under it; the CI quality gate (`tests/evaluate/test_gate.py`, floors in",
        "`quality/floors.json`) fails any change that brings a floored figure below its floor.",
        "Floors only rise: lowering one takes a commit whose message says",
        f"`{LOWERED_MARK} NAME — why`.",
        "",
        "## Accuracy",
        "",
        "| figure | value | floor (CI) | first bar |",
        "|---|---|---|---|",
    ]
    for name, desc in FIGURES.items():
        value = figures.get(name)
        if value is None and name not in floors:
            continue
        v = f"{value:.3f}" if value is not None else "not measured"
        fl = f"{floors[name]:.3f}" if name in floors else "–"
        bar = f"{FIRST_BARS[name]:.2f}" if name in FIRST_BARS else "–"
        lines.append(f"| {desc} (`{name}`) | {v} | {fl} | {bar} |")
    lines += ["", "Commands:", ""]
    for group in SOURCES:
        lines.append(f"- `{command_for(group, shared)}`"
                     + (f" — not measured: {problems[group]}" if group in problems else ""))
    lines += [
        "",
        "What the figures mean: event and coded-event F1 follow `spec/gold-format.md` (a coded event",
        "needs its type, actors and recipients right); the GSR figures are sentence-level detection",
        "of the file's event type (`yes` positive; `easy no`, `difficult no` negative; `ambiguous`",
        "left out), counting only events the pipeline codes with an actor, as having happened",
        "(not negated, future or demanded) and as the sentence's own news (not `background`,",
        "`historical`, `alleged` or `question` in their context) — see `marsad/evaluate/gsr.py`. The",
        "held-out halves of",
        "the GSR and the hidden test articles are not measured here: expect them to be lower than",
        "the development figures.",
    ]
    if bench:
        stages = ", ".join(f"{k} {v['ms_per_article']:.2f}" for k, v in bench["stages"].items()
                           if v["ms_per_article"] is not None)
        lines += [
            "",
            "## Speed and memory",
            "",
            "| figure | value | first bar |",
            "|---|---|---|",
            f"| articles per second, default pipeline, one core | {bench['articles_per_second']:.1f} | ≥ 100 |",
            f"| words per second | {bench['tokens_per_second']:.0f} | – |",
            f"| start-up (import, pipeline build, first sentence; fresh process) | {bench['startup_seconds']:.2f} s | < 2 s |"
            if bench.get("startup_seconds") is not None else "| start-up | not measured | < 2 s |",
            f"| peak resident memory (the benchmark run) | {bench['peak_rss_mb']:.0f} MB | < 500 MB |",
            f"| read-and-split floor | {bench['floor_articles_per_second']:.0f} articles/s | – |",
            f"| throughput as a share of the floor | {bench['ratio_to_floor']:.4f} | – |",
            "",
            f"Over {bench['articles']} articles ({bench['tokens']} words) of `{corpus}`; "
            f"milliseconds per article by stage: {stages}.",
            "",
            f"Command: `marsad bench {corpus}"
            + (f" --limit {bench_limit}" if bench_limit else "") + " --json`"
            f" (Python {bench['python']}; speed depends on the machine and its load).",
        ]
    if ingest:
        first, second = ingest["first"], ingest["second"]
        lines += [
            "",
            "Ingest (read, code, index for search, write in batches, cluster across articles) into",
            "an empty SQLite file, then the same inputs again:",
            "",
            "| figure | value | first bar |",
            "|---|---|---|",
            f"| articles per second into SQLite, one core | {first['rate']:.1f} | ≥ 80 |",
            f"| stored on the second run | {second['stored']} of {second['stored'] + second['already_present']} | 0 |",
            f"| events, and clusters told by several articles | {ingest['clusters'].get('events', 0)}, "
            f"{ingest['clusters'].get('multi_article_clusters', 0)} | – |",
            "",
            f"Command: `marsad bench --ingest {corpus} --json`.",
        ]
    return "\n".join(lines) + "\n"


# -- command --------------------------------------------------------------------------------------
def register(kinds) -> None:
    p = kinds.add_parser("gate", help="the quality gate: every pinned floor against its figure")
    p.add_argument("--shared", default=str(DEFAULT_SHARED), metavar="DIR",
                   help="the shared data folder (default: ../shared beside the repository)")
    p.add_argument("--floors", default=str(FLOORS_FILE), metavar="FILE",
                   help="the floors file (default: quality/floors.json)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def run(args) -> int:
    checks = run_gate(args.shared, args.floors)
    passed = all(c.ok for c in checks)
    if args.json:
        print(json.dumps({"passed": passed, "checks": [
            {"name": c.name, "floor": c.floor, "value": c.value, "ok": c.ok, "note": c.note}
            for c in checks]}, ensure_ascii=False))
    else:
        for c in checks:
            value = f"{c.value:.4f}" if c.value is not None else "-"
            print(f"{'ok  ' if c.ok else 'FAIL'}  {c.name:24} {value:>7}  floor {c.floor:.4f}"
                  + (f"  ({c.note})" if c.note else ""), file=sys.stdout)
        print("gate passed" if passed else "gate FAILED", file=sys.stdout)
    return 0 if passed else 1
