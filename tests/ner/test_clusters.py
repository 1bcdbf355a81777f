"""Word clusters from unlabelled text (marsad/ner/clusters.py) and their use as features."""

from __future__ import annotations

import json

import pytest

from marsad.ner.features import Featurizer

np = pytest.importorskip("numpy")

from marsad.ner.clusters import build_clusters, news_sentences  # noqa: E402

CITIES = ["حلب", "حمص", "دمشق", "بغداد", "الموصل", "صنعاء"]
PEOPLE = ["خالد", "سامي", "كريم", "فادي", "نبيل", "ماجد"]
VERBS = ["وصل", "عاد", "توجه", "انتقل"]


def corpus() -> list[list[str]]:
    # Sentences composed for this test: people arrive in cities.
    out = []
    for person in PEOPLE:
        for verb in VERBS:
            for city in CITIES:
                out.append(["قال", "الرييس", person, "انه", verb, "الي", "مدينه", city, "امس"])
    return out


def test_every_frequent_word_gets_one_id_per_level_and_rare_words_none():
    sentences = corpus() + [["كلمه", "نادره"]]
    clusters = build_clusters(sentences, sizes=(2, 4), dims=4, contexts=50)
    assert set(clusters["حلب"]) and len(clusters["حلب"]) == 2
    assert clusters["حلب"][0].startswith("K2_") and clusters["حلب"][1].startswith("K4_")
    assert "نادره" not in clusters


def test_words_in_the_same_company_share_their_clusters():
    clusters = build_clusters(corpus(), sizes=(2, 4), dims=4, contexts=50)
    assert len({clusters[c] for c in CITIES}) == 1
    assert len({clusters[p] for p in PEOPLE}) == 1
    assert clusters["حلب"] != clusters["خالد"]


def test_clusters_are_reproducible_with_the_seed():
    assert build_clusters(corpus(), sizes=(2, 4), dims=4, contexts=50, seed=5) == \
        build_clusters(corpus(), sizes=(2, 4), dims=4, contexts=50, seed=5)


def test_too_little_text_gives_no_clusters():
    assert build_clusters([["قال", "الرييس"]] * 3) == {}


def test_news_files_are_read_paragraph_by_paragraph_normalised(tmp_path):
    path = tmp_path / "news.jsonl"
    doc = {"id": "1", "title": "عنوان الخبر", "text": "وصل الرئيس إلى حلب.\nثم عاد."}
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n\n", encoding="utf-8")
    assert news_sentences([path]) == [["عنوان", "الخبر"], ["وصل", "الرييس", "الي", "حلب", "."],
                                      ["ثم", "عاد", "."]]


def test_the_features_carry_the_cluster_ids_of_the_word_or_its_stem():
    feat = Featurizer({"حلب": ("CITY",)}, {"حلب": ("K2_1", "K4_3")})
    assert {"k=K2_1", "k=K4_3"} <= set(feat.sentence(["وبحلب"])[0])
    assert not any(f.startswith("k=") for f in feat.sentence(["امس"])[0])


def test_a_model_trained_with_clusters_keeps_them_and_its_feature_options(tmp_path):
    from marsad.ner.tagger import Tagger
    from marsad.ner.train import DEFAULT_FEATURES, train

    corpus = tmp_path / "tiny.conll"
    sentences = [[("قال", "O"), ("الرئيس", "O"), (p, "B-PERS"), ("في", "O"), (c, "B-LOC")]
                 for p, c in zip(PEOPLE, CITIES)]
    corpus.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n",
                      encoding="utf-8")
    clusters = {"حلب": ("K2_0",), "خالد": ("K2_1",)}
    meta = train(corpus, tmp_path / "model", params={"max_iterations": 20},
                 lexicon={"رييس": {"CUE_PER"}}, clusters=clusters)
    assert meta["features"] == DEFAULT_FEATURES and meta["clusters"] == 2
    tagger = Tagger(tmp_path / "model")
    assert tagger.featurizer.clusters == clusters
    assert tagger.featurizer.options == DEFAULT_FEATURES
    assert "k=K2_0" in tagger.featurizer.sentence(["حلب"])[0]
