"""``marsad bench`` on a tiny corpus of sentences we wrote: the JSON keys and sane values."""

from __future__ import annotations

import json

import pytest

from marsad import bench
from marsad.cli import main
from marsad.errors import MalformedInputError

ARTICLES = [
    {"id": "a1", "title": "غارات على مواقع المسلحين", "date": "2015-07-22", "source": "test",
     "text": "قصفت طائرات التحالف مواقع الحوثيين في صنعاء أمس، وقال مصدر عسكري إن الغارات "
             "دمرت مخازن للأسلحة.\nوأعلنت وزارة الدفاع أن العملية ستستمر."},
    {"id": "a2", "title": "مظاهرة في بغداد", "date": "2015-08-01", "source": "test",
     "text": "تظاهر آلاف العراقيين في ساحة التحرير ببغداد يوم الجمعة احتجاجا على الفساد."},
    {"id": "a3", "title": "فارغ", "date": "2015-08-02", "source": "test", "text": ""},
    {"id": "a4", "title": "لقاء", "date": "2015-08-03", "source": "test",
     "text": "التقى وزير الخارجية السعودي نظيره التركي في أنقرة لبحث الأزمة السورية."},
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    path.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    return path


def test_bench_json_has_every_figure(corpus, capsys):
    assert main(["bench", str(corpus), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("articles", "articles_per_second", "tokens_per_second", "startup_seconds",
                "peak_rss_mb", "stages", "floor_articles_per_second", "ratio_to_floor"):
        assert key in r, key
    assert r["articles"] == 3 and r["skipped"] == 1  # the empty article is refused, not coded
    words = sum(len(a["text"].split()) for a in ARTICLES)
    assert r["tokens"] == words
    assert r["articles_per_second"] > 0 and r["tokens_per_second"] > 0
    assert r["cpu_seconds"] > 0 and r["articles_per_cpu_second"] > 0
    assert r["floor_articles_per_second"] > 0 and r["ratio_to_floor"] > 0
    assert 0 < r["startup_seconds"] <= r["startup_process_seconds"]
    assert r["peak_rss_mb"] > 1
    assert list(r["stages"]) == ["segment", "entities", "link", "time", "events", "dedup"]
    assert all(s["seconds"] >= 0 for s in r["stages"].values())
    assert sum(s["share"] for s in r["stages"].values()) == pytest.approx(1.0, abs=0.01)
    assert r["events"] >= 1  # the air strike is coded


def test_bench_limit_and_text_report(corpus, capsys):
    assert main(["bench", str(corpus), "--limit", "2", "--no-startup"]) == 0
    out = capsys.readouterr().out
    assert "articles    2," in out and "articles/s" in out and "floor" in out
    assert "start-up" not in out


def test_floor_pass_counts_words(corpus):
    articles, words, seconds = bench.floor_pass(corpus)
    assert articles == 4 and words == sum(len(a["text"].split()) for a in ARTICLES)
    assert seconds >= 0


def test_stage_times_are_this_run_only(corpus, nlp):
    first = bench.run(corpus, pipeline=nlp, measure_startup=False)
    second = bench.run(corpus, pipeline=nlp, measure_startup=False)
    total = sum(nlp.timings.values())
    assert sum(s["seconds"] for s in second["stages"].values()) < total
    assert first["startup_seconds"] is None


def test_broken_corpus_is_an_error(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "text": "نص"}\n{not json\n', encoding="utf-8")
    with pytest.raises(MalformedInputError, match="line 2"):
        list(bench.read_corpus(path))
    assert main(["bench", str(path), "--no-startup"]) == 2
    assert "line 2" in capsys.readouterr().err
    assert main(["bench", str(tmp_path / "missing.jsonl"), "--no-startup"]) == 2
    assert main(["bench", str(path), "--limit", "0"]) == 2


def test_bench_ingest_stores_once_then_nothing(corpus, tmp_path, capsys):
    db = tmp_path / "bench.sqlite"
    assert main(["bench", "--ingest", str(corpus), "--db", str(db), "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["first"]["stored"] == 3 and r["first"]["failed"] == 1  # the empty article
    assert r["second"]["stored"] == 0 and r["second"]["already_present"] == 3
    assert r["stats"]["articles"] == 3 and r["stats"]["events"] == r["first"]["events"] >= 1
    assert r["articles_per_second"] == r["first"]["rate"] > 0
    assert r["clusters"]["events"] == r["stats"]["events"]
    # a database that already holds articles would time the skipping, so it is refused
    assert main(["bench", "--ingest", str(corpus), "--db", str(db)]) == 2
    assert "empty database" in capsys.readouterr().err


def test_bench_ingest_default_is_a_temporary_sqlite_file(corpus, capsys):
    assert main(["bench", "--ingest", str(corpus), str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "sqlite (temporary file)" in out and "second run  0 stored" in out


def test_bench_options_belong_to_one_mode(corpus, tmp_path):
    assert main(["bench", str(corpus), str(corpus), "--no-startup"]) == 2
    assert main(["bench", str(corpus), "--db", str(tmp_path / "x.sqlite"), "--no-startup"]) == 2
    assert main(["bench", "--ingest", str(corpus), "--limit", "1"]) == 2
