"""Every export format against its schema, from a real store holding hand-coded events."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

from marsad.export import FORMATS, export
from marsad.store import Filters, open_store

_spec = importlib.util.spec_from_file_location("store_docs", Path(__file__).resolve().parent.parent / "store" / "docs.py")
docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs)


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "x.sqlite"))
    s.write_batch(docs.sample())
    s.recluster()
    yield s
    s.close()


def test_plover_jsonl_schema(store, tmp_path):
    from marsad.export.plover import schema

    out = tmp_path / "e.jsonl"
    assert export(store, "plover-jsonl", str(out)) == 3  # 4 events, 2 of them one real-world event
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for rec in records:
        jsonschema.validate(rec, schema())
    aleppo = next(r for r in records if r["source_count"] == 2)
    assert aleppo["event"] == ["ASSAULT"] and aleppo["quad_code"] == 4 and aleppo["size"] == {"dead": 12}
    assert {s["url"] for s in aleppo["sources"]} == {"http://alpha.test/s1", "http://beta.test/s2"}
    # every mention's offsets give back its text in its own article
    texts = {"http://alpha.test/s1": docs.STRIKE_1, "http://beta.test/s2": docs.STRIKE_2}
    for m in aleppo["event_text"]:
        assert texts[m["url"]][m["start"]:m["end"]] == m["text_story"]
    assert aleppo["event_loc"][0]["geonameid"] == 170063 and aleppo["event_loc"][0]["resolution"] == 4
    assert export(store, "plover-jsonl", str(out), per_event=True) == 4


def test_acled_csv_columns(store, tmp_path):
    from marsad.export.acled import ACLED_COLUMNS, COLUMNS

    out = tmp_path / "e.csv"
    export(store, "acled-csv", str(out))
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS and COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    # ACLED names, ACLED meanings
    assert set(ACLED_COLUMNS) <= {
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location",
        "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}
    aleppo = next(r for r in rows if r["source_count"] == "2")
    assert aleppo["event_id_cnty"].startswith("SYR") and aleppo["country"] == "Syria"
    assert (aleppo["event_date"], aleppo["year"], aleppo["time_precision"]) == ("2016-03-10", "2016", "1")
    assert (aleppo["location"], aleppo["latitude"], aleppo["geo_precision"]) == ("Aleppo", "36.2021", "1")
    assert aleppo["fatalities"] == "12" and aleppo["source"] == "alpha; beta"
    assert aleppo["actor1"] == "Syrian Air Force"


def test_geojson_features(store, tmp_path):
    out = tmp_path / "e.geojson"
    assert export(store, "geojson", str(out), filters=Filters(country="SYR")) == 2
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "FeatureCollection"
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert 35 < lat < 37 and 36 < lon < 38  # longitude first
        assert {"date", "type", "actors", "source_count", "urls"} <= set(f["properties"])


def test_parquet_schema(store, tmp_path):
    from marsad.export.parquet import SCHEMA

    out = tmp_path / "e.parquet"
    assert export(store, "parquet", str(out)) == 3
    table = pq.read_table(out)
    assert table.schema.equals(SCHEMA, check_metadata=False)
    rows = table.to_pylist()
    aleppo = next(r for r in rows if r["source_count"] == 2)
    assert aleppo["mention_count"] == 2 and str(aleppo["date"]) == "2016-03-10"
    assert {m["url"] for m in aleppo["mentions"]} == {"http://alpha.test/s1", "http://beta.test/s2"}


def test_cameo_tsv_gdelt_layout(store, tmp_path):
    from marsad.export.cameo import COLUMNS, quad_class

    out = tmp_path / "e.tsv"
    assert export(store, "cameo-tsv", str(out)) == 3
    lines = out.read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines]
    assert all(len(r) == 61 for r in rows)
    col = {name: i for i, name in enumerate(COLUMNS)}
    assert [COLUMNS[0], COLUMNS[26], COLUMNS[60]] == ["GLOBALEVENTID", "EventCode", "SOURCEURL"]
    aleppo = next(r for r in rows if r[col["NumArticles"]] == "2")
    assert aleppo[col["SQLDATE"]] == "20160310" and aleppo[col["MonthYear"]] == "201603"
    assert aleppo[col["Actor1Code"]] == "SYRMIL" and aleppo[col["Actor1CountryCode"]] == "SYR"
    assert (aleppo[col["EventCode"]], aleppo[col["EventBaseCode"]], aleppo[col["EventRootCode"]]) == ("195", "195", "19")
    assert aleppo[col["QuadClass"]] == "4" and aleppo[col["NumSources"]] == "2"
    assert aleppo[col["ActionGeo_FeatureID"]] == "170063" and aleppo[col["ActionGeo_Lat"]] == "36.2021"
    protest = next(r for r in rows if r[col["EventRootCode"]] == "14")
    assert protest[col["QuadClass"]] == "3"
    assert [quad_class(c) for c in (1, 5, 6, 9, 10, 14, 15, 20)] == [1, 1, 2, 2, 3, 3, 4, 4]


def test_unknown_format_is_a_config_error(store, tmp_path):
    from marsad.errors import ConfigError

    with pytest.raises(ConfigError):
        export(store, "xlsx", str(tmp_path / "x"))
    assert set(FORMATS) == {"plover-jsonl", "acled-csv", "geojson", "parquet", "cameo-tsv"}
