"""The one shared fixtures file.  Fixtures are sentences we wrote ourselves; the shared corpora
are read at run time from ../shared and never copied here."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, built once for the whole test session."""
    from marsad import Pipeline, Settings

    return Pipeline(Settings())


@pytest.fixture
def extract(nlp):
    """``extract(text, published=...)`` through the shared pipeline."""
    from marsad import extract as _extract

    def run(text: str, published: str | None = "2016-12-14", **kw):
        return _extract(text, published=published, pipeline=nlp, **kw)

    return run
