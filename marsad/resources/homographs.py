"""Words that are also common words in other readings (``homographs.tsv``).

A match of a listed form is the common word when the word after it is one of the row's
``followed_by`` words, or the word before it one of its ``preceded_by`` words. ``ال*`` stands for
any word with the article, ``*`` for any word at all (the form is always the common word).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import normalize_string
from . import forms, table

_ANY_DEFINITE = "ال*"
_ANY = "*"
# words that begin with ال but carry no article
_NOT_DEFINITE = frozenset({"الي", "الا", "التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي",
                           "الان"})


@dataclass(frozen=True)
class Homograph:
    followed_by: frozenset[str]
    preceded_by: frozenset[str]
    any_definite_after: bool
    always: bool

    def is_common_word(self, prev_word: str, next_word: str) -> bool:
        """Is the form, between these two (normalised) words, the common word?"""
        if self.always:
            return True
        definite = next_word.startswith("ال") and next_word not in _NOT_DEFINITE
        return (next_word in self.followed_by or (self.any_definite_after and definite)
                or prev_word in self.preceded_by
                or prev_word[:1] in "وف" and prev_word[1:] in self.preceded_by)


@lru_cache(maxsize=None)
def homographs(kind: str) -> dict[str, Homograph]:
    """The homographs of one kind (``name``, ``trigger`` or ``cue``), by normalised form."""
    out = {}
    for row in table("homographs.tsv"):
        if row["kind"] != kind:
            continue
        after = row["followed_by"].split("|")
        plain = [w for w in after if w.strip() not in (_ANY_DEFINITE, _ANY)]
        out[normalize_string(row["form"])] = Homograph(
            frozenset(forms("|".join(plain))), frozenset(forms(row["preceded_by"])),
            _ANY_DEFINITE in after, _ANY in after)
    return out


def neighbours(view: str, token_start: int, token_end: int) -> tuple[str, str]:
    """The words before and after a token of a normalised text ("" at an edge or before
    punctuation)."""
    nxt = view[token_end:].split(maxsplit=1)
    prev = view[:token_start].rsplit(maxsplit=1)
    next_word = nxt[0] if nxt and nxt[0][:1].isalpha() else ""
    prev_word = prev[-1] if prev and prev[-1][-1:].isalpha() else ""
    return prev_word, next_word
