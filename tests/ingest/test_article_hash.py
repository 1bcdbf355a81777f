"""An article's content hash is computed once per text and follows a changed text."""

from __future__ import annotations

from marsad.ingest.article import Article, content_hash


def test_hash_is_the_content_hash_and_follows_the_text():
    a = Article(text="قال الوزير  إن\nالوفد وصل.", origin="x.txt")
    assert a.hash == content_hash(a.text) == content_hash("قال الوزير إن الوفد وصل.")
    assert a.hash is a.hash  # computed once
    a.text = "نص آخر"
    assert a.hash == content_hash("نص آخر")
