"""``marsad gazetteer import`` on a small GeoNames dump written here."""

from __future__ import annotations

import gzip

from marsad.cli import main
from marsad.document import Document
from marsad.gazetteer import PlaceFinder, haversine_km
from marsad.gazetteer.index import build_index

# allCountries.txt: 19 tab-separated columns.
ROWS = [
    # a village of Daraa kept through its Arabic alternate name (alternate names file)
    ["9990001", "Atman", "Atman", "Atman", "32.66", "36.10", "P", "PPL", "SY", "", "08", "", "",
     "", "0", "", "500", "Asia/Damascus", "2020-01-01"],
    # an air base whose Arabic name is in the alternatenames column itself
    ["9990002", "Tiyas Airbase", "Tiyas Airbase", "Tiyas Airbase,مطار التياس العسكري", "34.52",
     "37.63", "S", "AIRB", "SY", "", "11", "", "", "", "0", "", "500", "Asia/Damascus",
     "2020-01-01"],
    # a small French village: outside the region and under 15,000 people, left out
    ["9990003", "Petitbourg", "Petitbourg", "", "45.0", "2.0", "P", "PPL", "FR", "", "84", "",
     "", "", "300", "", "500", "Europe/Paris", "2020-01-01"],
    # a place with no Arabic name at all: left out
    ["9990004", "Nameless", "Nameless", "", "33.0", "36.0", "P", "PPL", "SY", "", "08", "", "",
     "", "0", "", "500", "Asia/Damascus", "2020-01-01"],
]
ALT = [
    ["1", "9990001", "ar", "عتمان", "", "", "", ""],
    ["2", "9990001", "ar", "عتمان القديمة", "", "", "", "1"],  # historic: skipped
    ["3", "9990003", "ar", "بتيبورغ", "", "", "", ""],
    ["4", "9990001", "en", "Atman village", "", "", "", ""],
]


def write_dump(tmp_path):
    all_countries = tmp_path / "allCountries.txt"
    all_countries.write_text("\n".join("\t".join(r) for r in ROWS) + "\n", encoding="utf-8")
    alternate = tmp_path / "alternateNamesV2.txt"
    alternate.write_text("\n".join("\t".join(r) for r in ALT) + "\n", encoding="utf-8")
    return all_countries, alternate


def test_import_writes_arabic_places(tmp_path, capsys):
    all_countries, alternate = write_dump(tmp_path)
    out = tmp_path / "gz"
    assert main(["gazetteer", "import", str(all_countries), str(alternate), "--out", str(out)]) == 0
    assert "2 places" in capsys.readouterr().out
    with gzip.open(out / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        lines = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    header, rows = lines[0], lines[1:]
    by_id = {r[0]: dict(zip(header, r)) for r in rows}
    assert set(by_id) == {"9990001", "9990002"}
    assert by_id["9990001"]["forms"] == "عتمان"  # the historic name is not kept
    assert by_id["9990001"]["country"] == "SYR"
    assert by_id["9990002"]["feature"] == "AIRB"

    # the imported places join the index and are found in text
    finder = PlaceFinder(build_index(out / "places.tsv.gz"))
    found = {e.text: e.attrs for e in finder.find(Document("قصفت الطائرات بلدة عتمان شمال درعا"))}
    assert haversine_km(found["عتمان"]["lat"], found["عتمان"]["lon"], 32.66, 36.10) < 1
    assert found["عتمان"]["geonameid"] == 9990001


def test_import_refuses_a_file_that_is_not_a_dump(tmp_path, capsys):
    bad = tmp_path / "allCountries.txt"
    bad.write_text("this is not\ta GeoNames dump\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(bad), "--out", str(tmp_path / "gz")]) == 2
    assert "GeoNames" in capsys.readouterr().err
    assert main(["gazetteer", "import", str(tmp_path / "missing.txt")]) == 2
