"""The PLOVER event record (``shared/spec/plover.md`` §4) for one coded event, plus our fields:
evidence spans, attribution, modality and the CAMEO code.  Every exporter and the CLI build
records here, so all outputs agree."""

from __future__ import annotations

from typing import Any

from ..document import Actor, Document, Event
from .records import QUAD

RECORD_VERSION = "marsad-plover/1"
_RESOLUTION = {"place": 4, "district": 3, "province": 2, "country": 1}


def entity_object(a: Actor) -> dict[str, Any]:
    return {"code": a.country, "sector": a.sector, "other_sectors": list(a.also_sectors),
            "entity_text": a.text, "identifier_id": a.wikidata, "identifier_text": a.name,
            "start": a.start, "end": a.end}


def event_record(doc: Document, ev: Event) -> dict[str, Any]:
    loc = ev.locations[0] if ev.locations else None
    return {
        "version": RECORD_VERSION,
        "id": f"{doc.id or 'doc'}:{ev.id}",
        "date": ev.date,
        "date_precision": ev.date_precision,
        "event": [ev.type],
        "mode": [ev.mode] if ev.mode else [],
        "context": list(ev.context),
        "quad_code": QUAD.get(ev.type),
        "cameo": ev.cameo,
        "actor": [entity_object(a) for a in ev.actors],
        "recipient": [entity_object(a) for a in ev.recipients],
        "event_loc": None if loc is None else {
            "extracted_place": loc.text, "resolved_place": loc.name, "geonameid": loc.geonameid,
            "lat": loc.lat, "lon": loc.lon, "province": loc.admin1, "country_code": loc.country,
            "feature_code": loc.feature, "resolution": _RESOLUTION.get(loc.precision or ""),
            "start": loc.start, "end": loc.end,
        },
        "event_text": [doc.text[m.start:m.end] for m in ev.mentions],
        "text_info": [{"sequence": m.sentence, "start": m.start, "end": m.end,
                       "trigger_start": m.trigger_start, "trigger_end": m.trigger_end}
                      for m in ev.mentions],
        "trigger": ev.trigger,
        "attribution": [{"text": s.text, "name": s.name, "code": s.country, "sector": s.sector,
                         "start": s.start, "end": s.end} for s in ev.attribution],
        "modality": ev.modality,
        "size": ev.size,
        "cite_info": {"url": doc.url, "title": doc.title, "language": doc.language,
                      "publication": doc.source, "publication_date": doc.published,
                      "coder": "marsad"},
    }
