"""Offset-preserving normalisation of Arabic text.

The original text is never rewritten. :func:`normalize` returns a :class:`NormalizedText`: a
matching view (unified alef and hamza carriers, ى→ي, ة→ه, no tatweel, no diacritics, Western
digits, spaces inserted where letters, digits and punctuation were glued together) and, for every
character of that view, the index of the original character it came from.
"""

from __future__ import annotations

import re
import string
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable

# One-to-one character substitutions for the matching view.
_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ي": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
    "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\r": " ",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian/Urdu) digits

# Characters dropped from the matching view: tatweel, harakat, superscript alef, Quranic marks,
# bidi and zero-width controls, byte-order marks.
_DROP = re.compile(
    "[\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]"
)
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")


def fold_char(ch: str) -> str:
    """The matching form of one character (may be empty or, for ligatures, two characters)."""
    if _DROP.match(ch):
        return ""
    if _PRESENTATION.match(ch):
        return "".join(_FOLD.get(c, c) for c in unicodedata.normalize("NFKC", ch))
    return _FOLD.get(ch, ch).lower()


def _kind(ch: str) -> int:
    """0 space, 1 letter, 2 digit, 3 punctuation or symbol."""
    if ch.isspace():
        return 0
    if ch.isdigit():
        return 2
    if ch.isalpha():
        return 1
    return 3


# Inside numbers (3.5, 1,500) and a few joiners a boundary is not a word boundary.
_JOINERS = set(".,/:-+")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The matching view of a text and its map back to the original characters."""

    text: str
    offsets: tuple[int, ...]  # offsets[i]: original index of self.text[i]; one extra at the end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` span of the view's ``[start, end)``."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def find_view(self, original_start: int) -> int:
        """The first view index whose original offset is at or after ``original_start``."""
        return bisect_left(self.offsets, original_start, 0, len(self.text))


# The views of short strings (words, short names) are kept: the stages ask for the same few
# thousand words over and over, article after article (on the shared news, 94 % of the calls for
# strings under 8 characters are repeats, 54 % under 16, 12 % or fewer beyond 24, not kept).
_STRING_CACHE: dict[str, str] = {}
_STRING_CACHE_LIMIT = 50_000
_STRING_CACHE_MAX_LEN = 24


def normalize_string(text: str) -> str:
    """The matching view alone, for lexicon keys and queries (no offsets needed)."""
    if len(text) > _STRING_CACHE_MAX_LEN:
        return _view(text)
    view = _STRING_CACHE.get(text)
    if view is None:
        view = _view(text)
        if len(_STRING_CACHE) >= _STRING_CACHE_LIMIT:
            _STRING_CACHE.clear()
        _STRING_CACHE[text] = view
    return view


# Normalising is the first cost of every article, so it runs as one ``str.translate`` pass (a C
# loop) instead of a Python loop over characters, and regexes then find where a glued token gets
# its space and where the view shifts against the original. The table fills itself the first
# time it meets a character (news text uses a few hundred distinct ones), and learns on the way
# what the regexes need: which characters fold to other than one character, and which folded
# characters are digits or punctuation.
_TABLE_LIMIT = 65536


class _FoldTable(dict):
    """The ``str.translate`` table of :func:`fold_char`, computed on first sight of a character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold_char(ch)
        if len(folded) != 1:
            _learn_irregular(ch)
        _learn_non_letters(folded)
        if len(self) < _TABLE_LIMIT:
            self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()

# Characters whose matching form is not exactly one character (dropped, or a ligature): only
# they shift the view against the original, so only they are looked for when mapping offsets.
_IRREGULAR: set[str] = set()
_irregular_re: re.Pattern


def _learn_irregular(*chars: str) -> None:
    global _irregular_re
    if not _IRREGULAR.issuperset(chars):
        _IRREGULAR.update(chars)
        _irregular_re = re.compile(_char_class(_IRREGULAR))


