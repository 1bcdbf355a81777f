"""The segmenter's per-word cache of clitic splits (a speed-up) gives the tokens it gives
without the cache, across documents."""

from __future__ import annotations

from marsad.document import Document
from marsad.resources import vocabulary
from marsad.stages.segment import split_sentences, tokenize

TEXTS = [
    "وقال الرئيس للصحفيين إن القوات السورية سيطرت على حلب.\nوأكد الروس ذلك.",
    "فالمتظاهرون والمحتجون خرجوا بالآلاف، وللروس رأي آخر؛ فرنسا وبريطانيا طالبتا بمراقبين.",
    "",
    "الاسد،فى 6صباحا",
]


def tokens(text: str, cache=None):
    doc = Document(text=text)
    doc.sentences = split_sentences(doc)
    return tokenize(doc, vocabulary(), cache)


def test_cached_splits_give_the_same_tokens():
    cache: dict = {}
    for text in TEXTS + TEXTS:  # the second round reads every split from the cache
        assert tokens(text, cache) == tokens(text)
    assert cache["والمحتجون"] == ("وال", "محتجون")
    assert cache["خرجوا"] is None  # no proclitic
    parts = [t.parts for t in tokens(TEXTS[1], cache) if t.norm == "وللروس"][0]
    assert [(p.kind, p.norm) for p in parts] == [("proclitic", "ولل"), ("stem", "روس")]


def test_tokens_keep_their_sentence():
    toks = tokens(TEXTS[0], {})
    assert toks[0].sentence == 0 and toks[-1].sentence == 1
    assert TEXTS[0][toks[-2].start:toks[-2].end] == "ذلك"
