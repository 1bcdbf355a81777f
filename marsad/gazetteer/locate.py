"""Where an event happened: the choice among the places its sentence names.

The event coder knows the clause of each trigger; this module knows places. ``choose_location``
takes the sentence's place entities, each flagged by whether it lies in the trigger's clause, and
returns the event's location, the first of:

1. the nearest city or region in the trigger's clause;
2. a country in the clause named as the scene (شنت مقاتلات غارات داخل سوريا: Syria, not the
   article's capital);
3. the nearest city or region elsewhere in the sentence;
4. a city or region the sentence names as the destination of another word (استسلم المقاتلون
   ووافقوا على الرحيل نحو إدلب: Idlib only when nothing else is named);
5. when the sentence names none of these, the last place named as a scene in the sentences
   before it in its paragraph (the story goes on where it was: اشتباكات في محافظة مأرب …
   واعتقل المسلحون عددا من رجال القبائل);
6. the article's focus place (``focus_place``: the place most named as a scene);
7. a country the sentence names otherwise (as actor, target or topic).

A word that opens another clause (بعد، قبل، إثر، عندما، الذي …) between a place and the trigger
puts the place outside the trigger's clause (قتل جنود في يريم بعد انسحابهم من دمت: the
withdrawal was from Damt).  A place inside an actor's or recipient's phrase names who acted, not
where (سفير روسيا); a place introduced as a topic (بشأن اليمن، الندوة المتعلقة بليبيا) is no
scene either.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document, Entity, Place
from ..text.normalize import normalize_string

# prepositions and nouns that introduce where something happens
_LOCATIVE = frozenset({"في", "فى", "داخل", "بداخل", "وسط", "قرب", "بالقرب", "محيط", "اطراف",
                       "ريف", "شمال", "جنوب", "شرق", "غرب", "مدينه", "محافظه", "بلده", "قريه",
                       "منطقه", "حي", "مخيم", "ولايه"})
# words that make a place a destination, not the scene
_DESTINATION = frozenset({"الي", "نحو", "باتجاه", "اتجاه", "صوب", "لزياره", "زياره", "بزياره",
                          "للتوجه", "التوجه"})
# words that make a place the topic, not the scene: محادثات بشأن اليمن، الندوة المتعلقة بليبيا
_TOPIC = frozenset({"بشان", "حول", "عن", "المتعلقه", "الخاصه", "ازاء", "تجاه", "لمناقشه",
                    "قضيه", "ملف", "ازمه", "لازمه", "بالنسبه", "نسبه"})
# words that open another clause inside a sentence: a place beyond one belongs to another verb
# (قتل جنود في يريم بعد انسحابهم من دمت: the withdrawal was from Damt, not Yarim)
_SUBORDINATORS = frozenset({"بعد", "بعدما", "قبل", "اثر", "عقب", "حيث", "عندما", "بينما", "فيما",
                            "حين", "حينما", "لدي", "اذ", "كما", "لكن", "الذي", "التي", "الذين",
                            "اللذين", "اللتين", "لان", "ليتم", "حتي"})
_CLITICS = ("وب", "فب", "وف", "و", "ف", "ب")
_PLACE_WORDS = _LOCATIVE | _DESTINATION
_DESTINATION_GAP = 4  # words: a destination this close after the trigger is the trigger's own


class Focus(Place):
    """The article's focus place, carrying the article so that ``choose_location`` can look back
    for the last place named before an event whose sentence names none."""

    doc: Document | None = None

    def plain(self) -> Place:
        return Place(self.start, self.end, self.text, self.name, self.country, self.lat,
                     self.lon, self.geonameid, self.feature, self.admin1, self.precision)


def place_attrs(ent: Entity) -> dict:
    """A place's data: a LOC's own attrs; a country name's gazetteer data or its code."""
    if ent.label == "LOC":
        return ent.attrs
    place = dict(ent.attrs.get("place") or {})
    place.setdefault("country", ent.attrs.get("country"))
    place.setdefault("precision", "country")
    return place


def place_of(ent: Entity) -> Place:
    a = place_attrs(ent)
    return Place(ent.start, ent.end, ent.text, a.get("name"), a.get("country"), a.get("lat"),
                 a.get("lon"), a.get("geonameid"), a.get("feature"), a.get("admin1"),
                 a.get("precision"))


def _words_before(text: str, start: int, n: int = 2) -> tuple[str, ...]:
    """The normalised words before ``start`` (nearest last), a clitic attached to the name
    (وبحلب) counting as a word of its own."""
    return _window_words(text[max(0, start - 40): start], n)


