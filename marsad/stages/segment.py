"""Stage ``segment``: sentences, tokens, and clitic sub-units of each token.

Sentences end at ``. ! ? ؟`` and at line breaks, never at the Arabic comma: news sentences run
through many commas. A headline (a first line followed by a blank line) is its own sentence and
is flagged, because the gold conventions treat it as a mention of the body's event.
"""

from __future__ import annotations

import re

from ..document import Document, Sentence, SubToken, Token
from ..pipeline import stage
from ..resources import vocabulary
from ..text.clitics import split_proclitics

_TOKEN = re.compile(r"\d+(?:[.,/:]\d+)*|\w+|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$|[\"»”')\]])|\n")


def split_sentences(doc: Document) -> list[Sentence]:
    text = doc.text
    sentences: list[Sentence] = []
    start = 0
    headline = bool(re.match(r"[^\n]{1,300}\n[ \t\r]*\n", text)) and not doc.title

    def add(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            sentences.append(Sentence(s, e, headline=headline and not sentences))

    for m in _SENTENCE_END.finditer(text):
        add(start, m.end())
        start = m.end()
    add(start, len(text))
    return sentences


def tokenize(doc: Document, known: frozenset[str],
             splits: dict[str, tuple[str, str] | None] | None = None) -> list[Token]:
    """Tokens of ``doc`` with their clitic parts. ``splits`` caches, per word, its split by
    :func:`split_proclitics`, None when it has no proclitic, across documents (the stage passes
    one; the split depends only on the word)."""
    view = doc.normalized
    offs = view.offsets  # view index -> original index (NormalizedText.to_original, inlined)
    tokens: list[Token] = []
    add = tokens.append
    sentences = doc.sentences
    n_sentences = len(sentences)
    past_end = len(doc.text) + 1  # a start no token reaches
    sent_index = 0
    next_start = sentences[1].start if n_sentences > 1 else past_end
    if splits is None:
        splits = {}
    get_split = splits.get
    for m in _TOKEN.finditer(view.text):
        m_start, m_end = m.span()
        start = offs[m_start]
        end = offs[m_end - 1] + 1  # a token is never empty
        while start >= next_start:
            sent_index += 1
            following = sent_index + 1
            next_start = sentences[following].start if following < n_sentences else past_end
        word = m.group()
        split = get_split(word, _UNSEEN)
        if split is _UNSEEN:
            split = _split(word, known)
            if len(splits) < 200_000:
                splits[word] = split
        if split is None:
            add(Token(start, end, word, sent_index))
        else:
            prefix, stem = split
            cut = m_start + len(prefix)
            s_start = offs[cut]
            add(Token(start, end, word, sent_index,
                      [SubToken("proclitic", start, offs[cut - 1] + 1, prefix),
                       SubToken("stem", s_start, end if cut < m_end else s_start, stem)]))
    return tokens


_UNSEEN = object()


def _split(word: str, known: frozenset[str]) -> tuple[str, str] | None:
    """The word's ``(proclitics, stem)``, or None when it has no proclitic."""
    if len(word) > 2 and word[0].isalpha():
        split = split_proclitics(word, known)
        if split[0]:
            return split
    return None


@stage("segment", requires=("text",), provides=("sentences", "tokens"))
def make_segment(settings):
    known = vocabulary()
    splits: dict[str, tuple[str, str]] = {}

    def segment(doc: Document) -> Document:
        doc.sentences = split_sentences(doc)
        doc.tokens = tokenize(doc, known, splits)
        return doc

    return segment
