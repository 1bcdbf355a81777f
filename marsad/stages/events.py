"""Stage ``events``: triggers coded into PLOVER events with their roles.

For every trigger (``resources/triggers.tsv``: verbs in their inflections, event nouns) the coder
reads the clause around it:

* **actor** — for a verb, the actor phrase right before it (SVO: ان قوات الأسد اقتحمت) or the
  first one after it that no preposition governs (VSO: شنت طائرات التحالف); for a noun, its
  genitive (غارات التحالف), a phrase after an agentive cue (من قبل، على يد), or the subject of
  the verb that governs it (شن طيران التحالف غارات). Coordinated phrases (الروس والأتراك) join.
  After a relative pronoun the phrase before it is the verb's subject (الطائرات التي تقصف) or,
  when the verb carries an object pronoun, its object.
* **recipient** — the direct object or the phrase after the trigger's prepositions (على، ضد، مع)
  or, for nouns such as مقتل and اعتقال, their genitive. Taking ground from no named side gets
  the article's main opposing party, marked ``recipient-inferred`` in ``context``.
* **location** — the nearest place in the clause, then the sentence, then the article's focus.
* **date** — a date expression in the clause or sentence, else the publication date.
* **attribution** — a reporting verb or phrase in the sentence (قال، أعلن، نقلت … عن، بحسب) and
  its subject or complement; **modality** — negation, hedges, future and demand cues before the
  trigger, ``reported`` when a source is cited.
* **size** — numbers and vague quantities next to words for the dead, injured, arrested.

PLOVER codes no event without an identifiable actor, so a trigger with none is dropped, unless
it retells an event coded elsewhere in the article, which it joins as evidence, or is an attack
reported by its device or its victims (coded with an unidentified armed actor). Events told as
background (بعد الهجوم، عندما هاجم …) or dated long before publication are flagged ``background``
or ``historical`` in ``context``.
"""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import groupby, takewhile
from operator import attrgetter
from typing import Callable

from ..document import Actor, Document, Entity, Event, Mention, Place, Source
from .dedup import attach_retellings, trigger_lemma
from ..gazetteer.locate import (choose_location, country_place, doc_places,
                                focus_place as focus_place_of, place_of)
from ..pipeline import stage
from ..resources import duals, forms, table
from ..resources.countries import NON_STATE_CODES
from ..resources.homographs import homographs, neighbours
from ..text.clitics import ends_with_article, is_noun_prefix
from ..text.matcher import Lexicon, longest_first
from ..text.normalize import normalize_string

_PAST_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "نا", "تم", "و")
# no first person singular: news tells in the third, and أ + stem is most often a past (أضرب
# went on strike, not اضرب "I hit"; أصيب was wounded, not "I hit")
_PRESENT_PREFIXES = ("ي", "ت", "ن")
_PRESENT_ENDINGS = ("", "ون", "ان", "ين", "ن", "وا", "و")
_PREPOSITIONS = {"علي", "ضد", "مع", "الي", "في", "من", "عن", "بين", "حول", "لدي", "تجاه", "بحق"}
_FUNCTION_WORDS = _PREPOSITIONS | {"بين"}
_VICTIMS = {"CVL", "REF", "JRN", "MED"}
# Sources that report events without taking part in them
_OBSERVERS = {"MED", "JRN", "NGO"}
_MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "MOBILIZE"}
# Sides of an armed conflict, by sector (an IMG country code is a non-state armed group).
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
_ARMED_SECTORS = {"REB", "OPP", "UAF", "INS"}
_STATE_ARMED = {"MIL", "COP", "SPY"}
# Contests over ground: taking a town or besieging it is done to the side that held it.
_TERRITORIAL = {("COERCE", "seize"), ("COERCE", "restrict")}
# Rulings, located where the court sits
_RULINGS = {("SANCTION", "convict")}
INFERRED_RECIPIENT = "recipient-inferred"
# Bombings whose perpetrator goes unnamed (انفجرت سيارة مفخخة) are coded with an unidentified
# armed actor, marked so in the event's context (triggers.tsv: @unclaimed).
UNIDENTIFIED_ACTOR = "actor-unidentified"
# Context flags of events told but not reported as news: background to another statement (بعد
# الهجوم، عندما هاجم …), or dated long before publication.
BACKGROUND = "background"
HISTORICAL = "historical"
# an event told as the content of an accusation (اتهمت الحكومة المسلحين بقصف …): alleged
ALLEGED = "alleged"
# an event asked about (هل قتل الجنود …؟، قد تكون إسرائيل من اغتالته؟): a question reports nothing
QUESTION = "question"
_QUESTION_MARKS = ("؟", "?")
_ACCUSATION_REACH = 8  # tokens between the accusation and the event noun after ب
_HISTORY_DAYS = 60
# Words after which an attack noun is the cause of the casualties a sentence counts (في، جراء)
_CAUSE_WORDS = {"في", "فى", "جراء", "اثر", "بسبب", "خلال", "اثناء"}
_RECIPIENT_REACH = 7  # tokens between the trigger (or its actor) and the recipient phrase
_SUBJECT_REACH = 6  # tokens between a verb and its postposed subject
_APPOSITION_REACH = 15  # tokens of an aside between a subject and its verb
_OBJECT_PRONOUNS = {"ه", "ها", "هم", "هما", "هن"}
# words after which a phrase before the verb is its subject (ان قوات الأسد اقتحمت، وكانت X طالبت)
_KANA = {"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"}
_SUBJECT_OPENERS = {"ان", "بان", "لان", "وان"} | _KANA
_NEEDS_RECIPIENT = "@recipient"  # in triggers.tsv's requires column
_UNCLAIMED = "@unclaimed"
_INTRANSITIVE = "@intransitive"
_EXPLODING = "@exploding"
# What may follow a verb trigger in its word: nothing or an object pronoun (اقتحمها، قتلهم),
# not the ي of a noun (في أيدي is no form of أيد)
_VERB_OBJECT_SUFFIXES = _OBJECT_PRONOUNS | {"", "ك", "كم", "كما", "كن", "نا"}
_HEDGE_REACH = 10  # tokens a hedge (يبدو، ربما) reaches forward
_MODAL_CUES = {"negation", "future", "plan", "hedge", "demand"}  # the cue kinds modality reads
_DAMMA = "\u064f"  # the vowel of a passive's first syllable, when the text writes it (قُتل)
_AGENT_OPENERS = {normalize_string(w) for w in ("على يد", "على أيدي", "من قبل", "على ايدي")}
_BELONGING = {normalize_string(w)
              for w in ("تابعة", "التابعة", "تابع", "التابع", "تابعين", "التابعين")}
_AIMED = {"علي", "ضد", "باتجاه", "نحو"}  # prepositions of an attack's target
_EXPOSURE_REACH = _APPOSITION_REACH  # from a verb of exposure to its attack noun, across an aside
_ATTEMPTED = {normalize_string(w) for w in ("لمحاولة", "لمحاولات", "لعملية")}  # تعرض لمحاولة اغتيال
_ABOUT_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT"}
_VERBAL_REACH = 6  # tokens after a word of attack to its qualifier (شنت أحزاب المعارضة هجوما لاذعا)
# attack words that are also used of words (هاجم الرئيس خصمه، شن هجوما على الحكومة)
_VERBAL_ATTACKS = {normalize_string(w) for w in ("هاجم", "هجوم", "هجوما", "هجمات", "الهجوم", "شن",
                                                 "شنت", "شن هجوما", "شن هجوم", "شنت هجوما")}
_CLAUSE_PUNCT = {"،", ",", "؛", ";", ":", "(", ")", '"', "«", "»", "-", "–", "؟", "?", "!", "."}


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    cameo: str | None
    pos: str  # V or N
    recipient: tuple[str, ...]
    genitive: str
    agent: tuple[str, ...]
    lemma: str
    requires: frozenset[str] = frozenset()  # words one of which must follow in the clause
    refuses: frozenset[str] = frozenset()  # words that, following in the clause, undo it
    needs_recipient: bool = False  # no event without a recipient party (ضرب)
    unclaimed: bool = False  # a device coded with an unidentified perpetrator when dated
    intransitive: bool = False  # its subject is what undergoes it (انفجرت القنبلة), no doer
    exploding: bool = False  # an unclaimed device only where the sentence tells it exploded
    bound: bool = False  # a noun's form before a pronoun suffix (سيطرتهم): needs the suffix
    present: bool = False  # a verb form built on the imperfect stem (يقصف، تستهدف)
    masdar: bool = False  # a bare past stem spelled like its verbal noun (قتل، قصف، خطف)
    # the verb of a phrase (أطلق النار، ألقى القبض) standing alone: one of these words must
    # follow right after its subject (أطلق جنود إسرائيليون النار، ألقت الشرطة القبض)
    completion: frozenset[str] = frozenset()

    def takes_suffix(self, suffix: str) -> bool:
        """May this trigger's word end in ``suffix``? A verb takes an object pronoun only when
        it has a direct object (قتلهم, not سيطرتهم); a bound noun form needs its pronoun; no
        noun takes ي (a nisba adjective)."""
        if self.pos == "N":
            # not ي: حربي، عسكري are adjectives far more often than "my war"
            return (bool(suffix) or not self.bound) and suffix != "ي"
        return suffix == "" or ("obj" in self.recipient and suffix in _VERB_OBJECT_SUFFIXES)


def _past_forms(stem: str) -> list[str]:
    """The past forms of a stem, the bare stem first; a verb ending in ى or ا drops it before
    the third person's endings (التقى → التقت، التقوا، التقيا; دعا → دعت، دعوا)."""
    if stem.endswith(("ي", "ى", "ا")) and len(stem) > 2:  # ى is folded into ي
        return [stem] + [stem[:-1] + ending for ending in ("ت", "تا", "وا", "يا")]
    return [stem + ending for ending in _PAST_ENDINGS]


# words after a phrase's verb that do not make a phrase the subject can split (احتج على)
_PARTICLES = {"على", "عن", "الي", "في", "من", "مع", "ب", "ل"}


def _split_phrases(stems: list[str]) -> dict[str, frozenset[str]]:
    """The verbs of two-word phrases whose second word is the verb's object (أطلق النار،
    فرض حصار), with those objects: a subject may stand between them (فرضت القوات حصارا)."""
    verbs, objects = set(), set()
    for stem in stems:
        verb, _, rest = stem.partition(" ")
        if rest and " " not in rest and rest not in _PARTICLES:
            verbs.add(verb)
            objects.add(rest)
    # a row's objects go with each of its verbs: سلم نفسه، سلموا أنفسهم → سلم مئات المسلحين أنفسهم
    return {verb: frozenset(objects) for verb in verbs}


def _cells(cell: str) -> list[str]:
    return [] if cell.strip() in ("", "-") else forms(cell)


