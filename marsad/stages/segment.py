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


def tokenize(doc: Document, known: frozenset[str]) -> list[Token]:
    view = doc.normalized
    tokens: list[Token] = []
    sent_index = 0
    sentences = doc.sentences
    for m in _TOKEN.finditer(view.text):
        start, end = view.to_original(m.start(), m.end())
        while sent_index + 1 < len(sentences) and sentences[sent_index + 1].start <= start:
            sent_index += 1
        word = m.group()
        token = Token(start, end, word, sent_index)
        if word[0].isalpha() and len(word) > 2:
            prefix, stem = split_proclitics(word, known)
            if prefix:
                cut = m.start() + len(prefix)
                p_start, p_end = view.to_original(m.start(), cut)
                s_start, s_end = view.to_original(cut, m.end())
                token.parts = [SubToken("proclitic", p_start, p_end, prefix),
                               SubToken("stem", s_start, s_end, stem)]
        tokens.append(token)
    return tokens


@stage("segment", requires=("text",), provides=("sentences", "tokens"))
def make_segment(settings):
    known = vocabulary()

    def segment(doc: Document) -> Document:
        doc.sentences = split_sentences(doc)
        doc.tokens = tokenize(doc, known)
        return doc

    return segment
