"""Streaming import of the full GeoNames dumps (``allCountries.txt``, ``alternateNamesV2.txt``).

Two passes, constant memory in the size of the dumps (only the kept places are held):

1. ``allCountries.txt`` (19 tab-separated columns): keep populated places, first- to
   third-level divisions and the spots that recur in conflict news (air bases, airports, ports,
   border posts, camps, prisons, dams, mountains, islands, straits …) in the Arab region,
   Turkey and Iran; elsewhere populated places of 50,000 people or more and first-level
   divisions.  Arabic-script names of its ``alternatenames`` column are kept.
2. ``alternateNamesV2.txt`` (or the older ``alternateNames.txt``): add the ``ar`` names (and
   Arabic-script names without a language) of the kept places; historic names are skipped.

Places with at least one Arabic name are written to ``places.tsv.gz``, which the index builder
reads beside the built-in sources (see ``index.imported_places_path``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import MalformedInputError
from .index import ARAB_REGION, NEAR_REGION, WORLD_MIN_POP, arabic_forms, write_imported

KEEP_ADMIN = frozenset({"ADM1", "ADM2", "ADM3"})
KEEP_SPOTS = frozenset({"AIRB", "AIRF", "AIRP", "MILB", "PRT", "PSTB", "CMPRF", "PRN", "DAM",
                        "OILF", "MSQE", "SQR", "BDG", "MT", "MTS", "ISL", "PLN", "VAL", "STRT",
                        "CNL", "RGN", "AREA", "PPLX", "OAS", "WAD"})


def _open(path: Path):
    return open(path, encoding="utf-8", errors="replace", newline="\n")


def keep(feature_class: str, feature: str, cc: str, population: int) -> bool:
    if cc in ARAB_REGION or cc in NEAR_REGION:
        return feature_class == "P" or feature in KEEP_ADMIN or feature in KEEP_SPOTS
    if feature == "ADM1":
        return True
    return feature_class == "P" and population >= WORLD_MIN_POP


def read_places(path: Path) -> dict[int, list]:
    """Pass 1: the kept rows of ``allCountries.txt`` by GeoNames id."""
    from ..resources.countries import iso2_to_iso3

    to3 = iso2_to_iso3()
    kept: dict[int, list] = {}
    with _open(path) as fh:
        for lineno, line in enumerate(fh, 1):
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 15:
                if line.strip():
                    raise MalformedInputError(
                        f"{path}:{lineno}: expected 19 tab-separated GeoNames columns, found {len(cells)}")
                continue
            try:
                gid = int(cells[0])
                lat, lon = float(cells[4]), float(cells[5])
                population = int(cells[14] or 0)
            except ValueError as exc:
                raise MalformedInputError(f"{path}:{lineno}: not a GeoNames row") from exc
            fclass, feature, cc = cells[6], cells[7], cells[8]
            if not keep(fclass, feature, cc, population):
                continue
            forms = arabic_forms(cells[3].split(","), strip_cues=True) if cells[3] else []
            kept[gid] = [gid, cells[1], to3.get(cc, cc), lat, lon, feature, population,
                         cells[10] or "", forms]
    return kept


def add_alternate_names(path: Path, kept: dict[int, list]) -> None:
    """Pass 2: Arabic names from ``alternateNamesV2.txt`` for the kept places."""
    with _open(path) as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 4:
                continue
            lang = cells[2]
            if lang not in ("ar", ""):
                continue
            if len(cells) > 7 and cells[7] == "1":
                continue  # historic
            try:
                gid = int(cells[1])
            except ValueError:
                continue
            row = kept.get(gid)
            if row is None:
                continue
            for form in arabic_forms([cells[3]], strip_cues=True):
                if form not in row[8]:
                    row[8].append(form)


def import_dumps(all_countries: Path, alternate_names: Path | None, out_dir: Path) -> tuple[int, Path]:
    """Import the dumps into ``out_dir/places.tsv.gz``; returns (places written, path)."""
    kept = read_places(all_countries)
    if alternate_names is not None:
        add_alternate_names(alternate_names, kept)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "places.tsv.gz"

    def rows() -> Iterator[tuple]:
        for gid, name, cc3, lat, lon, feature, pop, admin1, forms in kept.values():
            if forms:
                yield (gid, name, cc3, lat, lon, feature, pop, admin1, "|".join(forms))

    n = write_imported(path, rows())
    return n, path