@lru_cache(maxsize=8192)
def _window_words(head: str, n: int) -> tuple[str, ...]:
    """The last ``n`` words of a short window, cached by the window itself: every event of an
    article asks again about the same places (the article's text is not kept alive)."""
    attached = ""
    while head and head[-1].isalpha():
        attached = head[-1] + attached
        head = head[:-1]
    words = [normalize_string(w.strip("،,.:؛\"«»()")) for w in head.split()[-n:]]
    if attached:
        words.append(normalize_string(attached))
    return tuple(words)


def _bare(word: str) -> str:
    for c in _CLITICS:
        if word.startswith(c) and word[len(c):] in _PLACE_WORDS:
            return word[len(c):]
    return word


def is_locative(text: str, start: int) -> bool:
    """The place is introduced as a scene: في حلب، بحلب، في ريف حلب، بمدينة حلب."""
    words = _words_before(text, start)
    if not words:
        return False
    last = words[-1]
    if last in ("ب", "وب", "فب") or _bare(last) in ("في", "فى", "داخل", "بداخل"):
        return True
    return _bare(last) in _LOCATIVE and (last[:1] == "ب" or (len(words) > 1 and _bare(
        words[-2]) in ("في", "فى")))


def is_topic(text: str, start: int) -> bool:
    """The place is what is talked about: بشأن اليمن، حول سوريا، المتعلقة في ليبيا، أزمة اليمن،
    بالنسبة لطهران."""
    words = _words_before(text, start, 3)
    if not words:
        return False
    if words[-1] in ("ب", "ل", "في", "فى") and len(words) > 1:
        topic = _bare(words[-2])
        # الخاصة بسوريا is about Syria; القوات الخاصة في سورية are special forces there
        return topic in _TOPIC and not (topic == "الخاصه" and words[-1] in ("في", "فى"))
    return _bare(words[-1]) in _TOPIC


def is_destination(text: str, start: int) -> bool:
    """The place is where someone goes: إلى إدلب، باتجاه مأرب، لزيارة موسكو."""
    words = _words_before(text, start)
    return bool(words) and (_bare(words[-1]) in _DESTINATION or (
        len(words) > 1 and _bare(words[-1]) in _LOCATIVE and _bare(words[-2]) in _DESTINATION))


def _crosses_clause(text: str, a: int, b: int) -> bool:
    """Whether a word between offsets ``a`` and ``b`` opens another clause."""
    for w in text[a:b].split():
        w = normalize_string(w.strip("،,.:؛\"«»()"))
        if w in _SUBORDINATORS or (w[:1] in "وف" and w[1:] in _SUBORDINATORS):
            return True
    return False


def doc_places(doc: Document) -> list[Entity]:
    return [e for e in doc.entities
            if e.label in ("LOC", "GPE") and place_attrs(e).get("country")]


def focus_place(doc: Document) -> Focus | None:
    """The place the article is mostly about, as a scene.

    Each country scores its mentions: a city or region 2 when introduced as a scene (في حلب،
    بحلب، في ريف حلب), else 1; a country's own name 2 as a scene (في سوريا), else nothing (a
    country as actor or addressee says who, not where); the focus country of the link stage
    (``doc.meta["focus_country"]``) counts as one more scene mention (2).  The focus place is
    the best scored city or region of the best country, else that country.  The result carries
    the document (see :class:`Focus`)."""
    focus_country = doc.meta.get("focus_country")
    scores: dict[str, float] = {}
    fine: dict[str, dict[str, list]] = {}
    country_ent: dict[str, Entity] = {}
    for e in doc_places(doc):
        a = place_attrs(e)
        c = a["country"]
        scene = is_locative(doc.text, e.start) and not is_topic(doc.text, e.start)
        if a.get("precision") in (None, "country") or e.label != "LOC":
            country_ent.setdefault(c, e)
            scores[c] = scores.get(c, 0.0) + (2.0 if scene else 0.0)
            continue
        w = 2.0 if scene else 1.0
        scores[c] = scores.get(c, 0.0) + w
        key = str(a.get("geonameid") or a.get("name") or e.text)
        entry = fine.setdefault(c, {}).setdefault(key, [0.0, e])
        entry[0] += w
    if focus_country:
        scores[focus_country] = scores.get(focus_country, 0.0) + 2.0
    if not scores:
        return None
    first = {c: i for i, c in reversed(list(enumerate(scores)))}
    best_c = max(scores, key=lambda c: (scores[c], -first[c]))
    if best_c in fine:
        best = place_of(max(fine[best_c].values(), key=lambda v: v[0])[1])
    elif best_c in country_ent:
        best = place_of(country_ent[best_c])
    else:
        best = country_place(best_c)
    f = Focus(best.start, best.end, best.text, best.name, best.country, best.lat, best.lon,
              best.geonameid, best.feature, best.admin1, best.precision)
    f.doc = doc
    return f


