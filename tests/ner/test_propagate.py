"""Label propagation within a document."""

from __future__ import annotations

from marsad.ner.propagate import propagate


def test_a_surname_tagged_once_is_tagged_where_it_recurs():
    sents = [["قال", "كمال", "ستودهام", "ان", "السباق", "صعب"],
             ["واضاف", "ستودهام", "انه", "سيعود"]]
    tags = [["O", "B-PERS", "I-PERS", "O", "O", "O"], ["O", "O", "O", "O"]]
    out = propagate(sents, tags, frozenset())
    assert out[0] == tags[0]
    assert out[1] == ["O", "B-PERS", "O", "O"]


def test_a_whole_phrase_is_propagated_but_not_a_word_of_an_organisation():
    sents = [["اجتمع", "مجلس", "امن", "اليوم"], ["ثم", "مجلس", "امن", "و", "امن", "البلاد"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O", "O", "O"]]
    out = propagate(sents, tags, frozenset())
    assert out[1] == ["O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_common_words_and_words_with_two_types_are_left_alone():
    sents = [["زار", "عمان", "ثم", "عمان"], ["النادي", "عمان"], ["في", "عمان", "مع", "كريم"],
             ["شكر", "كريم"]]
    tags = [["O", "B-LOC", "O", "O"], ["O", "B-ORG"], ["O", "O", "O", "B-PERS"], ["O", "O"]]
    out = propagate(sents, tags, frozenset({"كريم"}))
    assert out[2] == ["O", "O", "O", "B-PERS"]  # عمان was LOC and ORG: not propagated
    assert out[3] == ["O", "O"]  # كريم is common
    assert out[0][3] == "O"


def test_a_propagated_word_after_a_chunk_of_its_type_extends_it():
    sents = [["وصل", "الساعدي"], ["قال", "معمر", "الساعدي"]]
    tags = [["O", "B-PERS"], ["O", "B-PERS", "O"]]
    assert propagate(sents, tags, frozenset())[1] == ["O", "B-PERS", "I-PERS"]


def test_a_misc_name_is_propagated_too():
    sents = [["انتشرت", "قوات", "يونيفيل", "امس"], ["وقالت", "يونيفيل", "ان"]]
    tags = [["O", "O", "B-MISC", "O"], ["O", "O", "O"]]
    assert propagate(sents, tags, frozenset())[1] == ["O", "B-MISC", "O"]
