"""Stage ``entities``: mentions of actors, group nouns, titles, gentilics, countries and places.

Sources, merged under one policy (documented in docs/pipeline.md):
1. the curated lexicons (``resources/*.tsv``) and CLDR country names, matched clitic-aware;
2. the gazetteer's place names (``marsad.gazetteer``);
3. the trained NER model (``marsad.ner``) for names no list holds.
On overlap the longer lexicon or gazetteer match wins; a model entity is kept only where no
lexicon entity overlaps it, so curated knowledge is never overridden by a statistical guess.
"""

from __future__ import annotations

import bisect

from functools import lru_cache

from ..document import Document, Entity
from ..pipeline import stage
from ..resources import duals, forms, table
from ..resources.countries import country_names
from ..resources.homographs import homographs, neighbours
from ..text.matcher import Lexicon, longest_first

_GENTILIC_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def gentilic_forms(stem: str) -> list[str]:
    """سوري → سوري، سوريه، سوريون، سوريين، سوريان، سوريتان … (the article comes from clitics)."""
    return [stem + ending for ending in _GENTILIC_ENDINGS]


def _takes_accusative_alif(form: str) -> bool:
    """An indefinite singular noun written with alif in the accusative (مسلح → مسلحا، إرهابي →
    إرهابيا: the nisba ي takes it too)."""
    return " " not in form and not form.startswith("ال") and form[-1] not in "هاىءن"


@lru_cache(maxsize=1)
def entity_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in table("actors.tsv"):
        attrs = {"name": row["name"], "country": row["country"], "sector": row["sector"],
                 "wikidata": row["wikidata"] or None}
        for form in forms(row["forms"]):
            lex.add(form, (row["label"], form, attrs))
    for row in table("agents.tsv"):
        attrs = {"sector": row["sector"], "also": [s for s in row["also"].split("|") if s],
                 "head": row["head"] == "yes"}
        row_forms = forms(row["forms"])
        for form in row_forms:
            lex.add(form, ("SECTOR", form, attrs))
            if _takes_accusative_alif(form):
                lex.add(form + "ا", ("SECTOR", form, attrs))  # قتل مسلحا: indefinite object
        for form in duals(set(row_forms)):
            lex.add(form, ("SECTOR", form, attrs))  # قتل جنديان
    for row in table("titles.tsv"):
        attrs = {"sector": row["sector"], "also": [s for s in row["also"].split("|") if s]}
        if row["relation"] == "other":
            attrs["other"] = True  # نظيره: someone else than the person before it
        for form in forms(row["forms"]):
            lex.add(form, ("TITLE", form, attrs))
    for row in table("gentilics.tsv"):
        attrs = {"country": row["country"]}
        for stem in forms(row["forms"]):
            for form in gentilic_forms(stem):
                lex.add(form, ("NORP", stem, attrs))
            if stem + "ا" not in country_names():
                lex.add(stem + "ا", ("NORP", stem, attrs))  # قتلوا فلسطينيا (not سوريا، ليبيا)
        for form in forms(row["plurals"]):
            lex.add(form, ("NORP", form, attrs))
    for form, iso3 in country_names().items():
        lex.add(form, ("GPE", form, {"country": iso3}))
    return lex


