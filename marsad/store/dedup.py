"""Cross-article deduplication: event mentions from different articles that tell the same
real-world event become one cluster with all its mentions and sources.

Two events from different articles are the same event when all of these hold:

* the same PLOVER type, and the same polarity (a negated event never joins an asserted one);
* dates within one day (the event's own date, else its article's publication date; an event
  dated only to a week, month or year joins nothing);
* compatible actors and compatible recipients: where both events name a side, some participant
  matches — the same actor (same Wikidata id, or same canonical name; two different ids or
  names are different actors) or a compatible generic one (same country, and the same sector
  or one sector unknown); a side named by only one of them does not contradict; for meetings,
  agreements and cooperation (CONSULT, AGREE, COOPERATE) the participants are compared
  regardless of which side the coder put them on;
* the same place: the same GeoNames id or normalised name, coordinates within 25 km, or the same
  first-level area when one of them is only located to a district. If either has no place, or
  both are located only to a country, the actors must carry the match instead: at least one side
  where both name the same actor.

Clustering is greedy and deterministic: events in order of (date, id) join the cluster holding
the most matching events, provided they match more than half of its events (so that a chain of
pairwise matches does not drift across days and places), none of its events names a different
participant on the same side, and it has no event from the same article (two events the pipeline kept apart inside one article stay apart).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from ..text.normalize import normalize_string

MAX_KM = 25.0
MAX_DAYS = 1
COARSE = ("week", "month", "year")  # date precisions too coarse to place an event on a day
# Types whose participants may be coded either way round (a meeting, an agreement).
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


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
    if event.get("date") and event.get("date_precision") not in COARSE:
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


def actors_match(x: ActorKey, y: ActorKey) -> int:
    """2: the same actor (same Wikidata id or canonical name); 1: compatible (a generic actor
    of the same country and sector, or with one sector unknown); 0: different actors."""
    if x.wikidata and y.wikidata:
        return 2 if x.wikidata == y.wikidata else 0
    if x.name and y.name:
        return 2 if x.name == y.name else 0
    if x.country and y.country:
        if x.country != y.country:
            return 0
        return 1 if not x.sectors or not y.sectors or x.sectors & y.sectors else 0
    return 1 if x.text and y.text and x.text == y.text else 0


def _side(xs: list[ActorKey], ys: list[ActorKey]) -> int | None:
    """The best match between two sides' participants (0, 1, 2), or None when at least one
    event does not name this side."""
    if not xs or not ys:
        return None
    best = 0
    for x in xs:
        for y in ys:
            m = actors_match(x, y)
            if m > best:
                if m == 2:
                    return 2
                best = m
    return best


def _place_match(p: PlaceKey, q: PlaceKey) -> bool:
    if p.geonameid and q.geonameid and p.geonameid == q.geonameid:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    if "country" in (p.precision, q.precision):  # a country holds every place in it
        return bool(p.country and p.country == q.country)
    if p.name and q.name and p.name == q.name:
        return True
    if None not in (p.lat, p.lon, q.lat, q.lon) and "country" not in (p.precision, q.precision):
        if km(p.lat, p.lon, q.lat, q.lon) <= MAX_KM:
            return True
    if p.admin1 and p.admin1 == q.admin1 and "district" in (p.precision, q.precision):
        return True
    return False


def _sides(a: Item, b: Item) -> list[int | None]:
    """The best participant match on each side (see :func:`_side`); for meetings, agreements
    and cooperation compared regardless of side when a side does not match."""
    sides = [_side(a.actors, b.actors), _side(a.recipients, b.recipients)]
    if a.type in SYMMETRIC and 0 in sides:
        sides = [_side(a.actors + a.recipients, b.actors + b.recipients)]
    return sides


def conflict(a: Item, b: Item) -> bool:
    """Do the two events name different participants on the same side?"""
    return 0 in _sides(a, b)


def same_event(a: Item, b: Item) -> bool:
    if a.type != b.type or a.negated != b.negated or a.article == b.article:
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) > MAX_DAYS:
        return False
    sides = _sides(a, b)
    if 0 in sides:
        return False
    return _same_without_conflict(a, b, sides)


def _same_without_conflict(a: Item, b: Item, sides: list[int | None]) -> bool:
    """:func:`same_event` for two events of different articles whose participants do not
    conflict (``sides`` from :func:`_sides`, without 0)."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) > MAX_DAYS:
        return False
    actor_evidence = 2 in sides
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
                # The cluster is chosen when no member is from the same article or names a
                # different participant on a side, and the members that are the same event
                # number more than half and more than the best cluster's. The cheap conditions
                # come first: members of the same type and polarity within a day bound that count,
                # and a cluster that cannot win is passed over without comparing participants.
                need = max(len(members) // 2 + 1, best_score + 1)
                near: set[int] = set()  # id() of the members that may be the same event
                for m in members:
                    if m.article == item.article:
                        break
                    if (m.type == item.type and m.negated == item.negated and m.date is not None
                            and abs((item.date - m.date).days) <= MAX_DAYS):
                        near.add(id(m))
                else:
                    if len(near) < need:
                        continue
                    score = 0
                    for m in members:
                        sides = _sides(item, m)
                        if 0 in sides:
                            break
                        if id(m) in near and _same_without_conflict(item, m, sides):
                            score += 1
                    else:
                        if score >= need:
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
