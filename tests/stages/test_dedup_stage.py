"""Stage dedup: one event per real-world event within an article, every mention kept."""

from __future__ import annotations


def _of(doc, etype):
    return [e for e in doc.events if e.type == etype]


def test_a_ceasefire_told_twice_in_other_words_is_one_event_with_both_sources(extract):
    # issue 2: the seed's ceasefire, stated by the author and announced by an envoy, came out
    # as two events because the second mention put the noun before the verb.
    doc = extract("وتوقف القتال بين الجيش السوري والمعارضة المسلحة في مدينة حمص صباح أمس. "
                  "وفي نيويورك أعلن سفير فرنسا أن القتال توقف تماما فى حمص منذ الفجر.")
    ceasefires = [e for e in doc.events if e.mode == "ceasefire"]
    assert len(ceasefires) == 1
    event = ceasefires[0]
    assert len(event.mentions) == 2
    assert {a.sector for a in event.actors} == {"MIL", "OPP"}
    assert any("سفير فرنسا" in s.text for s in event.attribution)


def test_a_partyless_mention_of_nothing_told_elsewhere_is_no_event(extract):
    doc = extract("وقال مسؤول محلي إن القتال توقف في حمص منذ الفجر.")
    assert doc.events == []


def test_strikes_on_two_cities_stay_two_events(extract):
    doc = extract("قصفت طائرات حربية مدينة إدلب صباح الأحد. "
                  "وفي المساء قصفت طائرات حربية مدينة درعا.")
    places = sorted(e.locations[0].country + str(e.locations[0].geonameid)
                    for e in _of(doc, "ASSAULT") if e.locations)
    assert len(_of(doc, "ASSAULT")) == 2 and len(set(places)) == 2


def test_one_clause_told_twice_is_one_event(extract):
    doc = extract("شنت طائرات التحالف غارات على مواقع للمتمردين في صعدة، "
                  "وأسفرت الغارات عن مقتل عشرة مسلحين.")
    assert len(_of(doc, "ASSAULT")) == 1
