"""The decoder of marsad.ner.decode against python-crfsuite, the reference: the same weights read
from the model file, the same tags and the same marginals, on sentences we wrote and on the
ANERcorp test split (read from ../shared at run time)."""

from __future__ import annotations

import numpy as np
import pycrfsuite
import pytest

from marsad.ner import MODEL_DIR, decode
from marsad.ner.conll import chunks, read_conll, retokenize
from marsad.ner.decode import Decoder, marginals, read_crfsuite, viterbi
from marsad.ner.tagger import PIPELINE_MIN_CONFIDENCE, Tagger
from marsad.text.normalize import normalize_string

from test_tagger import tiny_model  # noqa: F401  (the fixture: a model trained on our sentences)

TEXTS = [
    "قال الرئيس خالد منصور إن القوات دخلت مدينة حلب صباح الأحد.",
    "وأكد وزير الخارجية الروسي سيرغي لافروف أن موسكو لن تقبل بالشروط الجديدة",
    "التقى الوفد الأردني في عمّان ممثلين عن حركة النهضة وجبهة الإنقاذ",
    "غادر الدكتور فيكتوريانو ديلامارتا المستشفى بعد أسبوع",  # names the model has not seen
    "حلب",  # one word, first and last
    "و",
    "أعلنت شركة أرامكو | أرباحها في الربع الثالث | BOS EOS",  # "|" is a word, so is BOS
    "1998 - 2003 : ( Rome ) ...",
    "ونقلت وكالة الأنباء الرسمية عن مصدر في وزارة الداخلية قوله إن الشرطة اعتقلت ثلاثة رجال "
    "في حي الزهراء بمدينة الإسكندرية بعد مطاردة استمرت ساعات، وإن التحقيق معهم جار",
]


def sentences() -> list[list[str]]:
    return [normalize_string(t).split() for t in TEXTS]


@pytest.fixture(scope="module")
def shipped():
    tagger = Tagger(MODEL_DIR)
    crf = pycrfsuite.Tagger()
    crf.open(str(MODEL_DIR / "ner.crfsuite"))
    return tagger, crf


def reference(crf, featurizer, words: list[str]) -> tuple[list[str], np.ndarray]:
    """python-crfsuite's tags and marginals (tokens x labels in the model's label order)."""
    tags = crf.tag(featurizer.sentence(words))
    labels = crf.labels()
    probs = np.array([[crf.marginal(label, k) for label in labels] for k in range(len(words))])
    return tags, probs


def reference_tag(crf, featurizer, words: list[str], min_confidence: float) -> list[str]:
    """The tagger's confidence rule on python-crfsuite's tags and marginals."""
    tags, probs = reference(crf, featurizer, words)
    index = {label: j for j, label in enumerate(crf.labels())}
    for start, end, _ in chunks(tags):
        if (end - start == 1 and featurizer.stem(words[start]) in featurizer.common) or min(
                probs[k, index[tags[k]]] for k in range(start, end)) < min_confidence:
            tags[start:end] = ["O"] * (end - start)
    return tags


def assert_like_crfsuite(decoder: Decoder, crf, batch: list[list[str]], tolerance: float) -> None:
    lengths = np.array([len(s) for s in batch])
    scores = decoder.scores(batch)
    best = viterbi(scores, lengths, decoder.transitions)
    probs = marginals(scores, lengths, decoder.transitions)
    order = [decoder.labels.index(label) for label in crf.labels()]
    end = 0
    for words in batch:
        tags, expected = reference(crf, decoder.featurizer, words)
        assert [decoder.labels[i] for i in best[end:end + len(words)]] == tags, words
        assert np.abs(probs[end:end + len(words)][:, order] - expected).max() < tolerance, words
        end += len(words)


