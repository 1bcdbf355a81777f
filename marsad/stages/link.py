"""Stage ``link``: entity mentions composed into coded actor phrases.

Arabic names an actor with a chain: a group noun or title, then what completes it — a gentilic,
a country, a named person or organisation — sometimes through a connector:

    قوات الرئيس بشار الأسد        MIL (قوات) + SYR (بشار الأسد)          → SYR MIL
    القوات السورية                 MIL + gentilic SYR                      → SYR MIL
    وزير الخارجية الروسي لافروف    GOV (title) + RUS                        → RUS GOV
    مقاتلون من جبهة النصرة         REB + connector من + ORG (SYR REB)      → SYR REB

Each chain becomes one ``ACTOR`` entity whose ``attrs`` hold ``country``, ``sector``,
``also_sectors``, ``name`` and ``wikidata``. A phrase with no country of its own takes the
article's focus country when its sector is a domestic one (rebels, police, civilians …).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..document import Document, Entity
from ..pipeline import stage
from ..resources import forms, table
from ..resources.countries import NON_STATE_CODES, capitals
from ..text.clitics import is_noun_prefix
from ..text.normalize import normalize_string

# Labels that can take part in an actor phrase, and those that can start one.
_PARTS = {"ORG", "PER", "GPE", "NORP", "SECTOR", "TITLE", "LOC"}
# Sectors an actor keeps inside its own country when the text does not name one.
_DOMESTIC = {"MIL", "REB", "COP", "CVL", "GOV", "OPP", "JUD", "LEG", "PTY", "UAF", "REF", "JRN",
             "MED", "SPY", "BUS", "REL", "LAB", "EDU"}
_MAX_GAP = 12  # characters of plain text allowed between two parts (a connector, a space)


@lru_cache(maxsize=1)
def connectors() -> frozenset[str]:
    out = set()
    for row in table("cues.tsv"):
        if row["kind"] == "connector":
            out.update(forms(row["forms"]))
    return frozenset(out)


_CLAUSE_MARK = re.compile("[،,.;:؛()\"«»]")


def _gap_ok(gap: str) -> bool:
    """Can two entities separated by ``gap`` belong to one actor phrase?  The gap may end in
    the next word's proclitics (الحكومة ال|يمنية), but not in a conjunction (… و|الحوثيون)."""
    if _CLAUSE_MARK.search(gap):
        return False  # the view keeps the mark, in the head or in what is attached
    g = normalize_string(gap)
    head, _, attached = g.rpartition(" ") if " " in g else ("", "", g)
    if attached and (attached.startswith("و") or not is_noun_prefix(attached)):
        return False
    head = head.strip()
    if not head:
        return True
    if len(head) > _MAX_GAP or "\n" in head:
        return False
    return head in connectors()


def chains(doc: Document) -> list[list[Entity]]:
    """Maximal runs of entities that form one actor phrase each."""
    out: list[list[Entity]] = []
    current: list[Entity] = []
    prev_sentence = -1  # the sentence of current[-1]
    for ent in doc.entities:
        if ent.label not in _PARTS:
            if current:
                out.append(current)
            current = []
            continue
        sentence = doc.sentence_of(ent.start)
        if current:
            prev = current[-1]
            joinable = (
                sentence == prev_sentence
                and ent.start >= prev.end
                and _gap_ok(doc.text[prev.end:ent.start])
                and _completes(current, ent, _with_clitics(doc, ent))
            )
            if joinable:
                current.append(ent)
                prev_sentence = sentence
                continue
            out.append(current)
        current = [ent]
        prev_sentence = sentence
    if current:
        out.append(current)
    return [part for chain in out for part in _split_at_foreign_title(chain)]


def _split_at_foreign_title(chain: list[Entity]) -> list[list[Entity]]:
    """A title followed by a gentilic of another country than the person or gentilic before it
    is another person (التقى الرئيس المصري السيسي | رئيس الوزراء الإثيوبي)."""
    for j in range(1, len(chain) - 1):
        title, gentilic = chain[j], chain[j + 1]
        if title.label != "TITLE" or gentilic.label != "NORP":
            continue
        before = {e.attrs.get("country") for e in chain[:j]
                  if e.label in ("PER", "NORP", "GPE")} - {None}
        if before and gentilic.attrs.get("country") not in before:
            return [chain[:j]] + _split_at_foreign_title(chain[j:])
    return [chain]


