"""The clustering's one pass over a cluster's members (a speed-up) gives the clusters of its
definition: skip a cluster with a member from the same article or a conflicting participant,
else count the members that are the same event."""

from __future__ import annotations

import datetime as dt
import random

from marsad.store.dedup import ActorKey, Item, PlaceKey, cluster, conflict, same_event, MAX_DAYS


def reference_cluster(items: list[Item]) -> dict[int, int]:
    order = sorted(items, key=lambda i: (i.date or dt.date.max, i.id))
    clusters: list[list[Item]] = []
    by_day: dict = {}
    for item in order:
        best, best_score = None, 0
        if item.date is not None:
            candidates: set[int] = set()
            for delta in range(-MAX_DAYS, MAX_DAYS + 1):
                candidates.update(by_day.get((item.type, item.date + dt.timedelta(days=delta)), ()))
            for c in sorted(candidates):
                members = clusters[c]
                if any(m.article == item.article or conflict(item, m) for m in members):
                    continue
                score = sum(1 for m in members if same_event(item, m))
                if 2 * score > len(members) and score > best_score:
                    best, best_score = c, score
        if best is None:
            best = len(clusters)
            clusters.append([])
        clusters[best].append(item)
        if item.date is not None:
            by_day.setdefault((item.type, item.date), []).append(best)
    return {m.id: min(x.id for x in members) for members in clusters for m in members}


ACTORS = [
    ActorKey("air force", None, "SYR", frozenset({"MIL"}), None),
    ActorKey(None, "قوات", "SYR", frozenset(), None),
    ActorKey(None, "مسلحون", "SYR", frozenset({"REB"}), None),
    ActorKey("army", None, "IRQ", frozenset({"MIL"}), "Q1"),
    ActorKey("police", None, "IRQ", frozenset({"COP"}), None),
]
PLACES = [
    PlaceKey("حلب", "SYR", 36.20, 37.13, 1, "09", "place"),
    PlaceKey("الشعار", "SYR", 36.21, 37.18, None, "09", "district"),
    PlaceKey("ادلب", "SYR", 35.93, 36.63, 2, "10", "place"),
    PlaceKey("سوريا", "SYR", 35.0, 38.0, None, None, "country"),
    PlaceKey("بغداد", "IRQ", 33.3, 44.4, 3, "07", "place"),
]


def random_items(rnd: random.Random, n: int) -> list[Item]:
    day = dt.date(2016, 3, 10)
    items = []
    for i in range(1, n + 1):
        items.append(Item(
            id=i, type=rnd.choice(["ASSAULT", "ASSAULT", "CONSULT"]), article=rnd.randint(1, max(1, n // 3)),
            date=rnd.choice([None, day, day + dt.timedelta(days=1), day + dt.timedelta(days=2)]),
            negated=rnd.random() < 0.1,
            actors=rnd.sample(ACTORS, rnd.randint(0, 2)),
            recipients=rnd.sample(ACTORS, rnd.randint(0, 1)),
            places=rnd.sample(PLACES, rnd.randint(0, 2)),
        ))
    return items


def test_one_pass_gives_the_clusters_of_the_definition():
    rnd = random.Random(5)
    for _ in range(60):
        items = random_items(rnd, rnd.randint(2, 60))
        assert cluster(items) == reference_cluster(items)