@lru_cache(maxsize=1)
def trigger_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in table("triggers.tsv"):
        flags = [w.strip() for w in row.get("requires", "").split("|") if w.strip() not in ("", "-")]
        base = dict(
            type=row["type"], mode=row["mode"] or None, cameo=row["cameo"] or None,
            recipient=tuple(_cells(row["recipient"])) or ("-",),
            genitive=row["genitive"] or "actor", agent=tuple(_cells(row["agent"])),
            requires=frozenset(_cells("|".join(w for w in flags if w[:1] not in "@!"))),
            refuses=frozenset(_cells("|".join(w[1:] for w in flags if w.startswith("!")))),
            needs_recipient=_NEEDS_RECIPIENT in flags,
            unclaimed=_UNCLAIMED in flags,
            intransitive=_INTRANSITIVE in flags,
            exploding=_EXPLODING in flags,
        )
        nouns = set(_cells(row["nouns"]))
        for column, present in (("past", False), ("present", True)):
            for verb, objects in _split_phrases(_cells(row[column])).items():
                trig = Trigger(pos="V", lemma=verb, present=present, completion=objects, **base)
                words = [p + verb + e for p in _PRESENT_PREFIXES for e in _PRESENT_ENDINGS] \
                    if present else _past_forms(verb)
                for word in words:
                    lex.add(word, trig, kind="verb", suffixes=True)
        for stem in _cells(row["past"]):
            trig = Trigger(pos="V", lemma=stem, **base)
            first, _, rest = stem.partition(" ")
            for k, form in enumerate(_past_forms(first)):
                # فتح النار → فتحت النار، فتحوا النار: the verb of a phrase takes the endings
                word = form + (" " + rest if rest else "")
                if k == 0 and stem in nouns:
                    lex.add(word, replace(trig, masdar=True), kind="verb", suffixes=True)
                else:
                    lex.add(word, trig, kind="verb", suffixes=True)
        for stem in _cells(row["present"]):
            trig = Trigger(pos="V", lemma=stem, present=True, **base)
            for prefix in _PRESENT_PREFIXES:
                for ending in _PRESENT_ENDINGS:
                    first, _, rest = stem.partition(" ")
                    word = prefix + first + ending + (" " + rest if rest else "")
                    lex.add(word, trig, kind="verb", suffixes=True)
        for noun in _cells(row["nouns"]):
            lex.add(noun, Trigger(pos="N", lemma=noun, **base), kind="noun", suffixes=True)
            if noun[-1] not in "هياىء" and " " not in noun:
                # indefinite accusative: فتح تحقيقا، شن هجوما (the tanween is written with alif)
                lex.add(noun + "ا", Trigger(pos="N", lemma=noun, **base), kind="noun")
            if noun.endswith("ة") and " " not in noun:
                # سيطرة → سيطرتهم، مجزرة → مجزرتهم: the ta marbuta is written ت before a pronoun
                lex.add(noun[:-1] + "ت", Trigger(pos="N", lemma=noun, bound=True, **base),
                        kind="noun", suffixes=True)
    return lex


@lru_cache(maxsize=1)
def cue_lexicon() -> Lexicon:
    lex = Lexicon()
    for row in table("cues.tsv"):
        # a complementiser takes و ف ل, not ك or the article: كان is no ك + أن, الآن no ال + أن
        clitics = "verb" if row["kind"] in ("complement", "pronoun-complement") else "noun"
        for form in forms(row["forms"]):
            lex.add(form, row["kind"], kind=clitics)
    return lex


@lru_cache(maxsize=1)
def size_lexicon() -> dict[str, str]:
    return {f: r["kind"] for r in table("size_words.tsv") for f in forms(r["forms"])}


@lru_cache(maxsize=1)
def quantities() -> dict[str, tuple[int, int | None]]:
    out = {f: (int(r["min"]), int(r["max"]) if r["max"] else None)
           for r in table("numbers.tsv") for f in forms(r["forms"])}
    # a dual of a person noun counts two (قتل جنديان، أصيب شخصين)
    for dual in duals({f for r in table("agents.tsv") for f in forms(r["forms"])}):
        out.setdefault(dual, (2, 2))
    return out


class _Sentence:
    """Token-level view of one sentence, with the actor phrases, cues, places and dates in it."""

    def __init__(self, doc: Document, index: int, tokens: list, actors, places, dates, cues,
                 noun_triggers=()):
        self.doc = doc
        self.index = index
        self.tokens = tokens
        self.starts = [t.start for t in tokens]
        self.actors = actors
        self.places = places
        self.dates = dates
        self.cues = cues
        self.noun_triggers = list(noun_triggers)  # original start offsets of noun triggers
        self.counts: list | None = None  # numbers by token, filled by the coder on first use
        self.doc_places: list[Entity] | None = None  # the article's places, set by the coder
        # starts of the article's group nouns and country names, set by the coder
        self.doc_sector_starts: set[int] = set()
        self.doc_gpe_starts: set[int] = set()
        # the article's plural gentilics (الفلسطينيين، السوريون), set by the coder: a people,
        # which the link stage codes as its state
        self.peoples: set[tuple[int, int]] = set()
        self.norps: list[Entity] = []  # gentilics outside actor phrases, set by the coder
        self.said: list[int] = []  # starts of verbs of saying about an event, set by the coder
        # the first party of the sentence before's first event, set by the coder
        self.previous_subject: Entity | None = None
        # the cue kinds covering each token that a cue covers, looked up on the hot path
        self.cue_kinds: dict[int, set[str]] = {}
        for c_start, c_end, kind in cues:
            if tokens:
                for i in range(self.tok(c_start), self.tok(max(c_start, c_end - 1)) + 1):
                    if tokens[i].start < c_end and c_start < tokens[i].end:
                        self.cue_kinds.setdefault(i, set()).add(kind)
        # token starts of clause openers and complementisers, looked up per token on the hot path
        # (by the token's own start: وأسفرت opens a clause though the cue begins after و)
        self.clause_starts = {tokens[self.tok(c[0])].start for c in cues
                              if c[2] in ("clause", "relative")}
        self.complement_starts = {tokens[self.tok(c[0])].start for c in cues
                                  if c[2] in ("complement", "pronoun-complement")}
        self._boundaries: tuple[list[int], list[int]] | None = None  # see clause()
        # the tokens of each cue kind, in order, for range questions (a casualty word earlier?)
        self.cue_tokens: dict[str, list[int]] = {}
        for i, kinds in sorted(self.cue_kinds.items()):
            for kind in kinds:
                self.cue_tokens.setdefault(kind, []).append(i)

    def tok(self, offset: int) -> int:
        """Index of the token holding an original offset."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i if i > 0 else 0

    def word(self, i: int) -> str:
        return self.tokens[i].norm if 0 <= i < len(self.tokens) else ""

    def is_boundary(self, i: int) -> bool:
        return self.word(i) in _CLAUSE_PUNCT

    def clause(self, first: int, last: int) -> tuple[int, int]:
        """Token range ``[lo, hi)`` of the clause around tokens ``first..last``: after the last
        boundary before ``first`` (punctuation, a clause opener, or, looking left, a
        complementiser: قال إن … closes off the reporting clause and its speaker too), up to the
        first boundary after ``last`` (punctuation or an opener)."""
        if self._boundaries is None:
            leftward, rightward = [], []
            for i, tok in enumerate(self.tokens):
                if tok.norm in _CLAUSE_PUNCT or tok.start in self.clause_starts:
                    leftward.append(i)
                    rightward.append(i)
                elif tok.start in self.complement_starts:
                    leftward.append(i)
            self._boundaries = leftward, rightward
        leftward, rightward = self._boundaries
        k = bisect.bisect_left(leftward, first)
        lo = leftward[k - 1] + 1 if k else 0
        k = bisect.bisect_left(rightward, last + 1)
        return lo, rightward[k] if k < len(rightward) else len(self.tokens)

    def followed_by(self, last: int, hi: int, words: frozenset[str], reach: int = 10) -> bool:
        """Does one of ``words`` (or it after a conjunction or preposition) stand within
        ``reach`` tokens after token ``last`` in the clause?"""
        for i in range(last + 1, min(hi, last + 1 + reach)):
            w = self.word(i)
            if w in words or (w[:1] in "وفبل" and w[1:] in words):
                return True
        return False

    def opens_clause(self, i: int, lo: int) -> bool:
        """Does token ``i`` open its clause, or follow a complementiser (أن، إن) or a form of
        كان (وكانت منظمة العفو طالبت)?"""
        if i <= lo:
            return True
        prev = self.word(i - 1)
        return prev in _SUBJECT_OPENERS or self.is_boundary(i - 1)

    def cue_before(self, i: int, kind: str) -> bool:
        """Is the word before token ``i`` a cue of this kind?"""
        return i > 0 and self.in_cue(i - 1, kind)

    def in_cue(self, i: int, kind: str) -> bool:
        kinds = self.cue_kinds.get(i)
        return kinds is not None and kind in kinds

    def cue_between(self, lo: int, hi: int, kind: str) -> bool:
        where = self.cue_tokens.get(kind)
        if not where:
            return False
        k = bisect.bisect_left(where, lo)
        return k < len(where) and where[k] < hi

    def preposition_before(self, ent: Entity) -> str | None:
        """The preposition governing a phrase: a separate word (على X) or a clitic (لX، بX)."""
        i = self.tok(ent.start)
        prefix = self.doc.normalized.text[
            self.doc.normalized.find_view(self.tokens[i].start):self.doc.normalized.find_view(ent.start)
        ]
        prefix = prefix.lstrip("وف")
        if prefix.startswith(("ب", "ل", "ك")):
            return prefix[0]
        prev = _bare(self.word(i - 1)) if not prefix else ""
        return prev if prev in _PREPOSITIONS else None


def _ta_marbuta_verb(text: str, view, m) -> bool:
    """Is a verb's object pronoun ه really a ة (طالبة is a student, أسلحة weapons), which
    normalisation folds into ه?"""
    if m.payload.pos != "V" or m.token_end <= m.end:
        return False
    start, end = view.to_original(m.end, m.token_end)
    return "ة" in text[start:end]


def _by_sentence(doc: Document, **kinds: list) -> dict[str, dict[int, list]]:
    """Each kind's items (entities, cues as ``(start, end, kind)``, or offsets) grouped by the
    sentence of their start, in one pass over each list."""
    out: dict[str, dict[int, list]] = {}
    for kind, items in kinds.items():
        groups: dict[int, list] = {}
        for item in items:
            start = item if isinstance(item, int) else item[0] if isinstance(item, tuple) \
                else item.start
            groups.setdefault(doc.sentence_of(start), []).append(item)
        out[kind] = groups
    return out


def _people_party(gentilic: Entity, sector: str) -> Entity:
    """An actor phrase read from a gentilic alone: its country's civilians (قتلوا فلسطينيا) or
    forces (غارة إسرائيلية)."""
    return Entity(gentilic.start, gentilic.end, "ACTOR", gentilic.text, source="events",
                  attrs={"country": gentilic.attrs.get("country"), "sector": sector})


def _bare_proclitic(letters: str) -> bool:
    """Conjunction and preposition letters before a name in its word, no article (وعدن)."""
    return is_noun_prefix(letters) and not ends_with_article(letters)


def _accusative_after(s, phrase: Entity, hi: int) -> bool:
    """Is the word after a subject phrase an indefinite accusative noun, the verb's object
    (اغتال مسلحون قياديا، قتل مسلح شرطيا)?"""
    i = s.tok(phrase.end - 1) + 1
    word = s.word(i) if i < hi else ""
    return len(word) >= 4 and word.endswith("ا") and not word.endswith(("وا", "ها")) and \
        not s.in_cue(i, "adverb")  # (قتل الخاطف لاحقا: an adverb)


def _imperfect(word: str) -> bool:
    """Does a word look like an imperfect verb (يقتل، تكون، نرى), after which قد hedges ("may")?
    (تم and other perfects of the t-stems are read as perfects.)"""
    return len(word) >= 3 and word[0] in "يتن" and word not in ("تم", "تمت")


def _accusative(s: "_Sentence", phrase: Entity) -> bool:
    """An indefinite accusative group noun (مسلحا، جنديا، شخصا): an object, never a subject.
    (A phrase headed by a name, فرنسا، أمريكا, ends in its own alif.)"""
    head = normalize_string(phrase.text).split()[0]
    return phrase.start in s.doc_sector_starts and \
        len(head) > 3 and head.endswith("ا") and not head.endswith(("ها", "تنا")) and \
        not head.lstrip("وف").startswith("ال")  # (قواتها، قواتنا: a pronoun, not the tanween)


def _indefinite_group(phrase: Entity) -> bool:
    """An indefinite group or role noun phrase (جندي إسرائيلي، مسلحون مجهولون): no name, and
    no word with the article (قوات الأمن is definite through its genitive) in its head, before
    any preposition (شرطي في العريش)."""
    head = takewhile(lambda w: w not in _PARTICLES, normalize_string(phrase.text).split())
    words = [w.lstrip("وف") for w in head]
    return phrase.attrs.get("name") is None and phrase.attrs.get("sector") is not None and \
        not any(w.startswith(("ال", "لل")) for w in words)


def _possessed(word: str) -> bool:
    """A noun carrying a possessive pronoun: مواقعهم، تجمعاته (not a short word ending in ه)."""
    return len(word) > 4 and (word.endswith(("ها", "هم", "هما", "هن")) or word.endswith("اته"))


def _bare(word: str) -> str:
    """A function word without its conjunction: وفي → في, فعلى → علي."""
    if word[:1] in "وف" and word[1:] in _FUNCTION_WORDS:
        return word[1:]
    return word


# Who takes to the streets: a protest verb with no subject of its own takes such a phrase of
# its sentence (المتظاهرون).
_CROWD = {"CVL", "OPP", "LAB", "EDU", "REL", "PTY"}


def _side(country: str | None, sector: str | None) -> str | None:
    if country == "IMG" or sector in _ARMED_SECTORS:
        return "armed"
    return "state" if sector in _STATE_SECTORS else None


def _infer_lost_side(events: list[Event], actors: list[Entity]) -> None:
    """Territorial events that name no loser (see ``Coder._loser_unnamed``) get the article's
    main party of the other side (state forces against armed groups), mentioned at least
    twice; the event's ``context`` says the recipient was inferred."""
    counts: dict[tuple, list[Entity]] = {}
    for a in actors:
        side = _side(a.attrs.get("country"), a.attrs.get("sector"))
        if side is not None:
            counts.setdefault((side, a.attrs.get("country"), a.attrs.get("sector")), []).append(a)
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
    for ev in events:
        if ev.recipients:
            continue  # a retelling merged in named the loser
        sides = {_side(a.country, a.sector) for a in ev.actors} - {None}
        if len(sides) != 1:
            continue
        side = sides.pop()
        for (other, _, _), mentions in ranked:
            if other != side and len(mentions) >= 2:
                trigger = ev.mentions[0].trigger_start
                near = [m for m in mentions if m.start < trigger] or mentions
                ev.recipients = [_actor(near[-1])]
                ev.context.append(INFERRED_RECIPIENT)
                break


