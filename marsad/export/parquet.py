"""Parquet through pyarrow: one row per event with typed columns; actors, recipients and
mentions as nested lists of structs. :data:`SCHEMA` is the file's schema."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from .records import QUAD, Record

ACTOR = pa.struct([
    ("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
    ("sector", pa.string()), ("wikidata", pa.string()),
])
MENTION = pa.struct([
    ("article", pa.int64()), ("url", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
    ("sentence", pa.int32()), ("text", pa.string()),
])
SCHEMA = pa.schema([
    ("id", pa.int64()),
    ("date", pa.date32()),
    ("type", pa.string()),
    ("mode", pa.string()),
    ("cameo", pa.string()),
    ("quad_code", pa.int8()),
    ("modality", pa.string()),
    ("actors", pa.list_(ACTOR)),
    ("recipients", pa.list_(ACTOR)),
    ("place", pa.string()),
    ("country", pa.string()),
    ("admin1", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("geonameid", pa.int64()),
    ("precision", pa.string()),
    ("fatalities", pa.int32()),
    ("source_count", pa.int32()),
    ("article_count", pa.int32()),
    ("mention_count", pa.int32()),
    ("urls", pa.list_(pa.string())),
    ("mentions", pa.list_(MENTION)),
])


def _actors(actors: list[dict]) -> list[dict]:
    return [{k: a.get(k) for k in ("text", "name", "country", "sector", "wikidata")} for a in actors]


def _date(value: str | None):
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def to_row(rec: Record) -> dict:
    e = rec.event
    loc = rec.location or {}
    return {
        "id": rec.id, "date": _date(rec.date), "type": e["type"], "mode": e.get("mode"),
        "cameo": e.get("cameo"), "quad_code": QUAD.get(e["type"]), "modality": e.get("modality") or "asserted",
        "actors": _actors(rec.actors), "recipients": _actors(rec.recipients),
        "place": loc.get("name") or loc.get("text"), "country": loc.get("country"), "admin1": loc.get("admin1"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "geonameid": loc.get("geonameid"),
        "precision": loc.get("precision"), "fatalities": rec.dead, "source_count": rec.source_count,
        "article_count": len(rec.articles), "mention_count": len(rec.mentions),
        "urls": [a["url"] for a in rec.articles if a.get("url")],
        "mentions": [{"article": m["article"], "url": m["url"], "start": m["start"], "end": m["end"],
                      "sentence": m.get("sentence"), "text": m["text"]} for m in rec.mentions],
    }


def write(records: Iterable[Record], out: str, *, chunk: int = 10000) -> int:
    n = 0
    with pq.ParquetWriter(out, SCHEMA, compression="zstd") as writer:
        rows: list[dict] = []
        for rec in records:
            rows.append(to_row(rec))
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                n += len(rows)
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
        n += len(rows)
    return n
