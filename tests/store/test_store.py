"""The store on a real SQLite file and on the real PostgreSQL server (same tests)."""

from __future__ import annotations

import pytest

from docs import sample
from marsad.errors import StoreError
from marsad.store import Filters, open_store
from marsad.store.migrations import LATEST


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def test_migrations_are_versioned_and_applied_once(db_url):
    with open_store(db_url) as s:
        assert s.version == LATEST
        assert s.migrate() == []  # nothing left to apply
    with open_store(db_url) as s:
        assert s.query("SELECT COUNT(*) FROM marsad_migrations") == [(LATEST,)]


def test_newer_schema_is_refused(db_url):
    with open_store(db_url) as s:
        with s.transaction():
            s.execute("INSERT INTO marsad_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                      (LATEST + 1, "future", "2030-01-01"))
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_batch_is_stored_once_by_url_and_by_hash(store):
    items = sample()
    ids = store.write_batch(items)
    assert all(isinstance(i, int) for i in ids)
    assert store.write_batch(items) == [None] * len(items)
    # Same text under another URL: the hash identifies it. Same URL with other text: the URL does.
    art, doc = items[0]
    from dataclasses import replace

    assert store.write_batch([(replace(art, url="http://mirror.test/x"), doc)]) == [None]
    assert store.write_batch([(replace(art, text=art.text + " تحديث"), doc)]) == [None]
    stats = store.stats()
    assert stats == {"articles": 4, "events": 4, "mentions": 4, "sources": 3, "failed": 0}
    assert {h for _, h in [(a.url, a.hash) for a, _ in items]} <= store.present([(a.url, a.hash) for a, _ in items])


def test_failures_are_recorded_and_cleared_when_stored(store):
    from marsad.ingest.article import Failure

    items = sample()
    store.record_failures([Failure("test:s1", "M105", "broken"), Failure("bad.bin", "M102", "binary")])
    store.record_failures([Failure("bad.bin", "M102", "binary again")])
    assert store.stats()["failed"] == 2
    store.write_batch(items[:1])  # s1 now stored: its failure goes
    assert store.failures() == [("bad.bin", "M102", "binary again")]


@pytest.mark.parametrize("query, expected", [
    ("حلب", {"s1", "s2"}),
    ("بحلب", {"s1", "s2"}),           # a clitic on the query
    ("الشعار", {"s1"}),                # the article on the query, none in the text
    ("شعار", {"s1"}),
    ("مدني", set()),                   # مدنيا, مدنيين: no stemming beyond clitics and suffixes
    ("إدلب", {"s3"}),
    ("ادلب", {"s3"}),                  # hamza dropped
    ("إدْلِب", {"s3"}),                 # diacritics
    ("الكهرباء", {"p1"}),
    ("وبالكهرباء", {"p1"}),
    ("خدمات", {"p1"}),
    ("العاصمة بغداد", {"p1"}),
    ("عاصمه", {"p1"}),                 # ة/ه
    ("حلب بغداد", set()),              # every word must match
])
def test_arabic_search(store, query, expected):
    store.write_batch(sample())
    found = {a["origin"].split(":")[1] for a in store.search_articles(query, limit=50)}
    assert found == expected


def test_search_finds_words_under_pronoun_suffixes(store):
    from marsad.ingest.article import Article

    art = Article(text="أعلنت الحكومة العراقية أن قواتها دخلت المدينة، وقالت إن حكومتها لن تتراجع.", origin="t:x", url="http://x.test/1")
    store.write_batch([(art, art.to_document())])
    assert store.search_articles("قوات")[0]["url"] == "http://x.test/1"     # قواتها
    assert store.search_articles("حكومة")[0]["url"] == "http://x.test/1"    # الحكومة, حكومتها
    assert store.search_articles("وقواتها")[0]["url"] == "http://x.test/1"


def test_event_search_and_filters(store):
    store.write_batch(sample())
    store.recluster()
    hits = store.search_events("حلب")
    assert {h["trigger"] for h in hits} == {"قصفت", "غارة جوية"}
    assert {h["id"] for h in store.search_events("", Filters(type="PROTEST"))} == {
        h["id"] for h in store.search_events("تظاهر")}
    assert len(store.search_events("", Filters(country="syr"))) == 3
    assert len(store.search_events("", Filters(country="IRQ"))) == 1
    assert len(store.search_events("", Filters(place="ادلب"))) == 1
    assert len(store.search_events("", Filters(place="Aleppo"))) == 2
    assert len(store.search_events("", Filters(date_from="2016-03-11"))) == 1
    assert len(store.search_events("", Filters(date_from="2016-03-10", date_to="2016-03-10"))) == 2
    arts = store.search_articles("", Filters(type="ASSAULT", date_to="2016-03-10"))
    assert {a["origin"] for a in arts} == {"test:s1", "test:s3"}


def test_recluster_merges_across_articles_only_where_rules_hold(store):
    store.write_batch(sample())
    stats = store.recluster()
    assert stats["events"] == 4 and stats["clusters"] == 3 and stats["largest"] == 2
    rows = store.query("SELECT type, events, articles, sources, mentions, place FROM clusters ORDER BY events DESC, type")
    assert rows[0] == ("ASSAULT", 2, 2, 2, 2, "Aleppo")
    # Running again is stable; an event added later joins its cluster.
    assert store.recluster(all_types=True)["clusters"] == 3
    assert store.cluster_stats()["multi_article_clusters"] == 1


@pytest.mark.postgres
def test_postgres_url_is_redacted_in_errors():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://someone:secret@127.0.0.1:5432/no_such_database_here")
    assert "secret" not in str(info.value)