_OBJECT_REACH = 3  # tokens between a condemnation and the event it condemns


def _condemned_parties(events: list[Event], sentences: dict[int, "_Sentence"]) -> None:
    """A condemnation that names no one condemns the authors of the event it has for object
    (أدانت مصر الهجوم الذي نفذه التنظيم، ندد الاتحاد بالغارات التي شنها الطيران الروسي)."""
    for ev in events:
        if ev.type != "ACCUSE" or ev.recipients:
            continue
        mention = ev.mentions[0]
        s = sentences[mention.sentence]
        after = s.tok(max(mention.trigger_start, mention.trigger_end - 1))
        for other in events:
            told = other.mentions[0]
            if other is ev or told.sentence != mention.sentence or not other.actors or \
                    told.trigger_start <= mention.trigger_end:
                continue
            if 0 < s.tok(told.trigger_start) - after <= _OBJECT_REACH:
                ev.recipients = [replace(a) for a in other.actors]
                ev.context.append(INFERRED_RECIPIENT)
                break


_OPENING_QUOTES = {"«": "»", '"': '"', "“": "”"}
_TITLE_REACH = 150  # characters of a quoted title


def _quoted_titles(text: str, cues: list[tuple]) -> list[tuple[int, int]]:
    """Spans of the titles quoted right after a noun naming a work (فيلم «…», كتاب "…")."""
    out = []
    for _, c_end, kind in cues:
        if kind != "work":
            continue
        at = c_end
        while at < len(text) and text[at] == " ":
            at += 1
        closing = _OPENING_QUOTES.get(text[at:at + 1])
        if closing:
            end = text.find(closing, at + 1, at + 1 + _TITLE_REACH)
            if end > 0:
                out.append((at, end + 1))
    return out


def _specific(ev: Event, doc: Document, dates: list[Entity], exploded: set[int]) -> bool:
    """Is the event told as one happening: asserted or reported, in the foreground, with a
    date in its sentence, a count of its dead or wounded, or a verb telling that it exploded
    (not talk of bombings in general)?"""
    if ev.modality not in ("asserted", "reported") or BACKGROUND in ev.context:
        return False
    sentence = ev.mentions[0].sentence
    return bool(ev.size) or sentence in exploded or \
        any(doc.sentence_of(d.start) == sentence for d in dates)


def _is_state(code: str | None) -> bool:
    """Is a country code a state's (not IGO, UNO, IMG, NGO: PLOVER's non-state codes)?"""
    return bool(code) and code not in NON_STATE_CODES


def _carry_sources(events: list[Event], doc: Document, cues: list[tuple]) -> None:
    """An event with no source of its own, in a sentence that goes on with the report of the
    sentence before (كما ارتفع عدد الغارات …، بينما استهدفت … after أعلن المرصد أن …), is
    reported by that sentence's source."""
    continuing = {doc.sentence_of(c_start) for c_start, _, kind in cues if kind == "continuation"
                  and doc.sentences[doc.sentence_of(c_start)].start == doc.word_start(c_start)}
    sources: dict[int, list[Source]] = {}
    for ev in events:
        sentence = ev.mentions[0].sentence
        if ev.attribution:
            sources.setdefault(sentence, ev.attribution)
        elif sentence in continuing and sources.get(sentence - 1):
            ev.attribution = list(sources[sentence - 1])
            sources.setdefault(sentence, ev.attribution)
            if ev.modality == "asserted":
                ev.modality = "reported"


def _historical(ev: Event, s: "_Sentence", present: bool) -> bool:
    """Is the event dated more than :data:`_HISTORY_DAYS` before publication: by its own date,
    or, when its clause names none and it is not told in the present (يعتصم المتظاهرون … الذي
    أطاحه انقلاب عام 2006), by the dates of its sentence, all that long ago (the bombing …
    that killed 200 in 1988)?"""
    published = s.doc.published
    if not published or not ev.date:
        return False
    if ev.date_precision == "publication":
        return not present and bool(s.dates) and all(
            _long_before(d.attrs["value"], d.attrs["precision"], published) for d in s.dates)
    return ev.date_precision is not None and _long_before(ev.date, ev.date_precision, published)


def _long_before(value: str, precision: str, published: str) -> bool:
    """Does the period a date names end more than :data:`_HISTORY_DAYS` before ``published``?"""
    try:
        day = datetime.date.fromisoformat(value[:10])
        pub = datetime.date.fromisoformat(published[:10])
    except ValueError:
        return False
    if precision == "week":
        day += datetime.timedelta(days=6)
    elif precision == "month":
        day = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - \
            datetime.timedelta(days=1)
    elif precision == "year":
        day = day.replace(month=12, day=31)
    return (pub - day).days > _HISTORY_DAYS


def _unidentified_perpetrator(ev: Event, text: str) -> None:
    """An unidentified armed actor (UAF) in the event's country; its evidence is the device."""
    m = ev.mentions[0]
    country = ev.locations[0].country if ev.locations else None
    ev.actors = [Actor(m.trigger_start, m.trigger_end, text[m.trigger_start:m.trigger_end],
                       "unidentified armed group", country, "UAF")]
    ev.context.append(UNIDENTIFIED_ACTOR)


def _actor(ent: Entity) -> Actor:
    a = ent.attrs
    return Actor(ent.start, ent.end, ent.text, a.get("name"), a.get("country"), a.get("sector"),
                 a.get("wikidata"), list(a.get("also_sectors", [])))


def _forces(actor: Actor) -> Actor:
    """A state named by its country as the author of violence (قصفت تركيا، حرب الولايات
    المتحدة على …): its armed forces, the government a defensible second reading."""
    if actor.sector == "GOV":
        actor.sector, actor.also_sectors = "MIL", sorted(set(actor.also_sectors) | {"GOV"})
    return actor


def _after_parties(s: _Sentence, actors: list[Entity], t_last: int) -> int:
    """The last token of the trigger or of the parties told after it: where its recipient may
    start looking."""
    return max([t_last] + [s.tok(a.end - 1) for a in actors if a.start > s.tokens[t_last].start])


def _kana_subject(s: _Sentence, kana: int | None, t: int) -> Entity | None:
    """The phrase between a كان form at ``kana`` and the verb at ``t`` (وكانت X قد …)."""
    if kana is None:
        return None
    return next((a for a in s.actors if kana < s.tok(a.start) and a.end <= s.tokens[t].start),
                None)


def _coordinated(s: _Sentence, first: Entity, hi_tok: int) -> list[Entity]:
    """``first`` and the phrases joined to it by و (الروس والأتراك، القوات السورية وحزب الله)."""
    out = [first]
    view = s.doc.normalized.text
    for ent in s.actors:
        if ent.start <= out[-1].end:
            continue
        if s.tok(ent.start) >= hi_tok:
            break
        gap = s.doc.text[out[-1].end:ent.start]
        g = normalize_string(gap).strip()
        clitic = view[s.doc.normalized.find_view(s.tokens[s.tok(ent.start)].start):
                      s.doc.normalized.find_view(ent.start)]
        if (g == "" and clitic.startswith("و")) or g == "و":
            out.append(ent)
            continue
        break
    return out


