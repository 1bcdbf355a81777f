"""Articles we wrote, with events coded by hand on the data model (offsets found in the text),
so that store tests do not depend on what the event coder finds today."""

from __future__ import annotations

from marsad.document import Actor, Document, Event, Mention, Place
from marsad.ingest.article import Article

ALEPPO = dict(name="Aleppo", country="SYR", lat=36.2021, lon=37.1343, geonameid=170063, feature="PPL", admin1="09", precision="place")
IDLIB = dict(name="Idlib", country="SYR", lat=35.9306, lon=36.6339, geonameid=169388, feature="PPLA", admin1="10", precision="place")


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def coded(text: str, *, id: str, url: str | None, published: str, source: str, title: str,
          etype: str, trigger: str, actor: tuple[str, str, str, str] | None, place: tuple[str, dict] | None,
          cameo: str | None = "195", mode: str | None = "aerial", dead: int | None = None):
    """(Article, Document) with one event; actor is (surface, name, country, sector)."""
    t0, t1 = span(text, trigger)
    sentence_end = text.find(".", t1)
    m_end = sentence_end + 1 if sentence_end != -1 else len(text)
    event = Event(id=f"{id}-e1", type=etype, mode=mode, cameo=cameo, trigger=trigger,
                  mentions=[Mention(0, m_end, t0, t1, 0)], date=published, date_precision="day")
    if actor:
        a0, a1 = span(text, actor[0])
        event.actors.append(Actor(a0, a1, actor[0], actor[1], actor[2], actor[3]))
    if place:
        p0, p1 = span(text, place[0])
        event.locations.append(Place(p0, p1, place[0], **place[1]))
    if dead is not None:
        event.size = {"dead": {"min": dead, "max": dead, "text": str(dead)}}
    article = Article(text=text, origin=f"test:{id}", title=title, published=published,
                      date_source="jsonl", source=source, url=url, id=id)
    doc = article.to_document()
    doc.events.append(event)
    return article, doc


STRIKE_1 = "قصفت طائرات النظام السوري سوقا شعبية في حي الشعار بمدينة حلب صباح الخميس، ما أسفر عن مقتل اثني عشر مدنيا."
STRIKE_2 = "لقي 12 مدنيا حتفهم في غارة جوية شنها الطيران الحربي السوري على سوق مزدحم في مدينة حلب شمالي سوريا."
STRIKE_3 = "شنت طائرات النظام السوري غارات جوية على مدينة إدلب صباح الخميس، ما أسفر عن مقتل سبعة مدنيين."
PROTEST = "تظاهر آلاف العراقيين في ساحة التحرير وسط العاصمة بغداد احتجاجا على الفساد وتردي خدمات الكهرباء."


def sample():
    """Four coded articles: two tell one strike on Aleppo, one a strike on Idlib the same day,
    one a protest in Baghdad."""
    return [
        coded(STRIKE_1, id="s1", url="http://alpha.test/s1", published="2016-03-10", source="alpha",
              title="غارة على سوق في حلب", etype="ASSAULT", trigger="قصفت",
              actor=("طائرات النظام السوري", "Syrian Air Force", "SYR", "MIL"), place=("حلب", ALEPPO), dead=12),
        coded(STRIKE_2, id="s2", url="http://beta.test/s2", published="2016-03-11", source="beta",
              title="مقتل 12 مدنيا في حلب", etype="ASSAULT", trigger="غارة جوية",
              actor=("الطيران الحربي السوري", None, "SYR", "MIL"), place=("حلب", ALEPPO), dead=12),
        coded(STRIKE_3, id="s3", url="http://gamma.test/s3", published="2016-03-10", source="gamma",
              title="غارات على إدلب", etype="ASSAULT", trigger="غارات جوية",
              actor=("طائرات النظام السوري", "Syrian Air Force", "SYR", "MIL"), place=("إدلب", IDLIB), dead=7),
        coded(PROTEST, id="p1", url=None, published="2015-08-07", source="alpha",
              title="آلاف يتظاهرون في بغداد", etype="PROTEST", trigger="تظاهر",
              actor=("العراقيين", None, "IRQ", "CVL"),
              place=("بغداد", dict(name="Baghdad", country="IRQ", lat=33.3406, lon=44.4009, geonameid=98182, precision="place")),
              cameo="141", mode="demo"),
    ]
