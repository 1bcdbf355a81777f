"""The normaliser's translate table and glue patterns (a speed-up, learnt character by character
as texts come) keep it offset-preserving and give exactly the view of the plain
character-by-character definition."""

from __future__ import annotations

import random

from marsad.text.normalize import _JOINERS, _kind, fold_char, normalize, normalize_string


def reference(text: str) -> tuple[str, tuple[int, ...]]:
    """The normaliser's definition, one character at a time, no cache."""
    chars, offsets = [], []
    prev_kind, prev_char = 0, ""
    for i, ch in enumerate(text):
        for fc in fold_char(ch):
            kind = _kind(fc)
            if (prev_kind and kind and kind != prev_kind
                    and not (prev_kind == 2 and fc in _JOINERS)
                    and not (kind == 2 and prev_char in _JOINERS)
                    and not (prev_kind == 3 and kind == 3)):
                chars.append(" ")
                offsets.append(i)
            chars.append(fc)
            offsets.append(i)
            prev_kind, prev_char = kind, fc
    offsets.append(len(text))
    return "".join(chars), tuple(offsets)


ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱىئؤةۃیکـ" "\u064b\u064e\u0650\u0651\u0652\u0670"
    "٠١٢٣٤٥٦٧٨٩۰۵" "0123456789" " \t\n\r\u00a0" "،؛؟.,:;-/+!«»()\"" "\u200b\u200f\u202b\u2067\ufeff"
    "\ufefb\ufef7\ufe8d\ufb50" "ABCxyzİ" "٫٬%$"
)

SENTENCES = [
    "قال الرئيس بشار الأسد،فى حلب 6صباحا: إن 1,500 مقاتل غادروا المدينة.",
    "اقتحمــــت القوات الإسرائيلية مُخيم جنين ٣ مرات",
    "\u202bتظاهر\u202c الآلاف في ساحة التحرير 3.5 ساعة",
    "",
]


def test_same_view_as_the_definition_on_random_and_real_text():
    rnd = random.Random(7)
    texts = SENTENCES + ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 80)))
                         for _ in range(2000)]
    for text in texts:
        view = normalize(text)
        assert (view.text, view.offsets) == reference(text), text


def test_every_view_character_points_back_to_its_original_character():
    for text in SENTENCES:
        view = normalize(text)
        assert len(view.offsets) == len(view.text) + 1 and view.offsets[-1] == len(text)
        assert list(view.offsets) == sorted(view.offsets)  # monotone
        for j, ch in enumerate(view.text):
            i = view.offsets[j]
            assert ch == " " or ch in fold_char(text[i])
        # a span of the view maps back to the original characters it came from
        for start in range(len(view.text)):
            s, e = view.to_original(start, start + 1)
            assert 0 <= s < e <= len(text)


def test_a_word_found_in_the_view_is_the_original_word():
    text = SENTENCES[0]
    view = normalize(text)
    k = view.text.index("الاسد")
    s, e = view.to_original(k, k + len("الاسد"))
    assert text[s:e] == "الأسد"
    k = view.text.index("صباحا")
    s, e = view.to_original(k, k + len("صباحا"))
    assert text[s:e] == "صباحا" and text[s - 1] == "6"


def test_the_string_view_is_the_view_of_normalize_cached_or_not():
    rnd = random.Random(11)
    texts = SENTENCES + ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 120)))
                         for _ in range(500)]
    for _ in range(2):  # the second round reads short strings from the cache
        for text in texts:
            assert normalize_string(text) == reference(text)[0], text