def test_the_weights_are_those_python_crfsuite_reads(tiny_model):  # noqa: F811
    model = tiny_model[0] / "ner.crfsuite"
    weights = read_crfsuite(model)
    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    info = crf.info()
    assert set(weights.labels) == set(info.labels)
    state = {(a, weights.labels[j]): w for a, i in weights.attributes.items()
             for j, w in enumerate(weights.state[i]) if w}
    assert state == pytest.approx(info.state_features, abs=1e-6)  # the dump has 6 decimals
    transitions = {(weights.labels[i], weights.labels[j]): w
                   for (i, j), w in np.ndenumerate(weights.transition) if w}
    assert transitions == pytest.approx(info.transitions, abs=1e-6)


def test_tags_and_marginals_are_python_crfsuite_s(shipped):
    tagger, crf = shipped
    tagger.featurizer  # load
    assert_like_crfsuite(tagger._decoder, crf, sentences(), 1e-9)


def test_a_label_bias_moves_the_tags_not_the_marginals(shipped):
    tagger, _ = shipped
    tagger.featurizer
    plain = tagger._decoder
    batch = sentences()
    biased = Decoder(plain.weights, tagger.featurizer, {"O": -50.0})
    assert all(t != "O" for tags, _ in biased.tag(batch) for t in tags)
    lengths = np.array([len(s) for s in batch])
    assert np.array_equal(marginals(biased.scores(batch), lengths, biased.transitions),
                          marginals(plain.scores(batch), lengths, plain.transitions))


def test_sentences_decoded_together_or_one_by_one_agree(shipped):
    tagger, crf = shipped
    batch = sentences()
    together = tagger.tag_sentences(batch, PIPELINE_MIN_CONFIDENCE)
    assert together == [tagger.tag(s, PIPELINE_MIN_CONFIDENCE) for s in batch]
    assert together == [reference_tag(crf, tagger.featurizer, s, PIPELINE_MIN_CONFIDENCE)
                        for s in batch]
    assert tagger.tag_sentences([[], batch[0], []]) == [[], tagger.tag(batch[0]), []]


def test_the_tiny_model_decodes_like_python_crfsuite(tiny_model):  # noqa: F811
    tagger = Tagger(tiny_model[0])
    tagger.featurizer
    crf = pycrfsuite.Tagger()
    crf.open(str(tiny_model[0] / "ner.crfsuite"))
    assert_like_crfsuite(tagger._decoder, crf, sentences(), 1e-9)


def test_the_word_cache_starts_again_when_full(shipped, monkeypatch):
    tagger, crf = shipped
    decoder = Decoder(tagger._decoder.weights, tagger.featurizer)
    monkeypatch.setattr(decode, "_CACHE_LIMIT", 5)
    for words in sentences():  # each sentence is scored after the cache has been emptied
        assert_like_crfsuite(decoder, crf, [words], 1e-9)
    assert len(decoder._slot) <= 5 + max(len(s) for s in sentences())


def test_a_file_that_is_no_crfsuite_model_is_refused(tmp_path):
    path = tmp_path / "ner.crfsuite"
    path.write_bytes(b"not a model at all, just bytes" * 4)
    with pytest.raises(ValueError):
        read_crfsuite(path)


@pytest.mark.slow
def test_the_anercorp_test_split_decodes_like_python_crfsuite(shipped, shared):
    path = shared / "data" / "anercorp" / "ANERCorp_CamelLab_test.txt"
    if not path.is_file():
        pytest.skip("no ANERcorp test split in ../shared")
    tagger, crf = shipped
    tagger.featurizer
    batch = [words for words in (retokenize(s)[0] for s in read_conll(path)) if words]
    assert len(batch) > 900
    for k in range(0, len(batch), 15):  # documents of 15 sentences, as `eval ner` takes them
        assert_like_crfsuite(tagger._decoder, crf, batch[k:k + 15], 1e-6)
        assert tagger.tag_sentences(batch[k:k + 15], PIPELINE_MIN_CONFIDENCE) == [
            reference_tag(crf, tagger.featurizer, s, PIPELINE_MIN_CONFIDENCE)
            for s in batch[k:k + 15]]
