"""Offset-preserving normalisation of Arabic text.

The original text is never rewritten. :func:`normalize` returns a :class:`NormalizedText`: a
matching view (unified alef and hamza carriers, ى→ي, ة→ه, no tatweel, no diacritics, Western
digits, spaces inserted where letters, digits and punctuation were glued together) and, for every
character of that view, the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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
        lo, hi = 0, len(self.text)
        offs = self.offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if offs[mid] < original_start:
                lo = mid + 1
            else:
                hi = mid
        return lo


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


# Per-character cache: normalising is the first cost of every article, and news text uses a few
# hundred distinct characters, so the per-character work is done once. A character that folds to
# exactly one character (nearly all) is in ``_SINGLE`` as ``(folded char, kind)``; one that is
# dropped or folds to several characters (a ligature) is in ``_MULTI`` as a tuple of such pairs.
_SINGLE: dict[str, tuple[str, int]] = {}
_MULTI: dict[str, tuple[tuple[str, int], ...]] = {}
_TABLE_LIMIT = 65536


def _char_entry(ch: str) -> tuple[tuple[str, int], ...]:
    entry = tuple((fc, _kind(fc)) for fc in fold_char(ch))
    if len(_SINGLE) + len(_MULTI) < _TABLE_LIMIT:
        if len(entry) == 1:
            _SINGLE[ch] = entry[0]
        else:
            _MULTI[ch] = entry
    return entry


def normalize(text: str) -> NormalizedText:
    chars: list[str] = []
    offsets: list[int] = []
    add_char = chars.append
    add_offset = offsets.append
    single = _SINGLE.get
    multi = _MULTI.get
    prev_kind = 0
    prev_char = ""
    for i, ch in enumerate(text):
        pair = single(ch)
        if pair is not None:
            fc, kind = pair
            # Glued tokens such as "الاسد،فى" or "6صباحا" get a space in the view.
            if kind != prev_kind and _glued(prev_kind, kind, prev_char, fc):
                add_char(" ")
                add_offset(i)
            add_char(fc)
            add_offset(i)
            prev_kind = kind
            prev_char = fc
            continue
        entry = multi(ch)
        if entry is None:
            entry = _char_entry(ch)
        for fc, kind in entry:  # the same rule, for each character a ligature gives
            if kind != prev_kind and _glued(prev_kind, kind, prev_char, fc):
                add_char(" ")
                add_offset(i)
            add_char(fc)
            add_offset(i)
            prev_kind = kind
            prev_char = fc
    offsets.append(len(text))
    return NormalizedText("".join(chars), tuple(offsets))


def _glued(prev_kind: int, kind: int, prev_char: str, char: str) -> bool:
    """Do two differing character kinds meet inside a glued token that the view splits with a
    space (الاسد،فى، 6صباحا)? Not at a word's start or end, not at a joiner, not between two
    kinds 3."""
    return bool(prev_kind and kind and not (prev_kind == 2 and char in _JOINERS)
                and not (kind == 2 and prev_char in _JOINERS)
                and not (prev_kind == 3 and kind == 3))


def _view(text: str) -> str:
    """``normalize(text).text`` without the offsets: the same loop, one list fewer."""
    chars: list[str] = []
    add_char = chars.append
    single = _SINGLE.get
    multi = _MULTI.get
    prev_kind = 0
    prev_char = ""
    for ch in text:
        pair = single(ch)
        if pair is not None:
            fc, kind = pair
            if kind != prev_kind and _glued(prev_kind, kind, prev_char, fc):
                add_char(" ")
            add_char(fc)
            prev_kind = kind
            prev_char = fc
            continue
        entry = multi(ch)
        if entry is None:
            entry = _char_entry(ch)
        for fc, kind in entry:
            if kind != prev_kind and _glued(prev_kind, kind, prev_char, fc):
                add_char(" ")
            add_char(fc)
            prev_kind = kind
            prev_char = fc
    return "".join(chars)
