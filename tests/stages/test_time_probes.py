"""Each date pattern's probe (a speed-up: a pattern is run only from a little before where its
probe is found) is found inside every match of its pattern, within the probe's reach of the
match's start, and the probed search finds what the plain one finds."""

from __future__ import annotations

import random

from marsad.stages.time import _finditer, _grammar
from marsad.text.normalize import normalize_string

SENTENCES = [
    "وصل الوفد في 14 أغسطس 2015 ثم غادر يوم 3 آب وعاد في جويلية 2013.",
    "أعلن الجيش أمس وأول أمس والبارحة أن الهجوم وقع اليوم وسيتكرر غدا أو بعد غد.",
    "اجتمع المجلس الخميس الماضي وسيجتمع الجمعة المقبل ويوم الأحد.",
    "ارتفعت الأسعار الشهر الماضي والعام الجاري والأسبوع المقبل والسنة الماضية.",
    "بدأ الحصار منذ تسعة أشهر وانتهى قبل ثلاثة أيام، منذ بضعة أسابيع، قبل عامين.",
    "انفجرت العبوة عند الساعة السادسة صباحا وأخرى 6 مساء وثالثة الواحدة والنصف ظهرا.",
    "وقع الاتفاق في 14/8/2015 وجدد في 1-2-2016 وفي عام 2014 وسنة 2013 والعام 2012.",
    "في شهر يناير المقبل، وفي فبراير من عام 2016، وبمارس الماضي.",
]


def test_every_match_holds_its_probe():
    g = _grammar()
    seen = set()
    for sentence in SENTENCES:
        view = normalize_string(sentence)
        for kind, pattern in g["patterns"]:
            probe, reach = g["probes"][kind]
            for m in pattern.finditer(view):
                seen.add(kind)
                assert probe.search(m.group()), (kind, m.group())
                assert probe.search(view, m.start()).start() - m.start() <= reach, (kind, m.group())
    assert seen == {kind for kind, _ in g["patterns"]}  # every pattern was tried on a match


def test_the_probed_search_finds_every_match():
    g = _grammar()
    words = " ".join(SENTENCES).split() + ["والساعه", "الحاديه", "عشره", "والنصف", "وشهر", "٢٠١٥"]
    rnd = random.Random(5)
    texts = SENTENCES + [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 40)))
                         for _ in range(500)]
    for text in texts:
        view = normalize_string(text)
        for kind, pattern in g["patterns"]:
            assert ([m.span() for m in _finditer(pattern, *g["probes"][kind], view)]
                    == [m.span() for m in pattern.finditer(view)]), (kind, view)
