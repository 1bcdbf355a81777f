"""Finding and resolving place names in a document.

``PlaceFinder.find(doc)`` runs one Aho-Corasick pass over ``doc.normalized.text``, checks each hit's
clitics (وبحلب، لدمشق، للرقة; no article before a name that has none: العين is not عين), drops
stop-listed words, and resolves every hit in two passes:

1. the *focus country* of the article is counted from the country names and the places whose
   country is certain (one candidate country, curated or 50,000 people or more);
2. each hit's candidates are scored: prior rank (population, curated, region or country), focus
   country, countries named in the article, closeness to the certain places of the article, cue
   words before the name (مدينة، محافظة، ولاية، بلدة، قرية، حي، ريف، شمال …) and a nationality
   adjective after it (طرابلس اللبنانية).

Context tests keep common words out: a ``context`` stop-list name (صور، بشار …) is a place only
after a cue word, before a nationality adjective, or listed beside another place; a small town
(under 20,000 people, not curated) is a place only when its country is the focus or named in the
article, a cue word stands before it, or another place of the article lies within 150 km.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import Document, Entity
from ..text.clitics import NOUN_PREFIX_SET
from ..text.normalize import normalize_string
from .index import (COUNTRY, FEATURE, GEONAMEID, LAT, LON, POPULATION, PRECISION, REGION3, SOURCE,
                    GazetteerIndex, bare_spelling, place_attrs, prior)

_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})
_MAX_PREFIX = 4

# Cue words (normalised, without their own proclitics).
PROVINCE_CUES = frozenset({"محافظه", "ولايه", "مقاطعه", "اقليم", "امارة", "اماره", "محافظتي",
                           "ولايتي", "محافظات", "ولايات", "منطقه", "مناطق"})
# العاصمة صنعاء names the city; عاصمة بنين (no article) names the country, so it is no cue
CITY_CUES = frozenset({"مدينه", "مدينتي", "مدن", "العاصمه", "ميناء", "مرفا"})
LOCAL_CUES = frozenset({"بلده", "بلدتي", "بلدات", "قريه", "قريتي", "قري", "حي", "احياء", "ضاحيه",
                        "مخيم", "ناحيه", "قضاء", "مركز", "مديريه", "مديريات", "دائره", "معتمديه",
                        "بلديه", "جزيره", "جبل", "وادي", "سهل", "معبر", "منفذ", "مطار", "قاعده",
                        "سجن", "ساحه", "ميدان", "مستشفي", "جامعه"})
# a street named after a place is not that place (شارع أسيوط in العريش)
STREET_CUES = frozenset({"شارع", "شوارع"})
# the first word of a longer place name (كفر داعل، خربة غزالة): a name right after one is only
# its second half, and another place's name
NAME_HEADS = frozenset({"كفر", "خربه", "بئر", "بير", "بيت", "ام", "راس", "قصر", "برج", "سيدي",
                        "منزل", "عين"})
# counted nouns: a name right after a number is a noun (قتل أربعة مدنين، 5 مدنين)
NUMBER_WORDS = frozenset({"ثلاثه", "اربعه", "خمسه", "سته", "سبعه", "ثمانيه", "تسعه", "عشره",
                          "عشرات", "مئات", "الاف", "ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني",
                          "تسع", "عشر"})
# a club or a newspaper named after a place is not the place (نادي نجران، صحيفة الشروق)
# ... nor is a text named after one (اتفاقية باريس، قانون روما الأساسي، مقررات جنيف)
ORG_CUES = frozenset({"نادي", "فريق", "صحيفه", "جريده", "مجله", "شركه", "انباء", "ايتلاف",
                      "اتفاق", "اتفاقيه",
                      "معاهده", "قانون", "مقررات", "ميثاق", "بروتوكول", "خطه"})
AREA_CUES = frozenset({"ريف", "اطراف", "ضواحي", "محيط", "شمال", "جنوب", "شرق", "غرب", "شمالي",
                       "جنوبي", "شرقي", "غربي", "وسط", "شمالا", "جنوبا", "شرقا", "غربا", "قرب",
                       "بالقرب", "مشارف", "جبهه", "جبهات", "شمال شرق", "شمال غرب", "جنوب شرق", "جنوب غرب"})
ALL_CUES = PROVINCE_CUES | CITY_CUES | LOCAL_CUES | AREA_CUES | STREET_CUES | ORG_CUES

_QUOTES = frozenset('"«»“”()\'')
_SOURCE_WORDS = frozenset({"عبر", "صحيفه", "جريده", "لصحيفه", "لجريده", "موقع", "قناه", "ل", "لـ",
                           # a quoted name that receives or learns news is the paper: وتلقت "الرياض"
                           "تلقت", "وتلقت", "علمت", "وعلمت", "حصلت", "وحصلت", "اطلعت", "واطلعت"})
SMALL_TOWN = 20_000
NEIGHBOUR_CHARS = 40
# what may stand between two listed places: و، في، ب، a direction (صور جنوب لبنان)
_LINK_WORDS = frozenset({"و", "في", "ب", "من", "الي", "او", "-", "(", ")"}) | AREA_CUES
FOREIGN_TOWN = 1_000_000
# what may stand between a place and the place it lies in (الحضر في ريف القنيطرة، اليرموك غربي
# بعقوبة، المنصورة بسهل الغاب)
_WITHIN_WORDS = frozenset({"في", "فى", "ب", "ريف", "بريف", "محافظه", "بمحافظه", "مدينه",
                           "بمدينه", "قضاء", "بقضاء", "مديريه", "بمديريه", "التابعه", "لمحافظه",
                           "لمدينه", "منطقه", "بمنطقه"}) | AREA_CUES
NEAR_KM = 150.0
FAR_KM = 400.0
ELSEWHERE_KM = 600.0  # a place this far from the place it is said to lie in is a namesake


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=1)
def gentilic_adjectives() -> dict[str, str]:
    """السوريه، السوري، اللبنانيه … (normalised, with the article) -> ISO3."""
    from ..resources import forms, table

    out = {}
    for row in table("gentilics.tsv"):
        for stem in forms(row["forms"]):
            for form in ("ال" + stem + "ه", "ال" + stem):
                out[form] = row["country"]
    return out


_GENTILIC_AUTOMATON = None


def gentilic_counts(text: str) -> dict[str, int]:
    """How often each country's nationality adjective occurs (السوري، الليبية …)."""
    global _GENTILIC_AUTOMATON
    if _GENTILIC_AUTOMATON is None:
        import ahocorasick

        a = ahocorasick.Automaton()
        for form, iso3 in gentilic_adjectives().items():
            a.add_word(form, (len(form), iso3))
        a.make_automaton()
        _GENTILIC_AUTOMATON = a
    out: dict[str, int] = {}
    n = len(text)
    for last, (length, iso3) in _GENTILIC_AUTOMATON.iter(text):
        end = last + 1
        if (end < n and text[end].isalnum()) or (last - length >= 0 and text[last - length].isalnum()
                                                  and text[last - length] not in "وفب"):
            continue
        out[iso3] = out.get(iso3, 0) + 1
    return out


