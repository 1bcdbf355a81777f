"""A folder with broken inputs mixed in, and feeds and pages over real HTTP from a server the
test starts on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from marsad.cli import main
from marsad.store import open_store
from test_formats import BODY, RSS, page


def _write_folder(root):
    good = root / "good"
    good.mkdir(parents=True)
    (good / "one.txt").write_text("اشتباكات في حلب\nحلب - 14 ديسمبر 2016\n" + BODY, encoding="utf-8")
    (good / "two.html").write_text(page(byline="<span class='date'>15 ديسمبر 2016</span>"), encoding="utf-8")
    (good / "three.jsonl").write_text(
        "\n".join(json.dumps({"id": f"j{i}", "text": f"الخبر {i}: {BODY}", "date": "2016-12-16",
                              "url": f"http://j.test/{i}"}, ensure_ascii=False) for i in range(3)) + "\n",
        encoding="utf-8")
    (good / "feed.rss").write_text(RSS.format(body="حلب " + BODY), encoding="utf-8")
    (root / ".hidden.txt").write_text(BODY, encoding="utf-8")  # hidden files are not inputs
    broken = root / "broken"
    broken.mkdir()
    (broken / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    full = page().encode("utf-8")
    (broken / "cut.html").write_bytes(full[: len(full) // 2])
    (broken / "cp1256.txt").write_bytes(("خبر بترميز قديم\n" + BODY).encode("cp1256"))
    (broken / "empty.txt").write_bytes(b"")
    with open(broken / "huge.html", "w", encoding="utf-8") as fh:  # a 50 MB page
        fh.write("<html><body><article>")
        chunk = "<p>" + BODY * 20 + "</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk.encode("utf-8")) + 1):
            fh.write(chunk)
        fh.write("</article></body></html>")
    return {"photo.jpg": "M102", "cut.html": "M105", "cp1256.txt": "M103", "empty.txt": "M101", "huge.html": "M104"}


def test_broken_inputs_are_reported_by_name_and_skipped(tmp_path, capsys):
    expected = _write_folder(tmp_path / "in")
    db = str(tmp_path / "f.sqlite")
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--stages", "segment", "--json", "--quiet"]) == 0
    summary = json.loads(capsys.readouterr().out)
    failed = {f["origin"].rsplit("/", 1)[-1]: f["code"] for f in summary["failures"]}
    # the empty feed entry is a failure too, named by its link
    assert failed == expected | {"2": "M101"}
    assert summary["stored"] == 1 + 1 + 3 + 1
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles"] == 6 and stats["failed"] == len(failed)
        dates = dict(store.query("SELECT origin, published FROM articles"))
        assert dates[str(tmp_path / "in/good/one.txt")] == "2016-12-14"
        assert dates[str(tmp_path / "in/good/two.html")] == "2016-12-15"
        assert dates["http://feed.test/1"] == "2016-12-14"
    # the second run stores nothing and reports the same failures
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--stages", "segment", "--json", "--quiet"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["stored"], again["already_present"], again["failed"]) == (0, 6, len(failed))


class _Site(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self):  # noqa: N802
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_port}"
    feed = RSS.format(body="موجز: " + BODY).replace("http://feed.test/1", f"{base}/news/1").replace(
        "http://feed.test/2", f"{base}/news/gone")
    _Site.routes = {
        "/feed.xml": (200, "application/rss+xml; charset=utf-8", feed.encode("utf-8")),
        "/news/1": (200, "text/html; charset=utf-8",
                    page(byline="<p class='byline'>دمشق - 13 ديسمبر 2016</p>").encode("utf-8")),
        "/old": (200, "text/html; charset=windows-1256",
                 page().replace("charset='utf-8'", "").replace("©", "(c)")
                 .replace("قصفت طائرات حربية", "قصفت مدفعية الجيش").encode("cp1256")),
        "/big": (200, "text/html", b"<html><body>" + b"x" * (3 * 1024 * 1024) + b"</body></html>"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_feed_and_page_urls_over_http(site, tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "u.sqlite")
    monkeypatch.setenv("MARSAD_MAX_INPUT_MB", "2")
    code = main(["ingest", f"{site}/feed.xml", f"{site}/old", f"{site}/big", f"{site}/missing",
                 "--follow", "--db", db, "--stages", "segment", "--json", "--quiet"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    failed = {f["origin"]: f["code"] for f in summary["failures"]}
    assert failed == {f"{site}/news/gone": "M101", f"{site}/big": "M104", f"{site}/missing": "M100"}
    with open_store(db) as store:
        rows = {r[0]: r[1:] for r in store.query("SELECT url, published, date_source, title FROM articles")}
    # the feed entry was followed to its page; the page's own byline date wins over the feed's
    assert rows[f"{site}/news/1"][:2] == ("2016-12-13", "byline")
    # windows-1256 declared in the HTTP header is decoded; the © year is not taken as a date
    assert rows[f"{site}/old"][0] is None and rows[f"{site}/old"][2] == "غارات على ريف المدينة"
    with open_store(db) as store:
        assert store.search_articles("مدفعية")[0]["url"] == f"{site}/old"
    assert summary["stored"] == 2