def _article(text: str) -> bool:
    """Does the phrase's first word carry the article (a definite head takes no indefinite
    genitive or adjective after it: اعتقلت الشرطة | عناصر)?"""
    return normalize_string(text).lstrip("وف").startswith(("ال", "لل"))


def _definite(text: str) -> bool:
    """Definite by the article, or through a definite genitive (وزير الخارجية، قوات الأمن)."""
    return any(w.lstrip("وف").startswith(("ال", "لل")) for w in normalize_string(text).split())


def _other_case(head: str, ent: str) -> bool:
    """Is ``ent`` in another case than ``head``: an accusative after a nominative (قتل قناص
    جنديا، قتل مسلحون جنديين): a subject and its object, two parties."""
    head, ent = normalize_string(head), normalize_string(ent)
    if ent.endswith("ا") and not head.endswith("ا"):
        return True
    return head.endswith(("ون", "ان")) and ent.endswith("ين")


@lru_cache(maxsize=1)
def fighter_adjectives() -> frozenset[str]:
    """Words for fighters that after a noun are its adjective (التنظيم الإرهابي، هجوم مسلح):
    the ``adjective`` rows of cues.tsv, normalised."""
    return frozenset(normalize_string(f) for row in table("cues.tsv") if row["kind"] == "adjective"
                     for f in forms(row["forms"]))


def _nunated_plural(text: str) -> bool:
    """An indefinite phrase ending in a sound plural or dual that keeps its ن (مسلحون مجهولون،
    جنديين): not in construct (that would be مسلحو، جنديي), and agreeing with no definite
    adjective, so nothing definite after it belongs to its phrase (اغتال مسلحون | القاضي)."""
    words = normalize_string(text).split()
    return not _definite(text) and words[-1].endswith(("ون", "ين", "ان"))


def _with_clitics(doc: Document, ent: Entity) -> str:
    """The entity's text with the clitics its word carries before it (الدورية for دورية)."""
    return doc.text[doc.word_start(ent.start):ent.end]


def _completes(chain: list[Entity], ent: Entity, written: str) -> bool:
    """Does ``ent`` (``written`` with its word's clitics) complete the phrase so far, rather
    than start a new actor?"""
    head = chain[0]
    if ent.label == "SECTOR" and chain[-1].label == "ORG" and \
            normalize_string(written) in fighter_adjectives():
        return True  # تنظيم داعش الإرهابي: the name's adjective, not another party
    if ent.label == "TITLE" and ent.attrs.get("other"):
        return False  # لافروف | نظيره الأمريكي: a counterpart is another person
    if ent.label == "TITLE" and any(e.label in ("PER", "GPE", "ORG") for e in chain) and \
            _article(ent.text):
        # استقبل الملك عبد الله | الرئيس الفلسطيني محمود عباس، طردت تونس | السفير السوري: a
        # title with the article after a name opens another person (an apposition is bare:
        # محمود عباس رئيس السلطة)
        return False
    if chain[-1].label == "NORP" and ent.label in ("ORG", "GPE", "PER"):
        # وزير الخارجية الروسي لافروف, but not الحكومة اليمنية | الحوثيين
        return ent.label == "PER" and head.label == "TITLE"
    if ent.label == "LOC":
        # قوات الأمن في عدن: a place after a group noun tells where it belongs
        return head.label in ("SECTOR", "TITLE") and "country" not in _coding(chain)
    if ent.label in ("SECTOR",):
        # مسلحون مجهولون, قوات الجيش: a second group noun only after a first one, and not two
        # definite nouns (طالبت المنظمة السلطات) or a subject and its accusative object (قتل
        # قناص جنديا): those are two parties
        return head.label in ("SECTOR", "TITLE") and len(chain) == 1 and not (
            _definite(head.text) and _definite(ent.text)) and not _other_case(head.text, ent.text) \
            and not (_article(head.text) and not _definite(ent.text)) \
            and not (_nunated_plural(head.text) and _article(written))  # مسلحون | القاضي
    if ent.label == "NORP" and _other_case(chain[-1].text, ent.text):
        return False  # قتلت القوات الإسرائيلية فلسطينيا: an accusative gentilic is the object
    if ent.label == "NORP" and chain[-1].label == "NORP" and \
            ent.attrs.get("country") != chain[-1].attrs.get("country"):
        return False  # اعتقلت القوات الإسرائيلية الفلسطينيين: another people is the object
    if head.label in ("SECTOR", "TITLE"):
        return True
    if head.label in ("ORG", "PER", "GPE"):
        # حزب الله اللبناني، إيران الإسلامية: only a gentilic or title may follow a name
        return ent.label in ("NORP", "TITLE")
    if head.label == "NORP":
        return ent.label in ("TITLE", "PER")
    return False


