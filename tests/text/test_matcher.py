from marsad.text.matcher import Lexicon


def _hits(lexicon, text):
    from marsad.text.normalize import normalize_string

    view = normalize_string(text)
    return [(view[m.start:m.end], m.prefix) for m in lexicon.finditer(view)]


def test_place_names_match_behind_clitics_but_not_inside_words():
    lex = Lexicon()
    lex.add("حلب", "Aleppo")
    lex.add("دمشق", "Damascus")
    assert _hits(lex, "وصلت القافلة وبحلب ثم لدمشق") == [("حلب", "وب"), ("دمشق", "ل")]
    assert _hits(lex, "حلبة السباق") == []


def test_article_after_lam_drops_its_alef():
    lex = Lexicon()
    lex.add("الروس", "RUS")
    assert [p for _, p in _hits(lex, "قدم الدعم للروس والروس")] == ["ل", "و"]


def test_verbs_take_verbal_prefixes_only():
    lex = Lexicon()
    lex.add("قصفت", "ASSAULT", kind="verb")
    assert _hits(lex, "وقصفت") == [("قصفت", "و")]
    assert _hits(lex, "بقصفت") == []


def test_a_form_ending_in_a_preposition_clitic_runs_into_the_next_word():
    # في هجوم ل + القوات = في هجوم للقوات
    lex = Lexicon()
    lex.add("في هجوم ل", "agentive")
    lex.add("هجوم", "attack")
    hits = _hits(lex, "قتل في هجوم للقوات الخاصة")
    assert ("في هجوم ل", "") in hits
    assert _hits(lex, "هجومي") == []  # a whole-word form still ends at the word's end
