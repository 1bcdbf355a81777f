"""Country and sector of a person or organisation the model found, from the words next to it.

``وزير الخارجية الروسي سيرجي لافروف`` → the title وزير gives the sector (GOV), the gentilic
الروسي the country (RUS); ``سفير روسيا فيتالي تشوركين`` takes the country from the country name.
The look-up tables come from ``marsad/resources`` (titles.tsv, gentilics.tsv, the country names
and actors.tsv), read once. A name that is itself an actor entry gets that entry's name,
country, sector and Wikidata id. This is deliberately small: the event coder composes actors
from adjacent entities anyway.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Token

_GENTILIC_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")
_WINDOW = 5


def _bare(word: str) -> str:
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    return word


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, str], dict[str, dict]]:
    """(title word → sector, gentilic or country word → ISO3, actor form → attrs)."""
    from ..resources import forms, table
    from ..resources.countries import country_names

    sectors: dict[str, str] = {}
    multi: dict[str, str] = {}
    for row in table("titles.tsv"):
        for form in forms(row["forms"]):
            words = form.split()
            if len(words) == 1:
                sectors.setdefault(_bare(words[0]), row["sector"])
            else:
                multi.setdefault(_bare(words[0]), row["sector"])
    for word, sector in multi.items():
        sectors.setdefault(word, sector)
    countries: dict[str, str] = {}
    for row in table("gentilics.tsv"):
        for stem in forms(row["forms"]):
            for ending in _GENTILIC_ENDINGS:
                countries.setdefault(stem + ending, row["country"])
        for form in forms(row["plurals"]):
            countries.setdefault(_bare(form), row["country"])
    for name, iso3 in country_names().items():
        if " " not in name:
            countries.setdefault(_bare(name), iso3)
    actors: dict[str, dict] = {}
    for row in table("actors.tsv"):
        attrs = {"name": row["name"], "country": row["country"], "sector": row["sector"],
                 "wikidata": row["wikidata"] or None}
        for form in forms(row["forms"]):
            actors.setdefault(form, attrs)
    return sectors, countries, actors


def infer_attrs(tokens: list[Token], start: int, end: int) -> dict:
    """Attributes of the entity over ``tokens[start:end]`` (one sentence's tokens)."""
    sectors, countries, actors = tables()
    text = " ".join(t.norm for t in tokens[start:end])
    linked = actors.get(text) or actors.get(_bare(text))
    if linked:
        return {k: v for k, v in linked.items() if v}
    attrs: dict[str, str] = {}

    def words(lo: int, hi: int) -> list[str]:
        return [_bare(t.stem) for t in tokens[lo:hi]]

    def take(phrase: list[str]) -> None:
        for w in phrase:
            if w in sectors and "sector" not in attrs:
                attrs["sector"] = sectors[w]
            if w in countries and "country" not in attrs:
                attrs["country"] = countries[w]

    take([w for w in words(start, end) if w in countries])  # الجيش السوري الحر
    # A title phrase just before the name: the nearest title word within the window, with
    # nothing but words (no punctuation) between it and the name.
    lo = start
    while lo > 0 and start - lo < _WINDOW and tokens[lo - 1].norm[0].isalnum():
        lo -= 1
        if _bare(tokens[lo].stem) in sectors:
            take(words(lo, start))
            break
    else:
        if start > 0 and _bare(tokens[start - 1].stem) in countries:
            take([_bare(tokens[start - 1].stem)])
    # Or an apposition after it: لافروف وزير الخارجية الروسي.
    if end < len(tokens) and _bare(tokens[end].stem) in sectors:
        hi = end
        while hi < len(tokens) and hi - end < _WINDOW and tokens[hi].norm[0].isalnum():
            hi += 1
        take(words(end, hi))
    if attrs:
        attrs["inferred_from"] = "context"
    return attrs
