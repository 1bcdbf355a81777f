"""The tagger: training on sentences we wrote, tagging a document's tokens, entity offsets and
the country and sector taken from an adjacent title or gentilic."""

from __future__ import annotations

import pytest

from marsad.document import Document
from marsad.ner.context import infer_attrs
from marsad.ner.tagger import Tagger
from marsad.ner.train import train
from marsad.resources import vocabulary
from marsad.stages.segment import split_sentences, tokenize

# A tiny corpus in CoNLL form, composed for these tests.
TINY = [
    [("قال", "O"), ("الرئيس", "O"), ("خالد", "B-PERS"), ("منصور", "I-PERS"), ("إن", "O"),
     ("القوات", "O"), ("دخلت", "O"), ("مدينة", "O"), ("حلب", "B-LOC"), (".", "O")],
    [("وأكد", "O"), ("الوزير", "O"), ("سامي", "B-PERS"), ("الخطيب", "I-PERS"), ("أن", "O"),
     ("حركة", "O"), ("النهضة", "B-ORG"), ("رفضت", "O"), ("العرض", "O"), (".", "O")],
    [("وصل", "O"), ("الرئيس", "O"), ("كريم", "B-PERS"), ("حداد", "I-PERS"), ("إلى", "O"),
     ("دمشق", "B-LOC"), ("قادما", "O"), ("من", "O"), ("بغداد", "B-LOC"), (".", "O")],
    [("أعلنت", "O"), ("جبهة", "B-ORG"), ("الإنقاذ", "I-ORG"), ("أنها", "O"), ("سيطرت", "O"),
     ("على", "O"), ("مدينة", "O"), ("حمص", "B-LOC"), (".", "O")],
    [("التقى", "O"), ("الوزير", "O"), ("فادي", "B-PERS"), ("نصار", "I-PERS"), ("وفد", "O"),
     ("حزب", "B-ORG"), ("الأمة", "I-ORG"), ("في", "O"), ("القاهرة", "B-LOC"), (".", "O")],
]
TINY_LEXICON = {"حلب": {"CITY"}, "دمشق": {"CITY"}, "بغداد": {"CITY"}, "حمص": {"CITY"},
                "قاهره": {"CITY"}, "رييس": {"CUE_PER"}, "وزير": {"CUE_PER"},
                "مدينه": {"CUE_LOC"}, "حركه": {"CUE_ORG"}, "حزب": {"CUE_ORG"}}


def segmented(text: str) -> Document:
    doc = Document(text)
    doc.sentences = split_sentences(doc)
    doc.tokens = tokenize(doc, vocabulary())
    return doc


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny-ner")
    path = folder / "tiny.conll"
    path.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in TINY) + "\n",
                    encoding="utf-8")
    meta = train(path, folder / "model", seed=7, params={"max_iterations": 60},
                 lexicon=TINY_LEXICON)
    return folder / "model", meta


def test_training_writes_the_model_its_lexicon_and_its_metadata(tiny_model):
    model, meta = tiny_model
    assert (model / "ner.crfsuite").stat().st_size > 0
    assert "حلب\tCITY" in (model / "lexicon.tsv").read_text("utf-8")
    assert meta["sentences"] == len(TINY)
    assert meta["seed"] == 7


def test_training_is_reproducible(tiny_model, tmp_path):
    model, _ = tiny_model
    corpus = model.parent / "tiny.conll"
    train(corpus, tmp_path, seed=7, params={"max_iterations": 60}, lexicon=TINY_LEXICON)
    assert (tmp_path / "ner.crfsuite").read_bytes() == (model / "ner.crfsuite").read_bytes()


def test_the_tiny_model_learns_its_sentences(tiny_model):
    tagger = Tagger(tiny_model[0])
    words = ["قال", "الرييس", "خالد", "منصور", "ان", "القوات", "دخلت", "مدينه", "حلب", "."]
    assert tagger.tag(words) == [t for _, t in TINY[0]]
    assert tagger.tag([]) == []


def test_entities_carry_original_offsets_through_clitics_and_diacritics(tiny_model):
    tagger = Tagger(tiny_model[0])
    text = "قالَ الرئيـــس خالد منصور إن القوات دخلت مدينة حلب.\nوأكد الوزير سامي الخطيب أن حركة النهضة رفضت العرض."
    doc = segmented(text)
    found = {(e.text, e.label) for e in tagger.entities(doc)}
    assert ("خالد منصور", "PER") in found
    assert ("حلب", "LOC") in found
    assert ("سامي الخطيب", "PER") in found
    for ent in tagger.entities(doc):
        assert doc.text[ent.start:ent.end] == ent.text
        assert ent.source == "model"
        assert ent.label in {"PER", "ORG", "LOC"}


def test_the_model_is_opened_only_when_first_used(tiny_model):
    tagger = Tagger(tiny_model[0])
    assert tagger._decoder is None
    tagger.tag(["حلب"])
    assert tagger._decoder is not None


def attrs_of(text: str, name: str) -> dict:
    doc = segmented(text)
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    first = name.split()[0]
    start = words.index(first)
    end = start + len(name.split())
    sent = [t for t in doc.tokens if t.sentence == doc.tokens[start].sentence]
    offset = doc.tokens.index(sent[0])
    return infer_attrs(sent, start - offset, end - offset)


def test_title_and_gentilic_before_a_name_give_sector_and_country():
    attrs = attrs_of("وقال وزير الخارجية الروسي سيرغي لافروف إن الهدنة صامدة", "سيرغي لافروف")
    assert attrs["country"] == "RUS" and attrs["sector"] == "GOV"


def test_an_apposition_after_the_name_counts_too():
    attrs = attrs_of("واستقبل ماجد الفرا سفير فلسطين لدى الأردن الوفد", "ماجد الفرا")
    assert attrs["sector"] == "GOV"
    assert attrs["country"] == "PSE"


def test_a_country_named_earlier_in_the_sentence_is_not_taken_for_the_person():
    attrs = attrs_of("وفي سوريا، قال رامي عبد الرحمن إن القصف استمر", "رامي عبد الرحمن")
    assert "country" not in attrs


def test_a_name_that_is_an_actor_entry_is_linked():
    attrs = attrs_of("وأعلنت حركة حماس رفضها للمبادرة", "حركة حماس")
    assert attrs["name"] == "Hamas" and attrs["country"] == "PSE"


def test_low_confidence_chunks_are_dropped_on_request(tiny_model):
    tagger = Tagger(tiny_model[0])
    words = ["قال", "الرييس", "خالد", "منصور", "ان", "القوات", "دخلت", "مدينه", "حلب", "."]
    assert tagger.tag(words, min_confidence=0.0) == [t for _, t in TINY[0]]
    assert set(tagger.tag(words, min_confidence=1.01)) == {"O"}
