"""Where an event happened: the choice among the places its sentence names.

The event coder knows the clause of each trigger; this module knows places. ``choose_location``
takes the sentence's place entities, each flagged by whether it lies in the trigger's clause, and
returns the event's location: the nearest city or region in the clause, then in the sentence, then
the article's focus place, and a country only when nothing finer is named.
"""

from __future__ import annotations

from ..document import Document, Entity, Place


def place_attrs(ent: Entity) -> dict:
    """A place's data: a LOC's own attrs; a country name's gazetteer data or its code."""
    if ent.label == "LOC":
        return ent.attrs
    place = dict(ent.attrs.get("place") or {})
    place.setdefault("country", ent.attrs.get("country"))
    place.setdefault("precision", "country")
    return place


def place_of(ent: Entity) -> Place:
    a = place_attrs(ent)
    return Place(ent.start, ent.end, ent.text, a.get("name"), a.get("country"), a.get("lat"),
                 a.get("lon"), a.get("geonameid"), a.get("feature"), a.get("admin1"),
                 a.get("precision"))


def focus_place(doc: Document) -> Place | None:
    """The place the article is mostly about (most mentioned city or region, else its focus
    country as set by the link stage in ``doc.meta["focus_country"]``)."""
    counts: dict[str, tuple[int, Entity]] = {}
    for e in doc.entities:
        if e.label == "LOC" and e.attrs.get("precision") not in (None, "country"):
            key = str(e.attrs.get("geonameid") or e.text)
            n, first = counts.get(key, (0, e))
            counts[key] = (n + 1, first)
    if counts:
        _, ent = max(counts.values(), key=lambda t: t[0])
        return place_of(ent)
    focus = doc.meta.get("focus_country")
    if focus:
        return Place(None, None, focus, focus, focus, None, None, None, "PCLI", None, "country")
    return None


def choose_location(candidates: list[tuple[Entity, bool]], trigger_start: int,
                    focus: Place | None, participants: list[tuple[int, int]]) -> list[Place]:
    """The event's location from its sentence's places.

    ``candidates`` are ``(place entity, in the trigger's clause)`` pairs; ``participants`` the
    spans of the event's actors and recipients, whose places name who acted, not where
    (روسيا in سفير روسيا).
    """
    fine, coarse = [], []
    for p, in_clause in candidates:
        if any(a_s <= p.start and p.end <= a_e for a_s, a_e in participants):
            continue
        attrs = place_attrs(p)
        if not attrs.get("country"):
            continue
        score = (0 if in_clause else 1, abs(p.start - trigger_start))
        (coarse if attrs.get("precision") == "country" else fine).append((score, p))
    if fine:
        return [place_of(min(fine, key=lambda t: t[0])[1])]
    if focus is not None and focus.precision != "country":
        return [focus]
    if coarse:
        return [place_of(min(coarse, key=lambda t: t[0])[1])]
    return [focus] if focus else []
