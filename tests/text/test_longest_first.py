"""The overlap choice of the matcher (a position map, a speed-up) gives the matches of its
definition: longest first, then leftmost, none overlapping a chosen one."""

from __future__ import annotations

import random

from marsad.text.matcher import Match, longest_first


def reference(matches: list[Match]) -> list[Match]:
    chosen, taken = [], []
    for m in sorted(matches, key=lambda m: (-m.length, m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def test_same_choice_as_the_definition():
    rnd = random.Random(3)
    for _ in range(3000):
        matches = []
        for k in range(rnd.randint(0, 25)):
            start = rnd.randint(0, 60)
            end = start + rnd.randint(1, 12)
            matches.append(Match(start, end, start, end, "", k))
        assert longest_first(matches) == reference(matches)
