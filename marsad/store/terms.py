"""Search terms that make Arabic spelling variants, clitics and diacritics not matter.

Both the indexed text and the query go through :func:`normalize_string` (alef and hamza forms,
ى/ي, ة/ه, tatweel, diacritics, Arabic-Indic digits). Each indexed word then also stands for
what is left once proclitics (و ف ب ل ك ال س and their combinations) and a pronoun suffix are
taken off, so that ``وبحلب`` is found by ``حلب`` and ``حكومتها`` by ``الحكومة``. A query word
loses its article (ال, وال, بال, لل …); a word opening with a bare و ف ب ل ك is looked up both
with and without that letter, because it may begin the word itself (وزير, بريطانيا). A query word with a pronoun suffix also matches its
stem. The same terms feed SQLite FTS5 and PostgreSQL ``tsvector`` ('simple' configuration), so
both stores answer a query alike.
"""

from __future__ import annotations

import re

from ..text.clitics import NOUN_PREFIXES, PRONOUN_SUFFIXES, VERB_PREFIXES, split_proclitics
from ..text.normalize import normalize_string

_WORD = re.compile(r"[^\W_]+")
_PREFIXES = frozenset(NOUN_PREFIXES) | frozenset(VERB_PREFIXES)
_PREFIX_LENGTHS = tuple(sorted({len(p) for p in _PREFIXES}))
_PREFIX_FIRST = frozenset(p[0] for p in _PREFIXES)
MIN_STEM = 2


# The pronoun suffixes by length, longest first: a word ends in at most one of each length.
_SUFFIXES_BY_LENGTH = tuple(
    (n, frozenset(s for s in PRONOUN_SUFFIXES if len(s) == n))
    for n in sorted({len(s) for s in PRONOUN_SUFFIXES}, reverse=True)
)


def _unsuffixed(word: str) -> list[str]:
    """The stems of a word ending in a pronoun suffix: حكومتها → حكومت, حكومه; قواتها → قوات."""
    for n, suffixes in _SUFFIXES_BY_LENGTH:  # the longest suffix that leaves three letters
        if len(word) - n >= 3 and word[-n:] in suffixes:
            base = word[:-n]
            return [base, base[:-1] + "ه"] if base.endswith("ت") and not base.endswith("ات") else [base]
    return []


def word_variants(word: str) -> set[str]:
    """A normalised word and the stems it may stand for."""
    return set(_variants(word))


# Variants of each word seen, kept across articles: news repeats the same words.
_VARIANTS: dict[str, frozenset[str]] = {}
_VARIANTS_LIMIT = 200_000


def _variants(word: str) -> frozenset[str]:
    found = _VARIANTS.get(word)
    if found is not None:
        return found
    out = {word}
    if word[:1] in _PREFIX_FIRST:
        for n in _PREFIX_LENGTHS:
            if len(word) - n >= MIN_STEM and word[:n] in _PREFIXES:
                out.add(word[n:])
    for w in list(out):
        out.update(_unsuffixed(w))
    found = frozenset(out)
    if len(_VARIANTS) >= _VARIANTS_LIMIT:
        _VARIANTS.clear()
    _VARIANTS[word] = found
    return found


def index_terms(*texts: str | None) -> str:
    """The space-separated terms under which a text is indexed."""
    return index_terms_of_views(*(normalize_string(t) for t in texts if t))


def index_terms_of_views(*views: str) -> str:
    """:func:`index_terms` of texts already normalised (``normalize_string``, or a document's
    ``normalized.text``)."""
    words: set[str] = set()
    for view in views:
        words.update(_WORD.findall(view))
    terms: set[str] = set()
    cached = _VARIANTS.get
    for word in words:
        terms.update(cached(word) or _variants(word))
    return " ".join(sorted(terms))


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The query as a list of alternatives per word: every word must match one of its forms."""
    groups: list[tuple[str, ...]] = []
    for word in _WORD.findall(normalize_string(query or "")):
        prefix, stem = split_proclitics(word)
        form = stem if prefix and len(stem) >= MIN_STEM else word
        alts = [form]
        if form == word and word[:1] in "وفبلك" and len(word) >= 4:
            alts.append(word[1:])  # بعدن also finds عدن; the index holds both forms of every word
        alts += [b for b in _unsuffixed(form) if b not in alts]
        groups.append(tuple(alts))
    return groups


def fts5_query(groups: list[tuple[str, ...]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{a}"' for a in alts) + ")" for alts in groups)


def tsquery(groups: list[tuple[str, ...]]) -> str:
    return " & ".join("(" + " | ".join(alts) + ")" for alts in groups)
