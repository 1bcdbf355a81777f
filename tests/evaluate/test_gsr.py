"""``marsad eval gsr`` on tiny GSR-format files of sentences we wrote."""

from __future__ import annotations

import json

import pytest

from marsad.cli import main
from marsad.errors import EvaluationError
from marsad.evaluate import gsr

ROWS = [
    {"id": "TST_ARB_20150722.0001-1", "event_type": "ASSAULT", "label": "yes",
     "text": "قصفت الطائرات الإسرائيلية مواقع حركة حماس في غزة.",
     "spans": [{"source_actor": ["الطائرات", "الإسرائيلية"], "verb": ["قصفت"], "target_actor": [],
                "source_role": {"main": "ISR", "role": "MIL"}, "target_role": {}}]},
    {"id": "TST_ARB_20150722.0001-2", "event_type": "ASSAULT", "label": "yes",
     "text": "وقتل مسلحون مجهولون ثلاثة أشخاص.",
     "spans": [{"source_actor": ["مسلحون"], "verb": ["وقتل"], "target_actor": [],
                "source_role": {"main": "None", "role": "UAF"}, "target_role": {}},
               {"source_actor": ["مسلحون"], "verb": ["وقتل"], "target_actor": [],
                "source_role": "UNKNOWN", "target_role": {}}]},
    {"id": "TST_ARB_20150722.0001-3", "event_type": "ASSAULT", "label": "easy no",
     "text": "افتتح وزير الثقافة معرضا للكتاب في الرياض."},
    {"id": "TST_ARB_20150722.0001-4", "event_type": "ASSAULT", "label": "difficult no",
     "text": "ناقش البرلمان قانونا جديدا لمكافحة الإرهاب."},
    {"id": "TST_ARB_20150722.0001-5", "event_type": "ASSAULT", "label": "ambiguous",
     "text": "وقع انفجار قرب السوق."},
    {"id": "TST_ARB_20150722.0001-6", "event_type": "ASSAULT", "label": "yes",
     "text": "هاجم متطرفون قرية في الشمال."},
]


def write(tmp_path, rows, name="assault_test.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def fake(predictions):
    """A predictor answering from a dict id -> actor codes (missing: nothing detected)."""
    return lambda s: predictions.get(s.id)


def test_detection_counts_and_ambiguous_left_out(tmp_path):
    sents = gsr.load(write(tmp_path, ROWS))
    r = gsr.score(sents, fake({
        "TST_ARB_20150722.0001-1": [("ISR", "MIL")],
        "TST_ARB_20150722.0001-3": [("SAU", "GOV")],       # false positive
        "TST_ARB_20150722.0001-5": [(None, "UAF")],        # ambiguous: not scored
    }))
    assert r["event_type"] == "ASSAULT"
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (1, 1, 2, 1)
    assert r["scored"] == 5 and r["sentences"] == 6
    assert r["precision"] == 0.5 and r["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["f1"] == pytest.approx(0.4, abs=1e-4)
    assert r["errors"] == {"fp": ["TST_ARB_20150722.0001-3"],
                           "fn": ["TST_ARB_20150722.0001-2", "TST_ARB_20150722.0001-6"]}


def test_actor_accuracy_and_none_means_no_code(tmp_path):
    sents = gsr.load(write(tmp_path, ROWS))
    r = gsr.score(sents, fake({
        "TST_ARB_20150722.0001-1": [("ISR", "GOV")],       # country right, sector wrong
        "TST_ARB_20150722.0001-2": [(None, "UAF")],        # "None" country = no country: right
    }))
    assert r["actor_scored"] == 2
    assert r["actor_accuracy"] == 0.5
    assert r["country_accuracy"] == 1.0 and r["sector_accuracy"] == 0.5
    r = gsr.score(sents, fake({"TST_ARB_20150722.0001-2": [("IRQ", "UAF")]}))
    assert r["country_accuracy"] == 0.0 and r["actor_accuracy"] == 0.0
    r = gsr.score(sents, fake({}))
    assert r["actor_accuracy"] is None and r["f1"] == 0.0


def test_gold_actors_skip_unusable_spans():
    assert gsr.gold_actors(ROWS[1]["spans"]) == [(None, "UAF")]
    assert gsr.gold_actors([{"source_role": {}}, {"source_role": {"main": "USA"}}]) == [("USA", None)]


def test_publication_date_from_the_id():
    s = gsr.GsrSentence("AAW_ARB_20071026.0026-2", "ASSAULT", "yes", "x")
    assert s.published == "2007-10-26"
    assert gsr.GsrSentence("other", "ASSAULT", "yes", "x").published is None


def test_bad_files_are_errors(tmp_path):
    with pytest.raises(EvaluationError, match="unknown label"):
        gsr.load(write(tmp_path, [dict(ROWS[0], label="maybe")]))
    with pytest.raises(EvaluationError, match="one event type"):
        gsr.load(write(tmp_path, [ROWS[0], dict(ROWS[2], event_type="PROTEST")]))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", "utf-8")
    with pytest.raises(EvaluationError, match="line 1"):
        gsr.load(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", "utf-8")
    with pytest.raises(EvaluationError, match="no sentences"):
        gsr.load(empty)


def test_command_through_the_pipeline(tmp_path, capsys):
    a = write(tmp_path, ROWS)
    p = write(tmp_path, [
        {"id": "TST_ARB_20110125.0002-1", "event_type": "PROTEST", "label": "easy no",
         "text": "افتتح وزير الثقافة معرضا للكتاب في الرياض."},
        {"id": "TST_ARB_20110125.0002-2", "event_type": "PROTEST", "label": "yes",
         "text": "تظاهر آلاف المصريين في ميدان التحرير."},
    ], "protest_test.jsonl")
    assert main(["eval", "gsr", str(a), str(p), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == [str(a), str(p)]
    ra, rp = out[str(a)], out[str(p)]
    assert ra["event_type"] == "ASSAULT" and rp["event_type"] == "PROTEST"
    for r in (ra, rp):
        assert {"precision", "recall", "f1", "tp", "fp", "fn", "actor_accuracy"} <= set(r)
        assert "errors" not in r
    assert ra["tp"] + ra["fn"] == 3 and ra["fp"] + ra["tn"] == 2
    assert ra["tp"] >= 1  # the Israeli air strike on Hamas is coded
    assert rp["tp"] + rp["fn"] == 1 and rp["fp"] == 0  # a book fair is no protest
    assert main(["eval", "gsr", str(a), "--details"]) == 0
    text = capsys.readouterr().out
    assert "ASSAULT" in text and "F1" in text


@pytest.mark.parametrize("text, reported", [
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة وسط بغداد صباح اليوم.", True),
    ("وقال الوزير بعد هجوم المسلحين على الحاجز إن الأمن سيعزز في المنطقة.", False),  # background
    ("وفي عام 1989 اغتالت إسرائيل القيادي في الحركة في تونس.", False),              # historical
    ("وهدد التنظيم بشن هجمات جديدة على المدينة.", False),                            # unrealised
])
def test_a_sentence_reports_an_attack_only_as_its_own_recent_statement(extract, text, reported):
    doc = extract(text, published="2015-08-10")
    assert any(e.type == "ASSAULT" and gsr.reports(e) for e in doc.events) == reported
