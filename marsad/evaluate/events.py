"""``marsad eval events``: score the pipeline against ``marsad-gold/1`` files.

Implements ``shared/spec/gold-format.md`` exactly: evidence alignment, touching and matching,
one-to-one pairing by largest overlap, duplicates, optional events, role accuracies over paired
events, the coded-event figure (type, actors and recipients right, one record per event) and
entity recall.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from ..document import Document, Event
from ..errors import EvaluationError

GOLD_FORMAT = "marsad-gold/1"


# -- loading --------------------------------------------------------------------------------------
@dataclass
class GoldArticle:
    path: Path
    text: str
    published: str | None
    gold: dict[str, Any]


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.glob("*.json")):
                if _is_gold(f):
                    out.append(f)
        elif p.is_file():
            if not _is_gold(p):
                raise EvaluationError(f"not a {GOLD_FORMAT} file", path=str(p))
            out.append(p)
        else:
            raise EvaluationError("no such file or directory", path=str(p))
    if not out:
        raise EvaluationError(f"no {GOLD_FORMAT} files found in {', '.join(map(str, paths))}")
    return out


def _is_gold(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(400)
    except (OSError, UnicodeDecodeError):
        return False
    return GOLD_FORMAT in head


def load_gold(path: Path) -> GoldArticle:
    try:
        gold = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read gold JSON: {exc}", path=str(path)) from exc
    if gold.get("format") != GOLD_FORMAT:
        raise EvaluationError(f"format is {gold.get('format')!r}, expected {GOLD_FORMAT}", path=str(path))
    article = gold.get("article") or {}
    text_path = path.parent / article.get("file", path.with_suffix(".txt").name)
    try:
        text = text_path.read_text("utf-8")
    except OSError as exc:
        raise EvaluationError(f"article file {text_path} not readable", path=str(path)) from exc
    published = article.get("publication_date")
    meta = path.with_name(path.stem + ".meta.json")
    if not published and meta.exists():
        published = json.loads(meta.read_text("utf-8")).get("date")
    return GoldArticle(path, text, published, gold)


# -- alignment ------------------------------------------------------------------------------------
def _collapsed(text: str) -> tuple[str, list[int]]:
    """Text with whitespace runs folded to one space, and each character's original index."""
    chars, index = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if prev_space:
                continue
            chars.append(" ")
            prev_space = True
        else:
            chars.append(ch)
            prev_space = False
        index.append(i)
    return "".join(chars), index


class Aligner:
    def __init__(self, text: str):
        self.flat, self.index = _collapsed(text)

    def find(self, needle: str, *, all_: bool = False) -> list[tuple[int, int]]:
        flat_needle = re.sub(r"\s+", " ", needle.strip())
        if not flat_needle:
            return []
        out = []
        pos = self.flat.find(flat_needle)
        while pos >= 0:
            out.append((self.index[pos], self.index[pos + len(flat_needle) - 1] + 1))
            if not all_:
                break
            pos = self.flat.find(flat_needle, pos + 1)
        return out


# -- scoring --------------------------------------------------------------------------------------
def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pred_spans(ev: Event) -> list[tuple[int, int]]:
    spans = []
    for m in ev.mentions:
        spans.append((m.trigger_start, m.trigger_end))
        spans.append((m.start, m.end))
    return spans


def _agent_ok(pred: list, gold: list[dict]) -> bool:
    if not gold:
        return not pred
    for g in gold:
        countries = {g.get("country")} | set(g.get("also_countries") or [])
        sectors = {g.get("sector")} | set(g.get("also_sectors") or [])
        for p in pred:
            if p.country in countries and p.sector in sectors:
                return True
    return False


def _km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def _location_ok(pred: Event, gold: list[dict]) -> bool:
    for g in gold:
        for p in pred.locations:
            if g.get("lat") is not None and g.get("lon") is not None:
                if p.lat is not None and p.lon is not None and _km(p.lat, p.lon, g["lat"], g["lon"]) <= 25:
                    return True
            elif p.country and p.country == g.get("country"):
                return True
    return False


def _country_ok(pred: Event, gold: list[dict]) -> bool:
    countries = {g.get("country") for g in gold} - {None}
    return any(p.country in countries for p in pred.locations)


def _date_ok(pred: Event, gold: dict) -> bool:
    if not pred.date:
        return False
    try:
        delta = abs((date.fromisoformat(pred.date[:10]) - date.fromisoformat(gold["value"][:10])).days)
    except ValueError:
        return False
    return delta <= (gold.get("tolerance_days") or 0)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    neutral: int = 0
    per_type: dict[str, Counter] = field(default_factory=dict)
    roles: dict[str, list[int]] = field(default_factory=lambda: {
        k: [0, 0] for k in ("actor", "recipient", "location", "country", "date", "attribution",
                            "modality")})
    coded: Counter = field(default_factory=Counter)
    entities: dict[str, list[int]] = field(default_factory=dict)
    articles: list[dict] = field(default_factory=list)

    def type_count(self, type_: str, key: str) -> None:
        self.per_type.setdefault(type_, Counter())[key] += 1


