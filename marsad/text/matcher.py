"""Clitic-aware lexicon matching on the normalised view, with an Aho-Corasick automaton.

An entry matches where its normalised form occurs and the letters between the token's start and
the match are a valid proclitic string for the entry's kind (و ف ب ل ك ال for nouns, و ف س ل
for verbs), and the match ends at the token's end (or, where the entry allows it, before a
pronoun suffix). So حلب matches in وبحلب and لحلب but not in حلبة, and الروس matches in
للروس through a variant key without the article's alef.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, NamedTuple

import ahocorasick

from .clitics import NOUN_PREFIX_SET, PRONOUN_SUFFIXES, VERB_PREFIX_SET
from .normalize import normalize_string

_PRONOUN_SUFFIX_SET = frozenset(PRONOUN_SUFFIXES)
_MAX_SUFFIX = max(map(len, PRONOUN_SUFFIXES))
_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
_MAX_PREFIX = 4


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str  # noun | verb | exact
    payload: Any
    lam_variant: bool
    suffixes: bool


class Match(NamedTuple):
    """A lexicon hit in view coordinates: ``start:end`` is the form, ``token_start`` begins
    the surface token (before any proclitic). A named tuple, not a frozen dataclass, which
    takes three times as long to build (the matcher builds a few hundred per article)."""

    start: int
    end: int
    token_start: int
    token_end: int
    prefix: str
    payload: Any

    @property
    def length(self) -> int:
        return self.end - self.start


class Lexicon:
    """A set of normalised forms, each carrying payloads, matched clitic-aware."""

    def __init__(self) -> None:
        self._entries: dict[str, list[_Entry]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, form: str, payload: Any, *, kind: str = "noun", suffixes: bool = False) -> None:
        key = normalize_string(form).strip()
        if not key:
            return
        self._entries.setdefault(key, []).append(_Entry(kind, payload, False, suffixes))
        if kind == "noun" and key.startswith("ال") and len(key) > 3:
            # للروس: ل + (ا)لروس — the article's alef drops after the preposition ل.
            self._entries.setdefault(key[1:], []).append(_Entry(kind, payload, True, suffixes))
        self._automaton = None

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for key, entries in self._entries.items():
            takes_suffix = any(entry.suffixes for entry in entries)
            # في هجوم ل، التابعة ل، وفقا ل: a form ending in a preposition clitic runs into the
            # next word (في هجوم للقوات)
            glued = key.endswith((" ل", " ب"))
            automaton.add_word(key, (len(key), tuple(entries), takes_suffix, glued))
        automaton.make_automaton()
        return automaton

    def finditer(self, view: str) -> Iterator[Match]:
        if not self._entries:
            return
        if self._automaton is None:
            self._automaton = self._build()
        n = len(view)
        noun_prefixes, verb_prefixes = NOUN_PREFIX_SET, VERB_PREFIX_SET
        for last, (length, entries, takes_suffix, glued) in self._automaton.iter(view):
            end = last + 1
            start = end - length
            if glued:
                token_end, suffix = end, ""
            elif end < n and view[end].isalnum():
                if not takes_suffix:
                    continue  # inside a word, as most hits of short forms are
                token_end = end + 1
                while token_end < n and view[token_end].isalnum():
                    token_end += 1
                    if token_end - end > _MAX_SUFFIX:
                        break
                suffix = view[end:token_end]
                if suffix not in _PRONOUN_SUFFIX_SET:
                    continue
            else:
                token_end = end
                suffix = ""
            if start and view[start - 1].isalnum():
                token_start = start - 1
                while token_start > 0 and view[token_start - 1].isalnum():
                    token_start -= 1
                    if start - token_start > _MAX_PREFIX:
                        break
                prefix = view[token_start:start]
            else:
                token_start = start
                prefix = ""
            for entry in entries:
                if suffix and not entry.suffixes:
                    continue
                if entry.lam_variant:
                    if prefix not in _LAM_PREFIXES:
                        continue
                elif prefix:
                    if entry.kind == "exact" or prefix not in (
                            verb_prefixes if entry.kind == "verb" else noun_prefixes):
                        continue
                yield Match(start, end, token_start, token_end, prefix, entry.payload)


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring the longest (then the leftmost), in text order."""
    if not matches:
        return []
    taken = bytearray(max(m.end for m in matches))  # 1 where a chosen match lies
    chosen: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if taken.find(1, m.start, m.end) != -1:
            continue
        chosen.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    chosen.sort(key=lambda m: m.start)
    return chosen
