"""``marsad eval gsr FILE.jsonl... [--json]``: the OEDA Arabic event gold standard.

The Open Event Data Alliance's ``arabic_event_gsr`` asks, for one event type per file (ASSAULT or
PROTEST), whether a newswire sentence *reports* an event of that type. Each line is
``{"id", "event_type", "label", "text", "spans"?}``.

**Detection.** ``yes`` is positive, ``easy no`` and ``difficult no`` are negative, ``ambiguous`` is
left out. A sentence is predicted positive when ``extract(sentence)`` yields at least one event of
the file's type, as the default pipeline codes it: PLOVER codes no event without an identifiable
actor, and neither do we, so a sentence whose only trigger has no actor is predicted negative
(an attack reported by its device or its victims, "a car bomb killed four", is coded with an
unidentified armed actor and counts). That is the figure a user of our event data sees. An event
coded as ``negated``, ``future`` or ``demanded`` does not count either: the sentence does not
report that it happened (``asserted``, ``reported`` and ``hedged`` events count); nor does one
whose ``context`` says it is told as ``background`` to the sentence's statement, is
``historical``, is ``alleged`` by an accusation, or is asked about in a ``question`` (see
:func:`reports`). The publication date given
to ``extract`` is read from the Gigaword-style id (``AAW_ARB_20071026.0026-2`` → 2007-10-26).

**Actor coding.** On sentences that carry ``spans`` (the coders' verb, source actor and target
actor, with CAMEO-style ``source_role`` ``main`` country and ``role`` sector) and where we detect an
event of the type, our source actors are compared with the coders'. ``"None"`` (or a missing
value) means the coders gave no country or sector: our actor is right on that field when it has
none either. Spans whose ``source_role`` is not an object (``"UNKNOWN"``) or is empty are not
scored. A sentence counts as right when one of our actors of that type matches one of the
coders' spans; ``country_accuracy`` and ``sector_accuracy`` score each field the same way.

``--json`` prints one object keyed by file path; each value is
``{"event_type", "precision", "recall", "f1", "tp", "fp", "fn", "tn", "sentences", "scored",
"actor_accuracy", "country_accuracy", "sector_accuracy", "actor_scored"}``
(``actor_accuracy`` is ``null`` when no sentence could be scored).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..errors import EvaluationError

POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
IGNORED = {"ambiguous"}
# Modalities of events that did not (yet) happen: such an event is not a report of one.
UNREALISED = {"negated", "future", "demanded"}
# Context flags of events told, not reported (see marsad/stages/events.py).
NOT_REPORTED = {"background", "historical", "alleged", "question"}
EVENT_TYPES = {"ASSAULT", "PROTEST"}
_DATE_IN_ID = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")


@dataclass
class GsrSentence:
    id: str
    event_type: str
    label: str
    text: str
    spans: list[dict] = field(default_factory=list)

    @property
    def published(self) -> str | None:
        m = _DATE_IN_ID.search(self.id)
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def load(path: str | Path) -> list[GsrSentence]:
    """The sentences of one GSR JSON Lines file; every line must name the same event type."""
    path = Path(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read GSR file: {exc}", path=str(path)) from exc
    out: list[GsrSentence] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise EvaluationError(f"line {n}: not JSON ({exc})", path=str(path)) from exc
        if not isinstance(row, dict):
            raise EvaluationError(f"line {n}: not a JSON object", path=str(path))
        missing = [k for k in ("event_type", "label", "text") if not isinstance(row.get(k), str)]
        if missing:
            raise EvaluationError(f"line {n}: missing {', '.join(missing)}", path=str(path))
        label = row["label"].strip().lower()
        if label not in POSITIVE | NEGATIVE | IGNORED:
            raise EvaluationError(f"line {n}: unknown label {row['label']!r}", path=str(path))
        spans = row.get("spans") or []
        out.append(GsrSentence(str(row.get("id") or f"{path.stem}-{n}"), row["event_type"].upper(),
                               label, row["text"], spans if isinstance(spans, list) else []))
    if not out:
        raise EvaluationError("no sentences", path=str(path))
    types = {s.event_type for s in out}
    if len(types) != 1:
        raise EvaluationError(f"one event type per file expected, found {sorted(types)}",
                              path=str(path))
    return out


def _code(value: Any) -> str | None:
    """A coders' country or sector code; ``"None"`` and empty values mean no code."""
    if not isinstance(value, str) or value.strip() in ("", "None", "NONE", "null"):
        return None
    return value.strip().upper()