def score_article(doc: Document, gold: dict, tally: Tally, name: str) -> None:
    align = Aligner(doc.text)
    golds = []
    for g in gold.get("events", []):
        spans = [s for ev in g.get("evidence", []) for s in align.find(ev)]
        golds.append((g, spans))
    preds = doc.events
    candidates = []
    for pi, ev in enumerate(preds):
        pspans = _pred_spans(ev)
        for gi, (g, gspans) in enumerate(golds):
            types = {g["type"], *(g.get("also_types") or [])}
            if ev.type not in types:
                continue
            ov = sum(_overlap(p, s) for p in pspans for s in gspans)
            if ov > 0:
                candidates.append((ov, not g.get("optional", False), pi, gi))
    candidates.sort(key=lambda c: (-c[0], not c[1]))
    pred_pair: dict[int, int] = {}
    gold_pair: dict[int, int] = {}
    for ov, _, pi, gi in candidates:
        if pi in pred_pair or gi in gold_pair:
            continue
        pred_pair[pi], gold_pair[gi] = gi, pi
    matched_golds: dict[int, set[int]] = {}
    for _, _, pi, gi in candidates:
        matched_golds.setdefault(pi, set()).add(gi)
    report = {"file": name, "tp": 0, "fp": 0, "fn": 0, "duplicates": 0, "coded_tp": 0,
              "false_positives": [], "missed": [], "wrong_roles": [], "wrong_places": [],
              "duplicates_of": []}
    for pi, ev in enumerate(preds):
        if pi in pred_pair:
            g = golds[pred_pair[pi]][0]
            if g.get("optional"):
                tally.neutral += 1
                continue
            tally.tp += 1
            report["tp"] += 1
            tally.type_count(g["type"], "tp")
            _score_roles(ev, g, tally, align)
            if g.get("locations") and not _location_ok(ev, g["locations"]):
                where = ", ".join(f"{p.text} [{p.country}]" for p in ev.locations) or "-"
                gold_where = ", ".join(f"{x.get('text')} [{x.get('country')}]" for x in g["locations"])
                report["wrong_places"].append(f"{ev.type} {ev.trigger!r} @ {where}  "
                                              f"gold {g['id']}: {gold_where}")
            if _agent_ok(ev.actors, g.get("actors", [])) and _agent_ok(ev.recipients, g.get("recipients", [])):
                tally.coded["tp"] += 1
                report["coded_tp"] += 1
            else:
                tally.coded["fp"] += 1
                tally.coded["fn"] += 1
                report["wrong_roles"].append(_describe(ev, g))
            continue
        hit = matched_golds.get(pi, set())
        if any(not golds[gi][0].get("optional") for gi in hit if gi in gold_pair):
            tally.duplicates += 1
            report["duplicates"] += 1
            tally.coded["fp"] += 1
            twin = next(golds[gi][0]["id"] for gi in sorted(hit) if gi in gold_pair)
            report["duplicates_of"].append(f"{_describe(ev)}  of gold {twin}")
        elif hit:
            tally.neutral += 1
        else:
            tally.fp += 1
            report["fp"] += 1
            tally.type_count(ev.type, "fp")
            tally.coded["fp"] += 1
            report["false_positives"].append(_describe(ev))
    for gi, (g, _) in enumerate(golds):
        if g.get("optional") or gi in gold_pair:
            continue
        tally.fn += 1
        report["fn"] += 1
        tally.coded["fn"] += 1
        tally.type_count(g["type"], "fn")
        report["missed"].append(f"{g['id']} {g['type']} {g.get('trigger')}")
    _score_entities(doc, gold, tally, align)
    tally.articles.append(report)


def _describe(ev: Event, g: dict | None = None) -> str:
    def codes(xs):
        return ",".join(f"{x.country}/{x.sector}" for x in xs) or "-"

    out = f"{ev.type} {ev.trigger!r} {codes(ev.actors)} -> {codes(ev.recipients)}"
    if g is not None:
        gc = lambda xs: ",".join(f"{x.get('country')}/{x.get('sector')}" for x in xs) or "-"  # noqa: E731
        out += f"  gold {g['id']}: {gc(g.get('actors', []))} -> {gc(g.get('recipients', []))}"
    return out


def _score_roles(ev: Event, g: dict, tally: Tally, align: Aligner) -> None:
    r = tally.roles
    r["actor"][1] += 1
    r["actor"][0] += _agent_ok(ev.actors, g.get("actors", []))
    r["recipient"][1] += 1
    r["recipient"][0] += _agent_ok(ev.recipients, g.get("recipients", []))
    if g.get("locations"):
        r["location"][1] += 1
        r["location"][0] += _location_ok(ev, g["locations"])
        if any(loc.get("country") for loc in g["locations"]):
            r["country"][1] += 1
            r["country"][0] += _country_ok(ev, g["locations"])
    if g.get("date"):
        r["date"][1] += 1
        r["date"][0] += _date_ok(ev, g["date"])
    if g.get("attribution"):
        r["attribution"][1] += 1
        gold_spans = [s for a in g["attribution"] for s in align.find(a.get("text") or "", all_=True)]
        r["attribution"][0] += any(_overlap((s.start, s.end), gs) > 0
                                   for s in ev.attribution for gs in gold_spans)
    r["modality"][1] += 1
    r["modality"][0] += ev.modality in {g.get("modality"), *(g.get("also_modalities") or [])}


