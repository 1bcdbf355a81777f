"""The document model: the untouched text and every annotation as a ``(start, end)`` span into it.

A :class:`Document` carries the original text, its metadata, and what the pipeline stages add:
sentences, tokens (each holding its clitic sub-units), entities, and events. Every span is a pair
of character offsets into ``Document.text``, end exclusive. ``to_dict``/``from_dict`` give the JSON
form described by the schema shipped in ``marsad/schema/document.schema.json``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from functools import cache, cached_property
from importlib import resources
from typing import Any

from .text.normalize import NormalizedText, normalize

SCHEMA_VERSION = "marsad-document/1"

MODALITIES = ("asserted", "reported", "hedged", "negated", "future", "demanded")


@dataclass(slots=True)
class SubToken:
    """A clitic or the stem of a surface token: ``kind`` is proclitic, stem or suffix."""

    kind: str
    start: int
    end: int
    norm: str


@dataclass(slots=True)
class Token:
    start: int
    end: int
    norm: str
    sentence: int
    parts: list[SubToken] = field(default_factory=list)

    @property
    def stem(self) -> str:
        for part in self.parts:
            if part.kind == "stem":
                return part.norm
        return self.norm


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    headline: bool = False


@dataclass(slots=True)
class Entity:
    """A mention: PER, ORG, LOC, GPE (a country or a capital standing for it), NORP (gentilic),
    TITLE, SECTOR (a group noun such as قوات or مسلحون), DATE, NUM or QUANT."""

    start: int
    end: int
    label: str
    text: str
    source: str = "lexicon"
    key: str | None = None  # the lexicon entry or gazetteer id it matched
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Actor:
    """An event participant: the span it was read from and its coding."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    also_sectors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    start: int | None
    end: int | None
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    admin1: str | None = None
    precision: str | None = None  # place | district | province | country


@dataclass(slots=True)
class Source:
    """Who the article cites for an event."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class Mention:
    """One place in the text where the event is told."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    sentence: int


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    trigger: str
    mentions: list[Mention]
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    locations: list[Place] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None  # day | week | month | year
    date_text: str | None = None
    attribution: list[Source] = field(default_factory=list)
    modality: str = "asserted"
    size: dict[str, dict[str, Any]] = field(default_factory=dict)
    context: list[str] = field(default_factory=list)
    confidence: float = 1.0


_NESTED = {"parts": SubToken}


def _load(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Document:
    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    language: str = "ar"
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)

    @cached_property
    def normalized(self) -> NormalizedText:
        return normalize(self.text)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def word_start(self, offset: int) -> int:
        """Where the whitespace-separated word holding ``offset`` begins (an entity or a cue may
        start after its word's clitics: الدورية، وأسفرت)."""
        while offset > 0 and not self.text[offset - 1].isspace():
            offset -= 1
        return offset

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding an original offset: the last one starting at or
        before it (0 before the first)."""
        # The sentences' starts are kept while ``sentences`` is the same list of the same length:
        # the stages ask for an offset's sentence hundreds of times an article.
        sentences = self.sentences
        kept = self.__dict__.get("_sentence_starts")
        if kept is None or kept[0] is not sentences or kept[1] != len(sentences):
            kept = (sentences, len(sentences), [s.start for s in sentences])
            self.__dict__["_sentence_starts"] = kept
        following = bisect_right(kept[2], offset)
        return following - 1 if following else 0

    # JSON ---------------------------------------------------------------------------------------
    def to_dict(self, *, include_tokens: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "text": self.text,
            "stages": list(self.stages),
            "meta": dict(self.meta),
            "sentences": [asdict(s) for s in self.sentences],
            "entities": [asdict(e) for e in self.entities],
            "events": [event_to_dict(e) for e in self.events],
        }
        if include_tokens:
            out["tokens"] = [asdict(t) for t in self.tokens]
        return out

    def to_json(self, **kwargs) -> str:
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        if data.get("schema") != SCHEMA_VERSION:
            from .errors import MalformedInputError

            raise MalformedInputError(
                f"expected schema {SCHEMA_VERSION!r}, found {data.get('schema')!r}"
            )
        doc = cls(
            text=data["text"],
            id=data.get("id"),
            title=data.get("title"),
            published=data.get("published"),
            source=data.get("source"),
            url=data.get("url"),
            language=data.get("language", "ar"),
            meta=dict(data.get("meta") or {}),
            stages=list(data.get("stages") or []),
        )
        doc.sentences = [_load(Sentence, s) for s in data.get("sentences", [])]
        doc.tokens = [
            Token(**{**t, "parts": [_load(SubToken, p) for p in t.get("parts", [])]})
            for t in data.get("tokens", [])
        ]
        doc.entities = [_load(Entity, e) for e in data.get("entities", [])]
        doc.events = [event_from_dict(e) for e in data.get("events", [])]
        return doc


def _record(obj) -> dict[str, Any]:
    """A flat dataclass as a dict (``asdict`` deep-copies, a cost on every stored event)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


@cache
def _field_names(cls) -> tuple[str, ...]:
    """The names of a dataclass's fields (``fields`` builds them anew at every call)."""
    return tuple(f.name for f in fields(cls))


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event as plain JSON-ready data, equal to ``dataclasses.asdict(event)``."""
    out = _record(event)
    out["mentions"] = [_record(m) for m in event.mentions]
    out["locations"] = [_record(p) for p in event.locations]
    out["attribution"] = [_record(a) for a in event.attribution]
    for role in ("actors", "recipients"):
        out[role] = [{**_record(a), "also_sectors": list(a.also_sectors)} for a in out[role]]
    out["size"] = {kind: dict(v) for kind, v in event.size.items()}
    out["context"] = list(event.context)
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    ev = _load(Event, data)
    ev.mentions = [_load(Mention, m) for m in data.get("mentions", [])]
    ev.actors = [_load(Actor, a) for a in data.get("actors", [])]
    ev.recipients = [_load(Actor, a) for a in data.get("recipients", [])]
    ev.locations = [_load(Place, p) for p in data.get("locations", [])]
    ev.attribution = [_load(Source, s) for s in data.get("attribution", [])]
    return ev


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``Document.to_dict()`` output, shipped with the package."""
    text = resources.files("marsad.schema").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)
