import pytest

from marsad import Document, Pipeline, Settings

TIME = Pipeline(Settings(stages=("segment", "time")))


def dates(text, published="2016-12-14"):
    doc = TIME(Document(text=text, published=published))
    return [(e.text, e.attrs["value"], e.attrs["precision"]) for e in doc.entities if e.label == "DATE"]


@pytest.mark.parametrize("text, value", [
    ("قتل جندي أمس", "2016-12-13"),
    ("وقع الهجوم الخميس الماضي", "2016-12-08"),
    ("اجتمع الوزراء يوم الثلاثاء", "2016-12-13"),
    ("يتسلم السلطة فى يناير المقبل", "2017-01-01"),
    ("بدأ الحصار منذ تسعة أشهر", "2016-03-14"),
    ("اندلعت الاحتجاجات في 3 آب 2015", "2015-08-03"),
    ("انطلق الاعتصام في 21 جوان 2013", "2013-06-21"),
    ("وصل الوفد في ١٤/٨/٢٠١٥", "2015-08-14"),
])
def test_resolves_against_publication_date(text, value):
    assert value in [v for _, v, _ in dates(text)]


def test_clock_time_keeps_the_day_and_records_the_hour():
    doc = TIME(Document(text="غادرت القافلة فى السادسة صباحا", published="2016-12-14"))
    (ent,) = [e for e in doc.entities if e.label == "DATE"]
    assert ent.attrs["time"] == "06:00" and ent.attrs["value"] == "2016-12-14"


def test_bare_month_words_that_are_also_verbs_are_not_dates():
    assert dates("مارس الجيش ضغطا كبيرا على الاب") == []


@pytest.mark.parametrize("text, value", [
    ("وقعت الاشتباكات في 3 شباط الماضي.", "2016-02-03"),
    ("قتل جنديان يوم 20 أبريل الماضي في درعا.", "2015-04-20"),
    ("تعقد القمة في 5 جانفي المقبل بتونس.", "2017-01-05"),
])
def test_a_day_and_month_with_last_or_next_keep_the_day(extract, text, value):
    # regression (issue 3): "شباط الماضي" outran "3 شباط" and the day was lost
    dates = [e for e in extract(text, published="2016-03-02").entities if e.label == "DATE"]
    assert [d.attrs["value"] for d in dates] == [value]
    assert dates[0].attrs["precision"] == "day"
