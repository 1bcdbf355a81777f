"""Search terms from texts already normalised, and the per-word cache of variants, give the
terms of the plain definition."""

from __future__ import annotations

from marsad.document import Document
from marsad.store.terms import index_terms, index_terms_of_views, word_variants
from marsad.text.normalize import normalize_string

TEXTS = [
    "وقالت الحكومة إن قواتها دخلت وبحلب، فيما رفض الوزير للصحفيين التعليق.",
    "أعلنت إدارة المدينة فى ١٢ آذار أن المتظاهرين غادروا ساحتها",
    "",
]


def test_terms_of_views_are_the_terms_of_the_texts():
    for title in (None, "عنوان الخبر", ""):
        for text in TEXTS:
            doc = Document(text=text)
            views = [normalize_string(title)] if title else []
            if text:
                views.append(doc.normalized.text)
            assert index_terms_of_views(*views) == index_terms(title, text)


def test_variants_are_the_same_each_time_and_a_fresh_set():
    first = word_variants("وبحكومتها")
    assert {"حكومتها", "حكومت", "حكومه"} <= first
    first.add("x")  # the caller's set: the cache is not changed
    assert word_variants("وبحكومتها") == first - {"x"}
