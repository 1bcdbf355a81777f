"""Settings with defaults and help, in the manner of datasette's.

Each setting can be given on the command line (``--setting NAME VALUE``), in the environment
(``MARSAD_NAME``), or in code (``Settings(name=value)``). ``marsad settings`` lists them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError

DEFAULT_STAGES = ("segment", "entities", "link", "time", "events", "dedup")


def _setting(default: Any, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    stages: tuple[str, ...] = _setting(
        DEFAULT_STAGES, "pipeline stages to run, in order (comma-separated on the command line)"
    )
    max_input_mb: float = _setting(
        20.0, "largest input document accepted, in megabytes; larger files are refused with M104"
    )
    ner_model: bool = _setting(
        True, "use the trained NER model beside the lexicons (false: lexicons only)"
    )
    default_country: str | None = _setting(
        None, "ISO3 country assumed for actors with no country in the article (default: the article's focus)"
    )
    db: str = _setting("marsad.sqlite", "database URL or SQLite path used by ingest, search, export, stats")

    def with_values(self, **values: Any) -> "Settings":
        known = {f.name: f for f in fields(self)}
        parsed = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
            parsed[name] = _parse(known[name].type, value, name)
        return replace(self, **parsed)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        environ = os.environ if environ is None else environ
        values = {
            f.name: environ[f"MARSAD_{f.name.upper()}"]
            for f in fields(cls)
            if f"MARSAD_{f.name.upper()}" in environ
        }
        return cls().with_values(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        return [(f.name, f.default, f.metadata["help"]) for f in fields(cls)]


def _parse(type_name: Any, value: Any, name: str) -> Any:
    if not isinstance(value, str):
        return value
    t = str(type_name)
    try:
        if t.startswith("tuple"):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if t == "bool":
            if value.lower() in ("1", "true", "yes", "on"):
                return True
            if value.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(value)
        if t == "float":
            return float(value)
        if t == "int":
            return int(value)
    except ValueError as exc:
        raise ConfigError(f"setting {name!r}: cannot read {value!r} as {t}") from exc
    return value or None
