"""``marsad eval ner``: CoNLL exact-match scores, the JSON output, and the shipped model's
figure on the ANERcorp test split (read from ../shared at run time)."""

from __future__ import annotations

import json

import pytest

from marsad.evaluate.ner import evaluate, register, run, score
from marsad.ner import default_tagger

# Sentences we composed, in CoNLL form, with gold tags.
SMALL = """\
قال O
وزير O
الخارجية O
الروسي O
سيرغي B-PERS
لافروف I-PERS
إن O
موسكو B-LOC
تدعم O
الهدنة O
. O

وأعلنت O
الأمم B-ORG
المتحدة I-ORG
أن O
القافلة O
وصلت O
إلى O
مدينة O
حلب B-LOC
. O
"""


def test_exact_match_scores_by_hand():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["B-ORG", "I-ORG", "B-LOC"]]
    # gold: PER(0,2) LOC(3,4) ORG(0,2); predicted: PER(0,1) LOC(3,4) ORG(0,2) LOC(2,3)
    result = score(gold, pred)
    assert result["precision"] == 0.5
    assert result["recall"] == round(2 / 3, 4)
    assert result["f1"] == round(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3), 4)
    assert result["per_type"]["PER"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                         "gold": 1, "predicted": 1}
    assert result["per_type"]["LOC"]["precision"] == 0.5
    assert result["per_type"]["ORG"]["f1"] == 1.0


def test_perfect_and_empty_predictions():
    gold = [["B-LOC", "O"]]
    assert score(gold, gold)["f1"] == 1.0
    assert score(gold, [["O", "O"]])["f1"] == 0.0


class _Oracle:
    """A tagger that returns the tags it was given for each sentence, to test the plumbing."""

    def __init__(self, answers):
        self.answers = answers
        self.featurizer = None

    def tag_document(self, sentences, propagate=True):
        return [self.answers[" ".join(s)] for s in sentences]


def test_evaluate_maps_our_tokens_back_to_the_corpus_tokens(tmp_path):
    path = tmp_path / "small.conll"
    path.write_text("(القاهرة B-LOC\n- O\nحلب B-LOC\n", encoding="utf-8")
    oracle = _Oracle({"( القاهره - حلب": ["O", "B-LOC", "O", "B-LOC"]})
    result = evaluate(path, oracle)
    assert result["f1"] == 1.0
    assert result["tokens"] == 3
    assert result["tokens_per_second"] > 0


def _args(**kw):
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    register(sub)
    return parser.parse_args(["ner", *kw.pop("argv")])


@pytest.mark.skipif(default_tagger() is None, reason="no model shipped")
def test_json_output(tmp_path, capsys):
    path = tmp_path / "small.conll"
    path.write_text(SMALL, encoding="utf-8")
    assert run(_args(argv=[str(path), "--json"])) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"precision", "recall", "f1", "per_type", "tokens_per_second"} <= set(out)
    assert set(out["per_type"]) <= {"PER", "LOC", "ORG", "MISC"}
    assert 0.0 <= out["f1"] <= 1.0


@pytest.mark.skipif(default_tagger() is None, reason="no model shipped")
def test_the_shipped_model_does_not_fall_below_its_measured_figure_on_anercorp(shared):
    # A regression floor just under the figure measured when the model was shipped (F1 0.681,
    # LOC 0.847; docs/ner.md). The first bar, 0.75, is NOT reached yet.
    path = shared / "data" / "anercorp" / "ANERCorp_CamelLab_test.txt"
    if not path.is_file():
        pytest.skip("ANERcorp test split not in ../shared")
    result = evaluate(path)
    assert result["f1"] >= 0.67
    assert result["per_type"]["LOC"]["f1"] >= 0.83
