from marsad import Document, Pipeline, Settings

SEGMENT = Pipeline(Settings(stages=("segment",)))


def test_sentences_run_through_arabic_commas_and_headline_is_flagged():
    doc = SEGMENT(Document(text="اشتباكات في عدن\n\nقال مسؤول، إن القتال اشتد. وأضاف أن الوضع هادئ."))
    assert [s.headline for s in doc.sentences] == [True, False, False]
    assert doc.text[doc.sentences[1].start:doc.sentences[1].end] == "قال مسؤول، إن القتال اشتد."


def test_tokens_point_into_the_original_and_hold_clitics():
    text = "وبالأمس قصفت الطائرات ٣ مواقع"
    doc = SEGMENT(Document(text=text))
    first = doc.tokens[0]
    assert text[first.start:first.end] == "وبالأمس"
    assert [p.kind for p in first.parts] == ["proclitic", "stem"]
    assert first.parts[0].norm == "وبال"
    assert any(t.norm == "3" and text[t.start:t.end] == "٣" for t in doc.tokens)
