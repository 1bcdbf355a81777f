"""Token features for the CRF, computed on the normalised view of each token.

A token's own features depend only on its normalised form, so they are computed once per
distinct word and cached (:class:`Featurizer`); a sentence's features are then the cached lists of
each token and its neighbours (two words either side, their forms, stems and lexicon classes,
prefixed with the offset) plus the two word bigrams around it. This keeps tagging well above
50,000 tokens a second on one core.

Own features of a word ``w`` (normalised: folded alef/hamza, ى→ي, ة→ه, no diacritics):

- ``w=`` the form, ``st=`` the stem after the proclitics (و ف ب ل ك ال, see
  :func:`marsad.text.clitics.split_proclitics`), ``pf=`` the proclitic string;
- ``p2= p3=`` first letters and ``s1= s2= s3=`` last letters of the stem (nisba ي، plural ون/ين،
  feminine ه);
- ``p4= s4=`` for stems of five letters or more, and ``c3=`` the letter trigrams inside the stem
  (transliterated foreign names have their own letter patterns: ديسبري، تيانين);
- ``rare`` for an Arabic word that is neither in the lexicons nor seen three times in training,
  and for a rare word the words before and after it (``r-1w= r+1w=``): قال X، الرئيس X;
- ``sh=`` the shape (Arabic letters, Latin, digits, punctuation, mixed) and ``ln=`` the length;
- ``lx=`` each lexicon class of the stem (country, city, actor, title, gentilic, cue words: see
  :mod:`marsad.ner.lexicon`).
"""

from __future__ import annotations

import re

from ..text.clitics import split_proclitics

# The segmenter's token pattern (marsad/stages/segment.py): training data is re-tokenised with
# it, so that the model sees at training time the tokens it gets from the pipeline.
TOKEN_RE = re.compile(r"\d+(?:[.,/:]\d+)*|\w+|[^\w\s]", re.UNICODE)

_ARABIC = re.compile("^[\u0621-\u064a]+$")
_LATIN = re.compile("^[A-Za-z]+$")
_DIGITS = re.compile(r"^\d[\d.,/:]*$")
_CACHE_LIMIT = 200_000


def shape(word: str) -> str:
    if _ARABIC.match(word):
        return "A"
    if _DIGITS.match(word):
        return "D"
    if _LATIN.match(word):
        return "L"
    if not any(c.isalnum() for c in word):
        return "P"
    return "M"


