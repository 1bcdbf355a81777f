"""GeoJSON (RFC 7946): a FeatureCollection with one Point feature per located event,
coordinates in longitude, latitude order. Events with no coordinates are left out."""

from __future__ import annotations

import json
from typing import Iterable

from .records import Record


def feature(rec: Record) -> dict | None:
    loc = rec.location
    if not loc or loc.get("lat") is None or loc.get("lon") is None:
        return None
    e = rec.event
    return {
        "type": "Feature",
        "id": f"marsad-{rec.id}",
        "geometry": {"type": "Point", "coordinates": [round(loc["lon"], 5), round(loc["lat"], 5)]},
        "properties": {
            "date": rec.date,
            "type": e["type"],
            "mode": e.get("mode"),
            "cameo": e.get("cameo"),
            "modality": e.get("modality") or "asserted",
            "actors": [a.get("name") or a.get("text") for a in rec.actors],
            "recipients": [a.get("name") or a.get("text") for a in rec.recipients],
            "place": loc.get("name") or loc.get("text"),
            "country": loc.get("country"),
            "geonameid": loc.get("geonameid"),
            "precision": loc.get("precision"),
            "fatalities": rec.dead,
            "source_count": rec.source_count,
            "article_count": len(rec.articles),
            "urls": [a["url"] for a in rec.articles if a.get("url")],
        },
    }


def write(records: Iterable[Record], out: str) -> int:
    features = [f for f in (feature(r) for r in records) if f]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    return len(features)
