"""Stage ``dedup``: one event per real-world event within an article.

Two coded mentions are the same event when they have the same type, agreeing actors (a shared
country and sector) and recipients that do not disagree, and either stand in the same sentence,
or one of them is the headline, or they share the trigger's lemma and the place. The merged
event keeps every mention as evidence; its roles come from the body, not the headline, and its
sources are all the sources of its mentions. Cross-article deduplication is the store's work.
"""

from __future__ import annotations

from ..document import Actor, Document, Event
from ..pipeline import stage
from ..text.normalize import normalize_string


_NEAR = 40  # characters between two triggers of one clause


def _codes(actors: list[Actor]) -> set[tuple[str | None, str | None]]:
    return {(a.country, a.sector) for a in actors}


def _agree(a: list[Actor], b: list[Actor], *, empty_ok: bool) -> bool:
    if not a or not b:
        return empty_ok
    if _codes(a) & _codes(b):
        return True
    names = {x.name for x in a if x.name} & {x.name for x in b if x.name}
    return bool(names)


def _stem(word: str) -> str:
    for prefix in ("وال", "فال", "بال", "ال", "و", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def trigger_lemma(ev: Event) -> frozenset[str]:
    """The trigger's words without article and conjunction, in any order: توقف القتال and
    القتال توقف are one lemma."""
    return frozenset(_stem(w) for w in normalize_string(ev.trigger).split())


def _same_place(a: Event, b: Event, *, strict: bool = False) -> bool:
    if not a.locations or not b.locations:
        return not strict
    pa, pb = a.locations[0], b.locations[0]
    if pa.geonameid and pb.geonameid:
        return pa.geonameid == pb.geonameid
    return (pa.country or pa.text) == (pb.country or pb.text)


def _same_day(a: Event, b: Event) -> bool:
    """Same date, or one of them is only dated by the article's publication."""
    return a.date == b.date or "publication" in (a.date_precision, b.date_precision)


def same_event(a: Event, b: Event, headline_sentences: set[int]) -> bool:
    if a.type != b.type or a.modality == "negated" or b.modality == "negated":
        return False
    if not _agree(a.actors, b.actors, empty_ok=False):
        # the same kind of event at the same place and day, told with another party of the
        # same country (the army / the rebels: both sides of one ceasefire), is one event
        same_kind = a.mode is not None and a.mode == b.mode and a.date == b.date
        countries = {x.country for x in a.actors} & {x.country for x in b.actors}
        if not (same_kind and countries and _same_place(a, b, strict=True)):
            return False
    if not _agree(a.recipients, b.recipients, empty_ok=True):
        return False
    sa, sb = a.mentions[0].sentence, b.mentions[0].sentence
    if sa == sb:
        # one clause told twice (شن غارات … الغارات), not two strikes listed in one sentence
        ma, mb = a.mentions[-1], b.mentions[0]
        near = abs(mb.trigger_start - ma.trigger_end) <= _NEAR or ma.start < mb.end and mb.start < ma.end
        return near and _same_place(a, b)
    if sa in headline_sentences or sb in headline_sentences:
        return True
    return (a.mode == b.mode) and _same_place(a, b) and trigger_lemma(a) == trigger_lemma(b)


def merge_into(keep: Event, other: Event, headline_sentences: set[int]) -> Event:
    """Fold ``other`` into ``keep``; the body mention's roles win over the headline's."""
    if keep.mentions[0].sentence in headline_sentences and \
            other.mentions[0].sentence not in headline_sentences:
        keep.actors, keep.recipients = other.actors, other.recipients
        keep.locations, keep.mode, keep.cameo = other.locations, other.mode, other.cameo
        keep.date, keep.date_precision, keep.date_text = other.date, other.date_precision, other.date_text
        keep.modality, keep.trigger = other.modality, other.trigger
    keep.mentions = sorted(keep.mentions + other.mentions, key=lambda m: m.start)
    seen = {(s.start, s.end) for s in keep.attribution}
    keep.attribution += [s for s in other.attribution if (s.start, s.end) not in seen]
    for kind, value in other.size.items():
        keep.size.setdefault(kind, value)
    if not keep.recipients and other.recipients:
        keep.recipients = other.recipients
    if keep.attribution and keep.modality == "asserted":
        keep.modality = "reported"
    return keep


def attach_retellings(events: list[Event], partyless: list[Event]) -> list[Event]:
    """Fold each mention that names no party into the event it retells: same type and mode,
    the same trigger lemma, the same place and day (وتوقف القتال في حلب … أعلن السفير أن القتال
    توقف في حلب). Its sources join the event's. Returns the mentions that retell nothing."""
    alone = []
    for loose in partyless:
        for ev in events:
            if ev.type == loose.type and ev.mode == loose.mode and _same_day(ev, loose) \
                    and "negated" not in (ev.modality, loose.modality) \
                    and trigger_lemma(ev) == trigger_lemma(loose) \
                    and _same_place(ev, loose, strict=True):
                merge_into(ev, loose, set())
                break
        else:
            alone.append(loose)
    return alone


def deduplicate(events: list[Event], headline_sentences: set[int]) -> list[Event]:
    kept: list[Event] = []
    for ev in events:
        for other in kept:
            if same_event(other, ev, headline_sentences):
                merge_into(other, ev, headline_sentences)
                break
        else:
            kept.append(ev)
    for i, ev in enumerate(kept, 1):
        ev.id = f"e{i}"
    return kept


@stage("dedup", requires=("events",), provides=("events_deduplicated",))
def make_dedup(settings):
    def dedup(doc: Document) -> Document:
        headlines = {i for i, s in enumerate(doc.sentences) if s.headline}
        doc.events = deduplicate(doc.events, headlines)
        return doc

    return dedup