class Featurizer:
    """Features of normalised token sequences, given the lexicon classes of words."""

    def __init__(self, lexicon: dict[str, tuple[str, ...]],
                 clusters: dict[str, tuple[str, ...]] | None = None,
                 options: dict | None = None):
        # Classes beginning with "_" are bookkeeping (known words, common words), not features.
        self.lexicon = {w: tuple(c for c in cs if not c.startswith("_")) for w, cs in lexicon.items()}
        self.options = dict(options or {})
        if self.options.get("split_strict"):
            # The large automatic city list is no evidence that a bare و ف ب ل ك is a clitic
            # (لويس is no ل + ويس).
            self.known = frozenset(w for w, cs in lexicon.items()
                                   if any(not c.startswith("CITY") for c in cs))
        else:
            self.known = frozenset(lexicon)
        self.clusters = clusters or {}
        self._split: dict[str, tuple[str, str]] = {}
        self.common = frozenset(w for w, cs in lexicon.items() if "_COMMON" in cs)
        # Training only: words whose identity features are left out (the hapaxes), so that the
        # model learns to recognise a name it has not seen from its context, affixes and letters.
        self.hide: frozenset[str] = frozenset()
        self._own: dict[str, list[str]] = {}
        # per word: its features as the word two before, one before, one after and two after
        # another, and whether it is rare
        self._ctx: dict[str, tuple] = {}

    def stem(self, word: str) -> str:
        return self.split(word)[1]

    def stems(self, words: list[str]) -> list[str]:
        """:meth:`stem` of each word (the cached splits looked up directly)."""
        cached = self._split.get
        return [(cached(w) or self.split(w))[1] for w in words]

    def split(self, word: str) -> tuple[str, str]:
        got = self._split.get(word)
        if got is None:
            if len(word) > 2 and word[0].isalpha():
                got = split_proclitics(word, self.known)
            else:
                got = ("", word)
            if len(self._split) > _CACHE_LIMIT:
                self._split.clear()
            self._split[word] = got
        return got

    def _compute(self, word: str) -> tuple[list[str], tuple]:
        own, entry = self.word_features(word)
        if len(self._own) > _CACHE_LIMIT:
            self._own.clear()
            self._ctx.clear()
        self._own[word] = own
        self._ctx[word] = entry
        return own, entry

    def word_features(self, word: str) -> tuple[list[str], tuple]:
        """A word's own feature strings, and those it gives the words two before, one before,
        one after and two after it, and whether it is rare (not cached here)."""
        own, base, s2, rare = self.word_parts(word)
        m1 = ["-1" + f for f in base]
        m1.append("-1s2=" + s2)
        p1 = ["1" + f for f in base]
        p1.append("1s2=" + s2)
        return own, (["-2" + f for f in base], m1, p1, ["2" + f for f in base], rare)

    def word_parts(self, word: str) -> tuple[list[str], list[str], str, bool]:
        """A word's own feature strings; the features it gives its neighbours before their
        offset prefix (``w=``, ``st=``, ``lx=``, ``rare``: "-1" + f for the word before …);
        its stem's last two letters, which the words one before and one after also see as
        ``s2=``; and whether it is rare."""
        prefix, stem = self.split(word)
        classes = self.lexicon.get(stem, ())
        if not classes and stem.startswith("ال") and len(stem) > 4:
            classes = self.lexicon.get(stem[2:], ())
        own = ["w=" + word, "sh=" + shape(word), "ln=" + str(min(len(stem), 8)),
               "p2=" + stem[:2], "p3=" + stem[:3],
               "s1=" + stem[-1:], "s2=" + stem[-2:], "s3=" + stem[-3:]]
        if prefix:
            own.append("st=" + stem)
            own.append("pf=" + prefix)
        if len(stem) >= 5:
            own.append("p4=" + stem[:4])
            own.append("s4=" + stem[-4:])
        if stem not in self.known and own[1] == "sh=A":
            own.append("rare")
        if 4 <= len(stem) <= 12:
            own.extend("c3=" + stem[k:k + 3] for k in range(1, len(stem) - 3))
        own.extend("lx=" + c for c in classes)
        opt = self.options
        if opt.get("word_affix") and prefix:
            own += ["wp2=" + word[:2], "ws2=" + word[-2:], "ws3=" + word[-3:]]
        own.extend("k=" + k for k in self.clusters.get(word) or self.clusters.get(stem) or ())
        hidden = word in self.hide  # training only
        if hidden:
            own = [f for f in own if not f.startswith(("w=", "st="))]
            base = []
        else:
            base = ["w=" + word, "st=" + stem] if prefix else ["w=" + word]
        base.extend(["lx=" + c for c in classes])
        rare = "rare" in own
        if rare:
            base.append("rare")
        return own, base, stem[-2:], rare

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Features of each word of a sentence (words already normalised)."""
        own_cache, ctx_cache, hide = self._own, self._ctx, self.hide
        owns = []
        ctxs = []
        for w in words:
            own = own_cache.get(w)
            if own is None:
                own, ctx = self._compute(w)
            else:
                ctx = ctx_cache[w]
            owns.append(own)
            ctxs.append(ctx)
        n = len(words)
        out = []
        # bigram i joins words i-1 and i ("" where either is hidden in training)
        bigrams = [""] + [a + "|" + b if a not in hide and b not in hide else ""
                          for a, b in zip(words, words[1:])]
        for i in range(n):
            feats = list(owns[i])
            if ctxs[i][4]:  # an unknown word: what stands around it says what it is
                feats.append("r-1w=" + (words[i - 1] if i else "BOS"))
                feats.append("r+1w=" + (words[i + 1] if i + 1 < n else "EOS"))
            if i >= 2:
                feats += ctxs[i - 2][0]
            if i >= 1:
                feats += ctxs[i - 1][1]
                if bigrams[i]:
                    feats.append("bg-=" + bigrams[i])
            else:
                feats.append("BOS")
            if i + 1 < n:
                feats += ctxs[i + 1][2]
                if bigrams[i + 1]:
                    feats.append("bg+=" + bigrams[i + 1])
            else:
                feats.append("EOS")
            if i + 2 < n:
                feats += ctxs[i + 2][3]
            out.append(feats)
        return out
