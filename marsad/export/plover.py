"""PLOVER JSON Lines: one event record a line, in the manual's "Data Fields" layout.

Required ``id``, ``date``, ``actor``, ``event``; entity objects (``code``, ``sector``,
``entity_text``, ``identifier_id``, ``identifier_text``); ``event_loc`` location objects in the
Mordecai3 form; ``event_text`` with character offsets (``text_info``); ``cite_info``. marsad
adds ``modality``, ``attribution``, ``source_count``, ``sources`` and ``cameo``. The record
schema is ``plover.schema.json`` beside this module.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from .records import CODER, QUAD, Record

RESOLUTION = {"place": 4, "city": 4, "district": 3, "province": 2, "country": 1}
CODEBOOK = "plover-base-1.3.1"


def entity(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": a.get("country"),
        "sector": a.get("sector"),
        "entity_text": a.get("text"),
        "identifier_id": a.get("wikidata"),
        "identifier_text": a.get("name"),
        "start": a.get("start"),
        "end": a.get("end"),
    }


def location(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "extracted_place": p.get("text"),
        "resolved_place": p.get("name"),
        "geonameid": p.get("geonameid"),
        "lat": p.get("lat"),
        "lon": p.get("lon"),
        "province": p.get("admin1"),
        "country_code": p.get("country"),
        "feature_code": p.get("feature"),
        "resolution": RESOLUTION.get(p.get("precision") or "", None),
    }


def cite(article: dict[str, Any]) -> dict[str, Any]:
    return {
        "url": article.get("url"),
        "title": article.get("title"),
        "publication": article.get("source"),
        "language": article.get("language") or "ar",
        "date": article.get("published"),
        "coder": CODER,
        "codebook": CODEBOOK,
    }


def to_plover(rec: Record, coded: str | None = None) -> dict[str, Any]:
    e = rec.event
    size = {k: v.get("min") for k, v in (e.get("size") or {}).items() if isinstance(v, dict) and v.get("min") is not None}
    out = {
        "id": f"marsad-{rec.id}",
        "date": rec.date,
        "actor": [entity(a) for a in rec.actors],
        "event": [e["type"]],
        "has_event": True,
        "recipient": [entity(a) for a in rec.recipients],
        "mode": [e["mode"]] if e.get("mode") else [],
        "context": list(e.get("context") or []),
        "quad_code": QUAD.get(e["type"]),
        "event_loc": [location(p) for p in rec.locations],
        "event_text": [
            {"sequence": m.get("sentence"), "start": m["start"], "end": m["end"], "text_story": m["text"], "url": m["url"]}
            for m in rec.mentions
        ],
        "size": size,
        "cite_info": cite(rec.article),
        "coder": CODER,
        "coded_date": coded or dt.date.today().isoformat(),
        "link": f"marsad-cluster-{rec.id}",
        "cameo": e.get("cameo"),
        "modality": e.get("modality") or "asserted",
        "attribution": [{"text": s.get("text"), "name": s.get("name"), "country": s.get("country"),
                         "sector": s.get("sector"), "start": s.get("start"), "end": s.get("end")}
                        for s in e.get("attribution") or []],
        "date_precision": e.get("date_precision") or ("day" if rec.date else None),
        "source_count": rec.source_count,
        "article_count": len(rec.articles),
        "sources": [cite(a) for a in rec.articles],
    }
    return out


def write(records: Iterable[Record], out: str) -> int:
    n = 0
    coded = dt.date.today().isoformat()
    with open(out, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(to_plover(rec, coded), ensure_ascii=False) + "\n")
            n += 1
    return n


def schema() -> dict[str, Any]:
    from importlib import resources

    return json.loads(resources.files("marsad.export").joinpath("plover.schema.json").read_text("utf-8"))
