"""``marsad ingest``, ``search``, ``stats`` and ``export`` from the command line."""

from __future__ import annotations

import json

import pytest

from marsad.cli import main

ARTICLES = [
    {"id": "c1", "title": "غارة على سوق في حلب", "source": "alpha", "date": "2016-03-10", "url": "http://alpha.test/c1",
     "text": "قصفت طائرات حربية سوقا شعبية في حي الشعار بمدينة حلب صباح الخميس، ما أسفر عن مقتل اثني عشر مدنيا."},
    {"id": "c2", "title": "آلاف يتظاهرون في بغداد", "source": "beta", "date": "2015-08-07", "url": "http://beta.test/c2",
     "text": "تظاهر آلاف العراقيين في ساحة التحرير وسط العاصمة بغداد احتجاجا على الفساد وتردي خدمات الكهرباء."},
]


@pytest.fixture
def db(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    path = str(tmp_path / "cmd.sqlite")
    assert main(["ingest", str(src), "--db", path, "--stages", "segment"]) == 0
    out, err = capsys.readouterr()
    assert "stored 2, already present 0, failed 0" in out
    assert "stored 2" in err and "/s" in err  # the progress line: counts and rate
    return path


def test_stats_json_keys(db, capsys):
    assert main(["stats", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"articles": 2, "events": 0, "mentions": 0, "sources": 2, "failed": 0}


def test_search_arabic_variants(db, capsys):
    assert main(["search", "بحلَب", "--db", db, "--json"]) == 0  # clitic and a diacritic
    out = json.loads(capsys.readouterr().out)
    assert [a["url"] for a in out["articles"]] == ["http://alpha.test/c1"]
    assert main(["search", "", "--db", db, "--what", "articles", "--from", "2016-01-01"]) == 0
    text = capsys.readouterr().out
    assert "حلب" in text and "بغداد" not in text


def test_search_rejects_a_bad_date(db, capsys):
    assert main(["search", "حلب", "--db", db, "--from", "yesterday"]) == 2
    assert "M200" in capsys.readouterr().err


def test_export_command(db, tmp_path, capsys):
    out = tmp_path / "e.geojson"
    assert main(["export", "--format", "geojson", "--out", str(out), "--db", db]) == 0
    assert json.loads(out.read_text("utf-8")) == {"type": "FeatureCollection", "features": []}
    assert "wrote 0 records" in capsys.readouterr().err
