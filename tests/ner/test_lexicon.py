"""The NER lexicon's classes from a PETRARCH actor dictionary (the CAMEO Arabic dictionaries'
format), on entries we wrote in that format."""

from __future__ import annotations

from marsad.ner.lexicon import build_lexicon, read_actor_dictionary
from marsad.text.normalize import normalize_string

# Entries composed for this test: a name with dated codes below it, a phrase with its code on
# the same line, a one-word entry, a comment, an indented entry.
ACTORS = """\
# a comment line
سامي_الدباغ_
\t[XYZGOV 20010101-20051231]
\t[XYZELI 20051231-20091231]
وزارة_زراعة_أرخبيلي_  [XYZGOV]
قرطاجنة
 رئيس_وزير_فادي_نصار_  [XYZGOV]
"""


def test_the_actor_dictionary_gives_its_entries_as_phrases(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    assert read_actor_dictionary(path) == [
        "سامي الدباغ", normalize_string("وزارة زراعة أرخبيلي"), normalize_string("قرطاجنة"),
        normalize_string("رئيس وزير فادي نصار")]


def test_actor_names_are_a_lexicon_class_without_the_title_words(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    lex = build_lexicon(actor_dictionary=path)
    assert "CAM^" in lex["سامي"] and "CAM~" in lex["دباغ"]
    assert "CAM" in lex[normalize_string("قرطاجنة")]
    assert "CAM^" in lex["فادي"]  # رئيس and وزير are titles: not part of the name
    assert not any(c.startswith("CAM") for c in lex.get("وزير", ()))
    assert not any(c.startswith("CAM") for c in build_lexicon().get("سامي", ()))



def test_training_finds_the_actor_dictionary_in_its_corpus_s_data_folder(tmp_path):
    from marsad.ner.train import ACTOR_DICTIONARY, train
    from test_tagger import TINY

    data = tmp_path / "data"
    corpus = data / "anercorp" / "tiny.conll"
    corpus.parent.mkdir(parents=True)
    corpus.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in TINY) + "\n",
                      encoding="utf-8")
    (data / ACTOR_DICTIONARY).parent.mkdir(parents=True)
    (data / ACTOR_DICTIONARY).write_text(ACTORS, encoding="utf-8")
    meta = train(corpus, tmp_path / "model", params={"max_iterations": 5})
    assert meta["actor_dictionary"] == "actor_dict_ar_v4.txt"
    assert meta["decoding"] == {"label_bias": {}}
    lexicon = (tmp_path / "model" / "lexicon.tsv").read_text("utf-8")
    assert any(line.startswith("دباغ\t") and "CAM~" in line for line in lexicon.splitlines())
    assert train(corpus, tmp_path / "none", params={"max_iterations": 5},
                 actor_dictionary=None)["actor_dictionary"] is None