def _capital_of(ent: Entity) -> str | None:
    """The country whose government a capital's name stands for (قالت موسكو)."""
    return capitals().get(normalize_string(ent.text))


def _coding(chain: list[Entity]) -> dict:
    """Country, sector and name of an actor phrase (see the module's docstring)."""
    head = chain[0]
    out: dict = {}
    named = [e for e in chain if e.label in ("ORG", "PER")]
    armed = [e for e in named if e.attrs.get("sector") == "REB"]
    # a members noun (عناصر، أفراد: no sector of its own) takes the sector of what completes it
    groups = [e for e in chain if e.label in ("SECTOR", "TITLE") and e.attrs.get("sector")]
    if armed:
        out["sector"] = "REB"
    elif head.label in ("SECTOR", "TITLE") and head.attrs.get("sector"):
        out["sector"] = head.attrs["sector"]
    elif named:
        out["sector"] = named[0].attrs.get("sector")
    elif groups:
        out["sector"] = groups[0].attrs["sector"]
    elif head.label in ("GPE", "NORP", "LOC"):
        out["sector"] = "GOV"
    also = set()
    for e in chain:
        if e.label in ("SECTOR", "TITLE"):
            also.add(e.attrs.get("sector"))
            also.update(e.attrs.get("also", []))
        elif e.label in ("ORG", "PER"):
            also.add(e.attrs.get("sector"))
    also.discard(out.get("sector"))
    also.discard(None)
    out["also_sectors"] = sorted(also)
    for e in chain:
        country = e.attrs.get("country") if e.label in ("ORG", "PER", "GPE", "NORP") else None
        if e.label == "LOC":
            country = _capital_of(e)
        if country:
            out["country"] = country
            break
    else:
        for e in chain:
            if e.label == "LOC" and e.attrs.get("country"):
                out["country"] = e.attrs["country"]
                out["country_from"] = "place"
                break
    if named:
        out["name"] = named[0].attrs.get("name")
        out["wikidata"] = named[0].attrs.get("wikidata")
    return out


def _is_adjective(ent: Entity) -> bool:
    """A singular gentilic adjective (سوري، السورية) rather than a people (الروس، السوريون)."""
    word = normalize_string(ent.text)
    return word.endswith(("ي", "يه")) and not word.endswith(("يي", "ويه"))


def focus_country(doc: Document) -> str | None:
    """The country the article is mostly about: the most mentioned country, counting places."""
    counts: Counter[str] = Counter()
    for e in doc.entities:
        if e.label in ("GPE", "LOC") and e.attrs.get("country"):
            counts[e.attrs["country"]] += 1 if e.label == "LOC" else 1.5
        elif e.label == "NORP" and e.attrs.get("country") and len(e.attrs["country"]) == 3:
            counts[e.attrs["country"]] += 0.5
    for code in NON_STATE_CODES:
        counts.pop(code, None)
    return counts.most_common(1)[0][0] if counts else None


