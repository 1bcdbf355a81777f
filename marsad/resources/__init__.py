"""Linguistic knowledge kept as data files, one record per line, reviewed like code.

Every ``*.tsv`` file here starts with comment lines (``#``) saying what it holds, then a header
row naming its columns. Forms inside a cell are separated by ``|``. :func:`table` reads a file
into dictionaries; the loaders below turn them into the structures the stages use, once per
process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as _res

from ..errors import ResourceError
from ..text.normalize import normalize_string


def _read(name: str) -> str:
    try:
        return _res.files(__name__).joinpath(name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"missing data file {name!r} in marsad/resources") from exc


def parse_tsv(text: str, name: str, *, line_numbers: bool = False) -> list[dict[str, str]]:
    """Rows of a TSV data file's text (``#`` comment lines, then a header row) as dictionaries;
    with ``line_numbers`` each row also carries its line as ``_line``."""
    header: list[str] | None = None
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise ResourceError(f"{name}:{lineno}: {len(cells)} columns, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        if line_numbers:
            row["_line"] = str(lineno)
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of one of this folder's TSV data files."""
    return tuple(parse_tsv(_read(name), name))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line file, normalised."""
    out = []
    for line in _read(name).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(normalize_string(line))
    return tuple(out)


def forms(cell: str) -> list[str]:
    """The ``|``-separated forms of a cell, normalised, without empties."""
    return [normalize_string(f.strip()) for f in cell.split("|") if f.strip()]


def duals(nouns: set[str]) -> list[str]:
    """The dual forms of the indefinite singular nouns among ``nouns`` (جندي → جنديان،
    جنديين; امرأة → امرأتان): ين is left out where that spelling is a listed plural (مدنيين،
    مسلحين)."""
    out = []
    for noun in nouns:
        if " " in noun or noun.startswith("ال") or noun.endswith(("ون", "ين", "ات")):
            continue
        stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
        out.append(stem + "ان")
        if stem + "ين" not in nouns:
            out.append(stem + "ين")
    return out


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Normalised single words known to the lexicons: the segmenter splits a bare clitic only
    before one of these."""
    words: set[str] = set()
    for name in ("actors.tsv", "agents.tsv", "titles.tsv", "gentilics.tsv"):
        for row in table(name):
            for form in forms(row.get("forms", "")):
                words.update(form.split())
    from .countries import country_names

    for form in country_names():
        words.update(form.split())
    return frozenset(w for w in words if len(w) >= 3)