# Two differing kinds that meet inside a glued token (الاسد،فى، 6صباحا) are split by a space in
# the view, except at a joiner beside a digit (3.5, 1,500) and between two punctuation marks:
# the pairs letter|digit, letter|punctuation (joiners included) and digit|punctuation (joiners
# excluded), either way round. Every pair holds a digit or a punctuation mark, and the patterns
# start on it, which the regex engine finds quickly. The classes list the digits and marks met in
# folded text so far; a letter is any other character that is not a space (``_kind``).
_DIGITS: set[str] = set()
_MARKS: set[str] = set()  # punctuation and symbols, joiners aside
_non_letter: re.Pattern  # a digit or punctuation mark: no glued token without one
_glue_before: re.Pattern  # matches each character a space goes before
_glue_after: re.Pattern  # matches each character a space goes after


def _learn_non_letters(chars: Iterable[str]) -> None:
    global _non_letter, _glue_before, _glue_after
    new = {ch for ch in chars if _kind(ch) > 1} - _DIGITS - _MARKS - _JOINERS
    if not new:
        return
    for ch in new:
        (_DIGITS if _kind(ch) == 2 else _MARKS).add(ch)
    digit, mark = _char_class(_DIGITS), _char_class(_MARKS)
    non_letter = _char_class(_DIGITS | _MARKS | _JOINERS)
    letter = _char_class(_DIGITS | _MARKS | _JOINERS, negated_with=r"\s")
    _glue_before = re.compile(f"{non_letter}(?<={letter}.)|{digit}(?<={mark}.)|{mark}(?<={digit}.)")
    _glue_after = re.compile(f"{non_letter}(?={letter})")
    _non_letter = re.compile(non_letter)


def _char_class(chars: set[str], negated_with: str = "") -> str:
    """A regex character class of ``chars`` (never empty: an empty set matches nothing), or with
    ``negated_with``, the class of every character that is in neither."""
    body = "".join(map(re.escape, sorted(chars)))
    if negated_with:
        return f"[^{negated_with}{body}]"
    return f"[{body}]" if body else "(?!)"


# Learnt up front, each regex compiled once: the dropped marks and controls of the Arabic and
# punctuation blocks, and the digits and common punctuation (the rest is learnt as it comes).
_learn_irregular(*(ch for block in (range(0x0600, 0x0700), range(0x2000, 0x2070))
                   for ch in map(chr, block) if len(fold_char(ch)) != 1))
_learn_non_letters(string.digits + string.punctuation + "،؛؟«»")


def _origins(text: str) -> range | list[int]:
    """For each character of ``text.translate(_FOLD_TABLE)`` (translated before this is called,
    so that every irregular character of ``text`` is known), the index of its original."""
    if _irregular_re.search(text) is None:
        return range(len(text))
    origin: list[int] = []
    pos = 0
    for m in _irregular_re.finditer(text):
        i = m.start()
        origin += range(pos, i)
        origin += [i] * len(_FOLD_TABLE[ord(m.group())])
        pos = i + 1
    origin += range(pos, len(text))
    return origin


def _glue_points(folded: str) -> list[int]:
    """The indices of ``folded`` that a space goes before."""
    before = [m.start() for m in _glue_before.finditer(folded)]
    after = [m.end() for m in _glue_after.finditer(folded)]
    if not after:
        return before
    return sorted(before + after) if before else after


def normalize(text: str) -> NormalizedText:
    folded = text.translate(_FOLD_TABLE)
    origin = _origins(text)
    # Glued tokens such as "الاسد،فى" or "6صباحا" get a space in the view, mapped to the
    # original character after it.
    glue = _glue_points(folded)
    if not glue:
        return NormalizedText(folded, (*origin, len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    prev = 0
    for g in glue:
        pieces.append(folded[prev:g])
        offsets += origin[prev:g]
        offsets.append(origin[g])
        prev = g
    pieces.append(folded[prev:])
    offsets += origin[prev:]
    offsets.append(len(text))
    return NormalizedText(" ".join(pieces), tuple(offsets))


def _view(text: str) -> str:
    """``normalize(text).text`` without the offsets."""
    folded = text.translate(_FOLD_TABLE)
    if _non_letter.search(folded) is None:
        return folded  # the common word
    glue = _glue_points(folded)
    if not glue:
        return folded
    return " ".join(folded[a:b] for a, b in zip([0, *glue], [*glue, len(folded)]))
