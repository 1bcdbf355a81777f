"""Storage: SQLite (the embedded default, nothing to start) and PostgreSQL behind one interface.

``open_store(url)`` opens ``postgresql://...`` (or ``postgres://...``) with psycopg and anything
else as a SQLite file path (``sqlite:///path`` also accepted), then applies any pending schema
migrations. See ``docs/store.md`` for the schema, migrations and deduplication rules.
"""

from __future__ import annotations

from .base import Filters, PostgresStore, SQLiteStore, Store


def open_store(url: str, *, migrate: bool = True) -> Store:
    if url.startswith(("postgresql://", "postgres://")):
        store: Store = PostgresStore(url)
    else:
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
        store = SQLiteStore(path)
    if migrate:
        store.migrate()
    return store


__all__ = ["open_store", "Store", "SQLiteStore", "PostgresStore", "Filters"]