_LABELS = {"PER": {"PER"}, "ORG": {"ORG"}, "LOC": {"LOC", "GPE"}}


def _score_entities(doc: Document, gold: dict, tally: Tally, align: Aligner) -> None:
    for ent in gold.get("entities", []):
        spans = align.find(ent.get("text", ""), all_=True)
        labels = _LABELS.get(ent.get("type"), {ent.get("type")})
        found = any(e.label in labels and _overlap((e.start, e.end), s) > 0
                    for e in doc.entities for s in spans)
        counts = tally.entities.setdefault(ent.get("type"), [0, 0])
        counts[0] += found
        counts[1] += 1


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def summary(tally: Tally) -> dict[str, Any]:
    per_type = {}
    for t, c in sorted(tally.per_type.items()):
        per_type[t] = {"tp": c["tp"], "fp": c["fp"], "fn": c["fn"], **_prf(c["tp"], c["fp"], c["fn"])}
    return {
        "articles": len(tally.articles),
        "events": {"tp": tally.tp, "fp": tally.fp, "fn": tally.fn, "duplicates": tally.duplicates,
                   "neutral": tally.neutral, **_prf(tally.tp, tally.fp, tally.fn),
                   "per_type": per_type},
        "coded": {"tp": tally.coded["tp"], "fp": tally.coded["fp"], "fn": tally.coded["fn"],
                  **_prf(tally.coded["tp"], tally.coded["fp"], tally.coded["fn"])},
        "roles": {k: round(v[0] / v[1], 4) if v[1] else None for k, v in tally.roles.items()},
        "role_counts": {k: {"right": v[0], "paired": v[1]} for k, v in tally.roles.items()},
        "entities": {k: round(v[0] / v[1], 4) for k, v in sorted(tally.entities.items())},
    }


def evaluate(paths: Iterable[str | Path], pipeline=None) -> tuple[dict[str, Any], Tally]:
    from .. import extract

    tally = Tally()
    for path in gold_files(paths):
        art = load_gold(path)
        doc = extract(art.text, published=art.published, id=path.stem, pipeline=pipeline)
        score_article(doc, art.gold, tally, path.name)
    return summary(tally), tally


# -- command --------------------------------------------------------------------------------------
def register(kinds) -> None:
    p = kinds.add_parser("events", help="event detection, coded events and roles against gold files")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="marsad-gold/1 JSON files, or directories holding them")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--details", action="store_true",
                   help="also list, per article, false positives, misses and wrong roles")
    p.set_defaults(func=run)


def run(args) -> int:
    result, tally = evaluate(args.paths)
    if args.json:
        if args.details:
            result["articles_detail"] = tally.articles
        print(json.dumps(result, ensure_ascii=False, indent=None))
        return 0
    ev, co = result["events"], result["coded"]
    out = sys.stdout
    print(f"articles: {result['articles']}", file=out)
    print(f"events   P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}   "
          f"(tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']}, duplicates {ev['duplicates']}, "
          f"neutral {ev['neutral']})", file=out)
    print(f"coded    P {co['precision']:.3f}  R {co['recall']:.3f}  F1 {co['f1']:.3f}   "
          f"(tp {co['tp']}, fp {co['fp']}, fn {co['fn']})", file=out)
    print("roles    " + "  ".join(f"{k} {v:.2f}" if v is not None else f"{k} -"
                                 for k, v in result["roles"].items()), file=out)
    print("per type", file=out)
    for t, c in ev["per_type"].items():
        print(f"  {t:10} P {c['precision']:.2f} R {c['recall']:.2f} F1 {c['f1']:.2f}  "
              f"(tp {c['tp']}, fp {c['fp']}, fn {c['fn']})", file=out)
    if result["entities"]:
        print("entity recall  " + "  ".join(f"{k} {v:.2f}" for k, v in result["entities"].items()),
              file=out)
    if args.details:
        for a in tally.articles:
            print(f"\n{a['file']}: tp {a['tp']} fp {a['fp']} fn {a['fn']} dup {a['duplicates']} "
                  f"coded {a['coded_tp']}", file=out)
            for line in a["false_positives"]:
                print(f"  FP    {line}", file=out)
            for line in a["missed"]:
                print(f"  MISS  {line}", file=out)
            for line in a["duplicates_of"]:
                print(f"  DUP   {line}", file=out)
            for line in a["wrong_roles"]:
                print(f"  ROLES {line}", file=out)
            for line in a["wrong_places"]:
                print(f"  PLACE {line}", file=out)
    return 0
