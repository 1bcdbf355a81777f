"""Reading CoNLL files and aligning corpus tokens with the segmenter's tokens."""

from __future__ import annotations

import pytest

from marsad.errors import MalformedInputError
from marsad.ner.conll import Sentence, chunks, pieces, project_tags, read_conll, retokenize, spans

SAMPLE = """\
أعلن O
الرئيس O
المصري B-PERS
عبد B-PERS
الفتاح I-PERS
السيسي I-PERS
. O

(القاهرة B-LOC
- O
د O
ب O
أ) B-ORG
"""


def test_read_conll(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    sents = read_conll(path)
    assert [len(s.tokens) for s in sents] == [7, 5]
    assert sents[0].tags[3:6] == ["B-PERS", "I-PERS", "I-PERS"]


def test_read_conll_rejects_a_line_without_a_tag(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("حلب B-LOC\nدمشق\n", encoding="utf-8")
    with pytest.raises(MalformedInputError):
        read_conll(path)


def test_glued_punctuation_is_split_and_keeps_the_tag_on_the_word():
    sent = Sentence(["(القاهرة", "-", "أ)"], ["B-LOC", "O", "B-ORG"])
    words, tags, heads = retokenize(sent)
    assert words == ["(", "القاهره", "-", "ا", ")"]
    assert tags == ["O", "B-LOC", "O", "B-ORG", "O"]
    assert heads == [1, 2, 3]
    assert project_tags(tags, heads) == ["B-LOC", "O", "B-ORG"]


def test_a_token_split_into_two_words_continues_its_entity():
    assert pieces("F16") == ["f", "16"]
    words, tags, _ = retokenize(Sentence(["F16"], ["B-MISC"]))
    assert tags == ["B-MISC", "I-MISC"]


def test_spans_follow_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG", "I-ORG"]
    assert chunks(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 7, "ORG")]
    assert spans(["B-PERS", "I-LOC"]) == {(0, 1, "PER"), (1, 2, "LOC")}