class Coder:
    """Codes the events of one document; built once, called per document."""

    def __init__(self) -> None:
        self.triggers = trigger_lexicon()
        self.cues = cue_lexicon()
        self.sizes = size_lexicon()
        self.quantities = quantities()
        self.quantity_openers = {q.split()[0] for q in self.quantities}  # first words

    # -- per document --------------------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        view = doc.normalized
        by_sentence = {si: list(toks) for si, toks in groupby(doc.tokens, attrgetter("sentence"))}
        cues = []
        common_cues = homographs("cue")
        for m in self.cues.finditer(view.text):
            form = view.text[m.start:m.end]
            if form in common_cues and common_cues[form].is_common_word(
                    *neighbours(view.text, m.token_start, m.token_end)):
                continue  # في وسط المدينة: a place, not "amid"
            s, e = view.to_original(m.start, m.end)
            cues.append((s, e, m.payload))
        cues.sort()
        common = homographs("trigger")
        matches = [
            m for m in self.triggers.finditer(view.text)
            if m.payload.takes_suffix(view.text[m.end:m.token_end])
            and not _ta_marbuta_verb(doc.text, view, m)
            and not (view.text[m.start:m.end] in common and common[view.text[m.start:m.end]]
                     .is_common_word(*neighbours(view.text, m.token_start, m.token_end)))]
        # a word two rows list (وعد: a promise, or a threat when aimed at someone; أرسل alone,
        # or as the verb of أرسل قوات) is read by the first row whose conditions hold
        readings: dict[tuple[int, int], list[Trigger]] = {}
        for m in matches:
            found = readings.setdefault((m.start, m.end), [])
            if all((t.type, t.completion) != (m.payload.type, m.payload.completion)
                   for t in found):
                found.append(m.payload)
        for found in readings.values():
            # the verb of a phrase first: طردت تونس السفير is an expulsion of a diplomat
            # (SANCTION) before it is an expulsion (COERCE)
            found.sort(key=lambda t: not t.completion)
        triggers = longest_first(matches)
        actors = [e for e in doc.entities if e.label == "ACTOR"]
        places = [e for e in doc.entities if e.label == "LOC" or (e.label == "GPE")]
        dates = [e for e in doc.entities if e.label == "DATE"]
        names = [e for e in doc.entities if e.label in ("ACTOR", "LOC", "GPE", "PER", "ORG")
                 and not (e.label == "ACTOR" and e.attrs.get("sector") is None)]
        names.sort(key=lambda n: n.start)
        name_starts = [n.start for n in names]
        longest = max((n.end - n.start for n in names), default=0)
        titles = _quoted_titles(doc.text, cues)
        spans = []
        for m in triggers:
            start, end = view.to_original(m.start, m.end)
            if any(t_start < start and end <= t_end for t_start, t_end in titles):
                continue  # فيلم «اغتيال …»: words of a title
            # only names starting within the longest name's length before the word can hold it
            near = names[bisect.bisect_left(name_starts, start - longest):
                         bisect.bisect_left(name_starts, end)]
            if not any(n.start <= start and end <= n.end or start < n.start < end
                       and n.label in ("GPE", "LOC") and _bare_proclitic(doc.text[start:n.start])
                       for n in near):
                # not a word inside a name (وزارة الحرب، أبين), nor a place with its clitic
                # (وعدن is "and Aden", not "they promised")
                spans.append((m, start, end))
        noun_starts = [start for m, start, _ in spans if m.payload.pos == "N"]
        # هجوم مسلح، التفجير الإرهابي: a word for fighters right after an event noun is its
        # adjective, no party
        adjectives = {c_start for c_start, _, kind in cues if kind == "adjective"}
        noun_ends = {view.to_original(m.token_start, m.token_end)[1]
                     for m, _, _ in spans if m.payload.pos == "N"}
        actors = [a for a in actors if a.start not in adjectives or not any(
            not doc.text[e:a.start].strip() for e in noun_ends if e <= a.start)]
        # sentences telling in the past that something exploded (انفجرت عبوة ناسفة): a device
        # in them went off, one happening even without a date or a toll
        exploded = {doc.sentence_of(start) for m, start, _ in spans
                    if m.payload.intransitive and not m.payload.present}
        # verbs of saying something about an event (ندد، طالب، رحب): ب after them introduces
        # what they are about, not the means of their subject (but اتهمه بقصف, هدد بقصف, تعهد
        # ب: the accused, the threatener, the one who promises does it)
        said_starts = [start for m, start, _ in spans
                       if m.payload.pos == "V" and m.payload.type in _ABOUT_TYPES
                       and m.payload.mode != "allege"]
        gentilics = [e for e in doc.entities if e.label == "NORP"]
        # gentilics outside every actor phrase (فلسطينيا), which may name a person
        covered = {i for a in actors for i in range(a.start, a.end)}
        in_sentence = _by_sentence(doc, actors=actors, places=places, dates=dates,
                                   cues=cues, nouns=noun_starts, said=said_starts,
                                   norps=[e for e in gentilics if e.start not in covered])
        focus_place = focus_place_of(doc)
        all_places = doc_places(doc)
        sector_starts = {e.start for e in doc.entities if e.label == "SECTOR"}
        gpe_starts = {e.start for e in doc.entities if e.label == "GPE"}
        peoples = {(e.start, e.end) for e in gentilics
                   if not normalize_string(e.text).endswith(("ي", "يه"))}
        events: list[Event] = []
        partyless: list[Event] = []
        territorial: list[Event] = []
        unclaimed: set[int] = set()
        cache: dict[int, _Sentence] = {}
        subjects: dict[int, Entity | None] = {}  # per sentence: the first party of its first event
        for m, start, end in spans:
            si = doc.sentence_of(start)
            if si not in cache:
                cache[si] = _Sentence(
                    doc, si, by_sentence.get(si, []),
                    *(in_sentence[kind].get(si, []) for kind in
                      ("actors", "places", "dates", "cues", "nouns")))
                cache[si].doc_places = all_places
                cache[si].peoples = peoples
                cache[si].doc_sector_starts = sector_starts
                cache[si].doc_gpe_starts = gpe_starts
                cache[si].norps = in_sentence["norps"].get(si, [])
                cache[si].said = in_sentence["said"].get(si, [])
                cache[si].previous_subject = subjects.get(si - 1)
            s = cache[si]
            if not s.tokens:
                continue
            for trig in readings[(m.start, m.end)]:
                coded = self.code(s, trig, start, end, m.prefix, focus_place, len(events))
                if coded is not None:
                    break
            if coded is None:
                continue
            event, describe = coded
            if event.actors:
                events.append(describe())
                first = event.actors[0]
                subjects.setdefault(si, next((a for a in s.actors + [s.previous_subject]
                                              if a is not None and (a.start, a.end) == (first.start, first.end)), None))
            else:
                partyless.append(coded)
                if trig.unclaimed and (not trig.exploding or si in exploded) or \
                        self._victim_frame(s, trig, start, m.prefix):
                    unclaimed.add(id(event))
            if self._loser_unnamed(s, trig, event):
                territorial.append(event)
        # PLOVER codes no event without a party; a mention naming none (أن القتال توقف) is kept
        # only as more evidence of an event told elsewhere in the article with its parties, or
        # as an attack by an unidentified group.
        told_kinds = {(e.type, e.mode) for e in events}
        retold = {(e.type, e.mode, trigger_lemma(e)) for e in events}
        partyless = [describe() for event, describe in partyless
                     if id(event) in unclaimed or (event.type, event.mode) in told_kinds
                     and (event.type, event.mode, trigger_lemma(event)) in retold]
        told = {(e.type, m.sentence) for e in events for m in e.mentions}
        for ev in attach_retellings(events, partyless):
            key = (ev.type, ev.mentions[0].sentence)
            if id(ev) in unclaimed and not ev.size:
                # قتل ثلاثة مدنيين وجرح سبعة، في تفجير …: the toll the sentence counts, whatever
                # clause it is told in, is this attack's
                sentence = cache[ev.mentions[0].sentence]
                ev.size = self.size(sentence, 0, len(sentence.tokens))
            if key not in told and id(ev) in unclaimed and _specific(ev, doc, dates, exploded):
                told.add(key)  # one per sentence, none beside an attack whose author is named
                _unidentified_perpetrator(ev, doc.text)
                events.append(ev)
        _infer_lost_side(territorial, actors)
        _condemned_parties(events, cache)
        events.sort(key=lambda e: e.mentions[0].start)
        _carry_sources(events, doc, cues)
        for i, ev in enumerate(events, 1):
            ev.id = f"e{i}"
        doc.events = events
        return doc

    # -- per trigger ---------------------------------------------------------------------------
    def code(self, s: _Sentence, trig: Trigger, start: int, end: int, prefix: str,
             focus_place: Place | None, n: int) -> tuple[Event, Callable[[], Event]] | None:
        """The event a trigger tells, with its parties, and a function that fills in the rest
        (:meth:`describe`); ``None`` when the trigger tells no event here."""
        t_first, t_last = s.tok(start), s.tok(max(start, end - 1))
        lo, hi = s.clause(t_first, t_last)
        if trig.completion and not self._completed(s, trig, t_last, hi):
            return None  # أطلق الرئيس مبادرة: the phrase's verb without its object
        if trig.requires and not s.followed_by(t_last, hi, trig.requires):
            return None  # نشرت الصحيفة تقريرا: no troops, no deployment
        if trig.refuses and s.followed_by(t_last, hi, trig.refuses):
            return None  # تقدمت الحكومة بطلب: a submission, not an advance
        if trig.type == "PROTEST" and trig.pos == "N" and \
                any(s.in_cue(j, "suppression") for j in range(max(lo, t_first - 2), t_first)):
            return None  # قمع المظاهرات: the protest is what is repressed, told by the repression
        if trig.type == "ASSAULT" and trig.present and self._habitual(s, prefix, lo, hi, t_first):
            return None  # يقتلون الناس بلا رحمة: an undated present tells a habit, not an attack
        if trig.type == "ASSAULT" and s.cue_between(t_last + 1, min(hi, t_last + 4), "figurative"):
            return None  # فجرت التصريحات أزمة، تصفية الحسابات: a figure of speech
        if trig.pos == "N" and s.cue_before(t_first, "state"):
            return None  # تحت السيطرة: a state of affairs, not an event
        if trig.pos == "N" and prefix in ("", "ال") and s.cue_before(t_first, "institution") \
                and not s.word(t_first - 1).lstrip("وف").startswith("ال"):
            return None  # وزارة الحرب، محكمة الجنايات: part of a name (الوزير التفجير is not)
        actors, recipients = self.roles(s, trig, start, end, t_first, t_last, lo, hi, prefix)
        if trig.type == "PROTEST" and trig.pos == "V" and (
                self._opens_relative(s, lo, t_first) or trig.present and actors
                and (self._described_by_verb(s, [a for a in s.actors if a.end <= start], t_first)
                     or self._describes_crowd(s, t_first))):
            return None  # المتظاهرون الذين تجمعوا، متظاهرين يحتجون: describes the crowd
        if trig.type == "PROTEST" and not actors and trig.pos == "V":
            actors = [a for a in s.actors if a.attrs.get("sector") in _CROWD][:1]  # المتظاهرون
        if trig.type == "PROTEST":
            # تجمع عشرات الفلسطينيين: a people in the street is a crowd, not its government
            actors = [replace(a, attrs={**a.attrs, "sector": "CVL"})
                      if (a.start, a.end) in s.peoples else a for a in actors]
        if trig.type == "PROTEST" and actors and all(
                _side(a.attrs.get("country"), a.attrs.get("sector")) == "state"
                or a.attrs.get("sector") is None and a.label == "ACTOR" and a.attrs.get("country")
                for a in actors):
            # احتجت تركيا: a state's protest is verbal, ACCUSE-disapprove (PLOVER)
            trig = replace(trig, type="ACCUSE", mode="disapprove", cameo="111")
        if trig.type == "ASSAULT" and trig.lemma in _VERBAL_ATTACKS and \
                s.cue_between(t_last + 1, min(hi, t_last + _VERBAL_REACH), "verbal") and \
                not s.cue_between(0, len(s.tokens), "casualty"):
            # شن هجوما لاذعا على الحكومة، هاجمها بشدة: an attack in words, whoever makes it
            trig = replace(trig, type="ACCUSE", mode="disapprove", cameo="111")
        elif trig.type == "ASSAULT" and trig.mode is None and actors and \
                all(self._speaker_not_fighter(s, a) for a in actors) and \
                not s.cue_between(lo, hi, "casualty"):
            # هاجم الرئيس خصمه، شن رئيس الحزب هجوما على الحكومة: a politician's attack is words;
            # his other "attacks" with no one hurt (استهدف الوزير المعارضة) are figures of speech
            if trig.lemma not in _VERBAL_ATTACKS:
                return None
            trig = replace(trig, type="ACCUSE", mode="disapprove", cameo="111")
        if trig.masdar and ("ل" in prefix or "ب" in prefix
                            or _bare(s.word(t_first - 1)) in _CAUSE_WORDS
                            or not any(self._adjacent(s, a, t_first, t_last) for a in actors)):
            # قتل with no subject next to it is the noun (مقتل، قتل المدنيين), not the verb;
            # after ل or ب it is always the noun (لضرب داعش: a verb of purpose is ليضرب), and
            # after في، جراء … the noun of the attack that caused the casualties (قتل مدنيان في قصف)
            return self.code(s, replace(trig, pos="N", masdar=False), start, end, prefix,
                             focus_place, n)
        if trig.type in _MATERIAL_CONFLICT and actors and \
                all(a.attrs.get("sector") in _VICTIMS for a in actors + recipients):
            if trig.pos == "V":
                return None  # الأهالي يحرقون متعلقاتهم: victims as the only party are no attack
            # قتل مدنيان في قصف، 12 شخصا قتلوا بينهم أطفال: the attack they suffered
            actors, recipients = [], actors + recipients
        if trig.type == "ASSAULT" and actors and all(a.attrs.get("sector") == "JUD" for a in actors):
            return None  # حكمت المحكمة بإعدام …: a court's death sentence is its ruling (SANCTION)
        if trig.type == "RETREAT" and actors and \
                all(a.attrs.get("sector") in _VICTIMS for a in actors):
            return None  # المدنيون يغادرون المدينة: people fleeing, no side giving ground
        actor_spans = {(a.start, a.end) for a in actors}
        recipients = [r for r in recipients if (r.start, r.end) not in actor_spans]
        if trig.type in _MATERIAL_CONFLICT:
            # قتل الجنود فلسطينيين: a people suffering violence is its civilians, not its state
            recipients = [replace(r, attrs={**r.attrs, "sector": "CVL"})
                          if (r.start, r.end) in s.peoples else r for r in recipients]
        if trig.needs_recipient and not recipients:
            return None
        sent = s.doc.sentences[s.index]
        near = [a for a in actors + recipients if lo <= s.tok(a.start) < hi]
        ev_start = min([start] + [a.start for a in near])
        ev_end = max([end] + [a.end for a in near])
        event = Event(
            id=f"e{n + 1}", type=trig.type, mode=trig.mode, cameo=trig.cameo,
            trigger=s.doc.text[start:end],
            mentions=[Mention(ev_start, ev_end, start, end, s.index)],
            actors=[_forces(_actor(a)) if trig.type == "ASSAULT" and a.start in s.doc_gpe_starts
                    else _actor(a) for a in actors],
            recipients=[_actor(r) for r in recipients],
        )
        if sent.headline:
            event.confidence = 0.8
        # Where, when, by whose word, how sure and how large: most mentions name no party and
        # are dropped, so the caller asks for these only for the mentions it keeps.
        return event, partial(self.describe, s, trig, event, start, prefix, t_first, lo, hi,
                              focus_place, actors + recipients)

    def describe(self, s, trig, event, start, prefix, t_first, lo, hi, focus_place,
                 parties) -> Event:
        """Fill in an event's place, date, sources, modality, size and context."""
        event.locations = self.location(s, trig, start, lo, hi, focus_place, parties)
        country = event.locations[0].country if event.locations else None
        for r in event.recipients:
            if r.name == "residents" and r.country is None:
                r.country = country  # تقصف المدينة: the city's people
        self.date(s, event, start, lo, hi)
        event.attribution = self.attribution(s, start, t_first)
        event.modality = self.modality(s, trig, start, prefix, lo, event)
        event.size = self.size(s, lo, hi)
        if self._background(s, trig, t_first, lo):
            event.context.append(BACKGROUND)
        if _historical(event, s, trig.present):
            event.context.append(HISTORICAL)
        if (trig.pos == "N" or trig.masdar) and (s.cue_before(t_first, "accusation") or (
                "ب" in prefix and s.cue_between(max(lo, t_first - _ACCUSATION_REACH), t_first,
                                                "accusation"))):
            event.context.append(ALLEGED)  # اتهمت X Y بقصف …، بزعم الاعتداء
        sentence = s.doc.sentences[s.index]
        if s.doc.text[sentence.start:sentence.end].rstrip(" »\"'").endswith(_QUESTION_MARKS):
            event.context.append(QUESTION)
        return event

    def roles(self, s, trig, start, end, t_first, t_last, lo, hi, prefix=""):
        # the phrases starting in tokens lo..hi-1 (as s.tok would place them), by offsets
        lo_at = s.starts[lo] if lo > 0 else -1
        hi_at = s.starts[hi] if hi < len(s.starts) else len(s.doc.text) + 1
        in_clause = [a for a in s.actors if lo_at <= a.start < hi_at]
        before = [a for a in in_clause if a.end <= start]
        after = [a for a in in_clause if a.start >= end]
        actor: Entity | None = None
        by_position: Entity | None = None  # a subject read from its place after the verb
        recipient: list[Entity] = []

        def free(a: Entity) -> bool:
            return s.preposition_before(a) is None

        # اشتباكات بين X و Y، اتفاق بين X و Y: every side is an actor
        between = self._after_words(s, [a for a in after if s.tok(a.start) - t_last <= 3], ("بين",))
        if between is not None:
            return _coordinated(s, between, hi), []
        suffix = normalize_string(s.doc.text[end:s.tokens[t_last].end])
        if trig.intransitive:
            # انفجرت عبوة قرب مقر الحزب: what explodes is no party, and the place no target;
            # a doer is named only after an agentive cue (انفجار نفذه انتحاري)
            agent = self._agentive(s, after)
            if agent is None:
                return [], []
            actors = _coordinated(s, agent, hi)
            return actors, self._recipient(s, trig, actors, after, t_last, hi)
        if trig.pos == "V" and "obj" in trig.recipient and not suffix and \
                self._passive(s, start, end, t_last):
            # قُتل، اعتقلوا على أيدي مقاتلي الجبهة: a passive; its subject, before or after
            # it, suffers it, and the doer is named after an agentive cue, if at all
            agent = self._agentive(s, after)
            if before and s.preposition_before(before[-1]) in (None, "من") and \
                    s.tok(before[-1].end - 1) >= t_first - 2:
                victim = before[-1]  # (مقاتلون من المعارضة اعتقلوا: a part of that group)
            else:
                victim = next((a for a in after if a is not agent and free(a)
                               and s.tok(a.start) - t_last <= _SUBJECT_REACH), None)
            return ([] if agent is None else _coordinated(s, agent, hi)), \
                ([] if victim is None else _coordinated(s, victim, hi))
        if trig.pos == "V":
            if self._opens_relative(s, lo, t_first):
                antecedent = self._antecedent(s, lo)
                subject = next((a for a in after if s.tok(a.start) - t_last <= 1 and free(a)), None)
                agent = self._agentive(s, after)
                if agent is not None:
                    # رئيسها الذي اختطف … من قبل مسلحين: a passive whose agent is named after it
                    recipient = [antecedent] if antecedent is not None else []
                    actor = agent
                elif suffix in _OBJECT_PRONOUNS or subject is not None:
                    # الجماعة التي هاجمها الجيش: the phrase before the relative is the object
                    recipient = [antecedent] if antecedent is not None else []
                    actor = subject
                elif antecedent is not None:
                    actor = antecedent  # الطائرات التي تقصف مواقع التنظيم
                else:
                    return [], []  # التفجير الذي استهدف الجزيرة: the subject is no party
            if actor is None and self._pronoun_subject(s, lo, t_first):
                # قال الجيش إنه قتل مسلحين: the subject is the speaker; what follows is the object
                actor = self._speaker(s, lo - 1)
                if actor is None:
                    return [], []
            kana = self._kana_before(s, lo, t_first)
            if actor is None and kana is not None:
                # وكانت وحدة من المقاومة قد اتهمت الحوثيين: the subject stands between كان and
                # قد, governed by a preposition or not; what follows the verb is its object
                actor = _kana_subject(s, kana, t_first)
                if actor is None:
                    return [], []
                if trig.genitive == "recipient" and "obj" in trig.recipient and \
                        not trig.present and not suffix and \
                        not any(s.tok(a.start) < hi for a in after) and \
                        not any(t_last < i < hi for i, _ in self._counts(s)) and \
                        not _accusative_after(s, actor, hi):
                    # هل كان الخاطف قد قتل: with nothing after it (no party, no number),
                    # a verb of killing is the passive, and its subject the victim
                    agent = self._agentive(s, after)
                    return ([agent] if agent is not None else []), [actor]
            if actor is None and trig.genitive == "recipient" and not trig.present:
                count = next((i for i, _ in reversed(self._counts(s))
                              if max(lo, t_first - _SUBJECT_REACH) <= i < t_first
                              and not self._in_date(s, i)), None)
                if count is not None:
                    # 12 شخصا قتلوا، نحو 50 مقاتلا من الحزب قتلوا: a counted phrase before a
                    # verb of killing is its toll; its group, if named, the victims
                    victims = [a for a in before if s.tok(a.start) > count]
                    agent = self._agentive(s, after)
                    return ([agent] if agent is not None else []), victims[:1]
            if actor is None:
                svo = before[-1] if before and s.tok(before[-1].end - 1) >= t_first - 2 \
                    and free(before[-1]) and not _accusative(s, before[-1]) else None
                vso = None
                # قتلوا، أطلقوا: a plural ending carries the subject; what follows is the object
                carries_subject = not trig.present and \
                    normalize_string(s.doc.text[start:end]).endswith("وا")
                for a in after:
                    if carries_subject or s.tok(a.start) - t_last > _SUBJECT_REACH:
                        break
                    if free(a):
                        # (واستهدف قياديا حوثيا: an accusative right after the verb is its object)
                        vso = None if _accusative(s, a) else a
                        break
                # Arabic news is mostly VSO; a phrase before the verb is its subject when it opens
                # the clause or follows a complementiser (ان قوات الأسد اقتحمت)
                described = self._described_by_verb(s, before, t_first)
                appositive = self._before_apposition(s, lo, t_first) \
                    if not before and (carries_subject or vso is None) else None
                if described is not None:
                    actor = described  # جندي إسرائيلي قتل فلسطينيا: "a soldier who killed"
                elif appositive is not None:
                    actor = appositive  # مقاتلو الحزب، الذي تحظره أنقرة …، هاجموا: before the aside
                elif svo is not None and (vso is None or s.opens_clause(s.tok(svo.start), lo)):
                    actor = svo
                else:
                    actor = vso
                    by_position = actor
                    if actor is not None and trig.genitive == "recipient" and (
                            actor.attrs.get("sector") in _VICTIMS
                            or self._counted(s, actor, t_last)):
                        # قُتل مدنيون برصاص القناصة، قتل ثلاثة جنود: the subject of a passive
                        # is the victim (a counted phrase after a verb of killing is its toll)
                        recipient = _coordinated(s, actor, hi)
                        actor = self._agentive(s, after)
                if actor is None and not recipient and trig.agent:
                    actor = self._after_words(s, after, trig.agent)
                if actor is None and not recipient and before and free(before[-1]) and \
                        not _accusative(s, before[-1]):
                    # (قتلت القوات مسلحا واعتقلت 16: an accusative is no subject)
                    actor = before[-1]
        else:
            exposed = self._exposed(s, trig, prefix, t_first, start)
            if exposed is not None:
                # تعرضت دورية للشرطة لهجوم (على أيدي مسلحين): who is exposed suffers the attack;
                # its doer is named after an agentive cue, or not at all
                agent = self._agentive(s, after)
                return ([] if agent is None else _coordinated(s, agent, hi)), \
                    _coordinated(s, exposed, hi)
            nxt = after[0] if after else None
            prep = s.preposition_before(nxt) if nxt is not None else None
            # the genitive follows its noun at once (غارات التحالف، غارات لطيران التحالف) or after
            # a number or a target noun (مقتل ثلاثة جنود، استهداف مواقع الحوثيين); another word
            # between is a verb or an adjective (ضربات استهدفت العناصر، مظاهرات مناوئة لترامب)
            gap = s.tok(nxt.start) - t_last if nxt is not None else 0
            adjacent = gap == 1 or gap == 2 and (
                s.in_cue(t_last + 1, "target") or any(i == t_last + 1 for i, _ in self._counts(s))
                or s.word(t_last + 1) in _BELONGING)  # طائرة بدون طيار تابعة للجيش
            # (not the dead and wounded: أصدرت الحكومة حصيلة القتلى is no killing by it)
            light = None if s.in_cue(t_first, "toll") else self._light_verb(s, lo, t_first, start)
            light_subject = None
            if light is not None and before and free(before[-1]):
                light_subject = before[-1]
            elif light is not None:
                # وكانت «حركة حماس»، الفصيل الأكبر، قد أطلقت صواريخ: between كان and قد
                light_subject = _kana_subject(s, self._kana_before(s, lo, light), light)
            if suffix in _OBJECT_PRONOUNS and before:
                # تقدم المقاتلين وسيطرتهم: the pronoun stands for the phrase told just before,
                # the clause's subject rather than a phrase nested in it
                referent = next((a for a in reversed(before) if free(a)), before[-1])
                if trig.genitive == "actor":
                    actor = referent
                else:
                    recipient = [referent]
            elif adjacent and prep is None:
                if trig.genitive == "actor" and not s.cue_between(t_last + 1, s.tok(nxt.start),
                                                                   "target"):
                    actor = nxt  # غارات التحالف
                else:
                    # مقتل المدنيين، استهداف مواقع الحوثيين: the genitive of a target noun
                    recipient = _coordinated(s, nxt, hi)
            if actor is None and light_subject is not None:
                actor = light_subject  # شن طيران التحالف غارات: the light verb's subject
            if actor is None:
                # التفجير الذي نفذه الإرهابيون: an agentive cue may open a relative clause (ندد
                # الاتحاد بالغارات التي شنها الطيران الروسي: before the ب rule below)
                actor = self._agentive(s, [a for a in s.actors if a.start >= end], t_last)
            if actor is None and "ب" in prefix and before and free(before[-1]) and \
                    not any(s.starts[lo] <= said < start for said in s.said) and \
                    not s.cue_between(lo, t_first, "casualty"):
                # ورد التحالف باستهداف موقع: the subject acts by the noun (not نددت الفصائل
                # بقتل …: what a verb of saying is about; not أصيب جنود بهجوم: who was hurt)
                actor = before[-1]
            if actor is None and adjacent and prep == "ل" and trig.genitive == "actor":
                actor = nxt  # غارات لطيران التحالف
            if actor is None and trig.type == "ASSAULT" and trig.genitive == "actor" and \
                    not trig.requires and (
                    s.dates or s.cue_between(0, len(s.tokens), "casualty")):
                # غارة إسرائيلية أمس، قصف روسي أوقع قتلى: told as one attack (dated, or with a
                # toll), not talk of air raids in general
                actor = self._national_forces(s, t_last, hi)
            if actor is None and prefix in ("ل", "ول", "فل") and \
                    s.cue_between(max(0, t_first - 2), t_first, "plan"):
                # حشدت تركيا قواتها استعدادا لقصف مواقع المسلحين: a planned deed's doer is the
                # sentence's subject
                actor = self._discourse_subject(s, start)
        if actor is None and not recipient and trig.pos == "V" and t_first == 0 and \
                s.previous_subject is not None and \
                normalize_string(s.doc.text[start:end]).endswith(("وا", "ون")):
            # … هاجم مسلحو الحوثي المدينة. وسيطروا على أحياء: a plural verb opening the next
            # sentence goes on with the subject of the one before
            actors = [s.previous_subject]
            return actors, self._recipient(s, trig, actors, after, t_last, hi)
        if actor is None and not recipient and \
                (trig.pos == "V" and trig.type != "PROTEST" or s.cue_before(t_first, "support")):
            # (a protest verb takes the crowd of its sentence, not the speaker: see code())
            actor = self._discourse_subject(s, start)
        if actor is None:
            return [], []
        actors = _coordinated(s, actor, hi)
        if not recipient:
            recipient = self._recipient(s, trig, actors, after, t_last, hi)
        if not recipient and self._pronoun_in_recipient_slot(s, trig, actors, t_last, hi, suffix):
            recipient = self._referent(s, start, actors)
        if not recipient and trig.type == "ASSAULT":
            recipient = [a for a in after if a.attrs.get("sector") in _VICTIMS
                         and (a.start, a.end) not in {(x.start, x.end) for x in actors}][:1]
        if not recipient and trig.type in _MATERIAL_CONFLICT:
            recipient = self._person_by_nationality(s, trig, actors, t_last, hi)
        if not recipient and trig.type == "ASSAULT" and trig.pos == "N":
            recipient = self._toll_victims(s, prefix, lo, t_first, actors)
        if not recipient and trig.type == "ASSAULT":
            recipient = self._residents(s, trig, actors, t_last, hi)
        if not recipient and actor is by_position and trig.type in _MATERIAL_CONFLICT and \
                trig.genitive == "recipient" and not trig.present and "obj" in trig.recipient \
                and not suffix and (trig.type == "ASSAULT" or _indefinite_group(actor)) \
                and not self._object_after_aside(s, hi) \
                and not _accusative_after(s, actors[-1], hi):
            # قتل جندي في هجوم، اعتقل ناشط، أعدم فلان، قتل الخاطف: the phrase after a verb of
            # killing (any phrase) or of arresting (an indefinite one: اعتقلت الشرطة is active),
            # with no object after it, is the victim of a passive
            agent = self._agentive(s, [a for a in after if (a.start, a.end) != (actor.start, actor.end)])
            return ([agent] if agent is not None else []), actors
        return actors, recipient

    @staticmethod
    def _exposure_at(s, prefix, t_first) -> int | None:
        """The token of the verb of exposure (تعرض، يتعرضون) a ل-noun completes, within
        :data:`_EXPOSURE_REACH` tokens before it, across an aside (تعرضت مراكز الجيش، في
        الأيام الأخيرة، لاعتداءات); the ل may stand on an attempt (لمحاولة اغتيال)."""
        if "ل" not in prefix and s.word(t_first - 1) not in _ATTEMPTED:
            return None
        return next((j for j in range(t_first - 1, max(0, t_first - _EXPOSURE_REACH) - 1, -1)
                     if s.in_cue(j, "exposure")), None)

    def _exposed(self, s, trig, prefix, t_first, start) -> Entity | None:
        """Who suffers an attack or an arrest told by a verb of exposure: the party after the
        verb (تعرضت قافلة للشرطة لهجوم) or, in its clause before it, its subject (الجنود
        تعرضوا لهجوم)."""
        if trig.type not in _MATERIAL_CONFLICT:
            return None
        at = self._exposure_at(s, prefix, t_first)
        if at is None:
            return None
        lo = s.clause(at, at)[0]
        return next((a for a in s.actors if at < s.tok(a.start) and a.end <= start
                     and s.preposition_before(a) in (None, "ل")),
                    next((a for a in reversed(s.actors) if lo <= s.tok(a.start)
                          and s.tok(a.end - 1) < at and s.preposition_before(a) is None), None))

    @staticmethod
    def _residents(s, trig, actors, t_last, hi) -> list[Entity]:
        """The civilians of a populated place an attack is aimed at, as its object or after its
        preposition (تقصف المدينة، شنت غارات على القرى): a party with no name, its country
        that of the event's place (see :meth:`describe`)."""
        anchor = _after_parties(s, actors, t_last)
        for i in range(anchor + 1, min(hi, anchor + 1 + _RECIPIENT_REACH)):
            if not s.in_cue(i, "populated"):
                continue
            prev = _bare(s.word(i - 1))
            direct = i == anchor + 1 and "obj" in trig.recipient
            if direct or prev in _AIMED or prev[:1] in "وف" and prev[1:] in _AIMED:
                tok = s.tokens[i]
                return [Entity(tok.start, tok.end, "ACTOR", s.doc.text[tok.start:tok.end],
                               source="coder", attrs={"name": "residents", "sector": "CVL"})]
            return []
        return []

    @staticmethod
    def _toll_victims(s, prefix, lo, t_first, actors) -> list[Entity]:
        """The dead or wounded a clause counts before the attack that caused them (قتل سبعة من
        مسلحي الحوثي في كمين للقوات الحكومية): the attack's victims."""
        if not ("ب" in prefix or _bare(s.word(t_first - 1)) in _CAUSE_WORDS):
            return []
        casualty = next((j for j in range(t_first - 1, lo - 1, -1) if s.in_cue(j, "casualty")),
                        None)
        if casualty is None:
            return []
        used = {(a.start, a.end) for a in actors}
        return [a for a in s.actors if casualty < s.tok(a.start) < t_first
                and (a.start, a.end) not in used][:1]

    @staticmethod
    def _person_by_nationality(s, trig, actors, t_last, hi) -> list[Entity]:
        """A gentilic standing as a noun where the recipient goes (قتلت القوات فلسطينيا، أطلقوا
        النار على سوري): a civilian of that country. After a noun it is that noun's adjective
        (صياد فلسطيني، الحدود السورية), not a person."""
        anchor = _after_parties(s, actors, t_last)
        for norp in s.norps:
            i = s.tok(norp.start)
            if i <= anchor or i >= hi or i - anchor > _RECIPIENT_REACH:
                continue
            clitic = normalize_string(s.doc.text[s.tokens[i].start:norp.start]).lstrip("وف")
            before = _bare(s.word(i - 1))
            direct = i == anchor + 1 and "obj" in trig.recipient and not clitic
            governed = (clitic or before) in trig.recipient or \
                (clitic[:1] in ("ب", "ل") and clitic[:1] in trig.recipient) or \
                (not clitic and before in _PREPOSITIONS and before in trig.recipient)
            if direct or governed:
                return [_people_party(norp, "CVL")]
            return []
        return []

    def _object_after_aside(self, s, hi) -> bool:
        """Does the clause after a comma open with what may be the verb's object, a count or a
        party (خطف مسلحون ليلة الجمعة، أربعة عمال)?"""
        if s.word(hi) not in ("،", ","):
            return False
        nxt = hi + 1
        return nxt < len(s.tokens) and (s.in_cue(nxt, "quantity") or any(
            s.tok(a.start) == nxt for a in s.actors) or any(i == nxt for i, _ in self._counts(s)))

    @staticmethod
    def _national_forces(s, t_last, hi) -> Entity | None:
        """The forces of the country whose gentilic qualifies an attack noun (غارة إسرائيلية،
        قصف روسي، ضربة جوية أمريكية): that adjective within two words after the noun."""
        for norp in s.norps:
            i = s.tok(norp.start)
            if t_last < i <= t_last + 2 and i < hi and norp.attrs.get("country"):
                return _people_party(norp, "MIL")
        return None

    def _completed(self, s, trig, t_last, hi) -> bool:
        """Does the object of a phrase's verb follow right after the subject phrase that opens
        after the verb, a count aside (أطلق جنود إسرائيليون النار، سلم مئات المسلحين أنفسهم)?"""
        first = t_last + 1
        counted = {i for i, _ in self._counts(s)}
        while first in counted:
            first += 1
        subject = next((a for a in s.actors if s.tok(a.start) == first), None)
        if subject is None:
            return False
        # the last of coordinated subjects (أعلنت الحكومة والحوثيون هدنة)
        at = s.tok(_coordinated(s, subject, hi)[-1].end - 1) + 1
        if at >= hi:
            return False
        word = s.word(at)
        return any(word in (o, o + "ا", "ال" + o) for o in trig.completion)

    @staticmethod
    def _speaker_not_fighter(s, actor) -> bool:
        """Is an actor a person (a name or a title heads it) outside any armed or security
        body, whose "attack" is speech?"""
        if actor.attrs.get("sector") in _STATE_ARMED | _ARMED_SECTORS:
            return False
        return any(e.label in ("PER", "TITLE") and actor.start <= e.start < actor.end
                   for e in s.doc.entities)

    def _counted(self, s, phrase, t_last) -> bool:
        """Does a number stand between the verb at ``t_last`` and ``phrase``, or open it?"""
        first = s.tok(phrase.start)
        return any(t_last < i <= first for i, _ in self._counts(s))

    def _passive(self, s, start, end, t_last) -> bool:
        """Is the verb a passive: written with its damma (قُتل، اعتُقلوا), or followed at once by
        an agent (اعتقلوا على أيدي …، اختطف من قبل …)?"""
        if _DAMMA in s.doc.text[start:end][:4]:
            return True
        return f"{s.word(t_last + 1)} {s.word(t_last + 2)}" in _AGENT_OPENERS

    def _loser_unnamed(self, s, trig, event) -> bool:
        """A verb of taking ground whose subject is the taker and whose object is only the
        ground (سيطرت القوات على المدينة), not a town falling into someone's hands."""
        return (trig.type, trig.mode) in _TERRITORIAL and trig.pos == "V" and \
            bool(event.actors) and not event.recipients and \
            self._after_words(s, event.actors[:1], trig.agent) is None

    def _described_by_verb(self, s, before, t_first):
        """An indefinite phrase right before the verb, governed by a preposition, is described
        by the verb (a relative clause without a pronoun) and is its subject: السجن لجندي
        إسرائيلي قتل فلسطينيا."""
        if not before or s.tok(before[-1].end - 1) != t_first - 1:
            return None
        phrase = before[-1]
        if s.preposition_before(phrase) is None:
            return None
        head = normalize_string(phrase.text).split()[0]
        word = s.word(s.tok(phrase.start)).lstrip("وف")
        if head.startswith("ال") or word.startswith("لل"):
            return None  # definite: an ordinary prepositional phrase (للقوات التي …)
        return phrase

    @staticmethod
    def _describes_crowd(s, t_first) -> bool:
        """Does a present-tense verb follow an indefinite crowd noun it describes (متظاهرين
        يحتجون على الغلاء: "protesters protesting")?"""
        before = [a for a in s.actors if s.tok(a.end - 1) == t_first - 1]
        return bool(before) and before[-1].attrs.get("sector") in _CROWD and \
            not normalize_string(before[-1].text).lstrip("وفبل").startswith("ال")

    @staticmethod
    def _before_apposition(s, lo, t_first):
        """The subject told before an aside between commas that the verb's clause follows
        (مقاتلو الحزب، الذي تحظره أنقرة منذ عقود، هاجموا): a free phrase ending right
        before the aside's first comma."""
        if t_first - lo > 1 or lo < 2 or s.word(lo - 1) not in ("،", ","):
            return None
        for j in range(lo - 2, max(-1, lo - 2 - _APPOSITION_REACH), -1):
            if s.word(j) in ("،", ","):
                return next((a for a in reversed(s.actors) if s.tok(a.end - 1) == j - 1
                             and s.preposition_before(a) is None), None)
            if s.is_boundary(j):
                return None
        return None

    def _light_verb(self, s, lo, t_first, start) -> int | None:
        """The token of the light verb of its clause whose object the noun trigger at ``start``
        is (شن … غارات); none when another event noun stands between them (فتح تحقيقا في مقتل …:
        the killing is what is investigated)."""
        verbs = [j for j in range(lo, t_first) if s.in_cue(j, "support")]
        if not verbs:
            return None
        after_verb = s.tokens[verbs[-1]].end
        return None if any(after_verb <= x < start for x in s.noun_triggers) else verbs[-1]

    @staticmethod
    def _adjacent(s, a, t_first, t_last) -> bool:
        """Does the phrase stand right after the verb or right before it (its subject)?"""
        return 0 < s.tok(a.start) - t_last <= 2 or 0 < t_first - s.tok(a.end - 1) <= 2

    def _habitual(self, s, prefix, lo, hi, t_first) -> bool:
        """Does a present-tense verb tell a habit? Not when dated, negated (لم تقصف), a
        purpose or a future (ليقصف، سيقصف), describing a phrase (الطائرات التي تقصف), or in a
        headline."""
        if "ل" in prefix or prefix.endswith("س") or self._opens_relative(s, lo, t_first):
            return False
        if s.doc.sentences[s.index].headline:
            return False  # headlines tell past events in the present (الطيران يقصف مواقع)
        if any(lo <= s.tok(d.start) < hi for d in s.dates):
            return False
        return not any(kind == "negation" and 0 < t_first - s.tok(c_start) <= 3
                       for c_start, _, kind in s.cues)

    @staticmethod
    def _kana_before(s, lo, t_first) -> int | None:
        """The token of a كان form opening a subject-first clause whose verb at ``t_first``
        follows قد (وكانت X قد طالبت), when words stand between them."""
        if t_first < 1 or s.word(t_first - 1) not in ("قد", "وقد"):
            return None
        # across the quotes and commas of an aside (وكانت «حركة حماس»، الفصيل الأكبر في غزة،
        # قد …), not across a complementiser: the subject of قال إن X قد is X
        for i in range(t_first - 3, max(0, t_first - _APPOSITION_REACH) - 1, -1):
            if s.word(i) in _KANA:
                return i
            if i < lo and s.tokens[i].start in s.complement_starts:
                return None
        return None

    @staticmethod
    def _background(s, trig, t_first, lo) -> bool:
        """Is the event told as background to the sentence's main statement: an event noun
        right after a background word (بعد الهجوم، التحقيق في اغتيال), or a trigger in a
        subordinate or relative clause (عندما هاجم المسلحون، الذين تظاهروا)?  An attack told
        after its dead and wounded (قتل خمسة حين انفجرت سيارة) is what the sentence reports."""
        if trig.pos == "N" and any(s.in_cue(j, "background") for j in (t_first - 1, t_first - 2)
                                   if j >= 0):
            return True
        if trig.pos == "N" and t_first >= 3 and _bare(s.word(t_first - 1)) in ("في", "ب") and \
                s.in_cue(t_first - 3, "background"):
            return True  # المتهم الرئيسي في اغتيال: an adjective between
        opener = next((j for j in range(t_first - 1, max(lo, t_first - 4) - 1, -1)
                       if s.in_cue(j, "subordinate")), None)
        if opener is None and lo > 0 and (s.in_cue(lo - 1, "subordinate")
                                          or s.in_cue(lo - 1, "relative")):
            opener = lo - 1
        # the toll must be told before the subordinate clause opens: اثر مقتل جنديين في هجوم
        # gives the deaths as background too
        return opener is not None and not (
            trig.type == "ASSAULT" and s.cue_between(0, opener, "casualty"))

    def _victim_frame(self, s, trig, start, prefix) -> bool:
        """Is an attack that names no attacker reported through its victims: an attack noun
        after في، جراء، إثر … in a sentence counting dead or wounded (قتل خمسة في انفجار سيارة
        مفخخة), or an attack suffered (تعرضت الدورية لهجوم)?  (Counted dead alone, قتل عشرون
        شخصا, are not enough: they are most often the toll of an attack told with its author.)"""
        if trig.type != "ASSAULT" or not (trig.pos == "N" or trig.masdar):
            return False  # (a bare stem like قصف after في is its verbal noun)
        t_first = s.tok(start)
        exposure = self._exposure_at(s, prefix, t_first)
        if exposure is not None:
            # تعرض لمحاولة اغتيال, whatever the noun's genitive; not a present (أن تتعرض
            # للاغتصاب): that tells what may happen, not what did
            word = s.word(exposure)
            # يتعرض، وتتعرض، للتعرض: a present or a purpose
            return not word[word[:1] in "وف":].startswith(("يت", "تت", "نت", "لت", "للت"))
        return trig.genitive == "actor" and s.cue_between(0, len(s.tokens), "casualty") and \
            (_bare(s.word(t_first - 1)) in _CAUSE_WORDS or "ب" in prefix)

    def _pronoun_subject(self, s, lo, t_first) -> bool:
        """Does the verb at ``t_first`` (after at most a particle: قد، لم) follow a
        complementiser carrying its subject (إنه، أنها، بأنهم)?"""
        return lo > 0 and t_first - lo <= 1 and s.in_cue(lo - 1, "pronoun-complement")

    def _speaker(self, s, before_tok):
        """The actor who says what the clause at ``before_tok`` tells: the source of the nearest
        reporting verb before it that names one, when that source may be a party (not a news
        outlet or a monitor, whose "أنه قتل" is the impersonal "it was killed")."""
        limit = s.tokens[before_tok].start
        for c_start, c_end, kind in reversed(s.cues):
            if kind != "report" or c_start >= limit:
                continue
            src = self._source_near(s, c_start, c_end, s.tok(c_start), s.tok(max(c_start, c_end - 1)))
            if src is None:
                continue
            actor = next((a for a in s.actors if (a.start, a.end) == (src.start, src.end)), None)
            if actor is None or actor.attrs.get("sector") in _OBSERVERS:
                return None
            return actor
        return None

    def _opens_relative(self, s, lo, t_first) -> bool:
        """Is the verb at ``t_first`` (after at most a particle) the first word of a relative
        clause?"""
        return lo > 0 and t_first - lo <= 1 and s.in_cue(lo - 1, "relative")

    def _antecedent(self, s, lo):
        """The actor a relative clause opening at token ``lo`` hangs on: one that ends right
        before the relative pronoun (its adjectives are part of the actor phrase)."""
        rel_start = s.tokens[lo - 1].start
        for a in reversed(s.actors):
            if a.end <= rel_start:
                return a if s.tok(a.end - 1) == lo - 2 else None
        return None

    def _discourse_subject(self, s, start):
        """An elided subject (وارتكبت مذابح …): the nearest earlier free phrase of the sentence
        that is not the source of a reporting verb."""
        sources = {(c[0], c[1]) for c in s.cues if c[2] in ("report", "source")}
        for a in reversed([a for a in s.actors if a.end <= start]):
            if s.preposition_before(a) is not None or _accusative(s, a):
                continue  # (قتلت القوات مسلحا واعتقلت: the object is not the subject)
            i = s.tok(a.start)
            if any(s.tok(c_s) in (i - 1, i - 2) for c_s, _ in sources):
                continue  # أعلن سفير روسيا: a source, not a party
            return a
        return None

    def _after_words(self, s, after, words):
        for a in after:
            i = s.tok(a.start)
            prev = _bare(s.word(i - 1))
            if any(prev == w or prev.endswith(w) for w in words):
                return a
        return None

    def _agentive(self, s, after, near: int | None = None):
        """The phrase right after an agentive cue (على يد، برصاص، نفذه); with ``near``, only a
        cue within four words of that token counts."""
        for a in after:
            i = s.tok(a.start)
            for c in s.cues:
                if c[2] != "agentive" or c[1] > a.start:
                    continue
                # the phrase begins in the cue's own word (برصاص القناصة) or at most one word on
                if i - s.tok(c[1] - 1) <= 2 and (near is None or s.tok(c[0]) - near <= 4):
                    return a
        return None

    def _recipient(self, s, trig, actors, after, t_last, hi):
        """The phrase after the trigger that its prepositions (or none, for a direct object)
        introduce, allowing a few head nouns between (على مواقع الميليشيات)."""
        used = {(a.start, a.end) for a in actors}
        anchor = _after_parties(s, actors, t_last)
        wanted = set(trig.recipient)
        for a in after:
            if (a.start, a.end) in used or a.start < s.tokens[anchor].end:
                continue
            ai = s.tok(a.start)
            if ai >= hi or ai - anchor > _RECIPIENT_REACH:
                break
            preps = set()
            for j in range(anchor + 1, ai):
                if s.in_cue(j, "quantity") or self._in_date(s, j) or self._in_date(s, j + 1) \
                        and _bare(s.word(j)) in ("في", "فى", "منذ", "خلال"):
                    continue  # طالبت في أوت السلطات: a date between verb and object
                w = _bare(s.word(j))
                if w in _PREPOSITIONS:
                    preps.add(w)
                elif w[:1] in "بل" and len(w) > 3:
                    preps.add(w[0])
            prep = s.preposition_before(a)
            if prep:
                preps.add(prep)
            if preps & wanted:
                return _coordinated(s, a, hi)
            if "obj" in wanted and preps <= {"ل", "من"}:
                return _coordinated(s, a, hi)
        return []

    @staticmethod
    def _in_date(s, j) -> bool:
        if j >= len(s.tokens):
            return False
        start = s.tokens[j].start
        return any(d.start <= start < d.end for d in s.dates)

    def _pronoun_in_recipient_slot(self, s, trig, actors, t_last, hi, suffix) -> bool:
        """Does a pronoun stand where the recipient would: on the verb (تعتقلها), on the
        trigger's preposition (ألقت الشرطة القبض عليه) or on the head noun after it (بغارات على
        تجمعاته)?"""
        if trig.pos == "V" and "obj" in trig.recipient and suffix in _OBJECT_PRONOUNS:
            return True
        anchor = _after_parties(s, actors, t_last)
        preps = [p for p in trig.recipient if p not in ("obj", "-")]
        for j in range(anchor + 1, min(hi, anchor + 3)):
            w = _bare(s.word(j))
            for p in preps:
                if w.startswith(p) and w[len(p):] in _OBJECT_PRONOUNS:
                    return True  # عليه، ضدهم
                if w == p and j + 1 < hi and _possessed(s.word(j + 1)):
                    return True  # على مواقعهم، على تجمعاته
        return False

    def _referent(self, s, start, actors):
        """What a pronoun in the recipient slot stands for: the nearest phrase before the
        trigger in its sentence that is not one of the event's actors."""
        codes = {(a.attrs.get("country"), a.attrs.get("sector")) for a in actors}
        candidates = [a for a in reversed([a for a in s.actors if a.end <= start])
                      if a.attrs.get("sector") is not None
                      and (a.attrs.get("country"), a.attrs.get("sector")) not in codes]
        # the other side of the conflict before anyone nearer (مواقعهم after الرهائن: the captors)
        sides = {_side(a.attrs.get("country"), a.attrs.get("sector")) for a in actors} - {None}
        opposed = [a for a in candidates
                   if _side(a.attrs.get("country"), a.attrs.get("sector")) not in sides | {None}]
        return (opposed or candidates)[:1]

    def location(self, s, trig, start, lo, hi, focus_place, participants):
        if (trig.type, trig.mode) in _RULINGS and participants:
            # a court rules where it sits: محكمة في طرابلس، محكمة إسرائيلية
            court = participants[0]
            seat = [p for p in s.places if court.start <= p.start and p.end <= court.end]
            if seat:
                return [place_of(seat[0])]
            if court.attrs.get("country"):
                return [country_place(court.attrs["country"])]
        if participants and _is_state(participants[0].attrs.get("country")) and \
                s.cue_between(lo, hi, "domestic"):
            # … ضد الأكراد بالداخل: at home is the actor's own country
            return [country_place(participants[0].attrs["country"])]
        candidates = [(p, lo <= s.tok(p.start) < hi) for p in s.places]
        return choose_location(candidates, start, focus_place,
                               [(a.start, a.end) for a in participants], doc=s.doc,
                               doc_places=s.doc_places)

    def date(self, s, event, start, lo, hi):
        best = None
        for d in s.dates:
            i = s.tok(d.start)
            if not lo <= i < hi:
                continue  # a date in another clause dates another event
            score = (d.attrs.get("kind") == "clock", abs(d.start - start))
            if best is None or score < best[0]:
                best = (score, d)
        if best is not None:
            d = best[1]
            event.date, event.date_precision, event.date_text = (
                d.attrs["value"], d.attrs["precision"], d.text)
        elif s.doc.published:
            event.date, event.date_precision = s.doc.published[:10], "publication"

    def attribution(self, s, start, t_first) -> list[Source]:
        out: list[Source] = []
        for c_start, c_end, kind in s.cues:
            if kind != "report":
                continue
            ci = s.tok(c_start)
            cj = s.tok(max(c_start, c_end - 1))
            phrase_cue = cj > ci or normalize_string(s.doc.text[c_start:c_end]) in ("بحسب", "حسب")
            if c_start > start and not phrase_cue:
                continue
            if c_start < start and s.cue_between(cj + 1, s.tok(start), "clause"):
                continue  # … بينما تطالب فرنسا: a new clause leaves the report behind
            src = self._source_near(s, c_start, c_end, ci, cj)
            if src is not None:
                out.append(src)
                break
        return out

    def _source_near(self, s, c_start, c_end, ci, cj) -> Source | None:
        # نقلت X عن Y: the original source is Y
        for a in s.actors:
            if a.start >= c_end and s.tok(a.start) - cj <= 8:
                i = s.tok(a.start)
                if s.word(i - 1) == "عن" or s.doc.normalized.text[
                        s.doc.normalized.find_view(s.tokens[i].start):
                        s.doc.normalized.find_view(a.start)] == "عن":
                    return Source(a.start, a.end, a.text, a.attrs.get("name"),
                                  a.attrs.get("country"), a.attrs.get("sector"))
        for a in s.actors:
            if a.start >= c_end and s.tok(a.start) - cj <= 3:
                return Source(a.start, a.end, a.text, a.attrs.get("name"),
                              a.attrs.get("country"), a.attrs.get("sector"))
        for c_s, c_e, kind in s.cues:
            if kind == "source" and c_s >= c_end and s.tok(c_s) - cj <= 3:
                end = s.tokens[min(len(s.tokens) - 1, s.tok(c_e - 1) + 2)].end
                sub_end = _phrase_end(s, c_s, end)
                return Source(c_s, sub_end, s.doc.text[c_s:sub_end])
        if s.tokens[ci].start < c_start and s.word(ci)[:1] in "وف":
            return None  # وقال، فأكد: the phrase before closes the clause before, not its subject
        for a in reversed(s.actors):
            if a.end <= c_start and ci - s.tok(a.end - 1) <= 2:
                return Source(a.start, a.end, a.text, a.attrs.get("name"),
                              a.attrs.get("country"), a.attrs.get("sector"))
        return None

    def modality(self, s, trig, start, prefix, lo, event) -> str:
        t_first = s.tok(start)
        for c_start, c_end, kind in s.cues:
            if c_start >= start:
                break
            if kind not in _MODAL_CUES:
                continue
            ci = s.tok(c_start)
            distance = t_first - s.tok(max(c_start, c_end - 1))
            if kind == "negation" and distance <= 3:
                return "negated"
            if kind == "future" and distance <= 4 or kind == "plan" and distance <= 6:
                return "future"
            if kind == "hedge" and s.doc.normalized.text[s.doc.normalized.find_view(c_start):
                                                         s.doc.normalized.find_view(c_end)] == "قد" \
                    and not _imperfect(s.word(s.tok(max(c_start, c_end - 1)) + 1)):
                continue  # قد قتل، وقد تم: قد before a perfect verb affirms, it does not hedge
            if kind == "hedge" and distance <= _HEDGE_REACH and not s.cue_between(ci + 1, t_first, "report"):
                return "hedged"
            if kind == "demand" and distance <= 4 and trig.type != "REQUEST":
                return "demanded"
        if prefix.endswith("س") and trig.pos == "V":
            return "future"
        if "ل" in prefix and trig.pos == "V":
            return "future"  # ليضرب، لتقصف: a purpose, not a deed
        if event.attribution:
            return "reported"
        return "asserted"

    def _counts(self, s) -> list[tuple[int, tuple[int, int | None]]]:
        """The sentence's numbers (digits, number words) by token, found once per sentence."""
        if s.counts is None:
            s.counts = []
            quantities, openers = self.quantities, self.quantity_openers
            for i, tok in enumerate(s.tokens):
                w = tok.norm
                if w.isdigit():
                    s.counts.append((i, (int(w), int(w))))
                    continue
                if w not in openers and w.removeprefix("ال") not in quantities:
                    continue
                count = quantities.get(f"{w} {s.word(i + 1)}") or quantities.get(w) \
                    or quantities.get(w.removeprefix("ال"))
                if count is not None:
                    s.counts.append((i, count))
        return s.counts

    def size(self, s, lo, hi) -> dict:
        out: dict = {}
        for i, count in self._counts(s):
            if not lo <= i < hi:
                continue
            kind = None
            for j in (i - 1, i - 2, i + 1, i + 2):
                if lo <= j < hi:
                    kind = self._size_kind(s.word(j))
                    if kind:
                        break
            if kind and kind not in out:
                out[kind] = {"text": s.tokens[i].norm and s.doc.text[s.tokens[i].start:s.tokens[i].end],
                             "min": count[0], "max": count[1]}
        for i in range(lo, hi - 1):
            # مقتل شخص، إصابة جندي: one person named after a word of the dead or wounded
            kind = self._size_kind(s.word(i))
            if kind and kind not in out and s.tokens[i + 1].start in s.doc_sector_starts and \
                    s.in_cue(i + 1, "person"):
                tok = s.tokens[i + 1]
                out[kind] = {"text": s.doc.text[tok.start:tok.end], "min": 1, "max": 1}
        return out

    def _size_kind(self, word: str) -> str | None:
        """What a number next to ``word`` counts (dead, injured, arrested …), if anything."""
        return self.sizes.get(word) or self.sizes.get(word.lstrip("وف"))


def _phrase_end(s: _Sentence, start: int, limit: int) -> int:
    """End of a short source phrase: stop at punctuation or a complementiser."""
    i = s.tok(start)
    end = s.tokens[i].end
    while i + 1 < len(s.tokens) and s.tokens[i + 1].end <= limit:
        w = s.word(i + 1)
        if w in _CLAUSE_PUNCT or w in ("ان", "الي", "عن", "بان"):
            break
        i += 1
        end = s.tokens[i].end
    return end


@stage("events", requires=("actors", "dates"), provides=("events",))
def make_events(settings):
    return Coder()
