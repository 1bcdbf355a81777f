"""Event location: the choice among the sentence's places (marsad/gazetteer/locate.py)."""

from __future__ import annotations

from marsad.gazetteer import haversine_km


def _near(place, lat, lon, km=25):
    return place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) <= km


def _event(doc, etype):
    return next(e for e in doc.events if e.type == etype)


def test_the_clause_place_beats_a_place_elsewhere_in_the_sentence(extract):
    doc = extract("قال مسؤول في بغداد إن مسلحين هاجموا حاجزا للجيش قرب الفلوجة، "
                  "وإن الهدوء عاد إلى الرمادي.")
    assert _near(_event(doc, "ASSAULT").locations[0], 33.35, 43.78)


def test_a_country_inside_an_actor_names_who_not_where(extract):
    doc = extract("دعا سفير روسيا لدى الأمم المتحدة إلى وقف القتال في حلب.")
    loc = _event(doc, "REQUEST").locations[0]
    assert loc.country == "SYR" and loc.precision != "country"


def test_without_a_place_in_the_sentence_the_article_focus_is_used(extract):
    doc = extract("قصفت طائرات حربية أحياء في مدينة تعز صباح اليوم. "
                  "وفي المساء اعتقلت الشرطة ثلاثة شبان بتهمة إطلاق النار.")
    arrest = _event(doc, "COERCE")
    assert arrest.locations and _near(arrest.locations[0], 13.58, 44.02)