@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Country names spelled like a gentilic (سورية: Syria and Syrian)."""
    adjectives = {form for row in table("gentilics.tsv") for stem in forms(row["forms"])
                  for form in gentilic_forms(stem)}
    return frozenset(set(country_names()) & adjectives)


_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "عن", "علي", "داخل", "خارج", "نحو", "مع",
                                 "حول", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط"})


def _one_reading(view: str, m) -> bool:
    """For a word that is both a country and a gentilic (سورية: Syria, Syrian), keep the
    country after a preposition or at the start of a clause (في سورية، بسورية), the adjective
    after a noun (قوات سورية)."""
    label = m.payload[0]
    if label not in ("GPE", "NORP") or view[m.start:m.end] not in country_adjectives():
        return True
    prev, _ = neighbours(view, m.token_start, m.token_end)
    after_preposition = prev in _PLACE_PREPOSITIONS or \
        (prev[:1] in "وف" and prev[1:] in _PLACE_PREPOSITIONS)
    as_country = any(c in m.prefix for c in "بل") or not prev or after_preposition
    return (label == "GPE") == as_country


def lexicon_entities(doc: Document) -> list[Entity]:
    view = doc.normalized
    matches = longest_first([m for m in entity_lexicon().finditer(view.text)
                             if _one_reading(view.text, m)])
    ambiguous = homographs("name")
    out = []
    for m in matches:
        label, key, attrs = m.payload
        if key in ambiguous and ambiguous[key].is_common_word(
                *neighbours(view.text, m.token_start, m.token_end)):
            continue  # وفتح المدعي العام تحقيقا: the verb, not the movement
        if label == "GPE" and m.prefix.endswith("ال") and not key.startswith("ال"):
            label = "NORP"  # السورية، التركية: a country's name with the article is its adjective
        start, end = view.to_original(m.start, m.end)
        out.append(Entity(start, end, label, doc.text[start:end], "lexicon", key, dict(attrs)))
    return out


def merge(preferred: list[Entity], others: list[Entity]) -> list[Entity]:
    """``preferred`` entities plus those of ``others`` that overlap none of them, in text order."""
    kept = list(preferred)
    spans = sorted((e.start, e.end) for e in preferred)
    starts = [s for s, _ in spans]
    longest = max((e - s for s, e in spans), default=0)
    for ent in others:
        # only spans starting within the longest span's length before it can reach into it
        near = spans[bisect.bisect_left(starts, ent.start - longest):
                     bisect.bisect_left(starts, ent.end)]
        if not any(ent.start < e for _, e in near):
            kept.append(ent)
    kept.sort(key=lambda e: (e.start, -e.end))
    return kept


@stage("entities", requires=("tokens",), provides=("entities",))
def make_entities(settings):
    from .. import gazetteer

    entity_lexicon()
    places = gazetteer.PlaceFinder.default()
    tagger = None
    if settings.ner_model:
        from .. import ner

        tagger = ner.default_tagger()

    def entities(doc: Document) -> Document:
        found = lexicon_entities(doc)
        found = merge_places(found, places.find(doc))
        if tagger is not None:
            found = merge(found, tagger.entities(doc))
        doc.entities = found
        return doc

    return entities


def merge_places(lexical: list[Entity], places: list[Entity]) -> list[Entity]:
    """Places and lexicon entities: the longer span wins; on equal spans the lexicon entity
    keeps its label and the place's data is attached (capitals and countries are both)."""
    out: list[Entity] = []
    placed = sorted(places, key=lambda e: e.start)
    starts = [p.start for p in placed]
    longest = max((p.end - p.start for p in placed), default=0)
    used = set()
    for ent in lexical:
        # only places starting within the longest place's length before it can overlap it
        first = bisect.bisect_left(starts, ent.start - longest)
        for i in range(first, bisect.bisect_left(starts, ent.end)):
            p = placed[i]
            if p.start == ent.start and p.end == ent.end:
                ent.attrs["place"] = p.attrs
                used.add(i)
            elif p.start < ent.end and ent.start < p.end and (p.end - p.start) <= (ent.end - ent.start):
                used.add(i)
        out.append(ent)
    for i, p in enumerate(placed):
        if i in used:
            continue
        clash = [e for e in out if p.start < e.end and e.start < p.end]
        if clash:
            if all((e.end - e.start) < (p.end - p.start) for e in clash):
                out = [e for e in out if e not in clash]
                out.append(p)
            continue
        out.append(p)
    out.sort(key=lambda e: (e.start, -e.end))
    return out
