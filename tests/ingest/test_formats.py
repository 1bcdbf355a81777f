"""Each input format on texts we wrote: what is read, and which date is taken (never an
invented one)."""

from __future__ import annotations

import json

import pytest

from marsad.errors import EncodingInputError, MalformedInputError
from marsad.ingest import Article, Failure, read_inputs
from marsad.ingest.dates import find_date, parse_iso
from marsad.ingest.html import parse_html
from marsad.ingest.validate import decode_html

BODY = ("قصفت طائرات حربية مواقع للمسلحين في ريف المدينة صباح اليوم، وقالت مصادر محلية إن القصف أسفر "
        "عن سقوط عدد من القتلى والجرحى، فيما أعلن الجيش أنه استعاد السيطرة على بلدة مجاورة. ")


def page(byline: str = "", head: str = "", footer: str = "© 2016 جميع الحقوق محفوظة") -> str:
    return (f"<!DOCTYPE html><html lang='ar'><head><meta charset='utf-8'><title>غارات على ريف المدينة</title>{head}</head>"
            f"<body><nav><a href='/'>الرئيسية</a></nav><article><h1>غارات على ريف المدينة</h1>{byline}"
            f"<p>{BODY * 3}</p><p>{BODY}</p></article><footer>{footer}</footer></body></html>")


@pytest.mark.parametrize("text, expected", [
    ("دمشق - 14 كانون الأول/ديسمبر 2016 (أ ف ب)", "2016-12-14"),
    ("القاهرة فى 14ديسمبر2016", "2016-12-14"),
    ("الثلاثاء 28 جوان 2016", "2016-06-28"),
    ("الرياض ٣ أغسطس ٢٠١٥", "2015-08-03"),
    ("نشر في 2015/08/03", "2015-08-03"),
    ("تونس في 03-08-2015", "2015-08-03"),
    ("عام 2016", None),                   # a year alone is not a date
    ("ديسمبر 2016", None),                # neither is a month
    ("© 14 ديسمبر 2016", None),           # nor a date beside a copyright mark
    ("31 فبراير 2016", None),             # nor an impossible one
])
def test_byline_dates(text, expected):
    found = find_date(text)
    assert (found[0] if found else None) == expected
    if found:  # offsets point into the original text
        assert text[found[1]:found[2]].strip()


def test_iso_dates():
    assert parse_iso("2016-12-14T06:00:00+02:00") == "2016-12-14"
    assert parse_iso("2016-13-01") is None
    assert parse_iso("14/12/2016") is None


def test_html_footer_year_is_not_a_date():
    art = parse_html(page(), origin="p.html")
    assert BODY.strip()[:30] in art.text
    assert art.title == "غارات على ريف المدينة"
    assert art.published is None  # trafilatura alone would say 2016-01-01


def test_html_byline_and_metadata_dates():
    art = parse_html(page(byline="<div class='post-date'>الثلاثاء 28 جوان 2016</div>"), origin="p.html")
    assert (art.published, art.date_source) == ("2016-06-28", "byline")
    art = parse_html(page(head="<meta property='article:published_time' content='2015-08-03T10:00:00Z'>"), origin="p.html")
    assert (art.published, art.date_source) == ("2015-08-03", "metadata")
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-07-21"}</script>'
    assert parse_html(page(head=ld), origin="p.html").published == "2015-07-21"


def test_html_declared_windows_1256_is_decoded():
    html = page().replace("charset='utf-8'", "charset='windows-1256'").replace("©", "(c)")
    text = decode_html(html.encode("cp1256"), name="old.html")
    assert "قصفت طائرات" in text
    with pytest.raises(EncodingInputError):  # undeclared: not UTF-8, refused by name
        decode_html(html.replace("charset='windows-1256'", "").encode("cp1256"), name="bad.html")


def test_truncated_html_is_refused():
    data = page().encode("utf-8")
    with pytest.raises(MalformedInputError, match="truncated"):
        decode_html(data[: len(data) // 2], name="cut.html")


def test_text_file_title_and_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("غارات على ريف المدينة\nدمشق - 14 ديسمبر 2016\n" + BODY, encoding="utf-8")
    [art] = list(read_inputs([str(f)]))
    assert isinstance(art, Article)
    assert art.title == "غارات على ريف المدينة" and art.published == "2016-12-14"
    assert art.text == f.read_text(encoding="utf-8")  # never rewritten


def test_jsonl_shared_format_and_bad_lines(tmp_path):
    f = tmp_path / "news.jsonl"
    good = {"id": "n1", "title": "عنوان", "text": BODY, "source": "outlet", "date": "2015-08-03",
            "category": "politics", "url": "http://x.test/1"}
    lines = [json.dumps(good, ensure_ascii=False), "{not json", json.dumps({"id": "n2", "text": "  "}),
             json.dumps({"id": "n3", "title": "بلا نص"}), "", json.dumps(dict(good, id="n4", date="قريبا", url=None))]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_inputs([str(f)]))
    arts = [a for a in out if isinstance(a, Article)]
    fails = {x.origin: x.code for x in out if isinstance(x, Failure)}
    assert [a.id for a in arts] == ["n1", "n4"]
    assert (arts[0].published, arts[0].category, arts[0].url, arts[0].source) == ("2015-08-03", "politics", "http://x.test/1", "outlet")
    assert arts[1].published is None  # an unreadable date is dropped, not guessed
    assert fails == {f"{f}:2": "M105", f"{f}:3": "M101", f"{f}:4": "M100"}


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الاختبار</title><link>http://feed.test/</link>
<item><title>غارات على ريف المدينة</title><link>http://feed.test/1</link>
<pubDate>Wed, 14 Dec 2016 06:00:00 GMT</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>
<item><title>خبر فارغ</title><link>http://feed.test/2</link><description></description></item>
</channel></rss>"""


def test_rss_feed_file(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(RSS.format(body=BODY), encoding="utf-8")
    out = list(read_inputs([str(f)]))
    art, fail = out
    assert isinstance(art, Article) and isinstance(fail, Failure)
    assert (art.url, art.published, art.date_source, art.source) == ("http://feed.test/1", "2016-12-14", "feed", "وكالة الاختبار")
    assert art.text.startswith("قصفت طائرات")
    assert (fail.origin, fail.code) == ("http://feed.test/2", "M101")


def test_missing_path_is_a_failure_not_a_crash():
    [fail] = list(read_inputs(["/no/such/place.txt"]))
    assert isinstance(fail, Failure) and fail.code == "M100"