def gold_actors(spans: Iterable[dict]) -> list[tuple[str | None, str | None]]:
    """The coders' ``(country, sector)`` pairs for the source actor, one per usable span."""
    out = []
    for span in spans:
        role = span.get("source_role") if isinstance(span, dict) else None
        if not isinstance(role, dict) or not ("main" in role or "role" in role):
            continue
        pair = (_code(role.get("main")), _code(role.get("role")))
        if pair not in out:
            out.append(pair)
    return out


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(sentences: list[GsrSentence], predict) -> dict[str, Any]:
    """Scores of ``predict(sentence) -> list of (country, sector)`` actor codes of the detected
    events of the sentence's type (an empty list: nothing detected) against the labels."""
    tp = fp = fn = tn = scored = 0
    actor = country = sector = actor_scored = 0
    errors: dict[str, list[str]] = {"fp": [], "fn": []}
    for s in sentences:
        detected = predict(s)
        if s.label in POSITIVE | NEGATIVE:
            scored += 1
            gold = s.label in POSITIVE
            if detected is not None and gold:
                tp += 1
            elif detected is not None:
                fp += 1
                errors["fp"].append(s.id)
            elif gold:
                fn += 1
                errors["fn"].append(s.id)
            else:
                tn += 1
        golds = gold_actors(s.spans)
        if detected is None or not golds:
            continue
        actor_scored += 1
        actor += any(p == g for p in detected for g in golds)
        country += any(p[0] == g[0] for p in detected for g in golds)
        sector += any(p[1] == g[1] for p in detected for g in golds)
    p, r, f = _prf(tp, fp, fn)

    def acc(n: int) -> float | None:
        return round(n / actor_scored, 4) if actor_scored else None

    return {
        "event_type": sentences[0].event_type if sentences else None,
        "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "sentences": len(sentences), "scored": scored,
        "actor_accuracy": acc(actor), "country_accuracy": acc(country),
        "sector_accuracy": acc(sector), "actor_scored": actor_scored,
        "errors": errors,
    }


def reports(event) -> bool:
    """Does the sentence report the event as news: it happened (not negated, future or
    demanded) and it is the sentence's own statement, not background to another or dated long
    before publication (the event's ``context``)?"""
    return event.modality not in UNREALISED and not NOT_REPORTED & set(event.context)


def pipeline_predictor(pipeline=None):
    """``predict`` for :func:`score`: the actor codes of the events of the sentence's type that
    ``extract`` finds, or ``None`` when it finds none."""
    from .. import extract
    from ..errors import InputError

    def predict(s: GsrSentence):
        try:
            doc = extract(s.text, published=s.published, id=s.id, pipeline=pipeline)
        except InputError:
            return None
        events = [e for e in doc.events if e.type == s.event_type and reports(e)]
        if not events:
            return None
        return [(a.country, a.sector) for e in events for a in e.actors] or [(None, None)]

    return predict


def evaluate(paths: Iterable[str | Path], pipeline=None, *, details: bool = False
             ) -> dict[str, dict[str, Any]]:
    """Scores per file, keyed by the path as given."""
    from ..pipeline import default_pipeline

    predict = pipeline_predictor(pipeline or default_pipeline())
    out = {}
    for path in paths:
        result = score(load(path), predict)
        if not details:
            result.pop("errors")
        out[str(path)] = result
    return out


# -- command --------------------------------------------------------------------------------------
def register(kinds) -> None:
    p = kinds.add_parser("gsr", help="sentence-level ASSAULT/PROTEST detection against the OEDA "
                                     "Arabic event gold standard")
    p.add_argument("paths", nargs="+", metavar="FILE.jsonl",
                   help="arabic_event_gsr JSON Lines files (one event type per file)")
    p.add_argument("--json", action="store_true",
                   help="print one JSON object keyed by file")
    p.add_argument("--details", action="store_true",
                   help="also list the ids of false positives and misses")
    p.set_defaults(func=run)


def run(args) -> int:
    results = evaluate(args.paths, details=args.details)
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    out = sys.stdout
    for path, r in results.items():
        print(f"{path}  ({r['event_type']}, {r['scored']} of {r['sentences']} sentences scored)",
              file=out)
        print(f"  detection  P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}   "
              f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}, tn {r['tn']})", file=out)
        if r["actor_scored"]:
            print(f"  source actor  country+sector {r['actor_accuracy']:.3f}  country "
                  f"{r['country_accuracy']:.3f}  sector {r['sector_accuracy']:.3f}   "
                  f"({r['actor_scored']} sentences with coders' spans detected)", file=out)
        else:
            print("  source actor  - (no detected sentence carries coders' spans)", file=out)
        if args.details:
            for kind in ("fp", "fn"):
                if r["errors"][kind]:
                    print(f"  {kind.upper()}  " + " ".join(r["errors"][kind]), file=out)
    return 0
