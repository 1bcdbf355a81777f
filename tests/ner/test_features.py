"""Features of the NER model: normalised forms, clitic-stripped stems, lexicon classes, context."""

from __future__ import annotations

from marsad.ner.features import Featurizer, shape
from marsad.text.normalize import normalize_string

LEXICON = {"حلب": ("CITY",), "روسي": ("GENT",), "وزير": ("CUE_PER", "TITLE^"), "مدينه": ("CUE_LOC",)}


def words(text: str) -> list[str]:
    return normalize_string(text).split()


def test_clitics_are_stripped_before_the_lexicon_lookup():
    feats = Featurizer(LEXICON).sentence(words("وبحلب"))[0]
    assert "w=وبحلب" in feats
    assert "st=حلب" in feats
    assert "pf=وب" in feats
    assert "lx=CITY" in feats


def test_a_word_starting_with_a_clitic_letter_is_not_cut_when_the_rest_is_unknown():
    feats = Featurizer(LEXICON).sentence(words("وزير"))[0]
    assert not any(f.startswith("st=") or f.startswith("pf=") for f in feats)
    assert "lx=CUE_PER" in feats and "lx=TITLE^" in feats


def test_egyptian_spelling_gives_the_same_features_as_the_standard_one():
    feat = Featurizer(LEXICON)
    egyptian = feat.sentence(words("التقى الرئيس فى مدينة حلب"))
    standard = feat.sentence(words("التقى الرئيس في مدينه حلب"))
    assert egyptian == standard


def test_neighbours_features_carry_their_offset():
    feats = Featurizer(LEXICON).sentence(words("قال وزير الخارجية الروسي سيرغي لافروف"))
    name = feats[4]  # سيرغي
    assert "-1w=الروسي" in name
    assert "-1lx=GENT" in name
    assert "-2w=الخارجيه" in name
    assert "1w=لافروف" in name
    assert "bg-=الروسي|سيرغي" in name
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert "BOS" not in name and "EOS" not in name


def test_unknown_arabic_words_are_marked_rare_and_get_letter_trigrams():
    feats = Featurizer(LEXICON).sentence(words("دويسنبرج"))[0]
    assert "rare" in feats
    assert "c3=ويس" in feats
    assert "rare" not in Featurizer(LEXICON).sentence(["حلب"])[0]


def test_shapes():
    assert shape("حلب") == "A"
    assert shape("2016") == "D"
    assert shape("3.5") == "D"
    assert shape("UN") == "L"
    assert shape("،") == "P"
    assert shape("F16") == "M"


def test_cached_features_are_not_changed_by_building_sentences():
    feat = Featurizer(LEXICON)
    first = feat.sentence(words("في حلب اليوم"))
    again = feat.sentence(words("في حلب اليوم"))
    assert first == again
    assert feat.sentence(["حلب"])[0].count("w=حلب") == 1


def test_a_city_name_alone_is_no_evidence_for_a_bare_clitic_with_split_strict():
    lexicon = {"ويس": ("CITY",), "حلب": ("CITY", "CUE_LOC")}
    assert Featurizer(lexicon).split("لويس") == ("ل", "ويس")
    strict = Featurizer(lexicon, options={"split_strict": 1})
    assert strict.split("لويس") == ("", "لويس")
    assert strict.split("وحلب") == ("و", "حلب")  # known from a curated list
    assert strict.split("الويس") == ("ال", "ويس")  # the article is always split


def test_the_whole_word_keeps_its_affixes_when_a_clitic_is_cut():
    feats = Featurizer(LEXICON, options={"word_affix": 1}).sentence(words("وبحلب"))[0]
    assert {"wp2=وب", "ws2=لب", "ws3=حلب"} <= set(feats)
