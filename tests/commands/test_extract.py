"""``marsad extract``: output formats and bad input.  Issue 2."""

import json
import subprocess
import sys

MARSAD = [sys.executable, "-m", "marsad.cli", "extract"]


def run(*args, stdin=None):
    return subprocess.run(MARSAD + list(args), input=stdin, capture_output=True, timeout=120)


def test_jsonl_records_for_a_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("اعتقلت الشرطة التونسية ثلاثة مشتبه بهم في سوسة أمس.", encoding="utf-8")
    out = run(str(f), "--published", "2015-08-10", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    (record,) = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert record["event"] == ["COERCE"] and record["date"] == "2015-08-09"
    assert record["actor"][0]["code"] == "TUN"


def test_bad_inputs_name_the_file_and_fail(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "pic.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "cp1256.txt"
    latin.write_bytes("قال الجيش".encode("cp1256"))
    big = tmp_path / "big.txt"
    big.write_bytes(("ا" * 1000 + "\n").encode() * 26000)  # about 50 MB
    for path, code in ((empty, "M101"), (binary, "M102"), (latin, "M103"), (big, "M104")):
        out = run(str(path))
        assert out.returncode == 2
        err = out.stderr.decode()
        assert code in err and str(path) in err


def test_batch_goes_on_past_bad_lines(tmp_path):
    docs = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "قصفت الطائرات الروسية مواقع في إدلب.", "date": "2016-01-02"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"id": "c", "text": "تظاهر مئات الطلاب في القاهرة."}, ensure_ascii=False),
    ]
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run("--input", str(docs))
    assert out.returncode == 1
    ids = [json.loads(line)["id"] for line in out.stdout.decode().splitlines()]
    assert ids == ["a", "c"]
    err = out.stderr.decode()
    assert f"{docs}:2" in err and f"{docs}:3" in err
