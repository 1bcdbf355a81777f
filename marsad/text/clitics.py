"""Arabic clitics on the normalised view: which letter sequences may stand before a word.

Shared by the segmenter (to split a surface token into sub-units) and by the lexicon matcher (to
accept a match that starts inside a token, as حلب inside وبحلب or الروس inside والروس).
"""

from __future__ import annotations

import re

# Conjunction, then preposition, then the article: و ف | ب ل ك | ال.  لل is ل + ال with the
# article's alef dropped.  س marks the future before an imperfect prefix (سيعقد).
PROCLITIC_RE = re.compile(r"^(?P<conj>[وف])?(?:(?P<prep>[بك])?(?P<art>ال)?|(?P<lam>ل)(?P<lart>ل)?)$")

# Every proclitic string that can stand before a noun, longest first.
NOUN_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            c + p + a
            for c in ("", "و", "ف")
            for p, a in (("", ""), ("ب", ""), ("ك", ""), ("", "ال"), ("ب", "ال"), ("ك", "ال"),
                         ("ل", ""), ("ل", "ل"))
        }
        - {""},
        key=len,
        reverse=True,
    )
)
VERB_PREFIXES: tuple[str, ...] = ("وس", "فس", "ول", "فل", "و", "ف", "س", "ل")
PRONOUN_SUFFIXES: tuple[str, ...] = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")

NOUN_PREFIX_SET = frozenset(NOUN_PREFIXES)
VERB_PREFIX_SET = frozenset(VERB_PREFIXES)
_MAX_NOUN_PREFIX = max(map(len, NOUN_PREFIXES))
_PREFIX_INITIALS = frozenset(p[0] for p in NOUN_PREFIXES)


def is_noun_prefix(s: str) -> bool:
    return s in NOUN_PREFIX_SET


def is_verb_prefix(s: str) -> bool:
    return s in VERB_PREFIX_SET


def ends_with_article(prefix: str) -> bool:
    """Does this proclitic string already carry the article (ال or the ل of لل)?"""
    return prefix.endswith("ال") or prefix.endswith("لل")


def split_proclitics(word: str, known: frozenset[str] | set[str] = frozenset()) -> tuple[str, str]:
    """Split ``word`` (normalised) into ``(proclitics, stem)``.

    The article and its combinations are split whenever a stem of two letters or more remains.
    A bare conjunction or preposition (و ف ب ل ك) is split only when what remains is a known
    word, because many words simply begin with those letters (وزير, فرنسا, بريطانيا).
    """
    if word[:1] not in _PREFIX_INITIALS:
        return "", word  # over a third of news words: no proclitic begins with their first letter
    for k in range(min(_MAX_NOUN_PREFIX, len(word)), 0, -1):  # longest first, as NOUN_PREFIXES
        prefix = word[:k]
        if prefix not in NOUN_PREFIX_SET:
            continue
        stem = word[k:]
        if prefix.endswith("لل") and len(stem) >= 2:
            return prefix, stem  # للروس = ل + ال + روس
        if prefix.endswith("ال") and len(stem) >= 2:
            return prefix, stem
        if stem in known or ("ال" + stem) in known:
            return prefix, stem
    if word[:1] in "وف" and word[1:] in known:
        return word[:1], word[1:]
    return "", word