def actor_entity(doc: Document, chain: list[Entity], focus: str | None) -> Entity | None:
    head = chain[0]
    if head.label == "LOC" and not _capital_of(head) and len(chain) == 1:
        return None  # a plain place is where, not who
    if len(chain) == 1 and head.label == "NORP" and _is_adjective(head):
        return None  # السورية in الحرب الأهلية السورية qualifies a noun; it is no actor
    coding = _coding(chain)
    if len(chain) == 1 and head.label == "NORP" and normalize_string(head.text).endswith("يا"):
        coding["sector"] = "CVL"  # قتلوا فلسطينيا: one person of that people, not its state
    if not coding.get("country") and coding.get("sector") in _DOMESTIC and focus:
        coding["country"] = focus
        coding["country_from"] = "focus"
    start, end = chain[0].start, chain[-1].end
    return Entity(start, end, "ACTOR", doc.text[start:end], "link", None, coding)


def _name_words(text: str) -> tuple[str, ...]:
    words = normalize_string(text).split()
    if words and words[0][:1] in "وفبل" and len(words[0]) > 4:
        words[0] = words[0][1:]  # وصالح: the conjunction is not part of the name
    return tuple(words)


def share_codings(actors: list[Entity]) -> None:
    """A name told again without its title (النجيفي after أسامة النجيفي نائب رئيس الجمهورية)
    takes the coding of the fuller mention that contains it word for word; ``coded_from``
    holds the offset of that mention."""
    coded = [(a, _name_words(a.text)) for a in actors if a.attrs.get("sector")]
    for ent in actors:
        if ent.attrs.get("sector") or ent.attrs.get("country"):
            continue
        words = _name_words(ent.text)
        if not words or any(len(w) < 3 for w in words):
            continue
        n = len(words)
        fuller = [full for full, fwords in coded
                  if len(fwords) > n and words[0] in fwords
                  and any(fwords[i:i + n] == words for i in range(len(fwords) - n + 1))]
        if fuller:
            full = min(fuller, key=lambda f: abs(f.start - ent.start))  # the nearest, then the first
            for key in ("country", "sector", "also_sectors", "name", "wikidata"):
                if full.attrs.get(key) is not None:
                    ent.attrs[key] = full.attrs[key]
            ent.attrs["coded_from"] = full.start


@lru_cache(maxsize=1)
def _anaphor_heads() -> dict[str, frozenset[str]]:
    """Each anaphor (الحركه) and the names of the actors whose forms begin with its head word
    (حركه حماس → Hamas)."""
    names_by_head: dict[str, set[str]] = {}
    for row in table("actors.tsv"):
        for form in forms(row["forms"]):
            names_by_head.setdefault(form.split()[0], set()).add(row["name"])
    return {normalize_string(row["form"]): frozenset(names_by_head.get(
        normalize_string(row["head"]), ())) for row in table("anaphors.tsv")}


def resolve_anaphors(actors: list[Entity]) -> None:
    """A definite group noun (الحركة) whose country came only from the article's focus takes
    the coding of the nearest earlier named actor of its kind (حركة حماس); ``coded_from`` holds
    that mention's offset."""
    heads = _anaphor_heads()
    for i, ent in enumerate(actors):
        if ent.attrs.get("name") or ent.attrs.get("country_from") not in (None, "focus"):
            continue
        word = normalize_string(ent.text)
        names = heads.get(word) or (heads.get(word[1:]) if word[:1] in "وفبل" else None)
        if not names:
            continue
        antecedent = next((a for a in reversed(actors[:i]) if a.attrs.get("name") in names), None)
        if antecedent is not None:
            for key in ("country", "sector", "also_sectors", "name", "wikidata"):
                if antecedent.attrs.get(key) is not None:
                    ent.attrs[key] = antecedent.attrs[key]
            ent.attrs.pop("country_from", None)
            ent.attrs["coded_from"] = antecedent.start


@stage("link", requires=("entities",), provides=("actors",))
def make_link(settings):
    connectors()
    default_country = settings.default_country

    def link(doc: Document) -> Document:
        focus = default_country or focus_country(doc)
        doc.meta["focus_country"] = focus
        actors = []
        for chain in chains(doc):
            ent = actor_entity(doc, chain, focus)
            if ent is not None:
                actors.append(ent)
        share_codings(actors)
        resolve_anaphors(actors)
        doc.entities = sorted(doc.entities + actors, key=lambda e: (e.start, -e.end))
        return doc

    return link
