"""CAMEO table in the GDELT 2.0 event-table layout: 61 tab-separated columns, no header, in
:data:`COLUMNS` order. Where GDELT's field has no marsad equivalent the cell is empty
(GoldsteinScale, AvgTone, the actors' own geography, ethnic and religion codes).
Differences: country codes are ISO3 (GDELT's geography uses FIPS 10-4), ``Actor?Code`` is the
country plus the CAMEO role (PLOVER sector, with PLOVER ``MED`` health → CAMEO ``HLH`` and
``JRN`` → CAMEO ``MED``), and events with no CAMEO code are left out."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from .records import Record

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in ACTOR_FIELDS] + [f"Actor2{f}" for f in ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in GEO_FIELDS] + [f"Actor2Geo_{f}" for f in GEO_FIELDS]
    + [f"ActionGeo_{f}" for f in GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61
SECTOR_TO_CAMEO = {"MED": "HLH", "JRN": "MED"}
GEO_TYPE = {"country": 1, "province": 5, "district": 4, "place": 4, "city": 4}


def quad_class(root: int) -> int:
    """GDELT's quad class of a CAMEO root code."""
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _actor(actors: list[dict]) -> list[str]:
    if not actors:
        return [""] * len(ACTOR_FIELDS)
    a = actors[0]
    country = a.get("country") or ""
    sectors = [SECTOR_TO_CAMEO.get(s, s) for s in [a.get("sector"), *(a.get("also_sectors") or [])] if s][:3]
    code = country + (sectors[0] if sectors else "")
    return [code, a.get("name") or a.get("text") or "", country, "", "", "", ""] + sectors + [""] * (3 - len(sectors))


def _geo(loc: dict | None) -> list[str]:
    if not loc:
        return [""] * len(GEO_FIELDS)
    lat, lon = loc.get("lat"), loc.get("lon")
    return [
        str(GEO_TYPE.get(loc.get("precision") or "", 4)), loc.get("name") or loc.get("text") or "",
        loc.get("country") or "", (loc.get("country") or "") + (loc.get("admin1") or "") if loc.get("admin1") else "",
        "", "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}",
        str(loc.get("geonameid") or ""),
    ]


def row(rec: Record, added: str) -> list[str] | None:
    code = (rec.event.get("cameo") or "").strip()
    if not code[:2].isdigit() or not rec.date:
        return None
    date = dt.date.fromisoformat(rec.date[:10])
    fraction = date.year + (date.timetuple().tm_yday - 1) / 365.0
    root = int(code[:2])
    sentences = [m.get("sentence") for m in rec.mentions if m.get("sentence") is not None]
    cells = (
        [str(rec.id), date.strftime("%Y%m%d"), date.strftime("%Y%m"), str(date.year), f"{fraction:.4f}"]
        + _actor(rec.actors) + _actor(rec.recipients)
        + ["1" if sentences and min(sentences) <= 1 else "0", code, code[:3], code[:2], str(quad_class(root)), "",
           str(len(rec.mentions)), str(rec.source_count), str(len(rec.articles)), ""]
        + _geo(None) + _geo(None) + _geo(rec.location)
        + [added, rec.article.get("url") or ""]
    )
    return [c.replace("\t", " ").replace("\n", " ") for c in cells]


def write(records: Iterable[Record], out: str) -> int:
    added = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        for rec in records:
            cells = row(rec, added)
            if cells is not None:
                fh.write("\t".join(cells) + "\n")
                n += 1
    return n