def country_place(code: str) -> Place:
    """A country as an event's place, known only by its code (no span, no coordinates)."""
    return Place(None, None, code, code, code, None, None, None, "PCLI", None, "country")


def _plain(p: Place) -> Place:
    return p.plain() if isinstance(p, Focus) else p


def _last_before(doc: Document, start: int, participants,
                 places: list[Entity] | None = None) -> Entity | None:
    """The last place named as a scene in the sentences before the one of ``start``, within
    its paragraph, not inside a participant: a city or region, or a country introduced by في
    or as a destination (أجبرت الطائرة على التوجه إلى مالطا … وهدد الخاطفان).  ``places`` are
    the document's places when the caller has them."""
    sent = start
    if doc.sentences:
        x = doc.sentences[doc.sentence_of(start)]
        if x.start <= start < x.end:
            sent = x.start
    para = doc.text.rfind("\n", 0, sent) + 1
    best = None
    for e in (doc_places(doc) if places is None else places):
        if not (para <= e.start and e.end <= sent) or (best is not None and e.start < best.start):
            continue
        if _inside_participant(e, participants, doc.text):
            continue
        if is_topic(doc.text, e.start):
            continue
        if place_attrs(e).get("precision") == "country" and not (
                is_locative(doc.text, e.start) or is_destination(doc.text, e.start)):
            continue
        best = e
    return best


def _inside_participant(p: Entity, participants, text: str | None) -> bool:
    """Whether a place lies in an actor's or recipient's phrase (سفير روسيا).  A participant
    that is only a place introduced by في (قتل في سوريا) is the scene, not a participant."""
    for a_s, a_e in participants:
        if a_s <= p.start and p.end <= a_e:
            if (a_s, a_e) == (p.start, p.end) and text is not None and is_locative(text, p.start):
                continue
            return True
    return False


def choose_location(candidates: list[tuple[Entity, bool]], trigger_start: int,
                    focus: Place | None, participants: list[tuple[int, int]],
                    doc: Document | None = None,
                    doc_places: list[Entity] | None = None) -> list[Place]:
    """The event's location from its sentence's places.

    ``candidates`` are ``(place entity, in the trigger's clause)`` pairs; ``participants`` the
    spans of the event's actors and recipients, whose places name who acted, not where
    (روسيا in سفير روسيا).  ``doc`` (else the one ``focus`` carries) gives the words around
    each place and the places of the sentences before (``doc_places``, computed when not given).
    """
    if doc is None:
        doc = getattr(focus, "doc", None)
    text = doc.text if doc is not None else None
    ranked, weak, scenes_elsewhere = [], [], []
    for p, in_clause in candidates:
        if _inside_participant(p, participants, text):
            continue
        attrs = place_attrs(p)
        if not attrs.get("country"):
            continue
        coarse = attrs.get("precision") == "country"
        distance = abs(p.start - trigger_start)
        if in_clause and text is not None and _crosses_clause(
                text, min(p.end, trigger_start), max(p.start, trigger_start)):
            in_clause = False
        if text is not None and is_topic(text, p.start):
            weak.append((distance, p))
            continue
        if text is not None and p.start > trigger_start and is_destination(text, p.start) and (
                not in_clause or len(text[trigger_start:p.start].split()) > _DESTINATION_GAP):
            if not coarse:
                ranked.append(((3, distance), p))  # where another word of the sentence goes
            continue
        if coarse and not (in_clause and (text is None or is_locative(text, p.start))):
            if text is not None and is_locative(text, p.start):
                # أجريت محادثات في الكويت, in another clause of the sentence: a scene, though
                # perhaps of another event, better than a guess from the article
                scenes_elsewhere.append((distance, p))
            else:
                weak.append((distance, p))  # a country as actor or target
        elif in_clause:
            ranked.append(((1 if coarse else 0, distance), p))
        else:
            ranked.append(((2, distance), p))
    if ranked:
        return [place_of(min(ranked, key=lambda t: t[0])[1])]
    if doc is not None:
        prev = _last_before(doc, trigger_start, participants, doc_places)
        if prev is not None:
            return [place_of(prev)]
    if scenes_elsewhere:
        return [place_of(min(scenes_elsewhere, key=lambda t: t[0])[1])]
    if focus is not None:
        return [_plain(focus)]
    if weak:
        return [place_of(min(weak, key=lambda t: t[0])[1])]
    return []