def _strip_word_clitics(word: str) -> str:
    for p in ("وب", "فب", "ول", "فل", "و", "ف", "ب", "ل"):
        if word.startswith(p) and word[len(p):] in ALL_CUES:
            return word[len(p):]
    return word


@dataclass
class Hit:
    start: int  # view coordinates
    end: int
    key: int
    cands: tuple[int, ...]
    mode: str
    prefix: str
    cue: str = ""
    cue_kind: str = ""
    adj_country: str | None = None
    choice: int | None = None
    accepted: bool = False
    quoted_source: bool = False
    compound: bool = False  # joined by a hyphen to a word that is no place (هارتسفيلد-جاكسون)
    surname: bool = False  # right after a given name (جون آلن، محمد أمين قبلي)
    head: bool = False  # half of a longer name (كفر داعل) or a counted noun (أربعة مدنين)
    scores: dict = field(default_factory=dict)


class PlaceFinder:
    """Finds places in documents with a :class:`GazetteerIndex`."""

    def __init__(self, index: GazetteerIndex):
        self.index = index

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "PlaceFinder":
        """The finder over the default index (cached on disk; see ``index.cached_index``)."""
        from .index import cached_index

        return cls(cached_index())

    # ---------------------------------------------------------------------------------------
    def hits(self, text: str) -> list[Hit]:
        """Clitic-checked, non-overlapping (longest first) name hits in a normalised text."""
        idx = self.index
        keys, n = idx.keys, len(text)
        raw: list[tuple[int, int, int, str]] = []  # start, end, value, prefix
        for last, value in idx.automaton.iter(text):
            end = last + 1
            if end < n and text[end].isalnum():
                continue
            if value < 0:
                length = len(idx.blockers[-value - 1])
            else:
                length = len(keys[value // 2]) - (value & 1)
            start = end - length
            ts = start
            while ts > 0 and text[ts - 1].isalnum():
                ts -= 1
                if start - ts > _MAX_PREFIX:
                    break
            prefix = text[ts:start]
            if value >= 0:
                key = keys[value // 2]
                # the whole token is a common word (ولاية is not و + لاية)
                if prefix and text[ts:end] in idx.stopwords:
                    continue
                if value & 1:
                    if prefix not in _LAM_PREFIXES:
                        continue
                elif prefix:
                    if prefix not in NOUN_PREFIX_SET:
                        continue
                    # العين is not عين: no article before a name that does not carry one.
                    if prefix.endswith("ال") or prefix.endswith("لل"):
                        continue
            elif prefix and prefix not in NOUN_PREFIX_SET:
                continue
            raw.append((ts if value >= 0 else start, end, value, prefix))
        # Longest first (the span includes the clitics, so وبحلب beats a shorter inner name).
        raw.sort(key=lambda r: (-(r[1] - r[0] - len(r[3])), r[0]))
        taken = bytearray(n + 1)
        out = []
        for ts, end, value, prefix in raw:
            start = ts + len(prefix)
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if value < 0:
                continue
            i = value // 2
            out.append(Hit(start, end, i, idx.candidates[i], idx.modes[i], prefix))
        out.sort(key=lambda h: h.start)
        return out

    # ---------------------------------------------------------------------------------------
    def _context(self, text: str, hits: list[Hit]) -> None:
        adjectives = gentilic_adjectives()
        places = self.index.places
        for h in hits:
            # the word (or two) before the name's token
            before = text[max(0, h.start - len(h.prefix) - 30): h.start - len(h.prefix)].split()
            if before and not h.prefix and before[-1] in self.index.given:
                h.surname = True
            if before and not h.prefix and (before[-1] in NAME_HEADS or before[-1] in NUMBER_WORDS
                                            or before[-1].isdigit()):
                h.head = True
            if before:
                w1 = _strip_word_clitics(before[-1])
                two = " ".join(before[-2:])
                if len(before) >= 2 and _strip_word_clitics(two) in AREA_CUES:
                    h.cue = _strip_word_clitics(two)
                elif w1 in ALL_CUES:
                    h.cue = w1
                if h.cue in STREET_CUES:
                    h.cue_kind = "street"
                elif h.cue in ORG_CUES:
                    h.cue_kind = "org"
                elif h.cue in PROVINCE_CUES:
                    h.cue_kind = "province"
                elif h.cue in CITY_CUES:
                    h.cue_kind = "city"
                elif h.cue in LOCAL_CUES:
                    h.cue_kind = "local"
                elif h.cue:
                    h.cue_kind = "area"
            after = text[h.end: h.end + 20].split()
            if after:
                word = after[0].strip("،,.:؛")
                # towns take the feminine (طرابلس اللبنانية); العلم العراقي is the flag
                adj = adjectives.get(word) if word.endswith("يه") else None
                # العلم الفرنسي is the flag: the adjective counts only if it fits a candidate
                if adj and any(places[p][COUNTRY] == adj for p in h.cands):
                    h.adj_country = adj
            # a name quoted as a source is a newspaper: لـ"الرياض"، عبر «الرياض» (the view
            # has a space between a letter and a quote)
            ts = h.start - len(h.prefix)
            q0 = ts - 1 if ts > 0 and text[ts - 1] != " " else ts - 2
            q1 = h.end if h.end < len(text) and text[h.end] != " " else h.end + 1
            if q0 >= 0 and q1 < len(text) and text[q0] in _QUOTES and text[q1] in _QUOTES:
                lead = text[max(0, q0 - 20): q0].split()
                # ... or a paper's own sources: مصادر محلية "الرياض"
                if (h.prefix in ("ل", "لل") or (lead and (lead[-1] in _SOURCE_WORDS
                                                          or lead[-1].endswith("ل")))
                        or any(w in ("مصادر", "لمصادر", "وفق", "حسب", "بحسب")
                               for w in lead[-2:])):
                    h.quoted_source = True

    @staticmethod
    def _compounds(doc: Document, hits: list[Hit]) -> None:
        """Flag a name joined by a hyphen to a word that is no place: part of a longer name
        (مطار هارتسفيلد-جاكسون), not a place pair (طريق دمشق-حلب)."""
        view, raw = doc.normalized, doc.text
        if "-" not in raw:
            return
        spans = [view.to_original(h.start - len(h.prefix), h.end) for h in hits]
        starts = {s for s, _ in spans}
        ends = {e for _, e in spans}
        for h, (s, e) in zip(hits, spans):
            if s >= 2 and raw[s - 1] == "-" and raw[s - 2].isalnum():
                h.compound = (s - 1) not in ends
            elif e + 1 < len(raw) and raw[e] == "-" and raw[e + 1].isalnum():
                h.compound = (e + 1) not in starts

    def _anchors(self, hits: list[Hit]) -> tuple[dict[str, float], list[tuple[int, float, float]]]:
        """Country weights (named countries and certain places) and certain coordinates."""
        places = self.index.places
        weights: dict[str, float] = {}
        anchors: list[tuple[int, float, float]] = []
        seen_keys: set[int] = set()
        for h in hits:
            # a context name is certain only with a naming cue (ولاية معسكر), not after a mere
            # direction or قرب (قرب معسكر لبوزة is a camp)
            if h.mode == "context" and not (h.adj_country or h.cue_kind in ("city", "province",
                                                                            "local")):
                continue
            recs = [places[p] for p in h.cands]
            top = recs[0]
            countries = {r[COUNTRY] for r in recs}
            if top[PRECISION] == "country":
                if len(countries) == 1:
                    weights[top[COUNTRY]] = weights.get(top[COUNTRY], 0.0) + 1.0
                continue
            # a town abroad does not vouch for its own country (جاك ليو is no town of Burkina
            # Faso): only a capital or a city of a million does
            strong = top[SOURCE] in ("regions", "places") or (
                top[POPULATION] >= 50_000 if top[COUNTRY] in REGION3
                else top[POPULATION] >= FOREIGN_TOWN or (
                    top[GEONAMEID] in self.index.capitals and top[POPULATION] >= 50_000))
            if len(countries) == 1 and strong:
                weights[top[COUNTRY]] = weights.get(top[COUNTRY], 0.0) + 1.0
                if h.key not in seen_keys and top[LAT] is not None and all(
                        r[LAT] is not None and haversine_km(top[LAT], top[LON], r[LAT], r[LON]) < 30
                        for r in recs[1:]):
                    anchors.append((h.key, top[LAT], top[LON]))
                    seen_keys.add(h.key)
        return weights, anchors

    def _score(self, h: Hit, rec: tuple, focus: str | None, named: set[str],
               anchors: list[tuple[int, float, float]]) -> tuple[float, float | None]:
        s = prior(rec)
        if rec[GEONAMEID] in self.index.capitals or rec[FEATURE] == "PPLC":
            s += 2.5  # capitals are named far more often than their namesakes
        country = rec[COUNTRY]
        if focus and country == focus:
            s += 3.0
        if country in named:
            s += 1.0
        if h.adj_country:
            s += 8.0 if country == h.adj_country else -4.0
        near = None
        if rec[LAT] is not None:
            for key, lat, lon in anchors:
                if key == h.key:
                    continue
                d = haversine_km(rec[LAT], rec[LON], lat, lon)
                if near is None or d < near:
                    near = d
            if near is not None:
                s += 2.5 if near < 50 else 1.5 if near < NEAR_KM else 0.5 if near < 400 else 0.0
        prec = rec[PRECISION]
        if h.cue_kind == "province":
            s += 4.0 if prec == "province" else -1.0
        elif h.cue_kind == "city":
            s += 1.0 if prec == "place" else -2.0
        elif h.cue_kind == "local":
            s += (1.0 if rec[POPULATION] < 100_000 else 0.0) if prec in ("place", "district") else -2.0
        if prec == "country" and h.cue_kind in ("city", "local"):
            s -= 6.0
        return s, near

    def _accept(self, h: Hit, rec: tuple, near: float | None, focus: str | None,
                named: set[str]) -> bool:
        """Context tests for the chosen candidate of a hit."""
        if h.quoted_source or h.compound or h.head or h.cue_kind in ("street", "org"):
            return False
        if h.mode == "context" and not (h.cue or h.adj_country):
            return False  # decided later by the neighbours
        curated = rec[SOURCE] in ("regions", "places", "cldr")
        if "ك" in h.prefix and not curated:
            return False  # عبد السلام كاجمان is a person, not ك + Ajman
        if ((h.mode == "context" or h.cue_kind in ("local", "area", "province"))
                and not h.adj_country and rec[PRECISION] != "country"
                and rec[COUNTRY] not in named and rec[COUNTRY] != focus
                and near is not None and near > FAR_KM):
            # a quarter or area of the article's region, not its namesake abroad (حي الخالدية
            # north of Aleppo is not al-Khalidiyah in Jordan)
            return False
        pop = rec[POPULATION]
        if not curated and h.prefix and len(self.index.keys[h.key].replace(" ", "")) <= 3 and (
                pop < 100_000 or rec[COUNTRY] not in REGION3):
            return False  # فاجأ is not ف + اجأ, بنوك not ب + Nuuk: a clitic before a short name
        if curated or h.adj_country:
            return True
        if h.surname and not h.cue and pop < FOREIGN_TOWN:
            return False  # جون آلن، محمد أمين قبلي: a surname
        foreign = rec[COUNTRY] not in REGION3
        capital = rec[GEONAMEID] in self.index.capitals
        known = rec[COUNTRY] in named or rec[COUNTRY] == focus or (
            near is not None and near <= NEAR_KM)
        if foreign and pop < FOREIGN_TOWN and not known and not (capital and pop >= 50_000):
            # a town abroad needs its country in the article, or a place of the article nearby,
            # even after a cue (ولاية كارولينا is no town of Puerto Rico; جامعة لافال)
            return False
        if h.cue or capital:
            return True
        if h.prefix and foreign and pop < FOREIGN_TOWN:
            return False  # وكيل is not و + Kiel: a clitic before a minor foreign name
        if pop < (SMALL_TOWN if rec[COUNTRY] in REGION3 else FOREIGN_TOWN):
            # a small town, or a foreign city neither big nor a capital, needs its country
            # in the article or another place of the article nearby
            if rec[COUNTRY] not in named and rec[COUNTRY] != focus and (near is None or near > NEAR_KM):
                return False
        return True

    def _within(self, text: str, hits: list[Hit]) -> None:
        """A place told with the place it lies in (بلدة الحضر في ريف القنيطرة، حي اليرموك غربي
        بعقوبة) is the namesake near that place: re-chosen among its candidates, or dropped
        when none lies within reach."""
        places = self.index.places
        for i, h in enumerate(hits[:-1]):
            other = hits[i + 1]
            if not (h.accepted and other.accepted):
                continue
            rec, orec = places[h.choice], places[other.choice]
            if (rec[LAT] is None or orec[LAT] is None or rec[PRECISION] == "country"
                    or orec[PRECISION] == "country"):
                continue
            words = text[h.end: other.start - len(other.prefix)].replace("،", " ").split()
            if (len(words) > 3 or any(w not in _WITHIN_WORDS for w in words)
                    or "و" in other.prefix or not (words or other.prefix == "ب")):
                continue  # a list (انقرة واسطنبول) says nothing of where a place lies
            far = haversine_km(rec[LAT], rec[LON], orec[LAT], orec[LON])
            if far <= NEAR_KM:
                continue
            near = [(haversine_km(places[p][LAT], places[p][LON], orec[LAT], orec[LON]), p)
                    for p in h.cands if places[p][LAT] is not None]
            d, best = min(near) if near else (1e9, None)
            if d <= NEAR_KM:
                h.choice = best
            elif ((far > ELSEWHERE_KM or (h.cue_kind == "local" and orec[PRECISION] == "place"))
                  and rec[SOURCE] not in ("regions", "places") and not h.adj_country):
                h.accepted = False  # a quarter lies in its city (حي الروضة بمدينة تعز)

    def resolve(self, doc: Document) -> tuple[list[Entity], str | None]:
        """The place entities of a document and its focus country."""
        view = doc.normalized
        text = view.text
        hits = self.hits(text)
        if not hits:
            return [], None
        self._context(text, hits)
        self._compounds(doc, hits)
        places = self.index.places
        weights, anchors = self._anchors(hits)
        named = {c for c, w in weights.items() if w > 0}
        for c, w in gentilic_counts(text).items():
            weights[c] = weights.get(c, 0.0) + 0.5 * w
        focus = max(weights, key=weights.get) if weights else None
        memo: dict[tuple, tuple[int, float | None]] = {}
        for h in hits:
            memo_key = (h.key, h.cue_kind, h.adj_country)
            if memo_key in memo:
                best, best_near = memo[memo_key]
                h.choice = best
                h.accepted = self._accept(h, places[best], best_near, focus, named)
                continue
            best, best_s, best_near = None, -1e9, None
            cands = h.cands
            # A country's name is the country (الكويت، تونس، الجزائر) unless a city cue says
            # otherwise; a place of another country may still win (عمان: Oman or Amman).
            states = {places[p][COUNTRY] for p in cands if places[p][PRECISION] == "country"}
            if states and h.cue_kind != "city":
                cands = [p for p in cands if places[p][PRECISION] == "country"
                         or places[p][COUNTRY] not in states]
            for p in cands:
                s, near = self._score(h, places[p], focus, named, anchors)
                if s > best_s:
                    best, best_s, best_near = p, s, near
            h.choice = best
            memo[memo_key] = (best, best_near)
            h.accepted = self._accept(h, places[best], best_near, focus, named)
        # a context name beside an accepted place of the same country (صور والنبطية،
        # العين بالإمارات): the nearest accepted hit before or after, within a few words
        for i, h in enumerate(hits):
            if h.accepted or h.mode != "context":
                continue
            # after a definite noun a definite context name is its adjective (المساعي السلمية
            # في سوريا), not a place beside another
            ts = h.start - len(h.prefix)
            before = text[max(0, ts - 20): ts].split()
            if (h.prefix == "" and self.index.keys[h.key].startswith("ال") and before
                    and before[-1].startswith("ال") and before[-1] not in ALL_CUES):
                continue
            for j in (i - 1, i + 1):
                if not (0 <= j < len(hits)) or not hits[j].accepted or hits[j].mode == "context":
                    continue
                other = hits[j]
                gap = (h.start - len(h.prefix) - other.end) if j < i else (other.start - h.end)
                between = text[min(h.end, other.end): max(h.start, other.start)]
                words = [w for w in between.replace("،", " ").replace(",", " ").split()]
                if gap > NEIGHBOUR_CHARS or any(w not in _LINK_WORDS for w in words):
                    continue
                oc = places[other.choice][COUNTRY]
                match = [p for p in h.cands if places[p][COUNTRY] == oc]
                if match:
                    h.choice = max(match, key=lambda p: prior(places[p]))
                    h.accepted = True
                    break
        self._within(text, hits)
        out = []
        spellings = self.index.spellings
        for h in hits:
            if not h.accepted:
                continue
            s, e = view.to_original(h.start, h.end)
            if spellings and bare_spelling(doc.text[s:e]) in spellings:
                continue  # فأس is an axe, زواره his visitors
            rec = places[h.choice]
            attrs = place_attrs(rec)
            if h.cue:
                attrs["cue"] = h.cue
            if rec[PRECISION] != "country":
                if h.cue_kind == "area" and attrs["precision"] == "place":
                    attrs["precision"] = "district"
                elif h.cue_kind == "province" and attrs["precision"] == "place":
                    attrs["precision"] = "province"
            out.append(Entity(s, e, "LOC", doc.text[s:e], "gazetteer", self.index.keys[h.key],
                              attrs))
        return out, article_focus(out)

    def find(self, doc: Document) -> list[Entity]:
        """LOC entities; ``attrs``: name, country (ISO3), lat, lon, geonameid, feature,
        precision (place | district | province | country), population, admin1, source, and
        ``cue`` when a cue word stood before the name."""
        return self.resolve(doc)[0]


def article_focus(entities: list[Entity], headline_end: int = 0) -> str | None:
    """The country most present among places and countries (countries count double, a
    mention in the headline counts double again); ties go to the earliest mention."""
    weights: dict[str, float] = {}
    first: dict[str, int] = {}
    for ent in entities:
        attrs = ent.attrs.get("place", ent.attrs)
        country = attrs.get("country")
        if not country or len(country) != 3:
            continue
        w = 2.0 if attrs.get("precision") == "country" or ent.label == "GPE" else 1.0
        if ent.start < headline_end:
            w *= 2
        weights[country] = weights.get(country, 0.0) + w
        first.setdefault(country, ent.start)
    if not weights:
        return None
    return max(weights, key=lambda c: (weights[c], -first[c]))


def normalize_name(name: str) -> str:
    return " ".join(normalize_string(name).split())
