"""Cross-article deduplication: event mentions from different articles that tell the same
real-world event become one cluster with all its mentions and sources.

Two events from different articles are the same event when all of these hold:

* the same PLOVER type, and the same polarity (a negated event never joins an asserted one);
* dates within one day (the event's own date, else its article's publication date; an event with
  no day-precise date joins nothing);
* compatible actors and compatible recipients: where both events name a side, some participant
  matches (same Wikidata id; or same normalised name; or same country with the same or an
  unknown sector); a side named by only one of them does not contradict;
* the same place: the same GeoNames id or normalised name, coordinates within 25 km, or the same
  first-level area when one of them is only located to a district. If either has no place, or
  both are located only to a country, the actors must carry the match instead: at least one side
  named by both, and matching.

Clustering is greedy and deterministic: events in order of (date, id) join the cluster holding
the most matching events, provided that cluster has no event from the same article (two events
the pipeline kept apart inside one article stay apart).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ..text.normalize import normalize_string

MAX_KM = 25.0
MAX_DAYS = 1


@dataclass
class ActorKey:
    name: str | None
    text: str | None
    country: str | None
    sectors: frozenset[str]
    wikidata: str | None


@dataclass
class PlaceKey:
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    admin1: str | None
    precision: str | None


@dataclass
class Item:
    id: int
    type: str
    article: int
    date: dt.date | None
    negated: bool = False
    source: str | None = None
    actors: list[ActorKey] = field(default_factory=list)
    recipients: list[ActorKey] = field(default_factory=list)
    places: list[PlaceKey] = field(default_factory=list)


def _norm(s: str | None) -> str | None:
    return normalize_string(s).strip() if s else None


def actor_key(a: dict) -> ActorKey:
    sectors = {s for s in [a.get("sector"), *(a.get("also_sectors") or [])] if s}
    return ActorKey(_norm(a.get("name")), _norm(a.get("text")), a.get("country"), frozenset(sectors), a.get("wikidata"))


def place_key(p: dict) -> PlaceKey:
    return PlaceKey(
        _norm(p.get("name") or p.get("text")), p.get("country"), p.get("lat"), p.get("lon"),
        p.get("geonameid"), p.get("admin1"), p.get("precision"),
    )


def item_from_event(event: dict, *, id: int, article: int, published: str | None, source: str | None = None) -> Item:
    """An :class:`Item` from an event dictionary (``event_to_dict`` form)."""
    date = None
    if event.get("date") and (event.get("date_precision") in (None, "day")):
        date = _parse_date(event["date"])
    elif not event.get("date") and published:
        date = _parse_date(published)
    return Item(
        id=id,
        type=event["type"],
        article=article,
        date=date,
        negated=event.get("modality") == "negated",
        source=source,
        actors=[actor_key(a) for a in event.get("actors") or []],
        recipients=[actor_key(a) for a in event.get("recipients") or []],
        places=[place_key(p) for p in event.get("locations") or []],
    )


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def actors_match(x: ActorKey, y: ActorKey) -> bool:
    if x.wikidata and y.wikidata:
        return x.wikidata == y.wikidata
    if x.name and y.name and x.name == y.name:
        return True
    if x.country and y.country:
        if x.country != y.country:
            return False
        return not x.sectors or not y.sectors or bool(x.sectors & y.sectors)
    return bool(x.text and y.text and x.text == y.text)


def _side(xs: list[ActorKey], ys: list[ActorKey]) -> bool | None:
    """True: both name this side and it matches; False: both name it and nothing matches;
    None: at least one does not name it."""
    if not xs or not ys:
        return None
    return any(actors_match(x, y) for x in xs for y in ys)


def _place_match(p: PlaceKey, q: PlaceKey) -> bool:
    if p.geonameid and q.geonameid and p.geonameid == q.geonameid:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    if p.name and q.name and p.name == q.name:
        return True
    if None not in (p.lat, p.lon, q.lat, q.lon) and "country" not in (p.precision, q.precision):
        if km(p.lat, p.lon, q.lat, q.lon) <= MAX_KM:
            return True
    if p.admin1 and p.admin1 == q.admin1 and "district" in (p.precision, q.precision):
        return True
    return False


def same_event(a: Item, b: Item) -> bool:
    if a.type != b.type or a.negated != b.negated or a.article == b.article:
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) > MAX_DAYS:
        return False
    sides = [_side(a.actors, b.actors), _side(a.recipients, b.recipients)]
    if False in sides:
        return False
    actor_evidence = True in sides
    fine = lambda ps: [p for p in ps if p.precision != "country"]  # noqa: E731
    pa, pb = fine(a.places), fine(b.places)
    if pa and pb:
        return any(_place_match(p, q) for p in pa for q in pb)
    if a.places and b.places and not any(_place_match(p, q) for p in a.places for q in b.places):
        return False
    return actor_evidence


def cluster(items: list[Item]) -> dict[int, int]:
    """Event id → cluster id (the smallest event id of its cluster)."""
    order = sorted(items, key=lambda i: (i.date or dt.date.max, i.id))
    clusters: list[list[Item]] = []
    by_day: dict[tuple[str, dt.date], list[int]] = {}
    assigned: dict[int, int] = {}
    for item in order:
        best, best_score = None, 0
        if item.date is not None:
            candidates: set[int] = set()
            for delta in range(-MAX_DAYS, MAX_DAYS + 1):
                candidates.update(by_day.get((item.type, item.date + dt.timedelta(days=delta)), ()))
            for c in sorted(candidates):
                members = clusters[c]
                if any(m.article == item.article for m in members):
                    continue
                score = sum(1 for m in members if same_event(item, m))
                if score > best_score:
                    best, best_score = c, score
        if best is None:
            best = len(clusters)
            clusters.append([])
        clusters[best].append(item)
        if item.date is not None:
            by_day.setdefault((item.type, item.date), []).append(best)
    for members in clusters:
        cid = min(m.id for m in members)
        for m in members:
            assigned[m.id] = cid
    return assigned


def cluster_stats(sizes: list[int]) -> dict[str, object]:
    """Counts of a clustering: how many events, clusters, singletons and the size histogram."""
    hist: dict[str, int] = {}
    for s in sizes:
        key = str(s) if s < 5 else "5+"
        hist[key] = hist.get(key, 0) + 1
    events = sum(sizes)
    return {
        "events": events,
        "clusters": len(sizes),
        "multi_article_clusters": sum(1 for s in sizes if s > 1),
        "events_in_multi": sum(s for s in sizes if s > 1),
        "largest": max(sizes, default=0),
        "reduction": round(1 - len(sizes) / events, 4) if events else 0.0,
        "sizes": dict(sorted(hist.items())),
    }
