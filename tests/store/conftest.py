"""Store fixtures: a real SQLite file and, for tests marked postgres, a throwaway schema on the
real PostgreSQL server at 127.0.0.1:5432 (database ``test``), dropped afterwards."""

from __future__ import annotations

import os
import uuid

import pytest

PG_BASE = os.environ.get("MARSAD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pg_schema_url(schema: str) -> str:
    return f"{PG_BASE}?options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url():
    psycopg = pytest.importorskip("psycopg")
    schema = f"marsad_t_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(PG_BASE, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(schema)
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return request.getfixturevalue("pg_url")
