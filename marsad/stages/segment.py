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


def tokenize(doc: Document, known: frozenset[str], splits: dict[str, tuple[str, str]] | None = None
             ) -> list[Token]:
    """Tokens of ``doc`` with their clitic parts. ``splits`` caches :func:`split_proclitics` per
    word across documents (the stage passes one; the split depends only on the word)."""
    view = doc.normalized
    offs = view.offsets  # view index -> original index (NormalizedText.to_original, inlined)
    tokens: list[Token] = []
    add = tokens.append
    sent_index = 0
    sentences = doc.sentences
    n_sentences = len(sentences)
    next_start = sentences[1].start if n_sentences > 1 else None
    if splits is None:
        splits = {}
    get_split = splits.get
    for m in _TOKEN.finditer(view.text):
        m_start, m_end = m.span()
        start = offs[m_start]
        end = offs[m_end - 1] + 1  # a token is never empty
        if next_start is not None and next_start <= start:
            while next_start is not None and next_start <= start:
                sent_index += 1
                next_start = sentences[sent_index + 1].start if sent_index + 1 < n_sentences else None
        word = m.group()
        token = Token(start, end, word, sent_index)
        if len(word) > 2 and word[0].isalpha():
            split = get_split(word)
            if split is None:
                split = split_proclitics(word, known)
                if len(splits) < 200_000:
                    splits[word] = split
            prefix = split[0]
            if prefix:
                cut = m_start + len(prefix)
                s_start = offs[cut]
                token.parts = [SubToken("proclitic", start, offs[cut - 1] + 1, prefix),
                               SubToken("stem", s_start, end if cut < m_end else s_start, split[1])]
        add(token)
    return tokens


@stage("segment", requires=("text",), provides=("sentences", "tokens"))
def make_segment(settings):
    known = vocabulary()
    splits: dict[str, tuple[str, str]] = {}

    def segment(doc: Document) -> Document:
        doc.sentences = split_sentences(doc)
        doc.tokens = tokenize(doc, known, splits)
        return doc

    return segment
