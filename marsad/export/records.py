"""The unit every export writes: one real-world event with its representative coding, every
mention from every article, and its source count."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, Iterator

CODER = "marsad 0.1.0"
QUAD = {  # PLOVER quad class by type (manual's numeric table: 1 VC, 2 MC, 3 VX, 4 MX)
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass
class Record:
    id: int  # the cluster id (the smallest stored event id in it)
    event: dict[str, Any]  # the representative event (event_to_dict form)
    date: str | None
    actors: list[dict[str, Any]]
    recipients: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    mentions: list[dict[str, Any]]  # start, end, sentence, text, article url
    articles: list[dict[str, Any]]  # id, url, title, source, published, language
    event_ids: list[int] = field(default_factory=list)

    @property
    def source_count(self) -> int:
        return len({a["source"] or f"article:{a['id']}" for a in self.articles})

    @property
    def article(self) -> dict[str, Any]:
        return self.articles[0]

    @property
    def location(self) -> dict[str, Any] | None:
        located = [p for p in self.locations if p.get("lat") is not None]
        return (located or self.locations or [None])[0]

    @property
    def dead(self) -> int | None:
        values = [e for e in [(self.event.get("size") or {}).get("dead")] if e]
        return values[0].get("min") if values and values[0].get("min") is not None else None


def _richness(row: dict) -> tuple:
    e = row["event"]
    filled = len(e.get("actors") or []) + len(e.get("recipients") or []) + len(e.get("locations") or [])
    return (-filled, -float(e.get("confidence") or 0), row["event_id"])


def _union(groups: list[list[dict]], key) -> list[dict]:
    out, seen = [], set()
    for group in groups:
        for item in group:
            k = key(item)
            if k not in seen:
                seen.add(k)
                out.append(item)
    return out


def _actor_key(a: dict) -> tuple:
    return (a.get("wikidata") or a.get("name") or a.get("text"), a.get("country"))


def _place_key(p: dict) -> tuple:
    return (p.get("geonameid") or p.get("name") or p.get("text"),)


def build(rows: list[dict]) -> Record:
    rows = sorted(rows, key=_richness)
    rep = rows[0]
    event = rep["event"]
    articles = _union([[r["article"]] for r in rows], key=lambda a: a["id"])
    mentions = [
        m | {"url": r["article"]["url"], "article": r["article"]["id"]}
        for r in sorted(rows, key=lambda r: r["event_id"]) for m in r["mention_texts"]
    ]
    return Record(
        id=min(r["cluster_id"] for r in rows),
        event=event,
        date=event.get("date") or rep["article"]["published"],
        actors=_union([r["event"].get("actors") or [] for r in rows], _actor_key),
        recipients=_union([r["event"].get("recipients") or [] for r in rows], _actor_key),
        locations=_union([r["event"].get("locations") or [] for r in rows], _place_key),
        mentions=mentions,
        articles=articles,
        event_ids=sorted(r["event_id"] for r in rows),
    )


def records(store, filters=None, *, per_event: bool = False) -> Iterator[Record]:
    rows = store.iter_events(filters)
    if per_event:
        for row in rows:
            row = dict(row, cluster_id=row["event_id"])
            yield build([row])
        return
    for _, group in groupby(rows, key=lambda r: r["cluster_id"]):
        yield build(list(group))
