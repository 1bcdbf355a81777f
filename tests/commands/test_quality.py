"""``marsad quality``: the trust page, written from what is measured (here: a tiny corpus we
wrote and a shared folder that lacks the gold data, so the page must say so)."""

from __future__ import annotations

import json

from marsad.cli import main
from marsad.commands.quality import _display
from marsad.evaluate import gate

ARTICLE = {"id": "q1", "title": "غارة", "date": "2015-07-22", "source": "test",
           "text": "قصفت طائرات التحالف مواقع الحوثيين في صنعاء أمس."}


def test_quality_page_without_gold_data(tmp_path, capsys):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps(ARTICLE, ensure_ascii=False) + "\n", "utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"dev.events.f1": 0.5}}), "utf-8")
    out = tmp_path / "docs" / "quality.md"
    assert main(["quality", "--shared", str(shared), "--floors", str(floors),
                 "--corpus", str(corpus), "--write", str(out)]) == 0
    page = out.read_text("utf-8")
    assert page.startswith("# How good is marsad?")
    assert "| dev gold articles: event detection F1 (`dev.events.f1`) | not measured | 0.500 | 0.50 |" in page
    assert "marsad eval events" in page and "marsad eval gsr" in page and "not found" in page
    assert "## Speed and memory" in page and "articles per second" in page
    assert f"marsad bench {_display(corpus)} --json" in page
    assert "articles per second into SQLite" in page and "| stored on the second run | 0 of 1 | 0 |" in page
    assert f"marsad bench --ingest {_display(corpus)} --json" in page
    assert "Generated on 20" in page


def test_quality_page_prints_and_can_leave_out_speed(tmp_path, capsys):
    shared = tmp_path / "shared"
    shared.mkdir()
    assert main(["quality", "--shared", str(shared), "--no-bench",
                 "--floors", str(tmp_path / "none.json")]) == 0
    page = capsys.readouterr().out
    assert "## Accuracy" in page and "## Speed and memory" not in page
    assert main(["quality", "--shared", str(shared), "--corpus", str(tmp_path / "missing.jsonl")]) == 2


def test_page_lists_measured_figures_with_floors_and_bars():
    page = gate.quality_page({"gsr.assault.f1": 0.31, "seed.events.f1": 1.0}, {"ner": "no model"},
                             {"gsr.assault.f1": 0.28, "ner.anercorp_test.f1": 0.65}, None,
                             date="2026-01-02", version="0.1.0", commit="abc1234")
    assert "Generated on 2026-01-02" in page and "`abc1234`" in page
    assert "| 0.310 | 0.280 | 0.60 |" in page
    assert "(`ner.anercorp_test.f1`) | not measured | 0.650 | 0.75 |" in page
    assert "not measured: no model" in page
    assert "dev.events.f1" not in page  # neither measured nor floored
