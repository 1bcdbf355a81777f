"""Reading CoNLL files (``TOKEN TAG`` a line, blank line between sentences) and aligning their
tokens with ours.

ANERcorp's tokens are whitespace tokens in which punctuation is sometimes glued (``(د``, ``أ)``);
our segmenter splits a token at every change between letters, digits and punctuation. A corpus
token is therefore re-tokenised with the segmenter's pattern: its punctuation pieces get ``O``, its
first word piece the token's tag and its later word pieces the ``I-`` tag of the same type. To
score against the corpus, the tag of a corpus token is read back from its first word piece
(:func:`project_tags`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import MalformedInputError
from ..text.normalize import normalize_string
from .features import TOKEN_RE

TYPE_NAMES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


@dataclass
class Sentence:
    tokens: list[str]  # the corpus tokens, as written
    tags: list[str]  # their gold tags (IOB2, types as in the corpus)


def read_conll(path: str | Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedInputError(f"cannot read CoNLL file {path}: {exc}") from exc
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            if tokens:
                sentences.append(Sentence(tokens, tags))
                tokens, tags = [], []
            continue
        parts = line.split()
        if len(parts) < 2:
            raise MalformedInputError(f"{path}:{lineno}: expected 'TOKEN TAG', found {line!r}")
        tokens.append(parts[0])
        tags.append(parts[-1])
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def pieces(token: str) -> list[str]:
    """Our tokens inside one corpus token, normalised (at least one)."""
    found = TOKEN_RE.findall(normalize_string(token))
    return found or [token]


def retokenize(sentence: Sentence) -> tuple[list[str], list[str], list[int]]:
    """Our normalised words, their tags, and for each corpus token the index of the piece its
    tag is read back from."""
    words: list[str] = []
    tags: list[str] = []
    heads: list[int] = []
    for token, tag in zip(sentence.tokens, sentence.tags):
        parts = pieces(token)
        word_idx = [i for i, p in enumerate(parts) if p[0].isalnum() or p[0] == "_"]
        head = word_idx[0] if word_idx else 0
        heads.append(len(words) + head)
        for i, p in enumerate(parts):
            if tag == "O" or (i != head and i not in word_idx):
                tags.append("O")
            elif i == head:
                tags.append(tag)
            else:
                tags.append("I-" + tag[2:])
            words.append(p)
    return words, tags, heads


def project_tags(tags: list[str], heads: list[int]) -> list[str]:
    return [tags[h] for h in heads]


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    return set(chunks(tags))


def chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """CoNLL chunks ``(start, end, type)`` of an IOB2 sequence in order, types mapped to ours
    (PERS → PER); an ``I-`` without a preceding chunk of the same type starts one (conlleval's
    convention)."""
    out = []
    start = None
    kind = None
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: it closes the open chunk
            if start is not None:
                out.append((start, i, kind))
                start = None
            continue
        prefix, _, t = tag.partition("-")
        t = TYPE_NAMES.get(t, t)
        if start is not None and (prefix != "I" or t != kind):
            out.append((start, i, kind))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, t
    if start is not None:
        out.append((start, len(tags), kind))
    return out
