from marsad.text.normalize import normalize


def test_folds_alef_ya_ta_marbuta_and_digits():
    view = normalize("أعلنت إدارة آمنة فى ١٢ مدينةٍ")
    assert view.text == "اعلنت اداره امنه في 12 مدينه"


def test_drops_tatweel_diacritics_and_bidi_marks_keeping_offsets():
    text = "قـــال\u200fُ الجيش"
    view = normalize(text)
    assert view.text == "قال الجيش"
    s = view.text.index("الجيش")
    assert view.to_original(s, s + 5) == (text.index("الجيش"), len(text))


def test_glued_comma_and_digits_get_a_space_in_the_view_only():
    text = "قوات الاسد،فى الساعة 6صباحا"
    view = normalize(text)
    assert "الاسد ، في" in view.text and "6 صباحا" in view.text
    six = view.text.index("6")
    assert text[slice(*view.to_original(six, six + 1))] == "6"


def test_numbers_keep_their_decimal_point():
    assert normalize("نحو 3.5 مليون و1,500 نازح").text.split()[1] == "3.5"
